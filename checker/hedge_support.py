"""What a close source passage says of a derived claim's hedged verb, for DC210
(``rules/certainty_lowered.py``): a verb of hoping a few words before the verb it governs
(``hope_word_before``), a shared word that stands beside the verb (``word_beside_verb``), the
source's own predicate among the derived hedge's verbs (``their_predicate``), a claim that
aligns once its hedge words are set aside (``aligned_but_for``), and the weaker supporting
claims whose clause holds the hedged verb (``clause_support``)."""

from __future__ import annotations

import re

from checker.align import GENERIC, blended, claim_keys, key
from checker.figure_written import numbers_in
from checker.hedging import clause_end, cues, governed_verbs, hedged_verb, shared_verb
from checker.lemmas import inflections
from checker.lexicon import shipped
from checker.numbers import values_match


def hope_word_before(dc, h, close, verbs) -> bool:
    """A close source claim holds the derived hedge's own verb a few words before the verb
    it governs, in a clause the parse gave no cue ("which it hopes will bring in £40,000"
    for "hoping to bring in £40,000"), their figures meeting where both give some, and no
    figure the derived text gives after the hedge, in that clause, standing in the source
    sentence outside the hoped-for clause (not "is hoping to raise £48,000" for "which it
    hoped would raise £30,000, has raised £48,000"). Known false negative: that verb said of
    another party ("the club hopes the council will fund it" for "the council is hoping to
    fund it")."""
    first = h.text.split()[0].lower() if h.text.split() else ""
    if len(first) < MIN_HEDGE_WORD:
        return False  # ("may", "to": no verb of hoping or wishing)
    mine = numbers_in(_to_comma(dc.text[h.end - dc.start:clause_end(dc, h.end) - dc.start]))
    for sc in close:
        low = sc.text.lower()
        for w in sc.words:
            if w.pos != "VERB" or first not in inflections(w.lemma.lower()):
                continue
            at = w.end - sc.start
            after = low[at:at + HEDGED_VERB_REACH]
            if not any(re.search(rf"\b{re.escape(v)}", after) for v in verbs):
                continue
            hoped = numbers_in(_to_comma(low[at:clause_end(sc, w.end) - sc.start]))
            stated = numbers_in(sc.sentence)
            if not any(_has(stated, n) and not _has(hoped, n) for n in mine) \
                    and not (mine and hoped and not any(_has(hoped, n) for n in mine)):
                return True
    return False


def _has(values: list, n: float) -> bool:
    return any(values_match(n, v) for v in values)


def _to_comma(text: str) -> str:
    """A clause's words up to its first comma that is not inside a figure ("£45,000")."""
    return re.split(r",(?!\d)", text)[0]


MIN_HEDGE_WORD = 4  # letters of a verb of hoping or wishing ("hope", "wish")
HEDGED_VERB_REACH = 40  # characters from "hopes" to the verb it hopes for ("will raise")


def word_beside_verb(dc, sc, h) -> bool:
    """The claims share a noun by its lemma, two other words, or one besides the verbs the
    hedge governs (generic words aside: generic_words.txt): a shared verb and a stem that
    two words happen to share ("inspectors", "inspection") make no restatement."""
    verbs = {hedged_verb(dc, h), *governed_verbs(dc, h)}
    # (generic words, "two new", say nothing of which claim it is)
    mine = {w.lemma.lower(): w.pos for w in dc.words if w.lemma.lower() not in GENERIC}
    theirs = {w.lemma.lower(): w.pos for w in sc.words if w.lemma.lower() not in GENERIC}
    shared = set(mine) & set(theirs)
    nouns = ("NOUN", "PROPN")  # (a noun in either parse counts though the other tags it a
    # verb the hedge governs: "may be showing wear", "was showing wear")
    return any(mine[w] in nouns or theirs[w] in nouns for w in shared) or len(shared) >= 2 or \
        any(key(w) not in verbs for w in shared)


