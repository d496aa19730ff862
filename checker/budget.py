"""A time budget for one check: past it, the check stops with an ``InputError`` "too-slow".

A pathological text (tens of thousands of closing brackets, say) can keep spaCy busy for
minutes; in a batch it would stall a worker for good. ``time_budget`` arms a real-time
interval timer (``SIGALRM``) around a block of work; when it fires, the handler raises
``TooSlow`` where the work is, which ``time_budget`` turns into an ``InputError`` naming the
input, so ``check`` exits with the input-error code and a batch records a "too-slow" failure
and goes on. Timers exist only in the main thread of a Unix process; elsewhere the block
runs without a limit.
"""

from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager
from typing import Iterator, Optional

from checker.errors import InputError, TooSlow

CAUSE = "too-slow"


def _usable() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


class _Armed:
    """Whether a budget is running: a late signal after the block ended raises nothing."""

    on = False


# After the budget runs out the timer keeps firing at this interval until the block has
# stopped: compiled code that swallows an exception raised in it cannot keep running.
_REPEAT = 0.5


def _on_alarm(signum, frame) -> None:  # noqa: ARG001 - the signal handler's signature
    if _Armed.on:
        raise TooSlow()


@contextmanager
def time_budget(seconds: float, *, name: str, what: str = "checking it",
                stated: Optional[float] = None) -> Iterator[None]:
    """Run the block within ``seconds`` (0 or less: no limit), else raise ``InputError``;
    ``stated`` is the budget the message names when ``seconds`` is what is left of it."""
    if seconds is None or seconds <= 0 or not _usable() or _Armed.on:
        # No limit, no timer here, or a budget already running around this block.
        yield
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    started = time.monotonic()
    outer, outer_interval = 0.0, 0.0
    try:
        try:
            # Armed inside the try: a budget so short that the timer fires before the
            # block starts still ends as the input's error, not as a bare TooSlow.
            _Armed.on = True
            outer, outer_interval = signal.setitimer(signal.ITIMER_REAL, seconds, _REPEAT)
            yield
        finally:
            _disarm()
    except TooSlow:
        _disarm()
        raise too_slow(name, stated or seconds, what) from None
    finally:
        _disarm()
        signal.signal(signal.SIGALRM, previous)
        if outer > 0:
            left = max(outer - (time.monotonic() - started), 0.001)
            signal.setitimer(signal.ITIMER_REAL, left, outer_interval)


def _disarm() -> None:
    """Stop the timer; a signal already on its way raises nothing."""
    _Armed.on = False
    signal.setitimer(signal.ITIMER_REAL, 0)


def too_slow(name: str, seconds: float, what: str = "checking it") -> InputError:
    """The error of an input whose check ran past its budget."""
    return InputError(f"{name}: too slow: {what} took more than the time budget of "
                      f"{seconds:g} s (time_budget, --time-budget); the text may hold long runs "
                      f"of symbols that make the parser slow", path=name, cause=CAUSE)
