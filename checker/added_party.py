"""A claim the source makes of one named party, told of that party and another joined to it
by "both ... and" ("the passports of both A and B had been flagged" where the source says
"A's passport had been flagged"). Read by DS951 (scope-changed)."""

from __future__ import annotations

import re

from checker.align import claim_keys, key

# What may stand between two names joined into one set after "both": "both A and B", "both
# A's and B's".
_JOINED = re.compile(r"(?:['’]s)?\s*,?\s+and\s+$")
_NAME_WORD = re.compile(r"[A-Z][\w'’-]+")
# Content words the claim must share with the source claim besides the names.
SHARED = 2


def _joined_names(dc) -> list:
    """(first, second, the words from "both" to the second name) for each two names of the
    claim joined by "both ... and" (a bare "A and B" is often a list the source gives in
    other words: "the trust and the residents' group" for "Save X and Y Parish Council").
    """
    ents = sorted(dc.entities, key=lambda e: e.start)
    out = []
    for a, b in zip(ents, ents[1:]):
        between = dc.text[a.end - dc.start:b.start - dc.start]
        if _JOINED.fullmatch(between):
            before = dc.text[:a.start - dc.start].rstrip().lower()
            if before.endswith("both"):  # "both A and B": a set stressed as two
                out.append((a, b, "both " + dc.text[a.start - dc.start:b.end - dc.start]))
    return out


def _names_in(name: str, text: str) -> bool:
    """A capitalised word of the name stands in the text ("Bremmer's" for "Lukas
    Bremmer")."""
    words = {re.sub(r"['’]s?$", "", w) for w in re.findall(r"[\w'’-]+", text)}
    return any(w in words for w in _NAME_WORD.findall(name))


def added_party(ctx, dc):
    """(the joined names, source claim, what the source says) when the claim joins a second
    named party to the one its source claim on the same verb names, and no source claim on
    that verb names the second (the source says it of both elsewhere, "Sandrelli's was
    flagged too", and the claim is supported)."""
    pairs = _joined_names(dc)
    if not pairs:
        return None
    verb = key(dc.predicate)
    same_verb = [sc for sc in ctx.index.claims if key(sc.predicate) == verb]
    for a, b, joined in pairs:
        names = set(claim_keys(dc)) & {key(w.lower()) for w in _NAME_WORD.findall(joined)}
        if not _names_in(b.text, ctx.source_text) or any(_names_in(b.text, sc.sentence)
                                                       for sc in same_verb):
            continue  # a name the sources lack (DE401's), or one they give the same act
        for sc in ctx.aligned(dc):
            if key(sc.predicate) != verb or not _names_in(a.text, sc.sentence):
                continue
            if len(claim_keys(dc) & claim_keys(sc) - names) < SHARED:
                continue
            return joined, sc, f'"{a.text}"'
    return None
