"""Check the rows of a benchmark file and gather the outcomes (see ``checker.bench``)."""

from __future__ import annotations

import hashlib
import math
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Optional, Sequence, Union

import checker
from checker.bench.formats import (
    _PROGRESS_MIN_ITEMS,
    ALIGNMENT,
    BATCH_ITEMS,
    CONSISTENCY,
    OPTIMISTIC,
    STRENGTH,
    BenchItem,
    Outcome,
    PathLike,
    SkippedRow,
    scan_bench_file,
)
from checker.bench.metrics import _item_row, _metrics, tune_threshold
from checker.bench.timing import _spacy_only_seconds, _speed, _warm_up
from checker.check import score_model
from checker.config import Config
from checker.errors import CheckerError, InputError
from checker.records import Article


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
    pipeline, loader, cfg = resolve(pipeline, loader, config)

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


def resolve(pipeline, loader, config: Optional[Config]):
    """The pipeline, loader and configuration a run uses: the given ones, or the real
    pipeline (spaCy loaded here, not at import) and the text loader."""
    if pipeline is None:
        from checker.pipeline import Pipeline

        pipeline = Pipeline(config)
    if loader is None:
        from checker.load import load_text

        loader = load_text
    return pipeline, loader, getattr(pipeline, "config", None) or config or Config()


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
        return default_threshold(cfg)
    if _same_file(dev_path, path):
        return _tuned(consistency, cfg), OPTIMISTIC
    dev_items = [i for i in scan_bench_file(dev_path).items if i.kind == CONSISTENCY]
    dev_run = _score_items(dev_items, pipeline, loader, cfg, progress=progress)
    if not dev_run.outcomes:
        thr, how = default_threshold(cfg)
        return thr, f"{how} (dev file {Path(dev_path).name} had no usable pairs)"
    return _tuned(dev_run.outcomes, cfg), (f"tuned on dev file {Path(dev_path).name} "
                                           f"({len(dev_run.outcomes)} pairs)")


def default_threshold(cfg: Config) -> tuple[float, str]:
    """The configured threshold, else the score model's own (one for all data)."""
    if cfg.decision_threshold is not None:
        return float(cfg.decision_threshold), "configured decision_threshold"
    model = score_model(cfg)
    if model is None:
        raise InputError("no score model (score_model = \"none\") and no threshold given",
                         cause="usage")
    return model.threshold, ("the score model's threshold (chosen by grouped cross-validation "
                             "on the pooled dev files, `checker fit`)")


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
        return default_threshold(cfg)[0]
    return tune_threshold([s for s, _ in pairs], [y for _, y in pairs])


@lru_cache(maxsize=1024)
def _source_id(text: str) -> str:
    # Ids follow the text so that a source shared by several summaries is loaded, parsed and
    # extracted once (the pipeline memoises claims by (doc_id, text)). Asked twice for every
    # row, mostly of a few sources: cached by the text (its hash, not a SHA-1 of it each time).
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
            # Loaded texts (keyed by id and text, all the loader reads) go with their batch, but
            # the last source stays: the next batch most often opens with it (sorted by source).
            for key in [k for k in loaded if not k.endswith("\0" + batch[-1].source)]:
                del loaded[key]
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
        return Outcome(item=item, score=math.nan if result.score is None else float(result.score),
                       kinds=kinds, features=dict(result.score_features),
                       group=_source_id(item.source))

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
