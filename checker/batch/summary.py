"""What a batch run did: ``BatchSummary``, the per-story and per-outlet tables, exit codes.

Exit codes: 0 every item checked and nothing at or above ``fail_on``; 1 drift at or above
``fail_on``; 3 some items failed (wins over 1); 130 interrupted by Ctrl-C.
``format_summary`` gives the plain-text account that ``checker batch`` prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from checker.batch.items import BatchItem, Failure
from checker.records import KINDS, SEVERITY_RANK

EXIT_OK, EXIT_DRIFT, EXIT_FAILURES, EXIT_INTERRUPTED = 0, 1, 3, 130


@dataclass(frozen=True)
class BatchSummary:
    """What a batch run did: counts, failures, exit code, the per-story table, files written."""

    run_id: str
    out_dir: Path
    items: int  # items found in the input (failed ones included)
    done: int  # items checked by this run
    skipped_resumed: int  # items skipped because an earlier run had done them
    failures: tuple[Failure, ...]
    findings: int
    exit_code: int  # 0 clean, 1 drift at/above fail_on, 3 some items failed, 130 interrupted
    stories: Any = field(default=None, compare=False, repr=False)  # pandas DataFrame
    outlets: Any = field(default=None, compare=False, repr=False)  # pandas DataFrame
    paths: tuple[tuple[str, Path], ...] = ()  # (what, path) of every file written
    interrupted: bool = False
    fail_on: str = "error"


def _group_table(per_item, key: str):
    import pandas as pd

    columns = [key, "texts", "failed", "findings", *KINDS, "mean_score"]
    if per_item.empty:
        return pd.DataFrame(columns=columns)
    grouped = per_item.groupby(key, sort=True, dropna=False)
    table = pd.DataFrame({
        "texts": grouped["ok"].sum().astype(int),
        "failed": grouped["ok"].apply(lambda ok: int((~ok).sum())),
        "findings": grouped["findings"].sum().astype(int),
    })
    for kind in KINDS:
        table[kind] = grouped[kind].sum().astype(int)
    table["mean_score"] = grouped["score"].mean().round(3)
    return table.reset_index()[columns]


def _item_row(item: BatchItem, result: Optional[dict]) -> dict:
    counts = {k: 0 for k in KINDS}
    for f in (result or {}).get("findings", ()):
        if f.get("kind") in counts:
            counts[f["kind"]] += 1
    return {"item": item.id, "story": item.story, "outlet": item.outlet,
            "ok": result is not None, "score": (result or {}).get("score"),
            "findings": sum(counts.values()) if result else 0, **counts}


def _exit_code(findings: list[dict], failures: list[Failure], *, interrupted: bool,
               fail_on: str) -> int:
    if interrupted:
        return EXIT_INTERRUPTED
    if failures:
        return EXIT_FAILURES
    if fail_on != "never":
        floor = SEVERITY_RANK[fail_on]
        if any(SEVERITY_RANK.get(r["severity"], 0) >= floor for r in findings):
            return EXIT_DRIFT
    return EXIT_OK


def format_summary(summary: BatchSummary) -> str:
    """A plain-text account of a batch run: counts, the per-story table, failures, files."""
    lines = [
        f"checker batch {summary.run_id}: {summary.items} item(s), {summary.done} checked now, "
        f"{summary.skipped_resumed} done before (resumed), {len(summary.failures)} failed, "
        f"{summary.findings} finding(s)"
    ]
    if summary.interrupted:
        lines.append("interrupted: the tables hold what was done; run again with --resume "
                     "to finish")
    stories = summary.stories
    if stories is not None and not stories.empty:
        # Twelve kind columns do not fit a terminal: name the most frequent ones instead.
        view = stories[["story", "texts", "failed", "findings", "mean_score"]].copy()
        view["top kinds"] = [_top_kinds(row) for _, row in stories.iterrows()]
        lines += ["", view.to_string(index=False)]
    if summary.failures:
        lines += ["", f"failures ({len(summary.failures)}):"]
        lines += [f"  [{f.cause}] {f.message}" for f in summary.failures[:20]]
        if len(summary.failures) > 20:
            lines.append(f"  ... and {len(summary.failures) - 20} more in failures.csv")
    lines += ["", f"written to {summary.out_dir}:"]
    lines += [f"  {what:<22} {p}" for what, p in summary.paths]
    lines.append(f"exit code {summary.exit_code} ({_exit_meaning(summary)})")
    return "\n".join(lines) + "\n"


def _top_kinds(row, n: int = 3) -> str:
    counts = sorted(((int(row[k]), k) for k in KINDS if int(row[k]) > 0), reverse=True)
    return ", ".join(f"{k} {c}" for c, k in counts[:n])


def _exit_meaning(summary: BatchSummary) -> str:
    return {
        EXIT_OK: f"no finding at or above {summary.fail_on}",
        EXIT_DRIFT: f"drift found at or above {summary.fail_on}",
        EXIT_FAILURES: "some items could not be checked",
        EXIT_INTERRUPTED: "interrupted",
    }.get(summary.exit_code, "")
