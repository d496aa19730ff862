"""Polarity reversals beside the plain negation DG601 compares (``checker.rules.
negation_flipped``): a party's denial told as its admission, an intention negated on one
side only, the order of two events reversed, an act the source says came "without" a thing
told with the thing done, "already" for the source's "not yet", and a relative aside that
states what the source negates. Each reader returns the
finding's fields (span, confidence, evidence, message, suggestion) for the rule to make, or
None.
"""

from __future__ import annotations

import re

from checker.actors import subject_head
from checker.align import claim_keys, key, text_keys
from checker.claim_pairs import admitted, one_speaker, refused_act, same_matter
from checker.claim_reading import evidence_of, shares_core, snippet
from checker.hedging import hedged_verb
from checker.negation_bounds import wished_by_none
from checker.negation_forms import affirmed_privation
from checker.polarity import denied_from_outside, orders
from checker.same_source import same_source

MIN_ADMITTED = 0.35  # an admission is held to the denied claim's words, not the aligner's
MIN_CLOSE = 0.5  # alignment score above which two claims are taken to say the same thing

def admission_flip(ctx, dc):
    """A party's denial or rejection told as its admission, where the derived claim adds
    words of its own that keep the aligner below its threshold ("acknowledged that the
    repairs were a response to the near-miss, in which a jet aborted its takeoff" for
    "denied that the repairs were a response to the incident"), or where the admission verb
    is the claim's own ("Its spokeswoman conceded that prosecutors had been slow" for "Its
    spokeswoman rejected a claim that prosecutors had been slow"), also over the "that"
    clause the party denied with a verb of answering ("accepted that the drivers had broken
    the parking rules" for "denied that the drivers had ..."; not "has not said whether").
    Known false positive: a party that denied a thing and later conceded it, where the
    summary tells the later concession from a source it does not cite."""
    lex = ctx.lexicon
    al, sup = ctx.support(dc)
    if lex.has("answer_verbs", dc.predicate) or not sup or not al.scores:
        return None  # "though it denied telling drivers ...": the denial kept
    # the closest source claim only: an admission the source makes elsewhere ("It
    # acknowledged that the spill had killed fish") outranks a denial beside it
    sc = sup[0]
    if al.scores[0] < MIN_ADMITTED:
        return None
    att = dc.attribution
    admits = att is not None and lex.has("admission_verbs", att.lemma) and not att.negated
    told = admits and (admitted(dc, sc, lex) or (
        # "conceded that X" against the party's "rejected a claim that X" (X negated on
        # both sides or on neither: "admitted that the gate was never locked" for
        # "rejected claims that the gate was never locked")
        dc.negated == _that_clause_negated(sc, dc) and lex.has("answer_verbs", sc.predicate)
        and not sc.negated and one_speaker(att.source, sc) and same_matter(dc, sc)))
    # an admission in words ("acknowledged that"), not the party's plain report; or the
    # admission as the claim's own verb against the party's rejection, but not "accepted
    # the findings but rejected the claim that ..."
    own = (lex.has("admission_verbs", dc.predicate) and not dc.negated
           and not lex.has("neutral_report_verbs", dc.predicate)
           and lex.has("answer_verbs", sc.predicate) and not sc.negated
           and one_speaker(dc.subject, sc) and same_matter(dc, sc)
           and not re.search(rf"\b{re.escape(dc.predicate_text.lower())}\b",
                             sc.sentence.lower()))
    # or the admission as the claim's own verb over the very clause the party denies
    # ("a spokeswoman accepted that the drivers had broken the parking rules" for "A
    # company spokeswoman denied that the drivers had broken ...")
    clause = (lex.has("admission_verbs", dc.predicate) and not dc.negated
              and not lex.has("neutral_report_verbs", dc.predicate)
              and denied_from_outside(sc) and not sc.negated
              and sc.attribution is not None and lex.has("answer_verbs", sc.attribution.lemma)
              and re.search(rf"\b{re.escape(dc.predicate_text)}\s+that\b", dc.text) is not None
              and any(_one_denier(who, sc.attribution.source)
                      for who in (dc.subject, att.source if att else "") if who)
              and same_matter(dc, sc, least=3))
    if not (told or own or clause):
        return None
    return dict(confidence=0.7, evidence=[evidence_of(sc)],
                message=(f'Tells as an admission what the source says the party denied '
                         f'or rejected: "{snippet(sc.sentence, 90)}".'),
                suggestion="Restore the denial, as the source gives it.")


