"""Two descriptions of one speaker the sources keep unnamed on purpose ("One regional
officer, speaking anonymously" and "an officer at the Region of Tarth, who wished not to be
identified"). Read by DA102 (``rules.attribution_changed``)."""

from __future__ import annotations

from checker.attribution import unnamed_on_purpose
from checker.lexicon import shipped
from checker.numbers import is_number_word
from checker.same_source import group_head
from checker.source_phrase import core
from checker.word_patterns import LETTER_WORD

_FUNCTION_WORDS = shipped("function_words")
STEM = 5  # letters two words of a body share ("region", "regional")


def _described_by(phrase: str, head: str) -> set:
    """The words that say whose speaker it is, before the first comma ("An officer at the
    Region of Tarth" -> region, tarth), without the head noun, function words and
    numbers."""
    first = core(phrase).split(",")[0]
    return {w for w in (m.group().lower() for m in LETTER_WORD.finditer(first))
            if w != head and w not in _FUNCTION_WORDS and not is_number_word(w)}


def one_hidden_speaker(a: str, b: str) -> bool:
    """Both phrases keep their speakers unnamed on purpose (anonymity_phrases.txt), with the
    same head noun in the same number ("officer", not "officers"), and the words that say
    whose speaker it is, when both give some, share a stem ("regional", "Region"). Known
    false negative: two anonymous officials of one body that the story keeps apart are
    taken for one, and so is a speaker whose body one phrase leaves out."""
    if not (unnamed_on_purpose(a) and unnamed_on_purpose(b)):
        return False
    head = group_head(a)
    if not head or head != group_head(b):
        return False
    mine, theirs = _described_by(a, head), _described_by(b, head)
    return not mine or not theirs or any(
        x[:STEM] == y[:STEM] for x in mine for y in theirs if min(len(x), len(y)) >= STEM)
