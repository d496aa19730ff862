"""Whether an attributed source claim is a body's word on its own business: a council, an
authority, a company, a board or a league telling its timetable, counts or acts, which a
summary states as fact (DA101 asks no credit for it).

Read by ``checker.on_record``.
"""

from __future__ import annotations

import re

from checker.numbers import is_number_word
from checker.source_phrase import core

# An account that reached an outlet, not one the body gave: "a report seen by the Courier"
_PASSED_ON = re.compile(r"\b(?:seen|obtained|leaked|shown|reviewed)\b", re.I)
_HEAD_ROLES = ("state_bodies", "corporate_nouns", "business_heads")
# A passive still to come ("are to be withdrawn", "will be closed") is an announcement the
# body makes, and one with its agent ("damaged by the council's dredging") tells a deed of
# that agent: both keep the credit
_PLANNED_OR_BY = re.compile(r"\b(?:to|will|would)\s+be\s+\w+"
                            r"|\b(?:was|were|been|be)\s+\w+(?:ed|en)\s+by\b", re.I)
# What a body says that stays its case: a judgement, a challenge, an answer, a finding
_CASE_ROLES = ("judging_verbs", "challenges", "answer_verbs", "finding_verbs")


def own_business(ctx, sc) -> bool:
    """The speaker is a body by its name's last word (state_bodies.txt, corporate_nouns.txt,
    business_heads.txt; not a union, a campaign or an outlet), given by name or by kind,
    with no count of people ("two officials") and no outlet that saw it; and the claim tells the body's business plainly: no negation, no
    hedge (a forecast stays the body's), no cause, no judgement, challenge, answer or
    finding as its verb, no passive still to come or with its agent, and no other named party
    in its subject ("Calder Foods broke the rules, the council said" is a charge). Known
    false positives: a body's account of its own conduct that the story disputes in a
    sentence the claim does not reach; a company's claim of its own success ("the firm said
    sales were at a record")."""
    attr, lex = sc.attribution, ctx.lexicon
    speaker = core(attr.source)
    words = re.findall(r"[a-z]+", speaker.lower())
    if not words or _PASSED_ON.search(attr.source) or any(w.isdigit() for w in words) \
            or not any(lex.has(role, words[-1]) for role in _HEAD_ROLES) \
            or any(lex.has("outlet_heads", w) for w in words) \
            or is_number_word(words[0]):
        return False
    if sc.negated or sc.certainty.hedges or any(link.kind == "causal" for link in sc.links) \
            or any(lex.has(role, sc.predicate) for role in _CASE_ROLES) \
            or _PLANNED_OR_BY.search(sc.text[len(sc.subject):]):
        return False
    mine = set(re.findall(r"[a-z]+", attr.source.lower()))
    end = sc.start + len(sc.subject)
    return not any(e.label in ("ORG", "PERSON") and e.start < end
                   and not set(re.findall(r"[a-z]+", e.text.lower())) <= mine
                   for e in sc.entities)
