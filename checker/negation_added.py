"""DG601's reading of a negation the derived text adds: a negated derived claim whose
source passages hold no negation of any kind, and no source claim says it negatively in
another way (another word, a noun of the verb, a refusal, a thing taken away). A negated
word the sources never use, in a claim no passage aligns closely with, is content they lack
(DU801's), not a flip, when it names a thing ("has no solar panels") or the claim brings
two more words they never use. A source passage whose negation cues the derived claim all
holds, with one more on the verb the passage states, counts as holding none (``_one_more``:
"has refused to repay members who cannot show a receipt"). Known false negative: a flip
told with a synonym the sources do not use, in such a claim."""

from __future__ import annotations

import re

from checker.align import claim_keys, key
from checker.claim_pairs import prefixed_negative
from checker.claim_reading import evidence_of, is_claim_unit, sentence_before, snippet
from checker.lexicon import shipped
from checker.negation_bounds import done_at_bound, time_bound_restated
from checker.negation_forms import (bounded_before, ended, kept_as_was, kept_opposite, lacks,
                                    negated_in_source_text, negated_noun, refused_only,
                                    same_word, set_aside_in_source, stated_act, taken_away)
from checker.polarity import (condition_keys, cue_words, has_negation, negated_lemmas,
                              negation_only_in_condition, refuses, reported)


# a negated verb with "without" at most three words after it: two negations that say a
# thing is needed ("cannot go ahead without", "could not open without"; not "is not planning
# a sale of the site ... without consent")
_NOT_WITHOUT = re.compile(r"(?:\bnot|n't|\bcannot|\bnever)\s+(?:be\s+)?(?:[\w-]+\s+){1,3}?"
                          r"without\b", re.I)


LOOSE = 0.5  # a best alignment below this rests the derived claim on no one passage
OBJECT_REACH = 4  # content words after a negated verb where the thing it takes may stand


