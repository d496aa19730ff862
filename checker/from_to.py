"""Two ends of a move given the other way round: "moved the depot from Kelby to Ostrow" where
the source says "from Ostrow to Kelby". Read by DE401 (``checker.rules.entity_changed``)."""

from __future__ import annotations

import re

from checker.claim_reading import evidence_of, snippet
from checker.names import norm_name

_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}"
_FROM_TO = re.compile(rf"\bfrom\s+(?:the\s+)?(?P<a>{_NAME})\s+to\s+(?:the\s+)?(?P<b>{_NAME})\b")
# "to B from A" gives the same move as "from A to B"
_TO_FROM = re.compile(rf"\bto\s+(?:the\s+)?(?P<b>{_NAME})\s+from\s+(?:the\s+)?(?P<a>{_NAME})\b")


def swapped_ends(ctx, dc):
    """The finding's fields when the derived claim gives a move "from A to B" and a source
    sentence it is aligned with gives "from B to A" or "to A from B" (two names, the same
    two), else None. Not a range ("ranging from A to B", range_words.txt), whose ends
    have no order, nor when a sentence it is aligned with gives the move the derived way
    ("moved to B from A"). Known false positive: a return trip the source tells one way
    only ("flew from A to B and back")."""
    ranges = ctx.lexicon.words.get("range_words", {})
    aligned = ctx.aligned(dc)
    for m in _FROM_TO.finditer(dc.text):
        a, b = norm_name(m.group("a")), norm_name(m.group("b"))
        before = dc.text[:m.start()].lower().split()[-1:]
        if not a or not b or a == b or (before and before[0] in ranges):
            continue
        if any(_gives(sc, a, b) for sc in aligned):
            continue
        for sc in aligned:
            s = next((s for rx in (_FROM_TO, _TO_FROM) for s in rx.finditer(sc.sentence)
                      if norm_name(s.group("a")) == b and norm_name(s.group("b")) == a), None)
            if s is not None:
                return dict(start=dc.start + m.start("a"), end=dc.start + m.end("b"),
                            confidence=0.7, evidence=[evidence_of(sc)],
                            message=(f'Says "{m.group(0)}" where the source says '
                                     f'"{s.group(0)}": "{snippet(sc.sentence, 80)}".'),
                            suggestion=f'Give the move as the source does: "{s.group(0)}".')
    return None


def _gives(sc, a: str, b: str) -> bool:
    """The source sentence gives the move from A to B, in either order of its words."""
    return any(norm_name(s.group("a")) == a and norm_name(s.group("b")) == b
               for rx in (_FROM_TO, _TO_FROM) for s in rx.finditer(sc.sentence))
