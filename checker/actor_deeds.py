"""What an actor did to what, for telling one deed given to two actors (DE403,
``rules/actor_changed.py``): the deed's words (its object, or the words after a verb with
none), whether two such sets say one deed, and whether two subjects describe one thing."""

from __future__ import annotations

from checker.align import key
from checker.subject_names import content_keys

# A deed told with no object ("called for the system to be paused"): the share of the
# derived claim's words after its verb the source claim's must hold, and at least how many
SAME_DEED, DEED_WORDS = 0.6, 3


def deed_keys(ctx, claim) -> set:
    """What the actor did to what: the object's content words, or, for a verb with no
    object ("called for the system to be paused", "objected to the plan"), those of the
    words after the verb; none for a verb of finding ("Tests found that ...": who found it
    is the attribution rules' matter)."""
    if claim.object:
        return content_keys(ctx, claim.object)
    lex = ctx.lexicon
    if any(lex.has(role, claim.predicate) for role in ("factive", "finding_verbs")):
        return set()
    at = claim.text.find(claim.predicate_text, claim.text.find(claim.subject)
                         + len(claim.subject)) if claim.predicate_text else -1
    if at < 0:
        return set()
    return content_keys(ctx, claim.text[at + len(claim.predicate_text):]) - \
        content_keys(ctx, claim.subject)


def share_a_noun(dc, sc) -> bool:
    """The two subjects' first phrases share a common noun ("the crane lifting the bridge
    deck", "the 90-metre crane, known as Big Ada"): one thing described two ways."""
    def nouns(claim) -> set:
        at = claim.text.find(claim.subject)
        if at < 0:
            return set()
        s0 = claim.start + at
        s1 = s0 + len(claim.subject.split(",")[0])
        return {key(w.lemma) for w in claim.words if s0 <= w.start < s1 and w.pos == "NOUN"}
    return bool(nouns(dc) & nouns(sc))


def same_deed_words(mine: set, theirs: set) -> bool:
    """The words after the verb, for a deed with no object, say one thing: most of the
    derived claim's, and three at least, are the source claim's."""
    shared = mine & theirs
    return len(shared) >= DEED_WORDS and len(shared) >= SAME_DEED * len(mine)
