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


def test_a_weekday_told_in_the_present_is_not_read_as_last_week(pipeline):
    src = load_text("The new Callow Green library opens on Saturday, the council said.",
                    doc_id="s.txt", meta={"date": "2025-05-14"})
    der = load_text("The new Callow Green library opens on 10 May, the council said.",
                    doc_id="d.txt")
    assert "DN501" in [f.code for f in pipeline.check(der, [src]).findings]


def test_each_source_anchors_only_its_own_weekdays(pipeline):
    first = load_text(SOURCE, doc_id="a.txt", meta={"date": "2025-05-14"})
    other = load_text("The swimming baths in Callow Green closed in April after 60 years.",
                      doc_id="b.txt", meta={"date": "2025-05-21"})
    der = load_text("Around 250 people marched through Callow Green on 10 May against the "
                    "closure of the swimming baths, the organisers said.", doc_id="d.txt")
    assert "DN501" not in [f.code for f in pipeline.check(der, [first, other]).findings]
