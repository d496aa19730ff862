"""Spans of time and clock times written in figures or in words: how long a figure counts
("a fortnight", "48 hours", "three and a half years", in seconds), the units of time it
counts ("two months" -> month), every such span in a text, and the minutes after midnight a
clock time can mean ("2:10 p.m.", "noon")."""

from __future__ import annotations

import re
from typing import Optional

from checker.lexicon import shipped, shipped_values
from checker.date_norms import EDGE_DAY, MONTHS, WEEKDAYS
from checker.numbers import (DURATIONS, WORD_RE, duration_unit, fraction_value, is_number_word,
                             number_values, word_clock_minutes)

_PERIOD_POINTERS = shipped("period_pointers")


# Words after "the" that make a bare unit one span of it ("within the next fortnight", "over
# the past year"): period_pointers.txt but "this" (no "the this week") and "previous" ("the
# previous week" is a point in time, as "the following week" is).
SPAN_POINTERS = tuple(sorted(_PERIOD_POINTERS - {"this", "previous"}))

# "every fortnight", "each week": one unit, the interval of a repeated deed
_EVERY = ("every", "each")

# Units of time in seconds; a month is a twelfth of a year, so "24 months" is "two years".
_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "night": 86400, "week": 604800,
            "fortnight": 1209600, "year": 31557600, "decade": 315576000,
            "century": 3155760000}
_SECONDS["month"] = _SECONDS["year"] / 12
MONTH_SECONDS = _SECONDS["month"]
DAY_SECONDS = _SECONDS["day"]


def duration_seconds(text: str) -> Optional[float]:
    """The length of time a figure counts, in seconds ("two weeks'" and "14 days" -> the
    same; "48 hours" = "two days"; "half a year" = "six months"; "a fortnight" and "the next
    fortnight"; "an hour and ten minutes" = "70 minutes"), or None when it counts no unit of
    time. A figure before its unit counts it ("24-month")."""
    words = WORD_RE.findall(text.lower().replace("-", " "))
    for i, w in enumerate(words):
        unit = duration_unit(w)
        if not unit or unit == "weekend":
            continue
        before = words[:i]
        if before[-2:] == ["half", "a"] or before[-2:] == ["half", "an"]:
            return 0.5 * _SECONDS[unit]
        if before[-2:-1] == ["of"] and before[-1] in ("a", "an") and \
                (share := fraction_value(" ".join(before[:-2]))):
            return share * _SECONDS[unit]  # "two-thirds of an hour"
        # "three and a half years", "a year and a half"
        half = 0.5 if before[-3:-1] == ["and", "a"] and before[-1] == "half" or \
            words[i + 1:i + 4] == ["and", "a", "half"] else 0.0
        nums = number_values(" ".join(before))
        if nums and len(before) >= 2 and before[-1] in ("a", "an", "per") \
                and not number_values(before[-2]) and before[-2] not in ("and", "half"):
            return None  # a rate ("seven miles an hour", "£9 a month"), not a length of time
        if unit == "second" and not (nums and before and (before[-1][0].isdigit()
                                                          or is_number_word(before[-1]))):
            continue  # "a second crew member", "the second round": an ordinal
        if nums:
            first = (nums[-1] + half) * _SECONDS[unit]
        elif before[-1:] in (["a"], ["an"], *([w] for w in _EVERY)) or (before[-2:-1] == ["the"]
                                                and before[-1] in SPAN_POINTERS
                                                and _SECONDS[unit] > _SECONDS["day"]):
            first = (1 + half) * _SECONDS[unit]  # "a week", "the past week", "every
            # fortnight" (the interval: "every two weeks"); not "the next day", the day after
        else:
            return None
        return first + _more_units(words[i + 1:], unit)
    return None


def durations_in(text: str) -> list[float]:
    """The length in seconds of every duration a text writes with its number right before
    the unit ("over the next 21 days", "a year earlier", "a 70-minute crossing", "half a
    year", "every fortnight", "the fortnight following the storm": span_bounds.txt),
    wherever a tagger left it untagged."""
    low = text.lower()
    spans = [m.group(0) for m in _DURATION_RE.finditer(low)]
    spans += ["a " + m.group(0)[4:] for m in _BOUNDED_RE.finditer(low)]  # "the" counts one
    return [got for span in spans if (got := duration_seconds(span)) is not None]




def _more_units(words: list[str], larger: str) -> float:
    """Seconds of a smaller unit that goes on a duration ("an hour [and ten minutes]", "two
    hours 15 minutes"); 0 when none follows."""
    if words[:1] == ["and"]:
        words = words[1:]
    for k, w in enumerate(words[:4]):
        unit = duration_unit(w)
        if unit == "weekend":
            return 0.0  # "six hours every weekend": when, no length of its own to add
        if unit:
            nums = number_values(" ".join(words[:k]))
            if unit != larger and _SECONDS[unit] < _SECONDS[larger] and len(nums) == 1 and \
                    all(is_number_word(x) or x[0].isdigit() for x in words[:k]):
                return nums[0] * _SECONDS[unit]
            return 0.0
    return 0.0


