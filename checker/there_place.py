"""A place put where the source says "there": "wardens at Kelby Quay moved the seals" where
the source says "wardens there moved the seals" after a sentence about Ostrow Quay.
Read by DE401 (``checker.rules.entity_changed``)."""

from __future__ import annotations

import re

from checker.claim_reading import evidence_of, snippet
from checker.hedging import close_support
from checker.names import norm_name

PLACE_LABELS = ("GPE", "LOC", "FAC")
# A name after "at", "in", "on", "near" or "off" is a place whatever the tagger calls it
# ("at Ostrow Quay" may be an organisation to it), but a person's name.
NAMED_LABELS = (*PLACE_LABELS, "ORG")
# "there" as a place, not "there is", "there were" or "there may be".
_THERE = re.compile(r"\bthere\b(?!['’](?:s|d|ll|re|ve)\b|\s+(?:is|are|was|were|will|would|has|"
                    r"have|had|may|might|could|should|must|can|seems?|appears?|remains?|being|"
                    r"been|isn|aren|wasn|weren|won|hasn|haven|hadn|used)\b)", re.I)
_AT = re.compile(r"\b(?:at|in|on|near|off)\s+(?:the\s+)?$", re.I)
_WORD = re.compile(r"[A-Za-z'’]+")


def there_swapped(ctx, dc):
    """The finding's fields when a named place of the derived claim, after "at", "in", "on",
    "near" or "off", stands where its closest source claim says "there" (a word beside the
    place is beside "there" too), and the last place the source named before that "there",
    in its sentence or the one before, is another known place the derived claim does not
    name, and that window of the source does not write the derived place, tagged as a place
    or not; else None. Known
    false positive: a "there" that points further back than the sentence before, past a
    place named in between."""
    close = close_support(ctx.support(dc))
    if not close:
        return None
    mine = {norm_name(e.text) for e in dc.entities}
    for ent in dc.entities:
        if ent.label not in NAMED_LABELS or not _AT.search(dc.text[:ent.start - dc.start]):
            continue
        near = _neighbours(dc.text, ent.start - dc.start, ent.end - dc.start)
        before_at = _WORD.findall(_AT.sub("", dc.text[:ent.start - dc.start]))[-1:]
        for sc in close:
            for m in _THERE.finditer(sc.text):
                theirs = _neighbours(sc.text, m.start(), m.end())
                if not (set(theirs) & set(near) or before_at and before_at[0].lower() in theirs):
                    continue
                at = sc.start + m.start()
                place = _named_before(ctx, sc, at)
                if place is None or norm_name(place.text) == norm_name(ent.text) \
                        or norm_name(place.text) in mine \
                        or _written_before(ctx, sc, at, ent.text):
                    continue  # (a place the window writes, tagged or not, may be the one
                    # "there" points at: "at Ostrow Quay, near Kelby. Wardens there")
                return dict(start=ent.start, end=ent.end, confidence=0.6,
                            evidence=[evidence_of(sc)],
                            message=(f'Puts the claim at "{ent.text}", where the source says '
                                     f'"there", after naming "{place.text}": '
                                     f'"{snippet(sc.text, 70)}".'),
                            suggestion=f'Check the place: the source means "{place.text}".')
    return None


def _neighbours(text: str, start: int, end: int) -> list:
    """The word before a span and the word after it, lower case."""
    before = _WORD.findall(text[:start])[-1:]
    after = _WORD.findall(text[end:])[:1]
    return [w.lower() for w in before + after]


def _window_start(ctx, sc) -> int:
    """Where the sentence before the claim's sentence starts (or the claim's own, first)."""
    starts = sorted({c.sent_start for c in ctx.claims_of(sc.doc_id)
                     if c.sent_start <= sc.sent_start})
    return starts[-2] if len(starts) > 1 else starts[0] if starts else sc.sent_start


def _written_before(ctx, sc, at: int, name: str) -> bool:
    """The name is written in the source between the window's start and offset ``at``."""
    art = ctx.doc_of.get(sc.doc_id)
    if art is None:
        return True  # (no text to read: say nothing)
    return re.search(rf"\b{re.escape(name)}\b", art.text[_window_start(ctx, sc):at],
                     re.I) is not None


def _named_before(ctx, sc, at: int):
    """The last place entity the source names before offset ``at``, in the claim's sentence
    or the sentence before it (None when there is none)."""
    claims = ctx.claims_of(sc.doc_id)
    first = _window_start(ctx, sc)
    places = [e for c in claims if first <= c.sent_start <= sc.sent_start
              for e in c.entities if e.end <= at and (e.label in PLACE_LABELS or (
                  e.label in NAMED_LABELS and _AT.search(c.text[:e.start - c.start])))]
    return max(places, key=lambda e: e.end) if places else None
