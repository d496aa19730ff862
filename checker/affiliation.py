"""Who belongs with whom: two speakers of the texts that are one party's voice.

Two speakers belong together when the source writes one beside the other or quotes the
party's unnamed voice just after naming it (``affiliated``: "Dunmore's project manager, Glen
Ashby"). DA102 and DA103 do not count such a pair as a changed or swapped speaker;
``attribution.same_source`` lets "the union" stand for such a voice. What a speaker phrase
says by itself (a spokesperson, a party's officer, a party's own account) is in ``voices``.
"""

from __future__ import annotations

import re

from checker.lexicon import shipped
from checker.names import norm_name
from checker.officers import CORPORATE as _CORPORATE
from checker.officers import TITLES as _TITLES
from checker.bare_titles import bare_title_of
from checker.officers import introduction, its_officer_in
from checker.party_kinds import names_of_kind, one_of_kind, party_words_in
from checker.party_kinds import words as _words
from checker.person_names import a_body, a_surname, is_person
from checker.records import memo_on
from checker.source_phrase import anaphoric, core, has_name
from checker.voices import FOR_PARTY_RE, for_party, voice_party

_GENERIC = shipped("attribution_generic")  # "Mr", "Council": no name of its own
_FORMER = shipped("former")
_BODY_HEADS = shipped("non_person_heads")
_DETERMINERS = shipped("determiners") | shipped("possessives") | shipped("articles")


def beside(ctx, doc_id: str, speaker: str, name: str, *, before: bool = True) -> bool:
    """True when the source article ``doc_id`` writes ``name`` in the sentence of a mention
    of ``speaker``'s last word or, with ``before``, the one before (at most 240 characters
    before it or 80 after): "Acme denied it. 'No,' spokeswoman Ana Ruiz said." """
    art = ctx.doc_of.get(doc_id)
    last = speaker.replace("’", "'").split()[-1].strip(",.") if speaker.split() else ""
    if art is None or len(last) < 3 or not last[:1].isupper():
        return False
    low, target = art.text.lower(), norm_name(name)
    if not target:
        return False
    # Two bodies of one kind ("Harrowby Arts Council", "Harrowby City Council"): the last
    # word inside the other name itself is no mention of the speaker. (Two forms of one
    # person's name, "Ms Marchbank" and "Liesel Marchbank", are left as they were.)
    mine = set(re.findall(r"[a-z]+", norm_name(speaker)))
    theirs = set(re.findall(r"[a-z]+", target))
    inside = [(t.start(), t.end()) for t in re.finditer(re.escape(target), low)] \
        if mine - theirs and theirs - mine and not a_surname(ctx, last) else []
    for m in re.finditer(re.escape(last.lower()), low):
        if any(a <= m.start() < b for a, b in inside):
            continue  # the word within the other name itself ("Council" of "City Council")
        lo = max(0, m.start() - 240)
        window = low[lo:m.end() + 80]
        cut = m.start() - lo  # the sentence of the mention and the one before
        marks = sorted(i for i in range(cut) if window.startswith((". ", ".\n", "\n"), i))
        marks = [i for k, i in enumerate(marks) if k == 0 or i > marks[k - 1] + 2]
        head = (marks[-2] if len(marks) > 1 else -1) if before else (marks[-1] if marks else -1)
        tail = [i for i in (window.find(". ", cut), window.find("\n", cut)) if i >= 0]
        if target in window[head + 1:min(tail) if tail else len(window)]:
            return True
    return False


def named_before(ctx, doc_id: str, pos: int, name: str, *, reach: int = 240) -> bool:
    """True when the source article ``doc_id`` writes ``name`` in the ``reach`` characters
    before offset ``pos`` (the organisation whose unnamed spokesperson it quotes there)."""
    art = ctx.doc_of.get(doc_id)
    target = norm_name(name)
    if art is None or not target:
        return False
    window = norm_name(art.text[max(0, pos - reach):pos])
    return re.search(r"\b" + re.escape(target) + r"\b", window) is not None


