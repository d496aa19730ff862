"""DU803 unsupported-number: a figure with no counterpart anywhere in the sources.

What it flags:
    A number, amount, percentage or date of a derived claim whose value the sources never
    give, when the aligned source claim has no figure of the same kind (otherwise DN501
    reports a changed number). A sum of money of four figures or more counts as given when
    the sources' text states its value with the same currency sign anywhere, a speaker's
    phrase included ("Harlow Bank, which pays about £2.5 million a year, said" for "roughly
    £2,500,000"); a share counts as given when the sources write it as a fraction in
    words, also where the tagger read no figure there ("had dropped by roughly a fifth" for
    "about 20 percent").
    Where the claim around the figure has no source passage either (its alignment is below
    the support threshold), the finding spans the whole claim: all of it is new. A masthead
    or sign-off line naming the text's own outlet ("The Towpath is sent every Friday") is
    not read, as for DU801 and DU802 (``names.names_own_outlet``), unless it credits a
    speaker ("X told the Towpath it would cost £2m").
Why it matters:
    An invented figure is an invented fact.
Known false positives:
    Figures the derived text computes beyond what ``checker.figures`` accepts (a sum or a
    difference of two figures of one passage, the time between two of its dates, the whole
    years from one of its years to another year the sources give, such as the dateline's; a
    thing's age in years from a year its source sentence gives to the year of publication,
    "the 80-year-old bandstand" for "the bandstand, put up in 1945": ``checker.figure_ages``):
    ages from birth dates, totals over several passages; dates of publication added by the
    outlet. Missed: a sum in a currency written as a word ("4.5 million crowns") that only
    a speaker's phrase gives; a comparison's baseline that a date runs on into ("between
    March and May than a year earlier": the period before "than" is compared, not the
    baseline).
Examples:
    Source: The plant will close, the company said.
    Flag: The plant will close in 2027, the company said.
    Okay: The plant will close, according to the company.
"""

from __future__ import annotations

from checker.figures import unknown_figures
from checker.names import names_own_outlet
from checker.rules.base import Rule, make, snippet

CODE, NAME, KIND, SEVERITY = "DU803", "unsupported-number", "unsupported-claim", "warning"


def check(ctx):
    """Yield a finding for each derived figure the sources never give."""
    for dc, q, _sc, alt in ctx.memo("unknown-figures", unknown_figures):
        if alt is not None or names_own_outlet(ctx, dc) and dc.attribution is None:
            continue  # DN501 reports it as a changed number; the outlet's own line tells
            # its own schedule or issue
        al = ctx.alignments.get(dc.id)
        if al is not None and al.score < ctx.config.support_threshold:
            # the claim around the figure has no source passage either: it is all new
            yield make(RULE, dc, start=dc.start, end=dc.end, text=dc.text, confidence=0.6,
                       message=f'Gives "{q.text}" in a claim the source does not make: '
                               f'"{snippet(dc.text, 70)}"; no support found.',
                       suggestion="Remove the claim or add the source that makes it.")
            continue
        yield make(RULE, dc, start=q.start, end=q.end, text=q.text, confidence=0.6,
                   message=f'Gives "{q.text}", a figure the source does not give; '
                           f"no support found.",
                   suggestion=f'Remove "{q.text}" or add the source that gives it.')


RULE = Rule(CODE, NAME, KIND, SEVERITY, "figure not in the source", check, __doc__)
