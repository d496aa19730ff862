"""Batch runs: reading corpora and manifests, bad input, resume, outputs and the SQLite store."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from checker.batch import (
    INTERRUPT_ENV,
    BatchSummary,
    collect_items,
    format_summary,
    generate_manifest,
    run_batch,
    safe_id,
)
from checker.config import Config
from checker.errors import InputError

ROOT = Path(__file__).resolve().parents[1]

SOURCE = (
    "According to the Daily Ledger, the Brookfield city council is planning to close the Elm "
    "Street library in June.\n\n"
    "The council said the decision was not final and that residents could comment until "
    "April 30.\n\n"
    "Officials estimate that the closure would save 40,000 dollars a year.\n"
)
FAITHFUL = (
    "The Daily Ledger reports that the Brookfield city council is planning to close the Elm "
    "Street library in June. The council said the decision was not final.\n"
)
DRIFTED = (
    "The Brookfield city council closed the Elm Street library in May to save 400,000 "
    "dollars a year.\n"
)
OTHER_SOURCE = (
    "The river ferry between Ashby and Colton will run every 20 minutes from next Monday, the "
    "transport office said on Tuesday.\n\n"
    "The office said more passengers had used the ferry this spring.\n"
)
OTHER_DERIVED = "The ferry between Ashby and Colton will run every 20 minutes from Monday.\n"
GERMAN = (
    "Der Stadtrat von Brookfield plant, die Bibliothek in der Elm Street im Juni zu schließen. "
    "Die Entscheidung sei noch nicht endgültig, sagte der Rat am Dienstag.\n"
)
KILL_SCRIPT = """
import sys, time
import checker.batch as batch
from checker.batch.engine import _Runner

original = _Runner._check

def slow_check(self, *args):
    time.sleep(0.3)  # slow enough for the test to kill the run between two items
    return original(self, *args)

