"""DU802 unsupported-entity: a name with no counterpart anywhere in the sources.

What it flags:
    A named person, organisation, place or product in a derived claim that the sources never
    mention, when the aligned source claim has no entity it could have replaced (otherwise
    DE401 reports an entity change). A "name" with no capital letter is none (the tagger
    reads "bill jumps" of a headline as a person), and neither is the derived text's own
    outlet, known from a corpus's metadata (its masthead, "QuickBrief | AI summary").
    Also a name of two capitalised words or more in the frame of a reported claim,
    outside every claim of the sentence ("Marrin told a meeting at Tolland Rowing Club that
    ...": ``names.frame_names``), that the sources never mention, word for word or in part.
Why it matters:
    A new name is new reporting; it needs its own source.
Known false positives:
    (in a claim's frame) a capitalised phrase that is no name ("Annual General Meeting")
    whose words the sources never write. Known miss: a frame's name made of words the
    sources write in other names ("Tolland Rowing Club" where they name Tolland and
    another rowing club).
    Well-known expansions or short forms the sources spell differently ("the EU" for "the
    European Union"); the tagger's errors on capitalised common words in headlines.
Examples:
    Source: The council approved the budget on Tuesday.
    Flag: The council and Mayor Lena Ortiz approved the budget on Tuesday.
    Okay: The council approved the budget on Tuesday.
"""

from __future__ import annotations

from checker.names import frame_names, unknown_entities
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
    for dc, start, end, text in frame_names(ctx):
        yield make(RULE, dc, start=start, end=end, text=text, confidence=0.6,
                   message=f'Names "{text}", which appears nowhere in the source, in the '
                           f"frame of a reported claim; no support found.",
                   suggestion=f'Remove "{text}" or use the name the source gives.')


RULE = Rule(CODE, NAME, KIND, SEVERITY, "name not in the source", check, __doc__,
            yields_span_to=("entity-changed",))
