"""DG601 negation-flipped: the derived claim reverses the polarity of its source claim.

What it flags:
    A derived claim aligned with a source claim on the same verb (or a WordNet synonym of
    it, with two more words shared: "does not need" vs "requires"; or, on the same described
    subject, a verb that is a kind of the other, two WordNet levels apart: "will not change"
    vs "will rise", the affirmative side free of any negation, negative verb or prefixed
    form of the other verb, "left unchanged") where exactly one of the two is negated ("did
    not approve" vs "approved"); or, inside closely aligned claims, a word negated on one
    side only ("pleaded not guilty" vs "pleaded guilty", "a place that was not known as" vs
    "that was known as", "no charges" vs "charges"; also a thing said to be there or not by
    another verb on the same described subject: "the 2019 survey had found no defects" vs
    "the 2019 survey had flagged defects"; also a state the source negates in a clause of a
    longer claim, of another subject, right before the derived claim's object: "..., though
    the ballot is not binding on the board" vs "the outcome is binding on the board",
    ``word_flips._negated_before_object``); or a thing listed as found that a source claim
    of the same verb and subject says was not found ("found damp, loose tiles and cracked
    joists" vs "had not found any cracked joists": ``listed_denied``); or an intention or
    plan negated on one side only, about the same act ("has no intention of cutting jobs" vs
    "intends to cut jobs");
    or "already" against the source's "not yet" on the same subject ("a tenant had already
    been chosen" for "had not yet been picked": ``polarity_flips.already_flip``), or "both"
    against "not ... either" or "neither" of the same noun ("covers both decisions" for
    "did not touch on either decision": ``polarity_flips.both_flip``);
    or the opposite order of two events ("signed before the meeting" vs "signed after the
    meeting", "prior to the vote" vs "following the vote"); or an act the source calls
    unlikely told as expected or likely ("was unlikely to succeed" vs "expected it to
    succeed": ``polarity_flips.likelihood_flip``); or a thing the source says was not done
    to it told with the deed as its quality ("The statement was not audited" -> "an audited
    statement": ``polarity_flips.quality_flip``); or a negated derived claim whose
    supporting source passages hold no negation of any kind, when no source claim states the
    same word with a negation (confidence 0.6), unless the negation is inside what a claim
    noun reports ("complaints that they were not consulted"). A short negated source claim
    on the derived verb whose words and names the derived claim all holds counts as aligned
    with it, though the aligner matched the long derived sentence with a longer passage
    ("she did not name the Corran Trust" against "..., named the trust as she warned that
    ..."; known false positive: a long sentence that names the party and uses the verb of
    another thing), and so does one that says none of a thing was done ("No refunds have
    been made") against a derived claim, told as done, with that thing as the object of the
    same verb ("Organisers of the ... weekend have made refunds"; known false positive:
    another event of the same verb and noun). Equivalent negative forms
    agree: the verb's polarity is read from the negation cues before it and a "no" on its
    object ("found no trace" and "did not find any trace", "has had no refunds" and "had not
    had any refunds", "has yet to decide" and "has not
    yet decided", "declined to rule out" and "did not rule out", "refused to accept the
    findings" and "did not accept the findings" (a verb of refusal negates the act it
    governs), "It has not, the authority said, opened" and "had not opened"); two negations
    cancel; a denial negates what is denied ("denied that any tenant was overcharged" and
    "said no tenant was overcharged"), and a denial of what the party concedes is a flip
    ("disputes that the driver phoned in" for "does not dispute that he phoned in":
    ``claim_pairs.denial_added``); a thing taken away says what "without" it says ("cut
    electricity to 9,000 homes" and "left 9,000 homes without electricity":
    privative_verbs.txt); "no longer" says what a verb of ending says ("stopped delivering"
    or "ceased production" and "no longer delivers", "no longer produces":
    negative_verbs.txt), and against "remained open" it is a flip; an opening "Nor" negates
    its clause ("Nor did the inspection find any cracks" and "found no cracks"); a privative
    verb before a noun says what "no" says ("lacks any other link" and "has no other link");
    a source passage that says "not" with a prefix supports a derived negation ("led out
    without injury" and "led out unhurt"; "which the flooding has not affected" and "which is
    left unaffected in the flooding": a participle read by its verb). Not negations at all: a
    "not" after the verb that sets another value aside ("now expected in June, not April"),
    a negated verb with "without" after it ("cannot begin without consent": a need), the
    formulas that say why a source is unnamed ("who asked not to be named":
    negation_lookalikes.txt), anything else
    in the subject of a reporting verb, and a negation that only dates the act ("were not
    told until January" and "were only told in January"; without its date a negated claim is
    a flip, "were not told", and an affirmative one, "were told", is not). A derived claim
    that holds every negation cue of its source claim and one more, on the verb the source
    states, is a flip ("has refused to repay members who cannot show a receipt" for "will
    repay members who cannot show a receipt"); a phrasal verb of refusal before an -ing form
    refuses that act ("has ruled out finding other posts" for "will try to find other
    posts": refusing_phrasals.txt), unless the source sets the act aside ("rather than
    replace it") or the refusal holds only up to the time the source gives ("ruled out
    raising fares before April" for "will raise fares in April"). Two claims that
    count what they speak of with no count in common speak of two sets and are not compared
    ("1,150 farms are affected" and "the 90 farms on the organic contract are not affected";
    known miss: a count moved to the other set, "approved the 12 applications for Holt Lane"
    where 12 were approved and the 3 for Holt Lane were not). A claim the source's party
    denies, told in most of the source's words as an admission by anyone ("denied that it
    had ignored the warnings" as "acknowledged that the warnings had been ignored";
    admission_verbs.txt) or as the same party's plain report, has its denial dropped; so
    does a claim the party rejects ("rejected a claim that prosecutors had been slow") told
    as its admission ("conceded that prosecutors had been slow"). "too short to judge" says
    that it cannot judge: a derived "cannot settle" is no negation added; a stance turned to
    its opposite ("accepted the findings" as "contested the findings", "welcomed" as
    "criticised") is a flip by the antonyms lexicon. Nobody told a thing ("no rider had been
    told that ...", "no one had told them": a negated verb of telling, addressee_verbs.txt)
    told as heard ("riders had been told that ...") drops the denial. An act the source says
    came "without" a thing, told with the thing done ("freed without charge" ->
    "charged"), is a flip; so is an act the source's subject "was unable to" do, told done
    by that subject (the same words: "Police", or "it" inside the same report). Not
    flipped: a "no" or "not" before a comparative and "than", a bound on a figure ("for no
    longer than six months" for "for up to six months"); a negated derived claim that keeps
    the figure or date of a plan the source tells in the past perfect ("had been due to sail
    on 9 March" for "will no longer sail on 9 March": a plan that did not come
    about); a time bound told the other way ("could not open before 2029" for "could open
    in 2029 at the earliest": time_bounds.txt); one named speaker's account beside another
    named speaker's denial, where the sources give the first speaker a claim of that
    polarity on the matter (two sides of a dispute); a
    negation the source makes with the verb's noun ("had not carried out a valuation" for
    "has not valued"). A negation inside a condition on the act ("freed on bail on
    condition that she does not visit the site") leaves the act plain, so "did not free
    her" is a negation added; a plural noun or one that modifies the next ("the funds",
    "fund fraud") is no verb a derived negation can point back to, nor is a verb negated on
    one side the noun that modifies the next on the other ("a holiday pay dispute" beside
    "failed to pay"; not "face charges" beside "have not been charged").
Why it matters:
    A flipped negation states the opposite of the source.
Known false positives:
    (of a state negated before the same object) a source that negates the state of one thing
    and the derived claim states it of another thing before the same words ("the ballot is
    not binding on the board" against "the lease is binding on the board").
    A source that reverses itself in other words in a later sentence ("said it would refund
    fans ... later said the club would keep the money") against a derived refusal. Litotes
    ("not unlikely") and negative words the negations lexicon lacks ("in vain"
    against "to no avail") make one side look negative; a verb WordNet ranks under the
    negated one in a sense the text does not mean ("did not change its forecast" against
    "confirmed its forecast", both of "change" in WordNet); a fused sentence whose aligned
    source claim carries a second, unrelated negation; an order word that is not about
    time ("the following day" against "the day before"); a negated statement the source
    makes in other words in a passage the aligner did not pick ("residents say they were
    not consulted" against "Nobody asked us anything"); "could not find X" against "found X
    missing"; a contrast against its paraphrase ("the ship's own crew, not the maker, did
    the work" against "by the crew rather than the maker"); a short source statement
    ("would not appeal") read against a longer one of the same speaker that holds its words
    about another matter ("would appeal against the other ruling"); an act one is kept
    from ("barred from racing": preventing_verbs) in one competition where the source lets
    it go on in another. "No one told them X" against "X, they were not told" where the
    extractor keeps the second frame on another claim. Two sides of a dispute where the
    derived text gives the account to the wrong speaker (DA102's, when it sees it). Known
    miss: "freed without charge" told with another verb ("indicted"). Known miss: an
    added negation
    whose word the source writes negated anywhere, a reporting frame included, even about
    something else. Known miss: "without" a thing that
    a source claim takes away in another context ("cut power to the mill" beside "homes
    left without power"). A negation aimed at a name or a
    date ("in March, not October") is never compared, nor a negated word in two claims that
    both set a condition negatively ("unless it can close the shortfall", "if it cannot fill
    the shortfall"), so a flip beside such a condition is missed unless the verb itself
    flips; nor a negated negative verb ("has not ruled out selling": negative_verbs.txt)
    against a source passage that weighs or plans the act. On "be", which nearly any two
    claims share, the negation must be the copula's own ("was not", "isn't") and the claims must
    share three words besides it: a contrast or a clause after it ("is in the chute, not
    the wall", "is a draft that has not been reviewed") is no negated "be" (a denial
    governing one side only counts: "denied that the repairs were a response"), and a negated
    "has not been" is missed. "No longer" against a source that says the thing stopped
    in words that are no verb of ending ("has been off sale since May", "gave up
    delivering", "used to deliver until April") is flagged.
Examples:
    Source: The court did not approve the merger.
    Flag: The court approved the merger.
    Okay: The court declined to approve the merger, which it did not approve.
"""

