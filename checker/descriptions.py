"""Which name a definite description stands for ("the authority" for "the Harwick Transport
Authority"), and which party a claim's own subject credits ("A survey by the guild found
...", "The Post Regulator found that ..."). Read by the attribution and entity rules
(DA102, DE403, DE407).
"""

from __future__ import annotations

import re

from checker.lexicon import shipped
from checker.officers import introduction
from checker.records import Claim
from checker.source_phrase import NAME_RUN_RE, anaphoric, bare_word, core, has_name

_DETERMINERS = shipped("determiners")
_BODY_HEADS = shipped("non_person_heads")
# Capitalised words after a description that open no name: "sued the council Monday",
# "wrote to the council In March"
_PREPOSITIONS = shipped("prepositions")
_TITLES = shipped("titles")
_NO_NAME = shipped("weekdays") | shipped("months") | shipped("function_words") | _PREPOSITIONS


def resolve_description(ctx, doc_id: str, phrase: str) -> str:
    """The name a definite description stands for in a source article: "the association"
    is the one capitalised run ending in "Association" the article writes ("the Sandby
    Anglers' Association"); the phrase itself when there is none or several."""
    art = ctx.doc_of.get(doc_id)
    phrase = core(phrase).strip(" ,")
    if art is None or not anaphoric(phrase):
        return phrase
    return described_in(art.text, phrase)


NEAR_TEXT = 400  # characters before a derived description where the name it stands for is


def named_in_derived(ctx, dc) -> str:
    """The name a derived claim's definite description of a body stands for in the derived
    text itself just before ("The agency will analyse the tins" after "The Coastal Food
    Agency said ..."): the one capitalised run ending in its head word; '' when the subject
    is no such description, the text writes none or several, or another organisation the
    tagger reads stands between them in the description's own sentence."""
    phrase = core(dc.subject.split(",")[0]).strip(" ,")
    derived = getattr(ctx, "derived", None)
    if derived is None or not anaphoric(phrase):
        return ""
    at = dc.start + max(dc.text.find(dc.subject), 0)
    before = derived.text[max(0, at - NEAR_TEXT):at]  # the names just before it
    named = described_in(before, phrase)
    if named == phrase:
        return ""
    since = max(dc.sent_start, at - len(before) + before.rfind(named) + len(named))
    lex = ctx.lexicon
    own = derived.text[since:at]
    if any(e.label == "ORG" and since <= e.start < at and e.text not in named
           for c in ctx.derived_claims for e in c.entities) or any(
            len(run.split()) > 1 and run not in named and any(
                lex.has(role, run.split()[-1].lower())
                for role in ("state_bodies", "agency_heads", "corporate_nouns"))
            for run in NAME_RUN_RE.findall(own)):
        return ""  # another body stands nearer in its sentence ("Kelby Water Services
        # supplies the homes, and the company will ..." after "the Hale Pipe Company")
    return named


def lede_description_of(ctx, sc, name: str, speaker: str | None = None) -> bool:
    """The source claim's speaker (or the given ``speaker`` of a quotation in it) is a
    description with no name in its article's opening paragraph, indefinite ("A retired
    teacher has sued the gallery, saying ...") or a title the subject owns ("..., its chief
    executive told staff, adding ..."), and the next paragraph opens by naming ``name``
    ("Vesna Kral, who bought the painting, filed her claim"; "Casimir Deveraux made the
    comments"): the lede's way of introducing the person it names next, so the description
    stands for that name."""
    art = ctx.doc_of.get(sc.doc_id)
    att = sc.attribution
    if speaker is None:
        speaker = att.source if att is not None else ""
    words = core(speaker).split()
    if art is None or not words or has_name(speaker) or not (
            words[0].lower() in ("a", "an") or ctx.lexicon.has("possessives", words[0].lower())
            and ctx.lexicon.has("titles", words[-1].lower())):
        return False
    paragraphs = [u for u in art.units if u.kind == "paragraph"]
    at = next((k for k, u in enumerate(paragraphs) if u.start <= sc.start < u.end), None)
    if at != 0 or len(paragraphs) < 2:
        return False
    nxt = art.text[paragraphs[1].start:paragraphs[1].end]
    opening = re.split(r"(?<=[.!?])\s", nxt, maxsplit=1)[0]
    return bool(name) and core(name).strip(" ,").lower() in opening.lower()[:len(name) + 40]


# Content words at most of an indefinite description read against a person's telling:
# longer ones ("a retired teacher from the village who ...") are clauses, not a description.
DESCRIPTION_WORDS = 5


