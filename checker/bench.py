"""Benchmark runs: score labelled source/derived pairs, tune a threshold, report metrics and speed.

Four row formats are read, detected row by row (see ``../shared/benchmarks/README.md``):

    consistency     ``{"id", "dataset", "doc", "summary", "label"}``; label 1 = consistent, 0 = not.
    insciout        ``{"abstract_conclusion", "press_release_conclusion", "exaggeration_label"}``;
                    gold ``same`` / ``exaggerates`` / ``downplays``.
    claim-strength  ``{"sentence", "label"}``; label 0 no relation, 1 correlational,
                    2 conditional causal, 3 direct causal (Yu et al. 2019).
    alignment       SuperPAL ``{"topic", "scuText", "docSentText"}``: a summary sentence and a
                    source sentence the annotators paired with it (Ernst et al. 2021).

For consistency rows the checker's ``CheckResult.score`` (1 = consistent) is thresholded:
predicted consistent iff ``score >= threshold``. For InSciOut rows the verdict comes from the
finding kinds (``certainty-raised`` vs ``certainty-lowered``). For claim-strength rows the
prediction is the strength the certainty rules compare (``Pipeline.strength``: the strongest
claim of the sentence, ``checker.strength``). For alignment rows every summary sentence of a
topic is aligned against all the source sentences the topic's rows name
(``Pipeline.rank_sources``); it is right when the aligner's first choice is one of its gold
sentences. A malformed row or an article the loader refuses
is recorded under ``skipped`` and never stops the run.

The metric functions are written out here rather than taken from scikit-learn: they are a few
lines each, and the project does not otherwise need scikit-learn.
"""

from __future__ import annotations

import csv
import gc
import io
import json
import math
import os
import resource
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, Optional, Sequence, Union

import checker
from checker.config import Config
from checker.files import atomic_write
from checker.errors import CheckerError, InputError
from checker.records import Article

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


# ---------------------------------------------------------------------------------------------
# Records


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


@dataclass
class _Run:
    """The scored items of one file and the time and parse seconds spent on them."""

    outcomes: list[Outcome] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)
    total_seconds: float = 0.0
    cpu_seconds: float = 0.0  # process CPU time: robust to other jobs competing for the CPU
    parse_seconds: float = 0.0
    unit_texts: dict[str, None] = field(default_factory=dict)  # insertion-ordered set
    errors: int = 0


# ---------------------------------------------------------------------------------------------
# Reading


