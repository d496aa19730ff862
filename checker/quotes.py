"""Quotations: the normal form two quotes are compared in, and the sources' quotations.

Shared by DQ701 quote-altered and DA103 quote-speaker-changed.
"""

from __future__ import annotations

import re

from checker.rules.base import evidence_of


def normalise_quote(text: str) -> str:
    """Lower-case quote text with uniform apostrophes, no edge punctuation, single spaces."""
    t = text.lower().replace("’", "'").replace("‘", "'").replace("…", "...")
    t = re.sub(r"\s+", " ", t)
    return t.strip(" .,;:!?'\"")


def source_quotes(ctx):
    """(quote, evidence) for every quotation in the sources."""
    out = []
    for sc in ctx.index.claims:
        for q in sc.quotes:
            out.append((q, evidence_of(sc, start=q.start, end=q.end)))
    return out


def source_quote_claims(ctx):
    """(quote, source claim, evidence) for every quotation in the sources."""
    return [(q, sc, evidence_of(sc, start=q.start, end=q.end))
            for sc in ctx.index.claims for q in sc.quotes]


def derived_quotes(ctx):
    """(derived claim, quotation) once per quotation of the derived text: a quotation that
    spans several clauses belongs to each of their claims, and is judged once."""
    seen = set()
    for dc in ctx.derived_claims:
        for q in dc.quotes:
            if (q.start, q.end) not in seen:
                seen.add((q.start, q.end))
                yield dc, q
