"""DN501's readers of a figure told in the wrong place or over the wrong period: a figure
the sources give somewhere, but not in the closely aligned source claims, which give another
figure of its kind there (``moved_figures``), and a figure of the source's value given over
another period (``rate_changed``). ``checker.rules.number_changed`` makes the findings.
"""

from __future__ import annotations

import re

from checker.align import claim_keys, key
from checker.date_norms import MONTHS
from checker.figure_match import (approximates, range_end, same_clock_time, same_value,
                                  source_has)
from checker.figure_moves import direction, ends_given
from checker.figure_sums import derived_sum
from checker.figure_written import numbers_in, unit_carried, unit_words, written_in
from checker.figures import SKIP, fit_of, relative_time
from checker.lexicon import shipped
from checker.numbers import YEAR_RE, duration_unit, number_values, values_match
from checker.shares import states_share
from checker.timespans import duration_seconds, durations_in


MIN_ALIGNMENT = 0.6
_POINTING = shipped("deictics")  # "those two weeks": a figure told before, pointed back at
# A year the source counts from another ("in 2025, up from 940 the year before"): the
# derived text may name it ("940 in 2024").
# (date_anchors.txt after it, period_pointers.txt before it)
_YEAR_BESIDE = re.compile(
    r"\b(?:year|season)\s+(?:%s)\b|\b(?:%s)\s+(?:year|season)\b"
    % ("|".join(sorted(shipped("date_anchors"))), "|".join(sorted(shipped("period_pointers")))),
    re.I)
_TALLY = re.compile(r"\b([\w,]+)\s+votes?\s+to\s+([\w,]+)", re.IGNORECASE)


def _tally_of(claim, q) -> str:
    """The first figure of a vote's tally whose second figure is ``q`` ("seven" of "by seven
    votes to five"), lower case; '' when ``q`` closes no tally."""
    for m in _TALLY.finditer(claim.text):
        if claim.start + m.start(2) == q.start:
            return m.group(1).lower()
    return ""


