"""Who answers what in the sources: the other side's answers and the caveats put on a story.

A source's answers (a party denies, disputes or rejects a charge; a party's statement opens a
paragraph after a challenge to it and takes up what was said) and caveats (an outside
expert cautions; a concessive clause states a limitation), each with the story part it
belongs to: the source claims it answers or qualifies. DO901 (rules/omitted.py) reports one
a derived text leaves out while telling that part. Found once per set of sources.
"""

from __future__ import annotations

import re
from typing import NamedTuple, Optional

from checker.actors import COMMUNICATION_LEXNAME
from checker.affiliation import speaker_descriptions
from checker.align import claim_keys, key, text_keys
from checker.claim_roles import (DETERMINERS, PRONOUN_OBJECTS, WORD, answer_party,
                                 cautioning_expert, challenges, concessive_party, is_expert,
                                 party_keys, voice_of)
from checker.records import Claim, memo_on
from checker.source_phrase import NAME_RUN_RE

CONTEXT_PARAGRAPHS = {"answer": 2, "reply": 1, "caveat": 3}  # how far back the story part reaches
REPLY_SHARED = 2  # content words a reply shares with the paragraphs it answers
REPLY_SENSES = 2  # a word's first WordNet senses, for the derivations a reply may use
WORDNET_POS = {"NOUN": "noun", "VERB": "verb", "ADJ": "adj"}
OBJECT_SPAN = (4, 6)
BLOCK_SENTENCES = 3  # an answer cited with at most this many sentences of its paragraph


class Sentence(NamedTuple):
    """A source sentence: its document, span, paragraph number and claims."""

    doc: str
    start: int
    end: int
    para: int
    claims: tuple


class Salient(NamedTuple):
    """A source answer or caveat: what it is, who says it, its claims and what it answers."""

    kind: str  # answer | reply | caveat
    party: str
    trigger: Claim
    block: tuple  # the trigger's sentence and the rest of its paragraph (Sentence records)
    context: tuple  # the source claims it answers or qualifies


def name_runs(party: str) -> list:
    """The name keys of each run of capitalised words in a party ("Halvard spokesperson Dev
    Okafor": "Halvard" and "Dev Okafor"), or its keys whole when it has none."""
    runs = [keys for m in NAME_RUN_RE.finditer(party or "") if (keys := party_keys(m.group()))]
    return runs or [party_keys(party or "")]


def one_party(ours: list, theirs: list) -> bool:
    """Two parties' name runs (``name_runs``) name one party: a run of one holds a run of
    the other ("Halvard" in "Halvard Energy", "Hale" in "Ann Hale"); not two names that
    share a word ("Selby Council", "Selby Town"; "Tom Hale", "Ann Hale")."""
    return any(r and s and (r <= s or s <= r) for r in ours for s in theirs)


def names_party(runs: list, sentence: str, others: list) -> bool:
    """The sentence names the party of these name runs: a word of its name, and not only
    inside another party's name (see ``names_other``)."""
    mine = frozenset().union(*runs)
    return bool(mine & text_keys(sentence)) and not names_other(runs, sentence, others)


def names_other(runs: list, text: str, others: list) -> bool:
    """The words of the party of these name runs that ``text`` holds all stand in the names
    of other parties the sources give (``others``, name runs: "Selby Council denied it"
    names no "Selby Town"; "Tom Hale" is not "Ann Hale"; ``one_party``). A run the sources
    give no other party ("Miss Hale", "But Hale") is not another's."""
    mine = frozenset().union(*runs)
    theirs = [keys for m in NAME_RUN_RE.finditer(text) if (keys := party_keys(m.group())) & mine]
    rivals = [r for r in others if not one_party(runs, [r])]
    return bool(theirs) and not one_party(runs, theirs) and one_party(theirs, rivals)


def _sentences(ctx) -> list[Sentence]:
    groups: dict = {}
    for sc in ctx.index.claims:
        groups.setdefault((sc.doc_id, sc.sent_start), []).append(sc)
    out = []
    for (doc, start), claims in groups.items():
        art = ctx.doc_of.get(doc)
        unit = art.unit_at(start) if art is not None else None
        if unit is None or unit.kind == "heading":
            continue
        out.append(Sentence(doc, start, claims[0].sent_end, unit.start, tuple(claims)))
    return sorted(out, key=lambda s: (s.doc, s.start))


