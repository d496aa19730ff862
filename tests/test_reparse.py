"""Parse repairs on parses built by hand in the shape the small English model gives, so that
each repair is tested whatever the model does with a given sentence."""

import spacy
from spacy.tokens import Doc

from checker.extract.common import name_slot
from checker.extract.reparse import (lift_conj_from_as_clause, lift_verb_after_apposition,
                                     lift_verb_after_reduced_relative, lift_with_speaker)
from checker.extract.reparse_reported import (lift_clause_read_as_object,
                                              lift_clause_read_as_relative,
                                              lift_condition_from_speaker,
                                              lift_figure_read_as_object,
                                              lift_second_that_clause,
                                              lift_subject_read_as_object)
from checker.extract.reparse_according import (lift_according_appositive,
                                               lift_subject_from_according,
                                               lift_verb_read_as_participle)
from checker.extract.reparse_tags import lift_verb_read_as_noun
from checker.extract.reparse_speakers import (lift_appositive_speaker,
                                              lift_report_before_semicolon,
                                              lift_trailing_speaker)
from checker.extract.report_speakers import speaker_after_list
from checker.extract.tokens import DocView


def _doc(rows, lemmas=None):
    """A one-sentence doc from (word, head index, label, part of speech) rows."""
    words, heads, deps, pos = zip(*rows)
    return Doc(spacy.blank("en").vocab, words=list(words), heads=list(heads), deps=list(deps),
               pos=list(pos), sent_starts=[True] + [False] * (len(rows) - 1), lemmas=lemmas)


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


def test_a_verb_hung_on_an_as_clause_is_moved_to_the_main_verb():
    # "The pier will not open in May as planned and is now expected to open in July.",
    # parsed with "expected" a conjunct of "planned"
    rows = [("The", 1, "det", "DET"), ("pier", 4, "nsubj", "NOUN"), ("will", 4, "aux", "AUX"),
            ("not", 4, "neg", "PART"), ("open", 4, "ROOT", "VERB"), ("in", 4, "prep", "ADP"),
            ("May", 5, "pobj", "PROPN"), ("as", 8, "mark", "SCONJ"),
            ("planned", 4, "advcl", "VERB"), ("and", 8, "cc", "CCONJ"),
            ("is", 12, "auxpass", "AUX"), ("now", 12, "advmod", "ADV"),
            ("expected", 8, "conj", "VERB"), ("to", 14, "aux", "PART"),
            ("open", 12, "xcomp", "VERB"), ("in", 14, "prep", "ADP"),
            ("July", 15, "pobj", "PROPN"), (".", 4, "punct", "PUNCT")]
    with DocView(_doc(rows)) as view:
        assert lift_conj_from_as_clause(view, view.sents[0])
        assert [c.text for c in view[4].children if c.dep_ in ("conj", "cc")] == [
            "and", "expected"]
        assert not [c for c in view[8].children if c.dep_ == "conj"]


def test_an_as_clause_of_two_verbs_of_its_own_is_left_alone():
    # "The vote went ahead as planned and as agreed."
    rows = [("The", 1, "det", "DET"), ("vote", 2, "nsubj", "NOUN"), ("went", 2, "ROOT", "VERB"),
            ("ahead", 2, "advmod", "ADV"), ("as", 5, "mark", "SCONJ"),
            ("planned", 2, "advcl", "VERB"), ("and", 5, "cc", "CCONJ"),
            ("as", 8, "mark", "SCONJ"), ("agreed", 5, "conj", "VERB"),
            (".", 2, "punct", "PUNCT")]
    with DocView(_doc(rows)) as view:
        assert not lift_conj_from_as_clause(view, view.sents[0])


_SPEAKER_ROWS = [("The", 1, "det", "DET"), ("ferry", 3, "nsubj", "NOUN"),
                 ("should", 3, "aux", "AUX"), ("stop", 3, "ROOT", "VERB"),
                 ("in", 3, "prep", "ADP"), ("June", 4, "pobj", "PROPN"),
                 (",", 9, "punct", "PUNCT"), ("the", 8, "det", "DET"),
                 ("board", 9, "nsubj", "NOUN")]


def test_a_verb_of_saying_joined_to_the_clause_it_reports_becomes_its_root():
    # "The ferry should stop in June, the board advised on Friday.", parsed with "advised"
    # a conjunct of "stop"
    rows = _SPEAKER_ROWS + [("advised", 3, "conj", "VERB"), ("on", 9, "prep", "ADP"),
                            ("Friday", 10, "pobj", "PROPN"), (".", 9, "punct", "PUNCT")]
    lemmas = [w.lower() for w, *_ in rows[:9]] + ["advise", "on", "friday", "."]
    with DocView(_doc(rows, lemmas)) as view:
        sent = view.sents[0]
        assert lift_trailing_speaker(view, sent, {"advise"})
        assert sent.root.text == "advised"
        assert [(c.text, c.dep_) for c in view[9].children if c.dep_ == "ccomp"] == [
            ("stop", "ccomp")]


