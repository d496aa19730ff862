"""Whether two source phrases name the same source: an outlet, a person, a body or unnamed
people ("the union" and "the Allied Bakers' Guild", "two people familiar with the talks" and
"a council spokesperson", "the club's coach, Marta Quill" and "the club's captain, Jon Abel").

Read by the attribution rules (DA102, DA103), by DL301 (a party's own account of a cause) and
by ``checker.claim_pairs``; ``checker.attribution`` says where a derived text names a source.
"""

from __future__ import annotations

import re

from checker.lexicon import shipped
from checker.names import norm_name
from checker.source_phrase import anaphoric, bare_word, core, has_name
from checker.voices import a_voice, for_party, voice_party

_NAME_FILLERS = shipped("name_fillers")
_POSSESSIVES = shipped("possessives")
_THING_PRONOUNS = shipped("pronouns_thing")
_DOCUMENT_NOUNS = shipped("document_nouns")


VAGUE = shipped("vague_sources")


def _one_party_noun(a: str, b: str) -> bool:
    """Two head nouns for one party: the same word, or one the other's agent noun ("the
    funder" for "a spokesperson for the fund")."""
    return a == b or any(x + end == y for x, y in ((a, b), (b, a)) for end in ("er", "r", "or"))


def same_source(a: str, b: str) -> bool:
    """True when two source names plausibly denote the same outlet or person (a relative
    clause of either does not count: "the authority, which wrote to Acme" is not Acme)."""
    a, b = core(a), core(b)
    x, y = norm_name(a), norm_name(b)
    if not x or not y or x in VAGUE or y in VAGUE:
        return True
    if _short_for(a, b) or _short_for(b, a):
        return True  # "VADA spokesperson Carys Underhill" for "the Veldan Anti-Doping Agency"
    if anaphoric(a) or anaphoric(b):
        # "the union" may well be the association the other text names, but not "a person
        # briefed on the talks" (unless it speaks for one: "a union official")
        other = b if anaphoric(a) else a
        head = bare_word((a if anaphoric(a) else b).split()[-1]).rstrip("s")
        party = voice_party(other)
        return not _indefinite(other) or head in other.lower() or (
            for_party(other) and (not party or _one_party_noun(party.split()[-1].rstrip("s"),
                                                                  head)))
    if x == y or x in y or y in x:
        return True
    hx, hy = x.replace("-", " "), y.replace("-", " ")
    if hx in hy or hy in hx:
        return True  # "Ana Lowe-Hart" and "Ana Lowe Hart"
    if _party_by_pronoun(a, b) or _party_by_pronoun(b, a):
        return True
    xs, ys = set(x.split()), set(y.split())
    if _other_heads(a, b, xs, ys):
        return False  # "the Carvell Transit Authority" is not "the Transit Workers' Guild"
    if _other_kinds(a, b, xs, ys):
        return False  # "Harrowby City Council" is not "the Harrowby Arts Council"
    if _owner_added(a, b) or _owner_added(b, a):
        return False  # "a Ministry of Health audit" is not "an internal audit drawn up for
        # the trust's board"
    if _officer_of_other(a, b) or _officer_of_other(b, a):
        return False  # "Alan Trell, secretary of the Harbour Fishermen's Co-operative" is not
        # "the Harbour Trust": a place word the two bodies share is no tie
    if _officer_of_body(a, b) or _officer_of_body(b, a):
        return True  # "the builder, Harrow & Dunn" for "Ann Pell, managing director of
        # Harrow & Dunn": the body for its officer's words
    na, nb = _apposed_name(a), _apposed_name(b)
    if na and nb and not set(norm_name(na).split()) & set(norm_name(nb).split()):
        return False  # "the team's owner, Corwin Aldgate" is not "the team's sporting
        # director, Nadia Fenwright": two people of one body
    shared = xs & ys - _NAME_FILLERS
    for group, name in ((a, b), (b, a)):
        if witness_group(group) and not witness_of(name) and (
                has_name(name) and not _indefinite(name) or for_party(name) or a_voice(name)):
            return False  # "two people familiar with the authority's review" are not its
            # spokesman or "a council spokesperson": they know of the matter, they do not
            # speak for the party
        if shared and _indefinite(group) and has_name(name) and shared <= {group_head(group)}:
            return False  # "two workers at the site" are not "the Workers' Union"
    return bool(shared)


# a person's name, the post in lower case and the body it is of, at or for:
# "Alan Trell, secretary of the Harbour Fishermen's Co-operative"
_OFFICER_OF = re.compile(r"^(?:[A-Z][\w'’.-]*\s+){1,3}?[A-Z][\w'’-]+,\s+(?:the\s+)?"
                         r"(?:[a-z][\w-]*\s+){1,4}?(?:of|at|for)\s+(?:the\s+)?"
                         r"((?:(?:[A-Z][\w'’&-]*|&)\s+){0,5}[A-Z][\w'’&-]*)[\s,.]*$")