def _that_clause_negated(sc, dc) -> bool:
    """The "that" clause of a rejected claim says "not" or "never" on its own verb, within
    its first words ("rejected claims that the gate was never locked"; not "that it had
    billed for a repair it never made", a "never" of a clause inside it). Of several "that"s
    ("claims, made in a report that was not published, that X"), the one whose words the
    derived claim shares most."""
    found = [m.group(1).split(" that ")[0]  # (each "that", up to the next one)
             for m in re.finditer(r"\bthat\s+(?=((?:\S+\s+){0,4}\S+))", sc.text, re.I)]
    if not found:
        return False
    mine = text_keys(dc.text)
    words = max(found, key=lambda w: len(text_keys(w) & mine))
    return re.search(r"\b(?:not|never)\b|n't\b", words, re.I) is not None


def _one_denier(who: str, denier: str) -> bool:
    """The derived party is the one who denied, by ``same_source`` and a word of the two
    phrases in common ("a spokeswoman" and "A company spokeswoman"; not "The inspector" for
    "The operator", two descriptions ``same_source`` cannot tell apart)."""
    shared = {k for k in text_keys(who) & text_keys(denier) if len(k) > 3}  # (not "the")
    return same_source(who, denier) and bool(shared)


def intention_flip(ctx, dc):
    """An intention or plan negated on one side only, about the same act: "has no
    intention of cutting jobs" against "intends to cut jobs", "is not planning to hire"
    against "plans to hire". Read on the intention itself, not the whole clause: a fused
    "but declined to say" elsewhere does not cancel it."""
    lex = ctx.lexicon
    al, sup = ctx.support(dc)
    for sc, score in zip(sup, al.scores):
        # The act both name is the core they share ("cut" of "cut jobs").
        if score < MIN_CLOSE or len(claim_keys(dc) & claim_keys(sc)) < 2 \
                or wished_by_none(dc, sc):
            continue  # ("Nobody wants to leave patients in corridors" beside a fact)
        for neg, pos in ((dc, sc), (sc, dc)):
            act = refused_act(neg, pos, lex)
            if act is None:
                continue
            d = next((w for w in dc.words if w[3] == act), None)
            said = "negates" if neg is dc else "drops the negation of"
            return dict(start=d[0] if d else None, end=d[1] if d else None,
                        confidence=0.7, evidence=[evidence_of(sc)],
                        message=(f'{said.capitalize()} the intention to "{act}": the source '
                                 f'says "{snippet(sc.text, 80)}".'),
                        suggestion="Restore the source's polarity.")
    return None


def order_flip(ctx, dc):
    """The opposite order of two events: "signed after the meeting" where the closely
    aligned source claim says "signed before the meeting". Silent where another source
    claim gives the derived order of the same anchor ("for weeks before telling the board",
    while a headline the claim aligns with says "after the audit"): known miss, a summary
    that moves that order onto the wrong event."""
    lex = ctx.lexicon
    mine = orders(dc, lex)
    if not mine:
        return None
    told = ctx.memo("source-orders", _source_orders)
    for sc in ctx.aligned(dc):
        if not shares_core(dc, sc):
            continue
        theirs = orders(sc, lex)
        for d in mine:
            same = [o for o in [*theirs, *told]
                    if o.direction == d.direction and o.anchor & d.anchor]
            opposite = [o for o in theirs if o.direction != d.direction and o.anchor & d.anchor]
            if same or not opposite:
                continue
            o = opposite[0]
            cue = dc.text[d.start - dc.start:d.end - dc.start]
            scue = sc.text[o.start - sc.start:o.end - sc.start]
            return dict(start=d.start, end=d.end, confidence=0.7,
                        evidence=[evidence_of(sc, start=o.start, end=o.end)],
                        message=(f'Says "{cue}" where the source says "{scue}": the order of '
                                 f'events is reversed: "{snippet(sc.text, 80)}".'),
                        suggestion=f'Use "{scue}" as the source does.')
    return None


