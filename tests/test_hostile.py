"""Hostile and broken input (issue 17): every reproducer that once crashed, hung or lost work.

Inputs that hang on a regression (a FIFO read as a file) run under ``no_hang``, which fails
the test after a few seconds instead of stalling the suite.
"""

from __future__ import annotations

import csv
import json
import os
import signal
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.batch import collect_items, run_batch
from checker.cli import cli
from checker.config import Config, load_config
from checker.errors import ConfigError, InputError, OutputError
from checker.files import atomic_write, read_input
from checker.load import load_text

SOURCE = (
    "According to the Daily Ledger, the Brookfield city council is planning to close the Elm "
    "Street library in June.\n\n"
    "The council said the decision was not final and that residents could comment until "
    "April 30.\n"
)
DERIVED = "The Daily Ledger reports that the council is planning to close the library in June.\n"


@contextmanager
def no_hang(seconds: int = 10):
    """Fail (rather than hang) when the block takes longer than ``seconds``."""
    def stop(signum, frame):
        raise AssertionError(f"still running after {seconds} s: the input hung the reader")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def fifo_and_zero(folder: Path, fifo_name: str, zero_name: str) -> tuple[Path, Path]:
    """A FIFO and a symbolic link to /dev/zero in ``folder``: inputs that once hung."""
    fifo, zero = folder / fifo_name, folder / zero_name
    os.mkfifo(fifo)
    zero.symlink_to("/dev/zero")
    return fifo, zero


def run(*args) -> object:
    return CliRunner().invoke(cli, [str(a) for a in args])