def scan_bench_file(path: PathLike) -> BenchFile:
    """Read a benchmark JSON-lines file into items, recording malformed rows instead of failing."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read benchmark file {p}: {exc.strerror or exc}",
                         path=str(p), cause="missing") from exc
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


# ---------------------------------------------------------------------------------------------
# Metrics


def _check_lengths(a: Sequence, b: Sequence) -> None:
    if len(a) != len(b):
        raise InputError(f"expected as many labels as scores, got {len(b)} and {len(a)}",
                         cause="metrics")


def balanced_accuracy(scores: Sequence[float], labels: Sequence[int], threshold: float) -> float:
    """Mean recall of the consistent (1) and inconsistent (0) classes; consistent iff score >= t."""
    _check_lengths(scores, labels)
    recalls = []
    for cls in (1, 0):
        members = [s for s, y in zip(scores, labels) if y == cls]
        if not members:
            continue
        hits = sum(1 for s in members if (s >= threshold) == (cls == 1))
        recalls.append(hits / len(members))
    return sum(recalls) / len(recalls) if recalls else math.nan


def tune_threshold(scores: Sequence[float], labels: Sequence[int]) -> float:
    """The threshold maximising balanced accuracy, scanning midpoints between distinct scores."""
    _check_lengths(scores, labels)
    if not scores:
        raise InputError("cannot tune a threshold on an empty set of scores", cause="metrics")
    distinct = sorted(set(scores))
    n_pos = sum(1 for y in labels if y == 1)
    n_neg = len(labels) - n_pos
    # Per distinct score: how many consistent / inconsistent items have exactly that score.
    at_pos: Counter = Counter(s for s, y in zip(scores, labels) if y == 1)
    at_neg: Counter = Counter(s for s, y in zip(scores, labels) if y != 1)
    # Sweep upwards: a threshold between distinct[k-1] and distinct[k] predicts "consistent" for
    # every score from distinct[k] on. The lowest candidate predicts everything consistent.
    best_t, best_ba = distinct[0], -1.0
    below_pos = below_neg = 0
    for k, s in enumerate(distinct):
        if k == 0:
            t = s
        else:
            t = (distinct[k - 1] + s) / 2
            if not distinct[k - 1] < t <= s:  # adjacent floats: the midpoint rounds onto one
                t = s
        recalls = []
        if n_pos:
            recalls.append((n_pos - below_pos) / n_pos)
        if n_neg:
            recalls.append(below_neg / n_neg)
        ba = sum(recalls) / len(recalls)
        if ba > best_ba:  # strict: ties keep the lowest threshold
            best_t, best_ba = t, ba
        below_pos += at_pos[s]
        below_neg += at_neg[s]
    return best_t


def roc_auc(scores: Sequence[float], labels: Sequence[int]) -> float:
    """Rank-based ROC-AUC: the chance a consistent item outscores an inconsistent one, ties half."""
    _check_lengths(scores, labels)
    n_pos = sum(1 for y in labels if y == 1)
    n_neg = len(labels) - n_pos
    if not n_pos or not n_neg:
        return math.nan
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    ranks = [0.0] * len(scores)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        mid_rank = (i + j) / 2 + 1  # tied scores share the mean of their 1-based ranks
        for k in range(i, j + 1):
            ranks[order[k]] = mid_rank
        i = j + 1
    rank_sum = sum(r for r, y in zip(ranks, labels) if y == 1)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
    return precision, recall, f1


def macro_f1(gold: Sequence, pred: Sequence, labels: Sequence) -> float:
    """Unweighted mean of the per-class F1 over ``labels`` (a class never gold nor predicted: 0)."""
    _check_lengths(gold, pred)
    if not labels:
        return math.nan
    total = 0.0
    for cls in labels:
        tp = sum(1 for g, p in zip(gold, pred) if g == cls and p == cls)
        fp = sum(1 for g, p in zip(gold, pred) if g != cls and p == cls)
        fn = sum(1 for g, p in zip(gold, pred) if g == cls and p != cls)
        total += _prf(tp, fp, fn)[2]
    return total / len(labels)


def confusion_matrix(gold: Sequence, pred: Sequence, labels: Sequence) -> list[list[int]]:
    """Counts with gold labels as rows and predictions as columns, both in ``labels`` order."""
    _check_lengths(gold, pred)
    index = {lab: i for i, lab in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    for g, p in zip(gold, pred):
        if g in index and p in index:
            matrix[index[g]][index[p]] += 1
    return matrix


def insciout_verdict(findings: Iterable[tuple[str, float]]) -> str:
    """``exaggerates`` / ``downplays`` / ``same`` from (kind, confidence) pairs of the findings."""
    raised = lowered = 0.0
    n_raised = n_lowered = 0
    for kind, confidence in findings:
        if kind == "certainty-raised":
            raised += confidence
            n_raised += 1
        elif kind == "certainty-lowered":
            lowered += confidence
            n_lowered += 1
    if n_raised and not n_lowered:
        return "exaggerates"
    if n_lowered and not n_raised:
        return "downplays"
    if not n_raised:
        return "same"
    # Both fired: the stronger side wins; an exact tie cancels out.
    if raised > lowered:
        return "exaggerates"
    if lowered > raised:
        return "downplays"
    return "same"


# ---------------------------------------------------------------------------------------------
# Running


def run_bench(path: PathLike, *, dev_path: Optional[PathLike] = None,
              threshold: Optional[float] = None, config: Optional[Config] = None,
              pipeline=None, progress: bool = True, limit: Optional[int] = None,
              measure_spacy: bool = True,
              loader: Optional[Callable[..., Article]] = None) -> dict[str, Any]:
    """Check every pair of a benchmark file and return the JSON-ready metrics and timings."""
    if threshold is not None and not 0.0 <= threshold <= 1.0:
        raise InputError(f"expected a threshold between 0 and 1, got {threshold}", cause="usage")
    if limit is not None and limit < 1:
        raise InputError(f"expected a positive limit, got {limit}", cause="usage")
    if pipeline is None:
        from checker.pipeline import Pipeline

        pipeline = Pipeline(config)
    if loader is None:
        from checker.load import load_text

        loader = load_text
    cfg = getattr(pipeline, "config", None) or config or Config()

    bench = scan_bench_file(path)
    items = list(bench.items[:limit] if limit else bench.items)
    nlp = _nlp_of(pipeline)
    warm = _warm_up(nlp, items)
    run = _score_items(items, pipeline, loader, cfg, progress=progress)
    run.skipped[:0] = bench.skipped
    run.skipped.sort(key=lambda s: s.line)
    spacy_only = (_spacy_only_seconds(nlp, run.unit_texts, warm=warm,
                                      model=getattr(pipeline, "model", cfg.model))
                  if measure_spacy else (None, None, "not measured"))

    consistency = [o for o in run.outcomes if o.item.kind == CONSISTENCY]
    thr, source = _choose_threshold(path, consistency, dev_path=dev_path, threshold=threshold,
                                    pipeline=pipeline, loader=loader, cfg=cfg, progress=progress)
    dev_file = str(dev_path) if dev_path is not None and threshold is None else None

    results = _metrics(run.outcomes, thr, cfg)
    results.update(_speed(run, spacy_only))
    results.update({
        "threshold": thr,
        "threshold_source": source,
        "n_rows": len(bench.items) + len(bench.skipped),
        "skipped": {"count": len(run.skipped), "rows": [s.to_dict() for s in run.skipped]},
        "internal_errors": run.errors,
        "version": checker.__version__,
        "model": getattr(pipeline, "model", cfg.model),
        "config": cfg.to_dict(),
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "data_file": str(path),
        "dev_file": dev_file,
        "limit": limit,
        "items": [_item_row(o, thr) for o in run.outcomes],
    })
    return results


def _choose_threshold(path: PathLike, consistency: Sequence[Outcome], *,
                      dev_path: Optional[PathLike], threshold: Optional[float], pipeline,
                      loader, cfg: Config, progress: bool) -> tuple[Optional[float], str]:
    """The decision threshold and a note saying where it came from."""
    if not consistency:
        return None, ("not used (no consistency pairs: InSciOut verdicts come from finding "
                      "kinds, claim strengths from the strength classifier)")
    if threshold is not None:
        return float(threshold), "given"
    if dev_path is None:
        named = named_threshold(path)
        if named is not None:
            return named[0], f"named default tuned on {named[1]}"
    if dev_path is None or _same_file(dev_path, path):
        return _tuned(consistency, cfg), OPTIMISTIC
    dev_items = [i for i in scan_bench_file(dev_path).items if i.kind == CONSISTENCY]
    dev_run = _score_items(dev_items, pipeline, loader, cfg, progress=progress)
    if not dev_run.outcomes:
        return cfg.decision_threshold, (f"configured decision_threshold (dev file "
                                        f"{Path(dev_path).name} had no usable pairs)")
    return _tuned(dev_run.outcomes, cfg), (f"tuned on dev file {Path(dev_path).name} "
                                           f"({len(dev_run.outcomes)} pairs)")


# Decision thresholds tuned on the development splits of ../shared/benchmarks/ (each names
# the split it came from) with the scoring of this version. A file of the same benchmark
# (its name starts with the key: "summedits-test.jsonl") is scored with its dev split's
# threshold when neither --dev nor --threshold is given; the dev split itself is tuned on
# itself, as the published protocol does. Re-tune them whenever the score changes.
DEV_THRESHOLDS: dict[str, tuple[float, str]] = {
    "summedits": (0.4363, "summedits-dev.jsonl"),
    "xsumfaith": (0.4322, "xsumfaith-dev.jsonl"),
    "polytope": (0.8422, "polytope-dev.jsonl"),
    "cliff": (0.4884, "cliff-dev.jsonl"),
}


def named_threshold(path: PathLike) -> Optional[tuple[float, str]]:
    """The named dev-split threshold for a benchmark file other than that dev split."""
    name = Path(path).name.lower()
    for prefix, (value, split) in DEV_THRESHOLDS.items():
        if name.startswith(prefix) and name != split:
            return value, split
    return None


def _nlp_of(pipeline) -> Any:
    parser = getattr(pipeline, "parser", None)
    return getattr(parser, "nlp", None) or getattr(pipeline, "nlp", None)


def _same_file(a: PathLike, b: PathLike) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return str(a) == str(b)


def _tuned(outcomes: Sequence[Outcome], cfg: Config) -> float:
    pairs = [(o.score, o.item.label) for o in outcomes if o.item.kind == CONSISTENCY]
    if not pairs:
        return cfg.decision_threshold
    return tune_threshold([s for s, _ in pairs], [y for _, y in pairs])


def _source_id(text: str) -> str:
    # Ids follow the text so that a source shared by several summaries is loaded, parsed and
    # extracted once (the pipeline memoises claims by (doc_id, text)).
    import hashlib

    return "src-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _score_items(items: Sequence[BenchItem], pipeline, loader, cfg: Config, *,
                 progress: bool) -> _Run:
    run = _Run()
    loaded: dict[str, Union[Article, InputError]] = {}
    # Check the summaries of one source together: it is parsed once and its claims stay in
    # the pipeline's small cache while they are needed (files often list sources far apart).
    first_seen: dict[str, int] = {}
    items = sorted(items, key=lambda it: first_seen.setdefault(it.source, len(first_seen)))

    def load(text: str, doc_id: str) -> Union[Article, InputError]:
        key = f"{doc_id}\0{text}"
        if key not in loaded:
            try:
                loaded[key] = loader(text, doc_id=doc_id, config=cfg)
            except InputError as exc:
                loaded[key] = exc
        return loaded[key]

    aligned_items = [it for it in items if it.kind == ALIGNMENT]
    items = [it for it in items if it.kind != ALIGNMENT]
    bar = _progress_bar(len(items) + len(aligned_items), enabled=progress)
    parse0 = float(getattr(pipeline, "parse_seconds", 0.0) or 0.0)
    t0, cpu0 = time.perf_counter(), time.process_time()
    try:
        if aligned_items:
            _score_alignment(aligned_items, pipeline, load, run, bar)
        for start in range(0, len(items), BATCH_ITEMS):
            batch = items[start:start + BATCH_ITEMS]
            ready: list[tuple[BenchItem, Optional[Article], Article]] = []
            for item in batch:
                if item.kind == STRENGTH:
                    sentence = load(item.derived, f"{item.id}:sentence")
                    if isinstance(sentence, InputError):
                        run.skipped.append(SkippedRow(item.line, item.id,
                                                      f"sentence refused: {sentence}"))
                    else:
                        ready.append((item, None, sentence))
                    continue
                src = load(item.source, _source_id(item.source))
                der = load(item.derived, f"{item.id}:derived")
                bad = next((a for a in (src, der) if isinstance(a, InputError)), None)
                if bad is not None:
                    which = "source" if bad is src else "derived text"
                    run.skipped.append(SkippedRow(item.line, item.id, f"{which} refused: {bad}"))
                    continue
                ready.append((item, src, der))
            _prefetch(pipeline, ready)
            for item, src, der in ready:
                if src is not None:
                    _remember_units(run, src)
                _remember_units(run, der)
                if src is None:
                    outcome = _strength_one(pipeline, item, der, run)
                else:
                    outcome = _check_one(pipeline, item, src, der, run)
                if outcome is not None:
                    run.outcomes.append(outcome)
            if bar is not None:
                bar.update(len(batch))
            # The loaded sources are not needed past their batch: keep memory flat on big files.
            loaded.clear()
    finally:
        if bar is not None:
            bar.close()
    run.total_seconds = time.perf_counter() - t0
    run.cpu_seconds = time.process_time() - cpu0
    run.parse_seconds = float(getattr(pipeline, "parse_seconds", 0.0) or 0.0) - parse0
    return run


def _score_alignment(items: Sequence[BenchItem], pipeline, load, run: _Run, bar) -> None:
    """Rank each topic's source sentences for each of its summary sentences."""
    topics: dict[str, list[BenchItem]] = {}
    for it in items:
        topics.setdefault(it.group, []).append(it)
    for topic, rows in topics.items():
        texts = list(dict.fromkeys(it.source for it in rows))
        cands, doc_of = [], {}
        for i, text in enumerate(texts):
            art = load(text, f"{topic}:cand{i}")
            if isinstance(art, InputError):
                for it in rows:
                    if it.source == text:
                        run.skipped.append(SkippedRow(it.line, it.id,
                                                      f"source sentence refused: {art}"))
                continue
            cands.append(art)
            doc_of[text] = art.doc_id
        for art in cands:
            _remember_units(run, art)
        for n, scu in enumerate(dict.fromkeys(it.derived for it in rows)):
            mine = [it for it in rows if it.derived == scu]
            golds = {doc_of[it.source] for it in mine if it.source in doc_of}
            der = load(scu, f"{topic}:summary{n}")
            if isinstance(der, InputError) or not golds or len(cands) < 2:
                why = (f"summary sentence refused: {der}" if isinstance(der, InputError)
                       else "fewer than two source sentences to choose from")
                run.skipped.extend(SkippedRow(it.line, it.id, why) for it in mine)
                continue
            _remember_units(run, der)

            def outcome(der=der, golds=golds, first=mine[0]) -> Outcome:
                ranked = [doc for doc, _ in pipeline.rank_sources(der, cands)]
                rank = next((k for k, doc in enumerate(ranked, start=1) if doc in golds), None)
                return Outcome(item=first, score=1.0 if rank == 1 else 0.0, level=rank,
                               candidates=len(cands), golds=len(golds))

            got = _guarded(outcome, mine[0], run)
            if got is not None:
                run.outcomes.append(got)
            if bar is not None:
                bar.update(len(mine))


