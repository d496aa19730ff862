"""DC210 certainty-lowered: a firm finding turned into a possibility or an allegation.

What it flags:
    A derived claim with a hedge, modal or attempt that its supporting source claim does not
    have (also where the source states the hedged verb firmly in a clause of a longer
    claim: "left the satellite in orbit after its engine shut down early" -> "its engine
    appears to have shut down early"), or a non-factive verb where the source uses a factive one, so the derived claim is
    clearly less certain than the source's (also where the source gives the verb inside a
    finding: "inspectors found that complaints had risen" -> "complaints may have risen");
    a plain source statement given as hearsay credited to nobody ("was approved" -> "is
    thought to have been approved", "reportedly"), or a named party's word given as a belief
    ("the company said they were unhurt" -> "they are believed to have escaped unhurt"); a
    modal on a claim the source states firmly in another verb ("found the bacterium on 11 of
    40 samples" -> "the bacterium may have been present on 11 of 40 samples"); also a hedging
    verb in the verb's own place
    ("is suspected on 63 farms" for "has been confirmed on 63 farms"), and a party's firm
    answer made a likely one in another answer verb ("denied that" -> "is likely to
    dispute that").
Why it matters:
    Downplaying a finding ("the audit may have found errors") misinforms as much as
    exaggerating it.
Known false positives:
    The hedge sits in a part of the derived sentence that has no counterpart in the source
    (an added aside) but governs a verb the source claim also has. A source hedge the parser
    missed (the same hedge word in the source sentence silences the rule). Off for weak
    modals ("can"), and for a plan or an intention ("intends to table") where the source
    puts the same verb in the future ("will table", "said she would table"), so "plans to
    close" for "will close" is not flagged either; nor an intention on a verb the source
    gives as a noun of a tentative light verb ("intends to protest" for "plans to hold a
    protest"), nor an obligation where the source reports a demand ("X should resign" for
    "the union called for X to resign": obligation_modals, asking_verbs), nor an allegation
    ("alleging that", "allegedly") of what the source gives as a named party's claim.
    A caveat the source puts elsewhere in the passage ("..., but this has not been
    confirmed"; "investigators believe it began there" in the next sentence) does not
    silence a belief frame or a modal. A modal's perfect on a claim restated in another
    verb is judged on the words it governs (three,
    and two thirds of them, in a firm source claim); a derived claim that adds a clause of
    its own made of the source's words can be flagged for a hedge on that clause. Missed:
    the same in fewer than three shared words ("may have escaped unhurt" for "were unhurt"),
    and "is said to" or "reportedly" for a named party's word (DA101's, when it sees it).
Examples:
    Source: The audit found errors in the accounts.
    Flag: The audit may have found errors in the accounts.
    Okay: The audit found errors in the accounts.
    Source: The library will close its east wing in June.
    Flag: The library could close its east wing in June.
    Okay: The library will shut its east wing in June.
"""

from __future__ import annotations

import re

from checker.align import claim_keys, key
from checker.attribution import is_anonymous
from checker.hedging import (close_support, cue_word_in, cues, governed_verbs, hedged_verb,
                              shared_verb, strongest_on)
from checker.rules.base import Rule, evidence_of, make, shares_core, snippet

CODE, NAME, KIND, SEVERITY = "DC210", "certainty-lowered", "certainty-lowered", "warning"
FIRM = 0.75  # the certainty level of a plain statement (no hedge, no attribution)


def _hedges_their_verb(dc, h, sc) -> bool:
    """The hedge governs the source claim's own verb through a verb of its own ("might
    look at ways to *add*" for "is working to *add*"), and the two claims share more."""
    return (key(sc.predicate) in governed_verbs(dc, h)
            and len(claim_keys(dc) & claim_keys(sc)) >= 3)


