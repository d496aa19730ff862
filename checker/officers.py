"""Officers of a party in an article's words: the title the article sets beside a person's
name ("The museum's director, Felix Ansby"), a person introduced as "its" officer after a
sentence that opens with the party, and "the company" for the party named just before, on
its officer's word. Plain text only; ``checker.voices`` and ``checker.affiliation`` read them
to tell who speaks for whom."""

from __future__ import annotations

import re
from functools import lru_cache

from checker.lexicon import shipped
from checker.names import norm_name
from checker.party_kinds import one_of_kind, opens_with_name, stand_in_noun
from checker.party_kinds import words as _words
from checker.records import Claim
from checker.source_phrase import core, has_name

TITLES = shipped("titles") | shipped("party_voices")
CORPORATE = shipped("corporate_nouns")  # "the company's chief executive"
_BODIES = shipped("non_person_heads")
_PUBLIC = shipped("public_body_heads")
_FORMER = shipped("former")
_GENERIC = shipped("attribution_generic")
# a sentence ends at ". " (not after a title: "Dr. Felix Ansby") or a line break
_SENTENCE_END = re.compile(r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bProf)[.!?]\s|\n")


@lru_cache(maxsize=4096)
def introduction(text: str, name: str, *, said_clause: bool = True) -> str:
    """The words the article sets beside a person's mentions: the title before the name
    ("The museum's director, Felix Ansby" -> "The museum's director") or the apposition
    after it ("Lena Hargrove, the company's head of operations, said" -> "the company's head
    of operations"), from every mention (an article may call her "Area director Ruth Ingleby"
    first and "Ruth Ingleby, the agency's area director" later); '' when there is none.
    What a quotation or a verb of saying comes before ('"...," said Sonia Pellew') is no title.
    The last clause of what a speaker said before ", Sonia Pellew said" is read with her
    words too: a party it names ("The trust plans to hire nurses, Pellew said") counts as
    hers (``voices``: her report of the party's plans is its own account; known false
    positive: another party's speaker reporting them); ``said_clause=False`` leaves it out,
    for a title alone."""
    last = name.split()[-1] if name.split() else ""
    if len(last) < 3 or not last[:1].isupper():
        return ""
    found: list[str] = []
    for m in re.finditer(r"\b" + re.escape(last) + r"\b", text):
        before = text[max(0, m.start() - 80):m.start()]
        ends = list(_SENTENCE_END.finditer(before))
        if ends:
            before = before[ends[-1].end():]
        # the given names before the surname are not its title ("director, Mara Quist")
        before = re.sub(r"(?:\s*\b[A-Z][\w'’.-]*){0,2}\s*$", "", before)
        parts = _NOT_A_TITLE.split(before.rstrip(" ,").split(",")[-1])
        title = parts[-1].strip()
        if not said_clause and before.rstrip().endswith(",") \
                and _SAID_AFTER.match(text, m.end()):
            title = ""  # "... by June, Ann Veld said": the end of what she said, no title
        appos = _APPOSITION.match(text[m.end():m.end() + APPOSITION_REACH])
        if appos is not None and appos.group(2) != "," and (len(parts) < 2 or title):
            appos = None  # to the sentence's end only after a verb of saying: "said X, the Y."
        for part in (title, appos.group(1).strip() if appos else ""):
            if part and part not in found:
                found.append(part)
    return " ".join(found)


