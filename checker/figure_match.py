"""Whether two figures give the same value in any notation, and whether the sources give a
derived figure (``source_has``: the look-up DN501, DU803 and the score's count of figures
the sources never give share).

A figure is given when the sources write the same value in any notation: "14 weeks" and
"fourteen weeks", "a dozen" and 12, "£64m" and "about £64 million", a duration in other
units ("two weeks'" and "14 days'", "24-month" and "two-year", "48 hours" and "two days"),
a fraction in words, a ratio and a percentage ("about two-fifths" and "about 40%", "one in
five" and "20%"; a share rounded by an approximator within five points on the side it
gives, approximators.txt: "nearly four in ten" for 38%), a time of day on another clock
("14:10" and "2:10 p.m."), a length, mass, area or volume in other units ("1.2 kilometres"
and "1,200 metres", measure_units.txt), a count rounded by an approximator on the side it
gives ("more than three times" and "3.2 times"), a percentage written in another notation,
or one number of a tally or range the source writes whole ("9" of "nine to three"), a year
a source names by a shift ("the year before": year_shifts.txt). (A day the restated source
claim names in the other form, "on Monday" for "23 March" in a report dated 24 March, is
``checker.calendar_days``'s, read where the claim is known.)
Known false negative: a rounded share or count is met by any figure of its kind the sources
state, not only the aligned claim's. Shares and ratios are read in ``checker.shares``, spans
of time and clock times in ``checker.timespans``, a figure as written in a text in
``checker.figure_written``.
"""

from __future__ import annotations

import re

from checker.lexicon import shipped, shipped_values
from checker.figure_written import (calendar_day, dates_match, day_gaps, digits_whole, fmt_in,
                                    label_as_ordinal, month_span_lengths, numbers_in,
                                    one_as_article, part_of_month, pence_written,
                                    percent_written, periods_spanned,
                                    range_end_match, ranges_differ, squeeze, unit_carried,
                                    unit_words, written_in)
from checker.date_norms import period
from checker.numbers import PERCENT_MARK, YEAR_RE, number_values, values_match
from checker.units import TEMPERATURE_TOLERANCE, measure, temperatures_in
from checker.records import memo_on
from checker.shares import open_bound, rounding, same_share
from checker.timespans import (DAY_SECONDS, MONTH_SECONDS, clock_ends,
                               duration_seconds, durations, durations_in)

GROUP = {"number": "n", "quantity": "n", "percent": "p", "money": "m", "date": "d",
         "time": "t", "ordinal": "o"}


_SHIFTS = {phrase: int(v) for phrase, v in shipped_values("year_shifts")}
_SHIFT_RE = re.compile(r"\b(?:%s)\b" % "|".join(re.escape(p) for p in _SHIFTS))


def _years_implied(index) -> frozenset:
    """The years a source sentence names by a shift from the last year it writes before the
    shift ("in 2025, up from five the year before": 2024; year_shifts.txt)."""
    def build():
        out = set()
        for sentence in {sc.sentence.lower() for sc in index.claims}:
            for m in _SHIFT_RE.finditer(sentence):
                years = YEAR_RE.findall(sentence[:m.start()])
                if years:  # the year the shift counts from: the last one before it
                    out.add(int(years[-1]) + _SHIFTS[m.group()])
        return frozenset(out)
    return memo_on(index, "_years_implied", build)


def source_has(q, index) -> bool:
    """True when the sources carry the same value (any notation) for a derived number
    (answered once per figure and set of sources: DN501, DU803 and the score ask)."""
    known = memo_on(index, "_source_has", dict)
    got = known.get(q)
    if got is None:
        got = known[q] = _source_has(q, index)
    return got


