"""DC203 attempt-to-fact: an attempt, plan or intention becomes an accomplished fact.

What it flags:
    A derived claim that states an action plainly while its supporting source claim only
    says somebody is trying, planning, seeking or aiming to do it, or seeks or asks for a
    thing to do it with ("is asking the county for leave to widen", "has applied
    for powers to cut": the thing's "to" verb is the deed), or has a span of time to
    do it in ("has ten days to file a challenge": a deadline; known false positive: a
    deadline the source also says was met, in a passage the aligner did not give the
    claim); also a thing sought
    stated as obtained ("is seeking an urgent meeting" -> "has secured an urgent meeting",
    "is preparing a bid" -> "has tabled a bid", the noun sought or a WordNet synonym of it:
    "is seeking support" -> "has secured backing"; a thing asked or applied for told
    obtained with a verb of obtaining: "intends to apply for legal aid" -> "has been
    granted legal aid", obtaining_verbs.txt; a thing a party only tries or plans to acquire,
    "is trying to lease a depot", told obtained, "has secured a depot": acquiring_verbs.txt;
    also an attempt verb coordinated inside the
    source claim: "plans a protest and is seeking a meeting", or in another clause of the
    sentence the derived claim merges: "intends to fit a pump and is seeking approval" ->
    "has won approval for a pump, which it intends to fit"), unless the derived verb asks
    for it too ("has requested a meeting": asking_verbs.txt) or is in the progressive ("is
    pursuing an apology": under way); a derived subject that refers
    back ("The company", "It": stand_ins.txt, pronouns_subject.txt) is the source's
    actor for a thing sought. Also the attempted verb told done in a WordNet synonym ("are
    attempting to offset the wobble" -> "have corrected the wobble"), and a party's grant
    sought by its noun told as given by that party ("wants the council's permission"
    -> "the council has permitted": ``sought_deeds.granted_by_owner``). A hedge in a
    clause after the
    derived verb ("has secured permission for a reservoir, which it says could supply"), or
    in a relative aside on its subject ("The board, which plans to hire a builder, has
    secured a grant"), does not make the verb tentative, and a claim on a frame of a plan
    ("is meant to be replaced": plan_frames.txt) or on a calendar ("the inquest is
    pencilled in for 3 May": schedule_verbs.txt, passive with "for", where a close source
    sentence sets the date: dating_words.txt; not a date only hoped for) states no deed.
    Also the source's attempted verb told done in a clause the derived sentence merged in
    after a relative word ("..., where it has bought the chapel" for "while it hopes to buy
    the chapel": ``hedge_scope.merged_clause``), and not a deed the derived claim refuses
    ("has ruled out finding other posts" for "would try to find other posts": DG601's).
    Also a plan in a source claim that is not the closest support, when the derived
    sentence adds it to other facts ("X
    has lodged a challenge over the award of the contract to Y" for "Y won the contract. X
    said it intends to lodge a challenge"): same verb, a noun of the object, same subject;
    and a deed settled ("has agreed to meet", settling_verbs.txt) where the source only
    seeks its noun ("is seeking a meeting") and no source sentence has the settling verb
    beside the deed ("one has been arranged"). Silent where the closest source claim states
    the settling itself beside the plan ("X plans to sell the depot, its board agreed on
    Friday" for "the board agreed on Friday to sell the depot"). A plan in a later sentence
    of the same named subject counts ("Vance ... wants to table the
    motion" where "Vance has tabled a motion" aligns with "Vance intends to put forward a
    motion"). Also a deed the source tells as still to come ("will ask the court", "said it
    would ask the court") told done ("has asked the court", "asked the court") where no
    source claim tells it done; and a planned asking told done with another verb of asking
    ("intends to ask X for funds" -> "has applied to X for funds": asking_verbs.txt); and
    a plan the source names by the deed's own noun told decided, done or under way ("is
    considering an appeal" -> "will appeal the ruling", "is appealing"), on the same subject,
    where no source claim states the deed plainly (``checker.sought_deeds``); for a deed
    under way or to come, the plan may be told anywhere in the sources.
    Silent where another outlet tells the same deed nearly as closely with no attempt
    (``Context.twins``: "will close" beside "intends to close"), where a source claim of
    the derived verb states a figure of the derived claim plainly (the progress told after
    the pledge: "By May it had fitted 3,400" for "has fitted 3,400 of the 9,000 pumps it
    vowed to fit"), and on a verb the source
    claim states plainly outside the attempt's reach ("are preparing to tow the barge, which
    ran aground on Friday" for "the barge ran aground": ``hedging.clause_end``), and on a
    quotation copied word for word ("which is exactly where you want to find it").
Why it matters:
    "Anthropic is trying to block Chinese companies" does not say that it blocks them.
Known false positives:
    An attempt verb in another sense with a noun ("prepared a report" is work done, so
    "published the report" for "is preparing a report" is flagged); a WordNet synonym in
    another sense than the attempted verb's; a derived text that
    keeps the attempt with a verb outside the lexicon ("is working
    toward blocking"); extend ``attempts`` in the configuration for such house phrasings.
    The action stated done with another verb counts when every other word of the derived
    claim is in the source claim and the verb is nowhere in the sources ("has capped the
    rise at 3%" for "intends to hold the rise to 3%"); known false positive there: another
    step about the same thing that the sources do not report. A plan in another sentence
    counts only when no supporting claim states the verb plainly; known false positive: a
    second, later deed of the same verb and object that the sources do not report. A settled
    deed the sources settle in other words ("the two sides will meet on Thursday") is
    flagged. Known misses: a date told firm with a verb of the calendar ("is scheduled for
    Tuesday" where the source only hopes to hold it then); another verb
    with other words ("stopped the deal" for "is trying to block the merger").
Examples:
    Source: The regulator is trying to stop the merger.
    Flag: The regulator stopped the merger.
    Okay: The regulator is seeking to stop the merger.
    Source: The port is trying to hire pilots. The port hired two pilots in May.
    Okay: The port hired two pilots in May.
"""

