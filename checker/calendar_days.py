"""Days of the week and dates of the month, read against the date a source is written on.

A wire report dated "24 March 2026" that says "the judge ruled on Monday" means 23 March,
and one that says "the trawler sank on 3 March" means a Tuesday. A summary that writes the
other form gives the source's figure (``day_stated``, read by ``checker.figure_match``).
The anchors are the full dates the sources write (a dateline's "24 March 2026", or a date
in the text with its year); a weekday is the one in the week before an anchor or the week
after it ("will meet on Thursday"). Known false negative: a weekday of a week the source
does not mean, within a week of any full date it writes, passes.
"""

from __future__ import annotations

import datetime
import re
from typing import Optional

from checker.numbers import MONTHS, WEEKDAYS
from checker.records import memo_on

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})\.?,?\s+((?:19|20)\d\d)\b")
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}}),?\s+((?:19|20)\d\d)\b")
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})\b")
_MONTH_DAY = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s*\d{{3}})")
_WEEKDAY = re.compile(r"\b(%s)\b" % "|".join(sorted(WEEKDAYS)))
_ORDER = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEK = 7


def _date(year: int, month: int, day: int) -> Optional[datetime.date]:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _anchors(text: str) -> set:
    """The full dates a text writes ("24 March 2026", "March 24, 2026")."""
    out = set()
    for m in _DAY_MONTH_YEAR.finditer(text):
        out.add(_date(int(m.group(3)), MONTHS[m.group(2)], int(m.group(1))))
    for m in _MONTH_DAY_YEAR.finditer(text):
        out.add(_date(int(m.group(3)), MONTHS[m.group(1)], int(m.group(2))))
    return out - {None}


def days_of_month(text: str) -> set:
    """(month, day) of every date of the month a text writes ("3 March", "March 3")."""
    out = {(MONTHS[m.group(2)], int(m.group(1))) for m in _DAY_MONTH.finditer(text)}
    out |= {(MONTHS[m.group(1)], int(m.group(2))) for m in _MONTH_DAY.finditer(text)}
    return {(mo, d) for mo, d in out if 1 <= d <= 31}


def _calendar(index) -> tuple[frozenset, frozenset]:
    """(the (month, day) each weekday of the sources can be, the weekdays each date of the
    month of the sources falls on), against the sources' full dates; once per set of
    sources."""
    def build():
        text = index.text_lower
        anchors = _anchors(text)
        dates, weekdays = set(), set()
        named = {m.group(1) for m in _WEEKDAY.finditer(text)}
        for a in anchors:
            for k in range(-WEEK + 1, WEEK):
                day = a + datetime.timedelta(days=k)
                if _ORDER[day.weekday()] in named:
                    dates.add((day.month, day.day))
            for month, d in days_of_month(text):
                day = _date(a.year, month, d)
                if day is not None and abs((day - a).days) <= 366:
                    weekdays.add(_ORDER[day.weekday()])
        return frozenset(dates), frozenset(weekdays)
    return memo_on(index, "_calendar_days", build)


def day_stated(q, index) -> bool:
    """A derived date the sources give in the other form: a weekday ("on Tuesday") that a
    source date of the month falls on, or a date of the month ("23 March") that a source
    weekday names in the week of a source's full date."""
    if q.kind != "date":
        return False
    low = q.text.lower()
    dates, weekdays = _calendar(index)
    if not dates and not weekdays:
        return False
    mine = days_of_month(low)
    if mine:
        return mine <= dates
    named = {m.group(1) for m in _WEEKDAY.finditer(low)}
    return bool(named) and not re.search(r"\d", low) and named <= weekdays
