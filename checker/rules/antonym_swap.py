"""DG602 antonym-swap: a word replaced by its opposite ("rose" for "fell").

What it flags:
    A derived claim with a verb, adjective or adverb whose antonym (from the ``antonyms``
    lexicon, or WordNet's direct antonyms when its files are installed) stands in the
    aligned source claim, while the derived word itself does not.
Why it matters:
    Swapping a word for its opposite reverses the claim as surely as a "not".
Known false positives:
    Both words used in different parts of a fused sentence ("rose in May, fell in June");
    antonym pairs that are not opposites in context ("close" a deal vs "open" a store).
Examples:
    Source: Shares in the company fell sharply on Monday.
    Flag: Shares in the company rose sharply on Monday.
    Okay: Shares in the company dropped sharply on Monday.
"""

from __future__ import annotations

from checker import wordnet
from checker.align import claim_keys
from checker.rules.base import Rule, evidence_of, make

WN_POS = {"VERB": "verb", "ADJ": "adj", "ADV": "adv"}

CODE, NAME, KIND, SEVERITY = "DG602", "antonym-swap", "negation-flipped", "error"


def check(ctx):
    """Yield a finding for each derived word whose opposite is in the aligned source claim."""
    lex = ctx.lexicon
    wn = wordnet.get(ctx.config.wordnet_dir or None)

    def opposite(lem, pos, other, other_pos):
        if lex.are_antonyms(lem, other):
            return True
        p = WN_POS.get(pos)
        return p is not None and p == WN_POS.get(other_pos) and other in wn.antonyms(lem, p)
    for dc in ctx.derived_claims:
        dkeys = claim_keys(dc)
        sup = [sc for sc in ctx.aligned(dc) if len(dkeys & claim_keys(sc)) >= 2]
        if not sup:
            continue
        dlem = {w[3] for w in dc.words}
        done = False
        for s, e, text, lem, _pos in dc.words:
            for sc in sup:
                slem = {w[3] for w in sc.words}
                if lem in slem:
                    continue
                opp = next((w for w in sc.words if w[3] not in dlem
                            and opposite(lem, _pos, w[3], w[4])), None)
                if opp is None:
                    continue
                yield make(RULE, dc, start=s, end=e, text=text, confidence=0.7,
                           evidence=[evidence_of(sc, start=opp[0], end=opp[1])],
                           message=(f'Says "{text}" where the source says the opposite, '
                                    f'"{opp[2]}": "{sc.text[:70]}".'),
                           suggestion=f'Use "{opp[2]}" as the source does.')
                done = True
                break
            if done:
                break


RULE = Rule(CODE, NAME, KIND, SEVERITY, "word replaced by its opposite", check, __doc__)
