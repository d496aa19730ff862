"""Statements whose credit turns on the parties who make them (DA101,
``checker.credit_waived``): a joint statement of the parties on their own deal or on what
they do together, which a summary may state plainly (``joint_statement``), and a party's
disputed account given as the grounds of its bare answer to a charge, whose credit a summary
must keep however much it is the party's own word (``contested_account``)."""

from __future__ import annotations

import re

from checker.answers import points_back, salient_claims
from checker.lexicon import shipped


def joint_statement(ctx, sc) -> bool:
    """The parties speak together of what one of them does ("Larkspur has agreed to buy
    Hesketh, the two companies said": the speaker is a definite or "both" plural of a noun
    a business calls itself by, corporate_nouns.txt, and the claim names two
    organisations, one of them in its subject: a deal between the parties that speak), or
    of what they do together (``_both_parties``). Known false positives: a role swapped
    between the two ("Pike Dairies has agreed to buy Orwell Foods") is left to the rules of
    roles."""
    attr = sc.attribution
    if _both_parties(ctx, sc):
        return True
    words = re.findall(r"[a-z]+", attr.source.lower())
    if len(words) < 2 or words[0] not in ("the", "both") or words[-1] == attr.head \
            or not words[-1].endswith("s") or not ctx.lexicon.has("corporate_nouns", attr.head):
        return False
    orgs = {e.text for e in sc.entities if e.label == "ORG"}
    return len(orgs) >= 2 and any(o in sc.subject for o in orgs)


def _both_parties(ctx, sc) -> bool:
    """Two parties speak together ("both the trust and the nurses' union agreed", "the trust
    and the nurses' union said": two phrases joined by "and", each ending in a body's word,
    public_body_heads.txt or non_person_heads.txt, none an outlet's, outlet_heads.txt) of
    what they do together, the claim's subject naming them as one in its first words
    (both_sides_nouns.txt: "The two sides will meet mediators on Friday"); not one party's
    officers ("the union's chair and secretary") nor a speaker "for" a body."""
    lex = ctx.lexicon
    m = _TWO_PARTIES.match(sc.attribution.source.strip().lower())
    subject = re.findall(r"[a-z]+", sc.subject.lower())[:4]
    if m is None or not any(lex.has("both_sides_nouns", w) for w in subject):
        return False
    heads = [re.findall(r"[a-z]+", side)[-1:] for side in m.groups()]
    return all(h and (lex.has("public_body_heads", h[0]) or lex.has("non_person_heads", h[0]))
               and not lex.has("outlet_heads", h[0]) for h in heads)


# "both the trust and the nurses' union", "the trust and the nurses' union" (lazily: the first
# "and" splits them; a body's name may hold another)
_TWO_PARTIES = re.compile(r"(?:both\s+)?((?:(?!\b(?:for|of)\b)[\w'’ -])+?)\s+and\s+"
                          r"((?:(?!\b(?:for|of)\b)[\w'’ -])+?)[\s,]*$")


def contested_account(ctx, sc) -> bool:
    """The source claim gives the grounds of a party's bare answer to a charge, and the
    other side disputes them: its sentence comes right after an answer that points back
    ("Harl Mills denies this. A spokeswoman said tenants were sent the new terms in April":
    ``answers.salient_claims``, ``answers.points_back``), a later sentence of that paragraph
    gives another speaker's negated claim ("Their chair said no tenant saw any such
    notice"), and it tells what happened, not what the party will do.
    One side of a dispute, whose credit a summary must keep however much it is the party's
    own account (not a further statement after an answer with its own words: "X denied that
    its staff skipped checks. ... He wrote that the company has shut the centre")."""
    if sc.certainty.attempts or any(w in _FUTURE or ctx.lexicon.has("hedges", w)
                                    for w in re.findall(r"\b[a-z']+\b", sc.text)):
        return False  # ("would meet the tenants next week": a plan, or a doubt, its own;
        # words as written in lower case: not the month "May", nor a name "Will")
    speaker = sc.attribution.source if sc.attribution is not None else ""
    for item in salient_claims(ctx):
        if item.kind != "answer" or not points_back(item.trigger) or len(item.block) < 2:
            continue
        grounds = item.block[1]
        if grounds.doc != sc.doc_id or not grounds.start <= sc.start < grounds.end:
            continue
        if any(c.attribution is not None and c.attribution.source != speaker
               and (c.negated or c.negated_words)
               for later in item.block[2:] for c in later.claims):
            return True
    return False


_FUTURE = frozenset(shipped("future_modals"))
