"""Two readings of who speaks: a verb of saying the parser gave two subjects takes the one
after the joining word as its speaker; and a report the source's own outlet says it "has
learned" is the source's own voice, so a summary that keeps the inner speaker drops no
credit."""

from __future__ import annotations

from checker.load import load_text

MEMO = ("A draft paper shown to the Lenwick Herald points to a 6% rise in parking fees, but the "
        "trust says nothing has been decided.")


def test_the_speaker_after_but_is_the_one_who_says(pipeline):
    claims = pipeline.claims(load_text(MEMO, doc_id="d.txt"))
    said = [c for c in claims if "nothing has been decided" in c.text]
    assert said and said[0].attribution is not None
    assert said[0].attribution.source.strip().lower() == "the trust"


SCOOP = ("Stallholders at Drayfield market say they are prepared to withhold rent to stop the "
         "council moving the market, the Bugle has learned.")
DERIVED = ("Drayfield's stallholders say they are ready to withhold rent to stop the council "
           "moving the market.")


def _codes(pipeline, outlet: str) -> list:
    src = load_text(SCOOP, doc_id="s.txt", meta={"outlet": outlet} if outlet else None)
    der = load_text(DERIVED, doc_id="d.txt")
    return [f.code for f in pipeline.check(der, [src]).findings]


def test_the_source_outlet_learning_is_its_own_voice(pipeline):
    assert "DA101" not in _codes(pipeline, "Drayfield Bugle")


def test_another_outlet_learning_is_a_report_to_keep(pipeline):
    assert "DA101" in _codes(pipeline, "Vale Gazette")