def _in_their_clause(ctx, dc, h, sc) -> bool:
    """The source states the hedged verb firmly in a clause of its own claim ("A rocket left
    the satellite in orbit after its engine shut down 40 seconds early" -> "its engine
    appears to have shut down 40 seconds early"), and three words and three quarters of what
    the hedge (not a plan or an attempt) governs are there too."""
    verb = shared_verb(dc, h, sc)
    at = next((w for w in sc.words if key(w.lemma) == verb and w.pos in ("VERB", "AUX")), None)
    if h.role != "hedge" or not verb or at is None:
        return False
    lex = ctx.lexicon
    if any(w.start < at.start and any(lex.has(r, w.lemma) for r in ("attribution_verbs",
                                                                     "speech_verbs"))
           for w in sc.words):
        return False  # reported there too ("an article that said he had offered")
    governed = {key(w.lemma) for w in dc.words if w.start >= h.end}
    shared = governed & claim_keys(sc)
    return len(shared) >= 3 and len(shared) >= 0.75 * len(governed)


def _in_their_finding(ctx, dc, sc) -> bool:
    """The source gives the verb as what a finding or report established ("Her team found
    that incidents had risen", "records show the head was bought"): its claim's predicate
    is that frame, so the derived claim ("incidents may have risen") shares the verb inside
    it, and three content words besides."""
    lex = ctx.lexicon
    return (any(lex.has(role, sc.predicate) for role in ("factive", "finding_verbs"))
            and len(claim_keys(dc) & claim_keys(sc)) >= 3)


def _as_tentative(ctx, dc, h, verbs, close) -> bool:
    """A close source passage is as tentative on one of ``verbs`` as the derived hedge (or
    holds the hedge word the parser missed), and aligns with the derived claim at least as
    well as the best firm one: "is seeking to withhold payments over trains it cancelled"
    does not excuse "is alleged to have cancelled" when "cancelled 1,140 trains" fits
    better."""
    al, claims = ctx.support(dc)
    score = dict(zip((c.id for c in claims), al.scores or [al.score] * len(claims)))
    tentative, firm = [], []
    first = hedged_verb(dc, h)
    lex = ctx.lexicon
    for sc in close:
        if cue_word_in(h.text, sc.sentence) or strongest_on(sc, _with_light_verbs(sc, verbs, lex),
                                                            lex) >= h.weight - 0.1 \
                or _demanded(sc, h, lex) or _party_claim(dc, sc, h, lex):
            tentative.append(score.get(sc.id, 0.0))
        elif first in claim_keys(sc):  # firm on the very verb the hedge governs
            firm.append(score.get(sc.id, 0.0))
    return bool(tentative) and max(tentative) >= max(firm, default=0.0)


def _party_claim(dc, sc, h, lex) -> bool:
    """The hedge makes the claim an allegation ("alleging that", "allegedly") where the
    source gives it as a party's claim ("with the museum claiming that", "the museum
    claims"), not as its figures or findings ("according to figures the authority
    published"): the same footing, in other words."""
    word = next((w for w in dc.words if w.start == h.start), None)
    lemma = word.lemma if word is not None else h.text.lower()
    if not (lex.has("attribution_passive", lemma) or lex.has("attribution_adverbs", lemma)):
        return False
    def claims(lemma):  # "claim", "allege", "accuse": a party's claim, not its figures
        return lex.has("attribution_nouns", lemma) or lex.has("attribution_passive", lemma)

    att = sc.attribution
    if att is not None and att.source and not att.negated and claims(att.lemma):
        return True
    # "with the museum claiming that ...": a claim the parse kept no attribution for
    return any(w.pos == "VERB" and claims(w.lemma) for w in sc.words)


def _with_light_verbs(sc, verbs, lex) -> list:
    """The verbs, and the light verbs of a source claim that holds one of them as a noun
    ("plans to hold a protest" is as tentative on "protest" as on "hold")."""
    if not any(w.pos == "NOUN" and key(w.lemma) in verbs for w in sc.words):
        return verbs
    return list(verbs) + [key(w.lemma) for w in sc.words
                          if w.pos in ("VERB", "AUX") and lex.has("light_verbs", w.lemma)]


def _demanded(sc, h, lex) -> bool:
    """An obligation ("X should resign") where the source passage asks for it ("called for
    X to resign", "is demanding that X resign")."""
    if not lex.has("obligation_modals", h.text.lower()):
        return False
    said = sc.attribution.lemma if sc.attribution is not None else ""
    return lex.has("asking_verbs", said) or any(lex.has("asking_verbs", w.lemma) and w.pos ==
                                                "VERB" for w in sc.words)