from __future__ import annotations

from checker.align import claim_keys, key
from checker.claim_pairs import (
    admitted,
    denial_added,
    affirmed_by_speaker,
    another_account,
    be_forms,
    copula_negated,
    narrower_verb,
    other_counts,
    said_in_full,
    synonym_verbs,
)
from checker.lexicon import shipped
from checker.negation_added import negation_added
from checker.negation_bounds import (done_at_bound, only_as_excepted, only_others,
                                     time_bound_restated, wished_by_none)
from checker.negation_forms import lapsed_plan
from checker.polarity import denied_from_outside, verb_polarity
from checker.apposed_flip import apposed_flip
from checker.listed_denied import listed_denied
from checker.polarity_flips import (admission_flip, already_flip, aside_flip, both_flip,
                                    intention_flip, likelihood_flip, order_flip, privation_flip,
                                    quality_flip)
from checker.rules.base import (
    Rule,
    evidence_of,
    head_word,
    is_claim_unit,
    make,
    negated_in,
    shares_core,
    snippet,
)
from checker.word_flips import denied_elsewhere, word_flip

CODE, NAME, KIND, SEVERITY = "DG601", "negation-flipped", "negation-flipped", "error"




def check(ctx):
    """Yield a finding for each derived claim whose polarity differs from its source's."""
    for dc in ctx.derived_claims:
        if (dc.negated or dc.negated_words) and any(
                lapsed_plan(dc, sc, ctx.lexicon) for sc in ctx.support(dc)[1]):
            continue  # "will no longer reopen on 12 June" for "had been scheduled to reopen
            # on 12 June": the plan did not come about
        found = _predicate_flip(ctx, dc)
        for other in (_made(admission_flip), _made(word_flip), _made(intention_flip),
                      _made(order_flip), _made(negation_added), _made(privation_flip),
                      _made(likelihood_flip), _made(quality_flip), _made(already_flip),
                      _made(both_flip), _made(aside_flip), _made(apposed_flip),
                      _made(listed_denied)):
            if found is None:
                found = other(ctx, dc)
        if found is not None:
            yield found


