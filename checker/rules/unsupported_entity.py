"""DU802 unsupported-entity: a name with no counterpart anywhere in the sources.

What it flags:
    A named person, organisation, place or product in a derived claim that the sources never
    mention, when the aligned source claim has no entity it could have replaced (otherwise
    DE401 reports an entity change). A "name" with no capital letter is none (the tagger
    reads "bill jumps" of a headline as a person), and neither is the derived text's own
    outlet, known from a corpus's metadata (its masthead, "QuickBrief | AI summary").
Why it matters:
    A new name is new reporting; it needs its own source.
Known false positives:
    Well-known expansions or short forms the sources spell differently ("the EU" for "the
    European Union"); the tagger's errors on capitalised common words in headlines.
Examples:
    Source: The council approved the budget on Tuesday.
    Flag: The council and Mayor Lena Ortiz approved the budget on Tuesday.
    Okay: The council approved the budget on Tuesday.
"""

from __future__ import annotations

from checker.names import unknown_entities
from checker.rules.base import Rule, make

CODE, NAME, KIND, SEVERITY = "DU802", "unsupported-entity", "unsupported-claim", "warning"


def check(ctx):
    """Yield a finding for each derived entity the sources never mention."""
    for dc, ent, _sc, alt in ctx.memo("unknown-entities", unknown_entities):
        if alt is not None:
            continue  # DE401 reports it as a changed entity
        yield make(RULE, dc, start=ent.start, end=ent.end, text=ent.text, confidence=0.65,
                   message=f'Names "{ent.text}", who appears nowhere in the source; '
                           f"no support found.",
                   suggestion=f'Remove "{ent.text}" or add the source that names it.')


RULE = Rule(CODE, NAME, KIND, SEVERITY, "name not in the source", check, __doc__,
            yields_span_to=("entity-changed",))
