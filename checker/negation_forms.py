"""Forms of saying that something is not so, or no longer so, read between a derived claim and
the sources for DG601 (``rules/negation_flipped.py``): an act a noun names ("a request to
renew"), an act only refused ("declined to renew"), a thing said plainly as present or
absent, a negated word in words no claim holds, a verb of ending ("stopped offering"), a
privative verb ("lacks", "cut"), a noun of a verb under a negated light verb ("had not
carried out a valuation"), a verb of keeping for a change denied ("kept the subscription at
£40" for "no change"). Limits that tell a negation's other side ("only", an exception, a
time bound) are ``checker.negation_bounds``'s."""

from __future__ import annotations

import re

from checker.align import claim_keys, key, text_keys
from checker.lemmas import inflections
from checker.lexicon import shipped
from checker.numbers import number_values
from checker.records import memo_on

_TIME_WORDS = frozenset(w for w in shipped("temporal") if " " not in w)  # connectives_temporal.txt


def named_act(dc, word) -> bool:
    """The verb is an act a noun names ("turned down a *request* from the bakery *to
    renew* the lease", "the council's decision to renew"), not one the claim says happened
    or did not: "to" before it, and a noun before any verb on the way back; after "and to"
    or "or to", what holds of the first infinitive ("urged to keep dogs on a lead near the
    field and to feed the ponies" tells the urging's second infinitive, "a request to renew
    the lease and to extend its hours" a second act the request names)."""
    before = dc.text[:word.start - dc.start].rstrip().lower()
    if not before.endswith(" to"):
        return False
    if re.search(r"\b(?:and|or)\s+(?:not\s+)?to$", before):
        first = next((w for w in sorted(dc.words, reverse=True) if w.end <= word.start
                      and w.pos == "VERB" and dc.text[:w.start - dc.start].rstrip().lower()
                      .endswith(" to")), None)  # the first infinitive of the two
        return first is not None and named_act(dc, first)
    for w in sorted((w for w in dc.words if w.end <= word.start), reverse=True):
        if w.pos in ("VERB", "AUX"):
            return False
        if w.pos == "NOUN":
            return True
    return False


def plain_object(dc, sc, lemma: str) -> bool:
    """The noun stands plainly in the derived claim: not counted ("zero cracks"), not in a
    phrase of another noun ("free of leaks", "an absence of losses"), and what follows it
    up to a comma or a word of time is in the source claim ("changes to the kit" for
    "changes to prices")."""
    w = next((x for x in dc.words if x.lemma == lemma and x.pos == "NOUN"), None)
    if w is None:
        return False
    before = re.findall(r"[\w'’-]+", dc.text[:w.start - dc.start])[-1:]
    if before and (before[0].lower() == "of" or number_values(before[0])):
        return False
    after = re.split(r"[,;.]", dc.text[w.end - dc.start:])[0]
    words = after.split()
    cut = next((i for i, x in enumerate(words) if x.lower() in _TIME_WORDS), len(words))
    # a clause of time after it ("needed treatment before recovering") is not the noun's
    return text_keys(" ".join(words[:cut])) <= claim_keys(sc)


def refused_only(dc, lemma: str, lex) -> bool:
    """The word is negated only as the act a verb of refusal governs ("declined *to renew*")."""
    w = next((x for x in dc.words if x.lemma == lemma), None)
    if w is None or not dc.text[:w.start - dc.start].rstrip().lower().endswith(" to"):
        return False
    before = [x for x in dc.words if x.end <= w.start]
    return bool(before) and lex.has("negations", before[-1].lemma)


def stated_act(support, lemma: str) -> bool:
    """A supporting source claim states the act itself ("accepts the findings"), not as one
    a noun names ("turned down a request to renew")."""
    return any(w.lemma == lemma and not named_act(sc, w) for sc in support for w in sc.words)


def negated_in_source_text(ctx, word: str) -> bool:
    """The sources write the word negated in words no claim holds, such as a reporting frame
    ("two engineers, speaking anonymously because they were not authorised to talk, said
    ..."): a negator ("not", "never", "n't") at most two words before it."""
    negators = "|".join(re.escape(w) for w in sorted(ctx.lexicon.words.get("negations", {}))
                        if w.isalpha() or w == "n't")
    pattern = rf"\b(?:{negators})\s+(?:\w+\s+){{0,2}}{re.escape(word.lower())}\b"
    # "weren't authorised": the contraction as a word of its own
    return re.search(pattern, ctx.index.text_lower.replace("n't", " n't")) is not None


