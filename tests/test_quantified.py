"""The noun a scope word quantifies, on claims built by hand in the shape the small English
model gives, whatever the model does with a given sentence."""

from checker.align import key
from checker.quantified import noun_after
from checker.records import Claim, Cue
from handmade import hand_claim


def _claim(text: str, tags: dict) -> Claim:
    return hand_claim(text, tags)


def test_a_word_read_as_an_adjective_after_a_hyphen_carries_the_nouns_on():
    # "All six skin-rash cases were seen early", the tagger reading "rash" as an adjective
    claim = _claim("All six skin-rash cases were seen early",
                   {"six": ("six", "NUM"), "skin": ("skin", "NOUN"), "rash": ("rash", "ADJ"),
                    "cases": ("case", "NOUN"), "seen": ("see", "VERB")})
    assert noun_after(claim, Cue("All", "all", 0, 3, 0.0)) == key("case")


def test_an_adjective_with_no_hyphen_ends_the_nouns():
    claim = _claim("All six skin cases seen early",
                   {"six": ("six", "NUM"), "skin": ("skin", "NOUN"), "cases": ("case", "NOUN"),
                    "seen": ("see", "VERB"), "early": ("early", "ADJ")})
    assert noun_after(claim, Cue("All", "all", 0, 3, 0.0)) == key("case")
