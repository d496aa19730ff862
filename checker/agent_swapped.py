"""The doer of a deed swapped across the voice of its verb: "a survey ordered by the Rivers
Agency" where the source says "the district board had ordered a survey". The
derived text names, after a passive participle's "by", a party the sources know (a name
the tagger reads as a person, a body or a place: not "by Tuesday"), and a source claim,
not negated and no headline, gives the same verb, active, on the same thing, to another
party by name: its subject, the name a definite description stands for in its article
("the board": the one "... Board" it writes), or the speaker of "it said it had".
Read by DE401 (``checker.rules.entity_changed``).

Known false positives: a deed two parties did together that the source tells of one of them
only (any source sentence naming the party beside the verb, in any form, silences it, and so
does a second party joined after the name or the source's doer named in the sentence); a
later doer of the same deed on the same thing that the source tells with a converse verb
("sold the land to Brightfield" for "bought by Brightfield"). Not compared, so missed: a
doer the source gives by a description it ties to no name ("the scheme's oversight panel"),
or by an indefinite one ("a city theatre"); two bodies that share a word of their names.
"""

from __future__ import annotations

import re

from checker.actors import passive_verb
from checker.align import key, text_keys
from checker.claim_reading import evidence_of, snippet
from checker.claim_roles import party_keys
from checker.descriptions import resolve_description
from checker.lexicon import shipped
from checker.names import known, norm_name

_NAME = r"[A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*){0,4}"
# a passive participle with its doer named: "ordered by the Rivers Agency"
_BY_NAME = re.compile(rf"\b(?P<verb>[a-z]+(?:ed|en|wn|t))\s+by\s+(?:the\s+)?(?P<name>{_NAME})")
_PRONOUNS = shipped("pronouns_subject") | {"you", "this", "that"}
_PARTY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
# a passive participle with any doer after "by" ("commissioned by the diocese"), in a source
_BY_ANY = re.compile(r"\b(?P<verb>[a-z]+(?:ed|en|wn|t))\s+by\s+(?P<by>(?:the\s+)?[A-Za-z][\w'’-]*"
                     r"(?:\s+(?:of\s+)?[A-Z][\w'’-]*){0,4})")
# a second party joined to the one after "by" ("by the Heritage Fund and the council")
_JOINED = re.compile(r"\s*(?:,\s*)?(?:and|alongside|with|together\s+with|as\s+well\s+as)\s+"
                     r"(?:the\s+)?[A-Za-z]", re.I)


def _active(sc, lemma: str) -> bool:
    """The source claim's own verb is ``lemma`` in the active voice, with a subject."""
    verb = (sc.predicate_text or "").lower()
    return sc.predicate == lemma and bool(sc.subject.strip()) and not passive_verb(sc) \
        and not re.search(rf"\b{re.escape(verb)}\s+by\b", sc.text.lower())


def _doer(ctx, sc) -> str:
    """Who does the source claim's deed, by name: its subject when that names a party, the
    name a definite description stands for in its article ("the board": the one
    "... Board" it writes), or, for "it" or "they" in a party's report of its own deed
    ("the board told members it had ordered"), the speaker; '' when the doer is a pronoun
    with no named speaker, an indefinite party ("a Calderbrook theatre"), or a description
    the article sets beside some name (it may be the derived text's name: "the Care
    Standards Authority, the regional care regulator")."""
    subj = sc.subject.split(",")[0].strip()
    low = subj.lower()
    if low in _PRONOUNS:
        said = sc.attribution
        if low in ("it", "they", "we") and said is not None and said.source \
                and said.kind in ("named", "according-to") and said.source.lower() not in _PRONOUNS:
            subj = said.source.split(",")[0].strip()
        else:
            return ""
    if subj.lower().split()[:1] in (["a"], ["an"], ["one"], ["some"]):
        return ""
    if not _names_someone(ctx, sc, subj):  # a description ("the council")
        named = resolve_description(ctx, sc.doc_id, subj)
        if not re.search(r"(?:^|\s)[A-Z]", named) or named.lower() == subj.lower():
            return ""
        subj = named
    return subj


def _names_someone(ctx, sc, phrase: str) -> bool:
    """The phrase holds a name: a capitalised word past its first, or a first word its
    article also writes capitalised inside a sentence, or as an owner ("Corvane's internal
    committee"); not a sentence's opening common noun ("Inspectors")."""
    words = phrase.split()
    if any(w[:1].isupper() for w in words[1:]):
        return True
    first = words[0] if words else ""
    if not first[:1].isupper() or first.lower() in ("the", "a", "an"):
        return False
    art = ctx.doc_of.get(sc.doc_id)
    bare = re.sub(r"['’]s?$", "", first)
    return bare != first or art is not None and re.search(
        rf"[a-z,;] {re.escape(bare)}\b", art.text) is not None


