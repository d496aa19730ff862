"""DN501 number-changed: a number, amount, percentage, date or duration differs.

What it flags:
    A number of a derived claim (figures or words, "27%", "$3.5bn", "twenty", "2024",
    "March 3") whose value appears nowhere in the sources, when its aligned source claim has a
    number of the same kind. Also a figure the sources give elsewhere, when the closely
    aligned source claim gives another figure of the same kind and unit in its place ("35
    years ago" written "30 years ago" in a story that mentions a 30-year term elsewhere).
    Durations in number words count: "the one-month anniversary" where the source says
    "one-year"; a duration the source gives in other units is not matched by the bare number
    ("two months" is not the source's "two people"). A quarter is one figure however it is
    written ("Q3", "the third quarter", "third-quarter") and is met only by the same quarter.
    Also a name with a number the sources never write, when they write the same name with
    another number: "SARS-CoV-4" for "SARS-CoV-2", "Tier 2" for "Tier 1", "Class 93" for
    "Class 91".
Why it matters:
    Wrong figures are concrete, checkable and embarrassing.
Known false positives:
    Derived arithmetic (a sum or a rounded figure, "nearly 30%" for "27.6%" is accepted within
    rounding only); relative dates ("last week") against absolute ones; a sentence fusing
    two source sentences whose figures the aligner does not both find; a duration restated
    in other units ("a fortnight" for "two weeks", "18 months" for "a year and a half");
    a name with a number the source covers by a range ("Windows 11" where the source says
    "Windows 10 and later").
Examples:
    Source: Patients were 27% more likely to receive the drug in 2024.
    Flag: Patients were 72% more likely to receive the drug in 2024.
    Okay: Patients were 27 per cent more likely to receive the drug in 2024.
"""

from __future__ import annotations

import re

from checker.numbers import (MONTHS, WEEKDAYS, duration_unit, parse_figure, period,
                             values_match)
from checker.records import memo_on
from checker.rules.base import Rule, evidence_of, make

CODE, NAME, KIND, SEVERITY = "DN501", "number-changed", "number-changed", "error"
_SKIP = {"one", "a", "an", "once"}
_GROUP = {"number": "n", "quantity": "n", "percent": "p", "money": "m", "date": "d",
          "time": "t", "ordinal": "o"}


def source_has(q, index) -> bool:
    """True when the sources carry the same value (any notation) for a derived number."""
    if (q.kind, q.norm) in index.quantity_norms:
        return True
    if _written_in(q.text.lower(), index.text_lower):
        return True
    if q.kind == "date" and period(q.text.lower()):
        # A quarter or a half ("Q3", "the third quarter") is met by the same period only,
        # never by a bare 3 elsewhere in the source.
        return any(sq.kind == "date" and _value_equal(q, sq) for sq in index.quantities)
    squeezed = _squeeze(q.text)
    if squeezed != q.text.lower() and squeezed in _squeezed_source(index):
        return True  # "74 - year - old", "10 am", "£ 500" as written with other spacing
    parts = _numbers_in(q.text)
    if len(parts) > 1 and all(any(values_match(v, sq.value) for sq in index.quantities)
                              or _fmt_in(v, index.text_lower) for v in parts):
        return True  # a range or a score ("five to two") whose numbers are all in the source
    if len(parts) == 1 and q.kind in ("date", "number", "quantity") and any(
            sq.kind in ("date", "number", "quantity") and _numbers_in(sq.text) == parts
            and _same_span_of_time(q, sq) for sq in index.quantities):
        return True  # "a 32-year-old" where the source says "Sinfield, 32,"
    return any(_value_equal(q, sq) for sq in index.quantities)


_AGE_WORDS = frozenset({"old", "aged", "age"})


def _durations(text: str) -> set[str]:
    """The units of time a figure counts ("two months" -> {"month"})."""
    return {u for w in re.findall(r"[a-z]+", text.lower()) if (u := duration_unit(w))}


def _same_span_of_time(q, sq) -> bool:
    """False when the derived figure counts units of time the source figure does not: "two
    months" is not the source's "two weeks" nor its "two people". An age ("a 32-year-old")
    still meets a bare number ("Sinfield, 32")."""
    mine = _durations(q.text)
    if not mine:
        return True
    theirs = _durations(sq.text)
    if theirs:
        return bool(mine & theirs)
    return bool(_unit_words(q.text) & _AGE_WORDS)


def _written_in(figure: str, text: str) -> bool:
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


def _value_equal(q, sq) -> bool:
    """The same date (as far as both go) or the same value within rounding."""
    if q.kind == "date" and sq.kind == "date":
        return bool(q.norm and sq.norm and dates_match(q.norm, sq.norm))
    return values_match(q.value, sq.value, rel=0.02 if q.kind == "percent" else 0.005)


