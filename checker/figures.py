"""The derived figures the sources never give, for DN501 (a changed figure) and DU803 (a
figure with no source): each read whole from its claim, passed over when it is a sum or a
difference of two figures the aligned source passage gives ("12 counts" where it lists "11
counts of fraud and one of theft", "seven short of the 44" beside "37 seats", "rose by 30p"
for "from £4.20 to £4.50"), a share it gives of a total it gives ("twenty of the 40" for
"half of the 40") or the change between two of its figures ("nearly a quarter below 8,800"
beside "6,700"), and paired
with the source figure it replaced. Whether the sources give a figure in any notation is
``checker.figure_match``'s to say.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from checker.calendar_days import day_stated, month_boundary, other_day_of_month
from checker.date_norms import period
from checker.figure_ages import age_from_year
from checker.figure_match import GROUP, approximates, same_value, source_has
from checker.figure_moves import direction, ends_given
from checker.figure_sums import (around, clock_sentences, derived_sum, gap_of_its_figures,
                                 ratio_of_its_figures, source_years, years_since_deed)
from checker.figure_slips import A_YEAR, digits_swapped, span_to_month, this_year
from checker.figure_whole import complete
from checker.first_in_span import run_ended
from checker.figure_written import calendar_day, numbers_in, unit_words
from checker.lexicon import shipped, shipped_values
from checker.numbers import duration_unit, fraction_value
from checker.share_parts import counts_meet, part_of_base
from checker.shares import rounding, share_of
from checker.timespans import clock_token, duration_seconds, durations
from checker.units import temperature

SKIP = shipped("figure_skips")
_TIME_POINTERS = shipped("date_anchors") | shipped("period_pointers")
_UNITS = shipped("durations")
_LABELS = shipped("label_nouns")  # "Phase 3" names a phase; it counts nothing
_COUNTS = frozenset(w for w, _ in shipped_values("number_units")
                    if w not in ("a", "an", "one", "zero"))
_BASELINE = re.compile(r"\s+(?:than|compared\s+(?:with|to))\s", re.I)
_SCALES = {w: float(v) for w, v in shipped_values("number_scales")}
_VAGUE_UNITS = {w: float(v) for w, v in shipped_values("number_units") if w == "ten"}  # "tens of"


def _vague_count_met(q, index) -> bool:
    """A count in a plural scale word alone ("Thousands packed the entrance", "hundreds of
    letters") that a figure of the sources fills (2,000 to 999,999 for "thousands"; up to
    ten times the scale below a thousand: "hundreds" is 200 to 999), or in a chain of them,
    by their product ("tens of thousands": 20,000 to 99,999). Known false negative: a figure
    of that size the sources give of something else."""
    plural = [w[:-1] for w in re.findall(r"[a-z]+", q.text.lower()) if w.endswith("s")]
    if q.value is not None or not plural or plural[-1] not in _SCALES:
        return False
    # a chain of them ("tens of thousands", "hundreds of millions") counts in their
    # product
    bases = [_SCALES.get(w) or _VAGUE_UNITS.get(w) for w in plural]
    if not all(bases):
        return False
    base = math.prod(bases)
    top = base * (1000 if len(bases) == 1 and base >= 1000 else 10)
    return any(sq.value is not None and 2 * base <= sq.value < top
               for sc in index.claims for sq in sc.quantities if sq.kind == "number")


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


def _verb_before(dc, at: int) -> str:
    """The lemma of the claim's last verb before offset ``at`` ("would see the shift *cut*
    by three hours"; not a verb of a clause before it, "which cuts breaks, would *change*
    ..."), else the claim's own verb; the word right before "by" itself, which the tagger
    may take for a noun ("see the shift cut by three hours")."""
    m = re.search(r"([a-z]+)\s+by\s+$", dc.text[:at - dc.start].lower())
    if m and direction(m.group(1)):
        return m.group(1)
    verbs = [w for w in dc.words if w.pos == "VERB" and w.end <= at]
    return verbs[-1].lemma if verbs else dc.predicate


_PASSING = shipped("passing_verbs")


def _past_mark(dc, q) -> bool:
    """The figure follows a verb of going past a mark ("passes 1,100", "topped £2m":
    passing_verbs.txt), so it is a lower bound, met by a figure of the claims it aligns
    with."""
    before = [w for w in dc.words if w.end <= q.start]
    return bool(before) and before[-1].pos == "VERB" and before[-1].lemma.lower() in _PASSING \
        and not dc.text[before[-1].end - dc.start:q.start - dc.start].strip()


def unknown_figures(ctx) -> list:
    """(derived claim, figure, source claim, counterpart figure or None) for every derived
    figure the sources never give; the counterpart is the aligned claim's figure of its kind."""
    out = []
    for dc in ctx.derived_claims:
        told: list = []  # the ratios reported whole: their other figure is not told again
        for q in dc.quantities:
            if q.text.lower() in SKIP or any(w.start <= q.start < w.end for w in told) \
                    or _vague_count_met(q, ctx.index):
                continue
            whole = complete(q, dc)
            # A span the tagger cut before "and a half" is judged whole only ("a year").
            halved = whole is not q and durations(whole.text) and whole.end > q.end
            if not halved and source_has(q, ctx.index):
                continue
            if _past_mark(dc, q) and approximates(
                    replace(q, text=f"more than {q.text}"),
                    [sq for sc in ctx.support(dc)[1][:3] for sq in sc.quantities]):
                continue  # "the petition passes 1,100" where the source counts 1,140
            if _period_before_baseline(q, ctx.index):
                continue  # "between March and May than a year earlier": the period is
                # the source's; the comparison's baseline is not read as a figure
            if this_year(ctx, q) or span_to_month(q, ctx.support(dc)[1]):
                continue  # "called off for 2025" where a source of 2025 says "this year";
                # "the year to May" for a source's "twelve months" and "the end of May"
            if q.text.lower() == "first" and run_ended(ctx, dc, q.start):
                continue  # "the first time in 52 years" where a source has "for 52 years"
            if _relative_time(q, dc) or _no_figure(q) or _adverbial(q, dc):
                continue  # "the night before the anniversary", "on Monday evening", "a drug
                # first made for diabetes"
            if whole is not q and source_has(whole, ctx.index):
                continue
            if ends_given(whole, ctx.support(dc)[1]):
                continue  # "cut from 80% to 50%" where the source says "50%, down from 80%"
            if gap_of_its_figures(whole, dc):
                continue  # "kept 64 cattle, 14 over its permit for 50"
            if share_of(whole) is not None and ratio_of_its_figures(
                    whole, dc, [c for c in ctx.derived_claims if c.sent_start == dc.sent_start],
                    () if _share_given(ctx, dc) else _sentence_before(ctx, dc)):
                continue  # "45 days, half the 90 it allows": the claim's own two figures
            if derived_sum(whole, ctx.support(dc)[1], source_years(ctx),
                           nearby=around(ctx, ctx.support(dc)[1]), clocks=clock_sentences(ctx, dc),
                           after=dc.text[whole.end - dc.start:],
                           before=dc.text[:whole.start - dc.start],
                           verb=_verb_before(dc, whole.start)) \
                    or day_stated(q, ctx.index, ctx.support(dc)[1]) \
                    or month_boundary(q, dc, ctx.index) \
                    or years_since_deed(whole, dc, ctx.index.claims, source_years(ctx),
                                        ctx.support(dc)[1]) \
                    or age_from_year(ctx, dc, whole):
                continue  # (also "before July" for "by the end of June")
            if whole is not q and whole.kind == "percent" and q.kind != "percent":
                q = whole  # a ratio ("nearly four in ten"): told once, as the share it states
                told.append(q)
            sc, alt = None, None
            best = -1
            # a fraction in words ("two-thirds of delegates") replaced a percentage as
            # readily as another fraction: both are shares
            fraction = q.kind == "number" and fraction_value(q.text) is not None \
                and not numbers_in(q.text) and not _of_a_unit(
                    dc.text[q.end - dc.start:])  # a share alone, not "eleven and a half
            # km" nor "three-quarters of a mile"
            share = fraction and rounding(q.text) is None  # (not "more than half" for 56%)
            for cand in ctx.aligned(dc, threshold=0.3):
                for sq in cand.quantities:
                    if _group(sq) != _group(q) \
                            and not (share and sq.kind == "percent"):
                        sq = complete(sq, cand)  # "one in 2,500" as the share it states
                        if _group(sq) != _group(q):
                            continue
                    if fraction and not _share_like(cand, sq):
                        continue  # "more than half" replaced no count ("2,850 places") and
                        # no measure ("1.5 kilometres"): a share replaces a share
                    if label_of(q) != label_of(sq):
                        continue  # "Phase 3" replaced no "seven cases", only another phase
                    if _hot(q) != _hot(sq):
                        continue  # "8C" replaced no "three metres", only a temperature
                    if durations(q.text) and not durations(sq.text) and not (
                            period(q.text.lower()) and period(sq.text.lower())):
                        continue  # "two months" replaced no "2023"; unsupported if anything
                        # ("the last three months of 2028" is a quarter, and replaced one)
                    if (calendar_day(q.norm) or A_YEAR.fullmatch(q.text.strip())) \
                            and durations(sq.text):
                        continue  # nor did "1 July" or "2025" replace "within 12 weeks"
                    fit = fit_of(q, sq)
                    if fit > best:
                        sc, alt, best = cand, sq, fit
            if alt is not None and fraction and counts_meet(dc, q, sc):
                continue  # "30 drivers, nearly two-thirds of those" for "19 of those"
            if alt is None:
                mates = [c for c in ctx.derived_claims if c.sent_start == dc.sent_start]
                sc, alt = _counterpart_beside(dc, q, ctx.index, mates) or part_of_base(
                    ctx, dc, q) or other_day_of_month(q, ctx.index.claims, ctx.derived_claims,
                                                      ctx.support(dc)[1]) \
                    or digits_swapped(dc, q, ctx.index) or (None, None)
            out.append((dc, q, sc, alt))
    return out


