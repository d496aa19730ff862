"""DA102 attribution-changed: the claim is attributed to someone other than the source's.

What it flags:
    A derived claim attributed to a named source while its supporting source claim is
    attributed to a different named source, and the derived source is not credited with that
    content anywhere in the source.
Why it matters:
    Crediting the wrong outlet or person misleads readers about who vouches for a claim and
    can expose the publication to a correction or a complaint.
    Not compared: a derived source that names nobody ("a spokesperson said", "according to
    an estimate"), a source attribution that names nobody but is not anonymous ("the
    company said"), claims that share only a name and little else, and an organisation and a
    person the source names within a few sentences of each other (its spokesperson).
Known false positives:
    The same person named in two ways ("Ms Smith" vs "the minister") when neither form
    contains the other; a named speaker whose claim carries background the source gives to
    someone else ("Lomax said he had not met the group that agreed to buy the club");
    pronouns the extractor could not resolve are never compared.
Examples:
    Source: The Information reports that the ban was issued on Monday.
    Flag: The Financial Times reports that the ban was issued on Monday.
    Okay: The Information reported that the ban was issued on Monday.
"""

from __future__ import annotations

from checker.attribution import (
    VAGUE,
    anaphoric,
    is_anonymous,
    near_speaker,
    same_content,
    same_source,
    source_name,
)
from checker.names import norm_name
from checker.rules.base import Rule, evidence_of, make, snippet

CODE, NAME, KIND, SEVERITY = "DA102", "attribution-changed", "attribution-changed", "error"


def check(ctx):
    """Yield a finding for each derived claim credited to another named source."""
    generic = frozenset(ctx.lexicon.words.get("attribution_generic", ()))
    for dc in ctx.derived_claims:
        attr = dc.attribution
        if attr is None or not attr.source or norm_name(attr.source) in VAGUE:
            continue
        if not source_name(attr, generic).words:
            continue  # "a spokesperson said", "according to an estimate": nobody named
        sup = ctx.aligned(dc)
        cands = [sc for sc in sup if sc.attribution is not None and sc.attribution.source
                 and same_content(dc, sc)]
        if not cands:
            continue
        if all(not source_name(sc.attribution, generic).words
               and not is_anonymous(sc.attribution, generic) for sc in cands):
            continue  # "the company said": whose words the derived name stands for is unknown
        if any(same_source(attr.source, sc.attribution.source) or near_speaker(ctx, sc, attr.source)
               or anaphoric(attr.surface) or anaphoric(sc.attribution.surface)
               for sc in cands):
            continue
        if norm_name(attr.source) in ctx.index.entity_norms and any(
                same_source(attr.source, sc.attribution.source or "")
                for sc in ctx.index.claims if sc.attribution is not None
                and same_content(dc, sc)):
            continue
        sc = cands[0]
        yield make(
            RULE, dc, start=attr.start, end=max(attr.end, attr.start + 1), text=attr.cue,
            confidence=0.5 + 0.4 * ctx.alignments[dc.id].score, evidence=[evidence_of(sc)],
            message=(f'Credits "{snippet(attr.source, 40)}", but the source attributes this '
                     f'to {sc.attribution.source}: "{snippet(sc.text, 60)}".'),
            suggestion=f"Attribute it to {sc.attribution.source}.")


RULE = Rule(CODE, NAME, KIND, SEVERITY, "claim credited to another source", check, __doc__)
