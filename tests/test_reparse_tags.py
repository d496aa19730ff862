"""Repairs of words tagged as another part of speech, on parses built by hand in the shape
the small English model gives (see test_reparse.py)."""

import spacy
from spacy.tokens import Doc

from checker.extract.reparse_tags import (lift_have_over_noun_root, lift_name_read_as_adverb,
                                          lift_neither_subject,
                                          lift_scale_read_as_verb, lift_split_hyphen_word,
                                          lift_noun_read_as_verb,
                                          lift_subject_head_read_as_verb,
                                          lift_subject_read_as_compound)
from checker.extract.tokens import DocView


def _doc(rows, tags, spaces=None):
    """A one-sentence doc from (word, head index, label, part of speech, lemma) rows, the
    words spaced as ``spaces`` says (every word followed by a space when it is None)."""
    words, heads, deps, pos, lemmas = zip(*rows)
    doc = Doc(spacy.blank("en").vocab, words=list(words), spaces=spaces, heads=list(heads),
              deps=list(deps), pos=list(pos), sent_starts=[True] + [False] * (len(rows) - 1),
              lemmas=list(lemmas))
    for tok, tag in zip(doc, tags):
        tok.tag_ = tag
    return doc


def _everly(first="Everly", tag="RB"):
    # "Everly said the levy covered hops, so farms would lose money.", parsed with the
    # surname an adverb of "said" and "said" a complement of "lose"
    rows = [(first, 1, "advmod", "ADV", first.lower()), ("said", 10, "ccomp", "VERB", "say"),
            ("the", 3, "det", "DET", "the"), ("levy", 4, "nsubj", "NOUN", "levy"),
            ("covered", 1, "ccomp", "VERB", "cover"), ("hops", 4, "dobj", "NOUN", "hop"),
            (",", 10, "punct", "PUNCT", ","), ("so", 10, "mark", "SCONJ", "so"),
            ("farms", 10, "nsubj", "NOUN", "farm"), ("would", 10, "aux", "AUX", "would"),
            ("lose", 10, "ROOT", "VERB", "lose"), ("money", 10, "dobj", "NOUN", "money"),
            (".", 10, "punct", "PUNCT", ".")]
    return _doc(rows, [tag, "VBD", "DT", "NN", "VBD", "NNS", ",", "RB", "NNS", "MD", "VB",
                       "NN", "."])


def test_a_surname_read_as_an_adverb_of_a_verb_of_saying_is_its_subject():
    with DocView(_everly()) as view:
        sent = view.sents[0]
        assert lift_name_read_as_adverb(view, sent, {"say"})
        assert sent.root is view[1] and view[1].dep_ == "ROOT"
        assert [c.text for c in view[1].children if c.dep_ == "nsubj"] == ["Everly"]
        assert view[0].pos_ == "PROPN"
        assert view[10].head is view[4]  # "so farms would lose money" is still reported


def test_a_stop_word_before_a_verb_of_saying_is_left_alone():
    with DocView(_everly("Also")) as view:
        assert not lift_name_read_as_adverb(view, view.sents[0], {"say"})
        assert view.sents[0].root is view[10]


def test_a_word_before_another_verb_is_left_alone():
    with DocView(_everly()) as view:
        assert not lift_name_read_as_adverb(view, view.sents[0], {"tell"})


def _calls(comma=False):
    # "The council plans to move its repairs calls to Tarn." with "calls" a conjunct of
    # "plans"; with ``comma``, "..., calls ..." (two verbs with a comma between)
    rows = [("The", 1, "det", "DET", "the"), ("council", 2, "nsubj", "NOUN", "council"),
            ("plans", 2, "ROOT", "VERB", "plan"), ("to", 4, "aux", "PART", "to"),
            ("move", 2, "xcomp", "VERB", "move"), ("its", 6, "poss", "PRON", "its"),
            ("repairs", 4, "dobj", "NOUN", "repair")]
    tags = ["DT", "NN", "VBZ", "TO", "VB", "PRP$", "NNS"]
    if comma:
        rows.append((",", 2, "punct", "PUNCT", ","))
        tags.append(",")
    n = len(rows)
    rows += [("calls", 2, "conj", "VERB", "call"), ("to", n, "prep", "ADP", "to"),
             ("Tarn", n + 1, "pobj", "PROPN", "Tarn"), (".", 2, "punct", "PUNCT", ".")]
    return _doc(rows, tags + ["VBZ", "IN", "NNP", "."])


