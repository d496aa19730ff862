"""A hedge the derived claim drops by saying the same thing another way (DC201,
``rules/hedge_dropped.py``): a future frame as firm as "will" (``future_frame``), a
party's forecast stated as what will happen (``forecast_stated``), and a hedged claim
restated firmly in another verb (``restated_certain``)."""

from __future__ import annotations

import re

from checker.align import claim_keys, key
from checker.hedge_scope import believed
from checker.hedging import cue_word_in, cues, hedged_verb
from checker.polarity import has_negation

# The weakest hedge whose loss counts when the claim is restated in other words: "could",
# "may", "might", "possibly", not "can", "would", "appears" (a hedge on how it looks).
RESTATED_WEIGHT = 0.3


def future_frame(ctx, dc, verb: str = "") -> bool:
    """The claim states the verb (any verb when ``verb`` is empty) in a future frame ("is set
    to recommend", "is due to open": future_frames.txt), as firm as "will recommend"."""
    if not ctx.lexicon.has("future_frames", dc.predicate) or not dc.predicate_text:
        return False
    m = re.search(rf"\b{re.escape(dc.predicate_text)}\s+to\s+(\w+)", dc.text)
    return m is not None and (not verb or key(m.group(1).lower()) == verb)


def forecast_stated(ctx, dc, sc) -> str:
    """The source claim is its subject's forecast of the derived claim's deed ("the board
    expects the levy to raise 9 million": a judging verb, judging_verbs.txt, with "to" and
    the verb), which the derived claim states with no hedge or frame of its own ("the levy
    will raise 9 million"); the source's frame ("expects ... to"), else ''."""
    lex = ctx.lexicon
    if not lex.has("judging_verbs", sc.predicate) or cues(dc, lex) or believed(ctx, dc):
        return ""
    if dc.attribution is not None and lex.has("judging_verbs", dc.attribution.lemma):
        return ""
    if any(lex.has("account_nouns", w.lower().rstrip("s"))
           for w in re.findall(r"[A-Za-z]+", dc.sentence)):
        return ""  # "according to the company's forecast", "in the trust's view"
    verb = key(dc.predicate)
    if any(key(o.predicate) == verb and not cues(o, lex) and o is not sc
           and not lex.has("judging_verbs", o.predicate) for o in ctx.aligned(dc)):
        return ""  # the sources also state it came true ("It now supplies 40,000 homes")
    for w in sc.words:
        if w.pos == "VERB" and key(w.lemma) == verb and w.lemma != sc.predicate \
                and sc.text[max(0, w.start - sc.start - 3):w.start - sc.start] == "to ":
            return f"{sc.predicate_text} … to {w.text}"
    return ""


def restated_certain(ctx, dc, sc):
    """The source claim's hedge on its own verb ("The kennels could face a penalty as large
    as £8,000") when the derived claim states the same thing firmly in another verb ("the
    kennels will pay a fine of £8,000"): no hedge, negation or belief frame of its own; a
    future against a bare modal; three of its words besides its verb, two thirds of them, in
    the source claim up to its next link, one governed by the hedge (two, where they are all
    it has); None when another aligned source claim states those words with no hedge (the
    source may report it as come true)."""
    lex = ctx.lexicon
    if dc.unit_kind == "heading" or cues(dc, lex) or believed(ctx, dc) \
            or has_negation(dc, lex) != has_negation(sc, lex) \
            or lex.has("negative_verbs", dc.predicate):
        return None  # not "has ruled out asking" for "could ask"
    h = next((h for h in cues(sc, lex, attempts=False) if h.role == "hedge"
              and h.weight >= RESTATED_WEIGHT and hedged_verb(sc, h) == key(sc.predicate)
              and not lex.has("attribution_adverbs", h.text.lower())), None)
    if h is None or cue_word_in(h.text, dc.sentence):
        return None
    perfect = re.match(r"\s+have\b", sc.text[h.end - sc.start:]) is not None
    if not perfect and not (_states_future(lex, dc.text) or future_frame(ctx, dc)):
        return None  # "may buy tickets" (leave), "could reach it only by ferry" (ability),
        # "could bring down lines" then "knocked them out" (come true): a bare modal counts
        # against a future stated firmly only, "may have" against any tense
    mine = claim_keys(dc) - {key(dc.predicate)}
    theirs = claim_keys(sc)
    subject = {key(w.lemma) for w in sc.words if w.end <= h.start} & theirs
    stop = min((ln.start for ln in sc.links if ln.start >= h.end
                and key(ln.cue.split()[0]) != key(sc.predicate)), default=sc.end)
    # (not the hedged verb's own link: "may prompt lines to divert" hedges what it prompts)
    governed = {key(w.lemma) for w in sc.words if h.end <= w.start < stop} & theirs
    if len(subject) >= 2 and not mine & subject:
        return None  # another actor ("the loss of a generator may have triggered X")
    # the hedged claim up to its next link: "could lose access ... after talks stalled"
    # hedges the loss only
    shared = mine & (subject | governed)
    if len(shared) < 2 or len(shared) < 3 and shared != mine \
            or len(shared) < 2 / 3 * len(mine) or not shared & governed:
        return None  # two words will do when they are all the derived claim's ("a verdict
        # will be known by the spring" for "a verdict could take until the spring")
    if any(o is not sc and not cues(o, lex) and len(mine & claim_keys(o)) >= len(shared)
           for o in ctx.aligned(dc)):
        return None
    return h


def _states_future(lex, text: str) -> bool:
    """The text holds a future modal (future_modals.txt: "will", "shall", "they'll")."""
    low = text.lower().replace("’", "'")
    return any(re.search((r"" if w.startswith("'") else r"\b") + re.escape(w) + r"\b", low)
               for w in lex.words.get("future_modals", ()))
