"""What a claim asks rather than states: a modal inside what a "whether" asks or inside a
question a preposition makes a topic of, a source claim that a "whether" asks, and the close
source claim that asks firmly what a derived claim asks under a hedge. Read by DC210, DC201
and the hedge scope (``checker.tentative``, ``checker.rules.hedge_dropped``,
``checker.hedge_scope``)."""

from __future__ import annotations

import re

from checker.align import key
from checker.hedging import clause_end, cues


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
