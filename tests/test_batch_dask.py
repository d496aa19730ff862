"""The dask engine on a local cluster of two worker processes: the same results as the local
engine, a worker killed mid-run, an interrupted client resumed, a worker that cannot read a
path; and the engines' usage errors."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from checker.batch import INTERRUPT_ENV, collect_items, run_batch, safe_id
from checker.config import Config
from checker.errors import ConfigError, EngineError

distributed = pytest.importorskip(
    "distributed", reason="Dask is not installed (pip install -e '.[dask]')")

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpora"
TOTAL = len(collect_items(CORPUS)[0])


def findings_without_run(out: Path) -> list[dict]:
    rows = [json.loads(line) for line in (out / "findings.jsonl").read_text().splitlines()]
    for r in rows:
        r.pop("run_id")
    return rows


def table_without_run(path: Path) -> list[list[str]]:
    import csv

    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    if rows and rows[0] and rows[0][0] == "run_id":
        rows = [r[1:] for r in rows]
    return rows


def item_records(out: Path) -> dict[str, dict]:
    records = {}
    for p in sorted((out / "items").glob("*.json")):
        record = json.loads(p.read_text(encoding="utf-8"))
        record["result"].pop("created", None)  # the time of the check
        records[p.name] = record
    return records


@pytest.fixture(scope="module")
def cluster():
    """A local Dask cluster of two single-threaded worker processes, for the whole module."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None,
                                  preload=["checker.batch.dask_engine"]) as local:
        with distributed.Client(local, set_as_default=False) as client:
            yield local.scheduler_address, client


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """The bundled corpus checked by the local engine (HTML reports included)."""
    out = tmp_path_factory.mktemp("local") / "out"
    summary = run_batch(CORPUS, out_dir=out, progress=False)
    assert summary.failures == () and summary.done == TOTAL and summary.findings > 0
    return out, summary


def test_dask_writes_what_the_local_engine_writes(cluster, reference, tmp_path):
    address, _ = cluster
    local, expected = reference
    out = tmp_path / "dask"
    summary = run_batch(CORPUS, out_dir=out, progress=False, engine="dask", scheduler=address)
    assert (summary.done, summary.findings, summary.failures, summary.exit_code) == \
        (expected.done, expected.findings, (), expected.exit_code)
    assert findings_without_run(out) == findings_without_run(local)
    for name in ("findings.csv", "summary-stories.csv", "summary-outlets.csv", "failures.csv"):
        assert table_without_run(out / name) == table_without_run(local / name), name
    assert item_records(out) == item_records(local)
    assert sorted(p.name for p in (out / "html").glob("*.html")) == \
        sorted(p.name for p in (local / "html").glob("*.html"))
    matrices = sorted(p.name for p in (local / "compare").glob("*.csv"))
    assert [(out / "compare" / n).read_text() for n in matrices] == \
        [(local / "compare" / n).read_text() for n in matrices]
    assert (out / "index.html").is_file()
    with sqlite3.connect(out / "checker.sqlite") as db:
        assert db.execute("SELECT COUNT(*) FROM findings").fetchone()[0] == expected.findings
        assert db.execute("SELECT status FROM runs").fetchall() == [("complete",)]
    assert not [p for p in out.rglob("*.tmp") if ".parse-cache" not in p.parts]


def _slow_checks(seconds: float) -> None:
    # Runs on each worker: slow every item down so that a test can act in the middle of a run.
    from checker.batch.engine import _Runner

    original = getattr(_Runner, "_fast_check", _Runner._check)

    def slow(self, *args):
        time.sleep(seconds)
        return original(self, *args)

    _Runner._fast_check = original
    _Runner._check = slow if seconds else original


def test_a_worker_killed_mid_run_loses_nothing(cluster, reference, tmp_path):
    address, client = cluster
    local, expected = reference
    client.run(_slow_checks, 0.25)
    out = tmp_path / "killed"
    killed: list[str] = []

    def kill_a_busy_worker() -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not list((out / "items").glob("*.json")):
            time.sleep(0.02)
        busy = client.run(lambda dask_worker: len(dask_worker.state.executing))
        pids = client.run(os.getpid)
        victim = max(busy, key=lambda addr: busy[addr])
        if busy[victim]:
            os.kill(pids[victim], signal.SIGKILL)
            killed.append(victim)

    killer = threading.Thread(target=kill_a_busy_worker)
    killer.start()
    try:
        summary = run_batch(CORPUS, out_dir=out, progress=False, html=False, engine="dask",
                            scheduler=address, compare=False)
    finally:
        killer.join()
        client.run(_slow_checks, 0)
    assert killed, "no worker was busy when the first item was written"
    assert summary.failures == ()
    assert summary.done == expected.done  # every item written once, none twice
    assert findings_without_run(out) == findings_without_run(local)
    client.wait_for_workers(2, timeout=60)  # the nanny restarted the killed worker


