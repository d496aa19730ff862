"""Tests of the benchmark library: metrics by hand, file reading, and runs with a fake pipeline."""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path

import pytest

from checker import bench
from checker.config import Config
from checker.errors import CheckerError, InputError
from checker.records import Article, Finding, Unit

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "bench"
CONSISTENCY = FIXTURES / "consistency.jsonl"
INSCIOUT = FIXTURES / "insciout.jsonl"
MALFORMED = FIXTURES / "malformed.jsonl"
STRENGTH = FIXTURES / "strength.jsonl"
SUPERPAL = FIXTURES / "superpal.jsonl"
SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks"

REQUIRED_KEYS = {
    "balanced_accuracy", "roc_auc", "macro_f1", "pairs_per_second", "parse_seconds",
    "total_seconds", "peak_memory_mb", "threshold", "threshold_source", "n", "skipped",
    "by_dataset", "kinds_on_true_positives", "kinds_on_false_positives", "confusion_matrix",
    "version", "model", "config", "date", "data_file", "dev_file",
}


# --- fakes: a loader and a pipeline that need no spaCy model -----------------------------------


def fake_load(text, *, doc_id, path=None, fmt="text", config=None, meta=None):
    """One paragraph unit per text; refuses blank text like the real loader."""
    if not text.strip():
        raise InputError("the text is empty", cause="empty")
    return Article(doc_id=doc_id, path=path, raw=text, text=text,
                   units=(Unit("paragraph", 0, len(text)),), offsets=tuple(range(len(text) + 1)))


def finding(kind, code, confidence):
    return Finding(kind=kind, code=code, name=code.lower(), severity="warning", message="m",
                   confidence=confidence, doc_id="d", start=0, end=1, text="x")


class FakeResult:
    def __init__(self, score, findings):
        self.score = score
        self.findings = tuple(findings)
        self.score_features = {f"max:{f.code}": f.confidence for f in self.findings}


class FakeNLP:
    def __init__(self):
        self.piped: list[str] = []

    def __call__(self, text):
        return text

    def pipe(self, texts, batch_size=64):
        for t in texts:
            self.piped.append(t)
            yield t


class FakeParser:
    def __init__(self):
        self.nlp = FakeNLP()


class FakePipeline:
    """Canned results keyed by the derived text; counts what claims_many was asked to parse."""

    model = "fake_model"

    def __init__(self, canned, *, raise_on=()):
        self.canned = canned
        self.raise_on = dict(raise_on)
        self.config = Config()
        self.parse_seconds = 10.0  # not zero: the bench must report the delta
        self.parser = FakeParser()
        self.seen: list[tuple[str, str]] = []

    def claims_many(self, articles, n_process=1, batch_size=64):
        for a in articles:
            key = (a.doc_id, a.text)
            if key not in self.seen:
                self.seen.append(key)
                self.parse_seconds += 0.5
        return [() for _ in articles]

    def strength(self, article):
        if article.text in self.raise_on:
            raise self.raise_on[article.text]
        return self.canned[article.text], None

    def rank_sources(self, derived, candidates):
        # canned: derived text -> candidate texts, best first
        by_text = {c.text: c.doc_id for c in candidates}
        return [(by_text[t], 1.0 - 0.1 * k) for k, t in enumerate(self.canned[derived.text])]

    def check(self, derived, sources):
        if derived.text in self.raise_on:
            raise self.raise_on[derived.text]
        score, findings = self.canned[derived.text]
        return FakeResult(score, findings)


# Scores and findings for tests/fixtures/bench/consistency.jsonl, by summary text.
CONSISTENCY_CANNED = {
    "The council approved a new bridge.": (0.9, []),  # a1, label 1
    "The county court approved a new bridge.": (0.2, [finding("entity-changed", "E1", 0.7)]),  # a2, 0
    "A bakery won a regional prize for rye bread.": (0.4, [finding("unsupported-claim", "U1", 0.4)]),  # a3, 1
    "Rainfall in March was three times the usual amount.": (0.6, []),  # b1, label 0
    "The museum reopens in June after renovation.": (0.7, []),  # b2, label 1
    "The museum reopens in 2031 after a ten-year renovation.": (
        0.1, [finding("number-changed", "N1", 0.9), finding("entity-changed", "E1", 0.5)]),  # b3, 0
}