def _made(reader):
    """A reader of ``checker.polarity_flips`` that returns this rule's finding."""
    def read(ctx, dc):
        fields = reader(ctx, dc)
        return make(RULE, dc, **fields) if fields is not None else None
    return read


def _predicate_flip(ctx, dc):
    """The same verb negated on one side only ("did not approve" vs "approved")."""
    copula = dc.predicate in be_forms(ctx.lexicon)
    within = _told_within(ctx, dc)
    aligned = ctx.aligned(dc)
    for sc in [*aligned, *(o for a in aligned for o in ctx.sentence_claims(a)
                           if o not in aligned)]:
        if _told_after_all(ctx.lexicon, dc, sc):  # (the told claim may be a clause the
            # aligner passed over: "members struck off the roll are never informed of it")
            at = max(0, sc.attribution.start - sc.sent_start - 30)
            told = ("…" if at else "") + snippet(sc.sentence[at:].rstrip(". "), 90)
            return make(RULE, dc, confidence=0.7, evidence=[evidence_of(sc)],
                        message=(f'Says "{dc.predicate_text}" where the source says they were '
                                 f'not: "{told}".'),
                        suggestion="Restore the source's polarity.")
    for sc in [*aligned, *within]:
        if not (key(sc.predicate) == key(dc.predicate) and (
                shares_core(dc, sc) or said_in_full(dc, sc) or sc in within)
                or synonym_verbs(ctx, dc, sc) or narrower_verb(ctx, dc, sc)):
            continue
        if copula and (len(claim_keys(dc) & claim_keys(sc) - {key(dc.predicate)}) < 3
                       or not (copula_negated(dc if dc.negated else sc, ctx.lexicon)
                               or denied_from_outside(sc) != denied_from_outside(dc))):
            continue  # "be" is shared by nearly any two claims: what is said of the
            # subject must be too, and the negation must be the copula's ("was not at
            # risk"), not a contrast or a clause after it ("is in the chute, not the wall",
            # "is a draft that has not been reviewed")
        if other_counts(dc, sc) or only_others(dc, sc) or wished_by_none(dc, sc) \
                or only_as_excepted(dc, sc):
            continue  # "1,150 farms are affected" and "the 90 farms ... are not": two sets;
            # "Only the central library is affected" beside "the branches were not"
        if time_bound_restated(dc, sc) or done_at_bound(dc) or done_at_bound(sc):
            return None  # "could not open before 2029" for "in 2029 at the earliest"; "no
            # club had done so in ten years until Harlow did": a negation that dates the deed
        if another_account(dc, sc, ctx.index.claims):
            continue  # the minister's account beside the company's denial: two sides
        dpol = verb_polarity(dc, ctx.lexicon)
        if dpol == verb_polarity(sc, ctx.lexicon) or (
                sc.negated == dc.negated
                and _unheard(sc, ctx.lexicon) == _unheard(dc, ctx.lexicon)
                and not (admitted(dc, sc, ctx.lexicon) and not affirmed_by_speaker(ctx, dc))
                and not denial_added(dc, sc, ctx.lexicon)):
            return None
        if dpol and denied_elsewhere(ctx, dc, dc.predicate):
            return None  # the source denies it too, in a passage the aligner did not pick
        if dpol and key(sc.predicate) != key(dc.predicate) and any(
                w[3] == dc.predicate and negated_in(sc, w, ctx.lexicon) for w in sc.words):
            return None  # "patients operated on with a pump that may not have worked":
            # the source negates the verb itself in a clause the parse left unnegated
        said = "negates" if dpol else "drops the negation of"
        says = f'"{sc.text[:80]}"'
        if denied_from_outside(sc) and not denied_from_outside(dc):
            said, says = "drops the denial of", f'"{snippet(sc.sentence, 90)}"'
        message = f'{said.capitalize()} "{dc.predicate_text}": the source says {says}.'
        if key(sc.predicate) != key(dc.predicate) and not synonym_verbs(ctx, dc, sc):
            # one act a kind of the other ("will rise" against "will not change")
            message = (f'Says "{dc.predicate_text}"{" did not happen" if dpol else ""} where '
                       f'the source says the opposite: {says}.')
        return make(RULE, dc, confidence=0.75, evidence=[evidence_of(sc)],
                    message=message,
                    suggestion="Restore the source's polarity.")
    return None


