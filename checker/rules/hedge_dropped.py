"""DC201 hedge-dropped: a hedge or modal of the source is gone, so the claim reads as certain.

What it flags:
    A derived claim aligned with a source claim that carries a hedge ("could", "may",
    "appears", "possibly") on the same content, where the derived claim has no hedge and reads
    clearly more certain, in the same verb or a WordNet synonym of it ("could resume" ->
    "will restart"; a synonym only where the derived claim holds no hedge, nor a belief
    frame: "Officials believe the fire began"), also in a future frame ("could recommend"
    -> "is set to recommend": future_frames.txt; a figure both claims give counts as a word
    they share, "will reopen in late June" for "could open its doors again in late June if
    the repairs go well"); also where the source's hedge is its
    predicate ("is likely to
    take at least 18 months" -> "will take at least 18 months"); also a forecast stated as
    certain ("the ministry expects the cap to save 31 million" -> "the cap will save 31
    million, the ministry said": a judging verb, judging_verbs.txt, with "to" and the
    derived claim's verb); also the source's hedge on its own verb where the derived claim
    states the same thing firmly in another ("could face a fine of up to £20,000" -> "will
    be fined up to £20,000": three of its other words, two thirds of them, in the source
    claim, and no hedge or belief frame of its own); a hedged deed told done by its noun, as
    its verb's object, with the same word after it ("may challenge the award" -> "has
    launched a legal challenge to the award"), also where the derived sentence merges it
    with another clause the aligner matches better; a hedge on a verb of necessity doubts
    the deed it takes ("may need to spend nine weeks in dock" -> "will spend nine weeks":
    necessity_verbs.txt); a hedge opening a relative clause on a noun the derived claim
    qualifies by a relative clause with the same verb, whatever the frames' verbs ("flags
    nine beams that may have to be lifted" -> "notes nine beams that must be lifted"); a
    hedge set before a noun dropped from it ("the alleged theft" ->
    "the theft", "three suspected cases" -> "three cases"; kept by any hedge before the
    same noun: "three possible cases"); the source's hedged verb told plainly in a clause
    the derived sentence merged in after a relative word ("the summer was wet, when heavy
    rain pushed up the readings" for "heavy rain could have pushed up the readings":
    relative_adverbs.txt; not "that", not an infinitive, not before a condition, not with
    another subject than the source's); the hedged verb of a weaker-aligned source clause
    that the derived sentence merged with a better-aligned one, told firmly with all its
    words ("will reopen in 2027, costing £2.6 million" for "would cost £2.6 million and could
    reopen in 2027"; its figures compared by value, however their words were cut, "£3.2m");
    a hedge on a noun phrase of a weaker-aligned supporting claim ("advice on a possible
    boundary appeal") told as real ("has lodged a boundary appeal"),
    the sources never naming the phrase unhedged (``hedge_scope.hedged_phrase_stated``);
    a decision the source leaves open told as taken ("has yet to settle whether to lease
    the quarry in May" -> "will lease the quarry in May": ``questions.decision_answered``;
    not when a source claim states the deed firmly); a thing the source only weighs with a
    verb of deliberation told as begun or done ("are considering a judicial review" ->
    "are bringing a judicial review": decided_deeds.txt, launch_verbs.txt;
    ``deliberated.weighed_told_done``; not when a source tells it begun too).
    Unnamed-attribution adverbs ("reportedly") are left to DA101. Silent on a derived claim
    that a "whether" asks ("it is still unknown whether the main burst"): it states nothing
    firmly, and on "there may be" for "there could be" or "there might be"; silent on a
    source hedge inside what a "whether" asks when the derived claim keeps the deed as a
    topic after a preposition ("counsel's view on whether it might reclaim the fee" ->
    "counsel's view on reclaiming the fee"): the modal was the question's.
Why it matters:
    "The code could flag users" and "the code flags users" are different facts.
Known false positives:
    A derived clause merged in after a relative word ("a wet summer, when heavy rain pushed
    up the readings": ``hedge_scope.merged_clause``) whose doubt the derived text keeps in
    another sentence ("She stressed she was not sure of this") or in words outside the
    hedges lexicon. The hedge governs a part of the source sentence the derived text left
    out but whose verb it repeats elsewhere; weak modals ("can") are ignored for that
    reason. A derived hedge outside the lexicon ("is poised to") reads as none; "could" of a
    past ability ("farmers could cross only by ferry" -> "farmers crossed only by ferry"); a
    forecast the sources also report as having come true in a passage the aligner did not
    pick; for a claim restated in other words, another claim of the passage that the derived
    text took its words from while the hedged one aligns better; a hedged thing the source
    also tells as begun in other words; a decision reported taken in words too unlike the
    derived claim's to count as its telling.
Examples:
    Source: The new rules could delay the merger by a year.
    Flag: The new rules will delay the merger by a year.
    Okay: The new rules may delay the merger by a year.
    Source: The union appears to want a pay rise and may accept a bonus instead.
    Flag: The union appears to want a pay rise and will accept a bonus instead.
"""