# Findings for tests/fixtures/bench/insciout.jsonl, by press-release text.
INSCIOUT_CANNED = {
    "Walking lowers blood pressure.": (0.5, [finding("certainty-raised", "C1", 0.8)]),  # r1 exag
    "Tea helps older adults sleep.": (0.9, []),  # r2 exaggerates
    "Screen time is linked to shorter sleep.": (0.9, [finding("number-changed", "N1", 0.9)]),  # r3
    "Gardening is associated with a better mood, the study found.": (
        0.6, [finding("certainty-raised", "C1", 0.6)]),  # r4 same
    "The drug might be linked to fewer relapses.": (
        0.6, [finding("certainty-lowered", "C2", 0.7)]),  # r5 downplays
    "Noise may be tied to poorer concentration.": (
        0.5, [finding("certainty-raised", "C1", 0.4), finding("certainty-lowered", "C2", 0.6)]),  # r6
}

# Predicted strengths for tests/fixtures/bench/strength.jsonl (gold in the comments).
STRENGTH_CANNED = {
    "Coffee intake was measured in 400 adults.": 0,  # 0
    "Coffee intake is associated with lower blood pressure.": 1,  # 1
    "Coffee may reduce blood pressure.": 2,  # 2
    "Coffee reduces blood pressure.": 3,  # 3
    "Tea drinkers slept longer than non-drinkers.": 0,  # 1
    "Tea might improve sleep.": 2,  # 3
}

MALFORMED_CANNED = {
    "Fog delayed the ferry.": (0.8, []),  # ok1, label 1
    "The ferry was cancelled.": (0.3, [finding("negation-flipped", "G1", 0.6)]),  # ok2, label 0
}


def run(path, canned, **kwargs):
    kwargs.setdefault("progress", False)
    return bench.run_bench(path, pipeline=FakePipeline(canned), loader=fake_load, **kwargs)


# --- metric functions, computed by hand --------------------------------------------------------

# The six consistency scores of the fixture, in file order a1 a2 a3 b1 b2 b3.
SCORES = [0.9, 0.2, 0.4, 0.6, 0.7, 0.1]
LABELS = [1, 0, 1, 0, 1, 0]


def test_balanced_accuracy_by_hand():
    # t = 0.5: predicted consistent = a1 (.9), b1 (.6), b2 (.7).
    # consistent items a1 a3 b2 -> a1, b2 right: recall 2/3.
    # inconsistent items a2 b1 b3 -> a2, b3 right: recall 2/3.  BA = 2/3.
    assert bench.balanced_accuracy(SCORES, LABELS, 0.5) == pytest.approx(2 / 3)
    # t = 0.3: consistent all right (3/3); inconsistent a2, b3 right (2/3). BA = 5/6.
    assert bench.balanced_accuracy(SCORES, LABELS, 0.3) == pytest.approx(5 / 6)
    # score == threshold counts as consistent: t = 0.4 predicts a3 consistent.
    assert bench.balanced_accuracy([0.4, 0.1], [1, 0], 0.4) == 1.0
    # One class only: the mean over the classes present.
    assert bench.balanced_accuracy([0.9, 0.1], [1, 1], 0.5) == 0.5
    assert math.isnan(bench.balanced_accuracy([], [], 0.5))


def test_tune_threshold_by_hand():
    # Sorted: .1(0) .2(0) .4(1) .6(0) .7(1) .9(1). Candidates and BA:
    #   .1 -> all consistent: 1/2;  .15 -> (3/3 + 1/3)/2 = 2/3;  .3 -> (3/3 + 2/3)/2 = 5/6;
    #   .5 -> (2/3 + 2/3)/2 = 2/3;  .65 -> (2/3 + 3/3)/2 = 5/6;  .8 -> (1/3 + 3/3)/2 = 2/3.
    # 5/6 is reached at .3 and .65; ties keep the lowest threshold.
    assert bench.tune_threshold(SCORES, LABELS) == pytest.approx(0.3)
    # A perfectly reversed ranking: nothing beats predicting everything consistent (BA 1/2).
    assert bench.tune_threshold([0.9, 0.1], [0, 1]) == 0.1
    assert bench.tune_threshold([0.5, 0.5], [0, 1]) == 0.5
    with pytest.raises(InputError):
        bench.tune_threshold([], [])
    with pytest.raises(CheckerError):
        bench.tune_threshold([0.1], [1, 0])


