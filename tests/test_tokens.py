"""The figures ``DocView`` reads from the tagger's entities, on docs built by hand with the
entities the small English model gives."""

import spacy
from spacy.tokens import Doc, Span

from checker.extract.tokens import DocView


def _doc(words, ents, tags=None):
    """A one-sentence doc of ``words``, with ``ents`` as (start, end, label) token spans."""
    doc = Doc(spacy.blank("en").vocab, words=words,
              sent_starts=[True] + [False] * (len(words) - 1))
    for tok, tag in zip(doc, tags or ["NN"] * len(words)):
        tok.tag_ = tag
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


def _figures(doc):
    with DocView(doc) as view:
        return [(e.text, e.label_) for e in view.sents[0].ents]


def test_bare_numbers_in_a_list_read_as_a_time_are_a_count():
    words = ["Lines", "4", "and", "17", "reach", "the", "depot", "until", "9pm", "."]
    assert _figures(_doc(words, [(1, 4, "TIME"), (8, 9, "TIME")])) == [
        ("4 and 17", "CARDINAL"), ("9pm", "TIME")]


def test_an_approximator_tagged_apart_from_its_figure_joins_it():
    words = ["It", "gave", "tenants", "just", "over", "three", "weeks", "."]
    tags = ["PRP", "VBD", "NNS", "RB", "IN", "CD", "NNS", "."]
    assert _figures(_doc(words, [(3, 5, "CARDINAL"), (5, 7, "DATE")], tags)) == [
        ("just over three weeks", "DATE")]


def test_an_untagged_adverb_of_rounding_joins_its_figure_and_a_preposition_does_not():
    words = ["It", "took", "nearly", "three", "weeks", "over", "two", "years", "."]
    tags = ["PRP", "VBD", "RB", "CD", "NNS", "IN", "CD", "NNS", "."]
    assert _figures(_doc(words, [(3, 5, "DATE"), (6, 8, "DATE")], tags)) == [
        ("nearly three weeks", "DATE"), ("two years", "DATE")]
