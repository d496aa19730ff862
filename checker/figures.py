"""Whether the sources give a derived figure: the look-ups DN501 (a changed figure) and DU803
(a figure with no source) share, and the score's count of figures the sources never give.

A figure is given when the sources write the same value in any notation: "14 weeks" and
"fourteen weeks", "a dozen" and 12, "£64m" and "about £64 million", a duration in other
units ("two weeks'" and "14 days'", "24-month" and "two-year", "48 hours" and "two days"),
a fraction in words and a percentage ("about two-fifths" and "about 40%"), or a sum or a
difference of two figures the aligned source passage gives ("12 counts" where it lists "11
counts of fraud and one of theft", "seven short of the 44" beside "37 seats").
"""

from __future__ import annotations

import re

from dataclasses import replace

from checker.lexicon import shipped, shipped_values
from checker.numbers import (MONTHS, clock_minutes, duration_seconds, duration_unit,
                             format_figure, fraction_value, normalise, number_values, period,
                             values_match, words_to_number)
from checker.records import memo_on

SKIP = shipped("figure_skips")
GROUP = {"number": "n", "quantity": "n", "percent": "p", "money": "m", "date": "d",
         "time": "t", "ordinal": "o"}


def numbers_in(text: str) -> list[float]:
    """Every number written in a numeric expression, in figures or in words, scales left
    out: the tagger often cuts "£12m" to "12", which still meets "£12 million"."""
    return number_values(text, scaled=False)


def source_has(q, index) -> bool:
    """True when the sources carry the same value (any notation) for a derived number
    (answered once per figure and set of sources: DN501, DU803 and the score ask)."""
    known = memo_on(index, "_source_has", dict)
    got = known.get(q)
    if got is None:
        got = known[q] = _source_has(q, index)
    return got


def _source_has(q, index) -> bool:
    if (q.kind, q.norm) in index.quantity_norms:
        return True
    if written_in(q.text.lower(), index.text_lower):
        return True
    if q.kind == "date" and period(q.text.lower()):
        # A quarter or a half ("Q3", "the third quarter") is met by the same period only,
        # never by a bare 3 elsewhere in the source.
        return any(sq.kind == "date" and value_equal(q, sq) for sq in index.quantities)
    squeezed = squeeze(q.text)
    if squeezed != q.text.lower() and squeezed in _squeezed_source(index):
        return True  # "74 - year - old", "10 am", "£ 500" as written with other spacing
    if _same_duration(q, index.quantities) or _same_share(q, index.quantities):
        return True
    if _percent_written(q, index.text_lower) or _same_clock_time(q, index.quantities):
        return True
    parts = numbers_in(q.text)
    if len(parts) > 1 and all(any(values_match(v, sq.value) for sq in index.quantities)
                              or _fmt_in(v, index.text_lower) for v in parts):
        return True  # a range or a score ("five to two") whose numbers are all in the source
    if len(parts) == 1 and q.kind in ("date", "time", "number", "quantity") and any(
            sq.kind in ("date", "time", "number", "quantity") and numbers_in(sq.text) == parts
            and same_span_of_time(q, sq) for sq in index.quantities):
        return True  # "a 32-year-old" where the source says "Sinfield, 32,"
    scaled = number_values(q.text)
    if len(scaled) == 1 and q.kind in ("number", "quantity", "money", "percent") and any(
            GROUP.get(sq.kind) == GROUP.get(q.kind) and values_match(scaled[0], sq.value)
            for sq in index.quantities):
        return True  # "a dozen" for 12, "£64m" for "about £64 million"
    return any(value_equal(q, sq) for sq in index.quantities)


def _same_duration(q, quantities) -> bool:
    """The same length of time in other units ("a fortnight", "14 days")."""
    mine = duration_seconds(q.text)
    if mine is None:
        return False
    return any(values_match(mine, theirs, rel=0.02) for sq in quantities
               if (theirs := duration_seconds(sq.text)) is not None)


