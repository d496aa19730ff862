"""Probe files (tests/probes/): their format, and their scoring as a drift suite."""

import json
from pathlib import Path

import pytest

from checker.bench.probes import expected_of, probe_files
from checker.bench.suite import is_suite, run_suite
from checker.records import KINDS

PROBES = Path(__file__).parent / "probes"
FILES = sorted(PROBES.glob("*/*.jsonl"))


@pytest.mark.parametrize("path", FILES, ids=[f"{p.parent.name}/{p.stem}" for p in FILES])
def test_probe_file_format(path):
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    assert rows, path
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), "ids repeat"
    for r in rows:
        assert r["source"].strip() and r["derived"].strip(), r["id"]
        assert r["expect"] == "silent" or r["expect"] in KINDS, r["id"]
        if r["expect"] != "silent":
            assert r["quote"] and r["quote"] in r["derived"], r["id"]


def test_both_halves_exist():
    assert {p.parent.name for p in FILES} == {"development", "heldout"}
    assert probe_files(PROBES / "heldout") and is_suite(PROBES / "heldout")


def test_silent_pair_forbids_what_a_faithful_paraphrase_does():
    got = expected_of({"expect": "silent", "quote": ""})["must_not_flag"][0]
    assert got["quote"] == "*" and "omitted-claim" not in got["kinds"]
    assert "negation-flipped" in got["kinds"]


# A planted drift the checker catches, for the scoring tests below.
_FLIPPED = {"id": "p-1", "source": "The court did not approve the merger.",
            "derived": "The court approved the merger.", "expect": "negation-flipped",
            "quote": "approved the merger"}


def test_probe_folder_is_scored(tmp_path, pipeline):
    rows = [
        _FLIPPED,
        {"id": "p-2", "source": "The court did not approve the merger.",
         "derived": "The court declined to approve the merger.", "expect": "silent",
         "quote": ""},
    ]
    (tmp_path / "negation.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    (tmp_path / "notes.jsonl").write_text('{"other": 1}\n', encoding="utf-8")
    got = run_suite(tmp_path, pipeline=pipeline)
    assert (got["planted"], got["caught"], got["faithful_texts"]) == (1, 1, 1)
    assert got["false_alarms_on_faithful"] == 0
    assert got["recall_by_kind"]["negation-flipped"]["caught"] == 1


def test_a_text_that_crashes_the_checker_is_an_error_and_the_run_goes_on(tmp_path, pipeline):
    rows = [
        _FLIPPED,
        {"id": "p-2", "source": "The mill closed in May.",
         "derived": "The mill shut in May.", "expect": "silent", "quote": ""},
    ]
    (tmp_path / "mixed.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")

    class Breaking:
        """The real pipeline, but a bug on texts about a mill."""

        config = pipeline.config

        def check(self, derived, sources):
            if "mill" in derived.text:
                raise IndexError("list index out of range")
            return pipeline.check(derived, sources)

    got = run_suite(tmp_path, pipeline=Breaking())
    assert got["caught"] == 1
    assert len(got["errors"]) == 1 and "IndexError" in got["errors"][0]
