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

import base64
import hashlib
import json
import math
import os
import re
import tempfile
import urllib.parse
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Optional, Union

import jinja2
from markupsafe import Markup

from checker.errors import CheckerError
from checker.records import KINDS, SEVERITIES, SEVERITY_RANK

TEMPLATES = Path(__file__).resolve().parent / "templates"

# Short labels shown with each span (colour is never the only cue), and one line per kind.
KIND_LABELS: dict[str, tuple[str, str]] = {
    "attribution-dropped": ("AD", "an attributed claim is stated as plain fact"),
    "attribution-changed": ("AC", "the claim or quote is credited to someone else"),
    "certainty-raised": ("C\u2191", "hedges removed or strengthened; an attempt made a fact"),
    "certainty-lowered": ("C\u2193", "a firm finding turned into a possibility"),
    "causal-link-added": ("CL", "a cause or sequence the source does not state"),
    "entity-changed": ("EN", "a different person, organisation, place or product"),
    "number-changed": ("NUM", "a number, amount, date or duration differs"),
    "negation-flipped": ("NEG", "polarity reversed"),
    "quote-altered": ("QT", "quoted words differ from the source's quote"),
    "unsupported-claim": ("UN", "nothing in the sources supports it"),
    "omitted-claim": ("OM", "a salient source claim is missing from the derived text"),
    "scope-changed": ("SC", "a claim about some is made about all, or generalised"),
}
OTHER_LABEL = ("??", "a kind this report does not know")
OMITTED = "omitted-claim"

Child = Union["Node", str]


@dataclass(frozen=True)
class Mark:
    """A span to wrap in an element; ``rank`` orders spans that share both ends (lower is outer)."""

    start: int
    end: int
    tag: str
    key: str  # identifies the span across its pieces
    attrs: tuple[tuple[str, str], ...]
    first_attrs: tuple[tuple[str, str], ...] = ()  # only on the first piece
    rest_attrs: tuple[tuple[str, str], ...] = ()  # only on continuation pieces
    rank: int = 0


@dataclass(frozen=True)
class Node:
    """An element of the rendered text: tag, attributes and children."""

    tag: str
    attrs: tuple[tuple[str, str], ...]
    children: tuple[Child, ...]


@dataclass(frozen=True)
class Block:
    """A structural block of a document with the nodes of its text."""

    type: str  # heading | paragraph | bullet | furniture
    tag: str
    furniture: str
    glyph: bool  # a bullet whose text starts with its own bullet character
    children: tuple[Child, ...]


@dataclass(frozen=True)
class Gap:
    """Text between blocks, rendered as is."""

    text: str
    type: str = "gap"


@dataclass(frozen=True)
class ListGroup:
    """Consecutive bullets, rendered as one list."""

    items: tuple[Union[Block, Gap], ...]
    type: str = "list"


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


@dataclass(frozen=True)
class FindingView:
    """One finding as the findings list shows it."""

    id: str
    html_id: str
    kind: str
    abbr: str
    known_kind: bool
    code: str
    name: str
    severity: str
    message: str
    suggestion: str
    confidence: Optional[float]
    location: str
    text: str
    evidence: tuple[dict, ...]
    omitted: bool
    rank_order: int
    position_order: int
    doc: Optional[int]  # the source holding the first evidence span
    item: int = 0  # position in the result's findings, to reach its raw spans
    repeated: tuple[str, ...] = ()  # the other places of the same drift ("12:1")


@dataclass
class _Open:
    """A mark open on the nesting stack while a block is split (mutable while building)."""

    mark: Mark
    children: list = field(default_factory=list)
    first: bool = True


# --------------------------------------------------------------------------- public API