# A relative clause of a derived claim, its pronoun and the words up to its verb
_RELATIVE = re.compile(r"(\w+),\s+(?:which|who)\s+((?:has|had|have|was|were|is|also)\s+)*(\w+)")


def aside_flip(ctx, dc):
    """A relative clause of the derived claim that states, with no negation, what a
    supporting source claim negates of the clause's antecedent ("sent a submission in May,
    which identified the suppliers" where the source says "The submission did not name the
    suppliers"): the same verb or a WordNet synonym in its commonest senses (not a verb of
    saying), the source claim's subject a noun of the derived claim before the aside, and
    two of the aside's words after the verb. Known false
    positive: a source claim about another thing of the antecedent's kind."""
    wn = ctx.wordnet
    for m in _RELATIVE.finditer(dc.text):
        if m.group(2) and re.search(r"\b(?:not|never|no)\b", m.group(2)):
            continue
        at = dc.start + m.start(3)
        verb = next((w for w in dc.words if w.start == at and w.pos == "VERB"), None)
        if verb is None or ctx.lexicon.has("attribution_verbs", verb.lemma):
            continue  # (", who said ...": a report, which the attribution rules compare)
        after = {key(w.lemma) for w in dc.words if w.start > verb.start
                 and w.pos in ("NOUN", "PROPN", "ADJ", "VERB")}
        same = {key(verb.lemma)} | ({key(x) for x in wn.synonyms(verb.lemma, "verb", 2)}
                                    if wn.available else set())
        before = {key(w.lemma) for w in dc.words if w.start < dc.start + m.end(1)
                  and w.pos in ("NOUN", "PROPN")}  # the antecedent, wherever it stands
        for sc in ctx.support(dc)[1]:
            head = subject_head(sc)
            if not sc.negated or key(sc.predicate) not in same or head not in before \
                    or len(after & claim_keys(sc)) < 2:
                continue  # (the antecedent is what the source claim negates a deed of: its
                # subject, not "Its loans fall outside the fund" for "the fund, which
                # holds loans")
            return dict(start=verb.start, end=verb.end, confidence=0.7,
                        evidence=[evidence_of(sc)],
                        message=(f'Says "{verb.text}" in an aside where the source says the '
                                 f'opposite: "{snippet(sc.text, 80)}".'),
                        suggestion="Restore the source's negation, or drop the aside.")
    return None


def _source_orders(ctx) -> list:
    """Every order of two events the source claims give ("before telling the board")."""
    return [o for sc in ctx.index.claims for o in orders(sc, ctx.lexicon)]


def privation_flip(ctx, dc):
    """An act the source says came "without" a thing, told with the thing done ("was
    freed without charge" -> "was charged": ``negation_forms.affirmed_privation``)."""
    found = affirmed_privation(ctx, dc)
    if found is None:
        return None
    d, sc = found
    return dict(start=d.start, end=d.end, text=d.text, confidence=0.65,
                evidence=[evidence_of(sc)],
                message=(f'Says "{d.text}" where the source says it came without it: '
                         f'"{snippet(sc.text, 80)}".'),
                suggestion="Restore the source's polarity.")


def _unlikely(lex, word: str) -> str:
    """The likelihood a word denies ("unlikely" -> "likely", "improbable" -> "probable": a
    negative prefix, negative_prefixes.txt, on a hedge of hedges.txt), or ''."""
    return next((word[len(p):] for p in lex.entries("negative_prefixes")
                 if word.startswith(p) and lex.has("hedges", word[len(p):])), "")


