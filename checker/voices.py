"""A party's voice: a spokesperson, a statement or an officer speaking for a party, read
from the speaker phrase and the source text alone.

A report of a party's plan or act by the party's own voice ("The company intends to appeal
the order, a spokeswoman said"; "The utility cut power to 9,000 homes, a spokesman said") is
the party's account of what it does; a summary may write it as "The company intends to
appeal" without dropping anyone's attribution. DA101 reads it through
``own_account_by_its_voice``. So does a party speaking under the name of its kind ("the
company said", "council officials said"). The source article's words around the speaker's
mentions tell whose officer they are, and the names it sets beside a kind ("Corrisdale
Bank", "the Ashgrove Relief Trust, a charity") tell which party "the bank" or "the charity"
is. A speaker may stand for a party the text named before (``for_party``: "a spokesperson
for the group", "the company's head of operations"). Which two speakers of the texts
belong together is ``affiliation``'s job.
"""

from __future__ import annotations

import re

from checker.lexicon import shipped
from checker.officers import CORPORATE as _CORPORATE
from checker.officers import TITLES as _TITLES
from checker.bare_titles import bare_title_officer
from checker.officers import (council_executive, introduction, its_officer_in, officer_by_owner,
                              officer_of_the_named, quotation_before)
from checker.party_kinds import (business_read_as_person, by_its_kind, names_of_kind,
                                 one_of_kind, opens_with_name, party_words_in)
from checker.party_kinds import words as _words
from checker.records import Claim
from checker.source_phrase import core, has_name, pronoun_owned
from checker.word_patterns import LETTER_WORD as _WORD_RE

_VOICES = shipped("party_voices")
_KINDS = _CORPORATE | shipped("non_person_heads")  # "the company", "the university"
# "The museum" opening a paragraph, before its verb
_KIND_SUBJECT = re.compile(r"\s*The\s+([a-z]+)\s+(?!of\b|and\b|'s\b)[a-z]")
_STAND_INS = shipped("stand_ins")
_FORMER = shipped("former")
_EXECUTIVE = shipped("executive_titles")
# A name of two capitalised words or more ("Harbridge Buses", "Ines Corrie")
_NAME_RUN_RE = re.compile(r"\b[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*)+")
_AWAY = frozenset({"at", "of", "for", "from", "with"})  # another body: "a partner at X"
_PERSON_PRONOUNS = shipped("pronouns_person")
_THING_PRONOUNS = shipped("pronouns_thing")
_DETERMINERS = shipped("determiners") | shipped("possessives") | shipped("articles")
FOR_PARTY_RE = re.compile(r"\b(?:for|at|of|from)\s+(?:the|its|their)\s+[a-z][\w'’-]*\W*$", re.I)
_PARTY_OFFICER_RE = re.compile(r"^(?:the|its|their)\s+[a-z][\w-]*['’]s?\s+(\w+)(?:\s+(\w+))?",
                               re.I)


def _a_party(claim: Claim) -> bool:
    """The subject is a party (an organisation, a body), not a person."""
    subj = claim.subject.strip()
    if not subj or subj.lower() in _PERSON_PRONOUNS:
        return False
    return not any(e.label == "PERSON" and e.text in subj for e in claim.entities)


def _voice_for(speaker: str, party: set[str]) -> bool:
    """A spokesperson or statement with nothing naming another party: bare ("a
    spokeswoman"), of a kind of party ("a company spokesperson") or of this one ("a
    Grantley spokeswoman", "a spokesman for the museum")."""
    if not a_voice(speaker):
        return False
    if "," in speaker:  # "Anika Rowe, a spokeswoman for the utility": the description
        # ("a spokesman, Olaf Brint": the voice before the name)
        head, tail = speaker.split(",", 1)
        names = re.findall(r"[\w'’.-]+", tail)
        speaker = head if a_voice(head) and names and all(w[:1].isupper() for w in names) \
            else tail
    words = _words(speaker)
    rest = {w for w in words if w not in _VOICES and w not in _DETERMINERS
            and w not in _STAND_INS and w not in ("for", "of", "at", "from", "press")}
    rest -= _name_after_title(speaker)
    return not rest or bool(rest & party)


def _name_after_title(speaker: str) -> set[str]:
    """The person's name written after the voice word ("spokeswoman Rosa Mendelle" ->
    {"rosa", "mendelle"}): capitalised words right after it, which name the person, not a
    party ("a Grantley spokeswoman" names the party before it)."""
    raw = _WORD_RE.findall(speaker)
    words = _words(speaker)
    out: set[str] = set()
    for i, w in enumerate(words):
        if w in _VOICES:
            j = i + 1
            while j < len(raw) and raw[j][:1].isupper():
                out.add(words[j])
                j += 1
    return out