def _reporting_lowered(ctx, dc):
    """A finding when the derived claim is reported with a hedging verb ("suggested") where
    its close source claim is reported with a factive one ("confirmed")."""
    att = dc.attribution
    if att is None or not att.lemma or ctx.lexicon.weight("hedges", att.lemma, 0.0) < 0.2:
        return None
    for sc in close_support(ctx.support(dc)):
        sa = sc.attribution
        if sa is None or not sa.lemma or not ctx.lexicon.has("factive", sa.lemma):
            continue
        if not shares_core(dc, sc) or cue_word_in(att.cue, sc.sentence):
            continue
        return _on_attribution(
            ctx, dc, sc, message=(f'Reports with "{att.cue}" what the source gives as '
                                  f'"{sa.cue}": "{snippet(sc.text, 70)}".'),
            suggestion=f'Use the source\'s verb ("{sa.cue}") or say why it is in doubt.')
    return None


def _hearsay_lowered(ctx, dc):
    """A finding when the derived claim is credited to nobody in particular ("is thought to
    have been approved", "reportedly", "allegedly") where its close source claim states it
    as a fact, on its own authority and firmly."""
    att = dc.attribution
    if att is None or att.source or not (
            att.kind == "passive" and att.cue.lower().endswith(" to")
            or att.kind == "adverb" and " " not in att.cue.strip()):
        return None  # "is thought to", "reportedly"; not a speaker the parse lost
    lex = ctx.lexicon
    believed = (att.kind == "passive" and lex.has("nonfactive", att.lemma)
                and not lex.has("neutral_report_verbs", att.lemma))
    for sc in close_support(ctx.support(dc)):
        if not _firm_on_record(ctx, sc, believed):
            continue
        same_verb = key(sc.predicate) == key(dc.predicate)
        shared = claim_keys(dc) & claim_keys(sc)
        if not (shares_core(dc, sc) or same_verb and len(shared) >= 3
                or len(shared) >= 4 and len(shared) >= 0.7 * len(claim_keys(dc))):
            # the last: the same claim in another verb ("escaped unhurt" for "were unhurt")
            continue
        if cue_word_in(att.cue, sc.sentence):
            continue
        said = sc.attribution
        told = (f'what the source has firmly from {said.source.strip(" ,")} '
                f'("{said.cue.split()[0]}")' if said is not None
                else 'what the source states as a fact')
        return _on_attribution(
            ctx, dc, sc, message=(f'Gives as hearsay ("{att.cue}") {told}: '
                                  f'"{snippet(sc.text, 70)}".'),
            suggestion=(f'Drop "{att.cue}" and state it as the source does'
                        + (f', credited to {said.source.strip(" ,")}.' if said is not None
                           else '.')))
    return None


def _restated_firmly(ctx, dc, h, close):
    """The close source claim that states firmly, in another verb, what the hedge governs
    ("found the bacterium on 11 of 40 samples" -> "the bacterium may have been present on 11
    of 40 samples"; "ignored evidence in bank statements" -> "may have overlooked evidence
    in bank statements"): three content words and two thirds of those after the hedge are
    in it, and one before the hedge when there are any. None when a claim of the passage is
    hedged on those words itself, or holds the hedge word."""
    if h.role != "hedge" or not _on_a_verb(dc, h, perfect=True) or ctx.lexicon.has(
            "obligation_modals", h.text.lower()):
        return None  # a modal's perfect or a hedging verb, not "a possible strike", "should
        # use" or "could receive" (a possibility the source may give as an offer)
    mine = claim_keys(dc)
    governed = {key(w.lemma) for w in dc.words if w.start >= h.end} & mine
    before = mine - governed
    verb = hedged_verb(dc, h)
    for sc in ctx.support(dc)[1]:
        if any(verb in governed_verbs(sc, c) and verb not in ("be", "have")
               for c in cues(sc, ctx.lexicon)) or (
                cue_word_in(h.text, sc.sentence) and len(governed & claim_keys(sc)) >= 2):
            return None  # hedged on this verb or these words in the source too
    for sc in close:
        if cues(sc, ctx.lexicon) or sc.negated != dc.negated or not _firm_on_record(ctx, sc):
            continue
        if cue_word_in(h.text, sc.sentence) or re.search(r"\bwhether\b", sc.sentence.lower()):
            continue  # "examining whether a valve ignited it": a question, not firm
        shared = governed & claim_keys(sc)
        if len(shared) >= 3 and len(shared) >= 2 / 3 * len(governed) and (
                not before or before & claim_keys(sc)):
            return sc
    return None


