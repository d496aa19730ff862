"""A thing listed as found or done that a source claim of the same verb says was not: "found
damp, loose tiles and cracked joists" where the source says "the surveyors had not found
any cracked joists". Read by DG601 (``checker.rules.negation_flipped``) beside the
flips of ``checker.polarity_flips``."""

from __future__ import annotations

import re

from checker.align import key
from checker.claim_reading import evidence_of, snippet
from checker.lexicon import shipped

# the determiners a negated object opens with ("any cracked joists", "a single fault")
_OPENER = re.compile(r"^(?:any|a|an|the|its|their|his|her|single)\s+", re.I)
# a negation in a listed item's own words, before it ("no service record"): item_negators.txt
_ITEM_NEGATED = re.compile(r"\b(?:%s)\b" % "|".join(sorted(shipped("item_negators"))), re.I)
MIN_WORDS = 2  # of the negated thing: one word ("faults") is too common to pin a list item


def listed_denied(ctx, dc):
    """The finding's fields when the derived sentence's words after the claim's verb list a
    thing of two words or more ("cracked joists") that a source claim of the same verb,
    whose subject has the same head noun, negates ("had not found any cracked joists"):
    the thing an item of a list in the verb's own clause (no verb, semicolon, "but" or
    "though" between the verb and it, no negation in its own item or spread to it by "or",
    and none in the words after it), and no source claim stating it without a negation, in
    any verb. Known false positive: a list
    after the verb of another clause of the sentence that the parse missed. Known false
    negatives: the thing reworded ("split joists") or counted ("a single cracked joist"), or
    first in the list; a source that gives the subject by a pronoun ("They did not find
    ...")."""
    if not dc.predicate or not dc.predicate_text:
        return None
    at = dc.text.lower().find(dc.predicate_text.lower())
    if at < 0:
        return None
    at += dc.start - dc.sent_start  # the list may run past the claim the parse drew
    after = dc.sentence[at + len(dc.predicate_text):]
    low = after.lower()
    verbs = None  # where the sentence's verbs stand after the claim's, read when needed
    mine = _head(dc.subject)
    for sc in ctx.index.claims:
        if not sc.negated or key(sc.predicate) != key(dc.predicate) or not mine \
                or _head(sc.subject) != mine:
            continue
        thing = " ".join(sc.object.split()).rstrip(" .,").lower()
        while _OPENER.match(thing):
            thing = _OPENER.sub("", thing, count=1)
        if len(thing.split()) < MIN_WORDS or ctx.lexicon.has("prepositions", thing.split()[0]):
            continue  # (a thing, not a place or a time: "at low water")
        pos = re.search(rf"(?<![\w-]){re.escape(thing)}(?![\w-])", low)
        if pos is None:
            continue
        between, beyond = low[:pos.start()], low[pos.end():pos.end() + 40]
        if verbs is None:
            verbs = [w.start - dc.sent_start - at - len(dc.predicate_text)
                     for c in ctx.derived_claims if c.sent_start == dc.sent_start
                     for w in c.words if w.pos in ("VERB", "AUX")]
        item = _SEPARATOR.split(between)[-1]
        spread = re.search(r"(?:\bor|\bnor)\s+$", between) and _ITEM_NEGATED.search(between)
        if _CLAUSE_END.search(between) or any(0 <= v < pos.start() for v in verbs) \
                or _ITEM_NEGATED.search(item) or spread \
                or _ITEM_NEGATED.search(" ".join(beyond.split()[:4])):
            continue  # ("but no cracked joists", "no loose tiles or cracked joists", "and
            # ruled out cracked joists", "cracked joists were absent"; not "no record,
            # damp and cracked joists", whose "no" is the first item's)
        if not _SEPARATOR.search(between):
            continue  # a list it ends or goes on, not the thing alone or first, which
            # DG601's other readers compare
        if any(not o.negated and thing in o.text.lower() for o in ctx.index.claims):
            continue  # a source tells it found or had, in some verb
        start = dc.sent_start + at + len(dc.predicate_text) + pos.start()
        if any(q.start <= start < q.end for c in ctx.derived_claims for q in c.quotes):
            continue  # the speaker's own words, which DQ701 compares
        return dict(start=start, end=start + len(thing),
                    text=after[pos.start():pos.end()],
                    confidence=0.65, evidence=[evidence_of(sc)],
                    message=(f'Lists "{thing}" as {dc.predicate_text}, where the source says '
                             f'it was not: "{snippet(sc.text, 80)}".'),
                    suggestion=f'Drop "{thing}" from the list, or say it was not '
                               f'{dc.predicate_text}.')
    return None


# what ends the verb's own clause before a listed thing
_CLAUSE_END = re.compile(r";|\.|\b(?:but|though|although|while|whereas|whether)\b")
_SEPARATOR = re.compile(r",|\band\b|\bor\b|\bas well as\b|\bincluding\b")
_SUBJECT_END = re.compile(r",|\b(?:who|which|that|of|at|in|on|from|with|for)\b", re.I)


def _head(subject: str) -> str:
    """The key of a subject's head noun: its last word before a relative clause or a
    preposition ("surveyors who inspected the hall": surveyor)."""
    words = re.findall(r"[A-Za-z][\w'’-]*", _SUBJECT_END.split(subject, 1)[0])
    return key(words[-1].lower()) if words else ""
