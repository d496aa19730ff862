"""A word negated on one side only of two aligned claims ("pleaded not guilty" against
"pleaded guilty", "found no defects" against "flagged defects"), and whether a source claim
elsewhere negates the word itself. Read by DG601 (``checker.rules.negation_flipped``), whose
docstring gives the exemptions."""

from __future__ import annotations

from checker.align import claim_keys, key, text_keys
from checker.claim_pairs import another_account, be_forms, other_counts, same_subject
from checker.claim_reading import evidence_of, negated_in, shares_core, snippet
from checker.negation_bounds import (done_at_bound, only_as_excepted, only_others,
                                     time_bound_restated, wished_by_none)
from checker.negation_forms import (ended, lacks, named_act, plain_object, refused_only,
                                    taken_away, unrealised_plan)
from checker.polarity import negated_condition, negated_lemmas, polarity

# Words whose negation is compared inside aligned claims (not the main predicate's only).
NEGATABLE = {"VERB", "ADJ", "NOUN", "ADV"}


def _denied_act_of(dc, sc) -> bool:
    """The source claim negates the derived claim's own verb ("was unable to verify") and
    both claims have the same subject as written ("Police", "it")."""
    return dc.predicate in sc.negated_words and bool(dc.subject.strip()) \
        and dc.subject.strip().lower() == sc.subject.strip().lower()


def _negated_before_object(dc, sc) -> bool:
    """The source claim negates the derived claim's own verb (or the state it gives after
    "be") and writes the derived claim's object right after it ("..., though the ballot is
    not binding on the board" for "the outcome is binding on the board"): the same state,
    said of the same thing."""
    state, obj = dc.predicate, dc.object
    first = obj.split()[0].lower() if obj.split() else ""
    if state == "be":  # "is binding on the board": the state is the word after "is"
        word = next((w for w in dc.words if w.text.lower() == first
                     and w.pos in ("VERB", "ADJ")), None)
        if word is None:
            return False
        state, obj = word.lemma, obj.split(None, 1)[1] if len(obj.split()) > 1 else ""
    mine = text_keys(obj)
    verb = next((w for w in sc.words if w.lemma == state), None)
    if state not in sc.negated_words or not mine or verb is None:
        return False
    after = " ".join(sc.text[verb.end - sc.start:].split()[:len(obj.split()) + 1])
    return mine <= text_keys(after)