def _squeeze(text: str) -> str:
    """A figure's text without spaces, hyphens and ordinal suffixes, so that tokenised or
    hand-typed copies meet ("74 - year - old", "54-year old" -> "54yearold"; "10 am" ->
    "10am"; "87th" -> "87")."""
    t = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.lower())
    return re.sub(r"[\s\-‐–’']+", "", t)


def _squeezed_source(index) -> str:
    return memo_on(index, "_squeezed", lambda: _squeeze(index.text_lower))


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


_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}


def _numbers_in(text: str) -> list[float]:
    """Every number written in a numeric expression, in figures or as small number words."""
    out = []
    for tok in re.findall(r"\d+(?:[.,]\d+)*|[a-z]+", text.lower()):
        if tok in _WORDS:
            out.append(float(_WORDS[tok]))
        elif tok[0].isdigit():
            v = parse_figure(tok)
            if v is not None:
                out.append(v)
    return out


def _fmt_in(v: float, text: str) -> bool:
    word = next((w for w, n in _WORDS.items() if n == v), None)
    figure = str(int(v)) if float(v).is_integer() else str(v)
    return bool(re.search(rf"\b{re.escape(figure)}\b", text)) or (
        word is not None and re.search(rf"\b{word}\b", text) is not None)


def unknown_figures(ctx) -> list:
    """(derived claim, figure, source claim, counterpart figure or None) for every derived
    figure the sources never give; the counterpart is the aligned claim's figure of its kind."""
    out = []
    for dc in ctx.derived_claims:
        for q in dc.quantities:
            if q.text.lower() in _SKIP or source_has(q, ctx.index):
                continue
            if _relative_time(q, dc):
                continue  # "the night before the anniversary" names no time of its own
            sc, alt = None, None
            best = -1
            for cand in ctx.aligned(dc, threshold=0.3):
                for sq in cand.quantities:
                    if _GROUP.get(sq.kind) != _GROUP.get(q.kind):
                        continue
                    if _durations(q.text) and not _durations(sq.text):
                        continue  # "two months" replaced no "2023"; unsupported if anything
                    fit = _fit(q, sq)
                    if fit > best:
                        sc, alt, best = cand, sq, fit
            out.append((dc, q, sc, alt))
    return out


_FILLER = {"the", "a", "an", "of", "on", "in", "at", "about", "some", "nearly", "almost",
           "around", "over", "more", "than", "less", "up", "to"}
_ANCHORS = ("before", "after", "prior", "preceding", "following", "of")


def _unit_words(text: str) -> set[str]:
    words = re.findall(r"[a-z]+", text.lower())
    return {w.rstrip("s") for w in words if w not in _FILLER and w not in _WORDS}


def _fit(q, sq) -> int:
    """How alike two figures are in form: shared unit words ("years ago"), then both written
    with a number. The aligned figure most alike is the one the derived figure replaced."""
    shared = len(_unit_words(q.text) & _unit_words(sq.text))
    numeric = bool(_numbers_in(q.text)) == bool(_numbers_in(sq.text))
    return 2 * shared + int(numeric)


def _relative_time(q, claim) -> bool:
    """A date or time with no number that is anchored on another event ("the evening
    before", "the night prior to")."""
    if q.kind not in ("date", "time") or _numbers_in(q.text):
        return False
    rest = claim.text[q.end - claim.start:].lstrip().lower()
    return rest.startswith(_ANCHORS)


# A name with a number ("SARS-CoV-2", "Tier 1", "F-35", "Windows 11"): the prefix is a word
# that names a thing, the number tells which one.
_IDENT_RE = re.compile(r"(?<![\w.-])([A-Za-z][A-Za-z.]*(?:-[A-Za-z.]+)*)(-| ?)(\d+[A-Za-z]?)\b(?!-\d)")
# Words that precede a figure without naming a thing ("in 2020", "Aged 32", "March 3").
_NOT_A_NAME = frozenset("""
a an the this that these those in on of at by to and or but for from with since about over under
than into onto after before during until till within without between among via per each every
all some any no not only up down out off is was are were be been has had have as it its his her
their our my your we they he she i you who which what when where why how just nearly almost
around more less least most first last next final total aged age page number season points goals
runs wickets percent cent pm am mph km kg miles feet ft cm mm lb lbs ml million billion bn mn vs
v x us uk q h
""".split())


_SCORE_RE = re.compile(r"\s*[-–]\s*\d")


def _identifiers(text: str):
    """(start, end, prefix, separator, number) of each name-with-a-number in a text."""
    for m in _IDENT_RE.finditer(text):
        prefix, sep, number = m.groups()
        word = prefix.lower().rstrip(".")
        if len(prefix) < 2 or word in _NOT_A_NAME or word in MONTHS or word in WEEKDAYS \
                or duration_unit(word):
            continue
        if sep == " " and not prefix[0].isupper():
            continue  # "was 67", "than 2": a word before a figure, not a name
        if _SCORE_RE.match(text, m.end()):
            continue  # "Blackburn 1 - 0": a team and its score
        yield m.start(), m.end(), prefix, sep, number


