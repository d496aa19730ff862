"""DC220 strength-raised: an association or a possible cause stated as a direct cause.

What it flags:
    A derived claim whose claim strength (``checker.strength``: 1 correlational, 2 conditional
    causal, 3 direct causal) is higher than that of its counterpart in the source: "X reduces
    Y" where the source says "X is associated with lower Y" or "X may reduce Y". The
    counterpart is the best-aligned source claim with a relation cue, or, when the sources are
    a few sentences only (a paper's conclusion), their strongest claim.
Why it matters:
    Correlation reported as causation is the commonest exaggeration of research in the news
    (Sumner et al. 2014): readers act on "coffee cuts heart risk", not on "coffee drinkers had
    less heart disease".
Known false positives:
    The derived text states a cause that another source sentence, not the counterpart, does
    state; verbs the lexicon does not know make a source claim look weaker than it is. Both
    claims must carry a relation cue and share a content word, so plain news stays quiet.
Examples:
    Source: Eating oily fish twice a week is associated with fewer migraines.
    Flag: Eating oily fish twice a week prevents migraines.
    Okay: Eating oily fish twice a week is linked to fewer migraines.
"""

from __future__ import annotations

from checker.rules.base import Rule, evidence_of, make, snippet
from checker.strength import STRENGTH_NAMES
from checker.strength_pairs import WEAK_SOURCE_ROLES, strength_pairs

CODE, NAME, KIND, SEVERITY = "DC220", "strength-raised", "certainty-raised", "warning"
def check(ctx):
    """Yield a finding for each derived claim stated more strongly than its source."""
    for dc, d, dcue, sc, s, scue in strength_pairs(ctx):
        if d <= s or scue.role not in WEAK_SOURCE_ROLES:
            continue
        yield make(RULE, dc, confidence=min(0.8, 0.6 + 0.1 * (d - s - 1)),
                   evidence=[evidence_of(sc)],
                   message=(f'States as {STRENGTH_NAMES[d]} ("{snippet(dcue.text, 40)}") what '
                            f'the source reports as {STRENGTH_NAMES[s]} '
                            f'("{snippet(scue.text, 40)}").'),
                   suggestion=f'Keep the source\'s wording ("{snippet(scue.text, 40)}").')


RULE = Rule(CODE, NAME, KIND, SEVERITY, "association or possible cause stated as a cause",
            check, __doc__)
