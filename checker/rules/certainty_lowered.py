"""DC210 certainty-lowered: a firm finding turned into a possibility or an allegation.

What it flags:
    A derived claim with a hedge, modal or attempt that its supporting source claim does not
    have, on the same verb or on a WordNet synonym of it ("could stay" for "would remain";
    not a deadline, "has ten days to", which stands for a duty as often) (also where the
    source states the hedged verb firmly in a clause of a longer claim: "left the satellite
    in orbit after its engine shut down early" -> "its engine appears to have shut down
    early"), or a non-factive verb where the source uses a
    factive one, so the derived claim is clearly less certain than the source's (also
    where the source gives the verb inside a finding: "inspectors found that complaints had
    risen" -> "complaints may have risen"; and where the derived speaker is what a source
    claim of finding, reported by another party, has as its subject, though a longer passage is the
    better match: "tests found the fungus in 17 of 380 hives, the agency said" -> "tests
    suggest the fungus may be present in 17 of 380 hives");
    a plain source statement given as hearsay credited to nobody ("was approved" -> "is
    thought to have been approved", "reportedly"; also a claim of no more words than its
    subject and verb, "nobody was hurt" -> "nobody is understood to have been hurt"), or a
    named party's word given as a belief
    ("the company said they were unhurt" -> "they are believed to have escaped unhurt"); a
    modal on a claim the source states firmly in another verb ("found mould in 14 of 30
    flats" -> "mould may have been present in 14 of 30 flats"; also a party's report whose
    own verb is factive, "engineers confirmed cracks, the trust said" -> "engineers may have
    found cracks"), also where the same speaker
    tells both with the same verb of saying ("two people said inspectors had removed the
    ledgers" -> "two people said inspectors may have taken the ledgers") or the derived
    sentence credits the source's speaker in another clause ("..., the notice said, and
    none seems to have passed" for "according to the notice, ... none passed"); and a hedge on the
    verb that asks a question ("had not checked whether" -> "may not have checked whether",
    "set up a panel to ask whether" -> "may have set up a panel": only a hedge
    inside the question is the question's own; known false positive: a question the source
    itself asks tentatively in other words); also a hedging
    verb in the verb's own place
    ("is suspected on 63 farms" for "has been confirmed on 63 farms"), and a party's firm
    answer made a likely one in another answer verb ("denied that" -> "is likely to
    dispute that"); a modal on a bare verb where the source puts the act in the plain future
    in another verb ("said it would cut 85 posts" -> "may trim 85 posts"; not a ceiling,
    "will receive up to", for which "could receive up to" is fair), or states two of its
    figures ("puts the backlog at 412 jobs, up from 265" -> "may now stand at 412 jobs, up
    from 265"); a hedge on the second of two verbs the source joins by "and" ("had been
    checked and passed for service" -> "are likely to be passed for service"); a finding
    that a document established ("auditors found X, according to the audit") given as
    hearsay ("are reported to have counted X"), and an attempt confirmed by its party
    ("confirmed that it was negotiating") given as a belief ("is thought to be negotiating";
    "is understood to" counts as a belief frame: nonfactive.txt); a finding softened in a
    clause of time of the derived claim ("after suspected mould was reported in the
    classrooms" for "after inspectors discovered mould in the classrooms":
    ``checker.clause_findings``). A report that is the
    subject of its own verb ("the inspectorate's report put grain losses at 90 tonnes")
    states its figure firmly;
    only a report of the claim ("reports of", "fears that") is a non-factive frame. Not
    flagged: an attempt verb on an act the source names as a plan by its noun ("aims to
    reopen" for "its plan to reopen": intention_nouns.txt; or as the subject that does it,
    "wants to combine" for "The proposal would combine"); a plan that another source
    claim of the passage also gives as a plan or an attempt, with three of the derived
    claim's words and its figures: all but a third ("plans to cut crossings from six to
    four" where one outlet says "intends to reduce sailings from six to four" and the other
    "will operate four"), or those no other supporting claim gives ("intends to cut trains
    from nine to five on 6 September" for "its draft cuts trains from nine to five" and "it
    intends to bring the timetable in on 6 September").
    Also: a claim whose alignment falls short only by its own hedge words ("The survey
    hinted that rot may be present in 21" for "The survey found rot in 21 flats") is read
    as aligned; a modal on "be" and an adjective ("may be present") is a state now, judged
    on the words it governs with the state's subject; the source clause of a merged
    sentence whose reported verb the hedge governs ("A leak ... may have gone on for 16
    hours" for "logs show the leak went on for 16 hours") counts though another aligns
    better; a verb of deliberation with the object of a deed the source tells done ("is
    weighing a loan of £4,000" for "has approved a loan of £4,000":
    ``checker.deliberated``).
Why it matters:
    Downplaying a finding ("the audit may have found errors") misinforms as much as
    exaggerating it.
Known false positives:
    A modal on a verb the source gives firmly in a WordNet synonym ("could stay" for "would
    remain", ``_synonym_lowered``) where the synonym is read in another sense that names another
    act. The hedge sits in a part of the derived sentence that has no counterpart in the source
    (an added aside) but governs a verb the source claim also has. A source hedge the parser
    missed (the same hedge word in the source sentence, outside a quotation there, silences the
    rule). Off for weak modals ("can"), and for a plan or an intention ("intends to table")
    where the source puts the same verb in the future ("will table", "said she would table"), so
    "plans to close" for "will close" is not flagged either (a deliberation is: "is proposing to
    close", "is considering closing"); nor an intention on a verb the source gives as a noun of
    a tentative light verb ("intends to protest" for "plans to hold a protest"), nor an
    obligation where the source reports a demand ("X should resign" for "the union called for X
    to resign": obligation_modals, asking_verbs) or the derived text gives the obligation as a
    request or advice ("X should not eat them, the agency advised": its verb of saying in
    asking_verbs.txt), nor a modal inside what a "whether" asks ("will vote on whether the club
    should merge": the question's), nor an allegation ("alleging that", "allegedly") of what the
    source gives as a named party's claim, nor a hedge where the source's own verb is an attempt
    of the same weight ("are weighing a six-month suspension" for "is considering suspending"),
    nor a hedge that a source claim puts on the same verb beside two of the derived claim's
    words, when it stands in a relative aside of the derived claim or the source claim holds the
    nouns of its object (all but a third): "if the board, which is expected to rule on 3 June,
    agrees" for "The board is expected to rule on 3 June", nor a hedge that another clause of
    the source sentence has (by its word's stem), which the derived claim merged in ("was
    auditing the accounts and expected to finish in spring" -> "expects to finish auditing the
    accounts in spring"), nor "there may be" for the source's "there might be" or "there could
    be". A deliberation ("is considering closing") where the source gives an intention ("intends
    to close") is lowered; a modal of the source ("may close") leaves the verb as open as a
    deliberation. A caveat the source puts elsewhere in the passage ("..., but this has not been
    confirmed"; "investigators believe it began there" in the next sentence) does not silence a
    belief frame or a modal. A modal's perfect on a claim restated in another verb is judged on
    the words it governs (three, and two thirds of them, in a firm source claim); a derived
    claim that adds a clause of its own made of the source's words can be flagged for a hedge on
    that clause. Missed: the same in fewer than three shared words ("may have escaped unhurt"
    for "were unhurt"; but a hedge on the source claim's own verb, common as it is, with two
    shared words: "may be able to get the difference back" for "will get the difference back"),
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

from checker.align import claim_keys, key
from checker.clause_findings import softened_in_clause
from checker.deed_frames import planned_as_noun
from checker.deliberated import DELIBERATION, deliberated_deed
from checker.hedge_support import (aligned_but_for, clause_support, hope_word_before,
                                   their_predicate, word_beside_verb)
from checker.hedged_elsewhere import (aimed_at_target, hedge_on_noun_written,
                                      hedged_alike_elsewhere,
                                      hedged_alike_on_its_object, hedged_on_figure,
                                      merged_hedge, planned_in_another_telling)
from checker.hedging import (close_support, cue_word_in, cues, governed_verbs, hedged_verb,
                             shared_verb)
from checker.rules.base import Rule, evidence_of, make, shares_core, snippet
from checker.questions import asked_whether, hedged_asking, in_question
from checker.tentative import (as_tentative, future_of, hedges_their_verb, in_their_clause,
                               in_their_finding, is_wish, restated_firmly, there_modal)
from checker.weaker_frames import hearsay_lowered, reporting_lowered

CODE, NAME, KIND, SEVERITY = "DC210", "certainty-lowered", "certainty-lowered", "warning"


def _verb_lowered(ctx, dc):
    """A finding when the derived claim's own verb is a hedge ("the disease is suspected on
    63 farms"; a verb of evidence with a noun for its object, "tests suggested an
    infection") where its close source claim's verb is factive ("has been found on 63
    farms", "tests confirmed an infection"), the rest of the two claims alike."""
    h = next((h for h in cues(dc, ctx.lexicon, attempts=False)
              if h.weight >= 0.2 and h.text.lower() == dc.predicate_text.lower()), None)
    fc = dc.certainty.factive_cue
    if h is None and fc is not None and fc.role == "non-factive" \
            and fc.text.lower() == dc.predicate_text.lower() \
            and ctx.lexicon.has("hedges", dc.predicate):
        h = fc  # a hedging verb of evidence the parse read as the claim's own verb with a
        # noun for its object ("tests suggested an infection" for "tests confirmed an
        # infection"), not a frame round a clause; not a verb of saying ("reported")
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