def negation_added(ctx, dc):
    """A negated derived claim whose source passages hold no negation at all ("The firm is
    not planning a sale" where the passage it rests on only says what it plans)."""
    if not is_claim_unit(dc) or _NOT_WITHOUT.search(dc.text):
        return None  # "cannot go ahead without approval": two negations, a need
    dneg = negated_lemmas(dc)
    if not dneg:
        return None
    lex = ctx.lexicon
    _, support = ctx.support(dc)
    if not support or any(has_negation(sc, lex) and not (
            negation_only_in_condition(sc) and not dneg & set(sc.negated_words)
            and not claim_keys(dc) & condition_keys(sc) - {key(dc.predicate)})
                          and not _one_more(dc, sc, dneg, lex)
                          or prefixed_negative(ctx, sc, dneg)
                          or time_bound_restated(dc, sc)
                          or sc is support[0] and lex.has("answer_verbs", sc.predicate)
                          and any(lex.has("assent_words", w) for w in dneg)
                          for sc in support):
        return None  # (an answer verb of the closest passage says it negatively too: "is
        # not convinced" for "disputes this", assent_words.txt; not "did not dispute" for
        # "disputed", "would not oppose" for "would contest", "has not commented")
    # a negation both claims hold is no flip: only the word negated on one side is looked at
    one_more = [sc for sc in support if _one_more(dc, sc, dneg, lex)]
    dneg = dneg - {w for sc in one_more for w in sc.negated_words} or dneg
    # The source may say it negatively in a passage the aligner did not pick, with the
    # negation on another word ("did not give a reason" for "gave no reason").
    tagged = {(w.lemma, w.pos) for w in dc.words if w.lemma in dneg}
    objects = _stated_on_its_object(dc, dneg, support, lex)
    if any((any(same_word(t, w, sc) for t in tagged for w in sc.words) or sc.predicate in dneg)
           and has_negation(sc, lex) and sc not in one_more
           and not (objects and not objects & claim_keys(sc)
                    and not _points_back(ctx, sc, dneg, objects))
           for sc in ctx.index.claims):
        return None  # (the predicate too: a stop word such as "name" is no content word;
        # not a passage that negates the act on another thing, where a passage states it on
        # the derived claim's own: "accepted the findings", "would not accept that ...")
    # or with a noun of the verb ("had not carried out a valuation" for "has not valued":
    # WordNet's derivations of the verb's first sense)
    nouns = {s for lem in dneg for s in ctx.wordnet.synonyms(lem, "verb", 1)} \
        if ctx.wordnet.available else set()
    if nouns and any(negated_noun(sc, nouns, lex) for sc in ctx.index.claims):
        return None
    # or with a "no" on the thing the derived verb takes ("talks have not yielded a deal"
    # for "No deal has been struck")
    taken = _objects_of_negated(dc, dneg)
    if taken and any(negated_noun(sc, taken, lex) and _of_this_thing(dc, sc, taken, support)
                     for sc in ctx.index.claims):
        return None
    # or refuse the same thing in another verb ("would not discuss the footage" for "declined
    # to comment on the footage"): a negative source claim about the derived claim's nouns
    things = {w[3] for w in dc.words if w[4] == "NOUN" and w[3] not in dneg}
    if things and any(things & {w[3] for w in sc.words} and refuses(sc, lex)
                      for sc in ctx.index.claims):
        return None
    # "has not ruled out selling": a negated negative verb says something may happen
    # (negative_verbs.txt), which a source that only weighs or plans it says too
    tentative = any(sc.certainty.attempts or any(h.weight >= 0.2 for h in sc.certainty.hedges)
                    or sc.certainty.hedges and _WOULD_OPEN.search(sc.text) for sc in support)
    # (a reported "would" is no weighing: "would resist redundancies" does not leave open
    # "would not oppose" them; but "would sell it if a buyer came forward", "would be
    # willing to back it" do)
    # or take the thing away with a verb ("cut electricity to 410,000 homes" for "left
    # 410,000 homes without electricity")
    dneg = {lem for lem in dneg if not taken_away(ctx, lem)
            and not (tentative and lex.has("negative_verbs", lem))
            and not any(ended(ctx, sc, lem) or kept_as_was(ctx, sc, lem)
                        or kept_opposite(ctx, sc, lem, dc) for sc in support)
            and not (refused_only(dc, lem, lex) and not stated_act(support, lem))}
    d = next((w for w in dc.words if w[3] in dneg and not reported(dc, w, lex)), None)
    if d is None or negated_in_source_text(ctx, d.text) and not objects \
            or any(lacks(sc, d[3], lex) for sc in support) \
            or set_aside_in_source(ctx, d[3]) or bounded_before(dc, support) \
            or done_at_bound(dc):
        return None  # (nor "voted against shutting it" for "declined to shut it", "rather
        # than replace it", "not before April" for "in April", "none had done so until
        # May")
    al, _ = ctx.support(dc)
    known = ctx.index.vocab
    others = {key(w[3]) for w in dc.words if w[4] in ("NOUN", "VERB", "ADJ", "ADV")
              and w is not d and key(w[3]) not in known and key(w[2]) not in known}
    if al.scores and al.scores[0] < LOOSE and key(d[3]) not in known \
            and key(d[2]) not in known and (d[4] != "VERB" or len(others) >= 2):
        return None  # a thing the sources never name ("need no permit", "has no solar
        # panels"), or an act in a claim that brings two more new words, in a claim that
        # rests on no passage: content the sources lack (DU801's), not a polarity they
        # give the other way; not "Councillors have not endorsed the depot", an act told
        # in another word
    sc = (one_more or support)[0]
    said = "states it without that negation" if one_more else "says nothing negative"
    return dict(start=d[0], end=d[1], text=d[2], confidence=0.6, evidence=[evidence_of(sc)],
                message=(f'Negates "{d[2]}", but the closest source passage {said}: '
                         f'"{snippet(sc.text, 80)}".'),
                suggestion="Check whether the source says this is not so; if not, drop the "
                           "negation.")


