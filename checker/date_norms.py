"""Dates as the figures of a claim compare them: the year, month, day and weekday a date
names ("2024-03-05"), a quarter or half of a year ("2024-q3"), the first or last day of a
month or year, a run of periods counted by an ordinal ("the third year in a row"), and the
month and weekday names (months.txt, weekdays.txt) and ordinal words (number_ordinals.txt)
that ``checker.numbers`` and the figure readers share."""

from __future__ import annotations

import calendar
import re
from typing import Optional

from checker.lexicon import shipped, shipped_values

MONTHS = {m: int(n) for m, n in shipped_values("months")}
MONTHS.update({m[:3]: v for m, v in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = shipped("weekdays")
# the days and months in full, capitalised as names are but naming none ("on Tuesday")
CALENDAR_NAMES = frozenset(WEEKDAYS) | frozenset(m for m, _ in shipped_values("months"))
# Ordinals in words ("third", "twelfth"), and "half" and "quarter", with their values.
ORDINALS = {word: float(value) for word, value in shipped_values("number_ordinals")}


def date_value(tokens: list[str]) -> Optional[float]:
    """The year a date names, as a value ("2024" of "March 2024"), or None."""
    for t in tokens:
        if re.fullmatch(r"(1[6-9]|20|21)\d\d", t):
            return float(t)
    return None


_PERIOD_RES = (
    re.compile(r"\b(first|second|third|fourth|fifth|sixth|1st|2nd|3rd|4th)[\s-]+(quarter)\b"),
    re.compile(r"\b([qh])([1-4])\b"),
    re.compile(r"\b([1-4])([qh])\b"),
)
_PERIODORDINALS = {"1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
# A half or a quarter of a year in words: "the first six months of the year", "the second
# half of 2025", "the last three months of the financial year", "the first three months of
# this year".
_PART_OF_YEAR = re.compile(r"\b(first|second|last)\s+(half|six\s+months|three\s+months)\s+of\s+"
                           r"(?:the\s+(?:\w+\s+)?year|(?:this|last|next)\s+year|(?:19|20)\d\d)\b")
_PART_NAMES = {("first", "half"): "h1", ("second", "half"): "h2", ("last", "half"): "h2",
               ("first", "three"): "q1", ("last", "three"): "q4"}


def period(low: str) -> str:
    """The quarter or half a date names: "q3" for "the third quarter", "Q3", "3Q" or
    "third-quarter", "q4" for "the October-December quarter", "h1" for "H1" or "the first
    six months of the year" ("" when it names none). "The second half" alone is left out: in
    sport it is a half of a match."""
    m = _PERIOD_RES[0].search(low)
    if m:
        n = ORDINALS.get(m.group(1)) or _PERIODORDINALS.get(m.group(1))
        return f"{m.group(2)[0]}{int(n)}"
    m = _PERIOD_RES[1].search(low)
    if m:
        return f"{m.group(1)}{m.group(2)}"
    m = _PERIOD_RES[2].search(low)
    if m:
        return f"{m.group(2)}{m.group(1)}"
    m = _PART_OF_YEAR.search(low)
    if m:
        part = "half" if m.group(2).startswith(("half", "six")) else "three"
        return _PART_NAMES.get((m.group(1), part), "")
    m = _MONTHS_QUARTER.search(low)
    if m and MONTHS.get(m.group(1)) and MONTHS.get(m.group(2)):
        first, last = MONTHS[m.group(1)], MONTHS[m.group(2)]
        if first % 3 == 1 and last == first + 2:
            return f"q{(first + 2) // 3}"
    return ""


# "the October-December quarter", "the April to June quarter": a calendar quarter named by its
# first and last months
_MONTHS_QUARTER = re.compile(r"\b([a-z]+)\s*(?:-|–|\s+to\s+)\s*([a-z]+)\s+quarter\b")


# "the first day of 2031", "the last day of June": a day named by its place in a month or year
EDGE_DAY = re.compile(r"\b(first|last)\s+day\s+of\s+([a-z]+|\d{4})\b(?!['’]s)")  # not "of
# 2031's season"


def _edge_day(first: bool, year: str, month: Optional[int]) -> tuple[Optional[int], str]:
    """(month, day) of the first or last day of a month, or of a year when no month is
    given; no day for the end of February in a year not given."""
    if month is None:
        return (1, "1") if first else (12, "31")
    if first:
        return month, "1"
    if month == 2 and not year:
        return month, ""
    return month, str(calendar.monthrange(int(year) if year else 2001, month)[1])


# A run of periods counted by an ordinal: "the third year in a row", "a fourth straight
# month", "the fifth consecutive season", "a second year running".
_NTH_RUN = re.compile(r"(?:for\s+)?(the|a|an)?\s*([a-z]+)\s+((?:straight|consecutive|"
                      r"successive)\s+)?(year|month|week|day|season|quarter|term|summer|"
                      r"winter|spring|autumn)s?(\s+(?:in\s+a\s+row|running))?")


# A century by its ordinal ("the late 13th century", "the thirteenth century") or by its
# hundreds ("the late 1200s"), with the part of it named ("early", "mid", "late").
_CENTURY = re.compile(r"\b(?:(early|mid|late)[\s-]+)?(\d{1,2}(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?)"
                      r"[\s-]+century\b")
_HUNDREDS = re.compile(r"\b(?:(early|mid|late)[\s-]+)?(\d{1,2})00s\b")


def century(low: str) -> str:
    """A century as "century 13" or "century 13 late", the same for "the late 13th century"
    and "the late 1200s" (the 1200s are the years 1200-1299, which the 13th century almost
    covers; known false positive: a year 1200 or 1300 told as the edge of one of them); ""
    when the text names no century."""
    m = _CENTURY.search(low)
    if m:
        nth = m.group(2)
        n = int(nth[:-2]) if nth[:1].isdigit() else ORDINALS.get(nth)
        if not n or n < 1:
            return ""
        part = m.group(1)
    else:
        m = _HUNDREDS.search(low)
        if not m:
            return ""
        n, part = int(m.group(2)) + 1, m.group(1)
    return f"century {int(n)}" + (f" {part}" if part else "")


def date_norm(tokens: list[str], low: str) -> str:
    """A date's normalised form: "2024-03-05", "2024-q3", "03" for a month alone, "2 year in
    a row" for a run of periods, "century 13 late" for a century or its hundreds; the text
    itself for a date it cannot read."""
    hundred = century(low)
    if hundred:
        return hundred
    run = _NTH_RUN.fullmatch(low)
    if run and run.group(2) in ORDINALS and ORDINALS[run.group(2)] >= 1 and (
            run.group(1) in ("a", "an") or run.group(3) or run.group(5)):
        # "a third year" and "the third year in a row" are one count (not "the third
        # quarter", a period of the year)
        return f"{ORDINALS[run.group(2)]:g} {run.group(4)} in a row"
    year = next((t for t in tokens if re.fullmatch(r"(1[6-9]|20|21)\d\d", t)), "")
    quarter = period(low)
    if quarter:
        # A quarter or a half: "2022-q3", or "q3" when no year is given.
        return f"{year}-{quarter}" if year else quarter
    # a month also at the end of a hyphened word: "mid-January"
    month = next((MONTHS[p] for t in tokens for p in (t, t.rsplit("-", 1)[-1]) if p in MONTHS),
                 None)
    day = next((t for t in tokens if re.fullmatch(r"\d{1,2}", t) and 1 <= int(t) <= 31), "")
    edge = EDGE_DAY.search(low)
    if edge and not day and (edge.group(2) in MONTHS or edge.group(2) == year):
        # "the first day of 2031" is 1 January 2031 (not "the first day of the trial")
        month, day = _edge_day(edge.group(1) == "first", year, month)
    # a weekday in the plural is the same day, every week of it ("on Saturdays")
    weekday = next((t.removesuffix("s") for t in tokens if t in WEEKDAYS
                    or t.endswith("s") and t[:-1] in WEEKDAYS), "")
    parts = [year, f"{month:02d}" if month else "", day.zfill(2) if day else "", weekday]
    norm = "-".join(p for p in parts if p)
    return norm or low
