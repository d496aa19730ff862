"""Constants, the per-article state and the token helpers the claim extractor's parts share."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Optional

from checker.date_norms import CALENDAR_NAMES
from checker.extract.tokens import DocView
from checker.lexicon import shipped
from checker.numbers import duration_unit, is_magnitude
from checker.records import Attribution, Certainty, Cue


NUMERIC_LABELS = {"CARDINAL", "MONEY", "PERCENT", "DATE", "TIME", "QUANTITY", "ORDINAL"}
NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT",
               "WORK_OF_ART", "LAW"}
SUBJ_DEPS = {"nsubj", "nsubjpass", "csubj", "expl"}
# Quotation spans: straight and curly double quotes, and curly single quotes (not apostrophes).
QUOTE_RE = re.compile(r"\"([^\"\n]{2,600})\"|“([^”\n]{2,600})”|‘([^’\n]{2,600})’(?!\w)")
# Prepositions before "a week", "a fortnight" that make it a span of time, not a rate ("twice
# a week") or a point ("a year ago"): duration_prepositions.txt
_DURATION_PREPS = shipped("duration_prepositions")
# The dependencies a negating word can have: "not" (neg), "never" (advmod), "no" (det),
# "without" (prep), an opening "nor" (cc), "unless" (mark).
_NEGATING_DEPS = frozenset({"neg", "advmod", "det", "prep", "cc", "mark"})
CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"}
_BASE_CERTAINTY = 0.75
# A day or month name: a date in words that carries a comparable value ("on Monday").
INDEFINITE_ARTICLES = shipped("indefinite_articles")
_CALENDAR_RE = re.compile("|".join(sorted(CALENDAR_NAMES)))


@dataclass


class _State:
    """What the extractor remembers across the sentences of one article."""

    last_source: str = ""
    sources: list = field(default_factory=list)  # every source named so far, in order
    last_person: str = ""
    last_org: str = ""
    last_party: str = ""  # the last proper-named subject that is not a person
    bodies: list = field(default_factory=list)  # organisations named so far, in order
    new_bodies: dict = field(default_factory=dict)  # name -> offset, first named this sentence
    prev_person: str = ""  # the last person named before this sentence
    prev_first: str = ""  # the person named in the subject of the sentence before
    subject_span: tuple = (0, 0)  # where this sentence's subject is written
    opener: tuple = (-1, "")  # (offset, body) of a "the authority" that opens this sentence
    last_speaker: str = ""  # the last proper-named subject of a reporting verb
    body_speaker: str = ""  # the last speaker a "the council" stood for: a body, no "she"
    speaker_sent: int = -9  # the sentence that named it
    speaker_by_pronoun: bool = False  # a "she said" stood for it: the guess may be wrong
    sent_no: int = 0
    text: str = ""  # the whole article's text (a parse holds one paragraph)
    sent_persons: list = field(default_factory=list)  # (offset, name) in this sentence
    surnames: dict = field(default_factory=dict)  # surname -> full name of people named
    count: int = 0


_TEXTS: dict = {}

# Marks that open and close a quotation, as the tokenizer writes them.
OPENING_MARKS = ('"', "“", "``")
CLOSING_MARKS = ('"', "”", "''")


# "One day, he left": a lone "one" before a singular unit, unhyphenated, is an idiom
# (idiom_one_units.txt).
_IDIOM_ONE = shipped("idiom_one_units")


def _inverted_condition(tok) -> bool:
    """A modal that opens a condition by inversion ("Should the talks fail, ..."), which
    says "if", not "maybe": first in its clause (after a "that", an "and" or a comma: "said
    that, should the talks fail, ..."), its verb's subject after it."""
    if tok.tag_ != "MD":
        return False
    prev = tok.doc[tok.i - 1] if tok.i > tok.sent.start else None
    if tok.i != tok.head.left_edge.i and prev is not None and not (
            prev.is_punct or prev.lower_ in ("that", "and", "but", "or")):
        return False  # (first in its verb's subtree, or after a mark: a repair may have
        # hung the sentence's opening phrase on the verb)
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.i > tok.i for c in tok.head.children)