# The verbs that give a quotation or a statement before a speaker's name ('"...," said X').
_SAYING = r"(?:said|says|told|tells|added|adds)"
# A verb of saying right after a name ("..., Ann Veld said").
_SAID_AFTER = re.compile(rf"\s+{_SAYING}\b", re.I)
# A title starts after a quotation or a verb of saying ('"...," said the council's chief
# executive, Delphine Marchbank'; '"...," said Sonia Pellew' has none).
_NOT_A_TITLE = re.compile(rf"[\"“”]|\b(?:{_SAYING}|according to)\b", re.I)
# How far after a name its apposition may run to its comma, its full stop or a second
# relative clause ("Orla Bennick, who chairs the Tarrow Vale Allotment Society and whose own
# plot ...": the first clause only, not "and who has campaigned against X" after it).
APPOSITION_REACH = 200
# An apposition after a name: a noun phrase or a relative clause up to the next comma, or to
# the end of the sentence ("said Sonia Pellew, the commission's head of investigations.").
_APPOSITION = re.compile(r"\s*,\s*((?:(?:the|a|an|its|their|his|her|who|which)\b|"
                         r"[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*)*['’]s\b)[^,.;\"“”]+?)"
                         r"([,.;]|\s+and\s+(?:who|whose|which)\b)")


# The capitalised name that opens a sentence ("The Fair Banking Union disagreed.")
_OPENING_NAME = re.compile(r"[\W]*(?:The\s+)?((?:[A-Z][\w'’-]*\s+)*[A-Z][\w'’-]*)")

# "Its director of operations, Priya" or "the company's operations director, Lorna" before a
# surname: an officer of the party just named (corporate_nouns.txt for a business)
_OWNER = r"its|their|the\s+(?:" + "|".join(sorted(CORPORATE)) + r")['’]s"
_ITS_TITLE = re.compile(rf"\b(?i:{_OWNER})\s+([\w'’ -]{{0,40}}?),?\s*"
                        r"(?:[A-Z][\w'’.-]*\s+){0,2}$")


# What may stand before "its" in the officer's sentence: nothing, or a quotation and the
# verb that gives it ('"We ...," said its chief executive', '"We ...," the company's
# director said')
_OPENS = re.compile(rf'(?:["“].*["”]\s*,?\s*(?:{_SAYING})?)?', re.S)


def its_officer_in(text: str, person: str, party: str) -> bool:
    """The article introduces ``person`` as "its" or "their" officer or voice at the head of
    a sentence or after its quotation ("The agency denied it. Its director of operations,
    Priya Halloway, said ..."), and the sentence before opens with ``party`` as its subject
    (or "the" and its kind: "the agency" for "the Esterdale Roads Agency"), or the one before
    that when the sentence between opens with a thing ("The union said X. The ballot opens
    on Monday. Its organiser, ...")."""
    words = core(person).strip(" ,;").split()  # (a source phrase may keep its comma)
    target = norm_name(core(party))
    if not words or not target or not has_name(person) or len(words[-1]) < 3:
        return False
    kind = re.compile(r"^\W*(?:\w+\W+){0,3}?the\s+" + re.escape(target.split()[-1]) + r"\b")
    # the name without a description written before it ("Contractor Northspan Fibre")
    targets = {target} | ({" ".join(target.split()[1:])} if len(target.split()) >= 3 else set())
    for m in re.finditer(r"\b" + re.escape(words[-1]) + r"\b", text):
        before = text[max(0, m.start() - 60):m.start()]
        title = _ITS_TITLE.search(before)
        if title is None or not set(_words(title.group(1))) & TITLES:
            continue
        # the party opens the sentence before the officer's ("The agency denied it. Its
        # director ..."), as its subject: not "The union criticised Brennock. Its ..."
        window = text[max(0, m.start() - 300):m.start() - len(before) + title.start()]
        ends = [e.end() for e in _SENTENCE_END.finditer(window)]
        if not ends or not _OPENS.fullmatch(window[ends[-1]:].strip()):
            continue  # "its" does not open the officer's sentence (nor follow its quote)
        starts = [0, *ends]
        for k in (len(starts) - 2, len(starts) - 3):
            if k < 0:
                break
            opening = window[starts[k]:starts[k + 1]]
            head = norm_name(" ".join(opening.split()[:6]))
            first = head.split()[0] if head.split() else ""
            if any(t in head for t in targets) or kind.search(opening.lower()) \
                    or len(first) >= 4 and first in target.split() \
                    or _its_kind(text, opening, targets):
                return True  # also by a short form of its name ("Carrowby rejected it.")
            if not _of_a_thing(opening):
                break  # another party opens it: "its" is that party's
    return False


