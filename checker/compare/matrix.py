"""The claim matrix: one row per claim cluster, one column per article, and what each
article does differently.

Glossary:
    Column      an article of the comparison, original or not.
    Cell        what one article states in one row: its claims (best matching first), the
                variant they belong to, its status and the rules' marks.
    MatrixRow   a claim cluster (``checker.compare.cluster.Row``) with one cell per article
                and the index of its reference variant.
    Summary     one article's differences (``checker.compare.summary``).
    Comparison  everything a compare produced: columns, rows, summaries, mode, odd one out.

Reference: with originals (``--original``), each row is measured against the originals'
variant of it, as ``checker check`` measures a derived text against its source; without,
against the variant most articles state (the consensus). A cell is *conflicting* when its
claim is in another variant than the reference (another figure, name or polarity), and is
marked *stronger*, *weaker* or *differs* when the rules, reading its claim against the
reference articles' claims, find a raised or dropped certainty or attribution, a lowered
certainty, or another attribution, cause, quote or scope for at least half of them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Optional, Sequence

from checker.compare.cluster import Row, conflicts
from checker.compare.pairs import HARD, Link
from checker.records import Article, Claim

if TYPE_CHECKING:
    from checker.compare.summary import Summary

STRONGER = ("certainty-raised", "attribution-dropped")
WEAKER = ("certainty-lowered",)


@dataclass(frozen=True)
class Column:
    """An article of the comparison."""

    article: Article
    original: bool

    @property
    def doc_id(self) -> str:
        return self.article.doc_id

    @property
    def outlet(self) -> str:
        return self.article.meta_value("outlet")


@dataclass(frozen=True)
class Cell:
    """What one article says in one row: its claims (best first), its variant, and marks."""

    doc_id: str
    claims: tuple[Claim, ...] = ()
    variant: int = -1  # index of the row's variant its claims belong to; -1: absent
    status: str = "absent"  # absent | agrees | conflict | reference
    marks: dict = field(default_factory=dict)  # kind -> ((against doc, code, message), ...)

    @property
    def stated(self) -> bool:
        return bool(self.claims)

    @property
    def stronger(self) -> bool:
        return any(k in self.marks for k in STRONGER)

    @property
    def weaker(self) -> bool:
        return any(k in self.marks for k in WEAKER)

    @property
    def differs(self) -> bool:
        return any(k not in STRONGER + WEAKER + HARD for k in self.marks)


@dataclass(frozen=True)
class MatrixRow:
    """A claim cluster with one cell per article."""

    id: str
    row: Row
    cells: tuple[Cell, ...]
    reference: int  # index of the reference variant
    label: str = ""

    @property
    def articles(self) -> int:
        return sum(1 for c in self.cells if c.stated)


@dataclass(frozen=True)
class Comparison:
    """Everything a compare produced."""

    columns: tuple[Column, ...]
    rows: tuple[MatrixRow, ...]
    summaries: tuple["Summary", ...]
    mode: str  # originals | consensus
    odd_one_out: Optional[str]
    reason: str
    config: dict = field(default_factory=dict)

    @property
    def reference_note(self) -> str:
        if self.mode == "originals":
            names = ", ".join(c.doc_id for c in self.columns if c.original)
            return f"Drift is measured against the originals ({names}), as in checker check."
        return ("Drift is measured against the consensus: in each row, what most articles "
                "that state the claim agree on.")


def build_rows(rows: Sequence[Row], columns: Sequence[Column], by_id: dict[str, Claim],
               links: dict[tuple[str, str], Link], threshold: float) -> tuple[MatrixRow, ...]:
    """Cells, reference variants and marks for every row; rows stated by more articles first."""
    out = []
    col_of = {c.doc_id: i for i, c in enumerate(columns)}
    originals = {c.doc_id for c in columns if c.original}
    clash = conflicts(links, threshold)
    for row in rows:
        variant_of = {cid: v for v, claims in enumerate(row.variants) for cid in claims}
        stated: list[list[Claim]] = [[] for _ in columns]
        for cid in row.claims:
            stated[col_of[by_id[cid].doc_id]].append(by_id[cid])
        reference = _reference(row, by_id, originals)
        ref_claims = row.variants[reference]
        cells = []
        for col, claims in zip(columns, stated):
            if not claims:
                cells.append(Cell(col.doc_id))
                continue
            claims = _best_first(claims, row.claims, links)
            votes = Counter(variant_of[c.id] for c in claims)
            variant = reference if reference in votes else votes.most_common(1)[0][0]
            others = [c for c in ref_claims if by_id[c].doc_id != col.doc_id]
            if originals:
                others = [c for c in others if by_id[c].doc_id in originals]
            marks = _marks(claims, others, by_id, links, clash, hard=False)
            if variant != reference:
                status = "conflict"
                marks.update(_marks(claims, row.claims, by_id, links, clash, hard=True))
            else:
                status = "reference" if col.doc_id in originals or not others else "agrees"
            cells.append(Cell(col.doc_id, claims, variant, status, marks))
        out.append(MatrixRow("", row, tuple(cells), reference, label=_label(cells, reference)))
    order = {c.doc_id: i for i, c in enumerate(columns)}

    def position(r: MatrixRow) -> tuple:
        first = min((order[c.doc_id], c.claims[0].index) for c in r.cells if c.claims)
        return (-r.articles, first)

    out.sort(key=position)
    return tuple(replace(r, id=f"R{n}") for n, r in enumerate(out, 1))


def _reference(row: Row, by_id: dict[str, Claim], originals: set) -> int:
    """The variant the row is measured against: the originals' (most original articles),
    else the one most articles state; ties go to the earlier variant."""
    def articles(v, only=None):
        return len({by_id[c].doc_id for c in v if only is None or by_id[c].doc_id in only})

    scores = [(articles(v, originals) if originals else 0, articles(v), -i)
              for i, v in enumerate(row.variants)]
    return -max(scores)[2]


def _best_first(claims: Sequence[Claim], row_claims, links) -> tuple[Claim, ...]:
    """An article's claims in a row, the one most strongly linked to the others first."""
    def weight(c: Claim) -> float:
        return sum(max(links[k].score if (k := (c.id, o)) in links else 0.0,
                       links[k].score if (k := (o, c.id)) in links else 0.0)
                   for o in row_claims if o != c.id)

    return tuple(sorted(claims, key=lambda c: (-weight(c), c.index)))


