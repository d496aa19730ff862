"""Shares and ratios in a figure's words: the share a fraction, a percentage or a ratio
states ("two-fifths", "40%", "one in five"), the shares the sources state, and whether a
share meets another within the rounding its form implies or the side an approximator gives
("nearly four in ten" is met by 38%, not by 42%)."""

from __future__ import annotations

import re

from checker.lexicon import shipped, shipped_values
from checker.numbers import PERCENT_MARK, fraction_value, words_to_number
from checker.records import memo_on
from checker.timespans import durations

APPROXIMATE_SHARE = 0.05  # how far a share said "nearly" or "just over" may be from the value
OPEN_BOUND = 0.1  # how far one said "fewer than" or "more than" may be, on its side
CUT_SHARE = 0.05  # how much of a share a percentage cut to its digits may drop
SMALL_SHARE = 0.3  # below it, a share's rounding is relative ("one in 20", "3%")
_APPROXIMATORS = shipped_values("approximators")
_OPEN_BOUNDS = shipped("open_bounds")
_FRACTION_FOLLOWERS = shipped("prepositions") | {"of", "and", "or"}
# The words before a fraction that make it a part of a period of time ("the past three
# quarters", "the first half"), and after it ("half of the year").
_PERIOD_WORDS = shipped("period_pointers") | {w for w, _ in shipped_values("number_ordinals")}
_OF_A_PERIOD = re.compile(r"\s+of\s+(?:the\s+|this\s+|that\s+|a\s+)?(?:year|season|month|week|"
                          r"decade|century|day|term|quarter|\d{4})\b")
# A ratio "N in M" / "N out of (every) M": the pattern, written once for the figure readers.
RATIO_LINK = r"\s+(?:in|out\s+of)\s+(?:every\s+)?"
THOUSANDS = r"\d{1,3}(?:,\d{3})+"  # a figure with a thousands comma: "2,500"
RATIO_TERM = rf"([a-z]+|{THOUSANDS}|\d+)"  # a term of a ratio: "five", "2,500", "20"
_RATIO_TEXT = re.compile(rf"\b{RATIO_TERM}{RATIO_LINK}{RATIO_TERM}\b")
RATIO_AFTER = re.compile(rf"{RATIO_LINK}{RATIO_TERM}\b", re.I)  # the rest of "one in five"
MAX_DENOMINATOR = 1000  # "one in 1,000" is a ratio; "9 in 2023" is a count and a year (a
# denominator written with a thousands comma, "one in 2,500", is never a year)


def share_of(x):
    """The share a figure states, or None; a span of time is none ("half a year")."""
    if durations(x.text):
        return None
    f = fraction_value(x.text) if x.kind != "percent" else None
    return f if f is not None else (x.value / 100 if x.kind == "percent" and x.value
                                    is not None else None)


def _source_shares(index) -> list[float]:
    """Every share the sources state: fractions, percentages (also where the tagger cut the
    mark off), and ratios written out ("one in five", "3 out of 4"), which the tagger cuts
    into two numbers."""
    def build():
        return [v for sq in index.quantities if (v := share_of(sq)) is not None] + \
            _ratio_shares(index.text_lower) + _fraction_shares(index.text_lower) + \
            _percent_shares(index.text_lower)
    return memo_on(index, "_source_shares", build)


# A percentage as written, which the tagger may cut from its mark ("at least 50 per cent").
_PERCENT_TEXT = re.compile(rf"(?<![\d.,])(\d+(?:\.\d+)?){PERCENT_MARK}")


def _percent_shares(text: str) -> list[float]:
    """The shares a text writes as percentages, tagged or not ("turnout of at least 50 per
    cent" 0.5)."""
    return [float(m.group(1)) / 100 for m in _PERCENT_TEXT.finditer(text)
            if 0 < float(m.group(1)) <= 100]


def ratio_term(word: str):
    """The number a word of a ratio writes ("five", "20"), or None; a denominator past
    MAX_DENOMINATOR (a year: "9 in 2023") is none."""
    if re.fullmatch(THOUSANDS, word):
        return float(word.replace(",", ""))
    value = float(word) if word.isdigit() else words_to_number([word])
    return value if value is not None and 0 < value <= MAX_DENOMINATOR else None


# "N of (the) M": a part of a whole the text counts ("four of the six pilots", "four of
# its six boats" state 2/3).
_PART_OF_WHOLE = re.compile(rf"\b{RATIO_TERM}\s+of\s+(?:(?:the|its|their)\s+)?{RATIO_TERM}\b")


def _ratio_shares(text: str) -> list[float]:
    """The shares a text writes as ratios ("one in five" 0.2, "3 out of 4" 0.75) or as a
    part of a counted whole ("four of the six crew" 2/3)."""
    out = []
    low = text.lower()
    for m in (*_RATIO_TEXT.finditer(low), *_PART_OF_WHOLE.finditer(low)):
        a, b = (ratio_term(x) for x in m.groups())
        if a is not None and b is not None and a < b:
            out.append(a / b)
    return out


