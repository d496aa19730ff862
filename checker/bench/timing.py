"""Speed of a benchmark run: warm-up, spaCy alone in a fresh process, and the figures."""

from __future__ import annotations

import gc
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Optional, Sequence

from checker.bench.formats import BenchItem

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
    the same texts, sets the collector and the allocator as this process has them, and does
    nothing but ``nlp.pipe``. Timing it again in this process would parse texts the process has just
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
    from checker.pipeline import allocator_tuned

    request = json.dumps({"model": model, "warm_up": warm, "texts": texts,
                          "gc": {"frozen": gc.get_freeze_count() > 0,
                                 "threshold": list(gc.get_threshold())},
                          "allocator_tuned": allocator_tuned()})
    env = dict(os.environ)
    package_root = str(Path(__file__).resolve().parents[2])
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
    from checker.pipeline import tune_allocator

    request = json.loads(sys.stdin.read())
    nlp = get_nlp(request["model"])
    if request["gc"]["frozen"]:
        gc.freeze()
    gc.set_threshold(*request["gc"]["threshold"])
    if request.get("allocator_tuned"):
        tune_allocator()
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


def _speed(run: Any, spacy_only: tuple[Optional[float], Optional[float], str]) -> dict[str, Any]:
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

