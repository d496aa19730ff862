"""Compare many articles on one story: the claim matrix (``checker compare``).

Modules, in the order the data flows: ``pairs`` (every article read against every other one
with the aligner and the drift rules of ``check``), ``cluster`` (claims grouped into rows,
contradictions kept apart as variants), ``matrix`` (cells, reference, marks), ``summary``
(per article, the odd one out), ``story`` (the articles of a story folder) and ``render`` (the
terminal table, CSV, JSON and the HTML page).
"""

from __future__ import annotations

from typing import Sequence

from checker.align import claim_keys
from checker.compare.cluster import cluster
from checker.compare.matrix import Column, Comparison, build_rows
from checker.compare.pairs import read_pairs
from checker.compare.summary import odd_one_out, summarise
from checker.errors import CheckerError
from checker.records import Article, Claim

__all__ = ["Comparison", "compare", "compare_claims", "member"]


def member(claim: Claim) -> bool:
    """A claim the matrix shows: not a heading (a topic more than a fact), with two content
    words at least."""
    return claim.unit_kind != "heading" and len(claim_keys(claim)) >= 2


def compare(pipeline, articles: Sequence[Article], originals: Sequence[bool]) -> Comparison:
    """Compare ``articles`` (``originals[i]``: article i is an original) with the pipeline's
    parser, rules and configuration."""
    claims = pipeline.claims_many(list(articles))
    return compare_claims(articles, claims, originals, config=pipeline.config,
                          lexicon=pipeline.lexicon)


def compare_claims(articles: Sequence[Article], claims: Sequence[Sequence[Claim]],
                   originals: Sequence[bool], *, config, lexicon) -> Comparison:
    """The comparison of articles whose claims are already extracted."""
    if len(articles) < 2:
        raise CheckerError("compare needs two articles at least")
    if len({a.doc_id for a in articles}) != len(articles):
        raise CheckerError("two articles share a document id")
    if all(originals):
        raise CheckerError("every article is an original: give at least one that is not")
    links = read_pairs(articles, claims, config=config, lexicon=lexicon)
    by_id = {c.id: c for cs in claims for c in cs}
    order = {c.id: (i, c.index) for i, cs in enumerate(claims) for c in cs}
    members = [c.id for cs in claims for c in cs if member(c)]
    doc_of = {c.id: c.doc_id for cs in claims for c in cs}
    rows = cluster(links, members, order, doc_of, config.support_threshold)
    columns = tuple(Column(a, bool(o)) for a, o in zip(articles, originals))
    matrix = build_rows(rows, columns, by_id, links, config.support_threshold)
    summaries = summarise(matrix, columns)
    mode = "originals" if any(originals) else "consensus"
    odd, reason = odd_one_out(summaries, mode)
    return Comparison(columns=columns, rows=matrix, summaries=summaries, mode=mode,
                      odd_one_out=odd, reason=reason, config=config.to_dict())