def test_a_verb_of_finding_set_beside_the_clause_it_frames_becomes_its_root():
    # "The ferry should stop in June, the board found, though ...", parsed with "found" a
    # clause set beside "stop" (parataxis)
    rows = _SPEAKER_ROWS + [("found", 3, "parataxis", "VERB"), (".", 9, "punct", "PUNCT")]
    lemmas = [w.lower() for w, *_ in rows[:9]] + ["find", "."]
    with DocView(_doc(rows, lemmas)) as view:
        sent = view.sents[0]
        assert lift_trailing_speaker(view, sent, {"find"}, {"find"})
        assert sent.root.text == "found"


def test_a_second_clause_joined_by_and_is_left_alone():
    # "The ferry should stop in June, and the board advised it on Friday."
    rows = _SPEAKER_ROWS[:7] + [("and", 3, "cc", "CCONJ"), ("the", 9, "det", "DET"),
                                ("board", 10, "nsubj", "NOUN"), ("advised", 3, "conj", "VERB"),
                                ("it", 10, "dobj", "PRON"), (".", 3, "punct", "PUNCT")]
    lemmas = [w.lower() for w, *_ in rows[:10]] + ["advise", "it", "."]
    with DocView(_doc(rows, lemmas)) as view:
        assert not lift_trailing_speaker(view, view.sents[0], {"advise"})


def test_a_verb_of_saying_read_as_a_plural_after_a_name_becomes_the_verb():
    # "A memo seen by the Courier states that the pool will close.", parsed as a noun
    # phrase with "the Courier states" the object of "by"
    rows = [("A", 1, "det", "DET"), ("memo", 1, "ROOT", "NOUN"), ("seen", 1, "acl", "VERB"),
            ("by", 2, "agent", "ADP"), ("the", 6, "det", "DET"),
            ("Courier", 6, "compound", "PROPN"), ("states", 3, "pobj", "NOUN"),
            ("that", 11, "mark", "SCONJ"), ("the", 9, "det", "DET"),
            ("pool", 11, "nsubj", "NOUN"), ("will", 11, "aux", "AUX"),
            ("close", 2, "ccomp", "VERB"), (".", 1, "punct", "PUNCT")]
    lemmas = ["a", "memo", "see", "by", "the", "courier", "state", "that", "the", "pool",
              "will", "close", "."]
    doc = _doc(rows, lemmas)
    doc[6].tag_ = "NNS"
    with DocView(doc) as view:
        sent = view.sents[0]
        assert lift_verb_read_as_noun(view, sent, {"state"})
        assert sent.root.text == "states"
        assert [(c.text, c.dep_) for c in view[6].children] == [
            ("memo", "nsubj"), ("close", "ccomp"), (".", "punct")]
        assert [c.text for c in view[3].children] == ["Courier"]


def test_a_plural_name_with_no_clause_after_it_is_left_alone():
    # "A memo seen by the Gulf States that day."
    rows = [("A", 1, "det", "DET"), ("memo", 1, "ROOT", "NOUN"), ("seen", 1, "acl", "VERB"),
            ("by", 2, "agent", "ADP"), ("the", 6, "det", "DET"),
            ("Gulf", 6, "compound", "PROPN"), ("States", 3, "pobj", "PROPN"),
            ("that", 8, "det", "DET"), ("day", 2, "npadvmod", "NOUN"), (".", 1, "punct", "PUNCT")]
    lemmas = ["a", "memo", "see", "by", "the", "gulf", "state", "that", "day", "."]
    doc = _doc(rows, lemmas)
    doc[6].tag_ = "NNS"
    with DocView(doc) as view:
        assert not lift_verb_read_as_noun(view, view.sents[0], {"state"})


def test_a_speaker_read_as_an_apposition_becomes_the_root():
    # "Buses stop in June, the board announced, ending trips.", parsed with "board" an
    # apposition of "Buses" and "announced" and "ending" hung on it
    rows = [("Buses", 1, "nsubj", "NOUN"), ("stop", 1, "ROOT", "VERB"),
            ("in", 1, "prep", "ADP"), ("June", 2, "pobj", "PROPN"), (",", 1, "punct", "PUNCT"),
            ("the", 6, "det", "DET"), ("board", 0, "appos", "NOUN"),
            ("announced", 6, "acl", "VERB"), (",", 6, "punct", "PUNCT"),
            ("ending", 6, "acl", "VERB"), ("trips", 9, "dobj", "NOUN"),
            (".", 1, "punct", "PUNCT")]
    lemmas = ["bus", "stop", "in", "june", ",", "the", "board", "announce", ",", "end", "trip",
              "."]
    doc = _doc(rows, lemmas)
    doc[7].tag_, doc[9].tag_ = "VBD", "VBG"
    with DocView(doc) as view:
        sent = view.sents[0]
        assert lift_appositive_speaker(view, sent, {"announce"})
        assert sent.root.text == "announced"
        assert {(c.text, c.dep_) for c in view[7].children} >= {
            ("board", "nsubj"), ("stop", "ccomp"), ("ending", "advcl")}


