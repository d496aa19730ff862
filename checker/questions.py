"""What a claim asks rather than states: a modal inside what a "whether" asks or inside a
question a preposition makes a topic of, a source claim that a "whether" asks, and the close
source claim that asks firmly what a derived claim asks under a hedge. Read by DC210, DC201
and the hedge scope (``checker.tentative``, ``checker.rules.hedge_dropped``,
``checker.hedge_scope``)."""

from __future__ import annotations

import re

from checker.align import claim_keys, key
from checker.figure_match import shared_figures
from checker.hedging import clause_end, cues
from checker.lexicon import shipped
from checker.sought import subject_keys


def in_question(claim, at: int) -> bool:
    """The word at offset ``at`` is inside what a "whether" of its claim asks, in the same
    clause ("will decide whether the club should merge"): a modal there is the question's,
    not a doubt about the claim."""
    return re.search(r"\bwhether\b[^,;:]*$", claim.text[:max(0, at - claim.start)],
                     re.I) is not None


# prepositions that make a question a topic ("a row over who should pay", "advice on how")
TOPIC_PREPOSITIONS = r"over|about|on|of|into|as to"


def in_wh_question(claim, at: int) -> bool:
    """The word at offset ``at`` is inside a question a preposition makes a topic of ("a
    dispute over who should mend the sluice", "advice on how it might appeal"): a modal there
    is the question's, not a doubt about a deed."""
    return re.search(rf"\b(?:{TOPIC_PREPOSITIONS})\s+(?:who|what|how|where|when)\b[^,;:]*$",
                     claim.text[:max(0, at - claim.start)], re.I) is not None
    # (not "which": "three of which could close", "on which 200 homes could be built" open
    # relative clauses, whose modal is a hedge)


def asked_whether(sc) -> bool:
    """The source claim is what a "whether" asks ("examining whether a faulty valve failed"):
    the word stands in the claim or right before it in its sentence, not in another clause
    ("It is unclear whether X, but the regulator found that Y" leaves Y firm)."""
    return re.search(r"\bwhether\b", sc.text.lower()) is not None or whether_before(sc)


def whether_before(claim) -> bool:
    """A "whether" stands right before the claim in its sentence, three words at most away
    ("examining whether a faulty valve failed", the claim "a faulty valve failed")."""
    before = claim.sentence[:max(0, claim.start - claim.sent_start)].lower()
    return re.search(r"\bwhether\s+(?:\S+\s+){0,3}$", before) is not None


_WHETHER = re.compile(r"\bwhether\b")


def hedged_asking(ctx, dc, h, close):
    """The close source claim that asks firmly what the derived claim asks under a hedge
    ("will examine whether the plan met its duties" -> "might look into whether the plan
    met its duties"): the hedge's clause runs past the derived claim's "whether", the
    source claim asks "whether" with no hedge before it, and three content words after
    each "whether" are shared; else None."""
    m = _WHETHER.search(dc.text.lower(), h.end - dc.start)
    if h.role != "hedge" or m is None or clause_end(dc, h.end) <= dc.start + m.start():
        return None
    asked = {key(w.lemma) for w in dc.words if w.start > dc.start + m.start()}
    for sc in close:
        theirs = _WHETHER.search(sc.text.lower())
        if theirs is None or sc.negated != dc.negated or any(
                c.weight >= 0.2 and c.start < sc.start + theirs.start()
                for c in cues(sc, ctx.lexicon)):
            continue
        if len(asked & {key(w.lemma) for w in sc.words
                        if w.start > sc.start + theirs.start()}) >= 3:
            return sc
    return None


# a condition that keeps a deed open ("if the council refuses", "provided it agrees":
# open_conditions.txt)
CONDITION = re.compile(r"\b(?:%s)\b" % "|".join(
    sorted((c.replace(" ", r"\s+") for c in shipped("open_conditions")), key=len, reverse=True)),
    re.I)
# a word before "whether" that tells the decision is still to come (pending_marks.txt)
_PENDING = re.compile(r"(?<![\w'])(?:%s)\b" % "|".join(
    sorted(map(re.escape, shipped("pending_marks")), key=len, reverse=True)), re.I)
# "whether to buy", "whether or not to buy", "whether it should buy", "whether the council
# would buy": the deed a pending decision asks about (group 1)
_WHO = "|".join(sorted(shipped("pronouns_subject")))
# modals that ask what a party will do (auxiliaries.txt less those of tense: "whether it
# had sold" asks what was done)
_MODALS = "|".join(sorted(shipped("auxiliaries") - {"do", "does", "did", "has", "have", "had"}))
_WHETHER_DEED = re.compile(rf"\bwhether\s+(?:or\s+not\s+)?(?:to\s+|(?:{_WHO}|the\s+[a-z]+)\s+"
                           rf"(?:{_MODALS})\s+)([a-z]+)", re.I)


def decision_answered(ctx, dc):
    """The source claim whose decision the derived claim states as taken: the source asks
    whether a party will do a deed ("has yet to settle whether to lease the quarry at a
    meeting in May"), the derived claim states the deed as its own verb, unhedged and
    unasked ("will lease the quarry at a meeting in May"), with a noun of its subject among
    the source's words before the "whether" (the party deciding, not a party of another
    clause), sharing two or more other words or figures with it, and no source claim states
    that deed firmly; the decision told as still to come before its "whether"
    (pending_marks.txt: "will", "expected", "yet"; not "met on Tuesday to decide whether"),
    with no condition in the derived sentence (open_conditions.txt). Returns (source claim,
    the words "whether ... deed") or None. Known false positive: a decision the story
    reports taken in words that share too little with the derived claim to count as its
    telling; a deed told of the same party in a relative clause of another sentence."""
    lex = ctx.lexicon
    if dc.negated or cues(dc, lex) or "whether" in dc.sentence.lower() \
            or CONDITION.search(dc.sentence):
        return None  # (nor "If councillors agree, the council will buy it", "subject to a
        # vote": the decision kept open)
    verb = key(dc.predicate)
    mine = claim_keys(dc) - {verb}
    for sc in ctx.support(dc)[1][:3]:
        if sc.negated:
            continue
        m = next((m for m in _WHETHER_DEED.finditer(sc.text) if any(
            w.start == sc.start + m.start(1) and key(w.lemma) == verb for w in sc.words)), None)
        if m is None or len(mine & claim_keys(sc)) + shared_figures(dc, sc) < 2 \
                or not subject_keys(dc) & {key(w.lemma) for w in sc.words
                                           if w.start < sc.start + m.start()} \
                or not _PENDING.search(sc.sentence[:sc.start - sc.sent_start + m.start()]):
            continue  # (not "met on Tuesday to decide whether": taken since, perhaps)
        if any(key(o.predicate) == verb and not o.negated and not cues(o, lex)
               and not asked_whether(o) and len(mine & claim_keys(o)) >= 2
               for o in ctx.index.claims):
            return None  # the deed stated firmly elsewhere: the decision was taken
        return sc, m.group(0)
    return None

