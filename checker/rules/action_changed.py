"""DU805 action-changed: the source's action swapped for another in a claim otherwise copied.

What it flags:
    A derived claim that restates its source claim word for word (alignment 0.8 or more)
    except for one verb, where the replacing verb is neither a synonym, a derivation nor a
    broader or narrower word of the source's verb in WordNet ("wrote the song" -> "sang the
    song", "was sentenced" -> "was cleared"). Opposites are left to DG602, reporting verbs,
    hedges, attempts and factive verbs to the attribution and certainty rules, light verbs
    ("make", "take") to nobody. The span is the verb.
Why it matters:
    One changed verb in a copied sentence changes what happened, and nothing else in the
    sentence warns the reader.
Off by default (``--select DU805``):
    On the development drift suite it was right in none of its 8 findings; the words it
    compares are those of paraphrases more often than of changed actions.
Known false positives:
    Paraphrase verbs WordNet does not relate ("set a date" for "scheduled"); two verbs of
    a phrasal or light-verb construction the word comparison splits differently. Silent on
    participles used as adjectives ("the ailing chain") and on a change of voice ("beaten
    by" for "lost to").
Examples:
    Source: The band recorded the new song in a church in Leeds last spring.
    Flag: The band performed the new song in a church in Leeds last spring.
    Okay: The band taped the new song in a church in Leeds last spring.
"""

from __future__ import annotations

from checker.actors import passive_before
from checker.align import key
from checker.rules.base import (
    Rule,
    evidence_of,
    is_claim_unit,
    make,
    snippet,
    verbs_judged_elsewhere,
)
from checker.word_diff import replacements

CODE, NAME, KIND, SEVERITY = "DU805", "action-changed", "unsupported-claim", "warning"
# Alignment at which a derived claim copies its source claim around the changed verb.
COPIED = 0.8


def _verb_in(claim, toks):
    """The one verb of the claim inside the replaced tokens, if exactly one."""
    s0, s1 = toks[0].start, toks[-1].end
    verbs = [w for w in claim.words if s0 <= w.start < s1 and w.pos == "VERB"]
    return verbs[0] if len(verbs) == 1 else None


def _passive(claim, verb) -> bool:
    """The verb in the passive: after a form of "be", or with an agent ("beaten 3-1 by")."""
    after = claim.text[verb.end - claim.start:].lower().split()[:4]
    return passive_before(claim.text[:verb.start - claim.start]) or "by" in after


def _modifies_noun(claim, verb) -> bool:
    """A participle used as an adjective ("the ailing chain", "a revised plan")."""
    nxt = next((w for w in claim.words if w.start >= verb.end), None)
    return (verb.text.lower().endswith(("ing", "ed", "en")) and nxt is not None
            and nxt.pos in ("NOUN", "PROPN")
            and not claim.text[verb.end - claim.start:nxt.start - claim.start].strip(" "))


def _lemmas(wn, word) -> set:
    """The parse's lemma and the base forms the written word can have ("taped": the parse
    says "tap", WordNet knows "tape" too)."""
    text = word.text.lower()
    out = {word.lemma}
    for cut, add in (("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e"),
                     ("s", ""), ("es", "")):
        if text.endswith(cut) and len(text) - len(cut) >= 3:
            base = text[: len(text) - len(cut)] + add
            if wn.knows(base, "verb"):
                out.add(base)
    return out


def _related(wn, dv, sv) -> bool:
    """Synonyms, derivations, or one broader than the other ("seized" / "took"), for any
    reading of either word's lemma."""
    da, sa = _lemmas(wn, dv), _lemmas(wn, sv)
    if {key(x) for x in da} & {key(x) for x in sa}:
        return True
    for xs, ys in ((da, sa), (sa, da)):
        for x in xs:
            if (wn.synonyms(x, "verb") | wn.broader(x, "verb", 2)) & ys:
                return True
    return False


def check(ctx):
    """Yield a finding for each verb swapped for an unrelated one in a copied claim."""
    wn = ctx.wordnet
    if not wn.available:
        return
    lex = ctx.lexicon
    skip = set(verbs_judged_elsewhere(lex))
    for dc in ctx.derived_claims:
        if not is_claim_unit(dc):
            continue
        al, sup = ctx.support(dc)
        if al.score < COPIED or not sup:
            continue
        sc = sup[0]
        skeys = {key(w.lemma) for w in sc.words}
        for rep in replacements(dc, sc, longest=2):
            dv, sv = _verb_in(dc, rep.derived), _verb_in(sc, rep.source)
            if dv is None or sv is None or dv.lemma in skip or sv.lemma in skip:
                continue
            if key(dv.lemma) in skeys or _related(wn, dv, sv):
                continue
            if _modifies_noun(dc, dv) or _modifies_noun(sc, sv):
                continue
            if _passive(dc, dv) != _passive(sc, sv):
                continue  # "beaten by" for "lost to": the same event from the other side
            if dv.lemma in wn.antonyms(sv.lemma, "verb") or sv.lemma in wn.antonyms(
                    dv.lemma, "verb"):
                continue  # an opposite: DG602
            yield make(RULE, dc, start=dv.start, end=dv.end, text=dv.text, confidence=0.55,
                       evidence=[evidence_of(sc, start=sv.start, end=sv.end)],
                       message=(f'Says "{dv.text}" where the source says "{sv.text}": '
                                f'"{snippet(sc.text, 70)}".'),
                       suggestion=f'Use the source\'s verb, "{sv.text}", or check the change.')
            break


# Off by default: on the development drift suite (44 stories) it was right in none of its 8
# findings. ``--select DU805`` turns it on.
RULE = Rule(CODE, NAME, KIND, SEVERITY, "an action swapped for another in a copied claim",
            check, __doc__, enabled=False)
