"""DE407 relation-changed: a name the source uses, put in a slot the source gives another name.

What it flags:
    A name in a derived claim that fills a slot of a word ("commissioned by X", "a subsidiary
    of X", "X's insurer"), when the sources use that name elsewhere but fill
    the same slot of the same word only with other names of its kind ("commissioned by the
    ambulance service"). "of", "for", a possessive and a name used as a modifier share one
    slot (the ``relation_prepositions`` lexicon), so "the Corvane review" and "a review for
    Corvane" are one. Places are left out: they nest, and the tagger labels them
    unevenly. A slot the sources fill with a possessive pronoun somewhere ("Its
    spokesperson"), a name the derived claim also gives, a name the source gives
    that slot anywhere, one name that is part of the other or stands for it ("NHS"), and a
    source that makes the name the subject of the word ("the board commissioned it" against
    "commissioned by the board") keep it silent.
Why it matters:
    Who commissioned the review, whose subsidiary a firm is, whose insurer paid: the names are all the source's, and only their places changed. Rules that look
    for names the source lacks cannot see it.
Known false positives:
    A source that gives the slot a second filler in words the parse does not read as a name
    ("the council's own inspectors" and, later, "inspectors from Harlow"); the same word
    used for two things in one source ("Corrigan's Redmere depot" for the source's "Corrigan's
    distribution centre" where "depot" is another firm's). Known misses: a slot of a word too
    general to pin a relation ("part of", "a report by": the aligner's generic words); a name
    the parse attaches otherwise ("called for the chair, X, to resign" read with X hanging on
    the verb); places.
Examples:
    Source: The review was commissioned by the Westmarch Ambulance Service. The Westmarch Health Board declined to comment.
    Flag: The review was commissioned by the Westmarch Health Board.
    Okay: The review was commissioned by the Westmarch Ambulance Service.
"""

from __future__ import annotations

import re

from checker.align import GENERIC, key
from checker.names import CHECKED, known, name_words, part_of_name, same_referent
from checker.records import memo_on
from checker.rules.base import Rule, evidence_of, is_claim_unit, make, snippet

CODE, NAME, KIND, SEVERITY = "DE407", "relation-changed", "entity-changed", "error"
CONFIDENCE = 0.6
# Names of one kind: the other name in the slot must be a person for a person, a body for a
# body, a place for a place (the tagger's labels; GPE, LOC and FAC are all places).
_KIND = {"GPE": "place", "LOC": "place", "FAC": "place"}


def _same_kind(a, b) -> bool:
    return _KIND.get(a.label, a.label) == _KIND.get(b.label, b.label)


def _slot_key(slot: str) -> str:
    relation, _, word = slot.partition(" ")
    return f"{relation} {key(word)}" if word and word not in GENERIC else ""


def _source_slots(index) -> dict:
    """Slot key -> [(source claim, entity)] for every name of the sources in a slot, and
    "subj <verb key>" -> names that are the subject of a verb (once per set of sources)."""
    def build() -> dict:
        table: dict[str, list] = {}
        for sc in index.claims:
            for ent in sc.entities:
                if ent.slot and is_claim_unit(sc):  # a headline's slots are loose
                    k = _slot_key(ent.slot)
                    if k:
                        table.setdefault(k, []).append((sc, ent))
                if ent.role == "subject" and sc.predicate:
                    table.setdefault(f"subj {key(sc.predicate)}", []).append((sc, ent))
        return table

    return memo_on(index, "_de407_slots", build)


def _one(a, b, wn) -> bool:
    """Two names that can be one entity: equal, one part of the other ("Corvane" and
    "Corvane Plating"), or one standing for the other (an acronym, a place within a place).
    Two names sharing a word are two ("the Westmarch Health Board", "the Westmarch
    Ambulance Service")."""
    if a.norm == b.norm or a.norm in b.norm or b.norm in a.norm:
        return True
    if name_words(a.norm) and name_words(b.norm) and part_of_name(a.norm, b.norm):
        return True
    return same_referent(a.norm, b.norm, wn)


