"""A contact relative clause the model read as the sentence's frame: "The trust is to raise
its fees, a move nurses say will push staff out", parsed with "say" the root, the first
clause its complement and "a move" a compound of "nurses", its speaker."""

from __future__ import annotations

from checker.extract.reparse import rehang
from checker.lexicon import shipped

_SINGULAR_ARTICLES = shipped("articles") - {"the"}  # "a", "an": no plural after them


def lift_contact_relative_speaker(view, sent, report_verbs) -> bool:
    """A plural subject of the sentence's verb of saying, with a singular article and a
    singular noun before it ("a move nurses say"), after a clause the model made that
    verb's complement: the article cannot go with the plural, so the noun and its article
    sum up the first clause (the antecedent of a relative clause with no "that"), and the
    clause is the sentence's own. The first clause becomes the root, the noun hangs on it,
    and the verb of saying on the noun, with its plural speaker and what they say. True
    when repaired.

    Known false positive: a compound whose first noun the article goes with as a modifier
    ("a move parents" as one name) is not seen; a possessive ("a tenants' group") is no
    bare compound and is left alone."""
    say = sent.root
    if say.lemma_.lower() not in report_verbs:
        return False
    subj = next((c for c in say.children if c.dep_ == "nsubj" and c.tag_ == "NNS"), None)
    if subj is None or subj.i < 2:
        return False
    noun, det = view[subj.i - 1], view[subj.i - 2]
    if noun.head is not subj or noun.dep_ != "compound" or noun.tag_ != "NN" \
            or det.head is not subj or det.dep_ != "det" \
            or det.lower_ not in _SINGULAR_ARTICLES:
        return False
    first = next((c for c in say.children if c.dep_ == "ccomp" and c.i < det.i), None)
    if first is None:
        return False
    say.children = [c for c in say.children if c is not first]
    first.head, first.dep_ = first, "ROOT"
    sent.root = first
    for p in [c for c in say.children if c.dep_ == "punct"]:
        rehang(p, first)  # (the comma before the noun and the closing stop)
    rehang(det, noun, "det")
    rehang(noun, first, "npadvmod")
    rehang(say, noun, "relcl")
    view.refresh_edges(first)
    return True