def set_aside_in_source(ctx, lemma: str) -> bool:
    """The sources set the act aside as the alternative not taken ("will try to repair the
    main rather than replace it", "instead of closing"): the act said negatively in words
    no negation cue holds."""
    stem = re.escape(lemma.lower()[:max(4, len(lemma) - 2)])
    return re.search(rf"\b(?:rather\s+than|instead\s+of)\s+(?:\w+\s+)?{stem}\w*",
                     ctx.index.text_lower) is not None


def bounded_before(dc, support) -> bool:
    """The derived negation holds only up to a time the source gives for the act ("has ruled
    out raising fares before April" for "will raise fares in April"): "before" or "until"
    right before a date of the derived claim that a supporting claim also gives."""
    for q in dc.quantities:
        if q.kind not in ("date", "time") or not re.search(
                rf"\b(?:before|until|till)\s+(?:the\s+)?{re.escape(q.text)}", dc.text, re.I):
            continue
        if any(sq.norm == q.norm for sc in support for sq in sc.quantities):
            return True
    return False


def ended(ctx, claim, lemma: str) -> bool:
    """The claim says with a negative verb, not negated, that the act ``lemma`` (or its noun,
    WordNet) no longer happens: "stopped offering the account" or "ceased production" for
    "no longer offers it", "no longer produces" (negative_verbs.txt)."""
    wn = ctx.wordnet
    same = {lemma} | (set(wn.synonyms(lemma, "verb", 4)) if wn.available else set())
    return not claim.negated and any(w.lemma in same for w in claim.words) and any(
        w.pos == "VERB" and w.lemma != lemma and ctx.lexicon.has("negative_verbs", w.lemma)
        for w in claim.words)


# WordNet's verb above every kind of change ("rise", "cut", "alter"): a negated one says a
# thing stayed as it was
_CHANGE = "change"


def kept_as_was(ctx, claim, lemma: str) -> bool:
    """The claim says with a verb of keeping, not negated, what a negated change ``lemma``
    says ("voted to keep the subscription at £40" for "wanted no change", "held fees" for "did not
    raise fees": steady_verbs.txt; read in the text, as the claim's words leave out light
    verbs such as "keep"), with a state after it ("at", "unchanged"). Known false
    positive: a source sentence that keeps one thing and changes another, set against a
    summary that says neither changed."""
    wn = ctx.wordnet
    if not wn.available or claim.negated or not (
            lemma == _CHANGE or _CHANGE in wn.broader(lemma, "verb", 2, 3)):
        return False
    forms = _steady_forms(ctx)
    words = re.findall(r"[a-z%£$€\d]+", claim.text.lower())
    # the verb keeps its object as it was: a state after it ("kept the rate at 4%", "left
    # fees unchanged": steady_states.txt), not another sense ("held its first meeting")
    states = ctx.lexicon.words["steady_states"]
    return any(w in forms and any(x in states for x in words[i + 1:i + 6])
               for i, w in enumerate(words))


def kept_opposite(ctx, claim, lemma: str, dc) -> bool:
    """The claim keeps, not negated, the state opposite to a negated verb ``lemma`` ("may
    stay closed" for "might not reopen", "remained shut" for "did not open": a verb of
    steady_verbs.txt right before a form of one of the verb's WordNet antonyms, or of the
    verb without its "re-"), and the derived claim ``dc`` keeps any bound the source puts
    on it ("until May": "will not reopen" alone is a closure for good). Known false
    positive: the state kept of another thing in the same sentence."""
    wn = ctx.wordnet
    if not wn.available or claim.negated:
        return False
    bases = {lemma} | ({lemma[2:]} if lemma.startswith("re") and wn.synonyms(lemma[2:], "verb", 1)
                       else set())
    opposite = {f for b in bases for a in wn.antonyms(b, "verb") for f in inflections(a)}
    if not opposite:
        return False
    words = re.findall(r"[a-z]+", claim.text.lower())
    bounds = ctx.lexicon.words.get("time_bounds", {})

    def bounded(text: str) -> bool:
        return any(re.search(rf"\b{re.escape(b)}\b", text.lower()) for b in bounds)
    if bounded(claim.text) and not bounded(dc.text):
        return False
    return any(w in _steady_forms(ctx) and any(x in opposite for x in words[i + 1:i + 3])
               for i, w in enumerate(words))


