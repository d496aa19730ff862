"""A quantifier raised on the same noun: "most stallholders lack a licence" where the source
says "several stallholders lack a licence". Read by DS951 (``checker.rules.scope_changed``)."""

from __future__ import annotations

from checker.align import claim_keys
from checker.claim_reading import same_deed_verb
from checker.quantified import cue_noun


def share_raised(ctx, dc):
    """(cue text, source claim, the source's quantifier in quotation marks) when the derived
    claim quantifies a noun with a word of a larger share (quantifier_ranks.txt: "most" over
    "several", "many" over "a few") than an aligned source claim on the same verb gives the
    same noun, their polarity alike; None otherwise. Known false positive: a source that
    gives the larger share in another sentence of another verb ("most of them" said
    elsewhere) is not read."""
    ranks = {w: int(r) for w, r in ctx.lexicon.words.get("quantifier_ranks", {}).items()}
    for cue in dc.scope:
        mine = ranks.get(cue.text.lower())
        noun = cue_noun(dc, cue) if mine else ""
        if not noun:
            continue
        for sc in ctx.aligned(dc):
            if sc.negated != dc.negated or not same_deed_verb(dc, sc) \
                    or noun not in claim_keys(sc):
                continue
            theirs = next((c for c in sc.scope if c.text.lower() in ranks
                           and cue_noun(sc, c) == noun), None)
            if theirs is not None and ranks[theirs.text.lower()] < mine:
                return cue.text, sc, f'"{theirs.text}"'
    return None
