"""A verb in the present the model hung on a clause reported in the past: "X said no
survey had been carried out and intends to take it up", parsed with "intends" a conjunct of
"carried"; a report in the past keeps its clause in the past, so a present verb after "and" is
the speaker's own."""

from __future__ import annotations

from checker.extract.common import SUBJ_DEPS
from checker.extract.reparse import rehang


def lift_present_conj_from_report(view, sent, report_verbs) -> bool:
    """A conjunct in the present third person ("plans", which the model may tag a plural
    noun), with no subject of its own and a verb of its own after "to", of a passive clause
    with a subject of its own that a verb of saying in the past reports ("no survey had been
    carried out"): what is done to that subject plans nothing, so the conjunct is the
    speaker's and becomes the conjunct of the verb of saying, whose subject it takes. Not
    after an active clause ("said it had accepted the ruling but intends to appeal": "it"
    may be the one that intends). True when repaired.

    Known false positive: a present state inside the report ("said the roof had leaked and
    needs repair") is given to the speaker, with the same words to compare."""
    done = False
    for verb in list(sent):
        inner = verb.head
        if verb.dep_ != "conj" or verb.tag_ not in ("VBZ", "NNS") or inner is verb \
                or inner.dep_ != "ccomp" or any(c.dep_ in SUBJ_DEPS for c in verb.children) \
                or not any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")
                           for c in verb.children):
            continue
        saying = inner.head
        if saying.lemma_.lower() not in report_verbs or saying.tag_ != "VBD" \
                or not any(c.dep_ == "nsubjpass" for c in inner.children) \
                or inner.tag_ not in ("VBD", "VBN"):
            continue
        cc = next((c for c in inner.children if c.dep_ == "cc" and c.i == verb.i - 1), None)
        for tok in (cc, verb):
            if tok is not None:
                rehang(tok, saying, "conj" if tok is verb else "")
        verb.pos_, verb.tag_ = "VERB", "VBZ"
        done = True
    if done:
        view.refresh_edges(sent.root)
    return done
