"""Who acts in a claim: the subject's words and its head, the claim that holds a second verb's
subject ("The club sold the ground *and has leased* it back"), whether the head names someone
who can act (a name, a noun whose commonest sense is a person, group or place, or a common
noun standing for a named body: "the *authority*" for "the National Water Authority"), the
keys that name that actor, and whether it is a person or a body.

Read by DU804 (rules/unsupported_action.py), which asks whether a source states a verb of
the same actor.
"""

from __future__ import annotations

import re

from checker.align import key, text_keys
from checker.lexicon import shipped
from checker.records import memo_on

# WordNet lexicographer files of nouns that name someone who can act: a person, a group or
# organisation, a place standing for its government ("the city ordered").
GROUP_LEXNAME, PERSON_LEXNAME = 14, 18  # noun.group, noun.person
COMMUNICATION_LEXNAME = 10  # noun.communication: a document, a report, a figure
ACTOR_LEXNAMES = frozenset({GROUP_LEXNAME, 15, PERSON_LEXNAME})
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_POST_MODIFIER = re.compile(
    r"\b(?:of|by|in|at|for|from|with|who|which|that|on)\s+(?:the\s+|a\s+|an\s+)?$", re.I)
# A capitalised word followed by another: the end of a multi-word name.
_NAME_END = re.compile(r"\b([A-Z][\w'’.-]*)[ ]+(?=([A-Z][a-z]+)\b)")


def subject_head(claim) -> str:
    """The key of the last noun of the claim's subject (``subject_words``), or ''."""
    nouns = [w for w in subject_words(claim) if w.pos in ("NOUN", "PROPN")]
    return key(nouns[-1].lemma) if nouns else ""


def subject_words(dc) -> list:
    """The claim's words inside its subject, up to a comma (an apposition aside)."""
    pos = dc.text.find(dc.subject) if dc.subject else -1
    if pos < 0:
        return []
    s0 = dc.start + pos
    s1 = s0 + len(dc.subject.split(",")[0])
    out = []
    for w in dc.words:
        if s0 <= w.start < s1:
            if out and (w.pos == "VERB" or _POST_MODIFIER.search(dc.text[:w.start - dc.start])):
                break  # "a trial run by X", "the head of X": the head comes before
            out.append(w)
    return out


def subject_claim(claims, dc, coordinators):
    """The claim whose text holds the claim's subject: the claim itself, or for a second
    verb sharing the first one's subject ("The club sold the ground *and has leased* it
    back"), the claim (among ``claims``) that opens the sentence and names it; not a clause
    reported inside the sentence ("The firm said the cranes work and blamed ...": the
    parse may give "blamed" the reported clause's subject), nor a participle without its
    conjunction ("its paper, sat by 900 students")."""
    if not dc.subject or dc.subject in dc.text:
        return dc
    before = dc.sentence[:max(0, dc.start - dc.sent_start)].split()[-1:]
    if not before or before[0].strip(",;").lower() not in coordinators:
        return dc
    for c in claims:
        if (c.doc_id == dc.doc_id and c.start == c.sent_start == dc.sent_start
                and c.start < dc.start and c.text.startswith(dc.subject)):
            return c
    return dc


def actor_head(ctx, dc):
    """The head word of the claim's subject when it names someone who can act, else None:
    a named actor, a noun whose commonest sense is a person, group or place, or the last
    word of a named body or person of the sources or the derived text ("the *authority*"
    for "the National Water Authority", though an authority is first a power)."""
    heads = [w for w in subject_words(dc) if w.pos in ("NOUN", "PROPN")]
    if not heads:
        return None
    head = heads[-1]
    if any(e.label in ACTOR_LABELS and e.start <= head.start < e.end for e in dc.entities):
        return head
    wn = ctx.wordnet
    if head.pos == "NOUN" and wn.available:
        senses = wn.senses(head.lemma, "noun", 1)
        if senses and senses[0].lexname in ACTOR_LEXNAMES:
            return head
    if head.pos == "NOUN" and head.text.islower() and key(head.lemma) in _name_heads(ctx):
        return head
    return None


