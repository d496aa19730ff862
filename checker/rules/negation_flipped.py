"""DG601 negation-flipped: the derived claim reverses the polarity of its source claim.

What it flags:
    A derived claim aligned with a source claim on the same verb where exactly one of the
    two is negated ("did not approve" vs "approved").
Why it matters:
    A flipped negation states the opposite of the source.
Known false positives:
    Double negatives and negative verbs ("failed to approve" vs "did not approve") the
    extractor reads as different polarities; litotes ("not unlikely").
Examples:
    Source: The court did not approve the merger.
    Flag: The court approved the merger.
    Okay: The court declined to approve the merger, which it did not approve.
"""

from __future__ import annotations

from checker.align import key
from checker.rules.base import Rule, evidence_of, make, shares_core

CODE, NAME, KIND, SEVERITY = "DG601", "negation-flipped", "negation-flipped", "error"


def check(ctx):
    """Yield a finding for each derived claim whose polarity differs from its source's."""
    for dc in ctx.derived_claims:
        for sc in ctx.aligned(dc):
            if key(sc.predicate) != key(dc.predicate) or not shares_core(dc, sc):
                continue
            if sc.negated == dc.negated:
                break
            said = "negates" if dc.negated else "drops the negation of"
            yield make(RULE, dc, confidence=0.75, evidence=[evidence_of(sc)],
                       message=(f'{said.capitalize()} "{dc.predicate_text}": the source says '
                                f'"{sc.text[:80]}".'),
                       suggestion="Restore the source's polarity.")
            break


RULE = Rule(CODE, NAME, KIND, SEVERITY, "polarity reversed", check, __doc__)
