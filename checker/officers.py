"""Officers of a party in an article's words: the title the article sets beside a person's
name ("The museum's director, Felix Ansby"), a person introduced as "its" officer after a
sentence that opens with the party, and an officer titled by the party's possessive ("the
council's head of roads"). An officer given a bare title, and the body she speaks for, is
``checker.bare_titles``'s. Plain text only; ``checker.voices`` and ``checker.affiliation``
read them to tell who speaks for whom."""

from __future__ import annotations

import re
from functools import lru_cache

from checker.lexicon import shipped
from checker.names import norm_name
from checker.party_kinds import one_of_kind, stand_in_noun
from checker.party_kinds import words as _words
from checker.records import Claim
from checker.source_phrase import NAME_RUN_RE, core, has_name

TITLES = shipped("titles") | shipped("party_voices")
CORPORATE = shipped("corporate_nouns")  # "the company's chief executive"
_BODIES = shipped("non_person_heads")
_FORMER = shipped("former")
# a sentence ends at ". " (not after a title: "Dr. Felix Ansby") or a line break
SENTENCE_END = re.compile(r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bProf)[.!?]\s|\n")


@lru_cache(maxsize=4096)
def introduction(text: str, name: str, *, said_clause: bool = True,
                 whole_name: bool = False) -> str:
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
    for a title alone. ``whole_name`` reads only the mentions by the whole name or by an
    honorific and the surname (honorifics.txt), not a relative's ("her husband, Tom Voss");
    a name given by an honorific ("Ms Abney") is met by the given name and surname too."""
    last = name.split()[-1] if name.split() else ""
    if len(last) < 3 or not last[:1].isupper():
        return ""
    found: list[str] = []
    mention = re.escape(last)
    if whole_name:
        titles = "|".join(sorted(map(re.escape, _HONORIFICS)))
        whole = re.escape(" ".join(name.split()))
        if name.split()[0].lower().rstrip(".") in _HONORIFICS:
            whole = rf"(?:[A-Z][\w'’-]+\s+){{1,2}}{mention}"  # "Ms Abney": "Ruth Abney" too
        mention = rf"(?:{whole}|(?i:{titles})\.?\s+{mention})"
    for m in re.finditer(r"\b" + mention + r"\b(?![’']s)" if whole_name
                         else r"\b" + mention + r"\b", text):
        before = text[max(0, m.start() - 80):m.start()]
        ends = list(SENTENCE_END.finditer(before))
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


_HONORIFICS = shipped("honorifics")
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
# (or a council's executive post with no article: ", cabinet member for schools,":
# council_executive_posts.txt; or a bare executive title of a named body: ", managing
# director of Harrow & Dunn,": executive_titles.txt; not ", chair of the forum,", whose
# words in a dispute stay the chair's)
_BARE_POSTS = "|".join(sorted(map(re.escape, shipped("council_executive_posts")), key=len,
                              reverse=True))
_EXECUTIVE = "|".join(sorted(map(re.escape, shipped("executive_titles"))))
_APPOSITION = re.compile(r"\s*,\s*((?:(?:the|a|an|its|their|his|her|who|which)\b|"
                         rf"(?:{_BARE_POSTS})\b|"
                         rf"(?=(?:[a-z][\w-]*\s+){{0,2}}(?:{_EXECUTIVE})\b(?:\s+[a-z][\w-]*)?"
                         r"\s+(?:of|at|for)\s+(?:the\s+)?[A-Z])|"
                         r"[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*)*['’]s\b)[^,.;\"“”]+?)"
                         r"([,.;]|\s+and\s+(?:who|whose|which)\b)")


# The capitalised name that opens a sentence ("The Fair Banking Union disagreed.")
OPENING_NAME = re.compile(r"[\W]*(?:The\s+)?((?:[A-Z][\w'’-]*\s+)*[A-Z][\w'’-]*)")

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
        ends = [e.end() for e in SENTENCE_END.finditer(window)]
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
                    and not _other_name(opening, targets) \
                    or _its_kind(text, opening, targets):
                return True  # also by a short form of its name ("Carrowby rejected it.")
            if not _of_a_thing(opening):
                break  # another party opens it: "its" is that party's
    return False


_FILLERS = shipped("name_fillers")


def _other_name(opening: str, targets: set) -> bool:
    """The sentence opens with a name of two words or more that is none of ``targets``
    ("The Dunfold Traders' Guild said ..." for the "Dunfold Cyclists'
    Club"): its first word, shared with the target, is no short form of the target's
    name there."""
    run = NAME_RUN_RE.match(re.sub(r"^\W*(?:[Tt]he\s+)?", "", opening))
    name = norm_name(run.group(0)) if run else ""
    mine = set(name.split()) - _FILLERS
    return len(mine) >= 2 and not any(mine <= set(t.split()) or set(t.split()) - _FILLERS <= mine
                                      for t in targets)  # ("Harwick Angling Club" is the
    # "Harwick and District Angling Club": a short form drops words, it adds none)


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
    ends = [m.end() for m in SENTENCE_END.finditer(source_text[:at])]
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


# the post set beside the name ("Ann Reyes, the cabinet member for parks") or as the title
# before it ("Council leader Tom Hale"), not "the party's shadow cabinet member", "who
# stood down as council leader" nor "executive member of the chamber of commerce"
EXECUTIVE_POSTS = re.compile(rf"(?:^|,\s*)(?:the\s+)?(?:{_BARE_POSTS})\b"
                             r"(?!\s+(?:of|at|on)\s+(?!the\s+council\b))", re.I)
# Verbs that tell what was found or said, not what the speaker's own people do.
TELLS = shipped("finding_verbs") | shipped("factive") | shipped("speech_verbs")


def council_executive(subj: str, source: str, claim: Claim) -> bool:
    """A member of a council's executive ("the cabinet member for roads":
    council_executive_posts.txt) telling what "the council" did or will do, in the affirmative
    and with a verb of doing, not of finding or saying: the council's own account. The post
    is set beside the name or stands before it as a title (not "shadow cabinet member", not
    "who stood down as council leader"). Known false positive: a cabinet member of another
    council the story names."""
    return subj == "the council" and bool(EXECUTIVE_POSTS.search(source)) \
        and not claim.negated and claim.predicate.lower() not in TELLS