def test_a_subject_hung_on_an_according_to_source_is_given_back_to_its_verb():
    # "According to files seen by the Courier, about 300 bills were paid late.", parsed
    # with "bills" an apposition of "Courier" and "paid" left with no subject
    doc = _doc([("According", 12, "prep", "VERB"), ("to", 0, "prep", "ADP"),
                ("files", 1, "pobj", "NOUN"), ("seen", 2, "acl", "VERB"),
                ("by", 3, "agent", "ADP"), ("the", 6, "det", "DET"),
                ("Courier", 4, "pobj", "PROPN"), (",", 6, "punct", "PUNCT"),
                ("about", 9, "advmod", "ADV"), ("300", 10, "nummod", "NUM"),
                ("bills", 6, "appos", "NOUN"), ("were", 12, "auxpass", "AUX"),
                ("paid", 12, "ROOT", "VERB"), ("late", 12, "advmod", "ADV"),
                (".", 12, "punct", "PUNCT")])
    with DocView(doc) as view:
        assert lift_subject_from_according(view, view.sents[0])
        assert [c.text for c in view[12].children if c.dep_ == "nsubjpass"] == ["bills"]
        assert not [c for c in view[6].children if c.dep_ == "appos"]


def test_the_object_of_an_according_to_participle_after_a_comma_is_the_subject():
    # "According to files seen by the Post, nurses in wards recorded delays.", parsed with
    # "nurses" the object of "seen" and "recorded" left with no subject
    rows = [("According", 11, "prep", "VERB"), ("to", 0, "prep", "ADP"),
            ("files", 1, "pobj", "NOUN"), ("seen", 2, "acl", "VERB"), ("by", 3, "agent", "ADP"),
            ("the", 6, "det", "DET"), ("Post", 4, "pobj", "PROPN"), (",", 6, "punct", "PUNCT"),
            ("nurses", 3, "dobj", "NOUN"), ("in", 8, "prep", "ADP"), ("wards", 9, "pobj", "NOUN"),
            ("recorded", 11, "ROOT", "VERB"), ("delays", 11, "dobj", "NOUN"),
            (".", 11, "punct", "PUNCT")]
    doc = _tagged(rows, ["VBG", "IN", "NNS", "VBN", "IN", "DT", "NNP", ",", "NNS", "IN", "NNS",
                         "VBD", "NNS", "."],
                  ["accord", "to", "file", "see", "by", "the", "Post", ",", "nurse", "in",
                   "ward", "record", "delay", "."])
    with DocView(doc) as view:
        assert lift_subject_from_according(view, view.sents[0])
        assert [c.text for c in view[11].children if c.dep_ == "nsubj"] == ["nurses"]
        assert not [c for c in view[3].children if c.dep_ == "dobj"]


def test_an_according_to_source_with_a_subject_after_it_is_left_alone():
    # "According to Ann Lee, a nurse, the ward closed."
    doc = _doc([("According", 10, "prep", "VERB"), ("to", 0, "prep", "ADP"),
                ("Ann", 3, "compound", "PROPN"), ("Lee", 1, "pobj", "PROPN"),
                (",", 3, "punct", "PUNCT"), ("a", 6, "det", "DET"),
                ("nurse", 3, "appos", "NOUN"), (",", 10, "punct", "PUNCT"),
                ("the", 9, "det", "DET"), ("ward", 10, "nsubj", "NOUN"),
                ("closed", 10, "ROOT", "VERB"), (".", 10, "punct", "PUNCT")])
    with DocView(doc) as view:
        assert not lift_subject_from_according(view, view.sents[0])


