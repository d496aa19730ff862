"""DG603 negation-dropped: a source claim's negation left out, in other words.

What it flags:
    A derived claim that says nothing negative, closely aligned with a source claim whose
    verb is negated or denied ("found no evidence of a cyberattack", "denied that the
    repairs were a response", "does not apply to businesses"), when the two share what the
    negation is about (two content words after the source's verb, or in a passive its
    subject's too: "supplies would not be affected") and the derived claim
    states it with another verb ("turned up evidence of a cyberattack", "acknowledged that
    the repairs were a response", "extends to businesses"). DG601 compares the same verb;
    this rule covers the verb rewritten. A verb that is itself the negation counts as a
    negated verb ("refused to renew" against "agreed to renew", "declined to comment"
    against "commented", "failed to win" against "won"); its WordNet synonyms, phrasal ones
    included ("turned down", "rejected"), say it negatively. Also a deed named by its noun
    and told carried out with a deed verb ("has ordered an inquiry into the harbour board")
    where the source says the same party has not carried it out with that verb or another
    ("had not launched an inquiry into the harbour board": ``deed_denied``, deed_verbs.txt),
    unless the sources tell a deed of that party done, or the noun with a deed verb. A
    passive with "no" on its subject ("no valuation of the hall had been made") negates its
    verb: a text that tells the deed done in other words ("the hall had been valued") drops
    it, unless it tells the matter still open (pending_words.txt: "remains undecided",
    "under review"; or a modal before its verb: "will decide in May").
    "Nothing negative" is read widely: a negation cue, a refusal, a denial or dispute
    (answer_verbs.txt), a verb that takes away (privative_verbs.txt) or says that something
    does not happen or hold (negative_verbs.txt: "ruled out", "exempt"), a plan told as not
    come about ("had been due to resume": ``negation_forms.unrealised_plan``), or a word
    with a negative prefix on a word of the sources ("unaware") all count as saying it
    negatively; a negative verb the source claim itself has does not ("declined to issue an
    order halting the demolition" told as "issued an order halting the demolition").
Why it matters:
    Dropping "no" or "denied" while rewording states the opposite of the source, and the
    rewording hides it from a word-by-word comparison.
Known false positives:
    (of a passive with "no") another deed of the same matter told done ("no decision has
    been taken" and "the closure was agreed" by a committee that may not decide);
    (of ``deed_denied``) a deed done after the source was written that no source tells; a
    party's second inquiry whose object the source leaves out. A negative said in a word
    none of those lists holds ("brushed aside the idea", "kept clear of"); a source claim
    that negates one part and the derived claim tells another part of the same sentence
    (silent when the derived verb is one of that sentence's other verbs); a source that
    states the same thing positively in a passage the aligner ranked lower; a refusal
    rewritten as a verb WordNet does not list with it ("refused to renew" as "ruled
    out renewing" is kept by the negative_verbs list; "voted against renewing", "shelved
    plans to renew", "was unavailable for comment" for "declined to comment" are not); a
    passive negation restated positively in other words ("would not be affected" as "would
    run as normal", "were not harmed" as "were all safe"). Silent on a negated negative verb
    ("has not ruled out suing the firm"), which leaves the deed open (a text that states the
    deed as settled raises its certainty, which no rule reads yet). Silent where the derived
    claim holds the opposite of a word of the source claim that is neither claim's verb
    (antonyms.txt: "not below the minimum" as "above the minimum"; "did not fall" told as
    "rose" is still flagged), and against a question of the source ("Can't get through?").
    Known misses: a negation on a noun ("no other injuries") whose verb the source leaves
    positive; a verb of stopping turned into its opposite ("blocked the merger" as "approved
    the merger").
Examples:
    Source: The operator said it had found no evidence of a cyberattack on the grid.
    Flag: The operator said it had turned up evidence of a cyberattack on the grid.
    Okay: The operator said it had ruled out a cyberattack on the grid.
"""

from __future__ import annotations

import re

