"""Metrics of a benchmark run: balanced accuracy, ROC-AUC, macro-F1 and what fired where.

The metric functions are written out here: they are a few lines each and run on every bench
call; scikit-learn does the fitting and cross-validation (``checker.fit``).
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any, Callable, Iterable, Optional, Sequence

from checker.bench.formats import (
    ALIGNMENT,
    CONSISTENCY,
    INSCIOUT,
    INSCIOUT_LABELS,
    STRENGTH,
    STRENGTH_LABELS,
    Outcome,
)
from checker.config import Config
from checker.errors import InputError


def _check_lengths(a: Sequence, b: Sequence) -> None:
    if len(a) != len(b):
        raise InputError(f"expected as many labels as scores, got {len(b)} and {len(a)}",
                         cause="metrics")


def balanced_accuracy(scores: Sequence[float], labels: Sequence[int], threshold: float) -> float:
    """Mean recall of the consistent (1) and inconsistent (0) classes; consistent iff score >= t."""
    _check_lengths(scores, labels)
    recalls = []
    for cls in (1, 0):
        members = [s for s, y in zip(scores, labels) if y == cls]
        if not members:
            continue
        hits = sum(1 for s in members if (s >= threshold) == (cls == 1))
        recalls.append(hits / len(members))
    return sum(recalls) / len(recalls) if recalls else math.nan


def tune_threshold(scores: Sequence[float], labels: Sequence[int]) -> float:
    """The threshold maximising balanced accuracy, scanning midpoints between distinct scores."""
    _check_lengths(scores, labels)
    if not scores:
        raise InputError("cannot tune a threshold on an empty set of scores", cause="metrics")
    distinct = sorted(set(scores))
    n_pos = sum(1 for y in labels if y == 1)
    n_neg = len(labels) - n_pos
    # Per distinct score: how many consistent / inconsistent items have exactly that score.
    at_pos: Counter = Counter(s for s, y in zip(scores, labels) if y == 1)
    at_neg: Counter = Counter(s for s, y in zip(scores, labels) if y != 1)
    # Sweep upwards: a threshold between distinct[k-1] and distinct[k] predicts "consistent" for
    # every score from distinct[k] on. The lowest candidate predicts everything consistent.
    best_t, best_ba = distinct[0], -1.0
    below_pos = below_neg = 0
    for k, s in enumerate(distinct):
        if k == 0:
            t = s
        else:
            t = (distinct[k - 1] + s) / 2
            if not distinct[k - 1] < t <= s:  # adjacent floats: the midpoint rounds onto one
                t = s
        recalls = []
        if n_pos:
            recalls.append((n_pos - below_pos) / n_pos)
        if n_neg:
            recalls.append(below_neg / n_neg)
        ba = sum(recalls) / len(recalls)
        if ba > best_ba:  # strict: ties keep the lowest threshold
            best_t, best_ba = t, ba
        below_pos += at_pos[s]
        below_neg += at_neg[s]
    return best_t


def roc_auc(scores: Sequence[float], labels: Sequence[int]) -> float:
    """Rank-based ROC-AUC: the chance a consistent item outscores an inconsistent one, ties half."""
    _check_lengths(scores, labels)
    n_pos = sum(1 for y in labels if y == 1)
    n_neg = len(labels) - n_pos
    if not n_pos or not n_neg:
        return math.nan
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    ranks = [0.0] * len(scores)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        mid_rank = (i + j) / 2 + 1  # tied scores share the mean of their 1-based ranks
        for k in range(i, j + 1):
            ranks[order[k]] = mid_rank
        i = j + 1
    rank_sum = sum(r for r, y in zip(ranks, labels) if y == 1)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
    return precision, recall, f1


def macro_f1(gold: Sequence, pred: Sequence, labels: Sequence) -> float:
    """Unweighted mean of the per-class F1 over ``labels`` (a class never gold nor predicted: 0)."""
    _check_lengths(gold, pred)
    if not labels:
        return math.nan
    total = 0.0
    for cls in labels:
        tp = sum(1 for g, p in zip(gold, pred) if g == cls and p == cls)
        fp = sum(1 for g, p in zip(gold, pred) if g != cls and p == cls)
        fn = sum(1 for g, p in zip(gold, pred) if g == cls and p != cls)
        total += _prf(tp, fp, fn)[2]
    return total / len(labels)


def confusion_matrix(gold: Sequence, pred: Sequence, labels: Sequence) -> list[list[int]]:
    """Counts with gold labels as rows and predictions as columns, both in ``labels`` order."""
    _check_lengths(gold, pred)
    index = {lab: i for i, lab in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    for g, p in zip(gold, pred):
        if g in index and p in index:
            matrix[index[g]][index[p]] += 1
    return matrix


def insciout_verdict(findings: Iterable[tuple[str, float]]) -> str:
    """``exaggerates`` / ``downplays`` / ``same`` from (kind, confidence) pairs of the findings."""
    raised = lowered = 0.0
    n_raised = n_lowered = 0
    for kind, confidence in findings:
        if kind == "certainty-raised":
            raised += confidence
            n_raised += 1
        elif kind == "certainty-lowered":
            lowered += confidence
            n_lowered += 1
    if n_raised and not n_lowered:
        return "exaggerates"
    if n_lowered and not n_raised:
        return "downplays"
    if not n_raised:
        return "same"
    # Both fired: the stronger side wins; an exact tie cancels out.
    if raised > lowered:
        return "exaggerates"
    if lowered > raised:
        return "downplays"
    return "same"



def _clean(value: Any) -> Any:
    # JSON has no NaN: an undefined metric (one class only) is null.
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _consistency_metrics(outcomes: Sequence[Outcome], thr: float, cfg: Config) -> dict[str, Any]:
    scores = [o.score for o in outcomes]
    labels = [o.item.label for o in outcomes]
    # The inconsistent class is the positive one: it is what the checker exists to flag.
    tp = sum(1 for s, y in zip(scores, labels) if y == 0 and s < thr)
    fp = sum(1 for s, y in zip(scores, labels) if y == 1 and s < thr)
    fn = sum(1 for s, y in zip(scores, labels) if y == 0 and s >= thr)
    precision, recall, f1 = _prf(tp, fp, fn)
    oracle_t = tune_threshold(scores, labels) if scores else math.nan
    pos = [s for s, y in zip(scores, labels) if y == 1]
    neg = [s for s, y in zip(scores, labels) if y == 0]
    return {
        "n": len(outcomes),
        "n_consistent": len(pos),
        "n_inconsistent": len(neg),
        "balanced_accuracy": _clean(balanced_accuracy(scores, labels, thr)),
        "roc_auc": _clean(roc_auc(scores, labels)),
        "macro_f1": None,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "oracle_balanced_accuracy": _clean(balanced_accuracy(scores, labels, oracle_t)
                                           if scores else math.nan),
        "oracle_threshold": _clean(oracle_t),
        "mean_score_consistent": sum(pos) / len(pos) if pos else None,
        "mean_score_inconsistent": sum(neg) / len(neg) if neg else None,
    }


def _class_metrics(outcomes: Sequence[Outcome], labels: Sequence,
                   predict: Callable[[Outcome], Any]) -> dict[str, Any]:
    """Macro-F1, accuracy, balanced accuracy and the confusion matrix of a labelling task."""
    gold = [o.item.label for o in outcomes]
    pred = [predict(o) for o in outcomes]
    matrix = confusion_matrix(gold, pred, labels)
    recalls = [row[i] / sum(row) for i, row in enumerate(matrix) if sum(row)]
    return {
        "n": len(outcomes),
        "balanced_accuracy": sum(recalls) / len(recalls) if recalls else None,
        "roc_auc": None,
        "macro_f1": _clean(macro_f1(gold, pred, labels)) if outcomes else None,
        "accuracy": sum(1 for g, p in zip(gold, pred) if g == p) / len(gold) if gold else None,
        "confusion_matrix": {"labels": list(labels), "rows": "gold",
                             "columns": "predicted", "matrix": matrix},
    }


def _insciout_metrics(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    return _class_metrics(outcomes, INSCIOUT_LABELS, _verdict)


def _strength_metrics(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    return _class_metrics(outcomes, STRENGTH_LABELS, lambda o: o.level)


def _alignment_metrics(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    """Top-1 accuracy and mean reciprocal rank of the aligner's choice of source sentence,
    with the accuracy of a random pick among the same candidates for scale."""
    n = len(outcomes)
    return {
        "n": n,
        "balanced_accuracy": None,
        "roc_auc": None,
        "macro_f1": None,
        "accuracy": sum(1 for o in outcomes if o.level == 1) / n if n else None,
        "mrr": sum(1 / o.level for o in outcomes if o.level) / n if n else None,
        "random_accuracy": (sum(o.golds / o.candidates for o in outcomes if o.candidates) / n
                            if n else None),
    }


_LABELLING = {INSCIOUT: _insciout_metrics, STRENGTH: _strength_metrics,
              ALIGNMENT: _alignment_metrics}


def _verdict(outcome: Outcome) -> str:
    return insciout_verdict((kind, conf) for kind, _, conf in outcome.kinds)


def _is_flagged(outcome: Outcome, thr: Optional[float]) -> bool:
    """Whether the checker called this item positive (inconsistent / not "same")."""
    if outcome.item.kind in (STRENGTH, ALIGNMENT):
        return False  # a strength or a rank is predicted, not flagged: no findings involved
    if outcome.item.kind == INSCIOUT:
        return _verdict(outcome) != "same"
    return thr is not None and outcome.score < thr


def _is_true_positive(outcome: Outcome, thr: Optional[float]) -> bool:
    if outcome.item.kind == INSCIOUT:
        return _verdict(outcome) == outcome.item.label
    return outcome.item.label == 0


def _firing_counts(outcomes: Sequence[Outcome], thr: Optional[float]) -> dict[str, Any]:
    # Counts are of pairs on which a kind (code) fired at least once, not of findings.
    counts = {name: Counter() for name in ("kinds_tp", "kinds_fp", "codes_tp", "codes_fp")}
    by_label: dict[str, Counter] = {}
    for o in outcomes:
        kinds = {k for k, _, _ in o.kinds}
        codes = {c for _, c, _ in o.kinds}
        for kind in kinds:
            by_label.setdefault(kind, Counter())[str(o.item.label)] += 1
        if not _is_flagged(o, thr):
            continue
        side = "tp" if _is_true_positive(o, thr) else "fp"
        counts[f"kinds_{side}"].update(kinds)
        counts[f"codes_{side}"].update(codes)

    def ordered(c: Counter) -> dict[str, int]:
        return dict(sorted(c.items(), key=lambda kv: (-kv[1], kv[0])))

    return {
        "kinds_on_true_positives": ordered(counts["kinds_tp"]),
        "kinds_on_false_positives": ordered(counts["kinds_fp"]),
        "codes_on_true_positives": ordered(counts["codes_tp"]),
        "codes_on_false_positives": ordered(counts["codes_fp"]),
        "kinds_by_gold_label": {k: dict(sorted(v.items())) for k, v in sorted(by_label.items())},
    }


def _metrics(outcomes: Sequence[Outcome], thr: Optional[float], cfg: Config) -> dict[str, Any]:
    by_kind = {k: [o for o in outcomes if o.item.kind == k]
               for k in (CONSISTENCY, INSCIOUT, STRENGTH, ALIGNMENT)}
    cons = by_kind[CONSISTENCY]
    out: dict[str, Any] = {"task": _task(outcomes), "n": len(outcomes)}
    if cons and thr is not None:
        out.update(_consistency_metrics(cons, thr, cfg))
    # A labelling task (InSciOut, claim strength) gives the file's macro-F1; the first present
    # wins in a file that mixes them.
    for kind in (STRENGTH, INSCIOUT):
        if by_kind[kind]:
            labelled = _LABELLING[kind](by_kind[kind])
            for key in ("macro_f1", "accuracy", "confusion_matrix"):
                out[key] = labelled[key]
            if not cons:
                out.update(labelled)
    if by_kind[ALIGNMENT] and len(by_kind[ALIGNMENT]) == len(outcomes):
        out.update(_alignment_metrics(by_kind[ALIGNMENT]))
    out.setdefault("balanced_accuracy", None)
    out.setdefault("roc_auc", None)
    out.setdefault("macro_f1", None)
    out.setdefault("confusion_matrix", None)
    out["n"] = len(outcomes)
    by_dataset: dict[str, dict[str, Any]] = {}
    for name in sorted({o.item.dataset for o in outcomes}):
        group = [o for o in outcomes if o.item.dataset == name]
        kind = group[0].item.kind
        same_kind = [o for o in group if o.item.kind == kind]
        if kind in _LABELLING:
            by_dataset[name] = _LABELLING[kind](same_kind)
        elif thr is not None:
            by_dataset[name] = _consistency_metrics(same_kind, thr, cfg)
    out["by_dataset"] = by_dataset
    out.update(_firing_counts(outcomes, thr))
    return out


def _task(outcomes: Sequence[Outcome]) -> str:
    kinds = {o.item.kind for o in outcomes}
    if len(kinds) > 1:
        return "mixed"
    return kinds.pop() if kinds else CONSISTENCY


def _item_row(o: Outcome, thr: Optional[float]) -> dict[str, Any]:
    if o.item.kind in (STRENGTH, ALIGNMENT):
        predicted: Any = o.level
    elif o.item.kind == INSCIOUT:
        predicted = _verdict(o)
    else:
        predicted = None if thr is None else int(o.score >= thr)
    return {"id": o.item.id, "dataset": o.item.dataset, "line": o.item.line,
            "label": o.item.label, "score": o.score, "predicted": predicted,
            "kinds": sorted({k for k, _, _ in o.kinds}),
            "codes": sorted({c for _, c, _ in o.kinds})}