def changed_identifiers(ctx):
    """(derived claim, start, end, text, source claim, source start, source end, source text)
    for each name-with-a-number the sources never write, when they write the same name
    with another number ("SARS-CoV-4" where the source has "SARS-CoV-2")."""
    for dc in ctx.derived_claims:
        for s, e, prefix, sep, number in _identifiers(dc.text):
            ident = dc.text[s:e]
            if re.search(rf"(?<![\w.-]){re.escape(ident.lower())}(?![\w-])",
                         ctx.index.text_lower):
                continue
            other = re.compile(rf"(?<![\w.-]){re.escape(prefix)}{re.escape(sep)}\d+[A-Za-z]?\b",
                               re.IGNORECASE)
            candidates = ctx.aligned(dc, threshold=0.3) + list(ctx.index.claims)
            hit = next(((sc, m) for sc in candidates for m in other.finditer(sc.text)
                        if m.group(0)[len(prefix) + len(sep):].lower() != number.lower()
                        and not _SCORE_RE.match(sc.text, m.end())), None)
            if hit is None:
                continue
            sc, m = hit
            yield (dc, dc.start + s, dc.start + e, ident, sc, sc.start + m.start(),
                   sc.start + m.end(), m.group(0))


def check(ctx):
    """Yield a finding for each derived number that differs from the aligned source number."""
    told: list[tuple[str, int, int]] = []  # (claim, start, end) of the figures reported
    for dc, q, sc, alt in ctx.memo("unknown-figures", unknown_figures):
        if alt is None:
            continue  # a figure with no counterpart is unsupported content (DU803)
        told.append((dc.id, q.start, q.end))
        yield make(RULE, dc, start=q.start, end=q.end, text=q.text, confidence=0.8,
                   evidence=[evidence_of(sc, start=alt.start, end=alt.end)],
                   message=(f'Says "{q.text}" where the source says "{alt.text}": '
                            f'"{sc.text[:70]}".'),
                   suggestion=f'Use the source\'s figure, "{alt.text}".')
    for dc, q, sc, alt in _moved_figures(ctx):
        told.append((dc.id, q.start, q.end))
        yield make(RULE, dc, start=q.start, end=q.end, text=q.text, confidence=0.6,
                   evidence=[evidence_of(sc, start=alt.start, end=alt.end)],
                   message=(f'Says "{q.text}" where the matching source sentence says '
                            f'"{alt.text}": "{sc.text[:70]}" (the source gives "{q.text}" '
                            f'only about something else).'),
                   suggestion=f'Use the source\'s figure, "{alt.text}", or check which '
                              f'fact "{q.text}" belongs to.')
    for dc, start, end, ident, sc, s_start, s_end, s_text in changed_identifiers(ctx):
        if any(c == dc.id and s < end and start < e for c, s, e in told):
            continue  # its number is reported already
        yield make(RULE, dc, start=start, end=end, text=ident, confidence=0.7,
                   evidence=[evidence_of(sc, start=s_start, end=s_end)],
                   message=(f'Says "{ident}" where the source names "{s_text}": '
                            f'"{sc.text[:70]}".'),
                   suggestion=f'Use the source\'s name, "{s_text}".')


MIN_ALIGNMENT = 0.6


def _moved_figures(ctx):
    """Figures the sources give somewhere, but not in the closely aligned source claims,
    which give another figure of the same kind and unit instead."""
    for dc in ctx.derived_claims:
        if not dc.quantities:
            continue
        al, sup = ctx.support(dc)
        if al.score < MIN_ALIGNMENT or not sup:
            continue
        for q in dc.quantities:
            if q.text.lower() in _SKIP or _relative_time(q, dc) or not _numbers_in(q.text):
                continue
            if not source_has(q, ctx.index):
                continue  # a figure the sources never give is the first pass's
            if any(_same_value(q, sq) for c in sup for sq in c.quantities):
                continue
            cands = [sq for sq in sup[0].quantities if sq.kind == q.kind and _numbers_in(sq.text)
                     and (_unit_words(q.text) & _unit_words(sq.text)
                          or q.kind in ("percent", "money"))]
            if cands:
                yield dc, q, sup[0], max(cands, key=lambda sq: _fit(q, sq))


def _same_value(q, sq) -> bool:
    if q.text.lower() == sq.text.lower() or _squeeze(q.text) == _squeeze(sq.text):
        return True
    if _numbers_in(q.text) == _numbers_in(sq.text):
        return True  # "34 - year - old" and "the 34-year-old"
    return _value_equal(q, sq)


RULE = Rule(CODE, NAME, KIND, SEVERITY, "figure differs from the source", check, __doc__)
