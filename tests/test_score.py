"""The consistency score: its features, the fitted model, and refitting it reproducibly."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from checker.check import lead_coverage
from checker.records import Alignment, Finding
from checker.score import (
    FEATURES,
    MODEL_FILE,
    ScoreModel,
    load_model,
    score_features,
    top_contributions,
)

FEATURES_SORTED = tuple(sorted(FEATURES))

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "fit"


def finding(code: str = "DN501", confidence: float = 0.8) -> Finding:
    return Finding(kind="number-changed", code=code, name="number-changed", severity="error",
                   message="m", confidence=confidence, doc_id="d", start=0, end=1, text="x")


def feats(findings=(), support=(1.0,), **kw):
    als = [Alignment(derived=f"d:c{i}", score=s, support=("s:c1",) if s > 0.45 else ())
           for i, s in enumerate(support)]
    args = {"novel_names": 0, "novel_figures": 0, "lead": 1.0}
    args.update(kw)
    return score_features(list(findings), als, **args)


def test_features_group_findings_by_what_they_are_evidence_of():
    f = feats([finding(confidence=0.6), finding(confidence=0.9), finding("DA101", 0.5),
               finding("DO901", 0.4)])
    assert f["hard_facts"] == 0.9 and f["any_hard_fact"] == 1.0
    assert f["other_findings"] == 0.5 and f["omissions"] == 0.4
    assert feats()["hard_facts"] == 0.0 and feats()["any_hard_fact"] == 0.0


def test_features_summarise_support_and_what_the_sources_lack():
    f = feats(support=(0.9, 0.3), novel_names=2, novel_figures=1, lead=0.5)
    assert f["support_mean"] == pytest.approx(0.6) and f["support_min"] == 0.3
    assert f["unaligned_share"] == 0.5 and f["lead_coverage"] == 0.5
    assert f["novel_names"] == pytest.approx(math.log1p(2))


def test_shipped_model_reads_and_scores_in_the_right_direction():
    model = load_model()
    assert set(model.features) == set(FEATURES)
    meta = model.to_dict()
    assert {r["file"] for r in meta["training_files"]} >= {"summedits-dev.jsonl"}
    assert all(r["sha256"] and r["rows"] > 0 for r in meta["training_files"])
    clean = feats()
    wrong = feats([finding(confidence=0.95)], novel_figures=1)
    assert 0.0 < model.probability(wrong) < model.probability(clean) < 1.0
    parts = top_contributions(model, wrong)
    assert any(p["feature"] in ("hard_facts", "any_hard_fact", "novel_figures") and p["log_odds"] < 0
               for p in parts)


def test_model_file_round_trips_and_refuses_a_broken_file(tmp_path):
    model = load_model()
    again = ScoreModel.from_dict(json.loads(json.dumps(model.to_dict())))
    assert again.features == model.features and again.threshold == model.threshold
    broken = dict(model.to_dict(), coef=[1.0])
    with pytest.raises(ValueError):
        ScoreModel.from_dict(broken)
    assert MODEL_FILE.is_file()


def test_lead_coverage_counts_the_sources_lead():
    assert lead_coverage((), ()) == 1.0


def test_refitting_the_fixture_reproduces_its_stored_model():
    """Fitting the fixture's feature rows again gives the stored model (C, coefficients,
    threshold): the fit is deterministic. The rows are features, not texts, so that a rule
    change does not move them."""
    from checker.fit import FitRow, fit_model

    stored = ScoreModel.from_dict(json.loads((FIXTURES / "fixture-model.json").read_text()))
    rows = [FitRow(**r) for r in json.loads((FIXTURES / "features.json").read_text())]
    model = fit_model(rows, k=3)
    assert model.features == stored.features
    assert model.meta["C"] == stored.meta["C"]
    for a, b in zip(model.coef, stored.coef):
        assert a == pytest.approx(b, rel=1e-3, abs=1e-7)
    assert model.intercept == pytest.approx(stored.intercept, rel=1e-3, abs=1e-7)
    assert model.threshold == pytest.approx(stored.threshold, abs=1e-3)


def test_fit_files_fits_on_a_benchmark_file(pipeline, tmp_path):
    """``checker fit``'s path from a JSON-lines file to a model, on a handful of rows."""
    from checker.bench.cv import fit_files

    rows = []
    for i, (doc, good, bad) in enumerate([
            ("The ferry board approved a terminal costing 12 million pounds.",
             "The ferry board approved a terminal.", "The ferry board rejected a terminal."),
            ("Maple Foods recalled 3,000 jars of jam.", "Maple Foods recalled 3,000 jars.",
             "Birch Foods recalled 3,000 jars."),
            ("The library opens until 9 pm from March.", "From March the library opens late.",
             "From May the library opens until 11 pm."),
            ("Ruiz signed a three-year contract.", "Ruiz signed a new contract.",
             "Ruiz signed a five-year contract.")]):
        rows += [{"id": f"{i}g", "doc": doc, "summary": good, "label": 1},
                 {"id": f"{i}b", "doc": doc, "summary": bad, "label": 0}]
    path = tmp_path / "tiny.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    model = fit_files([path], k=2, pipeline=pipeline, progress=False)
    assert model.features == FEATURES_SORTED
    assert model.meta["training_files"][0]["rows"] == 8
    assert len(model.meta["training_files"][0]["sha256"]) == 64
