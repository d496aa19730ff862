"""When a source passage is as tentative as a derived hedge, or firm where the derived text
hedges: the judgements DC210 certainty-lowered makes before it reports (no spaCy here).

A derived hedge is a lowering only where the source is firm on what it governs: on the same
verb, in a clause or a finding of the source claim, or in another verb when the claim is
restated; and not where a close source passage is as tentative, asks for the act, puts it
in the future or gives it as a party's claim. Whether a source claim is firm on record, and
who says it, is ``checker.firm_record``'s.
"""

from __future__ import annotations

import re

from checker.align import claim_keys, key
from checker.figure_match import CEILING
from checker.polarity import has_negation
from checker.firm_record import (_same_speaker, _speaker_in_sentence, firm_on_record,
                                 speaker_as_subject)
from checker.hedging import (clause_end, cue_near_words, cue_word_in, cues, governed_verbs,
                              hedged_verb, shared_verb, strongest_on)
from checker.lexicon import shipped
from checker.questions import asked_whether


def hedges_their_verb(dc, h, sc) -> bool:
    """The hedge governs the source claim's own verb through a verb of its own ("might
    look at ways to *add*" for "is working to *add*"), and the two claims share more."""
    return (key(sc.predicate) in governed_verbs(dc, h)
            and len(claim_keys(dc) & claim_keys(sc)) >= 3)


def in_their_clause(ctx, dc, h, sc) -> bool:
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


def in_their_finding(ctx, dc, sc) -> bool:
    """The source gives the verb as what a finding or report established ("Her team found
    that incidents had risen", "records show the head was bought"): its claim's predicate
    is that frame, so the derived claim ("incidents may have risen") shares the verb inside
    it, and three content words besides."""
    lex = ctx.lexicon
    return (any(lex.has(role, sc.predicate) for role in ("factive", "finding_verbs"))
            and len(claim_keys(dc) & claim_keys(sc)) >= 3)


ATTEMPT_VERB = 0.3  # attempts.txt weight of a verb that is an attempt in any sense ("weigh")


def as_tentative(ctx, dc, h, verbs, close) -> bool:
    """A close source passage is as tentative on one of ``verbs`` as the derived hedge (or
    holds the hedge word the parser missed, in the claim or outside the sentence's
    quotations: a quotation's "may" is the speaker's, on its own words), and aligns with the
    derived claim at least as well as the best firm one: "is seeking to withhold payments
    over trains it cancelled" does not excuse "is alleged to have cancelled" when "cancelled
    1,140 trains" fits better."""
    al, claims = ctx.support(dc)
    score = dict(zip((c.id for c in claims), al.scores or [al.score] * len(claims)))
    tentative, firm = [], []
    first = hedged_verb(dc, h)
    lex = ctx.lexicon
    bare = not _on_a_verb(dc, h, perfect=True)
    after = {key(w.lemma) for w in dc.words if w.start >= h.end} & claim_keys(dc)
    wish = is_wish(dc, h, lex)
    for sc in close:
        if wish and not sc.certainty.attempts and any(future_of(sc, v) for v in verbs):
            firm.append(score.get(sc.id, 0.0))  # "hopes to recruit" for "will recruit": a
            continue  # plain future is no wish
        light = _with_light_verbs(sc, verbs, lex)
        unquoted = _QUOTED.sub(" ", sc.sentence)
        # (against a deed done, the hedge word elsewhere in the sentence counts only
        # before two of the derived claim's words: "has fined X, and said it could
        # close Y" leaves "could fine X" lowered)
        if cue_word_in(h.text, sc.text) or (
                cue_near_words(h.text, unquoted, after, verb=_other_verb(first, sc))
                if bare and _firm_done(ctx, sc)
                else cue_word_in(h.text, unquoted)) \
                or strongest_on(sc, light, lex) >= h.weight - 0.1 \
                or h.role == "attempt" \
                and strongest_on(sc, light, lex, attempts=False) >= MODAL_OPEN \
                or _demanded(sc, h, lex) or _party_claim(dc, sc, h, lex) \
                or sc.object and lex.weight("attempts", sc.predicate, 0.0) >= max(
                    h.weight - 0.1, ATTEMPT_VERB):
            # the last: the source's own verb is the attempt, with the thing attempted as
            # its object ("are weighing a six-month suspension" for "is considering
            # suspending"; not "is still moving" nor "are working normally")
            tentative.append(score.get(sc.id, 0.0))
        elif first in claim_keys(sc):  # firm on the very verb the hedge governs
            firm.append(score.get(sc.id, 0.0))
    return bool(tentative) and max(tentative) >= max(firm, default=0.0)