def _source_has(q, index) -> bool:
    if _other_measure(q, index.quantities):
        return False  # "180 miles" where the source says "180 kilometres"
    mine = measure(q.text)
    if mine is not None and mine[0] == "temperature":  # "4C" is not "minus 4C", nor "40
        # swimmers"; a temperature the source writes in a phrase no claim keeps counts
        return _same_measure(q, index.quantities) or any(
            abs(t - mine[1]) <= TEMPERATURE_TOLERANCE for t in temperatures_in(index.text_lower))
    if q.kind == "percent" and q.text.lower().startswith("all but"):
        return (q.kind, q.norm) in index.quantity_norms or same_share(q, index)
        # ("all but 6%" is 94%: its 6 written in the source is another share)
    if q.kind == "money" and q.unit and (q.kind, q.norm) in index.quantity_norms \
            and not any(sq.kind == "money" and sq.norm == q.norm and not _currencies_apart(q, sq)
                        for sq in index.quantities):
        return False  # "€40m" where the source has only "$40m" (the norm keeps no currency)
    if (q.kind, q.norm) in index.quantity_norms and len(clock_ends(q.text)) < 2 and (
            not durations(q.text) or period(q.text.lower()) or any(
            sq.kind == q.kind and sq.norm == q.norm and same_span_of_time(q, sq)
            for sq in index.quantities)):
        return True  # not "the next 10 weeks" for "the next 10 days" (both normalised "10");
        # "the first three months of 2028" names a quarter, no span of time; a range of clock
        # times is normalised by its first end only ("10am to 7pm" is not "10am to 6pm")
    if _part_of_unit_written(q, index):
        return _same_duration(q, index.quantities, _source_lengths(index))
    if written_in(q.text.lower(), index.text_lower) or unit_carried(q.text, index.text_lower):
        return True  # (or as a move's second end, its unit left out: "from 14 shifts to nine")
    if one_as_article(q.text, index.text_lower) or label_as_ordinal(q.text, index.text_lower):
        return True  # "one mile" for "a mile", "year three" for "the third year"
    if pence_written(q, index.text_lower):
        return True  # "42 pence" where the source writes "42p", which the tagger may not read
    if YEAR_RE.fullmatch(q.text.strip()) and int(q.text) in _years_implied(index):
        return True  # "2024" for "five the year before", in a sentence about 2025
    digits = re.search(r"\d[\d,]*\d", q.text)
    if q.kind in ("number", "quantity") and digits and len(re.sub(r"\D", "", digits.group())) >= 3 \
            and re.search(rf"(?<![\w£$€¥.,]){re.escape(digits.group())}(?![\w%]|[.,]\d)",
                          index.text_lower):
        return True  # "roughly 3,400" for "about 3,400", which a speaker's phrase or an
        # aside may hold and no claim does (three digits or more: a "12" is anywhere; not
        # a sum, "£3,400", nor a share, "340%")
    if q.kind == "date" and period(q.text.lower()):
        # A quarter or a half ("Q3", "the third quarter") is met by the same period only,
        # never by a bare 3 elsewhere in the source, or by a span of its months ("between
        # July and September 2024" for "the third quarter of 2024")
        return any(sq.kind == "date" and value_equal(q, sq) for sq in index.quantities) \
            or q.norm in memo_on(index, "_periods", lambda: periods_spanned(index.text_lower))
    if _RELATIVE_DAYS.search(q.text) and (got := duration_seconds(q.text)) is not None \
            and got / DAY_SECONDS in memo_on(index, "_day_gaps",
                                             lambda: day_gaps(index.text_lower)):
        return True  # "two days later" between the 7 August and the 9 August the source gives
    squeezed = squeeze(q.text)
    if squeezed != q.text.lower() and digits_whole(squeezed, _squeezed_source(index)):
        return True  # "74 - year - old", "10 am", "£ 500" as written with other spacing
    if _same_duration(q, index.quantities, _source_lengths(index)) or same_share(q, index) or \
            _same_measure(q, index.quantities) or approximates(q, index.quantities) \
            or _end_of_span_range(q, index.quantities):
        return True
    if percent_written(q, index.text_lower) or same_clock_time(q, index.quantities):
        return True
    parts = numbers_in(q.text)
    if len(parts) == 1 and GROUP.get(q.kind) == "n" and any(
            GROUP.get(sq.kind) == "n" and len(theirs := numbers_in(sq.text)) > 1
            and any(values_match(parts[0], v) for v in theirs) for sq in index.quantities):
        return True  # "9" of a tally or a range the source writes whole ("nine to three")
    if len(parts) > 1 and q.kind != "percent" and all(
            any(values_match(v, sq.value) for sq in index.quantities)
            or fmt_in(v, index.text_lower) for v in parts):
        return True  # a range or a score ("five to two") whose numbers are all in the source
        # (not a ratio, "400 in 2,000", which states one share)
    if len(parts) == 1 and q.kind in ("date", "time", "number", "quantity") \
            and not calendar_day(q.norm) and any(
            sq.kind in ("date", "time", "number", "quantity") and numbers_in(sq.text) == parts
            and same_span_of_time(q, sq) for sq in index.quantities):
        return True  # "a 32-year-old" where the source says "Sinfield, 32," (not a day of
        # a month: "1 July" is not the source's "1 September")
    scaled = number_values(q.text)
    if len(scaled) == 1 and q.kind in ("number", "quantity", "money", "percent") and any(
            GROUP.get(sq.kind) == GROUP.get(q.kind) and values_match(scaled[0], sq.value)
            for sq in index.quantities):
        return True  # "a dozen" for 12, "£64m" for "about £64 million"
    sign = _CURRENCY_SIGN.search(q.text)
    if len(scaled) == 1 and q.kind == "money" and scaled[0] >= 1000 and sign and any(
            mark == sign.group() and values_match(scaled[0], v)
            for mark, v in _sums_in_text(index)):
        return True  # "€4,500,000" for "about €4.5 million" in a speaker's phrase, which no
        # claim of the source holds (in the same currency sign)
    marked = q.kind == "percent" and re.search(PERCENT_MARK, q.text, re.I) is not None
    if not marked:
        return any(value_equal(q, sq) for sq in index.quantities)
    return any(value_equal(q, sq) if sq.kind == "percent" else (
        (_PERCENT_IN.search(sq.text) or _PERCENT_AFTER.match(sc.text, sq.end - sc.start))
        and any(values_match(q.value, v, rel=0.02) for v in number_values(sq.text)))
        for sc in index.claims for sq in sc.quantities)
    # (a percentage is no count of the same number: "more than 40%" is not met by "40
    # organisations", only by a share, however the source marks it: "40pc", "12 p.c.",
    # "a 9-per-cent increase"; one the tagger tagged without any mark, "as much as 90 MW", is
    # a plain figure)


