"""DC201 hedge-dropped: a hedge or modal of the source is gone, so the claim reads as certain.

What it flags:
    A derived claim aligned with a source claim that carries a hedge ("could", "may",
    "appears", "possibly") on the same content, where the derived claim has no hedge and reads
    clearly more certain. Unnamed-attribution adverbs ("reportedly") are left to DA101.
Why it matters:
    "The code could flag users" and "the code flags users" are different facts.
Known false positives:
    The hedge governs a part of the source sentence the derived text left out but whose verb
    it repeats elsewhere; weak modals ("can") are ignored for that reason.
Examples:
    Source: The new rules could delay the merger by a year.
    Flag: The new rules will delay the merger by a year.
    Okay: The new rules may delay the merger by a year.
"""

from __future__ import annotations

from checker.align import claim_keys, key
from checker.rules.base import Rule, evidence_of, make, shares_core, snippet

CODE, NAME, KIND, SEVERITY = "DC201", "hedge-dropped", "certainty-raised", "error"
ATTRIBUTION_HEDGES = {"reportedly", "allegedly", "purportedly", "supposedly", "apparently"}


def hedged_verb(claim, cue):
    """The key of the first verb after a hedge cue in a claim (what the hedge governs)."""
    for s, _e, _t, lem, pos in claim.words:
        if s >= cue.end and pos in ("VERB", "AUX", "ADJ"):
            return key(lem)
    return ""


def check(ctx):
    """Yield a finding for each derived claim that dropped a hedge of its source."""
    for dc in ctx.derived_claims:
        if dc.certainty.hedges or dc.certainty.attempts:
            continue
        dkeys = claim_keys(dc)
        for sc in ctx.aligned(dc):
            if not shares_core(dc, sc):
                continue
            dropped = [h for h in sc.certainty.hedges
                       if h.weight >= 0.2 and h.text.lower() not in ATTRIBUTION_HEDGES
                       and hedged_verb(sc, h) in dkeys]
            if not dropped or sc.certainty.level > dc.certainty.level - 0.2:
                continue
            h = dropped[0]
            yield make(RULE, dc, confidence=0.5 + 0.4 * h.weight / 0.35 * 0.8,
                       evidence=[evidence_of(sc)],
                       message=(f'Drops the hedge "{h.text}": the source says '
                                f'"{snippet(sc.text, 70)}".'),
                       suggestion=f'Keep "{h.text}" (or an equivalent hedge).')
            break


RULE = Rule(CODE, NAME, KIND, SEVERITY, "hedge or modal removed", check, __doc__)