# The modals of a purpose ("so that crews can reach it"; purpose_modals.txt); a negated modal
# tells a result.
_PURPOSE_MODALS = shipped("purpose_modals")


def purpose_clause(verb) -> bool:
    """A clause of purpose: "so that" or "in order that" opens it, and a modal stands on its
    verb ("moved so that contractors could repair the cables", "shuts so that the wall can
    be repaired"), or "so" with no comma before it and "can" or "could" ("applied for a
    licence so it can pump more"). Its modal says what the act is for, not how sure anyone
    is, and its "so" gives no consequence ("it rained, so that the match was abandoned" has
    no modal, "so that the ferry could not sail" a negated one: a result)."""
    marks = sorted((m for m in verb.children if m.dep_ == "mark" and m.lower_ in ("that", "so")),
                   key=lambda m: m.lower_ != "that")  # "so that": its "that" first
    modal = [c for c in verb.children if c.tag_ == "MD"]
    if not marks or not modal or modal[0].lower_ not in _PURPOSE_MODALS \
            or any(c.dep_ == "neg" for c in verb.children):
        return False  # "so that the ferry could not sail", "so that homes would flood": a
        # result
    doc, at = verb.doc, marks[0].i
    if marks[0].lower_ == "so":  # "so it can pump more", with no comma before "so"
        return at >= 1 and doc[at - 1].is_alpha and modal[0].lower_ in ("can", "could")
    return at >= 1 and doc[at - 1].lower_ == "so" or \
        at >= 2 and doc[at - 2].lower_ == "in" and doc[at - 1].lower_ == "order"


def _subordinate(verb) -> bool:
    """A verb opened by a subordinating word other than "that" ("three months after an
    inspector *warned* the operator"): where the parser makes the main clause before it its
    complement, a reporting verb there frames no report of that clause."""
    return any(m.dep_ == "mark" and m.lower_ not in ("that", "whether") for m in verb.children)


def _verbal(tok) -> bool:
    """A verb, or a verb the tagger read as a plural noun in a coordination ("has opened an
    inquiry and *plans* to refer it": a noun with its own "to" clause)."""
    return tok.pos_ in ("VERB", "AUX") or (
        tok.pos_ == "NOUN" and tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX")
        and any(c.dep_ == "xcomp" for c in tok.children))


def _person(state: _State, at: int, clause_from: int = -1) -> str:
    """Whom "he" or "she" at offset ``at`` stands for: a person named before it in its
    sentence, else the named speaker of this sentence or the one before ('..., organiser Ana
    Ruiz said. "...," she said.'; also a voice such as "A Tessel spokeswoman denied that."),
    else the person named in the subject of the sentence before ("Prosecutor Ines Varga opened
    the case against Tom Hale ... Nine birds died, she said"), else the last person named
    before this sentence ("She said she would meet Ana Ruiz" is not Ruiz's). A person counts as
    named by a name set beside a title whatever the tagger's label, and by the surname of a
    person named earlier ("Marsh"). A person named inside the clause the pronoun's frame
    closes, after its subject (from ``clause_from`` on: "X is reviewing its contract with
    Pellow and Harriet Quayle, she said"), is what she spoke of, not her; its subject may be
    her ("Director Mary Fenn will step down, she said"). A body that "the council" stood for
    is nobody's "she"."""
    before = [name for pos, name in state.sent_persons
              if pos < at and not 0 <= clause_from <= pos]
    if before:
        return before[-1]
    if state.last_speaker and state.speaker_sent >= state.sent_no - 1 \
            and state.last_speaker != state.body_speaker:
        # (a body that spoke is no "she": 'She said the council told her X. "...," she said')
        return state.last_speaker
    return state.prev_first or state.prev_person or state.last_person


