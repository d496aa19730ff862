"""A deed the source tells as done, told as only weighed: the derived claim's own verb is a
verb of deliberation ("is weighing a loan of £4,000": attempts.txt, the weight of
``DELIBERATION`` or more) with the object the source's firm verb takes ("has approved a loan
of £4,000"). Read by DC210 (``checker.rules.certainty_lowered``)."""

from __future__ import annotations

from checker.align import claim_keys, key, text_keys
from checker.hedging import close_support, cues
from checker.sought import subject_keys

# An attempt of this weight or more is a deliberation, not a plan (attempts.txt: "is
# considering", "is proposing to"): against a plain future or a deed done it is lowered
DELIBERATION = 0.45


def deliberated_deed(ctx, dc):
    """The close source claim that states firmly, with another verb, the deed the derived
    claim gives as weighed: the derived verb one of deliberation with a noun object and no
    verb after it ("is weighing a loan of £4,000", not "is considering whether to" nor
    "considering closing"), the source claim's verb one of a decision carried out
    (decided_deeds.txt: "approved", "awarded"; not "received an application", after which
    weighing is the next step), unhedged and of the same polarity, sharing the subject's
    noun and every content word of the object, two at least (a figure counts). None when a
    source claim weighs that object too. Known false positive: a second deed of the same
    object the party weighs ("has approved a loan and is weighing a loan" of another
    year)."""
    lex = ctx.lexicon
    weight = lex.weight("attempts", dc.predicate.lower(), 0.0)
    if weight < DELIBERATION or dc.negated or not dc.object or cues(dc, lex, attempts=False):
        return None
    obj = text_keys(dc.object) & claim_keys(dc)
    at = dc.text.find(dc.object)
    if len(obj) < 2 or at < 0 or any(w.pos == "VERB" for w in dc.words
                                     if w.start >= dc.start + at):
        return None
    mine = subject_keys(dc)
    for sc in close_support(ctx.support(dc)):
        theirs = claim_keys(sc)
        if sc.negated or cues(sc, lex) or not lex.has("decided_deeds", sc.predicate) \
                or not obj <= theirs or not (mine and mine & subject_keys(sc)):
            continue
        head = key(dc.object.split()[-1]) if dc.object.split() else ""
        if any(obj <= claim_keys(o) or head in claim_keys(o) for o in ctx.index.claims
               if any(lex.weight("attempts", w.lemma.lower(), 0.0) >= DELIBERATION
                      for w in o.words)):
            return None  # the source weighs it too, in any verb of deliberation, also in a
            # relative clause ("a further loan, which councillors are considering")
        return sc
    return None
