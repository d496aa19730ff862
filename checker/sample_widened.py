"""A share of a sample given as a share of the whole (DS951, ``checker.rules.scope_changed``):
"70% of residents opposed it" where the source's 70% is of the responses a consultation drew
or of the people a survey asked (sample_words.txt)."""

from __future__ import annotations

import re

from checker.align import key
from checker.claim_reading import one_claim_a_sentence
from checker.lexicon import shipped

_SAMPLE = re.compile(r"\b(?:%s)\b" % "|".join(
    sorted(map(re.escape, shipped("sample_words")), key=len, reverse=True)), re.I)
_SAMPLE_NOUNS = frozenset(e for e in shipped("sample_words") if " " not in e)
# a share: "70%", "70 per cent", "70 percent"
_SHARE = re.compile(r"\b(\d+(?:\.\d+)?)\s*(?:%|per\s*cent\b|percent\b)", re.I)
# words at most of the "of" phrase read for a noun or a sample ("of the 600 responses"), and
# characters at most from the "of" to the noun's first letter
NOUN_WITHIN, NOUN_CHARS = 4, 40
_DETERMINERS = shipped("determiners") | shipped("possessives")


def sample_widened(ctx, dc):
    """(cue, source claim, what the source limits it to) when the derived claim gives a
    share "of" a noun of the whole (the head of the noun phrase after "of", not a word of a
    sample nor followed by one, "of people who replied") and a source sentence gives that
    share with words of a sample ("of which 70%", "70% of respondents") while no source
    sentence gives it of the derived noun.
    Known false positive: a sample that is the whole group ("all 40 members replied, and
    90% of them backed it")."""
    for m in _SHARE.finditer(dc.text):
        after = dc.text[m.end():]
        of = re.match(r"\s+of\s+", after)
        if of is None:
            continue
        at = dc.start + m.end() + of.end()
        noun = _head_noun(dc, at)
        if noun is None or noun.text.lower() in _SAMPLE_NOUNS \
                or _SAMPLE.search(dc.text[noun.end - dc.start:noun.end - dc.start + 40]):
            continue  # "58% of people who responded" keeps the sample
        found = _sample_share(ctx, m.group(1), key(noun.lemma))
        if found is not None:
            sc, words = found
            cue = dc.text[m.start():noun.end - dc.start]
            return cue, sc, f'{m.group(0)} of the {words}'
    return None


def _head_noun(dc, at: int):
    """The head of the noun phrase right after a share's "of": the last common noun of the
    first run of nouns, past determiners, numbers and adjectives only ("of Abbey ward
    residents": "residents"; "of them in favour": none; "of entries to its register":
    "entries")."""
    run, end = [], at
    for w in (w for w in dc.words if w.start >= at):
        gap = re.findall(r"[\w'’-]+", dc.text[end - dc.start:w.start - dc.start])
        if any(g.lower() not in _DETERMINERS for g in gap) or w.start - at > NOUN_CHARS:
            break  # a pronoun, a preposition or a verb between: the phrase has ended
        if w.pos in ("NOUN", "PROPN"):
            run.append(w)
        elif run or w.pos not in ("ADJ", "NUM", "ADV"):
            break
        end = w.end
    nouns = [w for w in run if w.pos == "NOUN"]
    return nouns[-1] if nouns else None


def _sample_share(ctx, value: str, noun: str):
    """(source claim, sample words) for a source sentence giving the share ``value`` beside
    words of a sample, when none gives it of ``noun``; else None."""
    share = re.compile(rf"(?<![\d.]){re.escape(value)}\s*(?:%|per\s*cent\b|percent\b)", re.I)
    of_words = re.compile(share.pattern + r"\s+of\s+((?:[\w'’-]+\s*){1,%d})" % NOUN_WITHIN,
                          re.I)
    hit = None
    for sc in one_claim_a_sentence(ctx.index):
        if not share.search(sc.sentence):
            continue
        if any(noun in {key(w) for w in m.group(1).split()}
               for m in of_words.finditer(sc.sentence)):
            return None  # the source gives the share of that noun too
        for m in share.finditer(sc.sentence):
            sample = _sample_beside(sc.sentence, m)
            if sample and hit is None:
                hit = (sc, sample)
    return hit


# How a share points back at the sample named before it: "1,240 responses, of which 58%",
# "drew 600 replies, and 58% of them"
_OF_WHICH = re.compile(r"[\s,]*(?:and\s+)?of\s+which\s+(?:[a-z]+\s+){0,2}$", re.I)
_OF_THEM = re.compile(r"\s+of\s+(?:them|those|these)\b", re.I)
# Characters before a share within which a sample "of them" points back at is named
SAMPLE_BEFORE = 60
# Words of a share's "of" phrase read for a sample ("of the 600 people who responded")
OF_PHRASE_WORDS = 6


def _sample_beside(sentence: str, m) -> str:
    """The words of a sample that the share at ``m`` counts: named just before it and pointed
    back at ("responses, of which 58%", "replies, and 58% of them"), or in its "of" phrase
    ("58% of respondents", "of the 600 people who responded"); not a word of the sentence
    the share does not count ("In its reply to inspectors, ... 12% of patients"). '' when
    there is none."""
    start = max(0, m.start() - SAMPLE_BEFORE)
    for found in reversed(list(_SAMPLE.finditer(sentence[start:m.start()]))):
        gap = sentence[start + found.end():m.start()]
        if _OF_WHICH.fullmatch(gap) or _OF_THEM.match(sentence, m.end()):
            return found.group(0).lower()
    after = re.match(r"\s+of\s+((?:[\w'’-]+\s*){1,%d})" % OF_PHRASE_WORDS, sentence[m.end():])
    found = _SAMPLE.search(after.group(1)) if after else None
    return found.group(0).lower() if found else ""
