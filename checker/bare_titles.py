"""Officers the article gives a title but no party ("chief executive Ann Veld"), and the
body they speak for: the organisation whose name opens a sentence just before the officer is
first named, the one the article credits as "the company", or the one that opens a denial's
frame there (``checker.officers`` reads titles and introductions; ``checker.voices`` and
``checker.affiliation`` ask this module whose voice such an officer is). Plain text only."""

from __future__ import annotations

import re
from functools import lru_cache

from checker.lexicon import shipped
from checker.names import norm_name
from checker.officers import (CORPORATE, OPENING_NAME, SENTENCE_END, TITLES, introduction,
                              quotation_before)
from checker.party_kinds import one_of_kind, opens_with_name, stand_in_noun
from checker.party_kinds import words as _words
from checker.records import Claim
from checker.source_phrase import NAME_RUN_RE, core

_PUBLIC = shipped("public_body_heads")
_GENERIC = shipped("attribution_generic")


def bare_title_officer(sc: Claim, source_text: str, claims=()) -> bool:
    """"The company" as the subject of a report by an officer the article gives a title but
    no party ("chief executive Ann Veld"), first so introduced in a sentence, or right after
    one or two, with an organisation's name as the subject of one of ``claims`` (the
    article's: "Brenmoor Leisure denied it. '...,' chief executive Ann Veld said."; before a
    quotation, from where it opens): that organisation's officer; not a body "the company"
    cannot be (public_body_heads.txt). A description by another kind ("the service", "the
    trust", "the union") stands for the one body the article names of that kind ("The
    Calby Regional Water Service", ``one_of_kind``) when the name and the noun open one of
    those sentences, and no other name of two words or more opens one nearer the officer:
    the officer who speaks right after it is its own.

    Known false positives: another party's officer given a bare title after sentences
    about the company that name no union or public body ("Calder cut pay. '...,' general
    secretary Ann Veld said." of a union the article names later), whose "the company" is
    then read as her own; likewise an officer of a body the article names later, given a
    bare title right after a sentence opening with the one body of another kind."""
    noun = stand_in_noun(sc.subject)
    if not noun:
        return False
    speaker = core(sc.attribution.source)
    if noun in CORPORATE:
        starts = _openings_before(source_text, speaker)
        return any(c.sent_start in starts and c is not sc and _an_organisation(c, source_text)
                   and not _PUBLIC.intersection(_words(c.subject)) for c in claims) \
            or any(c.sent_start in starts and _framed_by_opener(c, source_text, claims)
                   for c in claims) \
            or _named_by_its_kind(noun, starts, source_text, claims)
    name = one_of_kind(source_text, noun)
    if not name:
        return False
    opening = re.compile(rf"\W*(?:the\s+)?{re.escape(name)}\s+{re.escape(noun)}\b", re.I)
    for at in reversed(_openings_before(source_text, speaker, any_body=True)):
        if opening.match(source_text, at) is not None:
            return True
        other = OPENING_NAME.match(source_text, at)
        if other is not None and len(other.group(1).split()) >= 2:
            return False  # another body opens a sentence nearer the officer ("The Ardley
            # Nurses Union condemned the plan. '...,' general secretary Ann Veld said")
    return False


def bare_title_of(source_text: str, speaker: str, party: str) -> bool:
    """``speaker`` is an officer the article gives a title but no party ("chief executive
    Ann Veld"), first so introduced in a sentence that opens with ``party``'s name (or the
    first word of it), or right after one or two such ("Pennyfold said it had changed its
    checks. Chief executive Ann Veld said ..."). Known false positives: as
    ``bare_title_officer``."""
    name = norm_name(core(party)).split()
    starts = _openings_before(source_text, core(speaker))
    return bool(name) and len(name[0]) >= 4 and name[0] not in _GENERIC and any(
        norm_name(source_text[s:s + 60]).split()[:1] == name[:1] for s in starts)


