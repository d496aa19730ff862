"""DG603's readings over every source claim of the derived claim's party, which the aligner
often ranks apart from it (the source tells the party as "it" after a reporting verb, and
the derived claim names it, or the derived sentence's other words match elsewhere): a deed
named by its noun that the derived claim carries out ("has ordered an inquiry into the
harbour board") where the sources say the same party has not ("had not launched an
inquiry"), in the same verb or another that carries a deed out (deed_verbs.txt); and a plan
or decision the derived claim tells ("plans to sue the builder") where the sources leave it
undecided ("had not settled whether to sue the builder"). Known false positives: a deed or
a decision that came about after the source was written and that no source tells; two
inquiries on one party whose object the source leaves out ("had not begun an audit" beside
"has commissioned an audit of the accounts", when one of the accounts began earlier)."""

from __future__ import annotations

import re

from checker.align import key
from checker.hedging import hedged_verb
from checker.polarity import has_negation
from checker.sought import name_keys, object_keys, subject_keys
from checker.sought_deeds import refers_back, told_decided


def denied_deed(ctx, dc):
    """(source claim, noun) when a source claim of the same party negates a deed verb on the
    noun that the derived claim's deed verb takes as its object, and no source claim tells
    that deed done; else None."""
    lex = ctx.lexicon
    if not lex.has("deed_verbs", dc.predicate) or has_negation(dc, lex):
        return None
    nouns = object_keys(dc, lex)
    party = _party(dc, lex)
    if not nouns or not party:
        return None
    told, denied = False, None
    for sc in ctx.index.claims:
        if has_negation(sc, lex):
            if sc.negated and denied is None and lex.has("deed_verbs", sc.predicate) \
                    and nouns & object_keys(sc, lex) and _same_party(party, _party(sc, lex)) \
                    and _same_thing(dc, sc, nouns):
                denied = sc
            continue
        # the sources also tell a deed of the party done ("Fenbrook police opened an
        # investigation into both fires"), or the deed's noun with a deed verb in any form
        # ("An external review, ordered by the health board in April,")
        if lex.has("deed_verbs", sc.predicate) and _same_party(party, _party(sc, lex)) or (
                nouns & {key(w.lemma) for w in sc.words}
                and any(lex.has("deed_verbs", w.lemma) for w in sc.words)):
            told = True
    if denied is None or told:
        return None
    return denied, next(w.text for w in denied.words if key(w.lemma) in nouns)


def _same_party(mine: set, theirs: set) -> bool:
    """Two parties by their keys: one holds all of the other's ("Fenbrook police" and
    "Police in Fenbrook"; not "Hale Council" and "Hale Police")."""
    return bool(mine) and bool(theirs) and (mine <= theirs or theirs <= mine)


def _party(claim, lex) -> set:
    """Keys of the claim's subject; for a pronoun (the "it" of "it had not opened"), of the
    party its attribution names, a body ("The Coastal Standards Office said it"), not a
    person ("Tom Hale, the harbour master, said it": the "it" may be another body)."""
    if claim.subject and refers_back(claim.subject, lex):
        att = claim.attribution
        if claim.subject.lower() in ("it", "they") and att is not None and not any(
                lex.has(role, (att.head or "").lower())
                for role in ("non_person_heads", "corporate_nouns")):
            return set()
        return {key(w) for w in (att.source or "").replace(",", " ").split()
                if w[:1].isupper() and not lex.has("determiners", w.lower())} \
            if att is not None and att.kind == "named" else set()
    return subject_keys(claim) or {k for k in name_keys(claim) if not lex.has(
        "determiners", k)}  # (a subject the claim's text leaves out: "The regulator,
    # asked on Monday, had not opened ...")


def _same_thing(dc, sc, nouns) -> bool:
    """The deed's nouns are followed by what they are about in both claims, sharing a word
    ("an inquiry into the harbour board"), or in one of them only."""
    def after(claim):
        first = min((w.start for w in claim.words if key(w.lemma) in nouns), default=None)
        return {key(w.lemma) for w in claim.words if first is not None and w.start > first
                and w.pos in ("NOUN", "PROPN", "ADJ") and key(w.lemma) not in nouns}
    mine, theirs = after(dc), after(sc)
    return not mine or not theirs or bool(mine & theirs)