def no_traceback(result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    (tmp_path / "source.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "derived.txt").write_text(DERIVED, encoding="utf-8")
    return tmp_path


def write_rows(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def failure_rows(out: Path) -> list[dict]:
    with open(out / "failures.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


# --------------------------------------------------------------------------- the reader


def test_reader_refuses_fifo_device_and_folder(tmp_path):
    fifo, zero = fifo_and_zero(tmp_path, "pipe.txt", "zero.txt")
    with no_hang():
        for path, kind in ((fifo, "named pipe"), (zero, "character device"),
                           (tmp_path, "folder")):
            with pytest.raises(InputError) as info:
                read_input(path, limit=1000)
            assert kind in str(info.value) and info.value.cause == "unreadable"


def test_reader_reads_at_most_the_limit(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 2001)
    with pytest.raises(InputError) as info:
        read_input(big, limit=2000)
    assert info.value.cause == "too-large"
    assert read_input(big, limit=2001) == b"x" * 2001
    with pytest.raises(InputError) as info:
        read_input(tmp_path / "nowhere.txt", limit=10)
    assert info.value.cause == "missing"


def test_check_refuses_fifo_and_dev_zero_as_input_errors(docs):
    fifo, zero = fifo_and_zero(docs, "pipe.txt", "zero.txt")
    with no_hang():
        for bad in (fifo, zero):
            result = run("check", bad, "-s", docs / "source.txt")
            no_traceback(result)
            assert result.exit_code == 3 and "not a regular file" in result.output
        stdin = CliRunner().invoke(cli, ["check", "-", "-s", str(docs / "source.txt"),
                                         "--config", str(_config(docs, "max_bytes = 50"))],
                                   input="x" * 200)
    assert stdin.exit_code == 3 and "limit of 50 bytes" in stdin.output


def _config(folder: Path, body: str) -> Path:
    path = folder / "checker.toml"
    path.write_text(f"[checker]\n{body}\n", encoding="utf-8")
    return path


def test_unreadable_or_odd_file_is_an_input_error_not_a_usage_error(docs):
    # click used to refuse a folder or an unreadable file itself, with the usage code 2.
    result = run("check", docs, "-s", docs / "source.txt")
    assert result.exit_code == 3 and "folder" in result.output
    result = run("claims", docs / "nowhere.txt")
    assert result.exit_code == 3 and "not found" in result.output
    result = run("batch", docs / "nowhere")
    assert result.exit_code == 3


def test_configuration_fifo_is_not_reported_as_not_found(tmp_path):
    fifo = tmp_path / "checker.toml"
    os.mkfifo(fifo)
    with no_hang():
        with pytest.raises(ConfigError) as info:
            load_config(str(fifo))
    assert "not found" not in str(info.value) and "named pipe" in str(info.value)
    result = run("claims", tmp_path / "x.txt", "--config", fifo)
    assert result.exit_code == 2 and "named pipe" in result.output


# --------------------------------------------------------------------------- manifests


def test_manifest_fifo_and_dev_zero_are_refused_without_hanging(tmp_path):
    fifo, zero = fifo_and_zero(tmp_path, "m.jsonl", "z.csv")
    with no_hang():
        for bad in (fifo, zero):
            with pytest.raises(InputError) as info:
                collect_items(bad)
            assert "not a regular file" in str(info.value)


def test_csv_field_over_the_csv_module_limit(docs):
    long_text = ("The council said the library would close in June. " * 3000)[:140_000]
    manifest = docs / "m.csv"
    with open(manifest, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "source", "derived_text"])
        writer.writerow(["long", "source.txt", long_text])
        writer.writerow(["huge", "source.txt", "x" * 200])
        writer.writerow(["after", "source.txt", DERIVED])
    items, failures = collect_items(manifest, config=Config(max_bytes=150_000))
    assert [i.id for i in items] == ["long", "huge", "after"] and not failures
    assert items[0].derived.text == long_text.strip()
    # A field longer than max_bytes fails alone; the rows after it are still read.
    items, failures = collect_items(manifest, config=Config(max_bytes=100_000))
    assert [i.id for i in items] == ["huge", "after"]
    assert [(f.item, f.cause) for f in failures] == [("m.csv:2", "malformed")]
    assert csv.field_size_limit() == 131_072  # the process-wide limit is put back


def test_unknown_home_directory_is_a_missing_file(docs):
    manifest = write_rows(docs / "m.jsonl", [
        json.dumps({"id": "tilde", "source": "~nosuchuser/source.txt", "derived": "derived.txt"}),
        json.dumps({"id": "fine", "source": "source.txt", "derived": "derived.txt"}),
    ])
    items, failures = collect_items(manifest)
    assert [i.id for i in items] == ["fine"]
    assert [(f.item, f.cause) for f in failures] == [("tilde", "missing-source")]


def test_json_nested_too_deeply_or_with_huge_integers(docs):
    manifest = write_rows(docs / "m.jsonl", [
        "[" * 100_000 + "]" * 100_000,
        '{"id": ' + "9" * 5000 + ', "source": "source.txt", "derived": "derived.txt"}',
        '{"id": "deep", "source": "source.txt", "derived": "derived.txt", "x": '
        + "[" * 100_000 + "]" * 100_000 + "}",
        json.dumps({"id": "fine", "source": "source.txt", "derived": "derived.txt"}),
    ])
    items, failures = collect_items(manifest)
    assert [i.id for i in items] == ["fine"]
    assert [(f.item, f.cause) for f in failures] == [
        ("m.jsonl:1", "malformed"), ("m.jsonl:2", "malformed"), ("m.jsonl:3", "malformed")]
    assert "nested too deeply" in failures[0].message


def test_rows_with_wrong_types_or_nul_in_paths_fail_alone(docs):
    manifest = write_rows(docs / "m.jsonl", [
        json.dumps({"id": "nul", "source": "source\u0000.txt", "derived": "derived.txt"}),
        json.dumps({"id": "dict", "source": "source.txt", "derived_text": {"a": 1}}),
        json.dumps({"id": {"a": 1}, "source": "source.txt", "derived": "derived.txt"}),
        json.dumps({"id": "list", "source": [["source.txt"]], "derived": "derived.txt"}),
        json.dumps({"id": "fine", "source": "source.txt", "derived": "derived.txt"}),
    ])
    items, failures = collect_items(manifest)
    assert [i.id for i in items] == ["fine"]
    assert [(f.item, f.cause) for f in failures] == [
        ("nul", "malformed"), ("dict", "malformed"), ("m.jsonl:3", "malformed"),
        ("list", "malformed")]


def test_lone_surrogate_row_fails_alone_and_the_batch_writes_every_output(docs):
    manifest = write_rows(docs / "m.jsonl", [
        json.dumps({"id": "good", "source": "source.txt", "derived": "derived.txt"}),
        '{"id": "bad\\ud800", "source": "source.txt", "derived": "derived.txt"}',
        '{"id": "text", "source": "source.txt", "derived_text": "The council \\udc80 said."}',
    ])
    # Bytes that are not UTF-8 fail their row only, not the whole manifest.
    with open(manifest, "ab") as fh:
        fh.write(b'{"id": "bytes\xff", "source": "source.txt", "derived": "derived.txt"}\n')
    out = docs / "out"
    summary = run_batch(manifest, out_dir=out, progress=False, html=False)
    assert summary.exit_code == 3
    assert {(f.item, f.cause) for f in summary.failures} == {
        ("bad\\ud800", "encoding"), ("text", "encoding"), ("bytes\\udcff", "encoding")}
    messages = " ".join(f.message for f in summary.failures)
    assert "m.jsonl:2" in messages and "m.jsonl:3" in messages and "m.jsonl:4" in messages
    for name in ("findings.csv", "findings.jsonl", "failures.csv", "summary-stories.csv",
                 "summary-outlets.csv", "checker.sqlite"):
        assert (out / name).is_file(), name
    assert len(failure_rows(out)) == 3
    assert summary.done == 1  # the good row was checked


def test_story_json_with_odd_sources(tmp_path):
    corpus = tmp_path / "corpus"
    for n, sources in enumerate((5, [[]], {"a": 1})):
        folder = corpus / f"story{n}"
        folder.mkdir(parents=True)
        (folder / "source.txt").write_text(SOURCE, encoding="utf-8")
        (folder / "derived.txt").write_text(DERIVED, encoding="utf-8")
        (folder / "story.json").write_text(json.dumps({"articles": [
            {"id": "src", "file": "source.txt", "role": "source"},
            {"id": "der", "file": "derived.txt", "role": "derived", "sources": sources},
        ]}), encoding="utf-8")
    deep = corpus / "deep"
    deep.mkdir()
    (deep / "story.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    fifo = corpus / "fifo"
    fifo.mkdir()
    os.mkfifo(fifo / "story.json")
    with no_hang():
        items, failures = collect_items(corpus)
    assert items == []
    got = {f.item: f.cause for f in failures}
    assert got == {"story0/der": "missing-source", "story1/der": "malformed",
                   "story2/der": "malformed", "deep": "malformed", "fifo": "malformed"}
    assert "named pipe" in next(f.message for f in failures if f.item == "fifo")


def test_item_file_that_cannot_be_written_is_a_failure(docs, monkeypatch):
    from checker.batch import engine

    manifest = write_rows(docs / "m.jsonl", [
        json.dumps({"id": "one", "source": "source.txt", "derived": "derived.txt"}),
        json.dumps({"id": "two", "source": "source.txt", "derived": "derived.txt"}),
    ])
    real = engine.atomic_write

    def refuse_one(path, data, **kwargs):
        if "one-" in Path(path).name:
            raise OutputError(f"cannot write {path}: No space left on device")
        return real(path, data, **kwargs)

    monkeypatch.setattr(engine, "atomic_write", refuse_one)
    summary = run_batch(manifest, out_dir=docs / "out", progress=False, html=False)
    assert [(f.item, f.cause) for f in summary.failures] == [("one", "output")]
    assert "No space left" in summary.failures[0].message
    assert [r["item"] for r in failure_rows(docs / "out")] == ["one"]


# --------------------------------------------------------------------------- output paths


def test_output_into_a_file_or_an_unwritable_folder(docs, monkeypatch):
    args = ("check", docs / "derived.txt", "-s", docs / "source.txt", "--format", "json")
    result = run(*args, "-o", docs / "source.txt" / "r.json")
    no_traceback(result)
    assert result.exit_code == 3 and "cannot write" in result.output

    def denied(self, data):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "write_bytes", denied)
    result = run(*args, "-o", docs / "r.json")
    no_traceback(result)
    assert result.exit_code == 3 and "Permission denied" in result.output
    assert not list(docs.glob(".*.tmp")) and not (docs / "r.json").exists()


def test_output_fifo_is_refused_and_a_link_written_through(docs):
    fifo = docs / "out.json"
    os.mkfifo(fifo)
    with no_hang():
        result = run("check", docs / "derived.txt", "-s", docs / "source.txt", "-o", fifo)
    assert result.exit_code == 3 and "named pipe" in result.output
    assert fifo.is_fifo()
    target = docs / "real.txt"
    target.write_text("old", encoding="utf-8")
    link = docs / "link.txt"
    link.symlink_to(target)
    atomic_write(link, "new")
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "new"


# --------------------------------------------------------------------------- slow text


def test_runs_of_brackets_are_shortened_with_offsets_into_the_file():
    raw = "The council said the plan would work. " + ")" * 31_000 + " It voted on Monday."
    art = load_text(raw, doc_id="brackets.txt")
    assert ")" * 13 not in art.text and ")" * 12 in art.text
    assert "long runs of symbols shortened" in art.repairs
    voted = art.text.index("voted")
    assert raw[art.offsets[voted]:art.offsets[voted] + 5] == "voted"
    run_start = art.text.index(")")
    assert art.offsets[run_start] == raw.index(")")
    # Underscores and mixed quotation marks are symbols too.
    assert "_" * 13 not in load_text("A plan. " + "_" * 5000 + " It works.", doc_id="u").text


def test_check_that_runs_past_its_budget_is_an_input_error(docs, monkeypatch):
    from checker.pipeline import Pipeline

    def slow(self, derived, sources):
        time.sleep(30)

    monkeypatch.setattr(Pipeline, "check", slow)
    result = run("check", docs / "derived.txt", "-s", docs / "source.txt",
                 "--time-budget", "0.5")
    no_traceback(result)
    assert result.exit_code == 3 and "too slow" in result.output


def slow_manifest(docs: Path, monkeypatch, *, block_timer: bool = False) -> Path:
    """A manifest of a text whose check sleeps for a minute ("slow") and a fine one; with
    ``block_timer`` the slow check also blocks SIGALRM, as compiled code out of reach would."""
    from checker.pipeline import Pipeline

    manifest = write_rows(docs / "m.jsonl", [
        json.dumps({"id": "slow", "source": "source.txt", "derived_text": DERIVED + " Slow."}),
        json.dumps({"id": "fine", "source": "source.txt", "derived": "derived.txt"}),
    ])
    real = Pipeline.check

    def check(self, derived, sources):
        if "Slow." in derived.text:
            if block_timer:
                signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(60)
        return real(self, derived, sources)

    monkeypatch.setattr(Pipeline, "check", check)
    return manifest


def test_slow_item_fails_as_too_slow_and_the_batch_goes_on(docs, monkeypatch):
    manifest = slow_manifest(docs, monkeypatch)
    summary = run_batch(manifest, out_dir=docs / "out", progress=False, html=False,
                        config=Config(time_budget=0.5))
    assert [(f.item, f.cause) for f in summary.failures] == [("slow", "too-slow")]
    assert summary.done == 2 and summary.exit_code == 3


def rows_with_one_odd(docs: Path, name: str, *, rows: int, at: int) -> Path:
    """A manifest of ``rows`` fine rows, row ``at`` an inline text ending in "<Name>."."""
    lines = [json.dumps({"id": f"fine{k}", "source": "source.txt", "derived": "derived.txt"})
             for k in range(rows - 1)]
    lines.insert(at, json.dumps({"id": name, "source": "source.txt",
                                 "derived_text": f"{DERIVED} {name.capitalize()}."}))
    return write_rows(docs / "m.jsonl", lines)


def test_slow_parse_in_a_chunk_fails_its_own_item_only(docs, monkeypatch):
    from checker.parse import Parser

    manifest = rows_with_one_odd(docs, "slow", rows=8, at=3)  # chunks of 2 with one job
    real = Parser.parse_many

    def parse_many(self, articles, **kwargs):
        if any("Slow." in a.text for a in articles):
            time.sleep(60)
        return real(self, articles, **kwargs)

    monkeypatch.setattr(Parser, "parse_many", parse_many)
    summary = run_batch(manifest, out_dir=docs / "out", progress=False, html=False,
                        config=Config(time_budget=0.5))
    assert [(f.item, f.cause) for f in summary.failures] == [("slow", "too-slow")]
    assert summary.done == 8


def test_worker_stuck_past_its_budget_is_stopped(docs, monkeypatch):
    """Where the timer cannot stop a check (compiled code), the parent stops the worker."""
    from contextlib import nullcontext

    from checker.batch import engine, watch

    manifest = slow_manifest(docs, monkeypatch, block_timer=True)
    monkeypatch.setattr(engine, "time_budget", lambda *a, **k: nullcontext())
    monkeypatch.setattr(watch, "OVERRUN_GRACE", 0.5)
    monkeypatch.setenv("CHECKER_START_METHOD", "fork")
    summary = run_batch(manifest, out_dir=docs / "out", jobs=2, progress=False, html=False,
                        config=Config(time_budget=0.5))
    assert {(f.item, f.cause) for f in summary.failures} == {("slow", "too-slow")}
    assert summary.exit_code == 3


def test_worker_that_dies_loses_only_the_item_it_was_checking(docs, monkeypatch):
    from checker.pipeline import Pipeline

    manifest = rows_with_one_odd(docs, "crash", rows=20, at=4)  # chunks of 3 with two jobs
    real = Pipeline.check

    def check(self, derived, sources):
        if "Crash." in derived.text:
            # Let the worker's queue feeder finish its last message first: a process killed
            # in the middle of one leaves the shared results queue locked (see the report
            # of issue 17); this test is about what the parent makes of the death.
            time.sleep(1)
            os.kill(os.getpid(), signal.SIGKILL)
        return real(self, derived, sources)

    monkeypatch.setattr(Pipeline, "check", check)
    monkeypatch.setenv("CHECKER_START_METHOD", "fork")
    summary = run_batch(manifest, out_dir=docs / "out", jobs=2, progress=False, html=False)
    assert [(f.item, f.cause) for f in summary.failures] == [("crash", "internal")]
    assert "died" in summary.failures[0].message
    ok = [p for p in (docs / "out" / "items").glob("*.json")
          if json.loads(p.read_text(encoding="utf-8"))["status"] == "ok"]
    assert len(ok) == 19


def test_forkserver_workers_check_more_than_one_item(docs, monkeypatch):
    rows = [json.dumps({"id": f"item{k}", "source": "source.txt", "derived": "derived.txt"})
            for k in range(5)]
    manifest = write_rows(docs / "m.jsonl", rows)
    monkeypatch.setenv("CHECKER_START_METHOD", "forkserver")
    summary = run_batch(manifest, out_dir=docs / "out", jobs=2, progress=False, html=False)
    assert summary.failures == () and summary.done == 5


# --------------------------------------------------------------------------- HTML and quotes


@pytest.mark.parametrize("depth", [254, 1000, 5000])
def test_deeply_nested_html_keeps_its_text(depth):
    body = ("<p>The council said on Tuesday that the library would close in June.</p>"
            "<p>Officials estimate that the closure would save money every year.</p>")
    page = "<html><body>" + "<div>" * depth + body + "</div>" * depth + "</body></html>"
    art = load_text(page, doc_id="deep.html", fmt="html")
    assert "library would close in June" in art.text
    assert "save money every year" in art.text


def test_unclosed_markup_is_read_in_one_pass():
    # Each of these once made a loader regex search to the end of the text from every mark.
    page = "<html><body><p>The council said the library would close in June.</p>"
    for tail in ("<!--" * 20_000, "<script>" * 20_000, "<![CDATA[" * 20_000, "<a " * 20_000):
        art = load_text(page + tail, doc_id="odd.html", fmt="html")
        assert "library would close" in art.text
    text = "The council said the library would close in June. " * 500  # English enough
    for tail in ("[a](" * 20_000, "*a " * 20_000, "<![CDATA[" * 20_000):
        art = load_text(text + tail, doc_id="odd.md", fmt="markdown")
        assert "library would close" in art.text


def test_text_with_mixed_quotation_marks_checked_against_itself(check_texts):
    text = ('Officials said ‘the plan is "working well" for now’ and the mayor said "it is '
            '‘fine’ today" after the vote. He said "the ‘best’ plan is here" and «she said '
            '“no” twice» on Monday night. “We will ‘win’ this,” she said. ‘He said “no” '
            'again,’ the aide added, and ‹perhaps› later.')
    assert check_texts(text, text).findings == ()


def test_time_budget_puts_back_an_alarm_set_before_it():
    from checker.budget import time_budget

    fired = []
    previous = signal.signal(signal.SIGALRM, lambda *a: fired.append(True))
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.3)
        with time_budget(5, name="x"):
            pass
        with pytest.raises(InputError) as info:
            with time_budget(0.05, name="slow.txt"):
                time.sleep(5)
        assert info.value.cause == "too-slow" and "slow.txt" in str(info.value)
        left, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 0 < left <= 0.3
        time.sleep(left + 0.2)
        assert fired == [True]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_a_budget_shorter_than_starting_the_block_is_still_the_inputs_error():
    """However short the budget (a configuration may give 1e-9 seconds), it ends as the
    input's too-slow error, never as the bare signal exception."""
    from checker.budget import time_budget

    for _ in range(200):
        with pytest.raises(InputError) as info:
            with time_budget(1e-9, name="tiny.txt"):
                time.sleep(0.01)
        assert info.value.cause == "too-slow"
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