def test_a_plural_verb_joined_to_an_object_with_nothing_between_is_a_compound_noun():
    with DocView(_calls()) as view:
        assert lift_noun_read_as_verb(view, view.sents[0])
        calls = view[7]
        assert calls.dep_ == "dobj" and calls.head is view[4] and calls.pos_ == "NOUN"
        assert [c.text for c in calls.children if c.dep_ == "compound"] == ["repairs"]
        assert [c.text for c in view[6].children] == []  # "its" moved to the head noun
        assert "its" in [c.text for c in calls.children]


def test_a_verb_after_a_comma_is_left_alone():
    with DocView(_calls(comma=True)) as view:
        assert not lift_noun_read_as_verb(view, view.sents[0])
        assert view[8].dep_ == "conj"


def _rejects(tag="NNS", pos="NOUN", name_pos="NOUN"):
    # "The union accuses the firm, which Harl rejects, saying it consulted." with "Harl" a
    # compound of "rejects"; tagged as the model tags it, a noun phrase
    rows = [("The", 1, "det", "DET", "the"), ("union", 2, "nsubj", "NOUN", "union"),
            ("accuses", 2, "ROOT", "VERB", "accuse"), ("the", 4, "det", "DET", "the"),
            ("firm", 2, "dobj", "NOUN", "firm"), (",", 4, "punct", "PUNCT", ","),
            ("which", 8, "dobj", "PRON", "which"), ("Harl", 8, "compound", name_pos, "harl"),
            ("rejects", 4, "relcl", pos, "reject"), (",", 2, "punct", "PUNCT", ","),
            ("saying", 2, "advcl", "VERB", "say"), ("it", 12, "nsubj", "PRON", "it"),
            ("consulted", 10, "ccomp", "VERB", "consult"), (".", 2, "punct", "PUNCT", ".")]
    return _doc(rows, ["DT", "NN", "VBZ", "DT", "NN", ",", "WDT", "NN", tag, ",", "VBG",
                       "PRP", "VBD", "."])


def test_a_relative_verb_read_as_a_noun_gets_its_name_as_subject():
    with DocView(_rejects()) as view:
        assert lift_subject_read_as_compound(view, view.sents[0])
        assert view[8].pos_ == "VERB"
        assert [c.text for c in view[8].children if c.dep_ == "nsubj"] == ["Harl"]


def test_a_plural_noun_with_no_relative_pronoun_is_left_alone():
    doc = _rejects()
    doc[6].tag_ = "DT"  # "..., this Harl rejects": no relative clause
    with DocView(doc) as view:
        assert not lift_subject_read_as_compound(view, view.sents[0])


def _rises(comma=False):
    # "Fare rises in most towns were steep, the board said." with "Fare" the subject of
    # "rises" and "were" a conjunct of "rises"; with ``comma``, "..., were ..."
    n = 6 if comma else 5  # where "were" stands
    said = n + 5
    rows = [("Fare", 1, "nsubj", "NOUN", "fare"), ("rises", said, "ccomp", "VERB", "rise"),
            ("in", 1, "prep", "ADP", "in"), ("most", 4, "amod", "ADJ", "most"),
            ("towns", 2, "pobj", "NOUN", "town")]
    tags = ["NN", "VBZ", "IN", "JJS", "NNS"]
    if comma:
        rows.append((",", 1, "punct", "PUNCT", ","))
        tags.append(",")
    rows += [("were", 1, "conj", "AUX", "be"), ("steep", n, "acomp", "ADJ", "steep"),
             (",", said, "punct", "PUNCT", ","), ("the", n + 4, "det", "DET", "the"),
             ("board", said, "nsubj", "NOUN", "board"), ("said", said, "ROOT", "VERB", "say"),
             (".", said, "punct", "PUNCT", ".")]
    return _doc(rows, tags + ["VBD", "JJ", ",", "DT", "NN", "VBD", "."])


def test_a_plural_head_read_as_the_verb_of_a_singular_subject_is_the_subject():
    with DocView(_rises()) as view:
        sent = view.sents[0]
        assert lift_subject_head_read_as_verb(view, sent)
        rises, were = view[1], view[5]
        assert rises.pos_ == "NOUN" and rises.dep_ == "nsubj" and rises.head is were
        assert were.dep_ == "ccomp" and were.head is view[10]
        assert [c.text for c in rises.children] == ["Fare", "in"]


