"""Deeds a source gives as sought, planned or still to come that a derived claim may tell as
done: a thing a verb of attempt takes ("is seeking an urgent meeting" told as "has secured an
urgent meeting"), a plan named by the deed's own noun ("is considering an appeal" told as
"will appeal the ruling"), a party's grant sought by its noun ("wants the council's
permission" told as "the council has permitted it") and a future ("would ask the court" told
as "has asked the court").
Each reader returns the source claim and the source's words to quote, or None; DC203
(``checker.rules.attempt_to_fact``) makes the finding.
"""

from __future__ import annotations

import re

from checker.align import claim_keys, key, text_keys
from checker.claim_reading import before_preposition, opens_with_preposition, shares_core
from checker.hedging import future_told, hedged_verb, told_done
from checker.sought import (attempts_on_nouns, noun_keys, noun_lemmas, nouns_given,
                            object_keys, same_subject)


def sought_object(ctx, dc, close):
    """(source claim, "verb object") when the source's verb is itself the attempt and takes a
    noun ("is seeking an urgent meeting", "is preparing a bid") or a sum ("is seeking £2m
    from a fund") and the derived claim gives that noun or sum with a verb of its own that
    is no attempt and no asking ("has secured an urgent meeting", "has tabled a bid"), on
    the same subject; else None."""
    lex = ctx.lexicon
    if any(lex.has(role, dc.predicate) for role in ("attempts", "asking_verbs",
                                                     "attribution_verbs")):
        return None
    if (dc.predicate_text or "").lower().endswith("ing"):
        return None  # "is pursuing a written apology": still under way, not obtained
    dobj = object_keys(dc, lex)
    for sc in close:
        if dc.negated != sc.negated:
            continue
        for verb, obj in attempts_on_nouns(sc, lex):
            if opens_with_preposition(obj, lex):
                continue  # "would move to the runway", "pushed out without testing": no attempt
            if lex.has("asking_verbs", verb.lemma) \
                    and not lex.has("obtaining_verbs", dc.predicate):
                continue  # a thing applied for is told obtained only by a verb of obtaining
            head = noun_lemmas(sc, obj, lex)
            if not (nouns_given(head, dobj, ctx.wordnet)
                    or not head and _sought_sum(sc, obj, dc, lex)) \
                    or key(dc.predicate) == key(verb.lemma):
                continue
            if dc.subject and sc.subject and not same_subject(dc, sc) \
                    and not refers_back(dc.subject, lex):
                continue
            return sc, f"{verb.text} {obj}"
    return None


def acquisition_sought(ctx, dc, close):
    """(source claim, "attempt verb object") when the source claim's own verb acquires a
    thing (acquiring_verbs.txt) under an attempt or plan ("is trying to lease a depot") and
    the derived claim, on the same subject, tells the thing obtained with a verb of obtaining
    and no attempt or hedge of its own ("has secured a depot"); else
    None; not where another source claim tells the deal with no attempt or hedge, by the
    verb or a noun of it ("the lease was signed on Friday", "completed the purchase").
    Known false positive: a deal told done in words that share none of the verb's
    (``_deal_told_done``)."""
    lex = ctx.lexicon
    if dc.negated or dc.certainty.attempts or dc.certainty.hedges \
            or not lex.has("obtaining_verbs", dc.predicate) \
            or (dc.predicate_text or "").lower().endswith("ing"):
        return None
    dobj = object_keys(dc, lex)
    for sc in close:
        if sc.negated or not lex.has("acquiring_verbs", sc.predicate) or not any(
                hedged_verb(sc, a) == key(sc.predicate) for a in sc.certainty.attempts):
            continue
        if not nouns_given(noun_lemmas(sc, sc.object or "", lex), dobj, ctx.wordnet):
            continue
        if dc.subject and sc.subject and not same_subject(dc, sc) \
                and not refers_back(dc.subject, lex):
            continue
        if _deal_told_done(ctx, sc, claim_keys(dc) & text_keys(
                before_preposition(dc.object or "", lex))):
            continue
        attempt = next(a for a in sc.certainty.attempts
                       if hedged_verb(sc, a) == key(sc.predicate))
        return sc, f"{attempt.text} {sc.predicate_text} {sc.object or ''}".strip()
    return None


