"""Whom the sources credit with a claim, and whether they credit a given speaker with it:
the attribution's source or the party a subject credits (``credited``), a speaker inside a
report (``inner_speaker``), the same claim credited elsewhere (``says_it_too``,
``credited_elsewhere``, ``credited_in_part``), and a description by kind that cannot stand
for a body of another kind (``other_body``). Read by DA102 (``rules/attribution_changed.py``).
"""

from __future__ import annotations

import re

from checker.actors import passive_verb
from checker.align import claim_keys, key, text_keys
from checker.claim_content import same_content
from checker.descriptions import (document_author, lede_kind, resolve_description,
                                  subject_credit)
from checker.names import norm_name
from checker.party_kinds import names_of_kind, one_public_group, other_kind, stand_in_noun
from checker.same_source import VAGUE, same_source, witness_group
from checker.source_phrase import anaphoric, core, has_name, owner_named_before, pronoun_owned


def other_body(ctx, kind: str, who: str) -> bool:
    """The derived description by a kind of body ("the union") cannot stand for ``who``, a
    body of another kind (``party_kinds.other_kind``), unless the sources themselves call
    some body by that description and name none of its kind: then it may be ``who`` ("the
    union" for "the Postal Workers' Federation"). A body named by what it does ("the
    Post Regulator": body_roles.txt) or a news outlet (outlet_heads.txt) is never such a
    kind's."""
    if not other_kind(kind, who, ctx.source_text, ctx.wordnet, ctx.lexicon):
        return False
    words = re.findall(r"[A-Za-z]+", who)
    if words and (ctx.lexicon.has("body_roles", words[-1].lower())
                  or ctx.lexicon.has("outlet_heads", words[-1].lower())
                  and not ctx.lexicon.has("outlet_heads", kind.lower())):
        return True  # "the club" is never the "Wrenmouth Gazette" that reported it
    if lede_kind(ctx, kind, who):
        return False  # the lede's "national grid operator" for the body it names next
    return not (re.search(rf"\bthe\s+{re.escape(kind)}\b", ctx.source_text, re.I)
                and not names_of_kind(ctx.source_text, kind))


def other_kind_of(ctx, kind: str, sc, who: str) -> bool:
    """``other_body`` for whom the source credits: the name, or the whole speaker phrase
    that ties a person to a body ("Delia Fenwright, who chairs the Growers' Union" is no
    company's voice)."""
    full = sc.attribution.source if sc.attribution is not None else ""
    return other_body(ctx, kind, who) or bool(full) and other_body(ctx, kind, full)


def inner_speaker(ctx, sc, source: str) -> bool:
    """The derived source is the speaker inside the source's report ("The association's
    lawyers are expected to argue that X, according to a person familiar with its plans":
    the lawyers argue X). Dropping the outer source is DA101's to judge, not a changed one."""
    if sc.attribution is None or not sc.subject:
        return False
    lex = ctx.lexicon
    if not any(lex.has(role, sc.predicate) for role in ("speech_verbs", "attribution_verbs")):
        return False
    who = resolve_description(ctx, sc.doc_id, sc.subject)
    if has_name(source) and not has_name(who) and (
            not stand_in_noun(who) or witness_group(sc.attribution.source)):
        return False  # "the housing department had asked" is no named speaker's report;
        # "the operator" may be the named party (judged by ``same_source``), but not on the
        # word of people who only know of it ("two people familiar with the talks")
    return same_source(source, who)