def render_report(result: dict) -> str:
    """Render one check result (the JSON-ready dict, schema "1") as a complete HTML document."""
    if not isinstance(result, dict):
        raise CheckerError(f"expected a check result dict, got {type(result).__name__}")
    derived = result.get("derived")
    if not isinstance(derived, dict):
        raise CheckerError("the check result has no 'derived' document")
    sources = [s for s in result.get("sources") or [] if isinstance(s, dict)]
    items = _finding_items(result)
    findings = _finding_views(items, sources)
    doc_of = _document_index(sources)

    derived_view = _doc_view(derived, -1, "doc-derived",
                             _derived_marks(derived, result, items, findings))
    source_views = [
        _doc_view(src, i, f"doc-src-{i}",
                  _source_marks(src, i, result, items, findings, doc_of),
                  n_findings=sum(1 for f in findings if f.doc == i))
        for i, src in enumerate(sources)
    ]
    by_kind, by_severity = _counts(findings)
    present = [k for k in KINDS if k in by_kind] + sorted(k for k in by_kind if k not in KINDS)
    data = {
        "alignments": _alignment_links(result.get("alignments") or [], doc_of, len(sources)),
        "findings": [{"id": f.id, "doc": f.doc, "omitted": f.omitted} for f in findings],
    }
    context = {
        "result": result,
        "title": f"Fact-drift report: {derived.get('document') or 'derived text'}",
        "derived": derived_view,
        "sources": source_views,
        "findings": findings,
        "score": _score(result.get("score")),
        "by_kind": by_kind,
        "by_severity": by_severity,
        "kinds_present": [(k, *_label(k)) for k in present],
        "severities": SEVERITIES,
        "suppressed": _suppressed_views(result.get("suppressed")),
        "notices": [{"line": n.get("line", ""), "message": str(n.get("message", "")),
                     "text": str(n.get("text", ""))}
                    for n in (result.get("notices") or []) if isinstance(n, dict)],
        "config_text": json.dumps(result.get("config") or {}, indent=2, sort_keys=True,
                                  default=str, ensure_ascii=False),
        "data_json": Markup(script_json(data)),
    }
    return _render("report.html", context, script="report.js")


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
        "kinds": [(k, *_label(k)) for k in kinds],
    }
    return _render("index.html", context, script="index.js")


def render_page(template: str, context: dict, *, script: str) -> str:
    """Render another page in the report's style: ``template`` with common.css and its own
    stylesheet and ``script`` inlined under the same Content-Security-Policy."""
    return _render(template, context, script=script)


def write_report(result: dict, path: Union[str, os.PathLike]) -> None:
    """Render ``result`` and write it to ``path`` atomically (temp file, then os.replace)."""
    write_html(render_report(result), path)


def write_index(rows: list[dict], path: Union[str, os.PathLike], *, title: str,
                meta: dict) -> None:
    """Render a batch index and write it to ``path`` atomically."""
    write_html(render_index(rows, title=title, meta=meta), path)


def write_html(html: str, path: Union[str, os.PathLike]) -> None:
    """Write a page atomically: a temp file in the same folder, then os.replace."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise CheckerError(f"cannot write report {target}: {exc}") from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(html)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes the file private; a report is meant to be shared like any other file.
        os.chmod(tmp, _mode_of(target))
        os.replace(tmp, target)
    except OSError as exc:
        _unlink_quietly(tmp)
        raise CheckerError(f"cannot write report {target}: {exc}") from exc
    except BaseException:
        _unlink_quietly(tmp)
        raise


def script_json(value: Any) -> str:
    """JSON that is safe inside a <script> element: no '<', '>', '&' or line separators."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                          ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text


# --------------------------------------------------------------------------- rendering


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@lru_cache(maxsize=8)
def _asset(name: str) -> str:
    try:
        return (TEMPLATES / name).read_text(encoding="utf-8")
    except OSError as exc:
        raise CheckerError(f"report template asset missing: {name}: {exc}") from exc


def _csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _render(template: str, context: dict, *, script: str) -> str:
    css = _asset("common.css") + _asset(template.replace(".html", ".css"))
    js = _asset(script)
    # Hashes instead of 'unsafe-inline': only these exact bytes may run or style the page.
    csp = ("default-src 'none'; "
           f"style-src {_csp_hash(css)}; script-src {_csp_hash(js)}; "
           "img-src data:; base-uri 'none'; form-action 'none'")
    try:
        tpl = _environment().get_template(template)
        return tpl.render(css=Markup(css), js=Markup(js), csp=csp,
                          kind_labels=KIND_LABELS, **context)
    except jinja2.TemplateError as exc:
        raise CheckerError(f"cannot render {template}: {exc}") from exc


