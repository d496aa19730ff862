"""Repairs of the entity spans the tagger draws, made as ``DocView`` reads a sentence's
entities: a time of day in words, a count in words run into "and a half", a date run into
the next noun's count, a number cut before its scale word or after its approximator, a
person's name run together with the noun of their trade. Mixed into
``checker.extract.tokens.DocView``, whose ``tokens`` and ``text`` these read.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from checker.lexicon import shipped
from checker.numbers import (DAY_PART_AFTER, HALF_AFTER, WORD_CLOCK, is_magnitude, normalise,
                             words_to_number)

if TYPE_CHECKING:  # the entity views these repair; tokens.py imports this module
    from checker.extract.tokens import SpanView


class EntitySpans:
    """The span repairs; ``self.tokens`` and ``self.text`` are the doc view's."""

    def _word_clock(self, e: SpanView) -> bool:
        """The entity is a time of day in words (``numbers.WORD_CLOCK``): "a quarter past
        nine", "half past two", "three o'clock", or "ten to four" with a part of the day
        after it or "at" before it ("at about ten to four"; not "voted five to three",
        a tally, nor "five to ten years", a range)."""
        m = WORD_CLOCK.search(e.text)
        if m is None:
            return False
        after = DAY_PART_AFTER.match(self.text, e.end_char)
        day = m.group("day") or (after.group().strip() if after else "")
        if day and not day.lower().startswith("on"):
            return True  # ("on the morning of" a day also follows a tally: "voted five to
            # four on the morning of the deadline"; it is a time after "at" only, below)
        nxt = self.tokens[e.end] if e.end < len(self.tokens) else None
        if nxt is not None and (nxt.pos_ in ("NOUN", "NUM") or _COUNTED_AFTER.fullmatch(
                nxt.lower_)) or m.group("hour") and m.group("hour").lower() == "one":
            return False  # a range or odds: "five to ten per cent", "ten to twelve
            # thousand", "backed at ten to one"
        if not m.group("mins"):
            return True
        before = self.text[max(0, e.start_char - 30):e.start_char] + e.text[:m.start()]
        return AT_CLOCK.search(before) is not None

    def _cut_half(self, e: SpanView) -> None:
        """A count in words the tagger ran into "and a" of "and a half" and took for a date
        ("nine and a" of "nine and a half miles") is a count: cut back to its number,
        which ``_join_half`` then runs through the half."""
        if e.label_ != "DATE" or e.end - e.start < 3 or e.end >= len(self.tokens) \
                or self.tokens[e.end].lower_ != "half" \
                or [t.lower_ for t in self.tokens[e.end - 2:e.end]] not in (["and", "a"],
                                                                           ["and", "an"]):
            return
        first = next((i for i in range(e.start, e.end - 2)
                      if words_to_number([self.tokens[i].text]) is not None), None)
        if first is None:
            return
        number = self.text[self.tokens[first].idx:self.tokens[e.end - 3].idx
                           + len(self.tokens[e.end - 3].text)]
        if WORD_NUMBER.fullmatch(number) and words_to_number([number]) is not None:
            # (from its first number word: "some nine and a" is "nine", "some" an
            # approximator read with it later)
            e.start, e.start_char = first, self.tokens[first].idx
            self._set_end(e, e.end - 2)
            e.label_ = "CARDINAL"

    def _join_half(self, e: SpanView) -> None:
        """A count in words followed by "and a half" runs through it and the scale words
        after it ("six-and-a-half", "thirty-one and a half thousand" where the tagger
        stopped at "thirty-one")."""
        if e.label_ != "CARDINAL" or not WORD_NUMBER.fullmatch(e.text):
            return
        m = HALF_AFTER.match(self.text, e.end_char)
        if m is None or normalise(self.text[e.start_char:m.end()], "CARDINAL")[1] is None:
            return
        end = e.end
        while end < len(self.tokens) and self.tokens[end].idx < m.end():
            end += 1
        while end < len(self.tokens) and is_magnitude(self.tokens[end].lower_):
            end += 1  # "thirty-one and a half thousand"
        self._set_end(e, end)

    def _set_end(self, e: SpanView, end: int) -> None:
        """End the entity at token ``end`` (exclusive), its text with it."""
        e.end = end
        e.end_char = self.tokens[end - 1].idx + len(self.tokens[end - 1].text)
        e.text = self.text[e.start_char:e.end_char]

    def _trim_count(self, e: SpanView) -> None:
        """A date the tagger ran into a count of the next noun ("on the opening day 30
        wickets fell" tags "the opening day 30") ends before the count, which is then read
        as a number of its own."""
        if e.label_ != "DATE" or e.end - e.start < 2:
            return
        last = self.tokens[e.end - 1]
        if last.like_num and last.dep_ == "nummod" and not e.start <= last.head.i < e.end:
            self._set_end(e, e.end - 1)

    def _extend_scale(self, e: SpanView) -> None:
        """A number the tagger ended before its scale word ("roughly sixty-two" tagged,
        "thousand" left out) runs through the scale words that follow it untagged."""
        end = e.end
        while end < len(self.tokens) and self.tokens[end - 1].like_num \
                and self.tokens[end].like_num and not self.tokens[end].ent_type_ \
                and is_magnitude(self.tokens[end].lower_):
            end += 1
        if end != e.end:
            self._set_end(e, end)

    def _extend_approximator(self, e: SpanView, before: list) -> None:
        """A figure the tagger started after its approximator ("just over three weeks" with
        "three weeks" tagged, or "just over" tagged as a figure of its own: the last of
        ``before``) starts at it: an approximator of two words (approximators.txt: "just
        over", "more than") or an adverb of one ("nearly", "roughly"; not "over" or "some",
        which are also a preposition and a determiner), so the figure is read as
        rounded."""
        if e.label_ not in _APPROXIMATED or e.start == 0:
            return
        if before and before[-1].end == e.start and before[-1].text.lower() in _APPROXIMATORS:
            first = before.pop()  # "just over" tagged as a figure of its own
            e.start, e.start_char = first.start, first.start_char
            e.text = self.text[e.start_char:e.end_char]
            return
        for width in (2, 1):
            start = e.start - width
            words = self.tokens[start:e.start] if start >= 0 else []
            if not words or any(t.ent_type_ for t in words) or \
                    " ".join(t.lower_ for t in words) not in _APPROXIMATORS or \
                    width == 1 and words[0].tag_ != "RB":
                continue
            e.start, e.start_char = start, words[0].idx
            e.text = self.text[e.start_char:e.end_char]
            return

    def _trim_title(self, e: SpanView) -> None:
        """A person's name the tagger ran together with the common noun before it ("baker
        Hester Quaile", "nurse Ada Lin") starts at the name: the noun says what the person
        does, and the name is the one the source gives without it. The tagger calls such a
        noun a proper one, so it is told by its lower case."""
        if e.label_ != "PERSON":
            return
        start = e.start
        # lower case and four letters or more: not a particle of the name ("de", "van")
        while start < e.end - 1 and self.tokens[start].text.isalpha() \
                and self.tokens[start].text.islower() and len(self.tokens[start].text) >= 4:
            start += 1
        if start == e.start or not self.tokens[start].text[:1].isupper():
            return
        e.start = start
        e.start_char = self.tokens[start].idx
        e.text = self.text[e.start_char:e.end_char]


# Figures an approximator before them rounds (``DocView._extend_approximator``)
_APPROXIMATED = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
_APPROXIMATORS = shipped("approximators")


# What makes "five to ten" a range: a count's noun (by its tag), a share or a scale after it
_COUNTED_AFTER = re.compile(r"%|per|percent|hundred|thousand|million|billion")
# "at" and an approximator before a time of day ("at about ten to four")
AT_CLOCK = re.compile(r"\bat\s+(?:(?:about|around|roughly|approximately|just\s+(?:after|before))"
                       r"\s+)?$", re.I)
# A number written in words only (also read by ``DocView._sentence``).
WORD_NUMBER = re.compile(r"[A-Za-z]+(?:[\s-]+[A-Za-z]+)*")
