"""Figures a derived text works out from the source's: a sum or a difference of two of its
figures ("10 charges" for "9 charges of assault and one of affray", "rose by 30p" for "from
£4.20 to £4.50"), a change as a share, a share of a total, a span between two dates or clock
times, the years since a year the sources give, and a share of two figures the claim gives
itself. Read by ``checker.figures.unknown_figures`` (DN501, DU803).
"""

from __future__ import annotations

import re
from datetime import date

from checker.calendar_days import days_of_month
from checker.figure_written import numbers_in
from checker.figure_moves import bare_end, change_role, direction, sized_change, sized_move
from checker.lexicon import shipped
from checker.numbers import YEAR_RE, fraction_value, number_values
from checker.shares import meets_share, open_bound, rounding, share_of
from checker.timespans import MONTH_SECONDS, clock_minutes, duration_seconds
from checker.units import currency_codes, subunit_value

# What marks a span as a difference or a total ("eight minutes more than", "12 days longer",
# "in all"); of the differences, those that say the later figure is the larger
_MORE = re.compile(r"\s*(?:more|longer|extra|later|slower)\b", re.I)
_TOTAL = re.compile(r"\s*(?:in\s+all|in\s+total)\b", re.I)
_COMPARED = re.compile(rf"{_MORE.pattern}|{_TOTAL.pattern}|\s*(?:less|shorter|fewer|earlier|"
                       r"faster)\b", re.I)


# a span that dates one event from another ("two days later", "a week earlier")
_LATER = re.compile(r"\s*(?:later|earlier|afterwards|after|before)\b", re.I)


def derived_sum(q, claims, source_years=(), nearby=(), after: str = "", clocks=(),
                before: str = "", verb: str = "") -> bool:
    """True when a whole figure is the sum or the difference of two figures of one source
    passage that count the same kind of thing ("10 charges" for "9 charges of assault and
    one of affray"; "seven short" for "37 seats ... the 44 it needs"). Years are no operands.
    A span of whole years may also run from a year of the passage to another year the
    sources give, such as the dateline's ("in eight years" for "its first since 2018" in a
    report dated 2026), or between two clock times of the passage ("45 minutes later" for
    "moved from 6 a.m. to 6:45 a.m."), or, said as a difference or a total (the words
    ``after`` it: "longer", "more", "in all"), be the sum or difference of two spans of
    the passage ("12 days longer" for "34 days, from 22 days"). The clock times may also
    stand in a sentence of ``clocks`` claims (``clock_sentences``). A sum of money may also
    be the difference of two sums in ``nearby`` claims, those around the passages
    (``_money_difference``). A span the words ``before`` it make the size of a change ("by
    three hours", "add three hours to": change_size_cues.txt) may be the difference of the
    two ends of a move ("from nine hours to 12", the second end bare in the first's unit),
    the way the claim's ``verb`` moves them ("lengthen", "cut": change_directions.txt), or
    either way when the verb gives none (``figure_moves.sized_move``). A span of days that
    dates one event from another ("two days later") may run between two days of the
    ``nearby`` claims too (the event it counts from told a sentence before)."""
    span = duration_seconds(q.text) if q.kind != "money" else None  # "£72,000 a year" is a
    # sum by the year, no span of 72,000 years
    if span is not None:
        sized = sized_change(before)
        later = _LATER.match(after) is not None or _LATER.search(q.text) is not None
        return (_between_dates(span, claims) or _between_clock_times(span, [*claims, *clocks])
                or later and _between_days(span, claims, nearby)
                or sized and sized_move(span, claims, direction(verb) or "either")
                or (_COMPARED.match(after) is not None and _between_spans(span, claims, after))
                or ("-" not in q.text and _years_since(span, claims, source_years)))
        # (a length written before its noun, "a five-year contract", is the length of a
        # thing, not the years since a date)
    pence = subunit_value(q.text)
    if pence is not None:
        return _money_difference(pence[0], [*claims, *nearby], pence[1])
    if q.kind == "money":
        return _money_difference(q.value, [*claims, *nearby], currency_codes(q.text))
    share = share_of(q)
    if share is not None:
        return _relative_change(share, rounding(q.text), claims, open_bound(q.text))
    parts = numbers_in(q.text)
    if len(parts) != 1 or not float(parts[0]).is_integer() or q.kind not in ("number",
                                                                             "quantity"):
        return False
    if _share_of_total(parts[0], claims):
        return True
    for sc in claims:
        vals = [v for sq in sc.quantities if sq.kind in ("number", "quantity")
                for v in numbers_in(sq.text)]
        for i, a in enumerate(vals):
            for b in vals[i + 1:]:
                if parts[0] in (a + b, abs(a - b)) and parts[0] not in (a, b):
                    return True
    return False