def credited(ctx, sc, verbs: frozenset) -> str:
    """Whom the source credits with a claim: its attribution's source, a description
    ("the association") read as the one name the article gives it, the party its subject
    credits ("a survey by the union found"), or the one person the sentence before names,
    for "he" or "she" finding it ("She found that ..."); "" when the claim names nobody."""
    if sc.attribution is not None and sc.attribution.source:
        return named_credit(ctx, sc.doc_id, sc.attribution.source)
    spoken = next((q.speaker for q in sc.quotes if q.speaker and q.start <= sc.start + 1
                   and q.end >= sc.end - 1), "")
    if spoken:  # a sentence that is all one quotation, on from its speaker's ('"...," he
        # said. "Every ward will get a visit."')
        return resolve_description(ctx, sc.doc_id, spoken)
    lex = ctx.lexicon
    finding = lex.entries("factive") | lex.entries("finding_verbs")  # "seismologists recorded"
    if sc.predicate in finding and sc.subject.strip().lower() in ("he", "she"):
        return _person_before(ctx, sc)  # "She found that ..." after a sentence naming her
    party = subject_credit(sc, verbs | finding, finding)
    if not party:
        return ""
    party = resolve_description(ctx, sc.doc_id, party)
    return party if has_name(party) else ""


def _person_before(ctx, sc) -> str:
    """The one person the claim's article names as a subject in the sentence before the
    claim's (or earlier in its own), for a "he" or "she" that is its subject ("adjudicator
    Ann Ely allowed 11 appeals. She found that ..."; not a person named elsewhere in it,
    "after a complaint by Mark Dyer"); '' when none or two are named there."""
    claims = ctx.claims_of(sc.doc_id)
    before = [c for c in claims if c.sent_end <= sc.sent_start]
    if not before:
        return ""
    last = before[-1].sent_start
    people = {e.norm: e.text for c in claims if c.sent_start == last
              or c.sent_start == sc.sent_start and c.end <= sc.start
              for e in c.entities if e.label == "PERSON" and e.norm and e.text[:1].isupper()
              and e.role == "subject"}
    return next(iter(people.values())) if len(people) == 1 else ""


def named_credit(ctx, doc_id: str, source: str) -> str:
    """A source attribution as the name it stands for: the writer of a document the article
    names as such ("the ruling" where "Marlow wrote in her 30-page ruling"), or a
    description's one name ("the association")."""
    return document_author(ctx, doc_id, source) or resolve_description(ctx, doc_id, source)


def says_it_too(ctx, dc, source: str, kind: str = "") -> bool:
    """The source credits the derived source with a claim of the same verb and subject or
    object ("the league confirmed it had received a notice"), or with the same claim in a
    verb of one WordNet sense with it (four of its words, half of them, in the sentence): a
    background clause of the derived claim ("..., the group that agreed to buy the club")
    matched another claim; or makes it the subject of a verb of judging (judging_verbs.txt:
    "expects", "estimates", "believes") in a claim sharing three of its words and its verb
    ("The authority expects the shortage to last until May")."""
    pred, dk = key(dc.predicate), claim_keys(dc)
    wn = ctx.wordnet
    synonyms = {key(s) for s in wn.synonyms(dc.predicate, "verb")} if wn.available else set()
    for sc in ctx.index.claims:
        if sc.subject and _judges(ctx.lexicon, sc.predicate) and not passive_verb(sc) \
                and len(dk & claim_keys(sc)) >= 3 \
                and pred in claim_keys(sc) \
                and same_source(source, resolve_description(ctx, sc.doc_id, _judge(ctx, sc))):
            return True  # "The authority expects the shortage to last until May" for "By the
            # authority's estimate, supplies will not recover before May"
        if sc.attribution is None or not sc.attribution.source \
                or norm_name(sc.attribution.source) in VAGUE:
            continue  # "groundsman suspended, sources say" credits nobody
        shared = len(dk & claim_keys(sc))
        if key(sc.predicate) != pred and not (key(sc.predicate) in synonyms
                                              and _same_sentence_content(dk, sc)):
            continue  # the same verb, or the same content in a synonym ("samples contained
            # ammonia at 2.4 times the limit" for "samples held 2.4 times the ammonia")
        who = named_credit(ctx, sc.doc_id, sc.attribution.source)
        if same_source(source, who) and shared >= 2 \
                and not (kind and other_kind_of(ctx, kind, sc, who)) \
                and not _someone_elses_officer(ctx, sc, source, who):
            return True
    return False


