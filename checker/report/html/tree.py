"""The text tree of a document: its units as blocks, each holding its text split at the
marks (findings, evidence, claims) into nodes. Spans that cross are split into pieces (the
first piece carries the label and the tab stop), so the text inside a document's container,
tags stripped, is exactly the document's text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Union

from checker.report.html.values import as_int, as_text

Child = Union["Node", str]


@dataclass(frozen=True)
class Mark:
    """A span to wrap in an element; ``rank`` orders spans that share both ends (lower is outer)."""

    start: int
    end: int
    tag: str
    key: str  # identifies the span across its pieces
    attrs: tuple[tuple[str, str], ...]
    first_attrs: tuple[tuple[str, str], ...] = ()  # only on the first piece
    rest_attrs: tuple[tuple[str, str], ...] = ()  # only on continuation pieces
    rank: int = 0


@dataclass(frozen=True)
class Node:
    """An element of the rendered text: tag, attributes and children."""

    tag: str
    attrs: tuple[tuple[str, str], ...]
    children: tuple[Child, ...]


@dataclass(frozen=True)
class Block:
    """A structural block of a document with the nodes of its text."""

    type: str  # heading | paragraph | bullet | furniture
    tag: str
    furniture: str
    glyph: bool  # a bullet whose text starts with its own bullet character
    children: tuple[Child, ...]


@dataclass(frozen=True)
class Gap:
    """Text between blocks, rendered as is."""

    text: str
    type: str = "gap"


@dataclass(frozen=True)
class ListGroup:
    """Consecutive bullets, rendered as one list."""

    items: tuple[Union[Block, Gap], ...]
    type: str = "list"


@dataclass
class _Open:
    """A mark open on the nesting stack while a block is split (mutable while building)."""

    mark: Mark
    children: list = field(default_factory=list)
    first: bool = True


def _blocks(text: str, units: Iterable[Any]) -> list[tuple[int, int, str, str]]:
    """Ordered, non-overlapping (start, end, type, furniture) blocks covering all non-blank text."""
    spans = []
    for u in units:
        if not isinstance(u, dict):
            continue
        start, end = as_int(u.get("start")), as_int(u.get("end"))
        if start is None or end is None:
            continue
        start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
        furniture = as_text(u.get("furniture"))
        kind = "furniture" if furniture or u.get("kind") == "furniture" else as_text(u.get("kind"))
        if kind not in ("heading", "paragraph", "bullet", "furniture"):
            kind = "paragraph"
        spans.append((start, end, kind, furniture or ("page furniture" if kind == "furniture"
                                                      else "")))
    spans.sort(key=lambda s: (s[0], -s[1]))
    blocks: list[tuple[int, int, str, str]] = []
    pos = 0
    for start, end, kind, furniture in spans:
        start = max(start, pos)  # overlapping units: the earlier one keeps the text
        if end <= start:
            continue
        blocks.extend(_gap_blocks(text, pos, start))
        blocks.append((start, end, kind, furniture))
        pos = end
    blocks.extend(_gap_blocks(text, pos, len(text)))
    return blocks


def _gap_blocks(text: str, start: int, end: int) -> list[tuple[int, int, str, str]]:
    """Paragraphs for the non-blank lines of text that no unit covers."""
    return [(start + m.start(), start + m.end(), "paragraph", "")
            for m in re.finditer(r"[^\n]*\S[^\n]*", text[start:end])]


_TAGS = {"heading": "h3", "paragraph": "p", "bullet": "li", "furniture": "div"}
_GLYPH = re.compile(r"\s*[\u2022\u00b7\u25aa\u25cf\u2023\u2043*\-\u2013]\s")


def split_document(text: str, units: Iterable[Any], marks: Iterable[Mark]) \
        -> tuple[Union[Block, Gap, ListGroup], ...]:
    """The body of a document: blocks from its units, each holding its text split at the marks."""
    marks = sorted((m for m in marks if 0 <= m.start <= m.end <= len(text)),
                   key=lambda m: (m.start, -m.end, m.rank))
    started: set[str] = set()
    out: list[Union[Block, Gap, ListGroup]] = []
    pending: list[Union[Block, Gap]] = []  # bullets (and the gaps between them) being grouped
    pos = 0

    def flush() -> None:
        tail: list[Gap] = []
        while pending and isinstance(pending[-1], Gap):
            tail.insert(0, pending.pop())  # whitespace after the last bullet stays outside
        if pending:
            out.append(ListGroup(tuple(pending)))
        pending.clear()
        out.extend(tail)

    for start, end, kind, furniture in _blocks(text, units):
        gap = Gap(text[pos:start]) if start > pos else None
        children = _split_range(text, start, end, marks, started)
        block = Block(type=kind, tag=_TAGS[kind], furniture=furniture,
                      glyph=kind == "bullet" and bool(_GLYPH.match(text[start:end])),
                      children=children)
        if kind == "bullet":
            if gap is not None:
                (pending if pending else out).append(gap)
            pending.append(block)
        else:
            flush()
            if gap is not None:
                out.append(gap)
            out.append(block)
        pos = end
    flush()
    if pos < len(text):
        out.append(Gap(text[pos:]))
    return tuple(out)


def _split_range(text: str, start: int, end: int, marks: list[Mark],
                 started: set[str]) -> tuple[Child, ...]:
    """Nodes for text[start:end]; crossing marks are closed and reopened as continuation pieces."""
    inside = [m for m in marks if m.start < end and m.end > start]
    points = [m for m in marks if m.start == m.end and start <= m.start < end]
    inside = [m for m in inside if m.start != m.end]
    root: list[Child] = []
    stack: list[_Open] = []
    bounds = sorted({start, end, *(max(m.start, start) for m in inside),
                     *(min(m.end, end) for m in inside), *(m.start for m in points)})

    def top() -> list:
        return stack[-1].children if stack else root

    def close_one() -> None:
        entry = stack.pop()
        top().append(_node(entry))

    for i, b in enumerate(bounds):
        ending = [j for j, o in enumerate(stack) if o.mark.end <= b]
        reopen: list[Mark] = []
        if ending:
            lowest = min(ending)
            while len(stack) > lowest:
                entry = stack[-1]
                close_one()
                if entry.mark.end > b:
                    reopen.append(entry.mark)
        for m in points:
            if m.start == b:
                top().append(_node(_Open(m, first=m.key not in started)))
                started.add(m.key)
        if b >= end:
            break
        opening = reopen + [m for m in inside if max(m.start, start) == b]
        for m in sorted(opening, key=lambda m: (-min(m.end, end), m.rank)):
            stack.append(_Open(m, first=m.key not in started))
            started.add(m.key)
        nxt = bounds[i + 1]
        if nxt > b:
            top().append(text[b:nxt])
    while stack:
        close_one()
    return tuple(root)


def _node(entry: _Open) -> Node:
    m = entry.mark
    extra = m.first_attrs if entry.first else m.rest_attrs
    attrs = dict(m.attrs)
    attrs.update(dict(extra))
    return Node(m.tag, tuple(attrs.items()), tuple(entry.children))
