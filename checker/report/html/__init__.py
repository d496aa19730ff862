"""Self-contained HTML reports: one page per check, and a sortable index page for a batch.

Glossary:
    Mark    a span of a document's clean text to wrap in an element (a finding, an evidence
            span, a claim), with the element's attributes.
    Node    an element of the rendered text tree: tag, attributes and children (nodes or text).
    Block   a heading, paragraph, bullet or piece of furniture, holding the nodes of its text.
    Gap     text between blocks (normally whitespace), kept so that no character is lost.

The text of every document is split at span boundaries here, in Python; the Jinja template
(autoescape on) only walks the resulting tree, so article text is never concatenated into HTML.
Spans that cross are split into pieces (the first piece carries the label and the tab stop),
so the text inside a document's container, tags stripped, is exactly the document's text.

The page needs no network: CSS and JS are inlined, and a Content-Security-Policy names the
SHA-256 of the one inline script and the one inline style, so nothing injected can run even if
escaping ever failed somewhere.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import Union

from markupsafe import Markup

from checker.errors import CheckerError
from checker.records import KINDS, SEVERITIES
from checker.report.html.findings import (alignment_links, counts, derived_marks, document_index,
                                          finding_items, finding_views, source_marks)
from checker.report.html.index import render_index, write_index
from checker.report.html.page import render, render_page, script_json, write_html
from checker.report.html.tree import Block, Gap, ListGroup, Mark, split_document
from checker.report.html.values import as_score, as_text, kind_label

__all__ = ["render_index", "render_page", "render_report", "script_json", "write_html",
           "write_index", "write_report"]


@dataclass(frozen=True)
class DocView:
    """One document as the template shows it."""

    index: int  # -1 for the derived text, else the source's position
    html_id: str
    name: str
    path: str
    meta: tuple[tuple[str, str], ...]
    encoding: str
    repairs: tuple[str, ...]
    body: tuple[Union[Block, Gap, ListGroup], ...]
    n_findings: int = 0


def render_report(result: dict) -> str:
    """Render one check result (the JSON-ready dict, schema "1") as a complete HTML document."""
    if not isinstance(result, dict):
        raise CheckerError(f"expected a check result dict, got {type(result).__name__}")
    derived = result.get("derived")
    if not isinstance(derived, dict):
        raise CheckerError("the check result has no 'derived' document")
    sources = [s for s in result.get("sources") or [] if isinstance(s, dict)]
    items = finding_items(result)
    findings = finding_views(items, sources)
    doc_of = document_index(sources)

    derived_view = _doc_view(derived, -1, "doc-derived",
                             derived_marks(derived, result, items, findings))
    source_views = [
        _doc_view(src, i, f"doc-src-{i}",
                  source_marks(src, i, result, items, findings, doc_of),
                  n_findings=sum(1 for f in findings if f.doc == i))
        for i, src in enumerate(sources)
    ]
    by_kind, by_severity = counts(findings)
    present = [k for k in KINDS if k in by_kind] + sorted(k for k in by_kind if k not in KINDS)
    data = {
        "alignments": alignment_links(result.get("alignments") or [], doc_of, len(sources)),
        "findings": [{"id": f.id, "doc": f.doc, "omitted": f.omitted} for f in findings],
    }
    context = {
        "result": result,
        "title": f"Fact-drift report: {derived.get('document') or 'derived text'}",
        "derived": derived_view,
        "sources": source_views,
        "findings": findings,
        "score": as_score(result.get("score")),
        "by_kind": by_kind,
        "by_severity": by_severity,
        "kinds_present": [(k, *kind_label(k)) for k in present],
        "severities": SEVERITIES,
        "suppressed": _suppressed_views(result.get("suppressed")),
        "notices": [{"line": n.get("line", ""), "message": str(n.get("message", "")),
                     "text": str(n.get("text", ""))}
                    for n in (result.get("notices") or []) if isinstance(n, dict)],
        "config_text": json.dumps(result.get("config") or {}, indent=2, sort_keys=True,
                                  default=str, ensure_ascii=False),
        "data_json": Markup(script_json(data)),
    }
    return render("report.html", context, script="report.js")


def _suppressed_views(items) -> list[dict]:
    """Suppressed findings (by a comment in the draft or a baseline) as flat views."""
    out = []
    for f in items if isinstance(items, list) else []:
        if not isinstance(f, dict):
            continue
        der = f.get("derived") if isinstance(f.get("derived"), dict) else {}
        why = f.get("suppression") if isinstance(f.get("suppression"), dict) else {}
        out.append({"severity": str(f.get("severity", "")), "kind": str(f.get("kind", "")),
                    "code": str(f.get("code", "")), "message": str(f.get("message", "")),
                    "line": der.get("line") if der.get("text") else None,
                    "by": "the baseline" if why.get("by") == "baseline"
                    else f"the comment on line {why.get('line', '?')}",
                    "reason": str(why.get("reason", ""))})
    return out


def write_report(result: dict, path: Union[str, os.PathLike]) -> None:
    """Render ``result`` and write it to ``path`` atomically (temp file, then os.replace)."""
    write_html(render_report(result), path)


def _doc_view(doc: dict, index: int, html_id: str, marks: list[Mark], *,
              n_findings: int = 0) -> DocView:
    text = as_text(doc.get("text"))
    meta = doc.get("meta") if isinstance(doc.get("meta"), dict) else {}
    meta_items = tuple((k, as_text(meta.get(k))) for k in ("outlet", "title", "date", "url")
                       if meta.get(k))
    repairs = tuple(as_text(r) for r in doc.get("repairs") or [] if r)
    name = as_text(doc.get("document")) or os.path.basename(as_text(doc.get("path"))) or html_id
    return DocView(index=index, html_id=html_id, name=name, path=as_text(doc.get("path")),
                   meta=meta_items, encoding=as_text(doc.get("encoding")), repairs=repairs,
                   body=split_document(text, doc.get("units") or [], marks),
                   n_findings=n_findings)
