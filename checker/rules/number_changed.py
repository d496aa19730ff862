"""DN501 number-changed: a number, amount, percentage, date or duration differs.

What it flags:
    A number of a derived claim (figures or words, "27%", "$3.5bn", "twenty", "2024",
    "March 3") whose value appears nowhere in the sources, when its aligned source claim has a
    number of the same kind. Also a figure the sources give elsewhere, when the closely
    aligned source claim gives another figure of the same kind and unit in its place ("35
    years ago" written "30 years ago" in a story that mentions a 30-year term elsewhere;
    a span of time in any unit, "within two weeks" for "within 10 days" where the story
    gives "every two weeks" for another fact;
    "until 2029" for "until 2030" where it dates another fact 2029; the second figure of a
    vote's tally, "by seven votes to five" for "to four"; not a figure that points back,
    "those two weeks"; a month named in words with no number, "late in June" for "late in
    October" where June dates another fact),
    unless that claim's sentence writes the figure itself, as an end of a range or a change
    ("moved from 8 a.m. to 8:30 a.m.") or in a clause beside it ("was shown £84,000; her
    prize was £8,400"), or the derived figure is an end of a range the aligned claim gives
    in other words ("£6m to £11m" for "between £6 million and £11 million", whose two sums
    are never added into one). Also a figure of the source's value given over another
    period ("1.2 million litres a week" for "a day", "monthly" for "a year": rate_words),
    also where no aligned passage gives the value, when every source figure of that value
    counting the same thing is a rate over another period.
    A fraction in words replaces a percentage as another percentage does ("two-thirds of
    delegates" for "80 per cent"), and a share of a whole the derived claim names is held
    against the share the sources' counts imply ("nearly one in eight of the 40,600" for
    "2,310 of 40,600 candidates", the two counts in one source claim, or the part in the
    derived claim and the whole in a source claim).
    Durations in number words count: "the one-month anniversary" where the source says
    "one-year"; a duration the source gives in other units is not matched by the bare number
    ("two months" is not the source's "two people"). A quarter is one figure however it is
    written ("Q3", "the third quarter", "third-quarter") and is met only by the same quarter.
    Also a name with a number the sources never write, when they write the same name with
    another number: "SARS-CoV-4" for "SARS-CoV-2", "Tier 2" for "Tier 1", "Class 93" for
    "Class 91" (not an approximator before a figure, "Roughly 1,150", nor part of a figure).
    A figure counts as given in any notation the sources use for the same value (see
    ``checker.figures``): number words ("fourteen weeks", "a dozen"), a scale after the
    figure ("£64m"), a duration in other units ("two weeks'" for "14 days'", "24-month" for
    "two-year", "half a year" for "six months", "an hour and ten minutes" for "70-minute";
    a month is four to four and a half weeks), also where the tagger left the source's
    duration untagged ("over the next 21 days"), a length, mass or volume in other units
    ("1.2 kilometres" for "1,200 metres"), a count rounded on the side its approximator
    gives ("more than three times" for "3.2 times"), a fraction in words for a percentage
    ("about two-fifths" for "about 40%", "at least half" for "at least 50 per cent" the
    tagger cut from its mark), a ratio with its noun between its terms ("one household in
    four"), a quarter or a half as its span of months ("the third quarter of 2024" for
    "between July and September 2024"), the bound of a deadline ("before July" for "by the
    end of June"), the day of a month as an ordinal ("the twelfth of
    May"), a run of periods counted by an ordinal ("a third year" for "the third year in a
    row"), an end of a span of dates ("the end of August" or "mid-March" against "between 15
    March and 31 August"; "17-18 January" for "17 and 18 January"; a lone date does not say
    which end it is), a part of a month read as its days ("early", "mid-", "late", "the end
    of"; "late June" is not "2 June"), and arithmetic the aligned passage implies: the sum
    or the difference of two of its figures ("12 counts" for "11 counts of fraud and one of
    theft", "seven short of 44" beside "37 seats"), the change between two of them as a
    share ("nearly a fifth below 12,400" beside "10,170") or the time between two of its
    dates ("three and a half years" for "January 2022 to June 2025"). A time of day without
    a number ("Monday evening" for "Monday night") is no figure.
Why it matters:
    Wrong figures are concrete, checkable and embarrassing.
Known false positives:
    Derived arithmetic over more than two figures or over passages the aligner does not
    pick; a rounded figure beyond rounding ("nearly 30%" for "27.6%"); relative dates ("last
    week") against absolute ones; a sentence fusing two source sentences whose figures the
    aligner does not both find; a duration the tagger leaves out of the figure; a name with
    a number the source covers by a range ("Windows 11" where the source says "Windows 10
    and later"); a share of a whole measured against a count of the sources that is a part
    of another subset of it (the count whose share is nearest is taken); a fraction that
    names a threshold ("cleared the two-thirds bar") against the share the source gives for
    the vote.
Known misses:
    A changed figure that happens to equal the sum or the difference of two figures of the
    same passage, or a changed share that happens to equal the change between two of them
    (taken from either, so an increase and a decrease are not told apart); a rounded count
    ("more than 3,000") met by any figure of its kind in the sources within half its last
    rounded place, not only the aligned claim's; a duration in months four to ten per cent
    off one in weeks or days ("two months" for "eight weeks" is read as the same); a figure in
    a source clause the extractor reads no claim from; a figure given elsewhere in a source
    claim the aligner keeps as a weak second support.
Examples:
    Source: Patients were 27% more likely to receive the drug in 2024.
    Flag: Patients were 72% more likely to receive the drug in 2024.
    Okay: Patients were 27 per cent more likely to receive the drug in 2024.
"""

