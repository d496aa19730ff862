"""Line numbers of keys in a TOML file, for error messages ("checker.toml:7: ...").

``tomllib`` returns values without positions, so this reads the text once more, line by line,
tracking table headers (``[checker.severity]``) and key assignments (``key = ...``, dotted
keys, quoted keys). It is a locator only: the values always come from ``tomllib``. A key
written inside an inline table or an array of tables is located at its nearest enclosing key.
"""

from __future__ import annotations

import re
from typing import Optional, Sequence

_BARE = r"[A-Za-z0-9_-]+"
_QUOTED = r'"(?:[^"\\]|\\.)*"|\'[^\']*\''
_KEY = rf"(?:{_BARE}|{_QUOTED})"
_DOTTED = rf"{_KEY}(?:\s*\.\s*{_KEY})*"
_HEADER_RE = re.compile(rf"^\s*\[\[?\s*({_DOTTED})\s*\]\]?\s*(?:#.*)?$")
_ASSIGN_RE = re.compile(rf"^\s*({_DOTTED})\s*=")
_PART_RE = re.compile(_KEY)


def _parts(dotted: str) -> list[str]:
    out = []
    for m in _PART_RE.finditer(dotted):
        part = m.group()
        if part[0] in "\"'":
            part = part[1:-1]
        out.append(part)
    return out


def key_lines(text: str) -> dict[tuple[str, ...], int]:
    """The first line (1-based) where each table or key path is written."""
    found: dict[tuple[str, ...], int] = {}
    table: list[str] = []
    in_multiline: Optional[str] = None
    for number, line in enumerate(text.splitlines(), start=1):
        if in_multiline:  # inside a """ or ''' string: nothing here is a key
            if line.count(in_multiline) % 2 == 1:
                in_multiline = None
            continue
        header = _HEADER_RE.match(line)
        if header:
            table = _parts(header.group(1))
            for n in range(1, len(table) + 1):
                found.setdefault(tuple(table[:n]), number)
            continue
        assign = _ASSIGN_RE.match(line)
        if assign:
            path = table + _parts(assign.group(1))
            for n in range(len(table) + 1, len(path) + 1):
                found.setdefault(tuple(path[:n]), number)
        for quotes in ('"""', "'''"):
            if line.count(quotes) % 2 == 1:
                in_multiline = quotes
    return found


def line_of(text: str, path: Sequence[str]) -> Optional[int]:
    """The line of ``path``, or of its nearest written ancestor; None if none is written."""
    lines = key_lines(text)
    path = tuple(path)
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return None
