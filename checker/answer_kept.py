"""What keeps an answer or a caveat in a derived text (DO901, ``rules/omitted.py``): the
derived claims that carry its claims (``kept``: an answer's own claim, and a denial in its
paragraph, only by a claim that answers or denies), a denial the claims left out
(``checker.denial_text``), the party's own voice on the matter, and whether the derived text
tells the part of the story the answer takes up (``told_matter``)."""

from __future__ import annotations

import re

from checker.align import claim_keys, key, text_keys
from checker.answers import (
    REPLY_SENSES,
    WORDNET_POS,
    Salient,
    name_runs,
    names_other,
    salient_claims,
)
from checker.claim_roles import (
    WORD,
    answer_party,
    caveat_party,
    challenges,
    party_keys,
    voice_of,
)
from checker.denial_text import denial_in_text
from checker.officers import its_officer_in
from checker.party_kinds import one_of_kind
from checker.records import Claim

KEPT_COVERAGE = 0.6  # a block claim one derived claim carries this much of is kept


def _carried(claim: Claim, derived: tuple, best: set) -> bool:
    """True when the aligner gives a derived claim this source claim as its best support, or
    one derived claim holds most of its content words."""
    if claim.id in best:
        return True
    mine = claim_keys(claim)
    need = min(3, len(mine))
    named = {key(w) for e in claim.entities for w in WORD.findall(e.text)}
    plain = mine - named  # beside a shared place or party ("Quarry Lane"), two other words
    return bool(mine) and any(len(shared := mine & claim_keys(d)) >= need
                              and len(shared) / len(mine) >= KEPT_COVERAGE
                              and len(shared & plain) >= min(2, len(plain)) for d in derived)


def _answering(ctx, derived: tuple, item: Salient, claim: Claim) -> tuple:
    """The derived claims that can carry an answer's claim: those that deny or answer
    anything, have the answering party as subject ("the minister has turned down the demand"
    for "the minister rejected the demand"), or negate a word the claim negates; not "Kral
    has filed a claim against Orrin & Vale", which holds the words of "Orrin & Vale denied
    the claims" and none of its denial."""
    lex = ctx.lexicon
    mine = party_keys(item.party)
    return tuple(d for d in derived if answer_party(lex, d, lenient=True) is not None
                 or len(mine & party_keys(d.subject)) >= min(2, len(mine)) > 0
                 or set(d.negated_words) & set(claim.negated_words)
                 or claim is item.trigger and d.negated)


def _best_of(ctx, derived: tuple) -> set:
    """The ids of the source claims the aligner gives these derived claims as their best
    support."""
    return {al.support[0] for d in derived for al in [ctx.alignments.get(d.id)]
            if al and al.support}


def kept(ctx, item: Salient, derived: tuple, best: set) -> bool:
    """True when the derived text carries the answer or caveat, in any wording."""
    lex = ctx.lexicon
    # From the answer or caveat on: what its sentence says before it is what it qualifies.
    claims = [c for s in item.block for c in s.claims if c.start >= item.trigger.start]
    if item.kind in ("answer", "reply"):
        claims = [c for c in claims if not _not_the_answer(ctx, c, item)]
    if item.kind == "answer" and item.trigger.attribution is not None \
            and answer_party(lex, item.trigger) == item.trigger.attribution.source:
        claims.remove(item.trigger)  # "denied that X": X restates the charge, not the answer
    pool = derived
    if item.kind == "answer":  # not a derived claim that tells the charge itself, in words
        # the answer takes up ("accused the choir of singing late" does not carry "the
        # choir sang late only twice")
        charge = {c.id for c in item.context}
        pool = tuple(d for d in derived if answer_party(lex, d, lenient=True)
                     or any(lex.has("falsity_words", w.lemma) for w in d.words) or not (
            ctx.alignments[d.id].support[:1] and ctx.alignments[d.id].support[0] in charge))
        # (a derived claim that answers, or calls the charge false, stays: "accused the
        # clinic of overbilling, a charge it called ridiculous")
    if item.kind == "answer" and any(
            any(lex.has("falsity_words", w.lemma) for w in d.words)
            and party_keys(item.party) & text_keys(d.text) for d in derived):
        return True  # the party calling the charge false in the derived text, in any clause
        # ("..., a charge the clinic called ridiculous")
    for c in claims:
        # the answer's own claim, or a denial in it ("was never designated as allotment
        # land"), is carried only by a derived claim that answers it: not by the charge
        # told in the same words ("taken for homes without the consent the law requires
        # for allotment land")
        if item.kind == "answer" and (c is item.trigger or c.negated or c.negated_words):
            answering = _answering(ctx, derived, item, c)
            if _carried(c, answering, _best_of(ctx, answering) & best):
                return True
        elif _carried(c, pool, best):
            return True
    if item.kind in ("answer", "reply"):
        return _answered(ctx, item, derived)
    mine = party_keys(item.party)
    return any(caveat_party(lex, d) is not None and (not mine or party_keys(
        caveat_party(lex, d) or "") & mine or not party_keys(caveat_party(lex, d) or ""))
        for d in derived)