# A per cent mark in a form the tagger may leave out of the figure ("40pc", "12 pct", "12
# p.c.", "12-per-cent")
_PERCENT_MARKS = r"(?:pc|pct|p\.\s?c\.?|per[\s-]?cent|percent|%)(?![a-z])"
_PERCENT_AFTER = re.compile(rf"\s*-?\s*{_PERCENT_MARKS}", re.I)
_PERCENT_IN = re.compile(rf"\d\s*-?\s*{_PERCENT_MARKS}", re.I)  # read into another kind


_CURRENCY_SIGN = re.compile(r"[€$£¥]")
_SUM = re.compile(r"([€$£¥])\s?(\d[\d,.]*(?:\s*(?:million|billion|bn|m)\b)?)")


def _sums_in_text(index) -> tuple:
    """(currency sign, value) of every sum the sources' text writes with a sign, scales
    read ("€4.5 million" -> ("€", 4500000)), once per set of sources."""
    return memo_on(index, "_sums_in_text", lambda: tuple(
        (m.group(1), v) for m in _SUM.finditer(index.text_lower)
        for v in number_values(m.group(2))[:1]))


def span_length(text: str):
    """Seconds a figure spans, "the year to September" read as one year."""
    got = duration_seconds(text)
    units = durations(text)
    if got is None and len(units) == 1 and not numbers_in(text):
        got = duration_seconds(f"one {next(iter(units))}")
    return got


def _same_length(q, sq) -> bool:
    """Two spans of the same length ("the twelve months to September", "the year to
    September")."""
    a, b = span_length(q.text), span_length(sq.text)
    return a is not None and b is not None and values_match(a, b, rel=0.02)