def _its_kind(text: str, opening: str, targets: set) -> bool:
    """The sentence opens with "the" and a kind of party ("The firm denied it.") of which
    the article names one only, and that one is the party ("the lobbying firm Brackley
    Partners")."""
    m = re.match(r"\W*the\s+([a-z]+)\b(?!['’])", opening.lower())  # not "The firm's rival"
    named = one_of_kind(text, m.group(1)) if m else ""
    return bool(named) and any(t in norm_name(named) for t in targets)


def _of_a_thing(sentence: str) -> bool:
    """The sentence opens with a thing, not a party ("The ballot is expected to open ..."):
    "the" and a lower-case noun that names no body (non_person_heads.txt), so an "its" after
    it may reach back to the sentence before."""
    m = re.match(r"\W*(?:The|A|An)\s+([a-z]+)\s+(?!of\b)([a-z]+)", sentence)
    return m is not None and m.group(1) not in _BODIES and not m.group(1).endswith("s")


def officer_of_the_named(sc: Claim, source_text: str) -> bool:
    """"The company" as the subject of a report by an officer the article introduces as the
    officer of a party ("Arvale's operations director, Priya Solberg") that the two sentences
    before the claim name ("Arvale said staff would be paid. The company is seeking
    permission ..., Ms Solberg said"): that party, by its officer."""
    noun = stand_in_noun(sc.subject)
    if noun not in CORPORATE:
        return False
    intro = introduction(source_text, sc.attribution.source)
    if not set(_words(intro)) & TITLES:
        return False
    owners = re.findall(r"\b([A-Z][\w-]*)['’]s\b", intro)
    at = source_text.find(sc.text)
    if not owners or at < 0:
        return False
    ends = [m.end() for m in _SENTENCE_END.finditer(source_text[:at])]
    before = source_text[ends[-3] if len(ends) >= 3 else 0:at]
    return any(re.search(rf"\b{re.escape(o)}\b", before) for o in owners)


def officer_by_owner(speaker: str, party: set[str]) -> bool:
    """The speaker is a title of the party it names as its owner ("the opera house's general
    manager" for "The Verrin Opera House will stay closed"): the owner's words are all the
    party's, and a title (titles.txt, party_voices.txt) heads what follows, with no "former"
    (former.txt) and no second possessive ("the museum's director's husband"). The name set
    after the title ("the council's head of roads, Mara Fenn") and what the title is of
    ("head of roads": its head, "head") leave it the owner's title."""
    named = re.match(r"^(.*?),\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*,?\s*$", speaker)
    if named is not None:
        speaker = named.group(1)
    m = re.match(r"^\s*(?:the\s+)?([^,'’]+?)['’]s?\s+([^,'’]+)$", speaker, re.I)
    if m is None:
        return False
    owner, title = set(_words(m.group(1))), _words(m.group(2))
    if "of" in title[1:]:
        title = title[:title.index("of", 1)]
    # the title's head noun is a title, and nothing says it is a past one ("the museum's
    # former director") or someone else's tie ("the director's husband": no second "'s")
    return bool(owner) and owner <= party and bool(title) and title[-1] in TITLES \
        and not set(title) & _FORMER


