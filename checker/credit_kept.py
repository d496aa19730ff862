"""Whether a derived claim keeps its source's credit, or needs none (DA101,
``rules/attribution_dropped.py``): a claim that is none of the writer's to credit, a
quotation (``quoted``) or a party's silence and its reason (``silence``); a claim that
credits no one of its own (``unattributed``); and the derived text naming the source where
it covers the claim (``credited``, ``names``, ``nameable``)."""

from __future__ import annotations

import re

from checker.actors import GROUP_LEXNAME, PERSON_LEXNAME, passive_verb
from checker.align import claim_keys, text_keys
from checker.attribution import (
    credited_nearby,
    is_anonymous,
    named_in_sentence,
    placed,
    source_name,
    unnamed_on_purpose,
)
from checker.claim_reading import head_word, verb_at


def silence(ctx, dc) -> bool:
    """The claim says a party said nothing ("The authority would not comment",
    silence_phrases.txt), or gives the reason it says nothing ("... while proceedings are
    ongoing"): the reporter's own knowledge."""
    def said(text):
        low = " ".join(re.findall(r"[a-z]+", text.lower()))
        return any(f" {p} " in f" {low} " for p in ctx.lexicon.entries("silence_phrases"))
    before = ctx.derived.text[dc.sent_start:dc.start]
    return said(dc.text) or said(before) and re.search(
        r"\b(?:while|until|because|as)\s*$", before, re.I) is not None


def quoted(dc) -> bool:
    """Most of the claim lies inside quotation marks: a quotation, not the writer's claim."""
    inside = sum(max(0, min(q.end, dc.end) - max(q.start, dc.start)) for q in dc.quotes)
    return inside >= 0.5 * max(1, dc.end - dc.start)


def unattributed(dc, verbs, lex) -> bool:
    """The derived claim credits no one: no attribution, and no reporting verb of its own
    ("The agency reported 1,150 damaged homes" credits its subject), unless the report is
    itself a forecast ("The sergeant is expected to argue that ...": who expects it?) or
    a passive verb of telling whose subject heard it ("Staff had been told to accept the
    score": who told them, the claim does not say), or a passive verb of reporting with no
    agent, whose subject is the thing reported ("The pump had been reported faulty":
    attribution_passive.txt; not "admitted to hospital", "quoted a price"), or a verb that
    with a sum of money takes the money ("claimed £40,000 in relief": money_taking_verbs.txt),
    or one a particle makes another verb ("wrote off £3.4m": report_verb_particles.txt), or
    one that reports nothing but its addressee ("14 developers have complained to the
    regulator": the count of those who spoke is itself a claim)."""
    forecast = bool(dc.certainty.attempts or dc.certainty.hedges)
    passive = passive_verb(dc)
    heard = lex.has("addressee_verbs", dc.predicate) and passive
    reported = passive and lex.has("attribution_passive", dc.predicate) \
        and not _AGENT.search(dc.text)
    money = lex.has("money_taking_verbs", dc.predicate) and any(
        q.kind == "money" for q in dc.quantities)  # "claimed £40,000 in relief"
    return dc.attribution is None and (dc.predicate not in verbs or forecast or heard
                                       or reported or money or _particle_after(dc, lex)
                                       or _nothing_reported(dc))


# an addressee, not what was said: "complained to the regulator", "wrote to Ms Hale"
_TO_ADDRESSEE = re.compile(r"to\s+(?:the|a|an|its|their|his|her|[A-Z])\b")


def _nothing_reported(dc) -> bool:
    """The claim's verb of saying reports nothing but its addressee ("14 developers have
    complained to the regulator"), so it tells that people spoke, an event someone counted,
    not what they said. (A claim with no object may still report a gerund or a clause the
    extractor keeps apart: "denies accepting the money".)"""
    return _TO_ADDRESSEE.match(dc.object.strip()) is not None


def _particle_after(dc, lex) -> bool:
    """The claim's verb of saying takes a particle that makes it another verb ("Dunmore
    wrote off £3.4m", "called off the strike": report_verb_particles.txt)."""
    at = verb_at(dc)
    after = dc.text[at + len(dc.predicate_text):].split()[:1] if at >= 0 else []
    return bool(after) and lex.has("report_verb_particles", after[0].lower())


_AGENT = re.compile(r"\bby\b", re.I)  # "was reported by the Herald": the agent reports


