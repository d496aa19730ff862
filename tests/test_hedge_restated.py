"""A hedge added is held against a firm source claim only when the two claims share a word
besides the hedged verbs: two words cut to one stem ("inspectors", "inspection") are no
restatement (DC210)."""

SOURCE = ("Mr Dace paid £40 for the boiler inspection in May. The treasurer said the extra "
          "income, estimated at £900 a year, could also be spent replacing the club's two gas "
          "inspectors, who are 61.")


def codes(result) -> set[str]:
    return {f.code for f in result.findings}


def test_a_stem_shared_by_two_words_restates_nothing(check_texts):
    derived = ("Money from the higher dues, put at some £900 a year, might well help pay for "
               "two new gas inspectors, the treasurer said.")
    assert "DC210" not in codes(check_texts(derived, SOURCE))


def test_the_claim_itself_hedged_is_lowered(check_texts):
    derived = "Mr Dace may have paid £40 for the boiler inspection in May."
    assert "DC210" in codes(check_texts(derived, SOURCE))


def test_numbers_and_adjectives_shared_restate_nothing_either(check_texts):
    source = SOURCE.replace("for the boiler inspection", "for two new boiler inspections")
    derived = ("Money from the higher dues, put at some £900 a year, might well help pay for "
               "two new gas inspectors, the treasurer said.")
    assert "DC210" not in codes(check_texts(derived, source))
