"""Align derived claims with the source claims that support them.

Candidates are scored by how much of the derived claim's content (lemmas, entities, numbers)
a source claim holds, with rapidfuzz similarity over the lemma strings as a tie-breaker. A
summary sentence often fuses two source sentences, so further source claims are added to the
support while they cover derived content the best one lacks.
"""

from __future__ import annotations

import re
from bisect import insort
from functools import lru_cache
from dataclasses import dataclass
from typing import Iterable, Sequence

from rapidfuzz import fuzz

from checker.lexicon import shipped
from checker.records import Alignment, Claim, memo_on

_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d+(?:[.,]\d+)*")
# Content words so general that sharing them says nothing about support.
GENERIC = shipped("generic_words")


@lru_cache(maxsize=200_000)
def key(word: str) -> str:
    """A crude stem that lets "restriction" meet "restricting" and "bans" meet "ban"."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("'"):
        w = w[:-1]  # a plural possessive ("users'")
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    return w[:6] if len(w) >= 7 else w


def claim_keys(claim: Claim) -> frozenset:
    """Content-word keys of a claim (computed once per claim: every rule asks)."""
    return memo_on(claim, "_keys", lambda: frozenset(
        key(lem) for lem in claim.lemmas if lem not in GENERIC))


def lemma_text(claim: Claim) -> str:
    """The claim's lemmas as one string, for fuzzy matching (computed once per claim)."""
    return memo_on(claim, "_lemma_text", lambda: " ".join(claim.lemmas))


def text_keys(text: str) -> set[str]:
    """Keys of every word of a text (surface forms, for vocabulary look-ups)."""
    return {key(w) for w in _WORD_RE.findall(text)}


@dataclass(frozen=True)
class SourceIndex:
    """Everything the rules look up in the sources, computed once per check."""

    claims: tuple[Claim, ...]
    by_id: dict
    vocab: frozenset  # keys of every source word
    entity_norms: frozenset
    text_lower: str  # all source text, lower case, for substring look-ups
    quantity_norms: frozenset
    quantities: tuple  # every source quantity record, for value comparisons
    keysets: tuple  # claim_keys of each source claim, aligned with claims
    written_on: frozenset = frozenset()  # (document id, date of publication) of each source
    published_by: frozenset = frozenset()  # (document id, outlet) of each source with one


def build_index(source_claims: Sequence[Claim], source_texts: Iterable[str],
                written_on: Iterable = (), published_by: Iterable = ()) -> SourceIndex:
    """Index the sources' claims and text for alignment and the rules; ``written_on``:
    (document id, date) of each source published on a known day (from a corpus's
    metadata), which anchors its own weekdays ("on Saturday") as a full date does;
    ``published_by``: (document id, outlet) of each source whose outlet is known, which
    speaks in its own voice when it says "the Bugle has learned"."""
    texts = list(source_texts)
    vocab: set[str] = set()
    for t in texts:
        vocab |= text_keys(t)
        # and each part of a hyphenated word ("pre" and "tax" of "pre-tax"), as the
        # tagger splits them in a derived text
        vocab |= {key(p) for w in _WORD_RE.findall(t) if "-" in w for p in w.split("-") if p}
    ents = set()
    quants = set()
    for c in source_claims:
        vocab.update(key(lem) for lem in c.lemmas)
        ents.update(e.norm for e in c.entities)
        quants.update((q.kind, q.norm) for q in c.quantities)
    return SourceIndex(
        claims=tuple(source_claims), by_id={c.id: c for c in source_claims},
        vocab=frozenset(vocab), entity_norms=frozenset(ents),
        text_lower="\n".join(texts).lower().replace("’", "'"),
        quantity_norms=frozenset(quants),
        quantities=tuple(q for c in source_claims for q in c.quantities),
        keysets=tuple(claim_keys(c) for c in source_claims), written_on=frozenset(written_on),
        published_by=frozenset(published_by))


def entity_norms(claim: Claim) -> frozenset:
    """The normalised names of a claim's entities (computed once per claim: every
    derived claim checked against it asks)."""
    return memo_on(claim, "_entity_norms", lambda: frozenset(e.norm for e in claim.entities))


def _postings(index: SourceIndex) -> dict:
    """Content key -> positions of the source claims holding it, in claim order (built once
    per index): a derived claim is scored only against the claims it shares a key with,
    not compared with every claim of the sources."""
    def build() -> dict:
        out: dict = {}
        for i, keys in enumerate(index.keysets):
            for k in keys:
                out.setdefault(k, []).append(i)
        return out

    return memo_on(index, "_postings", build)


def _sides(index: SourceIndex) -> tuple:
    """What scoring a pair reads of each source claim: (claim, keys, entity norms,
    predicate key, lemma text), once per index, not once per derived claim."""
    return memo_on(index, "_align_sides", lambda: tuple(
        (c, keys, entity_norms(c), key(c.predicate), lemma_text(c))
        for c, keys in zip(index.claims, index.keysets)))


