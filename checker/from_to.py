"""Two ends of a move given the other way round: "moved the depot from Kelby to Ostrow" where
the source says "from Ostrow to Kelby". Read by DE401 (``checker.rules.entity_changed``)."""

from __future__ import annotations

import re

from checker.claim_reading import evidence_of, snippet
from checker.names import norm_name

_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}"
_FROM_TO = re.compile(rf"\bfrom\s+(?:the\s+)?(?P<a>{_NAME})\s+to\s+(?:the\s+)?(?P<b>{_NAME})\b")


def swapped_ends(ctx, dc):
    """The finding's fields when the derived claim gives a move "from A to B" and a source
    sentence gives "from B to A" (two names, the same two), else None. Known false
    positive: a return trip the source tells one way only ("flew from A to B and back")."""
    for m in _FROM_TO.finditer(dc.text):
        a, b = norm_name(m.group("a")), norm_name(m.group("b"))
        if not a or not b or a == b:
            continue
        for sc in ctx.index.claims:
            for s in _FROM_TO.finditer(sc.sentence):
                if norm_name(s.group("a")) == b and norm_name(s.group("b")) == a \
                        and not _told_both_ways(ctx, a, b):
                    return dict(start=dc.start + m.start("a"), end=dc.start + m.end("b"),
                                confidence=0.7, evidence=[evidence_of(sc)],
                                message=(f'Says "{m.group(0)}" where the source says '
                                         f'"{s.group(0)}": "{snippet(sc.sentence, 80)}".'),
                                suggestion=f'Give the move as the source does: "{s.group(0)}".')
    return None


def _told_both_ways(ctx, a: str, b: str) -> bool:
    """The sources also give the move "from A to B" (two moves, or a return)."""
    return any(norm_name(s.group("a")) == a and norm_name(s.group("b")) == b
               for sc in ctx.index.claims for s in _FROM_TO.finditer(sc.sentence))