from __future__ import annotations

import re

from checker.align import claim_keys, key
from checker.figure_match import (approximates, range_end, same_span_of_time, same_value,
                                  source_has)
from checker.figure_written import dates_match, numbers_in, unit_words, written_in
from checker.figure_sums import derived_sum
from checker.figures import SKIP, fit_of, relative_time, unknown_figures
from checker.lexicon import shipped
from checker.date_norms import MONTHS, WEEKDAYS
from checker.numbers import YEAR_RE, duration_unit, number_values, values_match
from checker.timespans import duration_seconds, durations_in
from checker.rules.base import Rule, evidence_of, make, snippet
from checker.shares import states_share

CODE, NAME, KIND, SEVERITY = "DN501", "number-changed", "number-changed", "error"

# Kept under their former names for the tests that read them here.
_same_span_of_time, _written_in = same_span_of_time, written_in
__all__ = ["RULE", "check", "dates_match", "source_has", "unknown_figures"]


# A name with a number ("SARS-CoV-2", "Tier 1", "F-35", "Windows 11"): the prefix is a word
# that names a thing, the number tells which one.
_IDENT_RE = re.compile(
    r"(?<![\w.-])([A-Za-z][A-Za-z.]*(?:-[A-Za-z.]+)*)(-| ?)(\d+[A-Za-z]?)\b(?![-,.]\d)")
# Words that precede a figure without naming a thing ("in 2020", "Aged 32", "March 3").
_NOT_A_NAME = shipped("not_name_words")
_APPROXIMATORS = shipped("approximators")  # "Roughly 1,150 farms" opens with no name


_SCORE_RE = re.compile(r"\s*[-–]\s*\d")