_BY_ANOTHER = re.compile(r"\bby\s+(?:the|a|an|its|their|[A-Z])", re.I)  # "the purchase by a
# collector": the deal another party made


def _deal_told_done(ctx, sc, thing) -> bool:
    """Another source claim tells the acquiring act of ``sc`` plainly, by a noun of its first
    sense ("the lease", "the purchase" for "buy") or its verb on the same thing: the deal
    may have been done."""
    forms = {sc.predicate.lower()}
    if ctx.wordnet.available:
        forms |= set(ctx.wordnet.synonyms(sc.predicate.lower(), "verb", 1))
    lex = ctx.lexicon
    return any(o is not sc and not o.negated and not o.certainty.attempts
               and not o.certainty.hedges and not lex.has("attempts", o.predicate)
               and not _BY_ANOTHER.search(o.text) and any(
                   w.lemma.lower() in forms and (w.pos == "NOUN" or thing <= claim_keys(o))
                   for w in o.words)
               for o in ctx.index.claims)  # (the deal's noun, or its verb on the thing the
    # derived claim names, all its words: not "has rented a smaller yard" beside "is trying
    # to lease a bigger depot"; not "seeks a bigger depot")


def plan_noun_done(ctx, dc, claims, *, named: bool = False):
    """(source claim, "verb object") when a source claim of the same subject plans the
    derived claim's deed by the deed's own noun ("is considering an appeal", "is weighing a
    challenge": a verb of attempt, attempts.txt, before the noun) and the derived claim tells
    that deed done, decided or under way with no hedge or attempt of its own ("will appeal the
    ruling", "has appealed", "is appealing"), of the thing the plan names if it names one
    ("an appeal against the fine" is not "appealed against the ban"; with ``named``, for a
    plan told apart from the derived sentence's passage, the derived claim must name that
    thing); not where a source claim states the deed plainly or tells its noun done ("has
    lodged an appeal"). Known miss: the plan told with a noun of another form than the verb
    ("is considering a sale" for "will sell")."""
    lex = ctx.lexicon
    if dc.negated or dc.certainty.attempts or dc.certainty.hedges \
            or dc.predicate in ("be", "have") or not (told_done(dc) or told_decided(dc)
                                                       or under_way(dc)):
        return None
    verb = key(dc.predicate)
    if not (told_done(dc) or told_decided(dc)) and _asking_for(dc):
        return None  # "is appealing for volunteers": asking, not the appeal weighed
    found = _plan_of(ctx, dc, claims, verb, named)
    if found is None:
        return None
    # only then the sources as a whole (most derived claims have no plan noun to meet)
    if any(key(o.predicate) == verb and (not o.certainty.attempts and not o.certainty.hedges
                                         or future_told(o, lex))
           for o in ctx.index.claims):
        return None  # the sources state the deed itself too, or as still to come ("said it
        # would poll its members" beside a heading's "plans poll")
    if any(told_done(o) and not o.certainty.attempts and not o.certainty.hedges
           and verb in {key(w.lemma) for w in o.words if w.pos == "NOUN"}
           for o in ctx.index.claims):
        return None  # the sources tell the deed's noun done ("has lodged an appeal")
    return found


def _plan_of(ctx, dc, claims, verb: str, named: bool = False):
    """(source claim, "verb object") of the first of ``claims`` on the derived subject that
    plans ``verb``'s noun, of the derived object's thing if it names one; else None."""
    lex = ctx.lexicon
    mine = object_keys(dc, lex)
    for sc in claims:
        if sc.negated or not (same_subject(dc, sc) or refers_back(dc.subject or "", lex)):
            continue
        for attempt, obj in attempts_on_nouns(sc, lex):
            if verb not in {key(n) for n in noun_lemmas(sc, obj, lex)}:
                continue
            other = noun_keys(sc, obj, lex) - {verb}
            if named and not (text_keys(obj) - {verb}) & (mine | claim_keys(dc)):
                continue  # a plan told apart from the derived sentence's own passage must
                # name what the derived claim names ("an appeal to the tribunal" for "is
                # appealing at the tribunal")
            if not named and other and mine and not other & mine:
                continue  # "an appeal against the fine" is not "appealed against the ban"
            return sc, f"{attempt.text} {obj}"
    return None


