"""DN501 number-changed: a number, amount, percentage, date or duration differs.

What it flags:
    A number of a derived claim (figures or words, "27%", "$3.5bn", "twenty", "2024",
    "March 3") whose value appears nowhere in the sources, when its aligned source claim has a
    number of the same kind. Also a figure the sources give elsewhere, when the closely
    aligned source claim gives another figure of the same kind and unit in its place ("35
    years ago" written "30 years ago" in a story that mentions a 30-year term elsewhere;
    a span of time in any unit, "within two weeks" for "within 10 days" where the story
    gives "every two weeks" for another fact;
    "until 2029" for "until 2030" where it dates another fact 2029; a part of the same whole,
    "four of them needed treatment" for "Three of them", where the closest claim has the
    derived verb and only a weaker one of another verb gives four; the second figure of a
    vote's tally, "by seven votes to five" for "to four"; not a figure that points back,
    "those two weeks"; a month named in words with no number, "late in June" for "late in
    October" where June dates another fact),
    unless that claim's sentence writes the figure itself, as an end of a range or a change
    ("moved from 8 a.m. to 8:30 a.m.") or in a clause beside it ("was shown £84,000; her
    prize was £8,400"), or the derived figure is an end of a range the aligned claim gives
    in other words ("£6m to £11m" for "between £6 million and £11 million", whose two sums
    are never added into one). Also a figure of the source's value given over another
    period ("41,500 litres a week" for "a day", "monthly" for "a year": rate_words),
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
    Also a count in figures in the frame of a claim, outside every claim the parse draws
    from its sentence ("Of the 314 tenants who replied, 71 per cent reported ..."), that
    the sources never write, where the closely aligned source sentence's frame has exactly
    one count the derived sentence does not give (``checker.frame_figures``).
    Also a name with a number the sources never write, when they write the same name with
    another number: "SARS-CoV-4" for "SARS-CoV-2", "Tier 2" for "Tier 1", "Class 93" for
    "Class 91" (not an approximator before a figure, "Roughly 1,150", nor part of a figure).
    A figure counts as given in any notation the sources use for the same value (see
    ``checker.figures``): number words ("fourteen weeks", "a dozen"), a scale after the
    figure ("£64m"), a duration in other units ("two weeks'" for "14 days'", "24-month" for
    "two-year", "half a year" for "six months", "an hour and ten minutes" for "70-minute";
    a month is four to four and a half weeks), also where the tagger left the source's
    duration untagged ("over the next 21 days"), the length of a span of months the source
    names by its ends ("over five months" for "between June and October", counting both
    ends or not), a sum written short before a time ("£9k last week"), a length, mass
    or volume in other units ("1.2 kilometres" for "1,200 metres"), a count rounded on the
    side its approximator gives ("more than three times" for "3.2 times"), a fraction in
    words for a percentage
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

from checker.date_norms import MONTHS, WEEKDAYS
from checker.figure_match import same_span_of_time, source_has
from checker.figure_written import dates_match, written_in
from checker.figures import unknown_figures
from checker.frame_figures import frame_figures
from checker.lexicon import shipped
from checker.numbers import duration_unit
from checker.moved_figures import moved_figures, rate_changed
from checker.rules.base import Rule, evidence_of, make, snippet

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
    for dc, q, sc, alt in moved_figures(ctx):
        told.append((dc.id, q.start, q.end))
        yield make(RULE, dc, start=q.start, end=q.end, text=q.text, confidence=0.6,
                   evidence=[evidence_of(sc, start=alt.start, end=alt.end)],
                   message=(f'Says "{q.text}" where the matching source sentence says '
                            f'"{alt.text}": "{sc.text[:70]}" (the source gives "{q.text}" '
                            f'only about something else).'),
                   suggestion=f'Use the source\'s figure, "{alt.text}", or check which '
                              f'fact "{q.text}" belongs to.')
    for dc, q, end, unit, sc, sq, s_end, s_unit in rate_changed(ctx):
        told.append((dc.id, q.start, end))
        mine = dc.text[q.start - dc.start:end - dc.start]
        theirs = sc.text[sq.start - sc.start:s_end - sc.start]
        yield make(RULE, dc, start=q.start, end=end, confidence=0.7,
                   evidence=[evidence_of(sc, start=sq.start, end=s_end)],
                   message=(f'Says "{mine}" where the source says "{theirs}" (per {s_unit}, '
                            f'not per {unit}): "{snippet(sc.text, 70)}".'),
                   suggestion=f'Use the source\'s period: "{theirs}".')
    for dc, start, end, mine, sc, s_start, s_end, theirs in frame_figures(ctx):
        yield make(RULE, dc, start=start, end=end, text=mine, confidence=0.6,
                   evidence=[evidence_of(sc, start=s_start, end=s_end)],
                   message=(f'Says "{mine}" where the source says "{theirs}": '
                            f'"{snippet(sc.sentence, 70)}".'),
                   suggestion=f'Use the source\'s figure, "{theirs}".')
    for dc, start, end, ident, sc, s_start, s_end, s_text in changed_identifiers(ctx):
        if any(c == dc.id and s < end and start < e for c, s, e in told):
            continue  # its number is reported already
        yield make(RULE, dc, start=start, end=end, text=ident, confidence=0.7,
                   evidence=[evidence_of(sc, start=s_start, end=s_end)],
                   message=(f'Says "{ident}" where the source names "{s_text}": '
                            f'"{sc.text[:70]}".'),
                   suggestion=f'Use the source\'s name, "{s_text}".')


RULE = Rule(CODE, NAME, KIND, SEVERITY, "figure differs from the source", check, __doc__)