def _of_this_thing(dc, sc, nouns: set, support) -> bool:
    """The source claim that says "no" of the noun says nothing else than the derived claim
    or the passages it rests on: its content words, but the noun and its verb, are all
    theirs ("No deal has been struck", not "No deal has been struck on the boathouse" for
    talks over the slipway)."""
    rest = claim_keys(sc) - {key(n) for n in nouns} - {key(sc.predicate)}
    return rest <= claim_keys(dc).union(*(claim_keys(c) for c in support[:2]))


def _objects_of_negated(dc, dneg) -> set:
    """The lemma of the first noun within a few words after each negated verb of the derived
    claim (``OBJECT_REACH``), with no other verb between ("have not yielded a deal":
    "deal").
    Known false negative: a "no" on that noun in a source passage about another act
    ("no deal on fees" for "have not yielded a deal on rents") passes."""
    out = set()
    words = list(dc.words)
    for i, w in enumerate(words):
        if w.pos != "VERB" or w.lemma not in dneg:
            continue
        for n in words[i + 1:i + 1 + OBJECT_REACH]:
            if n.pos == "VERB":
                break
            if n.pos == "NOUN":
                out.add(n.lemma)
                break
    return out


def _stated_on_its_object(dc, dneg, support, lex) -> frozenset:
    """Keys of the nouns after the derived claim's negated verb when a supporting passage
    states that verb, without any negation, with all of them ("the trust accepted the
    auditors' recommendations" for "refused to accept the auditors' recommendations"); empty
    when none does. Known false positive: a source that takes the act back in other words
    about the same object later ("has since withdrawn its acceptance")."""
    verb = next((w for w in dc.words if w.lemma in dneg and w.pos == "VERB"), None)
    if verb is None:
        return frozenset()
    objects = frozenset(key(w.lemma) for w in dc.words
                        if w.start > verb.start and w.pos in ("NOUN", "PROPN"))
    if objects and any(not has_negation(sc, lex) and objects <= claim_keys(sc) and any(
            w.lemma == verb.lemma and w.pos == "VERB" for w in sc.words) for sc in support):
        return objects
    return frozenset()


# a "would" that leaves the act open: willing to do it, or on a condition (condition_marks.txt)
_WOULD_OPEN = re.compile(r"\bwould\s+be\s+(?:willing|prepared|happy|open)\b|\b(?:%s|provided|"
                         r"providing|so long as|as long as|on condition)\b"
                         % "|".join(sorted(shipped("condition_marks"))), re.I)
_BACK = re.compile(r"\s+(?:it|them|this|these|those)\b(?!\s+(?:\w+\s+)?(?:had|has|have|was|"
                   r"were|is|are|would|will|could)\b)", re.I)  # (not "that": a clause)


def _points_back(ctx, sc, dneg, objects) -> bool:
    """The source passage negates the verb on a pronoun ("the board later said it would not
    accept it"; not a clause, "would not accept that crews faced danger") and a passage before
    it, in its sentence or the one before, names the derived claim's object: a reversal of
    what the party accepted."""
    if not any(w.lemma in dneg and _BACK.match(sc.text, w.end - sc.start) for w in sc.words):
        return False
    same = [c for c in ctx.index.claims if c.doc_id == sc.doc_id and c.start < sc.start
            and c.sent_start == sc.sent_start]
    before = same or sentence_before(ctx.index, sc)
    return any(objects <= claim_keys(c) for c in before)  # (the nearest: its own sentence,
    # else the one before; not "they sent a report, and ... would not accept it")


def _one_more(dc, sc, dneg, lex) -> bool:
    """The derived claim holds every negation cue of the source claim and negates one more
    word, the verb the source claim states ("has refused to repay members who cannot show a
    receipt" for "will repay members who cannot show a receipt": the "cannot" both hold)."""
    if dc.negated or sc.negated or (sc.attribution is not None and sc.attribution.negated):
        return False  # (not "no longer refuses to repay": two negations on one act)
    theirs, mine = cue_words(sc, lex), cue_words(dc, lex)
    if not theirs or theirs - mine or sum(mine.values()) <= sum(theirs.values()):
        return False
    return any(w == sc.predicate and w not in sc.negated_words for w in dneg)