def test_a_report_hung_across_a_semicolon_is_given_back_to_its_verb_of_saying():
    # "Staff said foremen had warned them; the firm denied it.", parsed with "warned" and
    # "said" both hung on "denied"
    doc = _doc([("Staff", 1, "nsubj", "NOUN"), ("said", 9, "ccomp", "VERB"),
                ("foremen", 4, "nsubj", "NOUN"), ("had", 4, "aux", "AUX"),
                ("warned", 9, "ccomp", "VERB"), ("them", 4, "dobj", "PRON"),
                (";", 9, "punct", "PUNCT"), ("the", 8, "det", "DET"),
                ("firm", 9, "nsubj", "NOUN"), ("denied", 9, "ROOT", "VERB"),
                ("it", 9, "dobj", "PRON"), (".", 9, "punct", "PUNCT")],
               lemmas=["staff", "say", "foreman", "have", "warn", "they", ";", "the", "firm",
                       "deny", "it", "."])
    with DocView(doc) as view:
        assert lift_report_before_semicolon(view, view.sents[0], {"say", "deny"})
        assert [c.text for c in view[1].children if c.dep_ == "ccomp"] == ["warned"]
        assert view[1].dep_ == "conj" and view[1].head.i == 9



def _second_that_clause(opener):
    # "Ana Bell said it intends to sell the site <opener> that the board had set a price.",
    # parsed with "set" a complement of "plans"
    return _doc([("Ana", 1, "compound", "PROPN"), ("Bell", 2, "nsubj", "PROPN"),
                 ("said", 2, "ROOT", "VERB"), ("it", 4, "nsubj", "PRON"),
                 ("intends", 2, "ccomp", "VERB"), ("to", 6, "aux", "PART"),
                 ("sell", 4, "xcomp", "VERB"), ("the", 8, "det", "DET"),
                 ("site", 6, "dobj", "NOUN"), (opener, 6, "cc", "CCONJ"),
                 ("that", 15, "mark", "SCONJ"), ("the", 12, "det", "DET"),
                 ("board", 15, "nsubj", "NOUN"), ("had", 15, "aux", "AUX"),
                 ("already", 15, "advmod", "ADV"), ("set", 4, "ccomp", "VERB"),
                 ("a", 17, "det", "DET"), ("price", 15, "dobj", "NOUN"),
                 (".", 2, "punct", "PUNCT")],
                lemmas=["Ana", "Bell", "say", "it", "intend", "to", "sell", "the", "site",
                        opener, "that", "the", "board", "have", "already", "set", "a",
                        "price", "."])


def test_a_second_that_clause_of_a_verb_of_saying_becomes_a_conjunct():
    with DocView(_second_that_clause("and")) as view:
        assert lift_second_that_clause(view, view.sents[0], {"say"})
        assert view[15].dep_ == "conj" and view[15].head.i == 4
        assert view[9].head.i == 4  # the "and" hangs on the first complement's verb


def test_a_that_clause_with_no_and_before_it_is_left_alone():
    # "... said it intends to sell the site so that the board ..." keeps its parse
    with DocView(_second_that_clause("so")) as view:
        assert not lift_second_that_clause(view, view.sents[0], {"say"})


def test_a_possessive_hung_on_a_verb_fills_no_slot():
    # "the agency's weekly report shows", parsed with "agency" a possessive of "shows"
    doc = _doc([("the", 1, "det", "DET"), ("agency", 5, "poss", "PROPN"),
                ("'s", 1, "case", "PART"), ("weekly", 4, "amod", "ADJ"),
                ("report", 5, "compound", "NOUN"), ("shows", 5, "ROOT", "VERB")],
               lemmas=["the", "agency", "'s", "weekly", "report", "show"])
    with DocView(doc) as view:
        assert name_slot(view[1], {"of": "of"}) == ""
        assert name_slot(view[4], {"of": "of"}) == ""


def _tagged(rows, tags, lemmas):
    doc = _doc(rows, lemmas=lemmas)
    for tok, tag in zip(doc, tags):
        tok.tag_ = tag
    return doc


def test_a_reported_clause_read_as_the_object_of_the_verb_of_saying_is_lifted():
    # "The guild said the survey covered only flats.", parsed with "survey" the object of
    # "said" and "covered" a participle on it
    rows = [("The", 1, "det", "DET"), ("guild", 2, "nsubj", "NOUN"), ("said", 2, "ROOT", "VERB"),
            ("the", 4, "det", "DET"), ("survey", 2, "dobj", "NOUN"), ("covered", 4, "acl", "VERB"),
            ("only", 7, "advmod", "ADV"), ("flats", 5, "dobj", "NOUN"), (".", 2, "punct", "PUNCT")]
    doc = _tagged(rows, ["DT", "NN", "VBD", "DT", "NN", "VBN", "RB", "NNS", "."],
                  ["the", "guild", "say", "the", "survey", "cover", "only", "flat", "."])
    with DocView(doc) as view:
        assert lift_clause_read_as_object(view, view.sents[0], {"say"})
        assert [c.text for c in view[2].children if c.dep_ == "ccomp"] == ["covered"]
        assert [c.text for c in view[5].children if c.dep_ == "nsubj"] == ["survey"]