def _same_share(q, quantities) -> bool:
    """A fraction in words and a percentage of the same share ("about two-fifths", "40%"),
    within the rounding a fraction in words implies."""
    def share(x):
        f = fraction_value(x.text) if x.kind != "percent" else None
        return f if f is not None else (x.value / 100 if x.kind == "percent" and x.value
                                        is not None else None)
    mine = share(q)
    if mine is None:
        return False
    return any(abs(mine - theirs) <= max(0.015, 0.05 * mine) for sq in quantities
               if (theirs := share(sq)) is not None)


_LABELS = {"date": "DATE", "time": "TIME", "money": "MONEY", "percent": "PERCENT",
           "quantity": "QUANTITY", "ordinal": "ORDINAL", "number": "CARDINAL"}
_SCALE_AFTER = re.compile(r"(?:m|bn|mn|tn|k)\b")
_UNIT_AFTER = re.compile(r"(?:\s+and\s+a\s+half)?\s+(?:an?\s+)?([a-z]+)\b")
_DAY_OF = re.compile(r"\s+of\s+([a-z]+)\b")


_RATIO_BEFORE = re.compile(r"\b([a-z]+|\d+)\s+(?:in|out\s+of)\s+(?:every\s+)?$")


def _ratio(q, claim):
    """The figure as the share it ends ("one in twenty" -> 5%, "3 out of 4" -> 75%), or None."""
    if q.kind != "number" or q.value is None or q.value < 2:
        return None
    before = claim.text[:q.start - claim.start]
    m = _RATIO_BEFORE.search(before.lower())
    if m is None:
        return None
    first = m.group(1)
    num = float(first) if first.isdigit() else words_to_number([first])
    if num is None or not 0 < num < q.value:
        return None
    share = 100 * num / q.value
    norm = format_figure(share)
    return replace(q, text=before[m.start():] + q.text, start=q.start - (len(before) - m.start()),
                   kind="percent", value=share, unit="", norm=norm)


def complete(q, claim):
    """The figure with the words the tagger left after it: a scale ("£64" + "m"), the unit
    of time it counts ("three" + "and a half years", "half" + "a year"), or the month of a
    day written as an ordinal ("the twelfth" + "of May" -> "May 12"); or, before it, the
    first term of a ratio ("one in" + "twenty" -> 5%). The figure itself when nothing is
    left out."""
    ratio = _ratio(q, claim)
    if ratio is not None:
        return ratio
    rest = claim.text[q.end - claim.start:].lower()
    text = None
    if (m := _SCALE_AFTER.match(rest)) and q.kind == "money":
        text = q.text + rest[:m.end()]
    elif (m := _UNIT_AFTER.match(rest)) and duration_unit(m.group(1)) and not durations(q.text):
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


def derived_sum(q, claims) -> bool:
    """True when a whole figure is the sum or the difference of two figures of one source
    passage that count the same kind of thing ("12 counts" for "11 counts of fraud and one
    of theft"; "seven short" for "37 seats ... the 44 it needs"). Years are no operands."""
    span = duration_seconds(q.text)
    if span is not None:
        return _between_dates(span, claims)
    parts = numbers_in(q.text)
    if len(parts) != 1 or not float(parts[0]).is_integer() or q.kind not in ("number",
                                                                             "quantity"):
        return False
    for sc in claims:
        vals = [v for sq in sc.quantities if sq.kind in ("number", "quantity")
                for v in numbers_in(sq.text)]
        for i, a in enumerate(vals):
            for b in vals[i + 1:]:
                if parts[0] in (a + b, abs(a - b)) and parts[0] not in (a, b):
                    return True
    return False


_MONTH_SECONDS = 2629800