def _officer_of_other(a: str, b: str) -> bool:
    """``a`` is a named person given as the officer of a body ("Alan Trell, secretary of
    the Harbour Fishermen's Co-operative") and ``b`` a plain name of another body, of
    another head or another kind ("the Harbour Trust"), holding no word of the person's
    name."""
    m = _OFFICER_OF.match(a.strip())
    plain = b.strip(" ,.")
    if not m or "," in plain or not plain.split() or not plain.split()[-1][:1].isupper():
        return False
    person = set(norm_name(a[:a.index(",")]).split())
    body, bx, by = m.group(1), set(norm_name(m.group(1)).split()), set(norm_name(plain).split())
    if person & by or norm_name(plain.split()[-1]) not in _BODY_HEADS:
        return False
    return _other_heads(body, plain, bx, by) or _other_kinds(body, plain, bx, by)


def _officer_of_body(a: str, b: str) -> bool:
    """``a`` is a named person given as the officer of a body ("Ann Pell, managing director
    of Harrow & Dunn") and ``b`` names that body, alone or beside its description
    ("the builder, Harrow & Dunn Construction"): one name's words hold the
    other's."""
    m = _OFFICER_OF.match(a.strip())
    if not m:
        return False
    body = set(norm_name(m.group(1)).split()) - _NAME_FILLERS
    named = set(norm_name(_apposed_name(b) or b).split()) - _NAME_FILLERS
    return bool(body) and bool(named) and (body <= named or named <= body)


def _owner_added(a: str, b: str) -> bool:
    """``a`` names a document by an owner that ``b``, the same document noun
    (document_nouns.txt), lacks: a capitalised owner before the noun in ``a`` ("a Ministry
    of Health audit"), none before it in ``b`` ("An internal audit drawn up for the trust's
    board"), and no word of the owner anywhere in ``b``. Known false
    positive: an owner the source names for the document in another sentence only ("The
    authority commissioned a review. The review warns ...")."""
    mine, theirs = a.split(), b.split()
    if len(mine) < 3 or mine[-1].lower() not in _DOCUMENT_NOUNS or witness_group(a) \
            or witness_group(b):
        return False  # (not people who know of a review: "familiar with X's review")
    head = next((k for k, w in enumerate(theirs) if w.lower() == mine[-1].lower()), 0)
    owner = [w for w in mine[1:-1] if w[:1].isupper()]
    if head < 1 or not owner or any(w[:1].isupper() for w in theirs[1:head]) or any(
            w.lower() in _POSSESSIVES or re.search(r"['’]s?$", w) for w in theirs[:head]):
        return False  # the other names an owner too, if by a noun ("the company's review")
    return not _name_parts(owner) & _name_parts(theirs)


def _name_parts(words) -> set:
    """The words' names, a hyphen-joined word in its parts ("Treasury-commissioned")."""
    return {norm_name(p) for w in words for p in re.split(r"[-‐]", w) if p}


def owner_in(credit: str, text: str) -> bool:
    """Every capitalised word before a document noun that ends the credit ("the Harrow
    Rail Regulator's review") is in the text (the source sentence that credits "a review
    released on Monday" with what "the Harrow Rail Regulator concluded")."""
    words = core(credit).split()
    if len(words) < 3 or words[-1].lower() not in _DOCUMENT_NOUNS:
        return False
    owner = _name_parts(w for w in words[1:-1] if w[:1].isupper())
    return bool(owner) and owner <= _name_parts(text.split())


def _apposed_name(phrase: str) -> str:
    """The name set beside a description in a speaker phrase ("the team's owner, Corwin
    Aldgate" or "Corwin Aldgate, the team's owner" -> "Corwin Aldgate"); "" for a phrase of
    one part."""
    parts = [p.strip() for p in phrase.split(",") if p.strip()]
    if len(parts) < 2:
        return ""
    return next((p for p in parts if all(w[:1].isupper() for w in p.split())), "")


def _short_for(a: str, b: str) -> bool:
    """A word of ``a`` in capitals, three letters or more, is the short form of the name
    ``b``: the initials of all its capitalised words ("VADA" of "the Veldan Anti-Doping
    Agency", "GFA" of "Garrow Fishermen's Association"; not "EU" of "the Eastfield
    Union")."""
    words = [w for w in re.split(r"[\s-]+", core(b)) if w[:1].isupper()]
    initials = "".join(w[0] for w in words).upper()
    return len(initials) >= 3 and any(w == initials for w in re.findall(r"\b[A-Z]{3,6}\b", a))


# "a spokesman for it": an indefinite article (or "one"), a head noun, the preposition that
# ties a speaker to a party, a pronoun.
_FOR_PRONOUN_RE = re.compile(
    rf"\s*(?:{'|'.join(sorted(shipped('indefinite_articles') | {'one'}))})\s+([a-z]+)\s+"
    r"(?:for|of|at|from)\s+([a-z]+)\s*$")


