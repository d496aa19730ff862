"""Limits that tell the other side of a negation, read between a derived claim and the
sources by the negation rules (DG601: ``word_flips``, ``rules/negation_flipped.py``,
``rules/negation_dropped.py``, ``negation_added``, ``polarity_flips``): "only" on another
thing than the negated one ("Only the central library is affected" beside "the branches
were not"), an exception told as "only" ("cannot moor except at the buoys" and "may moor
only at the buoys"), a wish nobody has beside a fact, a deed done at a bound ("none had done
so until May"), and a time bound told either way ("not before May" and "in May at the
earliest")."""

from __future__ import annotations

import re

from checker.align import text_keys
from checker.lexicon import shipped, shipped_values

_TIME_BOUNDS = shipped_values("time_bounds")


def only_others(dc, sc) -> bool:
    """The derived subject is limited by "only" and names another thing than the source's
    negated subject, a word of its own ("Only the central library is affected" beside "the
    branch libraries were not affected"): it tells the rest are not, so no negation is
    dropped. Known false negative: "only" on a thing the source gives the negation to in
    other words ("Only the old wing was damaged" for "the east wing, the oldest, was not")."""
    subject = dc.subject.strip()
    if not subject.lower().startswith("only "):
        return False
    mine = text_keys(subject[5:]) - {"the", "its", "their"}
    return bool(mine) and not mine <= text_keys(sc.subject or "")


# "except", "unless", "other than": the exception a negation leaves open (exception_marks.txt)
_EXCEPT = re.compile(r"\b(?:%s)\s+(.{3,60}?)(?=[,.;]|$)" % "|".join(
    r"\s+".join(map(re.escape, m.split()))
    for m in sorted(shipped("exception_marks"), key=len, reverse=True)), re.I)


def only_as_excepted(dc, sc) -> bool:
    """One side negates its verb with an exception and the other allows it "only" there
    ("boats may not moor except at the marked buoys" and "boats may moor only at the marked
    buoys"): one restriction, told two ways, the exception's words after "only". Known
    false negative: an exception told by "only" in other words ("only with a permit" for
    "except under a pass"). Known false positive: "only" on the exception in one part of a
    wider permission ("may moor anywhere by day, and only at the buoys overnight")."""
    neg, plain = (sc, dc) if sc.negated and not dc.negated else (dc, sc) \
        if dc.negated and not sc.negated else (None, None)
    if neg is None:
        return False
    m = _EXCEPT.search(neg.text)
    only = re.search(r"(?<!\bnot\s)\bonly\s+(.{3,60}?)(?=[,.;]|$)", plain.text, re.I)
    if m is None or only is None:
        return False
    wanted = text_keys(m.group(1)) - {"the", "a", "an"}
    return bool(wanted) and wanted <= text_keys(only.group(1))


def wished_by_none(dc, sc) -> bool:
    """The source claim says nobody wishes or tries the deed ("Nobody wants to leave
    patients in corridors": its subject a negating pronoun, its verb under an attempt) and
    the derived claim tells the deed itself, with no wish or attempt, of another subject
    ("around 40 patients had been left on trolleys"): a sentiment beside a fact, not its
    opposite. Known false negative: the unwanted deed told done by the one who was said not
    to want it ("Nobody wants to close the ward" and "the trust closed the ward")."""
    words = sc.subject.lower().split()
    nobody = bool(words) and (words[0] in shipped("object_negators") and (
        len(words) == 1 or words[1] in ("one", "of")) or words[:2] == ["not", "one"])
    # ("Nobody", "No one", "None of us", "Not one of the staff")
    return nobody and bool(sc.certainty.attempts) and not dc.certainty.attempts \
        and not text_keys(dc.subject) & text_keys(sc.subject) - {"of", "one"}


# "until Harlow Rovers did so", "until the county did": the deed, done at the bound
_DONE_AT_BOUND = re.compile(r"\b(?:until|till)\b[^.;]{1,60}?\b(?:did|had\s+done|has\s+done)"
                            r"(?:\s+(?:so|it|that))?\b", re.I)


def done_at_bound(claim) -> bool:
    """A claim negated on its subject ("no club", "none of them") up to a bound at which the
    deed was done ("no mill in the valley had shut in forty years until Brook Mill did
    so"): it tells the deed done, not denied. Not "will not end until pay rises", a
    negation that dates the deed but tells nothing done. Read by DG601."""
    first = claim.subject.lower().split()[:1]
    return claim.negated and bool(first) and first[0] in ("no", "none", "nobody", "nothing",
                                                            "neither") \
        and _DONE_AT_BOUND.search(claim.text) is not None


def time_bound_restated(dc, sc) -> bool:
    """One claim negates its verb with "before" (or "after") a time and the other, not
    negated, bounds the same time with "at the earliest" (or "at the latest":
    time_bounds.txt): "could not open before 2029" for "could open in 2029 at the
    earliest". The preposition stands right before the time and the phrase right beside the
    same time on the other side."""
    neg, pos = (dc, sc) if dc.negated else (sc, dc)
    if not neg.negated or pos.negated:
        return False
    for phrase, prep in _TIME_BOUNDS:  # a time the tagger gives no figure ("the autumn"),
        # bound right before the claim ("the spring is the earliest time a ruling is due")
        m = re.search(rf"\b{prep}\s+((?:the\s+)?[a-z]+)\b", neg.text, re.I)
        bound = m and re.search(rf"\b{re.escape(m.group(1))}\s+{phrase}\b(?:\s+(?:time|"
                                r"point|date|moment|that))?\s*", pos.sentence, re.I)
        at = pos.start - pos.sent_start
        if bound and (0 <= at - bound.end() <= 2 or at <= bound.start() < pos.end - pos.sent_start):
            return True  # (the phrase right before the claim, or in it)
    for q in neg.quantities:
        sq = next((s for s in pos.quantities if s.norm == q.norm and q.kind in ("date", "time")),
                  None)
        if sq is None:
            continue
        for phrase, prep in _TIME_BOUNDS:
            if re.search(rf"\b{prep}\s+(?:the\s+)?{re.escape(q.text)}", neg.text, re.I) and \
                    re.search(rf"{re.escape(sq.text)}\s+{phrase}\b|\b{phrase}\s+"
                              rf"{re.escape(sq.text)}", pos.text, re.I):
                return True
    return False
