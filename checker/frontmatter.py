"""YAML front matter of a Markdown draft: the block between ``---`` lines at the very top.

A draft names its sources there, relative to the draft's own folder::

    ---
    title: Leeds bakery to close
    sources:
      - ../wire/meridian.txt
      - ../wire/statement.html
    ---

The loader skips the block (it is not article text); ``checker check`` reads ``sources:``
when no ``--source`` is given.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Optional

from checker.errors import InputError

_FRONT_RE = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*\r?$\n?", re.S | re.M)


def front_matter_span(raw: str) -> Optional[tuple[int, int]]:
    """(start, end) raw offsets of the front matter block, or None."""
    m = _FRONT_RE.match(raw)
    return (m.start(), m.end()) if m else None


def front_matter(raw: str, *, name: str) -> dict[str, Any]:
    """The parsed front matter ({} when there is none)."""
    import yaml

    m = _FRONT_RE.match(raw)
    if not m:
        return {}
    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError as exc:
        raise InputError(f"{name}: the front matter is not valid YAML ({exc})", path=name,
                         cause="front-matter") from exc
    return data if isinstance(data, dict) else {}


def front_matter_sources(raw: str, *, name: str, base: Path) -> list[str]:
    """The ``sources:`` of a draft's front matter, resolved relative to ``base``."""
    value = front_matter(raw, name=name).get("sources")
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise InputError(f"{name}: front matter `sources:` must be a path or a list of paths, "
                         f"got {value!r}", path=name, cause="front-matter")
    return [str(base / v.strip()) for v in value]