from __future__ import annotations

import re

from checker.align import claim_keys, key, text_keys
from checker.deliberated import weighed_told_done
from checker.figure_match import same_value, shared_figures
from checker.hedge_scope import (believed, cue_held_elsewhere, cue_in_merged_clause,
                                 deed_noun_done, deed_of_hedged_noun, doubt_kept,
                                 hedged_phrase_stated, noun_after_cue,
                                 noun_hedge_kept, noun_of_hedged_deed, relative_hedge,
                                 same_antecedent, same_object, synonym_in, words_after)
from checker.hedge_restated import forecast_stated, future_frame, restated_certain
from checker.hedging import (close_support, cue_word_in, cues, governed_verbs, hedged_verb,
                             strongest_on)
from checker.polarity import has_negation
from checker.sought import subject_keys
from checker.rules.base import Rule, evidence_of, make, shares_core, snippet
from checker.questions import (TOPIC_PREPOSITIONS, decision_answered, in_question, in_wh_question,
                               whether_before)
from checker.tentative import there_modal

CODE, NAME, KIND, SEVERITY = "DC201", "hedge-dropped", "certainty-raised", "error"


def check(ctx):
    """Yield a finding for each derived claim that dropped a hedge of its source."""
    for dc in ctx.derived_claims:
        if not ctx.aligned(dc) or _asked(dc):
            continue
        found = noun_of_hedged_deed(ctx, dc)
        told = "as done"
        if found is None:
            found, told = cue_in_merged_clause(ctx, dc), "as a fact"
        if found is None:
            found, told = hedged_phrase_stated(ctx, dc), "as real"
        if found is None:
            weighed = weighed_told_done(ctx, dc)
            if weighed is not None:
                yield make(RULE, dc, confidence=0.6, evidence=[evidence_of(weighed)],
                           message=(f'Says "{dc.predicate_text}" where the source only weighs '
                                    f'it ("{weighed.predicate_text}"): '
                                    f'"{snippet(weighed.text, 70)}".'),
                           suggestion=f'Use the source\'s verb ("{weighed.predicate_text}").')
                continue
            asked = decision_answered(ctx, dc)
            if asked is not None:
                sc, words = asked
                yield make(RULE, dc, confidence=0.6, evidence=[evidence_of(sc)],
                           message=(f'States as decided what the source leaves open ("{words}"): '
                                    f'"{snippet(sc.text, 70)}".'),
                           suggestion='Say the decision is still to be made ("will decide '
                                      'whether to ...").')
                continue
        if found is not None:
            sc, h = found
            yield make(RULE, dc, confidence=0.6, evidence=[evidence_of(sc)],
                       message=(f'States {told} what the source hedges with "{h.text}": '
                                f'"{snippet(sc.text, 70)}".'),
                       suggestion=f'Keep the hedge ("{h.text} …").')
            continue
        dkeys = claim_keys(dc)
        for sc in close_support(ctx.support(dc)) + _merged_support(ctx, dc):
            core = shares_core(dc, sc)
            if not core and len(dkeys & claim_keys(sc)) + shared_figures(dc, sc) < 2:
                continue  # (a figure both give counts as a shared word: "will reopen in late
                # June" for "could open its doors again in late June")
            dropped = []
            for h in cues(sc, ctx.lexicon, attempts=False):
                noun = noun_after_cue(sc, h)
                if noun:  # a hedge on a noun, not on a verb after it
                    if noun in dkeys and h.weight >= 0.2 and dc.unit_kind != "heading" \
                            and not cues(dc, ctx.lexicon, attempts=False) \
                            and not doubt_kept(ctx, dc, h, noun):
                        dropped.append(h)  # "the alleged theft" told as "the theft", in a
                        # claim with no hedge of its own
                    continue
                verb = hedged_verb(sc, h)
                if in_wh_question(sc, h.start):
                    continue  # "a dispute over who should mend it": the modal is the question's
                if (in_question(sc, h.start) or whether_before(sc)) and _still_asked(dc, verb) \
                        and key(dc.predicate) == key(sc.predicate):
                    continue  # "counsel's view on whether it might reclaim the fee" told as
                    # "counsel's view on reclaiming the fee": the modal was the question's
                if verb not in dkeys and _deliberation_dropped(ctx.lexicon, sc, dc, verb):
                    dropped.append(h)  # "may consider closing" told as "is preparing to
                    continue  # close": the hedge gone with the deliberation it was on
                same = (core and verb in dkeys) or verb == key(dc.predicate) and (
                    not relative_hedge(ctx.lexicon, sc, h) or words_after(sc, dc, verb)) \
                    or (verb in dkeys and future_frame(ctx, dc, verb))
                # (the verb of a relative clause of the source claim, "which seems to put it
                # over the limit", is the derived verb only with the same words after it: not
                # "putting 300 staff on short time")
                # the verb of a clause inside both, with its object, counts as a synonym
                # does: only where the derived claim holds no hedge or belief frame at all
                mine = verb if same or verb in dkeys and (
                    same_object(ctx, sc, dc, h, verb) or deed_noun_done(ctx, dc, verb)
                    or same_antecedent(ctx.lexicon, sc, dc, h, verb)) \
                    else synonym_in(ctx, sc, verb, dc) or deed_of_hedged_noun(sc, dc, verb)
                light = "" if mine else _noun_of_light_verb(ctx.lexicon, sc, dc, verb)
                mine = mine or light  # "will prosecute" for "may bring a prosecution": the
                # same deed, as the same verb is (whatever hedge the claim has elsewhere)
                if not mine or h.weight < 0.2 or (cue_word_in(h.text, dc.sentence)
                                                  and not cue_held_elsewhere(ctx, dc, h.text)) \
                        or noun_hedge_kept(ctx, sc, h, dc) \
                        or _deed_sought(ctx.lexicon, dc, mine):
                    continue
                if h.text.lower() == "could" and sc.attribution is not None \
                        and _can_on(ctx.lexicon, dc, mine):
                    continue  # "anglers can still use the jetty" for "she said anglers could
                    # still use the jetty": reported speech puts "can" in the past
                if there_modal(dc.text) and there_modal(sc.text):
                    continue  # "there may be" for "there could be": the same hedge on a
                    # "be" that is no content word to compare
                if any(key(w.lemma) == mine and in_question(dc, w.start) for w in dc.words):
                    continue  # "still unknown whether the main burst": asked
                left = strongest_on(dc, [mine], ctx.lexicon)
                if mine in ("be", "have"):  # "may be ready" for "might be ready", "may
                    # have no crew" for "could have no crew": these verbs are no content
                    # words the cue is read to govern, so a hedge on one before a word the
                    # source's hedge governs is looked up (not "which may be busy" beside it)
                    said = _words_after(sc, h)
                    left = max([left, *(c.weight for c in cues(dc, ctx.lexicon)
                                        if hedged_verb(dc, c) == mine
                                        and next(iter(_words_after(dc, c)), "") in said)])
                if left < h.weight - 0.1 and (same or light or (
                        left == 0 and not cues(dc, ctx.lexicon) and not believed(ctx, dc))):
                    dropped.append(h)  # a synonym only where the claim has no hedge at all
                    # ("would climb" for "could rise" keeps a conditional)
            if not dropped:
                forecast = forecast_stated(ctx, dc, sc)
                if forecast:
                    yield make(RULE, dc, confidence=0.7, evidence=[evidence_of(sc)],
                               message=(f'States as certain what the source gives as a '
                                        f'forecast ("{forecast}"): "{snippet(sc.text, 70)}".'),
                               suggestion=f'Keep the forecast ("{forecast} …").')
                    break
                h = restated_certain(ctx, dc, sc)
                if h is not None:
                    yield make(RULE, dc, confidence=0.6, evidence=[evidence_of(sc)],
                               message=(f'States firmly, in other words, what the source '
                                        f'hedges with "{h.text}": "{snippet(sc.text, 70)}".'),
                               suggestion=f'Keep the hedge ("{h.text} …").')
                    break
                continue
            h = dropped[0]
            yield make(RULE, dc, confidence=0.5 + 0.4 * h.weight / 0.35 * 0.8,
                       evidence=[evidence_of(sc)],
                       message=(f'Drops the hedge "{h.text}": the source says '
                                f'"{snippet(sc.text, 70)}".'),
                       suggestion=f'Keep "{h.text}" (or an equivalent hedge).')
            break


