"""Every rule module is registered, documented, has runnable examples and a unique code."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest

import checker.rules as rules_pkg
from checker.records import KINDS
from checker.rules import RULES, select_rules

HEADINGS = ("What it flags:", "Why it matters:", "Known false positives:", "Examples:")
NOT_RULES = {"base"}


def rule_modules():
    for info in pkgutil.iter_modules(rules_pkg.__path__):
        if info.name not in NOT_RULES:
            yield importlib.import_module(f"checker.rules.{info.name}")


def test_every_module_is_registered():
    registered = {r.code for r in RULES}
    for mod in rule_modules():
        assert hasattr(mod, "RULE"), f"{mod.__name__} declares no RULE"
        assert mod.RULE.code in registered, f"{mod.__name__} is not in RULES"
        assert mod.RULE is next(r for r in RULES if r.code == mod.RULE.code)


def test_codes_unique_and_kinds_valid():
    codes = [r.code for r in RULES]
    assert len(codes) == len(set(codes))
    for r in RULES:
        assert re.fullmatch(r"D[A-Z]\d{3}", r.code), r.code
        assert r.kind in KINDS
        assert r.severity in ("error", "warning", "info")


def test_every_kind_has_a_rule():
    assert {r.kind for r in RULES} == set(KINDS)


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_docstring_template(rule):
    for heading in HEADINGS:
        assert heading in rule.doc, f"{rule.code} docstring lacks {heading!r}"
    for label in ("Source:", "Flag:", "Okay:"):
        assert re.search(rf"^\s+{label} \S", rule.doc, re.M), f"{rule.code} lacks {label}"


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_docstring_examples_run(rule, check_texts, check_selected):
    source = re.search(r"Source: (.*)", rule.doc).group(1)
    flagged = re.search(r"Flag: (.*)", rule.doc).group(1)
    okay = re.search(r"Okay: (.*)", rule.doc).group(1)
    if not rule.enabled:  # a rule off by default is silent unless selected
        assert rule.code not in {f.code for f in check_texts(flagged, source).findings}
        check_texts = check_selected(rule.code)
    assert rule.code in {f.code for f in check_texts(flagged, source).findings}
    assert rule.code not in {f.code for f in check_texts(okay, source).findings}



def test_select_and_ignore():
    assert {r.code for r in select_rules(select=("DA",))} == {"DA101", "DA102", "DA103"}
    assert all(r.kind == "certainty-raised" for r in select_rules(select=("certainty-raised",)))
    assert "DU801" not in {r.code for r in select_rules(ignore=("unsupported-claim",))}