def moved_figures(ctx):
    """Figures the sources give somewhere, but not in the closely aligned source claims,
    which give another figure of the same kind and unit (a span of time in any unit; a
    count of the same noun: "24 riders" where the claim gives 22 riders and the source's
    24 counts engineers) instead."""
    for dc in ctx.derived_claims:
        if not dc.quantities:
            continue
        al, sup = ctx.support(dc)
        if al.score < MIN_ALIGNMENT or not sup:
            continue
        for q in dc.quantities:
            months = frozenset() if numbers_in(q.text) else _months_of(q)  # "early in May"
            if q.text.lower() in SKIP or relative_time(q, dc) \
                    or not (numbers_in(q.text) or months) \
                    or q.text.split()[0].lower() in _POINTING:
                continue  # "those two weeks" points back at a period told before
            if not source_has(q, ctx.index):
                continue  # a figure the sources never give is the first pass's
            near = _near(dc, sup) if _counted(dc, q).startswith("of ") else sup
            if any(same_value(q, sq) or range_end(q, sq) for c in near for sq in c.quantities) \
                    or approximates(q, [sq for c in near for sq in c.quantities]) \
                    or same_clock_time(q, [sq for c in near for sq in c.quantities]):
                continue  # (or rounds it: "just over three weeks" for "23 days"; or is an
                # end of its range: "£6m to £11m" for "between £6 million and £11 million";
                # or its clock times are the passage's: "7am to 9pm" for "from 7am until 9pm")
            if any(approximates(sq, [q]) and (_given_by_another(ctx, q, c.doc_id)
                                               or _counted_exactly(ctx, dc, q))
                   for c in sup for sq in c.quantities):
                continue  # the aligned claim's rounded or bounded figure is met by it, within
                # its rounding, and another outlet gives it ("some 11,400" where one says
                # "more than 11,000" and the other 11,400), or a source gives it as the
                # exact count of the same noun or of items ("more than 2,000 heaters" and
                # "a total of 2,110 units"). Known miss: a figure of another fact in the other
                # outlet that happens to fall in the bound
            span = duration_seconds(q.text)
            if span and any(span == d for c in sup for d in durations_in(c.sentence)):
                continue  # "twelve months before" for "a year earlier", written in the
                # aligned sentence where the tagger ran it into a figure ("31 a year earlier")
            bare = _bare(q.text)
            if bare != q.text.lower() and written_in(bare, sup[0].sentence.lower()):
                continue  # "up to six hours and 20 minutes" against "as long as six hours and
                # 20 minutes", a span the tagger cut in two in the source
            if any(written_in(q.text.lower(), c.text.lower()) or states_share(q, c.text)
                   or (written_in(q.text.lower(), c.sentence.lower())
                       and key(c.predicate) != key(dc.predicate)) for c in near):
                continue  # an end of a range or a change there ("moved from 5.15 a.m. to 5.40
                # a.m."), a figure of the same sentence, when the claims' verbs differ ("won
                # £8,400" against "was shown £84,000; her prize was £8,400"; not "will rise 9%"
                # against "will rise 4%, though the union asked for 9%"),
                # or a share it writes as a ratio ("one in five" for "20%")
            if _range_written(q, sup):
                continue  # "2pm-6pm" for "from 2pm until 6pm": both ends, in words
            if _baseline_given(ctx, dc, q):
                continue  # "38%, against 22% a year earlier" where the next source sentence
                # gives the earlier period's figure ("A year before, it stood at 22%")
            if ends_given(q, sup) or any(
                    unit_carried(q.text, c.sentence) for c in sup):
                continue  # "fell from £310m to £82m" for "stood at £82m, down from £310m"
            if derived_sum(q, sup):
                continue  # "12 tickets to schools and a library" for "11 tickets to schools
                # and one to a library": a sum of the passage's own figures
            tally = _tally_of(dc, q)
            cands = [sq for sq in sup[0].quantities if sq.kind == q.kind
                     and (numbers_in(sq.text) or months and _months_of(sq))
                     and (months and not numbers_in(sq.text) and _months_of(sq)
                          and not months & _months_of(sq)
                          or unit_words(q.text) & unit_words(sq.text)
                          or duration_seconds(q.text) and duration_seconds(sq.text)
                          or q.kind in ("percent", "money")
                          or YEAR_RE.fullmatch(q.text) and YEAR_RE.fullmatch(sq.text)
                          and not _YEAR_BESIDE.search(sup[0].sentence)
                          or tally and tally == _tally_of(sup[0], sq)
                          or q.kind == "number" and _counted(dc, q)
                          and _counted(dc, q) == _counted(sup[0], sq))
                     and not any(same_value(o, sq) for o in dc.quantities)]
            if cands:
                yield dc, q, sup[0], max(cands, key=lambda sq: fit_of(q, sq))


def _near(dc, sup):
    """The supporting claims that may hold a derived part of a whole ("four of them") in
    another role: all of them, unless the closest has the derived claim's verb, when those
    of another verb are left out ("four of them needed treatment" where the closest says
    "Three of them needed treatment" and a weaker one "tests confirmed it in four of the
    cases")."""
    if not dc.predicate or key(sup[0].predicate) != key(dc.predicate):
        return sup
    return [c for c in sup if c.sent_start == sup[0].sent_start and c.doc_id == sup[0].doc_id
            or key(c.predicate) == key(dc.predicate)]  # (the closest claim's sentence kept:
    # "Eight voted for it, while three of them opposed it")


_ITEMS = shipped("item_nouns")


def _counted_exactly(ctx, dc, q) -> bool:
    """A source claim gives the derived count's value as a count of the noun the derived
    one counts, or of items of any kind (item_nouns.txt: "a total of 2,110 units were
    carried off" for "seized 2,110 heaters"), on the derived claim's verb, a WordNet synonym
    of it or a light verb (light_verbs.txt: "carried off"); not of another thing ("7,300
    spare meters" for "7,300 households") nor of another deed ("the stores had sold 2,110
    units" for "seized 2,110 heaters")."""
    mine = _counted(dc, q)
    if not mine or mine.startswith("of "):
        return False
    verbs = {key(dc.predicate)} | {key(w) for w in ctx.wordnet.synonyms(dc.predicate, "verb", 2)}
    return any(same_value(q, sq) and _counted(sc, sq) in (mine, *_ITEMS)
               and (key(sc.predicate) in verbs or ctx.lexicon.has("light_verbs", sc.predicate))
               for sc in ctx.index.claims for sq in sc.quantities)


