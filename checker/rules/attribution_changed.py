"""DA102 attribution-changed: the claim is attributed to someone other than the source's.

What it flags:
    A derived claim attributed to a named source while its supporting source claim is
    attributed to a different named source, and the derived source is not credited with that
    content anywhere in the source.
Why it matters:
    Crediting the wrong outlet or person misleads readers about who vouches for a claim and
    can expose the publication to a correction or a complaint.
Known false positives:
    The same person named in two ways ("Ms Smith" vs "the minister") when neither form
    contains the other; pronouns the extractor could not resolve are never compared.
Examples:
    Source: The Information reports that the ban was issued on Monday.
    Flag: The Financial Times reports that the ban was issued on Monday.
    Okay: The Information reported that the ban was issued on Monday.
"""

from __future__ import annotations

from checker.extract import norm_name
from checker.rules.base import Rule, evidence_of, make, shares_core, snippet

CODE, NAME, KIND, SEVERITY = "DA102", "attribution-changed", "attribution-changed", "error"
_VAGUE = {"it", "they", "he", "she", "we", "i", "you", "this", "that", "the source article",
          "the company", "the report", "officials", "sources", "the firm"}


def same_source(a: str, b: str) -> bool:
    """True when two source names plausibly denote the same outlet or person."""
    x, y = norm_name(a), norm_name(b)
    if not x or not y or x in _VAGUE or y in _VAGUE:
        return True
    if x == y or x in y or y in x:
        return True
    xs, ys = set(x.split()), set(y.split())
    return bool(xs & ys - {"the", "of", "and", "news", "times"})


def check(ctx):
    """Yield a finding for each derived claim credited to another named source."""
    for dc in ctx.derived_claims:
        attr = dc.attribution
        if attr is None or not attr.source or norm_name(attr.source) in _VAGUE:
            continue
        sup = ctx.aligned(dc)
        cands = [sc for sc in sup if sc.attribution is not None and sc.attribution.source
                 and shares_core(dc, sc)]
        if not cands:
            continue
        if any(same_source(attr.source, sc.attribution.source) for sc in cands):
            continue
        if norm_name(attr.source) in ctx.index.entity_norms and any(
                same_source(attr.source, sc.attribution.source or "")
                for sc in ctx.index.claims if sc.attribution is not None
                and shares_core(dc, sc)):
            continue
        sc = cands[0]
        yield make(
            RULE, dc, start=attr.start, end=max(attr.end, attr.start + 1), text=attr.cue,
            confidence=0.5 + 0.4 * ctx.alignments[dc.id].score, evidence=[evidence_of(sc)],
            message=(f'Credits "{snippet(attr.source, 40)}", but the source attributes this '
                     f'to {sc.attribution.source}: "{snippet(sc.text, 60)}".'),
            suggestion=f"Attribute it to {sc.attribution.source}.")


RULE = Rule(CODE, NAME, KIND, SEVERITY, "claim credited to another source", check, __doc__)