def test_tune_threshold_agrees_with_brute_force():
    scores = [0.05, 0.3, 0.3, 0.31, 0.5, 0.5, 0.72, 0.72, 0.9, 1.0]
    labels = [0, 1, 0, 0, 1, 0, 1, 1, 0, 1]
    best = bench.tune_threshold(scores, labels)
    distinct = sorted(set(scores))
    candidates = [distinct[0]] + [(a + b) / 2 for a, b in zip(distinct, distinct[1:])]
    top = max(bench.balanced_accuracy(scores, labels, t) for t in candidates)
    assert bench.balanced_accuracy(scores, labels, best) == pytest.approx(top)


def test_roc_auc_by_hand():
    # consistent {.9, .4, .7} vs inconsistent {.2, .6, .1}: 9 pairs.
    # .9 beats all 3; .4 beats .2 and .1 (2); .7 beats all 3. AUC = 8/9.
    assert bench.roc_auc(SCORES, LABELS) == pytest.approx(8 / 9)
    # Ties count half: consistent {.5, .8} vs inconsistent {.5, .2}:
    # (.5,.5) 1/2 + (.5,.2) 1 + (.8,.5) 1 + (.8,.2) 1 = 3.5 of 4.
    assert bench.roc_auc([0.5, 0.5, 0.8, 0.2], [1, 0, 1, 0]) == pytest.approx(0.875)
    assert bench.roc_auc([0.3, 0.3, 0.3], [1, 0, 1]) == pytest.approx(0.5)
    assert math.isnan(bench.roc_auc([0.3, 0.4], [1, 1]))


def test_macro_f1_and_confusion_by_hand():
    gold = ["exaggerates", "exaggerates", "same", "same", "downplays", "same"]
    pred = ["exaggerates", "same", "same", "exaggerates", "downplays", "downplays"]
    # same: TP 1, FP 1, FN 2 -> 2/(2+1+2) = 0.4
    # exaggerates: TP 1, FP 1, FN 1 -> 2/4 = 0.5
    # downplays: TP 1, FP 1, FN 0 -> 2/3
    # macro = (0.4 + 0.5 + 2/3) / 3 = 47/90
    assert bench.macro_f1(gold, pred, bench.INSCIOUT_LABELS) == pytest.approx(47 / 90)
    assert bench.confusion_matrix(gold, pred, bench.INSCIOUT_LABELS) == [
        [1, 1, 1],  # gold same
        [1, 1, 0],  # gold exaggerates
        [0, 0, 1],  # gold downplays
    ]
    # Majority class "same" on 60% same: F1(same) = 2*.6/(1.6) = .75, others 0 -> 0.25.
    gold10 = ["same"] * 6 + ["exaggerates"] * 3 + ["downplays"]
    assert bench.macro_f1(gold10, ["same"] * 10, bench.INSCIOUT_LABELS) == pytest.approx(0.25)


def test_insciout_verdict():
    assert bench.insciout_verdict([]) == "same"
    assert bench.insciout_verdict([("number-changed", 0.9)]) == "same"
    assert bench.insciout_verdict([("certainty-raised", 0.2)]) == "exaggerates"
    assert bench.insciout_verdict([("certainty-lowered", 0.2)]) == "downplays"
    assert bench.insciout_verdict([("certainty-raised", 0.4), ("certainty-lowered", 0.3),
                                   ("certainty-lowered", 0.3)]) == "downplays"
    assert bench.insciout_verdict([("certainty-raised", 0.7), ("certainty-lowered", 0.3)]) \
        == "exaggerates"
    assert bench.insciout_verdict([("certainty-raised", 0.5), ("certainty-lowered", 0.5)]) == "same"


# --- reading ------------------------------------------------------------------------------------


def test_read_bench_file_detects_both_formats():
    items = bench.read_bench_file(CONSISTENCY)
    assert [i.id for i in items] == ["a1", "a2", "a3", "b1", "b2", "b3"]
    assert {i.kind for i in items} == {"consistency"}
    assert [i.label for i in items] == LABELS
    assert items[0].dataset == "alpha" and items[3].dataset == "beta"
    assert items[0].line == 1
    sci = bench.read_bench_file(INSCIOUT)
    assert [i.id for i in sci] == ["r1", "r2", "r3", "r4", "r5", "r6"]
    assert sci[0].kind == "insciout" and sci[0].dataset == "insciout"
    assert sci[0].source == "Walking may be associated with lower blood pressure."
    assert sci[0].derived == "Walking lowers blood pressure."
    assert sci[0].label == "exaggerates"