def _merged_support(ctx, dc) -> list:
    """Weaker supporting claims with the derived claim's own verb whose words after that verb
    the derived claim all holds: a source clause the derived sentence merged with another
    that aligns better ("will reopen in 2027, costing £2.6 million" for "would cost £2.6 million
    and could reopen in 2027")."""
    lex = ctx.lexicon
    if any(lex.has("condition_marks", w) for w in re.findall(r"[a-z]+", dc.text.lower())):
        return []  # "will reopen in 2027 if all goes to plan" keeps the doubt
    close = close_support(ctx.support(dc))
    out = []
    for sc in ctx.support(dc)[1][:3]:
        if sc in close or key(sc.predicate) != key(dc.predicate) or sc.negated != dc.negated:
            continue
        after = _words_after_verb(sc)
        if after and after <= claim_keys(dc) | _figure_words(sc) and all(
                any(same_value(q, mq) for mq in dc.quantities) for q in _figures_after_verb(sc)) \
                and not any(
                key(o.predicate) == key(dc.predicate) and not cues(o, lex)
                and o.negated == dc.negated and after <= _words_after_verb(o)
                and subject_keys(o) & claim_keys(dc) for o in ctx.index.claims):
            out.append(sc)  # (not where a source claim on the same subject states it firmly:
            # "the council confirmed that the footbridge will reopen in 2027")
    return out


