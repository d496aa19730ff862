"""Where a figure stands as written in a text, and the notations two figures share: the
text-level readings ``checker.figure_match`` builds on ("4bn" is not written in "$18.4bn";
"74 - year - old" squeezed meets "74-year-old"; "42 pence" is the source's "42p"; a
normalised date agrees with another as far as both go; the words that say what a figure
counts)."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from checker.lexicon import shipped, shipped_values
from checker.date_norms import MONTHS, ORDINALS
from checker.numbers import PERCENT_MARK, format_figure, number_values
from checker.units import SUBUNIT_MARKS, subunit_value


def pence_written(q, text: str) -> bool:
    """A sum in pence or cents whose figure the sources write with a mark of pence or
    cents ("42p", "42 pence", "42c")."""
    pence = subunit_value(q.text) if q.kind == "money" else None
    if pence is None:
        return False
    figure = format_figure(round(pence[0] * 100, 4))
    return re.search(rf"(?<![\d.,]){re.escape(figure)}\s?(?:{SUBUNIT_MARKS})\b", text) is not None


def numbers_in(text: str) -> list[float]:
    """Every number written in a numeric expression, in figures or in words, scales left
    out: the tagger often cuts "£12m" to "12", which still meets "£12 million"."""
    return number_values(text, scaled=False)


_MONTH = r"(?:0[1-9]|1[0-2])"


_CALENDAR_DAY = re.compile(rf"(?:\d{{4}}-)?{_MONTH}-\d\d|\d{{4}}-{_MONTH}")  # not "2024-25"


def calendar_day(norm: str) -> bool:
    """A normalised date that names a month ("07-01", "2026-07", "2026-07-01"), not a bare
    number or a span ("10", "60-day")."""
    return bool(norm) and _CALENDAR_DAY.fullmatch(norm) is not None


def written_in(figure: str, text: str) -> bool:
    """True when the figure stands in the text as a whole figure: "4bn" is not written in
    "$18.4bn", nor "30" in "1930". A group of three digits after a comma counts ("000" of
    "50,000", which some tokenised texts write "50, 000"), and so does an ordinal's number
    ("131" in "131st")."""
    if not figure:
        return False
    group = len(figure) == 3 and figure.isdigit()
    start = text.find(figure)
    while start >= 0:
        before = text[start - 1] if start else " "
        end = start + len(figure)
        after = text[end] if end < len(text) else " "
        inside = before.isalnum() or (before in ".," and start > 1 and text[start - 2].isdigit()
                                      and not (group and before == ","))
        ordinal = figure[-1:].isdigit() and re.match(r"(?:st|nd|rd|th)\b", text[end:end + 3])
        if not inside and (not after.isalnum() or ordinal):
            return True  # also a rank: "No. 131" for "ranked 131st"
        start = text.find(figure, start + 1)
    return False


_ONE_OF_A_UNIT = re.compile(r"(?:one|1)\s+([a-z]+)")


def one_as_article(figure: str, text: str) -> bool:
    """True when a figure of one unit ("one mile", "1 hour") stands in the text with an
    article for its number ("a mile south", "an hour")."""
    m = _ONE_OF_A_UNIT.fullmatch(figure.lower().strip())
    return m is not None and re.search(rf"\ban?\s+{m.group(1)}\b", text) is not None


_LABELLED = re.compile(r"([a-z]+)\s+(\d+|[a-z]+)")


def label_as_ordinal(figure: str, text: str) -> bool:
    """True when a labelled number ("year three", "phase 2") stands in the text as an
    ordinal before its label ("the third year", "2nd phase"), or in a list after its label
    in the plural ("Years 3 and 4", "phases 1 to 3")."""
    m = _LABELLED.fullmatch(figure.lower().strip())
    if m is None:
        return False
    label, number = m.groups()
    values = number_values(number)
    if len(values) != 1:
        return False
    n = values[0]
    words = [w for w, v in ORDINALS.items() if v == n] + [f"{n:g}st", f"{n:g}nd", f"{n:g}rd",
                                                           f"{n:g}th"]
    if any(re.search(rf"\b{re.escape(w)}\s+{re.escape(label)}\b", text) for w in words):
        return True
    listed = rf"\b{re.escape(label)}s\s+(?:\w+(?:,\s*|\s+(?:and|or|to)\s+|\s*[-–]\s*))*"
    return any(re.search(listed + rf"{re.escape(w)}\b", text) for w in (number, f"{n:g}"))


def squeeze(text: str) -> str:
    """A figure's text without spaces, hyphens and ordinal suffixes, so that tokenised or
    hand-typed copies meet ("74 - year - old", "54-year old" -> "54yearold"; "10 am" ->
    "10am"; "87th" -> "87")."""
    t = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.lower())
    return re.sub(r"[\s\-‐–’']+", "", t)


def digits_whole(figure: str, text: str) -> bool:
    """The figure stands in the text with no digit run on at either end ("4october" is not
    in "14october", nor "5million" in "3.5million")."""
    start = text.find(figure)
    while start >= 0:
        end = start + len(figure)
        if not (figure[:1].isdigit() and _digit_at(text, start - 1, -1)) and \
                not (figure[-1:].isdigit() and _digit_at(text, end, 1)):
            return True
        start = text.find(figure, start + 1)
    return False


def _digit_at(text: str, i: int, step: int) -> bool:
    """A digit stands at ``i``, or a decimal point or a thousands comma with a digit beyond
    it ("3.5" runs on before "5", "12,400" before "400")."""
    if not 0 <= i < len(text):
        return False
    return text[i].isdigit() or (text[i] in ".," and 0 <= i + step < len(text)
                                 and text[i + step].isdigit())


def dates_match(a: str, b: str) -> bool:
    """True when two normalised dates agree as far as both go: "2023" and "2023-02-23", or
    "02-23" and "2023-02-23", but not "20" (twenty years) and "2023-02-23"."""
    if a == b or (not re.search(r"\d", a + b) and _bare(a) == _bare(b)):
        return True  # "the first year" and "the scheme's first year"
    pa, pb = a.split("-"), b.split("-")
    short, long_ = (pa, pb) if len(pa) <= len(pb) else (pb, pa)
    if len(short) == len(long_):
        return False
    n = len(short)
    # A lone number matches a year at the front, never a day at the end ("30" of "30 years
    # ago" is not "June 30"); a lone quarter or half matches one of a given year ("q3" and
    # "2022-q3").
    if n == 1 and re.fullmatch(r"[qh]\d", short[0]):
        return long_[-1] == short[0]
    return long_[:n] == short or (n > 1 and long_[-n:] == short)


def _bare(norm: str) -> str:
    """A date written in words without its article or possessive ("the scheme's first
    year" -> "first year")."""
    return re.sub(r"^(?:the\s+)?(?:(?:its|their|[\w-]+['’]s?)\s+(?=\w))?", "",
                  norm.strip().lower())


# Where a span of dates splits into its ends: "4 March and 28 August 2024", "from 3 to
# 9 June", "June-August".
_RANGE_SPLIT = re.compile(r"\s+(?:and|to|until|till|through)\s+|\s*[–—-]\s*(?=[a-z\d])")
_YEAR = re.compile(r"\b(?:1[6-9]|20|21)\d\d\b")
_DAY = re.compile(r"\b([12]?\d|3[01])(?:st|nd|rd|th)?\b")
# The days a part of a month spans: "early May", "mid-May", "late May", "the end of May".
_PART_DAYS = ((re.compile(r"\b(?:early|start\s+of|beginning\s+of)\b"), (1, 10)),
              (re.compile(r"\bmid\b|\bmiddle\s+of\b"), (10, 20)),
              (re.compile(r"\blate\b"), (20, 31)),
              (re.compile(r"\bend\s+of\b"), (24, 31)))
_PARTS_RE = re.compile(r"\b(?:mid|early|late)-")


@lru_cache(maxsize=4096)  # asked for every pair of dates a check compares
def _ends(text: str) -> tuple[tuple[str, int, int, int], ...]:
    """(year, month, first day, last day) of each end of a span of dates, "" or 0 where an
    end does not say; a year said once for the span belongs to both ends, a month said
    once ("17-18 January") to both days; "early May" spans the 1st to the 10th, "mid-May"
    the 10th to the 20th, "late May" the 20th to the end, a bare month the whole of it."""
    low = _PARTS_RE.sub(lambda m: m.group(0)[:-1] + " ", text.lower())
    parts = [p for p in _RANGE_SPLIT.split(low) if p.strip()]
    year = (_YEAR.findall(low) or [""])[-1]
    out = []
    for p in parts:
        month = next((MONTHS[w] for w in re.findall(r"[a-z]+", p) if w in MONTHS), 0)
        day = next((int(m.group(1)) for m in _DAY.finditer(_YEAR.sub(" ", p))), 0)
        lo, hi = (day, day) if day else next((span for rx, span in _PART_DAYS
                                              if rx.search(p)), (1, 31))
        out.append(((_YEAR.findall(p) or [year])[0], month, lo, hi))
    if len(out) == 2 and out[0][2] == out[0][3] and not out[0][1]:
        out[0] = (out[0][0], out[1][1], out[0][2], out[0][3])  # "17-18 January"
    return tuple(out)


def _agree(end, other) -> bool:
    """Two ends name the same month, years that do not differ, and days that overlap."""
    (y, m, lo, hi), (ty, tm, tlo, thi) = end, other
    return bool(m) and m == tm and (not y or not ty or y == ty) and lo <= thi and tlo <= hi


def range_end_match(a: str, b: str) -> bool:
    """Dates that agree as ends of a span of dates: two spans end by end ("from mid-March
    to the end of August 2024" and "between 15 March and 31 August 2024"), or one date and
    an end of the other text's span ("the end of August 2024"; "17-18 January" and "18
    January"), in the month, the year where both give one, and the days: "early May"
    spans the 1st to the 10th, "mid-May" the 10th to the 20th, "late May" the 20th on, a
    bare month all of it. Known false negative: a lone end does not say which end."""
    mine, theirs = _ends(a), _ends(b)
    if len(mine) + len(theirs) < 3 and not _names_part(a.lower()):
        return False  # neither a span nor a part of a month
    if len(mine) == 2 and len(theirs) == 2:
        return all(_agree(e, o) for e, o in zip(mine, theirs))
    return any(_agree(e, o) for e in mine for o in theirs)


def part_of_month(text: str) -> bool:
    """The date names a part of a month ("early May", "mid-May", "the end of May"; not
    "the start of 2027")."""
    low = text.lower()
    return _names_part(low) and any(w in MONTHS for w in re.findall(r"[a-z]+", low))


def _names_part(low: str) -> bool:
    return any(rx.search(low) for rx, _days in _PART_DAYS)


def ranges_differ(a: str, b: str) -> bool:
    """Two spans of dates whose ends both name months, and that disagree at an end
    ("4 March and 30 September 2024" for "4 March and 28 August 2024"): the normalised
    date holds only the first end."""
    mine, theirs = _ends(a), _ends(b)
    if len(mine) != 2 or len(theirs) != 2 or not all(e[1] for e in mine + theirs):
        return False
    return not all(_agree(e, o) for e, o in zip(mine, theirs))


# One to twelve in words, from the number words (read backwards, so that "one", the first of
# the words worth one, is the one kept).
_SMALL = {int(v): w for w, v in reversed(shipped_values("number_units")) if 1 <= int(v) <= 12}


def percent_written(q, text: str) -> bool:
    """A percentage the source writes in another notation in a part of a sentence no claim
    holds ("30 per cent" for "..., warning that up to 30% of the crop could be lost")."""
    if q.kind != "percent" or q.value is None:
        return False
    figure = format_figure(q.value)
    return re.search(rf"(?<![\d.,]){re.escape(figure)}{PERCENT_MARK}", text) is not None


def fmt_in(v: float, text: str) -> bool:
    word = _SMALL.get(int(v)) if float(v).is_integer() else None
    figure = str(int(v)) if float(v).is_integer() else str(v)
    return bool(re.search(rf"\b{re.escape(figure)}\b", text)) or (
        word is not None and re.search(rf"\b{word}\b", text) is not None)


_FILLER = shipped("figure_fillers") | {w for phrase, _ in shipped_values("approximators")
                                       for w in phrase.split()}  # "fewer", "under", "just"


def unit_words(text: str) -> set[str]:
    """The words of a figure that say what it counts ("years ago" of "35 years ago")."""
    words = re.findall(r"[a-z]+", text.lower())
    return {w.rstrip("s") for w in words if w not in _FILLER and not number_values(w)}


_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
# A span of whole months: "between July and September 2024", "from January to June".
_MONTH_SPAN = re.compile(
    rf"\b(?:between\s+({_MONTH_NAMES})\s+and|from\s+({_MONTH_NAMES})\s+(?:to|until|through))"
    rf"\s+({_MONTH_NAMES})(?:\s+(?:of\s+)?((?:19|20)\d\d))?\b")
_SPANNED = {(1, 3): "q1", (4, 6): "q2", (7, 9): "q3", (10, 12): "q4", (1, 6): "h1", (7, 12): "h2"}


def periods_spanned(text: str) -> frozenset:
    """The quarters and halves of a year a text writes as a span of months, normalised as
    a figure's date is ("between July and September 2024" -> "2024-q3"; "from January to
    June" -> "h1")."""
    out = set()
    for m in _MONTH_SPAN.finditer(text.lower()):
        part = _SPANNED.get((MONTHS[m.group(1) or m.group(2)], MONTHS[m.group(3)]))
        if part:
            out.add(f"{m.group(4)}-{part}" if m.group(4) else part)
    return frozenset(out)


def month_span_lengths(text: str) -> list[int]:
    """The lengths in months a span of months named by its ends gives ("between June and
    October": four between them, five counting both), for a length the derived text writes
    instead ("over five months")."""
    out = []
    for m in _MONTH_SPAN.finditer(text.lower()):
        gap = (MONTHS[m.group(3)] - MONTHS[m.group(1) or m.group(2)]) % 12
        if gap:
            out += [gap, gap + 1]
    return out


def day_gaps(text: str) -> set[int]:
    """The numbers of days between any two days of the year a text writes ("7 August", "9
    August": two; "August 7"), within a month's length and in one year taken: what "two
    days later" restates."""
    low = text.lower()
    days = {(MONTHS[m.group(2)], int(m.group(1))) for m in _DAY_MONTH.finditer(low)}
    days |= {(MONTHS[m.group(1)], int(m.group(2))) for m in _MONTH_DAY.finditer(low)}
    ordinals = sorted({_day_of(month, day) for month, day in days} - {None})
    return {b - a for i, a in enumerate(ordinals) for b in ordinals[i + 1:] if 0 < b - a <= 31}


def _day_of(month: int, day: int):
    """The day's ordinal in a common year, or None for a day the month does not have."""
    try:
        return date(2001, month, day).toordinal()
    except ValueError:
        return None


_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_NAMES})\b")
_MONTH_DAY = re.compile(rf"\b({_MONTH_NAMES})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\d)")