from __future__ import annotations

import re

from checker.align import claim_keys, key
from checker.lexicon import shipped
from checker.descriptions import resolve_description
from checker.deed_frames import calendar_frame, dated_in_source, plan_frame, tentative
from checker.deed_progress import (progress_claims, progress_stated, sentence_siblings,
                                   settled_plainly)
from checker.deed_restated import SAME_DEED_WORDS, same_deed
from checker.hedging import (close_support, cue_word_in, future_told, governed_verbs,
                             hedged_verb, told_done)
from checker.hedge_scope import cue_in_merged_clause
from checker.polarity import negated_keys
from checker.rules.base import Rule, evidence_of, make, shares_core, snippet
from checker.sought import (attempts_on_nouns, name_keys, noun_keys, object_keys, same_subject,
                            settled_in_sources, settled_verbs, subject_keys)
from checker.subject_names import content_keys, subject_names, told_of
from checker.sought_deeds import (acquisition_sought, future_done, granted_by_owner,
                                  plan_noun_done,
                                  planned_verb_named, refers_back, sought_object, told_decided,
                                  under_way)

CODE, NAME, KIND, SEVERITY = "DC203", "attempt-to-fact", "certainty-raised", "error"


def check(ctx):
    """Yield a finding for each derived claim that turned an attempt into a fact."""
    asking = frozenset(key(a) for a in ctx.lexicon.entries("asking_verbs"))
    for dc in ctx.derived_claims:
        if tentative(dc) or plan_frame(dc, ctx.lexicon) or (
                calendar_frame(dc, ctx.lexicon) and dated_in_source(ctx, dc)):
            continue
        if not ctx.aligned(dc) or ctx.quoted_verbatim(dc):
            continue  # (a quotation copied exactly keeps its own plans)
        if dc.unit_kind == "heading" and (not _has_verb(ctx, dc) or any(
                w.pos == "VERB" and ctx.lexicon.has("attempts", w.lemma) for w in dc.words)):
            continue  # a headline with no verb ("Zoo giraffes: the arguments") tells no deed;
            # one with a verb of planning ("Night toll proposed for ring road", whose
            # participle the parser may not make the predicate) tells the plan
        merged = cue_in_merged_clause(ctx, dc, attempts=True)
        if merged is not None:  # "..., where it has bought a pavilion" for "while it hopes
            yield _attempt_finding(dc, merged[0], merged[1].text,  # to buy a pavilion"
                                   _told_in_clause(dc, hedged_verb(*merged)))
            continue
        close = close_support(ctx.support(dc))
        close += _own_verb_support(ctx, dc, close)
        siblings = sentence_siblings(ctx, close)
        mine = {q.norm for q in dc.quantities}
        plain = close + [s for s in siblings  # another clause's figure is its own
                         if not mine or mine & {q.norm for q in s.quantities}] \
            + ctx.twins(dc) + progress_claims(ctx, dc, close)
        if any(not sc.certainty.attempts and not sc.certainty.hedges
               and not (future_told(sc, ctx.lexicon) and told_done(dc))
               and key(sc.predicate) == key(dc.predicate) for sc in plain):
            continue  # the source also states it plainly (not "is aiming to raise £1m and
            # has raised £640,000 so far" for "has raised £1m")
        if progress_stated(dc, close, siblings) or settled_plainly(ctx, dc, close):
            continue
        # a plan by the deed's noun anywhere in the sources, for a deed told under way or to
        # come and of the thing the plan names: the sentence that tells the plan is often
        # not the one the derived sentence's other words align with (a deed told done may be
        # an earlier one: "the samples inspectors audited" beside "is weighing a review of
        # every school")
        sought = sought_object(ctx, dc, close + siblings) or plan_noun_done(
            ctx, dc, [*close, *siblings, *ctx.support(dc)[1]]) or (
                None if told_done(dc) else plan_noun_done(ctx, dc, ctx.index.claims,
                                                          named=True)) \
            or granted_by_owner(ctx, dc, close + siblings) \
            or planned_verb_named(ctx, dc, close + siblings) \
            or acquisition_sought(ctx, dc, close + siblings)
        done = (_attempt_finding(dc, *sought) if sought is not None else
                _done_in_other_words(ctx, dc, close) or _planned_elsewhere(ctx, dc, close)
                or _future_finding(dc, future_done(ctx, dc, close)))
        if done is not None:
            yield done
            continue
        for sc in close:
            if not sc.certainty.attempts:
                continue
            same = same_deed(ctx, dc, sc)
            if dc.negated != sc.negated:
                continue
            if _another_party(ctx, dc, sc):
                continue  # another party's plan ("The guild intends to write to the council"
                # for "The commission's director wrote to the trust"): no plan told done
            cue = next((c for c in sc.certainty.attempts
                        if _governs(sc, c, dc, same, asking)), None)
            if cue is None or _stated_beside(sc, cue, dc):
                continue
            if hedged_verb(sc, cue) in negated_keys(dc):
                continue  # "has ruled out finding other roles" for "would try to find
                # other roles": the deed refused, not told done (DG601's)
            if not same and not shares_core(dc, sc) and not (
                    key(dc.predicate) in (hedged_verb(sc, cue), _had_done(sc, cue))
                    and len(claim_keys(dc) & claim_keys(sc)) >= SAME_DEED_WORDS):
                continue  # the planned verb, with the source claim's words, is the same deed
            yield make(RULE, dc, confidence=0.7,
                       evidence=[evidence_of(sc)],
                       message=(f'States as done what the source calls an attempt '
                                f'("{cue.text}"): "{snippet(sc.text, 70)}".'),
                       suggestion=f'Keep the attempt ("{cue.text} …").')
            break



