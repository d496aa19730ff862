"""The derived figures the sources never give, for DN501 (a changed figure) and DU803 (a
figure with no source): each read whole from its claim, passed over when it is a sum or a
difference of two figures the aligned source passage gives ("12 counts" where it lists "11
counts of fraud and one of theft", "seven short of the 44" beside "37 seats", "rose by 30p"
for "from £4.20 to £4.50"), a share it gives of a total it gives ("twenty of the 40" for
"half of the 40") or the change between two of its figures ("nearly a fifth below 12,400"
beside "10,170"), and paired
with the source figure it replaced. Whether the sources give a figure in any notation is
``checker.figure_match``'s to say.
"""

from __future__ import annotations

import re
from datetime import date

from checker.calendar_days import day_stated, days_of_month, month_boundary
from checker.figure_match import GROUP, same_value, source_has
from checker.figure_written import calendar_day, numbers_in, unit_words
from checker.figure_whole import complete
from checker.lexicon import shipped, shipped_values
from checker.date_norms import period
from checker.numbers import fraction_value
from checker.units import currency_codes, subunit_value
from checker.shares import meets_share, rounding, share_of
from checker.timespans import MONTH_SECONDS, clock_minutes, duration_seconds, durations

SKIP = shipped("figure_skips")
def derived_sum(q, claims, source_years=(), nearby=()) -> bool:
    """True when a whole figure is the sum or the difference of two figures of one source
    passage that count the same kind of thing ("12 counts" for "11 counts of fraud and one
    of theft"; "seven short" for "37 seats ... the 44 it needs"). Years are no operands.
    A span of whole years may also run from a year of the passage to another year the
    sources give, such as the dateline's ("in eight years" for "its first since 2018" in a
    report dated 2026), or between two clock times of the passage ("45 minutes later" for
    "moved from 6 a.m. to 6:45 a.m."). A sum of money may also be the difference of two
    sums in ``nearby`` claims, those around the passages (``_money_difference``)."""
    span = duration_seconds(q.text)
    if span is not None:
        return (_between_dates(span, claims) or _between_clock_times(span, claims)
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
        return _relative_change(share, rounding(q.text), claims)
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


def _relative_change(share: float, side, claims) -> bool:
    """True when a share is the change between two figures of one source passage, taken
    from either ("nearly a fifth below last season's 12,400" for "10,170 tonnes, down from
    12,400"), within the rounding its form implies (``shares.meets_share``)."""
    for sc in claims:
        vals = [v for sq in sc.quantities if sq.kind in ("number", "quantity", "money")
                for v in numbers_in(sq.text) if v > 0]
        changes = [abs(a - b) / base for i, a in enumerate(vals) for b in vals[i + 1:]
                   if a != b for base in (a, b)]
        if meets_share(share, side, changes):
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
    sums = [sq.value for sc in claims if not codes or codes & currency_codes(sc.text)
            for sq in sc.quantities if sq.value is not None and (
                sq.kind == "money" or sq.kind == "number" and not float(sq.value).is_integer())]
    return any(a != b and abs(abs(a - b) - value) < 0.005
               for i, a in enumerate(sums) for b in sums[i + 1:])


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
    source passage."""
    if span >= 86400:
        return False
    for sc in claims:
        # the readings of each clock time apart: "9:30" may be morning or evening, and its
        # two readings are not two times of the passage
        times = [clock_minutes(m.group(0)) for q in sc.quantities if q.kind == "time"
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


YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")  # a year ("2025"); DN501 reads it too


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
    counted to the month, ends included ("three and a half years" for "January 2022 to June
    2025")."""
    for sc in claims:
        months = [int(m.group(1)) * 12 + int(m.group(2)) for sq in sc.quantities
                  if sq.kind == "date" and (m := re.match(r"(\d{4})-(\d\d)", sq.norm or ""))]
        for i, a in enumerate(months):
            for b in months[i + 1:]:
                if abs(span / MONTH_SECONDS - (abs(a - b) + 1)) <= 1:
                    return True
    return _between_days(span, claims)


_DAY_NORM = re.compile(r"(?:\d{4}-)?(0[1-9]|1[0-2])-(\d\d)$")


def _between_days(span: float, claims) -> bool:
    """True when a whole number of days (under a year) is the time between two days of the
    months the aligned passage dates ("five days later" for "The first complaint reached the
    council on 3 May, but inspectors did not visit until 8 May"), both ends of a range
    counted ("a three-week season" for "from 2 May to 23 May"; a day either way for a span in
    weeks, whose ends a writer may count). Known false positive: a span across a year's end,
    read within one year."""
    days = span / 86400
    if days < 1 or days >= 365 or abs(days - round(days)) > 1e-6:
        return False
    ordinals = []
    for sq in (sq for sc in claims for sq in sc.quantities if sq.kind == "date"):
        m = _DAY_NORM.match(sq.norm or "")
        named = days_of_month(sq.text.lower())  # both ends of "2 May to 23 May"
        for month, day in named or ([(int(m.group(1)), int(m.group(2)))] if m else []):
            try:
                ordinals.append(date(2001, month, day).toordinal())
            except ValueError:  # "31 February" names no day
                continue
    n = round(days)
    slack = 1 if n % 7 == 0 else 0  # "three weeks" for "2 May to 24 May", ends counted
    return any(abs(abs(a - b) - n) <= slack for i, a in enumerate(ordinals)
               for b in ordinals[i + 1:])


_TIME_POINTERS = shipped("date_anchors") | shipped("period_pointers")
_UNITS = shipped("durations")
_COUNTS = frozenset(w for w, _ in shipped_values("number_units")
                    if w not in ("a", "an", "one", "zero"))
_BASELINE = re.compile(r"\s+(?:than|compared\s+(?:with|to))\s", re.I)


def _period_before_baseline(q, index) -> bool:
    """A date the tagger ran on into a comparison's baseline ("between March and May than a
    year earlier") whose period before "than" a date of the sources holds."""
    if q.kind != "date":
        return False
    part = _BASELINE.split(q.text, 1)
    if len(part) != 2 or not part[0].strip() or not any(
            w in _TIME_POINTERS for w in re.findall(r"[a-z]+", part[1].lower())):
        return False  # a baseline in time ("than a year earlier", "than last year"), not a
        # bound ("no more than 21 days")
    base = re.findall(r"[a-z]+|\d+", part[1].lower())
    if any(w.isdigit() or w in _COUNTS for w in base) or not all(
            re.search(rf"\b{w}s?\b", index.text_lower) for w in base if w in _UNITS):
        return False  # a baseline of its own ("than a decade earlier", "than five years
        # earlier"): a figure to check, not the source's "same months last year"
    words = re.compile(rf"\b{re.escape(part[0].strip())}\b", re.I)
    return any(sq.kind == "date" and words.search(sq.text)
               for sc in index.claims for sq in sc.quantities)


def unknown_figures(ctx) -> list:
    """(derived claim, figure, source claim, counterpart figure or None) for every derived
    figure the sources never give; the counterpart is the aligned claim's figure of its kind."""
    out = []
    for dc in ctx.derived_claims:
        told: list = []  # the ratios reported whole: their other figure is not told again
        for q in dc.quantities:
            if q.text.lower() in SKIP or any(w.start <= q.start < w.end for w in told):
                continue
            whole = complete(q, dc)
            # A span the tagger cut before "and a half" is judged whole only ("a year").
            halved = whole is not q and durations(whole.text) and whole.end > q.end
            if not halved and source_has(q, ctx.index):
                continue
            if _period_before_baseline(q, ctx.index):
                continue  # "between March and May than a year earlier": the period is
                # the source's; the comparison's baseline is not read as a figure
            if _relative_time(q, dc) or _no_figure(q) or _adverbial(q, dc):
                continue  # "the night before the anniversary", "on Monday evening", "a drug
                # first made for diabetes"
            if whole is not q and source_has(whole, ctx.index):
                continue
            if derived_sum(whole, ctx.support(dc)[1], source_years(ctx),
                           nearby=_around(ctx, ctx.support(dc)[1])) \
                    or day_stated(q, ctx.index, ctx.support(dc)[1]) \
                    or month_boundary(q, dc, ctx.index):
                continue  # (also "before July" for "by the end of June")
            if whole is not q and whole.kind == "percent" and q.kind != "percent":
                q = whole  # a ratio ("nearly four in ten"): told once, as the share it states
                told.append(q)
            sc, alt = None, None
            best = -1
            for cand in ctx.aligned(dc, threshold=0.3):
                for sq in cand.quantities:
                    if GROUP.get(sq.kind) != GROUP.get(q.kind):
                        sq = complete(sq, cand)  # "one in 2,500" as the share it states
                        if GROUP.get(sq.kind) != GROUP.get(q.kind):
                            continue
                    if durations(q.text) and not durations(sq.text) and not (
                            period(q.text.lower()) and period(sq.text.lower())):
                        continue  # "two months" replaced no "2023"; unsupported if anything
                        # ("the last three months of 2028" is a quarter, and replaced one)
                    if calendar_day(q.norm) and durations(sq.text):
                        continue  # nor did "1 July" replace "within 12 weeks"
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


def fit_of(q, sq) -> int:
    """How alike two figures are in form: shared unit words ("years ago"), then both written
    with a number. The aligned figure most alike is the one the derived figure replaced."""
    shared = len(unit_words(q.text) & unit_words(sq.text))
    numeric = bool(numbers_in(q.text)) == bool(numbers_in(sq.text))
    return 2 * shared + int(numeric)


_ANCHORS = tuple(w for w, _ in shipped_values("figure_anchors"))


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


def _adverbial(q, claim) -> bool:
    """An ordinal used as an adverb of its verb ("first made", "first reported"): it says
    when, and counts nothing."""
    if q.kind != "ordinal" or re.search(r"\d", q.text):
        return False
    mine = next((w for w in claim.words if w.start == q.start), None)
    if mine is not None and mine.pos == "ADV":
        return True  # the tagger's own reading ("first" of "a drug first made for")
    nxt = next((w for w in claim.words if w.start > q.start), None)
    return nxt is not None and nxt.pos == "VERB" and nxt.start - q.end <= 1


def relative_time(q, claim) -> bool:
    """Public name of the anchored-time test for the rules."""
    return _relative_time(q, claim)


def _around(ctx, claims, reach: int = 4) -> list:
    """The source claims within ``reach`` claims of these, in the same article: the
    sentences around a passage, where a story sets a budget beside the bill."""
    return [c for c in ctx.index.claims for s in claims
            if c.doc_id == s.doc_id and c is not s and abs(c.index - s.index) <= reach]