def _told_within(ctx, dc) -> list:
    """Short source claims on the derived claim's verb whose every content word and every
    name the derived claim holds ("she did not name the Corran Trust" inside a long sentence
    that names it "as she warned that ..."): the aligner matches the long sentence with a longer
    passage, but it tells this claim too. Also, of the other polarity, a claim on a verb of
    one WordNet sense with the derived one whose two words or more besides it all are the
    derived claim's ("That report does not name any warden on shift" inside "identifies
    the wardens on shift in the east wing the night the fire spread"), neither claim
    credited to a speaker (a party's quoted denial beside another's charge is two sides).
    Known false positive: a long derived claim that holds the same words in another
    relation."""
    if not is_claim_unit(dc):
        return []
    mine, aligned = claim_keys(dc), ctx.aligned(dc)
    names = {e.norm for e in dc.entities}
    out = []
    verb = key(dc.predicate)
    for sc in ctx.index.claims:
        if sc in aligned or not {e.norm for e in sc.entities} <= names:
            continue
        if key(sc.predicate) == verb and (sc.entities or _none_done(sc, dc, ctx.lexicon)):
            theirs = claim_keys(sc) | {verb}
            if len(theirs) >= 2 and theirs <= mine | {verb}:  # (the same verb, which the
                # keys leave out when it is a light one: "make")
                out.append(sc)  # (with a name of the story: "it will not close any branch"
                # is too common a claim to find inside another)
            continue
        rest = claim_keys(sc) - {key(sc.predicate)}
        if sc.negated != dc.negated and len(rest) >= 2 and rest <= mine \
                and dc.attribution is None and not sc.quotes and synonym_verbs(ctx, dc, sc):
            out.append(sc)  # the other side's polarity, in a verb of one sense with it and
            # two words besides: "That report does not name any warden on shift" inside
            # "The report, dated ..., identifies the wardens on shift in the east wing ..."
    return out


