"""A calendar year the sources call "this year" is the year they were published in; another
year is still a figure no source gives (or a changed one)."""

from __future__ import annotations

from checker.load import load_text

SOURCE = ("The Harnby summer regatta, held on the lake every July for 30 years, has been "
          "scrapped this year, its organisers said on Tuesday.")


def _codes(pipeline, derived: str, date: str) -> list:
    der = load_text(derived, doc_id="d.txt")
    src = load_text(SOURCE, doc_id="s.txt", meta={"date": date})
    return [f.code for f in pipeline.check(der, [src]).findings]


def test_the_year_a_source_calls_this_year_is_given(pipeline):
    derived = "The Harnby summer regatta on the lake is scrapped for 2025."
    assert _codes(pipeline, derived, "2025-03-04") == []


def test_another_year_is_still_unsupported(pipeline):
    derived = "The Harnby summer regatta on the lake is scrapped for 2026."
    assert {"DU803", "DN501"} & set(_codes(pipeline, derived, "2025-03-04"))
