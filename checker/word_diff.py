"""A word-by-word comparison of a derived claim with the source claim it restates.

When a derived claim copies a source claim but for a word or two, the replaced words are the
drift: a name put in another's place (DE401), an action swapped for another (DU805). Both
rules read the replacements here.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Iterator, NamedTuple

from checker.records import Claim, memo_on

_TOKEN = re.compile(r"[\w'’]+")


class Token(NamedTuple):
    text: str  # lower case, straight apostrophes
    start: int  # clean offsets into the claim's article
    end: int


class Replacement(NamedTuple):
    """Derived tokens standing where the source claim has other tokens, with equal words
    around them."""

    derived: tuple[Token, ...]
    source: tuple[Token, ...]


def tokens(claim: Claim) -> tuple[Token, ...]:
    """The claim's words (once per claim: a source claim is compared with every derived
    claim aligned with it)."""
    return memo_on(claim, "_diff_tokens", lambda: tuple(
        Token(m.group().lower().replace("’", "'"), claim.start + m.start(), claim.start + m.end())
        for m in _TOKEN.finditer(claim.text)))


def _all_replacements(derived: Claim, source: Claim) -> tuple[Replacement, ...]:
    """Every differing run of two claims, computed once per pair (two rules ask)."""
    cache = memo_on(derived, "_replacements", dict)
    got = cache.get(source.id)
    if got is None:
        dt, st = tokens(derived), tokens(source)
        ops = SequenceMatcher(None, [t.text for t in dt], [t.text for t in st],
                              autojunk=False).get_opcodes()
        got = tuple(Replacement(tuple(dt[i1:i2]), tuple(st[j1:j2]))
                    for op, i1, i2, j1, j2 in ops if op == "replace")
        cache[source.id] = got
    return got


def replacements(derived: Claim, source: Claim, *, longest: int = 6) -> Iterator[Replacement]:
    """The runs of at most ``longest`` words that differ between two claims, in order."""
    for rep in _all_replacements(derived, source):
        if len(rep.derived) <= longest and len(rep.source) <= longest:
            yield rep
