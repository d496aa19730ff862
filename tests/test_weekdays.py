"""A weekday a source gives ("on Saturday") is a date of the month in the week before the
day it was published (its metadata's date), as it is before a full date its text writes."""

from __future__ import annotations

from checker.load import load_text

SOURCE = ("Around 250 people marched through Callow Green on Saturday against the closure of "
          "the swimming baths, the organisers said.")


def _codes(pipeline, derived: str, date: str = "") -> list:
    der = load_text(derived, doc_id="d.txt")
    src = load_text(SOURCE, doc_id="s.txt", meta={"date": date} if date else None)
    return [f.code for f in pipeline.check(der, [src]).findings]


def test_the_saturday_before_publication_is_its_date(pipeline):
    derived = ("Around 250 people marched through Callow Green on 10 May against the closure "
               "of the swimming baths, the organisers said.")
    assert "DN501" not in _codes(pipeline, derived, "2025-05-14")


def test_another_day_of_the_month_is_a_changed_figure(pipeline):
    derived = ("Around 250 people marched through Callow Green on 3 May against the closure "
               "of the swimming baths, the organisers said.")
    assert "DN501" in _codes(pipeline, derived, "2025-05-14")