def _party_by_pronoun(a: str, b: str) -> bool:
    """"a spokesman for it" and "a spokesman for the water regulator": one kind of speaker,
    the first's party given by a pronoun that may stand for the second's."""
    m = _FOR_PRONOUN_RE.match(core(a).lower())
    if m is None or m.group(2) not in _THING_PRONOUNS | _POSSESSIVES:
        return False
    return group_head(b).rstrip("s") == m.group(1).rstrip("s")


_PHRASE_END_RE = re.compile(r"\s(?:at|of|for|from|in|on|with|who|which|that)\s|,")


def group_head(phrase: str) -> str:
    """The head noun of an indefinite source phrase, as ``norm_name`` writes it ("two
    workers at the site" -> "workers")."""
    words = norm_name(_PHRASE_END_RE.split(core(phrase), maxsplit=1)[0]).split()
    return words[-1] if words else ""


def _other_heads(a: str, b: str, xs: set, ys: set) -> bool:
    """Two plain proper names (no apposition) whose last words differ and appear nowhere
    in the other name."""
    wa, wb = a.strip(" ,.").split(), b.strip(" ,.").split()
    if not wa or not wb or "," in a.strip(" ,") or "," in b.strip(" ,"):
        return False
    if not (wa[-1][:1].isupper() and wb[-1][:1].isupper()) or len(wa) + len(wb) < 3:
        return False
    hx, hy = norm_name(wa[-1]), norm_name(wb[-1])
    return hx != hy and hx not in ys and hy not in xs


def _other_kinds(a: str, b: str, xs: set, ys: set) -> bool:
    """Two plain proper names with one head, each with a word the other lacks before it:
    two bodies of one kind ("City Council" and "Arts Council", "Transport Authority" and
    "Health Authority")."""
    wa, wb = a.strip(" ,.").split(), b.strip(" ,.").split()
    if len(wa) < 2 or len(wb) < 2 or "," in a.strip(" ,") or "," in b.strip(" ,"):
        return False
    if not all(w[:1].isupper() for w in wa[1:] + wb[1:]):
        return False
    if norm_name(wa[-1]) != norm_name(wb[-1]) or norm_name(wa[-1]) not in _BODY_HEADS:
        return False  # a person's two names ("Ms Marchbank", "Liesel Marchbank") are one
    return bool(xs - ys - _NAME_FILLERS) and bool(ys - xs - _NAME_FILLERS)


_BODY_HEADS = shipped("non_person_heads")


_INDEFINITE = shipped("indefinite_sources")


_WITNESS = shipped("witness_phrases")


def witness_of(phrase: str) -> bool:
    """The phrase names its source by what it knows of ("people familiar with the talks")."""
    low = " ".join(core(phrase).lower().split())
    return any(re.search(rf"\b{re.escape(w)}\b", low) for w in _WITNESS)


def before_witness(phrase: str) -> str:
    """The words of a source phrase before what it knows of ("Two people familiar with the
    Grand Hall's records" -> "Two people"): the names after it are not the source's."""
    cuts = [m.start() for w in _WITNESS
            for m in [re.search(rf"\b{re.escape(w)}\b", phrase, re.IGNORECASE)] if m]
    return phrase[:min(cuts)].rstrip(" ,") if cuts else phrase


def witness_group(phrase: str) -> bool:
    """Unnamed people named by what they know of ("two people familiar with the case")."""
    return _indefinite(phrase) and witness_of(phrase)


def _indefinite(phrase: str) -> bool:
    """An unnamed, indefinite source phrase ("a person briefed on the talks", "Two officers";
    a name after what they know of is no name of theirs: "two people familiar with
    discussions at the Harlow League")."""
    words = before_witness(core(phrase)).replace("’", "'").split()
    return bool(words) and words[0].lower() in _INDEFINITE and not any(
        w[:1].isupper() for w in words[1:])


def own_outlet(index, doc_id: str, speaker: str) -> bool:
    """The speaker is the outlet that published the source ``doc_id`` (corpus metadata):
    "the Bugle" or "the Drayfield Bugle" in the Drayfield Bugle's own report ("..., the
    Bugle has learned"), which is the source speaking in its own voice, not a report it
    passes on. Known miss: an outlet named only in the text of a draft without metadata.
    Known false positive: another outlet that shares the last word of the source's ("the
    Times" in a report of the Financial Times)."""
    mine = _outlet_words(core(speaker))
    return bool(mine) and any(
        doc == doc_id and words and mine[-1] == words[-1] and set(mine) <= set(words)
        for doc, outlet in index.published_by for words in [_outlet_words(outlet)])


def _outlet_words(name: str) -> list:
    """The words of an outlet's name, lower case, "the" left out."""
    return [w for w in re.findall(r"[a-z]+", name.lower()) if w != "the"]