def _prefetch(pipeline, ready: Sequence[tuple[BenchItem, Optional[Article], Article]]) -> None:
    unique: dict[tuple[str, str], Article] = {}
    for _, src, der in ready:
        for art in (src, der):
            if art is not None:
                unique.setdefault((art.doc_id, art.text), art)
    if not unique:
        return
    try:
        pipeline.claims_many(list(unique.values()))
    except CheckerError:
        # One bad article must not cost the whole batch: each check below parses on its own
        # and records its own failure.
        return


def _check_one(pipeline, item: BenchItem, src: Article, der: Article, run: _Run) -> Optional[Outcome]:
    def outcome() -> Outcome:
        result = pipeline.check(der, [src])
        kinds = tuple((f.kind, f.code, float(f.confidence)) for f in result.findings)
        return Outcome(item=item, score=float(result.score), kinds=kinds)

    return _guarded(outcome, item, run)


def _strength_one(pipeline, item: BenchItem, sentence: Article, run: _Run) -> Optional[Outcome]:
    def outcome() -> Outcome:
        level, _cue = pipeline.strength(sentence)
        return Outcome(item=item, score=float(level), level=int(level))

    return _guarded(outcome, item, run)


def _guarded(make: Callable[[], Outcome], item: BenchItem, run: _Run) -> Optional[Outcome]:
    """``make()``, or None with the item recorded under skipped when the checker fails on it."""
    try:
        return make()
    except CheckerError as exc:
        run.skipped.append(SkippedRow(item.line, item.id, f"check failed: {exc}"))
        return None
    except Exception as exc:  # noqa: BLE001 - a benchmark records a crashing pair and goes on
        run.errors += 1
        run.skipped.append(SkippedRow(item.line, item.id,
                                      f"internal error: {type(exc).__name__}: {exc}"))
        return None


