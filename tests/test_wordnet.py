"""The WordNet reader on the data shipped in the package, the same answers from WordNet's own
database files where they are installed, and the rules that use it."""

from __future__ import annotations

import configparser
import importlib.util
import os
import re
from pathlib import Path

import pytest

from checker import wordnet, wordnet_store
from checker.config import Config
from checker.load import load_text
from checker.rules import RULES

ROOT = Path(__file__).resolve().parents[1]
WNDB = "/usr/share/wordnet"  # Debian's wordnet-base


@pytest.fixture(scope="module")
def wn():
    return wordnet.WordNet.packaged()


@pytest.fixture(scope="module")
def wndb():
    """A reader of WordNet 3.0's own database files, or skip."""
    if not os.path.isfile(os.path.join(WNDB, "index.noun")):
        pytest.skip(f"WordNet's database files are not installed ({WNDB}: Debian wordnet-base)"
                    "; the packaged data is compared with them where they are")
    return wordnet.WordNet(WNDB)


def test_finds_lemmas_and_senses(wn):
    assert wn.available and wn.directory is None
    assert wn.knows("murder", "noun") and wn.knows("chromatic color", "noun")
    assert wn.knows("go up", "verb") and wn.knows("murder", "verb")
    assert not wn.knows("xqzt", "noun") and not wn.knows("", "noun")
    assert wn.synsets("murder", "noun") == (220522,)  # byte offsets of WordNet 3.0
    assert wn.synset(220522, "noun").words[:2] == ("murder", "slaying")
    assert wn.synset(220523, "noun") is None


def test_synonyms_hypernyms_and_antonyms(wn):
    assert "slaying" in wn.synonyms("murder", "noun")
    assert "culpable" in wn.synonyms("guilty", "adj")  # similar-to link
    assert "invade" in wn.synonyms("invasion", "noun")  # derivation
    assert wn.broader("murder", "noun", 1) == {"homicide"}
    assert wn.broader("murder", "noun", 2) == {"homicide", "killing", "kill",
                                               "putting to death"}
    assert "innocent" in wn.antonyms("guilty", "adj")
    assert wn.antonyms("culpable", "adj") == {"innocent"}  # through its head "guilty"
    assert "fall" in wn.antonyms("rise", "verb")
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


def test_settings_choose_the_store(tmp_path, monkeypatch):
    monkeypatch.setattr(wordnet, "_SHARED", {})
    monkeypatch.delenv("CHECKER_WORDNET", raising=False)
    assert wordnet.get().data_file == wordnet_store.DATA_FILE  # nothing named: the packaged data
    assert wordnet.get(str(tmp_path)).data_file == wordnet_store.DATA_FILE  # no files there
    off = wordnet.get("none")
    assert not off.available and off.synonyms("murder", "noun") == frozenset()
    assert not off.siblings("murder", "noun", "manslaughter", "noun")
    monkeypatch.setenv("CHECKER_WORDNET", "off")
    assert not wordnet.for_config(Config()).available
    assert wordnet.find_dir(None) is None


def test_a_named_directory_is_read(wndb, monkeypatch):
    monkeypatch.setattr(wordnet, "_SHARED", {})
    monkeypatch.setenv("CHECKER_WORDNET", WNDB)
    assert wordnet.for_config(Config()).directory == WNDB
    assert wordnet.find_dir(None) == WNDB


def test_a_missing_data_file_is_said(tmp_path, monkeypatch):
    monkeypatch.setattr(wordnet, "_SHARED", {})
    monkeypatch.setattr(wordnet_store, "DATA_FILE", tmp_path / "gone.tsv.gz")
    with pytest.warns(UserWarning, match="data file .* is missing"):
        assert not wordnet.get().available


def test_the_licence_is_shipped():
    text = wordnet_store.LICENCE_FILE.read_text(encoding="utf-8")
    assert "WordNet 3.0 Copyright 2006 by Princeton University" in text
    setup = configparser.ConfigParser()
    setup.read(ROOT / "setup.cfg", encoding="utf-8")
    shipped = set(re.split(r"[,\s]+", setup["options.package_data"]["checker"].strip()))
    assert {"data/wordnet.tsv.gz", "data/WORDNET-LICENSE.txt"} <= shipped