def _name_heads(ctx) -> frozenset:
    """Keys of the capitalised last word of a name in the sources or the derived text
    ("Authority" of "the National Water Authority"): a common noun that may stand for it."""
    function = ctx.lexicon.words["function_words"]

    def heads(text):
        return {key(m.group(2)) for m in _NAME_END.finditer(text)
                if m.group(1).lower() not in function}
    src = memo_on(ctx.index, "_actor_name_heads",
                  lambda: frozenset(k for s in ctx.sources for k in heads(s.text)))
    return src | ctx.memo("actor-name-heads", lambda c: frozenset(heads(c.derived.text)))


def actor_of(dc, head) -> set:
    """Keys that name the actor: the words of its proper name ("Pellham Therapeutics"), or
    its head noun ("the Tolland *council*")."""
    if head.pos == "PROPN":
        return {key(w.lemma) for w in subject_words(dc) if w.pos == "PROPN"}
    return {key(head.lemma)}


def actor_keys(ctx, text: str) -> set:
    """The keys of an actor's words, function words left out: too general to tell one actor
    from another."""
    function = ctx.lexicon.words["function_words"]
    return {k for k in text_keys(text) if k not in function}


def head_keys(claim) -> set:
    """Keys of the claim's subject head ("A city *audit* completed in 2024") and of the proper
    name it belongs to (once per claim: every derived claim asks of every source claim)."""
    def compute():
        heads = [w for w in subject_words(claim) if w.pos in ("NOUN", "PROPN")]
        return frozenset(actor_of(claim, heads[-1])) if heads else frozenset()
    return memo_on(claim, "_actor_head_keys", compute)


def described_actor(ctx, dc, head) -> bool:
    """A common-noun actor ("the company", "the pair") that names none of the sources'
    named bodies: it may stand for any of them, so there is no actor to compare."""
    if head.pos == "PROPN" or any(w.pos == "PROPN" for w in subject_words(dc)):
        return False
    k = key(head.lemma)
    return not any(k in text_keys(norm) for norm in ctx.index.entity_norms)


def is_person(ctx, claim, head=None):
    """True when a claim's subject is a person ("he", a person's name, "the judge"), False
    when it is a body or a place ("the city", "the company"), None when it cannot tell."""
    if head is None:
        if claim.subject.lower() in ctx.lexicon.words["pronouns_person"]:
            return True
        named = subject_claim(ctx.index.claims, claim,
                              ctx.lexicon.words["coordinators"]).entities
        if any(e.label == "PERSON" and e.text in claim.subject for e in named):
            return True
        heads = [w for w in subject_words(claim) if w.pos in ("NOUN", "PROPN")]
        if not heads or heads[-1].pos != "NOUN":
            return None
        head = heads[-1]
    senses = ctx.wordnet.senses(head.lemma, "noun", 1) if ctx.wordnet.available else []
    if not senses:
        return None
    return senses[0].lexname == PERSON_LEXNAME


def may_name_people(ctx, lemma: str, senses: int = 3) -> bool:
    """One of a noun's first WordNet senses is a kind of person ("cleaners", whose first
    sense is a substance); False without WordNet."""
    return ctx.wordnet.available and any(
        s.lexname == PERSON_LEXNAME for s in ctx.wordnet.senses(lemma, "noun", senses))


def may_name_actor(ctx, lemma: str, senses: int = 3) -> bool:
    """One of a noun's first WordNet senses is a person, a group or a place, who can act or
    speak ("numbers" has none: a thing); False without WordNet."""
    return ctx.wordnet.available and any(
        s.lexname in ACTOR_LEXNAMES for s in ctx.wordnet.senses(lemma, "noun", senses))


BE_FORMS = shipped("be_forms")


def passive_before(text: str, within: int = 2) -> bool:
    """A form of "be" among the last ``within`` words of ``text``, the words before a verb:
    the verb is passive or a state ("was *forced*", "will be *shut*")."""
    return any(w.lower() in BE_FORMS for w in text.split()[-within:])


def passive_verb(claim) -> bool:
    """The claim's own verb is passive ("the channel is projected to bring", "Staff had been
    told to accept the score")."""
    verb = claim.predicate_text
    at = claim.text.find(verb) if verb else -1
    # "is recalling": a form of "be" before a verb in -ing is no passive
    return at > 0 and not verb.lower().endswith("ing") and passive_before(claim.text[:at])