def _own_verb_support(ctx, dc, close) -> list:
    """The best further supporting claim with the derived claim's own verb and core, and a
    word of the claim's that no close one has, where no close one has that verb either
    ("by June"; not only a name both share, as a party's appeal lodged shares it with its
    plan to lodge a claim): a derived claim that merges two source clauses aligns best
    with the other clause ("The lido will open by June, staffed by volunteers" with "plans
    to staff the pool with volunteers", beside "hopes to open it by June"). Known false
    positive: the same verb said of the same words in an unrelated passage."""
    mine = key(dc.predicate)
    if dc.unit_kind == "heading" or any(key(sc.predicate) == mine for sc in close):
        return []  # (a headline's verb is too loose to pick a passage by)
    theirs = {k for sc in close for k in claim_keys(sc)}
    return [sc for sc in ctx.support(dc)[1] if sc not in close
            and key(sc.predicate) == mine and shares_core(dc, sc)
            and (claim_keys(dc) & claim_keys(sc)) - theirs - {mine}][:1]


def _had_done(sc, cue) -> str:
    """The deed of an attempt to have a thing done ("is trying to have its meters tested":
    test), or ''."""
    governed = governed_verbs(sc, cue)
    return governed[1] if len(governed) > 1 and governed[0] in ("have", "get") else ""