def _mode_of(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        return 0o644


def _unlink_quietly(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass  # the temp file is already gone; nothing to clean


# --------------------------------------------------------------------------- findings


def _label(kind: str) -> tuple[str, str]:
    return KIND_LABELS.get(kind, OTHER_LABEL)


def _kind_class(kind: str) -> str:
    return f"k-{kind}" if kind in KIND_LABELS else "k-other"


def _severity(value: Any) -> str:
    return value if value in SEVERITIES else "info"


def _as_int(value: Any) -> Optional[int]:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return int(value)


def _as_float(value: Any) -> Optional[float]:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if math.isfinite(value) else None


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ("" if value is None else str(value))


def _location(span: Any) -> str:
    if not isinstance(span, dict):
        return ""
    line, col = _as_int(span.get("line")), _as_int(span.get("column"))
    if line is None:
        return ""
    return f"{line}:{col}" if col is not None else str(line)


def _document_index(sources: list[dict]) -> dict[str, int]:
    index: dict[str, int] = {}
    for i, src in enumerate(sources):
        for key in (src.get("document"), src.get("path")):
            if isinstance(key, str) and key:
                index.setdefault(key, i)
        path = src.get("path")
        if isinstance(path, str) and path:
            index.setdefault(os.path.basename(path), i)
    return index


def _evidence_doc(ev: dict, doc_of: dict[str, int], n_sources: int) -> Optional[int]:
    name = ev.get("document")
    if isinstance(name, str) and name in doc_of:
        return doc_of[name]
    # A single source needs no name to be found.
    return 0 if n_sources == 1 else None


def _finding_items(result: dict) -> list[dict]:
    return [f for f in result.get("findings") or [] if isinstance(f, dict)]


def _finding_views(items: list[dict], sources: list[dict]) -> list[FindingView]:
    doc_of = _document_index(sources)
    seen: set[str] = set()
    views: list[FindingView] = []
    for n, f in enumerate(items):
        fid = _text(f.get("id")) or f"F{n + 1}"
        while fid in seen:  # ids must be unique: they link spans, rows and evidence
            fid += "'"
        seen.add(fid)
        kind = _text(f.get("kind")) or "unknown"
        span = f.get("derived") if isinstance(f.get("derived"), dict) else {}
        evidence = []
        for ev in f.get("evidence") or []:
            if not isinstance(ev, dict):
                continue
            evidence.append({"document": _text(ev.get("document")), "text": _text(ev.get("text")),
                             "location": _location(ev),
                             "doc": _evidence_doc(ev, doc_of, len(sources))})
        docs = [e["doc"] for e in evidence if e["doc"] is not None]
        views.append(FindingView(
            id=fid, html_id=f"finding-{n}", kind=kind, abbr=_label(kind)[0],
            known_kind=kind in KIND_LABELS, code=_text(f.get("code")), name=_text(f.get("name")),
            severity=_severity(f.get("severity")), message=_text(f.get("message")),
            suggestion=_text(f.get("suggestion")), confidence=_as_float(f.get("confidence")),
            location=_location(span), text=_text(span.get("text")), evidence=tuple(evidence),
            omitted=kind == OMITTED, rank_order=0, position_order=0,
            doc=docs[0] if docs else None, item=n,
            repeated=tuple(loc for p in (f.get("locations") or [])[1:] if (loc := _location(p))),
        ))
    return _with_orders(views, items)


def _with_orders(views: list[FindingView], items: list[dict]) -> list[FindingView]:
    def position(i: int) -> tuple:
        span = items[i].get("derived") if isinstance(items[i].get("derived"), dict) else {}
        start = _as_int(span.get("clean_start"))
        if views[i].omitted or start is None:
            ev = (items[i].get("evidence") or [{}])[0]
            ev_start = _as_int(ev.get("clean_start")) if isinstance(ev, dict) else None
            return (1, views[i].doc if views[i].doc is not None else 0, ev_start or 0, i)
        return (0, 0, start, i)

    def severity(i: int) -> tuple:
        conf = views[i].confidence if views[i].confidence is not None else 0.0
        return (-SEVERITY_RANK.get(views[i].severity, 0), -conf, position(i))

    by_pos = {i: n for n, i in enumerate(sorted(range(len(views)), key=position))}
    by_sev = sorted(range(len(views)), key=severity)
    return [replace(views[i], rank_order=n, position_order=by_pos[i])
            for n, i in enumerate(by_sev)]


def _counts(findings: list[FindingView]) -> tuple[dict[str, int], dict[str, int]]:
    by_kind: dict[str, int] = {}
    by_severity: dict[str, int] = {s: 0 for s in SEVERITIES}
    for f in findings:
        by_kind[f.kind] = by_kind.get(f.kind, 0) + 1
        by_severity[f.severity] = by_severity.get(f.severity, 0) + 1
    return by_kind, by_severity


def _score(value: Any) -> Optional[float]:
    score = _as_float(value)
    return None if score is None else min(1.0, max(0.0, score))


def _alignment_links(alignments: Iterable[Any], doc_of: dict[str, int],
                     n_sources: int) -> dict[str, list]:
    links: dict[str, list] = {}
    for a in alignments:
        if not isinstance(a, dict) or not isinstance(a.get("derived_claim"), str):
            continue
        support = []
        for s in a.get("support") or []:
            if not isinstance(s, dict) or not isinstance(s.get("claim"), str):
                continue
            doc = _evidence_doc(s, doc_of, n_sources)
            if doc is not None:
                support.append([doc, s["claim"]])
        links.setdefault(a["derived_claim"], []).extend(support)
    return links


# --------------------------------------------------------------------------- marks


def _clean_span(span: Any, text: str) -> Optional[tuple[int, int]]:
    """Clean offsets of a span, clamped to the text; located by its text when offsets are absent."""
    if not isinstance(span, dict):
        return None
    start, end = _as_int(span.get("clean_start")), _as_int(span.get("clean_end"))
    if start is not None and end is not None:
        start = max(0, min(start, len(text)))
        end = max(start, min(end, len(text)))
        return start, end
    needle = _text(span.get("text"))
    pos = text.find(needle) if needle else -1
    return (pos, pos + len(needle)) if pos >= 0 else None


def _finding_attrs(f: FindingView, *, evidence: bool) -> tuple[tuple[str, str], ...]:
    cls = ["ev" if evidence else "f", _kind_class(f.kind), f"sev-{f.severity}"]
    if f.omitted:
        cls.append("om")
    attrs = [("class", " ".join(cls)), ("data-kind", f.kind),
             ("data-evidence" if evidence else "data-finding", f.id),
             ("data-abbr", f.abbr), ("aria-describedby", f"{f.html_id}-msg")]
    return tuple(attrs)


def _claims(result: dict, side: str) -> list:
    claims = result.get("claims")
    items = claims.get(side) if isinstance(claims, dict) else None
    return items if isinstance(items, list) else []


def _derived_marks(doc: dict, result: dict, items: list[dict],
                   findings: list[FindingView]) -> list[Mark]:
    text = _text(doc.get("text"))
    marks: list[Mark] = []
    for c in _claims(result, "derived"):
        span = _clean_span(c, text) if isinstance(c, dict) else None
        if span is None or span[0] == span[1] or not isinstance(c.get("id"), str):
            continue
        marks.append(Mark(span[0], span[1], "span", f"c:{c['id']}",
                          (("class", "claim"), ("data-claim", c["id"])),
                          first_attrs=(("tabindex", "0"),), rest_attrs=(("class", "claim cont"),),
                          rank=0))
    for n, f in enumerate(findings):
        if f.omitted:
            continue  # an omission has no place in the derived text; it is marked in the source
        span = _clean_span(items[f.item].get("derived"), text)
        if span is None:
            continue
        attrs = _finding_attrs(f, evidence=False)
        marks.append(Mark(span[0], span[1], "mark", f"f:{f.id}", attrs,
                          first_attrs=(("tabindex", "0"), ("id", f.html_id + "-span")),
                          rest_attrs=(("tabindex", "-1"),
                                      ("class", dict(attrs)["class"] + " cont")),
                          rank=1 + n))
    return marks


def _source_marks(doc: dict, index: int, result: dict, items: list[dict],
                  findings: list[FindingView], doc_of: dict[str, int]) -> list[Mark]:
    text = _text(doc.get("text"))
    n_sources = len([s for s in result.get("sources") or [] if isinstance(s, dict)])
    marks: list[Mark] = []
    for c in _claims(result, "sources"):
        if not isinstance(c, dict) or not isinstance(c.get("id"), str):
            continue
        if _evidence_doc(c, doc_of, n_sources) != index:
            continue
        span = _clean_span(c, text)
        if span is None or span[0] == span[1]:
            continue
        marks.append(Mark(span[0], span[1], "span", f"c:{c['id']}",
                          (("class", "claim"), ("data-claim", c["id"])),
                          rest_attrs=(("class", "claim cont"),), rank=0))
    for n, f in enumerate(findings):
        for k, ev in enumerate(items[f.item].get("evidence") or []):
            if not isinstance(ev, dict) or _evidence_doc(ev, doc_of, n_sources) != index:
                continue
            span = _clean_span(ev, text)
            if span is None or span[0] == span[1]:
                continue
            attrs = _finding_attrs(f, evidence=True)
            # An omitted claim lives only here, so its span is a tab stop like a finding's.
            first = (("tabindex", "0" if f.omitted else "-1"),)
            marks.append(Mark(span[0], span[1], "mark", f"e:{f.id}:{k}", attrs,
                              first_attrs=first,
                              rest_attrs=(("tabindex", "-1"),
                                          ("class", dict(attrs)["class"] + " cont")),
                              rank=1 + n))
    return marks


# --------------------------------------------------------------------------- splitting


def _doc_view(doc: dict, index: int, html_id: str, marks: list[Mark], *,
              n_findings: int = 0) -> DocView:
    text = _text(doc.get("text"))
    meta = doc.get("meta") if isinstance(doc.get("meta"), dict) else {}
    meta_items = tuple((k, _text(meta.get(k))) for k in ("outlet", "title", "date", "url")
                       if meta.get(k))
    repairs = tuple(_text(r) for r in doc.get("repairs") or [] if r)
    name = _text(doc.get("document")) or os.path.basename(_text(doc.get("path"))) or html_id
    return DocView(index=index, html_id=html_id, name=name, path=_text(doc.get("path")),
                   meta=meta_items, encoding=_text(doc.get("encoding")), repairs=repairs,
                   body=split_document(text, doc.get("units") or [], marks),
                   n_findings=n_findings)


def _blocks(text: str, units: Iterable[Any]) -> list[tuple[int, int, str, str]]:
    """Ordered, non-overlapping (start, end, type, furniture) blocks covering all non-blank text."""
    spans = []
    for u in units:
        if not isinstance(u, dict):
            continue
        start, end = _as_int(u.get("start")), _as_int(u.get("end"))
        if start is None or end is None:
            continue
        start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
        furniture = _text(u.get("furniture"))
        kind = "furniture" if furniture or u.get("kind") == "furniture" else _text(u.get("kind"))
        if kind not in ("heading", "paragraph", "bullet", "furniture"):
            kind = "paragraph"
        spans.append((start, end, kind, furniture or ("page furniture" if kind == "furniture"
                                                      else "")))
    spans.sort(key=lambda s: (s[0], -s[1]))
    blocks: list[tuple[int, int, str, str]] = []
    pos = 0
    for start, end, kind, furniture in spans:
        start = max(start, pos)  # overlapping units: the earlier one keeps the text
        if end <= start:
            continue
        blocks.extend(_gap_blocks(text, pos, start))
        blocks.append((start, end, kind, furniture))
        pos = end
    blocks.extend(_gap_blocks(text, pos, len(text)))
    return blocks


def _gap_blocks(text: str, start: int, end: int) -> list[tuple[int, int, str, str]]:
    """Paragraphs for the non-blank lines of text that no unit covers."""
    return [(start + m.start(), start + m.end(), "paragraph", "")
            for m in re.finditer(r"[^\n]*\S[^\n]*", text[start:end])]


_TAGS = {"heading": "h3", "paragraph": "p", "bullet": "li", "furniture": "div"}
_GLYPH = re.compile(r"\s*[\u2022\u00b7\u25aa\u25cf\u2023\u2043*\-\u2013]\s")


def split_document(text: str, units: Iterable[Any], marks: Iterable[Mark]) \
        -> tuple[Union[Block, Gap, ListGroup], ...]:
    """The body of a document: blocks from its units, each holding its text split at the marks."""
    marks = sorted((m for m in marks if 0 <= m.start <= m.end <= len(text)),
                   key=lambda m: (m.start, -m.end, m.rank))
    started: set[str] = set()
    out: list[Union[Block, Gap, ListGroup]] = []
    pending: list[Union[Block, Gap]] = []  # bullets (and the gaps between them) being grouped
    pos = 0

    def flush() -> None:
        tail: list[Gap] = []
        while pending and isinstance(pending[-1], Gap):
            tail.insert(0, pending.pop())  # whitespace after the last bullet stays outside
        if pending:
            out.append(ListGroup(tuple(pending)))
        pending.clear()
        out.extend(tail)

    for start, end, kind, furniture in _blocks(text, units):
        gap = Gap(text[pos:start]) if start > pos else None
        children = _split_range(text, start, end, marks, started)
        block = Block(type=kind, tag=_TAGS[kind], furniture=furniture,
                      glyph=kind == "bullet" and bool(_GLYPH.match(text[start:end])),
                      children=children)
        if kind == "bullet":
            if gap is not None:
                (pending if pending else out).append(gap)
            pending.append(block)
        else:
            flush()
            if gap is not None:
                out.append(gap)
            out.append(block)
        pos = end
    flush()
    if pos < len(text):
        out.append(Gap(text[pos:]))
    return tuple(out)


def _split_range(text: str, start: int, end: int, marks: list[Mark],
                 started: set[str]) -> tuple[Child, ...]:
    """Nodes for text[start:end]; crossing marks are closed and reopened as continuation pieces."""
    inside = [m for m in marks if m.start < end and m.end > start]
    points = [m for m in marks if m.start == m.end and start <= m.start < end]
    inside = [m for m in inside if m.start != m.end]
    root: list[Child] = []
    stack: list[_Open] = []
    bounds = sorted({start, end, *(max(m.start, start) for m in inside),
                     *(min(m.end, end) for m in inside), *(m.start for m in points)})

    def top() -> list:
        return stack[-1].children if stack else root

    def close_one() -> None:
        entry = stack.pop()
        top().append(_node(entry))

    for i, b in enumerate(bounds):
        ending = [j for j, o in enumerate(stack) if o.mark.end <= b]
        reopen: list[Mark] = []
        if ending:
            lowest = min(ending)
            while len(stack) > lowest:
                entry = stack[-1]
                close_one()
                if entry.mark.end > b:
                    reopen.append(entry.mark)
        for m in points:
            if m.start == b:
                top().append(_node(_Open(m, first=m.key not in started)))
                started.add(m.key)
        if b >= end:
            break
        opening = reopen + [m for m in inside if max(m.start, start) == b]
        for m in sorted(opening, key=lambda m: (-min(m.end, end), m.rank)):
            stack.append(_Open(m, first=m.key not in started))
            started.add(m.key)
        nxt = bounds[i + 1]
        if nxt > b:
            top().append(text[b:nxt])
    while stack:
        close_one()
    return tuple(root)


def _node(entry: _Open) -> Node:
    m = entry.mark
    extra = m.first_attrs if entry.first else m.rest_attrs
    attrs = dict(m.attrs)
    attrs.update(dict(extra))
    return Node(m.tag, tuple(attrs.items()), tuple(entry.children))


# --------------------------------------------------------------------------- index


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
    kinds = {str(k): n for k, v in counts.items() if (n := _as_int(v))}
    sources = row.get("sources")
    if isinstance(sources, (list, tuple)):
        sources = ", ".join(_text(s) for s in sources)
    failure = row.get("error") if isinstance(row.get("error"), str) else ""
    errors, warnings = row.get("errors"), row.get("warnings")
    if isinstance(errors, (str, list)) and not failure:
        failure = errors if isinstance(errors, str) else "; ".join(_text(e) for e in errors)
        errors = None
    findings = row.get("findings")
    if isinstance(findings, (list, tuple)):
        findings = len(findings)
    return {
        "story": _text(row.get("story")),
        "outlet": _text(row.get("outlet")),
        "derived": _text(row.get("derived")),
        "sources": _text(sources),
        "score": _score(row.get("score")),
        "findings": _as_int(findings),
        "errors": _as_int(errors),
        "warnings": _as_int(warnings),
        "kinds": kinds,
        "failure": _text(failure),
        "report": _text(row.get("report")),
        "href": _safe_href(row.get("report")),
    }
