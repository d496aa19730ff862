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


def _diff(derived: Claim, source: Claim) -> tuple[tuple[Replacement, ...], int]:
    """Every differing run of two claims and the number of words they share in order,
    computed once per pair (several rules ask)."""
    cache = memo_on(derived, "_replacements", dict)
    got = cache.get(source.id)
    if got is None:
        dt, st = tokens(derived), tokens(source)
        ops = SequenceMatcher(None, [t.text for t in dt], [t.text for t in st],
                              autojunk=False).get_opcodes()
        reps = tuple(Replacement(tuple(dt[i1:i2]), tuple(st[j1:j2]))
                     for op, i1, i2, j1, j2 in ops if op == "replace")
        got = cache[source.id] = (reps, sum(i2 - i1 for op, i1, i2, _, _ in ops
                                            if op == "equal"))
    return got


def replacements(derived: Claim, source: Claim, *, longest: int = 6) -> Iterator[Replacement]:
    """The runs of at most ``longest`` words that differ between two claims, in order."""
    for rep in _diff(derived, source)[0]:
        if len(rep.derived) <= longest and len(rep.source) <= longest:
            yield rep


def shared_words(derived: Claim, source: Claim) -> int:
    """How many words the two claims share, in the same order."""
    return _diff(derived, source)[1]