def _pipelines() -> list[int]:
    # Runs on each worker: the identities of the pipelines its process holds.
    from checker.batch import dask_engine

    return [id(r.pipe) for r in dask_engine._RUNNERS.values()]


def test_interrupted_client_resumes_on_either_engine(cluster, reference, tmp_path,
                                                     monkeypatch):
    address, client = cluster
    local, expected = reference
    out = tmp_path / "resumed"
    monkeypatch.setenv(INTERRUPT_ENV, "4")  # Ctrl-C after the client wrote four items
    stopped = run_batch(CORPUS, out_dir=out, progress=False, html=False, compare=False,
                        engine="dask", scheduler=address)
    assert stopped.interrupted and stopped.exit_code == 130 and stopped.done == 4
    assert len(list((out / "items").glob("*.json"))) == 4
    monkeypatch.delenv(INTERRUPT_ENV)
    before = client.run(_pipelines)
    resumed = run_batch(CORPUS, out_dir=out, resume=True, progress=False, html=False,
                        compare=False, engine="dask", scheduler=address)
    assert (resumed.skipped_resumed, resumed.done, resumed.failures) == (4, TOTAL - 4, ())
    # Each worker process kept its pipeline (spaCy loaded once) from one run to the next.
    after = client.run(_pipelines)
    assert any(before.values()) and all(after[w] == p for w, p in before.items() if p)
    assert resumed.exit_code == expected.exit_code
    assert findings_without_run(out) == findings_without_run(local)

    # An item file is an item file, whichever engine wrote it. The input path is relative to
    # the client's working directory, which is not the workers' own.
    out = tmp_path / "across"
    monkeypatch.chdir(CORPUS)
    monkeypatch.setenv(INTERRUPT_ENV, "6")
    run_batch(".", out_dir=out, progress=False, html=False, compare=False)
    monkeypatch.delenv(INTERRUPT_ENV)
    resumed = run_batch(".", out_dir=out, resume=True, progress=False, html=False,
                        compare=False, engine="dask", scheduler=address)
    assert resumed.failures == ()
    assert (resumed.skipped_resumed, resumed.done) == (6, TOTAL - 6)
    assert findings_without_run(out) == findings_without_run(local)


def test_ctrl_c_reaches_the_client_not_the_workers(cluster):
    # Ctrl-C goes to the whole process group; the local cluster's workers ignore it (their
    # preload), so the client cancels the work and the workers live to be closed.
    _, client = cluster
    client.wait_for_workers(2, timeout=60)
    pids = client.run(os.getpid)
    for pid in pids.values():
        os.kill(pid, signal.SIGINT)
    time.sleep(0.5)
    assert client.run(os.getpid) == pids


def test_failing_items_are_recorded_as_locally(cluster, tmp_path):
    address, _ = cluster
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "source.txt").write_text("The council said on Tuesday that the library would "
                                     "close in June.\n", encoding="utf-8")
    (docs / "empty.txt").write_text("", encoding="utf-8")
    (docs / "ok.txt").write_text("The library will close in June.\n", encoding="utf-8")
    manifest = tmp_path / "m.jsonl"
    manifest.write_text("".join(json.dumps(r) + "\n" for r in [
        {"id": "ok", "source": "docs/source.txt", "derived": "docs/ok.txt"},
        {"id": "empty", "source": "docs/source.txt", "derived": "docs/empty.txt"},
        {"id": "inline", "source_text": "The mayor said the bridge was safe.",
         "derived_text": "The bridge is unsafe."},
    ]), encoding="utf-8")
    local = run_batch(manifest, out_dir=tmp_path / "local", progress=False, html=False,
                      compare=False)
    dask = run_batch(manifest, out_dir=tmp_path / "dask", progress=False, html=False,
                     compare=False, engine="dask", scheduler=address)
    assert dask.failures == local.failures and [f.cause for f in dask.failures] == ["empty"]
    assert dask.exit_code == local.exit_code == 3
    assert (tmp_path / "dask" / "failures.csv").read_text() == \
        (tmp_path / "local" / "failures.csv").read_text()