def test_scan_records_malformed_rows_with_lines():
    scanned = bench.scan_bench_file(MALFORMED)
    assert [i.id for i in scanned.items] == ["ok1", "emptydoc", "ok2"]
    reasons = {s.line: s.reason for s in scanned.skipped}
    assert sorted(reasons) == [2, 3, 5, 6, 8, 10]  # line 4 is blank: not a row
    assert reasons[2].startswith("not JSON")
    assert "JSON object" in reasons[3]
    assert "summary" in reasons[5]
    assert "label" in reasons[6]
    assert "exaggeration_label" in reasons[8]
    assert "unknown row format" in reasons[10]


def test_missing_file_raises_input_error(tmp_path):
    with pytest.raises(InputError):
        bench.read_bench_file(tmp_path / "absent.jsonl")


def test_bad_utf8_and_bool_label_are_skipped(tmp_path):
    path = tmp_path / "odd.jsonl"
    path.write_bytes(b'{"doc": "A.", "summary": "\xff", "label": 1}\n'
                     b'{"doc": "A.", "summary": "B.", "label": true}\n'
                     b'{"doc": "A.", "summary": "B.", "label": 0}\n')
    scanned = bench.scan_bench_file(path)
    assert [s.line for s in scanned.skipped] == [1, 2]
    assert scanned.items[0].dataset == "odd"  # no dataset field: the file stem
    assert scanned.items[0].id == "line-3"


# --- runs with the fake pipeline -------------------------------------------------------------


def test_run_bench_consistency_given_threshold():
    res = run(CONSISTENCY, CONSISTENCY_CANNED, threshold=0.5)
    assert REQUIRED_KEYS <= set(res)
    assert res["n"] == 6 and res["skipped"]["count"] == 0
    assert res["threshold"] == 0.5 and res["threshold_source"] == "given"
    assert res["balanced_accuracy"] == pytest.approx(2 / 3)
    assert res["roc_auc"] == pytest.approx(8 / 9)
    assert res["macro_f1"] is None and res["confusion_matrix"] is None
    # Inconsistent = positive. Predicted inconsistent: a2 (.2), a3 (.4), b3 (.1).
    # TP a2, b3; FP a3; FN b1 -> P = R = F1 = 2/3.
    assert res["precision"] == pytest.approx(2 / 3)
    assert res["recall"] == pytest.approx(2 / 3)
    assert res["f1"] == pytest.approx(2 / 3)
    # alpha (a1 .9/1, a2 .2/0, a3 .4/1) at .5: recalls 1/2 and 1/1 -> BA .75; AUC 2/2 = 1;
    # the best alpha threshold (.3) separates it perfectly: oracle BA 1.
    alpha = res["by_dataset"]["alpha"]
    assert alpha["n"] == 3
    assert alpha["balanced_accuracy"] == pytest.approx(0.75)
    assert alpha["roc_auc"] == pytest.approx(1.0)
    assert alpha["oracle_balanced_accuracy"] == pytest.approx(1.0)
    # beta (b1 .6/0, b2 .7/1, b3 .1/0) at .5: recalls 1/1 and 1/2 -> .75; AUC 2/2 = 1.
    beta = res["by_dataset"]["beta"]
    assert beta["balanced_accuracy"] == pytest.approx(0.75)
    assert beta["roc_auc"] == pytest.approx(1.0)
    # Kinds fired on TP pairs (a2: entity; b3: number + entity) and on the FP pair a3.
    assert res["kinds_on_true_positives"] == {"entity-changed": 2, "number-changed": 1}
    assert res["kinds_on_false_positives"] == {"unsupported-claim": 1}
    assert res["codes_on_true_positives"] == {"E1": 2, "N1": 1}
    assert res["model"] == "fake_model"
    assert res["version"]
    assert res["config"] == Config().to_dict()
    json.dumps(res, allow_nan=False)  # JSON-ready, no NaN


def test_run_bench_uses_the_model_threshold_unless_told_otherwise():
    from checker.score import load_model

    res = run(CONSISTENCY, CONSISTENCY_CANNED)
    assert res["threshold"] == pytest.approx(load_model().threshold)
    assert res["threshold_source"].startswith("the score model's threshold")
    pipe = FakePipeline(CONSISTENCY_CANNED)
    pipe.config = Config(decision_threshold=0.3)
    configured = bench.run_bench(CONSISTENCY, pipeline=pipe, loader=fake_load, progress=False)
    assert configured["threshold"] == 0.3
    assert configured["threshold_source"] == "configured decision_threshold"