# An answer's object that points back at what was just said ("dismissed that account",
# "disputed those figures", "denied this"): a demonstrative and a noun that ends the phrase
# (not "denied that staff were moved", where "that" opens a clause)
_POINTING = re.compile(r"\s+(?:that|this|those|these)(?:\s+[a-z]+)?(?=\s*[.,;:]|\s*$|\s+(?:of|"
                       r"about|from|by|in|on|over)\b)", re.I)


def points_back(claim: Claim) -> bool:
    """The answer takes up what the sentences right before it say: its verb's object is a
    demonstrative ("Ann Lusk dismissed that account"), so the story part it answers is the
    paragraph before it, not the ones further back. Known miss: "that" with a noun the
    tagger reads as a verb, and answers whose demonstrative points at a charge told earlier
    in the same paragraph as a third party's report (still inside the reach)."""
    verb = claim.predicate_text or ""
    at = claim.text.find(verb) if verb else -1
    return at >= 0 and _POINTING.match(claim.text, at + len(verb)) is not None


def _quoted_just_before(sents: list, i: int) -> bool:
    """The paragraph right before the answer's opens with a quotation (the accuser's words
    after the charge: "Tenants accused X of ... // '...,' said their chair. // X rejected
    those claims")."""
    me = sents[i]
    paras = sorted({s.para for s in sents if s.doc == me.doc and s.para < me.para})
    first = next((s for s in sents if s.doc == me.doc and paras and s.para == paras[-1]), None)
    return first is not None and first.claims[0].sentence.lstrip()[:1] in "\"“‘'"


def _around(sents: list[Sentence], i: int, back: int) -> tuple[list, list]:
    """The sentences of the ``back`` paragraphs before sentence ``i`` (and its own paragraph
    up to it), and the block: sentence ``i`` and the rest of its paragraph."""
    me = sents[i]
    same_doc = [s for s in sents if s.doc == me.doc]
    paras = sorted({s.para for s in same_doc if s.para < me.para})[-back:] if back else []
    before = [s for s in same_doc if s.para in paras or (s.para == me.para and s.start < me.start)]
    block = [s for s in same_doc if s.para == me.para and s.start >= me.start][:BLOCK_SENTENCES]
    return before, block


def salient_claims(ctx) -> list[Salient]:
    """Every answer and caveat of the sources, with the story part each belongs to (found
    once per set of sources: every derived text checked against them asks again)."""
    return memo_on(ctx.index, f"_salient_{id(ctx.lexicon)}", lambda: _salient_claims(ctx))


def _salient_claims(ctx) -> list[Salient]:
    lex = ctx.lexicon
    sents = _sentences(ctx)
    out = []

    def item(kind: str, party: str, sc: Claim, i: int, reach: str) -> Salient:
        back = CONTEXT_PARAGRAPHS[reach]
        if reach == "answer" and points_back(sc):
            back = 1 + _quoted_just_before(sents, i)  # (past a paragraph of the accuser's
            # own quotation: charge, quote, answer)
        before, block = _around(sents, i, back)
        return Salient(kind, party, sc, tuple(block), tuple(c for s in before for c in s.claims))

    for i, sent in enumerate(sents):
        for sc in sent.claims:
            party = _a_party(ctx, sc, answer_party(lex, sc))
            if party is None and i and sents[i - 1].doc == sent.doc:
                # the sentence before in its paragraph, or, for an answer that opens its
                # paragraph ("Tremont rejected that."), the whole paragraph before it
                near = [sents[i - 1]] if sents[i - 1].para == sent.para else [
                    s for s in sents[:i] if s.doc == sent.doc and s.para == sents[i - 1].para]
                party = _rebuts_by_pronoun(lex, sc, [c for s in near for c in s.claims],
                                           charged_only=sents[i - 1].para != sent.para)
            if party is not None and not is_expert(lex, party):
                out.append(item("answer", party, sc, i, "answer"))
                break
            party = cautioning_expert(lex, sc)
            if party is not None:
                out.append(item("caveat", party, sc, i, "caveat"))
                break
            party = concessive_party(lex, sc)
            if party is not None:
                # A concessive qualifies what its own sentence, or the one before it in its
                # paragraph, says.
                before, block = _around(sents, i, 0)
                near = [c for c in sent.claims if c.start < sc.start]
                if before:
                    near += before[-1].claims
                out.append(Salient("caveat", party, sc, tuple(block), tuple(near)))
                break
            voice = voice_of(sc, lex)
            if (not voice or is_expert(lex, voice) or not party_keys(voice)
                    or lex.has("indefinite_sources", voice.split()[0].lower())
                    or (i and sents[i - 1].para == sent.para)):
                continue  # a reply opens its paragraph ("The bank said ..."), in the words
                # of a party, not of unnamed people ("Two people familiar with it said")
            before, block = _around(sents, i, CONTEXT_PARAGRAPHS["reply"])
            mine = party_keys(voice)
            side = _side_of(ctx, sc.doc_id, voice)
            if _on_matter(ctx, sc, before, mine) and any(
                    challenges(lex, c, mine) and not _own_side(c, side)
                    for s in before for c in s.claims):
                out.append(Salient("reply", voice, sc, tuple(block),
                                   tuple(c for s in before for c in s.claims)))
                break
    return out