def word_flip(ctx, dc):
    """The fields of DG601's finding when a word is negated in the derived claim but not in
    its aligned source claim, or the other way round ("pleaded not guilty" where the source
    says "pleaded guilty"); None otherwise."""
    dneg = negated_lemmas(dc)
    be = be_forms(ctx.lexicon)
    dwords = {w[3]: w for w in dc.words if w[4] in NEGATABLE and w[3] not in be}
    dpol = polarity(dc, ctx.lexicon)
    # the same verb or name, or the same described subject ("the survey had found no
    # defects" and "the survey had flagged defects")
    aligned = [sc for sc in ctx.aligned(dc) if shares_core(dc, sc) or same_subject(dc, sc)
               or _denied_act_of(dc, sc) or _negated_before_object(dc, sc)]
    if not aligned or polarity(aligned[0], ctx.lexicon) == dpol and not any(
            set(negated_lemmas(sc)) & set(dwords) for sc in aligned[1:]):
        return None  # the closest source claim says it the same way (unless it is about
        # other words, and another close claim negates one the derived claim states:
        # "uses its own caterer" beside "has had no such complaints")
    for sc in aligned:
        if polarity(sc, ctx.lexicon) == dpol or other_counts(dc, sc) \
                or negated_condition(dc) and negated_condition(sc) \
                or time_bound_restated(dc, sc) or only_others(dc, sc) \
                or wished_by_none(dc, sc) or only_as_excepted(dc, sc) \
                or done_at_bound(dc) or done_at_bound(sc) \
                or another_account(dc, sc, ctx.index.claims):
            continue  # "unless it can close the shortfall", "if it cannot fill it"; "not
            # before 2029" for "in 2029 at the earliest"; "not done until May"
        sneg = negated_lemmas(sc)
        swords = {w[3]: w for w in sc.words if w[4] in NEGATABLE}
        added = sorted(lem for lem in dneg if lem in swords and lem in dwords and lem not in sneg)
        dropped = sorted(lem for lem in sneg if lem in dwords and lem in swords
                         and lem not in dneg)
        # A word the derived text negates where another close source claim negates it too
        # ("which has not opened an investigation, could open one"), or another clause of
        # the source sentence ("were logged as delivered, although there was no record")
        close = tuple(ctx.support(dc)[1]) + ctx.sentence_claims(sc)
        added = [lem for lem in added if not any(lem in negated_lemmas(o) for o in close)
                 and not denied_elsewhere(ctx, dc, lem)
                 and not taken_away(ctx, lem) and not ended(ctx, sc, lem)
                 and not named_act(sc, swords[lem])
                 and not negated_in(sc, swords[lem], ctx.lexicon)  # "a pump that may not
                 # have worked": a clause the parse left unnegated, a "not" just before it
                 and not lacks(sc, lem, ctx.lexicon)]  # "voted against shutting it"
        dropped = [lem for lem in dropped if not any(
            lem in {w[3] for w in o.words} and lem not in negated_lemmas(o) for o in close)
            and not ended(ctx, dc, lem) and not lacks(dc, lem, ctx.lexicon)
            and not named_act(dc, dwords[lem])
            and not unrealised_plan(dc, dwords[lem], ctx.lexicon)]
        if not shares_core(dc, sc):
            # same subject, other verb: only a thing said to be there or not, as the plain
            # object of both verbs ("had found no defects" and "had flagged defects"; not
            # "found the hull free of leaks", "recorded zero cancellations", "announced
            # changes to the kit" for "made no changes to ticket prices"), not an act
            added = [lem for lem in added if plain_object(dc, sc, lem)]
            dropped = [lem for lem in dropped if plain_object(dc, sc, lem) or (
                lem == dc.predicate and refused_only(sc, lem, ctx.lexicon)
                or _negated_before_object(dc, sc) and lem in sc.negated_words)]
            # or the derived claim's own verb, which the source's subject "was unable to"
            # do, or which the source negates before the same object
        # the word as a noun modifying another noun on one side and a verb on the other
        # names a thing, not the act the other side negates ("a holiday pay dispute" beside
        # "failed to pay"; not "face charges" for "have not been charged")
        added = [lem for lem in added if not _modifier_for_verb(dc, sc, lem)]
        dropped = [lem for lem in dropped if not _modifier_for_verb(dc, sc, lem)]
        if not added and not dropped:
            continue
        lem = (added or dropped)[0]
        d, s = dwords[lem], swords[lem]
        if added:
            message = (f'Negates "{d[2]}", which the source states without a negation: '
                       f'"{snippet(sc.text, 80)}".')
        else:
            message = (f'Drops the negation of "{d[2]}": the source says it is not so: '
                       f'"{snippet(sc.text, 80)}".')
        return dict(start=d[0], end=d[1], text=d[2], confidence=0.7,
                    evidence=[evidence_of(sc, start=s[0], end=s[1])], message=message,
                    suggestion="Restore the source's polarity.")
    return None


def _modifier_for_verb(dc, sc, lem: str) -> bool:
    """The word is a verb in one claim and, in the other, a noun with another noun right
    after it ("pay" in "a holiday pay dispute" and in "failed to pay"): the thing named,
    not the act negated."""
    def modifier(claim) -> bool:
        words = sorted(claim.words)
        return any(w.lemma == lem and w.pos == "NOUN" and k + 1 < len(words)
                   and words[k + 1].pos == "NOUN" and words[k + 1].start == w.end + 1
                   for k, w in enumerate(words))

    def verb(claim) -> bool:
        return any(w.lemma == lem and w.pos == "VERB" for w in claim.words)
    return modifier(dc) and verb(sc) or modifier(sc) and verb(dc)


def denied_elsewhere(ctx, dc, lem: str) -> bool:
    """Some source claim negates the word with all of its own words in the derived claim
    ("no decision had been taken" in a sentence the aligner did not pick, for "no decision
    had yet been taken on bringing the work in-house"), or with two of them and a word of
    its subject anywhere in the derived claim: the derived negation is the source's."""
    mine = claim_keys(dc)
    for o in ctx.index.claims:
        if lem not in negated_lemmas(o):
            continue
        theirs = claim_keys(o) - {key(lem)}
        shared = mine & theirs
        if shared and (theirs <= mine or len(shared) >= 2 and mine & text_keys(o.subject)):
            return True  # of the same subject (in either voice): not "Harwick did not win"
            # for "Calder did not win"
    return False
