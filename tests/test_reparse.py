"""Parse repairs on parses built by hand in the shape the small English model gives, so that
each repair is tested whatever the model does with a given sentence."""

import spacy
from spacy.tokens import Doc

from checker.extract.reparse import lift_according_appositive
from checker.extract.tokens import DocView


def _doc(rows):
    """A one-sentence doc from (word, head index, label, part of speech) rows."""
    words, heads, deps, pos = zip(*rows)
    return Doc(spacy.blank("en").vocab, words=list(words), heads=list(heads), deps=list(deps),
               pos=list(pos), sent_starts=[True] + [False] * (len(rows) - 1))


def test_a_description_of_an_according_to_source_is_moved_to_that_source():
    # "According to Save Pell Meadow, a campaign group, Grint Holdings has dumped spoil.",
    # parsed with "group" the subject and "Holdings" its apposition
    doc = _doc([("According", 13, "prep", "VERB"), ("to", 0, "prep", "ADP"),
                ("Save", 4, "compound", "PROPN"), ("Pell", 4, "compound", "PROPN"),
                ("Meadow", 1, "pobj", "PROPN"), (",", 13, "punct", "PUNCT"),
                ("a", 8, "det", "DET"), ("campaign", 8, "compound", "NOUN"),
                ("group", 13, "nsubj", "NOUN"), (",", 8, "punct", "PUNCT"),
                ("Grint", 11, "compound", "PROPN"), ("Holdings", 8, "appos", "PROPN"),
                ("has", 13, "aux", "AUX"), ("dumped", 13, "ROOT", "VERB"),
                ("spoil", 13, "dobj", "NOUN"), (".", 13, "punct", "PUNCT")])
    with DocView(doc) as view:
        assert lift_according_appositive(view, view.sents[0])
        subject = [c.text for c in view[13].children if c.dep_ == "nsubj"]
        assert subject == ["Holdings"]
        assert [c.text for c in view[4].children if c.dep_ == "appos"] == ["group"]


def test_a_subject_with_a_name_beside_it_and_no_according_to_is_left_alone():
    # "The regulator, Ofwat, has fined the firm."
    doc = _doc([("The", 1, "det", "DET"), ("regulator", 5, "nsubj", "NOUN"),
                (",", 1, "punct", "PUNCT"), ("Ofwat", 1, "appos", "PROPN"),
                (",", 1, "punct", "PUNCT"), ("fined", 5, "ROOT", "VERB"),
                ("the", 7, "det", "DET"), ("firm", 5, "dobj", "NOUN"),
                (".", 5, "punct", "PUNCT")])
    with DocView(doc) as view:
        assert not lift_according_appositive(view, view.sents[0])