def test_a_participle_with_no_object_of_its_own_stays_on_its_noun():
    # "The board announced the plans drawn up in May."
    rows = [("The", 1, "det", "DET"), ("board", 2, "nsubj", "NOUN"),
            ("announced", 2, "ROOT", "VERB"), ("the", 4, "det", "DET"),
            ("plans", 2, "dobj", "NOUN"), ("drawn", 4, "acl", "VERB"), ("up", 5, "prt", "ADP"),
            ("in", 5, "prep", "ADP"), ("May", 7, "pobj", "PROPN"), (".", 2, "punct", "PUNCT")]
    doc = _tagged(rows, ["DT", "NN", "VBD", "DT", "NNS", "VBN", "RP", "IN", "NNP", "."],
                  ["the", "board", "announce", "the", "plan", "draw", "up", "in", "May", "."])
    with DocView(doc) as view:
        assert not lift_clause_read_as_object(view, view.sents[0], {"announce"})


def _figure_after_clause(number="20"):
    # "The board said bids rose in May, about 20 times the usual level.", parsed with
    # "level" the object of "said"
    rows = [("The", 1, "det", "DET"), ("board", 2, "nsubj", "NOUN"), ("said", 2, "ROOT", "VERB"),
            ("bids", 4, "nsubj", "NOUN"), ("rose", 2, "ccomp", "VERB"), ("in", 4, "prep", "ADP"),
            ("May", 5, "pobj", "PROPN"), (",", 4, "punct", "PUNCT"),
            ("about", 9, "advmod", "ADV"), (number, 13, "nummod", "NUM"),
            ("times", 9, "quantmod", "NOUN"), ("the", 13, "det", "DET"),
            ("usual", 13, "amod", "ADJ"), ("level", 2, "dobj", "NOUN"), (".", 2, "punct", "PUNCT")]
    return _tagged(rows, ["DT", "NN", "VBD", "NNS", "VBD", "IN", "NNP", ",", "RB", "CD", "NNS",
                          "DT", "JJ", "NN", "."],
                   ["the", "board", "say", "bid", "rise", "in", "May", ",", "about", number,
                    "time", "the", "usual", "level", "."])


def test_a_figure_after_the_reported_clause_is_the_clause_s_own():
    with DocView(_figure_after_clause()) as view:
        assert lift_figure_read_as_object(view, view.sents[0], {"say"})
        assert view[13].head is view[4]
        assert not [c for c in view[2].children if c.dep_ == "dobj"]


def test_an_object_with_no_figure_stays_on_the_verb_of_saying():
    with DocView(_figure_after_clause("many")) as view:
        assert not lift_figure_read_as_object(view, view.sents[0], {"say"})


def _list_then_speakers(first_word):
    # "<first> will move to two parishes, Edwin Moor and Ranby, two people said.", parsed
    # with the parishes' names the subject of "said" and the people their apposition
    return _doc([(first_word, 2, "nsubj", "NOUN"), ("will", 2, "aux", "AUX"),
                 ("move", 14, "ccomp", "VERB"), ("to", 2, "prep", "ADP"),
                 ("two", 5, "nummod", "NUM"), ("parishes", 3, "pobj", "NOUN"),
                 (",", 14, "punct", "PUNCT"), ("Edwin", 8, "compound", "PROPN"),
                 ("Moor", 14, "nsubj", "PROPN"), ("and", 8, "cc", "CCONJ"),
                 ("Ranby", 8, "conj", "PROPN"), (",", 8, "punct", "PUNCT"),
                 ("two", 13, "nummod", "NUM"), ("people", 8, "appos", "NOUN"),
                 ("said", 14, "ROOT", "VERB"), (".", 14, "punct", "PUNCT")])


def test_the_speakers_after_a_closed_list_of_places_are_the_speakers():
    with DocView(_list_then_speakers("Clubs")) as view:
        assert speaker_after_list(view[8]).text == "people"


def test_a_list_that_opens_the_sentence_is_its_speakers():
    # "Smith and Jones, two directors, said the firm lost money."
    doc = _doc([("Smith", 6, "nsubj", "PROPN"), ("and", 0, "cc", "CCONJ"),
                ("Jones", 0, "conj", "PROPN"), (",", 0, "punct", "PUNCT"),
                ("two", 5, "nummod", "NUM"), ("directors", 0, "appos", "NOUN"),
                ("said", 6, "ROOT", "VERB"), ("the", 8, "det", "DET"),
                ("firm", 9, "nsubj", "NOUN"), ("lost", 6, "ccomp", "VERB"),
                ("money", 9, "dobj", "NOUN"), (".", 6, "punct", "PUNCT")])
    with DocView(doc) as view:
        assert speaker_after_list(view[0]).text == "Smith"