def _around_verb(dc) -> tuple[list, str]:
    """The words before the claim's verb as written (lower case) and the text after it;
    ([], "") when the claim's text does not hold it."""
    said = (dc.predicate_text or "").lower()
    at = dc.text.lower().find(said) if said else -1
    if at < 0:
        return [], ""
    return dc.text[:at].lower().split(), dc.text[at + len(said):]


def told_decided(dc) -> bool:
    """The claim's verb comes right after "will" or "is going to" ("will appeal")."""
    before, _after = _around_verb(dc)
    return before[-1:] == ["will"] or before[-3:] == ["is", "going", "to"]


def _asking_for(dc) -> bool:
    """The claim's verb is followed by "for" ("is appealing for witnesses", "are calling for
    a review"): the verb in its sense of asking."""
    return re.match(r"\s+for\b", _around_verb(dc)[1], re.I) is not None


def under_way(dc) -> bool:
    """The claim's verb is in the progressive, right after a form of "be" ("is appealing",
    "were challenging"): the deed told as begun."""
    before, _after = _around_verb(dc)
    return (dc.predicate_text or "").lower().endswith("ing") \
        and before[-1:] in (["is"], ["are"], ["was"], ["were"])


def future_done(ctx, dc, close):
    """(source claim, "modal verb") when the derived claim tells as done ("has asked the
    court") the verb a close source claim tells as still to come with the same words ("would
    ask the court", "will ask the court": ``hedging.future_told``), and no source claim
    tells that verb done, or its noun with a verb told done ("she made the request"); else
    None. Known miss: the verb told done on another object ("has already asked
    passengers"). Known false positive: the deed told done with a light verb the parse
    keeps no word for ("the talks went ahead")."""
    if dc.predicate in ("be", "have") or not told_done(dc):
        return None
    found = next(((sc, modal) for sc in close
                  if key(sc.predicate) == key(dc.predicate) and sc.negated == dc.negated
                  and (modal := future_told(sc, ctx.lexicon)) and shares_core(dc, sc)), None)
    if found is None:
        return None
    nouns = ctx.wordnet.synonyms(dc.predicate, "verb", 1) if ctx.wordnet.available else set()
    if any(told_done(o) and (key(o.predicate) == key(dc.predicate)
                             or nouns & {w.lemma for w in o.words if w.pos == "NOUN"})
           for o in ctx.index.claims):
        return None  # a source claim tells it done too: "it asked in May", "she made the
        # request in February"
    sc, modal = found
    return sc, f"{modal} {sc.predicate_text}"


def planned_verb_named(ctx, dc, close):
    """(source claim, "attempt verb") when a close source claim of the same subject plans a
    verb ("intends to appeal", "plans to complain") and the derived claim tells done, with a
    verb that carries a deed out (deed_verbs.txt), the deed named by that verb's noun ("has
    lodged an appeal", "filed a complaint"; the noun is the verb's own key or a WordNet
    derivation of it); not where a source claim tells the verb or the noun done with no
    attempt ("has appealed", "lodged an appeal in May"). Not the planned verb's object
    under another deed verb ("plans to complete the wing" -> "began the wing": another
    deed). Known false positive: a second deed of the same name that the sources do not
    report."""
    lex = ctx.lexicon
    if dc.negated or not lex.has("deed_verbs", dc.predicate) or not told_done(dc):
        return None
    mine = {key(n) for n in noun_lemmas(dc, dc.object or "", lex)}
    if not mine:
        return None
    for sc in close:
        if sc.negated or not (same_subject(dc, sc) or refers_back(dc.subject or "", lex)):
            continue
        for cue in sc.certainty.attempts:
            planned = hedged_verb(sc, cue)
            named = {planned} | _derived_nouns(ctx, sc, planned)
            if not mine & named or _told_done(ctx, planned, mine & named):
                continue
            return sc, cue.text
    return None


