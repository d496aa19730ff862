"""Pairs of a derived claim and the source claim its claim strength is compared with.

Shared by DC220 strength-raised and DC221 strength-lowered (computed once per check).
"""

from __future__ import annotations

from typing import Iterator, Optional

from checker.align import claim_keys
from checker.records import Claim, Cue
from checker.strength import claim_strength

# Sources of at most this many claims are a conclusion, not an article: compare with their
# strongest claim, because a press release paraphrases too freely to align claim by claim.
SHORT_SOURCE_CLAIMS = 3
# Cues that carry a strength the rules can compare. A causal verb used intransitively or in
# the passive ("change") is a change of voice more often than of strength, so it does not count.
COMPARABLE_ROLES = frozenset({"correlational", "comparison", "conditional", "causal"})
# A direct cause only counts as raised over an explicit association or hedge.
WEAK_SOURCE_ROLES = frozenset({"correlational", "comparison", "conditional"})


def strength_of(claim: Claim, cache: dict) -> tuple[int, Optional[Cue]]:
    """Claim strength with the cue, 0 when the cue is not one the rules compare (memoised)."""
    got = cache.get(claim.id)
    if got is None:
        got = claim_strength(claim)
        if got[1] is None or got[1].role not in COMPARABLE_ROLES:
            got = (0, None)
        cache[claim.id] = got
    return got


def counterparts(ctx, dc: Claim, cache: dict) -> list[tuple[Claim, int, Cue]]:
    """The source claims a derived claim's strength is compared with, with their strength."""
    sources = ctx.index.claims
    dkeys = claim_keys(dc)
    if len(sources) <= SHORT_SOURCE_CLAIMS:
        scored = [(sc, *strength_of(sc, cache)) for sc in sources]
        scored = [t for t in scored if t[2] is not None and claim_keys(t[0]) & dkeys]
        if not scored:
            return []
        top = max(s for _c, s, _q in scored)
        return [t for t in scored if t[1] == top]
    al, sup = ctx.support(dc)
    if al.score <= 0 or not sup:
        return []
    # The best-aligned claim only: a weaker match further down the list is another passage,
    # and its strength says nothing about how strongly this one is put.
    s, cue = strength_of(sup[0], cache)
    return [(sup[0], s, cue)] if cue is not None else []


def strength_pairs(ctx) -> list[tuple[Claim, int, Cue, Claim, int, Cue]]:
    """Each derived claim with a relation cue and its first comparable source counterpart
    (computed once per check for DC220 and DC221)."""
    return ctx.memo("strength-pairs", lambda c: list(_strength_pairs(c)))


def _strength_pairs(ctx) -> Iterator[tuple[Claim, int, Cue, Claim, int, Cue]]:
    cache: dict = {}
    for dc in ctx.derived_claims:
        if dc.unit_kind == "heading":
            continue  # headlines compress ("trial reports fewer attacks")
        d, dcue = strength_of(dc, cache)
        if dcue is None or d < 1:
            continue
        for sc, s, scue in counterparts(ctx, dc, cache):
            if _cue_lemma(dc, dcue) == _cue_lemma(sc, scue):
                break  # one verb in another form ("is being lowered", "began lowering")
            if scue.role == "comparison" and _cue_lemma(dc, dcue) in {w.lemma for w in sc.words}:
                break  # the source's cue is a comparison ("the larger levy") in a claim that
                # says the derived cause's own verb ("spent the larger levy to help cover")
            yield dc, d, dcue, sc, s, scue
            break


def _cue_lemma(claim: Claim, cue: Cue) -> str:
    """The lemma of a cue's first word ("drop" for "a drop in" and for "dropping")."""
    w = next((w for w in claim.words if w.start == cue.start), None)
    return w.lemma if w is not None else cue.text.split()[0].lower()
