"""Where a name stands in its sentence, for DE401 (``checker.rules.entity_changed``): after
which preposition and hanging on which kind of word, and whether a source sentence sets the
same name in the same slot. Two names in two slots are no swap of one for the other; nor is
an owner named for a thing's own name, a capitalised common word, or a name that came in
with the words of the sentence it was taken from."""

from __future__ import annotations

import re

from checker.align import key
from checker.names import name_words


def other_preposition(ctx, dc, ent, sc, alt) -> bool:
    """The two names stand after two different prepositions that hang on words of two
    kinds, one a verb and the other a noun ("kept at Harnet Logistics" where the source has
    "farms of the Wexcombe Growers' Co-operative ... kept"): two slots of the sentence,
    though the content words around them are shared. Not "Ada Roe of Pellam College" for
    "Ada Roe, a chemist at the Marsh Institute", nor "treated in hospital on Arnsay" for
    "treated in hospital in Kelport": one slot, each after a noun. Known false negative: a swap
    told with another preposition after another kind of word ("met in Ostrow" for "a
    meeting at Kelby"). Only when a source claim on the same verb names the derived name,
    whose slot it then is, or the derived claim keeps the source's name by its last word
    (its head: "the co-operative's barley")."""
    def before(claim, e) -> tuple:
        text = claim.text[:e.start - claim.start]
        words = re.findall(r"[A-Za-z]+", text)
        if words and words[-1].lower() == "the":
            words.pop()
        if not words:
            return "", ""
        prep = words[-1].lower()
        at = text.lower().rfind(prep)
        head = [w for w in claim.words if w.end <= claim.start + at]
        return prep, head[-1].pos if head else ""

    (mine, my_head), (theirs, their_head) = before(dc, ent), before(sc, alt)
    kinds = {my_head, their_head}
    if not (mine != theirs and all(ctx.lexicon.has("prepositions", w) for w in (mine, theirs))
            and "VERB" in kinds and bool(kinds & {"NOUN", "PROPN"})):
        return False
    # and a source claim on the same verb names the derived name ("Calder Bank froze the
    # account" for "frozen at Calder Bank"): not a bidder named as the winner ("the contract
    # of Pennock Foods went ahead" where Pennock Foods "had also bid")
    head = re.findall(r"[a-z]+", alt.norm)[-1:]
    return any(key(c.predicate) == key(dc.predicate) and any(
        ent.norm == e.norm or ent.norm in e.norm or e.norm in ent.norm for e in c.entities)
        for c in ctx.index.claims) or bool(
        head and re.search(rf"\b{re.escape(head[0])}\b", dc.text.lower()))
    # (or the derived claim keeps the source's name by its head: "the co-operative's barley
    # has been kept at Harnet Logistics" for the Wexcombe Growers' Co-operative's)


def slot_told(ctx, dc, ent) -> bool:
    """A source sentence sets the derived name after the same preposition, with the noun
    that name hangs on in the derived claim among the eight words before it ("cleaners at
    the Orbis Arena" for "Cleaners who work nights at the Orbis Arena"): the name fills
    its own slot there, whichever other name the aligned claim has, when that sentence
    holds two more of the derived claim's words (the same matter). Known false negative:
    a swap whose name the sources tell in the same slot of another sentence on the same
    matter."""
    text = dc.text[:ent.start - dc.start]
    m = re.search(r"([A-Za-z]+)\s+([a-z]+)\s+(?:the\s+)?$", text)
    if m is None or not ctx.lexicon.has("prepositions", m.group(2)):
        return False
    noun = next((w for w in dc.words if w.text == m.group(1) and w.pos == "NOUN"), None)
    if noun is None:
        return False
    slot = re.compile(rf"\b{m.group(2)}\s+(?:the\s+)?{re.escape(ent.text)}", re.I)
    rest = {key(w.lemma) for w in dc.words if not (ent.start <= w.start < ent.end)} \
        - {key(noun.lemma)}
    for sc in ctx.index.claims:
        hit = slot.search(sc.sentence)
        if hit and key(noun.lemma) in {key(w) for w in re.findall(
                r"[a-z]+", sc.sentence[:hit.start()].lower())[-8:]} and len(rest & {
                key(w.lemma) for c in ctx.sentence_claims(sc) for w in c.words}) >= 2:
            return True  # (and tells the same matter: two more of the claim's words)
    return False


def owner_for_name(ctx, dc, ent, sc, alt) -> bool:
    """The derived name is an owner in the possessive ("Harlby's booking app") where the
    source gives the thing its own name ("the HutHop app"), not an owner's, and a source
    claim has the owner for its subject, a verb of running it (running_verbs.txt) and the
    thing in it, stated firmly ("Quenmoor Council runs the HutHop app"; not "Dunwold plans
    to adopt the HutHop app", nor "Quenmoor stopped using it"): the derived text names whose
    the thing is and leaves its name out. Known false negative: an owner that ran the thing
    once and no longer does, in a claim the tense alone tells ("Quenmoor ran the app")."""
    if not re.match(r"['’]s?\s", dc.text[ent.end - dc.start:ent.end - dc.start + 3]) \
            or re.match(r"['’]", sc.text[alt.end - sc.start:alt.end - sc.start + 1]):
        return False
    owner = re.compile(rf"\b{re.escape(ent.text)}\b")
    return any(alt.text in c.text and not c.negated and not c.certainty.hedges
               and not c.certainty.attempts and owner.search(c.subject)
               and ctx.lexicon.has("running_verbs", c.predicate) for c in ctx.index.claims)


def common_word(ctx, ent) -> bool:
    """A one-word "name" the sources also write in lower case ("Coroner declares ..." in a
    headline, "the senior coroner" in the text): a common noun capitalised, no name."""
    word = ent.text.strip()
    return " " not in word and bool(re.search(rf"\b{re.escape(word.lower())}\b",
                                              ctx.source_text))


# Content words of the derived claim that a source sentence naming the moved name shares,
# and the aligned claim lacks, for the name to count as carried in with them
CARRIED_WORDS = 3


def came_with_its_words(ctx, dc, ent, sc, names_it) -> bool:
    """The name came into the derived claim with the words a source sentence sets around it
    ("declared the hoard, found in May at Lower Holt Farm near Ebbing, treasure", where
    "found in May ... at Lower Holt Farm near Ebbing" is another sentence's): a clause merged
    in, with its verb, not a swap. Known false negative: a swap whose derived claim also
    carries a verb and two more words of the sentence the new name comes from."""
    theirs = {key(w.lemma) for w in sc.words}
    words = [w for w in dc.words if not (ent.start <= w.start < ent.end)
             and w.pos in ("NOUN", "PROPN", "VERB", "NUM", "ADJ")
             and key(w.lemma) not in theirs]
    mine = {key(w.lemma) for w in words} - {key(w) for w in name_words(ent.norm)}
    deeds = {key(w.lemma) for w in words if w.pos == "VERB"}
    for c in ctx.index.claims:
        if c is sc or not names_it(c):
            continue
        around = {key(w.lemma) for o in ctx.sentence_claims(c) for w in o.words}
        if len(mine & around) >= CARRIED_WORDS and deeds & around:
            return True  # (a clause, with its verb: not the name's title alone, "the
            # council's deputy leader, Ann Lamb", which moves with a swapped name)
    return False