def _according_participle(object_dep="dobj"):
    # "According to papers seen by the Herald, an audit ordered by the trust found gaps.",
    # parsed with "According" the root and "found" a participle of "audit"
    rows = [("According", 0, "ROOT", "VERB"), ("to", 0, "prep", "ADP"),
            ("papers", 1, "pobj", "NOUN"), ("seen", 2, "acl", "VERB"), ("by", 3, "agent", "ADP"),
            ("the", 6, "det", "DET"), ("Herald", 4, "pobj", "PROPN"), (",", 6, "punct", "PUNCT"),
            ("an", 9, "det", "DET"), ("audit", 6, "appos", "NOUN"), ("ordered", 9, "acl", "VERB"),
            ("by", 10, "agent", "ADP"), ("the", 13, "det", "DET"), ("trust", 11, "pobj", "NOUN"),
            ("found", 9, "acl", "VERB"), ("gaps", 14, object_dep, "NOUN"),
            (".", 0, "punct", "PUNCT")]
    return _tagged(rows, ["VBG", "IN", "NNS", "VBN", "IN", "DT", "NNP", ",", "DT", "NN", "VBN",
                          "IN", "DT", "NN", "VBN", "NNS", "."],
                   ["accord", "to", "paper", "see", "by", "the", "Herald", ",", "an", "audit",
                    "order", "by", "the", "trust", "find", "gap", "."])


def test_a_verb_read_as_a_participle_after_according_to_is_made_the_sentences_verb():
    with DocView(_according_participle()) as view:
        sent = view.sents[0]
        assert lift_verb_read_as_participle(view, sent)
        assert sent.root.text == "found" and view[14].tag_ == "VBD"
        assert [c.text for c in view[14].children if c.dep_ == "nsubj"] == ["audit"]
        assert view[0].head.text == "found" and view[0].dep_ == "prep"
        assert [c.text for c in view[9].children if c.dep_ == "acl"] == ["ordered"]


def test_a_participle_with_no_object_after_according_to_is_left_alone():
    # "... an audit ordered by the trust found in May.": a passive participle takes no object
    with DocView(_according_participle("npadvmod")) as view:
        assert not lift_verb_read_as_participle(view, view.sents[0])


def _with_saying(verb="saying", on=2):
    # 'The guild urged a review, with its chair, Tom Reyes, saying: "It fell."', parsed
    # with "chair" the object of "with" and "saying" a clause of "urged" with no subject;
    # the "with" phrase hung on "urged" (``on`` 2) or on its object "review" (4)
    rows = [("The", 1, "det", "DET"), ("guild", 2, "nsubj", "NOUN"), ("urged", 2, "ROOT", "VERB"),
            ("a", 4, "det", "DET"), ("review", 2, "dobj", "NOUN"), (",", 2, "punct", "PUNCT"),
            ("with", on, "prep", "ADP"), ("its", 8, "poss", "PRON"), ("chair", 6, "pobj", "NOUN"),
            (",", 8, "punct", "PUNCT"), ("Tom", 11, "compound", "PROPN"),
            ("Reyes", 8, "appos", "PROPN"), (",", 2, "punct", "PUNCT"),
            (verb, 2, "advcl", "VERB"), (":", 13, "punct", "PUNCT"), ("It", 16, "nsubj", "PRON"),
            ("fell", 13, "ccomp", "VERB"), (".", 2, "punct", "PUNCT")]
    lemma = {"saying": "say", "showing": "show"}[verb]
    return _tagged(rows, ["DT", "NN", "VBD", "DT", "NN", ",", "IN", "PRP$", "NN", ",", "NNP",
                          "NNP", ",", "VBG", ":", "PRP", "VBD", "."],
                   ["the", "guild", "urge", "a", "review", ",", "with", "its", "chair", ",",
                    "Tom", "Reyes", ",", lemma, ":", "it", "fall", "."])


def test_the_noun_of_a_with_phrase_before_a_participle_of_saying_is_its_speaker():
    with DocView(_with_saying()) as view:
        assert lift_with_speaker(view, view.sents[0], {"say"})
        assert [c.text for c in view[13].children if c.dep_ == "nsubj"] == ["chair"]
        assert not [c for c in view[2].children if c.text == "with"]


def test_a_with_phrase_hung_on_the_object_gives_the_participle_its_speaker():
    with DocView(_with_saying(on=4)) as view:
        assert lift_with_speaker(view, view.sents[0], {"say"})
        assert [c.text for c in view[13].children if c.dep_ == "nsubj"] == ["chair"]
        assert not [c for c in view[4].children if c.text == "with"]


def test_a_with_phrase_before_a_participle_of_no_saying_is_left_alone():
    with DocView(_with_saying("showing")) as view:
        assert not lift_with_speaker(view, view.sents[0], {"say"})