def _group(q) -> str:
    """The group of figures a figure is compared within (``GROUP``); a count the tagger read
    in a time of day marked a.m. or p.m. ("6.15pm" read as 6.15) is a time. Known false
    positive: none seen; a bare "6.15" stays a count."""
    if q.kind == "number" and clock_token(q.text.strip()):
        return GROUP["time"]
    return GROUP.get(q.kind, "")


def _share_given(ctx, dc) -> bool:
    """The claim's aligned source passage gives a share of its own (a percentage or a
    fraction): the derived share is held against that, not worked out from two sums."""
    return any(sq.kind == "percent" or fraction_value(sq.text) is not None
               for sc in ctx.support(dc)[1] for sq in sc.quantities)


def _sentence_before(ctx, dc) -> list:
    """The derived claims of the sentence before the claim's, in its paragraph."""
    starts = sorted({c.sent_start for c in ctx.derived_claims if c.sent_start < dc.sent_start})
    if not starts:
        return []
    prev = [c for c in ctx.derived_claims if c.sent_start == starts[-1]]
    gap = ctx.derived.text[prev[0].sent_end:dc.sent_start]
    return [] if "\n" in gap else prev


def _hot(q) -> bool:
    """The figure is a temperature ("around 8C", ``units.temperature``)."""
    return temperature(q.text) is not None


