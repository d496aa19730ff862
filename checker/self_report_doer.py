"""The person of a speaker's own account given to someone else: "Tom Ashgrove was roused by
a burglar alarm" where the source says "Sarah Pellory said she was roused by a burglar alarm".
The source claim's subject is the pronoun of the speaker's report of what happened to them or
what they did; the derived claim puts another person the sources name in that place.
Read by DE401 (``checker.rules.entity_changed``)."""

from __future__ import annotations

import re

from checker.align import key
from checker.claim_reading import evidence_of, sentence_before, snippet
from checker.hedging import close_support
from checker.lexicon import shipped
from checker.names import known, other_gender

# the pronouns by which a speaker tells of themself ("said she was woken", "I rang")
_SELF = shipped("pronouns_person") | {"i"}


# a person's name: two capitalised words or more, or a title and a surname ("Mr Ashgrove")
_PERSON = re.compile(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+")


def _speaker_name(source: str) -> str:
    """The person a speaker phrase names ("His neighbour Sarah Pellory": Sarah Pellory;
    "Her carer, Mr Tom Ashgrove,": Mr Tom Ashgrove), or ''."""
    m = _PERSON.search(source)
    return m.group() if m else ""


def self_report_doer_swapped(ctx, dc):
    """The finding's fields when the derived claim's subject names a person the sources know
    and a closely aligned source claim with the same verb has for its subject "he", "she" or
    "I" in a named person's report, that person another; else None. Silent when the
    derived sentence names the speaker too, when the source sentence or the one before
    names the derived person (the pronoun may be theirs: "His neighbour X said he was
    woken"), when the pronoun is of the other gender than the texts give the speaker
    (gendered_words.txt), or when a source sentence names the derived person with the verb
    in any form or two of the claim's other words (they may share the deed: "also rang the
    police"). Known false positive: a speaker telling of a "he" or "she" other than
    themself whom the passage names further back."""
    people = [e for e in dc.entities if e.label == "PERSON" and e.role == "subject"
              and known(e.norm, ctx.index)]
    if not people:
        return None
    for sc in close_support(ctx.support(dc)):
        said = sc.attribution
        if sc.predicate != dc.predicate or sc.subject.strip().lower() not in _SELF \
                or said is None or said.kind != "named" or sc.negated != dc.negated:
            continue
        speaker = _speaker_name(said.source)
        theirs = speaker.split()[-1].lower() if speaker else ""
        if not theirs or re.search(rf"\b{re.escape(theirs)}\b", dc.sentence.lower()) \
                or other_gender(ctx.lexicon, sc.subject.strip(), theirs.title(),
                                [a.text for a in ctx.sources]):
            continue  # (a "she" the texts cannot give a "Mr" speaker)
        near = " ".join(c.sentence for c in (sc, *sentence_before(ctx.index, sc))).lower()
        for person in people:
            mine = person.text.split()[-1].lower()
            if mine == theirs or re.search(rf"\b{re.escape(mine)}\b", near) \
                    or _told_of(ctx, dc, mine):
                continue  # the pronoun may be theirs, or a source passage tells of them
            return dict(start=person.start, end=person.end, confidence=0.6,
                        evidence=[evidence_of(sc)],
                        message=(f'Puts "{person.text}" where the source has {speaker}, who '
                                 f'tells of it ("{dc.predicate_text}") in their own account: '
                                 f'"{snippet(sc.sentence, 80)}".'),
                        suggestion=f'Check who it was: the source says {speaker}.')
    return None


_ALSO = re.compile(r"\b(?:also|too|as well|likewise)\b", re.I)


def _told_of(ctx, dc, surname: str) -> bool:
    """A source sentence names the person with a noun the derived claim tells of them, two of
    its other content words besides names ("Tom Ashgrove rang the police too" for "Tom
    Ashgrove called the police"), its verb in any form, or a word that they did the same
    ("also contacted officers")."""
    at = dc.text.find(dc.subject) + len(dc.subject) if dc.subject in dc.text else 0
    told = [w for w in dc.words if w.start - dc.start >= at]  # not the subject's own words
    # ("Parish chairman Tom Ashgrove": his title is in every sentence naming him)
    mine = {key(w.lemma) for w in told if w.pos != "PROPN"}
    nouns = {key(w.lemma) for w in told if w.pos == "NOUN"}
    for sc in ctx.index.claims:
        if not re.search(rf"\b{re.escape(surname)}\b", sc.sentence.lower()):
            continue
        theirs = {key(w.lemma) for w in sc.words if w.pos != "PROPN"}
        if nouns & theirs or len(mine & theirs) >= 2 or _ALSO.search(sc.sentence) \
                or any(w.lemma == dc.predicate for w in sc.words):
            return True
    return False