def _steady_forms(ctx) -> frozenset:
    """Every form of the verbs of steady_verbs.txt (once per lexicon)."""
    return memo_on(ctx.lexicon, "_steady_forms", lambda: frozenset(
        f for verb, irregular in ctx.lexicon.words["steady_verbs"].items()
        for f in inflections(verb, irregular)))


def lacks(dc, lemma: str, lex) -> bool:
    """The derived claim says the negation of the noun ``lemma`` (or a gerund: "would miss
    its sailing" for "will not sail") with a privative verb before it ("which lacks any
    other air link" for "which has no other air link";
    privative_verbs.txt) or a privative phrase right before it ("adjourned for want of a
    translator" for "because no translator was available"; privative_phrases.txt)."""
    at = next((w.start for w in dc.words if w.lemma == lemma and (
        w.pos == "NOUN" or w.text.lower().endswith("ing") and (
            _after_determiner(dc, w, lex) or _after_privative(dc, w, lex)))),
        None)  # "would miss its sailing", "voted against closing"; not "is missing the sailing"
    if at is None:
        return False
    if any(w.pos == "VERB" and w.start < at and lex.has("privative_verbs", w.lemma)
           for w in dc.words):
        return True
    before = re.findall(r"[a-z]+", dc.text[:at - dc.start].lower())[-6:]
    while before and lex.has("determiners", before[-1]):
        before.pop()  # "for want of a translator", "without its licence"
    return bool(before) and (lex.has("privative_phrases", before[-1]) or any(
        tuple(before[-len(p):]) == p for p in lex.phrases.get("privative_phrases", ())))


def _after_privative(dc, word, lex) -> bool:
    """A form in -ing right after a privative word ("voted against closing", "left without
    paying": privative_phrases.txt)."""
    before = re.findall(r"[a-z]+", dc.text[:word.start - dc.start].lower())[-1:]
    return bool(before) and lex.has("privative_phrases", before[0])


def _after_determiner(dc, word, lex) -> bool:
    """A form in -ing used as a noun: a determiner or a possessive right before it, or a
    date between them ("its 4 June sailing")."""
    before = re.findall(r"[a-z]+", dc.text[:word.start - dc.start].lower())[-3:]
    return any(lex.has(role, w) for w in before
               for role in ("determiners", "possessives", "articles"))


def taken_away(ctx, lemma: str) -> bool:
    """A source claim puts a privative verb ("cut", "lose", "lack": privative_verbs.txt) on
    the noun ``lemma``, or on a noun WordNet gives as its synonym, and does not deny it."""
    lex, wn = ctx.lexicon, ctx.wordnet
    same = {lemma} | (set(wn.synonyms(lemma, "noun", 2)) if wn.available else set())
    return any(not sc.negated and any(w.pos == "NOUN" and w.lemma in same for w in sc.words)
               and any(w.pos == "VERB" and lex.has("privative_verbs", w.lemma) for w in sc.words)
               for sc in ctx.index.claims)


_PAST_PLAN = re.compile(r"\b(had\s+(?:been\s+)?|was\s+|were\s+)([a-z]+)\s+to\s*$")


def unrealised_plan(dc, word, lex) -> bool:
    """The derived word is the act of a plan told in the past perfect, or as what was meant
    ("which had been due to resume in May", "had planned to sign", "was supposed to open"): a
    plan that did not come about, which says what the source's "will not resume in May" says.
    Frames: plan_frames.txt, and in the past perfect future_frames.txt, attempts.txt and
    judging_verbs.txt too ("had been expected to go ahead"). Known false negative: a past plan
    that did come about, told in the past perfect ("had planned to sign, and did")."""
    return _plan_before(dc, word.start, lex)


