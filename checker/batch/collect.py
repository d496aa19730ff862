"""The items of a batch input (``collect_items``), and manifests made from a corpus for scale tests.

``collect_items`` reads a corpus folder (``checker.batch.corpus``) or a manifest
(``checker.batch.manifest``) and drops items whose id is already taken, recording each as a
``duplicate-id`` failure. ``generate_manifest`` writes an n-row manifest cycling the pairs of a
corpus folder.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from typing import Optional

from checker.batch.corpus import _collect_corpus
from checker.batch.items import BatchItem, Failure
from checker.batch.manifest import _collect_manifest
from checker.config import Config
from checker.errors import ConfigError, InputError
from checker.files import atomic_write


def collect_items(path: str | os.PathLike, *,
                  config: Optional[Config] = None) -> tuple[list[BatchItem], list[Failure]]:
    """The items of a corpus folder or manifest, and the failures found while reading it."""
    root = Path(path)
    if not root.exists():
        raise InputError(f"{root}: no such corpus folder or manifest", path=str(root),
                         cause="missing")
    config = config or Config()
    if root.is_dir():
        items, failures = _collect_corpus(root, config)
    else:
        items, failures = _collect_manifest(root, config)
    return _drop_duplicates(items, failures)


def _drop_duplicates(items: list[BatchItem],
                     failures: list[Failure]) -> tuple[list[BatchItem], list[Failure]]:
    # The first item with an id is kept; later ones would overwrite its results.
    seen: dict[str, BatchItem] = {}
    kept: list[BatchItem] = []
    for item in items:
        first = seen.get(item.id)
        if first is not None:
            failures.append(Failure(
                item.id, item.derived.path or "", "duplicate-id",
                f"{item.id}: duplicate id ({item.origin}); the id is already used by "
                f"{first.origin}, so this text was not checked: give it a unique id",
                story=item.story))
            continue
        seen[item.id] = item
        kept.append(item)
    return kept, failures


def generate_manifest(corpus_dir: str | os.PathLike, n: int,
                      out_path: str | os.PathLike) -> Path:
    """Write an ``n``-row JSON lines (or CSV) manifest cycling the pairs of a corpus folder."""
    if n < 1:
        raise ConfigError(f"a manifest needs at least one row, got n={n}")
    items, _ = collect_items(corpus_dir)
    usable = [i for i in items if i.derived.path and all(s.path for s in i.sources)]
    if not usable:
        raise InputError(f"{corpus_dir}: no checkable derived text to cycle", path=str(corpus_dir),
                         cause="empty")
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    base = out.parent.resolve()
    rows = []
    for k in range(n):
        item = usable[k % len(usable)]
        rows.append({
            "id": f"{item.id}#{k:06d}", "story": item.story, "outlet": item.outlet,
            "derived": os.path.relpath(Path(item.derived.path).resolve(), base),
            "sources": [os.path.relpath(Path(s.path).resolve(), base) for s in item.sources],
        })
    if out.suffix.lower() == ".csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=["id", "story", "outlet", "derived", "sources"])
        writer.writeheader()
        writer.writerows({**r, "sources": "|".join(r["sources"])} for r in rows)
        atomic_write(out, buf.getvalue())
    else:
        atomic_write(out, "".join(json.dumps(r) + "\n" for r in rows))
    return out
