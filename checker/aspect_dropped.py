"""DS951's reading of a verdict widened from one aspect of a party to the party: the source
rates, grades or judges a thing a possessive ties to a party ("graded the trust's care of
its patients 'poor'": rating_verbs.txt) and the derived claim gives the same verdict, on the
same verb, to the party itself ("graded Wendham Trust 'poor'"), naming neither the
aspect's noun nor any other thing.

Known false positives: a source that gives the same verdict to the whole party in another
passage the aligner did not pair. Missed: an aspect told by a prepositional phrase ("rated
inadequate on call handling" kept or dropped), and a party rated on two aspects alike."""

from __future__ import annotations

import re

from checker.align import claim_keys, key
from checker.hedging import close_support

# "the trust's care of ...", "Harwick Council's response to ...": a possessor, then the
# thing of it
_POSSESSIVE = re.compile(r"^(?:the\s+|its\s+|their\s+)?((?:[\w-]+\s+){0,3}?[\w-]+)['’]s?\s+\S")


def aspect_dropped(ctx, dc):
    """(derived object, source claim, quoted source object) when the derived claim gives a
    verdict to the party whose aspect the source claim rated; else None."""
    lex = ctx.lexicon
    if not lex.has("rating_verbs", dc.predicate) or not dc.object:
        return None
    mine = claim_keys(dc)
    for sc in close_support(ctx.support(dc)):
        if key(sc.predicate) != key(dc.predicate) or sc.negated != dc.negated \
                or not sc.object or not _POSSESSIVE.match(sc.object):
            continue
        cut = sc.start + sc.text.find(sc.object) + _POSSESSIVE.match(sc.object).end(1)
        aspect = next((w for w in sc.words if w.start > cut and w.pos == "NOUN"), None)
        if aspect is None or key(aspect.lemma) in mine:
            continue  # the derived claim keeps the aspect ("its handling of calls")
        owner = {key(w.lemma) for w in sc.words if w.start < cut}  # (and the subject's words)
        at = dc.text.find(dc.object)
        things = [w for w in dc.words if w.pos == "NOUN" and key(w.lemma) not in owner
                  and at <= w.start - dc.start < at + len(dc.object.split(",")[0])]
        if things:
            continue  # the derived object names a thing of its own: not the party alone
        verdict = (mine & claim_keys(sc)) - {key(dc.predicate)} - owner
        if not verdict or not _verdict_after(dc, verdict) or not _verdict_after(sc, verdict):
            continue
        return dc.object.split(",")[0].strip(), sc, f'"{sc.object.split(",")[0].strip()}"'
    return None


def _verdict_after(claim, verdict: set) -> bool:
    """A word of the shared verdict stands in or after the claim's object ("... 'inadequate'"),
    not only in its subject."""
    at = claim.start + max(claim.text.find(claim.object or ""), 0)
    return any(w.start >= at and key(w.lemma) in verdict for w in claim.words)
