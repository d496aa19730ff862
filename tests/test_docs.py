"""The documentation is tested too: commands, rules and exit codes appear where users look."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from checker.cli import cli
from checker.rules import RULES

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_command_has_help_with_an_example_and_is_in_the_readme():
    runner = CliRunner()
    for name, command in cli.commands.items():
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Example" in result.output, f"{name} --help has no example"
        assert f"checker {name}" in README, f"README does not show `checker {name}`"


def test_every_rule_code_is_in_the_rules_table():
    for rule in RULES:
        row = f"| {rule.code} | {rule.name} | `{rule.kind}` | {rule.severity} |"
        assert row in README, f"README rules table lacks {rule.code}"


def test_exit_codes_are_in_check_help():
    result = CliRunner().invoke(cli, ["check", "--help"])
    for code in ("0", "1", "2", "3"):
        assert f"  {code}  " in result.output


def test_quick_start_has_two_commands():
    start = README.split("## Quick start", 1)[1].split("##", 1)[0]
    commands = [line.strip() for line in start.splitlines() if line.startswith("    ")]
    assert len(commands) == 2
    assert "checker batch corpora/" in commands[0]
    assert "pytest" in commands[1]