def _told_rows(subject, complement):
    # "Its counsel told the panel <subject> had agreed <complement>.", parsed with "agreed" a
    # relative clause of "panel"
    rows = [("Its", 1, "poss", "PRON"), ("counsel", 2, "nsubj", "NOUN"),
            ("told", 2, "ROOT", "VERB"), ("the", 4, "det", "DET"), ("panel", 2, "dobj", "NOUN"),
            (subject, 7, "nsubj", "PRON"), ("had", 7, "aux", "AUX"),
            ("agreed", 4, "relcl", "VERB")]
    return rows + complement + [(".", 2, "punct", "PUNCT")]


def test_a_reported_clause_read_as_a_relative_clause_of_the_hearer_is_lifted():
    rows = _told_rows("it", [("to", 9, "aux", "PART"), ("wait", 7, "xcomp", "VERB")])
    lemmas = ["its", "counsel", "tell", "the", "panel", "it", "have", "agree", "to", "wait",
              "."]
    with DocView(_doc(rows, lemmas)) as view:
        assert lift_clause_read_as_relative(view, view.sents[0], {"tell"})
        assert [(c.text, c.dep_) for c in view[2].children if c.dep_ == "ccomp"] == [
            ("agreed", "ccomp")]
        assert not [c for c in view[4].children if c.dep_ == "relcl"]


def test_a_relative_clause_with_a_gap_for_the_noun_is_left_alone():
    # "Its counsel told the panel it had agreed." ("the panel it had agreed": nothing after
    # the verb, so the noun may be what the clause is about)
    rows = _told_rows("it", [])
    lemmas = ["its", "counsel", "tell", "the", "panel", "it", "have", "agree", "."]
    with DocView(_doc(rows, lemmas)) as view:
        assert not lift_clause_read_as_relative(view, view.sents[0], {"tell"})
        assert not lift_clause_read_as_relative(view, view.sents[0], {"say"})


def _apposed_rows():
    # "Speaking on Friday, the town's mayor, Ana Petrow, named the library.", parsed with
    # "named" a participle of "mayor" and "mayor" the root
    return [("Speaking", 7, "advcl", "VERB"), ("on", 0, "prep", "ADP"),
            ("Friday", 1, "pobj", "PROPN"), (",", 7, "punct", "PUNCT"),
            ("the", 5, "det", "DET"), ("town", 7, "poss", "NOUN"), ("'s", 5, "case", "PART"),
            ("mayor", 7, "ROOT", "NOUN"), (",", 7, "punct", "PUNCT"),
            ("Ana", 10, "compound", "PROPN"), ("Petrow", 7, "appos", "PROPN"),
            (",", 7, "punct", "PUNCT"), ("named", 7, "acl", "VERB"),
            ("the", 14, "det", "DET"), ("library", 12, "dobj", "NOUN"),
            (".", 7, "punct", "PUNCT")]


def test_a_verb_after_a_name_in_apposition_read_as_a_participle_becomes_the_verb():
    doc = _doc(_apposed_rows())
    doc[12].tag_ = "VBN"
    with DocView(doc) as view:
        sent = view.sents[0]
        assert lift_verb_after_apposition(view, sent)
        assert sent.root.text == "named"
        assert [(c.text, c.dep_) for c in view[12].children if c.dep_ in ("nsubj", "advcl")] \
            == [("Speaking", "advcl"), ("mayor", "nsubj")]


def test_a_participle_with_no_name_in_apposition_before_it_is_left_alone():
    # "The report, named after the judge, ..." (no name set beside the noun)
    rows = [("The", 1, "det", "DET"), ("report", 1, "ROOT", "NOUN"), (",", 1, "punct", "PUNCT"),
            ("named", 1, "acl", "VERB"), ("after", 3, "prep", "ADP"),
            ("the", 6, "det", "DET"), ("judge", 4, "pobj", "NOUN"), (".", 1, "punct", "PUNCT")]
    doc = _doc(rows)
    doc[3].tag_ = "VBN"
    with DocView(doc) as view:
        assert not lift_verb_after_apposition(view, view.sents[0])


def _condition_rows(mark):
    # "A walkout could start in May, <mark> staff back it, the union said.", parsed with the
    # clause after the comma hung on "said"
    return [("A", 1, "det", "DET"), ("walkout", 3, "nsubj", "NOUN"),
            ("could", 3, "aux", "AUX"), ("start", 14, "ccomp", "VERB"),
            ("in", 3, "prep", "ADP"), ("May", 4, "pobj", "PROPN"), (",", 14, "punct", "PUNCT"),
            (mark, 9, "mark", "SCONJ"), ("staff", 9, "nsubj", "NOUN"),
            ("back", 14, "advcl", "VERB"), ("it", 9, "dobj", "PRON"),
            (",", 14, "punct", "PUNCT"), ("the", 13, "det", "DET"),
            ("union", 14, "nsubj", "NOUN"), ("said", 14, "ROOT", "VERB"),
            (".", 14, "punct", "PUNCT")]


