"""A figure that meets the aligned source sentence's rounded bound is the same figure when
another outlet gives it, or the same article counts it exactly by the same noun or as
items on the same deed ("a total of 7,300 devices were replaced"); a figure of another
fact in the same article, or one past the bound, is still a changed number (DN501)."""

from __future__ import annotations

from checker.load import load_text

ROUNDED = ("The water company told more than 7,000 households in Pellby on Friday to run "
           "their taps for two minutes before use.")
EXACT = ("About 7,300 households in Pellby were told on Friday to run their taps before use. "
         "The company expects to lift the advice within ten days.")
SAME_ARTICLE = ROUNDED + " Its depot in Pellby holds 7,300 spare meters."


def _dn501(pipeline, derived: str, *sources: str) -> list:
    der = load_text(derived, doc_id="d.txt")
    srcs = [load_text(s, doc_id=f"s{i}.txt") for i, s in enumerate(sources)]
    return [f.text for f in pipeline.check(der, srcs).findings if f.code == "DN501"]


def test_a_figure_another_outlet_gives_meets_the_bound(pipeline):
    derived = ("The water company told some 7,300 households in Pellby on Friday to run "
               "their taps for two minutes before use.")
    assert _dn501(pipeline, derived, ROUNDED, EXACT) == []


def test_a_figure_past_the_bound_is_flagged(pipeline):
    derived = ("The water company told some 6,300 households in Pellby on Friday to run "
               "their taps for two minutes before use.")
    assert _dn501(pipeline, derived, ROUNDED, EXACT)


def test_a_figure_of_another_fact_in_the_same_article_is_flagged(pipeline):
    derived = ("The water company told some 7,300 households in Pellby on Friday to run "
               "their taps for two minutes before use.")
    assert _dn501(pipeline, derived, SAME_ARTICLE)


ITEMS = ("Engineers replaced more than 7,000 water meters in Pellby over the winter, the "
         "company said. A total of 7,300 devices were replaced between November and March.")


def test_a_figure_the_article_counts_exactly_as_items_meets_the_bound(pipeline):
    derived = "Engineers replaced 7,300 water meters in Pellby over the winter."
    assert _dn501(pipeline, derived, ITEMS) == []