def _remember_units(run: _Run, article: Article) -> None:
    for unit in article.units:
        if unit.is_furniture or unit.end <= unit.start:
            continue
        run.unit_texts.setdefault(article.text[unit.start:unit.end], None)


def _progress_bar(total: int, *, enabled: bool):
    if not enabled or total <= _PROGRESS_MIN_ITEMS:
        return None
    from tqdm import tqdm

    return tqdm(total=total, file=sys.stderr, unit="pair", desc="bench", leave=False)


WARM_UP_TEXTS = 16


def _warm_up(nlp, items: Sequence[BenchItem]) -> list[str]:
    """Parse a few of the file's texts, untimed, before either timing starts; return them.

    The first batches a process parses are slower (memory pools grow, caches fill): about
    0.5-3 s on SummEdits-dev on this machine. The spaCy-alone pass gets the same warm-up.
    """
    texts = list(dict.fromkeys(t for it in items[:WARM_UP_TEXTS] for t in (it.source, it.derived)
                               if t))[:WARM_UP_TEXTS] or ["Warm up."]
    if nlp is not None:
        for _ in nlp.pipe(texts):
            pass
    return texts


FRESH = "fresh process"
SPACY_ALONE_TIMEOUT = 3600  # seconds; past it the same-process measurement is used


