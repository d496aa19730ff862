"""A sequence a source counts from its sentence before ("The fee went up in May. Visits have
fallen by a fifth in the months since."): read by DL301 (``checker.rules.causal_link``),
for which "after" between the same two facts, in that order, adds no link."""

from __future__ import annotations

import re

from checker.claim_reading import one_claim_a_sentence, sentence_before
from checker.link_support import holds, link_keys

# A span counted from the sentence before: "in the weeks since", "since then", a clause ending
# "since," (not "since the fire", "since Easter", "since 2019", which name their own start)
_SINCE_BACK = re.compile(r"\b(?:(?:days?|weeks?|months?|years?|decades?)\s+since|since\s+then)"
                         r"\b(?!\s+(?:(?:the|a|an|its|their|his|her)\b|(?-i:[A-Z0-9])))"
                         r"|\bsince(?=\s*[,.;])", re.I)


def since_the_sentence_before(ctx, left: set, right: set) -> bool:
    """A source sentence counts a span from what its document's sentence before says ("The
    fee went up in May. Visits have fallen by a fifth in the months since."): the sequence
    is stated when the sentence before holds the link's earlier side (``right``, the cue's
    object: "after the fee went up") and the counting clause its later side (``left``);
    not the other way round, nor when "since" points at the clause before it in its own
    sentence (``_clause_of``)."""
    for sc in one_claim_a_sentence(ctx.index):
        since = _SINCE_BACK.search(sc.sentence)
        if not since:
            continue
        before = sentence_before(ctx.index, sc)
        earlier = {k for c in before for k in link_keys(ctx, c.sentence)}
        if before and holds(right, earlier) and holds(left, link_keys(ctx, _clause_of(
                sc.sentence, since.start()))):
            return True
    return False


# Where a sentence's clauses part: ", and", ", but", ";"
_CLAUSE_BREAK = re.compile(r",\s+(?:and|but|while)\s+|;\s*", re.I)


def _clause_of(sentence: str, at: int) -> str:
    """The clause of ``sentence`` that holds the position ``at`` ("A left in May, and B
    has led the firm since then": the second clause, whose "since then"
    points at the first, not at the sentence before)."""
    starts = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(sentence) if m.end() <= at]
    ends = [m.start() for m in _CLAUSE_BREAK.finditer(sentence) if m.start() >= at]
    return sentence[starts[-1]:ends[0] if ends else len(sentence)]