def credited(ctx, dc, sc, generic) -> bool:
    """The derived text names the source claim's source where it covers the derived claim."""
    name = source_name(sc.attribution, generic)
    if not nameable(name):
        return False
    if dc.attribution is not None and dc.attribution.source:
        return True
    # unnamed people ("two nurses in the emergency department") are credited by their noun
    # inside the claim only with a verb of saying after it; a document or a body by its
    # noun alone ("Department figures show ...", "the court heard")
    return names(ctx, dc, name, generic, with_verb=said_verbs(ctx, sc.attribution, sc, generic),
                 places=not placed(sc.attribution.source, name),
                 said_outside=said_outside(ctx, sc.attribution, sc, generic))


def told_by_participle(ctx, dc, sc) -> bool:
    """The derived claim gives the source claim's words after a participle of saying that
    its subject speaks, the subject's head a word of the source speaker's name ("The
    board brushed the charge aside, calling the audit "sound"" for "a board spokeswoman said the
    audit was "sound""): a comma, then a verb of saying in "-ing" (attribution_verbs.txt),
    and two or more of the source claim's content words after it. Known false positive: a
    participle that reports other words than the claim's ("closed the pool, saying it was
    unsafe" where the source credits the closing to someone else)."""
    att = sc.attribution
    if att is None or not att.source:
        return False
    generic = ctx.lexicon.entries("attribution_generic") | ctx.lexicon.entries("function_words")
    speaker = {w for w in re.findall(r"[a-z]+", att.source.lower()) if w not in generic}
    if re.sub(r"['’]s?$", "", head_word(dc.subject, ctx.lexicon)) not in speaker:
        return False  # the subject's head must be the speaker's word: not "The council
        # rejected ..." nor "The landlord's tenants rejected ..." for the landlord's voice
    verbs = ctx.lexicon.entries("attribution_verbs")
    return any(w.pos == "VERB" and w.text.lower().endswith("ing")
               and w.lemma.lower() in verbs
               and dc.text[:w.start - dc.start].rstrip().endswith(",")
               and len(text_keys(dc.text[w.end - dc.start:]) & claim_keys(sc)) >= 2
               for w in dc.words)


def said_outside(ctx, attr, sc, generic) -> bool:
    """A mention of the source outside the derived claim credits it only with a verb of
    saying after it (``attribution.named_in_sentence``): the source is people who speak
    unnamed on purpose, or unnamed people by a noun for persons ("one warden"), whom the
    same noun in another clause does not name ("hired six more wardens"); not a body
    described by its kind ("an exam board"), which the derived text may name anywhere."""
    return unnamed_on_purpose(sc.sentence) or _unnamed_people(
        ctx, attr, source_name(attr, generic), generic, kinds=(PERSON_LEXNAME,))


def said_verbs(ctx, attr, sc, generic) -> frozenset:
    """The verbs of saying that must follow a mention of the source ``attr`` of claim ``sc``
    for the mention to credit it: those of attribution_verbs.txt and speech_verbs.txt when
    the source is unnamed people or speaks unnamed on purpose (officials of a body who speak
    on condition of anonymity: the body named as the claim's subject does not credit them),
    else none."""
    name = source_name(attr, generic)
    if _unnamed_people(ctx, attr, name, generic) or unnamed_on_purpose(sc.sentence):
        return frozenset(ctx.lexicon.words.get("attribution_verbs", ())) | frozenset(
            ctx.lexicon.words.get("speech_verbs", ()))
    return frozenset()


def _unnamed_people(ctx, attr, name, generic,
                    kinds=(PERSON_LEXNAME, GROUP_LEXNAME)) -> bool:
    """The source is unnamed people ("two nurses in the emergency department", "two people
    familiar with the talks"): indefinite, its head's commonest WordNet sense a person or a
    group of them (of ``kinds``); not a document ("provisional figures")."""
    head = name.head or attr.head
    if not head or name.definite or not is_anonymous(attr, generic) \
            or not ctx.wordnet.available:
        return False
    senses = ctx.wordnet.senses(attr.head or head, "noun", 1)
    return bool(senses) and senses[0].lexname in kinds


def nameable(name) -> bool:
    """The source's name (``attribution.source_name``) has something to look for in the
    derived text: a run of names, words or a head noun."""
    return bool(name.runs or name.words or name.head)


def names(ctx, dc, name, generic, *, with_verb: frozenset = frozenset(),
          places: bool = True, said_outside: bool = False) -> bool:
    """The derived text names a source in the claim's sentence or, where it covers it, in
    the next or the one before (``attribution.credited_nearby``)."""
    text = ctx.derived.text
    return named_in_sentence(dc, text, name, with_verb=with_verb, places=places,
                             said_outside=said_outside) \
        or credited_nearby(dc, text, name, ctx.derived_claims, generic, ctx.source_text,
                           accounts=ctx.lexicon.entries("account_nouns")
                           | ctx.lexicon.entries("finding_nouns"))