# -- the packaged data against WordNet's own files --------------------------------------------

SAMPLE_EVERY = 40  # every 40th lemma of each index file, and these:
KNOWN = {"noun": ["murder", "manslaughter", "green", "yellow", "evening", "night", "london",
                  "u.k.", "britain", "france", "invasion", "beach", "cliff", "chromatic_color"],
         "verb": ["rise", "fall", "go_up", "invade", "drop", "deny"],
         "adj": ["guilty", "culpable", "innocent", "green", "yellow", "big", "british",
                 "canadian", "american"],
         "adv": ["sharply", "slowly", "fast"]}


def _sample(pos: str) -> list[str]:
    with open(os.path.join(WNDB, f"index.{pos}"), encoding="utf-8") as fh:
        lemmas = [line.split(" ", 1)[0] for line in fh if not line.startswith("  ")]
    return KNOWN[pos] + lemmas[::SAMPLE_EVERY]


@pytest.mark.parametrize("pos", ["noun", "verb", "adj", "adv"])
def test_packaged_data_answers_as_the_database_files(wn, wndb, pos):
    sample = _sample(pos)
    for lemma in sample:
        word = lemma.replace("_", " ")
        assert wn.synsets(word, pos) == wndb.synsets(word, pos), word
        assert wn.senses(word, pos) == wndb.senses(word, pos), word
        assert wn.synonyms(word, pos) == wndb.synonyms(word, pos), word
        assert wn.synonyms(word, pos, 2) == wndb.synonyms(word, pos, 2), word
        assert wn.broader(word, pos, 3) == wndb.broader(word, pos, 3), word
        assert wn.antonyms(word, pos) == wndb.antonyms(word, pos), word
        assert wn.kinds(word, pos) == wndb.kinds(word, pos), word
    siblings = 0
    for a, b in zip(sample, sample[1:] + sample[:1]):
        same = wn.siblings(a, pos, b, pos)
        assert same == wndb.siblings(a, pos, b, pos), (a, b)
        siblings += same
    assert wn.siblings("murder", "noun", "manslaughter", "noun") and \
        wndb.siblings("murder", "noun", "manslaughter", "noun")
    if pos == "noun":
        for a in sample[:60]:
            assert wn.places(a) == wndb.places(a), a
            for b in ("u.k.", "england", "france", "europe"):
                assert wn.within(a, b) == wndb.within(a, b), (a, b)