def test_run_bench_tunes_on_itself_only_when_asked_and_says_so():
    same = run(CONSISTENCY, CONSISTENCY_CANNED, dev_path=CONSISTENCY)
    assert same["threshold"] == pytest.approx(0.3)
    assert same["threshold_source"] == "tuned on the evaluated file (optimistic)"
    assert same["balanced_accuracy"] == pytest.approx(5 / 6)
    assert same["dev_file"] == str(CONSISTENCY)


def test_run_bench_tunes_on_dev_file():
    canned = {**CONSISTENCY_CANNED, **MALFORMED_CANNED}
    res = run(CONSISTENCY, canned, dev_path=MALFORMED)
    # Dev scores: ok1 .8 (1), ok2 .3 (0): the midpoint .55 separates them.
    assert res["threshold"] == pytest.approx(0.55)
    assert res["threshold_source"].startswith("tuned on dev file malformed.jsonl")
    # At .55 the predictions on the evaluated file are those at .5: BA 2/3.
    assert res["balanced_accuracy"] == pytest.approx(2 / 3)


def test_run_bench_insciout():
    res = run(INSCIOUT, INSCIOUT_CANNED)
    assert res["task"] == "insciout" and res["n"] == 6
    # Verdicts: r1 exag, r2 same, r3 same, r4 exag, r5 downplays, r6 downplays (.6 > .4).
    # Gold:     exag     exag     same     same     downplays     same
    assert res["confusion_matrix"]["matrix"] == [[1, 1, 1], [1, 1, 0], [0, 0, 1]]
    assert res["macro_f1"] == pytest.approx(47 / 90)  # see test_macro_f1_and_confusion_by_hand
    assert res["accuracy"] == pytest.approx(3 / 6)
    # Mean recall of the three classes: same 1/3, exaggerates 1/2, downplays 1/1 -> 11/18.
    assert res["balanced_accuracy"] == pytest.approx(11 / 18)
    assert res["roc_auc"] is None and res["threshold"] is None
    # Positive = verdict other than "same". TP: r1 (raised), r5 (lowered).
    # FP: r4 (raised), r6 (raised + lowered).
    assert res["kinds_on_true_positives"] == {"certainty-lowered": 1, "certainty-raised": 1}
    assert res["kinds_on_false_positives"] == {"certainty-raised": 2, "certainty-lowered": 1}
    assert res["by_dataset"]["insciout"]["macro_f1"] == pytest.approx(47 / 90)
    assert [row["predicted"] for row in res["items"]] == [
        "exaggerates", "same", "same", "exaggerates", "downplays", "downplays"]


def test_run_bench_claim_strength():
    res = run(STRENGTH, STRENGTH_CANNED)
    assert res["task"] == "claim-strength" and res["n"] == 6
    # Gold 0 1 2 3 1 3, predicted 0 1 2 3 0 2: one hit and one miss on each class, by hand
    # F1 2/3 for all four classes (0: tp 1 fp 1; 1: tp 1 fn 1; 2: tp 1 fp 1; 3: tp 1 fn 1).
    assert res["macro_f1"] == pytest.approx(2 / 3)
    assert res["accuracy"] == pytest.approx(4 / 6)
    # Recalls: 0 1/1, 1 1/2, 2 1/1, 3 1/2 -> 3/4.
    assert res["balanced_accuracy"] == pytest.approx(3 / 4)
    assert res["confusion_matrix"]["labels"] == [0, 1, 2, 3]
    assert res["confusion_matrix"]["matrix"] == [[1, 0, 0, 0], [1, 1, 0, 0], [0, 0, 1, 0],
                                                 [0, 0, 1, 1]]
    assert res["threshold"] is None and res["roc_auc"] is None
    assert res["by_dataset"]["strength"]["macro_f1"] == pytest.approx(2 / 3)
    assert [row["predicted"] for row in res["items"]] == [0, 1, 2, 3, 0, 2]
    # The empty sentence is refused by the loader, the label 5 is out of range.
    reasons = {r["line"]: r["reason"] for r in res["skipped"]["rows"]}
    assert set(reasons) == {7, 8}
    assert reasons[7].startswith("sentence refused") and "0, 1, 2 or 3" in reasons[8]
    assert res["kinds_on_true_positives"] == {} and res["kinds_on_false_positives"] == {}
    table = bench.format_table(res)
    assert "6 sentences scored, 2 skipped" in table and "macro-F1 0.667" in table
    assert "3 direct causal" in table