def check(ctx):
    """Yield a finding for each derived claim hedged where the source is firm on the same verb:
    a hedge added on its verb first, then a weaker verb of reporting, hearsay, a hedging verb
    or a weaker answer."""
    for dc in ctx.derived_claims:
        lowered = (_hedge_added(ctx, dc) or _made(reporting_lowered, ctx, dc)
                   or _made(hearsay_lowered, ctx, dc) or _verb_lowered(ctx, dc)
                   or _answer_lowered(ctx, dc) or _synonym_lowered(ctx, dc)
                   or _deliberated(ctx, dc)
                   or _made(softened_in_clause, ctx, dc))
        if lowered is not None:
            yield lowered


def _deliberated(ctx, dc):
    """A finding when the derived claim weighs a deed the source tells as done ("is
    weighing a loan of £4,000" for "has approved a loan of £4,000":
    ``checker.deliberated``)."""
    sc = deliberated_deed(ctx, dc)
    if sc is None:
        return None
    return make(RULE, dc, confidence=0.6, evidence=[evidence_of(sc)],
                message=(f'Says "{dc.predicate_text}" where the source says '
                         f'"{sc.predicate_text}": "{snippet(sc.text, 70)}".'),
                suggestion=f'Use the source\'s verb ("{sc.predicate_text}").')


