"""The articles of a story folder of the batch corpus, for ``compare``.

The folder is read by the batch reader (``checker.batch.collect_items``), so a story folder
means the same thing to both commands. Its ``source`` articles are the originals; every
derived text and source is a column, sources first, in the order of ``story.json``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from checker.batch.collect import collect_items
from checker.batch.items import BatchItem, DocRef
from checker.errors import InputError
from checker.records import Article


def story_refs(items: Sequence[BatchItem]) -> dict[str, list[DocRef]]:
    """The documents of each story of a batch: sources first, then derived texts, once each."""
    out: dict[str, list[DocRef]] = {}
    for item in items:
        refs = out.setdefault(item.story, [])
        for ref in (*item.sources, item.derived):
            if all(r.doc_id != ref.doc_id for r in refs):
                refs.append(ref)
    for refs in out.values():
        refs.sort(key=lambda r: r.role != "source")  # stable: story.json order within a role
    return out


def read_story(folder: str | Path) -> list[DocRef]:
    """The documents of one story folder; an InputError when it is not one, or is broken."""
    path = Path(folder)
    if not (path / "story.json").is_file():
        raise InputError(f"{path}: not a story folder (no story.json); see corpora/README.md",
                         path=str(path), cause="no-metadata")
    items, failures = collect_items(path)
    if failures:
        raise InputError(failures[0].message, path=failures[0].path, cause=failures[0].cause)
    stories = story_refs(items)
    if not stories:
        raise InputError(f"{path}: the story has no derived text", path=str(path),
                         cause="malformed")
    return next(iter(stories.values()))


def load_ref(ref: DocRef, config) -> Article | None:
    """A story's document loaded, or None when it cannot be (its batch item reports why)."""
    from checker.load import load_article, load_text

    try:
        if ref.path is not None:
            return load_article(ref.path, doc_id=ref.doc_id, config=config, meta=dict(ref.meta))
        return load_text(ref.text or "", doc_id=ref.doc_id, config=config, meta=dict(ref.meta))
    except InputError:
        return None
