"""The package's layering: rules are isolated, importing them needs no parser, and only the
command line imports click."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "checker"
RULES = PACKAGE / "rules"
CLI = PACKAGE / "cli"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return out


def test_no_rule_imports_another_rule_or_the_extractor():
    for path in sorted(RULES.glob("*.py")):
        if path.name in ("__init__.py", "base.py"):
            continue
        bad = {m for m in _imports(path)
               if (m.startswith("checker.rules.") and m != "checker.rules.base")
               or m in ("checker.extract", "checker.parse", "spacy")}
        assert not bad, f"{path.name} imports {sorted(bad)}"


def test_helper_modules_below_the_rules_do_not_import_them():
    # a helper module that imports checker.rules.base loads every rule first, and so cannot
    # be imported on its own (the rules import the helper back): shared readings live in
    # checker/claim_reading.py instead
    for path in sorted(PACKAGE.glob("*.py")):
        bad = {m for m in _imports(path) if m.startswith("checker.rules.")}
        assert not bad, f"{path.name} imports {sorted(bad)}"


def test_a_helper_module_imports_on_its_own():
    code = ("import checker.polarity_flips, checker.quantified, checker.quantified_limits; "
            "print('ok')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "ok", out


def test_importing_the_rules_loads_neither_spacy_nor_numpy():
    code = ("import sys, checker.rules; "
            "print(sorted(m for m in ('spacy', 'numpy', 'checker.extract', 'checker.parse') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]", out


def test_only_the_command_line_imports_click():
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 50 and any(p.parent == CLI for p in modules)
    importers = {p.relative_to(PACKAGE).as_posix() for p in modules
                 if any(m == "click" or m.startswith("click.") for m in _imports(p))}
    assert importers, "the command line imports click"
    outside = sorted(p for p in importers if not p.startswith("cli/"))
    assert not outside, f"click imported outside checker/cli/: {outside}"


def test_the_library_loads_without_click():
    code = ("import sys, checker.pipeline, checker.check, checker.batch, checker.bench, "
            "checker.compare, checker.report, checker.config; print('click' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "False", "a library module pulls in click"
