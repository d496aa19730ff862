"""The dask engine: a batch's items checked on a Dask cluster, results written by the client.

``run_on_dask`` connects to a running scheduler (``tcp://host:8786``) or starts a local
cluster of worker processes for the run, and feeds it chunks of items:

* **Bounded work in flight.** At most ``IN_FLIGHT`` chunks per worker thread are submitted at
  a time; the next goes in when one comes back, so the client holds a few chunks' results
  however long the manifest is, and outcomes stream back as they finish.
* **One pipeline per worker process.** ``_check_chunk`` runs on the worker and keeps one
  ``_Runner`` (spaCy pipeline, lexicons, claim memo) per process for every chunk and every run
  with the same configuration; its parse cache is the run's folder when the worker can write
  there (a shared filesystem), else one in the worker's local directory.
* **The client writes.** Workers return outcomes (item record and HTML page); the client hands
  each to ``deliver`` once, so the item files, tables, database and reports are written by
  the same code as with the local engine, and ``--resume`` works across engines.
* **Faults.** A worker that dies mid-chunk has the chunk rerun elsewhere by the scheduler;
  nothing was written for it, so nothing is lost or written twice. A chunk that keeps killing
  workers (Dask's ``KilledWorker``) is split and its items retried one by one; an item that
  still kills a worker is recorded as failed. A worker that cannot read a path records the
  item as failed, naming the worker. Ctrl-C cancels what is in flight.

Workers must run the same checker code as the client: a worker whose code fingerprint
differs stops the run with an error rather than mixing findings of two versions.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import signal
import socket
import sys
import threading
import time
from collections import deque
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Callable, Iterator, Optional

from checker.batch.engine import _Outcome, _Runner
from checker.batch.engines import _Work, chunk_size, lost_items
from checker.batch.items import Failure
from checker.errors import EngineError, ModelError

# Chunks submitted per worker thread: one running, one waiting, so no worker idles between
# two chunks while the client stays bounded.
IN_FLIGHT = 2
# Seconds to wait for a scheduler to answer, and for a first worker to join it.
CONNECT_TIMEOUT = 10
WORKER_TIMEOUT = 120
# Seconds between two looks at how many worker threads the cluster has (it may grow).
RESIZE_EVERY = 5.0
_SHARED_FS_HINT = ("every Dask worker must be able to read the manifest's paths: put the files "
                   "on a shared filesystem mounted at the same path on every worker, or give "
                   "the texts inline in the manifest (derived_text, source_text)")


def run_on_dask(client, todo: list, work: _Work,
                deliver: Callable[[_Outcome], None]) -> list[Failure]:
    """Check ``todo`` on the cluster of ``client``; returns failures of items no worker could
    finish."""
    if not todo:
        return []
    cache = Path(os.path.abspath(work.cache_dir)) if work.cache_dir else None
    work = replace(work, cache_dir=cache, cwd=os.getcwd())
    return _Feeder(_import_distributed(), client, todo, work, deliver).run()


def _import_distributed():
    try:
        import distributed
    except ImportError as exc:
        raise EngineError("the dask engine needs Dask: install it with "
                          "`pip install 'checker[dask]'` (or `pip install 'dask[distributed]'`)"
                          ) from exc
    return distributed


@contextmanager
def dask_client(scheduler: Optional[str], workers: Optional[int]) -> Iterator:
    """A Dask client of the scheduler at ``scheduler``, or of a local cluster of ``workers``
    processes (one per CPU by default) that is stopped on leaving; waits for a worker."""
    distributed = _import_distributed()
    cluster = None
    if scheduler:
        try:
            client = distributed.Client(scheduler, timeout=CONNECT_TIMEOUT,
                                        set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise EngineError(f"cannot reach the Dask scheduler at {scheduler}: {exc} (start "
                              f"one with `dask scheduler`, then workers with `dask worker "
                              f"{scheduler}`)") from exc
    else:
        # The workers ignore Ctrl-C (``dask_setup`` below): it reaches the whole process
        # group, and the client alone decides how to stop.
        cluster = distributed.LocalCluster(
            n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
            dashboard_address=None, preload=[__name__], silence_logs=logging.ERROR)
        client = distributed.Client(cluster, set_as_default=False)
    try:
        try:
            client.wait_for_workers(1, timeout=WORKER_TIMEOUT)
        except TimeoutError as exc:
            raise EngineError(f"no Dask worker joined the scheduler at {scheduler} within "
                              f"{WORKER_TIMEOUT} s: start some with `dask worker {scheduler} "
                              f"--nthreads 1`") from exc
        _warn_threads(client)
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _warn_threads(client) -> None:
    if any(n > 1 for n in client.nthreads().values()):
        print("checker: note: some Dask workers have several threads; each worker process "
              "checks one chunk at a time (spaCy parsing holds the interpreter), so start "
              "workers with `--nthreads 1 --nworkers N` to use N cores", file=sys.stderr)


class _Feeder:
    """Submits chunks with back-pressure and hands each outcome to ``deliver`` once."""

    def __init__(self, distributed, client, todo: list, work: _Work, deliver) -> None:
        self.distributed = distributed
        self.client = client
        self.work = work
        self.deliver = deliver
        self.slots = _threads(client)
        self.resized = time.monotonic()
        size = chunk_size(len(todo), self.slots)
        # (chunk, split): a split chunk is one item of a chunk that kept killing workers.
        self.waiting: deque = deque((todo[i:i + size], False)
                                    for i in range(0, len(todo), size))
        self.running: dict[str, tuple] = {}  # future key -> (future, chunk, split)
        self.delivered: set[str] = set()
        self.lost: list[Failure] = []
        self.token = os.urandom(4).hex()
        self.submitted = 0

    def run(self) -> list[Failure]:
        pending = self.distributed.as_completed(loop=self.client.loop)
        try:
            self._top_up(pending)
            for future in pending:
                _, chunk, split = self.running.pop(future.key)
                self._collect(future, chunk, split)
                future.release()
                self._top_up(pending)
        finally:
            if self.running:  # Ctrl-C or an error: nothing more is to be checked
                self.client.cancel([f for f, _, _ in self.running.values()], force=True)
                self.running.clear()
        for chunk, _ in self.waiting:  # none, unless the cluster lost every worker thread
            self.lost += lost_items(chunk, "the Dask cluster had no worker left to check it")
        return self.lost

    def _top_up(self, pending) -> None:
        if time.monotonic() - self.resized > RESIZE_EVERY:
            self.slots = _threads(self.client) or self.slots
            self.resized = time.monotonic()
        while self.waiting and len(self.running) < IN_FLIGHT * self.slots:
            chunk, split = self.waiting.popleft()
            self.submitted += 1
            future = self.client.submit(_check_chunk, chunk, self.work, pure=False,
                                        key=f"checker-{self.token}-{self.submitted}")
            self.running[future.key] = (future, chunk, split)
            pending.add(future)

    def _collect(self, future, chunk: list, split: bool) -> None:
        try:
            status, payload = future.result()
        except self.distributed.KilledWorker as exc:
            if not split and len(chunk) > 1:
                # One item may be what kills the workers: retry each alone, so only it fails.
                self.waiting.extendleft((([pair], True) for pair in reversed(chunk)))
                return
            last = getattr(getattr(exc, "last_worker", None), "address", "unknown")
            self.lost += lost_items(chunk, f"every Dask worker that checked it died (the last: "
                                    f"{last}); the text may crash the checker: try it alone "
                                    f"with `checker check`", self.delivered)
            return
        except Exception as exc:  # noqa: BLE001 - one chunk's trouble must not stop the run
            self.lost += lost_items(chunk, f"internal error on the Dask cluster: "
                                    f"{type(exc).__name__}: {exc}", self.delivered)
            return
        if status == "fatal":
            raise EngineError(payload)
        for outcome in payload:
            if outcome.item_id in self.delivered:
                continue  # a rerun chunk: the first copy was written
            self.delivered.add(outcome.item_id)
            self.deliver(outcome)


def _threads(client) -> int:
    return sum(client.nthreads().values())


# --------------------------------------------------------------------------- on the worker


def dask_setup(worker) -> None:
    """Preload hook of the local cluster's workers: leave Ctrl-C to the client."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