def a_voice(phrase: str) -> bool:
    """The phrase names a party's voice of any party ("a council spokesperson", "the
    club's lawyer": party_voices.txt)."""
    words = _words(phrase)
    return any(w in _VOICES or " ".join(words[i:i + 2]) in _VOICES
               for i, w in enumerate(words))


def bare_voice(phrase: str) -> bool:
    """A spokesperson or statement that names no party ("a spokeswoman", "its spokesman",
    "a company spokesperson"): the voice of the party the text has just named."""
    return _voice_for(phrase, set())


def _their_own_voice(sc: Claim) -> bool:
    """A person's own acts or plans on the word of their agent, lawyer or spokesperson ("She
    has asked for her B sample to be tested, her agent said")."""
    speaker = sc.attribution.source
    desc = speaker.split(",", 1)[1] if "," in speaker else speaker
    words = _words(desc)
    return len(words) >= 2 and pronoun_owned(desc) and _voice_for(desc, set())


def own_account_by_its_voice(sc: Claim, source_text: str, claims=()) -> bool:
    """True when a source claim gives a party's own acts or plans on the word of the party's
    voice (as ``self_report.self_report`` does for the party itself; claims of being are
    never its own account):
    a spokesperson or statement of it ("The company intends to appeal, a spokeswoman
    said"; "Pellham plans to apply, a company spokesperson said"; a bare one for the party a
    pronoun stands for: "It will publish a review, a spokeswoman said") or a person the
    article introduces as its officer ("The museum's director, Felix Ansby" for "The museum
    will close the gallery, Ansby said"; "the museum's director said" itself; "Its director,
    ..." after a sentence opening with the party; "Chief inspector X" for the inspectorate;
    "the company" for the party named in the two sentences before, by its officer, or for
    the organisation whose name opens, as the subject of one of the article's ``claims``,
    the sentence where an officer with a bare title is first named, or the one before:
    ``bare_titles.bare_title_officer``); and a person's, on the word of their own agent,
    lawyer or spokesperson ("her agent said")."""
    attr = sc.attribution
    if attr is None or not attr.source or attr.negated or attr.kind not in (
            "named", "according-to"):
        return False
    if sc.predicate == "be":
        return False
    if not _a_party(sc):
        # a business's name the tagger took for a person's, which its sentence calls "its",
        # speaks for itself under the name of its kind only ("Brindle Foods will shut its
        # bakery, the company said"), not through a voice another sentence introduces
        return business_read_as_person(sc) and by_its_kind(sc, source_text) \
            or _their_own_voice(sc)
    if sc.subject.strip().lower() in _THING_PRONOUNS:
        # "It is expected to open an inquiry, a spokesperson said": the party just named
        return bare_voice(attr.source)
    if by_its_kind(sc, source_text):
        return True
    party = party_words_in(sc.subject, source_text)
    if not party:
        return False
    if _voice_for(attr.source, party) or _voice_for(attr.surface, party) \
            or officer_by_owner(attr.source, party):
        return True
    intro = introduction(source_text, attr.source)
    if council_executive(sc.subject.strip().lower(), intro, sc):
        return True  # "Councillor Ann Reyes, cabinet member for roads, ..." in an earlier
        # sentence: "the council" acts in what she says
    desc = _words(intro)
    # the body's own kind of officer ("Principal inspector Dagny Ruthven" of the
    # inspectorate, "the commissioner" of the commission): a title word one stem with it
    said = set(desc) | set(_words(attr.source))
    titled = not said & (_FORMER | _AWAY) and any(
        len(w) >= 6 and (p.startswith(w) and len(p) - len(w) >= 2
                         or w.startswith(p) and w[len(p):] in ("er", "or", "lor"))
        for w in said if w in _TITLES for p in party)
    # not one of another place ("a partner at the law firm") or a past one ("a retired
    # inspector", "a former director": former.txt)
    # "The directorate has ordered X. Its director, Dr Amara Solberg, said ...": its officer
    return bool(set(desc) & party) or titled or _bare_head(sc, desc, source_text) \
        or its_officer_in(
        source_text, attr.source, sc.subject) or officer_of_the_named(sc, source_text) \
        or bare_title_officer(sc, source_text, claims) \
        or _voice_after_its_party(attr.source, party, source_text)


