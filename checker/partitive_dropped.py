"""A part of a counted whole told as the whole (DS951, ``rules/scope_changed.py``): the source
says "three of the pier's eight steel piles" and the derived text "the pier's eight
steel piles". The count of the whole stays, so the sentence reads as exact, but the act now
covers every one of them.

Known false positives: a derived sentence about the whole that the source tells only
through a part in the passage the aligner picked (the source's other passage on the whole
is looked for in every source sentence, but only by the same count before the same noun);
a count whose noun the tagger reads as a verb is missed, not flagged.
"""

from __future__ import annotations

import re

from checker.align import key

# Words before a count that make it the whole it counts ("its eight", "the pier's eight"),
# with the determiners a partitive's "of" may take before it
_WHOLE_BEFORE = re.compile(r"(?:\b(?:the|its|their|his|her|our|all)|\w['’]s?)\s+$", re.I)
# "three of the pier's", "most of its": the part word, "of", then the whole's opener
_PART_BEFORE = re.compile(r"(?:\b(every|each)\s+)?(\d[\d,.]*|\b[\w-]+)\s+(?:out\s+)?of\s+"
                          r"(?:(?:the|its|their|his|her|our|these|those)\s+)?"
                          r"(?:(?:[\w-]+\s+){0,2}[\w-]+['’]s?\s+)?$", re.I)
_MODIFIERS = re.compile(r"\s+(?:[\w-]+\s+){0,3}")  # up to three words between count and noun
# Words that take a part of a whole; a count in figures or words is one too
_PART_WORDS = frozenset({"some", "several", "most", "many", "few", "half", "part", "one",
                         "handful", "couple", "dozen", "third", "quarter", "fifth", "majority",
                         "minority", "number", "fraction", "proportion", "share"})


def _counted(claim, q):
    """The plural noun a whole-number count stands before, with modifiers only between
    ("eight rusted piles": piles; "eight steel piles": the last noun of the run), else None."""
    words = sorted(claim.words)
    for i, w in enumerate(words):
        if w.start < q.end or w.pos != "NOUN":
            continue
        between = claim.sentence[q.end - claim.sent_start:w.start - claim.sent_start]
        if between and not _MODIFIERS.fullmatch(between):
            return None
        for nxt in words[i + 1:]:  # "steel beams", "fire doors": the run's last noun
            gap = claim.sentence[w.end - claim.sent_start:nxt.start - claim.sent_start]
            if nxt.pos != "NOUN" or gap.strip():
                break
            w = nxt
        return w if w.text.lower() != w.lemma.lower() else None
    return None


def _part_of(claim, q) -> str:
    """The part word of a partitive before the count ("three" of "three of the eight piles"),
    or ''."""
    m = _PART_BEFORE.search(claim.sentence[:q.start - claim.sent_start])
    if m is None or m.group(1):
        return ""  # "every one of the 480 replies": all of them
    word = m.group(2).lower()
    if word[0].isdigit() or word in _PART_WORDS or any(
            p.end <= q.start and p.kind == "number" and p.text.lower().endswith(word)
            for p in claim.quantities):
        return m.group(2)
    return ""


def _part_given(ctx, sc, whole, part: str) -> bool:
    """The derived text gives the part somewhere: its word ("a handful"), or its figure in
    any form ("4 of them" for "four of the 30")."""
    if re.search(rf"(?<![\w,.]){re.escape(part)}(?![\w,])", ctx.derived.text, re.I):
        return True
    values = {p.value for p in sc.quantities if p.kind == "number" and p.end <= whole.start
              and p.value is not None and p.text.lower().endswith(part.lower())}
    return any(q.value in values for d in ctx.derived_claims for q in d.quantities
               if q.kind == "number")


def _whole_told(ctx, value: float, noun: str) -> bool:
    """A source sentence gives the same count of the noun as a whole, with no part taken
    of it ("all eight piles were surveyed"): the derived text may be telling that."""
    for sc in ctx.index.claims:
        for q in sc.quantities:
            if q.kind != "number" or q.value != value:
                continue
            w = _counted(sc, q)
            if w is not None and key(w.lemma) == noun and not _part_of(sc, q):
                return True
    return False


def whole_of_partitive(ctx, dc):
    """(the derived phrase, the source claim, the source's part) where the derived claim
    counts a whole ("the pier's eight steel piles") that the source claim it aligns with
    takes a part of ("three of the pier's eight steel piles"), and no source sentence gives
    the whole; else None."""
    for q in dc.quantities:
        if q.kind != "number" or not q.value or q.value < 2 or q.value != int(q.value):
            continue
        if not _WHOLE_BEFORE.search(dc.sentence[:q.start - dc.sent_start]) or _part_of(dc, q):
            continue
        w = _counted(dc, q)
        if w is None:
            continue
        noun = key(w.lemma)
        for sc in ctx.aligned(dc):
            for p in sc.quantities:
                if p.kind != "number" or p.value != q.value:
                    continue
                theirs = _counted(sc, p)
                part = _part_of(sc, p)
                if theirs is None or key(theirs.lemma) != noun or not part:
                    continue
                if _part_given(ctx, sc, p, part) or _whole_told(ctx, q.value, noun):
                    return None  # the text gives the part too ("90 of them" a sentence
                    # on), or a source tells the whole
                phrase = dc.sentence[q.start - dc.sent_start:w.end - dc.sent_start]
                told = sc.sentence[sc.sentence.lower().rfind(part.lower(), 0, p.start
                                                              - sc.sent_start):
                                   theirs.end - sc.sent_start]
                return phrase, sc, f'"{told}"'
    return None
