"""The batch index page: one sortable row per story and derived text, linking each report."""

from __future__ import annotations

import json
import os
import re
import urllib.parse
from typing import Any, Union

from checker.errors import CheckerError
from checker.records import KINDS
from checker.report.html.page import render, write_html
from checker.report.html.values import as_int, as_score, as_text, kind_label


def render_index(rows: list[dict], *, title: str, meta: dict) -> str:
    """Render a batch index: one sortable row per story and derived text, linking each report."""
    if not isinstance(rows, (list, tuple)):
        raise CheckerError(f"expected a list of index rows, got {type(rows).__name__}")
    views = [_index_row(r) for r in rows if isinstance(r, dict)]
    kinds = sorted({k for v in views for k in v["kinds"]},
                   key=lambda k: (KINDS.index(k) if k in KINDS else len(KINDS), k))
    meta_items = [(str(k), v if isinstance(v, str) else json.dumps(v, default=str,
                                                                     ensure_ascii=False))
                  for k, v in (meta if isinstance(meta, dict) else {}).items()]
    context = {
        "title": title,
        "meta": meta_items,
        "rows": views,
        "kinds": [(k, *kind_label(k)) for k in kinds],
    }
    return render("index.html", context, script="index.js")


def write_index(rows: list[dict], path: Union[str, os.PathLike], *, title: str,
                meta: dict) -> None:
    """Render a batch index and write it to ``path`` atomically."""
    write_html(render_index(rows, title=title, meta=meta), path)


def _safe_href(value: Any) -> str:
    """A relative link to a report, or '' when the value could reach the network or run code."""
    if not isinstance(value, str) or not value.strip():
        return ""
    path = value.strip().replace("\\", "/")
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in path) or path.startswith("//"):
        return ""
    if re.match(r"[A-Za-z][A-Za-z0-9+.\-]*:", path):
        return ""  # a scheme: http:, javascript:, data:, C: ...
    return urllib.parse.quote(path, safe="/._-~")


def _index_row(row: dict) -> dict:
    counts = row.get("counts_by_kind") if isinstance(row.get("counts_by_kind"), dict) else {}
    kinds = {str(k): n for k, v in counts.items() if (n := as_int(v))}
    sources = row.get("sources")
    if isinstance(sources, (list, tuple)):
        sources = ", ".join(as_text(s) for s in sources)
    failure = row.get("error") if isinstance(row.get("error"), str) else ""
    errors, warnings = row.get("errors"), row.get("warnings")
    if isinstance(errors, (str, list)) and not failure:
        failure = errors if isinstance(errors, str) else "; ".join(as_text(e) for e in errors)
        errors = None
    findings = row.get("findings")
    if isinstance(findings, (list, tuple)):
        findings = len(findings)
    return {
        "story": as_text(row.get("story")),
        "outlet": as_text(row.get("outlet")),
        "derived": as_text(row.get("derived")),
        "sources": as_text(sources),
        "score": as_score(row.get("score")),
        "findings": as_int(findings),
        "errors": as_int(errors),
        "warnings": as_int(warnings),
        "kinds": kinds,
        "failure": as_text(failure),
        "report": as_text(row.get("report")),
        "href": _safe_href(row.get("report")),
    }
