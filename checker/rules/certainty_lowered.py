"""DC210 certainty-lowered: a firm finding turned into a possibility or an allegation.

What it flags:
    A derived claim with a hedge, modal or attempt that its supporting source claim does not
    have, or a non-factive verb where the source uses a factive one, so the derived claim is
    clearly less certain than the source's.
Why it matters:
    Downplaying a finding ("the audit may have found errors") misinforms as much as
    exaggerating it.
Known false positives:
    The hedge sits in a part of the derived sentence that has no counterpart in the source
    (an added aside). Off for weak modals ("can").
Examples:
    Source: The audit found errors in the accounts.
    Flag: The audit may have found errors in the accounts.
    Okay: The audit found errors in the accounts.
"""

from __future__ import annotations

import re

from checker.align import claim_keys
from checker.rules.base import Rule, evidence_of, make, shares_core, snippet
from checker.rules.hedge_dropped import ATTRIBUTION_HEDGES, hedged_verb

CODE, NAME, KIND, SEVERITY = "DC210", "certainty-lowered", "certainty-lowered", "warning"


def _same_word_in(cue: str, sentence: str) -> bool:
    """True when the cue's first word occurs in the source sentence."""
    word = cue.split()[0].lower() if cue.split() else ""
    return bool(word) and re.search(rf"\b{re.escape(word)}\b", sentence.lower()) is not None


def check(ctx):
    """Yield a finding for each derived claim hedged where the source is firm."""
    for dc in ctx.derived_claims:
        added = [h for h in dc.certainty.hedges
                 if h.weight >= 0.2 and h.text.lower() not in ATTRIBUTION_HEDGES]
        added += list(dc.certainty.attempts)
        if not added:
            continue
        sup = ctx.aligned(dc)
        if any(sc.certainty.hedges or sc.certainty.attempts for sc in sup):
            continue
        for sc in sup:
            if not shares_core(dc, sc):
                continue
            if sc.attribution is not None and dc.attribution is None:
                continue
            if dc.certainty.level > sc.certainty.level - 0.2:
                continue
            h = added[0]
            if h.role == "hedge" and hedged_verb(dc, h) not in claim_keys(sc):
                continue
            if _same_word_in(h.text, sc.sentence):
                continue  # the parser missed the source's own hedge or attempt
            yield make(RULE, dc, start=h.start, end=dc.end, confidence=0.6,
                       evidence=[evidence_of(sc)],
                       message=(f'Adds "{h.text}" where the source is firm: '
                                f'"{snippet(sc.text, 70)}".'),
                       suggestion=f'Drop "{h.text}" or say why the claim is in doubt.')
            break


RULE = Rule(CODE, NAME, KIND, SEVERITY, "firm claim turned into a possibility", check, __doc__)
