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

import re

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
    if _anaphoric(a) or _anaphoric(b):
        return True  # "the union" may well be the association the other text names
    if x == y or x in y or y in x:
        return True
    xs, ys = set(x.split()), set(y.split())
    return bool(xs & ys - {"the", "of", "and", "news", "times"})


def _has_name(text: str) -> bool:
    """True when a source phrase holds a proper name (a capitalised word past the first)."""
    words = text.replace("’", "'").split()
    return any(w[:1].isupper() for w in words[1:]) or (
        bool(words) and words[0][:1].isupper() and words[0].lower() not in ("the", "a", "an"))


def _anaphoric(text: str) -> bool:
    """A short definite description with no name ("the union"), which refers back."""
    words = text.split()
    return (not _has_name(text) and 1 < len(words) <= 3 and words[0].lower() == "the")


def _near(ctx, sc, name: str) -> bool:
    """True when ``name`` stands beside the source's speaker somewhere in the source ("Ana
    Vidović, a Kestrel spokesperson"): the derived text names the speaker's organisation."""
    art = ctx.doc_of.get(sc.doc_id)
    speaker = sc.attribution.source if sc.attribution else ""
    last = speaker.replace("’", "'").split()[-1].strip(",.") if speaker.split() else ""
    if art is None or len(last) < 3 or not last[:1].isupper():
        return False
    low, target = art.text.lower(), norm_name(name)
    for m in re.finditer(re.escape(last.lower()), low):
        if target in low[max(0, m.start() - 80):m.end() + 80]:
            return True
    return False


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
        if any(same_source(attr.source, sc.attribution.source) or _near(ctx, sc, attr.source)
               or _anaphoric(attr.surface) or _anaphoric(sc.attribution.surface)
               for sc in cands):
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