def _other_measure(q, quantities) -> bool:
    """The sources give the figure's number as a length, mass, area or volume of another
    size ("180 kilometres" for "180 miles") and never its own size in any unit."""
    mine = measure(q.text)
    if mine is None or _same_measure(q, quantities):
        return False
    parts = numbers_in(q.text)
    return any(numbers_in(sq.text) == parts and (theirs := measure(sq.text)) is not None
               and theirs[0] == mine[0] for sq in quantities)


def _same_measure(q, quantities) -> bool:
    """The same length, mass, area or volume in other units ("roughly 1.2 kilometres",
    "about 1,200 metres"; "5 miles", "8 km"), within two per cent; the same temperature
    within half a degree Celsius ("46F" and "8C": ``units.TEMPERATURE_TOLERANCE``)."""
    mine = measure(q.text)
    if mine is None:
        return False
    return any(theirs[0] == mine[0] and (
        abs(mine[1] - theirs[1]) <= TEMPERATURE_TOLERANCE if mine[0] == "temperature"
        else values_match(mine[1], theirs[1], rel=0.02))
        for sq in quantities if (theirs := measure(sq.text)) is not None)


def approximates(q, quantities) -> bool:
    """A count or an amount rounded by an approximator (approximators.txt) that a source
    figure of its kind meets within half the figure's last rounded place, on the side the
    approximator gives: "more than three times" for "3.4 times", "nearly 400" for 386,
    "about 1,200" for 1,160 or 1,150; an open bound within its whole last place and a tenth
    of it, as rounding toward its side ("more than 1,800" for 1,860, "under 2,000" for
    1,880; not "nearly 1,900" for 1,810, nor for a source figure bounded the other way, "up
    to 1,860"); not "nearly 400" for 301, "about 1,200" for 1,090 nor
    "some 1,900" for 1,950 (rounded half up), nor "around 10 weeks" for the source's own
    "around 14 weeks" (a figure it already gives as rounded is met within a tenth only)."""
    side = rounding(q.text)
    mine = number_values(q.text)
    if side is None or len(mine) != 1 or not mine[0] or GROUP.get(q.kind) is None:
        return False
    margin = _rounded_place(mine[0]) / 2
    bound = open_bound(q.text)
    units = unit_words(q.text)
    span = duration_seconds(q.text)
    if span:
        return _approximated_span(span, side, span / mine[0] * margin, quantities)
    for sq in quantities:
        theirs = number_values(sq.text)
        if GROUP.get(sq.kind) != GROUP.get(q.kind) or len(theirs) != 1 or \
                durations(sq.text) != durations(q.text) or unit_words(sq.text) != units:
            continue  # "about 200 feet" is not met by "230 passengers"
        gap = theirs[0] - mine[0]
        if side and gap * side < 0:
            continue  # the wrong side of "nearly" or "more than"
        if not side and _rounded_far_again(gap, theirs[0], sq):
            continue
        if -margin - 1e-9 <= gap < margin - 1e-9:
            return True  # rounded half up: 1,150 is "about 1,200", 1,950 is not "some 1,900"
        if side and bound and abs(gap) < 2 * margin - 1e-9 \
                and abs(gap) <= ROUNDED_TOWARD * mine[0] and rounding(sq.text) != -side \
                and not (side > 0 and CEILING.search(sq.text)):
            return True  # an open bound rounds toward its side, down for "more than" (1,860
            # is "more than 1,800"), up for "under" (1,860 is "under 2,000"): within its whole
            # last place, and a tenth; not "nearly" (1,810 is not "nearly 1,900"), nor a source
            # figure bounded the other way ("up to 1,860" is no "more than 1,800")
    return False


# How far a figure rounded toward the side of its bound ("more than 1,800" for 1,860) may be
# from the source's: within the figure's last rounded place and this share of the figure.
ROUNDED_TOWARD = 0.1
# a figure that is itself a ceiling ("up to 1,860": ceiling_phrases.txt)
CEILING = re.compile(r"\b(?:%s)\b" % "|".join(sorted(map(re.escape, shipped("ceiling_phrases")))),
                     re.I)


# How far a figure may stray from one the source already gives as rounded ("about 1.48
# million" -> "about 1.5 million"): a tenth of it.
REROUNDED = 0.1


