"""Figures a summary slips on that still have their counterpart in the sources: a year the
sources call "this year" (``this_year``), a span up to a month that the sources write as
a span and the month's end apart (``span_to_month``), and a figure whose digits are a
source figure's in another order (``digits_swapped``: "£8,400" for "£4,800"). Read by
``checker.figures``."""

from __future__ import annotations

import re

from checker.date_norms import MONTHS
from checker.lexicon import shipped_values
from checker.figure_match import GROUP, same_value, span_length

A_YEAR = re.compile(r"(?:in\s+|for\s+)?(?:1[89]|20)\d\d")  # a calendar year alone
_DIGIT = re.compile(r"\d")
NOUN_REACH = 5  # characters from a figure to the noun it counts ("£8,400 of damage")


def this_year(ctx, q) -> bool:
    """A calendar year alone that is the year a source was published in, where the sources
    say "this year": the year they mean (not "next year" nor "last year", which the sources
    may count on from another date)."""
    m = A_YEAR.fullmatch(q.text.strip())
    if m is None or not re.search(r"\bthis\s+year\b", ctx.index.text_lower):
        return False
    year = re.search(r"\d{4}", q.text).group()
    return any(value.startswith(year) for src in ctx.sources for name, value in src.meta
               if name == "date")


_JOINERS = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+")  # range_joiners.txt
                            for w, use in shipped_values("range_joiners") if use != "range"),
                           key=len, reverse=True))
_UP_TO_MONTH = re.compile(rf"(?:the\s+)?(?P<span>.+?)\s+(?:{_JOINERS})\s+"
                          r"(?:the\s+end\s+of\s+)?(?P<month>[a-z]+)")  # (range_joiners.txt)


def span_to_month(q, claims) -> bool:
    """A span up to a month ("the half-year to May") that a source gives as a span of the
    same length followed by "to the end of" that month, which the reader takes as two
    figures ("the six months" and "the end of May"), in one of ``claims`` (those that
    support the derived claim: a span the source gives of another fact says nothing).
    Known false positive: none seen."""
    m = _UP_TO_MONTH.fullmatch(q.text.lower().strip())
    if m is None or m.group("month") not in MONTHS:
        return False
    length = span_length(m.group("span"))
    if length is None:
        return False
    after = re.compile(rf"\s+(?:{_JOINERS})\s+(?:the\s+end\s+of\s+)?{m.group('month')}\b")
    return any(sq.kind == "date" and span_length(sq.text) == length
               and after.match(sc.text.lower(), sq.end - sc.start)
               for sc in claims for sq in sc.quantities)


def digits_swapped(dc, q, index):
    """(source claim, figure) whose digits are the derived figure's in another order ("£8,400"
    for "£4,800", "72%" for "27%"), of the same kind, in a source claim that has the noun
    the derived figure counts or measures, right after it ("£8,400 of damage" where the
    source estimates "the damage" at £4,800): the figure the derived one was miscopied from,
    when the aligner found no passage that gives it. Known false positive: two unrelated
    figures of one kind that happen to share their digits, beside that noun."""
    mine = _DIGIT.findall(q.text)
    counted = next((w.lemma.lower() for w in dc.words if w.start >= q.end and w.pos == "NOUN"
                    and w.start - q.end <= NOUN_REACH), "")
    if len(mine) < 2 or not counted:
        return None
    for sc in index.claims:
        if counted not in {w.lemma.lower() for w in sc.words if w.pos == "NOUN"}:
            continue
        for sq in sc.quantities:
            theirs = _DIGIT.findall(sq.text)
            if GROUP.get(sq.kind) == GROUP.get(q.kind) and theirs != mine \
                    and sorted(theirs) == sorted(mine) and not same_value(q, sq):
                return sc, sq
    return None
