"""A link DL301 does not read: a fronted phrase of response ("Responding to the claims, ...")
before a clause that answers that same thing. Read by ``checker.rules.causal_link``."""

from __future__ import annotations

from checker.align import key
from checker.claim_reading import head_word
from checker.lexicon import shipped
from checker.link_support import CLAUSE_COMMA
from checker.word_patterns import LETTER_WORD

_RESPONSE_CUES = shipped("response_cues")


def answers_its_cause(ctx, dc, link) -> bool:
    """A fronted phrase of response ("Responding to X", "In answer to X": response_cues.txt)
    before a clause that does its act to X itself, by an object pronoun right after its
    first verb or by X's own head noun ("..., she called them untrue", "..., the firm denied the
    claims"): answering a thing is a response to it by what it is, no link to state. Known
    miss: a response the source gives to another thing than the derived text names, told
    of the same thing."""
    if link.cue not in _RESPONSE_CUES:
        return False
    rest = ctx.derived.text[link.end:dc.sent_end]
    at = link.end + len(CLAUSE_COMMA.split(rest, 1)[0]) if CLAUSE_COMMA.search(rest) else link.end
    words = [(m.start() + at, m.end() + at, m.group().lower())  # the sentence past the
             for m in LETTER_WORD.finditer(ctx.derived.text[at:dc.sent_end])]  # phrase (the
    # claim may stop at an apposition: "the manager, Rhoda Pell, called them")
    verb_ends = sorted(w.end for c in ctx.derived_claims for w in c.words
                       if w.pos == "VERB" and at <= w.start < dc.sent_end)
    objects = {w for w in ctx.lexicon.entries("pronouns_thing") if w != "they"}  # ("they"
    # names the doers: "Responding to X, they said ...")
    after = [w for s, _e, w in words if verb_ends and s > verb_ends[0]
             and not ctx.lexicon.has("determiners", w)]
    first_object = after[0] if after else ""  # the word right after the clause's first verb,
    # past an article or a possessive: "called them", "denied the claims", not "hired staff
    # to cover it" nor "promised to look again at how shortfalls are logged"
    head = head_word(CLAUSE_COMMA.split(rest, 1)[0], ctx.lexicon)  # the phrase after the cue
    return first_object in objects or bool(head) and bool(first_object) \
        and key(head) == key(first_object)