_VERB_GAP = frozenset({"have", "been", "be", "not", "to", "also", "still"})


def _on_a_verb(dc, h, perfect: bool = False) -> bool:
    """The cue governs the verb right after it ("may have overlooked", "appears to have
    been present"), not a noun ("a possible strike"); with ``perfect``, a modal (a cue with
    no "to") must take its perfect ("may have overlooked", not "could receive")."""
    nxt = next((w for w in dc.words if w.start >= h.end), None)
    if nxt is None:
        return False
    gap = dc.text[h.end - dc.start:nxt.start - dc.start].lower().split()
    if not set(gap) <= _VERB_GAP:
        return False
    if perfect and "to" not in gap and "have" not in gap:
        return False  # a modal on a bare verb ("could receive")
    return nxt.pos in ("VERB", "AUX") or nxt.pos == "ADJ" and bool({"be", "been"} & set(gap))


def _firm_on_record(ctx, sc, believed: bool = False) -> bool:
    """The source claim is firm: stated on its own authority, or passed on by a named party
    with a plain or factive reporting verb ("the company said", "she confirmed that"), and
    no hedge of its own. An allegation ("claimed", "alleged") or a denial is no firmer than
    hearsay, and a hedged report ("said it may have") is not firm. A named party's word
    counts only against a ``believed`` frame ("is believed to", "is thought to"): "is said
    to" or "reportedly" for "the company said" drops the party's name, which is DA101's."""
    if cues(sc, ctx.lexicon):
        return False
    said = sc.attribution
    if said is None:
        return sc.certainty.level >= FIRM
    if not believed or said.kind not in ("named", "according-to"):
        return False  # "it was said that": no party's word
    lex = ctx.lexicon
    phrase = said.surface or said.source
    first = phrase.split()[:1]
    named = "," in phrase.strip(" ,") and any(
        w[:1].isupper() for w in phrase.strip(" ,").split(",", 1)[1].split())
    if is_anonymous(said, frozenset(lex.words.get("attribution_generic", ()))) or (
            first and lex.has("indefinite_sources", first[0].lower()) and not named):
        return False  # "a source close to the club said": no firmer than "is believed to";
        # but "One of them, grandmaster Ana Holt," is named
    return (bool(said.source) and not said.negated and bool(said.lemma)
            and (lex.has("neutral_report_verbs", said.lemma) or lex.has("factive", said.lemma)))


def _on_attribution(ctx, dc, sc, *, message: str, suggestion: str):
    """A finding on the derived claim's attribution, citing the source claim."""
    att = dc.attribution
    return make(RULE, dc, start=att.start, end=att.end,
                text=ctx.derived.text[att.start:att.end] or att.cue, confidence=0.6,
                evidence=[evidence_of(sc)], message=message, suggestion=suggestion)


def _verb_lowered(ctx, dc):
    """A finding when the derived claim's own verb is a hedge ("the disease is suspected on
    63 farms") where its close source claim's verb is factive ("has been confirmed on 63
    farms"), the rest of the two claims alike."""
    h = next((h for h in cues(dc, ctx.lexicon, attempts=False)
              if h.weight >= 0.2 and h.text.lower() == dc.predicate_text.lower()), None)
    if h is None:
        return None
    for sc in close_support(ctx.support(dc)):
        if not ctx.lexicon.has("factive", sc.predicate) or sc.negated != dc.negated:
            continue
        rest = claim_keys(dc) & claim_keys(sc) - {key(dc.predicate), key(sc.predicate)}
        if len(rest) < 3 or cue_word_in(h.text, sc.sentence):
            continue
        return make(RULE, dc, start=h.start, end=h.end, text=h.text, confidence=0.6,
                    evidence=[evidence_of(sc)],
                    message=(f'Says "{h.text}" where the source says "{sc.predicate_text}": '
                             f'"{snippet(sc.text, 70)}".'),
                    suggestion=f'Use the source\'s verb ("{sc.predicate_text}").')
    return None


