"""The run (``run_batch``): collect the items, check what is not done, rebuild every table.

Items go to an engine (``checker.batch.engines``: this process, local worker processes or a
Dask cluster), which hands every finished item back to this process; ``_Progress`` writes it
(``write_outcome``) and drives the progress bar on stderr. At the end ``_finish`` rebuilds all
tables from the item files, appends the run to ``checker.sqlite`` and works out the exit code,
also after Ctrl-C, so the tables always describe every item that is done.
"""

from __future__ import annotations

import json
import os
import secrets
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional

from checker import __version__
from checker.batch.collect import collect_items
from checker.batch.engine import _Outcome, _read_item, failed_outcome, write_outcome
from checker.batch.engines import Engine, _Work
from checker.batch.engines import started as start_engine
from checker.batch.items import BatchItem, Failure
from checker.batch.outputs import (
    _document_rows,
    _finding_rows,
    _index_row,
    _stem,
    _store_finding,
    _write_index,
    _write_tables,
)
from checker.batch.resume import (
    _clean_tmp,
    _code_fingerprint,
    _finished,
    _item_fingerprint,
    _prepare,
)
from checker.batch.summary import BatchSummary, _exit_code, _group_table, _item_row
from checker.config import Config
from checker.errors import CheckerError, ConfigError
from checker.records import KINDS

FAIL_ON = ("error", "warning", "info", "never")
# Test hook: the parent raises KeyboardInterrupt after this many items, as a Ctrl-C would.
INTERRUPT_ENV = "CHECKER_BATCH_INTERRUPT_AFTER"


def run_batch(path: str | os.PathLike, *, out_dir: Optional[str | os.PathLike] = None,
              jobs: int = 1, resume: bool = False, config: Optional[Config] = None,
              fail_on: str = "error", progress: bool = True, html: bool = True,
              cache_dir: Optional[str | os.PathLike] = None,
              compare: bool = True, engine: str = "local", scheduler: Optional[str] = None,
              workers: Optional[int] = None) -> BatchSummary:
    """Check every item of a corpus folder or manifest and write the tables to ``out_dir``;
    with ``compare``, also the claim matrix of every story with several articles
    (``checker.compare.stories``).

    ``engine="local"`` checks in ``jobs`` processes of this machine; ``engine="dask"`` on a
    Dask cluster: the scheduler at ``scheduler``, or a local cluster of ``workers`` processes
    started and stopped for the run (one per CPU when neither is given).
    """
    if fail_on not in FAIL_ON:
        raise ConfigError(f"fail_on must be one of {', '.join(FAIL_ON)}, got {fail_on!r}")
    if jobs < 0:
        raise ConfigError(f"jobs must be 0 (one per CPU) or more, got {jobs}")
    where = Engine(engine, jobs if engine == "dask" else jobs or os.cpu_count() or 1,
                   scheduler, workers)
    config = config or Config()
    started = _now()
    run_id = f"{started.replace(':', '').replace('-', '')[:15]}-{secrets.token_hex(3)}"
    items, failures = collect_items(path, config=config)
    out = Path(out_dir) if out_dir else Path("reports") / "batch" / _stem(Path(path))
    cache = Path(cache_dir) if cache_dir else out / ".parse-cache"
    code = _code_fingerprint()
    base = f"{code}\0{json.dumps(config.to_dict(), sort_keys=True, default=str)}"
    fingerprints = {item.id: _item_fingerprint(item, base) for item in items}
    done_before = _finished(out, items, fingerprints) if resume else set()
    todo = [(item, fingerprints[item.id]) for item in items if item.id not in done_before]

    # The engine starts (a cluster reached or started) before the output folder is touched:
    # an engine that cannot start leaves an earlier run's files as they were.
    with start_engine(where, needed=bool(todo)) as run_items:
        _prepare(out, html=html, resume=resume)
        counter = _Progress(out, len(items), len(done_before), progress)
        interrupted = False
        lost: list[Failure] = []
        matrices: list = []
        try:
            lost = run_items(todo, _Work(config, cache, html, code), counter)
            counter.close()
            if compare:
                from checker.compare.stories import write_story_matrices

                matrices, unmatched = write_story_matrices(items, out, config=config,
                                                           cache_dir=cache, html=html)
                lost = lost + unmatched
        except KeyboardInterrupt:
            interrupted = True
        finally:
            counter.close()
            _clean_tmp(out)
    return _finish(path, out, run_id, started, config, items,
                   failures + lost + counter.unrecorded,
                   skipped=len(done_before), done=counter.done, interrupted=interrupted,
                   fail_on=fail_on, html=html, extra_paths=matrices)


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class _Progress:
    """Writes each finished item, counts it and drives the tqdm bar on stderr."""

    def __init__(self, out: Path, total: int, skipped: int, show: bool) -> None:
        from tqdm import tqdm

        self.out = out
        self.done = 0
        self.failed = 0
        self.findings = 0
        self.unrecorded: list[Failure] = []  # failed items whose item file was not written
        self._stop_after = int(os.environ.get(INTERRUPT_ENV) or 0)
        self.bar = tqdm(total=total, initial=skipped, unit="text", desc="checking",
                        file=sys.stderr, disable=not show, dynamic_ncols=True, smoothing=0.1)

    def __call__(self, outcome: _Outcome) -> None:
        outcome = self._write(outcome)
        self.done += 1
        self.failed += not outcome.ok
        self.findings += outcome.findings
        self.bar.set_postfix(findings=self.findings, failed=self.failed, refresh=False)
        self.bar.update(1)
        if self._stop_after and self.done >= self._stop_after:
            raise KeyboardInterrupt

    def _write(self, outcome: _Outcome) -> _Outcome:
        # One item whose files cannot be written (a full disk, a name the file system
        # refuses) is a failure of that item, not the end of the run.
        try:
            write_outcome(self.out, outcome)
            return outcome
        except CheckerError as exc:
            failed = failed_outcome(outcome, "output", f"checked, but its result could not "
                                                       f"be written: {exc}")
        try:
            write_outcome(self.out, failed)
        except CheckerError as exc:
            self.unrecorded.append(Failure(**{**failed.record["failure"], "message": (
                f"{failed.record['failure']['message']} (nor its failure: {exc})")}))
        return failed

    def close(self) -> None:
        self.bar.close()