def _another_party(ctx, dc, sc) -> bool:
    """The two claims' subjects share no content word, the derived one does not refer back
    ("It", "The company"), and another source sentence tells the deed of the derived actor
    (``subject_names.told_of``: "The commission's director, Ann Roe, wrote to the board"
    against "The guild intends to write to the council" and "Roe ... told the council ...")."""
    if not dc.subject or not sc.subject or refers_back(dc.subject, ctx.lexicon):
        return False
    words = sc.subject.lower().split()
    if len(words) == 2 and words[0] == "the" and ctx.lexicon.has("corporate_nouns", words[1]):
        return False  # "The airline intends to recruit" may be the derived "Harl Air"
    mine = content_keys(ctx, dc.subject)
    theirs = content_keys(ctx, sc.subject + " " + resolve_description(ctx, sc.doc_id,
                                                                     sc.subject))
    return bool(mine) and bool(theirs) and not mine & theirs \
        and told_of(ctx, dc, subject_names(dc, ctx.lexicon), sc)


def _has_verb(ctx, dc) -> bool:
    """The claim has a verb: the tagger says so, and its predicate is a verb in WordNet (the
    tagger reads a headline's plural noun before a colon as one: "Zoo giraffes: the
    arguments")."""
    wn = ctx.wordnet
    return any(w.pos == "VERB" for w in dc.words) and (
        wn is None or not wn.available or wn.knows(dc.predicate, "verb"))


def _planned_elsewhere(ctx, dc, close):
    """A finding when the derived claim's verb and object are a plan of a source claim that
    is not its closest support: a sentence that adds the plan to other facts ("X has lodged
    a challenge over the award of the contract to Y") aligns best with the sentence of those
    facts, and the plan ("it intends to lodge a challenge") sits in another. Same verb, a
    noun of the derived object in the source claim, same subject or one that refers back ("It",
    "The company": stand_ins.txt; known false positive: another party of that kind) (a verb of
    asking counts as the same as another: "has applied to X" for "intends to ask X"); and no
    supporting claim states that verb plainly. Beyond the claims the aligner gives, a claim
    whose subject shares a name with the derived one counts ("Vance ... wants to table
    the motion" after the sentence "Vance intends to put forward a motion" aligns with)."""
    _, claims = ctx.support(dc)
    mine = subject_keys(dc)
    # beyond the support, a claim of the same subject by name ("Vance ... wants to table the
    # motion", a sentence after the one the derived claim aligns with)
    named = [sc for sc in ctx.index.claims if sc not in claims and mine & name_keys(sc)]
    others = [sc for sc in [*claims, *named] if sc not in close and sc.negated == dc.negated]
    verb, dobj = key(dc.predicate), object_keys(dc, ctx.lexicon)
    # a verb of asking for a planned one ("has applied to X for funds" for "intends to ask
    # X for funds": asking_verbs.txt)
    asking = {key(a) for a in ctx.lexicon.entries("asking_verbs")} \
        if ctx.lexicon.has("asking_verbs", dc.predicate) else set()
    if not dobj or any(key(sc.predicate) == verb and not sc.certainty.attempts
                       and not sc.certainty.hedges for sc in [*claims, *named]):
        return None
    for sc in others:
        if not dobj & claim_keys(sc) or not (same_subject(dc, sc) or refers_back(
                sc.subject or "", ctx.lexicon)):
            continue  # (a source subject that refers back, "The company", as a pronoun does)
        cue = next((c for c in sc.certainty.attempts
                    if (hedged_verb(sc, c) == verb or asking and hedged_verb(sc, c) in asking)
                    and _governs(sc, c, dc, False)), None)
        if cue is not None:
            return _attempt_finding(dc, sc, cue.text)
    return None