def label_of(q) -> str:
    """The label a figure is read with ("phase" of "Phase 3": label_nouns.txt), or ''."""
    first = q.text.split()[0].lower() if " " in q.text else ""
    return first if first in _LABELS else ""


_NOUN_AFTER = re.compile(r"\s*([a-z]+)")


def _noun_after(claim, end: int) -> str:
    m = _NOUN_AFTER.match(claim.text[end - claim.start:].lower())
    return m.group(1) if m else ""


def _counterpart_beside(dc, q, index, mates=()):
    """(source claim, figure) the derived figure replaced when the aligner found no passage:
    a source claim that gives another figure of the derived claim, and in place of this one
    a figure of the same kind counting the same thing ("205 shops and about 9,800 staff"
    where the source says "205 shops and about 8,900 staff"). The other
    figure may sit in another claim of the derived sentence ("drew 512 entries, 40% of
    which were late", the share told in a clause of its own); a share read with "of" only
    ("40% of which") in a clause of its own counts the same thing when the two claims share
    a content word besides (not "12% of which came from readers" for "31% of them in favour
    of longer hours")."""
    noun = _noun_after(dc, q.end)
    others = [o for c in (mates or (dc,)) for o in c.quantities
              if o is not q and o.text.lower() not in SKIP and numbers_in(o.text)]
    if not noun or not others:
        return None
    mine = {w.lemma for w in dc.words if w.pos in ("NOUN", "VERB", "ADJ", "PROPN")}
    own = [o for o in dc.quantities if o is not q]
    for sc in index.claims:
        if not any(same_value(o, sq) for o in others for sq in sc.quantities):
            continue
        if noun == "of" and not any(same_value(o, sq) for o in own for sq in sc.quantities) \
                and not mine & {w.lemma for w in sc.words}:
            continue
        for sq in sc.quantities:
            if GROUP.get(sq.kind) == GROUP.get(q.kind) and _noun_after(sc, sq.end) == noun \
                    and not same_value(q, sq):
                return sc, sq
    return None


# a percentage the tagger cut from its mark ("at least 40 [per cent]"), or a point of one
_PERCENT_AFTER = re.compile(r"\s*(?:%|per\s*cent\b|percent\b|percentage\s+points?\b)", re.I)
# a fraction of one unit ("three-quarters of a mile", "half an hour", "half a point")
_OF_A_RE = re.compile(r"\s+(?:of\s+)?an?\s+([a-z]+)", re.I)
_MEASURE_UNITS = {w for w, _ in shipped_values("measure_units")} | {"point"}


def _of_a_unit(rest: str) -> bool:
    """The words after a fraction give one unit of measure or of time (measure_units.txt,
    durations): the fraction is a quantity of it, not a share."""
    m = _OF_A_RE.match(rest)
    word = m.group(1).lower() if m else ""
    return bool(word) and (word in _MEASURE_UNITS or word.rstrip("s") in _MEASURE_UNITS
                           or bool(duration_unit(word)))


def _share_like(cand, sq) -> bool:
    """A source figure a fraction in words may have replaced: a percentage (or one the
    tagger cut from its mark), another fraction, a ratio ("one in five"), or a count that is
    part of a larger count in the same claim ("12 of the 40 buses")."""
    if sq.kind == "percent" or fraction_value(sq.text) is not None \
            or _PERCENT_AFTER.match(cand.text[sq.end - cand.start:]):
        return True
    if complete(sq, cand).kind == "percent":
        return True
    return sq.kind == "number" and bool(sq.value) and any(
        x.kind == "number" and x.value and x.value > sq.value for x in cand.quantities)


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
    compare as a figure. A span of time in words ("an hour", "half an hour") is one."""
    return q.kind == "time" and not numbers_in(q.text) and not re.search(r"\d", q.text) \
        and duration_seconds(q.text) is None


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

