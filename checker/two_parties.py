"""Whether two phrases of a derived and a source claim name one party of the story or two
("the adjudicator" and "the council", "the fisheries ministry" and "the farming
ministry", "the firm" and "the company"): the sources set them side by side, WordNet ties
their heads, a word of one is in the other's name, or the sources give each kind a name of
its own. DE408 (``checker.rules.mixed_up``) reads them."""

from __future__ import annotations

import re

from checker.align import key
from checker.date_norms import CALENDAR_NAMES
from checker.party_kinds import business_against_body, names_of_kind


def beside(text_lower: str, a: str, b: str) -> bool:
    """The sources set the two phrases side by side, as one party ("the airline, Corrane
    Air"; "Corrane Air, the airline"; "the grid company Eastfold")."""
    a, b = re.escape(a), re.escape(b)
    gap = r"(?:,\s*|\s+)(?:(?:the|a|an|its|their)\s+)?(?:[\w'’-]+\s+){0,3}?"
    return re.search(rf"\b{a}{gap}{b}\b", text_lower) is not None or \
        re.search(rf"\b{b}{gap}{a}\b", text_lower) is not None


def one_thing(ctx, dwords, swords) -> bool:
    """The two phrases can name one thing: WordNet calls their heads synonyms or one a kind
    of the other ("the firm" and "the company", "the carrier" and "the airline")."""
    wn = ctx.wordnet
    dh, sh = dwords[-1], swords[-1]
    if not wn.available or dh.pos != "NOUN" or sh.pos != "NOUN":
        return False
    a, b = dh.lemma.lower(), sh.lemma.lower()
    return b in wn.synonyms(a, "noun") or a in wn.synonyms(b, "noun") or \
        b in wn.broader(a, "noun") or a in wn.broader(b, "noun")


# WordNet's files of the nouns that name parties and things a story can mix up: people,
# groups (bodies, firms, crews), places, artefacts (buildings, instruments), body parts.
PARTY_FILES = frozenset({18, 14, 15, 6, 8})


def a_party(ctx, word) -> bool:
    """A proper noun, or a common noun WordNet files among people, groups, places or
    things (not acts, events or ideas: "inquiry" and "investigation" are one inquiry); not
    a day or a month, capitalised as names are ("on Tuesday")."""
    if word.pos == "PROPN":
        return word.text.lower().rstrip(".") not in CALENDAR_NAMES
    return any(s.lexname in PARTY_FILES for s in ctx.wordnet.senses(word.lemma.lower(), "noun"))


def phrase_in_sources(ctx, words) -> bool:
    """The words, as written and in order, are a phrase of the sources ("ambulance
    service"): a description the story gives a party, not a word reused."""
    text = " ".join(w.text.lower() for w in words)
    return re.search(rf"\b{re.escape(text)}\b", ctx.index.text_lower) is not None


# The tagger's labels of names and the WordNet files of the common nouns that can stand
# for them: a person for a person, a body for a body (or a person or a building: "the
# supplier", "the museum"), a place or a building for a place.
_NAME_CLASS = {"PERSON": {18}, "ORG": {14, 18, 6}, "NORP": {14, 18}, "GPE": {15, 14},
               "LOC": {15}, "FAC": {6, 15}}


def _same_class(ctx, noun, name_words, claim) -> bool:
    """The description's noun can name what the name names, by the tagger's label of the
    name (a name the tagger did not label passes)."""
    start = name_words[0].start
    label = next((e.label for e in claim.entities if e.start <= start < e.end), None)
    files = _NAME_CLASS.get(label)
    if files is None:
        return True
    return any(s.lexname in files for s in ctx.wordnet.senses(noun.lemma.lower(), "noun"))