def test_a_second_verb_after_a_comma_is_left_alone():
    with DocView(_rises(comma=True)) as view:
        assert not lift_subject_head_read_as_verb(view, view.sents[0])
        assert view[6].dep_ == "conj"


def _neither(nor=False):
    # "It said neither had been paid." with "neither" a pre-conjunct of "paid"; with ``nor``,
    # "It said neither Ash nor Bell had been paid."
    rows = [("It", 1, "nsubj", "PRON", "it"), ("said", 1, "ROOT", "VERB", "say"),
            ("neither", 5, "preconj", "DET", "neither")]
    tags = ["PRP", "VBD", "DT"]
    if nor:
        rows += [("Ash", 5, "nsubjpass", "PROPN", "Ash"), ("nor", 3, "cc", "CCONJ", "nor"),
                 ("Bell", 3, "conj", "PROPN", "Bell")]
        tags += ["NNP", "CC", "NNP"]
    n = len(rows)
    rows = [(w, h + (3 if nor and h == 5 else 0), d, p, lem) for w, h, d, p, lem in rows]
    rows += [("had", n + 2, "aux", "AUX", "have"), ("been", n + 2, "auxpass", "AUX", "be"),
             ("paid", 1, "ccomp", "VERB", "pay"), (".", 1, "punct", "PUNCT", ".")]
    return _doc(rows, tags + ["VBD", "VBN", "VBN", "."])


def test_neither_with_no_nor_is_the_subject_of_its_verb():
    with DocView(_neither()) as view:
        assert lift_neither_subject(view, view.sents[0])
        assert view[2].dep_ == "nsubjpass" and view[2].head is view[5]


def test_neither_with_its_nor_is_left_alone():
    with DocView(_neither(nor=True)) as view:
        assert not lift_neither_subject(view, view.sents[0])
        assert view[2].dep_ == "preconj"


def _hyphened(spaced=False):
    # "The firm's co-owners said they were not told." with "co", "-" and "owners" each a
    # subject of "said"; with ``spaced``, "co - owners", three words apart
    rows = [("The", 1, "det", "DET", "the"), ("firm", 3, "poss", "NOUN", "firm"),
            ("'s", 1, "case", "PART", "'s"), ("co", 6, "nsubj", "NOUN", "co"),
            ("-", 6, "nsubj", "NOUN", "-"), ("owners", 6, "nsubj", "NOUN", "owner"),
            ("said", 6, "ROOT", "VERB", "say"), ("they", 10, "nsubjpass", "PRON", "they"),
            ("were", 10, "auxpass", "AUX", "be"), ("not", 10, "neg", "PART", "not"),
            ("told", 6, "ccomp", "VERB", "tell"), (".", 6, "punct", "PUNCT", ".")]
    spaces = [True] * len(rows)
    spaces[1] = spaces[10] = False
    if not spaced:
        spaces[3] = spaces[4] = False
    return _doc(rows, ["DT", "NN", "POS", "NNS", "NNS", "NNS", "VBD", "PRP", "VBD", "RB", "VBN",
                       "."], spaces)


def test_the_pieces_of_a_hyphenated_word_hung_side_by_side_make_one_word():
    with DocView(_hyphened()) as view:
        assert lift_split_hyphen_word(view, view.sents[0])
        assert view[3].head is view[5] and view[3].dep_ == "compound"
        assert view[4].head is view[5] and view[4].is_punct
        assert view[5].dep_ == "nsubj" and view[5].head is view[6]


def test_pieces_with_spaces_between_are_left_alone():
    with DocView(_hyphened(spaced=True)) as view:
        assert not lift_split_hyphen_word(view, view.sents[0])
        assert view[3].head is view[6]


def _surname():
    # "Leader Ana Price-Welby said it would close.", parsed with "Price" and "Welby" each a
    # subject of "said", the hyphen as its punctuation and "Leader Ana" on "Price"
    rows = [("Leader", 2, "compound", "PROPN", "Leader"), ("Ana", 2, "compound", "PROPN", "Ana"),
            ("Price", 5, "nsubj", "PROPN", "Price"), ("-", 5, "punct", "PUNCT", "-"),
            ("Welby", 5, "nsubj", "PROPN", "Welby"), ("said", 5, "ROOT", "VERB", "say"),
            ("it", 8, "nsubj", "PRON", "it"), ("would", 8, "aux", "AUX", "would"),
            ("close", 5, "ccomp", "VERB", "close"), (".", 5, "punct", "PUNCT", ".")]
    spaces = [True] * len(rows)
    spaces[2] = spaces[3] = spaces[8] = False
    return _doc(rows, ["NNP", "NNP", "NNP", "HYPH", "NNP", "VBD", "PRP", "MD", "VB", "."], spaces)