def _counts_a_duration(span) -> bool:
    """True for a date entity that counts units of time with a number word ("three weeks",
    "six-year", "one-month"), but not the idiom "one day"."""
    words = [t for t in span if not t.is_punct]
    for i, t in enumerate(words[:-1]):
        unit = words[i + 1].lower_
        if not t.like_num or not duration_unit(unit):
            continue
        hyphenated = t.i + 2 < len(t.doc) and t.doc[t.i + 1].text == "-"
        if t.lower_ == "one" and unit in _IDIOM_ONE and not hyphenated:
            continue
        return True
    return False


def _states_a_number(span) -> bool:
    """True when a numeric entity holds a number: a digit, a number word, or a magnitude
    ("hundreds", "dozens")."""
    for t in span:
        if t.like_num or any(ch.isdigit() for ch in t.text):
            return True
        if is_magnitude(t.text):
            return True
    return False


def _doc_text(doc) -> str:
    """A doc's text: a ``DocView`` holds it; ``doc.text`` of a spaCy Doc (which some tests
    hand the extractor's parts) joins every token on each call, so keep the last few."""
    if isinstance(doc, DocView):
        return doc.text
    key = id(doc)
    hit = _TEXTS.get(key)
    if hit is not None and hit[0] is doc:
        return hit[1]
    if len(_TEXTS) > 64:
        _TEXTS.clear()
    text = doc.text
    _TEXTS[key] = (doc, text)
    return text


def _subtree(tok):
    """The tokens of a subtree (spaCy's parses are projective, so it is a contiguous span)."""
    return tok.doc[tok.left_edge.i:tok.right_edge.i + 1]


def _shift_attr(attr: Optional[Attribution], off: int) -> Optional[Attribution]:
    """An attribution with unit-relative offsets moved to article offsets."""
    if attr is None:
        return None
    return replace(attr, start=attr.start + off, end=attr.end + off,
                   outer=_shift_attr(attr.outer, off))


def _shift_cue(cue: Optional[Cue], off: int) -> Optional[Cue]:
    return None if cue is None else replace(cue, start=cue.start + off, end=cue.end + off)


def _shift_certainty(c: Certainty, off: int) -> Certainty:
    """A certainty record with its cues moved to article offsets."""
    return replace(c, hedges=tuple(_shift_cue(x, off) for x in c.hedges),
                   attempts=tuple(_shift_cue(x, off) for x in c.attempts),
                   boosters=tuple(_shift_cue(x, off) for x in c.boosters),
                   factive_cue=_shift_cue(c.factive_cue, off))


# The parts of speech of a word a name's slot can depend on: "commissioned by X", "a
# subsidiary of X", "the X review"; not a pronoun, a number or a function word.
_SLOT_HEADS = frozenset({"NOUN", "VERB", "ADJ"})


def name_slot(root, relations) -> str:
    """The slot a name fills in its sentence, as "<relation> <lemma of the word it depends
    on>": "by commission" for "commissioned by the Westmarch board", "of subsidiary" for "a
    subsidiary of the group", "of review" for "the board's review" and "the board review".
    ``relations`` maps a preposition to its relation (the ``relation_prepositions`` lexicon).
    A conjunct fills its first conjunct's slot ("by X and Y"), a name in apposition its
    noun's ("a subsidiary of its parent, Dunmere Group": "of subsidiary"); a subject, an object
    or a preposition not listed fills none ('')."""
    tok, steps = root, 0
    while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i and steps < 4:
        tok, steps = tok.head, steps + 1
    if tok.dep_ in ("poss", "compound"):
        gov, relation = tok.head, "of"
    elif tok.dep_ == "pobj" and tok.head.i != tok.i:
        prep = tok.head
        relation = relations.get(prep.lower_, "")
        gov = prep.head
        if not relation or gov.i == prep.i:
            return ""
    else:
        return ""
    if gov.i == tok.i or gov.pos_ not in _SLOT_HEADS:
        return ""
    if tok.dep_ in ("poss", "compound") and gov.pos_ not in ("NOUN", "PROPN"):
        return ""  # a possessive hung on a verb: a misparse ("the agency's report shows"
        # with "report" read as a modifier of "shows")
    return f"{relation} {gov.lemma_.lower()}"