def test_a_worker_that_cannot_read_a_path_says_so(tmp_path):
    from checker.batch.dask_engine import _check_chunk
    from checker.batch.engines import _Work

    (tmp_path / "s.txt").write_text("The council said the library would close.\n")
    (tmp_path / "d.txt").write_text("The library will close.\n")
    manifest = tmp_path / "m.jsonl"
    manifest.write_text(json.dumps({"id": "x", "source": "s.txt", "derived": "d.txt"}) + "\n")
    items, _ = collect_items(manifest)
    (tmp_path / "d.txt").unlink()  # readable where the manifest was read, not on the worker
    status, outcomes = _check_chunk([(items[0], "fp")], _Work(Config(), None, False))
    assert status == "ok" and not outcomes[0].ok
    failure = outcomes[0].record["failure"]
    assert failure["cause"] == "missing" and failure["item"] == "x"
    assert "Dask worker" in failure["message"] and "shared" in failure["message"]
    assert "d.txt" in failure["message"]


def test_a_worker_with_other_code_stops_the_run():
    from checker.batch.dask_engine import _check_chunk
    from checker.batch.engines import _Work

    status, why = _check_chunk([], _Work(Config(), None, False, code="not this code"))
    assert status == "fatal" and "same checker" in why


def test_engine_usage_errors(tmp_path):
    for kwargs in ({"engine": "spark"}, {"scheduler": "tcp://h:8786"}, {"workers": 2},
                   {"engine": "dask", "scheduler": "tcp://h:8786", "workers": 2},
                   {"engine": "dask", "jobs": 4}, {"engine": "dask", "workers": 0}):
        with pytest.raises(ConfigError):
            run_batch(CORPUS, out_dir=tmp_path / "out", progress=False, **kwargs)
    assert not (tmp_path / "out").exists()


def test_unreachable_scheduler_leaves_the_output_folder_alone(tmp_path, monkeypatch):
    from checker.batch import dask_engine

    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT", 1)
    out = tmp_path / "out"
    (out / "items").mkdir(parents=True)
    (out / "items" / f"{safe_id('earlier')}.json").write_text("{}")
    with pytest.raises(EngineError) as info:
        run_batch(CORPUS, out_dir=out, progress=False, engine="dask",
                  scheduler="tcp://127.0.0.1:9")
    assert "tcp://127.0.0.1:9" in str(info.value) and "dask scheduler" in str(info.value)
    assert [p.name for p in (out / "items").iterdir()] == [f"{safe_id('earlier')}.json"]


class _FakeClient:
    def nthreads(self):
        return {"tcp://w1": 1}


class _Done:
    def __init__(self, value=None, error=None):
        self.value, self.error = value, error

    def result(self):
        if self.error is not None:
            raise self.error
        return self.value


def test_a_chunk_that_keeps_killing_workers_is_split_and_only_its_culprit_fails():
    from checker.batch.dask_engine import _Feeder
    from checker.batch.engines import _Work

    items, _ = collect_items(CORPUS / "harbor-crane-lawsuit")
    chunk = [(item, "fp") for item in items]
    delivered = []
    feeder = _Feeder(distributed, _FakeClient(), chunk, _Work(Config(), None, False),
                     delivered.append)
    feeder.waiting.clear()
    killed = distributed.KilledWorker("checker-x-1", SimpleNamespace(address="tcp://w1"), 3)
    feeder._collect(_Done(error=killed), chunk, False)
    assert [(len(c), split) for c, split in feeder.waiting] == [(1, True)] * len(chunk)
    assert feeder.lost == []
    feeder._collect(_Done(error=killed), [chunk[0]], True)
    assert [(f.item, f.cause) for f in feeder.lost] == [(items[0].id, "internal")]
    assert "died" in feeder.lost[0].message and "checker check" in feeder.lost[0].message
    with pytest.raises(EngineError, match="other checker code"):
        feeder._collect(_Done(("fatal", "the worker runs other checker code")), chunk, False)
    assert delivered == []