def description_told(ctx, description: str, name: str) -> bool:
    """``description`` is indefinite ("A Dock Lane florist", "a local teacher") and the
    sources' introductions of ``name`` (the title or apposition beside each place they name
    the person in full or by an honorific and the surname: ``officers.introduction``) hold
    all its content words but one, its head noun among them (the last before a preposition:
    "a spokeswoman for the board"; "Nia Voss, a florist with a stall on Dock Lane"): a
    summary's way of keeping the person unnamed, not another speaker. Known false negative:
    a description by another word for the same post ("a stallholder" for "who sells
    flowers"), or one the source sets after the name without an article ("Voss, owner of
    the stall"). A definite description or a headline's bare one ("the chair of the forum",
    "Allotment chair") is the person when its head is a title (titles.txt) the sources give
    them ("The society's chair, Ruth Abney"). Known false positive: a second person told
    beside the name so ("Voss and a fellow florist, Ann Lee, said"); two people of one title
    in a story, the summary's "the chair" quoting the other."""
    words = core(description).strip(" ,").split()
    last = re.findall(r"[A-Za-z][\w'’-]*", core(name))[-1:]
    if not words or not last:
        return False
    article = words[0].lower() in ("a", "an", "one")
    definite = words[0].lower() == "the" or not article \
        and not has_name(" ".join(words[1:]))  # "the chair of the forum", "Allotment chair"
    if not article and not definite:
        return False
    mine = [bare_word(w).lower() for w in (words[1:] if article or words[0].lower() == "the"
                                            else words)]
    cut = next((k for k, w in enumerate(mine) if w in _PREPOSITIONS), len(mine))
    head = [w for w in mine[:cut] if w and w not in _NO_NAME][-1:]  # "a spokeswoman for the
    # board": the noun before the preposition
    mine = [w for w in mine if w and w not in _NO_NAME]
    if not mine or not head or len(mine) > DESCRIPTION_WORDS and not definite:
        return False
    told = {bare_word(w).lower() for art in ctx.sources for w in re.findall(
        r"[\w'’-]+", introduction(art.text, core(name).strip(" ,"), said_clause=False,
                                  whole_name=True))}
    shared = [w for w in mine if w in told]
    if definite:  # the post the sources give the person ("The society's chair, Ruth
        return head[0] in told and head[0] in _TITLES  # Abney"): the head a title
    return head[0] in told and len(shared) >= max(1, len(mine) - 1)


def lede_kind(ctx, kind: str, who: str) -> bool:
    """A source article's opening paragraph (or its headline) gives its actor by the kind
    ``kind`` in its first words ("Harwick's power network operator said on Monday ...")
    and the next paragraph names ``who`` first ("the Harwick Power Authority
    reported ..."): the lede's way of introducing the body it names next, so a description by that
    kind may stand for ``who``. Known false positive: a lede about one body of the kind and
    a next paragraph that opens on another party's answer."""
    name = core(who).strip(" ,")
    if not kind or not has_name(name):
        return False
    for art in ctx.sources:
        texts = [art.text[u.start:u.end] for u in art.units if u.kind == "paragraph"][:3]
        for k in range(len(texts) - 1):  # (the headline may come as a paragraph of its own)
            if name in texts[k]:
                break
            opening = " ".join(texts[k].split()[:8])  # the actor, before its verb
            early = " ".join(texts[k + 1].split()[:15])  # named first, not in passing
            if re.search(rf"\b{re.escape(kind)}s?\b", opening, re.I) and name in early:
                return True
    return False


def described_in(text: str, phrase: str) -> str:
    """The one capitalised run of ``text`` ending in the head of the definite description
    ``phrase`` ("the Harwick Transport Authority" for "the authority"), or else the one
    name the text introduces by that head ("the campaign group Clear Water"); the phrase
    itself when the text writes none or several."""
    head = bare_word(phrase.split()[-1])
    found = set()
    for m in NAME_RUN_RE.finditer(text):
        toks = _last_name(m.group()).split()  # "X and the Y Authority"
        while toks and toks[0].lower() in _DETERMINERS:
            toks.pop(0)
        if len(toks) > 1 and bare_word(toks[-1]) == head:
            found.add(" ".join(toks))
    if len(found) > 1:
        # "the arts council" among "the Harrowby Arts Council" and "Harrowby City Council":
        # the one holding the description's other words
        words = {bare_word(w) for w in phrase.lower().split()[1:-1]}
        found = {f for f in found if words and words <= {bare_word(w) for w in f.lower().split()}}
    if not found:
        found = _introduced_as(text, head)
    return found.pop() if len(found) == 1 else phrase


def _last_name(run: str) -> str:
    """The last name of a capitalised run that joins names with "and" ("X Council and the Y
    Union" -> "the Y Union"): a cut at an "and" before a determiner or after a body's head
    word (non_person_heads.txt); an "and" inside one name stays ("the Bakers and Food
    Workers' Union", "the Food and Farming Agency"). Known misses: two names joined with no
    determiner whose first ends in no head word ("Harwick Ferries and Lowmoor Buses"); a
    name that holds a head word before its "and" ("the Harbour and Ferry Staff Union" is
    cut to "Ferry Staff Union")."""
    parts = re.split(r"\s+(?:and|&)\s+", run)
    last = parts.pop()
    while parts and not (last.split()[0].lower() in _DETERMINERS
                         or bare_word(parts[-1].split()[-1]) in _BODY_HEADS):
        last = f"{parts.pop()} and {last}"
    return last


