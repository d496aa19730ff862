"""The units a figure is written in: lengths, masses, areas, volumes, power and energy
(measure_units.txt), temperatures ("8C", "46°F", "31 degrees Celsius"), the hundredths of
a currency ("30p", "45 cents": currency_subunits.txt) and the currencies a text names
(currencies.txt)."""

from __future__ import annotations

import re
from typing import Optional

from checker.lexicon import shipped_values
from checker.numbers import (CURRENCY_NAMES, CURRENCY_SIGNS, WORD_RE, number_values,
                             words_to_number)

_MEASURES = {w: (v.split()[0], float(v.split()[1])) for w, v in shipped_values("measure_units")}


def is_measure_unit(word: str) -> bool:
    """A unit of measure_units.txt, in any case ("MW", "km", "hectares")."""
    return word.lower() in _MEASURES


# A temperature: a number, then a degree sign or "degrees" and a scale, or a scale alone
# (temperature_scales.txt); a bare capital C or F touching the digits ("8C") is one too, but
# not a lower-case "c" (cents).
_SCALES = dict(shipped_values("temperature_scales"))
_TEMPERATURE = re.compile(
    r"(?<![\w.,])(?P<minus>minus\s+|-)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"\s*(?:°\s*(?P<deg>[CFcf])\b|(?P<bare>[CF])\b|(?:degrees?\s+)?(?P<word>%s)\b"
    r"|degrees?\s+(?P<letter>[CF])\b)" % "|".join(sorted(_SCALES)), re.IGNORECASE)
TEMPERATURE_TOLERANCE = 0.5  # degrees Celsius: "46F" (7.8C) is "8C"


def temperature(text: str) -> Optional[float]:
    """The temperature a figure gives, in degrees Celsius ("around 8C" 8.0, "46F" 7.8,
    "minus 3 degrees Celsius" -3.0), or None. Known false positive: a label of a digit and a
    capital ("Form 8C", "Unit 4F") read as a temperature when a figure is read from it."""
    m = _TEMPERATURE.search(text)
    if m is None or (m.group("bare") and not m.group("bare").isupper()):
        return None
    return _celsius(m)


def temperatures_in(text: str) -> list[float]:
    """Every temperature a text writes, in degrees Celsius, read in any case ("above 30c" in
    a lower-cased source: a bare "c" counts there, as the case is lost)."""
    return [_celsius(m) for m in _TEMPERATURE.finditer(text)]


def _celsius(m) -> float:
    """Degrees Celsius of a ``_TEMPERATURE`` match, its sign and scale read."""
    value = float(m.group("num").replace(",", "")) * (-1 if m.group("minus") else 1)
    scale = (m.group("deg") or m.group("bare") or m.group("letter")
             or _SCALES[m.group("word").lower()]).lower()
    return (value - 32) * 5 / 9 if scale == "f" else value


def measure(text: str) -> Optional[tuple[str, float]]:
    """What a figure measures and its size in that measure's base unit (measure_units.txt):
    "roughly 1.2 kilometres" -> ("length", 1200.0), "1,500 grams" -> ("mass", 1500.0), "some
    8.2 square kilometres" -> ("area", 8200000.0), as "820 hectares" is; None when it gives
    no number before a unit of length, mass, area, volume, power or energy. A temperature
    is ("temperature", degrees Celsius)."""
    degrees = temperature(text)
    if degrees is not None:
        return "temperature", degrees
    low = text.lower()
    if any(c in text for c in CURRENCY_SIGNS) or re.search(r"\b(?:cubic|cu)\b", low):
        return None  # "£6m" is money; "500 cubic metres" a volume of other units
    words = WORD_RE.findall(low.replace("-", " "))
    for i, w in enumerate(words):
        unit = _MEASURES.get(w)
        if unit is None or i == 0:
            continue
        if words[i - 1] in ("square", "sq"):
            if unit[0] != "length" or i == 1:
                return None
            nums = number_values(" ".join(words[:i - 1]))
            return ("area", nums[0] * unit[1] ** 2) if len(nums) == 1 else None
        if len(w) == 1 and not re.search(rf"\d\s+{w}\b", low):
            return None  # "5g", "6m": a network or a million as often as grams or metres
        nums = number_values(" ".join(words[:i]))
        if len(nums) == 1:
            return unit[0], nums[0] * unit[1]
        return None
    return None


_SUBUNITS = dict(shipped_values("currency_subunits"))
# The words of a hundredth of a currency, longest first ("pence" before "p").
SUBUNIT_MARKS = "|".join(sorted(map(re.escape, _SUBUNITS), key=len, reverse=True))
_SUBUNIT = re.compile(rf"^\s*(\d+(?:\.\d+)?)\s*({SUBUNIT_MARKS})\s*$")
# In number words, only a word of more than one letter ("four pence", not "four p").
_SUBUNIT_WORDS = re.compile(r"^\s*([a-z]+(?:[\s-]+[a-z]+)?)\s+(%s)\s*$" % "|".join(
    sorted((re.escape(w) for w in _SUBUNITS if len(w) > 1), key=len, reverse=True)))


def subunit_value(text: str) -> Optional[tuple[float, frozenset]]:
    """A sum written in pence or cents ("30p", "45 cents", "four pence"): its value in
    pounds, dollars or euros (0.30) and the currency codes it can be a hundredth of
    (currencies.txt), or None."""
    low = text.lower()
    m = _SUBUNIT.match(low)
    if m:
        return float(m.group(1)) / 100, frozenset(_SUBUNITS.get(m.group(2), "").split())
    m = _SUBUNIT_WORDS.match(low)
    value = words_to_number(m.group(1).replace("-", " ").split()) if m else None
    if value is None:
        return None
    return value / 100, frozenset(_SUBUNITS.get(m.group(2), "").split())


def currency_codes(text: str) -> frozenset:
    """The currency codes a text names by symbol, code or name ("£4.20" -> GBP)."""
    low = text.lower()
    return frozenset(code for mark, code in CURRENCY_NAMES.items()
                     if (mark in low if not mark.isalpha()
                         else re.search(rf"\b{re.escape(mark)}\b", low)))