def _noun_of_light_verb(lex, sc, dc, verb: str) -> str:
    """The derived claim's verb where the source hedges a light verb (light_verbs.txt) whose
    object is that verb's noun ("may bring a prosecution" told as "will prosecute": the
    same deed): its key, else ''. The noun stands within three words after the light verb."""
    mine = key(dc.predicate)
    if not any(w.pos == "VERB" and key(w.lemma) == mine for w in dc.words):
        return ""
    words = list(sc.words)
    for i, w in enumerate(words):
        if w.pos in ("VERB", "AUX") and key(w.lemma) == verb and lex.has("light_verbs",
                                                                         w.lemma.lower()):
            if any(o.pos == "NOUN" and key(o.lemma) == mine for o in words[i + 1:i + 4]):
                return mine
    return ""


def _can_on(lex, dc, verb: str) -> bool:
    """The derived claim puts "can" on the verb: the source's "could", in what a source
    reports, may be "can" put in the past by the report ("she said anglers could still use
    it"), not a doubt of its own (the caller asks for the report; "until last year, visitors
    could climb the tower" is a past ability, not "can")."""
    return any(c.text.lower() == "can" and verb in governed_verbs(dc, c)
               for c in cues(dc, lex, attempts=False))


def _verb_word(claim):
    """The claim's own verb among its words, or None."""
    return next((w for w in claim.words if key(w.lemma) == key(claim.predicate)), None)


def _words_after_verb(claim) -> frozenset:
    """Keys of the claim's words after its own verb."""
    verb = _verb_word(claim)
    return frozenset(key(w.lemma) for w in claim.words
                     if verb is not None and w.start > verb.start)


def _figures_after_verb(claim) -> list:
    """The claim's figures after its own verb."""
    verb = _verb_word(claim)
    return [q for q in claim.quantities if verb is not None and q.start > verb.start]


def _figure_words(claim) -> frozenset:
    """Keys of the claim's words inside its figures ("m" of "£3.2m"): a figure is compared by
    its value (``same_value``), however the words of it were cut."""
    return frozenset(key(w.lemma) for w in claim.words for q in claim.quantities
                     if q.start <= w.start < q.end)


# How much heavier the source's attempt must weigh than the derived claim's on the same
# deed ("consider", 0.45, against "prepare", 0.25) for the deed to read as nearer done.
ATTEMPT_GAP = 0.15


