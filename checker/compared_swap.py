"""Two parties traded across a comparison: "Harle's tender was £2m cheaper than Dunmore's"
where the source says "Dunmore's tender was £2m cheaper than Harle's". Read by DE402
(``checker.rules.role_swap``).

The derived claim compares a party named before its comparative ("cheaper", "more
expensive", "fewer") with the party named after "than"; a closely aligned source claim with
the same comparative names the same two the other way round. Known false positives: two
comparisons the source makes both ways at different times, of which the aligner picks the
other one ("cheaper than Harle's in 2023, dearer in 2024"). Missed: a comparison whose
second party is no name ("than the council's own bid"), or told by another word
("undercut").
"""

from __future__ import annotations

import re

from checker.claim_roles import party_keys
from checker.source_phrase import NAME_RUN_RE

ALIGNED = 0.6  # how closely the source claim must align
_THAN = re.compile(r"\b((?:more|less|fewer)\s+[a-z]+|[a-z]{3,}er)\s+than\s+(?:the\s+)?"
                   r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)")


_NOT_COMPARED = frozenset({"other", "rather"})  # "other than", "rather than": no comparison


def _compared(text: str) -> list:
    """(comparative, keys of the parties named before it, keys of the one after "than",
    the match) for each comparison of named parties in the text."""
    out = []
    for m in _THAN.finditer(text):
        if m.group(1).lower() in _NOT_COMPARED:
            continue
        before = [party_keys(r.group()) for r in NAME_RUN_RE.finditer(text[:m.start()])]
        out.append((m.group(1).lower(), [k for k in before if k], party_keys(m.group(2)), m))
    return out


def compared_swapped(ctx, dc):
    """(source claim, derived party before, derived party after "than", the comparative)
    when the source compares the same two parties the other way round; else None."""
    aligned = ctx.aligned(dc, threshold=ALIGNED)
    for word, before, after, m in _compared(dc.text):
        if not before or not after:
            continue
        told = [(sc, theirs) for sc in aligned for theirs in _compared(sc.text)
                if theirs[0] == word and theirs[2]]
        if any(theirs[2] & after for _sc, theirs in told):
            continue  # a source compares them in this order
        for sc, theirs in told:
            first = next((k for k in before if k & theirs[2]), None)
            if first is not None and any(k & after for k in theirs[1]):
                name = next((r.group() for r in NAME_RUN_RE.finditer(dc.text[:m.start()])
                             if party_keys(r.group()) == first), "")
                return sc, name, m.group(2), word
    return None