from checker.actors import passive_verb
from checker.align import claim_keys, key
from checker.deed_denied import denied_deed, undecided_plan
from checker.lexicon import shipped
from checker.negation_bounds import time_bound_restated
from checker.negation_forms import unrealised_plan
from checker.polarity import (
    OBJECT_NEGATORS,
    TOKEN,
    denied_from_outside,
    has_negation,
    polarity,
    refuses,
    reported,
    unprefixed,
    verb_polarity,
)
from checker.rules.base import Rule, evidence_of, is_claim_unit, make, snippet

CODE, NAME, KIND, SEVERITY = "DG603", "negation-dropped", "negation-flipped", "error"
CONFIDENCE = 0.6
MIN_CLOSE = 0.5  # alignment score above which two claims are taken to say the same thing
IN_SCOPE = 2  # content words after the source's negated verb the derived claim must share
COVERAGE = 0.5  # and at least this share of them
NEAR = 4  # words between a negation cue and the verb it negates, at most
NEGATIVE_ROLES = ("answer_verbs", "privative_verbs", "negative_verbs")


def _says_negatively(dc, sc, ctx) -> bool:
    """Any way the derived claim can say that something is not so (see the docstring). A
    negative verb that rewords the source's negated verb says it positively: "will cut the
    services" for "would not reduce the services" (a WordNet synonym)."""
    lex = ctx.lexicon
    if has_negation(dc, lex) or refuses(dc, lex):
        return True
    same = _reworded(ctx, sc.predicate)
    carried = {w.lemma for w in sc.words} - {dc.predicate} if any(
        w.pos == "VERB" and w.lemma == dc.predicate for w in sc.words) else set()
    # "issued an order halting the demolition" for "declined to issue an order halting
    # the demolition": the source's own words after the deed it negates, not a negative of the
    # derived claim's
    if any(lex.has(role, w.lemma) and w.lemma not in same and w.lemma not in carried
           for w in dc.words for role in NEGATIVE_ROLES):
        return True
    if _phrasal_negative(dc, lex):
        return True
    if _refusal(sc, lex) and _in_other_words(dc, same):
        return True  # "turned down" or "rejected" for "refused": the same negating verb
    if any(w.pos == "VERB" and (w.lemma == sc.predicate or w.lemma in same)
           and unrealised_plan(dc, w, lex) for w in dc.words):
        return True  # "which had been due to resume": the negated act, planned and not
        # come about
    vocab = ctx.index.vocab
    return any(key(stem) in vocab for w in dc.words
               for stem in unprefixed(lex, w.text.lower(), shortest=4))


def _phrasal_negative(dc, lex) -> bool:
    """A verb with its particle that says something does not hold ("left the flats out",
    "left out the flats": the phrases of negative_verbs.txt), the verb in any form."""
    phrases = [p.split() for p in lex.entries("negative_verbs") if " " in p]
    low = dc.text.lower()
    for w in dc.words:
        for verb, particle in ((p[0], p[-1]) for p in phrases if len(p) == 2):
            if w.lemma == verb and re.match(rf"(?:\s+\w+){{0,3}}?\s+{particle}\b",
                                            low[w.end - dc.start:]):
                return True
    return False


def _in_other_words(dc, synonyms) -> bool:
    """The derived claim writes one of ``synonyms``, a phrasal verb inflected on its first
    word included ("turned down" for "turn down")."""
    low = dc.text.lower()
    lemmas = {w.lemma for w in dc.words}
    for syn in synonyms:
        first, *rest = syn.split()
        if not rest:
            if syn in lemmas:
                return True
        elif re.search(rf"\b{re.escape(first)}\w*\s+{re.escape(' '.join(rest))}\b", low):
            return True
    return False


def _reworded(ctx, lemma: str) -> frozenset:
    """The verb's WordNet synonyms in its first senses (none without WordNet)."""
    wn = ctx.wordnet
    return wn.synonyms(lemma, "verb", 3) if wn.available else frozenset()