# A move whose second end leaves out the unit the first gives ("from 14 shifts a month to
# nine", "from 40 staff to 25"): the first end's figure, its unit word, the second figure,
# which a function word or a stop follows (not "to three staff").
_UNIT_ELIDED = re.compile(r"\bfrom\s+([\w.,£$€-]+)\s+([a-z]+)\b[^.;:]{0,25}?\bto\s+"
                          r"([\w.,£$€-]+?)(?=[,.;:]?\s+(?:%s)\b|[,.;:]?$|[,;:])"
                          % "|".join(sorted(shipped("function_words"))), re.I)


def unit_carried(figure: str, text: str) -> bool:
    """The figure is the second end of a move whose unit the text writes with the first end
    only ("cut to nine shifts a month" for "from 14 shifts a month to nine"):
    the same number, and the figure's unit the first end's. A second end that counts another
    thing names it ("to three staff") and is not read; known false positive: one the
    sentence leaves to its context ("from 14 shifts a month to nine in the holidays", of
    the weeks of a holiday)."""
    mine = numbers_in(figure)
    if len(mine) != 1:
        return False
    units = unit_words(figure)
    return any(numbers_in(first) and numbers_in(second) == mine
               and unit.lower().rstrip("s") in units
               for first, unit, second in elided_moves(text))


def elided_moves(text: str) -> list:
    """(first end, its unit word, second end) of each move in the text whose second end
    leaves the unit out ("from nine days a month to seven": nine, days, seven)."""
    return _UNIT_ELIDED.findall(text)