def _spacy_only_seconds(nlp, texts: dict[str, None], *, warm: Sequence[str] = (),
                        model: Optional[str] = None
                        ) -> tuple[Optional[float], Optional[float], str]:
    """Wall and CPU seconds of spaCy alone over the unique unit texts of the run, and how.

    spaCy alone runs in a fresh Python process that loads the same pipeline, warms it up on
    the same texts, sets the collector as this process has it, and does nothing but
    ``nlp.pipe``. Timing it again in this process would parse texts the process has just
    parsed (their words already in the vocabulary, its memory already grown): on
    SummEdits-dev that pass was 11.3 s against 12.1 s in a fresh process, flattering spaCy
    alone by 7%. A pipeline not loaded by name (a test double) is timed in this process.
    """
    if nlp is None or not texts:
        return None, None, "not measured"
    from checker import parse

    if model and parse._NLP_CACHE.get(model) is nlp:
        try:
            wall, cpu = _spacy_alone_in_child(model, list(warm), list(texts))
            return wall, cpu, FRESH
        except (OSError, ValueError, KeyError, subprocess.SubprocessError) as exc:
            method = f"this process (the fresh process failed: {str(exc)[:200]})"
    else:
        method = "this process (a pipeline not loaded by name)"
    t0, cpu0 = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=parse.batch_size_for(texts)):
        pass
    return time.perf_counter() - t0, time.process_time() - cpu0, method