def _between_spans(span: float, claims, said: str) -> bool:
    """The span is the sum or the difference of two spans of one source passage, as the
    words after it say (``said``): a difference the way the change went ("eight days
    longer" for "rose to 34 days, from 22 days", not when it fell to 22 from 34), a total
    ("in all") of two spans that are not one measure's old and new values. The second end
    of a move written bare ("from nine hours to 12") is a span in the first end's unit."""
    total = _TOTAL.match(said) is not None
    more = _MORE.match(said) is not None
    for sc in claims:
        spans = [(d, change_role(sc, sq)) for sq in sc.quantities
                 for d in [duration_seconds(sq.text)] if d]
        spans += [(d, "new") for sq in sc.quantities for d in [bare_end(sc, sq)] if d]
        for i, (a, ra) in enumerate(spans):
            for b, rb in spans[i + 1:]:
                if span in (a, b):
                    continue
                if total:
                    if span == a + b and not {ra, rb} == {"old", "new"}:
                        return True
                    continue
                if span != abs(a - b):
                    continue
                roles = {ra: a, rb: b}
                if "old" in roles and "new" in roles and (roles["new"] > roles["old"]) != more:
                    continue  # "12 days longer" where the wait fell from 34 days to 22
                return True
    return False


def _relative_change(share: float, side, claims, open_: bool = False) -> bool:
    """True when a share is the change between two figures of one source passage, taken
    from either ("nearly a quarter below last year's 8,800" for "6,700 tonnes, down from
    8,800"), within the rounding its form implies or the wider margin of a bound open on one
    side ("reduced by more than half" for "from 4,000 to 1,700": ``shares.meets_share``)."""
    for sc in claims:
        vals = [v for sq in sc.quantities if sq.kind in ("number", "quantity", "money")
                for v in numbers_in(sq.text) if v > 0]
        changes = [abs(a - b) / base for i, a in enumerate(vals) for b in vals[i + 1:]
                   if a != b for base in (a, b)]
        if meets_share(share, side, changes, open_=open_):
            return True
    return False


def _money_difference(value, claims, codes: frozenset) -> bool:
    """True when a sum of money is the difference of two sums the source passages give in
    its currency ("rose by 30p" for "from £4.20 to £4.50", not "by 30 cents"), in one
    passage or in two of those given ("by £15.6m" where one sentence gives the £38.6m budget
    and the next the £54.2m bill): a difference to the penny does not come about by
    chance."""
    if value is None:
        return False
    # money, and numbers with pence the tagger read without their currency ("£4.20")
    sums = [v for sc in claims if not codes or codes & currency_codes(sc.text)
            for sq in sc.quantities if sq.value is not None and (
                sq.kind == "money" or sq.kind == "number" and not float(sq.value).is_integer())
            for v in _sums_of(sq)]
    return any(a != b and abs(abs(a - b) - value) < 0.005
               for i, a in enumerate(sums) for b in sums[i + 1:])


def _sums_of(sq) -> list[float]:
    """The sums a money figure gives: each end of a move or range the tagger read as one
    figure ("£150,000 to £104,000", whose value it adds up), else its value."""
    ends = number_values(sq.text) if sq.kind == "money" else []
    return ends if len(ends) == 2 else [sq.value]


