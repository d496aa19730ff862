"""DG601's reading of an added negation, on texts written for these tests."""

SOURCE = ("The Tarn Valley zip line reopened on Saturday after a six-week closure, its owner "
          "said. Riders must now be at least 1.3 metres tall, and the operator has fitted new "
          "brakes to both lines.")


def _kinds(result) -> dict:
    return {f.code: f for f in result.findings}


def test_a_negated_thing_the_sources_never_name_is_unsupported_not_flipped(check_texts):
    """"need no permit", where no source speaks of permits and no passage aligns closely:
    content the sources lack (DU801), not a polarity they give the other way."""
    result = check_texts("The Tarn Valley zip line reopened on Saturday after a six-week "
                         "closure, its owner said. Zip-line operators in the county need no "
                         "permit from the council.", SOURCE)
    codes = _kinds(result)
    assert "DG601" not in codes
    assert any(f.kind == "unsupported-claim" for f in result.findings)


def test_a_negated_thing_the_sources_name_is_still_flipped(check_texts):
    result = check_texts("The Tarn Valley zip line reopened on Saturday after a six-week "
                         "closure. The operator has not fitted any new brakes to its lines.",
                         SOURCE)
    assert any(f.kind == "negation-flipped" for f in result.findings)


def test_a_short_contradiction_in_other_words_is_still_flipped(check_texts):
    """A negated word the sources never use, in a loosely aligned claim that brings nothing
    else new, is the contradiction it reads as ("not endorsed" for "approved")."""
    source = ("Wexham council approved plans for a new bus depot on Mill Road in March, after "
              "a long public consultation on the site.")
    result = check_texts("Councillors have not endorsed the depot.", source)
    assert any(f.kind == "negation-flipped" for f in result.findings)
