"""A "first" that ranks within a span of years ("the first time in 52 years") against a
source that gives the same span as a run of the same thing ("staged each July for 52
years"): the ranking DU806 reads and the ordinal DU803 reads are the sources' own."""

from __future__ import annotations

import re

from checker.align import claim_keys, key, text_keys
from checker.lexicon import shipped, shipped_values
from checker.timespans import duration_seconds

_APPROX = "|".join(sorted((re.escape(w) for w, _ in shipped_values("approximators")),
                          key=len, reverse=True))
_SPAN = r"(?:(?:%s)\s+)?([\w-]+)\s+(years?|decades?|century|centuries)\b" % _APPROX
# "the first time in 52 years", "the first ... in over a decade": the span a "first" ranks in
_FIRST_IN_SPAN = re.compile(r"first\b(?:\s+[\w'’-]+){0,8}?\s+in\s+" + _SPAN, re.I)
# "staged each July for 52 years": a run, with a word of its keeping up before the span
_FOR_SPAN = re.compile(r"\bfor\s+" + _SPAN, re.I)
_RUN_WORDS = shipped("run_words")
RUN_REACH = 8  # words before "for" that may hold the run word


def run_ended(ctx, dc, start: int) -> bool:
    """A "first ... in N years" the sources give as a run of N years that now breaks: a
    source sentence times the same thing "for N years" in any unit ("three decades" for 30
    years) with a word of its keeping up in the words before (run_words.txt: "the regatta,
    staged each July for 52 years, is off this summer", told as "the first time in 52
    years that the lake has no regatta"), and a content word of the claim besides. Known
    false positive: a run of something else beside a word of the claim ("a stall held every
    week for 30 years" for "the first fine in 30 years")."""
    m = _FIRST_IN_SPAN.match(dc.text, start - dc.start)
    span = duration_seconds(f"{m.group(1)} {m.group(2)}") if m else None
    if not span:
        return False
    rest = claim_keys(dc) - {key(w) for w in ("first", "time", "year", "years", "decade",
                                               "decades", m.group(1))}
    for sentence in {sc.sentence for sc in ctx.index.claims}:
        for run in _FOR_SPAN.finditer(sentence):
            before = re.findall(r"[a-z]+", sentence[:run.start()].lower())[-RUN_REACH:]
            if duration_seconds(f"{run.group(1)} {run.group(2)}") == span \
                    and _RUN_WORDS & set(before) \
                    and rest & text_keys(sentence):
                return True
    return False
