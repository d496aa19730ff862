"""The offset-carrying string every loading step works on, and its regex substitution.

A ``Mapped`` is text plus the raw offset of each character (and one past the end), so a finding
can always point at the place the user sees. Steps only ever use regex passes and list slices,
so loading stays linear in the size of the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Optional, Sequence


@dataclass
class Mapped:
    """Text plus the raw offset of each character and one past the end (mutable builder)."""

    text: str
    offs: list[int]

    @classmethod
    def identity(cls, text: str) -> "Mapped":
        return cls(text, list(range(len(text) + 1)))

    def slice(self, start: int, end: int) -> "Mapped":
        return Mapped(self.text[start:end], self.offs[start:end + 1])


Replacement = tuple[str, Sequence[int]]  # new text, and for each new char a position in the old text


def sub(m: Mapped, pattern: re.Pattern, repl: Callable[[re.Match], Replacement]) -> Mapped:
    """Regex substitution that carries the offset map along."""
    parts: list[str] = []
    offs: list[int] = []
    last = 0
    for mt in pattern.finditer(m.text):
        start, end = mt.span()
        parts.append(m.text[last:start])
        offs.extend(m.offs[last:start])
        new, positions = repl(mt)
        parts.append(new)
        offs.extend(m.offs[p] for p in positions)
        last = end
    if not parts:
        return m
    parts.append(m.text[last:])
    offs.extend(m.offs[last:])
    return Mapped("".join(parts), offs)


def keep(*groups: int) -> Callable[[re.Match], Replacement]:
    """A replacement that keeps the listed groups of the match and drops the rest."""
    def repl(mt: re.Match) -> Replacement:
        text, pos = [], []
        for g in groups:
            s, e = mt.span(g)
            if s < 0:
                continue
            text.append(mt.group(g))
            pos.extend(range(s, e))
        return "".join(text), pos
    return repl


def const(value: str) -> Callable[[re.Match], Replacement]:
    return lambda mt: (value, [mt.start()] * len(value))


@dataclass
class Piece:
    """A unit before furniture marking: its mapped text, kind, heading level, block start."""

    m: Mapped
    kind: str
    level: int = 0
    new_block: bool = True
    furniture: Optional[str] = None