def _share_of_total(count: float, claims) -> bool:
    """True when a count is a share one source passage gives of a total it gives ("twenty
    of the 40" for "half of the 40", "12" for "30% of its 40 stores")."""
    for sc in claims:
        totals = [v for sq in sc.quantities if sq.kind in ("number", "quantity")
                  for v in numbers_in(sq.text)]
        shares = [f for sq in sc.quantities if (f := _share_of(sq)) is not None]
        if any(abs(f * t - count) < 0.5 for f in shares for t in totals if t > count):
            return True
    return False


def _share_of(sq):
    if sq.kind == "percent" and sq.value is not None:
        return sq.value / 100
    return fraction_value(sq.text)


_YEAR_SECONDS = 12 * MONTH_SECONDS
# A clock time inside a longer figure ("from 6 a.m. to 6:45 a.m." holds two).
_CLOCK_RE = re.compile(r"\b\d{1,2}(?::\d\d)?\s*[ap]\.?m\b\.?|\b\d{1,2}:\d\d\b", re.I)


def _between_clock_times(span: float, claims) -> bool:
    """True when a length of time under a day is the gap between two clock times of one
    source sentence, in one claim or two ("The lift jammed at 9:10 a.m.; the final guest
    got out at 11:55 a.m.")."""
    if span >= 86400:
        return False
    sentences: dict = {}
    for sc in {id(c): c for c in claims}.values():
        sentences.setdefault((sc.doc_id, sc.sent_start), []).extend(
            q for q in sc.quantities if q.kind == "time")
    for quantities in sentences.values():
        # the readings of each clock time apart: "9:30" may be morning or evening, and its
        # two readings are not two times of the passage
        times = [clock_minutes(m.group(0)) for q in quantities
                 for m in _CLOCK_RE.finditer(q.text)]
        if any(abs(a - b) * 60 == round(span) for i, ra in enumerate(times)
               for rb in times[i + 1:] for a in ra for b in rb):
            return True
    return False


def _years(claim) -> set[int]:
    return {int(m.group(1)) for sq in claim.quantities
            if sq.kind == "date" and (m := re.match(r"(\d{4})\b", sq.norm or ""))}


def _years_since(span: float, claims, source_years) -> bool:
    """True when a whole number of years is the gap between a year of the passage and
    another year of the sources."""
    n = span / _YEAR_SECONDS
    if n < 1 or abs(n - round(n)) > 0.01:
        return False
    if any(duration_seconds(sq.text) for sc in claims for sq in sc.quantities):
        return False  # the passage gives a span of its own ("delay it by three years"),
        # the one the derived span stands for
    mine = set().union(*(_years(sc) for sc in claims)) if claims else set()
    return any(abs(a - b) == round(n) for a in mine for b in source_years)




_SINCE_DEED = re.compile(r"\s+(?:after|since)\b", re.I)


def years_since_deed(q, claim, source_claims, source_years, passage=()) -> bool:
    """True when a whole number of years counted "after" or "since" a deed ("Sixty years
    after the pier was built, ...") runs forward from the year a source gives that deed, right
    after its verb ("The pier, built in 1966, ..."), to another year of the sources, such as
    the publication date's. Not when the aligned ``passage`` gives a span of its own (the
    one the derived span stands for), nor for a length ("a five-year contract"). Known false
    positive: another year of the sources that happens to lie that far after the deed."""
    span = duration_seconds(q.text)
    after = _SINCE_DEED.match(claim.text[q.end - claim.start:])
    if span is None or after is None or _LENGTH.search(q.text):
        return False
    n = span / _YEAR_SECONDS
    if n < 1 or abs(n - round(n)) > 0.01:
        return False
    if any(duration_seconds(sq.text) for sc in passage for sq in sc.quantities):
        return False
    start = q.end + after.end()
    end = claim.text.find(",", start - claim.start)
    end = claim.end if end < 0 else claim.start + end
    deed = next((w.lemma for w in claim.words if start <= w.start < end and w.pos == "VERB"),
                None)
    if deed is None:
        return False
    years = {int(m.group(1)) for sc in source_claims for w in sc.words
             if w.lemma == deed and w.pos == "VERB"
             for m in [_YEAR_AFTER.match(sc.text[w.end - sc.start:])] if m}
    return any(b - a == round(n) for a in years for b in source_years)


