"""Furniture and assembly: split page furniture off units, mark furniture blocks, and join
the pieces into the article's clean text, units and offsets."""

from __future__ import annotations

from typing import Optional

from checker import furniture
from checker.load.clean import squeeze
from checker.load.mapped import Piece
from checker.records import Unit


def _split_leading_furniture(pieces: list[Piece], patterns) -> list[Piece]:
    """Split a leading furniture chain ("Security 74% 1 min read...") off the start of a unit,
    and furniture sentences ("Subscribe to our newsletter ...") off its end."""
    out = []
    for p in pieces:
        if p.furniture is not None:
            out.append(p)
            continue
        cut, reason = furniture.leading_furniture(p.m.text, patterns=patterns)
        parts = _cut(p, cut, head_furniture=reason or "page furniture")
        if parts is None:
            # A promo glued to the end of a real paragraph: only its sentences are furniture.
            cut, reason = furniture.trailing_furniture(p.m.text, patterns=patterns)
            parts = _cut(p, cut, tail_furniture=reason)
        out.extend(parts or [p])
    return out


def _cut(p: Piece, cut: int, *, head_furniture: Optional[str] = None,
         tail_furniture: Optional[str] = None) -> Optional[list[Piece]]:
    """The piece split at ``cut`` into its squeezed head and tail, or None when the cut is at
    an end or leaves either side without text."""
    if not 0 < cut < len(p.m.text):
        return None
    head = squeeze(p.m.slice(0, cut))
    tail = squeeze(p.m.slice(cut, len(p.m.text)))
    if not (head.text and tail.text):
        return None
    return [Piece(head, p.kind, level=p.level, new_block=p.new_block, furniture=head_furniture),
            Piece(tail, p.kind, level=p.level, new_block=False, furniture=tail_furniture)]


def assemble(pieces: list[Piece], patterns, *, raw_len: int) -> tuple[list[Unit], str, list[int]]:
    pieces = _split_leading_furniture(pieces, patterns)
    blocks = [furniture.Block("furniture" if p.furniture else p.kind, p.m.text, p.level)
              for p in pieces]
    reasons = furniture.furniture_reasons(blocks, patterns=patterns)
    units: list[Unit] = []
    parts: list[str] = []
    offsets: list[int] = []
    pos = 0
    for p, reason in zip(pieces, reasons):
        reason = p.furniture or reason
        if parts:
            sep = p.m.offs[0]
            parts.append("\n\n")
            offsets.extend((sep, sep))
            pos += 2
        parts.append(p.m.text)
        offsets.extend(p.m.offs[:len(p.m.text)])
        kind = "furniture" if reason else p.kind
        units.append(Unit(kind, pos, pos + len(p.m.text), reason))
        pos += len(p.m.text)
    text = "".join(parts)
    last = min(offsets[-1] + 1, raw_len) if offsets else 0
    offsets.append(last)
    return units, text, _monotone(offsets, raw_len)


def _monotone(offsets: list[int], raw_len: int) -> list[int]:
    """Clamp into the raw text and make non-decreasing (HTML placement is best effort)."""
    # Text and Markdown offsets are ordered by construction: check that in C, not char by char.
    if offsets == sorted(offsets) and (not offsets or (offsets[0] >= 0 and offsets[-1] <= raw_len)):
        return offsets
    out, prev = [], 0
    for o in offsets:
        o = min(max(o, prev), raw_len)
        out.append(o)
        prev = o
    return out
