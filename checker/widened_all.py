"""An "all", "every" or "any" in a derived claim that widens a noun its source limits,
counts or qualifies ("all of the depots" for "two of the six depots"), for DS951
(``checker.rules.scope_changed``), whose docstring gives what is and is not flagged."""

from __future__ import annotations

import re

from checker.align import claim_keys, key, text_keys
from checker.part_of import (GENERIC_KEYS, limited_elsewhere, of_them, part_of_count,
                             part_of_them, part_of_them_after, same_count, whole_count,
                             whole_word)
from checker.quantified import count_of, cue_noun, floated_noun, noun_after
from checker.quantified_limits import bound_kept, excluded_part, one_of_them, qualified
from checker.widened import told_beside
from checker.word_patterns import WORD_TOKEN as _WORDS


def widened_quantifier(ctx, dc):
    """(cue text, source claim, source cue text) when "every"/"all" widens a limited noun."""
    for cue in dc.scope:
        if cue.role != "all" or cue.text.lower() == "any" and not (
                _negated_before(dc, cue) and not dc.certainty.attempts):
            continue  # "any" lives in negations and attempts ("trying to stop any sale");
            # under a negated verb it is "all" ("told not to file any fresh claims")
        if told_beside(ctx, dc, cue.start, 2):
            continue  # "across all centres" where the source's next sentence says it
        said = _said_of_all(ctx, dc, cue)  # what the claim says of all of them, when a
        # source says something of all of them too
        if of_them(dc, cue, ctx.lexicon):
            part = part_of_them(ctx, dc, said)
            if part is not None:
                return cue.text, *part
            continue
        if floated_noun(dc, cue) is not None:
            part = part_of_them(ctx, dc, said)  # "they have all signed" as "all of them"
            if part is not None:
                return cue.text, *part
        # a floated "all" ("the farms have all signed") takes the noun before it, and, as
        # its words may say, the one after it ("all signed the agreements")
        for noun in dict.fromkeys(n for n in (cue_noun(dc, cue), noun_after(dc, cue)) if n):
            found = _widened_noun(ctx, dc, cue, noun, said)
            if found is not None:
                return found or None
    return None


def _said_of_all(ctx, dc, cue) -> str:
    """The derived words after "all" when some source claim says "all" or "every" of a group
    and shares a content word with them ("All the beds were refurbished" beside "60 beds,
    all refurbished"): then a part the source names ("18 of which are kept for children")
    limits "all" only for what that part says; '' otherwise, when any part limits it."""
    said = dc.text[cue.end - dc.start:]
    words = text_keys(said) - GENERIC_KEYS
    return said if any(c.role == "all" and words & claim_keys(sc) for sc in ctx.index.claims
                       for c in sc.scope) else ""


def _negated_before(dc, cue) -> bool:
    """The claim's verb, or a verb of it before the cue, is negated by "not" or "never"
    ("told not to file any"; not "logged ... without any note")."""
    return dc.negated or any(w.lemma in dc.negated_words and w.pos == "VERB"
                             and w.start < cue.start and _NOT_BEFORE.search(
                                 dc.text[:w.start - dc.start]) for w in dc.words)


_NOT_BEFORE = re.compile(r"\b(?:not|never|n't)\s+(?:to\s+)?$", re.I)


