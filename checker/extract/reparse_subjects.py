"""A verb of saying the model gave two subjects: "A memo seen by the Post points to a cut,
but the board says nothing is settled", parsed with "points" a noun, so that "memo" and
"board" are both subjects of "says"; the subject nearer the verb, after the joining word, is
the speaker."""

from __future__ import annotations

from checker.extract.reparse import rehang
from checker.lexicon import shipped

# words that join two clauses, the second of which a verb of saying heads ("but", "and",
# "while": coordinators.txt, clause_subordinators.txt)
_JOINERS = shipped("coordinators") | shipped("clause_subordinators")


def lift_nearer_speaker(view, sent, report_verbs) -> bool:
    """A verb of saying (attribution_verbs.txt) with two subjects, a comma and a joining
    word ("but", "and") between them: the nearer subject is its speaker, and the farther one
    heads a clause the model could not read, which is hung apart on the verb ("dep") so
    that it is no part of the speaker's words nor of what is said. True when repaired.

    Known false positive: a first subject that is a speaker's in its own right whose verb
    the model also lost ("The union, and the board says ..."), read as no speaker; a subject
    run of two nouns joined without a comma ("the union and the board say") is one subject
    and left alone. Known miss: the first clause gives no claim of its own."""
    done = False
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in report_verbs:
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if len(subjects) != 2:
            continue
        far, near = subjects
        joiner = view[near.left_edge.i - 1]
        if joiner.i - 1 <= far.i or joiner.lower_ not in _JOINERS \
                or view[joiner.i - 1].text != ",":
            continue  # (", but the board says": the joining word right before the speaker)
        rehang(far, verb, "dep")
        done = True
    if done:
        view.refresh_edges(sent.root)
    return done