# A modal hedge at least this heavy ("may", "could") leaves a verb as open as any attempt
# or deliberation on it ("may suspend" and "is considering suspending").
MODAL_OPEN = 0.3


# A quotation inside a sentence: its hedge is the speaker's, on the words quoted ('the
# rock armour "may slow, but will not stop" erosion, and its survey found X').
_QUOTED = re.compile(r'"[^"]*"|“[^”]*”')


def _party_claim(dc, sc, h, lex) -> bool:
    """The hedge makes the claim an allegation ("alleging that", "allegedly") where the
    source gives it as a party's claim ("with the museum claiming that", "the museum
    claims"), not as its figures or findings ("according to figures the authority
    published"): the same footing, in other words; not when the derived claim keeps a named
    speaker of its own, inside whose words the hedge stands."""
    word = next((w for w in dc.words if w.start == h.start), None)
    lemma = word.lemma if word is not None else h.text.lower()
    if not (lex.has("attribution_passive", lemma) or lex.has("attribution_adverbs", lemma)):
        return False
    before = re.findall(r"[a-z]+", dc.text[:h.start - dc.start].lower())[-1:]
    if dc.attribution is not None and dc.attribution.source \
            and dc.attribution.kind != "passive" and before and lex.has("be_forms", before[0]):
        return False  # the derived text keeps a named speaker and puts a passive belief
        # inside what it says ("she said four are believed to have recovered"): a doubt added
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


def _factive_report(ctx, sc, governed: set) -> bool:
    """The source claim's own verb is factive ("surveyors confirmed corrosion"), passed on
    with a plain verb of saying ("the trust said"; not "alleged": neutral_report_verbs.txt),
    and no source claim denies it (a negated claim with two of the hedged words: "its own
    engineers found no corrosion on the girders")."""
    lex = ctx.lexicon
    att = sc.attribution
    if not lex.has("factive", sc.predicate) or att is not None and (
            att.negated or not lex.has("neutral_report_verbs", att.lemma or "")):
        return False
    return not any(o is not sc and has_negation(o, lex)
                   and len(governed & claim_keys(o)) >= 2 for o in ctx.index.claims)