def affiliated(ctx, sc, speaker: str, source_speaker: str, pos: int) -> bool:
    """The derived ``speaker`` and the source's belong together: the source names one beside
    the other ("Dunmore's project manager, Glen Ashby"; either way round), or its speaker
    speaks for a party ("a spokesperson for the group") and names ``speaker`` just before
    ``pos``. A person is beside another only in one sentence; an organisation also in the
    sentence before its spokesperson's or officer's (a speaker described as one:
    party_voices.txt, titles.txt), not before another named speaker's ("The Courier reported
    it. The Ledger reported that ...": two outlets). A former officer ("who was sacked as
    Tolbridge's director") belongs with no party, nor a person the speaker phrase ties to
    another named body ("an analyst at Holm Capital", or the sources' fuller mention of a
    person named short: "Judge Ines Marlow of the Tarrant County Court" for "Marlow"), nor
    two bodies that each speak for themselves in the sources (``_two_parties``)."""
    if _former(ctx, speaker) or _former(ctx, source_speaker):
        return False
    pairs = ((source_speaker, speaker), (speaker, source_speaker),
             (_with_body(ctx, source_speaker), speaker), (_with_body(ctx, speaker), source_speaker))
    if any(_of_another_body(ctx, a, b) for a, b in pairs):
        return False
    if _two_parties(ctx, speaker, source_speaker):
        return False
    if beside(ctx, sc.doc_id, source_speaker, speaker,
              before=_reaches_back(ctx, sc.doc_id, source_speaker, speaker)) \
            or beside(ctx, sc.doc_id, speaker, source_speaker,
                      before=_reaches_back(ctx, sc.doc_id, speaker, source_speaker)):
        return True
    return _officer_or_voice(ctx, sc, speaker, source_speaker, pos)


# "an analyst at Holm Capital", "Analyst Lisette Morrow of Holm Capital"
_AT_BODY_RE = re.compile(r"\b(?:at|of|with|from)\s+((?:the\s+)?[A-Z][\w'’&-]*(?:\s+(?:of\s+|"
                         r"and\s+|&\s+)?[A-Z][\w'’&-]*)*)")


def _with_body(ctx, name: str) -> str:
    """A person the sources name with a body of their own ("Judge Ines Marlow of the
    Tarrant County Court"), found from a shorter form of the name ("Marlow"), or ''."""
    name = core(name).strip(" ,")
    if not name or not has_name(name) or _AT_BODY_RE.search(name):
        return ""
    found = memo_on(ctx.index, "_with_body", dict)  # one search of the sources per name
    if name not in found:
        m = re.search(rf"(?:[A-Z][\w'’.-]+\s+){{0,3}}{re.escape(name)}\s+(?:of|at)\s+"
                      rf"(?:the\s+)?[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*)*", ctx.source_text)
        found[name] = m.group(0) if m else ""
    return found[name]


_OF_DESCRIBED_RE = re.compile(r"\b(?:of|at|for|from)\s+(?:the|its|their)\s+[a-z]")
_PERSON_RE = re.compile(r"\b([A-Z][a-z'’-]+)\s+([A-Z][a-z'’-]+)")  # "Lisette Morrow"


def _of_another_body(ctx, phrase: str, other: str) -> bool:
    """The speaker phrase ties its person, named before it, to a named body ("Lisette
    Morrow, an analyst at Holm Capital") that is not ``other``: a person who works
    elsewhere is no other party's officer, though the sentence names both. Known false
    negative: a body named by two names ("an engineer at Orvel, Runloop's maker" for
    "Runloop"). A place the sources' tagger names as one ("Lena Holt of Halden") is no
    body."""
    found = list(_AT_BODY_RE.finditer(phrase))
    mine = set(_words(other))
    if not found or not mine or set(_words(phrase)) >= mine:
        return False  # no body named, or ``other`` is the phrase's own person or body
    if FOR_PARTY_RE.search(phrase) or _OF_DESCRIBED_RE.search(phrase):
        return False  # "chief executive of the airline, speaking at London Gatwick": the
        # body the phrase describes may be ``other``
    if not any(m.group(1).lower() not in _DETERMINERS and m.group(2).lower() not in _BODY_HEADS
               for m in _PERSON_RE.finditer(phrase[:found[0].start()])):
        return False  # no person's name before it: "papers filed at the District Court",
        # "The Ravensholm Museum of Art"
    # "at" a body of any name; "of" one only in a name of two words or more ("of
    # Holm Capital"): "Lena Holt of Halden" is where she is from
    bodies = [m.group(1) for m in found if not _a_place(ctx, m.group(1)) and (
        m.group(0).startswith("at") or len(m.group(1).split()) >= 2)]
    return bool(bodies) and not any(set(_words(b)) & mine for b in bodies)


_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP"})


def _a_place(ctx, name: str) -> bool:
    """The sources' tagger calls the name a place ("Lena Holt of Halden"), not a body."""
    target = norm_name(name)
    return any(e.label in _PLACE_LABELS and norm_name(e.text) == target
               for c in ctx.index.claims for e in c.entities)


def officer_or_voice(ctx, sc, speaker: str, source_speaker: str, pos: int) -> bool:
    """``affiliated`` without its test of two names written side by side: one is the
    other's officer or voice by the way the source introduces it."""
    if _former(ctx, speaker) or _former(ctx, source_speaker):
        return False
    return _officer_or_voice(ctx, sc, speaker, source_speaker, pos)