def _comment_on_it(verb, comps) -> bool:
    """A reporting verb whose clause comments on the statement before it, which the parser
    hung on the verb as a second complement: "The council voted to cap rents, a move
    landlords said could push them to sell" (what the landlords said follows the verb; the
    vote is the writer's own statement). The verb's subject opens with "a" or "an" after a
    comma, and the verb has complements on both sides."""
    before = [c for c in comps if c.i < verb.i]
    if not before or not any(c.i > verb.i for c in comps):
        return False
    subj = next((c for c in verb.children if c.dep_ in SUBJ_DEPS), None)
    if subj is None:
        return False
    first = subj.left_edge
    return first.lower_ in INDEFINITE_ARTICLES and first.i > 0 \
        and first.doc[first.i - 1].text == "," \
        and first.i > max(c.right_edge.i for c in before)

def _reported_thing(verb, addressee_verbs, frame_subjects) -> bool:
    """A passive reporting verb whose subject is the thing reported, not a frame: "no other
    injuries have been reported", "two cases were reported in May". An empty subject pronoun
    ("It was reported that ...") and the hearer of a verb of telling ("the court was told")
    frame the clause they report."""
    return verb.lemma_.lower() not in addressee_verbs and any(
        c.dep_ == "nsubjpass" and c.lower_ not in frame_subjects for c in verb.children)


def speaking_subject(verb, deps=("nsubj", "nsubjpass")):
    """The verb's subject; of two ("Outside court, Ingmar Solberg ... said", as the parser
    may read it), the one that is a name."""
    subjs = [c for c in verb.children if c.dep_ in deps]
    if len(subjs) > 1:
        return next((c for c in subjs if c.pos_ == "PROPN"), subjs[0])
    return subjs[0] if subjs else None


def semicolon_between(tok) -> bool:
    """A semicolon stands between a clause and the word it hangs from (also one the parser
    made the clause's own first or last word: "A said X; B rejected Y")."""
    head = tok.head
    if head is tok:
        return False
    lo, hi = (tok.right_edge.i - 1, head.i) if tok.i < head.i else (head.i, tok.left_edge.i + 1)
    return any(t.text == ";" for t in tok.doc[lo + 1:hi])


def in_credit(noun, deep: bool):
    """The source of an "according to" (its object) that the noun is, or (``deep``) that
    holds the noun inside its own phrase ("according to a survey paid for by the
    parish": "parish" is in "survey"'s phrase), else None. Read by the clause walker and
    the speaker reader."""
    for _ in range(4 if deep else 1):
        prep = noun.head
        if noun.dep_ == "pobj" and prep.lower_ == "to" and prep.head.lower_ == "according":
            return noun
        if noun.dep_ not in ("pobj", "appos", "compound") or prep is noun:
            return None
        noun = prep.head if prep.dep_ in ("prep", "agent") else prep
        if noun.dep_ == "acl":
            noun = noun.head
    return None


def raised_report(head, comps) -> bool:
    """A verb of saying or thinking followed by "to be" or "to have" ("thought to be", "said
    to have fled"), its subject a pronoun, a count or a share ("some of them", "both"),
    after a comma that ends a clause the parser made its complement: a passive report on
    the phrase before it, not a speaker saying that clause (not "the council announced to
    give drivers time", a purpose)."""
    nxt = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return nxt is not None and nxt.lower_ == "to" \
        and subj is not None and subj.tag_ in ("PRP", "DT", "CD", "PDT") \
        and any(c.dep_ == "xcomp" and c.lemma_.lower() in ("be", "have")
                or c.dep_ == "xcomp" and any(a.lemma_.lower() in ("be", "have")
                                             for a in c.children if a.dep_.startswith("aux"))
                for c in head.children) \
        and any(c.i < head.i and any(t.text == "," for t in head.doc[c.right_edge.i + 1:head.i])
                for c in comps)