# A fraction in words and the word after it: "roughly a fifth since", "two-thirds of".
_FRACTION_TEXT = re.compile(
    r"\b([a-z]+|\d+)[\s-]+(%s)\b(?=\s*([,.;:)]|$|[a-z]+))"
    % "|".join(sorted((w for w, _ in shipped_values("fraction_denominators")), key=len,
                      reverse=True)))


def _fraction_shares(text: str) -> list[float]:
    """The shares a text writes as fractions in words where the tagger read no figure
    ("enrolments had dropped by roughly a fifth since 2019"): a fraction that ends its
    phrase, before "of", a preposition or a stop, not one that counts the next noun ("a
    third company")."""
    out = []
    low = text.lower()
    for m in _FRACTION_TEXT.finditer(low):
        after = m.group(3)
        if after and after[0].isalpha() and after not in _FRACTION_FOLLOWERS:
            continue
        count = m.group(1)
        if count not in ("a", "an") and not count.isdigit() and words_to_number([count]) is None:
            continue  # "the first half": a count of the fraction, or none
        before = low[:m.start()].split()[-1:]
        if before and before[0] in _PERIOD_WORDS or _OF_A_PERIOD.match(low, m.end()):
            continue  # "the past three quarters", "a quarter of the year"
        value = fraction_value(m.group(0)[:m.end(2) - m.start()])
        if value is not None and 0 < value < 1:
            out.append(value)
    return out


def states_share(q, text: str) -> bool:
    """True when a text writes the share a percentage or fraction gives as a ratio ("20%"
    and "one in five")."""
    return _meets_share(q, _ratio_shares(text))


def rounding(text: str) -> int | None:
    """The side an approximator in the figure puts the exact value on (approximators.txt):
    0 either, -1 below, 1 above; None when the figure is not approximated."""
    low = f" {text.lower()} "
    found = [(len(w), int(v)) for w, v in _APPROXIMATORS if f" {w} " in low]
    return max(found)[1] if found else None


def open_bound(text: str) -> bool:
    """The figure is bounded on one side only ("fewer than three in five", "more than half":
    open_bounds.txt)."""
    low = f" {text.lower()} "
    found = [w for w, _ in _APPROXIMATORS if f" {w} " in low]
    if not found or re.search(r"\b(?:no|not)\s+(?:more|less|fewer|over|under)\b", low):
        return False  # ("no more than half" caps it; "not over" too)
    return max(found, key=len) in _OPEN_BOUNDS  # the longest: not "just over"


def same_share(q, index) -> bool:
    """A fraction in words, a ratio and a percentage of the same share ("about two-fifths",
    "40%"; "one in five", "20%"), within the rounding a fraction in words implies, or the
    looser margin of an approximation on the side it gives ("just over half" for 54%,
    "nearly four in ten" for 38%, not for 42%)."""
    return _meets_share(q, _source_shares(index))


def _meets_share(q, shares) -> bool:
    side = rounding(q.text)
    if q.kind == "percent" and side is None:  # a plain percentage is met by a share that
        mine = share_of(q)  # rounds to it ("33%" for "a third"), not by one 4 points off
        digits = re.search(r"\d+(?:\.(\d+))?", q.text)
        places = len(digits.group(1) or "") if digits else 0
        digit = 10 ** -places / 100  # one unit of the last written digit: the share is met
        return mine is not None and mine > 0 and any(  # rounded (within half of it) or cut
            abs(theirs - mine) <= digit / 2 + 1e-9  # ("66%" for two-thirds: less than a whole
            or 0 <= theirs - mine < min(digit - 1e-9, CUT_SHARE * theirs)  # digit above it,
            for theirs in shares)  # and little of it: not "1%" for one in 51)
    return meets_share(share_of(q), side, shares, open_=open_bound(q.text))


def meets_share(mine, side, shares, open_: bool = False) -> bool:
    """A share is met within the rounding its form implies: a point and a half, or a
    twentieth of it for small shares ("one in 20" is not "one in 30"); an approximator
    (``side``: ``rounding``) widens that to APPROXIMATE_SHARE (a fifth of a small share) and
    keeps the value on its side ("nearly four in ten" is met by 38%, not by 42%); an open
    bound (``open_``: "fewer than three in five") to OPEN_BOUND on its side."""
    if mine is None or mine <= 0:
        return False
    margin = max(0.015, 0.05 * mine) if mine >= SMALL_SHARE else 0.05 * mine
    if side is not None:
        margin = max(margin, min(APPROXIMATE_SHARE, 0.2 * mine))
    if open_ and side in (-1, 1):  # "fewer than three in five" for 52%; for a small share
        margin = max(margin, min(OPEN_BOUND, 0.5 * mine))  # half of it ("more than one in
        # 20" is not met by 14%)
    for theirs in shares:
        gap = theirs - mine
        if side in (-1, 1) and gap * side < -1e-9:
            continue  # the wrong side of "nearly" or "just over"
        if abs(gap) <= margin + 1e-9:
            return True
    return False