def bare_title_officer(sc: Claim, source_text: str, claims=()) -> bool:
    """"The company" as the subject of a report by an officer the article gives a title but
    no party ("chief executive Ann Veld"), first so introduced in a sentence, or right after
    one or two, with an organisation's name as the subject of one of ``claims`` (the
    article's: "Brenmoor Leisure denied it. '...,' chief executive Ann Veld said."; before a
    quotation, from where it opens): that organisation's officer; not a body "the company"
    cannot be (public_body_heads.txt). A description by another kind ("the service", "the
    trust", "the union") stands for the one body the article names of that kind ("The
    Calby Regional Water Service", ``one_of_kind``) when the name and the noun open one of
    those sentences, and no other name of two words or more opens one nearer the officer:
    the officer who speaks right after it is its own.

    Known false positives: another party's officer given a bare title after sentences
    about the company that name no union or public body ("Calder cut pay. '...,' general
    secretary Ann Veld said." of a union the article names later), whose "the company" is
    then read as her own; likewise an officer of a body the article names later, given a
    bare title right after a sentence opening with the one body of another kind."""
    noun = stand_in_noun(sc.subject)
    if not noun:
        return False
    speaker = core(sc.attribution.source)
    if noun in CORPORATE:
        starts = _openings_before(source_text, speaker)
        return any(c.sent_start in starts and c is not sc and _an_organisation(c, source_text)
                   and not _PUBLIC.intersection(_words(c.subject)) for c in claims) \
            or any(c.sent_start in starts and _framed_by_opener(c, source_text, claims)
                   for c in claims) \
            or _named_by_its_kind(noun, starts, source_text, claims)
    name = one_of_kind(source_text, noun)
    if not name:
        return False
    opening = re.compile(rf"\W*(?:the\s+)?{re.escape(name)}\s+{re.escape(noun)}\b", re.I)
    for at in reversed(_openings_before(source_text, speaker, any_body=True)):
        if opening.match(source_text, at) is not None:
            return True
        other = _OPENING_NAME.match(source_text, at)
        if other is not None and len(other.group(1).split()) >= 2:
            return False  # another body opens a sentence nearer the officer ("The Ardley
            # Nurses Union condemned the plan. '...,' general secretary Ann Veld said")
    return False


def bare_title_of(source_text: str, speaker: str, party: str) -> bool:
    """``speaker`` is an officer the article gives a title but no party ("chief executive
    Ann Veld"), first so introduced in a sentence that opens with ``party``'s name (or the
    first word of it), or right after one or two such ("Pennyfold said it had changed its
    checks. Chief executive Ann Veld said ..."). Known false positives: as
    ``bare_title_officer``."""
    name = norm_name(core(party)).split()
    starts = _openings_before(source_text, core(speaker))
    return bool(name) and len(name[0]) >= 4 and name[0] not in _GENERIC and any(
        norm_name(source_text[s:s + 60]).split()[:1] == name[:1] for s in starts)


# a quotation's closing mark and its tag's first words, right before a speaker's name
_TAG_AFTER_QUOTE = re.compile(r'["”]\s*,?\s*(?:[A-Za-z]+\s+){0,5}$')


def quotation_before(text: str, at: int) -> int:
    """Where the quotation opens whose tag runs up to offset ``at`` ('"...," chief
    executive Ann Veld said': its opening mark, or 0), or -1 when no quotation closes
    right before."""
    closing = _TAG_AFTER_QUOTE.search(text[:at])
    if closing is None:
        return -1
    return max(text.rfind('"', 0, closing.start()), text.rfind("“", 0, closing.start()), 0)


@lru_cache(maxsize=4096)
def _openings_before(source_text: str, speaker: str, *, any_body: bool = False) -> tuple[int, ...]:
    """Where the sentence that first names an officer with a bare title starts, and the two
    before it (before a quotation, from where it opens); [] when the article gives the
    speaker no such title ("Arvale's director" names its party). Kept per article and
    speaker: DA101 and DA102 ask for the same officer many times per check."""
    last = speaker.split()[-1] if speaker.split() else ""
    intro = introduction(source_text, speaker, said_clause=False)
    if len(last) < 3 or not last[:1].isupper() or not set(_words(intro)) & TITLES \
            or re.search(r"[A-Z]|['’]s\b|\b(?:of|for|at|with)\b", intro[1:]) \
            or re.search(r"\b(?:its|their|his|her|our)\b", intro, re.I):
        return ()  # no title, or one that names its party ("Arvale's director", "Their
        # chair": the party a pronoun stands for)
    first = re.search(rf"\b{re.escape(last)}\b", source_text)
    if first is None:
        return ()
    at = first.start()
    opening = quotation_before(source_text, at)
    if opening >= 0:  # '"... Nobody will lose out," chief executive Ann Veld said':
        at = opening  # from where the quotation opens
    ends = (e.end() for e in _SENTENCE_END.finditer(source_text[:at + 1]))
    starts = sorted({len(source_text) - len(source_text[p:].lstrip()) for p in (0, *ends)})[-3:]
    if not any_body and any(_PUBLIC.intersection(_words(m.group(1))) for s in starts
                            if (m := _OPENING_NAME.match(source_text, s))):
        return ()  # a union or a council opens one of them ("The Fair Banking Union
        # disagreed. General secretary Ann Veld said"): whose officer is unknown
    return tuple(starts)


