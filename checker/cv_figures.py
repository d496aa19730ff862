"""Figures from out-of-fold predictions: balanced accuracy and ROC-AUC per file and dataset,
their mean and spread over folds, the macro-average over files, and bootstrap 95% intervals
resampled by source document (``cv_report``). ``checker.fit`` makes the predictions; the
bench command (``checker.bench.cv``) prints these figures. numpy and scikit-learn are
imported here only for measuring; checking a text does not need them."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Optional, Sequence

import numpy as np
from sklearn.metrics import roc_auc_score

if TYPE_CHECKING:
    from checker.fit import FitRow

BOOTSTRAP = 1000
SEED = 20261130


def ba_at(probs: np.ndarray, labels: np.ndarray, t: float) -> float:
    """Balanced accuracy of calling a row consistent when its probability is at least ``t``."""
    return _ba_from_correct((probs >= t) == (labels == 1), labels)


def auc_of(probs: np.ndarray, labels: np.ndarray) -> float:
    if len(set(labels.tolist())) < 2:
        return math.nan
    return float(roc_auc_score(labels, probs))


def cv_report(rows: Sequence["FitRow"], oof: np.ndarray, fold: np.ndarray, *,
              thresholds: Optional[np.ndarray], fixed_threshold: Optional[float] = None,
              bootstrap: int = BOOTSTRAP, seed: int = SEED) -> dict:
    """Per file and per dataset: out-of-fold balanced accuracy and ROC-AUC, their mean and
    spread over folds, and bootstrap 95% intervals resampled by source document."""
    labels = np.array([r.label for r in rows])
    if fixed_threshold is not None:
        decide = oof >= fixed_threshold
    else:
        decide = oof >= thresholds[fold]
    correct = decide == (labels == 1)
    out: dict = {"files": {}, "datasets": {}}
    rng = np.random.default_rng(seed)
    for attr, key in (("file", "files"), ("dataset", "datasets")):
        for name in sorted({getattr(r, attr) for r in rows}):
            idx = np.array([i for i, r in enumerate(rows) if getattr(r, attr) == name])
            out[key][name] = _summary(idx, rows, oof, fold, correct, labels, bootstrap, rng)
    files = sorted(out["files"])
    if len(files) > 1:
        out["macro"] = _macro(files, rows, oof, correct, labels, bootstrap, rng,
                              out["files"])
    return out


def _summary(idx, rows, oof, fold, correct, labels, bootstrap, rng) -> dict:
    y, p, ok, fo = labels[idx], oof[idx], correct[idx], fold[idx]
    ba = _ba_from_correct(ok, y)
    auc = auc_of(p, y)
    per_fold_ba, per_fold_auc = [], []
    for f in np.unique(fo):
        m = fo == f
        b = _ba_from_correct(ok[m], y[m])
        if not math.isnan(b):
            per_fold_ba.append(b)
            per_fold_auc.append(auc_of(p[m], y[m]))
    groups = np.array([rows[i].group for i in idx])
    ba_ci, auc_ci = _bootstrap(groups, y, p, ok, bootstrap, rng)
    return {
        "n": int(len(idx)), "documents": int(len(set(groups.tolist()))),
        "n_consistent": int((y == 1).sum()), "n_inconsistent": int((y == 0).sum()),
        "balanced_accuracy": _r(ba), "balanced_accuracy_ci95": [_r(v) for v in ba_ci],
        "roc_auc": _r(auc), "roc_auc_ci95": [_r(v) for v in auc_ci],
        "folds": len(per_fold_ba),
        "fold_balanced_accuracy_mean": _r(_mean(per_fold_ba)),
        "fold_balanced_accuracy_sd": _r(_sd(per_fold_ba)),
        "fold_roc_auc_mean": _r(_mean(per_fold_auc)),
        "fold_roc_auc_sd": _r(_sd(per_fold_auc)),
    }


def _macro(files, rows, oof, correct, labels, bootstrap, rng, per_file) -> dict:
    """The mean over files, with a bootstrap interval that resamples documents in every file."""
    ba = _mean([per_file[f]["balanced_accuracy"] for f in files])
    auc = _mean([per_file[f]["roc_auc"] for f in files])
    parts = []
    for f in files:
        idx = np.array([i for i, r in enumerate(rows) if r.file == f])
        parts.append((np.array([rows[i].group for i in idx]), labels[idx], oof[idx],
                      correct[idx]))
    bas, aucs = [], []
    for _ in range(bootstrap):
        b_f, a_f = [], []
        for groups, y, p, ok in parts:
            sel = _resample(groups, rng)
            b_f.append(_ba_from_correct(ok[sel], y[sel]))
            a_f.append(auc_of(p[sel], y[sel]))
        bas.append(np.nanmean(b_f))
        aucs.append(np.nanmean(a_f))
    return {"balanced_accuracy": _r(ba), "balanced_accuracy_ci95": _ci(bas),
            "roc_auc": _r(auc), "roc_auc_ci95": _ci(aucs), "files": len(files)}


def _resample(groups: np.ndarray, rng) -> np.ndarray:
    uniq = np.unique(groups)
    pick = rng.choice(uniq, size=len(uniq), replace=True)
    index = {g: np.flatnonzero(groups == g) for g in uniq}
    return np.concatenate([index[g] for g in pick])


def _bootstrap(groups, y, p, ok, n, rng):
    if n <= 0:
        return (math.nan, math.nan), (math.nan, math.nan)
    bas, aucs = [], []
    uniq = np.unique(groups)
    index = {g: np.flatnonzero(groups == g) for g in uniq}
    for _ in range(n):
        pick = rng.choice(uniq, size=len(uniq), replace=True)
        sel = np.concatenate([index[g] for g in pick])
        bas.append(_ba_from_correct(ok[sel], y[sel]))
        aucs.append(auc_of(p[sel], y[sel]))
    return _ci(bas, raw=True), _ci(aucs, raw=True)


def interval(values) -> list:
    """The 2.5th and 97.5th percentiles of bootstrap values (NaNs left out), rounded."""
    return _ci(values)


def _ci(values, raw: bool = False):
    vals = [v for v in values if not math.isnan(v)]
    if not vals:
        lo = hi = math.nan
    else:
        lo, hi = float(np.percentile(vals, 2.5)), float(np.percentile(vals, 97.5))
    return (lo, hi) if raw else [_r(lo), _r(hi)]


def _ba_from_correct(ok: np.ndarray, y: np.ndarray) -> float:
    pos, neg = y == 1, y == 0
    if not pos.any() or not neg.any():
        return math.nan
    return 0.5 * (float(ok[pos].mean()) + float(ok[neg].mean()))


def _mean(values) -> float:
    vals = [v for v in values if v is not None and not math.isnan(v)]
    return sum(vals) / len(vals) if vals else math.nan


def _sd(values) -> float:
    vals = [v for v in values if v is not None and not math.isnan(v)]
    if len(vals) < 2:
        return math.nan
    m = sum(vals) / len(vals)
    return math.sqrt(sum((v - m) ** 2 for v in vals) / (len(vals) - 1))


def _r(value: float) -> Optional[float]:
    return None if value is None or math.isnan(value) else round(float(value), 4)
