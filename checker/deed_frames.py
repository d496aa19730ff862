"""Frames that make a derived claim tell a plan or a date, not a deed (DC203): an attempt or
a hedge on its own verb ("plans to secure"), a frame of a plan ("is meant to be replaced",
"Its aim is to open") and a calendar ("is pencilled in for 3 May") where a close source
sentence sets the date; and a plan the source names by its noun ("the firm's plan to
reopen", read by DC210)."""

from __future__ import annotations

import re

from checker.align import key
from checker.claim_reading import verb_at
from checker.hedging import IN_RELATIVE_ASIDE, close_support


def tentative(dc) -> bool:
    """An attempt or a hedge on the claim's own verb: one before it ("plans to secure"), not
    one in a clause after it ("has secured permission for a reservoir, which it says could
    supply 90,000 homes"), nor one in a relative aside on its subject set off by commas
    ("The board, which plans to hire a builder, has secured a grant")."""
    verb = next((w for w in dc.words if w.lemma == dc.predicate and w.pos in ("VERB", "AUX")),
                None)
    cues = dc.certainty.attempts + dc.certainty.hedges
    return any(verb is None or c.start < verb.start and not _in_aside(dc, c.start, verb.start)
               for c in cues)


def _in_aside(dc, at: int, verb: int) -> bool:
    """Offset ``at`` lies in a relative clause opened after a comma (", which ...") that a
    comma closes before offset ``verb``."""
    before, after = dc.text[:at - dc.start], dc.text[at - dc.start:verb - dc.start]
    return IN_RELATIVE_ASIDE.search(before) is not None and "," in after


def dated_in_source(ctx, dc) -> bool:
    """A close source sentence sets the date the derived claim puts on a calendar ("is
    expected to begin on", "a provisional date of": dating_words.txt), not only a wish
    ("hope to hold it in July")."""
    return any(ctx.lexicon.has("dating_words", w)
               for sc in close_support(ctx.support(dc))
               for w in re.findall(r"[a-z]+", sc.sentence.lower()))


def plan_frame(dc, lex) -> bool:
    """The claim's verb is a frame of a plan ("is meant to be replaced", "is supposed to
    open": plan_frames.txt), or its subject an intention ("Its aim is to open"): it tells
    the plan, not the deed."""
    at, verb = verb_at(dc), (dc.predicate_text or "").lower()
    return at >= 0 and lex.has("plan_frames", verb) and \
        dc.text[at + len(verb):].lstrip().lower().startswith("to ") or _intention_is(dc, lex)


# "Its plan is to repay buyers", "The aim was to reopen by May": an intention noun, then
# "is to" or "was to" and a verb.
_INTENTION_IS = re.compile(r"\b([a-z]+)\s+(?:is|was|remains)\s+to\s+[a-z]+", re.I)


def _intention_is(dc, lex) -> bool:
    """The claim names an intention as its subject and says what it is ("Its plan is to
    repay every buyer": intention_nouns.txt): the plan, not the deed."""
    for m in _INTENTION_IS.finditer(dc.sentence):
        start, end = dc.sent_start + m.start(), dc.sent_start + m.end()
        if lex.has("intention_nouns", m.group(1).lower()) and start < dc.end and end > dc.start:
            return True  # on this claim, not another clause of the sentence
    return False


def calendar_frame(dc, lex) -> bool:
    """The claim puts a thing on a calendar ("the inquest is pencilled in for 3 May":
    schedule_verbs.txt, passive with "for")."""
    at = verb_at(dc)
    if at < 0 or not lex.has("schedule_verbs", dc.predicate):
        return False
    after = dc.text[at + len(dc.predicate_text):].lstrip().lower()
    before = re.findall(r"[a-z']+", dc.text[:at].lower())
    if before and before[-1].endswith("ly"):
        before.pop()  # "is provisionally scheduled"
    return bool(before) and lex.has("be_forms", before[-1]) \
        and after.startswith(("for ", "in for "))


# "plan to reopen", "its bid to buy": an intention noun, "to" and a verb
_NOUN_TO = re.compile(r"\b([a-z]+?)s?\s+to\s+([a-z]+)\b", re.I)


# a subject that is a plan ("The proposal", "the council's plan", "Its draft plan")
_PLAN_SUBJECT = re.compile(r"^(?:the|its|their|his|her|this|that|a|an|[\w'’-]+['’]s?)\s+"
                           r"(?:[a-z-]+\s+){0,2}([a-z]+?)s?$", re.I)


def planned_as_noun(sc, verb_key: str, lex) -> bool:
    """The source claim names the act as a plan by a noun of intention right before it
    ("as doubts grow over the firm's plan to reopen the line", intention_nouns.txt) or as
    the subject that does it ("The proposal would combine the two schools"), or as an
    effort ("mounted a drive to keep the lido open", effort_nouns.txt): an attempt verb in
    the derived text ("plans to reopen", "wants to combine", "are trying to keep") restates
    it; an effort only where no verb that closes it stands right before its noun
    (effort_closers.txt: not "won their fight to keep"). Known false negatives: a plan told
    as an attempt ("its plan to sell" -> "is trying to sell") passes, and so does an effort
    the source says succeeded in another sentence ("The campaign succeeded in March")."""
    if any((lex.has("intention_nouns", m.group(1).lower())
            or lex.has("effort_nouns", m.group(1).lower()) and not _closed(sc, m.start(), lex))
           and key(m.group(2)) == verb_key for m in _NOUN_TO.finditer(sc.text)):
        return True
    head = _PLAN_SUBJECT.match(sc.subject.strip())
    return bool(head) and lex.has("intention_nouns", head.group(1).lower()) and any(
        w.pos == "VERB" and key(w.lemma) == verb_key
        and _WOULD.search(sc.sentence[:w.start - sc.sent_start]) for w in sc.words)
    # "The proposal would combine the two schools": the plan is the subject that would do
    # it (not "The plan shut the school last year")


_WOULD = re.compile(r"\b(?:would|will|could|shall|is\s+to|are\s+to)\b[^.;]*$", re.I)
CLOSER_REACH = 3  # words before an effort's noun where a verb closing it may stand


def _closed(sc, at: int, lex) -> bool:
    """A verb that closes an effort (effort_closers.txt) among the last few words before
    the effort's noun at offset ``at`` of the claim's text ("won their long fight")."""
    before = set(re.findall(r"[A-Za-z]+", sc.text[:at])[-CLOSER_REACH:])
    return any(w.pos == "VERB" and w.text in before and lex.has("effort_closers", w.lemma.lower())
               for w in sc.words)