def _between_dates(span: float, claims) -> bool:
    """True when a length of time is the time between two dates of one source passage,
    counted to the month, ends included ("three and a half years" for "January 2022 to June
    2025")."""
    for sc in claims:
        months = [int(m.group(1)) * 12 + int(m.group(2)) for sq in sc.quantities
                  if sq.kind == "date" and (m := re.match(r"(\d{4})-(\d\d)", sq.norm or ""))]
        for i, a in enumerate(months):
            for b in months[i + 1:]:
                if abs(span / _MONTH_SECONDS - (abs(a - b) + 1)) <= 1:
                    return True
    return False


_AGE_WORDS = shipped("age_words")


def durations(text: str) -> set[str]:
    """The units of time a figure counts ("two months" -> {"month"})."""
    return {u for w in re.findall(r"[a-z]+", text.lower()) if (u := duration_unit(w))}


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


def written_in(figure: str, text: str) -> bool:
    """True when the figure stands in the text as a whole figure: "4bn" is not written in
    "$18.4bn", nor "30" in "1930". A group of three digits after a comma counts ("000" of
    "50,000", which some tokenised texts write "50, 000")."""
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
        if not inside and not after.isalnum():
            return True
        start = text.find(figure, start + 1)
    return False


def value_equal(q, sq) -> bool:
    """The same date (as far as both go) or the same value within rounding."""
    if q.kind == "date" and sq.kind == "date":
        return bool(q.norm and sq.norm and dates_match(q.norm, sq.norm))
    return values_match(q.value, sq.value, rel=0.02 if q.kind == "percent" else 0.005)


def squeeze(text: str) -> str:
    """A figure's text without spaces, hyphens and ordinal suffixes, so that tokenised or
    hand-typed copies meet ("74 - year - old", "54-year old" -> "54yearold"; "10 am" ->
    "10am"; "87th" -> "87")."""
    t = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.lower())
    return re.sub(r"[\s\-‐–’']+", "", t)


def _squeezed_source(index) -> str:
    return memo_on(index, "_squeezed", lambda: squeeze(index.text_lower))


def dates_match(a: str, b: str) -> bool:
    """True when two normalised dates agree as far as both go: "2023" and "2023-02-23", or
    "02-23" and "2023-02-23", but not "20" (twenty years) and "2023-02-23"."""
    if a == b:
        return True
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


# One to twelve in words, from the number words (read backwards, so that "one", the first of
# the words worth one, is the one kept).
_SMALL = {int(v): w for w, v in reversed(shipped_values("number_units")) if 1 <= int(v) <= 12}


def _same_clock_time(q, quantities) -> bool:
    """The same time of day on another clock ("14:10" for "2:10 p.m.")."""
    # a time tagged as a number ("3.40am" read as 3.4) counts only marked a.m. or p.m.
    mine = clock_minutes(q.text, marked=q.kind != "time")
    return bool(mine) and any(mine & clock_minutes(sq.text) for sq in quantities
                              if sq.kind == "time")


_PERCENT_MARK = r"\s*(?:%|per\s?cent\b|percent\b)"


def _percent_written(q, text: str) -> bool:
    """A percentage the source writes in another notation in a part of a sentence no claim
    holds ("30 per cent" for "..., warning that up to 30% of the crop could be lost")."""
    if q.kind != "percent" or q.value is None:
        return False
    figure = format_figure(q.value)
    return re.search(rf"(?<![\d.,]){re.escape(figure)}{_PERCENT_MARK}", text) is not None


def _fmt_in(v: float, text: str) -> bool:
    word = _SMALL.get(int(v)) if float(v).is_integer() else None
    figure = str(int(v)) if float(v).is_integer() else str(v)
    return bool(re.search(rf"\b{re.escape(figure)}\b", text)) or (
        word is not None and re.search(rf"\b{word}\b", text) is not None)


