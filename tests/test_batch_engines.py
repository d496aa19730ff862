"""The local engine's worker processes under every start method, and the engine options of
``checker batch``."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from checker.batch import run_batch
from checker.cli import cli

STORY = Path(__file__).resolve().parents[1] / "corpora" / "harbor-crane-lawsuit"


def rows(out: Path) -> list[dict]:
    found = [json.loads(line) for line in (out / "findings.jsonl").read_text().splitlines()]
    for r in found:
        r.pop("run_id")
    return found


def test_forkserver_workers_check_every_item(tmp_path, monkeypatch):
    # A forkserver worker's parent is the fork server, not the batch: it used to take that for
    # a dead batch and quit after its first item.
    serial = run_batch(STORY, out_dir=tmp_path / "one", progress=False, html=False)
    monkeypatch.setenv("CHECKER_START_METHOD", "forkserver")
    forked = run_batch(STORY, out_dir=tmp_path / "two", jobs=2, progress=False, html=False)
    assert forked.failures == () and forked.done == serial.done == 3
    assert rows(tmp_path / "two") == rows(tmp_path / "one")


def test_engine_options_are_checked_before_anything_runs(tmp_path):
    runner = CliRunner()
    out = tmp_path / "out"
    for args, words in ((["--engine", "dask", "--jobs", "2"], "--jobs is for the local"),
                        (["--scheduler", "tcp://h:8786"], "--engine dask"),
                        (["--workers", "2"], "--engine dask"),
                        (["--engine", "dask", "--workers", "2", "--scheduler", "tcp://h:1"],
                         "not both")):
        result = runner.invoke(cli, ["batch", str(STORY), "--out", str(out), *args])
        assert result.exit_code == 2, (args, result.output)
        assert words in result.output, (args, result.output)
    assert not out.exists()
    assert "--engine [local|dask]" in runner.invoke(cli, ["batch", "--help"]).output