def distinct(ctx, dc, sc, dwords, swords, dname, sname) -> bool:
    """The two phrases name two parties of the story, as far as the text can tell."""
    if dname and sname:
        return True  # two names: whole, apart, never set beside each other (checked above)
    if dname != sname:
        desc, name = (swords, dwords) if dname else (dwords, swords)
        if not _same_class(ctx, desc[-1], name, dc if dname else sc):
            return False  # "Thornwell District Council" for "its leak site": a body is no
            # place, whatever the diff lines up
        if _words_of_name(ctx, desc, name):
            return False  # "the postal carrier" for "Ledley Mail"
        text = ctx.source_text
        named = names_of_kind(text, desc[-1].lemma.lower())
        name_keys = {w.text.lower() for w in name}
        noun = desc[-1].lemma.lower()
        initials = {"".join(w[0] for w in n.split() if w[:1].isupper()).lower() + end
                    for n in named for end in ("", noun[0])}  # "Ashvale System (Operator)"
        if any(name_keys & {w.lower() for w in n.split()} for n in named) or \
                name_keys & initials:
            return False  # the source gives the named party (or its acronym) this description
        # a one-word description ("the operator") may stand for any party of its kind,
        # unless the source gives that kind to another party by name, or the name says a
        # kind of body it cannot be ("the Harrow Growers Union" for "its bank")
        return len(desc) >= 2 or bool(named) or business_against_body(
            desc[-1].lemma, name[-1].text, ctx.lexicon)
    if len(dwords) == 1 and len(swords) == 1:
        return common_nouns(ctx, dwords, swords) and _named_apart(ctx, dwords[0], swords[0])
    return len(dwords) >= 2 and phrase_in_sources(ctx, dwords)


def common_nouns(ctx, dwords, swords) -> bool:
    """Both phrases are one common noun each whose first WordNet sense is a person or a
    group ("the adjudicator", "the council"; not "the attraction" for "the tunnel")."""
    if len(dwords) != 1 or len(swords) != 1 or not dwords[0].pos == swords[0].pos == "NOUN":
        return False
    firsts = [ctx.wordnet.senses(w.lemma.lower(), "noun")[:1] for w in (dwords[0], swords[0])]
    return all(f and f[0].lexname in _PARTY_SENSES for f in firsts)


_PARTY_SENSES = frozenset({14, 18})  # WordNet's files of groups and people


def named_kind(ctx, words) -> set:
    """The key of a one-word description that may stand for any party of its kind ("the
    council") when the sources name a party of that kind ("Orwell District Council"): it
    stands for that party here; else none."""
    if len(words) != 1 or words[0].pos != "NOUN":
        return set()
    lemma = words[0].lemma.lower()
    return {key(lemma)} if names_of_kind(ctx.source_text, lemma) else set()


def _named_apart(ctx, dword, sword) -> bool:
    """Two one-word descriptions the sources give two named parties ("the adjudicator" for
    "adjudicator Mara Quill", "the council" for "Harlow District Council"): each kind has
    a name in the sources, and no word of one's names is a word of the other's. One that
    no name stands beside may be any party of its kind, and is passed over."""
    text = ctx.source_text
    mine = names_of_kind(text, dword.lemma.lower())
    theirs = names_of_kind(text, sword.lemma.lower())
    words = lambda names: {w.lower() for n in names for w in n.split()}  # noqa: E731
    return bool(mine) and bool(theirs) and not words(mine) & words(theirs)


def _words_of_name(ctx, desc, name) -> bool:
    """A word of the description is a word of the name, or one WordNet ties to it as a
    synonym or an adjective of it ("the postal carrier" for "Ledley Mail", "the water
    utility" for "Brinmoor Water"): the description can be the named party's."""
    in_name = {w.text.lower() for w in name} | {w.lemma.lower() for w in name}
    # and the words of the fuller name the sources give it ("Ledley" of "Ledley Mail")
    in_name |= {x.lower() for c in ctx.index.claims for e in c.entities
                if in_name & set(e.text.lower().split()) for x in e.text.split()}
    wn = ctx.wordnet
    for w in desc:
        lemma = w.lemma.lower()
        pos = "adj" if w.pos == "ADJ" else "noun"
        if lemma in in_name or (wn.available and wn.synonyms(lemma, pos) & in_name):
            return True
    return False
