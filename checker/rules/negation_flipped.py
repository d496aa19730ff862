"""DG601 negation-flipped: the derived claim reverses the polarity of its source claim.

What it flags:
    A derived claim aligned with a source claim on the same verb where exactly one of the
    two is negated ("did not approve" vs "approved"); or, inside closely aligned claims, a
    word negated on one side only ("pleaded not guilty" vs "pleaded guilty", "a place that
    was not known as" vs "that was known as", "no charges" vs "charges"); or a negated
    derived claim whose supporting source passages hold no negation of any kind, and no
    source claim negates the same word (confidence 0.6).
Why it matters:
    A flipped negation states the opposite of the source.
Known false positives:
    Double negatives and negative verbs ("failed to approve" vs "did not approve") the
    extractor reads as different polarities; litotes ("not unlikely"); a fused sentence
    whose aligned source claim uses the same word elsewhere with the other polarity. The
    third check also fires when the summary adds a negative statement the source makes in
    a passage the aligner did not pick, with a negation it does not recognise ("to no
    avail" against "in vain").
Examples:
    Source: The court did not approve the merger.
    Flag: The court approved the merger.
    Okay: The court declined to approve the merger, which it did not approve.
"""

from __future__ import annotations

import re

from checker.align import key
from checker.rules.base import Rule, evidence_of, is_claim_unit, make, shares_core, snippet

CODE, NAME, KIND, SEVERITY = "DG601", "negation-flipped", "negation-flipped", "error"


# Words whose negation is compared inside aligned claims (not the main predicate's only).
NEGATABLE = {"VERB", "ADJ", "NOUN", "ADV"}


def check(ctx):
    """Yield a finding for each derived claim whose polarity differs from its source's."""
    for dc in ctx.derived_claims:
        found = None
        for sc in ctx.aligned(dc):
            if key(sc.predicate) != key(dc.predicate) or not shares_core(dc, sc):
                continue
            if sc.negated == dc.negated:
                break
            said = "negates" if dc.negated else "drops the negation of"
            found = make(RULE, dc, confidence=0.75, evidence=[evidence_of(sc)],
                         message=(f'{said.capitalize()} "{dc.predicate_text}": the source says '
                                  f'"{sc.text[:80]}".'),
                         suggestion="Restore the source's polarity.")
            break
        if found is None:
            found = _word_flip(ctx, dc)
        if found is None:
            found = _negation_added(ctx, dc)
        if found is not None:
            yield found


def _word_flip(ctx, dc):
    """A word negated in the derived claim but not in its aligned source claim, or the other
    way round ("pleaded not guilty" where the source says "pleaded guilty")."""
    dneg = _negated(dc)
    dwords = {w[3]: w for w in dc.words if w[4] in NEGATABLE}
    for sc in ctx.aligned(dc):
        if not shares_core(dc, sc):
            continue
        sneg = _negated(sc)
        swords = {w[3]: w for w in sc.words if w[4] in NEGATABLE}
        added = sorted(lem for lem in dneg if lem in swords and lem not in sneg)
        dropped = sorted(lem for lem in sneg if lem in dwords and lem not in dneg)
        if not added and not dropped:
            continue
        lem = (added or dropped)[0]
        d, s = dwords[lem], swords[lem]
        if added:
            message = (f'Negates "{d[2]}", which the source states without a negation: '
                       f'"{snippet(sc.text, 80)}".')
        else:
            message = (f'Drops the negation of "{d[2]}": the source says it is not so: '
                       f'"{snippet(sc.text, 80)}".')
        return make(RULE, dc, start=d[0], end=d[1], text=d[2], confidence=0.7,
                    evidence=[evidence_of(sc, start=s[0], end=s[1])], message=message,
                    suggestion="Restore the source's polarity.")
    return None


def _negation_added(ctx, dc):
    """A negated derived claim whose source passages hold no negation at all ("It is not
    looking ahead to filing" where the passage it rests on only says what it plans)."""
    if not is_claim_unit(dc):
        return None
    dneg = _negated(dc)
    if not dneg:
        return None
    _, support = ctx.support(dc)
    if not support or any(_has_negation(sc, ctx.lexicon) for sc in support):
        return None
    # The source may negate the same word in a passage the aligner did not pick.
    if any(_negated(sc) & dneg for sc in ctx.index.claims):
        return None
    d = next((w for w in dc.words if w[3] in dneg), None)
    if d is None:
        return None
    sc = support[0]
    return make(RULE, dc, start=d[0], end=d[1], text=d[2], confidence=0.6,
                evidence=[evidence_of(sc)],
                message=(f'Negates "{d[2]}", but the closest source passage says nothing '
                         f'negative: "{snippet(sc.text, 80)}".'),
                suggestion="Check whether the source says this is not so; if not, drop the "
                           "negation.")


def _has_negation(claim, lexicon) -> bool:
    """A negation anywhere in the claim, by the parse or a word of the negations lexicon
    ("without", "failed", "denied")."""
    if claim.negated or claim.negated_words:
        return True
    # Contracted "n't" is in the parse (claim.negated); the word list covers the rest.
    surface = re.findall(r"[a-z]+", claim.text.lower())
    return any(lexicon.has("negations", w) for w in surface) or any(
        lexicon.has("negations", w[3]) for w in claim.words)


RULE = Rule(CODE, NAME, KIND, SEVERITY, "polarity reversed", check, __doc__)


def _negated(claim) -> set:
    """The claim's negated words; a claim negated as a whole ("Neither A nor B would
    comment") negates its predicate."""
    out = set(claim.negated_words)
    if claim.negated:
        out.add(claim.predicate)
    return out