def restated_firmly(ctx, dc, h, close):
    """The close source claim that states firmly, in another verb, what the hedge governs
    ("found mould in 14 of 30 flats" -> "mould may have been present in 14 of 30 flats";
    "ignored evidence in bank statements" -> "may have overlooked evidence
    in bank statements"): three content words and two thirds of those after the hedge are
    in it, and one before the hedge when there are any. A party's word counts as firm when
    its own verb is factive ("engineers confirmed cracks, the trust said" -> "engineers may
    have found cracks"). None when a claim of the passage is hedged on those words itself,
    or holds the hedge word."""
    if h.role != "hedge" or ctx.lexicon.has("obligation_modals", h.text.lower()):
        return None  # not "should use"
    bare = not _on_a_verb(dc, h, perfect=True)
    if bare and not (h.weight >= MODAL_OPEN and _on_a_verb(dc, h)):
        return None  # a modal's perfect or a hedging verb, not "a possible strike"; a modal
        # on a bare verb ("may shed") only against a plain future (see _firm_future), a deed
        # done (``_firm_done``) or two figures stated (``_same_figures``)
    mine = claim_keys(dc)
    end = clause_end(dc, h.end)  # "may need X: the board revoked Y": its own clause only
    governed = {key(w.lemma) for w in dc.words if h.end <= w.start < end} & mine
    if not bare and _state_after(dc, h):
        state = key(next(w.lemma for w in dc.words if w.start >= h.end))
        if any(state in claim_keys(sc) and cues(sc, ctx.lexicon) for sc in ctx.support(dc)[1]):
            return None  # the source hedges that state itself ("Tenants said the lifts might
            # be dangerous")
        governed |= _subject_of_state(dc, h) & mine  # what "may be present" says is present
    before = mine - governed - {key(w) for c in cues(dc, ctx.lexicon)
                                for w in c.text.lower().split()}  # not the hedges themselves
    verb = hedged_verb(dc, h)
    for sc in ctx.support(dc)[1]:
        if any(verb in governed_verbs(sc, c) and verb not in ("be", "have")
               for c in cues(sc, ctx.lexicon)) or (
                cue_word_in(h.text, sc.sentence) and len(governed & claim_keys(sc)) >= 2
                and (not bare or cue_near_words(h.text, sc.sentence, governed,
                                                verb=_other_verb(verb, sc)))):
            return None  # hedged on this verb or these words in the source too (a modal on
            # a bare verb: the source's hedge word before two of its words)
    for sc in close:
        done = bare and _firm_done(ctx, sc)
        if bare and not (_firm_future(ctx, sc) or done or _same_figures(dc, h, sc)):
            continue
        if sc.negated != dc.negated or not bare and (cues(sc, ctx.lexicon) or not (
                firm_on_record(ctx, sc) or _same_speaker(dc, sc)
                or _speaker_in_sentence(ctx, dc, sc)
                or _factive_report(ctx, sc, governed))):
            continue  # (a party's word counts when its own verb is factive: "engineers
            # confirmed corrosion on three girders, the trust said" is no mere allegation
            # "engineers may have found cracks" could fairly mark as unproven)
        if (cue_near_words(h.text, sc.sentence, governed, verb=_other_verb(verb, sc))
                if done else cue_word_in(h.text, sc.sentence)) or asked_whether(sc) or (
                there_modal(dc.text) and there_modal(sc.sentence)):
            continue  # "examining whether a valve ignited it": a question, not firm; "there
            # could be more" in the source sentence for "there may be"
        shared = governed & claim_keys(sc)
        if len(shared) >= 3 and len(shared) >= 2 / 3 * len(governed) and (
                not before or before & (claim_keys(sc) | speaker_as_subject(ctx, sc))):
            return sc
    return None




def _same_figures(dc, h, sc) -> bool:
    """Two figures after the hedge that the source claim gives too ("may now stand at 412
    jobs, up from 265" for "puts the backlog at 412 jobs, up from 265"): a count the
    source states, which a modal on a bare verb doubts. Not a ceiling ("up to £500")."""
    if CEILING.search(sc.text):
        return False
    theirs = {q.norm for q in sc.quantities if q.norm}
    return len({q.norm for q in dc.quantities if q.start >= h.end and q.norm} & theirs) >= 2


def _firm_future(ctx, sc) -> bool:
    """The source claim puts its own verb in the plain future, on its own authority or as a
    party's plain word ("will cut 140 jobs", "said it would cut 140 jobs": a reported
    "would" is the future seen from the past, no hedge), so a modal on a bare verb that
    restates it ("may shed 140 jobs") lowers it. Not a ceiling ("will receive up to £500",
    for which "could receive up to £500" is fair), nor a claim with any other hedge."""
    lex = ctx.lexicon
    if any(c.text.lower() != "would" for c in cues(sc, lex)) or CEILING.search(sc.text):
        return False
    if not (future_of(sc, key(sc.predicate)) or lex.has("future_frames", sc.predicate)):
        return False  # "will cut", "said it would cut", "are set to lose" (future_frames.txt)
    return _plain_word(lex, sc)


def _other_verb(verb: str, sc) -> str:
    """The hedged verb, to look for after the source's hedge word, when it is not the source
    claim's own verb: "has served X ..., and could prosecute him" hedges "prosecute" there;
    "has fined X, and could fine the firm again" hedges another fine, not the one done."""
    return verb if verb and verb != key(sc.predicate) else ""


_PERFECT = frozenset({"has", "have", "had"})
_MODALS = shipped("auxiliaries") - _PERFECT  # "must have served": no deed done


def _firm_done(ctx, sc) -> bool:
    """The source claim tells its own verb as done, in the perfect ("has issued the firm with
    a notice"), on its own authority or as a party's plain word, with no hedge: a modal on a
    bare verb that restates the deed in other words ("could serve the firm with a notice")
    makes a thing done a thing that may happen. Known false positive: a second, later act of
    the same kind the derived text foresees ("has fined the firm and could fine it again"
    told without its first half)."""
    lex = ctx.lexicon
    if cues(sc, lex) or not sc.predicate_text:
        return False
    m = re.search(rf"\b{re.escape(sc.predicate_text.lower())}\b", sc.text.lower())
    before = re.findall(r"[a-z']+", sc.text[:m.start()].lower())[-3:] if m else []
    if before and before[-1] in ("already", "now"):
        before = before[:-1]
    if not before or before[-1] not in _PERFECT or len(before) > 1 and before[-2] in _MODALS:
        return False  # (not "must have served": a modal's perfect is no deed done)
    return _plain_word(lex, sc)


