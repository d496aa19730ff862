"""DO901 omitted-claim: the other side's answer or a key caveat is missing from the derived text.

What it flags:
    A source sentence that answers or qualifies a part of the story the derived text tells, when
    the derived text carries nothing aligned with it. Answers: a party denies, disputes or
    rejects a claim (answer_verbs.txt, with answer_objects.txt for "rejected the criticism"),
    or a named party opens a paragraph right after a challenge to it (a charge, a fine, a
    complaint, a fear: challenges.txt, or another voice's denial), takes up what was said
    there (two of its content words, by stem or a WordNet derivation: "its failure to report
    the payments" after "failing to report suspicious payments") and the text names that
    party. Caveats: an outside expert (expert_nouns.txt) cautions or warns (caveat_verbs.txt),
    or a clause opens with a concessive and states a limitation ("but the trial was small":
    concessives.txt, limitations.txt). The finding cites the answer with
    the rest of its paragraph and says where the source gives it. Ordinary facts a summary may
    drop are never reported; "did not respond to a request for comment" is no answer.
Why it matters:
    Telling the accusation without the accused party's answer, or a finding without the caveat
    an expert put on it, makes a faithful-looking summary one-sided.
Known false positives:
    A text meant to cover one side or one aspect only; an answer rendered in words that share
    no content word, denial verb or caveat verb with the source ("brushed off the claims"); a
    party statement after a challenge that is not a reply to it but shares two of its words
    (on the development suite a party's statement after a challenge was a dropped answer in
    none of 66 findings before the shared-words test, which removed 47 of them);
    an outside analyst's concessive remark on something other than a finding ("but the small
    towns ..." is excluded only when the limitation word sits in the subject). It misses, rather
    than flags: an answer counted as kept because the text carries another party's denial, or
    one whose party the text gives a voice on the same matter (a former member of it is no
    voice of it: "a former agency engineer"); a reply in mid-paragraph; a reply that takes up
    the charge in one word or none ("The bank called it a historic problem").
Examples:
    Source: Pelham Bank was fined £3 million for failing to report suspicious payments. The bank denied that it had ignored any warnings.
    Flag: Pelham Bank was fined £3 million for failing to report suspicious payments.
    Okay: Pelham Bank, which denies ignoring warnings, was fined £3 million for failing to report suspicious payments.
"""

from __future__ import annotations

import re
from typing import NamedTuple, Optional

from checker.align import claim_keys, key, text_keys
from checker.lexicon import shipped
from checker.records import Claim, Evidence, Finding, memo_on
from checker.rules.base import Rule, snippet