def their_predicate(dc, h, sc) -> bool:
    """The hedge governs the source claim's own predicate, a verb common enough to be left
    out of the claims' content words, a verb joined to it by "and" ("had been checked and
    passed for service") or the state a source claim of "be" gives ("could be excused" for
    "are exempt"), and the claims share two of those ("may be able to get the difference
    back" for "tenants will get the difference back")."""
    return shared_verb(dc, h, sc) in _joined_verbs(sc) | _state_after_be(sc) \
        and len(claim_keys(dc) & claim_keys(sc)) >= 2


_BE = re.compile(r"\b(?:%s)\s+(?:now\s+|still\s+)?([A-Za-z]+)"
                 % "|".join(sorted(w for w in shipped("be_forms") if w.isalpha())), re.I)


def _state_after_be(sc) -> set:
    """Keys of the word a source claim of "be" says its subject is ("are exempt from the
    levy": exempt), an adjective or a participle: "could be exempted" hedges that state."""
    if sc.predicate != "be":
        return set()
    words = {w.start: w for w in sc.words}
    out = set()
    for m in _BE.finditer(sc.text):
        w = words.get(sc.start + m.start(1))
        if w is not None and w.pos in ("ADJ", "VERB"):
            out.add(key(w.lemma))
    return out


def _joined_verbs(sc) -> set:
    """Keys of the source claim's predicate and of the verbs joined to it by "and" or "or"
    ("had been checked and cleared": check, clear)."""
    out = {key(sc.predicate)}
    verbs = [w for w in sc.words if w.pos == "VERB"]
    for a, b in zip(verbs, verbs[1:]):
        if key(a.lemma) in out and re.fullmatch(r",?\s+(?:and|or)\s+",
                                                 sc.text[a.end - sc.start:b.start - sc.start]):
            out.add(key(b.lemma))
    return out


def aligned_but_for(ctx, dc) -> bool:
    """The claim aligns with its sources once the words of its hedges are set aside
    ("The survey hinted that rot may be present in 21" for "The survey found rot in 21
    flats": "hinted" is the drift, not a word the source lacks by chance): the coverage of
    the claim's other words by its support, blended with the best support's score as the
    aligner blends them (``align.blended``; that score still counts the hedge words)."""
    al, sup = ctx.support(dc)
    if not sup or not al.scores:
        return False
    cue_keys = {key(w) for h in cues(dc, ctx.lexicon) for w in h.text.split()}
    mine = claim_keys(dc) - cue_keys
    if len(mine) < 3 or mine == claim_keys(dc):
        return False
    covered = mine & frozenset().union(*(claim_keys(sc) for sc in sup))
    return blended(al.scores[0], len(covered) / len(mine)) >= ctx.config.support_threshold


# verbs no content word ("be", "have"): a hedge on one governs what follows it
_NO_CONTENT = frozenset(key(w) for w in shipped("auxiliaries") | shipped("be_forms"))


def clause_support(ctx, dc, added, close) -> list:
    """Weaker supporting claims (of the best three) whose own verb, or the verb their frame of
    finding reports, is the one a hedge of the derived claim governs, with two of the derived
    claim's words after that verb: the source
    clause a derived sentence merged with another that aligns better ("The outage at
    the plant on 2 March may have run for nine hours" for "The outage hit the plant on 2
    March" and "meter logs show the outage ran for nine hours"). Known false positive: the
    same verb and words in another clause of the source told of another event."""
    verbs = {hedged_verb(dc, h) for h in added} - {""} - _NO_CONTENT  # not "be", "have"
    mine = claim_keys(dc)
    out = []
    for sc in ctx.support(dc)[1][:3]:
        if sc in close or sc.negated != dc.negated \
                or (sc.attribution is not None and sc.attribution.negated):
            continue
        # its own verb, or the verb of the clause a frame of finding reports ("data shows
        # the outage ran for nine hours")
        at = next((w.start for w in sc.words if w.pos in ("VERB", "AUX") and key(w.lemma)
                   in verbs and (key(w.lemma) == key(sc.predicate)
                                 or ctx.lexicon.has("factive", sc.predicate))), None)
        after = {key(w.lemma) for w in sc.words if at is not None and w.start > at}
        if len(after & mine) >= 2:
            out.append(sc)
    return out