def _named_with_verb(ctx, name: str, lemma: str) -> bool:
    """A source sentence names the party and has the verb, in any form: it may tell the
    party's own part in the deed, which the claims the parse draws from it can miss."""
    low = norm_name(name)
    return any(low in norm_name(sc.sentence) and any(w.lemma == lemma and w.pos == "VERB"
                                                     for w in sc.words)
               for sc in ctx.index.claims)  # (a verb: "Commission" in a name is none)


def _thing_before(dc, at: int) -> str:
    """The key of the noun the participle describes: the last noun before it in the
    derived sentence, or the head of a phrase "X of Y" that ends there ("A fresh survey of
    the weir, ordered by": survey)."""
    nouns = [w for w in dc.words if w.pos == "NOUN" and w.end <= at]
    if not nouns:
        return ""
    # the head of a noun phrase cut by "of" ("a survey of the weir"): the noun before "of"
    last = nouns[-1]
    for w in reversed(nouns[:-1]):
        between = dc.text[w.end - dc.start:last.start - dc.start].lower()
        if re.fullmatch(r"\s+of\s+(?:the\s+|a\s+|an\s+|its\s+)?(?:[\w'’-]+\s+){0,2}", between):
            last = w
        break
    return key(last.lemma)


def swapped_agent(ctx, dc):
    """The finding's fields when a derived "VERBed by NAME" names a party the sources know
    where a source claim gives the same verb, active, on the same thing, to another party,
    or the same participle on the same thing with another party after "by" ("a survey
    ordered by the parish"); else None."""
    for m in _BY_NAME.finditer(dc.text):
        at = dc.start + m.start("verb")
        verb = next((w for w in dc.words if w.start == at and w.pos == "VERB"), None)
        name = m.group("name")
        mine = party_keys(name)
        if verb is None or not mine or not norm_name(name):
            continue
        if not known(norm_name(name), ctx.index):
            continue  # a name the sources do not know is another rule's (DE401's own)
        thing = _thing_before(dc, at)
        if not thing:
            continue
        if not any(e.label in _PARTY_LABELS and e.start < dc.start + m.end("name")
                   and dc.start + m.start("name") < e.end for e in dc.entities):
            continue  # a time ("by Tuesday", "by Easter") or a name the tagger cannot place
        doers = [(sc, doer) for sc in ctx.index.claims if _active(sc, verb.lemma)
                 and not sc.negated and sc.unit_kind != "heading"
                 and thing in {key(w.lemma) for w in sc.words if w.start > sc.start
                               + sc.text.lower().find((sc.predicate_text or "").lower())}
                 and (doer := _doer(ctx, sc))]
        doers += [(sc, by.group("by")) for sc in ctx.index.claims if not sc.negated
                  and sc.unit_kind != "heading" for by in _BY_ANY.finditer(sc.text)
                  if by.group("verb") == m.group("verb")
                  and _thing_before(sc, sc.start + by.start("verb")) == thing
                  and party_keys(by.group("by"))]  # (the same participle on the same
        # thing with another doer: "a survey ordered by the parish")
        if not doers or any(party_keys(doer) & mine for _sc, doer in doers) \
                or _named_with_verb(ctx, name, verb.lemma):
            continue  # the named party does it in a source passage too, on any object or
            # in a clause of its own ("the inquiry, which the agency commissioned")
        sc, doer = doers[0]
        if party_keys(doer) & text_keys(dc.sentence) or _JOINED.match(dc.text, m.end("name")):
            continue  # the text names the source's doer too, or a second doer beside the
            # first ("funded by the Heritage Fund and the district council")
        return dict(start=dc.start + m.start("name"), end=dc.start + m.end("name"),
                    confidence=0.6, evidence=[evidence_of(sc)],
                    message=(f'Says the {verb.text} {thing_noun(dc, thing)} was the work of '
                             f'"{name}"; the source gives it to "{doer}": '
                             f'"{snippet(sc.sentence, 80)}".'),
                    suggestion=f'Check who did it: the source names "{doer}".')
    return None


def thing_noun(dc, thing: str) -> str:
    """The derived claim's word for the thing (its key ``thing``), as written."""
    return next((w.text for w in dc.words if key(w.lemma) == thing), thing)
