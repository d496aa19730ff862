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
    "commissioned by the board"), and the ends of a range ("ranging from X to Y",
    range_words.txt) keep it silent. Where no name of the sources fills a
    "by", "to", "from" or "against" slot of the word, the closely aligned source sentence
    may fill it with a description ("approved by the office in 2024"): the derived name is
    flagged when the sources give that description another name (the one capitalised name
    ending in its head: "the Aeronautical Standards Office"), when another party owns it
    ("the hospital's clinical safety committee", when the sources name the hospital). A
    body (the agent's head a group in WordNet's first sense) as the agent of a verb the
    aligned source sentence gives to "he" or "she" ("a noise survey he commissioned"
    -> "commissioned by the parish committee") is flagged too: a body is no person.
Why it matters:
    Who commissioned the review, whose subsidiary a firm is, whose insurer paid: the names are all the source's, and only their places changed. Rules that look
    for names the source lacks cannot see it.
Known false positives:
    A source that gives the slot a second filler in words the parse does not read as a name
    ("the council's own inspectors" and, later, "inspectors from Harlow"); the same word
    used for two things in one source ("Corrigan's Redmere depot" for the source's
    "Corrigan's distribution centre" where "depot" is another firm's). For a description: a
    body the sources name twice over ("the office" for a body whose full name ends
    otherwise, when another "... Office" is named), or the owner's body named without the
    owner's word ("the hospital's committee" for "the Eastmoor Trust" that runs the
    hospital). Known misses: a slot of a word too general to pin a relation ("part of", "a
    report by": the aligner's generic words); a name the parse attaches otherwise ("called
    for the chair, X, to resign" read with X hanging on the verb); places.
Examples:
    Source: The review was commissioned by the Westmarch Ambulance Service. The Westmarch Health Board declined to comment.
    Flag: The review was commissioned by the Westmarch Health Board.
    Okay: The review was commissioned by the Westmarch Ambulance Service.
"""

from __future__ import annotations

import re

from checker.actors import GROUP_LEXNAME
from checker.align import GENERIC, key
from checker.descriptions import described_in
from checker.names import CHECKED, known, name_words, norm_name, part_of_name, same_referent
from checker.party_kinds import names_of_kind
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
    wn = ctx.wordnet
    for dc in ctx.derived_claims:
        if not is_claim_unit(dc):
            continue
        body = _body_for_person(ctx, dc)
        if body is not None:
            yield body
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
            if not known(ent.norm, ctx.index, wn):
                continue  # a new name: DE401's, DU802's
            if not fillers:
                # no name of its kind fills the slot: a description may ("approved by the
                # office" for the Aeronautical Standards Office)
                found = _described_filler(ctx, dc, ent)
                if found is not None:
                    yield found
                continue
            if any(_one(e, se, wn) for e in dc.entities if e is not ent and e.slot == ent.slot
                   for _, se in fillers):
                continue  # the derived claim gives the source's name the slot too ("X and Y")
            relation, _, word = ent.slot.partition(" ")
            if ctx.lexicon.has("range_words", word.lower()):
                continue  # "groups ranging from X to Y": a range's ends have no order
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


# A description filling a slot: "the" and up to four words, up to a comma, a full stop or
# a word that starts another phrase ("approved by the office in 2024").
_DESCRIPTION = (r"(?-i:the\s+((?:[a-z][\w'’-]*\s+){0,4}?[a-z][\w-]*))"
                r"(?=\s*[,.;:]|\s+(?:in|on|at|for|from|to|and|or|after|before|which|who|that|"
                r"last|this|with|by|over|about|since|until|because|but|as)\b|\s*$)")


def _described_filler(ctx, dc, ent):
    """A finding when the derived claim's closest source sentence fills the name's slot
    with a description that cannot stand for the name: one the sources give another name
    ("the office": "the Aeronautical Standards Office") or one owned by another party the
    sources name ("the hospital's own safety committee"); else None. A description by a
    kind alone ("the school") may stand for a name of another kind ("St Brigid's
    Academy")."""
    relation, _, word = ent.slot.partition(" ")
    if relation not in _DESCRIBED_RELATIONS or not word or ent.label == "PERSON":
        return None  # a person may be any description's ("approved by the mayor")
    al, sup = ctx.support(dc)
    pattern = (rf"\b{re.escape(key(word))}\w*(?:[^\w.;:!?]+\w+){{0,{NEAR}}}?[^\w.;:!?]+"
               rf"{relation}\s+{_DESCRIPTION}")
    # the supporting source claims that align closely and give the slot's word
    m, sc = next(((m, sc) for sc, score in zip(sup, al.scores) if score >= MIN_DESCRIBED
                  for m in [re.search(pattern, sc.sentence, re.I)] if m), (None, None))
    if m is None:
        return None
    sentence = sc.sentence
    if ent.norm in norm_name(sentence):
        return None  # "by the fund's then adviser, Pellbridge Advisory": named there too
    phrase = "the " + m.group(1)
    words = re.findall(r"[a-z]+", phrase.lower())
    mine = set(name_words(ent.norm))
    if mine & set(words):
        return None  # "the Eastmoor office" for "the Eastmoor Care Standards Office"
    text = ctx.source_text
    named = described_in(text, phrase)
    owner = re.search(r"the\s+([a-z]+)['’]s?\s", phrase.lower() + " ")
    if named != phrase:
        if norm_name(named) in ent.norm or ent.norm in norm_name(named):
            return None
        said = f'"{phrase}" ({named})'
    elif owner is not None:
        # "the hospital's clinical safety committee": another party's, when the sources
        # name that party ("Bramwell General Hospital") and it is not the derived body;
        # an owner they do not name ("the borough's planning committee") may be its
        named_owner = described_in(text, f"the {owner.group(1)}")
        owners = ([named_owner] if named_owner != f"the {owner.group(1)}" else []) + sorted(
            names_of_kind(text, owner.group(1)))
        if not owners or owner.group(1) in mine or any(
                norm_name(o) in ent.norm or ent.norm in norm_name(o) for o in owners):
            return None
        said = f'"{phrase}" (of {owners[0]})'
    else:
        return None  # a description of a kind ("the school") may stand for the name
    start = sentence.lower().find(phrase.lower())
    ev = evidence_of(sc) if start < 0 else evidence_of(
        sc, start=sc.sent_start + start, end=sc.sent_start + start + len(phrase))
    return make(RULE, dc, start=ent.start, end=ent.end, text=ent.text, confidence=CONFIDENCE,
                evidence=[ev],
                message=(f'Puts "{ent.text}" where the source has {said}: '
                         f'"{snippet(sentence, 70)}".'),
                suggestion=f'Check who it is: the source gives this to {said}, not to '
                           f'"{ent.text}".')


# A verb's agent in a derived claim: "commissioned by the parish committee, which ...".
_AGENT = re.compile(r"\b([a-z]+ed)\s+by\s+(the\s+[^,.;:]{2,60}?)(?=\s*[,.;:]|\s+(?:which|who|"
                    r"that|in|on|at|for|and|after|before|to|with)\b|\s*$)")
_PERSON_PRONOUN = r"\b(he|she)\s+(?:had\s+|has\s+)?"  # active: not "he was shoved"


def _body_for_person(ctx, dc):
    """A finding when a derived claim gives a deed to a body ("a survey commissioned by the
    parish committee": the agent's head a group in WordNet's first sense) that the
    closely aligned source sentence gives to a person by a pronoun ("a noise survey
    he commissioned"): a body is no "he" or "she"; else None."""
    wn = ctx.wordnet
    if not wn.available:
        return None
    al, sup = ctx.support(dc)
    for m in _AGENT.finditer(dc.text):
        head = m.group(2).split()[-1].lower()
        senses = wn.senses(head, "noun", 1)
        if not senses or senses[0].lexname != GROUP_LEXNAME:
            continue
        done = re.compile(_PERSON_PRONOUN + re.escape(key(m.group(1))) + r"\w*", re.I)
        for sc, score in zip(sup, al.scores):
            found = done.search(sc.sentence) if score >= MIN_DESCRIBED else None
            if found is None:
                continue
            start = dc.start + m.start(2)
            return make(RULE, dc, start=start, end=start + len(m.group(2)), text=m.group(2),
                        confidence=CONFIDENCE,
                        evidence=[evidence_of(sc, start=sc.sent_start + found.start(),
                                              end=sc.sent_start + found.end())],
                        message=(f'Puts "{m.group(2)}" where the source gives it to a person, '
                                 f'"{found.group(0)}": "{snippet(sc.sentence, 70)}".'),
                        suggestion=f'Check who it is: the source says "{found.group(0)}", a '
                                   f'person, not "{m.group(2)}".')
    return None


# The slots a description is looked for in, and how closely the derived claim must align
# with the source sentence that gives it.
_DESCRIBED_RELATIONS = frozenset({"by", "to", "from", "against"})
MIN_DESCRIBED = 0.45


RULE = Rule(CODE, NAME, KIND, SEVERITY, "a source name put in another name's slot", check,
            __doc__)
