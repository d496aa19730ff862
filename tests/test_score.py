"""The consistency score: each component moves it the way its docstring says."""

from __future__ import annotations

from checker.check import consistency_score, lead_coverage
from checker.records import Alignment, Finding

SOURCE = ("Kestrel Air cancelled 40 flights on Monday after a pilots' strike. "
          "The airline said services would return to normal by Friday. "
          "Union leaders said talks would resume next week. "
          "Crews worked overnight at the main hub. Airport shops stayed open late. "
          "Passengers were offered refunds.")


def finding(severity: str, kind: str = "number-changed", confidence: float = 0.8,
            code: str = "DN501") -> Finding:
    return Finding(kind=kind, code=code, name="number-changed", severity=severity,
                   message="m", confidence=confidence, doc_id="d", start=0, end=1, text="x")


def test_findings_lower_the_score_by_severity():
    al = (Alignment(derived="d:c1", score=1.0),)
    clean = consistency_score([], al, ())
    warn = consistency_score([finding("warning")], al, ())
    err = consistency_score([finding("error")], al, ())
    assert clean > warn > err


def test_omissions_weigh_less_than_errors():
    al = (Alignment(derived="d:c1", score=1.0),)
    omitted = consistency_score([finding("error", "omitted-claim")], al, ())
    wrong = consistency_score([finding("error")], al, ())
    assert omitted > wrong


def test_hard_facts_weigh_more_than_soft_findings():
    al = (Alignment(derived="d:c1", score=1.0),)
    figure = consistency_score([finding("error")], al, ())
    wording = consistency_score([finding("error", "unsupported-claim", code="DU801")], al, ())
    attribution = consistency_score([finding("error", "attribution-dropped", code="DA101")],
                                    al, ())
    assert wording > figure and attribution > figure
    assert consistency_score([], al, ()) > wording


def test_one_confident_hard_fact_decides_even_with_full_support_and_lead():
    from checker.config import Config

    al = (Alignment(derived="d:c1", score=1.0),)
    threshold = Config().decision_threshold
    figure = consistency_score([finding("error")], al, (), lead=1.0)
    wording = consistency_score([finding("error", "unsupported-claim", code="DU801")], al, (),
                                lead=1.0)
    assert figure < threshold < wording
    # A weak hard-fact finding (an unsupported figure, a warning) lowers without deciding.
    weak = consistency_score([finding("warning", "unsupported-claim", 0.6, "DU803")], al, (),
                             lead=1.0)
    assert figure < weak < consistency_score([], al, (), lead=1.0)


def test_unknown_names_and_figures_and_weak_support_lower_the_score():
    strong = (Alignment(derived="d:c1", score=1.0),)
    weak = (Alignment(derived="d:c1", score=0.2),)
    assert consistency_score([], strong, ()) > consistency_score([], strong, (), novel=2)
    assert consistency_score([], strong, ()) > consistency_score([], weak, ())


def test_leaving_out_the_lead_lowers_the_score(pipeline):
    from checker.load import load_text

    src = pipeline.claims(load_text(SOURCE, doc_id="src.txt"))
    lead_kept = pipeline.claims(load_text(
        "Kestrel Air cancelled 40 flights on Monday after a pilots' strike.", doc_id="a.txt"))
    lead_lost = pipeline.claims(load_text("Passengers were offered refunds.", doc_id="b.txt"))
    assert lead_coverage(src, lead_kept) > lead_coverage(src, lead_lost)
    al = (Alignment(derived="x", score=1.0),)
    assert consistency_score([], al, lead_kept, lead=lead_coverage(src, lead_kept)) > \
        consistency_score([], al, lead_lost, lead=lead_coverage(src, lead_lost))