def test_the_shipped_file_is_a_fresh_build(wndb, tmp_path):
    """scripts/build_wordnet.py on the database files rebuilds the shipped bytes: the file
    holds the senses and pointers the reader reads today, nothing stale."""
    spec = importlib.util.spec_from_file_location("build_wordnet",
                                                  ROOT / "scripts" / "build_wordnet.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    out = tmp_path / "wordnet.tsv.gz"
    assert build.main([WNDB, "--output", str(out)]) == 0
    assert out.read_bytes() == wordnet_store.DATA_FILE.read_bytes(), \
        "the shipped WordNet data is stale: run scripts/build_wordnet.py"
    assert (tmp_path / wordnet_store.LICENCE_FILE.name).read_text(encoding="utf-8") == \
        wordnet_store.LICENCE_FILE.read_text(encoding="utf-8")


# -- the rules, on the packaged data with no directory configured -----------------------------

def _check(pipeline, source: str, derived: str, wordnet_dir: str = ""):
    from checker.check import check_claims, source_index

    cfg = Config(wordnet_dir=wordnet_dir)
    src = load_text(source, doc_id="src")
    der = load_text(derived, doc_id="der")
    sc, dc = pipeline.claims(src), pipeline.claims(der)
    return check_claims(der, dc, [src], sc, config=cfg, lexicon=pipeline.lexicon,
                        index=source_index([src], sc))


@pytest.mark.parametrize("code", ["DE404", "DG602"])
def test_rule_examples_run_on_the_packaged_data(pipeline, code):
    assert "CHECKER_WORDNET" not in os.environ  # conftest: no directory named
    reader = wordnet.for_config(Config())
    assert reader.available and reader.directory is None
    assert reader.data_file == wordnet_store.DATA_FILE
    rule = next(r for r in RULES if r.code == code)
    source, flagged, okay = (re.search(rf"{label}: (.*)", rule.doc).group(1)
                             for label in ("Source", "Flag", "Okay"))
    assert code in {f.code for f in _check(pipeline, source, flagged).findings}
    assert code not in {f.code for f in _check(pipeline, source, okay).findings}


SOURCE = ("A former porter pleaded guilty on Monday to the manslaughter of a climber "
          "at Harwick quarry. Volunteers painted the quarry gates yellow and blue.")


@pytest.mark.parametrize("derived, code, word", [
    (("A former porter pleaded guilty on Monday to the murder of a climber at "
      "Harwick quarry."), "DE404", "murder"),
    ("Volunteers painted the quarry gates green and blue.", "DE404", "green"),
    (("A former porter pleaded innocent on Monday to the manslaughter of a climber "
      "at Harwick quarry."), "DG602", "innocent"),
])
def test_rules_flag_swaps_through_wordnet(pipeline, derived, code, word):
    result = _check(pipeline, SOURCE, derived)
    hits = [f for f in result.findings if f.code == code]
    assert hits, [(f.code, f.message) for f in result.findings]
    assert hits[0].text == word
    assert hits[0].evidence and hits[0].evidence[0].text in ("manslaughter", "yellow", "guilty")


@pytest.mark.parametrize("derived", [
    ("A former porter pleaded guilty on Monday to the manslaughter of a climber at "
     "Harwick quarry."),
    "Volunteers painted the quarry gates yellow and blue.",
])
def test_rules_stay_quiet_on_faithful_text(pipeline, derived):
    result = _check(pipeline, SOURCE, derived)
    assert not [f for f in result.findings if f.code in ("DE404", "DG602")]


def test_rules_are_silent_with_wordnet_off(pipeline):
    derived = "Volunteers painted the quarry gates green and blue."
    assert [f for f in _check(pipeline, SOURCE, derived).findings if f.code == "DE404"]
    off = _check(pipeline, SOURCE, derived, wordnet_dir="none")
    assert not [f for f in off.findings if f.code == "DE404"]


def test_an_opposite_noun_is_a_swap_but_a_word_the_source_uses_is_not(pipeline):
    source = ("The bakery chain reported a small gain in its spring sales. A rival's loss "
              "of two shops was also noted.")
    opposite = _check(pipeline, "The bakery chain reported a small gain in its spring sales.",
                      "The bakery chain reported a small loss in its spring sales.")
    hits = [f for f in opposite.findings if f.code == "DE404"]
    assert hits and hits[0].text == "loss" and "opposite" in hits[0].message
    # "loss" stands in the source, said of the rival: the derived text took the word from
    # it, so this rule leaves the claim to the others
    taken = _check(pipeline, source, "The bakery chain reported a small loss in its spring sales.")
    assert not [f for f in taken.findings if f.code == "DE404"]


def test_a_wider_place_is_not_a_new_name(pipeline):
    source = "Activists in London poured paint in front of the embassy on Thursday."
    wider = _check(pipeline, source,
                   "U.K. activists poured paint in front of the embassy on Thursday.")
    assert not [f for f in wider.findings if f.code in ("DU802", "DE401")]
    other = _check(pipeline, source,
                   "French activists poured paint in front of the embassy on Thursday.")
    assert [f for f in other.findings if f.code in ("DU802", "DE401")]


def test_synonyms_are_not_unsupported_content(pipeline):
    source = "A former porter pleaded guilty on Monday to the murder of a climber."
    derived = "A former porter was culpable of the slaying of a climber."
    plain = _check(pipeline, source, derived, wordnet_dir="none")
    assert [f for f in plain.findings if f.code == "DU801"]  # both words new without WordNet
    with_wn = _check(pipeline, source, derived)
    assert not [f for f in with_wn.findings if f.code == "DU801"]