def _governs(sc, cue, dc, same: bool, asking: frozenset = frozenset()) -> bool:
    """The source's attempt governs the deed the derived claim states: the claim's own verb
    ("is trying to block" and "blocked"; not an attempt on another verb of the sentence, "and
    was trying to"), or the verb it governs is the derived one ("is seeking to recover the
    money and plans to put the contract out to tender" and "has put the contract out"), or
    both are verbs of ``asking`` and the derived one is told done ("intends to ask X for
    funds" and "has applied to X"; not "is to bid")."""
    hedged = hedged_verb(sc, cue)
    if hedged == key(dc.predicate) and hedged != key(sc.predicate):
        return True
    if hedged != key(sc.predicate):
        return False
    return same or key(dc.predicate) in governed_verbs(sc, cue) or (
        key(dc.predicate) in asking and hedged in asking and told_done(dc))


def _stated_beside(sc, cue, dc) -> bool:
    """The derived verb is a verb of the source claim that the attempt does not govern: a
    fact the claim states plainly beside the attempt ("are preparing to tow the barge, which
    ran aground on Friday" for "The barge ran aground on Friday"), also in a relative clause
    the parse puts under the attempt."""
    verb = key(dc.predicate)
    if verb == hedged_verb(sc, cue):
        return False
    if verb not in governed_verbs(sc, cue) and any(
            w.pos in ("VERB", "AUX") and key(w.lemma) == verb for w in sc.words):
        return True
    # a verb of a relative clause after the attempt's object: a fact the source states of
    # that object ("have pledged to resist flats on the field where the team has trained
    # since 1971" for "The team has trained there since 1971"); not "that", which may open
    # what is planned
    at = _RELATIVE_WORD.search(sc.text, max(0, cue.end - sc.start))
    return at is not None and any(w.pos in ("VERB", "AUX") and key(w.lemma) == verb
                                  and w.start >= sc.start + at.end() for w in sc.words)


_RELATIVE_WORD = re.compile(r"\b(?:%s)\b" % "|".join(
    sorted((shipped("relative_pronouns") | shipped("relative_adverbs")) - {"that"})), re.I)