def unknown_figures(ctx) -> list:
    """(derived claim, figure, source claim, counterpart figure or None) for every derived
    figure the sources never give; the counterpart is the aligned claim's figure of its kind."""
    out = []
    for dc in ctx.derived_claims:
        for q in dc.quantities:
            if q.text.lower() in SKIP or source_has(q, ctx.index):
                continue
            if _relative_time(q, dc) or _no_figure(q):
                continue  # "the night before the anniversary", "on Monday evening"
            whole = complete(q, dc)
            if whole is not q and source_has(whole, ctx.index):
                continue
            if derived_sum(whole, ctx.support(dc)[1]):
                continue
            sc, alt = None, None
            best = -1
            for cand in ctx.aligned(dc, threshold=0.3):
                for sq in cand.quantities:
                    if GROUP.get(sq.kind) != GROUP.get(q.kind):
                        continue
                    if durations(q.text) and not durations(sq.text):
                        continue  # "two months" replaced no "2023"; unsupported if anything
                    fit = fit_of(q, sq)
                    if fit > best:
                        sc, alt, best = cand, sq, fit
            if alt is None:
                sc, alt = _counterpart_beside(dc, q, ctx.index) or (None, None)
            out.append((dc, q, sc, alt))
    return out


_NOUN_AFTER = re.compile(r"\s*([a-z]+)")


def _noun_after(claim, end: int) -> str:
    m = _NOUN_AFTER.match(claim.text[end - claim.start:].lower())
    return m.group(1) if m else ""


def _counterpart_beside(dc, q, index):
    """(source claim, figure) the derived figure replaced when the aligner found no passage:
    a source claim that gives another figure of the derived claim, and in place of this one
    a figure of the same kind counting the same thing ("155 stores and about 14,100
    employees" where the source says "155 stores and about 11,400 employees")."""
    noun = _noun_after(dc, q.end)
    others = [o for o in dc.quantities if o is not q and o.text.lower() not in SKIP
              and numbers_in(o.text)]
    if not noun or not others:
        return None
    for sc in index.claims:
        if not any(same_value(o, sq) for o in others for sq in sc.quantities):
            continue
        for sq in sc.quantities:
            if GROUP.get(sq.kind) == GROUP.get(q.kind) and _noun_after(sc, sq.end) == noun \
                    and not same_value(q, sq):
                return sc, sq
    return None


_FILLER = shipped("figure_fillers")
_ANCHORS = tuple(w for w, _ in shipped_values("figure_anchors"))


def unit_words(text: str) -> set[str]:
    """The words of a figure that say what it counts ("years ago" of "35 years ago")."""
    words = re.findall(r"[a-z]+", text.lower())
    return {w.rstrip("s") for w in words if w not in _FILLER and not number_values(w)}


def fit_of(q, sq) -> int:
    """How alike two figures are in form: shared unit words ("years ago"), then both written
    with a number. The aligned figure most alike is the one the derived figure replaced."""
    shared = len(unit_words(q.text) & unit_words(sq.text))
    numeric = bool(numbers_in(q.text)) == bool(numbers_in(sq.text))
    return 2 * shared + int(numeric)


def _relative_time(q, claim) -> bool:
    """A date or time with no number that is anchored on another event ("the evening
    before", "the night prior to")."""
    if q.kind not in ("date", "time") or numbers_in(q.text):
        return False
    rest = claim.text[q.end - claim.start:].lstrip().lower()
    return rest.startswith(_ANCHORS)


def _no_figure(q) -> bool:
    """A time of day or a part of one with no number ("evening", "that night"): nothing to
    compare as a figure."""
    return q.kind == "time" and not numbers_in(q.text) and not re.search(r"\d", q.text)


def relative_time(q, claim) -> bool:
    """Public name of the anchored-time test for the rules."""
    return _relative_time(q, claim)


def same_value(q, sq) -> bool:
    """Two figures of the same value however written."""
    if q.text.lower() == sq.text.lower() or squeeze(q.text) == squeeze(sq.text):
        return True
    if numbers_in(q.text) == numbers_in(sq.text):
        return True  # "34 - year - old" and "the 34-year-old"
    return value_equal(q, sq)