@lru_cache(maxsize=4096)
def _openings_before(source_text: str, speaker: str, *, any_body: bool = False) -> tuple[int, ...]:
    """Where the sentence that first names an officer with a bare title starts, and the two
    before it (before a quotation, from where it opens); [] when the article gives the
    speaker no such title ("Arvale's director" names its party). Kept per article and
    speaker: DA101 and DA102 ask for the same officer many times per check."""
    last = speaker.split()[-1] if speaker.split() else ""
    intro = introduction(source_text, speaker, said_clause=False)
    if len(last) < 3 or not last[:1].isupper() or not set(_words(intro)) & TITLES \
            or re.search(r"[A-Z]|['’]s\b|\b(?:of|for|at|with)\b", intro[1:]) \
            or re.search(r"\b(?:its|their|his|her|our)\b", intro, re.I):
        return ()  # no title, or one that names its party ("Arvale's director", "Their
        # chair": the party a pronoun stands for)
    first = re.search(rf"\b{re.escape(last)}\b", source_text)
    if first is None:
        return ()
    at = first.start()
    opening = quotation_before(source_text, at)
    if opening >= 0:  # '"... Nobody will lose out," chief executive Ann Veld said':
        at = opening  # from where the quotation opens
    ends = (e.end() for e in SENTENCE_END.finditer(source_text[:at + 1]))
    starts = sorted({len(source_text) - len(source_text[p:].lstrip()) for p in (0, *ends)})[-3:]
    if not any_body and any(_PUBLIC.intersection(_words(m.group(1))) for s in starts
                            if (m := OPENING_NAME.match(source_text, s))):
        return ()  # a union or a council opens one of them ("The Fair Banking Union
        # disagreed. General secretary Ann Veld said"): whose officer is unknown
    return tuple(starts)


def _other_bodies(sentence: str, first: str) -> bool:
    """The sentence names a body that is no business by a name of two words or more ending
    in its head ("the Fair Pay Union": public_body_heads.txt), not the company's own
    ("Pennock Foods")."""
    runs = (m.group(0).rstrip(".").split() for m in NAME_RUN_RE.finditer(sentence))
    return any(len(run) >= 2 and run[-1].lower() in _PUBLIC and first not in run
               for run in runs)


def _named_by_its_kind(noun: str, starts, source_text: str, claims) -> bool:
    """The article credits one organisation by the noun of its kind ("..., the company
    said" for Pennock Foods), and one of the sentences before the officer's first mention
    names it ("Staff at Pennock were told on Friday", "Pennock shut a depot"), none of them
    naming a body that is no business ("members of the Fair Pay Union":
    public_body_heads.txt): "the company" in the officer's words is that one. Known false
    positive: the officer of another business named only there by a short name."""
    names = {c.attribution.source for c in claims if c.attribution is not None
             and c.attribution.surface.strip().lower() == f"the {noun}"
             and c.attribution.source and c.attribution.source != c.attribution.surface}
    if len(names) != 1:
        return False
    first = next(iter(names)).split()[0]
    if len(first) <= 2 or not first[:1].isupper() or first.lower() == "the":
        return False
    near = {c.sentence for c in claims if c.sent_start in starts}
    if any(_other_bodies(s, first) for s in near):
        return False  # another body named there ("members of the Fair Pay Union"): the
        # officer may be its own
    return any(re.search(rf"\b{re.escape(first)}\b", s) for s in near)


def _framed_by_opener(claim: Claim, source_text: str, claims) -> bool:
    """The claim is reported under a frame whose speaker is the name of two words or more
    that opens its sentence ("Fenwick Climbing Walls denied that its staff skipped the checks": the
    denial's speaker, though no claim of the sentence has it for subject), a name no claim
    of the article tags as a person's, or one the rest of its sentence calls "its"; no public
    body's. Known false positive: a person's name the tagger missed, before "its" for
    another thing ("Ada Crane denied that its roof leaked")."""
    outer = claim.attribution.outer if claim.attribution is not None else None
    for attr in (claim.attribution, outer):
        if attr is None or attr.kind != "named" or len(attr.source.split()) < 2:
            continue
        m = OPENING_NAME.match(source_text, claim.sent_start)
        if m is None or m.group(1) != attr.source.strip() \
                or _PUBLIC.intersection(_words(attr.source)):
            continue
        rest = source_text[m.end():claim.sent_end]
        if re.search(r"\bits\b", rest, re.I) or not any(
                e.label == "PERSON" and e.text == attr.source.strip()
                for c in claims for e in c.entities):
            return True  # (a name the tagger took for a person's that the sentence calls
            # "its": "Fenwick Climbing Walls denied that its staff ...")
    return False


def _an_organisation(claim: Claim, source_text: str) -> bool:
    """The claim's subject opens with an organisation's name (``opens_with_name``), or with
    capitalised words and ", which" that the tagger took for a person ("Brenmoor Leisure,
    which runs the pool,": a person would be "who")."""
    return opens_with_name(claim, source_text) or re.match(
        r"[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*)+,\s+which\b", claim.subject.strip()) is not None
