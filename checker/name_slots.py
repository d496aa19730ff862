"""Where a name stands in its sentence, for DE401 (``checker.rules.entity_changed``): after
which preposition and hanging on which kind of word, and whether a source sentence sets the
same name in the same slot. Two names in two slots are no swap of one for the other."""

from __future__ import annotations

import re

from checker.align import key


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
