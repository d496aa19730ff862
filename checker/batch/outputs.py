"""The batch's output files: finding and failure tables, database rows and the HTML index.

Rows are built from the item files: ``findings.csv`` and ``findings.jsonl`` (one row per
finding, ``FINDING_FIELDS``), ``summary-stories.csv``, ``summary-outlets.csv`` and
``failures.csv`` (``FAILURE_FIELDS``), the rows ``checker.store`` appends to
``checker.sqlite``, and ``index.html``. Every file is written atomically.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Optional

from checker import __version__
from checker.batch.items import BatchItem, Failure
from checker.errors import CheckerError
from checker.files import atomic_write

FINDING_FIELDS = (
    "run_id", "item_id", "story", "outlet", "derived_id", "source_ids", "kind", "code",
    "severity", "confidence", "derived_start", "derived_end", "derived_line", "derived_column",
    "derived_text", "evidence_document", "evidence_start", "evidence_end", "evidence_text",
    "message",
)
FAILURE_FIELDS = ("item", "path", "cause", "message", "story")


def _finding_rows(run_id: str, item: BatchItem, result: dict) -> list[dict]:
    source_ids = [s.doc_id for s in item.sources]
    rows = []
    for f in result.get("findings", ()):
        d = f.get("derived") or {}
        ev = (f.get("evidence") or [{}])[0] or {}
        rows.append({
            "run_id": run_id, "item_id": item.id, "story": item.story, "outlet": item.outlet,
            "derived_id": item.derived.doc_id, "source_ids": source_ids,
            "kind": f.get("kind", ""), "code": f.get("code", ""),
            "severity": f.get("severity", ""), "confidence": f.get("confidence"),
            "derived_start": d.get("start"), "derived_end": d.get("end"),
            "derived_line": d.get("line"), "derived_column": d.get("column"),
            "derived_text": d.get("text", ""),
            "evidence_document": ev.get("document", ""), "evidence_start": ev.get("start"),
            "evidence_end": ev.get("end"), "evidence_text": ev.get("text", ""),
            "message": f.get("message", ""),
        })
    return rows


def _document_rows(run_id: str, item: BatchItem, result: dict) -> list[dict]:
    rows = []
    for ref in (item.derived, *item.sources):
        rows.append({
            "run_id": run_id, "item_id": item.id, "story": item.story, "outlet": item.outlet,
            "role": ref.role, "doc_id": ref.doc_id, "path": ref.path or "",
            "title": ref.meta_value("title"), "date": ref.meta_value("date"),
            "url": ref.meta_value("url"),
            "score": result.get("score") if ref.role == "derived" else None,
        })
    return rows


def _index_row(item: BatchItem, result: Optional[dict], html_name: str = "",
               failure: Optional[Failure] = None) -> dict:
    findings = (result or {}).get("findings", ())
    counts: dict[str, int] = {}
    severities: dict[str, int] = {}
    for f in findings:
        counts[f.get("kind", "")] = counts.get(f.get("kind", ""), 0) + 1
        severities[f.get("severity", "")] = severities.get(f.get("severity", ""), 0) + 1
    return {"id": item.id, "story": item.story, "outlet": item.outlet,
            "derived": item.derived.doc_id, "sources": [s.doc_id for s in item.sources],
            "score": (result or {}).get("score"), "findings": len(findings),
            "errors": severities.get("error", 0), "warnings": severities.get("warning", 0),
            "counts_by_kind": counts, "report": html_name,
            "error": f"[{failure.cause}] {failure.message}" if failure else ""}


def _store_finding(row: dict) -> dict:
    return {k: row.get(k) for k in ("run_id", "item_id", "story", "outlet", "kind", "code",
                                     "severity", "confidence", "derived_start", "derived_end",
                                     "derived_text", "evidence_document", "evidence_text",
                                     "message")}


def _write_tables(out: Path, findings: list[dict], failures: list[Failure], stories,
                  outlets) -> list[tuple[str, Path]]:
    import pandas as pd

    flat = [{**r, "source_ids": "|".join(r["source_ids"])} for r in findings]
    table = pd.DataFrame(flat, columns=list(FINDING_FIELDS))
    # Offsets are missing when a finding has no evidence; Int64 keeps them "12", not "12.0".
    for column in ("derived_start", "derived_end", "derived_line", "derived_column",
                   "evidence_start", "evidence_end"):
        table[column] = table[column].astype("Int64")
    paths = {
        "findings (CSV)": out / "findings.csv",
        "findings (JSON lines)": out / "findings.jsonl",
        "per story": out / "summary-stories.csv",
        "per outlet": out / "summary-outlets.csv",
        "failures": out / "failures.csv",
    }
    fail_table = pd.DataFrame([asdict(f) for f in failures], columns=list(FAILURE_FIELDS))
    texts = {
        "findings (CSV)": _csv(table),
        "findings (JSON lines)": "".join(json.dumps(r, ensure_ascii=False) + "\n"
                                         for r in findings),
        "per story": _csv(stories),
        "per outlet": _csv(outlets),
        "failures": _csv(fail_table),
    }
    for what, text in texts.items():
        # A stray byte in a file name (read as a lone surrogate) is written escaped: one
        # such name must not cost the run its tables.
        atomic_write(paths[what], text, errors="backslashreplace")
    return list(paths.items())


def _csv(frame) -> str:
    """A table as CSV with CRLF line ends (RFC 4180): a cell holding a carriage return or a
    line break (an item id read from a hostile manifest) is then quoted, and reads back as
    one cell, not as extra rows."""
    return frame.to_csv(index=False, lineterminator="\r\n")


def _write_index(out: Path, rows: list[dict], failures: list[Failure], path,
                 run_id: str) -> Optional[Path]:
    try:
        from checker.report.html import render_index
    except ImportError:
        return None
    meta = {"run_id": run_id, "input": str(path), "checker_version": __version__,
            "failures": [asdict(f) for f in failures]}
    try:
        page = render_index(rows, title=f"checker batch: {_stem(Path(path))}", meta=meta)
    except (CheckerError, ValueError, KeyError, TypeError):
        return None
    target = out / "index.html"
    atomic_write(target, page, errors="backslashreplace")
    return target


def _stem(path: Path) -> str:
    return (path.resolve().name if path.is_dir() else path.stem) or "batch"
