"""Suppression comments an editor writes in a draft, and where they are.

Two forms, in any input format:

    <!-- checker: ignore DA101, certainty-raised -- the agency confirmed it by phone -->
    [checker: ignore DA101 -- the agency confirmed it by phone]

The HTML comment suits Markdown and HTML drafts; the bracketed line suits plain text (it must
stand alone on its line). ``ignore`` applies to the paragraph, heading or bullet that follows;
``ignore-file`` to the whole draft (for omissions, which have no place in the draft). The
targets are rule codes, code prefixes or drift kinds; the reason follows `` -- `` and is
required. The loader drops directive lines from the text it reads (``is_directive_line``);
``checker.gate.suppress`` applies them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BODY = r"checker:\s*(?P<verb>[\w-]+)(?P<rest>.*?)"
_COMMENT_RE = re.compile(rf"<!--\s*{_BODY}\s*-->", re.S)
_BRACKET_RE = re.compile(rf"^[ \t]*\[\s*{_BODY}\s*\][ \t]*$", re.M)
_LINE_RE = re.compile(r"^\s*(?:<!--\s*checker:.*-->|\[\s*checker:.*\])\s*$")
_REASON_SPLIT = re.compile(r"\s+(?:--|—|–)\s*|^(?:--|—|–)\s*")
VERBS = ("ignore", "ignore-file")


@dataclass(frozen=True)
class Directive:
    """One suppression comment: its raw span, verb, targets and reason ("" when missing)."""

    start: int  # offsets into the raw file
    end: int
    verb: str
    targets: tuple[str, ...]
    reason: str
    text: str

    @property
    def whole_file(self) -> bool:
        return self.verb == "ignore-file"


def is_directive_line(line: str) -> bool:
    """True for a line that holds only a directive (the loader skips it)."""
    return bool(_LINE_RE.match(line))


def find_directives(raw: str) -> list[Directive]:
    """Every directive of a raw file, in order."""
    found = []
    for rx in (_COMMENT_RE, _BRACKET_RE):
        for m in rx.finditer(raw):
            rest = " ".join(m.group("rest").split())
            parts = _REASON_SPLIT.split(rest, maxsplit=1)
            head, reason = (parts[0], parts[1]) if len(parts) == 2 else (rest, "")
            targets = tuple(t for t in re.split(r"[\s,]+", head) if t)
            found.append(Directive(start=m.start(), end=m.end(), verb=m.group("verb"),
                                   targets=targets, reason=reason.strip(),
                                   text=" ".join(m.group().split())))
    return sorted(found, key=lambda d: d.start)
