"""Benchmark records and the row formats they are read from (see ``checker.bench``)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional, Sequence, Union

from checker.config import Config
from checker.errors import InputError
from checker.files import read_input

INSCIOUT_LABELS = ("same", "exaggerates", "downplays")
CONSISTENCY = "consistency"
INSCIOUT = "insciout"
STRENGTH = "claim-strength"
STRENGTH_LABELS = (0, 1, 2, 3)
ALIGNMENT = "alignment"
OPTIMISTIC = "tuned on the evaluated file (optimistic)"
BATCH_ITEMS = 64  # items whose unique articles are parsed together in one claims_many call
_PROGRESS_MIN_ITEMS = 20

PathLike = Union[str, Path]


@dataclass(frozen=True)
class BenchItem:
    """One labelled pair: source and derived text, gold label, and the row format (``kind``)."""

    id: str
    dataset: str
    source: str
    derived: str
    label: Union[int, str]  # consistency 1 / 0; insciout same / exaggerates / downplays; strength 0-3
    kind: str  # consistency | insciout | claim-strength | alignment
    line: int = 0  # 1-based line of the benchmark file
    group: str = ""  # alignment rows: the topic whose source sentences are the candidates


@dataclass(frozen=True)
class SkippedRow:
    """A row that was not scored, where it is, and why."""

    line: int
    id: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "id": self.id, "reason": self.reason}


@dataclass(frozen=True)
class BenchFile:
    """The usable items of a benchmark file and the rows that could not be read."""

    path: str
    items: tuple[BenchItem, ...]
    skipped: tuple[SkippedRow, ...] = ()


@dataclass(frozen=True)
class Outcome:
    """What the checker said about one item: score, finding kinds and codes (with confidences)."""

    item: BenchItem
    score: float
    kinds: tuple[tuple[str, str, float], ...] = ()  # (kind, code, confidence) per finding
    level: Optional[int] = None  # claim-strength: the predicted strength 0-3; alignment: the
    # rank of the first gold source sentence among the aligner's choices (None: not chosen)
    candidates: int = 0  # alignment: source sentences to choose from
    golds: int = 0  # alignment: how many of them the annotators paired with the sentence
    features: dict = field(default_factory=dict)  # consistency: the score model's inputs
    group: str = ""  # consistency: the source document (rows of one share it)




def scan_bench_file(path: PathLike) -> BenchFile:
    """Read a benchmark JSON-lines file into items, recording malformed rows instead of failing."""
    p = Path(path)
    try:
        data = read_input(p, limit=Config.max_manifest_bytes, limit_name="max_manifest_bytes",
                          what="benchmark file")
    except InputError as exc:
        raise InputError(f"cannot read benchmark file {p}: {exc}", path=str(p),
                         cause=exc.cause) from exc
    items: list[BenchItem] = []
    skipped: list[SkippedRow] = []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        try:
            text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            skipped.append(SkippedRow(number, "", f"not UTF-8 ({exc.reason} at byte {exc.start})"))
            continue
        try:
            row = json.loads(text)
        except json.JSONDecodeError as exc:
            skipped.append(SkippedRow(number, "", f"not JSON ({exc.msg}, column {exc.colno})"))
            continue
        except (ValueError, RecursionError) as exc:  # huge integers, deep nesting
            skipped.append(SkippedRow(number, "", f"not usable JSON ({type(exc).__name__})"))
            continue
        item = _parse_row(row, number, default_dataset=p.stem)
        if isinstance(item, SkippedRow):
            skipped.append(item)
        else:
            items.append(item)
    return BenchFile(path=str(p), items=tuple(items), skipped=tuple(skipped))


def read_bench_file(path: PathLike) -> list[BenchItem]:
    """The usable items of a benchmark file (malformed rows are left out; see ``scan_bench_file``)."""
    return list(scan_bench_file(path).items)


def _parse_row(row: Any, line: int, *, default_dataset: str) -> Union[BenchItem, SkippedRow]:
    if not isinstance(row, dict):
        return SkippedRow(line, "", f"expected a JSON object, got {type(row).__name__}")
    if "exaggeration_label" in row or "press_release_conclusion" in row:
        return _parse_insciout(row, line)
    if "summary" in row or "doc" in row:
        return _parse_consistency(row, line, default_dataset=default_dataset)
    if "sentence" in row:
        return _parse_strength(row, line, default_dataset=default_dataset)
    if "scuText" in row or "docSentText" in row:
        return _parse_alignment(row, line)
    return SkippedRow(line, _row_id(row, line, ("id",)),
                      "unknown row format: expected doc/summary/label, "
                      "abstract_conclusion/press_release_conclusion/exaggeration_label "
                      "sentence/label or topic/scuText/docSentText")


def _row_id(row: dict, line: int, keys: Sequence[str]) -> str:
    for k in keys:
        if row.get(k) not in (None, ""):
            return str(row[k])
    return f"line-{line}"


def _missing_text(row: dict, keys: Sequence[str]) -> Optional[str]:
    for k in keys:
        if k not in row:
            return f"missing field {k!r}"
        if not isinstance(row[k], str):
            return f"field {k!r} must be a string, got {type(row[k]).__name__}"
    return None


def _parse_consistency(row: dict, line: int, *, default_dataset: str) -> Union[BenchItem, SkippedRow]:
    rid = _row_id(row, line, ("id",))
    problem = _missing_text(row, ("doc", "summary"))
    if problem:
        return SkippedRow(line, rid, problem)
    label = row.get("label")
    # bool is an int subclass; JSON true/false would otherwise pass as 1/0 silently.
    if isinstance(label, bool) or label not in (0, 1):
        return SkippedRow(line, rid, f"label must be 0 or 1, got {label!r}")
    dataset = row.get("dataset") or default_dataset
    return BenchItem(id=rid, dataset=str(dataset), source=row["doc"], derived=row["summary"],
                     label=int(label), kind=CONSISTENCY, line=line)


def _parse_insciout(row: dict, line: int) -> Union[BenchItem, SkippedRow]:
    rid = _row_id(row, line, ("id", "original_file_id"))
    problem = _missing_text(row, ("abstract_conclusion", "press_release_conclusion"))
    if problem:
        return SkippedRow(line, rid, problem)
    label = row.get("exaggeration_label")
    if label not in INSCIOUT_LABELS:
        return SkippedRow(line, rid, f"exaggeration_label must be one of "
                                     f"{', '.join(INSCIOUT_LABELS)}, got {label!r}")
    return BenchItem(id=rid, dataset=str(row.get("dataset") or INSCIOUT),
                     source=row["abstract_conclusion"], derived=row["press_release_conclusion"],
                     label=label, kind=INSCIOUT, line=line)


def _parse_strength(row: dict, line: int, *, default_dataset: str) -> Union[BenchItem, SkippedRow]:
    rid = _row_id(row, line, ("id",))
    problem = _missing_text(row, ("sentence",))
    if problem:
        return SkippedRow(line, rid, problem)
    label = row.get("label")
    if isinstance(label, bool) or label not in STRENGTH_LABELS:
        return SkippedRow(line, rid, f"label must be 0, 1, 2 or 3, got {label!r}")
    return BenchItem(id=rid, dataset=str(row.get("dataset") or default_dataset), source="",
                     derived=row["sentence"], label=int(label), kind=STRENGTH, line=line)


def _parse_alignment(row: dict, line: int) -> Union[BenchItem, SkippedRow]:
    rid = _row_id(row, line, ("id",))
    problem = _missing_text(row, ("topic", "scuText", "docSentText"))
    if problem:
        return SkippedRow(line, rid, problem)
    return BenchItem(id=rid, dataset=str(row.get("database") or "superpal"),
                     source=row["docSentText"], derived=row["scuText"], label=1,
                     kind=ALIGNMENT, line=line, group=row["topic"])

