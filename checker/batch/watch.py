"""Watching the worker processes: what each is doing, stopping one far past its time budget,
and sharing out the work of one that died.

Workers report each piece of work before they start it (a ``phase``: its time budget and the
item, or "" for a chunk's shared parse). ``_Watch`` keeps the latest per worker. When a
worker overruns its budget by ``OVERRUN_GRACE`` (compiled code the budget's timer cannot
reach), the parent stops it. When a worker dies, stopped or not, the item it was working on
becomes a failure and the rest of its chunk goes back to the queue; when it died in a shared
parse, each remaining item goes back alone, so that the next death names its item. Every
death removes an item or splits a chunk, so this ends.
"""

from __future__ import annotations

import time
from typing import Optional

from checker.batch.items import Failure

# How long past its own time budget a worker may stay silent before it is stopped: the
# budget's timer stops a check in the worker; this only catches compiled code it cannot reach.
OVERRUN_GRACE = 30.0


class _Watch:
    """The latest phase of each worker, and the workers stopped for overrunning one."""

    def __init__(self) -> None:
        self.grace = OVERRUN_GRACE
        # pid -> (deadline or None, seconds, item id or "")
        self.doing: dict[int, tuple[Optional[float], float, str]] = {}
        self.stopped: set[int] = set()

    def begin(self, pid: int, seconds: float, item: str) -> None:
        deadline = time.monotonic() + seconds + self.grace if seconds > 0 else None
        self.doing[pid] = (deadline, seconds, item)

    def between(self, pid: int) -> None:
        """A chunk started or ended: the worker is between pieces of work."""
        self.doing.pop(pid, None)

    def stop_late(self, pool) -> None:
        now = time.monotonic()
        for pid, (deadline, _, _) in list(self.doing.items()):
            if deadline is not None and now > deadline and pool.kill(pid):
                self.stopped.add(pid)

    def after_death(self, pid: int, chunk: list, reported: set[str],
                    code: int) -> tuple[list[Failure], list[list]]:
        """(failures, chunks to queue again) for the unreported items of a dead worker."""
        stopped = pid in self.stopped
        self.stopped.discard(pid)
        _, seconds, current = self.doing.pop(pid, (None, 0.0, ""))
        left = [pair for pair in chunk if pair[0].id not in reported]
        if not current and len(left) == 1:
            current = left[0][0].id
        failures = [_failure(item, stopped, seconds, code, self.grace)
                    for item, _ in left if item.id == current]
        rest = [pair for pair in left if pair[0].id != current]
        if not rest:
            return failures, []
        # In a shared parse nobody knows which text was at fault: each goes back alone.
        return failures, [rest] if current else [[pair] for pair in rest]


def _failure(item, stopped: bool, seconds: float, code: int, grace: float) -> Failure:
    if stopped:
        return Failure(item.id, item.derived.path or "", "too-slow",
                       f"{item.id}: too slow: the worker checking it ran {grace:g} s past the "
                       f"time budget of {seconds:g} s and was stopped", story=item.story)
    return Failure(item.id, item.derived.path or "", "internal",
                   f"{item.id}: the worker process checking it died (exit code {code})",
                   story=item.story)
