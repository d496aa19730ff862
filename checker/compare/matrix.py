"""The claim matrix: one row per claim cluster, one column per article, and what each
article does differently.

Glossary:
    Column      an article of the comparison, original or not.
    Cell        what one article states in one row: its claims (best matching first), the
                variant they belong to, its status and the rules' marks.
    MatrixRow   a claim cluster (``checker.compare.cluster.Row``) with one cell per article
                and the index of its reference variant.
    Summary     one article's differences, as lists of row ids.
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
from typing import Optional, Sequence

from checker.compare.cluster import Row, conflicts
from checker.compare.pairs import HARD, Link
from checker.records import Article, Claim

STRONGER = ("certainty-raised", "attribution-dropped")
WEAKER = ("certainty-lowered",)
# Weights of the odd-one-out score: a contradiction outweighs a change of certainty, which
# outweighs a claim no other article states or one it leaves out.
WEIGHTS = {"conflicts": 3, "stronger": 2, "weaker": 2, "differs": 1, "unique": 1,
           "left_out": 1}
ODD_MIN = 0.5  # weighted differences per claim stated below which no article is odd


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
class Summary:
    """One article's differences from the reference (row ids)."""

    doc_id: str
    original: bool
    stated: tuple[str, ...] = ()
    unique: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()
    stronger: tuple[str, ...] = ()
    weaker: tuple[str, ...] = ()
    differs: tuple[str, ...] = ()
    left_out: tuple[str, ...] = ()

    @property
    def points(self) -> int:
        return sum(w * len(getattr(self, name)) for name, w in WEIGHTS.items())

    @property
    def score(self) -> float:
        """Weighted differences per claim the article states: a long original with many
        claims of its own is not odd for being long."""
        return round(self.points / max(1, len(self.stated)), 2)


@dataclass(frozen=True)
class Comparison:
    """Everything a compare produced."""

    columns: tuple[Column, ...]
    rows: tuple[MatrixRow, ...]
    summaries: tuple[Summary, ...]
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


def summarise(rows: Sequence[MatrixRow], columns: Sequence[Column]) -> tuple[Summary, ...]:
    """Per article: what it alone states (or the originals never state), where it conflicts,
    is stronger, weaker or different, and which consensus rows it leaves out."""
    originals = [i for i, c in enumerate(columns) if c.original]
    n = len(columns)
    out = []
    for i, col in enumerate(columns):
        lists: dict[str, list[str]] = {name: [] for name in ("stated", *WEIGHTS)}
        for r in rows:
            cell = r.cells[i]
            others = sum(1 for j, c in enumerate(r.cells) if j != i and c.stated)
            if not cell.stated:
                if others * 2 > n - 1 and others >= 1:
                    lists["left_out"].append(r.id)
                continue
            lists["stated"].append(r.id)
            if originals and not col.original:
                alone = not any(r.cells[j].stated for j in originals)
            else:
                alone = others == 0
            for name, flag in (("unique", alone), ("conflicts", cell.status == "conflict"),
                               ("stronger", cell.stronger), ("weaker", cell.weaker),
                               ("differs", cell.differs)):
                if flag:
                    lists[name].append(r.id)
        out.append(Summary(col.doc_id, col.original,
                           **{name: tuple(ids) for name, ids in lists.items()}))
    return tuple(out)


_WHAT = {"conflicts": ("contradicts", "claim", "on a figure, a name or polarity"),
         "stronger": ("states", "claim", "more firmly"),
         "weaker": ("states", "claim", "less firmly"),
         "differs": ("tells", "claim", "with another attribution, cause, quote or scope"),
         "unique": ("alone states", "claim", ""),
         "left_out": ("leaves out", "claim", "that most others state")}


def odd_one_out(summaries: Sequence[Summary], mode: str) -> tuple[Optional[str], str]:
    """The article that differs most, with the reason; None when none stands out (its score
    must be at least ``ODD_MIN`` and half as high again as the next one's)."""
    pool = [s for s in summaries if not (mode == "originals" and s.original)]
    if not pool:
        return None, "no article to compare with the originals"
    ranked = sorted(pool, key=lambda s: -s.score)
    top = ranked[0]
    second = ranked[1].score if len(ranked) > 1 else 0.0
    if top.score >= ODD_MIN and top.score >= 1.5 * second:
        return top.doc_id, describe(top, mode)
    return None, (f"no article stands out (closest: {top.doc_id}, {top.score} weighted "
                  f"differences per claim, next {second})")


def describe(s: Summary, mode: str) -> str:
    """The reasons of an article's score, biggest first, in words."""
    parts = []
    for name in sorted(WEIGHTS, key=lambda k: -WEIGHTS[k] * len(getattr(s, k))):
        count = len(getattr(s, name))
        if not count:
            continue
        verb, noun, tail = _WHAT[name]
        if name == "unique" and mode == "originals" and not s.original:
            tail = "that no original states"
        elif name == "unique":
            tail = "that no other article states"
        elif tail and mode == "originals" and name in ("stronger", "weaker", "differs",
                                                       "conflicts"):
            tail += " than the originals" if name in ("stronger", "weaker") else \
                " from the originals" if name == "differs" else " against the originals"
        elif name in ("stronger", "weaker"):
            tail += " than the consensus"
        noun = noun if count == 1 else noun + "s"
        rows = ", ".join(getattr(s, name)[:6]) + ("…" if count > 6 else "")
        parts.append(f"{verb} {count} {noun} {tail} ({rows})".replace("  ", " "))
    if not parts:
        return "no differences"
    return "; ".join(parts) + f" ({s.score} weighted differences per claim stated)"