def _plan_before(dc, at: int, lex) -> bool:
    """``unrealised_plan`` for the word at offset ``at``."""
    m = _PAST_PLAN.search(dc.text[:at - dc.start].lower())
    if m is None:
        return False
    frame = m.group(2)
    if lex.has("plan_frames", frame):
        return True
    lemma = next((w.lemma for w in dc.words if w.text.lower() == frame), frame)  # "planned"
    return m.group(1).startswith("had") and (lex.has("future_frames", lemma)
                                             or lex.has("attempts", lemma)
                                             or lex.has("judging_verbs", lemma))


def lapsed_plan(dc, sc, lex) -> bool:
    """The source claim tells a plan that did not come about ("had been due to sail on 9
    March", "had been scheduled to reopen on 12 June": ``unrealised_plan``) and the
    derived claim keeps its date or figure, or two of its other words: a derived negation
    says what the lapsed plan says ("will no longer sail on 9 March")."""
    at = sc.text.find(sc.predicate_text) if sc.predicate_text else -1
    if not (any(w.pos in ("VERB", "AUX") and unrealised_plan(sc, w, lex) for w in sc.words)
            or at >= 0 and _plan_before(sc, sc.start + at, lex)):
        return False  # (the claim's own verb, too, where it is no content word: "go ahead")
    if {q.norm for q in dc.quantities} & {q.norm for q in sc.quantities}:
        return True
    return len(claim_keys(dc) & claim_keys(sc) - {key(dc.predicate)}) >= 2


# "without" and the noun it takes, past an article ("freed without charge", "left
# without a word").
_WITHOUT = re.compile(r"\bwithout\s+(?:a\s+|an\s+|any\s+)?([a-z]+)\b", re.I)


def affirmed_privation(ctx, dc):
    """(derived word, source claim) when a close source claim says an act came "without" a
    thing ("was freed without charge") and the derived claim, with no "without" of its
    own, states the thing's verb as done ("was charged"): the same lemma, a verb on the
    derived side, not negated, and no source claim states that verb ("held him without
    charge before charging him on Friday"). Known misses: a verb of another lemma ("freed
    without charge" -> "indicted")."""
    if dc.negated or _WITHOUT.search(dc.text):
        return None
    verbs = {w.lemma: w for w in dc.words if w.pos == "VERB" and w.lemma not in dc.negated_words}
    if not verbs:
        return None
    for sc in ctx.aligned(dc):
        for claim in (sc, *ctx.sentence_claims(sc)):
            for m in _WITHOUT.finditer(claim.text):
                noun = next((w for w in claim.words if w.start == claim.start + m.start(1)), None)
                if noun is not None and noun.lemma in verbs and noun.pos == "NOUN" \
                        and not _stated(ctx, noun.lemma):
                    return verbs[noun.lemma], claim
    return None


def _stated(ctx, lemma: str) -> bool:
    """A source claim states the verb, not negated ("... before charging him")."""
    return any(not sc.negated and any(o.lemma == lemma and o.pos == "VERB" for o in sc.words)
               for sc in ctx.index.claims)


def negated_noun(sc, nouns: set, lex) -> bool:
    """The source claim negates one of ``nouns`` itself: "no assessment", a negated word, or
    a negated light verb that takes it ("had not carried out a valuation"; not "has not yet
    published the assessment")."""
    for w in sc.words:
        if w.pos != "NOUN" or w.lemma not in nouns:
            continue
        before = sc.text[:w.start - sc.start].lower()
        if w.lemma in sc.negated_words or re.search(r"\bno\s+(?:[a-z]+\s+)?$", before):
            return True
        at = sc.text.lower().find(f" {(sc.predicate_text or '').lower()} ")
        if sc.negated and lex.has("light_verbs", sc.predicate) and 0 <= at \
                and sc.start + at < w.start \
                and not any(v.pos == "VERB" and sc.start + at < v.start < w.start
                            for v in sc.words):
            return True  # the claim's own negated light verb (light_verbs.txt: "do", "carry
            # out"), with no other verb between
    return False


def same_word(tagged: tuple, w, claim) -> bool:
    """A word of the same lemma, not a plural noun or one that modifies the next for a verb
    ("fund fraud", "the funds" are not "did not fund")."""
    if tagged[0] != w.lemma:
        return False
    return not (tagged[1] == "VERB" and w.pos == "NOUN" and (
        w.text.lower() != w.lemma or any(o.pos == "NOUN" and 0 < o.start - w.end <= 1
                                         for o in claim.words)))