def _words_after(claim, cue) -> list:
    """The keys of the content words after a cue, in order, adverbs aside ("ready",
    "October" of "might be fully ready in October")."""
    return [key(w.lemma) for w in sorted(claim.words) if w.start >= cue.end and w.pos != "ADV"]


def _deliberation_dropped(lex, sc, dc, verb: str) -> bool:
    """The source's hedge is on a verb of trying or weighing ("may consider closing"), the
    derived claim has no hedge or negation and states the deed that verb takes, as its own
    verb, with no attempt or a lighter one ("is preparing to close", "will close")."""
    att = next((a for a in sc.certainty.attempts if key(a.text.split()[0]) == verb), None)
    if att is None or cues(dc, lex, attempts=False):
        return False
    deed = next((w for w in sorted(sc.words) if w.start >= att.end and w.pos == "VERB"), None)
    if deed is None or deed.start - att.end > 12 or key(deed.lemma) != key(dc.predicate) \
            or has_negation(dc, lex):
        return False  # the deed as the claim's own verb, stated ("no decision on
        # recovering the funds" leaves it open)
    return strongest_on(dc, [key(deed.lemma)], lex) <= att.weight - ATTEMPT_GAP


def _deed_sought(lex, dc, verb: str) -> bool:
    """The derived claim weighs, plans or asks for the deed rather than stating it ("is
    weighing repayments", "urged the board to repay" for "may have to repay"): its own verb
    a verb of trying (attempts.txt) with the deed's noun in its object, or one of asking
    (asking_verbs.txt) with the deed after it, or an attempt cue with the deed among the two
    words after it."""
    if lex.has("attempts", dc.predicate) and verb in text_keys(dc.object):
        return True
    if lex.has("asking_verbs", dc.predicate) and verb in claim_keys(dc) \
            and verb != key(dc.predicate):
        return True
    words = sorted(dc.words)
    return any(key(w.lemma) == verb for a in dc.certainty.attempts
               for w in [x for x in words if x.start > a.start][:2])


# "who" or "what" right before the verb, after a preposition of a topic, a colon or a comma
_WH_BEFORE = re.compile(rf"(^|[:,]\s*|\b(?:{TOPIC_PREPOSITIONS})\s+)(?:who|what)\s+$", re.I)


def _asked(dc) -> bool:
    """The claim's own verb is what a "whether" asks ("still unknown whether the main
    burst"): the word in the claim before its verb, in the same clause, or
    right before the claim in its sentence; not a "whether" after the verb ("reduce crashes
    whether it is day or night"). Or the sentence is a question, or "who" or "what" asks who
    does the deed ("the row over who mends it"; after a comma only in a headline)."""
    verb = next((w for w in dc.words if w.lemma == dc.predicate and w.pos in ("VERB", "AUX")),
                None)
    if verb is not None and in_question(dc, verb.start):
        return True
    if dc.sentence.rstrip().rstrip("\"”’'").endswith("?"):
        return True  # "Who pays for the lifts?": a question states no deed
    before = dc.sentence[:verb.start - dc.sent_start] if verb is not None else ""
    m = _WH_BEFORE.search(before)
    if m is not None and (dc.unit_kind == "heading" or not m.group(1).endswith(",")):
        return True  # "the row over who mends it", "Ferry slipway, who mends it" as a
        # headline: who does it is asked (a relative "who" after a comma in running text
        # states the deed of the name before it)
    if verb is not None and re.search(r"[,;:]", dc.text[:verb.start - dc.start]):
        return False  # "Whether or not anyone was home, the pump flooded": another clause
    return whether_before(dc)


def _still_asked(dc, verb: str) -> bool:
    """The derived claim keeps the deed a "whether" asked as a topic: its gerund after a
    preposition ("advice on reclaiming the fee"), not a verb of its own ("is set to
    reclaim", "is due to"); the caller asks for the source's own frame verb too ("is
    seeking advice on", not "was praised for")."""
    return any(key(w.lemma) == verb and w.text.lower().endswith("ing") and re.search(
        r"\b(?:on|about|over|into|of|for)\s+$", dc.text[:w.start - dc.start].lower())
               for w in dc.words)


RULE = Rule(CODE, NAME, KIND, SEVERITY, "hedge or modal removed", check, __doc__)
