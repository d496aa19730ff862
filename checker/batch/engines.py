"""How the items of a batch get executed: the engines, and what they share.

An engine only decides where items are checked. ``started(engine)`` starts it (connects to a
cluster, or starts one) before anything is written, and gives a function that cuts the items
still to do into chunks and hands every finished item's ``_Outcome`` to ``deliver`` in this,
the client, process; ``deliver`` writes it (``engine.write_outcome``) and counts it. Reading
the input, fingerprints, ``--resume``, item files, tables, the database, the story matrices
and the HTML index are the same code whatever the engine, so the engines cannot drift apart:

* ``local`` with ``jobs=1``: one ``_Runner`` in this process.
* ``local`` with ``jobs > 1``: worker processes on this machine (``checker.batch.pool``).
* ``dask``: a Dask cluster (``checker.batch.dask_engine``), either a running scheduler
  (``scheduler="tcp://host:8786"``) or a local cluster of ``workers`` processes started and
  stopped for the run.

That function returns the failures of items an engine lost (a worker that kept dying); every
other failure is an outcome like any checked item.
"""

from __future__ import annotations

import functools
import math
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Optional

from checker.batch.engine import _Outcome, _Runner
from checker.batch.items import Failure
from checker.config import Config
from checker.errors import ConfigError

ENGINES = ("local", "dask")


@dataclass(frozen=True)
class Engine:
    """Where a batch runs: ``local`` (``jobs`` processes) or ``dask`` (a scheduler or a local
    cluster of ``workers`` processes; neither: one worker per CPU)."""

    name: str = "local"
    jobs: int = 1
    scheduler: Optional[str] = None
    workers: Optional[int] = None

    def __post_init__(self) -> None:
        if self.name not in ENGINES:
            raise ConfigError(f"engine must be one of {', '.join(ENGINES)}, got {self.name!r}")
        if self.name == "local" and (self.scheduler or self.workers is not None):
            raise ConfigError("a scheduler address and a number of workers are for the dask "
                              "engine (--engine dask); the local engine takes --jobs")
        if self.name == "dask":
            if self.scheduler and self.workers is not None:
                raise ConfigError("give either a scheduler address (a running cluster) or a "
                                  "number of workers (a local cluster), not both")
            if self.jobs != 1:
                raise ConfigError("--jobs is for the local engine; a Dask cluster runs one "
                                  "item at a time per worker thread (--workers N, or the "
                                  "workers of --scheduler)")
            if self.workers is not None and self.workers < 1:
                raise ConfigError(f"a local Dask cluster needs at least one worker, got "
                                  f"{self.workers}")


@dataclass(frozen=True)
class _Work:
    """What a worker needs to check items: the configuration, the parse cache folder, whether
    to draw HTML reports, the fingerprint of the client's checker code, and the client's
    working directory (relative input paths are relative to it)."""

    config: Config
    cache_dir: Optional[Path]
    html: bool
    code: str = ""
    cwd: str = ""


Deliver = Callable[[_Outcome], None]
RunItems = Callable[[list, _Work, Deliver], list[Failure]]


@contextmanager
def started(engine: Engine, needed: bool = True) -> Iterator[RunItems]:
    """Start ``engine`` (unless not ``needed``) and give the function that checks items on it:
    ``run_items(todo, work, deliver)`` checks the (item, fingerprint) pairs of ``todo``, hands
    each outcome to ``deliver`` and returns the failures of items it lost."""
    if not needed:
        yield lambda todo, work, deliver: []
    elif engine.name == "dask":
        from checker.batch.dask_engine import dask_client, run_on_dask

        with dask_client(engine.scheduler, engine.workers) as client:
            yield functools.partial(run_on_dask, client)
    else:
        yield functools.partial(_run_local, engine.jobs)


def _run_local(jobs: int, todo: list, work: _Work, deliver: Deliver) -> list[Failure]:
    if not todo:
        return []
    jobs = min(jobs, len(todo))
    chunks = chunked(todo, jobs)
    if jobs == 1:
        runner = _Runner(work.config, work.cache_dir, work.html)
        for chunk in chunks:
            for outcome in runner.run(chunk):
                deliver(outcome)
        return []
    from checker.batch.pool import _run_parallel

    return _run_parallel(chunks, jobs, work.config, work.cache_dir, work.html, deliver)


def chunked(todo: list, slots: int) -> list[list]:
    """``todo`` in chunks for ``slots`` parallel workers."""
    # Small chunks keep the workers evenly loaded; large ones give nlp.pipe bigger batches.
    size = chunk_size(len(todo), slots)
    return [todo[i:i + size] for i in range(0, len(todo), size)]


def chunk_size(n: int, slots: int) -> int:
    return max(1, min(16, math.ceil(n / (max(1, slots) * 4))))


def lost_items(chunk: list, why: str, done: set[str] = frozenset()) -> list[Failure]:
    """Failures for the items of ``chunk`` not in ``done``, lost for the reason ``why``."""
    return [Failure(item.id, item.derived.path or "", "internal", f"{item.id}: {why}",
                    story=item.story) for item, _ in chunk if item.id not in done]
