"""Whom a source subject that names nobody stands for, read by DE403 (actor-changed): "it"
or "they" in a body's own report, "it" and "the company" after a sentence that names one
body, and whether the derived actor is named close enough for "it" to be it."""

from __future__ import annotations

import re

from checker.lexicon import shipped
from checker.names import norm_name
from checker.records import memo_on
from checker.source_phrase import anaphoric, core, has_name

_DETERMINERS = shipped("determiners")


def sentences_around(ctx, sc, *, before: int, after: int) -> list[str]:
    """The source claim's sentence with the ``before`` sentences before it and the ``after``
    after it in its article, as the parser split them."""
    sents = sorted({(c.sent_start, c.sentence) for c in ctx.index.claims
                    if c.doc_id == sc.doc_id})
    at = next((i for i, (start, _) in enumerate(sents) if start == sc.sent_start), None)
    if at is None:
        return [sc.sentence]
    return [text for _, text in sents[max(0, at - before):at + after + 1]]


def speaker_meant(ctx, sc) -> str:
    """The named body a source claim's "it" or "they" stands for when that body reports the
    claim ("The Students' Union said it intends to survey all students": the union), or ''."""
    attr = sc.attribution
    if sc.subject.strip().lower() not in ("it", "they") or attr is None \
            or attr.kind != "named" or attr.outer is not None:
        return ""
    name = core(attr.source).strip(" ,")
    words = re.findall(r"[a-z]+", name.lower())
    if not has_name(name) or not words \
            or any(e.label == "PERSON" and e.text in attr.source for e in sc.entities):
        return ""
    if ctx.lexicon.has("non_person_heads", words[-1]):
        return name  # a body by its name ("The Students' Union"), not a person ("Councillor
        # Anne Hill")
    return short_for_body(ctx, sc.doc_id, name)


def short_for_body(ctx, doc_id: str, name: str) -> str:
    """The full name of a body that ``name`` shortens in its article ("Orrin" after "Orrin
    Freight Group": a run of capitalised words opening with the name and ending in a body's
    word, non_person_heads.txt), or ''. Known false positive: a person sharing a surname with
    a body the article names ("Ada Orrin" of "Orrin Freight Group")."""
    doc = ctx.doc_of.get(doc_id)
    if doc is None or len(name.split()) > 2:
        return ""
    for m in re.finditer(re.escape(name) + r"((?:\s+[A-Z][\w&'’-]*)+)", doc.text):
        last = m.group(1).split()[-1].lower()
        if ctx.lexicon.has("non_person_heads", last):
            return m.group(0)
    return ""


def stand_in_meant(ctx, sc) -> str:
    """The one named body a source subject "the company" (corporate_nouns.txt) or "it"
    stands for: the sentence just before names one body, and only one, as the subject or
    the speaker of its claims ("Orwen Dredging said it had won the tender. The company
    built ..."; an organisation by the tagger, or a name ending in a body's word:
    non_person_heads.txt; for "the company" no public body: public_body_heads.txt), and
    for "it" as the speaker of its own "it" ("X said it had been told ... It may decide");
    '' when it names none or several. "The company" in what the body's officer says ("Its
    land director, Ann Wrey, said the company had pledged £8,000") is that body too."""
    lex = ctx.lexicon
    words = sc.subject.strip().lower().split()
    pronoun = words == ["it"]
    if not words or len(words) > 2 or not (pronoun or lex.has("corporate_nouns", words[-1])):
        return ""
    said = sc.attribution.source if sc.attribution is not None else ""
    if (has_name(said) or anaphoric(core(said).strip(" ,"))) \
            and (pronoun or not _ITS_OFFICER.match(said.strip())):
        return ""  # "the board said that it had found": the speaker may be what "it" is
        # (not "the company" in what "Its land director, X" says: the body before, below)
    before = [c.sent_start for c in ctx.index.claims
              if c.doc_id == sc.doc_id and c.sent_start < sc.sent_start]
    if not before:
        return ""
    last = max(before)
    bodies = {}
    for c in ctx.index.claims:
        if c.doc_id != sc.doc_id or c.sent_start != last:
            continue
        said = c.attribution.source if c.attribution is not None \
            and not c.attribution.surface else ""  # not an "It said" resolved
        # "it" only for a body the sentence before already calls "it" ("X said it had been
        # told ... It may decide"), not for a thing ("approved the scheme. It will store")
        phrases = [said] if pronoun else [c.subject, said]
        if pronoun and c.subject.strip().lower() not in ("it", "the company"):
            continue
        for phrase in phrases:
            name = core((phrase or "").split(",")[0]).strip(" ,")
            tail = re.findall(r"[a-z]+", name.lower())
            if not has_name(name) or not tail or not (lex.has("non_person_heads", tail[-1])
                                                      or norm_name(name) in _organisations(ctx)):
                continue
            if not pronoun and lex.has("public_body_heads", tail[-1]):
                continue  # "the company" is no council or board
            bodies.setdefault(norm_name(name), name)
    return next(iter(bodies.values())) if len(bodies) == 1 else ""


