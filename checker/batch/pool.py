"""The local engine's worker processes: chunks of items checked in parallel, a dead worker replaced.

``_run_parallel`` feeds chunks to ``jobs`` processes through a task queue and reads their
outcomes from a result queue, handing each to ``on_outcome`` in this (the client) process,
which writes it; ``_worker_main`` is the process entry point. It stays a top-level function
of this module so that the spawn and forkserver start methods can import it. When a worker
dies (or is stopped for overrunning its time budget), ``_Watch`` names the item it was
checking as a ``Failure`` and its other items go back to the queue; the end-of-queue markers
are queued only when every chunk is done.
"""

from __future__ import annotations

import os
import queue
import signal
import sys
import time
from pathlib import Path
from typing import Optional

from checker.batch.engine import _Runner
from checker.batch.engines import lost_items
from checker.batch.items import Failure
from checker.batch.watch import _Watch
from checker.config import Config
from checker.errors import ModelError


def _worker_main(tasks, results, config: Config, cache_dir: Optional[Path], html: bool) -> None:
    # Ctrl-C goes to the whole process group; the parent alone decides how to stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The parent process as this worker first sees it: the batch itself (fork, spawn) or the
    # forkserver. Either way it changes only when that process dies and the worker is
    # re-parented; comparing with the batch's pid quit after one item under forkserver.
    parent = os.getppid()
    pid = os.getpid()
    try:
        runner = _Runner(config, cache_dir, html,
                         on_phase=lambda seconds, item: results.put(("phase", pid, seconds, item)))
    except ModelError as exc:
        results.put(("fatal", str(exc)))
        return
    while True:
        task = tasks.get()
        if task is None:
            break
        index, chunk = task
        results.put(("start", index, os.getpid()))
        for outcome in runner.run(chunk):
            results.put(("item", outcome))
            if os.getppid() != parent:
                return  # the parent was killed: nobody will read the tables, stop working
        results.put(("done", index, os.getpid()))


def _run_parallel(chunks: list, jobs: int, config: Config, cache_dir: Optional[Path],
                  html: bool, on_outcome) -> list[Failure]:
    """Run chunks in ``jobs`` spawned processes; returns failures of items lost with a worker."""
    import multiprocessing

    ctx = multiprocessing.get_context(_start_method())
    pool = _Pool(ctx, jobs, (config, cache_dir, html))
    chunks = list(chunks)  # a dead worker's unfinished items come back as new chunks
    for task in enumerate(chunks):
        pool.tasks.put(task)
    running: dict[int, int] = {}  # worker pid -> chunk index
    watch = _Watch()
    reported: set[str] = set()
    finished: set[int] = set()
    lost: list[Failure] = []
    watched = 0.0
    try:
        pool.start()
        while len(finished) < len(chunks):
            try:
                msg = pool.results.get(timeout=0.5)
            except queue.Empty:
                msg = None
            if msg is None or time.monotonic() - watched > 0.5:
                # Look at the workers even while others keep the queue busy.
                watched = time.monotonic()
                watch.stop_late(pool)
                for pid, code in pool.reap(spare=watch.stopped):
                    index = running.pop(pid, None)
                    if index is None:
                        continue
                    finished.add(index)
                    failed, again = watch.after_death(pid, chunks[index], reported, code)
                    lost += failed
                    for chunk in again:
                        chunks.append(chunk)
                        pool.tasks.put((len(chunks) - 1, chunk))
            if msg is None:
                if not pool.alive():
                    break  # the queue is drained and no worker is left
                continue
            if msg[0] == "fatal":
                raise ModelError(msg[1])
            if msg[0] == "phase":
                watch.begin(msg[1], msg[2], msg[3])
                continue
            if msg[0] == "start":
                watch.between(msg[2])
                running[msg[2]] = msg[1]
            elif msg[0] == "done":
                watch.between(msg[2])
                finished.add(msg[1])
                running.pop(msg[2], None)
            else:
                reported.add(msg[1].item_id)
                on_outcome(msg[1])
        why = "no worker process was left to check it"
        if _start_method() != "fork":
            why += (" (with the spawn start method, call run_batch under "
                    "`if __name__ == \"__main__\":`)")
        for index in sorted(set(range(len(chunks))) - finished):
            lost += lost_items(chunks[index], why, reported)
    finally:
        pool.stop(graceful=len(finished) == len(chunks))
    return lost


def _start_method() -> str:
    # fork on Linux: spawn re-imports the caller's main module in every worker, which breaks
    # any script that calls run_batch without an ``if __name__ == "__main__"`` guard. The
    # parent holds no spaCy model and no lock a worker uses, so forking it is safe; elsewhere
    # fork is unsafe (macOS frameworks) or missing (Windows).
    return os.environ.get("CHECKER_START_METHOD") or (
        "fork" if sys.platform.startswith("linux") else "spawn")


class _Pool:
    """Worker processes fed from a task queue; dead workers are replaced a few times."""

    def __init__(self, ctx, jobs: int, args: tuple) -> None:
        self.ctx = ctx
        self.tasks = ctx.Queue()
        self.results = ctx.Queue()
        self.args = (self.tasks, self.results, *args)
        self.workers: list = []
        self.jobs = jobs
        # A worker that keeps dying (out of memory on every start) must not loop forever.
        self.restarts = 2 * jobs

    def _spawn(self):
        w = self.ctx.Process(target=_worker_main, args=self.args, daemon=True)
        w.start()
        return w

    def start(self) -> None:
        self.workers = [self._spawn() for _ in range(self.jobs)]

    def alive(self) -> bool:
        return any(w.is_alive() for w in self.workers)

    def kill(self, pid: int) -> bool:
        """Stop the worker ``pid`` at once; False when it is not running."""
        for w in self.workers:
            if w.pid == pid and w.is_alive():
                w.kill()
                return True
        return False

    def reap(self, spare=()) -> list[tuple[int, int]]:
        """(pid, exit code) of workers that died abnormally; they are replaced while allowed
        (always when their pid is in ``spare``: stopped on purpose, for an overrun)."""
        dead = []
        for i, w in enumerate(self.workers):
            if w.is_alive() or w.exitcode in (0, None) or w.pid is None:
                continue
            dead.append((w.pid, w.exitcode))
            if w.pid in spare:
                self.workers[i] = self._spawn()
            elif self.restarts > 0:
                self.restarts -= 1
                self.workers[i] = self._spawn()
            else:
                self.workers[i] = _Dead()
        return dead

    def stop(self, *, graceful: bool) -> None:
        """Let idle workers exit (``graceful``), then terminate whatever still runs."""
        # The end-of-queue markers go in only now: until the end, a dead worker's items
        # may come back to the queue.
        if graceful:
            for w in self.workers:
                if w.is_alive():
                    self.tasks.put(None)
        for w in self.workers:
            if graceful and w.is_alive():
                w.join(timeout=10)
        for w in self.workers:
            if w.is_alive():
                w.terminate()
        for w in self.workers:
            w.join(timeout=5)
        self.tasks.cancel_join_thread()
        self.results.cancel_join_thread()


class _Dead:
    """Stands in for a worker that was not replaced."""

    pid = None
    exitcode = 0

    def is_alive(self) -> bool:
        return False

    def join(self, timeout: Optional[float] = None) -> None:
        return None