def _verb_negated(sc, lex) -> bool:
    """The negation is the verb's own: a denial that governs the claim, a negating verb
    ("refused to grant"), a cue at most NEAR words before the verb with no comma between
    ("did not find", "has yet to decide"), "no" on its object ("found no evidence"), or,
    in the passive, on its subject ("no ruling on the scheme was reached": the
    scheme was not ruled on)."""
    if denied_from_outside(sc):
        return True
    if _refusal(sc, lex):
        return True  # the verb is itself the negation ("refused to grant bail")
    verb = next((w for w in sc.words if w.lemma == sc.predicate), None)
    if verb is None:
        return sc.negated
    low = sc.text.lower().replace("\u2019", "'")
    before = low[:verb.start - sc.start].split(",")[-1]
    after = low[verb.end - sc.start:].split()[:2]
    cues = [t for t in TOKEN.findall(before)][-NEAR:]
    return any(lex.has("negations", t) for t in cues) or \
        any(t in OBJECT_NEGATORS for t in after) or _none_undergoes(sc)


def _told_open(dc, lex) -> bool:
    """The derived claim tells the deed as still open: a word of pending_words.txt ("remains
    undecided", "under review"), or a modal or "to" before its verb ("will decide in May",
    "may yet be charged")."""
    low = dc.sentence.lower()
    if any(re.search(rf"\b{re.escape(p)}\b", low) for p in lex.entries("pending_words")):
        return True
    verb = (dc.predicate_text or "").lower()
    at = dc.text.lower().find(verb) if verb else -1
    return at > 0 and re.search(r"\b(?:will|would|may|might|could|should|shall|can|to)\s+"
                                r"(?:\w+\s+){0,2}$", dc.text.lower()[:at]) is not None


def _none_undergoes(sc) -> bool:
    """The passive claim's subject opens with "no" ("no verdict on the scheme was
    reached"): nothing underwent the act, so the verb is negated."""
    return sc.subject.lower().split()[:1] == ["no"] and passive_verb(sc)


def _bound_after_verb(sc) -> bool:
    """"until" or "till" within three words after the claim's verb: a negation that dates
    the deed ("was not taken until May"), not one that denies it. Not "before": "had not
    received a warning before the inspection" denies the warning for that time."""
    verb = (sc.predicate_text or "").lower()
    low = sc.text.lower()
    at = low.find(f" {verb}") if verb else -1
    return at >= 0 and re.match(r"\s*(?:\w+\s+){0,3}?(?:until|till)\b",
                                low[at + len(verb) + 1:]) is not None


def _verb_polarity(sc, lex) -> int:
    """The polarity of the claim's verb, a verb that is itself a negation of the act it
    governs counted ("refused to extend", "declined to comment", "failed to win"; not
    "shares declined 3%", "the bank failed in 2008"), and a passive with "no" on its subject
    ("no verdict on it was reached")."""
    if _none_undergoes(sc):
        return 1
    return (verb_polarity(sc, lex) + int(_refusal(sc, lex))) % 2


def _refusal(sc, lex) -> bool:
    """The claim's verb is a negation taking a to-infinitive: "refused to", "failed to"."""
    verb = next((w for w in sc.words if w.lemma == sc.predicate), None)
    return verb is not None and lex.has("negations", sc.predicate) and \
        sc.text[verb.end - sc.start:].lstrip().lower().startswith("to ")


def _sentence_negated(ctx, dc, sc) -> bool:
    """The derived sentence holds a negation cue outside the claim: the claim may be a
    clause split off a negated one ("The bank, pressed on the fees, would not comment");
    not a cue of another clause of the sentence that restates a negated source claim of its
    own ("issued the order, and the city's counsel said it had promised not to ...")."""
    low = dc.sentence.lower().replace("\u2019", "'")
    return any(ctx.lexicon.has("negations", m.group()) and not _negation_of_other(
        ctx, dc, sc, dc.sent_start + m.start()) for m in TOKEN.finditer(low))


def _negation_of_other(ctx, dc, sc, at: int) -> bool:
    """The derived sentence's cue at offset ``at`` is inside another of its claims, which
    aligns closely with a source claim besides ``sc`` that is itself negated."""
    for o in ctx.derived_claims:
        if o is dc or o.sent_start != dc.sent_start or not o.start <= at < o.end:
            continue
        al, sup = ctx.support(o)
        if sup and al.scores and al.scores[0] >= MIN_CLOSE and sup[0] is not sc \
                and has_negation(sup[0], ctx.lexicon):
            return True
    return False