# the year right after a deed's verb: "opened in 1936", "built in May 2000"
_YEAR_AFTER = re.compile(r"\s+(?:in|during)\s+(?:[A-Za-z]+\s+)?((?:19|20)\d\d)\b")


# a length written before its noun ("a five-year contract"), not a span since a deed
_LENGTH = re.compile(r"-(?:years?|months?|weeks?|days?)\b", re.I)


def source_years(ctx) -> frozenset:
    """Every year written in the sources (a dateline's too, which no claim holds) or in their
    publication dates, once per check."""
    def build(ctx) -> frozenset:
        texts = [ctx.index.text_lower] + [value for src in ctx.sources
                                          for name, value in src.meta if name == "date"]
        return frozenset(int(y) for t in texts for y in YEAR_RE.findall(t))

    return ctx.memo("source-years", build)


def _between_dates(span: float, claims) -> bool:
    """True when a length of time is the time between two dates of one source passage,
    counted to the month, ends included ("thirty months" for "March 2021 to August
    2023")."""
    for sc in claims:
        months = [int(m.group(1)) * 12 + int(m.group(2)) for sq in sc.quantities
                  if sq.kind == "date" and (m := re.match(r"(\d{4})-(\d\d)", sq.norm or ""))]
        for i, a in enumerate(months):
            for b in months[i + 1:]:
                if abs(span / MONTH_SECONDS - (abs(a - b) + 1)) <= 1:
                    return True
    return _between_days(span, claims)


_DAY_NORM = re.compile(r"(?:\d{4}-)?(0[1-9]|1[0-2])-(\d\d)$")


def _between_days(span: float, claims, nearby=()) -> bool:
    """True when a whole number of days (under a year) is the time between two days of the
    months the aligned passage dates ("five days later" for "The first complaint reached the
    council on 3 May, but inspectors did not visit until 8 May"), both ends of a range
    counted ("a three-week season" for "from 2 May to 23 May"; a day either way for a span in
    weeks, whose ends a writer may count); with ``nearby`` claims, between a day of the
    passage and one of theirs (the event the span counts from, told a sentence before).
    Known false positive: a span across a year's end, read within one year; a span between
    the passage's day and a nearby day of another event than the one the text counts from."""
    days = span / 86400
    if days < 1 or days >= 365 or abs(days - round(days)) > 1e-6:
        return False
    mine, theirs = _day_ordinals(claims), _day_ordinals(nearby)
    n = round(days)
    slack = 1 if n % 7 == 0 else 0  # "three weeks" for "2 May to 24 May", ends counted
    pairs = [(a, b) for i, a in enumerate(mine) for b in mine[i + 1:]] + \
        [(a, b) for a in mine for b in theirs]
    return any(abs(abs(a - b) - n) <= slack for a, b in pairs)


def _day_ordinals(claims) -> list:
    """The days of the months the claims date, as ordinals within one year."""
    ordinals = []
    for sq in (sq for sc in claims for sq in sc.quantities if sq.kind == "date"):
        m = _DAY_NORM.match(sq.norm or "")
        named = days_of_month(sq.text.lower())  # both ends of "2 May to 23 May"
        for month, day in named or ([(int(m.group(1)), int(m.group(2)))] if m else []):
            try:
                ordinals.append(date(2001, month, day).toordinal())
            except ValueError:  # "31 February" names no day
                continue
    return ordinals


def clock_sentences(ctx, dc) -> list:
    """The source claims of every sentence that gives a clock time the derived claim gives
    too ("11:55 a.m." in "Not till 11:55 a.m. did the final guest get out, two hours and 45
    minutes after it jammed"), wherever the aligner put the claim: the sentence whose other
    clock time the span may run from."""
    mine = _clock_readings(dc)
    if not mine:
        return []
    timed = ctx.memo("source_clock_readings", lambda c: [
        ((s.doc_id, s.sent_start), r) for s in c.index.claims if (r := _clock_readings(s))])
    sentences = {at for at, r in timed if r & mine}
    return [c for c in ctx.index.claims if (c.doc_id, c.sent_start) in sentences]


