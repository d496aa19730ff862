"""A noun set beside a claim with a clause of what a party did to it ("40 tenants have left,
a tally the landlord has disputed"), told with the party's deed negated on one side only:
read by DG601 (``checker.rules.negation_flipped``) beside the flips of
``checker.polarity_flips``."""

from __future__ import annotations

import re

from checker.align import key, text_keys
from checker.claim_reading import evidence_of, one_claim_a_sentence, snippet

# ", a tally (that) the landlord has (not) disputed": the noun, the party, the deed
_APPOSED = re.compile(
    r",\s+(?:a|an|the)\s+(?P<noun>[a-z]+)\s+(?:that\s+|which\s+)?"
    r"(?P<who>[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,3}?)\s+"
    r"(?:has|have|had|did|does|do)\s+(?P<neg>not\s+|never\s+)?(?P<verb>[a-z]+)\b", re.I)
MIN_SHARED = 2  # content words the derived claim shares with the source sentence


def apposed_flip(ctx, dc):
    """The derived claim's apposed noun and clause, where the source sentence that tells the
    same claim best gives the same noun, a party of the same words and the same verb,
    negated on one side only ("a tally the landlord has not disputed"). The claim is
    matched by its words outside the clause: a sentence of the source with the same
    clause of another claim ("25 boilers, a tally the landlord has not disputed" beside
    "40 tenants, a tally the landlord has disputed") is not the one told. Known false
    negative: the clause reworded ("a tally the landlord accepts")."""
    for m in _APPOSED.finditer(dc.text):
        noun, verb = m.group("noun").lower(), key(m.group("verb").lower())
        who = text_keys(m.group("who"))
        mine = claim_keys_of(dc.text[:m.start()] + " " + dc.text[m.end():])
        best = None  # (words shared outside the clause, source claim, its clause)
        for sc in one_claim_a_sentence(ctx.index):
            sentence = sc.sentence
            for s in _APPOSED.finditer(sentence):
                if s.group("noun").lower() != noun or key(s.group("verb").lower()) != verb \
                        or not who & text_keys(s.group("who")):
                    continue
                shared = len(mine & claim_keys_of(sentence[:s.start()] + " " + sentence[s.end():]))
                if shared >= MIN_SHARED and (best is None or shared > best[0]):
                    best = (shared, sc, s)
        if best is None or bool(best[2].group("neg")) == bool(m.group("neg")):
            continue
        _, sc, s = best
        return dict(start=dc.start + m.start("noun"), end=dc.start + m.end("verb"),
                    confidence=0.7, evidence=[evidence_of(sc)],
                    message=(f'Says "{m.group(0).lstrip(", ")}" where the source '
                             f'says "{s.group(0).lstrip(", ")}": '
                             f'"{snippet(sc.sentence, 80)}".'),
                    suggestion="Restore the source's negation in the clause.")
    return None


def claim_keys_of(text: str) -> set:
    """The content-word keys of a text, words of four letters or more."""
    return {k for k in text_keys(text) if len(k) > 3}
