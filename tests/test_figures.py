"""How DN501 and DU803 decide that the sources give a figure (no spaCy model needed)."""

from __future__ import annotations

import pytest

from checker.records import Quantity
from checker.rules.number_changed import _same_span_of_time, _written_in, dates_match


@pytest.mark.parametrize("figure, text, expected", [
    ("4bn", "sales of $18.4bn in 2022", False),  # inside a larger figure
    ("4bn", "sales of $4bn in 2022", True),
    ("30", "it closed in 1930.", False),
    ("30", "it closed 30 years ago.", True),
    ("march 3", "on march 31, 2021", False),
    ("march 3", "on march 3, 2021", True),
    ("5", "version 2.5 shipped", False),
    ("000", "it raised £50, 000 for", True),  # a thousands group split by a tokeniser
    ("", "anything", False),
])
def test_written_in_needs_a_whole_figure(figure, text, expected):
    assert _written_in(figure, text) is expected


def q(text, kind="date"):
    return Quantity(text=text, kind=kind, value=None, unit="", start=0, end=len(text),
                    norm=text.lower())


def test_spans_of_time_must_agree():
    assert not _same_span_of_time(q("two months"), q("two", "number"))
    assert not _same_span_of_time(q("two months"), q("two weeks"))
    assert _same_span_of_time(q("two months"), q("two-month"))
    assert _same_span_of_time(q("a 32-year-old"), q("32", "number"))  # an age
    assert _same_span_of_time(q("32", "number"), q("32 years"))


def test_quarters_match_within_a_year():
    assert dates_match("q3", "2022-q3")
    assert not dates_match("q3", "2022-q4")
    assert not dates_match("2022-q3", "2022-q4")
    assert dates_match("2022", "2022-q4")  # as far as both go


def test_names_with_numbers():
    from checker.rules.number_changed import _identifiers

    def found(text):
        return [text[s:e] for s, e, *_ in _identifiers(text)]

    assert found("a decline in SARS-CoV-4 vaccine sales") == ["SARS-CoV-4"]
    assert found("The common equity Tier 2 capital ratio") == ["Tier 2"]
    assert found("Windows 11 and COVID-19") == ["Windows 11", "COVID-19"]
    # Words before figures, dates, ages and scores are not names.
    assert found("in 2020, on March 3, it was 67, Aged 32, a 32-year-old") == []
    assert found("Liverpool beat Blackburn 1 - 0 and Calder 2-1") == []
