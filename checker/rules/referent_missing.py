"""DE406 referent-missing: the derived text opens with "he", "she" or "they", naming no one.

What it flags:
    A derived text whose first word is a third-person pronoun that stands for a person or
    a group of people (the ``pronouns_referring`` lexicon: "he", "his", "she", "they",
    "their"...), where the first source does not open with one too. Nothing earlier in the
    text tells the reader who it is, so whoever the source says acted has been dropped from
    the claim, and the reader will take it for the last person they read about elsewhere.
    Silent when the text opens with a quotation (the pronoun is the speaker's) and on "it",
    which may stand for nothing ("It is unclear whether...").
Why it matters:
    Who did what is the core of a news fact. A digest item or a rewritten lead that starts
    "He was charged on Monday" states a charge against nobody the reader can name, and,
    cut from its context, against whoever the headline above it names.
Known false positives:
    A derived text that continues a headline or a preceding item checked apart from it
    ("They voted on Tuesday" under a headline naming the council); "they" meaning people
    in general ("They say the recovery will be slow"). Silent when the text names, within
    its first two sentences, the one the source gives the act to (a feature opening: "She
    has stepped down. Marta Olen resigned ...").
Examples:
    Source: Mayor Lena Ortiz signed the budget on Friday.
    Flag: She signed the budget on Friday.
    Okay: Mayor Ortiz signed the budget on Friday, and she called it fair.
"""

from __future__ import annotations

import re

from checker.rules.base import Rule, make

CODE, NAME, KIND, SEVERITY = "DE406", "referent-missing", "entity-changed", "warning"

# The first word of a text, after spaces, list marks and punctuation other than quotation
# marks (a text opening with a quotation is left alone).
_FIRST_WORD = re.compile(r"""[^\w"'“”‘’«»]*([A-Za-z]+)\b""")


def _first_word(text: str):
    m = _FIRST_WORD.match(text)
    return m if m is not None and m.start(1) < 40 else None


# Who a feature-style opening names a sentence later ("She has stepped down. Marta Olen
# resigned ..."): a person or body in the first sentences that the sources name too.
NAMED_WITHIN_SENTENCES = 2
NAMING_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})  # the tagger mixes them up


def _named_soon(ctx, claim) -> bool:
    """The derived text names, within its first sentences, the person or body the source
    gives the pronoun's act to: the subject of the source claim the opening restates."""
    _al, sup = ctx.support(claim)
    # an opening too vague to align ("She has stepped down"): the sources' first actors
    doers = [sup[0]] if sup else list(ctx.index.claims[:3])
    doer = " ".join(c.subject.lower() for c in doers)
    starts = sorted({c.sent_start for c in ctx.derived_claims})[:NAMED_WITHIN_SENTENCES]
    return any(e.label in NAMING_LABELS and e.norm and e.norm in doer
               for c in ctx.derived_claims if c.sent_start in starts for e in c.entities)


def check(ctx):
    """Yield one finding when the derived text opens with a pronoun naming no one."""
    referring = ctx.lexicon.words.get("pronouns_referring", {})
    m = _first_word(ctx.derived.text)
    if m is None or m.group(1).lower() not in referring:
        return
    for src in ctx.sources:
        sm = _first_word(src.text)
        if sm is not None and sm.group(1).lower() in referring:
            return  # the source is an excerpt that opens the same way
    start, end = m.start(1), m.end(1)
    claim = next((c for c in ctx.derived_claims if c.start <= start < c.end), None)
    if claim is None or _named_soon(ctx, claim):
        return
    word = m.group(1)
    yield make(RULE, claim, start=start, end=end, text=word, confidence=0.6,
               message=(f'Opens with "{word}", which names no one: the text never says who '
                        f'the source says did this.'),
               suggestion=f'Name the person or group the source names instead of "{word}".')


RULE = Rule(CODE, NAME, KIND, SEVERITY, "a text opening with a pronoun that names no one",
            check, __doc__)