def _prefixed_in_sentence(dc, sc, lex) -> bool:
    """The derived sentence says the source's negated verb with a negative prefix, outside
    the claim the parser split off ("said a fifth of the invoices, some 900, went
    unpaid" for "were never paid")."""
    verb = key(sc.predicate)
    return any(key(stem) == verb for t in TOKEN.findall(dc.sentence.lower())
               for stem in unprefixed(lex, t, shortest=4))


def _scope_keys(sc, lex) -> set:
    """Content-word keys after the source claim's verb: what its negation is about; in the
    passive, its subject's too ("supplies would not be affected by the works")."""
    verb = next((w for w in sc.words if w.lemma == sc.predicate), None)
    whole = verb is None or _passive(sc, verb, lex)
    after = [w for w in sc.words if whole or w.start > verb.start]
    return {key(w.lemma) for w in after if w.pos in ("NOUN", "PROPN", "ADJ", "VERB")
            and w.lemma != sc.predicate}


def _passive(sc, verb, lex) -> bool:
    """The claim's verb is a participle after a form of "be", a negation between them
    allowed ("would not be affected", "were not told"; not "is not planning")."""
    before = TOKEN.findall(sc.text[:verb.start - sc.start].lower().replace("\u2019", "'"))
    before = [t for t in before if not lex.has("negations", t)]
    return bool(before) and before[-1] in lex.words.get("be_forms", {}) \
        and not verb.text.lower().endswith("ing")


def check(ctx):
    """Yield a finding for each affirmative derived claim whose close source is negated."""
    lex = ctx.lexicon
    for dc in ctx.derived_claims:
        if not is_claim_unit(dc):
            continue
        told = _told_otherwise(ctx, dc)
        if told is not None:
            sc, message, suggestion = told
            yield make(RULE, dc, confidence=CONFIDENCE, evidence=[evidence_of(sc)],
                       message=f'{message}: "{snippet(sc.text, 90)}".', suggestion=suggestion)
            continue
        al, sup = ctx.support(dc)
        if not sup or not al.scores or al.scores[0] < MIN_CLOSE:
            continue
        sc = sup[0]
        if sc.sentence.rstrip().rstrip("\"”’'").endswith("?"):
            continue  # a question ("Can't renew your permit online?") states nothing
        if key(sc.predicate) == key(dc.predicate) or _verb_polarity(sc, lex) != 1:
            continue  # the same verb is DG601's to compare
        if _told_beside(dc, sc):
            continue  # the derived claim tells another clause of the source sentence by its
            # own verb ("the trustees voted to scrap the gala" for "the gala will not be
            # held after its trustees voted to scrap it")
        verb = next((w for w in sc.words if w.lemma == sc.predicate), None)
        if verb is not None and reported(sc, verb, lex):
            continue  # the negation is what a claim noun reports
        if lex.has("negative_verbs", sc.predicate) and dc.predicate != sc.predicate:
            continue  # "has not ruled out suing the firm": the deed left open, not
            # denied
        if polarity(sc, lex) != 1 or not _verb_negated(sc, lex):
            continue  # two negations that cancel ("cannot take effect without"), or one
            # elsewhere in the claim ("officers who have not been named")
        if _bound_after_verb(sc) or time_bound_restated(dc, sc):
            continue  # "no ruling was made till all the surveys were in": the negation
            # dates the deed, the deed itself was done; "May is the earliest a ruling is
            # expected" for "no ruling is expected before May"
        if _none_undergoes(sc) and _told_open(dc, lex):
            continue  # "no verdict was reached" against "remains unsettled", "is under
            # review" or "will decide in May": the deed still open, not told done
        scope = _scope_keys(sc, lex)
        shared = claim_keys(dc) & scope
        if len(shared) < IN_SCOPE or len(shared) < COVERAGE * len(scope):
            continue  # the derived claim tells another part of the source sentence
        if _says_negatively(dc, sc, ctx) or _sentence_negated(ctx, dc, sc) \
                or _prefixed_in_sentence(dc, sc, lex) \
                or _opposite_inside(dc, sc, lex):
            continue
        if any(score >= MIN_CLOSE and not has_negation(o, lex)
               and len(claim_keys(dc) & claim_keys(o)) >= len(shared)
               for o, score in zip(sup[1:3], al.scores[1:3])):
            continue  # the source also says it without a negation, close by
        yield make(RULE, dc, confidence=CONFIDENCE, evidence=[evidence_of(sc)],
                   message=(f'States "{_stated_verb(dc, sc)}" with no negation, where the source '
                            f'says it is not so: "{snippet(sc.text, 90)}".'),
                   suggestion="Keep the source's negation, or check the source for a "
                              "positive statement.")


