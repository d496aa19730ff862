"""DU807 reads a comparison clause that sets another source passage's figure beside the
claim's own ("a levy of £65, compared with the £48 members paid last year") as two of the
sources' figures side by side, not a fact tied on."""

from __future__ import annotations

from checker.load import load_text
from checker.rules.added_clause import _figures_side_by_side

SOURCE = ("Members of the Ashby rowing club will pay a yearly levy of £65 from April. Last "
          "year members paid a levy of £48.")


def _clause(pipeline, derived: str):
    dc = next(c for c in pipeline.claims(load_text(derived, doc_id="d.txt")) if "£65" in c.text)
    start = dc.start + dc.text.index(", compared") + 2
    return dc, start, pipeline.claims(load_text(SOURCE, doc_id="s.txt"))


def test_a_figure_of_another_passage_beside_the_claims_own(pipeline):
    dc, start, sources = _clause(pipeline, "Members will pay a yearly levy of £65 from April, "
                                           "compared with the £48 they paid last year.")
    assert _figures_side_by_side(dc, start, sources)


def test_a_figure_no_source_gives_is_no_side_by_side(pipeline):
    dc, start, sources = _clause(pipeline, "Members will pay a yearly levy of £65 from April, "
                                           "compared with the £39 they paid last year.")
    assert not _figures_side_by_side(dc, start, sources)
