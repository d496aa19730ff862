"""What a source phrase's own words say about it: its core without a relative clause ("the
authority, which wrote to Acme" -> "the authority"), whether it holds a proper name, and
whether it is a short definite description that refers back ("the union").

Shared by ``checker.attribution`` (comparing sources) and ``checker.affiliation`` (whose
voice a speaker is), and read by the attribution rules.
"""

from __future__ import annotations

import re

from checker.lexicon import shipped

_ARTICLES = shipped("articles")
_RELATIVE_RE = re.compile(r",?\s+(?:which|who|whose|where)\b.*$", re.S)


def core(phrase: str) -> str:
    """A source phrase without its relative clause ("the authority, which wrote to Acme")."""
    return _RELATIVE_RE.sub("", phrase or "")


def has_name(text: str) -> bool:
    """True when a source phrase holds a proper name (a capitalised word past the first)."""
    words = text.replace("’", "'").split()
    return any(w[:1].isupper() for w in words[1:]) or (
        bool(words) and words[0][:1].isupper() and words[0].lower() not in _ARTICLES)


def anaphoric(text: str) -> bool:
    """A short definite description with no name ("the union"), which refers back."""
    words = text.split()
    return (not has_name(text) and 1 < len(words) <= 3 and words[0].lower() == "the")