def _plain_word(lex, sc) -> bool:
    """The claim is the text's own, or a party's plain word: a neutral or factive verb of
    saying, not negated ("said it would cut", "confirmed it had cut")."""
    said = sc.attribution
    return said is None or (not said.negated and bool(said.lemma) and (
        lex.has("neutral_report_verbs", said.lemma) or lex.has("factive", said.lemma)))


_THERE_MAY = re.compile(r"\bthere\s+(?:could|might|may|would)\s+(?:also\s+)?be\b", re.I)


def there_modal(text: str) -> bool:
    """The text says a thing may exist with a modal ("there may be", "there could be")."""
    return _THERE_MAY.search(text) is not None

_VERB_GAP = frozenset({"have", "been", "be", "not", "to", "also", "still", "now", "already"})


def _on_a_verb(dc, h, perfect: bool = False) -> bool:
    """The cue governs the verb right after it ("may have overlooked", "appears to have
    been present"), not a noun ("a possible strike"); with ``perfect``, a modal (a cue with
    no "to") must take its perfect ("may have overlooked", not "could receive") or say
    that a thing may exist or a state hold ("there may be corrosion", "might be present")."""
    nxt = next((w for w in dc.words if w.start >= h.end), None)
    if nxt is None:
        return False
    gap = dc.text[h.end - dc.start:nxt.start - dc.start].lower().split()
    if not set(gap) <= _VERB_GAP:
        return False
    there = dc.text[:h.start - dc.start].rstrip().lower().endswith("there")
    state = _state_after(dc, h)  # "might be present": a state, now
    if perfect and "to" not in gap and "have" not in gap and not there and not state:
        return False  # a modal on a bare verb ("could receive"); "there may be" is a state
    return nxt.pos in ("VERB", "AUX") or nxt.pos == "ADJ" and bool({"be", "been"} & set(gap)) \
        or there and gap[-1:] == ["be"]


def _state_after(dc, h) -> bool:
    """The cue is a modal on "be" and an adjective ("might be present")."""
    nxt = next((w for w in dc.words if w.start >= h.end), None)
    return nxt is not None and nxt.pos == "ADJ" \
        and dc.text[h.end - dc.start:nxt.start - dc.start].split() == ["be"]


def _subject_of_state(dc, h) -> set:
    """The keys of the words between the hedge and the word that opens its clause ("that",
    "which", a comma or the claim's start): the subject of the state the hedge is on ("rot
    and woodworm" of "found that rot and woodworm may be present")."""
    opener = None
    for m in _CLAUSE_OPENER.finditer(dc.text, 0, h.start - dc.start):
        opener = m
    start = dc.start + (opener.end() if opener else 0)
    return {key(w.lemma) for w in dc.words if start <= w.start < h.start}


_CLAUSE_OPENER = re.compile(r"\b(?:%s)\b|[,;:]" % "|".join(sorted(shipped("relative_pronouns"))),
                             re.I)


_FUTURE_RE = re.compile(r"\b(?:will|would|shall|wo|'ll|going to|is to|are to)\s+(?:\w+\s+){0,2}$",
                        re.I)


def is_wish(dc, h, lex) -> bool:
    """The hedge is an attempt of wishing ("hopes to": wish_verbs.txt, by the claim's lemma
    of its verb), which does not restate a plain future as an intention does."""
    return h.role == "attempt" and any(w.start == h.start and lex.has("wish_verbs", w.lemma)
                                       for w in dc.words)


def future_of(sc, verb_key: str) -> bool:
    """The source claim puts the verb in the future ("will table", "said she would table"):
    a plan, which an intention or a plan verb in the derived text restates."""
    for w in sc.words:
        if key(w.lemma) == verb_key and w.pos in ("VERB", "AUX"):
            if _FUTURE_RE.search(sc.text[:w.start - sc.start]):
                return True
    return False