def _bare_head(sc: Claim, desc: list, source_text: str) -> bool:
    """The speaker is first named in the claim's own sentence with a bare executive title
    ("Harnley Coaches has cut two routes, managing director Ada Fenwick said":
    executive_titles.txt), nothing else said of them, the sentence's subject opens with an
    organisation's name, and no other name stands in that sentence or the one before: its
    head speaks for it; not of a denial or a cause. Known false positive: the head of
    another business, named bare in a sentence about this one with no other name near."""
    name = core(sc.attribution.source).split()
    if not desc or not set(desc) & _EXECUTIVE or not set(desc) <= _TITLES | _EXECUTIVE \
            or not name or sc.negated or any(link.kind == "causal" for link in sc.links):
        return False
    first = re.search(rf"\b{re.escape(name[-1])}\b", source_text)
    if first is None or not sc.sent_start <= first.start() < sc.sent_start + len(sc.sentence):
        return False
    # no other organisation named in the sentence or the one before ("Harbridge Buses has
    # complained. Tallow has run buses below cost, managing director Ines Corrie said")
    before = source_text.rfind(". ", 0, max(0, source_text.rfind(". ", 0, sc.sent_start)))
    near = source_text[before + 1:sc.sent_start + len(sc.sentence)]
    mine = set(_words(sc.subject)) | set(_words(sc.attribution.source))
    return opens_with_name(sc, source_text) and not any(
        not set(_words(m.group())) <= mine for m in _NAME_RUN_RE.finditer(near))


def _voice_after_its_party(speaker: str, party: set, source_text: str) -> bool:
    """The speaker is introduced as a voice for a party by its kind ("Ines Marrow, a
    spokeswoman for the company"), in a sentence that names the party before the speaker or
    right after one that does ("Cardle Leisure denied it. Ines Marrow, a spokeswoman for
    the company, said ..."); a kind the voice names must fit the party: a corporate noun
    (corporate_nouns.txt) of an article that names no body by it, or one the article
    gives the party ("for the union" speaks for no company). Known false positive: a
    company named there that is not the one the spokeswoman speaks for."""
    at = source_text.find(speaker)
    desc = introduction(source_text, speaker, said_clause=False)
    if at < 0 or not for_party(desc):
        return False
    kind = voice_party(desc)  # "for the company": a body of that kind, not "for the union"
    own = set(_words(speaker))  # (not the speaker's own name, "Ina Marr, a ... company")
    kinds = [n for n in names_of_kind(source_text, kind) if not set(_words(n)) <= own] \
        if kind else []
    if kind and kind not in party and not (
            _CORPORATE & {kind} and not kinds or any(set(_words(n)) & party for n in kinds)):
        return False
    stop = source_text.rfind(". ", 0, at)
    before = source_text.rfind(". ", 0, stop) if stop >= 0 else -1
    start = max(before + 2 if before >= 0 else 0,
                source_text.rfind("\n", 0, at) + 1)  # (within its paragraph)
    return bool(party & set(_words(source_text[start:at]))) \
        or _kind_opens_before_quote(source_text, at, party)


def _kind_opens_before_quote(source_text: str, at: int, party: set) -> bool:
    """The speaker first speaks in the tag of a quotation whose paragraph opens with a
    sentence that has the party for its subject by the kind the article names it by, the
    one body of that kind it names ("The museum denied it. '...,' spokesperson Ada Crane
    said" of the Pellham Museum); not a party that sentence only names as an object."""
    opening = quotation_before(source_text, at)
    if opening < 0:
        return False
    para = source_text.rfind("\n", 0, opening) + 1
    m = _KIND_SUBJECT.match(source_text, para)
    return opening > para and m is not None and m.group(1).lower() in _KINDS and bool(
        party & set(_words(one_of_kind(source_text, m.group(1).lower()))))


def for_party(phrase: str) -> bool:
    """An unnamed speaker who speaks for a party the text named before ("a spokesperson for
    the group", "an official at the ministry", "the company's head of operations", or a bare
    "a spokeswoman"), not a witness ("people familiar with the talks")."""
    phrase = phrase.strip()
    officer = _PARTY_OFFICER_RE.match(phrase)  # "the company's head of operations"
    return not has_name(phrase) and (FOR_PARTY_RE.search(phrase) is not None
                                     or bare_voice(phrase) or (
                                         officer is not None
                                         and bool({(w or "").lower() for w in officer.groups()}
                                                  & _TITLES)))


def voice_party(phrase: str) -> str:
    """The kind of party an unnamed speaker says it speaks for ("two people at the club":
    "club"; "an official at the ministry": "ministry"), or ''."""
    m = FOR_PARTY_RE.search(phrase)
    return _words(m.group(0))[-1] if m else ""