def likelihood_flip(ctx, dc):
    """An act the source calls unlikely told as expected or likely: "accepted that the
    appeal was unlikely to succeed" -> "said he expected the appeal to succeed" (a verb of
    judging, judging_verbs.txt, or the hedge without its negative prefix, on the verb the
    source's "unlikely" governs). A plain "will succeed" drops the hedge (DC201's)."""
    lex = ctx.lexicon
    if dc.negated:
        return None
    mine = {c.text.lower() for c in dc.certainty.hedges}
    if any(_unlikely(lex, w) for w in mine):
        return None
    al, sup = ctx.support(dc)
    for sc, score in zip(sup, al.scores):
        if score < MIN_CLOSE or sc.negated:
            continue
        for cue in sc.certainty.hedges:
            stem = _unlikely(lex, cue.text.lower())
            verb = hedged_verb(sc, cue) if stem else ""
            if not verb:
                continue
            if not (stem in mine or lex.has("judging_verbs", dc.predicate)) \
                    or not any(key(w.lemma) == verb for w in dc.words):
                continue
            return dict(confidence=0.6, evidence=[evidence_of(sc)],
                        message=(f'Tells as expected what the source calls "{cue.text}": '
                                 f'"{snippet(sc.text, 80)}".'),
                        suggestion=f'Keep "{cue.text}" as the source has it.')
    return None


def quality_flip(ctx, dc):
    """A thing the source says was not done to it, told with the deed as its quality: "The
    statement was not audited" -> "an audited reserves statement" (a participle or adjective
    before the noun, of the verb a negated source claim has no object for, on a subject of
    the same head noun; any source sentence, as a reporter states it apart), when no source
    claim says it was done to a thing of that noun ("Two residents were injured ... the
    others were not": "the injured residents" are the two). Known false positive: two
    things of one noun, one of them done in words the source puts otherwise ("the first
    plan was not approved; the council backed the second" -> "the approved plan")."""
    text = ctx.derived.text
    words = list(dc.words)
    for i, w in enumerate(words[:-1]):
        if w.pos not in ("ADJ", "VERB") or not w.text.lower().endswith("ed"):
            continue
        run = []  # the noun it stands before, with the nouns compounded on it
        for nxt in words[i + 1:]:
            gap = text[(run[-1] if run else w).end:nxt.start]
            if nxt.pos not in ("NOUN", "PROPN") or gap.strip():
                break
            run.append(nxt)
        before = text[max(0, w.start - 8):w.start].lower().replace("’", "'").split()
        if not run or before and (before[-1] in ("not", "never") or before[-1].endswith("n't")):
            continue
        verbs = {w.lemma, w.lemma[:-2], w.lemma[:-1], w.text.lower()[:-2], w.text.lower()[:-1]}
        head = key(run[-1].lemma)
        told = [sc for sc in ctx.index.claims if sc.predicate in verbs
                and subject_head(sc) == head]
        if any(not sc.negated for sc in told):
            continue  # some of them were ("Two residents were injured ... the others were
            # not"): the derived phrase may be about those
        for sc in (sc for sc in told if not sc.object):
            return dict(start=w.start, end=run[-1].end, text=text[w.start:run[-1].end],
                        confidence=0.6, evidence=[evidence_of(sc)],
                        message=(f'Calls it "{text[w.start:run[-1].end]}"; the source says '
                                 f'it was not: "{snippet(sc.text, 80)}".'),
                        suggestion=f'Drop "{w.text}" or say, as the source does, that it '
                                   f'was not {w.text}.')
    return None


# "already" against "not yet", "has yet to", "has not been found yet"
_ALREADY = re.compile(r"\balready\b", re.I)
_NOT_YET = re.compile(r"(?:\bnot|n't|\bnever)\s+(?:\w+\s+){0,3}?yet\b|\byet\s+to\b", re.I)


