"""Days of the week and dates of the month, read against the date a source is written on.

A wire report dated "24 March 2026" that says "the judge ruled on Monday" means 23 March,
and one that says "the trawler sank on 3 March" means a Tuesday. A summary that writes the
other form gives the source's figure (``day_stated``, read by ``checker.figures`` for the
source claims a derived claim restates). The anchors are the full dates the sources write
(a dateline's "24 March 2026", or a date in the text with its year) and, for a claim told in
the past, the day its own source was published on (a corpus's metadata or a draft's front
matter); a weekday is the one
in the week before an anchor, or in the week after it where the sentence looks ahead ("will
meet on Thursday"). Only a restated sentence with one such day counts: "voted on Monday and
will protest on Friday" fixes neither. Known false negative: a weekday of a week the source
does not mean, within a week of another full date it writes, passes.
"""

from __future__ import annotations

import calendar
import datetime
import re
from typing import Optional

from checker.lexicon import shipped
from checker.date_norms import MONTHS, WEEKDAYS
from checker.records import memo_on

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})\.?,?\s+((?:19|20)\d\d)\b")
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}}),?\s+((?:19|20)\d\d)\b")
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})\b")
_MONTH_DAY = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s*\d{{3}})")
_WEEKDAY = re.compile(r"\b(%s)\b" % "|".join(sorted(WEEKDAYS)))
_ORDER = tuple(d.lower() for d in calendar.day_name)  # Monday first, as date.weekday()
WEEK = 7


def _date(year: int, month: int, day: int) -> Optional[datetime.date]:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _anchors(text: str) -> set:
    """The full dates a text writes ("24 March 2026", "March 24, 2026")."""
    out = set()
    for m in _DAY_MONTH_YEAR.finditer(text):
        out.add(_date(int(m.group(3)), MONTHS[m.group(2)], int(m.group(1))))
    for m in _MONTH_DAY_YEAR.finditer(text):
        out.add(_date(int(m.group(3)), MONTHS[m.group(1)], int(m.group(2))))
    return out - {None}


def days_of_month(text: str) -> set:
    """(month, day) of every date of the month a text writes ("3 March", "March 3")."""
    out = {(MONTHS[m.group(2)], int(m.group(1))) for m in _DAY_MONTH.finditer(text)}
    out |= {(MONTHS[m.group(1)], int(m.group(2))) for m in _MONTH_DAY.finditer(text)}
    return {(mo, d) for mo, d in out if 1 <= d <= 31}


# Words that put a weekday after the date of writing ("will meet on Thursday", "is due to
# open on Monday", "next Friday": looking_ahead.txt).
_AHEAD = re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, sorted(shipped("looking_ahead")))))


def _anchor_dates(index) -> frozenset:
    """The full dates the sources write."""
    return memo_on(index, "_calendar_anchors", lambda: frozenset(_anchors(index.text_lower)))


def _anchors_of(index, claim) -> frozenset:
    """The anchors of a source claim's weekdays: the full dates the sources write, and the
    day its own source was published on when the claim's verb is in the past ("marched
    on Saturday"; not "opens on Saturday", which may be the Saturday to come)."""
    anchors = _anchor_dates(index)
    own = memo_on(index, "_written_on", lambda: dict(index.written_on)).get(claim.doc_id)
    verb = (claim.predicate_text or "").lower()
    past = bool(verb) and verb != claim.predicate.lower() and not verb.endswith(("s", "ing"))
    return anchors | {own} if own is not None and past else anchors


def iso_day(value) -> Optional[datetime.date]:
    """The day of a metadata date ("2025-05-14", "2025-05-14T09:00:00Z"), or None."""
    m = re.match(r"\s*((?:19|20)\d\d)-(\d\d)-(\d\d)", str(value or ""))
    return _date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def _resolved(sentence: str, anchors) -> tuple[set, set]:
    """(the (month, day) the sentence's weekdays can be, the weekdays its dates of the month
    fall on): a weekday in the week before a full date of the sources, or after it where
    the sentence looks ahead."""
    ahead = _AHEAD.search(sentence) is not None
    named = {m.group(1) for m in _WEEKDAY.finditer(sentence)}
    dates, weekdays = set(), set()
    for a in anchors:
        span = range(1, WEEK + 1) if ahead else range(-WEEK + 1, 1)
        for k in span:
            day = a + datetime.timedelta(days=k)
            if _ORDER[day.weekday()] in named:
                dates.add((day.month, day.day))
        for month, d in _event_days(sentence):
            day = _date(a.year, month, d)
            if day is not None and abs((day - a).days) <= 366:
                weekdays.add(_ORDER[day.weekday()])
    return dates, weekdays


