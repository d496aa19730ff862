"""A share in words held against the counts it is taken of: "nearly two-thirds of those"
after "30 drivers" against the source's "19 of those", "nearly one in eight of the 40,600"
against "2,310 of 40,600 candidates". Read by ``checker.figures`` for DN501 and DU803.
"""

from __future__ import annotations

import re
from dataclasses import replace

from checker.figure_match import source_has
from checker.shares import meets_share, open_bound, rounding, share_of


# a share of a count told just before it: "30 drivers, nearly two-thirds of those"
_OF_THEM = re.compile(r"\s+of\s+(?:them|those|these)\b", re.I)
_COUNTED_BEFORE = re.compile(r"\s+(?:[\w-]+\s+){0,2}[\w-]+,\s+$")


def _wholes(dc, q) -> set:
    """The counts a share in words is taken of: the count right after it and "of" ("one in
    eight of the 40,600"), or the count just before it when "of those" follows ("30
    drivers, nearly two-thirds of those")."""
    after = {x.value for x in dc.quantities if x.kind == "number" and x.value
             and re.fullmatch(r"\s+of\s+(?:the\s+|its\s+|their\s+|all\s+)?",
                              dc.text[q.end - dc.start:x.start - dc.start])}
    if _OF_THEM.match(dc.text[q.end - dc.start:]):
        after |= {x.value for x in dc.quantities if x.kind == "number" and x.value
                  and x.end <= q.start
                  and _COUNTED_BEFORE.fullmatch(dc.text[x.end - dc.start:q.start - dc.start])}
    return after


def counts_meet(dc, q, sc) -> bool:
    """The source claim gives the whole the derived share is taken of and a part of it,
    written as a part ("19 of those") and said of what the share is said of (a word of the
    three after each), whose share the derived one meets within its rounding ("19 of those
    over the limit" of "30 drivers" for "nearly two-thirds of those over the limit"; not "10
    of them uninsured", nor "40 were later rehired")."""
    wholes = _wholes(dc, q)
    counts = [x.value for x in sc.quantities if x.kind == "number" and x.value]
    mine = _said_of(dc.text, q.end - dc.start, _OF_THEM)
    parts = [x.value for x in sc.quantities if x.kind == "number" and x.value
             and _said_of(sc.text, x.end - sc.start, _PART_OF) & mine]
    return any(meets_share(share_of(q), rounding(q.text), [p / w], open_=open_bound(q.text))
               for w in counts if w in wholes for p in parts if 0 < p < w)


def _said_of(text: str, at: int, of) -> set:
    """The first words said of a part ("over the limit" of "19 of them over the limit"), or
    an empty set where no "of them" follows ``at``."""
    m = of.match(text[at:])
    if m is None:
        return set()
    return {w.lower() for w in re.findall(r"[A-Za-z]{3,}", text[at + m.end():])[:3]}


_PART_OF = re.compile(r"\s+of\s+(?:them|those|these|the|its|their)\b", re.I)


def part_of_base(ctx, dc, q):
    """(source claim, the part "2,310 of 40,600" as one figure) when the derived figure is a
    share of a whole the derived claim names ("nearly one in eight of the 40,600 sitting")
    and an aligned source claim gives that whole with a smaller count beside it, or a source
    claim gives the whole and the derived claim a smaller count of the sources' before the
    share: the share the sources imply, when the derived share does not meet it within its
    rounding (``shares.meets_share``); else None. The whole is the count right after the
    share and "of" ("one in eight of the 40,600"; "its 40,600").
    Known false positive: a share of the whole that is the part of another subset."""
    mine = share_of(q)
    if mine is None:
        return None
    wholes = _wholes(dc, q)
    side, bound = rounding(q.text), open_bound(q.text)
    for cand in ctx.aligned(dc, threshold=0.3):
        counts = [x for x in cand.quantities if x.kind == "number" and x.value]
        for whole in (x for x in counts if x.value in wholes):
            part = _nearest_part(q, [x for x in counts if 0 < x.value < whole.value], whole)
            if part is not None and meets_share(mine, side, [part.value / whole.value],
                                                open_=bound):
                return None  # ("a third of the 600 staff" for "200 of 600")
            if part is not None:
                return cand, replace(part, text=f"{part.text} of {whole.text}",
                                     start=min(part.start, whole.start),
                                     end=max(part.end, whole.end))
    # or the derived claim gives the part itself, before the share ("2,310 candidates,
    # nearly one in eight of the 40,600"), both figures the sources' though told apart
    parts = [x for x in dc.quantities if x.end <= q.start and x.kind == "number" and x.value
             and source_has(x, ctx.index)]
    for sc in ctx.index.claims:
        whole = next((x for x in sc.quantities if x.kind == "number" and x.value in wholes),
                     None)
        part = whole and _nearest_part(q, [x for x in parts if x.value < whole.value], whole)
        if part and meets_share(mine, side, [part.value / whole.value], open_=bound):
            return None
        if part:
            return sc, replace(whole, text=f"{part.text} of {whole.text}")
    return None


def _nearest_part(q, parts, whole):
    """Of the counts smaller than the whole, the one whose share of it is nearest the derived
    share (the part it was meant to state), or None."""
    return min(parts, key=lambda x: abs(x.value / whole.value - share_of(q)), default=None)
