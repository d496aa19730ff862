"""A link DL301 does not read: a fronted phrase of response ("Responding to the claims, ...")
before a clause that answers that same thing. Read by ``checker.rules.causal_link``."""

from __future__ import annotations

from checker.align import key
from checker.lexicon import shipped
from checker.link_support import CLAUSE_COMMA
from checker.word_patterns import LETTER_WORD

_RESPONSE_CUES = shipped("response_cues")


def answers_its_cause(ctx, dc, link) -> bool:
    """A fronted phrase of response ("Responding to X", "In answer to X": response_cues.txt)
    before a clause that does its act to X itself, by an object pronoun right after a verb
    or by X's own head noun ("..., she called them untrue", "..., the firm denied the
    claims"): answering a thing is a response to it by what it is, no link to state. Known
    miss: a response the source gives to another thing than the derived text names, told
    of the same thing."""
    if link.cue not in _RESPONSE_CUES:
        return False
    rest = ctx.derived.text[link.end:dc.sent_end]
    at = link.end + len(CLAUSE_COMMA.split(rest, 1)[0]) if CLAUSE_COMMA.search(rest) else link.end
    words = [(m.start() + at, m.group().lower())  # the sentence past the phrase (the claim
             for m in LETTER_WORD.finditer(ctx.derived.text[at:dc.sent_end])]  # may stop at
    # an apposition: "the manager, Rhoda Pell, called them")
    verbs = {w.end for c in ctx.derived_claims for w in c.words if w.pos == "VERB"}
    objects = {w for w in ctx.lexicon.entries("pronouns_thing") if w != "they"}  # ("they"
    # names the doers: "Responding to X, they said ...")
    cause = [w.lower() for w in LETTER_WORD.findall(link.right)]
    return any(w in objects and ctx.derived.text[:s].rstrip() and
               len(ctx.derived.text[:s].rstrip()) in verbs for s, w in words) or bool(
        cause and key(cause[-1]) in {key(w) for _s, w in words})
