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
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any, Iterator, Optional

from checker.batch.items import _ARTICLE_META, BatchItem, DocRef, Failure, _missing_file
from checker.batch.rows import row_problem, row_label
from checker.config import Config
from checker.errors import InputError
from checker.files import read_input

_MANIFEST_SUFFIXES = {".csv": "csv", ".tsv": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl",
                      ".json": "jsonl"}
# Fields a manifest row may hold, and those that name files.
_TEXT_FIELDS = ("id", "derived", "derived_text", "source", "sources", "source_text",
                "source_texts", "outlet", "story", *_ARTICLE_META)
_LIST_FIELDS = ("source", "sources", "source_text", "source_texts")
_PATH_FIELDS = ("derived", "source", "sources")


def _collect_manifest(path: Path, config: Config) -> tuple[list[BatchItem], list[Failure]]:
    data = read_input(path, limit=config.max_manifest_bytes, limit_name="max_manifest_bytes",
                      what="manifest")
    # Bytes that are not UTF-8 become lone surrogates: only the rows holding them fail.
    text = data.decode("utf-8-sig", errors="surrogateescape")
    fmt = _MANIFEST_SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        fmt = "jsonl" if text.lstrip().startswith("{") else "csv"
    rows = _jsonl_rows(text) if fmt == "jsonl" else _csv_rows(path, text, fmt,
                                                             limit=config.max_bytes)
    items: list[BatchItem] = []
    failures: list[Failure] = []
    for lineno, row, error in rows:
        item, failure = _row_item(path, lineno, row, error)
        if failure is not None:
            failures.append(failure)
        elif item is not None:
            items.append(item)
    return items, failures


def _row_item(path: Path, lineno: int, row: dict,
              error: str) -> tuple[Optional[BatchItem], Optional[Failure]]:
    """The item of one manifest row, or the failure that row becomes; never raises."""
    label = f"{path.name}:{lineno}"
    item_id = row_label(row.get("id"), label)
    if error:
        return None, Failure(item_id, str(path), "malformed",
                             f"{label}: malformed manifest row: {error}")
    cause, problem = row_problem(row, text_fields=_TEXT_FIELDS, list_fields=_LIST_FIELDS,
                                 path_fields=_PATH_FIELDS)
    if problem:
        return None, Failure(item_id, str(path), cause, f"{label}: {problem}",
                             story=row_label(row.get("story"), ""))
    try:
        return _manifest_item(row, path.parent, f"{path.name} line {lineno}", label)
    except Exception as exc:  # noqa: BLE001 - one odd row must not stop the batch
        return None, Failure(item_id, str(path), "malformed",
                             f"{label}: cannot use the manifest row: "
                             f"{type(exc).__name__}: {exc}")


def _jsonl_rows(text: str) -> Iterator[tuple[int, dict, str]]:
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield lineno, {}, f"not JSON ({exc.msg} at column {exc.colno})"
            continue
        except RecursionError:
            yield lineno, {}, "not usable JSON (nested too deeply)"
            continue
        except ValueError as exc:  # an integer of thousands of digits
            yield lineno, {}, f"not usable JSON ({exc})"
            continue
        if not isinstance(row, dict):
            yield lineno, {}, "expected a JSON object"
            continue
        yield lineno, row, ""


@contextmanager
def _csv_field_limit(limit: int) -> Iterator[None]:
    # The csv module refuses fields over 131,072 characters, but an inline article may be as
    # long as any article; the limit is process-wide, so it is put back afterwards.
    before = csv.field_size_limit()
    csv.field_size_limit(max(before, limit))
    try:
        yield
    finally:
        csv.field_size_limit(before)


def _csv_rows(path: Path, text: str, fmt: str, *, limit: int) -> Iterator[tuple[int, dict, str]]:
    with _csv_field_limit(limit):
        reader = csv.DictReader(io.StringIO(text, newline=""),
                                delimiter="\t" if fmt == "tsv" else ",")
        try:
            fieldnames = reader.fieldnames
        except csv.Error as exc:
            raise InputError(f"{path}: cannot read the manifest header: {exc}", path=str(path),
                             cause="malformed") from exc
        header = [h.strip() for h in (fieldnames or [])]
        if "id" not in header:
            raise InputError(f"{path}: the manifest header must have an 'id' column "
                             f"(found: {', '.join(header) or 'nothing'})", path=str(path),
                             cause="malformed")
        reader.fieldnames = header
        rows = iter(reader)
        while True:
            before = reader.line_num
            try:
                row = next(rows)
            except StopIteration:
                return
            except csv.Error as exc:
                # The reader goes on with the next row after an error.
                yield before + 1, {}, str(exc)
                continue
            yield from _csv_row(reader.line_num, row, len(header))


def _csv_row(lineno: int, row: dict, columns: int) -> Iterator[tuple[int, dict, str]]:
    if None in row:
        yield lineno, {"id": row.get("id")}, (f"{columns + len(row[None])} fields for "
                                              f"{columns} columns")
        return
    if any(v is None for v in row.values()):
        yield lineno, {"id": row.get("id")}, f"fewer fields than the {columns} columns"
        return
    clean = {k: v.strip() for k, v in row.items() if v and v.strip()}
    if not clean:
        return
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
    # os.path.expanduser leaves "~nosuchuser/x" as it is (Path.expanduser raises).
    p = Path(os.path.expanduser(given))
    return os.path.normpath(p if p.is_absolute() else base / p)
