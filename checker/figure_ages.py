"""An age the derived text gives a thing ("the 80-year-old bandstand") that a source gives by
the year the thing dates from ("the 1945 bandstand", "put up in 1945") and the year the
source was published: a figure the sources support, though none writes it. Read by DU803 and
DN501 (``checker.figures``)."""

from __future__ import annotations

import re

from checker.numbers import YEAR_RE

# "80-year-old", "80 years old": the age and where the noun it goes with starts
_AGE = re.compile(r"(\d{1,3})[-\s]years?[-\s]old\b", re.I)


def age_from_year(ctx, dc, q) -> bool:
    """The figure is an age in years ("80-year-old") of the lower-case noun right after it
    ("bandstand"), which a source sentence dates by a year, the year right before it ("the
    1945 iron bandstand", with up to two words between) or after "in" a few words after it
    ("the bandstand, which was put up in 1945"), from which a year the sources were
    published (``SourceIndex.written_on``) runs that many years, or one more (the day of
    the year is not known). Not a person ("the 80-year-old Mary Cole"). Known false
    positive: a year of another deed on that noun (a renovation's) that happens to lie that
    far back."""
    m = _AGE.match(q.text) or _AGE.match(dc.text[q.start - dc.start:q.start - dc.start + 20])
    if m is None:
        return False
    age = int(m.group(1))
    after = re.findall(r"[A-Za-z]+", dc.text[q.start - dc.start + m.end():])[:1]
    published = {day.year for _doc, day in ctx.index.written_on}
    if not after or not after[0].islower() or not published:
        return False
    noun = re.escape(after[0])
    for sentence in {sc.sentence for sc in ctx.index.claims}:
        for year in {int(y) for y in YEAR_RE.findall(sentence)}:
            if not any(p - year in (age, age + 1) for p in published):
                continue
            dated = re.search(rf"\b{year}\s+(?:[\w-]+\s+){{0,2}}{noun}s?\b", sentence, re.I) \
                or re.search(rf"\b{noun}s?\b(?:\W+[\w'’-]+){{0,7}}?\W+in\s+{year}\b",
                             sentence, re.I)
            if dated:
                return True
    return False