def _a_party(ctx, claim: Claim, party: Optional[str]) -> Optional[str]:
    """The answering party, or the claim's speaker when the parse gave the answer to a thing
    that cannot answer ("She said the papers were reviewed and dismissed claims that
    they were one-sided", the verb hung on "the documents"): a common noun whose commonest
    WordNet sense is a piece of communication (not "the airport", a body by its place). A
    claim with no speaker keeps its party: a document may answer ("The inspector's report
    rejected claims that ...")."""
    if party is None or not ctx.wordnet.available:
        return party
    words = re.findall(r"[A-Za-z]+", party)
    if not words or any(w[:1].isupper() for w in words[1:]) or words[0][:1].isupper() \
            and words[0].lower() not in DETERMINERS:
        return party  # a name, or a pronoun
    att = claim.attribution
    if att is None or not att.source:
        return party  # ("The inspector's report rejected claims that ...": the report's)
    head = words[-1].lower()
    head = next((w.lemma.lower() for w in claim.words if w.text.lower() == head), head)
    senses = ctx.wordnet.senses(head, "noun", 1)
    if not senses and head.endswith("s"):
        senses = ctx.wordnet.senses(head[:-1], "noun", 1)  # (a plural the parse left)
    if not senses or senses[0].lexname != COMMUNICATION_LEXNAME:
        return party  # (a body by a place's noun, "the airport", answers as itself)
    return att.source


def _side_of(ctx, doc_id: str, voice: str) -> frozenset:
    """The keys of the body a speaker is described as speaking for ("Ina Roe, the union's
    organiser": union): a charge that body made is the speaker's own side, no charge the
    speaker replies to."""
    said = " ".join(speaker_descriptions(ctx, doc_id, voice)[1:])
    return frozenset(key(w) for w in WORD.findall(said) if w.lower() not in DETERMINERS
                     and len(w) > 2)


def _own_side(claim: Claim, side: frozenset) -> bool:
    """The claim's voice is the body of ``side`` (a charge of the speaker's own side)."""
    voice = party_keys(voice_of(claim))
    return bool(voice) and voice <= side


def _rebuts_by_pronoun(lex, claim: Claim, before: list,
                       charged_only: bool = False) -> Optional[str]:
    """The party of an answer verb that needs an object, given one that points back ("X's
    chief executive, Y, rejected that"), right after a sentence of its paragraph (or, when
    the answer opens its paragraph, in the paragraph before: ``before``, their claims) that
    charges the party by name ("Z accused X of ...", "Z blamed software supplied by X":
    challenges.txt) or gives another voice's word about it ("The union said X forced
    drivers to ..."; in the paragraph before, only a charge: another voice's proposal
    there is no claim the party rejects as untrue, ``charged_only``); else None. A bare
    "rejected that." at the claim's end answers any charge just before by another voice,
    whoever the charge names (``_ends_pointing_back``)."""
    if claim.negated or lex.value("answer_verbs", claim.predicate) != "object" \
            or claim.object.lower().strip() not in PRONOUN_OBJECTS:
        return None
    mine = party_keys(claim.subject)
    bare = _ends_pointing_back(claim)
    for c in before:
        words = {c.predicate, *c.lemmas}
        voice = party_keys(voice_of(c, lex))
        if bare and any(lex.has("challenges", w) for w in words) \
                and _named_apart(lex, c.subject, claim.subject) \
                and _named_apart(lex, voice_of(c, lex), claim.subject):
            return claim.subject  # "Z accused the cabinet of X. Its member Y rejected that."
        if (mine & text_keys(c.sentence) or _business_described(lex, claim.subject,
                                                                 c.sentence)) and (
                any(lex.has("challenges", w) for w in words)
                and not party_keys(c.subject) & mine
                or voice and not voice & mine and not charged_only):
            return claim.subject  # "Z accused X of ...", or another voice's word of it:
            # "The union said X forced drivers to work unpaid overtime. X rejected that."
    return None


