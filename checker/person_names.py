"""Whether a name in the texts is a person's or a body's, and whether two speakers are two
people: the tagger's labels, a body's noun set beside the name ("Kelso Growers, a
seed-breeding company"), how the texts shorten the name, and honorifics before it.
``checker.affiliation`` asks these before it pairs a speaker with a party's voice, and
DA103 (``two_people``) before it lets two officers of one body share a quotation.
"""

from __future__ import annotations

import re

from checker.lexicon import shipped
from checker.names import norm_name
from checker.officers import TITLES as _TITLES
from checker.source_phrase import core

_BODY_HEADS = shipped("non_person_heads")
_DETERMINERS = shipped("determiners") | shipped("possessives") | shipped("articles")

_DETERMINER_WORDS = frozenset(w.capitalize() for w in _DETERMINERS)


def a_body(text: str, name: str) -> bool:
    """The sources write ``name`` as a body's, not a person's (the tagger's labels are too
    uneven to tell): a person is shortened to the last word of the name ("Martin Grealey",
    then "Grealey"), a body to its first ("Quillmoor Software", then "Quillmoor"). So a
    one-word name is a body's when no capitalised word stands before it as a first name
    ("Martin Grealey"), and a longer name when its first word stands alone elsewhere."""
    words = name.split()
    if len(words) == 1:
        return not any(m.group(1) not in _DETERMINER_WORDS for m in re.finditer(
            rf"\b([A-Z][\w'’-]*)\s+{re.escape(words[0])}\b(?!\s+[A-Z])", text))
    return re.search(rf"\b{re.escape(words[0])}\b(?!\s+{re.escape(words[1])}\b)(?!['’]s\b)"
                     rf"(?=\s+[a-z]|[,.;])", text) is not None


def a_surname(ctx, word: str) -> bool:
    """Some text tags a person whose name holds ``word`` ("Marchbank" of "Ms Marchbank")."""
    low = word.lower()
    return any(e.label == "PERSON" and low in e.norm.split()
               for c in list(ctx.index.claims) + list(ctx.derived_claims) for e in c.entities)


def two_people(ctx, a: str, b: str, b_person: bool = False) -> bool:
    """``a`` and ``b`` are two people: named in full with other last names, and both tagged
    persons, or ``b`` known to be one by other means (``b_person``: the source's "he said"
    resolved to it), as two officers of one trust are."""
    wa, wb = core(a).split(), core(b).split()
    if any(w.lower().strip("'’s") in _BODY_HEADS for w in wa + wb):
        return False  # "The Aldenshire Museum" is no person, whatever "she" was read as
    return len(wa) >= 2 and len(wb) >= 2 and wa[-1].lower() != wb[-1].lower() \
        and _named_person(ctx, a) and (b_person or _named_person(ctx, b))


_OFFICER_WORDS = "|".join(sorted(map(re.escape, _TITLES), key=len, reverse=True))


def _named_person(ctx, name: str) -> bool:
    """A person: tagged one (``is_person``), or written after an honorific in some text ("Dr
    Owen Tarrant", "Ms Elland": honorifics.txt); never a name that owns an officer in the
    texts ("Lanford Rail's chief executive", which the tagger may call a person)."""
    bare = re.sub(r"['’]s$", "", core(name).strip())
    owner = rf"\b{re.escape(bare)}['’]s\s+(?:[\w-]+\s+){{0,2}}?(?:{_OFFICER_WORDS})\b"
    if any(re.search(owner, t, re.I) for t in (ctx.derived.text, ctx.source_text)):
        return False
    if is_person(ctx, name):
        return True
    last = re.escape(core(name).split()[-1])
    titles = "|".join(sorted(ctx.lexicon.words.get("honorifics", {})))
    pattern = rf"\b(?i:{titles})\.?\s+(?:[A-Z][\w'’-]*\s+)?{last}\b"
    return any(re.search(pattern, t) for t in (ctx.derived.text, ctx.source_text))


def is_person(ctx, name: str) -> bool:
    """True when the texts tag ``name`` (or a name within it) as a person and never as an
    organisation (the tagger calls some companies persons), and no source describes it as
    a body or a place ("Kelso Growers, a seed-breeding company": non_person_heads.txt)."""
    target = f" {norm_name(core(name))} "
    # whole words only: "council" is no part of "councillor derek armitage"
    labels = {e.label for c in list(ctx.index.claims) + list(ctx.derived_claims)
              for e in c.entities if e.norm and (f" {e.norm} " in target
                                                 or target in f" {e.norm} ")}
    return "PERSON" in labels and not labels & {"ORG", "GPE", "NORP", "FAC", "PRODUCT"} \
        and not _described_as_body(ctx, core(name))


def _described_as_body(ctx, name: str) -> bool:
    """A source sets a body's or a place's noun beside the name ("Kelso Growers, a
    seed-breeding company based in Arden"; "Kelso, the firm")."""
    first = name.split()[0] if name.split() else ""
    if not first[:1].isupper():
        return False
    for art in ctx.doc_of.values():
        for m in re.finditer(rf"\b{re.escape(first)}\b", art.text):
            if _BODY_BESIDE.match(art.text, m.end()):
                return True
    return False


# After a name: the rest of it, then ", a/an/the" and a body's or a place's noun as the
# head of the phrase, within five words and with no preposition or possessive before it
# ("Growers, a seed-breeding company"; not "Ann Lee, a spokeswoman for the council", nor
# "Ann Lee, the company's director").
_BODY_BESIDE = re.compile(
    r"(?:\s+[A-Z][\w'’&-]*)*?\s*,\s+(?:a|an|the)\s+"
    r"(?:(?!(?:of|for|at|with|from|in|on|to|by)\s)[\w-]+\s+){0,4}?(?:%s)"
    r"(?=\s*[,.;:)]|\s+(?:based|in|of|at|on|that|which|whose|with|from|near|founded|owned|"
    r"run|headquartered)\b)"
    % "|".join(sorted(map(re.escape, _BODY_HEADS), key=len, reverse=True)))
