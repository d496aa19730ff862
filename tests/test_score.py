"""The consistency score: its features, the fitted model, and refitting it reproducibly."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from checker.check import lead_coverage
from checker.records import Alignment, Finding
from checker.score import MODEL_FILE, ScoreModel, load_model, score_features, top_contributions

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "fit"


def finding(code: str = "DN501", confidence: float = 0.8) -> Finding:
    return Finding(kind="number-changed", code=code, name="number-changed", severity="error",
                   message="m", confidence=confidence, doc_id="d", start=0, end=1, text="x")


def feats(findings=(), support=(1.0,), **kw):
    als = [Alignment(derived=f"d:c{i}", score=s, support=("s:c1",) if s > 0.45 else ())
           for i, s in enumerate(support)]
    args = {"novel_names": 0, "novel_figures": 0, "lead": 1.0, "codes": ("DN501", "DA101")}
    args.update(kw)
    return score_features(list(findings), als, len(als), **args)


def test_features_hold_each_code_strongest_confidence_and_count():
    f = feats([finding(confidence=0.6), finding(confidence=0.9)])
    assert f["max:DN501"] == 0.9 and f["n:DN501"] == pytest.approx(math.log1p(2))
    assert f["max:DA101"] == 0.0 and f["n:DA101"] == 0.0


def test_features_summarise_support_and_what_the_sources_lack():
    f = feats(support=(0.9, 0.3), novel_names=2, novel_figures=1, lead=0.5)
    assert f["support_mean"] == pytest.approx(0.6) and f["support_min"] == 0.3
    assert f["unaligned_share"] == 0.5 and f["lead_coverage"] == 0.5
    assert f["novel_names"] == pytest.approx(math.log1p(2))


def test_shipped_model_reads_and_scores_in_the_right_direction():
    model = load_model()
    assert set(model.features) >= {"support_mean", "lead_coverage", "max:DN501"}
    meta = model.to_dict()
    assert {r["file"] for r in meta["training_files"]} >= {"summedits-dev.jsonl"}
    assert all(r["sha256"] and r["rows"] > 0 for r in meta["training_files"])
    clean = feats(codes=tuple(c.split(":")[1] for c in model.features if c.startswith("max:")))
    wrong = dict(clean, **{"max:DN501": 0.95, "n:DN501": math.log1p(1),
                           "novel_figures": math.log1p(1)})
    assert 0.0 < model.probability(wrong) < model.probability(clean) < 1.0
    parts = top_contributions(model, wrong)
    assert any(p["feature"] in ("max:DN501", "n:DN501", "novel_figures") and p["log_odds"] < 0
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


def test_refitting_the_fixture_reproduces_its_stored_model(pipeline):
    """``checker fit`` on the fixture rows gives the stored coefficients again."""
    from checker.bench.cv import fit_files

    stored = ScoreModel.from_dict(json.loads((FIXTURES / "fixture-model.json").read_text()))
    model = fit_files([FIXTURES / "rows.jsonl"], k=3, pipeline=pipeline, progress=False)
    assert model.features == stored.features
    assert model.meta["C"] == stored.meta["C"]
    for a, b in zip(model.coef, stored.coef):
        assert a == pytest.approx(b, abs=1e-3)
    assert model.intercept == pytest.approx(stored.intercept, abs=1e-3)
    assert model.threshold == pytest.approx(stored.threshold, abs=1e-3)