def _given_by_another(ctx, q, doc_id: str) -> bool:
    """A source document other than ``doc_id`` gives the figure ``q``'s value."""
    return any(sc.doc_id != doc_id and any(same_value(q, sq) for sq in sc.quantities)
               for sc in ctx.index.claims)


# a figure told as the baseline of a comparison: "a year earlier", "the previous year"
_BASELINE_AFTER = re.compile(r"^\s*(?:a|one|the)\s+(?:year|month|week|season)\s+(?:%s)\b"
                             % "|".join(sorted(shipped("date_anchors"))), re.I)
_PERIOD_BEFORE = re.compile(r"\b(?:%s)\s+(?:year|month|week|season)\b"
                            % "|".join(sorted(shipped("period_pointers"))), re.I)


def _baseline_given(ctx, dc, q) -> bool:
    """The figure is the baseline of a comparison ("against 22% a year earlier") and a source
    sentence gives the same value for an earlier period ("in the previous year it stood at
    22%"), though not the aligned one. Known false positive: the value given for another
    earlier period than the derived one ("two years earlier"); the earlier
    figure's own nouns must be the derived claim's or words for a share ("the share", "the
    proportion": share_nouns.txt)."""
    if not _BASELINE_AFTER.match(dc.text[q.end - dc.start:]):
        return False
    mine = claim_keys(dc)
    return any(same_value(q, sq) and (
        _PERIOD_BEFORE.search(sc.sentence)
        or _BASELINE_AFTER.match(sc.sentence[sq.end - sc.sent_start:]))
        and not {key(w.lemma) for w in sc.words if w.pos == "NOUN"} - mine - _SHARE_NOUNS
        for sc in ctx.index.claims for sq in sc.quantities)  # (not "its vacancy rate was
    # 17 percent", a figure of another measure)


_SHARE_NOUNS = frozenset(key(w) for w in shipped("share_nouns") | shipped("figure_words")
                         | shipped("durations"))  # "the share", "percent", "year"


_DASHED = re.compile(r"^(.*\d\S*)\s*[-–—]\s*(\S*\d.*)$")


def _range_written(q, sup) -> bool:
    """The figure is a range written with a dash ("3.30pm-7pm") whose two ends a supporting
    sentence writes as one range ("from 2pm until 6pm", "between £4 and £6"; not "£4, while
    programmes cost £6")."""
    m = _DASHED.match(q.text.strip())
    if not m:
        return False
    low, high = (re.escape(end.lower()) for end in m.groups())
    joined = re.compile(rf"(?<![\w.,]){low}\s+(?:to|and|until|till)\s+{high}(?![\w]|[.,]\d)")
    return any(joined.search(c.sentence.lower()) for c in sup)


_PART_OF = re.compile(r"\s+of\s+(?:(?:the|these|those|its|their)\s+)?([A-Za-z]+)\b")


def _counted(claim, q) -> str:
    """The lemma of the noun a count counts, right after it ("24 riders": rider) or after
    a describing word or two ("38 planned operations": operation), or the part of a whole it
    takes ("four of them": "of them"; "two of the riders": "of rider"), or ''."""
    at = q.end
    part = _PART_OF.match(claim.text, q.end - claim.start) if q.kind == "number" \
        and not unit_words(q.text) else None  # (not a measure: "1,200 metres of coast")
    if part:
        return "of " + key(part.group(1))
    for w in [w for w in claim.words if w.start >= q.end][:3]:
        if w.start - at > 1:
            return ""
        if w.pos == "NOUN":
            return w.lemma.lower()
        if w.pos not in ("ADJ", "VERB") or w.text.lower().endswith("est"):
            return ""  # (not a superlative: "its two smallest shelters" is a part picked out)
        at = w.end
    return ""