def _identifiers(text: str):
    """(start, end, prefix, separator, number) of each name-with-a-number in a text."""
    for m in _IDENT_RE.finditer(text):
        prefix, sep, number = m.groups()
        word = prefix.lower().rstrip(".")
        if len(prefix) < 2 or word in _NOT_A_NAME or word in MONTHS or word in WEEKDAYS \
                or word in _APPROXIMATORS or duration_unit(word):
            continue
        if sep == " " and not prefix[0].isupper():
            continue  # "was 67", "than 2": a word before a figure, not a name
        if _SCORE_RE.match(text, m.end()):
            continue  # "Blackburn 1 - 0": a team and its score
        end = m.end()
        if number[-1] == "s" and number[:-1].isdigit():
            number, end = number[:-1], end - 1  # "its Aerion 12s": the plural of the model
        yield m.start(), end, prefix, sep, number


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
    for dc, q, end, unit, sc, sq, s_end, s_unit in _rate_changed(ctx):
        told.append((dc.id, q.start, end))
        mine = dc.text[q.start - dc.start:end - dc.start]
        theirs = sc.text[sq.start - sc.start:s_end - sc.start]
        yield make(RULE, dc, start=q.start, end=end, confidence=0.7,
                   evidence=[evidence_of(sc, start=sq.start, end=s_end)],
                   message=(f'Says "{mine}" where the source says "{theirs}" (per {s_unit}, '
                            f'not per {unit}): "{snippet(sc.text, 70)}".'),
                   suggestion=f'Use the source\'s period: "{theirs}".')
    for dc, start, end, ident, sc, s_start, s_end, s_text in changed_identifiers(ctx):
        if any(c == dc.id and s < end and start < e for c, s, e in told):
            continue  # its number is reported already
        yield make(RULE, dc, start=start, end=end, text=ident, confidence=0.7,
                   evidence=[evidence_of(sc, start=s_start, end=s_end)],
                   message=(f'Says "{ident}" where the source names "{s_text}": '
                            f'"{sc.text[:70]}".'),
                   suggestion=f'Use the source\'s name, "{s_text}".')


MIN_ALIGNMENT = 0.6
_POINTING = shipped("deictics")  # "those two weeks": a figure told before, pointed back at
# A year the source counts from another ("in 2025, up from 1,120 the year before"): the
# derived text may name it ("1,120 in 2024").
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


def _moved_figures(ctx):
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
            if any(same_value(q, sq) or range_end(q, sq) for c in sup for sq in c.quantities) \
                    or approximates(q, [sq for c in sup for sq in c.quantities]):
                continue  # (or rounds it: "just over three weeks" for "23 days"; or is an
                # end of its range: "£6m to £11m" for "between £6 million and £11 million")
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
                       and key(c.predicate) != key(dc.predicate)) for c in sup):
                continue  # an end of a range or a change there ("moved from 8 a.m. to 9 a.m."),
                # a figure of the same sentence, when the claims' verbs differ ("won £8,400"
                # against "was shown £84,000; her prize was £8,400"; not "will rise 9%"
                # against "will rise 4%, though the union asked for 9%"),
                # or a share it writes as a ratio ("one in five" for "20%")
            if _baseline_given(ctx, dc, q):
                continue  # "38%, against 22% a year earlier" where the next source sentence
                # gives the earlier period's figure ("A year before, it stood at 22%")
            if _ends_given(q, sup):
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


def _ends_given(q, sup) -> bool:
    """The figure is a move the tagger read as one ("from £310 million to £82 million") whose
    two ends the supporting passages both give, apart or the other way round, with a word of
    the same direction ("stood at £82 million, down from £310 million"; not "rose from £82
    million to £310 million", nor a range "between" two figures of two facts)."""
    ends = number_values(q.text)
    if len(ends) != 2 or not re.match(r"(?:from\s+)?\S+.*?\s+to\s+", q.text, re.I):
        return False  # a move "from X to Y", not a range "between X and Y"
    theirs = [v for c in sup for sq in c.quantities for v in number_values(sq.text)]
    if not all(any(values_match(e, v) for v in theirs) for e in ends):
        return False
    way = _FALL if ends[1] < ends[0] else _RISE  # and the way the passage says it moved
    return any(way.search(c.sentence) for c in sup)


_FALL = re.compile(r"\b(?:down|fell|fallen|falls?|dropped|drops?|cut|lower|declined?|shrank)\b",
                   re.I)
_RISE = re.compile(r"\b(?:up|rose|risen|rises?|increased?|higher|grew|climbed)\b", re.I)


def _counted(claim, q) -> str:
    """The lemma of the noun a count counts, right after it ("24 riders": rider) or after
    a describing word or two ("38 planned operations": operation), or ''."""
    at = q.end
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


def _rate_changed(ctx):
    """Figures of the same value as a supporting source figure, given over another period
    ("1.2 million litres a week" for "1.2 million litres a day")."""
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




RULE = Rule(CODE, NAME, KIND, SEVERITY, "figure differs from the source", check, __doc__)