# Words between a name and the word whose slot it fills, at most, when the source text is
# searched for the two together: "commissioned by the company from the consultancy X".
NEAR = 6


def _near_in_source(text_lower: str, ent, word: str) -> bool:
    """The source has the name within a few words after the slot's word ("a study
    commissioned by the company from the consultancy Brightwater Analytics") or, for a
    possessive or a modifier, right before it with no punctuation between ("Corrigan's
    distribution centre"): the same relation the parse did not read as one."""
    stem = re.escape(key(word))
    name = re.escape(ent.norm)
    sep = r"[^\w.;:!?]+"  # within one clause: no full stop, colon or semicolon between
    gap = rf"(?:{sep}\w+){{0,{NEAR}}}?{sep}"
    return re.search(rf"\b{stem}\w*{gap}(?:the\s+)?{name}\b", text_lower) is not None or \
        re.search(rf"\b{name}(?:'s)?(?:\s+\w+){{0,2}}?\s+{stem}", text_lower) is not None


def _by_pronoun(text_lower: str, word: str, lexicon) -> bool:
    """The sources fill the word's slot with a possessive pronoun somewhere ("Its energy
    spokesperson, Ines Calder-Rowe"): a filler the slot table cannot name, which may be
    the derived name."""
    owners = "|".join(sorted(lexicon.words["possessives"]))
    return re.search(rf"\b(?:{owners})\s+(?:[\w-]+\s+){{0,2}}{re.escape(key(word))}\w*",
                     text_lower) is not None


def check(ctx):
    """Yield a finding for each source name a derived claim puts in another name's slot."""
    table = _source_slots(ctx.index)
    if not table:
        return
    wn = ctx.wordnet
    for dc in ctx.derived_claims:
        if not is_claim_unit(dc):
            continue
        for ent in dc.entities:
            if not ent.slot or ent.label not in CHECKED:
                continue
            k = _slot_key(ent.slot)
            if not name_words(ent.norm) or _KIND.get(ent.label) == "place":
                continue  # a grade read as a name ("A+"); places nest (a district in a town)
            filled = table.get(k, ())
            if any(_one(ent, se, wn) for _, se in filled):
                continue  # the source gives this name the slot too (whatever its tag there)
            fillers = [(sc, se) for sc, se in filled if se.label in CHECKED
                       and _same_kind(se, ent) and name_words(se.norm)]
            if not fillers or not known(ent.norm, ctx.index, wn):
                continue  # no name of its kind fills the slot, or a new name (DE401, DU802)
            if any(_one(e, se, wn) for e in dc.entities if e is not ent and e.slot == ent.slot
                   for _, se in fillers):
                continue  # the derived claim gives the source's name the slot too ("X and Y")
            relation, _, word = ent.slot.partition(" ")
            if relation == "by" and any(_one(ent, se, wn)
                                        for _, se in table.get(f"subj {key(word)}", ())):
                continue  # "commissioned by X" where the source says "X commissioned"
            if _near_in_source(ctx.index.text_lower, ent, word):
                continue  # the parse read the source's sentence otherwise
            if _by_pronoun(ctx.index.text_lower, word, ctx.lexicon):
                continue  # "Its energy spokesperson" after the party's name: whose, the
                # slot does not say
            sc, alt = fillers[0]
            yield make(RULE, dc, start=ent.start, end=ent.end, text=ent.text,
                       confidence=CONFIDENCE,
                       evidence=[evidence_of(sc, start=alt.start, end=alt.end)],
                       message=(f'Puts "{ent.text}" where the source has "{alt.text}": '
                                f'"{snippet(sc.text, 70)}".'),
                       suggestion=f'Check who it is: the source says "{alt.text}" here, '
                                  f'and mentions "{ent.text}" only elsewhere.')


RULE = Rule(CODE, NAME, KIND, SEVERITY, "a source name put in another name's slot", check,
            __doc__)
