"""A public body named at another tier or for another place: "will go before Tanwick District
Council" where the source says "will go before the whole county council" (Larchshire County
Council). Read by DE401 (``checker.rules.entity_changed``).

Every word of such a name is usually in the source ("Tanwick" as the district, "district" of
the area, "council" of the county's), so the name reader calls it known; the tier word and
the place it joins to the body's head noun tell the bodies apart."""

from __future__ import annotations

import re

from checker.claim_reading import evidence_of, snippet
from checker.date_norms import MONTHS, WEEKDAYS
from checker.hedging import close_support
from checker.lexicon import shipped

_TIERS = shipped("council_tiers")
# words a sentence or a date sets before a name, capitalised but no part of it ("With
# Westshire District Council ...", "In March Wealdmoor District Council ...")
_NOT_PLACE = shipped("function_words") | shipped("prepositions") | set(MONTHS) | set(WEEKDAYS)
_HEADS = shipped("state_bodies")
_TIER = "|".join(sorted(_TIERS))
_HEAD = "|".join(sorted(_HEADS))
# "Tanwick District Council", "Larchshire County Council": a place, a tier and the head
_NAMED = re.compile(rf"\b((?:[A-Z][\w'’-]+\s+){{1,3}}?)((?i:{_TIER}))\s+((?i:{_HEAD}))\b")
# "the whole county council", "the district council in Tanwick": a body by its tier, and
# the place a preposition names after it
_BY_TIER = re.compile(rf"\b(?i:the)\s+(?:[a-z]+\s+)?((?i:{_TIER}))\s+((?i:{_HEAD}))\b"
                      r"(?:\s+(?:in|of|for)\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?))?")


def _bodies(text: str, *, named_only: bool):
    """(start, end, place or '', tier, head) of each body a text names by its tier, the
    place lower case, tier and head too."""
    for m in _NAMED.finditer(text):
        words = m.group(1).split()
        while words and words[0].lower() in _NOT_PLACE:
            words.pop(0)
        if words and m.group(2)[0].isupper() and m.group(3)[0].isupper():
            start = m.start(1) + m.group(1).index(words[0])
            yield start, m.end(), " ".join(words).lower(), m.group(2).lower(), \
                m.group(3).lower()
    if not named_only:
        for m in _BY_TIER.finditer(text):
            place = [w for w in (m.group(3) or "").split()
                     if w.lower() not in _NOT_PLACE and not w.endswith(("'s", "’s"))]
            end = m.end() if place else m.end(2)  # not "in May", "for Tuesday's meeting"
            yield m.start(), end, " ".join(place).lower(), m.group(1).lower(), \
                m.group(2).lower()


def _same_body(place: str, tier: str, body) -> bool:
    """A body of a source claim is the derived one: the same tier, for the same place or
    none named ("the district council")."""
    _start, _end, s_place, s_tier, _head = body
    return s_tier == tier and (not s_place or s_place == place or place.endswith(s_place))


def tier_swapped(ctx, dc):
    """The finding's fields when the derived claim names a public body by its place, tier
    and head ("Tanwick District Council", council_tiers.txt, state_bodies.txt), the sources
    never write that name (nor its last words: "Cash-strapped Tanwick District Council"),
    and the closely aligned source claims name a body of the same head at another tier
    ("the whole county council") or for another place at the same tier ("Larchshire County
    Council" for "Tanwick County Council") and none at its tier for its place ("the district
    council in Tanwick", "the district council"); else None. Known false positive: a body
    the source names only by another tier word of the same body (a "borough" that the
    source calls "the city council" after a change of status)."""
    close = close_support(ctx.support(dc))
    if not close:
        return None
    for start, end, place, tier, head in _bodies(dc.text, named_only=True):
        words = place.split()
        if any(f"{' '.join(words[i:])} {tier} {head}" in ctx.index.text_lower
               for i in range(len(words))):
            continue  # the source's name, or its end ("Cash-strapped Tanwick District
            # Council" for "Tanwick District Council")
        theirs_all = [(sc, body) for sc in close
                      for body in _bodies(sc.text, named_only=False) if body[4] == head]
        if any(_same_body(place, tier, body) for _sc, body in theirs_all):
            continue  # a body of the close claims is this one
        if not theirs_all:
            continue
        sc, (s_start, s_end, _place, _tier, _head) = theirs_all[0]
        theirs = sc.text[s_start:s_end]
        return dict(start=dc.start + start, end=dc.start + end, confidence=0.65,
                    evidence=[evidence_of(sc, start=sc.start + s_start, end=sc.start + s_end)],
                    message=(f'Names "{dc.text[start:end]}", which the source never names; '
                             f'it says "{theirs}" here: "{snippet(sc.text, 80)}".'),
                    suggestion=f'Check which body it is: the source has "{theirs}".')
    return None