# "has not settled whether to claim damages", "had not chosen whether to appeal": the
# verb the undecided question is about
_WHETHER_TO = re.compile(r"\bwhether\s+(?:or\s+not\s+)?to\s+(?:[a-z]+ly\s+)?([a-z]+)", re.I)


def undecided_plan(ctx, dc):
    """(source claim, verb) when the derived claim tells a plan or a decision ("plans to claim
    damages", "will claim damages"), with no condition, whose verb and first noun after it
    a source claim of the same party (or, told as "it" or "we", of the same named speaker)
    leaves undecided ("has not settled whether to claim damages"; not "... until Tuesday"),
    and no other source claim tells that thing planned or settled; else None. Any source
    claim is asked: the aligner often matches the derived sentence's other words elsewhere.
    Known false positive: a question the sources tell settled in words none of those lists
    holds ("voted 9-0 in favour of suing")."""
    lex = ctx.lexicon
    if has_negation(dc, lex):
        return None
    planned = {hedged_verb(dc, c) for c in dc.certainty.attempts} - {""}
    if told_decided(dc):
        planned.add(key(dc.predicate))
    if not planned:
        return None
    if any(lex.has("condition_marks", w) for w in re.findall(r"[a-z]+", dc.text.lower())):
        return None  # "will sue only if the members agree": the plan is conditional
    things = {v: t for v in planned if (t := _object(dc, v)) is not None}
    party, voice = _party(dc, lex), _voice(dc, lex)
    for sc in ctx.index.claims:
        if not has_negation(sc, lex) or re.search(r"\buntil\b", sc.text):
            continue  # (not "had not settled whether to sue until Tuesday")
        for m in _WHETHER_TO.finditer(sc.text):
            verb = key(m.group(1))
            if verb not in things or things[verb] != _object(sc, verb, sc.start + m.end()):
                continue  # the same verb on the same thing ("close the library", not
                # "close the pool next to the library")
            if _same_party(party, _party(sc, lex)) or refers_back(sc.subject or "", lex) \
                    and voice and voice == _voice(sc, lex):
                return None if _plan_told(ctx, sc, things[verb]) else (sc, m.group(1))
    return None


def _object(claim, verb: str, after: int = -1):
    """The key of the first noun after the claim's ``verb`` (or after offset ``after``):
    what the verb is done to; None when there is none."""
    if after < 0:
        at = next((w.end for w in claim.words if key(w.lemma) == verb
                   and w.pos in ("VERB", "AUX")), None)
        if at is None:
            return None
        after = at
    return next((key(w.lemma) for w in sorted(claim.words) if w.start >= after
                 and w.pos in ("NOUN", "PROPN")), None)


def _plan_told(ctx, undecided, thing: str) -> bool:
    """Another source claim, not negated, tells the thing planned or settled: with a plan
    or an attempt, a "will", or a verb of settling or wanting (settling_verbs.txt,
    attempts.txt)."""
    lex = ctx.lexicon
    for o in ctx.index.claims:
        if o is undecided or has_negation(o, lex) or thing not in {
                key(w.lemma) for w in o.words}:
            continue
        if o.certainty.attempts or re.search(r"\bwill\b", o.text, re.I) or any(
                lex.has("settling_verbs", w.lemma) or lex.has("attempts", w.lemma)
                for w in o.words):
            return True  # ("now wants the boathouse sold", "has decided to sell it")
    return False


def _voice(claim, lex) -> set:
    """Keys of the capitalised words of the claim's named speaker, determiners aside."""
    att = claim.attribution
    if att is None or att.kind != "named":
        return set()
    return {key(w) for w in re.findall(r"[A-Z][\w'’-]+", att.source or "")
            if not lex.has("determiners", w.lower())}