_NUMBER_WORD = "|".join(sorted((w for role in ("number_units", "number_tens")
                                for w, _ in shipped_values(role) if w not in ("a", "an")),
                               key=len, reverse=True))
# a fraction of one unit ("two-thirds of an", "a quarter of a"): fraction_denominators.txt
_FRACTION_OF = (rf"(?:an?|one|two|three|four)[\s-](?:"
                rf"{'|'.join(w for w, _ in shipped_values('fraction_denominators'))})\s+of\s+an?")
_DURATION_RE = re.compile(
    rf"\b(?:{_FRACTION_OF}|half\s+an?|an?|{'|'.join(_EVERY)}"
    rf"|the\s+(?:{'|'.join(SPAN_POINTERS)})|\d[\d,.]*"
    rf"|(?:(?:{_NUMBER_WORD})[\s-])?(?:{_NUMBER_WORD}))"
    rf"(?:\s+and\s+a\s+half)?[\s-]+(?:{'|'.join(sorted(DURATIONS, key=len, reverse=True))})"
    rf"(?:s|es)?\b(?:\s+and\s+(?:a\s+half|[\w-]+\s+[a-z]+))?")
# "the fortnight following the storm": a unit after "the", bounded by an event (span_bounds.txt)
_BOUNDED_RE = re.compile(
    rf"\bthe\s+(?:{'|'.join(sorted(DURATIONS, key=len, reverse=True))})\s+"
    rf"(?=(?:{'|'.join(shipped('span_bounds'))})\b)")
_CLOCK = re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s?m\b\.?|\b(\d{1,2})[:.](\d{2})\b")


_CLOCK_RANGE_SPLIT = re.compile(r"\s+(?:%s)\s+|\s*[-–]\s*" % "|".join(  # range_joiners.txt
    sorted((re.escape(w) for w, use in shipped_values("range_joiners") if use != "span"),
           key=len, reverse=True)))


def clock_ends(text: str, *, marked: bool = False) -> list:
    """The minutes each clock time of a figure can mean (``clock_minutes``), one set per
    time: two for a range written in figures ("10am to 6pm", "between 9am and 5pm"), one for
    a time in words ("ten to four in the afternoon" is one time)."""
    if len(_CLOCK.findall(text.lower())) < 2:
        got = clock_minutes(text, marked=marked)
        return [got] if got else []
    return [m for m in (clock_minutes(part, marked=marked)
                        for part in _CLOCK_RANGE_SPLIT.split(text)) if m]


def clock_token(text: str) -> bool:
    """The whole text is one clock time marked a.m. or p.m. ("4.10pm", "11:45am", "9pm")."""
    m = _CLOCK.fullmatch(text.lower())
    return m is not None and m.group(3) is not None and bool(clock_minutes(text))


def clock_minutes(text: str, *, marked: bool = False) -> frozenset:
    """The minutes after midnight a clock time can mean: one for "2:10 p.m.", "14:10",
    "05:15" or "noon", two for "2:10" (morning or afternoon); empty when the text holds no
    clock time, or, with ``marked``, no time named, marked a.m. or p.m. or written with a
    colon (a decimal "3.40" is none)."""
    low = text.lower()
    if re.search(r"\bnoon\b|\bmidday\b", low):
        return frozenset({720})
    if re.search(r"\bmidnight\b", low):
        return frozenset({0})
    m = _CLOCK.search(low)
    if m is None:
        return word_clock_minutes(low, strict=marked)  # "ten to four in the afternoon"
    if m.group(3):
        h, mm = int(m.group(1)), int(m.group(2) or 0)
        if not (1 <= h <= 12 and mm < 60):
            return frozenset()
        return frozenset({(h % 12 + (12 if m.group(3) == "p" else 0)) * 60 + mm})
    h, mm = int(m.group(4)), int(m.group(5))
    colon = low[m.end(4):m.start(5)] == ":"
    if h > 23 or mm > 59 or marked and not colon:
        return frozenset()
    if h == 0 or h > 12 or colon and m.group(4).startswith("0"):
        return frozenset({h * 60 + mm})  # "14:10", "05:15": a 24-hour clock
    return frozenset({h % 12 * 60 + mm, (h % 12 + 12) * 60 + mm})


def durations(text: str) -> set[str]:
    """The units of time a figure counts ("two months" -> {"month"}; not the ordinal "a
    second")."""
    # "the first day of March" names a date: its "day" is no span ("a day, from the first
    # day of March" still counts one)
    words = re.findall(r"[a-z]+", EDGE_DAY.sub(" ", text.lower()))
    units = {u for w in words if (u := duration_unit(w))}
    if units and any(w in MONTHS or w in WEEKDAYS for w in words):
        # "June last year", "Monday next week": a day or a month placed in a year or a
        # week, no span of time
        units -= {duration_unit(w) for k, w in enumerate(words[1:], 1)
                  if words[k - 1] in _PERIOD_POINTERS}
    if "second" in units and duration_seconds(text) is None:
        units.discard("second")
    return units