def _officer_or_voice(ctx, sc, speaker: str, source_speaker: str, pos: int) -> bool:
    if _officer_of(ctx, sc.doc_id, source_speaker, speaker) or \
            _officer_of(ctx, sc.doc_id, speaker, source_speaker) or \
            _its_officer(ctx, source_speaker, speaker) or _its_officer(ctx, speaker, source_speaker):
        return True
    art = ctx.doc_of.get(sc.doc_id)
    if art is not None and (bare_title_of(art.text, source_speaker, speaker)
                            or bare_title_of(art.text, speaker, source_speaker)):
        return True  # "Pennyfold said ... Chief executive Ann Veld said ..."
    # (before the speaker's own words, not only before the claim: a long quotation may
    # stand between them)
    said = sc.attribution.start if sc.attribution is not None else pos
    return any(for_party(d) and _voice_of(ctx, d, speaker, source_speaker)
               for d in speaker_descriptions(ctx, sc.doc_id, source_speaker)) \
        and named_before(ctx, sc.doc_id, min(pos, said) if said >= 0 else pos, speaker)


# the body a voice's possessive names ("the agency's duty manager": agency)
_OWNER_RE = re.compile(r"(?:the\s+)?([a-z]+)['’]s\s", re.I)


def _voice_of(ctx, phrase: str, party: str, speaker: str = "") -> bool:
    """An unnamed speaker that says whose it is ("two people at the club", "an official at
    the ministry") speaks for ``party`` only when that is the party of that kind (the club
    the article names, not the league), or when the article names none of that kind, and
    never for a person when that kind is a body ("the agency's duty manager" for Tom
    Hale); one that does not say ("a spokeswoman") may."""
    noun = voice_party(phrase)
    possessive = _OWNER_RE.match(core(phrase).strip())
    owner = noun or (possessive.group(1).lower() if possessive else "")
    if owner and ctx.lexicon.has("non_person_heads", owner) and _holds_post(ctx, party):
        return False  # "the agency's duty manager" speaks for no person ("Tom Hale")
    if not noun:
        return True
    mine = set(_words(party))
    if noun in mine:
        return True
    if anaphoric(core(party)):
        return False  # "the league" is no club
    text = "\n".join(a.text for a in ctx.doc_of.values())
    said = set(_words(speaker))
    # not the speaker's own name ("Anika Rowe, a spokeswoman for the utility")
    names = [n for n in names_of_kind(text, noun) if not set(_words(n)) <= said]
    return not names or any(set(_words(name)) & mine - {noun} for name in names)


def _holds_post(ctx, name: str) -> bool:
    """A source describes the named speaker by a post ("managing director Tom Hale",
    titles.txt): a person, not a body."""
    if not has_name(name):
        return False
    return any(d != name and _words(d) and ctx.lexicon.has("titles", _words(d)[-1])
               for doc in ctx.doc_of for d in speaker_descriptions(ctx, doc, name))


def _former(ctx, person: str) -> bool:
    """A source describes the person by a tie in the past ("who was sacked as Brennock's
    director", "a former agency engineer": the ``former`` lexicon)."""
    if not has_name(person):
        return bool(set(_words(person)) & _FORMER)
    if not is_person(ctx, person):
        return False  # "Two former Pennyfold staff said" makes no company a former one
    return any(set(_words(" ".join(speaker_descriptions(ctx, doc, person)))) & _FORMER
               for doc in ctx.doc_of)


def _officer_of(ctx, doc_id: str, person: str, party: str) -> bool:
    """The source introduces ``person`` as an officer or a voice of ``party`` wherever it
    names them ("Brennock's managing director, Tomas Aldane" for "Brennock Chemicals";
    "Harcastle Rovers manager Lena Voskuijlen"); a description standing for a party ("the
    bank") counts through the names the source gives a party of that kind."""
    if doc_id not in ctx.doc_of or not has_name(person) or is_person(ctx, party):
        return False
    mine = set(_words(core(person)))
    # every source: one outlet may give the title ("Harcastle Rovers manager Lena
    # Voskuijlen") that the other leaves out ("Manager Lena Voskuijlen")
    for other, art in ctx.doc_of.items():
        said = set(_words(" ".join(speaker_descriptions(ctx, other, person))))
        if not said & _TITLES:
            continue
        if said & (party_words_in(core(party), art.text) - _GENERIC - mine):
            return True
        theirs = norm_name(core(party))
        named = set(_words(" ".join(w for w in person.split() if w[:1].isupper())))
        kinds = {w for w in said - named - _TITLES if w in _BODY_HEADS}  # "group"
        # the one party of that kind the article names ("the group" is no officer's of a
        # second group there)
        if theirs and any(theirs in norm_name(one_of_kind(art.text, w)) for w in kinds
                          if one_of_kind(art.text, w)):
            return True  # "The group's convenor, Hana Welsby" after "a parents' group,
            # Fairlea Families First": the article calls the party by that kind
    return False


