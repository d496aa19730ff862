"""Is it English? A score from the share of English function words, pulled down by the
function words of the languages we are most often handed instead."""

from __future__ import annotations

import re
from typing import Optional, Sequence

from checker.errors import InputError
from checker.lexicon import shipped
from checker.records import Unit

# Texts with fewer words than this are not judged by the English check.
ENGLISH_MIN_WORDS = 8
# Texts with fewer words than this are refused only when they show signs of another language.
ENGLISH_SHORT_WORDS = 15
# Share of function words that ordinary English prose reaches with room to spare; the score
# compared with ``config.min_english_ratio`` is the measured share divided by this.
ENGLISH_FULL_SHARE = 0.2
_ENGLISH_SAMPLE = 2000

# English function words, and those of French, German, Spanish, Italian, Portuguese and Dutch
# that are not English words (lexicons english_markers and foreign_markers).
_FUNCTION_WORDS = shipped("english_markers")
_FOREIGN_WORDS = shipped("foreign_markers")


_TOKEN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f]|[^\W\d_]+")


def english_score(text: str) -> Optional[float]:
    """How English a text looks, 0..1 (None when it is too short to judge)."""
    tokens = [t.lower() for t in _TOKEN.findall(text[:_ENGLISH_SAMPLE * 12])[:_ENGLISH_SAMPLE]]
    if len(tokens) < ENGLISH_MIN_WORDS:
        return None
    english = sum(1 for t in tokens if t in _FUNCTION_WORDS) / len(tokens)
    foreign = sum(1 for t in tokens if t in _FOREIGN_WORDS) / len(tokens)
    score = min(1.0, english / ENGLISH_FULL_SHARE)
    # Short English texts can be poor in function words (headline-like summaries), so the
    # function words of the languages we are most often handed instead pull the score down.
    if foreign:
        score *= english / (english + foreign)
    return score


def _shows_other_language(text: str) -> bool:
    """Function words of another language, mostly another script, or accented words (annoncé)."""
    tokens = [t.lower() for t in _TOKEN.findall(text[:_ENGLISH_SAMPLE * 12])[:_ENGLISH_SAMPLE]]
    if len(tokens) >= ENGLISH_SHORT_WORDS or any(t in _FOREIGN_WORDS for t in tokens):
        return True
    other = sum(1 for t in tokens if not t[:1].isascii())
    accented = sum(1 for t in tokens if t[:1].isascii() and not t.isascii())
    return other >= 0.5 * len(tokens) or accented >= 2


def check_english(text: str, units: Sequence[Unit], name: str, *, threshold: float) -> None:
    body = " ".join(text[u.start:u.end] for u in units if not u.is_furniture) or text
    score = english_score(body)
    if score is None or score >= threshold:
        return
    # One English sentence can be all names and content words ("Apple beat Wall Street
    # forecasts by $2bn."), so a short text is refused only on signs of another language.
    if not _shows_other_language(body):
        return
    raise InputError(f"{name}: the text does not look like English (English score {score:.2f}, "
                     f"below min_english_ratio {threshold}).", path=name, cause="not-english")
