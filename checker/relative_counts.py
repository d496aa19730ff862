"""A count in a relative clause dropped for the whole (DS951, ``checker.rules.scope_changed``):
"Tenants of Mill Row, who draw heat from one boiler" where the source says "Tenants of Mill
Row, where four flats draw heat from one boiler": the clause that told of some is told
of all the residents."""

from __future__ import annotations

import re

from checker.claim_reading import one_claim_a_sentence
from checker.lexicon import shipped
from checker.numbers import number_values

# "Tenants of Mill Row, who draw heat from one boiler": the noun's last three words before
# the comma of a "who" clause, its verb and the words after it
_WHO = re.compile(r"((?:[\w'’-]+\s+){2}[\w'’-]+),\s+who\s+([a-z]+)((?:\s+[\w'’-]+){3,})",
                  re.I)
_APPROX = "|".join(sorted(map(re.escape, shipped("approximators")), key=len, reverse=True))
_OPENERS = "|".join(sorted((o.replace(" ", r"\s+") for o in shipped("place_clause_openers")),
                           key=len, reverse=True))
# words after the verb that must be the same, as written
SAME_WORDS = 3


def relative_count_dropped(ctx, dc):
    """(cue, source claim, what the source limits it to) when a "who" clause of the derived
    claim's sentence tells of the noun before it what a source sentence tells, after the
    same noun, of a count in a clause of place ("where four flats draw ...": a number, in
    figures or words, right after the opener, place_clause_openers.txt), the verb and the
    three words after it the same; else None. Known false positive: a source clause
    whose count is the whole (", where all four flats draw ...", which carries no number
    apart from the whole's)."""
    if any(o.sent_start == dc.sent_start and o.start < dc.start for o in ctx.derived_claims):
        return None  # once a sentence: the clause may stand in its frame ("Residents of X,
        # who ..., say ..."), outside every claim
    for m in _WHO.finditer(dc.sentence):
        noun, verb = m.group(1), m.group(2).lower()
        after = " ".join(re.findall(r"[\w'’-]+", m.group(3).lower())[:SAME_WORDS])
        # the same noun before the comma, a count right after the opener (not "where for
        # 30 years households have drawn"), the same verb and words after it
        found = re.compile(re.escape(noun).replace(r"\ ", r"\s+") + rf",\s+(?:{_OPENERS})\s+"
                           + rf"(?:(?:{_APPROX})\s+)?([\w,-]+)\s+(?:[\w'’-]+\s+){{0,2}}?"
                           + re.escape(verb) + r"\s+" + re.escape(after).replace(r"\ ", r"\s+")
                           + r"\b", re.I)
        for sc in one_claim_a_sentence(ctx.index):
            hit = found.search(sc.sentence)
            if hit is None or not number_values(hit.group(1)):
                continue
            at = sc.sent_start + hit.start()
            told = next((c for c in ctx.index.claims if c.doc_id == sc.doc_id
                         and c.start <= at < c.end), sc)  # the source clause itself
            clause = dc.sentence[m.start(2) - len("who "):m.end()].strip()
            return clause, told, f'"{hit.group(0)[len(noun):].lstrip(", ").strip()}"'
    return None