def test_a_double_barrelled_surname_hung_apart_reads_whole():
    with DocView(_surname()) as view:
        assert lift_split_hyphen_word(view, view.sents[0])
        assert view[2].head is view[4] and view[2].dep_ == "compound"
        assert view[0].head is view[2] and view[4].head is view[5]
        assert [t.text for t in view[4].subtree if t.i < 5] == ["Leader", "Ana", "Price", "-",
                                                               "Welby"]


def _write_off(scale_tag="VBP"):
    # "Harle wrote off £2.1m tied to the deal.", parsed with "m" an auxiliary of "tied" and
    # "tied" a clause reported by "wrote"
    rows = [("Harle", 1, "nsubj", "PROPN", "Harle"), ("wrote", 1, "ROOT", "VERB", "write"),
            ("off", 1, "prt", "ADP", "off"), ("£", 4, "nmod", "SYM", "£"),
            ("2.1", 5, "nummod", "NUM", "2.1"),
            ("m", 6, "auxpass", "AUX" if scale_tag != "NN" else "NOUN", "m"),
            ("tied", 1, "ccomp", "VERB", "tie"), ("to", 6, "prep", "ADP", "to"),
            ("the", 9, "det", "DET", "the"), ("deal", 7, "pobj", "NOUN", "deal"),
            (".", 1, "punct", "PUNCT", ".")]
    tags = ["NNP", "VBD", "RP", "$", "CD", scale_tag, "VBN", "IN", "DT", "NN", "."]
    spaces = [True, True, True, False, False, True, True, True, True, False, False]
    return _doc(rows, tags, spaces)


def test_the_scale_of_a_sum_read_as_an_auxiliary_is_made_the_sums_noun():
    with DocView(_write_off()) as view:
        assert lift_scale_read_as_verb(view, view.sents[0])
        assert [(c.text, c.dep_) for c in view[1].children if c.dep_ == "dobj"] == [("m", "dobj")]
        assert [c.text for c in view[5].children] == ["2.1", "tied"]
        assert view[6].dep_ == "acl" and not [c for c in view[1].children if c.dep_ == "ccomp"]


def test_a_scale_word_tagged_a_noun_is_left_alone():
    with DocView(_write_off("NN")) as view:
        assert not lift_scale_read_as_verb(view, view.sents[0])


def _inhalers(tag="NN"):
    # "Three of the pupils had asthma inhalers with them.", parsed with "asthma" the root,
    # "had" its auxiliary (holding the subject) and "inhalers" its object
    rows = [("Three", 4, "nsubj", "NUM", "three"), ("of", 0, "prep", "ADP", "of"),
            ("the", 3, "det", "DET", "the"), ("pupils", 1, "pobj", "NOUN", "pupil"),
            ("had", 5, "aux", "AUX", "have"), ("asthma", 5, "ROOT", "NOUN", "asthma"),
            ("inhalers", 5, "dobj", "NOUN", "inhaler"), ("with", 5, "prep", "ADP", "with"),
            ("them", 7, "pobj", "PRON", "they"), (".", 5, "punct", "PUNCT", ".")]
    return _doc(rows, ["CD", "IN", "DT", "NNS", "VBD", tag, "NNS", "IN", "PRP", "."])


def test_a_noun_root_with_have_as_its_auxiliary_gives_have_the_verb():
    with DocView(_inhalers()) as view:
        sent = view.sents[0]
        assert lift_have_over_noun_root(view, sent)
        assert sent.root is view[4] and view[4].dep_ == "ROOT"
        assert [(c.text, c.dep_) for c in view[4].children] == [
            ("Three", "nsubj"), ("inhalers", "dobj"), ("with", "prep"), (".", "punct")]
        assert view[5].head is view[6] and view[5].dep_ == "compound"


def test_a_verb_root_after_have_is_left_alone():
    with DocView(_inhalers("VBN")) as view:
        assert not lift_have_over_noun_root(view, view.sents[0])