def _without_fuzzy(dkeys: frozenset, dents: frozenset, dpred: str,
                   skeys: frozenset, sents: frozenset, spred: str) -> float:
    """A pair's alignment score but for its last term, the fuzzy similarity of the lemma
    strings (0.15 at most), added in ``_best_scored``."""
    shared = dkeys & skeys
    coverage = len(shared) / len(dkeys)
    precision = len(shared) / len(skeys)
    ent_bonus = 0.0
    if dents:
        ent_bonus = len(dents & sents) / len(dents)
    pred = 1.0 if dpred == spred else 0.0
    return 0.5 * coverage + 0.15 * precision + 0.1 * ent_bonus + 0.1 * pred


def _best_scored(dkeys, dents, dpred, dtext, found, sides, n: int) -> list:
    """The ``n`` best (score, claim, keys) of the source claims at positions ``found`` (in
    claim order), best first and in claim order among equals, as sorting all of them would
    give. The fuzzy similarity, the costly term, is computed only for claims that can still
    reach the ``n`` best: a claim whose other terms plus 0.15 (the fuzzy term's most) stay
    below the ``n``-th best score found so far cannot."""
    rest = [(_without_fuzzy(dkeys, dents, dpred, sides[i][1], sides[i][2], sides[i][3]), i)
            for i in found]
    done: list = []  # (position in ``found`` order, score, claim, keys)
    top: list = []  # the n best scores so far, in ascending order
    for part, i in sorted(rest, key=lambda x: -x[0]):
        if len(top) >= n and part + 0.15 < top[0]:
            break  # the rest have no more than this part: none can reach the n best
        sc, skeys, _, _, stext = sides[i]
        score = part + 0.15 * (fuzz.token_set_ratio(dtext, stext) / 100.0)
        done.append((i, score, sc, skeys))
        insort(top, score)
        if len(top) > n:
            top.pop(0)
    done.sort(key=lambda x: x[0])  # claim order: equal scores keep it through the stable sort
    scored = [(score, sc, skeys) for _, score, sc, skeys in done]
    scored.sort(key=lambda x: -x[0])
    return scored[:n]


# How much below the best a claim of another source may score and still be its twin, when
# it shares four fifths of the words the best shares with the derived claim.
TWIN_MARGIN = 0.15


def _twins(dkeys: frozenset, scored: list, support: list) -> tuple[str, ...]:
    """Other outlets' tellings of the best support's fact, nearly as close to the derived
    claim: they add no words, so they are not support, but the summary may follow one of
    them ("will close, the club confirmed" beside "intends to close, the club told
    parents"). The best of each source document the support does not come from."""
    best_score, _best, best_keys = scored[0]
    near = 0.8 * len(dkeys & best_keys)
    told = {sc.doc_id for sc in support}
    out = []
    for s, sc, skeys in scored[1:]:
        if s < best_score - TWIN_MARGIN:
            break
        if sc.doc_id not in told and len(dkeys & skeys) >= near:
            out.append(sc.id)
            told.add(sc.doc_id)
    return tuple(out)


def blended(best_score: float, covered: float) -> float:
    """A derived claim's alignment score: its best support's score, or more where its
    supporting claims together cover a larger share of its words (``covered``)."""
    return max(best_score, 0.6 * covered + 0.4 * best_score)


def align(derived_claims: Sequence[Claim], index: SourceIndex, *, max_support: int = 3,
          candidates: int = 8) -> tuple[Alignment, ...]:
    """One alignment per derived claim: its supporting source claims, best first."""
    out = []
    postings, sides = _postings(index), _sides(index)
    for dc in derived_claims:
        dkeys = claim_keys(dc)
        hits: set[int] = set()
        for k in dkeys:
            hits.update(postings.get(k, ()))
        dents, dpred, dtext = entity_norms(dc), key(dc.predicate), lemma_text(dc)
        scored = _best_scored(dkeys, dents, dpred, dtext, hits, sides, candidates)
        if not scored:
            out.append(Alignment(derived=dc.id, score=0.0))
            continue
        best_score, best, best_keys = scored[0]
        support = [best]
        scores = [best_score]
        covered = set(dkeys & best_keys)
        for s, sc, skeys in scored[1:candidates]:
            if len(support) >= max_support:
                break
            gain = (dkeys & skeys) - covered
            if len(gain) >= 2 or (gain and len(gain) / max(1, len(dkeys)) >= 0.2):
                support.append(sc)
                scores.append(s)
                covered |= gain
        # Another outlet's telling of the same fact, nearly as close, adds no words but may be
        # the one the summary follows ("will close, the club confirmed" beside "intends to
        # close, the club told parents"): the rules must see both accounts.
        fused = len(covered) / len(dkeys) if dkeys else 0.0
        score = blended(best_score, fused)
        out.append(Alignment(derived=dc.id, score=round(min(1.0, score), 4),
                             support=tuple(c.id for c in support),
                             scores=tuple(round(s, 4) for s in scores),
                             twins=_twins(dkeys, scored, support)))
    return tuple(out)


def coverage_of(source: Claim, derived_claims: Sequence[Claim]) -> float:
    """How much of a source claim's content the derived claims carry (for omissions)."""
    skeys = claim_keys(source)
    if not skeys:
        return 1.0
    best = 0.0
    union: set[str] = set()
    for dc in derived_claims:
        dk = claim_keys(dc)
        shared = skeys & dk
        union |= shared
        best = max(best, len(shared) / len(skeys))
    return max(best, 0.8 * len(union) / len(skeys))