# The aligner's ranking of each topic's source sentences, by summary sentence.
SUPERPAL_CANNED = {
    # T1 candidates: ferry (gold of the first), fishermen and passengers (golds of the second)
    "The ferry sank off Harwick.": ["A ferry sank near Harwick on Monday.",
                                    "Fishermen pulled ten people from the water."],
    "Ten passengers were rescued by fishermen.": ["A ferry sank near Harwick on Monday.",
                                                  "All ten were passengers."],
    # T2: the aligner picks nothing for the mayor, and ranks the shops' gold first
    "The mayor resigned.": [],
    "Shops closed early.": ["Most shops in Calder shut at noon."],
}


def test_run_bench_alignment():
    res = run(SUPERPAL, SUPERPAL_CANNED)
    assert res["task"] == "alignment" and res["n"] == 4
    # Ranks of the first gold: 1, 2 (the passengers' sentence after a wrong first choice),
    # none, 1. Top-1 2/4; MRR (1 + 1/2 + 0 + 1) / 4 = 5/8.
    assert res["accuracy"] == pytest.approx(2 / 4)
    assert res["mrr"] == pytest.approx(5 / 8)
    # A random pick: 1 gold of 3, 2 of 3, 1 of 2, 1 of 2 -> (1/3 + 2/3 + 1/2 + 1/2) / 4 = 1/2.
    assert res["random_accuracy"] == pytest.approx(1 / 2)
    assert [row["predicted"] for row in res["items"]] == [1, 2, None, 1]
    assert res["by_dataset"]["MultiNews"]["mrr"] == pytest.approx(5 / 8)
    # T3 has one source sentence only; the last row has no topic.
    reasons = {r["line"]: r["reason"] for r in res["skipped"]["rows"]}
    assert set(reasons) == {6, 7}
    assert "fewer than two" in reasons[6] and "topic" in reasons[7]
    assert res["threshold"] is None and res["macro_f1"] is None
    table = bench.format_table(res)
    assert "4 summary sentences scored, 2 skipped" in table
    assert "50.0 % of the time (a random pick 50.0 %); MRR 0.625" in table


def test_strength_rows_that_crash_are_recorded():
    pipe = FakePipeline(STRENGTH_CANNED,
                        raise_on={"Coffee reduces blood pressure.": RuntimeError("bug")})
    res = bench.run_bench(STRENGTH, pipeline=pipe, loader=fake_load, progress=False)
    assert res["n"] == 5 and res["internal_errors"] == 1


def test_run_bench_malformed_rows_are_skipped_not_fatal():
    res = run(MALFORMED, MALFORMED_CANNED)
    assert res["n"] == 2
    assert res["skipped"]["count"] == 7
    lines = [r["line"] for r in res["skipped"]["rows"]]
    assert lines == [2, 3, 5, 6, 7, 8, 10]
    refused = next(r for r in res["skipped"]["rows"] if r["line"] == 7)
    assert refused["id"] == "emptydoc" and "source refused" in refused["reason"]
    assert res["balanced_accuracy"] == pytest.approx(1.0)
    assert res["n_rows"] == 9