_LOCK = threading.Lock()
_RUNNERS: dict[tuple[str, bool], _Runner] = {}


def _check_chunk(chunk: list, work: _Work) -> tuple[str, object]:
    """Check a chunk on a Dask worker: ("ok", outcomes), or ("fatal", why the run must stop)."""
    if work.code and _code() != work.code:
        from checker import __version__

        return "fatal", (f"the Dask worker on {socket.gethostname()} runs other checker code "
                         f"(checker {__version__} at {Path(__file__).parents[1]}) than the "
                         f"client: install the same checker on every worker")
    # One chunk at a time per process: the pipeline and its caches are not thread-safe.
    with _LOCK, _client_cwd(work.cwd):
        try:
            runner = _runner(work)
        except ModelError as exc:
            return "fatal", f"on the Dask worker on {socket.gethostname()}: {exc}"
        runner.pipe.parser.cache_dir = _cache_dir(work.cache_dir)
        return "ok", [_explain(o) for o in runner.run(chunk)]


@contextmanager
def _client_cwd(cwd: str) -> Iterator[None]:
    # Input paths relative to the client's working directory (a manifest given as a relative
    # path) resolve as on the client where that folder exists here too (a shared
    # filesystem); the item records, messages and reports then name the paths as the local
    # engine does. Dask's own files live under absolute paths.
    if not cwd or not os.path.isdir(cwd) or cwd == os.getcwd():
        yield
        return
    before = os.getcwd()
    os.chdir(cwd)
    try:
        yield
    finally:
        os.chdir(before)


def _runner(work: _Work) -> _Runner:
    key = (json.dumps(work.config.to_dict(), sort_keys=True, default=str), work.html)
    runner = _RUNNERS.get(key)
    if runner is None:
        _RUNNERS.clear()  # another configuration: the old pipeline's memory goes
        runner = _RUNNERS[key] = _Runner(work.config, None, work.html)
    return runner


@functools.lru_cache(maxsize=1)
def _code() -> str:
    from checker.batch.resume import _code_fingerprint

    return _code_fingerprint()


def _cache_dir(wanted: Optional[Path]) -> Path:
    # The run's cache when this machine can write the run's folder (a shared filesystem);
    # otherwise this worker's own, which still spares re-parsing across its chunks and runs.
    if wanted is not None and wanted.parent.is_dir() and os.access(wanted.parent, os.W_OK):
        return wanted
    try:
        from distributed import get_worker

        return Path(get_worker().local_directory) / "checker-parse-cache"
    except (ImportError, ValueError):  # not on a worker (a test calling this directly)
        import tempfile

        return Path(tempfile.gettempdir()) / "checker-parse-cache"


def _explain(outcome: _Outcome) -> _Outcome:
    # A path the client could read but this worker cannot: say where, and what to do.
    failure = outcome.record.get("failure")
    if not failure or failure.get("cause") not in ("missing", "unreadable"):
        return outcome
    message = (f"{failure['message']} (on the Dask worker on {socket.gethostname()}; "
               f"{_SHARED_FS_HINT})")
    record = {**outcome.record, "failure": {**failure, "message": message}}
    return _Outcome(outcome.item_id, outcome.ok, outcome.findings, record, outcome.page)
