"""The README's "Use it before publishing" examples run as written: the pre-commit hook and
the CI workflow's checker steps, on a small repository of drafts with front-matter sources.

pre-commit and GitHub Actions are not run themselves (they need the network); the test runs
what they would run: the hook's ``entry`` with the staged files its ``files`` pattern selects,
and each workflow step's ``run`` line in the repository's root."""

from __future__ import annotations

import glob
import json
import re
import shlex
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from checker.cli import cli

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
SECTION = README.split("## Use it before publishing", 1)[1].split("\n## ", 1)[0]

WIRE = ("The Harbour Gazette reports that Meridian Foods is closing its Leeds bakery.\n\n"
        "Sales at the bakery could fall by 20% next year, analysts said.\n")
CLEAN = ("---\ntitle: Meridian to close Leeds bakery\nsources:\n  - ../wire/meridian.txt\n---\n"
         "# Meridian to close Leeds bakery\n\n"
         "Meridian Foods is closing its Leeds bakery, the Harbour Gazette reports.\n")
DRIFTED = ("---\nsources: [../wire/meridian.txt]\n---\n"
           "Sales at the bakery will fall by 20% next year.\n")


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", SECTION, re.S)


@pytest.fixture
def repo(tmp_path, monkeypatch):
    (tmp_path / "wire").mkdir()
    (tmp_path / "wire" / "meridian.txt").write_text(WIRE, "utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "clean.md").write_text(CLEAN, "utf-8")
    (tmp_path / "notes.md").write_text("Not a draft: the hook's pattern leaves it out.\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_line(line: str):
    """A shell line as a CI runner would run it: globs expanded, ``|| true`` honoured."""
    tolerant = line.rstrip().endswith("|| true")
    words = shlex.split(line.split("||")[0])
    assert words[0] == "checker", line
    args = [m for w in words[1:] for m in (sorted(glob.glob(w)) if "*" in w else [w])]
    result = CliRunner().invoke(cli, args)
    return result, 0 if tolerant else result.exit_code


def test_the_draft_example_has_front_matter_sources():
    draft = blocks("markdown")[0]
    assert draft.startswith("---\n") and "sources:" in draft


def test_pre_commit_example_stops_a_drifted_draft(repo):
    config = yaml.safe_load(blocks("yaml")[0])
    hook = config["repos"][0]["hooks"][0]
    files = [p for p in ("drafts/clean.md", "notes.md") if re.search(hook["files"], p)]
    assert files == ["drafts/clean.md"]
    entry = shlex.split(hook["entry"])
    assert entry[0] == "checker"
    ok = CliRunner().invoke(cli, [*entry[1:], *files])
    assert ok.exit_code == 0, ok.output
    (repo / "drafts" / "drifted.md").write_text(DRIFTED, "utf-8")
    files = ["drafts/clean.md", "drafts/drifted.md"]
    stopped = CliRunner().invoke(cli, [*entry[1:], *files])
    assert stopped.exit_code == 1
    assert re.search(r"^drafts/drifted\.md:4:1: D[A-Z]\d{3} ", stopped.stdout, re.M)
    # an accepted finding with a reason lets the commit through
    (repo / "drafts" / "drifted.md").write_text(DRIFTED.replace(
        "---\nSales", "---\n<!-- checker: ignore DA101, DC201 -- the analysts' note says "
                     "'will' -->\nSales"), "utf-8")
    assert CliRunner().invoke(cli, [*entry[1:], *files]).exit_code == 0


def test_shipped_pre_commit_hook_runs_its_entry(repo):
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    hook = next(h for h in hooks if h["id"] == "checker")
    assert hook["types"] == ["markdown"]
    (repo / "drafts" / "drifted.md").write_text(DRIFTED, "utf-8")
    entry = shlex.split(hook["entry"])
    assert CliRunner().invoke(cli, [*entry[1:], "drafts/clean.md"]).exit_code == 0
    assert CliRunner().invoke(cli, [*entry[1:], "drafts/drifted.md"]).exit_code == 1


def test_ci_example_annotates_fails_and_writes_sarif(repo):
    workflow = yaml.safe_load(blocks("yaml")[1])
    steps = next(iter(workflow["jobs"].values()))["steps"]
    lines = [s["run"] for s in steps if s.get("run", "").startswith("checker ")]
    assert len(lines) == 2
    result, code = run_line(lines[0])
    assert code == 0 and result.stdout == ""  # clean drafts: no annotation, exit 0
    (repo / "drafts" / "drifted.md").write_text(DRIFTED, "utf-8")
    result, code = run_line(lines[0])
    assert code == 1
    assert re.search(r"^::error file=drafts/drifted\.md,line=4,col=1,", result.stdout, re.M)
    result, code = run_line(lines[1])
    assert code == 0 and result.exit_code == 1  # `|| true`: the upload step still runs
    sarif = json.loads((repo / "checker.sarif").read_text("utf-8"))
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"]


def test_baseline_advice_lets_old_drafts_pass_and_new_drift_fail(repo):
    (repo / "drafts" / "drifted.md").write_text(DRIFTED, "utf-8")
    line = re.search(r"`(checker check drafts/\*\.md --write-baseline [^`]+)`", SECTION).group(1)
    result, code = run_line(line)
    assert code == 0, result.output
    base = line.split("--write-baseline ")[1]
    result, code = run_line(f"checker check drafts/*.md --format github --fail-on error "
                            f"--baseline {base}")
    assert code == 0, result.output
    (repo / "drafts" / "new.md").write_text(DRIFTED.replace("20%", "30%"), "utf-8")
    result, code = run_line(f"checker check drafts/*.md --fail-on error --baseline {base}")
    assert code == 1


def test_several_drafts_one_unreadable_others_checked(repo):
    (repo / "drafts" / "drifted.md").write_text(DRIFTED, "utf-8")
    (repo / "drafts" / "empty.md").write_text("", "utf-8")
    result = CliRunner().invoke(cli, ["check", "drafts/clean.md", "drafts/empty.md",
                                      "drafts/drifted.md", "--format", "json"])
    assert result.exit_code == 3
    assert "empty.md" in result.stderr
    reports = json.loads(result.stdout)
    assert [r["derived"]["document"] for r in reports] == ["clean.md", "drifted.md"]
