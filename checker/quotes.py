"""Quotations: the normal form two quotes are compared in, and the sources' quotations.

Shared by DQ701 quote-altered and DA103 quote-speaker-changed.
"""

from __future__ import annotations

import re

from checker.claim_reading import evidence_of


# Marks two quotations may write differently and still be the same words.
_MARKS = str.maketrans({"’": "'", "‘": "'", "…": "..."})


def fold_marks(text: str) -> str:
    """Curly single quotes as apostrophes and the ellipsis character as three dots, so that
    a quotation and the text it is searched in are written alike."""
    return text.translate(_MARKS)


def normalise_quote(text: str) -> str:
    """Lower-case quote text with uniform apostrophes, no edge punctuation, single spaces."""
    t = fold_marks(text.lower())
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