def _clock_readings(claim) -> set:
    """Every reading, in minutes of the day, of the claim's clock times ("9:30": morning
    and evening)."""
    return {r for q in claim.quantities if q.kind == "time"
            for m in _CLOCK_RE.finditer(q.text) for r in clock_minutes(m.group(0))}


def around(ctx, claims, reach: int = 4) -> list:
    """The source claims within ``reach`` claims of these, in the same article: the
    sentences around a passage, where a story sets a budget beside the bill."""
    return [c for c in ctx.index.claims for s in claims
            if c.doc_id == s.doc_id and c is not s and abs(c.index - s.index) <= reach]


def ratio_of_its_figures(q, claim, sentence=(), before=()) -> bool:
    """A share the claim states of two of its own figures ("allowed 45 days, half the 90 the
    rules give"; "40 of the 120 seats, a third"), or of its own figure and a whole another
    claim of its ``sentence`` gives ("spent £500,000, and one firm took £260,000, or about
    half, of that"), or of a part the sentence ``before`` it gives and a whole of its own of
    the same kind and currency ("won £2m. The award covers 40% of the £5m bill"): the
    ratio of the two, within the rounding its form implies; the figures themselves are
    compared on their own. Known miss: a share of two figures that is right while the
    figures are wrong (those are DN501's)."""
    share = share_of(q)
    if share is None:
        return False
    def figures(quantities):  # (not the parts of the share itself: "one in 250")
        return [sq for sq in quantities if (sq.end <= q.start or sq.start >= q.end)
                and share_of(sq) is None]

    def values(quantities):
        return [v for sq in figures(quantities) for v in numbers_in(sq.text) if v > 0]
    mine = figures(claim.quantities)
    own = values(mine)
    every = values({sq for c in (claim, *sentence) for sq in c.quantities})
    # the part is the claim's own figure; the whole may stand in the sentence ("took
    # £260,000 ... of that"), not the part ("a third of its 120 staff, and 40 were rehired")
    apart = [a / b for pa in (sq for c in before for sq in c.quantities) for pb in mine
             if pa.kind == pb.kind and currency_codes(pa.text) == currency_codes(pb.text)
             for a in numbers_in(pa.text) for b in numbers_in(pb.text) if 0 < a < b]
    return meets_share(share, rounding(q.text), [a / b for a in own for b in every if a < b]
                       + apart)


# Words after a count that make it a gap between two others ("14 over its permit for 50",
# "nine short of the 60 it wants", "12 above the cap": gap_words.txt).
_GAP_WORDS = re.compile(rf"{_COMPARED.pattern}|\s*(?:%s)\b" % "|".join(
    sorted(map(re.escape, shipped("gap_words")))), re.I)


def gap_of_its_figures(q, claim) -> bool:
    """A whole count the claim states as the gap between two of its own figures, as the
    words after it say ("kept 64 cattle, 14 over its permit for 50"; "31 seats, five short
    of the 36 it wanted"), or their total ("in all"); the figures
    themselves are compared on their own. Known miss: a gap that is right while the figures
    are wrong (those are DN501's)."""
    parts = numbers_in(q.text)
    after = claim.text[q.end - claim.start:]
    if len(parts) != 1 or not float(parts[0]).is_integer() \
            or q.kind not in ("number", "quantity") or not _GAP_WORDS.match(after):
        return False
    total = _TOTAL.match(after) is not None
    vals = [v for sq in claim.quantities if sq is not q and sq.kind in ("number", "quantity")
            for v in numbers_in(sq.text)]
    return any(parts[0] == (a + b if total else abs(a - b))
               for i, a in enumerate(vals) for b in vals[i + 1:] if parts[0] not in (a, b))