def _widened_noun(ctx, dc, cue, noun, said: str = ""):
    """(cue text, source claim, source limit) when "all"/"every" on ``noun`` widens what an
    aligned source claim limits, counts or qualifies, or what a passage elsewhere limits;
    () when a source claim says "all" of it too; None otherwise. ``said``: what the claim
    says of all of them, when a source says "all" of the group too (``_said_of_all``)."""
    dkeys = claim_keys(dc) | {noun}  # (a floated "all" takes a noun before the claim)
    aligned = ctx.aligned(dc, threshold=0.3)
    for sc in aligned:
        shared = len(dkeys & claim_keys(sc))
        if shared < 3 and not (shared == 2 and key(sc.predicate) == key(dc.predicate)):
            continue  # a short claim on the same verb ("all footpaths will be closed")
        if noun not in claim_keys(sc):
            # another noun: only a limit the source puts on the same verb counts
            only = next((c for c in sc.scope if c.role == "one" and c.text.lower() == "only"),
                        None)
            if only is not None and key(sc.predicate) == key(dc.predicate):
                return cue.text, sc, f'"{only.text}"'
            part = _part_named(ctx, dc, sc, noun, cue)
            if part:
                return cue.text, sc, f'"{part}"'
            continue
        roles = {c.role: c for c in sc.scope if cue_noun(sc, c) == noun}
        if "all" in roles:
            return ()  # the source says "all" of it too: no widening by any cue
        limit = roles.get("some") or roles.get("one")
        if limit is not None:
            return cue.text, sc, f'"{limit.text}"'
        if bound_kept(sc, dc, noun):
            continue  # "all lorries over twelve tonnes" for "lorries over 12 tonnes"
        counted = count_of(sc, noun)
        part = part_of_them_after(sc, counted, ctx.lexicon,
                                  said) if counted else ""
        if part:
            return cue.text, sc, f'"{part}"'
        if counted is not None and same_count(count_of(dc, noun), counted) \
                and whole_count(sc, counted):
            continue  # "all 14 schools" for "none of the 14 schools": the whole of them
        counted = counted or qualified(sc, dc, noun, ctx.lexicon) \
            or one_of_them(sc, dc, noun, cue, ctx.lexicon) or excluded_part(sc, dc, noun) or None
        if counted is not None:
            return cue.text, sc, f'"{counted}"'
    limited = limited_elsewhere(ctx, dc, noun, dkeys, aligned) \
        or part_of_count(ctx, dc, noun, dkeys)
    if limited is not None:
        return cue.text, *limited
    return None


def _part_named(ctx, dc, sc, noun, cue) -> str:
    """The words the source claim on the same verb has where the derived claim says "all"
    of another noun ("closed the west wing's two lifts" for "closed all of the
    hospital's lifts"; the verb of the derived clause "all" stands in, compared with that
    clause's words: "placed an order that bars all work near the pier" for "the order bars
    diving and mooring near the pier"): the source says nothing of all of anything in the
    claim, the noun
    stands in no source claim on that verb, and the claim's other words are the source's.
    Known false positive: a noun that names the same things as the source's in other words
    ("all the staff" for "every employee", when the source's "every" is missing)."""
    lemmas = {w.lemma.lower() for w in dc.words if key(w.lemma) == noun}  # the noun's word
    if cue.text.lower() not in ("all", "every", "entire", "whole") \
            or any(q.start <= cue.start < q.end for q in dc.quotes) \
            or any(ctx.lexicon.has(role, lem) for lem in lemmas
                   for role in ("durations", "day_parts")):
        return ""  # not "each", a speaker's words, nor a span of time ("all week", "all night")
    if any(c.role == "all" for c in sc.scope) \
            or any(whole_word(w.lower()) for w in _WORDS.findall(sc.text)):
        return ""
    verb = key(sc.predicate)
    if verb == key(dc.predicate):
        rest = claim_keys(dc) - {noun}
    else:  # the verb of the clause "all" stands in ("placed an order that bars all work")
        rest = _clause_keys(dc, cue, verb) - {noun}
        if not rest:
            return ""
    if any(noun in claim_keys(o) for o in ctx.index.claims if key(o.predicate) == verb):
        return ""
    if len(rest & claim_keys(sc)) < 3 or len(rest & claim_keys(sc)) < 0.7 * len(rest):
        return ""
    extra = claim_keys(sc) - claim_keys(dc)
    words = [w for w in sc.words if key(w.lemma) in extra and w.pos in ("NOUN", "PROPN")]
    if not words:
        return ""
    span = sc.text[words[0].start - sc.start:words[-1].end - sc.start]
    return span if len(span.split()) <= 6 else words[0].text  # the source's words for it


def _clause_keys(dc, cue, verb: str) -> set:
    """The keys of the derived claim's words from its last verb before the cue on, when
    that verb is ``verb`` (a relative clause of the claim: "placed an order that *bars all
    work* near the pier"); else none."""
    before = [w for w in dc.words if w.end <= cue.start and w.pos == "VERB"]
    if not before or key(before[-1].lemma) != verb:
        return set()
    return {key(w.lemma) for w in dc.words if w.start >= before[-1].start}
