"""Checks every row of a batch input passes before it becomes an item, shared by manifests
and ``story.json``: values of the right type, text that can be written as UTF-8, file names
without NUL characters. A row that fails one becomes a ``Failure`` naming the row; it never
reaches the item files or the tables, where one such value would stop the whole run.
"""

from __future__ import annotations

from typing import Any, Iterable

from checker.files import printable, unencodable_at


def row_label(value: Any, fallback: str) -> str:
    """A row's id as an item name that can always be written, or ``fallback``."""
    if value is None or isinstance(value, (dict, list)):
        return fallback
    text = printable(str(value)).strip()
    return text or fallback


def row_problem(row: dict, *, text_fields: Iterable[str], list_fields: Iterable[str] = (),
                path_fields: Iterable[str] = ()) -> tuple[str, str]:
    """(cause, message) of the first unusable value of ``row``, or ("", "")."""
    lists, paths = set(list_fields), set(path_fields)
    for key in text_fields:
        value = row.get(key)
        if value is None:
            continue
        values = value if isinstance(value, list) and key in lists else [value]
        for v in values:
            if isinstance(v, bool) or not isinstance(v, (str, int, float)):
                kind = "text or a list of texts" if key in lists else "text"
                return "malformed", (f"malformed row: field {key!r} must be {kind}, "
                                     f"not {type(v).__name__}")
            if not isinstance(v, str):
                continue
            bad = unencodable_at(v)
            if bad >= 0:
                return "encoding", (f"field {key!r} holds text that is not valid UTF-8 "
                                    f"({v[bad]!a} at character {bad + 1}), so the row was "
                                    f"not checked")
            if key in paths and "\x00" in v:
                return "malformed", f"malformed row: the file name in {key!r} holds a NUL character"
    return "", ""
