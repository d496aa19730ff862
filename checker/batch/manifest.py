"""Reading manifests: CSV, TSV or JSON lines, one row per derived text.

A row has an ``id``; ``derived`` (a path relative to the manifest) or ``derived_text``;
``source`` / ``sources`` (paths, ``|`` separated in CSV, a list in JSON lines) and/or
``source_text`` (``source_texts``, a list, in JSON lines); optional ``outlet``, ``story``,
``title``, ``date``, ``url``. A malformed row becomes a ``Failure``; a manifest that cannot be
read at all (unreadable, not UTF-8, a CSV without an ``id`` column) raises ``InputError``.
"""

from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import replace
from pathlib import Path
from typing import Any, Iterator, Optional

from checker.batch.items import _ARTICLE_META, BatchItem, DocRef, Failure, _missing_file
from checker.errors import InputError

_MANIFEST_SUFFIXES = {".csv": "csv", ".tsv": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl",
                      ".json": "jsonl"}


def _collect_manifest(path: Path) -> tuple[list[BatchItem], list[Failure]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise InputError(f"{path}: cannot read the manifest: {exc}", path=str(path),
                         cause="unreadable") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: the manifest is not UTF-8 ({exc.reason} at byte "
                         f"{exc.start})", path=str(path), cause="encoding") from exc
    fmt = _MANIFEST_SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        fmt = "jsonl" if text.lstrip().startswith("{") else "csv"
    rows = _jsonl_rows(text) if fmt == "jsonl" else _csv_rows(path, text, fmt)
    items: list[BatchItem] = []
    failures: list[Failure] = []
    base = path.parent
    for lineno, row, error in rows:
        label = f"{path.name}:{lineno}"
        if error:
            failures.append(Failure(str(row.get("id") or label), str(path), "malformed",
                                    f"{label}: malformed manifest row: {error}"))
            continue
        item, failure = _manifest_item(row, base, f"{path.name} line {lineno}", label)
        if failure is not None:
            failures.append(failure)
        else:
            items.append(item)
    return items, failures


def _jsonl_rows(text: str) -> Iterator[tuple[int, dict, str]]:
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield lineno, {}, f"not JSON ({exc.msg} at column {exc.colno})"
            continue
        if not isinstance(row, dict):
            yield lineno, {}, "expected a JSON object"
            continue
        yield lineno, row, ""


def _csv_rows(path: Path, text: str, fmt: str) -> Iterator[tuple[int, dict, str]]:
    reader = csv.DictReader(io.StringIO(text, newline=""),
                            delimiter="\t" if fmt == "tsv" else ",")
    header = [h.strip() for h in (reader.fieldnames or [])]
    if "id" not in header:
        raise InputError(f"{path}: the manifest header must have an 'id' column "
                         f"(found: {', '.join(header) or 'nothing'})", path=str(path),
                         cause="malformed")
    reader.fieldnames = header
    for row in reader:
        lineno = reader.line_num
        if None in row:
            yield lineno, {"id": row.get("id")}, (f"{len(header) + len(row[None])} fields for "
                                                  f"{len(header)} columns")
            continue
        if any(v is None for v in row.values()):
            yield lineno, {"id": row.get("id")}, f"fewer fields than the {len(header)} columns"
            continue
        clean = {k: v.strip() for k, v in row.items() if v and v.strip()}
        if not clean:
            continue
        if "sources" in clean:
            clean["sources"] = [s.strip() for s in clean["sources"].split("|") if s.strip()]
        yield lineno, clean, ""


def _as_list(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if str(v).strip()]
    return [str(value)]


def _manifest_item(row: dict, base: Path, origin: str,
                   label: str) -> tuple[Optional[BatchItem], Optional[Failure]]:
    item_id = str(row.get("id") or "").strip()
    if not item_id:
        return None, Failure(label, "", "malformed", f"{label}: malformed manifest row: no id")
    story = str(row.get("story") or "")
    item, failure = _manifest_row_item(row, item_id, story, base, origin)
    return item, failure and replace(failure, story=story)


def _manifest_row_item(row: dict, item_id: str, story: str, base: Path,
                       origin: str) -> tuple[Optional[BatchItem], Optional[Failure]]:
    outlet = str(row.get("outlet") or "")
    meta = tuple((k, str(row[k])) for k in _ARTICLE_META if row.get(k))
    meta = (*meta, ("story", story), ("role", "derived"))
    if row.get("derived"):
        derived = DocRef(item_id, "derived", path=_resolve(base, str(row["derived"])), meta=meta)
    elif isinstance(row.get("derived_text"), str) and row["derived_text"].strip():
        derived = DocRef(item_id, "derived", text=row["derived_text"], meta=meta)
    else:
        return None, Failure(item_id, "", "malformed",
                             f"{item_id} ({origin}): malformed manifest row: no 'derived' "
                             f"path or 'derived_text'")
    paths = _as_list(row.get("source")) + _as_list(row.get("sources"))
    texts = _as_list(row.get("source_text")) + _as_list(row.get("source_texts"))
    if not paths and not texts:
        return None, Failure(item_id, derived.path or "", "missing-source",
                             f"{item_id} ({origin}): no 'source' or 'source_text' to check "
                             f"the text against")
    src_meta = (("story", story), ("role", "source"))
    stems = [Path(p).stem for p in paths]
    unique = len(set(stems)) == len(stems)
    refs = [DocRef(stem if unique else p, "source", path=_resolve(base, p), meta=src_meta)
            for p, stem in zip(paths, stems)]
    for n, text in enumerate(texts, 1):
        doc_id = "source" if len(texts) == 1 and not refs else f"source-{n}"
        refs.append(DocRef(doc_id, "source", text=text, meta=src_meta))
    item = BatchItem(item_id, story, outlet, derived, tuple(refs), origin=origin)
    return item, _missing_file(item)


def _resolve(base: Path, given: str) -> str:
    p = Path(given).expanduser()
    return os.path.normpath(p if p.is_absolute() else base / p)
