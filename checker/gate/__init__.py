"""The pre-publication gate around a check: suppression comments in the draft, baselines of
accepted findings, and the notices an editor must see (a suppression without a reason, one
naming no rule, one that suppressed nothing).

A suppressed finding is never dropped: it moves to ``Gate.suppressed`` with who suppressed it
and why, and every report lists it. Only ``Gate.active`` findings decide the exit code.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from checker.records import CheckResult, Finding


@dataclass(frozen=True)
class Notice:
    """Something wrong with a suppression comment, at its place in the draft."""

    kind: str  # suppression-without-reason | suppression-unknown-rule | suppression-unused | ...
    message: str
    line: int
    column: int
    text: str


@dataclass(frozen=True)
class Suppressed:
    """A finding that does not count, and why: a comment in the draft or a baseline file."""

    finding: Finding
    by: str  # comment | baseline
    reason: str
    line: int = 0  # of the comment; 0 for a baseline
    source: str = ""  # the comment's text, or the baseline file's path


@dataclass(frozen=True)
class Gate:
    """Findings split into those that count and those suppressed, with notices."""

    active: tuple[Finding, ...]
    suppressed: tuple[Suppressed, ...] = ()
    notices: tuple[Notice, ...] = ()
    fingerprints: Optional[dict] = None  # finding id -> fingerprint


def run_gate(result: CheckResult, *, baseline=None, baseline_path: str = "") -> Gate:
    """Apply the draft's suppression comments, then ``baseline`` (a ``Baseline``), to the
    findings of ``result``."""
    from checker.gate.baseline import fingerprints
    from checker.gate.suppress import apply_comments

    prints = fingerprints(result)
    active, suppressed, notices = apply_comments(result.derived, result.findings)
    if baseline is not None:
        active, known = baseline.split(active, prints)
        suppressed += tuple(Suppressed(f, "baseline", "accepted in the baseline", 0,
                                       baseline_path) for f in known)
    return Gate(active=tuple(active), suppressed=tuple(suppressed), notices=tuple(notices),
                fingerprints=prints)
