"""What a source already tells of a deed that a derived claim states done, besides the
attempt on it (DC203, ``rules/attempt_to_fact.py``): the other clauses of the attempt's
sentence, the progress a sentence of its own states with the derived figure, and a
settling ("agreed", settling_verbs.txt) the source reports itself."""

from __future__ import annotations

from checker.align import claim_keys, key
from checker.hedging import hedged_verb
from checker.sought import settled_verbs


def sentence_siblings(ctx, close) -> list:
    """The other claims of a closest claim's sentence: a derived sentence that merges two
    clauses of one source sentence aligns with the one that shares more words ("intends to
    fit a pump ... and is seeking a licence from the board" -> "has obtained the board's
    licence for a pump, which it intends to fit"), while the thing sought sits in the
    other."""
    return [o for sc in close for o in ctx.sentence_claims(sc) if o not in close]


def progress_claims(ctx, dc, close) -> list:
    """Source claims beyond the closest, with the derived verb, that hold a figure of the
    derived claim the closest claims lack: the progress told in a sentence of its own
    ("vowed to fit 9,000 pumps. By May it had fitted 3,400" -> "has fitted 3,400 of the
    9,000 pumps it vowed to fit"). Such a claim stating the verb plainly is the deed
    done. Known false positive: the same verb and
    figure told of another party elsewhere in the source."""
    mine = {q.norm for q in dc.quantities} - {q.norm for sc in close for q in sc.quantities}
    if not mine:
        return []
    verb = key(dc.predicate)
    return [sc for sc in ctx.index.claims
            if sc not in close and key(sc.predicate) == verb
            and mine & {q.norm for q in sc.quantities}]


def progress_stated(dc, close, siblings) -> bool:
    """The derived claim's figure is the progress the source sentence states plainly beside
    the attempt ("is seeking 20,000 members and has signed up more than 12,000 so far" ->
    "had more than 12,000 members towards a goal of 20,000"): a figure of the derived
    claim that no closest claim holds and another clause of the sentence states with no
    attempt or hedge. A date is no progress ("with a verdict due in early May"
    beside "has commissioned a test" tells when, not how far)."""
    mine = {q.norm for q in dc.quantities if q.kind not in ("date", "time")} \
        - {q.norm for sc in close for q in sc.quantities}
    return bool(mine) and any(
        not o.certainty.attempts and not o.certainty.hedges
        and mine & {q.norm for q in o.quantities} for o in siblings)


def settled_plainly(ctx, dc, close) -> bool:
    """The derived claim settles a deed ("the board agreed to sell the depot") and a closest
    source claim states that settling itself, under no attempt or hedge of its own ("X
    plans to sell the depot, its board agreed on Friday"): the plan is the
    decision the source reports."""
    settled = settled_verbs(ctx.lexicon, dc)
    if not settled:
        return False
    own = key(dc.predicate)
    for sc in close:
        if not any(w.pos == "VERB" and key(w.lemma) == own for w in sc.words):
            continue
        cues = sc.certainty.attempts + sc.certainty.hedges
        if key(settled[0].lemma) in claim_keys(sc) and \
                not any(hedged_verb(sc, c) == own for c in cues):
            return True
    return False
