"""Whether a derived claim restates a source's planned deed with another verb ("has capped
the rise at 3%" for "intends to hold the rise to 3%"): the words it must share, whose subject
it may have, and which source sentences already report that verb. Read by DC203
(``rules.attempt_to_fact``)."""

from __future__ import annotations

import re

from checker.align import claim_keys, key
from checker.lexicon import shipped
from checker.sought import object_keys, same_subject, subject_keys

# Words of the derived claim besides its verb that the source claim must all hold for another
# verb to count as the planned deed.
SAME_DEED_WORDS = 3


def same_deed(ctx, dc, sc) -> bool:
    """The derived claim restates the planned deed with another verb ("has capped the rise at
    3%" for "intends to hold the rise to 3%", "Ensor has lodged a claim" for "she intends to
    bring a claim"): every other word of it is in the source claim (but the name a source
    pronoun stands for), a subject that shares a word with the source's (or that pronoun's
    name), those after its verb among the words after the attempt, and no source
    claim has its verb with a noun of its object (so it names no other deed they report)."""
    own = key(dc.predicate)
    rest = claim_keys(dc) - {own}
    verb = next((w for w in dc.words if w.lemma == dc.predicate and w.pos == "VERB"), None)
    if verb is None or len(rest) < SAME_DEED_WORDS or ctx.lexicon.has("attempts",
                                                                       dc.predicate):
        return False  # "plans vaccination clinics" keeps the plan
    after = {key(w.lemma) for w in dc.words if w.start > verb.start} & rest
    if not after:
        return False  # no object or complement: "The trust objects" is no deed the source
        # plans in the words of its subject
    cue = min((c.start for c in sc.certainty.attempts), default=None)
    if cue is not None and not after <= {key(w.lemma) for w in sc.words if w.start > cue}:
        return False  # the object is the planned deed's: not "sold the ferry company to
        # Lindqvist" for "Lindqvist, who bought the ferry company, plans to add routes"
    if ctx.lexicon.has("pronouns_subject", sc.subject.lower().strip()):
        rest -= subject_keys(dc)
    elif not same_subject(dc, sc) and not _acts_on_object(ctx, dc, sc):
        return False  # the derived subject is neither the one that plans nor what the
        # planned deed acts on ("Some shows will transfer" for "seeks to move some shows"),
        # but another thing of the claim (the place it plans to send something to: "The
        # park lies 900 km north")
    return rest <= claim_keys(sc) and not _verb_on_object(ctx, dc, own)


# what ends the object of a planned verb: a comma, a preposition, a clause ("and", "if")
_OBJECT_END = re.compile(r",|;|\b(?:" + "|".join(sorted(shipped("prepositions") | shipped(
    "coordinators"))) + r"|if)\b")
_PLANNED_VERB = re.compile(r"\s*(?:to\s+)?([\w'’-]+)\s")


def _acts_on_object(ctx, dc, sc) -> bool:
    """The derived claim's subject is what the planned deed acts on, named right after its
    verb up to a comma or a preposition ("wants to move *its two bears* to ..."), and its
    verb is the planned one's WordNet synonym or one is a kind of the other ("The two bears
    will transfer"; not "The licence lapses in May" for "seeking to renew the licence")."""
    cue = min(sc.certainty.attempts, key=lambda c: c.start, default=None)
    m = _PLANNED_VERB.match(sc.text[cue.end - sc.start:]) if cue is not None else None
    wn = ctx.wordnet
    if m is None or wn is None or not wn.available or not dc.predicate:
        return False
    start = cue.end + m.end()
    stop = _OBJECT_END.search(sc.text, start - sc.start)
    end = sc.start + stop.start() if stop else sc.end
    acted_on = {key(w.lemma) for w in sc.words if start <= w.start < end
                and w.pos in ("NOUN", "PROPN")}
    planned, own = m.group(1).lower(), dc.predicate
    planned = next((w.lemma for w in sc.words if w.text.lower() == planned), planned)
    return bool(subject_keys(dc) & acted_on) and (
        planned in wn.synonyms(own, "verb") or planned in wn.broader(own, "verb", 2)
        or own in wn.broader(planned, "verb", 2))


def _verb_on_object(ctx, dc, own: str) -> bool:
    """A source claim has the derived verb beside a noun of the derived object ("an appeal
    lodged on 20 February" for "has lodged an appeal") or on an object that points back
    ("Her solicitors lodged the papers", "lodged it"), by the same party or its people, or
    the verb with no object named."""
    if own not in ctx.index.vocab:
        return False
    dobj = object_keys(dc, ctx.lexicon)
    return not dobj or any(own in claim_keys(sc) and (
        dobj & claim_keys(sc) or _points_back(sc, own, ctx.lexicon) and _party_of(dc, sc, ctx))
        for sc in ctx.index.claims)


def _party_of(dc, sc, ctx) -> bool:
    """The source claim's subject is the derived claim's, or a party's people told by a
    possessive ("Her solicitors")."""
    first = sc.subject.split()[:1]
    return bool(subject_keys(dc) & subject_keys(sc)) or bool(first) and ctx.lexicon.has(
        "possessives", first[0].lower())


def _points_back(sc, own: str, lex) -> bool:
    """The claim's verb ``own`` takes an object that points back at a thing named before:
    a definite, deictic or possessive opener, or a pronoun ("the papers", "it")."""
    verb = next((w for w in sc.words if key(w.lemma) == own and w.pos == "VERB"), None)
    if verb is None:
        return False
    nxt = sc.text[verb.end - sc.start:].split()[:1]
    word = nxt[0].lower().strip(",.;") if nxt else ""
    return any(lex.has(role, word) for role in ("definite_openers", "deictics", "possessives",
                                                "pronouns_thing"))