def _spacy_alone_in_child(model: str, warm: list[str], texts: list[str]) -> tuple[float, float]:
    """Run ``python -m checker.bench`` on the texts and read back its wall and CPU seconds."""
    request = json.dumps({"model": model, "warm_up": warm, "texts": texts,
                          "gc": {"frozen": gc.get_freeze_count() > 0,
                                 "threshold": list(gc.get_threshold())}})
    env = dict(os.environ)
    package_root = str(Path(__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
    done = subprocess.run([sys.executable, "-m", "checker.bench"], input=request,
                          capture_output=True, text=True, encoding="utf-8", env=env,
                          timeout=SPACY_ALONE_TIMEOUT, check=False)
    if done.returncode != 0:
        raise ValueError(f"exit {done.returncode}: {done.stderr.strip()[-300:]}")
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    return float(answer["wall"]), float(answer["cpu"])


def _spacy_alone_main() -> None:
    """The child side of ``_spacy_alone_in_child``: a JSON request on stdin, times on stdout."""
    from checker.parse import batch_size_for, get_nlp

    request = json.loads(sys.stdin.read())
    nlp = get_nlp(request["model"])
    if request["gc"]["frozen"]:
        gc.freeze()
    gc.set_threshold(*request["gc"]["threshold"])
    for _ in nlp.pipe(request["warm_up"] or ["Warm up."]):
        pass
    texts = request["texts"]
    t0, cpu0 = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=batch_size_for(texts)):
        pass
    wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    print(json.dumps({"wall": wall, "cpu": cpu, "texts": len(texts)}))


def _peak_memory_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports kilobytes, macOS bytes.
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _ratio(a: float, b: Optional[float]) -> Optional[float]:
    return a / b if b else None


def _speed(run: _Run, spacy_only: tuple[Optional[float], Optional[float], str]) -> dict[str, Any]:
    n = len(run.outcomes)
    spacy_wall, spacy_cpu, method = spacy_only
    return {
        "pairs_per_second": _ratio(n, run.total_seconds),
        "parse_seconds": run.parse_seconds,
        "total_seconds": run.total_seconds,
        "other_seconds": run.total_seconds - run.parse_seconds,
        "overhead_ratio": _ratio(run.total_seconds, run.parse_seconds),
        "spacy_only_seconds": spacy_wall,
        "spacy_only_measured_in": method,
        "overhead_vs_spacy": _ratio(run.total_seconds, spacy_wall),
        "cpu_seconds": run.cpu_seconds,
        "spacy_only_cpu_seconds": spacy_cpu,
        "overhead_vs_spacy_cpu": _ratio(run.cpu_seconds, spacy_cpu),
        "unique_unit_texts": len(run.unit_texts),
        "peak_memory_mb": _peak_memory_mb(),
    }


# ---------------------------------------------------------------------------------------------
# Metrics over outcomes


def _clean(value: Any) -> Any:
    # JSON has no NaN: an undefined metric (one class only) is null.
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _consistency_metrics(outcomes: Sequence[Outcome], thr: float, cfg: Config) -> dict[str, Any]:
    scores = [o.score for o in outcomes]
    labels = [o.item.label for o in outcomes]
    # The inconsistent class is the positive one: it is what the checker exists to flag.
    tp = sum(1 for s, y in zip(scores, labels) if y == 0 and s < thr)
    fp = sum(1 for s, y in zip(scores, labels) if y == 1 and s < thr)
    fn = sum(1 for s, y in zip(scores, labels) if y == 0 and s >= thr)
    precision, recall, f1 = _prf(tp, fp, fn)
    oracle_t = tune_threshold(scores, labels) if scores else math.nan
    pos = [s for s, y in zip(scores, labels) if y == 1]
    neg = [s for s, y in zip(scores, labels) if y == 0]
    return {
        "n": len(outcomes),
        "n_consistent": len(pos),
        "n_inconsistent": len(neg),
        "balanced_accuracy": _clean(balanced_accuracy(scores, labels, thr)),
        "roc_auc": _clean(roc_auc(scores, labels)),
        "macro_f1": None,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "balanced_accuracy_at_default_threshold": _clean(
            balanced_accuracy(scores, labels, cfg.decision_threshold)),
        "oracle_balanced_accuracy": _clean(balanced_accuracy(scores, labels, oracle_t)
                                           if scores else math.nan),
        "oracle_threshold": _clean(oracle_t),
        "mean_score_consistent": sum(pos) / len(pos) if pos else None,
        "mean_score_inconsistent": sum(neg) / len(neg) if neg else None,
    }


def _class_metrics(outcomes: Sequence[Outcome], labels: Sequence,
                   predict: Callable[[Outcome], Any]) -> dict[str, Any]:
    """Macro-F1, accuracy, balanced accuracy and the confusion matrix of a labelling task."""
    gold = [o.item.label for o in outcomes]
    pred = [predict(o) for o in outcomes]
    matrix = confusion_matrix(gold, pred, labels)
    recalls = [row[i] / sum(row) for i, row in enumerate(matrix) if sum(row)]
    return {
        "n": len(outcomes),
        "balanced_accuracy": sum(recalls) / len(recalls) if recalls else None,
        "roc_auc": None,
        "macro_f1": _clean(macro_f1(gold, pred, labels)) if outcomes else None,
        "accuracy": sum(1 for g, p in zip(gold, pred) if g == p) / len(gold) if gold else None,
        "confusion_matrix": {"labels": list(labels), "rows": "gold",
                             "columns": "predicted", "matrix": matrix},
    }


def _insciout_metrics(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    return _class_metrics(outcomes, INSCIOUT_LABELS, _verdict)


def _strength_metrics(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    return _class_metrics(outcomes, STRENGTH_LABELS, lambda o: o.level)


def _alignment_metrics(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    """Top-1 accuracy and mean reciprocal rank of the aligner's choice of source sentence,
    with the accuracy of a random pick among the same candidates for scale."""
    n = len(outcomes)
    return {
        "n": n,
        "balanced_accuracy": None,
        "roc_auc": None,
        "macro_f1": None,
        "accuracy": sum(1 for o in outcomes if o.level == 1) / n if n else None,
        "mrr": sum(1 / o.level for o in outcomes if o.level) / n if n else None,
        "random_accuracy": (sum(o.golds / o.candidates for o in outcomes if o.candidates) / n
                            if n else None),
    }


_LABELLING = {INSCIOUT: _insciout_metrics, STRENGTH: _strength_metrics,
              ALIGNMENT: _alignment_metrics}


def _verdict(outcome: Outcome) -> str:
    return insciout_verdict((kind, conf) for kind, _, conf in outcome.kinds)


def _is_flagged(outcome: Outcome, thr: Optional[float]) -> bool:
    """Whether the checker called this item positive (inconsistent / not "same")."""
    if outcome.item.kind in (STRENGTH, ALIGNMENT):
        return False  # a strength or a rank is predicted, not flagged: no findings involved
    if outcome.item.kind == INSCIOUT:
        return _verdict(outcome) != "same"
    return thr is not None and outcome.score < thr


def _is_true_positive(outcome: Outcome, thr: Optional[float]) -> bool:
    if outcome.item.kind == INSCIOUT:
        return _verdict(outcome) == outcome.item.label
    return outcome.item.label == 0


def _firing_counts(outcomes: Sequence[Outcome], thr: Optional[float]) -> dict[str, Any]:
    # Counts are of pairs on which a kind (code) fired at least once, not of findings.
    counts = {name: Counter() for name in ("kinds_tp", "kinds_fp", "codes_tp", "codes_fp")}
    by_label: dict[str, Counter] = {}
    for o in outcomes:
        kinds = {k for k, _, _ in o.kinds}
        codes = {c for _, c, _ in o.kinds}
        for kind in kinds:
            by_label.setdefault(kind, Counter())[str(o.item.label)] += 1
        if not _is_flagged(o, thr):
            continue
        side = "tp" if _is_true_positive(o, thr) else "fp"
        counts[f"kinds_{side}"].update(kinds)
        counts[f"codes_{side}"].update(codes)

    def ordered(c: Counter) -> dict[str, int]:
        return dict(sorted(c.items(), key=lambda kv: (-kv[1], kv[0])))

    return {
        "kinds_on_true_positives": ordered(counts["kinds_tp"]),
        "kinds_on_false_positives": ordered(counts["kinds_fp"]),
        "codes_on_true_positives": ordered(counts["codes_tp"]),
        "codes_on_false_positives": ordered(counts["codes_fp"]),
        "kinds_by_gold_label": {k: dict(sorted(v.items())) for k, v in sorted(by_label.items())},
    }


def _metrics(outcomes: Sequence[Outcome], thr: Optional[float], cfg: Config) -> dict[str, Any]:
    by_kind = {k: [o for o in outcomes if o.item.kind == k]
               for k in (CONSISTENCY, INSCIOUT, STRENGTH, ALIGNMENT)}
    cons = by_kind[CONSISTENCY]
    out: dict[str, Any] = {"task": _task(outcomes), "n": len(outcomes)}
    if cons and thr is not None:
        out.update(_consistency_metrics(cons, thr, cfg))
    # A labelling task (InSciOut, claim strength) gives the file's macro-F1; the first present
    # wins in a file that mixes them.
    for kind in (STRENGTH, INSCIOUT):
        if by_kind[kind]:
            labelled = _LABELLING[kind](by_kind[kind])
            for key in ("macro_f1", "accuracy", "confusion_matrix"):
                out[key] = labelled[key]
            if not cons:
                out.update(labelled)
    if by_kind[ALIGNMENT] and len(by_kind[ALIGNMENT]) == len(outcomes):
        out.update(_alignment_metrics(by_kind[ALIGNMENT]))
    out.setdefault("balanced_accuracy", None)
    out.setdefault("roc_auc", None)
    out.setdefault("macro_f1", None)
    out.setdefault("confusion_matrix", None)
    out["n"] = len(outcomes)
    by_dataset: dict[str, dict[str, Any]] = {}
    for name in sorted({o.item.dataset for o in outcomes}):
        group = [o for o in outcomes if o.item.dataset == name]
        kind = group[0].item.kind
        same_kind = [o for o in group if o.item.kind == kind]
        if kind in _LABELLING:
            by_dataset[name] = _LABELLING[kind](same_kind)
        elif thr is not None:
            by_dataset[name] = _consistency_metrics(same_kind, thr, cfg)
    out["by_dataset"] = by_dataset
    out.update(_firing_counts(outcomes, thr))
    return out


def _task(outcomes: Sequence[Outcome]) -> str:
    kinds = {o.item.kind for o in outcomes}
    if len(kinds) > 1:
        return "mixed"
    return kinds.pop() if kinds else CONSISTENCY


def _item_row(o: Outcome, thr: Optional[float]) -> dict[str, Any]:
    if o.item.kind in (STRENGTH, ALIGNMENT):
        predicted: Any = o.level
    elif o.item.kind == INSCIOUT:
        predicted = _verdict(o)
    else:
        predicted = None if thr is None else int(o.score >= thr)
    return {"id": o.item.id, "dataset": o.item.dataset, "line": o.item.line,
            "label": o.item.label, "score": o.score, "predicted": predicted,
            "kinds": sorted({k for k, _, _ in o.kinds}),
            "codes": sorted({c for _, c, _ in o.kinds})}


# ---------------------------------------------------------------------------------------------
# Formatting and writing


def _pct(value: Optional[float]) -> str:
    return "-" if value is None else f"{100 * value:.1f}"


def _num(value: Optional[float], digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _secs(value: Optional[float]) -> str:
    return "-" if value is None else f"{value:.1f} s"


def format_table(results: dict) -> str:
    """A plain-text report of a benchmark run: metrics per dataset, speed, and firing kinds."""
    name = Path(results.get("data_file") or "benchmark").name
    skipped = results.get("skipped") or {}
    scored = {STRENGTH: "sentences", ALIGNMENT: "summary sentences"}.get(
        results.get("task"), "pairs")
    lines = [
        f"checker bench {name}: {results.get('n', 0)} {scored} scored, "
        f"{skipped.get('count', 0)} skipped; checker {results.get('version')}, "
        f"model {results.get('model')}",
    ]
    if results.get("internal_errors"):
        lines.append(f"WARNING: {results['internal_errors']} pairs crashed the checker "
                     f"(listed under skipped)")
    if results.get("threshold") is not None:
        lines.append(f"threshold {results['threshold']:.4f} ({results.get('threshold_source')})")
    lines.append("")
    by_dataset = results.get("by_dataset") or {}
    align_rows = {k: v for k, v in by_dataset.items() if "mrr" in v}
    cons_rows = {k: v for k, v in by_dataset.items()
                 if "confusion_matrix" not in v and "mrr" not in v}
    sci_rows = {k: v for k, v in by_dataset.items() if "confusion_matrix" in v}
    if cons_rows:
        lines.extend(_consistency_table(cons_rows, results))
    if sci_rows:
        lines.extend(_labelling_table(sci_rows, results))
    for name, m in align_rows.items():
        lines.append(f"{name}: n {m.get('n', 0)} summary sentences; the aligner's first choice "
                     f"is a gold source sentence {_pct(m.get('accuracy'))} % of the time "
                     f"(a random pick {_pct(m.get('random_accuracy'))} %); MRR "
                     f"{_num(m.get('mrr'))}")
    lines.append("")
    lines.append(
        f"speed: {_num(results.get('pairs_per_second'), 2)} pairs/s; total "
        f"{_secs(results.get('total_seconds'))}, of which spaCy parse "
        f"{_secs(results.get('parse_seconds'))} (total/parse "
        f"{_num(results.get('overhead_ratio'), 2)}x); peak memory "
        f"{_num(results.get('peak_memory_mb'), 0)} MB")
    lines.append(
        f"spaCy alone ({results.get('spacy_only_measured_in') or 'not measured'}) on the same "
        f"{results.get('unique_unit_texts', 0)} unique units: "
        f"{_secs(results.get('spacy_only_seconds'))} (total/spaCy alone "
        f"{_num(results.get('overhead_vs_spacy'), 2)}x; CPU time "
        f"{_secs(results.get('cpu_seconds'))} vs {_secs(results.get('spacy_only_cpu_seconds'))}"
        f" = {_num(results.get('overhead_vs_spacy_cpu'), 2)}x)")
    for label, key in (("kinds on true positives ", "kinds_on_true_positives"),
                       ("kinds on false positives", "kinds_on_false_positives")):
        counts = results.get(key) or {}
        shown = ", ".join(f"{k} {v}" for k, v in counts.items()) or "none"
        lines.append(f"{label}: {shown}")
    rows = skipped.get("rows") or []
    if rows:
        lines.append("skipped:")
        lines.extend(f"  line {r['line']}{' ' + r['id'] if r['id'] else ''}: {r['reason']}"
                     for r in rows[:10])
        if len(rows) > 10:
            lines.append(f"  ... and {len(rows) - 10} more (see the JSON)")
    return "\n".join(lines) + "\n"


def _consistency_table(rows: dict[str, dict], results: dict) -> list[str]:
    header = (f"{'dataset':<22} {'n':>5} {'BA %':>6} {'oracle BA %':>11} {'ROC-AUC':>7} "
              f"{'P(inc)':>6} {'R(inc)':>6} {'F1(inc)':>7}")
    out = [header, "-" * len(header)]
    entries = list(rows.items())
    if len(rows) > 1 or results.get("task") == "mixed":
        entries.append(("ALL", results))
    for name, m in entries:
        out.append(f"{name[:22]:<22} {m.get('n', 0):>5} {_pct(m.get('balanced_accuracy')):>6} "
                   f"{_pct(m.get('oracle_balanced_accuracy')):>11} {_num(m.get('roc_auc')):>7} "
                   f"{_num(m.get('precision'), 2):>6} {_num(m.get('recall'), 2):>6} "
                   f"{_num(m.get('f1'), 2):>7}")
    return out


def _labelling_table(rows: dict[str, dict], results: dict) -> list[str]:
    out = []
    if any(m["confusion_matrix"]["labels"] == list(STRENGTH_LABELS) for m in rows.values()):
        out.append("claim strength: 0 no relation, 1 correlational, 2 conditional causal, "
                   "3 direct causal")
    for name, m in rows.items():
        out.append(f"{name}: n {m.get('n', 0)}, macro-F1 {_num(m.get('macro_f1'))}, accuracy "
                   f"{_pct(m.get('accuracy'))} %, balanced accuracy "
                   f"{_pct(m.get('balanced_accuracy'))} %")
        cm = m["confusion_matrix"]
        corner = "gold \\ predicted"
        out.append(f"  {corner:<18}" + "".join(f"{lab:>13}" for lab in cm["labels"]))
        for lab, row in zip(cm["labels"], cm["matrix"]):
            out.append(f"  {lab:<18}" + "".join(f"{v:>13}" for v in row))
    return out


CSV_COLUMNS = ("dataset", "n", "balanced_accuracy", "oracle_balanced_accuracy", "roc_auc",
               "precision", "recall", "f1", "macro_f1", "accuracy", "threshold")


def format_csv(results: dict) -> str:
    """One CSV row of metrics per dataset, then an ``ALL`` row for the whole file."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    entries = list((results.get("by_dataset") or {}).items()) + [("ALL", results)]
    for name, m in entries:
        row = [name] + [m.get(col) for col in CSV_COLUMNS[1:-1]] + [results.get("threshold")]
        writer.writerow(["" if v is None else (f"{v:.6g}" if isinstance(v, float) else v)
                         for v in row])
    return buf.getvalue()


def _atomic_write(path: Path, text: str) -> None:
    atomic_write(path, text)


def write_results(results: dict, out_dir: PathLike = "reports/benchmarks") -> list[Path]:
    """Write ``<stem>-<UTC time>.json`` and ``.txt`` and refresh ``<stem>-latest.json``."""
    directory = Path(out_dir)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create {directory}: {exc.strerror or exc}",
                         path=str(directory), cause="output") from exc
    stem = Path(results.get("data_file") or "benchmark").stem
    stamp = _stamp(results.get("date"))
    payload = json.dumps(results, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    paths = [directory / f"{stem}-{stamp}.json", directory / f"{stem}-{stamp}.txt",
             directory / f"{stem}-latest.json"]
    texts = [payload, format_table(results), payload]
    try:
        for p, text in zip(paths, texts):
            _atomic_write(p, text)
    except OSError as exc:
        raise InputError(f"cannot write benchmark results to {directory}: {exc.strerror or exc}",
                         path=str(directory), cause="output") from exc
    return paths


def _stamp(date: Optional[str]) -> str:
    try:
        moment = datetime.fromisoformat(date) if date else datetime.now(timezone.utc)
    except ValueError:
        moment = datetime.now(timezone.utc)
    return moment.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


if __name__ == "__main__":
    _spacy_alone_main()
