"""DE401 entity-changed: a person, organisation, place or product the source does not name.

What it flags:
    A named entity of a derived claim that appears nowhere in the sources, when the aligned
    source claim names a different entity of the same type in its place.
Why it matters:
    Swapped names are the most common factual error of abstractive summaries.
Known false positives:
    Spelling variants and nicknames ("the Fed" for "the Federal Reserve"), and entities the
    statistical tagger labels inconsistently. A wider place than the source's is accepted
    when WordNet knows the one contains the other ("the U.K." for "London"); places it does
    not know are flagged.
Examples:
    Source: Shell sued BP over the pipeline contract.
    Flag: Shell sued Exxon over the pipeline contract.
    Okay: Shell sued BP over its pipeline contract.
"""

from __future__ import annotations

from checker.align import key
from checker.rules.base import Rule, evidence_of, make

CODE, NAME, KIND, SEVERITY = "DE401", "entity-changed", "entity-changed", "error"
PERSON = {"PERSON"}
CHECKED = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART"}


def known(norm: str, index, wn=None) -> bool:
    """True when the sources mention the entity (exactly, or every word of it), or, with
    WordNet, name a place inside it ("the U.K." when the source says "London")."""
    if not norm:
        return True
    if norm in index.entity_norms or norm in index.text_lower:
        return True
    words = [w for w in norm.replace("-", " ").split() if len(w) > 2]
    if words and all(key(w) in index.vocab for w in words):
        return True
    return wn is not None and wn.available and bool(wn.places(norm)) and any(
        wn.within(src, norm) for src in index.entity_norms)


def compatible(a: str, b: str) -> bool:
    return (a in PERSON) == (b in PERSON)


def _swapped_known(ctx, dc, ent, dnorms):
    """A finding when a name the source uses elsewhere replaces another in a closely aligned
    claim on the same verb ("chosen over Stanlow" where the source says "over Dunmore")."""
    al, sup = ctx.support(dc)
    if al.score < 0.6 or not sup:
        return None
    sc = sup[0]
    if key(sc.predicate) != key(dc.predicate):
        return None
    if any(ent.norm == se.norm or ent.norm in se.norm or se.norm in ent.norm
           for c in sup for se in c.entities):
        return None
    alt = next((se for se in sc.entities if se.label in CHECKED and compatible(se.label, ent.label)
                and se.norm not in dnorms and not any(se.norm in d or d in se.norm
                                                      for d in dnorms)), None)
    if alt is None:
        return None
    return make(RULE, dc, start=ent.start, end=ent.end, text=ent.text, confidence=0.6,
                evidence=[evidence_of(sc, start=alt.start, end=alt.end)],
                message=(f'Names "{ent.text}" where the source says "{alt.text}": '
                         f'"{sc.text[:70]}".'),
                suggestion=f'Check the name: the source has "{alt.text}" here.')


def unknown_entities(ctx) -> list:
    """(derived claim, entity, source claim, counterpart entity or None) for every derived
    name the sources never mention; the counterpart is an aligned name of a compatible type."""
    out = []
    wn = ctx.wordnet
    for dc in ctx.derived_claims:
        dnorms = {e.norm for e in dc.entities}
        for ent in dc.entities:
            if ent.label not in CHECKED or known(ent.norm, ctx.index, wn):
                continue
            found = next(((sc, se) for sc in ctx.aligned(dc, threshold=0.3) for se in sc.entities
                          if compatible(se.label, ent.label) and se.norm not in dnorms
                          and se.label in CHECKED), (None, None))
            out.append((dc, ent, *found))
    return out


def check(ctx):
    """Yield a finding for each unknown entity standing where the source has another."""
    for dc in ctx.derived_claims:
        dnorms = {e.norm for e in dc.entities}
        for ent in dc.entities:
            if ent.label in CHECKED and known(ent.norm, ctx.index):
                swapped = _swapped_known(ctx, dc, ent, dnorms)
                if swapped is not None:
                    yield swapped
    for dc, ent, sc, alt in ctx.memo("unknown-entities", unknown_entities):
        if alt is None:
            continue  # an entity with no counterpart is unsupported content (DU802)
        yield make(RULE, dc, start=ent.start, end=ent.end, text=ent.text, confidence=0.7,
                   evidence=[evidence_of(sc, start=alt.start, end=alt.end)],
                   message=(f'Names "{ent.text}", who is not in the source; the source '
                            f'says "{alt.text}" here: "{sc.text[:70]}".'),
                   suggestion=f'Check the name: the source has "{alt.text}".')


RULE = Rule(CODE, NAME, KIND, SEVERITY, "entity not in the source replaces one", check, __doc__)