def _judge(ctx, sc) -> str:
    """Who judges in a claim of judging: its subject, or for a pronoun ("she said she
    expects ..."), the speaker it is attributed to; "-" when a pronoun has none (a pronoun
    is no party to compare)."""
    if not ctx.lexicon.has("pronouns_subject", sc.subject.strip().lower()):
        return sc.subject
    att = sc.attribution
    return att.source if att is not None and att.source and not anaphoric(att.source) else "-"


def _someone_elses_officer(ctx, sc, description: str, who: str) -> bool:
    """A description of a body ("the health board") against an officer a pronoun owns ("its
    operations director, Ines Varga") whose sentence and the one before it name no
    such body: the officer of another party (the firm the sentence before named)."""
    art = ctx.doc_of.get(sc.doc_id)
    return art is not None and anaphoric(core(description)) and pronoun_owned(who) \
        and not owner_named_before(art.text, sc.sent_start, sc.sent_end, description)


def credited_elsewhere(ctx, sc, source: str) -> bool:
    """Another source article tells the supporting claim's fact and credits the derived
    speaker with it: two outlets that attribute one fact differently ("according to court
    documents" in one, "according to the authority's head of fire protection" in the other),
    and the derived text follows the second; or gives the claim's figure as made by the
    derived speaker ("The trust's figure of 90 deaths was worked out by Dr Ola Penn")."""
    figures = {q.norm for q in sc.quantities}
    for o in ctx.index.claims:
        if o.doc_id == sc.doc_id:
            continue
        if figures and any(same_source(source, m.group(1)) and any(
                q.norm in figures and 0 <= m.start() - (q.start - o.sent_start) <= 80
                for q in o.quantities) for m in _MADE_BY.finditer(o.sentence)):
            return True  # (the figure, then its maker within the clause after it)
        if o.attribution is None or not o.attribution.source:
            continue
        if (same_content(o, sc) or same_content(sc, o)) and same_source(
                source, named_credit(ctx, o.doc_id, o.attribution.source)):
            return True
    return False


# a figure's maker: "was worked out by Dr Ola Penn", "compiled by the Harwick Trust"
_MADE_BY = re.compile(r"\b(?:was|were)\s+(?:produced|compiled|calculated|prepared|drawn\s+up|"
                      r"worked\s+out)\s+by\s+((?:the\s+)?[A-Z][\w'’.-]*"
                      r"(?:\s+[A-Z][\w'’.-]*)*)")


def credited_in_part(ctx, dc, sup, source: str, verbs: frozenset) -> bool:
    """The source credits the derived speaker, by name, with a passage the aligner gave the
    derived claim (``sup``) holding three of its words besides names: a derived sentence
    that merges the speaker's fact with a clause another speaker's passage also tells
    ("Cyclists say scaffolding hid the lights until it was removed on 23 May", where a
    report dates the removal). Known false negative: a claim moved to a speaker the source
    quotes on the same matter in other words ("the union says the depot will close" for the
    company's "the depot will close in May", where the union said the depot's closure was a
    mistake)."""
    if anaphoric(core(source)):
        return False  # "the union" may stand for anyone to same_source: judged above
    dk = claim_keys(dc)
    for sc in sup:
        names = {key(w) for e in dc.entities + sc.entities for w in e.text.split()}
        if len((dk & claim_keys(sc)) - names) < 3:
            continue
        who = credited(ctx, sc, verbs)
        if who and (same_source(source, who) or one_public_group(source, who, ctx.wordnet)):
            return True
    return False


# Content words a claim in another verb must share with the derived claim (and half of its
# words) to be the same claim credited to the derived source.
SAME_CONTENT = 4


def _same_sentence_content(dk, sc) -> bool:
    """The source claim's sentence holds ``SAME_CONTENT`` of the derived claim's words, and
    half of them (the parse may leave a long subject out of the claim itself)."""
    shared = len(dk & text_keys(sc.sentence))
    return shared >= SAME_CONTENT and shared >= len(dk) / 2


def _judges(lexicon, verb: str) -> bool:
    """A verb by which its subject judges or foresees ("expect", "estimate", "believe"):
    the subject's own view, which "by the authority's estimate" credits to it."""
    return lexicon.has("judging_verbs", verb)
