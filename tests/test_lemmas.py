"""The lemma repairs of checker.lemmas: a verb form only a lemma in -e can make."""

from checker.lemmas import repaired

VERBS = frozenset({"hope", "hop", "rate", "rat", "fix", "sing", "singe", "open", "plan", "plane"})


def test_an_e_verb_form_gets_its_e_lemma():
    assert repaired("hopes", "VBZ", "hop", VERBS) == "hope"
    assert repaired("hoped", "VBD", "hop", VERBS) == "hope"
    assert repaired("hoping", "VBG", "hop", VERBS) == "hope"
    assert repaired("Rated", "VBN", "rat", VERBS) == "rate"


def test_forms_the_short_lemma_makes_keep_it():
    assert repaired("hopped", "VBD", "hop", VERBS) == "hop"
    assert repaired("fixes", "VBZ", "fix", VERBS) == "fix"
    assert repaired("singing", "VBG", "sing", VERBS) == "sing"  # not "singe"
    assert repaired("opened", "VBD", "open", VERBS) == "open"
    assert repaired("planned", "VBD", "plan", VERBS) == "plan"
    assert repaired("hop", "VB", "hop", VERBS) == "hop"


def test_singular_by_spelling():
    from checker.lemmas import singular
    assert singular("allegations") == "allegation"
    assert singular("societies") == "society"
    assert singular("class") == "class"
    assert singular("ties") == "tie"
    assert singular("board") == "board"
