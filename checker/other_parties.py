"""Parties besides the story's own, brought in by the derived text: "Other zoos with the
same enclosures are checking them", "Rival couriers pay the same rate", "the test is also
used at three other hospitals". Each is a claim about parties the sources do not
report on, made of the sources' own words, which the count of new words misses (DU801,
``rules/unsupported_content.py``).
"""

from __future__ import annotations

import re

from checker.actors import GROUP_LEXNAME, PERSON_LEXNAME
from checker.align import key
from checker.lexicon import shipped
from checker.records import memo_on

# Words that bring in parties of the same kind besides the story's: "other", "rival" (and
# "similar", "another", "elsewhere", "also" on the sources' side, where they tell of others).
_OTHERS = re.compile(r"\b(?:other|rival)\s+((?:[a-z][\w-]*\s+){0,2}?)([a-z][\w-]*s)\b", re.I)
_SOURCE_OTHERS = ("other", "others", "rival", "rivals", "similar", "another", "elsewhere")
_WORD = re.compile(r"[a-z][\w'-]*")
_EXCEPT = shipped("other_parties_lookalikes")


def others_added(ctx, dc):
    """(start, end) of a phrase of other parties ("other zoos", "rival couriers", "three
    other hospitals") in the derived claim, of a plural noun that no source
    sentence brings up together with a word of others ("other", "rival", "similar",
    "another", "elsewhere"); None when there is none or the sources tell of such others.
    Not a lookalike ("each other", "on the other hand": other_parties_lookalikes.txt), nor
    inside a quotation, nor before a name ("rival Pellham Civil"), nor of a noun that names
    no party (WordNet: a person, a group or a place; "other news", "other roles"). Known
    false positive: others the sources give in other words ("competitors elsewhere in the
    trade")."""
    for m in _OTHERS.finditer(dc.text):
        start = dc.start + m.start()
        before = dc.text[:m.start()].lower().split()[-1:]
        if before and f"{before[0]} other" in _EXCEPT or any(
                q.start <= start < q.end for q in dc.quotes):
            continue
        if any(w[:1].isupper() for w in m.group(1).split() + [m.group(2)]):
            continue  # a name after it ("rival Pellham Civil"): a party the text names
        at = dc.start + m.start(2)
        word = next((w for w in dc.words if w.start == at), None)
        if word is None or not _parties(ctx, word.lemma.lower()):
            continue  # "other news", "other roles", "other conditions": no parties
        if not _told_in_sources(ctx, key(word.lemma.lower())):
            return start, dc.start + m.end()
    return None


# WordNet's lexicographer files of nouns that name parties: people, groups (a council, an
# airline, a club) and places (a city, a park: noun.location, file 15).
LOCATION_LEXNAME = 15
_PARTY_LEXNAMES = frozenset({PERSON_LEXNAME, GROUP_LEXNAME, LOCATION_LEXNAME})
PARTY_SENSES = 2


def _parties(ctx, lemma: str) -> bool:
    """One of the noun's first WordNet senses names a person, a group or a place; False
    without WordNet (nothing is read then)."""
    wn = ctx.wordnet
    return wn.available and any(s.lexname in _PARTY_LEXNAMES
                                for s in wn.senses(lemma, "noun", PARTY_SENSES))


def _told_in_sources(ctx, noun: str) -> bool:
    """Some source sentence has the noun (by its key) and a word of others."""
    return noun in memo_on(ctx.index, "_others_told", lambda: _nouns_with_others(ctx.index))


def _nouns_with_others(index) -> frozenset:
    """Keys of the lemmas (the parse's) of the source claims whose sentence holds a word of
    others."""
    out = set()
    for claim in index.claims:
        if any(w in _SOURCE_OTHERS for w in _WORD.findall(claim.sentence.lower())):
            out.update(key(lemma) for lemma in claim.lemmas)
    return frozenset(out)