def _named_apart(lex, one: str, other: str) -> bool:
    """Two parties that share no word of a name once titles are set aside ("Councillor
    Aled Morvenstow" and "Council leader Hermione Tallowcroft": not one by "Council")."""
    def keys(party: str) -> set:
        return {key(w) for w in WORD.findall(party) if w[:1].isupper()
                and not lex.has("titles", w.lower()) and not lex.has("honorifics", w.lower())
                and w.lower() not in DETERMINERS}
    return not keys(one) & keys(other)


def _ends_pointing_back(claim: Claim) -> bool:
    """The claim ends on its verb's "that" or "this" ("The cabinet member, Rosalind Quaye,
    rejected that."): an answer to a charge right before it, whoever it names; the charge
    (challenges.txt) is asked for still, so a request turned down ("Residents asked for a
    crossing. The council rejected that.") is none. Known false positive: a charge
    against a third party that the speaker rejects on its behalf."""
    return claim.text.lower().split()[-1:] in (["that"], ["this"])


def _business_described(lex, party: str, sentence: str) -> bool:
    """The sentence speaks of a business by its kind, "the company" or "the firm"
    (corporate_nouns.txt), and the answering party speaks for a business it names after
    "of", "at" or "for", or before a post ("Nina Carr, a partner at Dunford Holdings",
    "Dunford Holdings director Nina Carr": the name's last word in
    non_person_heads.txt, not a public body's or an outlet's). Known false positive: a
    charge against another business the sentence describes the same way. Missed: a
    business answering under its own name ("Dunford Holdings disputes this"), and a person's
    name is never read as a business ("Carol Hall")."""
    kinds = re.findall(r"\bthe\s+([a-z]+)\b", sentence.lower())
    if not any(lex.has("corporate_nouns", k) for k in kinds):
        return False
    for run in NAME_RUN_RE.finditer(party):
        if not (re.search(r"\b(?:of|at|for)\s+(?:the\s+)?$", party[:run.start()])
                or re.match(r"\s+[a-z]", party[run.end():])):
            continue  # (after "of", "at", "for", or before a post: "Cobley Holdings
            # director Ruth Mayne"; not the person's own name, "Carol Hall")
        last = run.group().split()[-1].lower().strip("'’")
        for head in {last, last[:-1] if last.endswith("s") else last}:
            if lex.has("non_person_heads", head) and not lex.has("public_body_heads", head) \
                    and not lex.has("outlet_heads", head):
                return True
    return False


def _on_matter(ctx, reply: Claim, before: list, mine: frozenset) -> bool:
    """True when a party's statement takes up what the paragraphs before it said: at least
    ``REPLY_SHARED`` of its content words are theirs, by stem or one WordNet derivation or
    synonym away in the word's first senses ("its failure" after "failing to report"). A
    statement that moves on ("it will open two branches") is no reply."""
    said = {k for s in before for c in s.claims for k in claim_keys(c)}
    shared = set((claim_keys(reply) - mine) & said)
    wn = ctx.wordnet
    for w in reply.words:
        if len(shared) >= REPLY_SHARED or not wn.available:
            break
        k = key(w.lemma)
        if k in shared or k in mine or w.pos not in WORDNET_POS:
            continue
        if any(key(x) in said for x in wn.synonyms(w.lemma, WORDNET_POS[w.pos], REPLY_SENSES)):
            shared.add(k)
    return len(shared) >= REPLY_SHARED