def _finish(path, out: Path, run_id: str, started: str, config: Config,
            items: list[BatchItem], failures: list[Failure], *, skipped: int, done: int,
            interrupted: bool, fail_on: str, html: bool,
            extra_paths: list = ()) -> BatchSummary:
    import pandas as pd

    from checker import store

    findings: list[dict] = []
    documents: list[dict] = []
    per_item: list[dict] = []
    index_rows: list[dict] = []
    failures = list(failures)
    failed = {f.item for f in failures}
    for item in items:
        record = _read_item(out, item.id)
        if record is None:
            if not interrupted and item.id not in failed:
                failures.append(_unaccounted(item))
            continue  # not reached before an interruption
        if record["status"] != "ok":
            failure = Failure(**record["failure"])
            failures.append(failure)
            per_item.append(_item_row(item, None))
            index_rows.append(_index_row(item, None, failure=failure))
            continue
        result = record["result"] or {}
        rows = _finding_rows(run_id, item, result)
        findings.extend(rows)
        documents.extend(_document_rows(run_id, item, result))
        per_item.append(_item_row(item, result))
        html_name = record.get("html") or ""
        if html_name and not (out / html_name).is_file():
            html_name = ""  # the earlier run that checked the item wrote no HTML
        index_rows.append(_index_row(item, result, html_name))
    listed = {r["item"] for r in per_item}
    for failure in failures:
        if failure.item not in listed:
            listed.add(failure.item)
            per_item.append({"item": failure.item, "story": failure.story,
                             "outlet": "", "ok": False, "score": None, "findings": 0,
                             **{k: 0 for k in KINDS}})

    items_df = pd.DataFrame(per_item, columns=["item", "story", "outlet", "ok", "score",
                                               "findings", *KINDS])
    items_df["ok"] = items_df["ok"].astype(bool)
    stories = _group_table(items_df, "story")
    outlets = _group_table(items_df, "outlet")
    written = _write_tables(out, findings, failures, stories, outlets)

    finished = _now()
    status = "interrupted" if interrupted else "complete"
    db = out / "checker.sqlite"
    store.append_run(db, {
        "run_id": run_id, "started": started, "finished": finished,
        "checker_version": __version__, "model": config.model,
        "config_json": json.dumps(config.to_dict(), sort_keys=True, default=str),
        "input_path": str(Path(path).resolve()), "items": len(items) + _collect_only(failures,
                                                                                        items),
        "failures": len(failures), "status": status,
    }, documents=documents, findings=[_store_finding(r) for r in findings],
        failures=[{"run_id": run_id, "item_id": f.item, "path": f.path, "cause": f.cause,
                   "message": f.message} for f in failures])
    written.append(("database", db))
    written.extend(extra_paths)
    if html:
        index = _write_index(out, index_rows, failures, path, run_id)
        if index is not None:
            written.append(("html index", index))
            written.append(("html reports", out / "html"))

    exit_code = _exit_code(findings, failures, interrupted=interrupted, fail_on=fail_on)
    return BatchSummary(run_id=run_id, out_dir=out, items=len(items) + _collect_only(failures,
                                                                                       items),
                        done=done, skipped_resumed=skipped, failures=tuple(failures),
                        findings=len(findings), exit_code=exit_code, stories=stories,
                        outlets=outlets, paths=tuple(written), interrupted=interrupted,
                        fail_on=fail_on)


def _unaccounted(item: BatchItem) -> Failure:
    # Every item of a finished run is in the tables: one whose result went missing (its item
    # file deleted or unreadable) is listed as a failure, never silently dropped.
    return Failure(item.id, item.derived.path or "", "internal",
                   f"{item.id}: no result was recorded for this item (its item file is "
                   f"missing or unreadable); run again to check it", story=item.story)


def _collect_only(failures: list[Failure], items: list[BatchItem]) -> int:
    # Items that never became BatchItems (bad rows, missing files) still count as items.
    ids = {i.id for i in items}
    return len({f.item for f in failures if f.item not in ids})
