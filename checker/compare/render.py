"""The claim matrix as a terminal table, CSV, JSON (all built with pandas) and an HTML page.

``cells_frame`` is the one long table every format reads: one line per row and article,
with what the article states there (attribution, certainty, exact wording, where it is) and
how it compares with the row's reference.
"""

from __future__ import annotations

import json
from typing import Optional

import pandas as pd

from checker import __version__
from checker.compare.matrix import Comparison
from checker.compare.summary import describe
from checker.records import Claim

SCHEMA_VERSION = "1"
CELL_FIELDS = ("row", "label", "article", "outlet", "original", "stated", "status", "variant",
               "reference_variant", "attribution", "factivity", "certainty", "hedges",
               "marks", "wording", "sentence", "claims", "start", "end", "line", "column")
LEGEND = ("A attributed to a named source, a to an unnamed one (\"reportedly\"), "
          "U unattributed; F factive (\"found\", \"discovered\"), N non-factive (\"said\", "
          "\"reports\"), H hedged, - plain; ! contradicts the reference (figure, name, "
          "polarity), + stronger, - weaker, ~ another attribution, cause, quote or scope; "
          ". not stated")


def attribution_text(claim: Claim) -> str:
    """Who the claim is credited to, in words ('' when nobody)."""
    attr = claim.attribution
    if attr is None:
        return ""
    who = attr.source or f"unnamed ({attr.cue})"
    return f"not {who}" if attr.negated else who


def hedged(claim: Claim) -> bool:
    return bool(claim.certainty.hedges or claim.certainty.attempts) and claim.certainty.level < 0.6


def cell_code(cell) -> str:
    """The short code of a cell in the terminal table (see ``LEGEND``)."""
    if not cell.stated:
        return "."
    c = cell.claims[0]
    attr = c.attribution
    who = "U" if attr is None or attr.negated else ("A" if attr.source else "a")
    fact = {"factive": "F", "non-factive": "N"}.get(c.certainty.factivity,
                                                     "H" if hedged(c) else "-")
    marks = ("!" if cell.status == "conflict" else "") + ("+" if cell.stronger else "") + \
        ("-" if cell.weaker else "") + ("~" if cell.differs else "")
    return who + fact + marks


def cells_frame(cmp: Comparison) -> pd.DataFrame:
    """One line per row and article."""
    records = []
    for r in cmp.rows:
        for col, cell in zip(cmp.columns, r.cells):
            rec = dict.fromkeys(CELL_FIELDS, "")
            rec.update(row=r.id, label=r.label, article=col.doc_id, outlet=col.outlet,
                       original=col.original, stated=cell.stated, status=cell.status,
                       variant=cell.variant, reference_variant=r.reference,
                       marks=";".join(sorted(cell.marks)), claims=len(cell.claims))
            if cell.stated:
                c = cell.claims[0]
                start, end = col.article.raw_span(c.sent_start, c.sent_end)
                line, column = col.article.line_col(start)
                rec.update(attribution=attribution_text(c), factivity=c.certainty.factivity,
                           certainty=round(c.certainty.level, 2),
                           hedges=";".join(h.text for h in c.certainty.hedges),
                           wording=" | ".join(x.text for x in cell.claims),
                           sentence=c.sentence, start=start, end=end, line=line,
                           column=column)
            else:
                rec.update(certainty=None, start=None, end=None, line=None, column=None)
            records.append(rec)
    frame = pd.DataFrame.from_records(records, columns=list(CELL_FIELDS))
    # Offsets and positions are whole numbers, blank where the article states nothing.
    return frame.astype({k: "Int64" for k in ("start", "end", "line", "column", "variant",
                                              "reference_variant", "claims")})


def matrix_frame(cmp: Comparison) -> pd.DataFrame:
    """The wide matrix: a row per claim cluster, a column per article, cell codes."""
    data = {"claim": [_short(r.label, 48) for r in cmp.rows]}
    for i, col in enumerate(cmp.columns):
        name = col.doc_id + (" (orig)" if col.original else "")
        data[name] = [cell_code(r.cells[i]) for r in cmp.rows]
    return pd.DataFrame(data, index=[r.id for r in cmp.rows])


def to_csv(cmp: Comparison) -> str:
    return cells_frame(cmp).to_csv(index=False, lineterminator="\n")


def to_dict(cmp: Comparison) -> dict:
    """The JSON document (schema 1)."""
    frame = cells_frame(cmp)
    cells = json.loads(frame.to_json(orient="records", force_ascii=False))
    by_row: dict[str, list] = {}
    for rec in cells:
        by_row.setdefault(rec["row"], []).append(rec)
    marks = {(r.id, cell.doc_id): cell.marks for r in cmp.rows for cell in r.cells}
    for rec in cells:
        rec["marks"] = [{"kind": kind, "against": doc, "code": code, "message": msg}
                        for kind, items in sorted(marks[(rec["row"], rec["article"])].items())
                        for doc, code, msg in items]
    return {
        "schema_version": SCHEMA_VERSION,
        "checker_version": __version__,
        "mode": cmp.mode,
        "reference": cmp.reference_note,
        "articles": [{"document": c.doc_id, "path": c.article.path, "original": c.original,
                      **dict(c.article.meta)} for c in cmp.columns],
        "rows": [{"id": r.id, "label": r.label, "articles": r.articles,
                  "variants": [list(v) for v in r.row.variants], "reference_variant":
                  r.reference, "cells": by_row.get(r.id, [])} for r in cmp.rows],
        "summaries": [{"document": s.doc_id, "original": s.original, "score": s.score,
                       "stated": s.stated, "unique": s.unique, "conflicts": s.conflicts,
                       "stronger": s.stronger, "weaker": s.weaker, "differs": s.differs,
                       "left_out": s.left_out} for s in cmp.summaries],
        "odd_one_out": {"document": cmp.odd_one_out, "reason": cmp.reason},
        "config": cmp.config,
    }


def to_json(cmp: Comparison) -> str:
    return json.dumps(to_dict(cmp), ensure_ascii=False, indent=2) + "\n"


def to_table(cmp: Comparison, *, width: Optional[int] = None) -> str:
    """The terminal report: mode, matrix, legend, per-article summary and the odd one out."""
    n = len(cmp.rows)
    lines = [f"Claim matrix: {n} claim{'' if n == 1 else 's'} in {len(cmp.columns)} "
             f"articles. {cmp.reference_note}", ""]
    frame = matrix_frame(cmp)
    with pd.option_context("display.max_rows", None, "display.max_columns", None,
                           "display.width", width or 200, "display.max_colwidth", 50):
        lines.append(frame.to_string(justify="left"))
    lines += ["", "Cells: " + LEGEND, "", "Per article:"]
    for s in cmp.summaries:
        tag = " (original)" if s.original else ""
        lines.append(f"  {s.doc_id}{tag}: states {len(s.stated)}; {describe(s, cmp.mode)}")
    lines.append("")
    if cmp.odd_one_out:
        lines.append(f"Odd one out: {cmp.odd_one_out}: {cmp.reason}")
    else:
        lines.append(f"Odd one out: none; {cmp.reason}")
    return "\n".join(lines) + "\n"


def _short(text: str, limit: int) -> str:
    t = " ".join(text.split())
    return t if len(t) <= limit else t[:limit - 1] + "…"