def _not_the_answer(ctx, claim: Claim, item: Salient) -> bool:
    """A claim of the answer's paragraph that is no part of the answer: the accuser's voice
    after it (a speaker of the claims the answer takes up: "Lund said her committee
    intends to call Aske" after "Lund accused Dalby Foods of ... Dalby's chief executive
    rejected that"), or a claim inside the answering party's own description ("Dalby's
    chief executive, Per Aske, rejected that": the appositive). Other voices after
    the answer are left in: most are the party's own, by names the parse cannot tie to
    it."""
    lex = ctx.lexicon
    trigger = item.trigger
    if claim is trigger:
        return False  # the answer itself, whoever the parse hears in it
    verb = next((w for w in trigger.words if w.lemma == trigger.predicate), None)
    if claim is not trigger and claim.start >= trigger.start and verb is not None \
            and claim.end <= verb.start:
        return True
    said = party_keys(voice_of(claim, lex))
    if not said or said & party_keys(item.party):
        return False
    accusers = {k for c in item.context for k in party_keys(voice_of(c, lex) or c.subject)}
    return bool(said & accusers)


def told_matter(ctx, item: Salient, told: set, mine: frozenset, best: set = None) -> bool:
    """The derived text tells a claim of the story part that the answer takes up: one
    sharing a content word with the answer's block, the party's name aside (by stem, or
    one WordNet derivation or synonym away: "close" and "closure"), or the claim right
    before the answer; not the answering party's own words in a paragraph before the
    charge's (``_own_words_before``). A claim only among a derived claim's looser supports (not in
    ``best``, when given) counts by a word of the answer's matter the derived text writes
    itself: a derived sentence about another of the speaker's points does not tell the
    charge."""
    matter = {k for s in item.block for c in s.claims for k in claim_keys(c)} - mine
    said = _lemmas(ctx.lexicon, item.trigger.words)  # none: a bare "X denied the claim"
    charge = [c for c in _charge_before(ctx, item, mine, said)
              if (claim_keys(c) & matter or challenges(ctx.lexicon, c, mine))
              and not _own_voice(ctx, c, item, mine)] if mine else []  # not a bare "We"
    if charge and not any(c.id in told for c in charge) and not (
            not said and _plural_object(item.trigger)):
        # the charge stands in the answer's own paragraph, right before it ("Two former
        # staff said the boiler had failed a check. The school denied that pupils were at
        # risk."): the text must tell it; a bare answer to charges in the plural ("X
        # rejected the claims") takes up every charge before it, not the last paragraph's
        return False
    last = max(item.context, key=lambda c: c.start, default=None)
    wn = ctx.wordnet
    derived_keys = text_keys(ctx.derived.text)
    for c in item.context:
        if c.id not in told or mine and _own_words_before(ctx, c, last, mine):
            continue
        loose = best is not None and c.id not in best
        shared = claim_keys(c) & matter
        if loose:
            shared &= derived_keys  # (the derived text must write the word itself)
        if shared or c is last and not loose:
            return True
        if loose:
            continue
        if wn.available and any(
                key(x) in matter for w in c.words if w.pos in WORDNET_POS
                for x in wn.synonyms(w.lemma, WORDNET_POS[w.pos], REPLY_SENSES)):
            return True
    return False


