"""Per article: what it alone states, where it contradicts, is stronger, weaker or
different, what it leaves out of the consensus; and the odd one out, with the reason.

The odd one out is the article with the most weighted differences per claim it states (a
contradiction 3, a stronger or weaker claim 2, the rest 1): a long original with many
claims of its own is not odd for being long. It is named when it scores at least
``ODD_MIN`` and half as much again as the next article; originals are not candidates.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

from checker.compare.matrix import Column, MatrixRow

# Weights of the odd-one-out score: a contradiction outweighs a change of certainty, which
# outweighs a claim no other article states or one it leaves out.
WEIGHTS = {"conflicts": 3, "stronger": 2, "weaker": 2, "differs": 1, "unique": 1,
           "left_out": 1}
ODD_MIN = 0.5  # weighted differences per claim stated below which no article is odd


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