def _introduced_as(text: str, head: str) -> set:
    """The names the text introduces by the description's head word set before them ("the
    campaign group Clear Water", "the charity Hallow Trust"; not a day, a month or a word
    that opens a phrase: "sued the council Monday"). Not a name with the head in
    apposition after it ("Clear Water, a campaign group,"): tried, it put attribution findings
    off the drift on unread stories."""
    before = re.finditer(rf"\b(?:[Tt]he|[Aa]n?)\s+(?:[a-z-]+\s+){{0,2}}{re.escape(head)}s?\s+"
                         rf"({NAME_RUN_RE.pattern})", text)
    return {m.group(1) for m in before if m.group(1).split()[0].lower() not in _NO_NAME}


_DOCUMENTS = shipped("document_nouns")
_WRITING = (r"(?:(?:wrote|said|ruled|found|concluded|stated|set\s+out)\s+in|published|issued|"
            r"released)")  # "wrote in a ruling", "published a report"; not "said the report"


def document_author(ctx, doc_id: str, phrase: str) -> str:
    """The one party a source article says wrote the document a bare definite description
    names ("the ruling" where the article has "Marlow wrote in her 30-page ruling", "a
    report by the Harwick Trust", "the Trust's report"), or '' when the phrase is no such
    description or the article names none or several. Known false positive: a document
    written by one party for another ("a report by Deloitte for the council") is the
    writer's only. (A document a possessive owns, "the charity's own analysis", is left a
    document: read as its owner, the owner met the affiliation tests that keep two parties
    named in one sentence together, and a change was missed.)"""
    art = ctx.doc_of.get(doc_id)
    words = core(phrase).strip(" ,").split()
    if art is None or len(words) != 2 or words[0].lower() != "the" \
            or words[1].lower() not in _DOCUMENTS:
        return ""
    noun, name = rf"(?i:{re.escape(words[1].lower())})", NAME_RUN_RE.pattern
    found = set()
    # words between: "30-page", not "response to the"
    between = r"(?:(?!(?:to|of|on|in|for|the|an?)\s)[\w-]+\s+){0,2}?"
    for pattern in (rf"({name})\s+{_WRITING}\s+(?:an?|the|its|his|her|their)\s+{between}{noun}s?\b",
                    rf"\b{noun}s?\s+(?:by|from)\s+(?:the\s+)?({name})",
                    rf"({name})['’]s?\s+{between}{noun}s?\b"):
        for m in re.finditer(pattern, art.text):
            if m.group(1).split()[0].lower() not in _NO_NAME:
                found.add(m.group(1))
    return found.pop() if len(found) == 1 else ""


_SUBJECT_CREDIT_RE = re.compile(
    r"\b(?:by|from)\s+((?:the\s+)?[\w'’&.-]+(?:\s+[\w'’&.-]+){0,4})$|^((?:the\s+)?[\w'’&.-]+"
    r"(?:\s+[\w'’&.-]+){0,4})['’]s?(?:\s+\w+){1,2}$", re.I)


def subject_credit(claim: Claim, verbs: frozenset, finding: frozenset = frozenset()) -> str:
    """The party a claim's subject credits when the claim reports a record's finding ("A
    survey by the guild found ...", "The agency's count shows ...") or gives what a party
    it names found (a verb of ``finding``: "The Post Regulator found in July that ..."),
    or ""."""
    if claim.attribution is not None or claim.predicate not in verbs:
        return ""
    m = _SUBJECT_CREDIT_RE.search(claim.subject.strip())
    subject = claim.subject.strip(" ,")
    if m is None:
        # a body named in capitals past its first word ("The Post Regulator found that
        # X"), of a verb of finding: not "Her team found", a headline's "Inspectors find",
        # nor a party's answer ("Pellucid denied that ...")
        words = subject.split()
        return subject if claim.predicate in finding and claim.unit_kind != "heading" \
            and 1 < len(words) <= 6 and "," not in subject \
            and any(w[:1].isupper() for w in words[1:]) else ""
    if m.group(1) and _after_a_verb(claim, subject[:m.start()]):
        return ""  # "a survey of clinics run by five chains": the chains run the clinics
    party = (m.group(1) or m.group(2) or "").strip()
    return party if has_name(party) or anaphoric(party) else ""


def _after_a_verb(claim: Claim, before: str) -> bool:
    """The word before a subject's "by" is a verb of the claim (a participle: "clinics run
    by", "sites owned by"), so the "by" names its doer, not the record's author."""
    last = re.findall(r"[\w'’-]+", before)[-1:]
    return bool(last) and any(w.text == last[0] and w.pos in ("VERB", "AUX")
                              for w in claim.words)
