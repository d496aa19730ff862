"""A change told by its size ("lengthened the shift by three hours", "add three hours to")
read against the moves a source passage gives ("from nine hours to 12"): which way the
claim's verb moves an amount, whether the words before a span size a change, the ends of a
move and their roles. Read by ``checker.figure_sums.derived_sum`` (DN501, DU803)."""

from __future__ import annotations

import re
from functools import lru_cache

from checker.lemmas import inflections
from checker.numbers import number_values, values_match
from checker.lexicon import shipped, shipped_values
from checker.figure_written import elided_moves
from checker.timespans import duration_seconds


def direction(verb: str) -> str:
    """"up" or "down" for a verb of change, the derived claim's own ("lengthen", "cut":
    change_directions.txt; not a noun or another clause's verb: "lift engineers", "which
    cuts breaks"), else ''."""
    return _direction_forms().get(verb.lower(), "")


@lru_cache(maxsize=1)
def _direction_forms() -> dict:
    return {form: way for verb, way in shipped_values("change_directions")
            for form in inflections(verb)}


def sized_change(before: str) -> bool:
    """The words before a span make it the size of a change ("lengthen the shift by",
    "add", "adds a further"): change_size_cues.txt."""
    words = re.findall(r"[a-z]+", before.lower())[-3:]
    while words[-1:] and words[-1] in ("a", "an", "further", "extra", "another"):
        words.pop()
    return bool(words) and words[-1] in shipped("change_size_cues")


def sized_move(span: float, claims, way: str) -> bool:
    """The span sized as a change ("lengthened the shift by three hours") is the difference
    of a move's two ends in one source passage, the ``way`` the claim's verb moves them
    ("up", "down", or "either" when no verb says): an end after "from" and the end after the
    "to" that follows it ("from nine hours to 12", the second end bare in the first's unit);
    where the passage gives no such move, one such end and another span ("12 hours, up from
    nine hours"), or two spans in its order where it marks no end ("ran for 9 hours, will
    now run for 12"). Two moves of one passage are not mixed ("from 8 hours to 10 and from 12
    hours to 9" gives two hours and three, not two from 12 to 10)."""
    for sc in claims:
        spans = sorted([*((sq.start, d, change_role(sc, sq)) for sq in sc.quantities
                          for d in [duration_seconds(sq.text)] if d),
                        *((sq.end, d, "new") for sq in sc.quantities
                          for d in [bare_end(sc, sq)] if d)], key=lambda x: x[0])
        moves = [(a[1], b[1]) for a, b in zip(spans, spans[1:])
                 if a[2] == "old" and b[2] == "new"]
        if not moves:  # one end and another span, (old, new) by their roles, or with no
            # roles at all two spans in the order the passage gives them ("ran for 9 hours,
            # will now run for 12 hours")
            roled = any(r for _at, _d, r in spans)
            moves = [(a[1], b[1]) if a[2] == "old" or b[2] == "new" else (b[1], a[1])
                     for i, a in enumerate(spans) for b in spans[i + 1:]
                     if (a[2] or b[2]) and a[2] != b[2] or not roled]
        moves += [(old, new) for first, unit, second in elided_moves(sc.text)
                  for old, new in [(duration_seconds(f"{first} {unit}"),
                                    duration_seconds(f"{second} {unit}"))] if old and new]
        # ("from nine days a month to seven": the second end bare, a rate between)
        for old, new in moves:
            if span == abs(new - old) and (way == "either" or (new > old) == (way == "up")):
                return True
    return False


_BARE_END = re.compile(r"(?:\s+to)?\s+(\d+(?:\.\d+)?)(?![\d.,]*\d)(?!\s*%)\s*([a-z]*)", re.I)


def bare_end(sc, sq):
    """The span in seconds of the bare second end of a move whose first end is the span
    ``sq`` ("to 12" after "from nine hours"), or None."""
    if change_role(sc, sq) != "old":
        return None
    words = sq.text.split()
    if words[-1].lower() == "to":
        words.pop()  # the tagger may take the "to" into the span ("nine hours to")
    elif not re.match(r"\s+to\b", sc.text[sq.end - sc.start:], re.I):
        return None
    m = _BARE_END.match(sc.text, sq.end - sc.start)
    if m is None or m.group(2) and m.group(2).lower() not in shipped("function_words"):
        return None  # "to 12 drivers", "to 12 per shift": a count of something else
    return duration_seconds(f"{m.group(1)} {words[-1]}")


def change_role(sc, sq) -> str:
    """"old" for a figure after "from" in its claim ("from 22 days"), "new" for one after
    "to" ("fell to 34 days"), else ""."""
    before = sc.text[:max(0, sq.start - sc.start)].lower().split()[-1:]
    return {"from": "old", "to": "new"}.get(before[0] if before else "", "")


def ends_given(q, sup) -> bool:
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
    way = "down" if ends[1] < ends[0] else "up"  # and the way the passage says it moved
    return any(re.search(rf"\b{way}\s+from\b", c.sentence, re.I)
               or any(direction(w) == way for w in re.findall(r"[a-z]+", c.sentence.lower()))
               for c in sup)  # ("down from £310m"; a verb of change.txt: "fell", "cut")