def _rounded_far_again(gap: float, theirs: float, sq) -> bool:
    """The source figure ``sq`` is already rounded ("around 14 weeks") and the derived one
    strays from it by more than ``REROUNDED`` of it ("around 10 weeks"): no rounding of it."""
    return abs(gap) > REROUNDED * abs(theirs) and rounding(sq.text) == 0


def _approximated_span(span: float, side: int, margin: float, quantities) -> bool:
    """A span of time rounded by an approximator that a source span in another unit meets,
    on the side it gives and within half its rounded place: "more than three weeks" for
    "23 days"; not "more than three weeks" for "19 days"."""
    for sq in quantities:
        theirs = duration_seconds(sq.text)
        if not theirs:
            continue
        gap = theirs - span
        if not side and _rounded_far_again(gap, theirs, sq):
            continue
        if (not side or gap * side >= 0) and abs(gap) <= margin + 1e-9:
            return True
    return False


def _rounded_place(value: float) -> float:
    """The place a figure is rounded to: 100 for 1,200, 1 for 3, 0.1 for 3.5."""
    if not float(value).is_integer():
        decimals = len(f"{value:.6f}".rstrip("0").split(".")[1])
        return 10.0 ** -decimals
    n, place = int(abs(value)), 1.0
    while n and n % 10 == 0:
        n, place = n // 10, place * 10
    return place


def _same_duration(q, quantities, lengths=()) -> bool:
    """The same length of time in other units ("a fortnight", "14 days"), among the
    figures' and the given ``lengths``; a month is four to four and a half weeks ("a month
    and a half" for "six weeks")."""
    mine = duration_seconds(q.text)
    if mine is None:
        return False
    months = "month" in durations(q.text)
    theirs = [t for sq in quantities if (t := duration_seconds(sq.text)) is not None]
    return any(values_match(mine, t, rel=0.1 if months and not _whole_months(t) else 0.02)
               for t in [*theirs, *lengths])


def _whole_months(seconds: float) -> bool:
    """A length written in months or years ("11 months", "two years"): no weeks to round."""
    n = seconds / MONTH_SECONDS
    return abs(n - round(n)) < 1e-6


# a span of days told from an event the text gives ("two days later", "a week earlier")
_RELATIVE_DAYS = re.compile(r"\b(?:%s)\b" % "|".join(sorted(shipped("relative_time_words"))),
                            re.I)


def _source_lengths(index) -> list[float]:
    """Every length of time the sources write, tagged or not ("over the next 21 days"), and
    the lengths of the spans of months they name by their ends ("between June and
    October")."""
    return memo_on(index, "_source_lengths", lambda: durations_in(index.text_lower)
                   + [n * MONTH_SECONDS for n in month_span_lengths(index.text_lower)])


_AGE_WORDS = shipped("age_words")


def same_span_of_time(q, sq) -> bool:
    """False when the derived figure counts units of time the source figure does not: "two
    months" is not the source's "two weeks" nor its "two people". An age ("a 32-year-old")
    still meets a bare number ("Sinfield, 32")."""
    mine = durations(q.text)
    if not mine:
        return True
    theirs = durations(sq.text)
    if theirs:
        return bool(mine & theirs)
    return bool(unit_words(q.text) & _AGE_WORDS)


def value_equal(q, sq) -> bool:
    """The same date (as far as both go) or the same value within rounding."""
    if q.kind == "date" and sq.kind == "date":
        if ranges_differ(q.text, sq.text):
            return False
        if part_of_month(q.text) and not durations(q.text):
            return range_end_match(q.text, sq.text)  # "late June" is not "2 June"
        # not "the next 10 weeks" for "the next 10 days"; "the twelve months to September"
        # is "the year to September"
        return bool(q.norm and sq.norm and dates_match(q.norm, sq.norm)
                    and (durations(q.text) == durations(sq.text) or _same_length(q, sq)
                         or period(q.text.lower()) == period(sq.text.lower()) != "")) \
            or not durations(q.text) and range_end_match(q.text, sq.text)
        # "the first three months of 2028" is "the first quarter of 2028"
    if _currencies_apart(q, sq):
        return False
    return values_match(q.value, sq.value, rel=0.02 if q.kind == "percent" else 0.005)


