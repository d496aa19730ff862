"""The findings of a check result as the report shows them: views in severity and position
order, counts, alignment links, and the marks they put on the derived text and the sources."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from typing import Any, Iterable, Optional

from checker.records import SEVERITIES, SEVERITY_RANK
from checker.report.html.tree import Mark
from checker.report.html.values import (KIND_LABELS, OMITTED, as_float, as_int, as_severity,
                                        as_text, kind_class, kind_label, location_of)


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


def document_index(sources: list[dict]) -> dict[str, int]:
    index: dict[str, int] = {}
    for i, src in enumerate(sources):
        for key in (src.get("document"), src.get("path")):
            if isinstance(key, str) and key:
                index.setdefault(key, i)
        path = src.get("path")
        if isinstance(path, str) and path:
            index.setdefault(os.path.basename(path), i)
    return index


def evidence_doc(ev: dict, doc_of: dict[str, int], n_sources: int) -> Optional[int]:
    name = ev.get("document")
    if isinstance(name, str) and name in doc_of:
        return doc_of[name]
    # A single source needs no name to be found.
    return 0 if n_sources == 1 else None


def finding_items(result: dict) -> list[dict]:
    return [f for f in result.get("findings") or [] if isinstance(f, dict)]


def finding_views(items: list[dict], sources: list[dict]) -> list[FindingView]:
    doc_of = document_index(sources)
    seen: set[str] = set()
    views: list[FindingView] = []
    for n, f in enumerate(items):
        fid = as_text(f.get("id")) or f"F{n + 1}"
        while fid in seen:  # ids must be unique: they link spans, rows and evidence
            fid += "'"
        seen.add(fid)
        kind = as_text(f.get("kind")) or "unknown"
        span = f.get("derived") if isinstance(f.get("derived"), dict) else {}
        evidence = []
        for ev in f.get("evidence") or []:
            if not isinstance(ev, dict):
                continue
            evidence.append({"document": as_text(ev.get("document")), "text": as_text(ev.get("text")),
                             "location": location_of(ev),
                             "doc": evidence_doc(ev, doc_of, len(sources))})
        docs = [e["doc"] for e in evidence if e["doc"] is not None]
        views.append(FindingView(
            id=fid, html_id=f"finding-{n}", kind=kind, abbr=kind_label(kind)[0],
            known_kind=kind in KIND_LABELS, code=as_text(f.get("code")), name=as_text(f.get("name")),
            severity=as_severity(f.get("severity")), message=as_text(f.get("message")),
            suggestion=as_text(f.get("suggestion")), confidence=as_float(f.get("confidence")),
            location=location_of(span), text=as_text(span.get("text")), evidence=tuple(evidence),
            omitted=kind == OMITTED, rank_order=0, position_order=0,
            doc=docs[0] if docs else None, item=n,
            repeated=tuple(loc for p in (f.get("locations") or [])[1:] if (loc := location_of(p))),
        ))
    return _with_orders(views, items)


def _with_orders(views: list[FindingView], items: list[dict]) -> list[FindingView]:
    def position(i: int) -> tuple:
        span = items[i].get("derived") if isinstance(items[i].get("derived"), dict) else {}
        start = as_int(span.get("clean_start"))
        if views[i].omitted or start is None:
            ev = (items[i].get("evidence") or [{}])[0]
            ev_start = as_int(ev.get("clean_start")) if isinstance(ev, dict) else None
            return (1, views[i].doc if views[i].doc is not None else 0, ev_start or 0, i)
        return (0, 0, start, i)

    def severity(i: int) -> tuple:
        conf = views[i].confidence if views[i].confidence is not None else 0.0
        return (-SEVERITY_RANK.get(views[i].severity, 0), -conf, position(i))

    by_pos = {i: n for n, i in enumerate(sorted(range(len(views)), key=position))}
    by_sev = sorted(range(len(views)), key=severity)
    return [replace(views[i], rank_order=n, position_order=by_pos[i])
            for n, i in enumerate(by_sev)]


def counts(findings: list[FindingView]) -> tuple[dict[str, int], dict[str, int]]:
    by_kind: dict[str, int] = {}
    by_severity: dict[str, int] = {s: 0 for s in SEVERITIES}
    for f in findings:
        by_kind[f.kind] = by_kind.get(f.kind, 0) + 1
        by_severity[f.severity] = by_severity.get(f.severity, 0) + 1
    return by_kind, by_severity


def alignment_links(alignments: Iterable[Any], doc_of: dict[str, int],
                     n_sources: int) -> dict[str, list]:
    links: dict[str, list] = {}
    for a in alignments:
        if not isinstance(a, dict) or not isinstance(a.get("derived_claim"), str):
            continue
        support = []
        for s in a.get("support") or []:
            if not isinstance(s, dict) or not isinstance(s.get("claim"), str):
                continue
            doc = evidence_doc(s, doc_of, n_sources)
            if doc is not None:
                support.append([doc, s["claim"]])
        links.setdefault(a["derived_claim"], []).extend(support)
    return links


def _clean_span(span: Any, text: str) -> Optional[tuple[int, int]]:
    """Clean offsets of a span, clamped to the text; located by its text when offsets are absent."""
    if not isinstance(span, dict):
        return None
    start, end = as_int(span.get("clean_start")), as_int(span.get("clean_end"))
    if start is not None and end is not None:
        start = max(0, min(start, len(text)))
        end = max(start, min(end, len(text)))
        return start, end
    needle = as_text(span.get("text"))
    pos = text.find(needle) if needle else -1
    return (pos, pos + len(needle)) if pos >= 0 else None


def _finding_attrs(f: FindingView, *, evidence: bool) -> tuple[tuple[str, str], ...]:
    cls = ["ev" if evidence else "f", kind_class(f.kind), f"sev-{f.severity}"]
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


def derived_marks(doc: dict, result: dict, items: list[dict],
                   findings: list[FindingView]) -> list[Mark]:
    text = as_text(doc.get("text"))
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


def source_marks(doc: dict, index: int, result: dict, items: list[dict],
                  findings: list[FindingView], doc_of: dict[str, int]) -> list[Mark]:
    text = as_text(doc.get("text"))
    n_sources = len([s for s in result.get("sources") or [] if isinstance(s, dict)])
    marks: list[Mark] = []
    for c in _claims(result, "sources"):
        if not isinstance(c, dict) or not isinstance(c.get("id"), str):
            continue
        if evidence_doc(c, doc_of, n_sources) != index:
            continue
        span = _clean_span(c, text)
        if span is None or span[0] == span[1]:
            continue
        marks.append(Mark(span[0], span[1], "span", f"c:{c['id']}",
                          (("class", "claim"), ("data-claim", c["id"])),
                          rest_attrs=(("class", "claim cont"),), rank=0))
    for n, f in enumerate(findings):
        for k, ev in enumerate(items[f.item].get("evidence") or []):
            if not isinstance(ev, dict) or evidence_doc(ev, doc_of, n_sources) != index:
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