def _answer_lowered(ctx, dc):
    """A finding when the derived claim hedges a party's answer ("is likely to dispute that
    any tenant was overcharged") that the source gives firmly in another answer verb
    ("denied that any tenant had been overcharged")."""
    lex = ctx.lexicon
    for h in cues(dc, lex):
        verb = hedged_verb(dc, h)
        if h.weight < 0.2 or not any(lex.has("answer_verbs", w.lemma) and key(w.lemma) == verb
                                     for w in dc.words):
            continue
        for sc in ctx.support(dc)[1][:3]:
            said = sc.attribution.lemma if sc.attribution is not None else ""
            if not (lex.has("answer_verbs", said) or lex.has("answer_verbs", sc.predicate)):
                continue
            if cues(sc, lex) or len(claim_keys(dc) & claim_keys(sc)) < 2:
                continue
            return make(RULE, dc, start=h.start, end=dc.end, confidence=0.6,
                        evidence=[evidence_of(sc)],
                        message=(f'Adds "{h.text}" to an answer the source gives firmly: '
                                 f'"{snippet(sc.sentence, 70)}".'),
                        suggestion=f'Drop "{h.text}": the source says the answer was given.')
    return None


_FUTURE_RE = re.compile(r"\b(?:will|would|shall|wo|'ll|going to|is to|are to)\s+(?:\w+\s+){0,2}$",
                        re.I)


def _future_of(sc, verb_key: str) -> bool:
    """The source claim puts the verb in the future ("will table", "said she would table"):
    a plan, which an intention or a plan verb in the derived text restates."""
    for w in sc.words:
        if key(w.lemma) == verb_key and w.pos in ("VERB", "AUX"):
            if _FUTURE_RE.search(sc.text[:w.start - sc.start]):
                return True
    return False


def check(ctx):
    """Yield a finding for each derived claim hedged where the source is firm on the same verb."""
    for dc in ctx.derived_claims:
        lowered = (_reporting_lowered(ctx, dc) or _hearsay_lowered(ctx, dc)
                   or _verb_lowered(ctx, dc) or _answer_lowered(ctx, dc))
        if lowered is not None:
            yield lowered
            continue
        added = [h for h in cues(dc, ctx.lexicon) if h.weight >= 0.2
                 and not any(q.start <= h.start < q.end for q in dc.quotes)]
        # a hedge inside quotation marks is the speaker's word, which DQ701 compares
        if not added or not ctx.aligned(dc):
            continue
        found = None
        close = close_support(ctx.support(dc))
        for h in added:
            verbs = [v for sc in close for v in [shared_verb(dc, h, sc)] if v]
            if not verbs:
                sc = _restated_firmly(ctx, dc, h, close)
                if sc is not None:
                    found = (h, sc)
                    break
                continue
            if _as_tentative(ctx, dc, h, verbs, close) or any(
                    re.search(r"\bwhether\b", sc.sentence.lower()) for sc in close
                    if shared_verb(dc, h, sc)):
                continue  # a close source passage is as tentative (or the parser missed it),
                # or asks it ("examining whether a valve failed")
            if h.role == "attempt" and any(_future_of(sc, v) for sc in close for v in verbs):
                continue  # "intends to table a motion" for "said she would table a motion"
            sc = next((sc for sc in close if shared_verb(dc, h, sc) and (
                shares_core(dc, sc) or _hedges_their_verb(dc, h, sc)
                or _in_their_finding(ctx, dc, sc) or _in_their_clause(ctx, dc, h, sc))), None)
            if sc is not None:
                found = (h, sc)
                break
        if not found:
            continue
        h, sc = found
        yield make(RULE, dc, start=h.start, end=dc.end, confidence=0.6,
                   evidence=[evidence_of(sc)],
                   message=(f'Adds "{h.text}" where the source is firm: '
                            f'"{snippet(sc.text, 70)}".'),
                   suggestion=f'Drop "{h.text}" or say why the claim is in doubt.')


RULE = Rule(CODE, NAME, KIND, SEVERITY, "firm claim turned into a possibility", check, __doc__)
