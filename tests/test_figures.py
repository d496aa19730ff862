"""How DN501 and DU803 decide that the sources give a figure (the last test reads claims with
the spaCy model; the others need none)."""

from __future__ import annotations

import pytest

from checker.check import source_index
from checker.figure_match import source_has
from checker.load import load_text
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
    ("131", "she is ranked 131st in the world", True),  # a rank's number
    ("13", "she is ranked 131st in the world", False),
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

    assert found("a fall in MERV-9 booster orders") == ["MERV-9"]
    assert found("The harbour trust moved to Tier 2 funding") == ["Tier 2"]
    assert found("Windows 11 and COVID-19") == ["Windows 11", "COVID-19"]
    # Words before figures, dates, ages and scores are not names.
    assert found("in 2020, on March 3, it was 67, Aged 32, a 32-year-old") == []
    assert found("Liverpool beat Blackburn 1 - 0 and Calder 2-1") == []


def test_numbers_in_words_and_figures():
    from checker.numbers import number_values

    assert number_values("fourteen weeks") == [14]
    assert number_values("a dozen eggs") == [12]
    assert number_values("two dozen") == [24]
    assert number_values("£64m") == [64_000_000]
    assert number_values("£64m", scaled=False) == [64]
    assert number_values("6.2 m of water") == [6.2]  # metres, not millions
    assert number_values("nine fouls and one booking") == [9, 1]
    assert number_values("about two-fifths") == []  # a share, not a count


def test_durations_and_shares():
    from checker.numbers import fraction_value, states_a_figure
    from checker.timespans import duration_seconds

    assert duration_seconds("a fortnight") == duration_seconds("14 days")
    assert duration_seconds("two days") == duration_seconds("48 hours")
    assert duration_seconds("24-month") == duration_seconds("two-year")
    assert duration_seconds("half a year") == duration_seconds("six months")
    assert duration_seconds("three and a half years") == duration_seconds("42 months")
    assert duration_seconds("nine players") is None
    # a weekend after the unit says when, not how long (it once raised a KeyError)
    assert duration_seconds("six hours every weekend") == duration_seconds("six hours")
    assert fraction_value("about two-fifths") == 0.4
    assert fraction_value("a third of members") == 1 / 3
    assert fraction_value("half the fleet") == 0.5
    assert fraction_value("twelve boats") is None
    assert states_a_figure("twelfth") and states_a_figure("afternoon")
    assert not states_a_figure("harbour")


def test_sums_and_spans_between_dates():
    from types import SimpleNamespace

    from checker.figure_sums import derived_sum

    def claim(*texts, kind="number"):
        return SimpleNamespace(quantities=[Quantity(text=t, kind=kind, value=None, unit="",
                                                    start=0, end=0, norm="") for t in texts])

    assert derived_sum(q("nine", "number"), [claim("7", "two")])  # 7 + 2
    assert derived_sum(q("five", "number"), [claim("12", "7")])  # 12 - 7
    assert not derived_sum(q("six", "number"), [claim("12", "7")])
    dates = SimpleNamespace(quantities=[
        Quantity(text="March 2020", kind="date", value=2020, unit="", start=0, end=0,
                 norm="2020-03"),
        Quantity(text="August 2021", kind="date", value=2021, unit="", start=0, end=0,
                 norm="2021-08")])
    assert derived_sum(q("a year and a half"), [dates])
    assert not derived_sum(q("three years"), [dates])


def test_a_percentage_written_in_any_sentence_of_the_source():
    from types import SimpleNamespace

    from checker.figure_match import source_has

    index = SimpleNamespace(quantity_norms=frozenset(), quantities=(), claims=(),
                            text_lower="the board spoke, warning that up to 12% of homes "
                                       "could be cut off.")
    share = Quantity(text="as many as 12 per cent", kind="percent", value=12.0, unit="",
                     start=0, end=22, norm="12")
    assert source_has(share, index)
    assert not source_has(Quantity(text="21 per cent", kind="percent", value=21.0, unit="",
                                   start=0, end=11, norm="21"), index)
    assert not source_has(Quantity(text="2 per cent", kind="percent", value=2.0, unit="",
                                   start=0, end=10, norm="2"), index)  # not the 2 of 12%


def test_halves_and_quarters_of_a_year_in_words():
    from checker.date_norms import period

    assert period("the first six months of the year") == period("h1") == "h1"
    assert period("the first half of the financial year") == "h1"
    assert period("the last three months of 2024") == "q4"
    assert period("the second half") == ""  # of a match, as often as of a year


