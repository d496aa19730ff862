"""DU807 added-clause: a clause tied to a restated passage with a relation no source states.

What it flags:
    The clause after the last comma of a derived claim that otherwise restates a source
    passage closely (alignment 0.65 or more), when it is a to-infinitive or opens with a
    participle, its verb is one the sources never use as a verb (nor a WordNet synonym of
    it in its two commonest senses) and never write as the derived text does, and two or
    more of its other content words are missing from the restated passage but stand
    together in another source passage: the clause joins two facts of the sources with a
    plan, a means or a consequence of its own ("asked for 40,000 for the library, to be
    paid out of the road budget"). Reporting verbs, hedges, attempts, answers, light verbs
    and "according to" are left to the attribution and certainty rules, causal and
    temporal connectives to DL301. The span is the clause.
Why it matters:
    DU801 passes over a claim that restates a source passage closely; an addition hidden
    in its last clause is built from the source's own words, so no word of it is new.
Known false positives:
    A paraphrase verb WordNet does not relate to the source's ("diverted" for "sent on a
    detour") in a clause fused faithfully from another passage; a noun the sources use
    where the derived text uses the verb ("the payment" for "paid"). Not flagged: an added
    clause before the last comma, one whose verb the sources use anywhere as a verb, and a
    comparison ("compared with 8% across the region") whose words a source passage sets
    against another by a comparison mark of its own ("against 8%": comparison_marks.txt);
    so a comparison the source makes with other figures than the derived text's passes; and
    one that sets a figure of another source passage beside the claim's own of the same
    kind ("a levy of £65, compared with the £48 that members paid last year"; known false
    positive: figures of different bases set side by side as if alike).
Examples:
    Source: The library asked for £40,000 to mend its roof. The road budget is £2m.
    Flag: The library asked for £40,000 to mend its roof, to be deducted from the road budget.
    Okay: The library asked for £40,000 to mend its roof.
"""

from __future__ import annotations

import re

from checker.align import GENERIC, claim_keys, key
from checker.records import memo_on
from checker.rules.base import Rule, is_claim_unit, make, snippet, verbs_judged_elsewhere

CODE, NAME, KIND, SEVERITY = "DU807", "added-clause", "unsupported-claim", "warning"
# Alignment at which the claim restates a source passage (DU801 stays silent above it).
CLOSE = 0.65
SYNONYM_SENSES = 2
# Content words of the clause besides its verb that must come from another passage.
MIN_ELSEWHERE = 2
CONTENT = ("NOUN", "VERB", "ADJ", "PROPN")
_COMMA = re.compile(r",\s+")


def _source_verbs(ctx) -> frozenset:
    """Lemmas the sources use as verbs."""
    return memo_on(ctx.index, "_du807_verbs", lambda: frozenset(
        w.lemma for c in ctx.index.claims for w in c.words if w.pos == "VERB"))


def _last_clause(dc):
    """Offset where the claim's last comma-separated clause starts, or None."""
    last = None
    for m in _COMMA.finditer(dc.text):
        last = m
    return None if last is None else dc.start + last.end()


def _non_finite(dc, start, first, verb) -> bool:
    """The clause is a to-infinitive ("to be paid from ...") or opens with a participle
    ("paid from ..."): it hangs on the restated passage instead of saying something of its
    own ("she declined to ...")."""
    text = dc.text[start - dc.start:].lower()
    if ";" in text:
        return False
    return verb is first and (text.startswith("to ") or first.start == start)


def _novel_verb(ctx, verb, skip, verbs) -> bool:
    """No source uses the verb, or a synonym of it, as a verb; nor writes the verb as the
    derived text does (a clause no claim holds: "in an effort to head off")."""
    if verb.lemma in skip or verb.lemma in GENERIC or verb.lemma in verbs or len(verb.lemma) < 3:
        return False
    if re.search(rf"\b{re.escape(verb.text.lower())}\b", ctx.index.text_lower):
        return False
    wn = ctx.wordnet
    if wn.available:
        if any(s in verbs for s in wn.synonyms(verb.lemma, "verb", SYNONYM_SENSES)
               if " " not in s):
            return False
    return True


def check(ctx):
    """Yield a finding for each added last clause with a verb no source uses."""
    lex = ctx.lexicon
    skip = {"accord"}  # "according to" attributes
    skip.update(verbs_judged_elsewhere(lex))
    skip.update(lex.words.get("speech_verbs", {}))  # a clause that says something
    verbs = _source_verbs(ctx)
    for dc in ctx.derived_claims:
        if not is_claim_unit(dc) or not dc.words:
            continue
        start = _last_clause(dc)
        if start is None:
            continue
        clause = [w for w in dc.words if w.start >= start]
        if len(clause) < 3 or any(link.end > start for link in dc.links):
            continue  # a causal or temporal link is DL301's to judge
        verb = next((w for w in clause if w.pos == "VERB"), None)
        if verb is None or not _non_finite(dc, start, clause[0], verb) \
                or verb.lemma == dc.predicate and not dc.text[start - dc.start:].startswith("to "):
            continue  # (the claim's own verb after its subject's apposition: "X and Y, the
            # two suppliers, face an inquiry" says what the claim says)
        if not _novel_verb(ctx, verb, skip, verbs):
            continue
        al, sup = ctx.support(dc)
        if al.score < CLOSE or not sup:
            continue
        restated = claim_keys(sup[0])
        outside = {key(w.lemma) for w in clause if w.pos in CONTENT and w is not verb
                   and w.lemma not in GENERIC} - restated
        if len(outside) < MIN_ELSEWHERE:
            continue
        elsewhere = [sc for sc, keys in zip(ctx.index.claims, ctx.index.keysets)
                     if sc is not sup[0] and len(outside & keys) >= MIN_ELSEWHERE]
        if not elsewhere:
            continue  # words of no source passage: DU801's matter
        if lex.has("comparison_marks", verb.lemma) and any(
                lex.has("comparison_marks", w) for sc in elsewhere
                for w in re.findall(r"[a-z]+", sc.sentence.lower())):
            continue  # "compared with 8% across the region" for the source's "against 8%
            # across the region": the source's own comparison
        if lex.has("comparison_marks", verb.lemma) and _figures_side_by_side(dc, start,
                                                                             elsewhere):
            continue  # "a levy of £65, compared with the £48 paid last year": two of the
            # sources' figures set side by side
        end = clause[-1].end
        words = dc.text[start - dc.start:end - dc.start]
        yield make(RULE, dc, start=start, end=end, confidence=0.45,
                   message=(f'"{snippet(words, 60)}": ties the passage to another fact with '
                            f'"{verb.text}", which no source says; no support found in the '
                            f"source."),
                   suggestion=f'Cut "{snippet(words, 50)}" or cite the source that says it.')


def _figures_side_by_side(dc, start: int, elsewhere) -> bool:
    """Every figure of the comparison clause from ``start`` is one the other source passage
    gives ("compared with the £48 levy" where a source has "a £48 levy last year"),
    and the claim before the clause gives a figure of the same kind: the clause sets two
    figures of the sources side by side, which states no fact of its own. Known false
    positive: two figures of different bases compared as if alike (a yearly and a monthly
    fee), which DN501 does not read either."""
    mine = [q for q in dc.quantities if q.start >= start]
    before = {q.kind for q in dc.quantities if q.start < start}
    theirs = {(q.kind, q.norm) for sc in elsewhere for q in sc.quantities}
    return bool(mine) and all((q.kind, q.norm) in theirs and q.kind in before for q in mine)


RULE = Rule(CODE, NAME, KIND, SEVERITY, "a clause tying a restated passage to another fact",
            check, __doc__)
