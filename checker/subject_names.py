"""The names in a claim's subject and whether two subjects name one actor (DE403,
``rules/actor_changed.py``): a subject that holds a proper name (``names_someone``), the
keys of its names, its apposition's included (``subject_names``), or of its apposition
alone (``apposed_names``), and a name the sources tag elsewhere though the parse missed it
(``known_name``); a subject that introduces a thing by its kind, which its own name may
replace (``a_kind_of_thing``); and two subjects that name two bodies of one field
(``two_bodies``, with ``BODY_HEADS``) or one body in the same words (``same_words``)."""

from __future__ import annotations

import re

from checker.align import key, text_keys
from checker.claim_reading import before_preposition
from checker.lexicon import shipped
from checker.names import norm_name
from checker.source_phrase import anaphoric

_INDEFINITE = shipped("indefinite_articles")
_DETERMINERS = shipped("determiners")
_RELATIVE = re.compile(r",\s*(?:which|who|whose|whom|where|when)\b", re.I)


def names_someone(claim) -> bool:
    """The claim's subject holds a proper name."""
    pos = claim.text.find(claim.subject) if claim.subject else -1
    if pos < 0:
        return False
    s0, s1 = claim.start + pos, claim.start + pos + len(claim.subject)
    return any(w.pos == "PROPN" and s0 <= w.start < s1 for w in claim.words)


def subject_names(claim, lexicon) -> set[str]:
    """Keys of the proper nouns of a claim's subject, its apposition included ("The
    festival's main sponsor, the Halbrook Building Society" -> halbrook, building, society),
    not those of a relative clause ("The probe, which launched in March,") or after a
    preposition ("An opposition councillor in Harrowby" names no actor)."""
    pos = claim.text.find(claim.subject) if claim.subject else -1
    if pos < 0:
        return set()
    # a name under a preposition places or qualifies the actor ("a councillor in Harrowby")
    subject = before_preposition(_RELATIVE.split(claim.subject, 1)[0], lexicon)
    s0, s1 = claim.start + pos, claim.start + pos + len(subject)
    return {key(w.lemma) for w in claim.words if w.pos == "PROPN" and s0 <= w.start < s1}


def apposed_names(claim) -> set[str]:
    """Keys of the proper nouns of the apposition after a claim's subject head ("Harl's
    member for roads, Ada Kerr," -> ada, kerr), which ``subject_names``
    leaves out when a preposition cuts the head."""
    pos = claim.text.find(claim.subject) if claim.subject else -1
    parts = _RELATIVE.split(claim.subject, 1)[0].split(",") if pos >= 0 else []
    if len(parts) < 2:
        return set()
    s0 = claim.start + pos + len(parts[0]) + 1
    s1 = s0 + len(parts[1])
    return {key(w.lemma) for w in claim.words if w.pos == "PROPN" and s0 <= w.start < s1}


def a_kind_of_thing(claim, lexicon) -> bool:
    """The subject introduces a thing by its kind, a name only modifying it or placing it
    ("A Tessarine Launch Systems rocket", "an Orlen council van", "A beekeeper from the
    hamlet of Ostley"): a description, which the derived text may replace by the
    thing's own name ("The Arrowlark 3", "Mira Tallis")."""
    words = before_preposition(claim.subject.split(",")[0], lexicon).split()
    return len(words) > 1 and words[0].lower() in _INDEFINITE and words[-1].islower()


BODY_HEADS = frozenset(key(w) for w in shipped("non_person_heads"))


def _capital_words(text: str) -> list:
    """The capitalised words of a phrase, lower-cased, in order."""
    return [w.lower() for w in re.findall(r"[\w'’-]+", text) if w[:1].isupper()]


def two_bodies(a: str, b: str) -> bool:
    """Two names of bodies (ending in a word of non_person_heads.txt) that share a word of
    their field but open differently and neither holds the other ("the Kellan Vale Rowing
    Club", "the Eastbrook Rowing Association"): two bodies, not one named in two ways ("the
    Eastbrook Association")."""
    wa, wb = ([w for w in _capital_words(x.split(",")[0]) if w not in _DETERMINERS]
              for x in (a, b))
    return len(wa) > 1 and len(wb) > 1 and wa[0] != wb[0] \
        and key(wa[-1]) in BODY_HEADS and key(wb[-1]) in BODY_HEADS \
        and not set(wa) <= set(wb) and not set(wb) <= set(wa)


def same_words(a: str, b: str) -> bool:
    """Two subjects of the same capitalised words but for a shared head: "Halbury Council"
    and "the Halbury council" name one body."""
    wa, wb = set(_capital_words(a)), set(_capital_words(b))
    return bool(wa) and wa == wb


def known_name(ctx, sc) -> set:
    """Keys of the source subject when it is a name the sources tag elsewhere, or a word
    they write capitalised after a lower-case one, though the parse of this sentence did not
    ("Varnish is seeking compensation", "Varnish" read as a common noun at the sentence's
    start)."""
    subject = sc.subject.split(",")[0].strip()
    if not subject[:1].isupper() or anaphoric(subject):
        return set()
    if norm_name(subject) not in ctx.index.entity_norms and not (
            " " not in subject and len(subject) > 3 and not _common_word(ctx, subject)
            and re.search(rf"(?<=[a-z,]\s){re.escape(subject)}\b", ctx.source_text)):
        return set()  # (or a one-word name the sources write capitalised inside a
        # sentence, where the tagger read none: "the tin maker Pellcastle, said")
    return {key(w) for w in norm_name(subject).split()}


def _common_word(ctx, word: str) -> bool:
    """A word WordNet lists as a noun ("Students", "Council"): no name by its capital
    alone (none without WordNet)."""
    wn = ctx.wordnet
    low = word.lower()
    return wn.available and any(wn.kinds(w, "noun") for w in {low, low.rstrip("s")})


def told_of(ctx, dc, dnames: set, sc) -> bool:
    """Another source sentence names the derived actor and holds three more of the derived
    claim's words than the aligned claim's does ("Roe ... told the council ... and asked for
    a repair schedule within a month" for "Roe wrote to the council asking for a repair
    schedule", where the aligned claim is another party's plan to write): the deed is told
    of the derived actor there."""
    if not dnames:
        return False
    mine = content_keys(ctx, dc.text) - dnames
    theirs = len(mine & content_keys(ctx, sc.sentence))
    return any(dnames <= content_keys(ctx, o.sentence)
               and len(mine & content_keys(ctx, o.sentence)) >= theirs + 3
               for o in ctx.index.claims if o.sentence != sc.sentence)


def content_keys(ctx, text: str) -> set[str]:
    """Keys of a text's words that are no function words (function_words.txt)."""
    function = ctx.lexicon.words["function_words"]
    return {k for k in text_keys(text) if k not in function}
