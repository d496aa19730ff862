"""Who vouches for a claim: source names and where a derived text gives them (whether two
phrases name the same source is ``checker.same_source``).

Shared by the attribution rules (DA101, DA102, DA103). They see plain records, so a source is
told apart by its words: the runs of capitalised words in its phrase ("Northvale Emergency
Management Agency"), the distinctive words of those runs (not the lexicon's
``attribution_generic`` words: "the", "two", "Agency", "Minister") and the lemma of its head
word ("two officials" -> "official"). A derived text *names* a source when it writes one of
its runs, a distinctive word, or its head noun.

What a source phrase's words say of it (its core, a name, a definite description) is in
``checker.source_phrase``; which name a description stands for, and whom a claim's subject
credits, in ``checker.descriptions``; who speaks for which party is in
``checker.voices`` and ``checker.affiliation``; whether a derived claim says what a source
claim says, in ``checker.claim_content``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import NamedTuple, Sequence

from checker.align import key
from checker.lexicon import shipped, shipped_values
from checker.party_kinds import names_of_kind, party_words, stand_in_noun
from checker.records import Attribution, Claim
from checker.same_source import before_witness
from checker.source_phrase import NAME_RUN_RE, bare_word
from checker.word_patterns import LETTER_WORD as _WORD_RE

_POSSESSOR_RE = re.compile(r"\s*['’]s?\b")
_PRONOUNS = shipped("pronouns_subject")
_DEICTIC = shipped("deictics")
_DETERMINERS = shipped("determiners")
_POSSESSIVES = shipped("possessives")
_THING_PRONOUNS = shipped("pronouns_thing")
# Prepositions that credit a record or a count to a source ("figures from X", "per X").
_CREDITING = shipped("crediting_prepositions")
_PLACES = shipped("place_prepositions")
_PREPOSITIONS = shipped("prepositions")
# Words that open a definite source phrase besides possessives ("the", "both"), and words two
# source names may share without naming the same source ("the", "news").
_DEFINITE = shipped("definite_openers") | _POSSESSIVES
_NAME_FILLERS = shipped("name_fillers")
_ANONYMITY = shipped("anonymity_phrases")


class SourceName(NamedTuple):
    """What identifies a source in text."""

    runs: frozenset  # lower-case runs of capitalised words, leading determiners dropped
    words: frozenset  # distinctive (non-generic) words of those runs, lower case
    head: str  # key of the head noun's lemma ("offici" for "officials"); "" if unknown
    # named by a definite description ("the authority's own assessment"), not an
    # indefinite one ("two officials")
    definite: bool = False


def source_name(attr: Attribution, generic: frozenset) -> SourceName:
    """The runs, distinctive words and head of an attribution's source (and of the words the
    text used for it, when a pronoun or "the company" was resolved)."""
    runs, words = set(), set()
    for phrase in (attr.source, attr.surface):
        for m in NAME_RUN_RE.finditer(phrase or ""):
            toks = [bare_word(w) for w in m.group().split()]
            while toks and toks[0] in _DETERMINERS:
                toks.pop(0)
            if len(toks) > 1 or (toks and toks[0] not in generic):
                runs.add(" ".join(toks))
                words.update(t for t in toks if t not in generic and len(t) > 1)
    head = attr.head if attr.head and attr.head not in _PRONOUNS else ""
    first = (attr.surface or attr.source).split()[:1]
    return SourceName(frozenset(runs), frozenset(words), key(head) if head else "",
                      bool(first) and first[0].lower() in _DEFINITE)


def same_name(a: SourceName, b: SourceName) -> bool:
    """True when two source names share a run, a distinctive word, or (both unnamed) a head."""
    if a.runs & b.runs or a.words & b.words:
        return True
    return bool(a.head) and a.head == b.head and not (a.words and b.words)


def is_anonymous(attr: Attribution, generic: frozenset) -> bool:
    """An unnamed, indefinite source ("two officials", "a person familiar with the talks",
    "two people familiar with the Grand Hall's records": a name after what they know of is
    not theirs)."""
    if unnamed_on_purpose(f"{attr.source} {attr.surface or ''}"):
        return True  # "two officials at the board, speaking on condition of anonymity"
    name = source_name(replace(attr, source=before_witness(attr.source),
                               surface=before_witness(attr.surface or "")), generic)
    first = (attr.surface or attr.source).split()[:1]
    definite = bool(first) and first[0].lower() in _DEFINITE
    return not name.words and not definite


def unnamed_on_purpose(text: str) -> bool:
    """The text says its speakers are unnamed on purpose ("speaking on condition of
    anonymity", "who asked not to be named": anonymity_phrases.txt)."""
    said = " ".join(re.findall(r"[a-z]+", text.lower()))
    return any(f" {p} " in f" {said} " for p in _ANONYMITY)


def mentions(text: str, name: SourceName, *, offset: int = 0) -> list[tuple[int, int, bool]]:
    """(start, end, possessor) of each place ``text`` names the source; ``possessor`` when the
    name is followed by "'s" ("Pellham's inhaler")."""
    out = []
    low = text.lower().replace("’", "'")
    for run in name.runs:
        for m in re.finditer(r"\b" + re.escape(run) + r"\b", low):
            out.append((m.start(), m.end()))
    for m in _WORD_RE.finditer(text):
        w = bare_word(m.group())
        if w in name.words or (name.head and key(w) == name.head
                               and (m.group()[:1].islower() or not name.words)):
            out.append((m.start(), m.end()))
    result = []
    for s, e in sorted(set(out)):
        poss = bool(_POSSESSOR_RE.match(text[e:e + 3])) or text[s:e].lower().endswith(("'s", "’s"))
        result.append((s + offset, e + offset, poss))
    return result


def _before_noun(claim: Claim, text: str, start: int, end: int, name: SourceName) -> bool:
    """The word at ``start`` opens the sentence, where any word is capitalised, and is one
    word of a longer name set before a common noun of the claim ("Ferry operators have
    treated travellers unfairly" does not name the Ferry Passengers Alliance): the noun's
    modifier, another party. (Not in mid-sentence: "Dunlow health officials" are the
    Dunlow Health Board's.)"""
    if start != claim.sent_start or not any(" " in run for run in name.runs) \
            or " " in text[start:end].strip():
        return False
    nxt = next((w for w in claim.words if w.start > start), None)
    return nxt is not None and nxt.start <= end + 1 and nxt.pos == "NOUN" \
        and nxt.text[:1].islower()


def sentence_of(claim: Claim, text: str) -> str:
    """The sentence a claim came from, from the article's clean text."""
    return text[claim.sent_start:claim.sent_end]


def placed(phrase: str, name: SourceName) -> bool:
    """A source phrase that names its body as a place ("papers filed at the High Court")."""
    return any(_after(phrase, s, _PLACES) for s, _e, _p in mentions(phrase, name))


def _modifier(claim: Claim, end: int) -> bool:
    """The name modifies the noun right after it ("in Harlow Council data"): no place."""
    nxt = next((w for w in claim.words if w.start >= end), None)
    return nxt is not None and nxt.pos == "NOUN" and not claim.text[
        end - claim.start:nxt.start - claim.start].strip()


def _words_before(text: str, start: int) -> list[str]:
    """The lower-case words of the phrase before ``start`` (back to a punctuation mark),
    determiners at its end left out."""
    phrase = re.split(r"[,;:.]", text[max(0, start - 80):start])[-1]
    before = [w.lower() for w in _WORD_RE.findall(phrase)]
    while before and before[-1] in _DETERMINERS:
        before.pop()
    return before


def _after(text: str, start: int, words: frozenset) -> bool:
    """The word before ``start``, past a determiner, is one of ``words``."""
    before = _words_before(text, start)
    return bool(before) and before[-1] in words


def _credits(text: str, start: int, *, reach: int = 1) -> bool:
    """The words before ``start`` end with "from", "per" or "by" (and a determiner); with
    ``reach`` above 1, one of the last ``reach`` words of its phrase is one ("by the coast
    authority's own assessment")."""
    if reach == 1:
        return _after(text, start, _CREDITING)
    before = _words_before(text, start)
    last = max((k for k, w in enumerate(before) if w in _CREDITING and k >= len(before) - reach),
               default=None)
    # nothing but the source's own phrase after it: not "from the port authority's lawyers
    # about the study", where the study is what they wrote about
    return last is not None and not any(w in _PREPOSITIONS for w in before[last + 1:])


def named_in_sentence(claim: Claim, text: str, name: SourceName, *,
                      with_verb: frozenset = frozenset(), places: bool = True,
                      said_outside: bool = False) -> bool:
    """True when the claim's sentence names the source as its frame ("..., the agency said",
    "Per the agency, ...", "That is the count from the agency") or inside the claim as
    anything but a possessor or a place ("The agency counted ...", "A, Ms Roe said, and B"
    when the parse kept the frame in the claim; not "Pellham's inhaler works" nor "a patient
    at Greyfield Hospital": place_prepositions.txt; with ``places`` False, a place counts:
    the source itself names the body as one, "papers filed at the High Court"). With
    ``said_outside`` (unnamed people: ``credit_kept.said_outside``), a mention outside the
    claim credits only as a frame of saying (``_framed``), and with ``with_verb`` one inside
    it only with a verb of saying beside it or "according to" before it."""
    found = [(s, e, p) for s, e, p in mentions(sentence_of(claim, text), name,
                                               offset=claim.sent_start)
             if not _before_noun(claim, text, s, e, name)]
    spots = [(s, e) for s, e, _p in found if places and _after(text, s, _PLACES)
             and not _modifier(claim, e)]
    for s, e, poss in found:
        if (e <= claim.start or s >= claim.end) and said_outside and with_verb \
                and not _credits(text, s) \
                and not _framed(text, s, e, with_verb):
            continue  # unnamed people outside the claim only as its frame, with a verb of
            # saying beside the noun ("porters" hired in another clause is no "one porter,
            # speaking privately")
        if e <= claim.start or s >= claim.end or _credits(text, s):
            return True
        if not poss and not (with_verb and not _verb_after(claim, e, with_verb)
                             and not _framed(text, s, e, with_verb)) \
                and not any(ps <= s and e <= pe for ps, pe in spots):
            return True  # inside the claim: "The agency counted ..."; with ``with_verb``
            # (unnamed people) only with one of those verbs right after the noun ("two
            # nurses said"; "a senior nurse overrode it" credits no "two nurses")
    return False


# "according to", "in the words of" or "by" and up to two words before a source's noun
# ("according to three staff", "a charge by two unnamed drivers"; not "from": "cut from six
# nurses to four" is a figure)
_ACCORDING_BEFORE = re.compile(r"\b(?:according\s+to|in\s+the\s+words\s+of|by)\s+"
                               r"(?:[\w'’-]+\s+){0,2}$", re.I)
# past forms of verbs of saying that no suffix rule undoes (irregular_said.txt)
_IRREGULAR_SAID = dict(shipped_values("irregular_said"))
# verbs whose passive reports a saying ("is reported to have said", "is understood to")
_REPORTED = shipped("attribution_passive")
_BE = shipped("be_forms")
# How many words after an unnamed source's noun its verb of saying may stand ("two people
# close to the board said")
SAID_REACH = 8


def _said_forms(word: str) -> set:
    """The lemmas a written word of a verb of saying may have: as written, an irregular
    past (irregular_said.txt), or less a suffix ("says", "warned", "noted", "warning",
    "noting", "testified")."""
    return {word, _IRREGULAR_SAID.get(word, word), word[:-1], word[:-2], word[:-3],
            word[:-3] + "e", word[:-3] + "y"}


def _said_after(text: str, end: int, verbs: frozenset) -> bool:
    """One of the ``SAID_REACH`` words after offset ``end``, in its clause, is a verb of
    ``verbs`` in any form ("an officer said", "two staff close to the board said"),
    unless a form of "be" comes next with a participle not followed by "to" ("was warned",
    "had been told": the noun was told; not "is reported to have said"). Known false
    positive: a verb of saying of another clause within reach."""
    rest = re.split(r"[.;:!?]", text[end:end + 160], maxsplit=1)[0]
    words = re.findall(r"[a-z]+", rest.lower())[:SAID_REACH]
    told = 1 if words[:1] and words[0] in _BE else \
        2 if words[:2] in (["has", "been"], ["have", "been"], ["had", "been"]) else 0
    said = words[told:told + 1]
    if told and not (words[told + 1:told + 2] == ["to"] and said
                     and _REPORTED & _said_forms(said[0]) or words[told + 1:told + 2] == ["as"]):
        return False  # "The council was warned", "had been told", "were told to": told,
        # not telling (but "is reported to have said", "was quoted as saying")
    return any(_said_forms(w) & verbs for w in words)



def _framed(text: str, start: int, end: int, verbs: frozenset) -> bool:
    """The source's noun from ``start`` to ``end`` stands as a frame of saying: after
    "according to", "in the words of" or a crediting preposition, after or before a verb of
    ``verbs`` ("says one warden", "one warden said")."""
    return bool(_ACCORDING_BEFORE.search(text, max(0, start - 40), start)) \
        or _said_before(text, start, verbs) or _said_after(text, end, verbs)


def _said_before(text: str, start: int, verbs: frozenset) -> bool:
    """A verb of ``verbs`` in any form among the three words before offset ``start`` in its
    clause: an inverted tag ("..., says one warden", "claims one porter")."""
    before = re.split(r"[.;:!?,]", text[max(0, start - 60):start])[-1]
    return any(_said_forms(w) & verbs for w in re.findall(r"[a-z]+", before.lower())[-3:])



def _verb_after(claim: Claim, end: int, verbs: frozenset) -> bool:
    """The claim's next word after ``end``, or the one after it, is a verb of ``verbs``."""
    after = [w for w in claim.words if w.start >= end][:2]
    return any(w.pos == "VERB" and w.lemma in verbs for w in after)


def credited_nearby(claim: Claim, text: str, name: SourceName, claims: Sequence[Claim],
                    generic: frozenset, source_text: str = "", *,
                    accounts: frozenset = frozenset()) -> bool:
    """True when the sentence after the claim's, in the same paragraph, credits the same
    source ("A. B, the agency said.", "A. That is the count from the agency."), or the one
    before does and the claim's sentence refers back to it ("The agency said A. Its figures
    show B.") or names the source again ("... the agency's board will decide B."): a claim
    there attributed to it, or the source after "from", "per" or "by".
    A source may be named by the kind of party the sources make it ("the processor said"
    for "Calderwick Dairies, the largest milk processor", read in ``source_text``). A next
    sentence that opens with its frame ("The hospital said B.") credits B only. A plain
    sentence after an attributed one is the writer's again ("X said A. B."); an unnamed
    source ("an official said") is carried only to a sentence that refers back to the one
    before ("According to two officials, A. Those figures show B."), never to the next: "an
    official said" there may be another official. A source given by a definite description
    ("the authority's own assessment") is carried to the next sentence where its head noun
    follows "by" or "from" within its phrase, with no other preposition between ("given by
    the coast authority's own environmental assessment"; not "a complaint from the port
    authority's lawyers about the assessment"). A next sentence that points back and names
    the source after one of ``accounts`` (account_nouns.txt, finding_nouns.txt) credits the
    claim too ("A. That is the conclusion of the county's auditors.")."""
    anonymous = not (name.runs or name.words)
    if anonymous and not name.head:
        return False
    described = anonymous and name.definite  # "the authority's own assessment"
    if described:
        anonymous = False
    starts = sorted({(c.sent_start, c.sent_end) for c in claims})
    i = next((k for k, se in enumerate(starts) if se[0] == claim.sent_start), None)
    if i is None:
        return False
    first = _WORD_RE.findall(text[claim.sent_start:claim.sent_start + 20])[:1]
    refers_back = bool(first) and first[0].lower() in _PRONOUNS | _POSSESSIVES | _DEICTIC \
        or not anonymous and bool(mentions(text[claim.sent_start:claim.sent_end], name))
    # (or names the source again: "The board confirmed A. The change is a pilot, and the
    # board's panel rules on B in May.")
    for j in (i + 1, i + 2):  # "A. B. Both numbers are from its annual report."
        if j < len(starts) and name.head and "\n" not in text[claim.sent_end:starts[j][0]] \
                and _figures_sourced(text[starts[j][0]:starts[j][1]], name, j - i):
            return True
    for j in (i - 1, i + 1):
        if not 0 <= j < len(starts) or (j < i and not refers_back) or (j > i and anonymous):
            continue
        s, e = starts[j]
        lo, hi = min(s, claim.sent_start), max(e, claim.sent_end)
        between = text[min(e, claim.sent_end):max(s, claim.sent_start)]
        if "\n" in between or hi - lo <= 0:
            continue
        if j > i and text[s:s + 1] in _OPENING_QUOTES:
            continue  # '"...," she said.' credits its quotation, not the sentence before
        for c in claims:
            if c.sent_start == s and c.attribution is not None and not c.attribution.negated \
                    and not (j > i and c.attribution.start < c.start) \
                    and (same_name(source_name(c.attribution, generic), name)
                         or _kind_of(c.attribution.source, name, source_text)):
                return True
        if anonymous:
            continue
        if any(_credits(text, ms, reach=8 if described else 1)
               or (j > i and _account_of(text[s:ms], accounts))
               for ms, _me, _p in mentions(text[s:e], name, offset=s)):
            return True
        if any(_kind_of(m.group(1), name, source_text)
               for m in _KIND_FRAME.finditer(text[s:e])):
            return True  # "..., the processor said, ..." that the parse kept no claim for
    return False


# A sentence that points back at the figures before it and gives where they come from: "Both
# figures come from", "These numbers are taken from", "The figures are in".
_FIGURES_FROM = re.compile(r"\s*(?:both|these|those|the|all(?:\s+the)?|all\s+\w+)\s+(?:\w+\s+)?"
                           r"(?:figures|numbers|statistics|estimates|counts|details|data)\s+"
                           r"(?:(?:come|comes|came|are|were|is|was)\s+(?:all\s+)?"
                           r"(?:taken\s+|drawn\s+)?(?:from|in)|(?:taken|drawn|quoted)\s+from"
                           r"|(?:compiled|published|produced|released)\s+by)\s+([^.;]{1,120})",
                           re.I)


def _figures_sourced(sentence: str, name, back: int) -> bool:
    """The sentence points back at the figures before it and names the source's head noun (its
    key) where they come from ("Both numbers are from the trust's annual report"), up
    to two sentences back (its noun is plural), with every word of the source's name
    (its owner: "the trust's annual report") after "from", "in" or "by", and a source
    told as a definite one not told as "a" one. Known false positives: figures of only one
    of the two sentences are taken as credited; a described source with another owner ("the
    union's report" for "the trust's annual report")."""
    m = _FIGURES_FROM.match(sentence)
    if m is None or back > 2:
        return False
    said = {key(w) for w in _WORD_RE.findall(m.group(1))}
    if name.definite and re.match(r"(?:a|an|one)\b", m.group(1).strip(), re.I):
        return False  # "from a union report" for "the trust's annual report": another one
    return name.head in said and all(key(w) in said for w in name.words) and all(
        key(w) in said for run in name.runs for w in run.split())


_OPENING_QUOTES = frozenset('"“\'‘')
_BE = shipped("be_forms")


def _account_of(opening: str, accounts: frozenset) -> bool:
    """A sentence's opening before a source's name points back and names an account:
    "That is the view of", "This was the finding of" (one of ``accounts``, plural or not,
    then "of")."""
    words = [w.lower() for w in _WORD_RE.findall(opening)]
    if words and words[-1] in _DETERMINERS:
        words.pop()  # "of the county's auditors"
    return len(words) == 5 and words[0] in _DEICTIC and words[1] in _BE \
        and words[2] in _DETERMINERS and words[4] == "of" \
        and (words[3] in accounts or words[3].rstrip("s") in accounts)

# A frame that names its speaker by a kind, at a clause's end: ", the processor said,".
_KIND_FRAME = re.compile(r",\s+(the\s+[a-z]+)\s+[a-z]+\s*[,.;]")


def _kind_of(speaker: str, name: SourceName, source_text: str) -> bool:
    """The speaker names the source by the kind of party the sources make it ("the
    processor" for "Calderwick Dairies, the largest milk processor")."""
    noun = stand_in_noun(speaker)
    return bool(noun and source_text) and any(
        party_words(n) & name.words for n in names_of_kind(source_text, noun))


# A relative clause on a speaker ("Two porters, who would not give their names for fear of
# losing their posts"): what it says of the speakers, not whose the speakers are.
# a speaker given as the one who leads a body ("who chairs Save Orme", ", head of the trust")