def _own_words_before(ctx, claim: Claim, last: Claim, mine: frozenset) -> bool:
    """The answering party's own words in a paragraph before the charge's (the chair's
    plans before the members' charge and her answer): no charge it answers. Not its staff's,
    who may be the accusers ("two admissions staff said"), nor words a pronoun gives the
    party only by a guess ("They said ..."), nor its own words in the charge's paragraph,
    which may be what the answer qualifies ("the mill may have to shut a line, Harwick
    said. Harwick denied that jobs were at risk")."""
    said = claim.attribution
    if claim is last or said is None or not party_keys(said.source or "") & mine \
            or not (said.resolved or not said.surface):
        return False
    art = ctx.doc_of.get(claim.doc_id)
    return art is not None and last is not None and claim.doc_id == last.doc_id \
        and "\n\n" in art.text[claim.end:last.start]


def _plural_object(claim) -> bool:
    """The claim's object is a plural noun ("rejected the claims", "denied the
    allegations"): an answer to all the charges, not to one."""
    return any(w.pos == "NOUN" and w.text.lower() != w.lemma.lower()
               and w.text.lower().endswith("s") for w in claim.words)


def named_party(ctx, item: Salient) -> str:
    """The answer's party by name where the source calls it by its kind ("The firm rejected
    the claims" for the one firm the article names, "the lobbying firm Brackley"), so
    that one party's answer in two outlets is one omission."""
    m = re.fullmatch(r"\s*the\s+([a-z]+)\s*", item.party or "", re.I)
    art = ctx.doc_of.get(item.trigger.doc_id)
    return (one_of_kind(art.text, m.group(1).lower()) if m and art is not None else "") \
        or item.party


def _own_voice(ctx, claim: Claim, item: Salient, mine: frozenset) -> bool:
    """The claim is the answering party's own ("Dorran said its plant met every standard.
    'We do not accept ...,' its chief executive said."): part of the answer,
    not the charge. Its speaker shares a name with the party, or one is the other's officer
    as the article introduces it ("its chief executive" after a sentence Dorran
    opens)."""
    said = claim.attribution
    if said is None or not said.source:
        return False
    if party_keys(said.source) & mine:
        return True
    art = ctx.doc_of.get(claim.doc_id)
    return art is not None and (its_officer_in(art.text, item.party, said.source)
                                or its_officer_in(art.text, said.source, item.party))


def _charge_before(ctx, item: Salient, party: frozenset, said: set) -> list:
    """The claims of the answer's own paragraph before it, in its sentence's paragraph of
    the source (no blank line between them and the answer), or of the paragraph before
    when the answer opens its own (those sharing a word's stem with the answer's claim:
    the charge it takes up, not "X could appoint a manager"; when the answer has no word
    of its own, "X denied the claim", those that challenge ``party``); the caller keeps
    those that share a word with the answer's paragraph or challenge the party (the
    charge, not "X pleaded not guilty")."""
    art = ctx.doc_of.get(item.trigger.doc_id)
    if art is None:
        return []
    at = item.trigger.sent_start
    mine = [c for c in item.context if c.doc_id == item.trigger.doc_id and c.end <= at]
    own = [c for c in mine if "\n\n" not in art.text[c.start:at]]
    if own or not mine:
        return own
    # an answer that opens its paragraph takes up the paragraph before it ("The network
    # said X had been warned. // X denied receiving any warning."), where a claim there
    # shares a word with the answer's own sentence (``said``: its ``_lemmas``), by its
    # stem ("warned", "warning")
    before = [c for c in mine if art.text[c.start:at].count("\n\n") == 1]
    if not said:
        # "Harwick denied the claim.": a bare answer takes up the claims of the paragraph
        # before it that challenge the party (none: the charge stands further back)
        return [c for c in before if challenges(ctx.lexicon, c, party)]
    return [c for c in before if any(a.startswith(b) or b.startswith(a)
                                     for a in _lemmas(ctx.lexicon, c.words) for b in said)]