def _bare(text: str) -> str:
    """A figure's words without the words that open it and count nothing ("up to nine hours"
    -> "nine hours": figure_fillers.txt), lower case."""
    words = text.lower().split()
    while len(words) > 1 and words[0] in _FILLERS:
        words.pop(0)
    return " ".join(words)


_FILLERS = shipped("figure_fillers")


def _months_of(q) -> frozenset:
    """The months a date names in words ("early in May": {5}); empty for other figures."""
    if q.kind != "date":
        return frozenset()
    return frozenset(MONTHS[w] for w in re.findall(r"[a-z]+", q.text.lower()) if w in MONTHS)


def _rate_after(claim, end: int, lexicon) -> tuple[str, str, int]:
    """(words, unit of time, end) of the period that makes a figure a rate ("litres a day",
    "per week", "annually"), looked for in the few words after it; ('', '', end) if none."""
    rest = claim.text[end - claim.start:]
    # within the figure's phrase: up to any punctuation, at most the unit noun and the period
    # ("litres a day", "tonnes of dust per year"); a hyphen joins the next word to its own
    # ("a month-long outbreak"), and "in a year" dates rather than divides
    phrase = re.split(r"[,.;:()\u2013\u2014]|\s-\s", rest[:60], maxsplit=1)[0]
    words = list(re.finditer(r"[A-Za-z]+(?:-[A-Za-z]+)*", phrase))[:5]
    rates = lexicon.words["rate_words"]
    for i, m in enumerate(words):
        low = m.group(0).lower()
        if low not in rates or i > 3:
            continue
        unit = rates[low]
        stop = m.end()
        if not unit:  # "a day", "per week"
            if i + 1 >= len(words) or (i and lexicon.has("prepositions",
                                                        words[i - 1].group(0).lower())):
                continue
            unit = duration_unit(words[i + 1].group(0))
            if not unit or (
                    i + 2 < len(words) and lexicon.has("date_anchors", words[i + 2].group(0)
                                                       .lower())):
                continue  # "a year earlier" dates the figure
            stop = words[i + 1].end()
        if unit:
            return rest[:stop], unit, end + stop
    return "", "", end


def rate_changed(ctx):
    """Figures of the same value as a supporting source figure, given over another period
    ("41,500 litres a week" for "41,500 litres a day")."""
    lex = ctx.lexicon
    for dc in ctx.derived_claims:
        if not dc.quantities:
            continue
        al, sup = ctx.support(dc)
        aligned = al.score >= MIN_ALIGNMENT - 0.1
        for q in dc.quantities:
            _, unit, end = _rate_after(dc, q.end, lex)
            if not unit:
                continue
            pair = next(((sc, sq) for sc in (sup[:3] if aligned else ()) for sq in sc.quantities
                         if same_value(q, sq)), None) or _rate_anywhere(ctx, dc, q, unit)
            if pair is None:
                continue
            sc, sq = pair
            _, s_unit, s_end = _rate_after(sc, sq.end, lex)
            if s_unit and s_unit != unit:
                yield dc, q, end, unit, sc, sq, s_end, s_unit


def _rate_anywhere(ctx, dc, q, unit):
    """The source claim and figure of ``q``'s value that count the same thing over a period
    when no aligned passage gives the value ("was used by about 1,400 skaters a day" merged
    into a sentence about a closure, for "about 1,400 skaters a week used it"): only when
    every such source figure is a rate and none is over the derived ``unit``. Known false
    positive: two figures of one value counting the same thing over two periods, one of them
    written in words the rate reader misses ("1,400 a day on average over a week")."""
    counted = _counted(dc, q)
    if not counted:
        return None
    found = [(sc, sq) for sc in ctx.index.claims for sq in sc.quantities
             if same_value(q, sq) and _counted(sc, sq) == counted]
    units = {_rate_after(sc, sq.end, ctx.lexicon)[1] for sc, sq in found}
    if not found or "" in units or unit in units:
        return None
    return found[0]
