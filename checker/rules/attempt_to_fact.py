"""DC203 attempt-to-fact: an attempt, plan or intention becomes an accomplished fact.

What it flags:
    A derived claim that states an action plainly while its supporting source claim only
    says somebody is trying, planning, seeking or aiming to do it.
Why it matters:
    "Anthropic is trying to block Chinese companies" does not say that it blocks them.
Known false positives:
    A derived text that keeps the attempt with a verb outside the lexicon ("is working
    toward blocking"); extend ``attempts`` in the configuration for such house phrasings.
    Known misses: the action stated done with another verb ("stopped" for "trying to
    block"): the derived verb must be the one the attempt governs.
Examples:
    Source: The regulator is trying to stop the merger.
    Flag: The regulator stopped the merger.
    Okay: The regulator is seeking to stop the merger.
    Source: The port is trying to hire pilots. The port hired two pilots in May.
    Okay: The port hired two pilots in May.
"""

from __future__ import annotations

from checker.align import key
from checker.hedging import close_support, governed_verbs, hedged_verb
from checker.rules.base import Rule, evidence_of, make, shares_core, snippet

CODE, NAME, KIND, SEVERITY = "DC203", "attempt-to-fact", "certainty-raised", "error"


def check(ctx):
    """Yield a finding for each derived claim that turned an attempt into a fact."""
    for dc in ctx.derived_claims:
        if dc.certainty.attempts or dc.certainty.hedges:
            continue
        if not ctx.aligned(dc):
            continue
        close = close_support(ctx.support(dc))
        if any(not sc.certainty.attempts and not sc.certainty.hedges
               and key(sc.predicate) == key(dc.predicate) for sc in close):
            continue  # the source also states it plainly
        for sc in close:
            if not sc.certainty.attempts or not shares_core(dc, sc):
                continue
            if dc.negated != sc.negated:
                continue
            cue = sc.certainty.attempts[0]
            if hedged_verb(sc, cue) != key(sc.predicate):
                continue  # the attempt governs another verb of the sentence ("and was trying to")
            if key(dc.predicate) not in governed_verbs(sc, cue):
                continue  # the derived claim does something else ("fights" for "tries to block")
            yield make(RULE, dc, confidence=0.7,
                       evidence=[evidence_of(sc)],
                       message=(f'States as done what the source calls an attempt '
                                f'("{cue.text}"): "{snippet(sc.text, 70)}".'),
                       suggestion=f'Keep the attempt ("{cue.text} …").')
            break


RULE = Rule(CODE, NAME, KIND, SEVERITY, "attempt or plan stated as done", check, __doc__)
