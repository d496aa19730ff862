"""DC202 reads a finding verb as the claim's own only where the claim asserts it: not as a
participle that picks out the noun before it."""

from checker.lexicon import load_lexicon
from checker.rules.factive_upgrade import _asserted


def _cue_claim(claims):
    return next(c for c in claims if c.certainty.factive_cue is not None)


def test_a_participle_after_its_noun_asserts_nothing_found(claims_of):
    claim = _cue_claim(claims_of("The partners said that most faults found in March had "
                                 "since been fixed, while the failures reflected a lack "
                                 "of staff."))
    assert not _asserted(claim, claim.certainty.factive_cue, load_lexicon(()))


def test_the_finders_own_verb_asserts_what_it_found(claims_of):
    claim = _cue_claim(claims_of("Inspectors found that most faults had been fixed in "
                                 "March."))
    assert _asserted(claim, claim.certainty.factive_cue, load_lexicon(()))


def test_a_main_verb_before_a_time_phrase_still_asserts(claims_of):
    claim = _cue_claim(claims_of("Tests showed in March the old pipes were leaking, Marrow "
                                 "Water said."))
    assert _asserted(claim, claim.certainty.factive_cue, load_lexicon(()))


def test_a_participle_before_a_place_with_its_article_asserts_nothing(claims_of):
    claim = _cue_claim(claims_of("Jurors heard that the bag found in a barn was left there "
                                 "by a lodger."))
    assert not _asserted(claim, claim.certainty.factive_cue, load_lexicon(()))


def test_a_main_verb_before_an_article_phrase_and_a_subject_still_asserts(claims_of):
    claim = _cue_claim(claims_of("Tests showed in the spring lead was present in the water."))
    assert _asserted(claim, claim.certainty.factive_cue, load_lexicon(()))
