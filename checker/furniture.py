"""Page furniture: read times, bylines, section labels, promos and the like, which are not claims.

Glossary:
    Patterns    the compiled entries of ``lexicons/furniture.txt`` plus the user's extensions,
                grouped by mode (``unit``, ``contains``, ``section``, ``prefix``).
    Block       what the loader asks about: a unit's kind, its clean text and its markup level
                (1-6 for Markdown or HTML headings, 0 when the level is unknown).
    Section     a label such as "Glossary" or "Related" whose body is furniture too, up to the
                next real heading.

The loader calls ``leading_furniture`` on every line and ``furniture_reasons`` on the units.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, NamedTuple, Optional, Sequence

from checker.errors import ConfigError
from checker.records import memo_on

PATTERN_FILE = Path(__file__).with_name("lexicons") / "furniture.txt"
MODES = ("unit", "contains", "section", "prefix", "define")

# Text longer than this is a real paragraph even if a `contains` pattern matches in it.
CONTAINS_MAX_WORDS = 60
# A heading ends a Glossary/Related section when the text under it has at least this many words;
# glossary definitions and related-link blurbs are shorter.
SECTION_HEADING_WORDS = 30
# A paragraph this long ends such a section by itself.
SECTION_PARAGRAPH_WORDS = 40

_SEPARATORS = re.compile(r"[\s|·•,;–—-]*")
_DEFINE_REF = re.compile(r"\{([a-z_]+)\}")
_TRIM = re.compile(r"^[\s\"'“”‘’(\[]+|[\s\"'“”‘’)\]:]+$")


class Block(NamedTuple):
    """A unit as the furniture detector sees it."""

    kind: str  # heading | paragraph | bullet | furniture
    text: str
    level: int = 0  # markup level of a heading (1-6), 0 when unknown


@dataclass(frozen=True)
class Patterns:
    """Compiled furniture patterns by mode: (reason, regex) pairs."""

    unit: tuple[tuple[str, re.Pattern], ...]
    contains: tuple[tuple[str, re.Pattern], ...]
    section: tuple[tuple[str, re.Pattern], ...]
    prefix: tuple[tuple[str, re.Pattern], ...]


def _parse_entries(lines: Iterable[str], *, origin: str) -> list[tuple[str, str, str]]:
    entries = []
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) == 1:
            # A bare expression from the configuration: the whole unit must match it.
            entries.append(("custom", "unit", parts[0].strip()))
            continue
        if len(parts) != 3 or parts[1].strip() not in MODES:
            raise ConfigError(f"{origin}, entry {n}: expected 'reason<TAB>mode<TAB>regex' with mode "
                              f"one of {', '.join(MODES)}, got {line!r}")
        entries.append((parts[0].strip(), parts[1].strip(), parts[2].strip()))
    return entries


@lru_cache(maxsize=1)
def _base_entries() -> tuple[tuple[str, str, str], ...]:
    try:
        lines = PATTERN_FILE.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(f"cannot read the furniture patterns {PATTERN_FILE}: {exc}") from exc
    return tuple(_parse_entries(lines, origin=str(PATTERN_FILE)))


@lru_cache(maxsize=16)
def _compile(extra: tuple[str, ...]) -> Patterns:
    entries = list(_base_entries()) + _parse_entries(extra, origin="lexicon_extra['furniture']")
    defines: dict[str, str] = {}
    groups: dict[str, list[tuple[str, re.Pattern]]] = {m: [] for m in MODES if m != "define"}

    def expand(rx: str) -> str:
        return _DEFINE_REF.sub(lambda m: defines.get(m.group(1), m.group(0)), rx)

    for reason, mode, rx in entries:
        if mode == "define":
            defines[reason] = f"(?:{expand(rx)})"
            continue
        try:
            groups[mode].append((reason, re.compile(expand(rx), re.IGNORECASE)))
        except re.error as exc:
            raise ConfigError(f"furniture pattern {rx!r} ({reason}) is not a valid regular "
                              f"expression: {exc}") from exc
    return Patterns(**{mode: tuple(found) for mode, found in groups.items()})


def load_patterns(extra: Sequence[str] | None = None) -> Patterns:
    """The shipped furniture patterns plus ``extra`` entries (``config.lexicon_extra["furniture"]``)."""
    extra = tuple(extra or ())
    if not all(isinstance(e, str) for e in extra):
        raise ConfigError(f"furniture patterns must be strings, got {list(extra)!r}")
    return _compile(extra)


def _trimmed(text: str) -> str:
    return _TRIM.sub("", " ".join(text.split()))


def classify(text: str, *, patterns: Patterns) -> Optional[str]:
    """Why a single unit is page furniture ("read time", "byline" ...), or None."""
    reason, _ = _classify(text, patterns)
    return reason


def _classify(text: str, patterns: Patterns) -> tuple[Optional[str], bool]:
    """(reason, is_section_label) for one unit text."""
    core = _trimmed(text)
    if not core:
        return None, False
    for reason, rx in patterns.section:
        if rx.fullmatch(core):
            return reason if reason != "section" else "section label", True
    for reason, rx in patterns.unit:
        if rx.fullmatch(core):
            return reason, False
    cut, reason = trailing_furniture(core, patterns=patterns)
    if cut == 0:
        return reason, False
    chain_end, reason = leading_furniture(core, patterns=patterns)
    if chain_end >= len(core):
        return reason, False
    return None, False


# Where a new sentence starts: after . ! or ? (and any closing quote), before a capital or quote.
_SENTENCE_START = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9©])")


RECENT_UNITS = 256  # answers of trailing_furniture kept per pattern set


def trailing_furniture(text: str, *, patterns: Patterns) -> tuple[int, Optional[str]]:
    """Where furniture that a `contains` pattern finds starts in a unit, and why.

    Returns ``(0, reason)`` when it is in the first sentence (the whole unit is furniture),
    the start of the sentence holding it when a real sentence comes first ("Ramsey will miss
    two games. Subscribe to our newsletter ... sent to your inbox."), else ``(len(text), None)``.
    """
    # Asked twice of most units (the assembler splits a promo off, then classifies the
    # unit): the searches cost more than all the rest of loading a unit, so the answers for
    # the last units are kept.
    recent = memo_on(patterns, "_recent_trailing", dict)
    got = recent.get(text)
    if got is None:
        if len(recent) >= RECENT_UNITS:
            recent.clear()
        got = recent[text] = _trailing_furniture(text, patterns)
    return got


def _trailing_furniture(text: str, patterns: Patterns) -> tuple[int, Optional[str]]:
    # The furniture must fit in the last CONTAINS_MAX_WORDS words, so search only there: long
    # paragraphs then cost one short search per pattern.
    # (The CONTAINS_MAX_WORDS-th space from the end, found in one call; 0 without as many.)
    last_words = text.rsplit(" ", CONTAINS_MAX_WORDS)
    window = len(last_words[0]) if len(last_words) > CONTAINS_MAX_WORDS else 0
    found, why = len(text), None
    for reason, rx in patterns.contains:
        m = rx.search(text, window)
        if m and m.start() < found:
            found, why = m.start(), reason
    if why is None:
        return len(text), None
    cut = 0
    for m in _SENTENCE_START.finditer(text, 0, found + 1):
        cut = m.end()
    if len(text[cut:].split()) > CONTAINS_MAX_WORDS:
        return len(text), None
    return cut, why


def leading_furniture(line: str, *, patterns: Patterns) -> tuple[int, Optional[str]]:
    """Length of the furniture chain at the start of a line ("Security 74% 1 min read") and why.

    Returns ``(0, None)`` unless the chain covers the whole line, holds at least two pieces or
    holds a read time, a dateline or a label ("Why:"), so that one date or one percentage
    opening a news sentence is left alone.
    """
    pos, pieces, reasons = 0, 0, []
    start = len(line) - len(line.lstrip())
    pos = start
    while pos < len(line):
        best = 0
        best_reason = ""
        for reason, rx in patterns.prefix:
            m = rx.match(line, pos)
            if m and m.end() - pos > best:
                best, best_reason = m.end() - pos, reason
        if not best:
            break
        pieces += 1
        reasons.append(best_reason)
        pos = _SEPARATORS.match(line, pos + best).end()
    if not pieces:
        return 0, None
    whole = not line[pos:].strip()
    # One piece opening a sentence is left alone ("July 3, 2026 The court ruled"), unless it
    # is a read time, a wire dateline ("PORT CALLOWAY, March 12 -") or a digest's label
    # ("Why:"), which are never news.
    if not whole and pieces < 2 and not {"read time", "dateline", "label"} & set(reasons):
        return 0, None
    if reasons == ["label"] and _whole_unit(line, patterns):
        return 0, None  # "Source: ..." is a unit of furniture whole, label and all
    # Give back the separators after the chain so the rest of the line keeps its first character.
    end = pos if whole or "dateline" in reasons else len(line[:pos].rstrip(" |·•,;–—-"))
    return end, ", ".join(dict.fromkeys(reasons))


def _whole_unit(text: str, patterns: Patterns) -> bool:
    """The text is furniture as a whole unit or a section label (not by a chain)."""
    core = _trimmed(text)
    return any(rx.fullmatch(core) for _r, rx in list(patterns.section) + list(patterns.unit))


def _words(text: str) -> int:
    return len(text.split())


def furniture_reasons(blocks: Sequence[Block], *, patterns: Patterns) -> list[Optional[str]]:
    """For each block, why it is furniture, or None: single-unit patterns, section bodies, and
    headings whose whole section is furniture."""
    found = [_classify(b.text, patterns) for b in blocks]
    reasons: list[Optional[str]] = [r for r, _ in found]
    base = list(reasons)
    for i, (reason, is_section) in enumerate(found):
        if not is_section:
            continue
        label = _trimmed(blocks[i].text)
        for j in range(i + 1, len(blocks)):
            if found[j][1] or _ends_section(blocks, base, i, j):
                break
            reasons[j] = reasons[j] or f"under {label!r}"
    _mark_furniture_headings(blocks, reasons)
    return reasons


def _ends_section(blocks: Sequence[Block], base: list[Optional[str]], label: int, j: int) -> bool:
    block = blocks[j]
    if block.kind == "heading":
        level = blocks[label].level
        if level and block.level and block.level <= level:
            return True
        words = 0
        for k in range(j + 1, len(blocks)):
            if blocks[k].kind == "heading":
                break
            if base[k] is None:
                words += _words(blocks[k].text)
        return words >= SECTION_HEADING_WORDS
    return base[j] is None and _words(block.text) >= SECTION_PARAGRAPH_WORDS


def _mark_furniture_headings(blocks: Sequence[Block], reasons: list[Optional[str]]) -> None:
    # Walk backwards so a heading sees the final state of the units under it.
    for i in range(len(blocks) - 1, -1, -1):
        if blocks[i].kind != "heading" or reasons[i] is not None:
            continue
        under = []
        for k in range(i + 1, len(blocks)):
            if blocks[k].kind == "heading":
                break
            under.append(reasons[k])
        if under and all(r is not None for r in under):
            reasons[i] = "heading of furniture"