def test_a_ratio_is_the_share_it_states():
    from types import SimpleNamespace

    from checker.figure_whole import complete

    text = "trains ran late on one in twenty days"
    claim = SimpleNamespace(text=text, start=0)
    twenty = Quantity(text="twenty", kind="number", value=20.0, unit="",
                      start=text.index("twenty"), end=len(text) - 5, norm="20")
    share = complete(twenty, claim)
    assert (share.kind, share.value, share.text) == ("percent", 5.0, "one in twenty")
    shops = Quantity(text="20", kind="number", value=20.0, unit="", start=8, end=10, norm="20")
    assert complete(shops, SimpleNamespace(text="all but 20 shops", start=0)) is shops


def test_clock_times_on_either_clock():
    from checker.timespans import clock_minutes

    assert clock_minutes("14:10") == clock_minutes("2:10 p.m.") == {850}
    assert clock_minutes("3:55") == {235, 955}  # morning or afternoon
    assert clock_minutes("noon") == {720} and clock_minutes("00:30") == clock_minutes("12:30 am")
    assert not clock_minutes("the 1990s") and not clock_minutes("25:10")


def test_a_clock_time_the_tagger_read_as_a_number():
    from types import SimpleNamespace

    from checker.figure_match import source_has

    source = Quantity(text="3:40 a.m.", kind="time", value=None, unit="", start=0, end=9,
                      norm="03")
    index = SimpleNamespace(quantity_norms=frozenset(), quantities=(source,),
                            text_lower="officers were called at 3:40 a.m.")
    assert source_has(Quantity(text="3.40am", kind="number", value=3.4, unit="", start=0,
                               end=6, norm="3.4"), index)
    assert not source_has(Quantity(text="3.40", kind="number", value=3.4, unit="", start=0,
                                   end=4, norm="3.4"), index)  # a decimal stays a decimal


def test_an_adverbial_ordinal_counts_nothing():
    from types import SimpleNamespace

    from checker.figures import _adverbial
    from checker.records import Word

    text = "a drug first made for diabetes"
    first = Quantity(text="first", kind="ordinal", value=1.0, unit="", start=7, end=12,
                     norm="1")
    adverb = SimpleNamespace(text=text, start=0, words=(
        Word(2, 6, "drug", "drug", "NOUN"), Word(7, 12, "first", "first", "ADV")))
    assert _adverbial(first, adverb)
    ordinal = SimpleNamespace(text="the first strike in a decade", start=0, words=(
        Word(4, 9, "first", "first", "ADJ"), Word(10, 16, "strike", "strike", "NOUN")))
    assert not _adverbial(replace_q(first, start=4, end=9), ordinal)


def test_a_year_is_no_denominator():
    from types import SimpleNamespace

    from checker.figure_whole import complete

    text = "Kelby recorded 9 in 2023"
    claim = SimpleNamespace(text=text, start=0)
    nine = Quantity(text="9", kind="number", value=9.0, unit="", start=15, end=16, norm="9")
    assert complete(nine, claim) is nine


def replace_q(q, **changes):
    from dataclasses import replace

    return replace(q, **changes)


def test_a_changed_ratio_is_told_once_with_the_source_share(check_texts):
    found = check_texts("The survey found that nearly four in ten had cut back on heating.",
                        "The survey found that 43% had cut back on heating.")
    figures = [f for f in found.findings if f.kind in ("number-changed", "unsupported-claim")]
    assert [f.code for f in figures] == ["DN501"]
    assert "43%" in figures[0].message and figures[0].text == "nearly four in ten"


def test_a_count_the_source_writes_only_in_an_aside_is_given(pipeline):
    src = load_text("The Upland Farmers' Union, which represents about 3,400 dairy farmers, "
                    "said the new price would push many below the cost of production.",
                    doc_id="s")
    index = source_index([src], pipeline.claims(src))
    assert source_has(pipeline.claims(load_text(
        "The union has roughly 3,400 members.", doc_id="d"))[0].quantities[0], index)
    assert not source_has(pipeline.claims(load_text(
        "The union has roughly 3,500 members.", doc_id="d"))[0].quantities[0], index)


@pytest.mark.parametrize("derived, source, expected", [
    ("about 1,200", "1,160", True),
    ("about 1,200", "1,150", True),   # rounded half up to 1,200
    ("some 1,900", "1,950", False),   # rounded half up, 1,950 is 2,000
    ("about 1,200", "1,090", False),
    ("nearly 400", "386", True),
    ("nearly 400", "301", False),
])
def test_a_rounded_count_meets_a_source_count_rounded_half_up(derived, source, expected):
    from types import SimpleNamespace

    value = float(source.replace(",", ""))
    index = SimpleNamespace(quantity_norms=frozenset(), text_lower=f"there were {source}.",
                            quantities=(Quantity(text=source, kind="number", value=value,
                                                 unit="", start=0, end=len(source),
                                                 norm=source.replace(",", "")),))
    mine = float(derived.split()[-1].replace(",", ""))
    q = Quantity(text=derived, kind="number", value=mine, unit="", start=0, end=len(derived),
                 norm=derived.split()[-1].replace(",", ""))
    assert source_has(q, index) is expected
