"""A part of a counted whole told as the whole (DS951, ``rules/scope_changed.py``): the source
says "three of the pier's eight steel piles" and the derived text "the pier's eight
steel piles". The count of the whole stays, so the sentence reads as exact, but the act now
covers every one of them. The same with no count in the derived text ("heating off in the
school's labs" for "in three of the school's six labs"), where the source claim is on the
same verb (``uncounted_whole``).

Known false positives: a derived sentence about the whole that the source tells only
through a part in the passage the aligner picked (the source's other passage on the whole
is looked for in every source sentence, but only by the same count before the same noun);
a count whose noun the tagger reads as a verb is missed, not flagged. With no count, a
derived plural that means the kind, not the source's set ("the labs are popular"), or a
source part in another clause of the same claim; only a counted part is read ("three of",
not "some of"), and "one of" only with a count of the whole after it.
"""

from __future__ import annotations

import re

from checker.align import claim_keys, key
from checker.lexicon import shipped
from checker.numbers import number_values

# Words before a count that make it the whole it counts ("its eight", "the pier's eight"),
# with the determiners a partitive's "of" may take before it
_WHOLE_BEFORE = re.compile(r"(?:\b(?:the|its|their|his|her|our|all)|\w['’]s?)\s+$", re.I)
# "three of the pier's", "most of its": the part word, "of", then the whole's opener
_PART_BEFORE = re.compile(r"(?:\b(every|each)\s+)?(\d[\d,.]*|\b[\w-]+)\s+(?:out\s+)?of\s+"
                          r"(?:(?:the|its|their|his|her|our|these|those)\s+)?"
                          r"(?:(?:[\w-]+\s+){0,2}[\w-]+['’]s?\s+)?$", re.I)
_MODIFIERS = re.compile(r"\s+(?:[\w-]+\s+){0,3}")  # up to three words between count and noun
# Words that take a part of a whole; a count in figures or words is one too (part_words.txt)
_PART_WORDS = shipped("part_words")


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


def _part_written(ctx, part: str) -> bool:
    """The derived text writes the part word or figure as a whole word ("a handful", "11";
    not the "11" of "£11.8m")."""
    return re.search(rf"(?<![\w,.£$€]){re.escape(part)}(?![\w,]|\.\d)", ctx.derived.text,
                     re.I) is not None


def _part_given(ctx, sc, whole, part: str) -> bool:
    """The derived text gives the part somewhere: its word ("a handful"), or its figure in
    any form ("4 of them" for "four of the 30")."""
    if _part_written(ctx, part):
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


# "the school's science", "its new": a whole's opener and up to three modifiers before a
# plural noun, with no count among them
_OPENER_BEFORE = re.compile(r"(?:\b(?:the|its|their|his|her|our)|(?<![\w'’-])[\w-]+['’]s?)\s+"
                            r"(?:[a-z][\w'’-]*\s+){0,3}$", re.I)
_MODIFIER_TAGS = ("ADJ", "NOUN", "PROPN")  # what may stand between the opener and the noun
# A part the derived text takes itself, right before the whole's opener
_OWN_PART_BEFORE = re.compile(r"\b(?:of|half|both|all|most|many|some|several|each|none|[\d,]+|"
                              r"\w+teen|\w+ty)\s+$", re.I)


def _plural_wholes(dc):
    """(phrase start, the last noun of the run) of each plural noun phrase of the derived
    claim opened as a whole ("the school's science labs"), with no count in it."""
    words = sorted(dc.words)
    out = []
    for i, w in enumerate(words):
        if w.pos != "NOUN" or w.text.lower() == w.lemma.lower():
            continue
        if i + 1 < len(words) and words[i + 1].pos == "NOUN" \
                and dc.sentence[w.end - dc.sent_start:words[i + 1].start - dc.sent_start] == " ":
            continue  # not the run's last noun ("hospitality suites": suites)
        m = _OPENER_BEFORE.search(dc.sentence[:w.start - dc.sent_start])
        if m is None or _OWN_PART_BEFORE.search(dc.sentence[:m.start()]):
            continue  # "a third of the cabins", "half the centres": the derived text takes
            # its own part
        if any(q.end <= w.start and q.start >= dc.sent_start + m.start()
               for q in dc.quantities):
            continue
        start = dc.sent_start + m.start()
        if any(x.pos not in _MODIFIER_TAGS for x in words[:i]
               if x.start > start and x.start < w.start and not x.text.endswith(("'s", "’s"))):
            continue  # "his client signed invoices": a clause, not a noun phrase
        out.append((start, w))
    return out


def uncounted_whole(ctx, dc):
    """(the derived phrase, the source claim, the source's part) where the derived claim
    tells a plural as a whole ("was switched off in the school's labs") and the source claim
    it aligns with, on the same verb, takes a part of it ("in three of the school's six
    labs"), and the derived text gives that part nowhere; else None."""
    if any(c.role == "some" for c in dc.scope):
        return None
    for start, w in _plural_wholes(dc):
        noun = re.escape(w.text)
        for sc in ctx.aligned(dc):
            if key(sc.predicate) != key(dc.predicate):
                continue
            m = re.search(r"\b(\d[\d,]*|[a-z-]+)\s+(?:out\s+)?of\s+(?:the|its|their|his|her|"
                          r"our|[\w-]+['’]s?)\s+(?:(?!and\s|or\s)[\w.'’-]+\s+){0,4}?"
                          rf"{noun}\b", sc.text, re.I)  # (not across "and": "two of its
            # homes and his cars")
            if m is None:
                continue
            part = m.group(1)
            if re.search(r"\b(?:every|each)\s+$", sc.text[:m.start()], re.I):
                continue  # "every one of the loans": all of them
            if not (part[0].isdigit() or any(p.kind == "number" and p.text.lower().endswith(
                    part.lower()) for p in sc.quantities)):
                continue  # a count, not a vague part ("some of the costs", "part of the
                # cliffs"), which a derived plural may mean loosely
            if part.lower() in ("one", "1") and not any(
                    p.kind == "number" and m.start() + len(part) < p.start - sc.start < m.end()
                    for p in sc.quantities):
                continue  # "one of the trust's wards": a single member; only "one of the
                # plant's two lines" counts the whole it is taken from
            values = number_values(part)
            if _part_written(ctx, part) or values and any(
                    q.value == values[0] and q.kind == "number" and key(w.lemma) in claim_keys(d)
                    for d in ctx.derived_claims for q in d.quantities):
                return None  # the text gives the part ("three labs", "3 labs" a sentence on)
            return dc.sentence[start - dc.sent_start:w.end - dc.sent_start], sc, \
                f'"{m.group(0)}"'
    return None

