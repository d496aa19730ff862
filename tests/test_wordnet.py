"""The WordNet reader and the rules that use it, on a database written for the tests."""

from __future__ import annotations

import pytest

from checker import wordnet
from checker.config import Config
from checker.load import load_text
from wordnet_fixture import write_wordnet


@pytest.fixture(scope="module")
def wn_dir(tmp_path_factory):
    return str(write_wordnet(tmp_path_factory.mktemp("wordnet")))


@pytest.fixture(scope="module")
def wn(wn_dir):
    return wordnet.WordNet(wn_dir)


def test_finds_every_lemma_and_nothing_else(wn):
    assert wn.knows("murder", "noun") and wn.knows("chromatic color", "noun")
    assert wn.knows("go up", "verb")
    assert not wn.knows("murderer", "noun") and not wn.knows("aardvark", "noun")
    assert not wn.knows("murder", "verb")  # no data.verb entry for it


def test_synonyms_hypernyms_and_antonyms(wn):
    assert "slaying" in wn.synonyms("murder", "noun")
    assert "culpable" in wn.synonyms("guilty", "adj")  # similar-to link
    assert wn.broader("murder", "noun", 1) == {"homicide"}
    assert wn.broader("murder", "noun", 2) == {"homicide", "killing", "kill"}
    assert wn.antonyms("guilty", "adj") == {"innocent"}
    assert wn.antonyms("culpable", "adj") == {"innocent"}  # through its head "guilty"
    assert wn.antonyms("rise", "verb") == {"fall"}
    assert wn.antonyms("go up", "verb") == frozenset()  # the antonym is of "rise" only


def test_siblings_are_sister_terms_outside_time(wn):
    assert wn.siblings("murder", "noun", "manslaughter", "noun")
    assert wn.siblings("green", "adj", "yellow", "adj")  # through the nouns
    assert not wn.siblings("murder", "noun", "homicide", "noun")  # hypernym, not sister
    assert not wn.siblings("murder", "noun", "slaying", "noun")  # synonym
    assert not wn.siblings("evening", "noun", "night", "noun")  # noun.time is excluded
    assert not wn.siblings("murder", "noun", "green", "noun")


def test_places_inside_places(wn):
    assert wn.within("london", "u.k")  # the name as normalised, without its final dot
    assert wn.within("london", "britain") and wn.within("england", "uk")
    assert not wn.within("u.k", "london")  # the wider place does not support the narrower
    assert not wn.within("london", "france") and not wn.within("london", "murder")


def test_missing_directory_knows_nothing(tmp_path):
    empty = wordnet.WordNet(None)
    assert not empty.available
    assert empty.synonyms("murder", "noun") == frozenset()
    assert not empty.siblings("murder", "noun", "manslaughter", "noun")
    assert wordnet.find_dir(str(tmp_path)) in (None, wordnet.find_dir(None))


def _check(pipeline, wn_dir, source: str, derived: str):
    from checker.check import check_claims, source_index

    cfg = Config(wordnet_dir=wn_dir)
    src = load_text(source, doc_id="src")
    der = load_text(derived, doc_id="der")
    sc, dc = pipeline.claims(src), pipeline.claims(der)
    return check_claims(der, dc, [src], sc, config=cfg, lexicon=pipeline.lexicon,
                        index=source_index([src], sc))


SOURCE = ("A former porter pleaded guilty on Monday to the manslaughter of a climber "
          "at Harwick quarry. Volunteers painted the quarry gates yellow and blue.")


@pytest.mark.parametrize("derived, code, word", [
    ("A former porter pleaded guilty on Monday to the murder of a climber at "
     "Harwick quarry.", "DE404", "murder"),
    ("Volunteers painted the quarry gates green and blue.", "DE404", "green"),
    ("A former porter pleaded innocent on Monday to the manslaughter of a climber "
     "at Harwick quarry.", "DG602", "innocent"),
])
def test_rules_flag_swaps_through_wordnet(pipeline, wn_dir, derived, code, word):
    result = _check(pipeline, wn_dir, SOURCE, derived)
    hits = [f for f in result.findings if f.code == code]
    assert hits, [(f.code, f.message) for f in result.findings]
    assert hits[0].text == word
    assert hits[0].evidence and hits[0].evidence[0].text in ("manslaughter", "yellow", "guilty")


@pytest.mark.parametrize("derived", [
    "A former porter pleaded guilty on Monday to the manslaughter of a climber at "
    "Harwick quarry.",
    "Volunteers painted the quarry gates yellow and blue.",
])
def test_rules_stay_quiet_on_faithful_text(pipeline, wn_dir, derived):
    result = _check(pipeline, wn_dir, SOURCE, derived)
    assert not [f for f in result.findings if f.code in ("DE404", "DG602")]


def test_rules_are_silent_without_wordnet(pipeline, tmp_path, monkeypatch):
    monkeypatch.setattr(wordnet, "find_dir", lambda configured=None: None)
    monkeypatch.setattr(wordnet, "_SHARED", {})
    result = _check(pipeline, "", SOURCE, "Volunteers painted the quarry gates green and blue.")
    assert not [f for f in result.findings if f.code == "DE404"]


def test_a_wider_place_is_not_a_new_name(pipeline, wn_dir):
    source = "Activists in London poured paint in front of the embassy on Thursday."
    wider = _check(pipeline, wn_dir, source,
                   "U.K. activists poured paint in front of the embassy on Thursday.")
    assert not [f for f in wider.findings if f.code in ("DU802", "DE401")]
    other = _check(pipeline, wn_dir, source,
                   "French activists poured paint in front of the embassy on Thursday.")
    assert [f for f in other.findings if f.code in ("DU802", "DE401")]


def test_synonyms_are_not_unsupported_content(pipeline, wn_dir):
    source = "A former porter pleaded guilty on Monday to the murder of a climber."
    derived = "A former porter was culpable of the slaying of a climber."
    plain = _check(pipeline, "none", source, derived)
    assert [f for f in plain.findings if f.code == "DU801"]  # both words new without WordNet
    with_wn = _check(pipeline, wn_dir, source, derived)
    assert not [f for f in with_wn.findings if f.code == "DU801"]