def test_run_bench_records_crashing_pairs(tmp_path):
    path = tmp_path / "crash.jsonl"
    rows = [{"id": "x", "doc": "Ships sail.", "summary": "boom", "label": 0},
            {"id": "y", "doc": "Ships sail.", "summary": "refuse", "label": 0},
            {"id": "z", "doc": "Ships sail.", "summary": "Ships sail.", "label": 1}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    pipe = FakePipeline({"Ships sail.": (1.0, [])},
                        raise_on={"boom": RuntimeError("rule bug"),
                                  "refuse": InputError("not English")})
    res = bench.run_bench(path, pipeline=pipe, loader=fake_load, progress=False, threshold=0.5)
    assert res["n"] == 1 and res["internal_errors"] == 1
    reasons = {r["id"]: r["reason"] for r in res["skipped"]["rows"]}
    assert reasons["x"].startswith("internal error: RuntimeError")
    assert reasons["y"].startswith("check failed")


def test_shared_sources_parsed_once_and_timings():
    pipe = FakePipeline(CONSISTENCY_CANNED)
    res = bench.run_bench(CONSISTENCY, pipeline=pipe, loader=fake_load, progress=False)
    # 4 distinct sources + 6 summaries were handed to claims_many once each.
    assert len(pipe.seen) == 10
    sources = [k for k in pipe.seen if k[0].startswith("src-")]
    assert len(sources) == 4
    assert res["parse_seconds"] == pytest.approx(5.0)  # the delta, not the pipeline total
    assert res["total_seconds"] >= 0 and res["peak_memory_mb"] > 0
    assert res["other_seconds"] == pytest.approx(res["total_seconds"] - res["parse_seconds"])
    # spaCy alone sees the 10 unique unit texts once each.
    assert res["unique_unit_texts"] == 10
    # A few of the file's own texts warm the model up, untimed, before either timing.
    piped = pipe.parser.nlp.piped
    warm, alone = piped[:-10], piped[-10:]
    assert 0 < len(warm) <= bench.WARM_UP_TEXTS and len(set(alone)) == 10
    assert res["spacy_only_seconds"] is not None
    no_spacy = bench.run_bench(CONSISTENCY, pipeline=FakePipeline(CONSISTENCY_CANNED),
                               loader=fake_load, progress=False, measure_spacy=False)
    assert no_spacy["spacy_only_seconds"] is None and no_spacy["overhead_vs_spacy"] is None
    assert no_spacy["spacy_only_cpu_seconds"] is None and no_spacy["cpu_seconds"] >= 0


def test_spacy_alone_falls_back_to_this_process(monkeypatch):
    from checker import parse

    pipe = FakePipeline(CONSISTENCY_CANNED)
    res = bench.run_bench(CONSISTENCY, pipeline=pipe, loader=fake_load, progress=False)
    assert res["spacy_only_measured_in"] == "this process (a pipeline not loaded by name)"
    # A pipeline loaded by name whose fresh process fails is timed here, and says why.
    pipe = FakePipeline(CONSISTENCY_CANNED)
    monkeypatch.setitem(parse._NLP_CACHE, "fake_model", pipe.parser.nlp)

    def broken(model, warm, texts):
        raise ValueError("exit 1: no such model")

    from checker.bench import timing

    monkeypatch.setattr(timing, "_spacy_alone_in_child", broken)
    res = bench.run_bench(CONSISTENCY, pipeline=pipe, loader=fake_load, progress=False)
    assert res["spacy_only_measured_in"].startswith("this process (the fresh process failed")
    assert "no such model" in res["spacy_only_measured_in"]
    assert res["spacy_only_seconds"] is not None
    assert "spaCy alone (this process" in bench.format_table(res)


def test_spacy_alone_child_gets_the_allocator_setting(monkeypatch):
    """The fresh process sets the allocator as this one has it, like the collector."""
    import subprocess

    from checker import pipeline
    from checker.bench import timing

    sent = {}

    def fake_run(cmd, input, **kwargs):
        sent.update(json.loads(input))
        return subprocess.CompletedProcess(cmd, 0, stdout='{"wall": 1.0, "cpu": 0.5}\n',
                                           stderr="")

    monkeypatch.setattr(timing.subprocess, "run", fake_run)
    for tuned in (False, True):
        monkeypatch.setattr(pipeline, "_allocator_tuned", tuned)
        assert timing._spacy_alone_in_child("m", ["w"], ["t"]) == (1.0, 0.5)
        assert sent["allocator_tuned"] is tuned and sent["texts"] == ["t"]


def test_tune_allocator_is_idempotent():
    from checker import pipeline

    first = pipeline.tune_allocator()
    assert isinstance(first, bool) and pipeline.tune_allocator() is first
    assert pipeline.allocator_tuned() is first


def test_source_ids_are_cached_by_the_whole_text():
    import hashlib

    from checker.bench.run import _source_id

    a = "The council approved the plan. " * 40
    b = a[:-1] + "!"  # same length, same start: a different text
    same = "".join(list(a))  # an equal text in another string object
    for text in (a, b, same, a):
        assert _source_id(text) == "src-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    assert _source_id(a) == _source_id(same) != _source_id(b)


def test_limit_and_bad_arguments():
    res = run(CONSISTENCY, CONSISTENCY_CANNED, limit=3, threshold=0.5)
    assert res["n"] == 3 and set(res["by_dataset"]) == {"alpha"}
    with pytest.raises(InputError):
        run(CONSISTENCY, CONSISTENCY_CANNED, threshold=1.5)
    with pytest.raises(InputError):
        run(CONSISTENCY, CONSISTENCY_CANNED, limit=0)


# --- formatting and writing ----------------------------------------------------------------------


def test_format_table_and_csv():
    res = run(CONSISTENCY, CONSISTENCY_CANNED, threshold=0.5)
    table = bench.format_table(res)
    assert "consistency.jsonl" in table
    assert "threshold 0.5000 (given)" in table
    alpha = next(line for line in table.splitlines() if line.startswith("alpha"))
    assert "75.0" in alpha and "100.0" in alpha
    total = next(line for line in table.splitlines() if line.startswith("ALL"))
    assert "66.7" in total and "0.889" in total
    rows = list(csv.DictReader(io.StringIO(bench.format_csv(res))))
    assert [r["dataset"] for r in rows] == ["alpha", "beta", "ALL"]
    assert float(rows[-1]["balanced_accuracy"]) == pytest.approx(2 / 3, abs=1e-5)
    assert rows[-1]["macro_f1"] == ""

    sci = bench.format_table(run(INSCIOUT, INSCIOUT_CANNED))
    assert "macro-F1 0.522" in sci and "exaggerates" in sci


def test_write_results(tmp_path):
    res = run(CONSISTENCY, CONSISTENCY_CANNED, threshold=0.5)
    paths = bench.write_results(res, tmp_path / "out")
    names = [p.name for p in paths]
    assert names[0].startswith("consistency-") and names[0].endswith("Z.json")
    assert names[1].endswith("Z.txt") and names[2] == "consistency-latest.json"
    assert json.loads(paths[0].read_text(encoding="utf-8"))["n"] == 6
    assert paths[2].read_text(encoding="utf-8") == paths[0].read_text(encoding="utf-8")
    assert paths[1].read_text(encoding="utf-8") == bench.format_table(res)
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.endswith(".tmp")]