def test_a_condition_hung_on_the_closing_verb_of_saying_is_the_reported_clauses():
    rows = _condition_rows("if")
    lemmas = [w.lower() for w, *_ in rows[:14]] + ["say", "."]
    with DocView(_doc(rows, lemmas)) as view:
        assert lift_condition_from_speaker(view, view.sents[0], {"say"}, {"if", "unless"})
        assert [c.text for c in view[3].children if c.dep_ == "advcl"] == ["back"]


def test_a_clause_of_time_between_the_report_and_its_speaker_stays_on_the_verb():
    # "..., as staff back it, the union said": a circumstance of the saying
    rows = _condition_rows("as")
    lemmas = [w.lower() for w, *_ in rows[:14]] + ["say", "."]
    with DocView(_doc(rows, lemmas)) as view:
        assert not lift_condition_from_speaker(view, view.sents[0], {"say"}, {"if", "unless"})


def _says_object(between_verb=False):
    # "A steward says keepers at two lodges were sent the rota.", parsed with "keepers" the
    # object of "says", "at two lodges" a phrase of "says" and "sent" its clause with no
    # subject; with ``between_verb`` a verb of another clause stands between ("keepers
    # know were sent")
    rows = [("A", 1, "det", "DET"), ("steward", 2, "nsubj", "NOUN"), ("says", 2, "ROOT", "VERB"),
            ("keepers", 2, "dobj", "NOUN"), ("at", 2, "prep", "ADP"), ("two", 6, "nummod", "NUM"),
            ("lodges", 4, "pobj", "NOUN"),
            ("know" if between_verb else "were", 8 if not between_verb else 2,
             "auxpass" if not between_verb else "conj", "AUX" if not between_verb else "VERB"),
            ("sent", 2, "ccomp", "VERB"), ("the", 10, "det", "DET"), ("rota", 8, "dobj", "NOUN"),
            (".", 2, "punct", "PUNCT")]
    return _tagged(rows, ["DT", "NN", "VBZ", "NNS", "IN", "CD", "NNS",
                          "VBP" if between_verb else "VBD", "VBN", "DT", "NN", "."],
                   ["a", "steward", "say", "keeper", "at", "two", "lodge",
                    "know" if between_verb else "be", "send", "the", "rota", "."])


def test_a_subject_read_as_the_object_of_a_verb_of_saying_becomes_the_clause_subject():
    with DocView(_says_object()) as view:
        assert lift_subject_read_as_object(view, view.sents[0], {"say"}, {"tell"})
        assert [c.text for c in view[8].children if c.dep_ == "nsubjpass"] == ["keepers"]
        assert [c.text for c in view[3].children] == ["at"]


def test_an_object_of_a_verb_of_telling_or_a_verb_between_is_left_alone():
    with DocView(_says_object()) as view:
        assert not lift_subject_read_as_object(view, view.sents[0], {"say"}, {"say"})
    with DocView(_says_object(between_verb=True)) as view:
        assert not lift_subject_read_as_object(view, view.sents[0], {"say"}, {"tell"})


def _reduced_relative_rows(between=()):
    """"The crates shipped by rail arrived broken." parsed with "shipped" the verb and
    "arrived" its conjunct; ``between`` puts words between the two verbs."""
    rows = [("The", 1, "det", "DET"), ("crates", 2, "nsubj", "NOUN"),
            ("shipped", 2, "ROOT", "VERB"), ("by", 2, "prep", "ADP"),
            ("rail", 3, "pobj", "NOUN")]
    rows += [(w, 2, dep, pos) for w, dep, pos in between]
    at = len(rows)
    rows += [("arrived", 2, "conj", "VERB"), ("broken", at, "acomp", "ADJ"),
             (".", 2, "punct", "PUNCT")]
    doc = _doc(rows)
    for tok in doc:
        tok.tag_ = "VBD" if tok.pos_ == "VERB" else tok.tag_
    return doc, at


def test_a_reduced_relative_read_as_the_verb_gives_way_to_the_noun_own_verb():
    doc, at = _reduced_relative_rows()
    with DocView(doc) as view:
        assert lift_verb_after_reduced_relative(view, view.sents[0])
        assert view.sents[0].root.text == "arrived"
        assert [c.text for c in view[at].children if c.dep_ == "nsubj"] == ["crates"]
        assert [c.text for c in view[1].children if c.dep_ == "acl"] == ["shipped"]


def test_two_verbs_joined_by_and_are_left_alone():
    doc, _ = _reduced_relative_rows(between=[("and", "cc", "CCONJ")])
    with DocView(doc) as view:
        assert not lift_verb_after_reduced_relative(view, view.sents[0])