def _event_days(sentence: str) -> set:
    """The dates of the month a sentence gives, but a full date beside another one (a
    dateline's "24 March 2026" is the day of writing, not of the event)."""
    bare = _MONTH_DAY_YEAR.sub(" ", _DAY_MONTH_YEAR.sub(" ", sentence))
    return days_of_month(bare) or days_of_month(sentence)


def day_stated(q, index, claims) -> bool:
    """A derived date that the source claims it restates (``claims``) give in the other
    form: a weekday ("on Tuesday") that their one date of the month falls on, or a date of
    the month ("23 March") that their one weekday names in the week of a full date the
    sources write."""
    if q.kind != "date":
        return False
    low = q.text.lower()
    mine = days_of_month(low)
    named = set() if mine or re.search(r"\d", low) else {
        m.group(1) for m in _WEEKDAY.finditer(low)}
    for sentence, anchors in {(sc.sentence.lower(), _anchors_of(index, sc)) for sc in claims}:
        if not anchors:
            continue
        dates, weekdays = _resolved(sentence, anchors)
        if mine and len(dates) == 1 and mine <= dates or \
                named and len(weekdays) == 1 and named <= weekdays:
            return True
    return False


# The month names by number, in full ("june" for 6), from the month list.
_MONTH_NAMES = {n: max((name for name, k in MONTHS.items() if k == n), key=len)
                for n in set(MONTHS.values())}


def month_boundary(q, claim, index) -> bool:
    """A month told as the bound of a deadline ("expects to decide before July") where the
    sources give the end of the month before ("a decision is expected by the end of June"):
    the same boundary. The year, when the derived figure gives one, must follow the month
    in the source too."""
    low = q.text.lower().strip()
    m = re.fullmatch(r"([a-z]+)(?:\s+((?:19|20)\d\d))?", low)
    if m is None or m.group(1) not in MONTHS:
        return False
    before = claim.text[:q.start - claim.start].lower()
    if not re.search(r"\b(?:before|by the start of|by the beginning of)\s*$", before):
        return False
    month = MONTHS[m.group(1)]
    prior = _MONTH_NAMES.get(12 if month == 1 else month - 1, "")
    year = rf"\s+{m.group(2)}" if m.group(2) else ""
    return bool(prior) and re.search(rf"\bend\s+of\s+{prior}{year}\b", index.text_lower) is not None


_DAY_NORM = re.compile(r"(?:(\d{4})-)?(\d\d)-(\d\d)")


def _day_of(norm: str):
    """(year or None, month, day) of a normalised date that names its day, else None."""
    m = _DAY_NORM.fullmatch(norm or "")
    return (m.group(1), m.group(2), m.group(3)) if m else None


def other_day_of_month(q, source_claims, derived_claims, passage=()):
    """(source claim, figure) a derived date replaced when its aligned ``passage`` gives no
    date: the one other day the sources give in the same month (and year: a derived date
    with a year is met only by one with the same year), a day the derived text itself never
    writes ("is due before the panel on 23 May" where the sources' only May date is the
    panel's "3 May"). Two or more other days in that month leave it open. Known false
    positive: a second event in the month the derived text adds is told as a changed date
    rather than an unsupported one."""
    mine = _day_of(q.norm)
    if mine is None or any(_day_of(d.norm) for c in passage for d in c.quantities):
        return None
    told = {_day_of(d.norm)[1:] for c in derived_claims for d in c.quantities
            if _day_of(d.norm)}
    found = {}
    for sc in source_claims:
        for sq in sc.quantities:
            theirs = _day_of(sq.norm)
            if theirs is None or theirs[1] != mine[1] or theirs[2] == mine[2] \
                    or (mine[0] and theirs[0] != mine[0]):
                continue
            found.setdefault(theirs[1:], (sc, sq))
    if len(found) != 1 or next(iter(found)) in told:
        return None
    return next(iter(found.values()))
