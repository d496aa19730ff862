"""The pre-publication gate: suppression comments with reasons, baselines, exit codes at each
--fail-on level and on interruption, front-matter sources and drafts read from stdin."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.directives import find_directives, is_directive_line

SOURCE = ("The Harbour Gazette reports that Meridian Foods is closing its Leeds bakery.\n\n"
          "Sales at the bakery could fall by 20% next year, analysts said.\n")
CLAIM_A = "Meridian Foods is closing its Leeds bakery."  # DA101: the Gazette dropped
CLAIM_B = "Sales at the bakery will fall by 20% next year."  # DA101 and DC201


def run(*args, input=None, env=None):
    return CliRunner().invoke(cli, [str(a) for a in args], input=input, env=env)


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "source.txt"
    path.write_text(SOURCE, "utf-8")
    return path


def draft(tmp_path, text: str, name: str = "draft.md"):
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def check(path, source, *extra, input=None):
    result = run("check", path, "-s", source, "--format", "json", *extra, input=input)
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)


# -- the comment syntax ---------------------------------------------------------------------

def test_directive_forms_are_parsed_with_targets_and_reason():
    raw = ("<!-- checker: ignore DA101, certainty-raised -- confirmed by phone -->\n"
           "Text.\n[checker: ignore-file DO901 — the brief covers the first half only]\n"
           "<!-- checker: ignore DA101 -->\n")
    got = [(d.verb, d.targets, d.reason) for d in find_directives(raw)]
    assert got == [("ignore", ("DA101", "certainty-raised"), "confirmed by phone"),
                   ("ignore-file", ("DO901",), "the brief covers the first half only"),
                   ("ignore", ("DA101",), "")]
    assert is_directive_line("  <!-- checker: ignore DA101 -- x -->  ")
    assert not is_directive_line("The agency said [checker: x] was wrong.")


@pytest.mark.parametrize("name,comment", [
    ("draft.md", "<!-- checker: ignore DA101 -- confirmed with Meridian by phone -->"),
    ("draft.txt", "[checker: ignore attribution-dropped -- confirmed with Meridian by phone]"),
])
def test_suppression_with_reason_applies_to_the_next_paragraph_only(tmp_path, source, name,
                                                                    comment):
    path = draft(tmp_path, f"{comment}\n{CLAIM_A}\n\n{CLAIM_B}\n", name)
    _, data = check(path, source)
    kept = {(f["code"], f["derived"]["line"]) for f in data["findings"]}
    gone = [(f["code"], f["derived"]["line"], f["suppression"]) for f in data["suppressed"]]
    assert ("DA101", 2) not in kept and ("DA101", 4) in kept
    assert gone == [("DA101", 2, {"by": "comment", "reason": "confirmed with Meridian by phone",
                                  "line": 1, "source": comment})]
    assert data["counts"]["suppressed"] == 1 and not data["notices"]
    # the comment is not read as article text
    assert "checker" not in data["derived"]["text"]


def test_suppression_in_html_draft(tmp_path, source):
    path = draft(tmp_path, "<html><body><article>"
                           "<!-- checker: ignore DA101 -- confirmed with Meridian -->"
                           f"<p>{CLAIM_A}</p><p>{CLAIM_B}</p></article></body></html>",
                 "draft.html")
    _, data = check(path, source)
    assert [f["code"] for f in data["suppressed"]] == ["DA101"]
    assert CLAIM_A.startswith(data["suppressed"][0]["derived"]["text"][:10])


def test_suppression_without_reason_is_reported_and_not_applied(tmp_path, source):
    path = draft(tmp_path, f"<!-- checker: ignore DA101 -->\n{CLAIM_A}\n")
    code, data = check(path, source)
    assert code == 1 and "DA101" in {f["code"] for f in data["findings"]}
    assert not data["suppressed"]
    assert [(n["kind"], n["line"]) for n in data["notices"]] == [("suppression-without-reason", 1)]
    text = run("check", path, "-s", source).stdout
    assert "SUPPRESSION NOTICES (1)" in text and "suppression without a reason" in text


def test_suppression_naming_no_rule_or_nothing_found_is_reported(tmp_path, source):
    path = draft(tmp_path, f"<!-- checker: ignore DA999 -- x -->\n{CLAIM_A}\n\n"
                           f"<!-- checker: ignore DN501 -- figures checked -->\n{CLAIM_A}\n\n"
                           f"<!-- checker: ignor DA101 -- typo -->\n{CLAIM_A}\n")
    _, data = check(path, source)
    kinds = [(n["kind"], n["line"]) for n in data["notices"]]
    assert kinds == [("suppression-unknown-rule", 1), ("suppression-unused", 4),
                     ("suppression-unknown-verb", 7)]
    assert "did you mean 'ignore'?" in data["notices"][2]["message"]
    assert not data["suppressed"]


def test_ignore_file_suppresses_omissions_and_is_listed_in_html(tmp_path):
    src = draft(tmp_path, "Pelham Bank was fined £3 million for failing to report suspicious "
                          "payments. The bank denied that it had ignored any warnings.\n",
                "src.txt")
    body = "Pelham Bank was fined £3 million for failing to report suspicious payments.\n"
    plain = draft(tmp_path, body, "plain.md")
    _, data = check(plain, src)
    assert [f for f in data["findings"] if f["kind"] == "omitted-claim"]
    path = draft(tmp_path, "<!-- checker: ignore-file omitted-claim -- a brief; the denial "
                           "has its own story -->\n" + body)
    _, data = check(path, src)
    assert not [f for f in data["findings"] if f["kind"] == "omitted-claim"]
    assert {f["kind"] for f in data["suppressed"]} == {"omitted-claim"}
    html = run("check", path, "-s", src, "--format", "html").stdout
    assert "Suppressed findings (" in html and "the denial has its own story" in html


# -- baselines --------------------------------------------------------------------------------

def test_baseline_survives_an_edit_to_another_paragraph(tmp_path, source):
    base = tmp_path / "baseline.json"
    path = draft(tmp_path, f"# Bakery\n\n{CLAIM_A}\n")
    result = run("check", path, "-s", source, "--write-baseline", base)
    assert result.exit_code == 0 and "1 finding accepted" in result.stderr or \
        "findings accepted" in result.stderr
    recorded = json.loads(base.read_text("utf-8"))
    assert recorded["format"] == "checker-baseline/1" and recorded["findings"]
    assert run("check", path, "-s", source, "--baseline", base).exit_code == 0
    # another paragraph is added above: lines shift, the accepted finding is still known
    path.write_text(f"# Bakery\n\nThe bakery opened in 1952 in Leeds.\n\n{CLAIM_A}\n", "utf-8")
    code, data = check(path, source, "--baseline", base)
    assert "DA101" in {f["code"] for f in data["suppressed"]}
    assert all(s["suppression"]["by"] == "baseline" for s in data["suppressed"])
    assert "DA101" not in {f["code"] for f in data["findings"]}
    # a new drift in a new paragraph still fails
    path.write_text(f"# Bakery\n\n{CLAIM_A}\n\n{CLAIM_B}\n", "utf-8")
    code, data = check(path, source, "--baseline", base)
    assert code == 1 and "DC201" in {f["code"] for f in data["findings"]}
    # an edit of the accepted sentence itself makes its finding new
    path.write_text("# Bakery\n\nMeridian Foods will close its Leeds bakery.\n", "utf-8")
    code, data = check(path, source, "--baseline", base)
    assert "DA101" in {f["code"] for f in data["findings"]}


def test_bad_baseline_is_an_input_error(tmp_path, source):
    path = draft(tmp_path, CLAIM_A)
    assert run("check", path, "-s", source, "--baseline", tmp_path / "none.json").exit_code == 3
    bad = tmp_path / "bad.json"
    bad.write_text('{"findings": 3}', "utf-8")
    result = run("check", path, "-s", source, "--baseline", bad)
    assert result.exit_code == 3 and "not a checker baseline" in result.stderr


# -- exit codes ---------------------------------------------------------------------------------

@pytest.mark.parametrize("fail_on,severity,code", [
    ("error", "error", 1), ("error", "warning", 0), ("error", "info", 0),
    ("warning", "error", 1), ("warning", "warning", 1), ("warning", "info", 0),
    ("info", "error", 1), ("info", "warning", 1), ("info", "info", 1),
])
def test_exit_code_at_each_fail_on_level(tmp_path, source, fail_on, severity, code):
    path = draft(tmp_path, CLAIM_A, "d.txt")
    cfg = tmp_path / "checker.toml"
    cfg.write_text(f'[checker]\nselect = ["DA101"]\n[checker.severity]\nDA101 = "{severity}"\n',
                   "utf-8")
    result = run("check", path, "-s", source, "--config", cfg, "--fail-on", fail_on)
    assert result.exit_code == code, result.output


def test_clean_text_exits_zero_at_every_level(tmp_path, source):
    path = draft(tmp_path, "Meridian Foods is closing its Leeds bakery, the Harbour Gazette "
                           "reports.\n", "d.txt")
    for level in ("error", "warning"):
        assert run("check", path, "-s", source, "--fail-on", level).exit_code == 0


def _interrupt(*_a, **_k):
    raise KeyboardInterrupt


@pytest.mark.parametrize("command", ["check", "claims", "bench", "fit", "batch"])
def test_interruption_exits_130_and_leaves_no_output(tmp_path, source, monkeypatch, command):
    import checker.pipeline

    monkeypatch.setattr(checker.pipeline.Pipeline, "__init__", _interrupt)
    out = tmp_path / "out" / "report.json"
    path = draft(tmp_path, CLAIM_A, "d.txt")
    bench_file = tmp_path / "rows.jsonl"
    bench_file.write_text(json.dumps({"id": "1", "dataset": "x", "doc": SOURCE,
                                      "summary": CLAIM_A, "label": 0}) + "\n", "utf-8")
    args = {"check": ["check", path, "-s", source, "--format", "json", "-o", out],
            "claims": ["claims", source, "--format", "json", "-o", out],
            "bench": ["bench", bench_file, "--format", "json", "-o", out],
            "fit": ["fit", bench_file, "-o", out],
            "batch": ["batch", tmp_path / "m.csv", "--out", tmp_path / "out", "--no-progress"]}
    (tmp_path / "m.csv").write_text(f"id,source,derived\n1,{source.name},d.txt\n", "utf-8")
    result = run(*args[command])
    assert result.exit_code == 130, (command, result.output)
    assert not out.exists() and not list(tmp_path.glob("**/*.tmp"))
    if command != "batch":  # batch reports its own end of run
        assert "interrupted" in result.stderr


# -- input ---------------------------------------------------------------------------------------

def test_source_without_a_sentence_is_an_input_error(tmp_path):
    bad = draft(tmp_path, "... !!! --- ???\n", "punct.txt")
    path = draft(tmp_path, CLAIM_A, "d.txt")
    result = run("check", path, "-s", bad)
    assert result.exit_code == 3 and "no sentence" in result.stderr and result.stdout == ""


def test_front_matter_names_the_sources_relative_to_the_draft(tmp_path, source):
    desk = tmp_path / "desk"
    desk.mkdir()
    path = draft(desk, f"---\ntitle: Bakery\nsources:\n  - ../source.txt\n---\n{CLAIM_A}\n")
    code, data = check_front(path)
    assert code == 1 and [s["document"] for s in data["sources"]] == ["source.txt"]
    assert "title" not in data["derived"]["text"] and data["findings"][0]["derived"]["line"] == 6


def check_front(path, *extra, input=None):
    result = run("check", path, "--format", "json", *extra, input=input)
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)


def test_no_source_anywhere_is_a_usage_error(tmp_path):
    path = draft(tmp_path, CLAIM_A)
    result = run("check", path)
    assert result.exit_code == 2 and "give --source FILE" in result.stderr


def test_stdin_with_stdin_filename(tmp_path, source):
    desk = tmp_path / "desk"
    desk.mkdir()
    text = f"---\nsources: [../source.txt]\n---\n{CLAIM_A}\n"
    result = run("check", "-", "--stdin-filename", desk / "bakery.md", "--format", "line",
                 input=text)
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{desk / 'bakery.md'}:4:1: DA101 ")
    assert run("check", source, "-s", source, "--stdin-filename", "x.md").exit_code == 2


def test_batch_honours_suppression_comments(tmp_path, source):
    draft(tmp_path, f"<!-- checker: ignore DA101 -- confirmed with Meridian -->\n{CLAIM_A}\n",
          "d.md")
    (tmp_path / "m.csv").write_text(f"id,source,derived\nbakery,{source.name},d.md\n", "utf-8")
    out = tmp_path / "out"
    result = run("batch", tmp_path / "m.csv", "--out", out, "--no-progress", "--fail-on",
                 "warning")
    assert result.exit_code in (0, 1), result.output
    rows = [json.loads(line) for line in (out / "findings.jsonl").read_text("utf-8").splitlines()]
    assert "DA101" not in {r["code"] for r in rows}
    html = next((out / "html").glob("*.html")).read_text("utf-8")
    assert "confirmed with Meridian" in html