def _synonym_lowered(ctx, dc):
    """A modal put on a verb that a close source claim states firmly in one of the verb's
    first WordNet senses ("it could stay a sponsor of the league until 2029" for "it would
    remain a sponsor of the league until 2029"): the claims share two other content words
    and their polarity, and the source's verb carries no hedge as strong. Known false positive: a
    synonym in another sense that is another act."""
    wn = ctx.wordnet
    if not wn.available or dc.certainty.attempts:
        return None
    close = [sc for sc in close_support(ctx.support(dc)) if sc.negated == dc.negated
             and not (sc.attribution is not None and sc.attribution.negated)]
    for h in cues(dc, ctx.lexicon):
        if h.weight < 0.2 or h.role != "hedge" or in_question(dc, h.start) \
                or any(q.start <= h.start < q.end for q in dc.quotes):
            continue
        verbs = governed_verbs(dc, h)[:1]
        lemma = next((w.lemma.lower() for w in dc.words if verbs and key(w.lemma) == verbs[0]
                      and w.start >= h.end and w.pos == "VERB"), "")
        if not lemma or any(key(lemma) in claim_keys(sc) for sc in ctx.support(dc)[1]) \
                or hedged_alike_elsewhere(ctx, dc, h) or hedged_alike_on_its_object(ctx, dc, h):
            continue  # (the source has the derived verb itself: read on the same verb above)
        same = {key(x) for x in wn.synonyms(lemma, "verb", 2)} - {key(lemma)}
        rest = claim_keys(dc) - {key(lemma)}
        for sc in close:
            if key(sc.predicate) not in same or key(sc.predicate) in claim_keys(dc) \
                    or len(rest & claim_keys(sc)) < 2 or any(
                        c.weight >= h.weight for c in cues(sc, ctx.lexicon)):
                continue
            theirs = next((c.text for c in cues(sc, ctx.lexicon)
                           if hedged_verb(sc, c) == key(sc.predicate)), "")
            return _lowered(dc, h, sc, f'says "{(theirs + " ") if theirs else ""}'
                                       f'{sc.predicate_text}"', confidence=0.55)
    return None


def _lowered(dc, h, sc, firm: str, *, confidence: float):
    """The finding for a hedge ``h`` added where the source claim ``sc`` is firm (``firm``
    says how: 'is firm', 'says "would remain"')."""
    return make(RULE, dc, start=h.start, end=dc.end, confidence=confidence,
                evidence=[evidence_of(sc)],
                message=f'Adds "{h.text}" where the source {firm}: "{snippet(sc.text, 70)}".',
                suggestion=f'Drop "{h.text}" or say why the claim is in doubt.')


