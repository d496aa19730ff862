"""What a source phrase's own words say about it: its core without a relative clause ("the
authority, which wrote to Acme" -> "the authority"), whether it holds a proper name, and
whether it is a short definite description that refers back ("the union").

Shared by ``checker.attribution`` (comparing sources) and ``checker.voices`` (whose
voice a speaker is), and read by the attribution rules.
"""

from __future__ import annotations

import re

from checker.lexicon import shipped

_ARTICLES = shipped("articles")
_POSSESSIVES = shipped("possessives")
_RELATIVE_RE = re.compile(r",?\s+(?:which|who|whose|where)\b.*$", re.S)
APPOSED_NAME = 4  # words of a name set after a relative clause, at most


def core(phrase: str) -> str:
    """A source phrase without its relative clause ("the authority, which wrote to Acme"),
    keeping a name set beside it after the clause ("a former engineer who worked on the
    design, Maria Lund" -> "a former engineer, Maria Lund")."""
    phrase = phrase or ""
    m = _RELATIVE_RE.search(phrase)
    if m is None:
        return phrase
    parts = m.group().strip(" ,").split(",")
    # a person described by a "who" clause, then named ("the firm, which is based in Leeds,
    # West Yorkshire" ends in a place, not a name)
    last = parts[-1].split() if len(parts) > 1 and parts[0].split()[0] == "who" else []
    if 0 < len(last) <= APPOSED_NAME and all(w[:1].isupper() for w in last):
        return f"{phrase[:m.start()]}, {' '.join(last)}"
    return phrase[:m.start()]


def has_name(text: str) -> bool:
    """True when a source phrase holds a proper name (a capitalised word past the first)."""
    words = text.replace("’", "'").split()
    return any(w[:1].isupper() for w in words[1:]) or (
        bool(words) and words[0][:1].isupper() and words[0].lower() not in _ARTICLES)


def anaphoric(text: str) -> bool:
    """A short definite description with no name ("the union"), which refers back."""
    words = text.split()
    return (not has_name(text) and 1 < len(words) <= 3 and words[0].lower() == "the")


def pronoun_owned(text: str) -> bool:
    """A speaker owned by a pronoun ("Their report", "its statement"): whose it is, the
    extractor can only guess."""
    words = text.split()
    return bool(words) and words[0].lower() in _POSSESSIVES


def owner_named_before(text: str, start: int, end: int, speaker: str) -> bool:
    """The source sentence from ``start`` to ``end``, or the one before it, names
    ``speaker`` by its last word ("Planning officers recommended approval. Their report said
    ..."; "The panel found X, its report said" for "the panel"): whom a pronoun-owned
    speaker there ("Their report") belongs to may be that speaker."""
    words = speaker.split()
    if not words:
        return False
    head = bare_word(words[-1]).rstrip("s")
    ends = [m.end() for m in re.finditer(r"[.!?][\"”’]?\s", text[:start])]
    span = text[ends[-2] if len(ends) >= 2 else 0:end]  # ends[-1] opens the sentence itself
    return len(head) >= 3 and re.search(rf"\b{re.escape(head)}", span.lower()) is not None


# A run of capitalised words, with the small words a name may hold ("Bank of Harwick"), on
# one line and not past a sentence's full stop ("... Residents' Association. The"): a word of
# three lower-case letters before a full stop ends it ("St." and "Ltd." do not).
NAME_RUN_RE = re.compile(r"[A-Z][\w'’.&-]*(?:(?<![a-z]{3}\.)[ \t]+(?:(?:of|and|for|the|&)[ \t]+)*"
                         r"[A-Z][\w'’.&-]*)*")


def bare_word(word: str) -> str:
    """A word in lower case without its possessive ending and stray full stop or comma
    ("Authority's" -> "authority")."""
    return re.sub(r"['’]s?$", "", word.lower()).strip(".,")
