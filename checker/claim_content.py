"""Whether a derived claim says what a source claim says, for the attribution rules (DA101,
DA102): the same content (``same_content``), that content fused with another source claim's
(``fused_content``), or only a question the source claim answers (``asked_only``)."""

from __future__ import annotations

import re

from checker.align import GENERIC, claim_keys, key
from checker.lexicon import shipped
from checker.records import Claim, memo_on

_PRONOUNS = shipped("pronouns_subject")


def _titles_of_shared(dc: Claim, sc: Claim) -> set[str]:
    """Keys of the words both claims set right before a name they share (up to three: "the
    energy minister, Dana Holt", "energy minister Dana Holt"): the name's title, which
    comes with the name."""
    def before(claim, norm):
        out = []
        for e in claim.entities:
            if e.norm != norm:
                continue
            title, at = set(), e.start
            for w in sorted((w for w in claim.words if w.end <= e.start), reverse=True):
                gap = claim.text[w.end - claim.start:at - claim.start]
                if len(title) == 3 or w.pos not in ("NOUN", "PROPN", "ADJ") \
                        or not re.fullmatch(r"[\s,]*", gap):
                    break  # only the nouns right before the name ("energy minister"),
                    # not "evidence against"
                title.add(key(w.lemma))
                at = w.start
            out.append(title)
        return out
    out: set[str] = set()
    for norm in {e.norm for e in dc.entities} & {e.norm for e in sc.entities}:
        mine, theirs = before(dc, norm), before(sc, norm)
        out |= set().union(*mine) & set().union(*theirs) if mine and theirs else set()
    return out


def same_content(dc: Claim, sc: Claim) -> bool:
    """The source claim says what the derived claim says: it holds two of its words besides
    shared names, and half of its words with the same predicate, a name, every figure of an
    uncredited derived claim (two or more), or a figure where the source's subject is a
    pronoun ("Orme stayed in custody 19 days too long" for "he was detained 19 days too
    long"), or most of them; or so without the derived claim's relative clauses
    set off by commas ("The finance office, which answers to the trustees, is seeking
    refunds" for "the finance office is seeking refunds")."""
    if _same_keys(dc, sc, claim_keys(dc)):
        return True
    main = _outside_asides(dc)
    return bool(main) and _same_keys(dc, sc, main)


# a relative clause set off by commas: an aside on a party, not the claim ("The office,
# which answers to the trustees, is seeking refunds")
_ASIDE = re.compile(r",\s*(?:which|who|whose)\b[^,;]*,")


def _outside_asides(dc: Claim) -> frozenset:
    """The keys of the claim's words outside its relative clauses set off by commas, or
    none when it has no such clause (once per claim: every pair compared asks)."""
    def compute():
        spans = [(dc.start + m.start(), dc.start + m.end()) for m in _ASIDE.finditer(dc.text)]
        return frozenset(key(w.lemma) for w in dc.words if w.lemma not in GENERIC and not any(
            a <= w.start < b for a, b in spans)) if spans else frozenset()
    return memo_on(dc, "_aside_keys", compute)


def _same_keys(dc: Claim, sc: Claim, dk) -> bool:
    shared = dk & claim_keys(sc)
    names = {key(w) for e in dc.entities + sc.entities for w in re.split(r"[\s‐-]+", e.text)
             if w}  # and each part of a joined name ("Marl-Dunne")
    if len(shared - names - _titles_of_shared(dc, sc)) < 2:
        return False  # a shared name and little else: another claim about the same party
        # (its title too: "energy minister Dana Holt" in both)
    same_pred = key(dc.predicate) == key(sc.predicate)
    same_ent = bool({e.norm for e in dc.entities} & {e.norm for e in sc.entities})
    # a figure stands in for a name the source gives by a pronoun only ("he was detained
    # 19 days too long")
    same_fig = sc.subject.lower().strip() in _PRONOUNS and bool(
        {q.norm for q in dc.quantities} & {q.norm for q in sc.quantities})
    # every figure of an uncredited derived claim, two or more, stands in the source claim
    # ("trimmed night staff from four porters to two in May" for "had cut its night staff
    # ... from four porters to two in May"); a credited one may merge a figure from another
    # clause
    mine = {q.norm for q in dc.quantities}
    same_figs = dc.attribution is None and len(mine) >= 2 \
        and mine <= {q.norm for q in sc.quantities}
    if (same_pred or same_ent or same_fig or same_figs) and len(shared) >= 0.5 * len(dk):
        return True
    return len(shared) >= 3 and len(shared) >= 0.6 * len(dk)


def fused_content(dc: Claim, sc: Claim, others) -> bool:
    """The derived claim fuses the source claim with another of ``others`` ("Bats could
    use the hedge, where Harrow Estates plans 40 homes" from "bats could use the hedge"
    and "Harrow Estates plans 40 homes"): on the same predicate it holds most of the
    source claim's words (three at least), and most of its own other words are one other
    source claim's."""
    if key(dc.predicate) != key(sc.predicate):
        return False
    dk, sk = claim_keys(dc), claim_keys(sc)
    shared = dk & sk
    if len(shared) < 3 or len(shared) < 0.7 * len(sk):
        return False
    rest = dk - sk
    return len(rest) >= 2 and any(len(rest & claim_keys(o)) >= 0.6 * len(rest)
                                  for o in others if o is not sc)


def asked_only(dc: Claim, sc: Claim, lex) -> bool:
    """The words the derived claim shares with the source claim, names aside, all stand in
    an indirect question after a preposition ("Pressure is mounting on the hospital over
    how long its nurses work" for "half of its nurses worked 50-hour weeks, an audit
    found": question_words.txt): the claim asks what the source claim answers and states
    none of it."""
    opens = next((dc.start + m.start(2) for m in re.finditer(r"\b(\w+)\s+(?=(\w+))", dc.text)
                  if lex.has("prepositions", m.group(1).lower())
                  and lex.has("question_words", m.group(2).lower())), None)
    if opens is None:
        return False
    words = dc.words
    names = {key(p) for e in dc.entities for p in re.split(r"[\s‐-]+", e.text) if p}
    shared = claim_keys(sc) - names
    before = {key(w.lemma) for w in words if w.start < opens} & shared
    return not before and bool({key(w.lemma) for w in words if w.start >= opens} & shared)