def test_bench_module_does_not_import_click():
    source = Path(bench.__file__).read_text(encoding="utf-8")
    assert "import click" not in source


# --- the real pipeline, when it can be built ------------------------------------------------------


@pytest.fixture(scope="module")
def real_pipeline(pipeline):
    """The session's real pipeline: a failure to build it is a failure, not a skip."""
    from checker.load import load_text

    return pipeline, load_text


def test_real_pipeline_on_fixture(real_pipeline):
    pipe, load_text = real_pipeline
    res = bench.run_bench(CONSISTENCY, pipeline=pipe, loader=load_text, progress=False)
    assert res["n"] + res["skipped"]["count"] == 6
    assert res["internal_errors"] == 0
    assert all(0.0 <= row["score"] <= 1.0 for row in res["items"])
    assert res["parse_seconds"] >= 0 and res["spacy_only_seconds"] is not None
    # spaCy alone is timed in a fresh process that loads the same pipeline by name.
    assert res["spacy_only_measured_in"] == bench.FRESH
    assert res["spacy_only_seconds"] > 0 and res["spacy_only_cpu_seconds"] > 0


def test_shared_benchmarks_are_readable():
    if not SHARED.is_dir():
        pytest.skip("shared benchmarks are not present")
    for name in ("insciout-dev.jsonl", "cliff-dev.jsonl", "claim-strength-pubmed.jsonl",
                 "superpal-alignment-dev.jsonl"):
        path = SHARED / name
        if not path.is_file():
            continue
        scanned = bench.scan_bench_file(path)
        assert scanned.items and not scanned.skipped


def test_dev_file_without_usable_pairs_falls_back_to_config(tmp_path):
    dev = tmp_path / "dev.jsonl"
    dev.write_text('{"doc": "", "summary": "x", "label": 1}\n', encoding="utf-8")
    res = run(CONSISTENCY, CONSISTENCY_CANNED, dev_path=dev)
    from checker.score import load_model

    assert res["threshold"] == load_model().threshold
    assert "had no usable pairs" in res["threshold_source"]
    assert res["dev_file"] == str(dev)


def test_real_pipeline_on_strength_fixture(real_pipeline):
    pipe, load_text = real_pipeline
    res = bench.run_bench(STRENGTH, pipeline=pipe, loader=load_text, progress=False)
    assert res["n"] == 6 and res["internal_errors"] == 0
    predicted = {row["line"]: row["predicted"] for row in res["items"]}
    # The classifier's clear cases: a description, a hedged and a direct causal verb.
    assert predicted[1] == 0 and predicted[3] == 2 and predicted[4] == 3


def test_real_pipeline_on_alignment_fixture(real_pipeline):
    pipe, load_text = real_pipeline
    res = bench.run_bench(SUPERPAL, pipeline=pipe, loader=load_text, progress=False)
    assert res["n"] == 4 and res["internal_errors"] == 0
    # The ferry and the shops share their content words with their gold sentence only.
    predicted = {row["line"]: row["predicted"] for row in res["items"]}
    assert predicted[1] == 1 and predicted[5] == 1
