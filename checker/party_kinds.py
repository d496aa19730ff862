"""Which party a subject or a speaker names: the words of a party's name, the names an
article gives a kind of party ("the bank" for "Corrisdale Bank"), and a party speaking for
itself under the name of its kind ("the company said", "council officials said").

Read by ``checker.voices`` and ``checker.affiliation`` (whose voice speaks for whom) and
through them by DA101-DA103.
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker.actors import PERSON_LEXNAME
from checker.lexicon import shipped, shipped_values
from checker.names import initials_of_common_words, norm_name
from checker.numbers import is_number_word
from checker.records import Claim
from checker.word_patterns import LETTER_WORD as _WORD_RE

_CORPORATE = shipped("corporate_nouns")
_GENERIC = shipped("attribution_generic")  # "Mr", "Council": no name of its own
_BODY_HEADS = shipped("non_person_heads")
# the kinds a body may call itself by when it speaks of its own plan ("the club said"): a
# body's head noun that is no public body, which is another party as often as not, and no
# news outlet, which reports on others
_OTHERS = shipped("public_body_heads") | shipped("outlet_heads")
_SELF_KINDS = _CORPORATE | (_BODY_HEADS - _OTHERS)
_DETERMINERS = shipped("determiners") | shipped("possessives") | shipped("articles")
# the words that refer back to a person: "he", "her", and the possessives of those, "his"
_PERSON_WORDS = shipped("pronouns_person") | {word for word, whose in shipped_values("possessives")
                                              if whose in shipped("pronouns_person")}
_SCOPE = shipped("scope")  # "many", "most", "some": a share of a group


def words(text: str) -> list[str]:
    """The lower-case words of a text, a possessive "'s" cut off ("Brennock's" -> "brennock")."""
    return [re.sub(r"['’]s?$", "", w.lower()) for w in _WORD_RE.findall(text)]


def party_words(subject: str) -> set[str]:
    """The words that tell which party a subject is ("the museum" -> {"museum"}, "Pellham
    Pharma" -> {"pellham", "pharma"})."""
    return {w for w in words(subject) if w not in _DETERMINERS and len(w) > 2}


_NAME_RUN = r"[A-Z][\w'’&-]*(?:\s+(?:(?:of|and|for|&)\s+)?[A-Z][\w'’&-]*){0,5}"


def one_of_kind(text: str, noun: str) -> str:
    """The one name the article gives a kind of party ("Brackley Partners" for "the firm"
    where "the lobbying firm Brackley Partners" is the only firm it names), or ''."""
    names = names_of_kind(text, noun)
    return next(iter(names)) if len(names) == 1 else ""


@lru_cache(maxsize=1024)
def names_of_kind(text: str, noun: str) -> frozenset:
    """The names an article gives a kind of party, so that "the bank" may be read as the bank
    it names: a name ending with the noun ("Corrisdale Bank"), the noun before a name ("the
    campaign group Keep Castlebrook Births"), or the two set beside each other ("the Ashgrove
    Relief Trust, a clean-water charity"; "Calderwick Dairies, the largest milk processor in
    the western counties"; "The operator, Arvale Bulk Handling"; "a parents' group, Fairlea
    Families First,")."""
    n = re.escape(noun)
    found = set()
    # the noun in lower case but where it ends a name: "The Charity Standards Commission"
    # is no charity called "Standards Commission"
    patterns = (rf"({_NAME_RUN})\s+(?i:{n})\b",
                rf"(?<![\w'’])(?:[a-z][\w-]*\s+)?{n}\s+({_NAME_RUN})",
                rf"({_NAME_RUN}),\s+(?i:the|a|an)\s+(?:[\w'’-]+\s+){{0,3}}?{n}"
                rf"(?=\s*[,.;]|\s+(?:that|which|whose|who|in|of|for|at|on|with|from|"
                rf"based|serving)\b)",
                rf"\b(?i:the)\s+{n},\s+({_NAME_RUN})(?=,)",
                # "a parents' group, Fairlea Families First, which says": not "Speaking to
                # a tenants' group, Harriet Vell, the mayor, said"
                rf"\b(?i:a|an)\s+(?:[\w'’-]+\s+){{0,2}}?{n},\s+({_NAME_RUN}),\s+"
                rf"(?:which|that|whose)\b")
    for pattern in patterns:
        for m in re.finditer(pattern, text):
            words = [w for w in m.group(1).split() if w.lower() not in _DETERMINERS]
            if words and not (len(words) == 1 and initials_of_common_words(words[0], text)):
                found.add(" ".join(words))  # not "AI tool" beside "artificial intelligence"
    return frozenset(found)


_GENERIC_HEADS = ("agency_heads", "council_heads")  # lexicons with a noun for any of theirs


def one_kind(generic: str, head: str, lexicon) -> bool:
    """``generic`` is a noun that stands for any body of ``head``'s group ("the agency" for
    a board, "the authority" for a council: agency_heads.txt, council_heads.txt)."""
    return any(lexicon.value(role, generic) == "generic" and lexicon.has(role, head)
               and lexicon.value(role, head) != "generic" for role in _GENERIC_HEADS)


def other_kind(kind: str, name: str, source_text: str, wn, lexicon) -> bool:
    """A description by its kind ("the union", "the licensing board") cannot stand for the
    body ``name``: the name ends in a noun of another kind of body ("Vellhaven Police") or
    of what a body does ("the Communications and Post Regulator": body_roles.txt), the two
    nouns are no WordNet synonyms ("the constabulary" for "Harwick Police" is one kind) and
    the description is no broader kind of the name's ("the group" for an association),
    neither is a kind any company may be called ("the operator", "the firm":
    corporate_nouns.txt; though "the company" is no union or council: public_body_heads.txt),
    nor "the agency" for a government body (agency_heads.txt) or "the authority" for a
    council (council_heads.txt), nor "the club" for a club
    by its name word ("Orrinford Athletic": club_name_words.txt),
    and the sources never give the name that kind ("Brackenmoor Homes,
    a housing association")."""
    theirs = kind.lower()
    mine = re.findall(r"[A-Za-z]+", name)
    if not mine or not mine[-1][:1].isupper():
        return False
    head = mine[-1].lower()
    has = lexicon.has
    if theirs == head or not has("non_person_heads", theirs) or has("body_roles", theirs) \
            or not (has("non_person_heads", head) or has("body_roles", head)) \
            or has("corporate_nouns", theirs) and not has("public_body_heads", head) \
            or has("corporate_nouns", head):
        return False  # "the regulator" may be any body; "the Post Regulator" is no union;
        # "the company" is no union or council (public_body_heads.txt)
    if has("club_name_words", head) and theirs in ("club", "team", "side"):
        return False  # "the club" for Orrinford Athletic (club_name_words.txt)
    if one_kind(theirs, head, lexicon):
        return False  # "the agency" for the Coastal Inspection Board (agency_heads.txt),
        # "the authority" for Hallowby Borough Council (council_heads.txt)
    if wn is not None and wn.available and (head in wn.synonyms(theirs, "noun")
                                            or theirs in wn.synonyms(head, "noun")
                                            or theirs in wn.broader(head, "noun", 4)):
        return False  # "the group" may be any association or union: a broader kind
    low = norm_name(name)
    return not any(low in full or full in low
                   for full in (_full_name(n, theirs, source_text)
                                for n in names_of_kind(source_text, theirs)))


def _full_name(found: str, kind: str, text: str) -> str:
    """The normalised name of a body of ``kind`` that ``names_of_kind`` found: with the
    kind word when the article writes it after the name ("Hallowby Police", found as
    "Hallowby"), so that the place word it shares with "Hallowby Borough Council" does
    not make the council a police force."""
    if re.search(rf"\b{re.escape(found)}\s+{re.escape(kind)}\b", text, re.I):
        return norm_name(f"{found} {kind}")
    return norm_name(found)


def business_against_body(noun: str, last: str, lexicon) -> bool:
    """A one-word description and the last word of a name set for one another are a
    business and a body that is none (corporate_nouns.txt, public_body_heads.txt), either
    way round: "its bank" for "the Harrow Growers Union", "the council" for "Penrow Bank".
    Narrower than ``other_kind``, which also parts kinds of body ("the union" is no
    council there) and suits a speaker's description, not a party swapped in a claim."""
    if not last[:1].isupper():
        return False
    mine, head, has = noun.lower(), last.lower(), lexicon.has
    return has("public_body_heads", head) and has("corporate_nouns", mine) \
        or has("corporate_nouns", head) and has("public_body_heads", mine)


def stand_in_noun(subject: str) -> str:
    """The noun of a definite description that stands for a named party ("the bank" ->
    "bank", "The directorate" -> "directorate"); '' for anything else."""
    words = subject.strip().split()
    if len(words) == 2 and words[0].lower() == "the" and words[1].isalpha() and \
            words[1].islower():
        return words[1]
    return ""


def party_words_in(subject: str, source_text: str) -> set[str]:
    """The words that tell which party a subject is, with the names the article gives a
    party of its kind when the subject only describes one ("the bank" -> also "corrisdale")."""
    party = party_words(subject)
    noun = stand_in_noun(subject)
    if noun:
        for name in names_of_kind(source_text, noun):
            party |= party_words(name)
    return party


def kind_speaker(speaker: str) -> tuple[str, bool]:
    """A speaker that only says what kind of party it is: "the company" -> ("company",
    True), "council officials" -> ("council", False); ("", False) for anything else (a name,
    a number of people: "two officials"). A kind joined by "and" to another speaker
    speaks for itself all the same ("the company and health officials" -> ("company",
    True))."""
    first, joined, _rest = speaker.strip().partition(" and ")
    if joined and first:
        speaker = first
    words = speaker.strip().split()
    if not words or not all(w.isalpha() for w in words):
        return "", False
    if len(words) == 2 and words[0].lower() == "the" and words[1].islower():
        return words[1], True
    if len(words) == 2 and words[0].islower() and words[1] == "officials" and \
            words[0] in _BODY_HEADS:
        return words[0], False  # "council officials"; not "health officials"
    return "", False


def by_its_kind(sc: Claim, source_text: str) -> bool:
    """The party named as the subject speaks for itself under the name of its kind: "the
    company" for "Westmarch Ferries plans to cut sailings", "council officials" for "East
    Farrow District Council approved the scheme". The kind is in the subject's name (or one
    stem with a word of it: "the insurer" for "Pellhurst Insurance"), or the article gives
    the subject that kind ("Ashgrove Relief Trust, a clean-water charity"), or the speaker
    is "the company" (``corporate_nouns``) or "the club", "the charity" (a body's head noun,
    non_person_heads.txt, that is no public body nor news outlet) and the subject opens with
    an organisation's name, not a public body's or a news outlet's ("Brinton Council")."""
    noun, definite = kind_speaker(sc.attribution.source)
    if not noun:
        return False
    subject = sc.subject.strip()
    party = party_words(subject)
    if noun in party or any(_one_stem(noun, w) for w in party):
        return True
    if any(party & party_words(name) for name in names_of_kind(source_text, noun)):
        return True
    if not (definite and noun in _SELF_KINDS and (opens_with_name(sc, source_text)
                                                  or business_read_as_person(sc))):
        return False
    # not a public body's or an outlet's name ("Brinton Council will close the pool, the
    # club said": the club is another party)
    return noun in _CORPORATE or not party_words(subject) & _OTHERS


def business_read_as_person(sc: Claim) -> bool:
    """The claim's subject opens with a name of two words or more that the tagger took for a
    person's, but the sentence refers back to it as a thing ("Brindle Foods will shut its
    bakery": its last word a plural, "its" opening the verb's object, never "his" or
    "her"): a business. Known false positive: a person whose surname ends in "s" and whose
    verb's object is a firm's named before ("Ada Banks will sell its shares")."""
    subject = sc.subject.strip()
    name = next((e.text for e in sc.entities if e.label == "PERSON"
                 and subject.startswith(e.text) and len(e.text.split()) >= 2), "")
    if not name or not re.search(r"[^s]s$", name):
        return False  # a trade's plural ("Foods", "Pies"), not a person's surname ("Vellacott")
    verb = sc.text.lower().find(" " + (sc.predicate_text or "").lower() + " ")
    after = words(sc.text[verb:]) if verb > 0 and sc.predicate_text else []
    # "its" opens the verb's object, before any other noun's article ("will shut its
    # bakery"; not "will step down from the firm and its board")
    first = next((i for i, w in enumerate(after) if w in ("its", "the", "a", "an")), -1)
    return 0 < first <= 3 and after[first] == "its" and not _PERSON_WORDS & set(after)


def _one_stem(kind: str, word: str) -> bool:
    """A kind of party and a word of a name that share their first five letters and differ
    only in an ending ("insurer" of "Pellhurst Insurance", "brewer" of "Hollin Brewery"):
    the name says it is of that kind."""
    return len(kind) >= 5 and len(word) >= 5 and kind[:5] == word[:5] \
        and max(len(kind), len(word)) - 5 <= 4


def opens_with_name(sc: Claim, source_text: str) -> bool:
    """The claim's subject opens with an organisation's name: a name the tagger gives as no
    person, or capitalised words the tagger missed ("Westmarch Ferries"; one word only when
    the article also writes it capitalised inside a sentence, unlike "Regulators")."""
    subject = sc.subject.strip()
    if any(subject.startswith(e.text) for e in sc.entities if e.label == "PERSON"):
        return False
    if any(subject.startswith(e.text) for e in sc.entities if e.label in _BODY_LABELS):
        return True
    words = _WORD_RE.findall(subject)
    if not words or not words[0][:1].isupper() or words[0].lower() in _DETERMINERS or \
            words[0].lower().rstrip(".") in _GENERIC:
        return False
    if len(words) > 1 and words[1][:1].isupper():
        return True
    return re.search(r"[a-z,;]\s+" + re.escape(words[0]) + r"\b", source_text) is not None


_BODY_LABELS = ("ORG", "FAC", "PRODUCT", "NORP", "GPE")


def force_by_rank(lexicon, credit: str, speaker: str, source_text: str) -> bool:
    """The derived text credits a service by the noun of its kind ("Police say") with what
    the source gives one of its officers by rank ("Chief Inspector Rhys Ollard said":
    force_ranks.txt) or the service by its name ("Northwick Constabulary said"), in a source
    that names such a service (force_nouns.txt). Known false positive: a source with two
    forces, whose officer of the other one is then read as the credited force's."""
    kinds = {lexicon.value("force_nouns", w) for w in words(core_words(credit))}
    if len(kinds) != 1 or "" in kinds:
        return False
    kind = kinds.pop()
    if not any(lexicon.value("force_nouns", w) == kind for w in words(source_text)):
        return False
    said = speaker.split(",")[0].split()
    if any(lexicon.value("force_nouns", w) == kind for w in words(" ".join(said))) \
            and any(w[:1].isupper() for w in said):
        return True  # "Northwick Constabulary"
    lead = 0
    while lead < len(said) and lexicon.value("force_ranks", said[lead].lower()):
        lead += 1  # a rank, or a word before one ("Chief", "Deputy": "prefix")
    name = said[lead:]
    return any(lexicon.value("force_ranks", w.lower()) == kind for w in said[:lead]) \
        and bool(name) and all(w[:1].isupper() for w in name)


def core_words(phrase: str) -> str:
    """A speaker phrase without its determiners ("the police" -> "police")."""
    return " ".join(w for w in phrase.split() if w.lower() not in _DETERMINERS)


def one_public_group(a: str, b: str, wn) -> bool:
    """Two speakers named only as a group of people, a bare plural with no name, number or
    determiner ("Riders say", "Cyclists say"), where one group is the other or a kind of it
    in WordNet (a motorist is a driver). Neither credits a particular source, so crediting
    one for the other changes no attribution. Known false negative: a narrower group that
    speaks for a part only ("Bus drivers say" for "Drivers say" is read as the same)."""
    ha, hb = _group_head(a, wn), _group_head(b, wn)
    if not ha or not hb:
        return False
    if ha == hb:
        return True  # "Local residents" and "Residents"
    # a kind of the other only when neither is narrowed by a word before it ("Defence
    # lawyers" are not "Prosecutors", "Lorry drivers" not "Motorists")
    return len(a.split()) == len(b.split()) == 1 and (
        hb in wn.broader(ha, "noun", 2) or ha in wn.broader(hb, "noun", 2))


def _group_head(phrase: str, wn) -> str:
    """The singular head of a bare plural group of people ("Local drivers" -> "driver"), or
    '' when the phrase is anything else."""
    ws = phrase.strip(" ,").split()
    if not 1 <= len(ws) <= 2 or any(not w.isalpha() or w[1:] != w[1:].lower() for w in ws) \
            or ws[0].lower() in _DETERMINERS or not ws[-1].lower().endswith("s") \
            or len(ws) == 2 and (is_number_word(ws[0].lower()) or ws[0].lower() in _SCOPE):
        return ""  # "Two drivers", "Many drivers": a count of people, not the group
    if len(ws) == 2 and ws[1][:1].isupper():
        return ""  # "Local Drivers": a name
    last = ws[-1].lower()
    for single in (last[:-1], last[:-2], last[:-3] + "y"):
        first = wn.senses(single, "noun", 1) if wn.knows(single, "noun") else []
        if first and first[0].lexname == PERSON_LEXNAME:
            return single
    return ""
