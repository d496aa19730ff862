"""The records a batch passes around: a document, an item to check, a failure; item file names.

``DocRef`` is one document (a file or inline text, with its metadata), ``BatchItem`` one
derived text with its sources, ``Failure`` one item that could not be checked. ``safe_id``
turns an item id into the stem of its item file and HTML report.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from typing import Optional

_ARTICLE_META = ("outlet", "title", "date", "url")


@dataclass(frozen=True)
class DocRef:
    """One document of an item: a file (``path``) or inline ``text``, with its metadata."""

    doc_id: str
    role: str  # derived | source
    path: Optional[str] = None
    text: Optional[str] = None
    meta: tuple[tuple[str, str], ...] = ()

    def meta_value(self, key: str) -> str:
        return dict(self.meta).get(key, "")


@dataclass(frozen=True)
class BatchItem:
    """One derived text to check against its sources; ``origin`` says where it was declared."""

    id: str
    story: str
    outlet: str
    derived: DocRef
    sources: tuple[DocRef, ...]
    origin: str = ""


@dataclass(frozen=True)
class Failure:
    """An item that could not be checked: which item, which file, the cause and a message."""

    item: str
    path: str
    cause: str
    message: str
    story: str = ""


def _missing_file(item: BatchItem) -> Optional[Failure]:
    # Only what does not exist: a FIFO or a folder is refused, with its own message, when
    # the loader reads it.
    if item.derived.path is not None and not os.path.exists(item.derived.path):
        return Failure(item.id, item.derived.path, "missing",
                       f"{item.id}: derived file {item.derived.path} does not exist",
                       story=item.story)
    for src in item.sources:
        if src.path is not None and not os.path.exists(src.path):
            return Failure(item.id, src.path, "missing-source",
                           f"{item.id}: source file {src.path} does not exist, so the text "
                           f"cannot be checked against it", story=item.story)
    return None


def safe_id(item_id: str) -> str:
    """A file-name-safe, collision-free stem for an item id."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", item_id).strip("._")[:80] or "item"
    return f"{stem}-{hashlib.sha1(item_id.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}"