def _made(reader, ctx, dc):
    """This rule's finding from a reader of ``checker.weaker_frames`` (its fields), or None."""
    fields = reader(ctx, dc)
    return make(RULE, dc, **fields) if fields is not None else None


def _hedge_added(ctx, dc):
    """A finding when the derived claim puts a hedge, modal or attempt on a verb that a close
    source claim states firmly (the exemptions are the module's)."""
    advice = dc.attribution is not None and ctx.lexicon.has("asking_verbs",
                                                             dc.attribution.lemma)
    added = [h for h in cues(dc, ctx.lexicon) if h.weight >= 0.2
             and h.role not in ("deadline", "headline")
             and not any(q.start <= h.start < q.end for q in dc.quotes)
             and not (advice and ctx.lexicon.has("obligation_modals", h.text.lower()))
             and not in_question(dc, h.start)]
    # a hedge inside quotation marks is the speaker's word, which DQ701 compares; an
    # obligation the derived text gives as advice ("X should not eat them, the
    # authority advised") restates the advice, not a doubt; a modal inside what a
    # "whether" asks ("will vote on whether the club should merge") is the question's
    if not added or not (ctx.aligned(dc) or aligned_but_for(ctx, dc)):
        return None
    found = None
    close = [sc for sc in close_support(ctx.support(dc))
             if not (sc.attribution is not None and sc.attribution.negated)]
    # a denied claim ("denied that its filters cause leaks") is firm for nobody
    close += clause_support(ctx, dc, added, close)
    for h in added:
        if hedged_alike_elsewhere(ctx, dc, h) or hedged_on_figure(ctx, dc, h) \
                or planned_in_another_telling(ctx, dc, h) or hedge_on_noun_written(ctx, dc, h) \
                or hedged_alike_on_its_object(ctx, dc, h) or aimed_at_target(ctx, dc, h):
            continue
        sc = hedged_asking(ctx, dc, h, close)
        if sc is not None:  # "might look into whether X" for "will examine whether X"
            found = (h, sc)
            break
        verbs = [v for sc in close for v in [shared_verb(dc, h, sc)] if v]
        if not verbs:
            sc = restated_firmly(ctx, dc, h, close)
            if sc is not None:
                found = (h, sc)
                break
            continue
        if as_tentative(ctx, dc, h, verbs, close) or hope_word_before(dc, h, close, verbs) \
                or any(
                asked_whether(sc) and shared_verb(dc, h, sc) != key(sc.predicate)
                for sc in close if shared_verb(dc, h, sc)):
            continue  # a close source passage is as tentative (or the parser missed it),
            # or asks it ("examining whether a valve failed"; not "had not checked
            # whether" for "may not have checked whether": the asking is what is hedged)
        if h.role == "attempt" and h.weight < DELIBERATION and not is_wish(dc, h, ctx.lexicon) and any(
                future_of(sc, v) or planned_as_noun(sc, v, ctx.lexicon)
                for sc in close for v in verbs):
            continue  # "intends to table a motion" for "said she would table a motion" or
            # for "her plan to table a motion" (not "is proposing to table", "is weighing")
        sc = next((sc for sc in close if shared_verb(dc, h, sc) and (
            shares_core(dc, sc) or their_predicate(dc, h, sc)
            or hedges_their_verb(dc, h, sc)
            or in_their_finding(ctx, dc, sc) or in_their_clause(ctx, dc, h, sc))), None)
        # a shared word that is no verb of theirs ("previous"): the claim may still be
        # restated firmly in another verb ("was 41 per cent" -> "appears to have
        # slipped to 41 per cent")
        sc = sc or restated_firmly(ctx, dc, h, close)
        if sc is not None and not word_beside_verb(dc, sc, h):
            continue  # "might help pay for two gas inspectors" against "Mr Dace paid £40
            # for the inspection": the stems meet, the words do not
        if sc is not None and there_modal(dc.text) and there_modal(sc.text):
            continue  # "there might be" for "there may be": as hedged, on a "be" that
            # is no content word to compare
        if sc is not None:
            found = (h, sc)
            break
    if not found or merged_hedge(ctx, dc, *found):
        return None
    h, sc = found
    theirs = next((c.text for c in cues(sc, ctx.lexicon) if c.weight < h.weight
                   and hedged_verb(sc, c) == hedged_verb(dc, h)), "")
    return _lowered(dc, h, sc, f'says "{theirs}"' if theirs else "is firm", confidence=0.6)


RULE = Rule(CODE, NAME, KIND, SEVERITY, "firm claim turned into a possibility", check, __doc__)