def _done_in_other_words(ctx, dc, close):
    """A finding when the derived claim states as done, in a noun or a verb of the same
    family, what the source plans or seeks: the planned verb as the object of a verb of
    doing ("plans to appeal the ban" -> "has lodged an appeal"), or the sought noun as the
    verb ("is seeking an agreement with X" -> "has agreed a deal with X"), or the planned
    verb settled ("is in talks to sell" -> "has agreed to sell": settling_verbs.txt), or
    the planned verb told done, in the perfect or the past, in a WordNet synonym ("are
    attempting to offset the wobble" -> "have corrected the wobble"; not "will cut" for
    "intends to reduce"); same subject, and three content words of the two
    claims shared."""
    lex = ctx.lexicon
    if any(lex.has(role, dc.predicate) for role in ("attempts", "asking_verbs",
                                                     "attribution_verbs", "be_forms")):
        return None
    if (dc.predicate_text or "").lower().endswith("ing"):
        return None  # "is negotiating the signing": under way, not done
    wn = ctx.wordnet
    dobj = object_keys(dc, lex)
    verb = key(dc.predicate)
    family = {key(x) for x in wn.synonyms(dc.predicate, "verb")} | {verb}
    settled = set()  # the deeds the derived verb settles and no source sentence settles
    for w in settled_verbs(lex, dc):  # "has agreed to meet" does the seeking of "a meeting"
        if not settled_in_sources(ctx, dc.predicate, w.lemma):
            family |= {key(x) for x in wn.synonyms(w.lemma, "verb")} | {key(w.lemma)}
            settled.add(key(w.lemma))
    for sc in close:
        if dc.negated != sc.negated or len(claim_keys(dc) & claim_keys(sc)) < 3:
            continue
        if dc.subject and sc.subject and not same_subject(dc, sc):
            continue
        for cue in sc.certainty.attempts:
            planned = hedged_verb(sc, cue)
            if not planned or planned == verb or cue_word_in(cue.text, dc.text) \
                    or planned in negated_keys(dc):
                continue  # "are in merger talks" keeps the talks of "in talks to merge";
                # "ruled out finding roles" refuses the deed of "would try to find roles"
            if planned in settled or planned in family and told_done(dc):
                return _attempt_finding(dc, sc, cue.text)  # "in talks to sell" for "has
                # agreed to sell": the deed the source plans, settled; "are attempting to
                # offset it" for "have corrected it": the deed in a synonym, done
            if any(key(w.lemma) in dobj and (key(w.lemma) == planned or planned in {
                    key(x) for x in wn.synonyms(w.lemma, "noun")})
                   for w in dc.words if w.pos == "NOUN"):
                return _attempt_finding(dc, sc, cue.text)
        for attempt, obj in attempts_on_nouns(sc, lex):
            head = noun_keys(sc, obj, lex)
            if head and head & family and key(attempt.lemma) != verb:
                return _attempt_finding(dc, sc, f"{attempt.text} {snippet(obj, 30)}")
    return None


def _attempt_finding(dc, sc, attempt: str, told: str = ""):
    told = told or ("under way" if under_way(dc) else "decided" if told_decided(dc)
                    else "done")
    return make(RULE, dc, confidence=0.7, evidence=[evidence_of(sc)],
                message=(f'States as {told} what the source calls an attempt '
                         f'("{snippet(attempt, 40)}"): "{snippet(sc.text, 70)}".'),
                suggestion=f'Keep the attempt ("{_cue_words(attempt)} …").')


def _told_in_clause(dc, verb: str) -> str:
    """How a clause of the derived claim tells its verb ``verb`` (a key): "under way" ("where
    it is buying"), "decided" ("where it will buy") or "done"."""
    w = next(x for x in dc.words if key(x.lemma) == verb and x.pos in ("VERB", "AUX"))
    before = dc.text[:w.start - dc.start].lower().split()[-2:]
    return "under way" if w.text.lower().endswith("ing") else \
        "decided" if {"will", "would", "shall"} & set(before) else "done"


def _cue_words(attempt: str) -> str:
    """The words of an attempt to keep: a cue up to its "to" ("has 21 days to", "seeking
    permission to"), else the verb of an attempt on a thing ("seeking" of "seeking a
    meeting")."""
    return attempt if attempt.endswith(" to") else attempt.split()[0]


def _future_finding(dc, found):
    """The finding for a deed told done that the source tells as still to come, if any."""
    if found is None:
        return None
    sc, modal = found
    return make(RULE, dc, confidence=0.65, evidence=[evidence_of(sc)],
                message=(f'States as done what the source says is still to come '
                         f'("{modal}"): "{snippet(sc.text, 70)}".'),
                suggestion=f'Keep it to come ("{modal} …").')


RULE = Rule(CODE, NAME, KIND, SEVERITY, "attempt or plan stated as done", check, __doc__)