def already_flip(ctx, dc):
    """A thing told as "already" done where the closely aligned source claim says it is "not
    yet" done, on the same subject ("a tenant had already been chosen" for "a tenant had not
    yet been picked"), or the other way round: the verbs may differ, the time word tells the
    polarity. A source claim the aligner did not pick counts when it has the same subject
    and no other noun than the derived claim. Known false positive: "already" of one thing
    and "not yet" of another in one sentence with the same subject noun."""
    mine, mine_yet = _ALREADY.search(dc.text), _NOT_YET.search(dc.text)
    if bool(mine) == bool(mine_yet):
        return None
    head = subject_head(dc)
    if not head or any((_ALREADY if mine else _NOT_YET).search(sc.text)
                       for sc in ctx.aligned(dc)[:2]):
        return None  # the closest passage says it as the derived claim does (a source that
        # tells the earlier state too: "had not yet picked ... now has already signed")
    nouns = _nouns(dc) - {head}
    # the aligned claims, or any claim of the sources on the same subject with the same
    # nouns ("a tenant had not yet been picked", where the aligner chose another outlet's
    # "the notice names no tenant")
    for sc in [*ctx.aligned(dc)[:2], *ctx.index.claims]:
        theirs, theirs_yet = _ALREADY.search(sc.text), _NOT_YET.search(sc.text)
        cue, scue = (mine, theirs_yet) if mine else (mine_yet, theirs)
        if scue is None or (theirs if mine else theirs_yet) is not None:
            continue
        if head != subject_head(sc) or _nouns(sc) - {head} != nouns and not (
                sc in ctx.aligned(dc) and nouns & _nouns(sc)):
            continue
        return _says_instead(dc, cue, sc, scue)
    return None


def _nouns(claim) -> set:
    """Keys of the claim's nouns and names."""
    return {key(w.lemma) for w in claim.words if w.pos in ("NOUN", "PROPN")}


# "both" of a plural noun against "not ... either" / "neither" of it
_BOTH = re.compile(r"\bboth\s+(?:of\s+)?(?:the\s+|its\s+|their\s+)?([a-z]+)", re.I)
_EITHER = re.compile(r"(?:\bnot|n't|\bnever|\bno)\s+(?:\w+\s+){0,3}?either\s+(?:of\s+)?"
                     r"(?:the\s+|its\s+|their\s+)?([a-z]+)|\bneither\s+(?:of\s+)?"
                     r"(?:the\s+|its\s+|their\s+)?([a-z]+)", re.I)


def _quantified(pattern, claim) -> tuple:
    """(match, noun key) of "both X" or "not ... either X" in the claim, else (None, '')."""
    m = pattern.search(claim.text)
    if m is None:
        return None, ""
    noun = next(g for g in m.groups() if g)
    return m, key(_written_lemma(claim, noun))


def both_flip(ctx, dc):
    """A thing said of "both" where the source says it of "not ... either" or "neither" of
    the same noun, on the same subject ("the review covers both decisions" for "the review
    did not touch on either decision"), or the other way round: the verbs may differ, the
    pair's word tells the polarity; only passages the aligner gives the claim count, and none
    when the closest says it as the claim does. Known false positive: "both" and "neither"
    of one noun said of different things in one pair of claims with the same subject
    noun."""
    mine, noun = _quantified(_BOTH, dc)
    mine_not, noun_not = _quantified(_EITHER, dc)
    if bool(mine) == bool(mine_not) or (mine and dc.negated):
        return None
    head = subject_head(dc)
    want = noun or noun_not
    if not head or any((_BOTH if mine else _EITHER).search(sc.text)
                       for sc in ctx.aligned(dc)[:2]):
        return None  # the closest passage says it as the derived claim does
    for sc in ctx.aligned(dc)[:3]:
        theirs, tnoun = _quantified(_EITHER if mine else _BOTH, sc)
        if theirs is None or tnoun != want or head != subject_head(sc) \
                or (mine_not and sc.negated):
            continue
        return _says_instead(dc, mine or mine_not, sc, theirs)
    return None


def _says_instead(dc, cue, sc, theirs) -> dict:
    """The finding's fields for a word of polarity ``cue`` (a match in the derived claim)
    where the source claim has ``theirs`` (a match in it): "already" for "not yet", "both"
    for "not ... either"."""
    return dict(start=dc.start + cue.start(), end=dc.start + cue.end(), confidence=0.65,
                evidence=[evidence_of(sc, start=sc.start + theirs.start(),
                                      end=sc.start + theirs.end())],
                message=(f'Says "{cue.group()}" where the source says "{theirs.group()}": '
                         f'"{snippet(sc.text, 80)}".'),
                suggestion=f'Say "{theirs.group()}" as the source does.')


def _written_lemma(claim, word: str) -> str:
    """The parse's lemma of a word of the claim as written ("changes" -> "change")."""
    return next((w.lemma for w in claim.words if w.text.lower() == word.lower()), word)
