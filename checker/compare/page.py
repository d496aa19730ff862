"""The claim matrix as a self-contained HTML page in the style of the diff report.

The matrix comes first, its cells coloured by agreement with the row's reference and each
linked to its sentence in its article; then the per-article summary and the odd one out;
then every article's text, the sentences the matrix cites marked. Text is split into nodes
here with the report's ``split_document`` and only walked by the template (autoescape on);
the page loads nothing from the network and its Content-Security-Policy allows only its own
inline style and script.
"""

from __future__ import annotations

import os
from typing import Union

from checker import __version__
from checker.compare.matrix import Comparison
from checker.compare.summary import describe
from checker.compare.render import attribution_text, cell_code, hedged
from checker.report.html import render_page, write_html
from checker.report.html.tree import Mark, split_document

STATUS_TEXT = {"reference": "the reference", "agrees": "agrees with the reference",
               "conflict": "contradicts the reference", "absent": "not stated"}


def anchor(i: int, sent_start: int) -> str:
    """The id of a cited sentence of article ``i``."""
    return f"s-{i}-{sent_start}"


def render_compare(cmp: Comparison) -> str:
    """The page for one comparison."""
    docs = []
    for i, col in enumerate(cmp.columns):
        art = col.article
        sentences: dict[int, int] = {}
        rows_of: dict[int, list[str]] = {}
        for r in cmp.rows:
            for c in r.cells[i].claims:
                sentences[c.sent_start] = c.sent_end
                if r.id not in rows_of.setdefault(c.sent_start, []):
                    rows_of[c.sent_start].append(r.id)
        marks = [Mark(s, e, "mark", anchor(i, s),
                      (("class", "sent"), ("data-rows", " ".join(rows_of[s])),
                       ("title", "matrix row " + ", ".join(rows_of[s]))),
                      first_attrs=(("id", anchor(i, s)), ("tabindex", "-1")))
                 for s, e in sorted(sentences.items())]
        units = [{"start": u.start, "end": u.end, "kind": u.kind, "furniture": u.furniture}
                 for u in art.units]
        docs.append({"index": i, "html_id": f"doc-{i}", "name": col.doc_id,
                     "original": col.original, "path": art.path or "",
                     "meta": [(k, v) for k, v in art.meta if k in ("outlet", "title", "date",
                                                                     "url") and v],
                     "body": split_document(art.text, units, marks)})
    rows = []
    for r in cmp.rows:
        cells = []
        for i, cell in enumerate(r.cells):
            view = {"status": cell.status, "code": cell_code(cell), "classes": [
                f"st-{cell.status}"] + [f"m-{n}" for n in ("stronger", "weaker", "differs")
                                        if getattr(cell, n)]}
            if cell.stated:
                c = cell.claims[0]
                view.update(
                    href="#" + anchor(i, c.sent_start), wording=c.text,
                    attribution=attribution_text(c) or "unattributed",
                    certainty=c.certainty.factivity if c.certainty.factivity != "neutral"
                    else ("hedged" if hedged(c) else "plain"),
                    more=[("#" + anchor(i, x.sent_start), x.text) for x in cell.claims[1:]],
                    marks=[(kind, "; ".join(f"{doc}: {msg}" for doc, _code, msg in items))
                           for kind, items in sorted(cell.marks.items())])
            cells.append(view)
        rows.append({"id": r.id, "label": r.label, "cells": cells,
                     "differs": any(c.status == "conflict" or c.marks for c in r.cells),
                     "count": r.articles})
    summaries = [{"doc": s.doc_id, "original": s.original, "score": s.score,
                  "stated": len(s.stated), "text": describe(s, cmp.mode)}
                 for s in cmp.summaries]
    context = {"title": "Claim matrix: " + ", ".join(c.doc_id for c in cmp.columns),
               "version": __version__, "mode": cmp.mode, "reference": cmp.reference_note,
               "odd": cmp.odd_one_out, "reason": cmp.reason, "columns": docs, "rows": rows,
               "summaries": summaries, "status_text": STATUS_TEXT}
    return render_page("compare.html", context, script="compare.js")


def write_compare(cmp: Comparison, path: Union[str, os.PathLike]) -> None:
    """Render and write atomically."""
    write_html(render_compare(cmp), path)
