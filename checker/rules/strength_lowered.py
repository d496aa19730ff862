"""DC221 strength-lowered: a direct cause reported as a possible cause or an association.

What it flags:
    A derived claim whose claim strength (``checker.strength``) is lower than that of its
    source counterpart while still stating a relation: "X may reduce Y" or "X is linked to
    lower Y" where the source says "X reduces Y". The counterpart is found as for DC220.
    Not when a supporting source claim uses the derived text's own words for it ("could
    harm" in a clause beside a causal verb, "fewer" in the sentence giving the figures),
    nor when the source claim is denied ("denied that the cut was made to save money").
Why it matters:
    Downplaying a tested effect misinforms as much as exaggerating it: a reader told that a
    treatment "may help" does not learn that a trial showed it does.
Known false positives:
    The derived text hedges a claim the source states in another sentence more cautiously;
    a source verb the lexicon reads as causal but that only describes ("levels fell"); a
    planned change put as a noun is not flagged ("proposes raising prices" -> "proposes a
    rise in prices"), nor any other derived cue that names a change as a noun ("increase
    in", "drop in"), so a science summary's "a drop in blood pressure" for "the drug lowers
    blood pressure" is missed.
    Derived claims with no relation cue at all are left to the omission rules. Silent on
    headlines and on a negated modal ("could not send"), which states an inability.
Examples:
    Source: The new drug reduces blood pressure in older patients.
    Flag: The new drug may reduce blood pressure in older patients.
    Okay: The new drug reduces blood pressure in older patients.
"""

from __future__ import annotations

import re

from checker.rules.base import Rule, evidence_of, make, snippet
from checker.strength import STRENGTH_NAMES
from checker.strength_pairs import strength_pairs

CODE, NAME, KIND, SEVERITY = "DC221", "strength-lowered", "certainty-lowered", "warning"
# "a 38% rise in bills", "a cut in fares": a change named as a noun, which a plan or a bid
# takes as its object ("is seeking a 38% rise in bills" for "is seeking to raise bills by
# 38%"), not a weaker claim of cause.
CHANGE_NOUN = re.compile(r"^[a-z]+ in$")


def _negated_modal(ctx, cue) -> bool:
    """ "could not", "cannot": past or present inability, not a possibility."""
    after = ctx.derived.text[cue.end:cue.end + 6].lower()
    return cue.text.lower().endswith(("not", "n't")) or after.startswith((" not", "n't"))


def _said_so(ctx, dc, dcue) -> bool:
    """A source claim that supports the derived claim uses the derived cue's own words ("could
    harm", "fewer"): the source puts it that way too, in the sentence compared or another."""
    words = " ".join(dcue.text.lower().split())
    _al, sup = ctx.support(dc)
    return any(words in " ".join(sc.text.lower().split()) for sc in sup)


def check(ctx):
    """Yield a finding for each derived claim stated more weakly than its source."""
    for dc, d, dcue, sc, s, scue in strength_pairs(ctx):
        if d >= s or _negated_modal(ctx, dcue) or _said_so(ctx, dc, dcue) \
                or CHANGE_NOUN.match(dcue.text.lower()) \
                or sc.attribution is not None and sc.attribution.negated:
            continue  # the last: a denied cause ("denied that it was made to save money")
            # is stated by nobody
        yield make(RULE, dc, confidence=min(0.8, 0.6 + 0.1 * (s - d - 1)),
                   evidence=[evidence_of(sc)],
                   message=(f'Reports as {STRENGTH_NAMES[d]} ("{snippet(dcue.text, 40)}") '
                            f'what the source states as {STRENGTH_NAMES[s]} '
                            f'("{snippet(scue.text, 40)}").'),
                   suggestion=f'Keep the source\'s wording ("{snippet(scue.text, 40)}").')


RULE = Rule(CODE, NAME, KIND, SEVERITY, "cause reported as a possibility or an association",
            check, __doc__)