def _currencies_apart(q, sq) -> bool:
    """Two sums in two currencies ("€40m" and "$40m"); a sum with no currency written
    ("40 million") is in any."""
    return q.kind == sq.kind == "money" and bool(q.unit and sq.unit) and q.unit != sq.unit


def _squeezed_source(index) -> str:
    return memo_on(index, "_squeezed", lambda: squeeze(index.text_lower))


def same_clock_time(q, quantities) -> bool:
    """The same time of day on another clock ("14:10" for "2:10 p.m.", "03:40" for "3.40am");
    each end of a range of times among the source's ("10am to 7pm" is not "10am to 6pm")."""
    # a time tagged as a number ("3.40am" read as 3.4), on either side, counts only marked
    # a.m. or p.m.
    mine = clock_ends(q.text, marked=q.kind != "time")
    theirs = [t for sq in quantities if sq.kind in ("time", "number")
              for t in clock_ends(sq.text, marked=sq.kind != "time")]
    return bool(mine) and all(any(m & t for t in theirs) for m in mine)


def _end_of_span_range(q, quantities) -> bool:
    """A span of time is an end of a range of spans the source gives ("half an hour" of "30
    to 45 minutes")."""
    mine = duration_seconds(q.text)
    if mine is None:
        return False
    for sq in quantities:
        units = durations(sq.text)
        if len(units) != 1 or not _RANGE.search(sq.text):
            continue
        size = duration_seconds(f"one {next(iter(units))}")
        if size and any(values_match(v * size, mine) for v in number_values(sq.text)):
            return True
    return False


def _part_of_unit_written(q, index) -> bool:
    """A span of one unit in words ("an hour", "a day") that the sources write only as a
    part of one ("half an hour", "a quarter of a day"): another span, not the same."""
    low = q.text.lower().strip()
    if not re.fullmatch(r"(?:an?|one)\s+[a-z]+", low) or not durations(low):
        return False
    spots = [m.start() for m in re.finditer(rf"\b{re.escape(low)}\b", index.text_lower)]
    return bool(spots) and all(re.search(r"\b(?:half|quarter\s+of|third\s+of)\s+$",
                                         index.text_lower[max(0, at - 12):at]) for at in spots)


def same_value(q, sq) -> bool:
    """Two figures of the same value however written."""
    if q.text.lower() == sq.text.lower() or squeeze(q.text) == squeeze(sq.text):
        return True
    if q.kind == sq.kind == "date" and q.norm == sq.norm and q.norm.startswith("century "):
        return True  # "the late 1200s" and "the late 13th century" (date_norms.century)
    nums = numbers_in(q.text)
    if nums and nums == numbers_in(sq.text) and (q.kind == "date") == (sq.kind == "date"):
        return True  # "34 - year - old" and "the 34-year-old"; not "9 May" and "nine"
        # (nor "early in May" and "early in March", which have no number)
    if _same_duration(q, (sq,)) or _same_measure(q, (sq,)) or \
            (q.kind == "time" and same_clock_time(q, (sq,))):
        return True  # "an hour and ten minutes" and "70-minute"; "14:17" and "2:17 p.m."
    return value_equal(q, sq)


_RANGE = re.compile(r"\bbetween\b.+\band\b|\d\S*\s*(?:to|[-–])\s*\S*\d|\bfrom\b.+\bto\b", re.I)


def shared_figures(dc, sc) -> int:
    """How many of the derived claim's figures the source claim gives too (``same_value``):
    a figure both give counts as a word they share."""
    return sum(any(same_value(q, sq) for sq in sc.quantities) for q in dc.quantities)


def range_end(q, sq) -> bool:
    """``q`` states one end of the range ``sq`` gives ("£6m" of "between £6 million and £11
    million", "15" of "12 to 15"), a figure of the same kind."""
    if q.kind != sq.kind or q.value is None or not _RANGE.search(sq.text):
        return False
    ends = number_values(sq.text)
    return len(ends) >= 2 and any(values_match(q.value, v) for v in ends)
