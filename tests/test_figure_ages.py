"""An age a derived text gives a thing ("its 62-year-old lido") is supported by the year a
source dates the thing from and the year the source was published."""

from __future__ import annotations

from checker.load import load_text

SOURCE = "The 1963 open-air lido on Bell Road will close for repairs in May, the council said."


def _codes(pipeline, derived: str, date: str) -> list:
    src = load_text(SOURCE, doc_id="s.txt", meta={"date": date} if date else None)
    der = load_text(derived, doc_id="d.txt")
    return [f.code for f in pipeline.check(der, [src]).findings]


AGED = "Bell Road's 62-year-old lido will close for repairs in May, the council said."


def test_an_age_from_the_year_built_and_the_year_published(pipeline):
    assert "DU803" not in _codes(pipeline, AGED, "2025-03-02")


def test_an_age_that_does_not_meet_the_years_is_unsupported(pipeline):
    assert "DU803" in _codes(pipeline, AGED, "2031-03-02")


def test_no_publication_date_no_age(pipeline):
    assert "DU803" in _codes(pipeline, AGED, "")