def _told_beside(dc, sc) -> bool:
    """The derived verb is a verb of the source claim in an adverbial clause after its
    negated verb (clause_subordinators.txt: "will not be held after its trustees voted to
    scrap it" for "the trustees voted to scrap it"): a clause outside the negation, not
    the negated verb's own ("did not agree that the pier should close")."""
    verb = re.search(rf"\b{re.escape(sc.predicate_text or '')}\b", sc.text) \
        if sc.predicate_text else None
    if verb is None:
        return False
    for w in sc.words:
        if w.pos != "VERB" or key(w.lemma) != key(dc.predicate) or w.start - sc.start < verb.end():
            continue
        between = TOKEN.findall(sc.text[verb.end():w.start - sc.start].lower())
        opener = max((i for i, t in enumerate(between) if t in _SUBORDINATORS), default=None)
        if opener is not None and "that" not in between[opener:] \
                and "," not in sc.text[verb.end():w.start - sc.start]:
            return True  # (not "did not agree, after hearing it, that the pier should close")
    return False


_SUBORDINATORS = shipped("clause_subordinators")


def _told_otherwise(ctx, dc):
    """(source claim, message, suggestion) when any source claim of the derived claim's
    party says its deed was not done (``deed_denied.denied_deed``) or its plan is undecided
    (``deed_denied.undecided_plan``); else None."""
    denied = denied_deed(ctx, dc)
    if denied is not None:
        sc, noun = denied
        return (sc, f"Tells the {noun} as {dc.predicate_text}, where the source says it has "
                f"not been", "Keep the source's negation, or check the source for the deed "
                "itself.")
    undecided = undecided_plan(ctx, dc)
    if undecided is not None:
        sc, verb = undecided
        return (sc, f"Tells as planned what the source says is undecided (whether to {verb})",
                "Say that it is still undecided, as the source does.")
    return None


def _stated_verb(dc, sc) -> str:
    """The derived verb to name: the claim's own, or, on a frame ("found that the owner had
    given ..."), the verb the source negates ("failed to give"), else one the source claim
    has too."""
    if any(w.pos == "VERB" and key(w.lemma) == key(dc.predicate) for w in sc.words):
        return dc.predicate_text
    verbs = [w for w in dc.words if w.pos == "VERB" and w.lemma != dc.predicate]
    for theirs in ({key(n) for n in sc.negated_words},
                   {key(w.lemma) for w in sc.words if w.pos == "VERB"}):
        word = next((w.text for w in verbs if key(w.lemma) in theirs), None)
        if word is not None:
            return word
    return dc.predicate_text


def _opposite_inside(dc, sc, lex) -> bool:
    """The derived claim says the negated thing's opposite, which cancels the negation: "would
    not reduce the river below the minimum" told as "would keep it above the minimum" (a
    word of the derived claim and one of the source claim, neither the claims' verb, form a
    pair of antonyms.txt: "did not lose" told as "won" is no such restatement)."""
    verbs = {dc.predicate, sc.predicate} | {w.text.lower() for c in (dc, sc) for w in c.words
                                           if w.lemma == c.predicate}
    mine = ({w.lemma.lower() for w in dc.words} | set(TOKEN.findall(dc.text.lower()))) - verbs
    theirs = ({w.lemma.lower() for w in sc.words} | set(TOKEN.findall(sc.text.lower()))) - verbs
    return any(lex.are_antonyms(a, b) for a in mine - theirs for b in theirs - mine)


RULE = Rule(CODE, NAME, KIND, SEVERITY, "a source negation dropped in other words", check,
            __doc__)
