"""DE401's reading of the words that credit a claim: a derived speaker phrase that matches
its source claim's word for word but for a name after a preposition ("A study done by
Hollin Surveys for the registry estimated" where the source has "A study done by Marsh
Quarry Partners for the registry estimated"). The names of a speaker phrase stand outside
the claim's text, where the entity rules do not look; the speaker's own name is DA102's.
Known false positive: two phrases that name the same party in two forms of its name; both
are kept to names the sources give elsewhere, so a name the sources lack is DU802's."""

from __future__ import annotations

import re

from checker.names import norm_name
from checker.source_phrase import NAME_RUN_RE


def swapped_in_speaker(ctx, dc):
    """(start, end, derived name, source name, source claim) for the first name of the
    derived claim's speaker phrase that differs from the name in its place in an aligned
    source claim's speaker phrase of the same words; else None."""
    att = dc.attribution
    if att is None or not att.source or att.kind not in ("named", "according-to"):
        return None
    mine = att.source
    outlets = {norm_name(a.meta_value("outlet")) for a in (*ctx.sources, ctx.derived)} - {""}
    for sc in ctx.aligned(dc)[:2]:
        theirs = sc.attribution.source if sc.attribution is not None else ""
        if not theirs or _skeleton(mine, ctx) != _skeleton(theirs, ctx):
            continue
        for m, t in zip(_names(mine, ctx), _names(theirs, ctx)):
            mw, tw = set(m.lower().split()), set(t.lower().split())
            if mw <= tw or tw <= mw or m.lower() not in ctx.index.text_lower \
                    or {norm_name(m), norm_name(t)} & outlets:
                continue  # (one name in two forms: "Verdant Canopy" and "Verdant Canopy
                # Partners"); an outlet of the story credits its own reporting ("documents
                # seen by the Post"), and a text drawing on two may credit either
            if not re.search(rf"\b(?:by|for|of|at|from|with)\s+(?:the\s+)?{re.escape(m)}",
                             mine):
                continue  # the speaker's own name is DA102's to compare; a name inside
                # the description of the speaker ("done by X") is the entity's
            at = dc.sentence.find(m)
            if at < 0:
                continue
            start = dc.sent_start + at
            return start, start + len(m), m, t, sc
    return None


def _names(phrase: str, ctx) -> list[str]:
    """The capitalised runs of a phrase that are names, not a capitalised article or
    determiner opening it ("An audit")."""
    dets = ctx.lexicon.words.get("determiners", {})
    runs = [part for r in NAME_RUN_RE.findall(phrase)
            for part in re.split(r"\s+(?:for|and|&)\s+(?:the\s+)?", r)]
    return [r for r in runs if not all(w.lower() in dets for w in r.split())]


def _skeleton(phrase: str, ctx) -> str:
    """The phrase with each name made one placeholder, in lower case, without articles or
    punctuation ("A study done by X for Y" and "The study, done by X for Y,"
    are one)."""
    out = phrase
    for name in _names(phrase, ctx):
        out = out.replace(name, " # ", 1)
    words = re.findall(r"[a-z]+|#", out.lower())
    return " ".join(w for w in words if w not in ("a", "an", "the"))