def _lemmas(lex, words) -> set:
    """A claim's content words' lemmas of four letters or more ("warn" of "warned" opens
    "warning"), names aside, and not a verb of saying, answering or admitting ("accept"),
    which any two parties' words share."""
    return {w.lemma.lower() for w in words if w.pos in ("NOUN", "VERB", "ADJ")
            and len(w.lemma) >= 4 and not any(lex.has(role, w.lemma.lower()) for role in (
                "answer_verbs", "admission_verbs", "attribution_verbs", "speech_verbs"))}


def _answered(ctx, item: Salient, derived: tuple) -> bool:
    """True when the derived text has a denial, or gives the party a voice on the matter."""
    lex = ctx.lexicon
    mine = party_keys(item.party) | party_keys(named_party(ctx, item))  # "the company"
    # and the one company its article names
    runs = name_runs(item.party) + name_runs(named_party(ctx, item))
    others = ctx.memo("answer_party_runs", _party_runs)
    if any((who := answer_party(lex, d, lenient=True)) is not None
           and not names_other(runs, who, others)
           and (d.unit_kind != "heading" or d.subject.strip()) for d in derived):
        return True  # (not another party's answer, nor a heading with no subject, whose
        # noun the parse may read as a verb: "Counters, machines and a forum's anger")
    if denial_in_text(ctx, mine, runs, others, anywhere=item.kind != "answer"):
        return True
    matter = {k for s in item.block for c in s.claims for k in claim_keys(c)} - mine
    told = _charge_told_at(ctx, item, derived, mine)
    return any(party_keys(voice := voice_of(d)) & mine and not _former(lex, voice)
               and d.sent_end > told
               and len(claim_keys(d) & matter) >= (1 if d.negated or d.negated_words else 2)
               for d in derived)  # (one word of the matter in a denial of the party's own:
    # "the claims played no role", for its answer that denied any tie to them)


def _charge_told_at(ctx, item: Salient, derived: tuple, mine: frozenset) -> int:
    """Where the derived text first tells what the answer takes up (the start of that
    derived sentence), or 0: the party's voice before it ("Ostley Rail will shut nine
    counters, arguing it would cut its costs" before the forum's charge) is its announcement,
    no answer to the charge. Where the context gives other named voices, only their claims
    are the charge: the party's own announcement told first ("it said the railings lay
    outside that contract") does not make its later words on it an answer."""
    voiced = [c for c in item.context if (said := party_keys(voice_of(c, ctx.lexicon)))
              and not said & mine and not _own_voice(ctx, c, item, mine)]
    charge = {c.id for c in voiced or item.context}
    starts = [d.sent_start for d in derived for al in [ctx.alignments.get(d.id)]
              if al and al.support and al.support[0] in charge]
    return min(starts, default=0)


def _party_runs(ctx) -> list:
    """The name runs of every answering or cautioning party of the sources (once a check)."""
    return [r for it in salient_claims(ctx) for r in name_runs(named_party(ctx, it))]


def _former(lex, voice: str) -> bool:
    """The speaker's tie to the party is past ("a former agency engineer", "an ex-employee"):
    not the party's voice."""
    words = re.findall(r"[a-z]+(?:-[a-z]+)?", voice.lower())
    return any(lex.has("former", w) or lex.has("former", w.split("-")[0]) for w in words)
