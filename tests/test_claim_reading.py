"""One deed across two parses: claims built by hand in the shape the small English model
gives, whatever the model does with a given sentence."""

from dataclasses import replace

from checker.claim_reading import same_deed_verb, shares_core
from checker.records import Claim
from handmade import hand_claim


def _claim(text: str, predicate: str, tags: dict) -> Claim:
    return hand_claim(text, tags, predicate)


_TAGS = {"landlords": ("landlord", "NOUN"), "begun": ("begin", "VERB"),
         "reletting": ("relet", "VERB"), "flats": ("flat", "NOUN")}
_SOURCE = _claim("Some landlords have begun reletting flats", "begin", _TAGS)


def test_a_verb_of_phase_and_the_verb_it_takes_are_one_deed():
    # the parse of one sentence takes "have begun" as the verb, of the other "reletting"
    derived = _claim("Landlords have begun reletting flats", "relet", _TAGS)
    assert same_deed_verb(derived, _SOURCE) and same_deed_verb(_SOURCE, derived)
    assert shares_core(derived, _SOURCE)


def test_another_verb_after_a_verb_of_phase_is_another_deed():
    derived = _claim("Landlords have sold flats", "sell",
                     {**_TAGS, "sold": ("sell", "VERB")})
    assert not same_deed_verb(derived, _SOURCE)
    assert not same_deed_verb(derived, replace(_SOURCE, predicate="relet"))