# a speaker given as the officer of the body named before ("Its land director, Colm Hart")
_ITS_OFFICER = re.compile(r"its\s+[a-z]", re.I)


def _organisations(ctx) -> frozenset:
    """Normalised names the tagger labels organisations anywhere in the sources."""
    return memo_on(ctx.index, "_de403_orgs", lambda: frozenset(
        e.norm for c in ctx.index.claims for e in c.entities if e.label == "ORG"))


def named_near(ctx, sc, derived_subject: str) -> bool:
    """A capitalised word of the derived actor's name stands in the source claim's sentence
    or the one before it: the thing "it" may stand for ("The Pellham Library closed in
    March. Harlow Council said it would reopen in May.")."""
    near = " ".join(sentences_around(ctx, sc, before=1, after=0))
    return any(re.search(rf"\b{re.escape(w)}\b", near) for w in derived_subject.split()
               if len(w) > 3 and w[:1].isupper() and w.lower() not in ("the", "this"))


def describes_person(ctx, derived_subject: str, sc) -> bool:
    """The derived actor is a description ("The Rivergate Rovers manager") of the one the source
    claim names as its actor by a bare name ("Verhoef"): a source sentence gives that name
    the description's head word as its title ("team manager Lotte Verhoef", only name words
    between) or in its apposition ("Verhoef, the club's team manager"); not a word nearby
    ("met farmer Jonas Ek")."""
    words = re.findall(r"[\w'’-]+", derived_subject.split(",")[0])
    if not words or not words[-1].islower():
        return False
    theirs = re.findall(r"[\w'’-]+", sc.subject.split(",")[0])
    if not theirs or not all(w[:1].isupper() for w in theirs) \
            or theirs[0].lower() in _DETERMINERS:
        return False  # the source actor is not a bare name ("Verhoef", "Lotte Verhoef")
    head, name = re.escape(words[-1].lower()), r"\s+".join(map(re.escape, theirs))
    # the head word as the name's title ("team manager Lotte Verhoef", with only name words
    # between) or in its apposition ("Verhoef, the club's team manager")
    near = re.compile(rf"\b{head}s?\s+(?:[A-Z][\w'’-]*\s+){{0,2}}{name}\b|"
                      rf"\b{name},\s+(?:[\w'’-]+\s+){{0,4}}?{head}s?\b")
    return any(near.search(c.sentence) for c in ctx.index.claims)


def named_otherwise(ctx, name: str, kind: str) -> str:
    """The description a source sets beside a name ("The verger, Paul Amis", "a cook,
    Rita Vale") when its head is not ``kind`` (the head of the source's own description of
    the actor: "beekeeper"): that person is someone else. '' when there is none."""
    pattern = re.compile(rf"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+"
                         rf"(?:[\w'’-]+\s+){{0,2}}?([a-z]+),\s+{re.escape(name)}\b")
    for m in pattern.finditer(ctx.source_text):
        if m.group(1) != kind and m.group(1).rstrip("s") != kind:
            return m.group(1)
    return ""