def _derived_nouns(ctx, sc, planned: str) -> set:
    """Keys of the WordNet nouns one derivation from the planned verb ("complaint" of
    "complain"), its lemma found among the source claim's words."""
    wn = ctx.wordnet
    lemma = next((w.lemma for w in sc.words if key(w.lemma) == planned), None)
    if lemma is None or wn is None or not wn.available:
        return set()
    return {key(n) for n in wn.synonyms(lemma, "verb", 2)}


def _told_done(ctx, planned: str, nouns: set) -> bool:
    """A source claim tells the planned verb, or a deed of one of ``nouns``, done with no
    attempt or hedge of its own."""
    return any(told_done(o) and not o.certainty.attempts and not o.certainty.hedges
               and not o.negated
               and (key(o.predicate) == planned
                    or nouns & {key(w.lemma) for w in o.words if w.pos == "NOUN"})
               for o in ctx.index.claims)


def refers_back(subject: str, lex) -> bool:
    """The derived subject refers back to a party named before ("The company", "It"): the
    source's actor, told by its kind (stand_ins.txt) or a pronoun."""
    words = subject.split(",")[0].lower().split()
    return len(words) == 1 and lex.has("pronouns_subject", words[0]) or (
        len(words) == 2 and words[0] == "the" and lex.has("stand_ins", words[1]))


def _sought_sum(sc, obj: str, dc, lex) -> bool:
    """The thing sought is a figure, not a noun ("is seeking £2.4m from a fund"), and the
    derived claim's object gives that figure ("has secured £2.4m")."""
    head = before_preposition(obj, lex).strip(" ,;:.")
    at = sc.text.find(head) if head else -1
    if at < 0:
        return False
    s0, s1 = sc.start + at, sc.start + at + len(head)
    sought = {q.norm for q in sc.quantities if s0 <= q.start < s1}
    theirs = dc.text.find(dc.object) if dc.object else -1
    if not sought or theirs < 0:
        return False
    d0, d1 = dc.start + theirs, dc.start + theirs + len(dc.object)
    return bool(sought & {q.norm for q in dc.quantities if d0 <= q.start < d1})


_OWNER = re.compile(r"^(?:the\s+|its\s+|their\s+)?([\w'’ -]+?)['’]s?\s+(\w+)\b", re.I)


def granted_by_owner(ctx, dc, close):
    """(source claim, "verb object") when the source seeks a party's grant by its noun ("wants
    the council's permission for it") and the derived claim has that party give it, in
    the noun's verb ("the council has permitted it": a WordNet derivation), with no
    hedge or negation of its own and no attempt on that verb; else None."""
    lex, wn = ctx.lexicon, ctx.wordnet
    if dc.negated or dc.certainty.hedges or not dc.subject \
            or (dc.predicate_text or "").lower().endswith("ing") or not wn.available:
        return None
    verb_at = next((w.start for w in dc.words if w.lemma == dc.predicate), dc.start)
    if any(0 <= verb_at - a.end <= 12 for a in dc.certainty.attempts):
        return None  # "plans to approve it" (not an attempt of a clause after it: "..., which
        # the firm intends to release")
    mine = key(dc.predicate)
    subject = {key(w) for w in dc.subject.lower().split()}
    for sc in close:
        if sc.negated:
            continue
        for verb, obj in attempts_on_nouns(sc, lex):
            m = _OWNER.match(obj.strip())
            if m is None or not {key(w) for w in m.group(1).lower().split()} & subject:
                continue  # the party whose grant is sought is the derived claim's subject
            noun = m.group(2).lower()
            if mine in {key(x) for x in wn.synonyms(noun, "noun")} and dc.predicate != noun:
                return sc, f"{verb.text} {obj}"
    return None
