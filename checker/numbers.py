"""Normalise numbers, amounts, percentages and dates written in figures or in words."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from checker.date_norms import ORDINALS as _ORDINALS, date_norm, date_value
from checker.lemmas import singular
from checker.lexicon import shipped, shipped_values


def _number(value: str) -> float:
    """A lexicon value as a number: "12" -> 12, "1e6" -> 1000000.0, "1/3" -> 1 / 3."""
    if value.isdigit():
        return int(value)
    top, slash, bottom = value.partition("/")
    return int(top) / int(bottom) if slash else float(value)


def _valued(role: str) -> dict[str, float]:
    return {word: _number(value) for word, value in shipped_values(role)}


_UNITS = _valued("number_units")
CURRENCY_SIGNS = "$£€¥"
YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")  # a year as news writes one ("2025"): no comma
# The mark after a figure that makes it a percentage ("%", "per cent", "percent").
PERCENT_MARK = r"\s*(?:%|per\s?cent\b|percent\b)"
_TENS = _valued("number_tens")
_SCALES = _valued("number_scales")
_FRACTIONS = _valued("number_fractions")
_ARTICLES = shipped("indefinite_articles")


def is_scale(word: str) -> bool:
    """A word or abbreviation of scale ("million", "m", "bn", "k": number_scales.txt)."""
    return word.lower() in _SCALES


def is_magnitude(word: str) -> bool:
    """A word that names a size without digits, plural or not ("hundreds", "dozens",
    "half"): the tagger does not read these as numbers."""
    w = word.lower()
    # Abbreviated scales ("m", "bn") only ever follow digits.
    return len(w) > 2 and any(x in _SCALES or x in _FRACTIONS or x == "dozen"
                              for x in (w, w[:-1] if w.endswith("s") else w))


# Parts of a day: they restate a time ("3:55 in the afternoon" for "3:55 p.m.").
DAY_PARTS = shipped("day_parts")


# Pure functions of a word, asked for the same words by the extractor and several rules
# in every check: kept for the run.
@lru_cache(maxsize=50_000)
def states_a_figure(word: str) -> bool:
    """A word that writes a figure, a share or a time rather than content: a number or an
    ordinal in words ("twelfth", "fifths"), a scale ("dozen"), a unit of time or a part of a
    day ("fortnight", "afternoon")."""
    w = word.lower()
    return bool(number_values(w) or fraction_value(w) is not None or w in _ORDINALS
                or w.rstrip("s") in _ORDINALS or is_magnitude(w) or duration_unit(w)
                or w in DAY_PARTS)
# Every mark of a currency (its symbol, code or name) and the code it stands for.
CURRENCY_NAMES = dict(shipped_values("currencies"))
_NUM_RE = re.compile(r"\d+(?:[.,]\d+)*")
# Units of time a duration counts ("two months", "a six-year term"), singular.
DURATIONS = shipped("durations")


@lru_cache(maxsize=50_000)
def duration_unit(word: str) -> str:
    """The unit of time a word names, singular ("months" -> "month", "centuries" ->
    "century"), or "" when it names none."""
    w = singular(word.lower())
    return w if w in DURATIONS else ""


# "and a half" after a count ("six and a half", "six-and-a-half"): written once for the
# number readers
HALF_AFTER = re.compile(r"[\s-]+and[\s-]+a[\s-]+half\b")


# A time of day in words: "ten to four", "a quarter past four", "half past two in the
# evening" (or "on the evening of" a day), "three o'clock"; what it says is no count ("ten
# to four" is not 14); not "half to two-thirds", a fraction. The part of the day after it is
# read with it.
_HOURS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve")
_CLOCK_HOUR = "|".join(_HOURS)
_DAY_PART = (r"in\s+the\s+(?:morning|afternoon|evening)|on\s+the\s+(?:morning|afternoon|evening)"
             r"\s+of\b|at\s+night|[ap]\.?\s?m\b\.?")
DAY_PART_AFTER = re.compile(rf"\s+(?:{_DAY_PART})", re.I)  # " in the afternoon", " p.m."
WORD_CLOCK = re.compile(
    rf"\b(?:(?:(?:a\s+)?(?P<quarter>quarter)|(?P<half>half)|(?P<mins>five|ten|twenty|"
    rf"twenty[\s-]five)(?:\s+minutes)?)\s+(?P<dir>past|to)\s+(?P<hour>{_CLOCK_HOUR})"
    rf"|(?P<oclock>{_CLOCK_HOUR})\s+o['’]clock)(?![\w-])(?:\s+(?P<day>{_DAY_PART}))?", re.I)
_CLOCK_MINUTES = {"five": 5, "ten": 10, "twenty": 20, "twenty five": 25, "twenty-five": 25}


def word_clock_minutes(text: str, *, strict: bool = False) -> frozenset:
    """The minutes after midnight a time of day in words can mean ("ten to four in the
    afternoon" -> 15:50; "a quarter past four" -> 4:15 or 16:15); empty when there is none.
    ``strict`` takes "five to three" only with a part of the day after it (alone it is as
    often a vote's tally or a range)."""
    m = WORD_CLOCK.search(text)
    day = re.sub(r"\s+of$", "", (m.group("day") or "").lower()) if m is not None else ""
    if m is None or strict and m.group("mins") and not day:
        return frozenset()
    if m.group("oclock"):
        hour, mins = _HOURS.index(m.group("oclock").lower()) + 1, 0
    else:
        hour = _HOURS.index(m.group("hour").lower()) + 1
        mins = 15 if m.group("quarter") else 30 if m.group("half") else \
            _CLOCK_MINUTES[re.sub(r"\s+", " ", m.group("mins").lower())]
        if m.group("dir").lower() == "to":
            hour, mins = hour - 1 or 12, 60 - mins
    base = hour % 12 * 60 + mins
    if not day:
        return frozenset({base, base + 720})
    # "at night" is the evening from six ("eleven at night"), else the small hours
    later = day.endswith(("afternoon", "evening")) or day.startswith("p") or (
        day.endswith("night") and 6 <= hour <= 11)
    return frozenset({base + 720 if later else base})


def words_to_number(words: list[str]) -> Optional[float]:
    """Value of a number written in words ("twenty-seven", "three million"), or None."""
    total, current, seen = 0.0, 0.0, False
    last = ""  # the kind of the word before: "unit", "article", "tens", "scale" or "figure"
    text = HALF_AFTER.sub(" +half ", " ".join(words).lower().replace("-", " "))
    for w in text.split():
        if w == "+half":
            if not seen or last == "scale":
                return None  # "and a half" after a count of units or tens only
            current += 0.5  # "nineteen and a half thousand", "six and a half"
            last = "figure"
            continue
        if w == "and":
            continue
        if w in _UNITS or w in _TENS:
            if last == "unit" or (last == "tens" and w in _TENS):
                return None  # "nine - seven", "seven twenty": two numbers, not one
            current += _UNITS[w] if w in _UNITS else _TENS[w]
            last = "article" if w in _ARTICLES else "unit" if w in _UNITS else "tens"
            seen = True
            continue
        before, last = last, "scale" if w in _SCALES else "figure"
        if w in _SCALES:
            scale = _SCALES[w]
            current = (current or 1) * scale
            if scale >= 1000:
                total += current
                current = 0
        else:
            fig = parse_figure(w)
            if fig is None or before == "scale" and current == 0 and total:
                return None  # a figure after a whole sum starts another: "£6 million to
                # £11 million" is two sums, not one
            current += fig
        seen = True
    return total + current if seen else None


def parse_figure(text: str) -> Optional[float]:
    """Value of a figure like "1,200", "3.5", "27"; None if it is not one."""
    m = _NUM_RE.search(text)
    if not m:
        return None
    s = m.group(0)
    if s.count(",") and not s.count("."):
        parts = s.split(",")
        if all(len(p) == 3 for p in parts[1:]):
            s = s.replace(",", "")
        else:
            s = s.replace(",", ".")  # decimal comma
    else:
        s = s.replace(",", "")
    try:
        return float(s)
    except ValueError:
        return None


def normalise(text: str, label: str) -> tuple[str, Optional[float], str, str]:
    """(kind, value, unit, norm) of a numeric expression with its spaCy entity label."""
    low = text.lower().strip()
    tokens = re.findall(r"[a-z]+(?:-[a-z]+)?|\d+(?:[.,]\d+)*|[$£€¥%]",
                        _fraction_of_scale(low, True))
    unit = ""
    for t in tokens:
        if t in CURRENCY_NAMES:
            unit = CURRENCY_NAMES[t]
            break
    if label == "PERCENT" or "%" in low or "per cent" in low or "percent" in low:
        kind = "percent"
    elif label == "MONEY" or unit:
        kind = "money"
    elif label == "DATE":
        kind = "date"
    elif label == "TIME":
        kind = "time"
    elif label == "ORDINAL":
        kind = "ordinal"
    elif label == "QUANTITY":
        kind = "quantity"
    else:
        kind = "number"
    if kind in ("date", "time"):
        return kind, date_value(tokens), unit, date_norm(tokens, low)
    if kind == "ordinal":
        v = None
        for t in tokens:
            if t in _ORDINALS:
                v = float(_ORDINALS[t])
            elif parse_figure(t) is not None:
                v = parse_figure(t)
        return kind, v, unit, format_figure(v) if v is not None else low
    value = _value(tokens)
    if kind == "quantity":
        unit = " ".join(t for t in tokens if t.isalpha() and t not in _SCALES and t not in _UNITS
                        and t not in _TENS)[:30]
    norm = format_figure(value) if value is not None else low
    return kind, value, unit, norm


def _value(tokens: list[str]) -> Optional[float]:
    tokens = [p for t in tokens for p in t.split("-") if p]
    if any(parse_figure(t) is not None for t in tokens):
        # "an estimated £14 million" is 14 million: an article beside a written figure
        # counts nothing ("a million" and "a third" are read as before)
        tokens = [t for t in tokens if t not in _ARTICLES]
    half = ("and", "a", "half") if HALF_AFTER.search(" ".join(tokens)) else ()
    numeric = [t for t in tokens if t in _UNITS or t in _TENS or t in _SCALES
               or parse_figure(t) is not None or t in half]  # "six and a half"
    if numeric and all(t in _UNITS for t in numeric) and any(
            t in _DENOMINATORS and t != "half" for t in tokens):
        # "three-quarters of a point" is 0.75, "three fifths" 0.6: a count before a
        # denominator counts parts, not things
        share = fraction_value(" ".join(tokens))
        if share is not None:
            return share
    if not numeric:
        for t in tokens:
            if t in _FRACTIONS:
                return _FRACTIONS[t]
        return None
    # "3.5 billion", "twenty-seven", "1,200"
    if len(numeric) == 1 and parse_figure(numeric[0]) is not None:
        return parse_figure(numeric[0])
    return words_to_number(numeric)


def format_figure(v: Optional[float]) -> str:
    """A value as the normalised figure of a quantity ("12", "2.5", "33.33")."""
    if v is None:
        return ""
    if float(v).is_integer():
        return str(int(v))
    return f"{v:.4g}"


def values_match(a: Optional[float], b: Optional[float], *, rel: float = 0.005) -> bool:
    """True when two values are the same up to rounding ("3.5 million" vs 3,500,000)."""
    if a is None or b is None:
        return False
    if a == b:
        return True
    return abs(a - b) <= rel * max(abs(a), abs(b))


# Denominators of fractions written in words ("two-fifths", "a third", "three quarters").
_DENOMINATORS = _valued("fraction_denominators")
WORD_RE = re.compile(r"\d+(?:[.,]\d+)*|[a-z]+")


def number_values(text: str, *, scaled: bool = True) -> list[float]:
    """Every number a figure's text states, in figures or in words, a run of number words
    read as one number: "twenty-seven" -> [27], "a dozen" -> [12], "$3.5 million" ->
    [3500000] ([3.5] unless ``scaled``), "five to two" -> [5, 2], "between two and five" ->
    [2, 5], "one hundred and five" -> [105], "11 of fraud and one of theft" -> [11, 1]. The
    count of a fraction ("two-fifths") and a lone "a" are no
    numbers."""
    low = _fraction_of_scale(text.lower().replace("-", " "), scaled)
    words = WORD_RE.findall(low)
    money = any(c in text for c in CURRENCY_SIGNS)  # "6.2 m" is metres unless it is an amount
    out: list[float] = []
    i = 0
    while i < len(words):
        w = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if w[0].isdigit():
            v = parse_figure(w)
            if v is not None and nxt in _SCALES and (len(nxt) > 2 or money):
                v, i = (v * _SCALES[nxt] if scaled else v), i + 1  # "3.5 million", "64 m"
            if v is not None:
                out.append(v)
            i += 1
            continue
        if not (is_number_word(w) or (w in ("a", "an") and nxt in _SCALES)):
            i += 1
            continue
        j = i + 1
        # "and" goes on with a number after a scale only ("one hundred and five"): "between
        # two and five years" is two numbers
        while j < len(words) and (is_number_word(words[j]) or (
                words[j] == "and" and j + 1 < len(words) and is_number_word(words[j + 1])
                and words[j - 1] in _SCALES)):
            j += 1
        if j >= len(words) or words[j] not in _DENOMINATORS or words[j] == "half":
            v = words_to_number(words[i:j])
            if v is not None:
                out.append(v)
        i = j
    return out


def _fraction_of_scale(low: str, scaled: bool) -> str:
    """The text with "half a million" written as its figure (the fraction alone unless
    ``scaled``); most texts name no scale in words and come back as they are."""
    if not any(w in low for w in _SCALE_WORDS):
        return low
    return _FRACTION_OF_SCALE.sub(_scaled_fraction if scaled else _unscaled_fraction, low)


def _scaled_fraction(m) -> str:
    """The figure of "a quarter of a million" ("250000"), in plain digits."""
    share = fraction_value(m.group(1))
    return f" {_plain(share * _SCALES[m.group(2)])} " if share else m.group()


def _unscaled_fraction(m) -> str:
    share = fraction_value(m.group(1))
    return f" {_plain(share)} " if share else m.group()


def _plain(v: float) -> str:
    return f"{v:.4f}".rstrip("0").rstrip(".")


def is_number_word(w: str) -> bool:
    """A word that writes a number by itself ("seven", "twenty", "million"; not "a")."""
    return (w in _UNITS and w not in ("a", "an")) or w in _TENS or (w in _SCALES and len(w) > 2)


# The scales written as words of a thousand or more (number_scales.txt: "million", not "m").
_SCALE_WORDS = tuple(w for w, v in _SCALES.items() if len(w) > 2 and v >= 1000)
# A fraction of a scale in words: "half a million", "a quarter of a million", "three
# quarters of a billion" (the fraction, then the scale's word).
_FRACTION_OF_SCALE = re.compile(
    r"\b((?:(?:a|an|one|two|three|four|\d+)\s+)?(?:%s))\s+(?:of\s+)?an?\s+(%s)\b" % (
        "|".join(w for w, _ in shipped_values("fraction_denominators")),
        "|".join(w for w in _SCALE_WORDS)))


def fraction_value(text: str) -> Optional[float]:
    """The share a fraction in words states ("two-fifths" 0.4, "a third", "half", "three
    quarters" 0.75), or None."""
    words = WORD_RE.findall(text.lower().replace("-", " "))
    for i, w in enumerate(words):
        den = _DENOMINATORS.get(w)
        if den is None:
            continue
        before = words[i - 1] if i else ""
        if w == "half" and before not in _UNITS:
            return 0.5  # "half", "about half of"
        num = _UNITS.get(before) if before not in ("dozen", "single") else None
        if num is None and before.isdigit():
            num = int(before)
        if num is not None:
            return num / den
    return None