def _none_done(sc, dc, lex) -> bool:
    """The source claim says none of a thing was done, "no" on its passive subject ("No
    refunds have been made"), and the derived claim, unnegated, has that thing as its
    object's head ("The organisers ... have made refunds"; not "a promise of refunds"), told
    as done (no hedge, plan, future or obligation): a
    short claim of the story's own event, though it names nothing. Known false positive: a
    derived claim on another event of the same verb and noun."""
    words = sc.subject.lower().split()
    at = dc.text.find(dc.predicate_text)
    head = head_word(dc.object, lex)
    if len(words) < 2 or words[0] != "no" or dc.negated or not head or at < 0 \
            or key(head) != key(words[-1]):
        return False
    before = dc.text[:at].lower().split()[-2:]  # (a deed told as done, not one to come or
    # owed: "is due to issue a ruling" or "must issue a ruling" beside "no ruling has been
    # issued": future_modals.txt, obligation_modals.txt)
    return not (dc.certainty.hedges or dc.certainty.attempts or "to" in before or any(
        lex.has("future_modals", w) or lex.has("obligation_modals", w) or w == "would"
        for w in before))


def _told_after_all(lexicon, dc, sc) -> bool:
    """The source says nobody was told the claim ("members struck off are not informed that
    their place has lapsed") and the derived claim, unnegated, is the telling itself with
    the told claim's words ("members are informed once their place has lapsed")."""
    att = sc.attribution
    teller = att.source if att is not None else ""
    return _unheard(sc, lexicon) and not dc.negated and not dc.negated_words \
        and not _unheard(dc, lexicon) and key(att.lemma or "") == key(dc.predicate) \
        and claim_keys(sc) <= claim_keys(dc) and (not teller or bool(
            _content_words(teller) & _content_words(dc.subject or "")))
    # (who tells must be the one who did not: "The clinic did not tell patients X" is no
    # flip of "The regulator told patients X")


def _content_words(phrase: str) -> set:
    """The phrase's words but its articles (articles.txt), lower case."""
    return set(phrase.lower().split()) - _ARTICLES


_ARTICLES = shipped("articles")


def _unheard(claim, lexicon) -> bool:
    """Nobody was told the claim ("no rider had been told that their place was at risk",
    "no one had told them where they would be moved"): a negated verb of telling
    (addressee_verbs.txt) governs it."""
    att = claim.attribution
    if any(q.start <= claim.start and claim.end <= q.end + 2 for q in claim.quotes):
        return False  # a speaker's words ('"Nobody will tell me what I did wrong"')
    return att is not None and att.negated and lexicon.has("addressee_verbs", att.lemma) \
        and denied_from_outside(claim)


RULE = Rule(CODE, NAME, KIND, SEVERITY, "polarity reversed", check, __doc__)
