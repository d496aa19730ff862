"""Credits to a house source in the short forms of digests: a sentence opened by "Harbour
Gazette:" or closed by "(Harbour Gazette)". Only names of the lexicon's ``house_sources``
count (a bracketed place or an opening label is not a source)."""

from __future__ import annotations

import re
from typing import NamedTuple, Optional, Sequence


class Credit(NamedTuple):
    """A credit found in a sentence: the name as written and the cue's offsets in it."""

    name: str
    start: int  # offsets into the sentence text
    end: int


def credit_patterns(names: Sequence[str]) -> Optional[tuple[re.Pattern, re.Pattern]]:
    """(opening, closing) patterns for a house list; None for an empty list."""
    if not names:
        return None
    alt = "|".join(r"\s+".join(map(re.escape, n.split())) for n in
                   sorted(names, key=len, reverse=True))
    opening = re.compile(rf"^\s*(?:the\s+)?(?P<name>{alt})\s*[:|]\s+", re.I)
    closing = re.compile(rf"\(\s*(?P<name>{alt})\s*\)\s*[.!?]?\s*$", re.I)
    return opening, closing


def find_credit(sentence: str, patterns) -> Optional[Credit]:
    """The house credit of a sentence, if it has one."""
    if patterns is None:
        return None
    for rx in patterns:
        m = rx.search(sentence)
        if m:
            return Credit(m.group("name"), m.start(), m.end())
    return None