def _marks(claims: Sequence[Claim], against: Sequence[str], by_id, links, clash: set, *,
           hard: bool) -> dict:
    """Marks from the rules reading an article's claims against ``against``: with ``hard``,
    the kinds of their contradictions; else the soft kinds found against at least half of
    the other articles. kind -> ((against doc, code, message), ...)."""
    found: dict[str, dict[str, tuple]] = {}
    for c in claims:
        for o in against:
            if hard and frozenset((c.id, o)) not in clash:
                continue
            for link in (links.get((c.id, o)), links.get((o, c.id)) if hard else None):
                for kind, code, message in link.notes if link is not None else ():
                    if (kind in HARD) == hard:
                        found.setdefault(kind, {}).setdefault(by_id[o].doc_id, (code, message))
    docs = {by_id[o].doc_id for o in against}
    need = 1 if hard else max(1, (len(docs) + 1) // 2)
    return {kind: tuple((d, code, msg) for d, (code, msg) in sorted(per_doc.items()))
            for kind, per_doc in found.items() if len(per_doc) >= need}


def _label(cells: Sequence[Cell], reference: int) -> str:
    """A row's label: the wording of its reference variant in the first article stating it."""
    for cell in cells:
        if cell.claims and cell.variant == reference:
            return cell.claims[0].text
    return next(c.claims[0].text for c in cells if c.claims)