def _its_officer(ctx, person: str, party: str) -> bool:
    """A source introduces ``person`` as "its" or "their" officer or voice at the head of a
    sentence or after its quotation ("The agency denied it. Its director of operations, Priya
    Halloway, said ..."; '... "We ...," said its chief executive, Tomas Healey-Brandt')
    whose previous sentence opens with ``party`` as its subject (or "the" and its kind: "the
    agency" for "the Esterdale Roads Agency")."""
    owner = re.match(r"\s*the\s+([a-z]+)['’]s\b", person)
    if is_person(ctx, party) and not (owner and owner.group(1) in _CORPORATE):
        return False  # (but "the company's chief executive" is no person's officer, whatever
        # label the tagger gives the company's name)
    return any(its_officer_in(art.text, person, party) for art in ctx.doc_of.values())


def _a_voice(ctx, doc_id: str, speaker: str) -> bool:
    """The speaker is described as a voice or an officer of a party: a spokesperson, a
    lawyer, a statement (party_voices.txt), a chief executive or a director (titles.txt),
    in its own words or its introduction; not a bare name ("The Daily Ledger")."""
    said = " ".join(speaker_descriptions(ctx, doc_id, speaker)).lower()
    return bool(set(re.findall(r"[a-z]+", said)) & _TITLES) or any(
        " " in v and v in said for v in _TITLES)


def _reaches_back(ctx, doc_id: str, speaker: str, other: str) -> bool:
    """Whether ``speaker`` belongs with ``other`` named in the sentence before its own: an
    organisation's voice or officer; not a holder of a public office in their own name
    ("Mayor Paul Denton" after a sentence about a water trust: public_offices.txt)."""
    return not is_person(ctx, other) and _a_voice(ctx, doc_id, speaker) \
        and not _public_office(ctx, speaker)


def _public_office(ctx, speaker: str) -> bool:
    """The speaker phrase opens with a public office held in one's own name ("Mayor Paul
    Denton", "Councillor Tom Hale"), the rest a name."""
    words = core(speaker).split()
    return len(words) >= 2 and ctx.lexicon.has("public_offices", words[0].lower()) \
        and has_name(" ".join(words[1:]))


def speaker_descriptions(ctx, doc_id: str, speaker: str) -> list[str]:
    """What a source speaker is: the phrase itself, the part after its name ("Anika Rowe, a
    spokeswoman for the utility"), and what the article set beside the person's first
    mention ("Lena Hargrove, the company's head of operations")."""
    out = [speaker]
    if "," in speaker:
        out.append(speaker.split(",", 1)[1].strip(" ,"))
    art = ctx.doc_of.get(doc_id)
    if art is not None and has_name(speaker):
        out.append(introduction(art.text, core(speaker).split(",")[0]))
    return [d for d in out if d]


def _two_parties(ctx, a: str, b: str) -> bool:
    """``a`` and ``b`` are two bodies, each a named speaker of its own in the sources
    ("Quillmoor said ...", "Orvane said ..."), with no word of their names in common and
    neither set as the other's ("Orvane's investment arm"): two parties that sentences
    name side by side (one accusing the other), not a party and its voice. Known false
    negative: a subsidiary named with no word of its parent's name and introduced without
    a possessive ("Lumen Pay, owned by Harcourt")."""
    if any(not w[:1].isupper() for w in (a + " " + b).split()):
        return False  # a speaker described ("Ann Lee, a spokeswoman for the firm"): a voice
    na, nb = norm_name(core(a)), norm_name(core(b))
    if not na or not nb or set(na.split()) & set(nb.split()) \
            or not has_name(a) or not has_name(b) or not a_body(ctx.source_text, a) \
            or not a_body(ctx.source_text, b):
        return False
    speakers = memo_on(ctx.index, "_named_speakers", lambda: frozenset(
        norm_name(core(c.attribution.source)) for c in ctx.index.claims
        if c.attribution is not None and c.attribution.source))  # once per set of sources
    if na not in speakers or nb not in speakers:
        return False
    low = ctx.source_text.lower()
    return not any(re.search(rf"\b{re.escape(x)}['’]s?\s+(?:[\w-]+\s+){{0,3}}{re.escape(y)}\b"
                             rf"|\b{re.escape(y)},\s+(?:[\w-]+\s+){{0,3}}{re.escape(x)}['’]s?\b",
                             low) for x, y in ((na, nb), (nb, na)))
