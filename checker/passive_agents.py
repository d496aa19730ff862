"""The doer of a deed moved in the passive (DE403, ``checker.rules.actor_changed``): "A loan
of £9,000 was approved by the Quay Guild" where the source says "Dunfold Town Council
approved a loan of £9,000": the derived text names another party after "by"
than the one the source's active claim has as its subject."""

from __future__ import annotations

import re

from checker.actors import passive_verb
from checker.align import key
from checker.hedging import close_support
from checker.names import norm_name
from checker.same_source import same_source
from checker.source_phrase import NAME_RUN_RE, has_name

# "on behalf of the council": the doer acted for a body the summary may name
_ON_BEHALF = re.compile(r"\bon\s+behalf\s+of\b", re.I)
# "by the Dunfold Quay Guild": the agent's name after "by"
_BY_NAME = re.compile(r"\s+by\s+(?:the\s+)?(" + NAME_RUN_RE.pattern + ")")


def passive_agent_changed(ctx, dc):
    """(source claim, the derived agent, the source's doer) when the derived claim is passive
    with a named agent right after its verb ("was approved by the Dunfold Quay Guild";
    not "was found in powder supplied by X", whose "by" is another verb's), and a
    close source claim with the same verb is active, with a named subject that is another
    party than that agent (``same_source``: two bodies sharing a place word are two), and
    holds two or more of the words of the derived subject after its
    verb (its object: "a loan of £9,000"); else None. The agent must be a name the sources
    use (a name they never use is DE401's). Known false positive: two parties that both did
    the deed, the source telling one and the summary the other."""
    verb = dc.predicate_text
    at = dc.text.find(verb) if verb else -1
    if at < 0 or dc.negated or not passive_verb(dc):
        return None
    m = _BY_NAME.match(dc.text, at + len(verb))
    if m is None or " " not in m.group(1).strip():
        return None  # a name of two words or more ("by the Quay Guild")
    agent = norm_name(m.group(1))
    if not agent or agent not in norm_name(ctx.source_text):
        return None
    pos = dc.text.find(dc.subject)
    subject = {key(w.lemma) for w in dc.words if pos >= 0
               and dc.start + pos <= w.start < dc.start + pos + len(dc.subject)}
    for sc in close_support(ctx.support(dc)):
        if key(sc.predicate) != key(dc.predicate) or sc.negated or passive_verb(sc) \
                or not has_name(sc.subject) or _ON_BEHALF.search(sc.sentence) \
                or any(e.label == "PERSON" and sc.text.find(e.text) >= 0
                       and e.text in sc.subject for e in sc.entities):
            continue  # (not a person who did it for a body: "Councillor Ann Lee approved
            # it on behalf of the council")
        doer = norm_name(sc.subject)
        after = sc.text.find(sc.predicate_text)
        theirs = {key(w.lemma) for w in sc.words if after >= 0
                  and w.start >= sc.start + after + len(sc.predicate_text)}
        if not doer or len(subject & theirs) < 2 or same_source(m.group(1), sc.subject):
            continue  # (two bodies that share a place word are two: same_source)
        return sc, m.group(1).strip(), sc.subject.strip()
    return None
