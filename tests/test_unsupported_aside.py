"""DU801's reading of a relative clause on its own, where the claim around it is aligned
too loosely for the close-restatement path and holds too few new words as a whole: the
aligner's score is set by hand, as whole texts reach that band only by chance."""

from __future__ import annotations

from dataclasses import replace

from checker.align import align
from checker.check import source_index
from checker.config import Config
from checker.lexicon import load_lexicon
from checker.load import load_text
from checker.rules import unsupported_content
from checker.rules.base import Context

SOURCE = ("The quarry, which shut in 1994, has been owned since 2010 by Brennock Aggregates, a "
          "firm based in Tolland that holds several old pits in the county. The council has "
          "accused Brennock of failing to shore up the slope its surveyors flagged in 2022. "
          "Residents have made complaints about dust from the site.")
DERIVED = ("The quarry's owner, Brennock Aggregates, which has faced repeated dust complaints "
           "at its other pits, stands accused by the council of not shoring up the "
           "slope flagged in 2022.")


def _findings(pipeline, derived: str, score: float):
    der, src = load_text(derived, doc_id="d"), load_text(SOURCE, doc_id="s")
    dcs, scs = pipeline.claims(der), pipeline.claims(src)
    index = source_index([src], scs)
    alignments = {a.derived: replace(a, score=score) for a in align(dcs, index)}
    ctx = Context(derived=der, sources=(src,), derived_claims=tuple(dcs), index=index,
                  alignments=alignments, lexicon=load_lexicon({}), config=Config(),
                  doc_of={"s": src})
    return list(unsupported_content.check(ctx))


def test_an_aside_of_new_words_in_a_loosely_aligned_claim_is_flagged(pipeline):
    found = _findings(pipeline, DERIVED, 0.6)
    assert [f.text for f in found] == ["which has faced repeated dust complaints at its other pits"]


def test_an_aside_the_sources_give_is_not(pipeline):
    kept = DERIVED.replace("which has faced repeated dust complaints at its other pits",
                           "which holds several old pits in the county")
    assert _findings(pipeline, kept, 0.6) == []
