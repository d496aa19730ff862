"""A figure read whole from its claim: the words the tagger left out of it after it (a scale,
the unit of time it counts, "and a half", the rest of a ratio it opens) or before it (the
first term of a ratio, the article of a fraction, an approximator on a ratio), for the
figure rules (checker.figures). No spaCy here.
"""

from __future__ import annotations

import re

from dataclasses import replace

from checker.lexicon import shipped, shipped_values
from checker.date_norms import MONTHS
from checker.numbers import (HALF_AFTER, duration_unit, format_figure, fraction_value, normalise,
                             words_to_number)
from checker.shares import RATIO_AFTER, RATIO_LINK, RATIO_TERM, THOUSANDS, ratio_term
from checker.timespans import durations

_LABELS = {"date": "DATE", "time": "TIME", "money": "MONEY", "percent": "PERCENT",
           "quantity": "QUANTITY", "ordinal": "ORDINAL", "number": "CARDINAL"}
_SCALE_AFTER = re.compile(r"(?:m|bn|mn|tn|k)\b")
_UNIT_AFTER = re.compile(r"(?:\s+and\s+a\s+half)?(?:\s+of)?\s+(?:an?\s+)?([a-z]+)\b")
_DAY_OF = re.compile(r"\s+of\s+([a-z]+)\b")


# The first term of a ratio before its second ("one in five"), or with a noun between them
# ("one household in four"), read when the first finds no number
_RATIO_BEFORE = re.compile(rf"(?<![\d,])\b{RATIO_TERM}{RATIO_LINK}$")
_RATIO_NOUN_BEFORE = re.compile(rf"(?<![\d,])\b{RATIO_TERM}\s+[a-z]+{RATIO_LINK}$")
_ROUNDED_BEFORE = re.compile(r"\b(?:" + "|".join(
    re.escape(w) for w, _ in sorted(shipped_values("approximators"), key=lambda e: -len(e[0])))
    + r")\s+$")
_WORD_BEFORE = re.compile(r"\b([a-z]+)\s+$")
_ARTICLES = shipped("indefinite_articles")
_NO_NOUN_AFTER = re.compile(r"\s*(?:of\b|[.,;:!?)\"”’]|$|(?:below|above|less|more|lower|higher|"
                            r"fewer|down|up|under|over|smaller|larger|bigger|cheaper|off)\b)")
# an approximator before a fraction's article ("nearly" of "nearly a fifth below")
_APPROX_BEFORE = re.compile(
    r"\b(?:" + "|".join(re.escape(w) for w, _ in sorted(shipped_values("approximators"),
                                                        key=lambda e: -len(e[0])))
    + r")\s+$")


def _ratio(q, claim):
    """The figure as the share it ends ("one in twenty" -> 5%, "3 out of 4" -> 75%), or None."""
    written = q.text.strip()
    term = written if re.fullmatch(THOUSANDS, written) else format_figure(q.value)
    if q.kind != "number" or q.value is None or ratio_term(term) is None or q.value < 2:
        return None  # a year is no denominator ("9 in 2023"); "one in 2,500" is a ratio
    before = claim.text[:q.start - claim.start]
    m = _RATIO_BEFORE.search(before.lower())
    if m is None or ratio_term(m.group(1)) is None:
        m = _RATIO_NOUN_BEFORE.search(before.lower())
    if m is None:
        return None
    num = ratio_term(m.group(1))
    if num is None or num >= q.value:
        return None
    share = 100 * num / q.value
    norm = format_figure(share)
    start = m.start()
    rounded = _ROUNDED_BEFORE.search(before[:start].lower())
    if rounded is not None:
        start = rounded.start()  # "nearly four in ten": the approximation is the ratio's
    return replace(q, text=before[start:] + q.text, start=q.start - (len(before) - start),
                   kind="percent", value=share, unit="", norm=norm)


def _ratio_after(q, claim):
    """The figure as the share it opens ("nearly four" + "in ten" -> 40%, its approximator
    kept in the text), or None."""
    if q.kind != "number" or q.value is None or q.value <= 0:
        return None
    m = RATIO_AFTER.match(claim.text[q.end - claim.start:].lower())
    if m is None:
        return None
    den = ratio_term(m.group(1))
    if den is None or den <= q.value:
        return None  # "9 in 2023": a count and a year
    share = 100 * q.value / den
    return replace(q, text=q.text + claim.text[q.end - claim.start:][:m.end()],
                   end=q.end + m.end(), kind="percent", value=share, unit="",
                   norm=format_figure(share))


def _fraction(q, claim):
    """An ordinal that is a fraction with its article ("a" + "third" -> 33.3%) when no noun
    follows it ("a third of the staff", "turnout was a third", "a fifth off the fee",
    "nearly a fifth below last season's", not "a third term"), with an approximator before
    it, or None."""
    if q.kind != "ordinal":
        return None
    before = claim.text[:q.start - claim.start]
    rest = claim.text[q.end - claim.start:]
    m = _WORD_BEFORE.search(before.lower())
    if m is None or not _NO_NOUN_AFTER.match(rest) or not (
            m.group(1) in _ARTICLES or words_to_number([m.group(1)]) is not None):
        return None
    share = fraction_value(f"{m.group(1)} {q.text}")
    if share is None:
        return None
    start = m.start()
    approx = _APPROX_BEFORE.search(before[:start].lower())
    if approx is not None:
        start = approx.start()  # "nearly a fifth": the side of the rounding goes with it
    text = before[start:] + q.text
    return replace(q, text=text, start=q.start - (len(before) - start), kind="percent",
                   value=100 * share, unit="", norm=format_figure(100 * share))


def complete(q, claim):
    """The figure with the words the tagger left after it: a scale ("£64" + "m"), the unit
    of time it counts ("three" + "and a half years", "half" + "a year", "a year" + "and a
    half"), the whole of a ratio it opens ("four" + "in ten" -> 40%), or the month of a day
    written as an ordinal ("the twelfth" + "of May" -> "May 12"); or, before it, the first
    term of a ratio ("one in" + "twenty" -> 5%) or the article of a fraction ("a" + "third").
    The figure itself when nothing is left out."""
    for whole in (_ratio(q, claim), _ratio_after(q, claim), _fraction(q, claim)):
        if whole is not None:
            return whole
    rest = claim.text[q.end - claim.start:].lower()
    text = None
    if (m := _SCALE_AFTER.match(rest)) and q.kind == "money":
        text = q.text + rest[:m.end()]
    elif (m := _UNIT_AFTER.match(rest)) and duration_unit(m.group(1)) and not durations(q.text) \
            and q.kind not in ("date", "time"):  # "Tuesday night" counts no nights
        text = q.text + rest[:m.end()]
    elif (m := HALF_AFTER.match(rest)) and durations(q.text):
        text = q.text + rest[:m.end()]
    elif q.kind == "ordinal" and (m := _DAY_OF.match(rest)) and m.group(1) in MONTHS \
            and q.value is not None:
        return replace(q, text=f"{m.group(1)} {int(q.value)}", kind="date",
                       norm=normalise(f"{m.group(1)} {int(q.value)}", "DATE")[3])
    if text is None:
        return q
    kind, value, unit, norm = normalise(text, _LABELS.get(q.kind, "CARDINAL"))
    return replace(q, text=text, end=q.end + m.end(), kind=kind, value=value, unit=unit,
                   norm=norm)
