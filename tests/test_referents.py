"""What the extractor remembers of the names an article has met, on parses built by hand in
the shape the small English model gives, whatever the model does with a given sentence."""

import spacy
from spacy.tokens import Doc, Span

from checker.extract.common import _State
from checker.extract.core import Extractor
from checker.extract.tokens import DocView
from checker.lexicon import load_lexicon


def _remembered(words, pos, starts, ents):
    """The state after the extractor has met the entities of each sentence."""
    doc = Doc(spacy.blank("en").vocab, words=words, pos=pos,
              sent_starts=[i in starts for i in range(len(words))])
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    extractor, state = Extractor(load_lexicon()), _State()
    with DocView(doc) as view:
        for sent in view.sents:
            extractor._remember_entities(list(sent.ents), state, sent)
    return state


def test_a_body_by_its_first_word_tagged_as_a_person_is_the_body():
    # "Tessmoor Labs paused it. Tessmoor may continue.", the second "Tessmoor" tagged PERSON:
    # no "she" of later may stand for it
    state = _remembered(["Tessmoor", "Labs", "paused", "it", ".", "Tessmoor", "may", "continue",
                         "."],
                        ["PROPN", "PROPN", "VERB", "PRON", "PUNCT", "PROPN", "AUX", "VERB",
                         "PUNCT"], {0, 5}, [(0, 2, "ORG"), (5, 6, "PERSON")])
    assert state.last_person == "" and state.sent_persons == []
    assert state.bodies[-1] == "Tessmoor"


def test_a_person_who_shares_no_body_s_first_word_stays_a_person():
    state = _remembered(["Tessmoor", "Labs", "paused", "it", ".", "Hale", "may", "continue", "."],
                        ["PROPN", "PROPN", "VERB", "PRON", "PUNCT", "PROPN", "AUX", "VERB",
                         "PUNCT"], {0, 5}, [(0, 2, "ORG"), (5, 6, "PERSON")])
    assert state.last_person == "Hale"