_NAME_RUN = re.compile(r"\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)+")



def _other_bodies(sentence: str, first: str) -> bool:
    """The sentence names a body that is no business by a name ending in its head ("the Fair
    Pay Union": public_body_heads.txt), not the company's own ("Pennock Foods")."""
    return any(m.group(0).split()[-1].lower() in _PUBLIC and first not in m.group(0).split()
               for m in _NAME_RUN.finditer(sentence))


def _named_by_its_kind(noun: str, starts, source_text: str, claims) -> bool:
    """The article credits one organisation by the noun of its kind ("..., the company
    said" for Pennock Foods), and one of the sentences before the officer's first mention
    names it ("Staff at Pennock were told on Friday", "Pennock shut a depot"), none of them
    naming a body that is no business ("members of the Fair Pay Union":
    public_body_heads.txt): "the company" in the officer's words is that one. Known false
    positive: the officer of another business named only there by a short name."""
    names = {c.attribution.source for c in claims if c.attribution is not None
             and c.attribution.surface.strip().lower() == f"the {noun}"
             and c.attribution.source and c.attribution.source != c.attribution.surface}
    if len(names) != 1:
        return False
    first = next(iter(names)).split()[0]
    if len(first) <= 2 or not first[:1].isupper() or first.lower() == "the":
        return False
    near = {c.sentence for c in claims if c.sent_start in starts}
    if any(_other_bodies(s, first) for s in near):
        return False  # another body named there ("members of the Fair Pay Union"): the
        # officer may be its own
    return any(re.search(rf"\b{re.escape(first)}\b", s) for s in near)


def _framed_by_opener(claim: Claim, source_text: str, claims) -> bool:
    """The claim is reported under a frame whose speaker is the name of two words or more
    that opens its sentence ("Fenwick Climbing Walls denied that its staff skipped the checks": the
    denial's speaker, though no claim of the sentence has it for subject), a name no claim
    of the article tags as a person's, or one the rest of its sentence calls "its"; no public
    body's. Known false positive: a person's name the tagger missed, before "its" for
    another thing ("Ada Crane denied that its roof leaked")."""
    outer = claim.attribution.outer if claim.attribution is not None else None
    for attr in (claim.attribution, outer):
        if attr is None or attr.kind != "named" or len(attr.source.split()) < 2:
            continue
        m = _OPENING_NAME.match(source_text, claim.sent_start)
        if m is None or m.group(1) != attr.source.strip() \
                or _PUBLIC.intersection(_words(attr.source)):
            continue
        rest = source_text[m.end():claim.sent_end]
        if re.search(r"\bits\b", rest, re.I) or not any(
                e.label == "PERSON" and e.text == attr.source.strip()
                for c in claims for e in c.entities):
            return True  # (a name the tagger took for a person's that the sentence calls
            # "its": "Fenwick Climbing Walls denied that its staff ...")
    return False


def _an_organisation(claim: Claim, source_text: str) -> bool:
    """The claim's subject opens with an organisation's name (``opens_with_name``), or with
    capitalised words and ", which" that the tagger took for a person ("Brenmoor Leisure,
    which runs the pool,": a person would be "who")."""
    return opens_with_name(claim, source_text) or re.match(
        r"[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*)+,\s+which\b", claim.subject.strip()) is not None