_Runner._check = slow_check
batch.run_batch(sys.argv[1], out_dir=sys.argv[2], progress=False, html=False)
"""


# --------------------------------------------------------------------------- helpers


def write_story(folder: Path, derived: dict[str, str], *, story: str | None = None,
                source: str = SOURCE, extra_articles: list[dict] | None = None) -> Path:
    """A story folder: one source article and the given derived texts (id -> text)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "source.txt").write_text(source, encoding="utf-8")
    articles = [{"id": "ledger", "file": "source.txt", "role": "source",
                 "outlet": "Daily Ledger", "title": "Library to close", "date": "2026-03-01"}]
    for n, (doc_id, text) in enumerate(derived.items()):
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        articles.append({"id": doc_id, "file": f"{doc_id}.txt", "role": "derived",
                         "outlet": f"Outlet {n % 2}", "title": doc_id, "date": "2026-03-02"})
    articles += extra_articles or []
    meta = {"story": story or folder.name, "title": "test story", "fictional": True,
            "articles": articles}
    (folder / "story.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")
    return folder


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def small_manifest(tmp_path: Path, n: int = 6) -> Path:
    """A manifest of n rows over two short stories, paths relative to the manifest."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "library.txt").write_text(SOURCE, encoding="utf-8")
    (docs / "ferry.txt").write_text(OTHER_SOURCE, encoding="utf-8")
    texts = [("library", "faithful", FAITHFUL), ("library", "drifted", DRIFTED),
             ("ferry", "ferry", OTHER_DERIVED)]
    rows = []
    for k in range(n):
        story, name, text = texts[k % len(texts)]
        (docs / f"{name}-{k}.txt").write_text(text, encoding="utf-8")
        rows.append({"id": f"{name}-{k}", "story": story, "outlet": f"Outlet {k % 2}",
                     "source": f"docs/{story}.txt", "derived": f"docs/{name}-{k}.txt"})
    return write_jsonl(tmp_path / "manifest.jsonl", rows)


def findings_without_run(out: Path) -> list[dict]:
    rows = [json.loads(line) for line in (out / "findings.jsonl").read_text().splitlines()]
    for r in rows:
        r.pop("run_id")
    return rows


def tmp_files(out: Path) -> list[Path]:
    return [p for p in out.rglob("*.tmp")]


def causes(summary: BatchSummary) -> dict[str, str]:
    return {f.item: f.cause for f in summary.failures}


# --------------------------------------------------------------------------- reading input


def test_collect_story_folder(tmp_path):
    story = write_story(tmp_path / "library", {"faithful": FAITHFUL, "drifted": DRIFTED})
    items, failures = collect_items(story)
    assert failures == []
    assert [i.id for i in items] == ["library/faithful", "library/drifted"]
    item = items[0]
    assert item.story == "library" and item.outlet == "Outlet 0"
    assert [s.doc_id for s in item.sources] == ["ledger"]
    assert item.derived.meta_value("title") == "faithful"


def test_collect_folder_of_stories_reports_folder_without_metadata(tmp_path):
    write_story(tmp_path / "a-library", {"faithful": FAITHFUL})
    write_story(tmp_path / "b-ferry", {"ferry": OTHER_DERIVED}, source=OTHER_SOURCE)
    (tmp_path / "c-loose").mkdir()
    (tmp_path / "c-loose" / "text.txt").write_text(FAITHFUL)
    items, failures = collect_items(tmp_path)
    assert [i.id for i in items] == ["a-library/faithful", "b-ferry/ferry"]
    assert [(f.item, f.cause) for f in failures] == [("c-loose", "no-metadata")]
    assert "c-loose" in failures[0].message and "story.json" in failures[0].message
    assert failures[0].story == "c-loose"


def test_collect_derived_with_unknown_or_missing_source(tmp_path):
    story = write_story(tmp_path / "s", {"ok": FAITHFUL}, extra_articles=[
        {"id": "orphan", "file": "ok.txt", "role": "derived", "sources": ["nowhere"]},
    ])
    items, failures = collect_items(story)
    assert [i.id for i in items] == ["s/ok"]
    assert [(f.item, f.cause) for f in failures] == [("s/orphan", "missing-source")]
    assert "nowhere" in failures[0].message

    (story / "source.txt").unlink()
    items, failures = collect_items(story)
    assert items == []
    assert {f.cause for f in failures} == {"missing-source"}
    missing = [f for f in failures if f.item == "s/ok"]
    assert missing and "source.txt" in missing[0].message and missing[0].path.endswith("source.txt")


def test_collect_manifest_csv_sources_and_inline_text(tmp_path):
    (tmp_path / "a.txt").write_text(SOURCE)
    (tmp_path / "b.txt").write_text(OTHER_SOURCE)
    (tmp_path / "d.txt").write_text(FAITHFUL)
    manifest = tmp_path / "m.csv"
    manifest.write_text(
        "id,sources,derived,derived_text,source_text,outlet,story\n"
        "one,a.txt|b.txt,d.txt,,,Ledger,library\n"
        f"two,,,\"{FAITHFUL.strip()}\",\"{SOURCE.strip()}\",Post,\n",
        encoding="utf-8")
    items, failures = collect_items(manifest)
    assert failures == []
    one, two = items
    assert [s.doc_id for s in one.sources] == ["a", "b"]
    assert one.sources[0].path == str(tmp_path / "a.txt")
    assert one.outlet == "Ledger" and one.story == "library"
    assert two.derived.text.startswith("The Daily Ledger") and two.derived.path is None
    assert [s.doc_id for s in two.sources] == ["source"]


def test_malformed_manifest_rows_fail_alone(tmp_path):
    (tmp_path / "a.txt").write_text(SOURCE)
    (tmp_path / "d.txt").write_text(FAITHFUL)
    jsonl = tmp_path / "m.jsonl"
    jsonl.write_text(
        json.dumps({"id": "good", "source": "a.txt", "derived": "d.txt"}) + "\n"
        + '{"id": "broken", "source": "a.txt"\n'
        + json.dumps({"id": "nothing-derived", "source": "a.txt"}) + "\n"
        + json.dumps(["not", "an", "object"]) + "\n"
        + json.dumps({"id": "no-source", "derived": "d.txt"}) + "\n",
        encoding="utf-8")
    items, failures = collect_items(jsonl)
    assert [i.id for i in items] == ["good"]
    got = {(f.item, f.cause) for f in failures}
    assert got == {("m.jsonl:2", "malformed"), ("nothing-derived", "malformed"),
                   ("m.jsonl:4", "malformed"), ("no-source", "missing-source")}
    assert any("line 2" in f.message or "m.jsonl:2" in f.message for f in failures)

    csv_path = tmp_path / "m.csv"
    csv_path.write_text("id,source,derived\ngood,a.txt,d.txt\nextra,a.txt,d.txt,surplus\n"
                        "short,a.txt\n", encoding="utf-8")
    items, failures = collect_items(csv_path)
    assert [i.id for i in items] == ["good"]
    assert sorted((f.item, f.cause) for f in failures) == [("extra", "malformed"),
                                                          ("short", "malformed")]


def test_manifest_without_id_column_is_refused(tmp_path):
    manifest = tmp_path / "m.csv"
    manifest.write_text("source,derived\na.txt,d.txt\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        collect_items(manifest)
    assert info.value.cause == "malformed" and "'id'" in str(info.value)


def test_duplicate_id_keeps_the_first(tmp_path):
    (tmp_path / "a.txt").write_text(SOURCE)
    (tmp_path / "d.txt").write_text(FAITHFUL)
    manifest = write_jsonl(tmp_path / "m.jsonl", [
        {"id": "x", "source": "a.txt", "derived": "d.txt"},
        {"id": "x", "source": "a.txt", "derived": "d.txt", "outlet": "second"},
    ])
    items, failures = collect_items(manifest)
    assert len(items) == 1 and items[0].outlet == ""
    assert [(f.item, f.cause) for f in failures] == [("x", "duplicate-id")]
    assert "line 2" in failures[0].message and "line 1" in failures[0].message


def test_missing_input_path_raises(tmp_path):
    with pytest.raises(InputError) as info:
        collect_items(tmp_path / "nowhere")
    assert info.value.cause == "missing"


def test_safe_id_is_unique_and_file_safe():
    a, b = safe_id("story/a b"), safe_id("story/a_b")
    assert a != b
    assert "/" not in a and " " not in a


# --------------------------------------------------------------------------- running


def test_bad_inputs_each_fail_alone(tmp_path):
    """Every kind of bad file lands in the failures table; the good text is still checked."""
    cfg = Config()
    story = write_story(tmp_path / "corpus" / "library", {
        "good": DRIFTED, "empty": "", "german": GERMAN, "binary": "x", "undecodable": "x",
        "huge": "x"})
    (story / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    (story / "undecodable.txt").write_bytes(
        b"The council \xff\xfe\xfa met \x81\x8d\x8f\x90\x9d on Tuesday \xc3\x28 and \xa0\xa1 "
        b"voted.\n" * 3 + bytes(range(128, 256)) * 4)
    with open(story / "huge.txt", "wb") as fh:
        line = b"The council met on Tuesday and voted to close the library in June.\n"
        fh.write(line * (cfg.max_bytes * 10 // len(line) + 1))  # 50 MB with the default limit
    write_story(tmp_path / "corpus" / "ferry", {"ferry": OTHER_DERIVED}, source=OTHER_SOURCE,
                extra_articles=[{"id": "lost", "file": "ferry.txt", "role": "derived",
                                 "sources": ["gone"]}])
    (tmp_path / "corpus" / "no-meta").mkdir()

    out = tmp_path / "out"
    summary = run_batch(tmp_path / "corpus", out_dir=out, progress=False, config=cfg)

    got = causes(summary)
    assert got == {
        "library/empty": "empty",
        "library/german": "not-english",
        "library/binary": "binary",
        "library/undecodable": "encoding",
        "library/huge": "too-large",
        "ferry/lost": "missing-source",
        "no-meta": "no-metadata",
    }
    for failure in summary.failures:
        assert failure.item in failure.message  # the message names the item
    assert summary.exit_code == 3
    assert summary.done == 7  # every collected item was attempted, none stopped the run
    table = (out / "failures.csv").read_text(encoding="utf-8")
    assert "library/huge" in table and "too-large" in table
    stories = summary.stories.set_index("story")
    assert stories.loc["library", "texts"] == 1 and stories.loc["library", "failed"] == 5
    assert stories.loc["no-meta", "failed"] == 1
    ok = json.loads((out / "items" / f"{safe_id('library/good')}.json").read_text())
    assert ok["status"] == "ok"
    assert summary.findings > 0
    assert not tmp_files(out)


def test_outputs_and_tables(tmp_path):
    manifest = small_manifest(tmp_path, n=3)
    out = tmp_path / "out"
    summary = run_batch(manifest, out_dir=out, progress=False)
    assert summary.failures == () and summary.done == 3 and summary.items == 3
    for name in ("findings.csv", "findings.jsonl", "summary-stories.csv",
                 "summary-outlets.csv", "failures.csv", "checker.sqlite"):
        assert (out / name).is_file(), name
    assert not tmp_files(out)

    import pandas as pd

    findings = pd.read_csv(out / "findings.csv")
    assert {"run_id", "story", "outlet", "derived_id", "source_ids", "kind", "code",
            "severity", "confidence", "derived_start", "derived_end", "derived_line",
            "derived_column", "derived_text", "evidence_document", "evidence_text",
            "message"} <= set(findings.columns)
    assert len(findings) == summary.findings > 0
    assert set(findings["derived_id"]) <= {"faithful-0", "drifted-1", "ferry-2"}
    assert "drifted-1" in set(findings["derived_id"])

    stories = pd.read_csv(out / "summary-stories.csv")
    assert list(stories["story"]) == ["ferry", "library"]
    assert list(stories["texts"]) == [1, 2]
    assert "attribution-dropped" in stories.columns and "mean_score" in stories.columns
    assert stories["findings"].sum() == summary.findings
    outlets = pd.read_csv(out / "summary-outlets.csv")
    assert set(outlets["outlet"]) == {"Outlet 0", "Outlet 1"}

    text = format_summary(summary)
    assert "library" in text and str(out / "findings.csv") in text
    assert "exit code" in text


def test_exit_code_follows_fail_on(tmp_path):
    manifest = small_manifest(tmp_path, n=2)
    worst = run_batch(manifest, out_dir=tmp_path / "a", progress=False, html=False,
                      fail_on="info")
    assert worst.findings > 0 and worst.exit_code == 1
    never = run_batch(manifest, out_dir=tmp_path / "b", progress=False, html=False,
                      fail_on="never")
    assert never.exit_code == 0
    with pytest.raises(Exception):
        run_batch(manifest, out_dir=tmp_path / "c", progress=False, fail_on="sometimes")


def test_sqlite_rows_appended_across_runs(tmp_path):
    manifest = small_manifest(tmp_path, n=3)
    (tmp_path / "docs" / "bad.txt").write_bytes(b"")
    rows = [json.loads(line) for line in manifest.read_text().splitlines()]
    rows.append({"id": "bad", "source": "docs/library.txt", "derived": "docs/bad.txt"})
    write_jsonl(manifest, rows)
    out = tmp_path / "out"
    first = run_batch(manifest, out_dir=out, progress=False, html=False)
    second = run_batch(manifest, out_dir=out, progress=False, html=False)
    assert first.run_id != second.run_id
    with sqlite3.connect(out / "checker.sqlite") as db:
        runs = db.execute("SELECT run_id, items, failures, status, model, config_json "
                          "FROM runs ORDER BY started, run_id").fetchall()
        assert {r[0] for r in runs} == {first.run_id, second.run_id}
        assert all(r[1] == 4 and r[2] == 1 and r[3] == "complete" for r in runs)
        assert json.loads(runs[0][5])["model"] == runs[0][4]
        per_run = dict(db.execute("SELECT run_id, COUNT(*) FROM findings GROUP BY run_id"))
        assert per_run == {first.run_id: first.findings, second.run_id: second.findings}
        docs = db.execute("SELECT role, COUNT(*) FROM documents WHERE run_id = ? "
                          "GROUP BY role", (second.run_id,)).fetchall()
        assert dict(docs) == {"derived": 3, "source": 3}
        fails = db.execute("SELECT item_id, cause FROM failures WHERE run_id = ?",
                           (second.run_id,)).fetchall()
        assert fails == [("bad", "empty")]


def test_resume_after_interrupt_matches_uninterrupted_run(tmp_path, monkeypatch):
    manifest = small_manifest(tmp_path, n=6)
    full = run_batch(manifest, out_dir=tmp_path / "full", progress=False, html=False)
    assert full.exit_code in (0, 1)

    out = tmp_path / "resumed"
    monkeypatch.setenv(INTERRUPT_ENV, "2")
    stopped = run_batch(manifest, out_dir=out, progress=False, html=False)
    assert stopped.interrupted and stopped.exit_code == 130 and stopped.done == 2
    assert len(list((out / "items").glob("*.json"))) == 2
    assert (out / "findings.jsonl").is_file()  # what was done is written
    assert not tmp_files(out)

    monkeypatch.delenv(INTERRUPT_ENV)
    resumed = run_batch(manifest, out_dir=out, resume=True, progress=False, html=False)
    assert resumed.skipped_resumed == 2 and resumed.done == 4
    assert resumed.exit_code == full.exit_code
    assert findings_without_run(out) == findings_without_run(tmp_path / "full")
    with sqlite3.connect(out / "checker.sqlite") as db:
        statuses = [r[0] for r in db.execute("SELECT status FROM runs ORDER BY started")]
    assert sorted(statuses) == ["complete", "interrupted"]


def test_resume_after_sigkill(tmp_path):
    manifest = small_manifest(tmp_path, n=8)
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT, str(manifest), str(out)],
                            cwd=tmp_path, env=env, stderr=subprocess.PIPE)
    items = out / "items"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if items.is_dir() and any(items.glob("*.json")):
            break
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL, err.decode(errors="replace")[-2000:]
    done_before = list(items.glob("*.json"))
    assert 1 <= len(done_before) < 8
    for p in done_before:
        json.loads(p.read_text(encoding="utf-8"))  # no half-written item file

    resumed = run_batch(manifest, out_dir=out, resume=True, progress=False, html=False)
    assert resumed.skipped_resumed == len(done_before)
    assert resumed.done == 8 - len(done_before)
    # The parse cache is the Parser's; a write it had under way when killed is not ours.
    assert not [p for p in tmp_files(out) if ".parse-cache" not in p.parts]
    full = run_batch(manifest, out_dir=tmp_path / "full", progress=False, html=False)
    assert findings_without_run(out) == findings_without_run(tmp_path / "full")
    assert resumed.findings == full.findings


def test_resume_rechecks_changed_and_failed_items(tmp_path):
    manifest = small_manifest(tmp_path, n=3)
    (tmp_path / "docs" / "late.txt").write_text("")
    rows = [json.loads(line) for line in manifest.read_text().splitlines()]
    rows.append({"id": "late", "source": "docs/library.txt", "derived": "docs/late.txt"})
    write_jsonl(manifest, rows)
    out = tmp_path / "out"
    first = run_batch(manifest, out_dir=out, progress=False, html=False)
    assert causes(first) == {"late": "empty"}

    (tmp_path / "docs" / "late.txt").write_text(DRIFTED)  # the user fixes the empty file
    (tmp_path / "docs" / "faithful-0.txt").write_text(DRIFTED + "\n")  # and edits another
    second = run_batch(manifest, out_dir=out, resume=True, progress=False, html=False)
    assert second.failures == ()
    assert second.skipped_resumed == 2 and second.done == 2
    assert second.exit_code in (0, 1)


def test_fresh_run_forgets_items_of_an_earlier_input(tmp_path):
    manifest = small_manifest(tmp_path, n=3)
    out = tmp_path / "out"
    run_batch(manifest, out_dir=out, progress=False, html=False)
    rows = [json.loads(line) for line in manifest.read_text().splitlines()][:1]
    write_jsonl(manifest, rows)
    summary = run_batch(manifest, out_dir=out, progress=False, html=False)
    assert summary.items == 1
    assert len(list((out / "items").glob("*.json"))) == 1


def test_parallel_workers_report_failures_without_crashing(tmp_path):
    manifest = small_manifest(tmp_path, n=5)
    (tmp_path / "docs" / "bin.dat").write_bytes(bytes(range(256)) * 64)
    rows = [json.loads(line) for line in manifest.read_text().splitlines()]
    rows.insert(2, {"id": "bin", "source": "docs/library.txt", "derived": "docs/bin.dat"})
    write_jsonl(manifest, rows)
    serial = run_batch(manifest, out_dir=tmp_path / "one", progress=False, html=False)
    parallel = run_batch(manifest, out_dir=tmp_path / "two", jobs=2, progress=False, html=False)
    assert causes(parallel) == causes(serial) == {"bin": "binary"}
    assert parallel.done == serial.done == 6
    assert findings_without_run(tmp_path / "two") == findings_without_run(tmp_path / "one")
    assert not tmp_files(tmp_path / "two")


def test_parallel_interrupt_then_resume(tmp_path, monkeypatch):
    manifest = small_manifest(tmp_path, n=8)
    out = tmp_path / "out"
    monkeypatch.setenv(INTERRUPT_ENV, "3")
    stopped = run_batch(manifest, out_dir=out, jobs=2, progress=False, html=False)
    assert stopped.interrupted and stopped.exit_code == 130
    done = len(list((out / "items").glob("*.json")))
    assert done >= 3  # workers may have finished a few more before they were stopped
    assert not [p for p in tmp_files(out) if ".parse-cache" not in p.parts]
    monkeypatch.delenv(INTERRUPT_ENV)
    resumed = run_batch(manifest, out_dir=out, jobs=2, resume=True, progress=False, html=False)
    assert resumed.skipped_resumed == done and resumed.done == 8 - done
    assert resumed.failures == ()
    assert len(findings_without_run(out)) == resumed.findings


def test_html_reports_and_index(tmp_path):
    manifest = small_manifest(tmp_path, n=2)
    out = tmp_path / "out"
    summary = run_batch(manifest, out_dir=out, progress=False)
    pages = sorted((out / "html").glob("*.html"))
    assert len(pages) == 2
    index = (out / "index.html").read_text(encoding="utf-8")
    assert pages[0].name in index
    assert ("html index", out / "index.html") in summary.paths


def test_generate_manifest_cycles_pairs(tmp_path):
    write_story(tmp_path / "corpus" / "library", {"faithful": FAITHFUL, "drifted": DRIFTED})
    path = generate_manifest(tmp_path / "corpus", 5, tmp_path / "gen" / "m.jsonl")
    items, failures = collect_items(path)
    assert failures == [] and len(items) == 5
    assert [i.derived.path for i in items][:2] == [i.derived.path for i in items][2:4]
    assert len({i.id for i in items}) == 5
    csv_path = generate_manifest(tmp_path / "corpus", 3, tmp_path / "gen" / "m.csv")
    assert len(collect_items(csv_path)[0]) == 3


def test_shared_seed_pair(tmp_path, shared_dir):
    seed = shared_dir / "corpora" / "claude-code-china"
    if not (seed / "source.txt").is_file():
        pytest.skip("the shared seed corpus is absent")
    manifest = write_jsonl(tmp_path / "seed.jsonl", [
        {"id": "summary", "source": str(seed / "source.txt"),
         "derived": str(seed / "summary.txt"), "story": "claude-code-china"},
        {"id": "faithful", "source": str(seed / "source.txt"),
         "derived": str(seed / "faithful-summary.txt"), "story": "claude-code-china"},
    ])
    summary = run_batch(manifest, out_dir=tmp_path / "out", progress=False, html=False)
    assert summary.failures == ()
    stories = summary.stories.set_index("story")
    assert stories.loc["claude-code-china", "texts"] == 2
    assert stories.loc["claude-code-china", "findings"] == summary.findings > 0
