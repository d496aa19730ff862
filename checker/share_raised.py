"""A quantifier raised on the same noun: "most stallholders lack a licence" where the source
says "several stallholders lack a licence". Read by DS951 (``checker.rules.scope_changed``)."""

from __future__ import annotations

from checker.align import claim_keys, text_keys
from checker.claim_reading import same_deed_verb
from checker.quantified import cue_noun


def share_raised(ctx, dc):
    """(cue text, source claim, the source's quantifier in quotation marks) when the derived
    claim quantifies a noun with a word of a larger share (quantifier_ranks.txt: "most" over
    "several", "many" over "a few") than an aligned source claim on the same verb gives the
    same noun, or another noun when the two say the same of their subjects (``_said_alike``),
    their polarity alike; None otherwise. Known false positive: a source that
    gives the larger share in another sentence of another verb ("most of them" said
    elsewhere) is not read."""
    ranks = {w: int(r) for w, r in ctx.lexicon.words.get("quantifier_ranks", {}).items()}
    for cue in dc.scope:
        mine = ranks.get(cue.text.lower())
        noun = cue_noun(dc, cue) if mine else ""
        if not noun:
            continue
        for sc in ctx.aligned(dc):
            if sc.negated != dc.negated or not same_deed_verb(dc, sc):
                continue
            said_alike = _in_subject(dc, cue) and _said_alike(dc, sc)  # ("are elderly")
            if noun not in claim_keys(sc) and not said_alike:
                continue
            quantified = [c for c in sc.scope if c.text.lower() in ranks]
            theirs = next((c for c in quantified if cue_noun(sc, c) == noun), None) or next(
                (c for c in quantified if said_alike and _in_subject(sc, c)
                 and noun not in claim_keys(sc)), None)  # (the source's own word on the
            # derived noun first: "several tenants and most of their neighbours")
            if theirs is not None and ranks[theirs.text.lower()] < mine:
                return cue.text, sc, f'"{theirs.text}"'
    return None


def _in_subject(claim, cue) -> bool:
    """The scope word quantifies the claim's subject ("Most of its members are ..."), not a
    word after the verb ("contain many times the dose")."""
    at = claim.text.find(claim.subject) if claim.subject else -1
    return at >= 0 and claim.start + at <= cue.start < claim.start + at + len(claim.subject)


# Of what a claim says after its subject, the share of its content words the other claim
# must say too for the two to say one thing of their groups
SAID_ALIKE = 0.6


def _said_alike(dc, sc) -> bool:
    """The two claims say the same of their subjects, in two content words or more and most
    of the derived claim's, or in the one word each says ("most of its 58 members are
    elderly" for "some holders are elderly"): a quantifier
    raised on another word for the same group. Known false positive: the same thing said of
    another group the sources quantify more narrowly."""
    def said(claim) -> set:
        return claim_keys(claim) - text_keys(claim.subject or "")

    mine, theirs = said(dc), said(sc)
    shared = mine & theirs
    return bool(shared) and (len(shared) >= 2 or mine == theirs) \
        and len(shared) >= SAID_ALIKE * len(mine)