CODE, NAME, KIND, SEVERITY = "DO901", "omitted-claim", "omitted-claim", "warning"
KEPT_COVERAGE = 0.6  # a block claim one derived claim carries this much of is kept
CONTEXT_PARAGRAPHS = {"answer": 2, "reply": 1, "caveat": 3}  # how far back the story part reaches
REPLY_SHARED = 2  # content words a reply shares with the paragraphs it answers
REPLY_SENSES = 2  # a word's first WordNet senses, for the derivations a reply may use
WORDNET_POS = {"NOUN": "noun", "VERB": "verb", "ADJ": "adj"}
BLOCK_SENTENCES = 3  # an answer cited with at most this many sentences of its paragraph
# Closed-class words that open a party's description without naming it ("His lawyer").
DETERMINERS = shipped("party_openers")
PRONOUN_OBJECTS = frozenset("it them this that these those".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")


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


def party_keys(text: str) -> frozenset:
    """Keys of the name words of a party ("A Fernbrook spokesperson"), else of its head noun."""
    words = _WORD.findall(text)
    names = {key(w) for w in words if w[0].isupper() and len(w) > 2
             and w.lower() not in DETERMINERS}
    if names:
        return frozenset(names)
    nouns = [w for w in words if w.lower() not in DETERMINERS and len(w) > 2]
    return frozenset({key(nouns[-1])}) if nouns else frozenset()


def _has(lex, role: str, text: str) -> bool:
    """True when a word or phrase of ``role`` occurs in ``text`` (lower-case words)."""
    words = text.lower().split()
    return any(w in lex.words.get(role, {}) for w in words) or any(
        " ".join(p) in " ".join(words) for p in lex.phrases.get(role, ()))


def _is_expert(lex, party: str) -> bool:
    return _has(lex, "expert_nouns", re.sub(r"[^\w\s]", " ", party))


def _verbs(claim: Claim) -> list[tuple[str, str]]:
    """(lemma, party) of the claim's verbs that can carry a role: its predicate, its cue."""
    out = []
    if not claim.negated:
        out.append((claim.predicate, claim.subject))
    attr = claim.attribution
    if attr is not None and attr.lemma:
        out.append((attr.lemma, attr.source))
    return out


def answer_party(lex, claim: Claim, *, lenient: bool = False) -> Optional[str]:
    """The party a claim shows denying or rebutting something, else None."""
    lemmas = set(claim.lemmas)
    found = list(_verbs(claim))
    if lenient:  # a derived text may fold the denial into a clause ("Varela, who denies ...")
        found += [(w.lemma, "") for w in claim.words if w.pos == "VERB"]
    for lemma, party in found:
        if not lex.has("answer_verbs", lemma):
            continue
        need = lex.value("answer_verbs", lemma)
        if need == "object" and not (lemmas & set(lex.words.get("answer_objects", {})) or (
                lenient and claim.object.lower() in PRONOUN_OBJECTS)):
            continue
        if need == "plea" and not ("guilty" in claim.negated_words or "innocent" in lemmas):
            continue
        return party
    return None


def caveat_party(lex, claim: Claim) -> Optional[str]:
    """The speaker of a caveat (an expert's caution, a concessive limitation), else None."""
    for lemma, party in _verbs(claim):
        if lex.has("caveat_verbs", lemma) or (
                lemma == "urge" and "caution" in claim.lemmas):
            described = f"{party} {claim.attribution.source if claim.attribution else ''}"
            return party if _is_expert(lex, described) else None
    opening = claim.sentence[: max(0, claim.start - claim.sent_start) + 12]
    subject = claim.subject.lower().split()
    if _has(lex, "concessives", re.sub(r"[^\w\s]", " ", opening)) and any(
            lex.has("limitations", w.lemma) and w.text.lower() not in subject for w in claim.words):
        return claim.attribution.source if claim.attribution else ""
    return None


def _voice(claim: Claim, lex=None) -> str:
    """Who speaks in a claim: a quote's speaker, a named attribution's source, or the subject
    of a clause that is itself a statement ("X called it '...'")."""
    if claim.quotes and claim.quotes[0].speaker:
        speaker = claim.quotes[0].speaker  # with its description when the subject gives one
        return claim.subject if speaker in claim.subject else speaker
    if claim.quotes and lex is not None and lex.has("attribution_verbs", claim.predicate):
        return claim.subject
    attr = claim.attribution
    return attr.source if attr is not None and attr.kind == "named" else ""


def _challenges(lex, claim: Claim, mine: frozenset) -> bool:
    """True when a claim challenges the party ``mine``: another named voice accuses, complains,
    fears or denies ("nobody asked us"), or an unvoiced sentence charges or fines that party."""
    voice = party_keys(_voice(claim))
    if voice & mine:
        return False
    words = {claim.predicate, *claim.lemmas} | ({claim.attribution.lemma}
                                                if claim.attribution else set())
    charged = any(lex.has("challenges", w) for w in words)
    if voice:
        return charged or claim.negated or bool(claim.attribution and claim.attribution.negated)
    named = mine & text_keys(claim.sentence)
    return charged and len(named) >= min(2, len(mine))


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
    for i, sent in enumerate(sents):
        for sc in sent.claims:
            party = answer_party(lex, sc)
            if party is not None and not _is_expert(lex, party):
                before, block = _around(sents, i, CONTEXT_PARAGRAPHS["answer"])
                out.append(Salient("answer", party, sc, tuple(block),
                                   tuple(c for s in before for c in s.claims)))
                break
            party = caveat_party(lex, sc)
            if party is not None:
                before, block = _around(sents, i, CONTEXT_PARAGRAPHS["caveat"])
                out.append(Salient("caveat", party, sc, tuple(block),
                                   tuple(c for s in before for c in s.claims)))
                break
            voice = _voice(sc, lex)
            if (not voice or _is_expert(lex, voice) or not party_keys(voice)
                    or (i and sents[i - 1].para == sent.para)):
                continue  # a reply opens its paragraph ("The bank said ...")
            before, block = _around(sents, i, CONTEXT_PARAGRAPHS["reply"])
            mine = party_keys(voice)
            if _on_matter(ctx, sc, before, mine) and any(
                    _challenges(lex, c, mine) for s in before for c in s.claims):
                out.append(Salient("reply", voice, sc, tuple(block),
                                   tuple(c for s in before for c in s.claims)))
                break
    return out


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


def _carried(claim: Claim, derived: tuple, best: set) -> bool:
    """True when the aligner gives a derived claim this source claim as its best support, or
    one derived claim holds most of its content words."""
    if claim.id in best:
        return True
    mine = claim_keys(claim)
    need = min(3, len(mine))
    return bool(mine) and any(len(shared := mine & claim_keys(d)) >= need
                              and len(shared) / len(mine) >= KEPT_COVERAGE for d in derived)


def _kept(ctx, item: Salient, derived: tuple, best: set) -> bool:
    """True when the derived text carries the answer or caveat, in any wording."""
    lex = ctx.lexicon
    claims = [c for s in item.block for c in s.claims]
    if item.kind == "answer" and item.trigger.attribution is not None \
            and answer_party(lex, item.trigger) == item.trigger.attribution.source:
        claims.remove(item.trigger)  # "denied that X": X restates the charge, not the answer
    if any(_carried(c, derived, best) for c in claims):
        return True
    if item.kind in ("answer", "reply"):
        return _answered(ctx, item, derived)
    mine = party_keys(item.party)
    return any(caveat_party(lex, d) is not None and (not mine or party_keys(
        caveat_party(lex, d) or "") & mine or not party_keys(caveat_party(lex, d) or ""))
        for d in derived)


def _answer_forms(ctx) -> frozenset:
    """Every surface form the parse gave an answer-verb lemma in these texts ("disputed")."""
    pairs = set()
    for c in (*ctx.index.claims, *ctx.derived_claims):
        pairs.add((c.predicate_text.lower(), c.predicate))
        if c.attribution is not None and c.attribution.lemma:
            pairs.add((c.attribution.cue.split()[0].lower(), c.attribution.lemma))
        pairs.update((w.text.lower(), w.lemma) for w in c.words if w.pos == "VERB")
    return frozenset(form for form, lemma in pairs if ctx.lexicon.has("answer_verbs", lemma))


def _answered(ctx, item: Salient, derived: tuple) -> bool:
    """True when the derived text has a denial, or gives the party a voice on the matter."""
    lex = ctx.lexicon
    if any(answer_party(lex, d, lenient=True) is not None for d in derived):
        return True
    forms = ctx.memo("omitted_answer_forms", _answer_forms)
    if any(w.lower() in forms for w in _WORD.findall(ctx.derived.text)):
        return True  # a denial the extractor left out of the claims ("...; it disputed that")
    mine = party_keys(item.party)
    matter = {k for s in item.block for c in s.claims for k in claim_keys(c)} - mine
    return any(party_keys(voice := _voice(d)) & mine and not _former(lex, voice)
               and len(claim_keys(d) & matter) >= 2 for d in derived)


def _former(lex, voice: str) -> bool:
    """The speaker's tie to the party is past ("a former agency engineer", "an ex-employee"):
    not the party's voice."""
    words = re.findall(r"[a-z]+(?:-[a-z]+)?", voice.lower())
    return any(lex.has("former", w) or lex.has("former", w.split("-")[0]) for w in words)


def _where(ctx, item: Salient) -> str:
    art = ctx.doc_of.get(item.block[0].doc)
    if art is None:
        return item.block[0].doc
    line, _col = art.line_col(art.raw_span(item.block[0].start, item.block[0].end)[0])
    return f"{art.doc_id}, line {line}"


def check(ctx):
    """Yield a finding for each answer or caveat of the sources the derived text leaves out."""
    derived = tuple(ctx.derived_claims)
    if not derived:
        return
    told = {i for al in ctx.alignments.values() if al.score >= ctx.config.support_threshold
            for i in al.support}
    best = {al.support[0] for al in ctx.alignments.values()
            if al.support and al.score >= ctx.config.support_threshold}
    low_keys = text_keys(ctx.derived.text)
    seen: set = set()
    found = []
    for item in salient_claims(ctx):
        mine = party_keys(item.party)
        if not any(c.id in told for c in item.context):
            continue  # the derived text does not tell the part of the story this belongs to
        if item.kind == "reply" and not (mine & low_keys):
            continue
        tag = (item.kind == "caveat", frozenset(mine) or item.trigger.id)
        if tag in seen or _kept(ctx, item, derived, best):
            continue
        seen.add(tag)
        found.append(item)
    per_source: dict[str, int] = {}
    for item in found:
        # Judged per source: an unrelated second source cannot push out the first's omissions.
        doc = item.block[0].doc
        per_source[doc] = per_source.get(doc, 0) + 1
        if per_source[doc] > ctx.config.max_omissions:
            continue
        first, last = item.block[0], item.block[-1]
        art = ctx.doc_of.get(first.doc)
        text = art.text[first.start:last.end] if art is not None else item.trigger.sentence
        who = snippet(item.party, 40) or "the source"
        what = (f"the caveat {who} puts on what it reports" if item.kind == "caveat" else
                f"the answer of {who} to what it reports")
        yield Finding(
            kind=KIND, code=CODE, name=NAME, severity=SEVERITY,
            message=(f'Leaves out {what} ({_where(ctx, item)}): "{snippet(text, 100)}"; '
                     f"without it the text reads one-sided."),
            confidence={"answer": 0.8, "caveat": 0.7, "reply": 0.6}[item.kind],
            doc_id=ctx.derived.doc_id, start=0, end=0, text="",
            evidence=(Evidence(document=first.doc, start=first.start, end=last.end, text=text,
                               claim=item.trigger.id),),
            suggestion="Add the answer or caveat in a sentence, with who gives it.")


RULE = Rule(CODE, NAME, KIND, SEVERITY, "the other side's answer or a caveat left out", check,
            __doc__)
