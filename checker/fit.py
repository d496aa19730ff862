"""Fit the consistency score and measure it honestly: grouped cross-validation and bootstrap.

Rows are labelled checks (``FitRow``): the score's features of one derived text, its gold
label (1 consistent, 0 not), the file it came from and a group naming its source document.
Every split here is by group, so that all summaries of one source document fall on the same
side: the summaries of one document share most of their findings, and splitting them would
let a model learn the document instead of the language.

- ``fit_model`` chooses the logistic regression's regularisation by grouped K-fold
  cross-validation, fits it on all rows, and picks the decision threshold on the
  out-of-fold probabilities (never on the rows the model was fitted to).
- ``cross_validate`` refits (or, for a fixed score, only re-tunes the threshold) on K-1 folds
  and scores the held-out fold; ``checker.cv_figures.cv_report`` turns the out-of-fold
  predictions into per-file and per-dataset figures: pooled out-of-fold value, mean and
  spread over folds, and a bootstrap 95% interval resampled by source document.

Each file weighs the same in a fit, and within a file the two classes weigh the same: the
files differ tenfold in their share of inconsistent rows, and the model must not learn that.
scikit-learn and numpy are imported here only; checking a text does not need them.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Optional, Sequence

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.preprocessing import StandardScaler

from checker.cv_figures import SEED, auc_of, ba_at, cv_report
from checker.score import ScoreModel

C_GRID = (0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1)
DEFAULT_FOLDS = 5
# Candidate thresholds (quantiles of the probabilities, 401 of them) averaged on each side
# when the balanced-accuracy curve is smoothed before its best is taken (tune_threshold).
THRESHOLD_WINDOW = 6


@dataclass(frozen=True)
class FitRow:
    """One labelled check: its score features, gold label, file, dataset and document group."""

    features: Mapping[str, float]
    label: int
    file: str
    dataset: str
    group: str
    score: Optional[float] = None  # the score the checker gave (for fixed-score evaluation)


# ---------------------------------------------------------------------------------------------
# Fitting


def feature_names(rows: Sequence[FitRow]) -> tuple[str, ...]:
    """Every feature any row has, in a stable order."""
    names: set[str] = set()
    for r in rows:
        names.update(r.features)
    return tuple(sorted(names))


def _matrix(rows: Sequence[FitRow], names: Sequence[str]) -> np.ndarray:
    return np.array([[float(r.features.get(n, 0.0)) for n in names] for r in rows], dtype=float)


def sample_weights(rows: Sequence[FitRow]) -> np.ndarray:
    """Each file weighs the same; within a file each class weighs the same (mean weight 1)."""
    counts: dict[tuple[str, int], int] = {}
    for r in rows:
        counts[(r.file, r.label)] = counts.get((r.file, r.label), 0) + 1
    cells = len(counts)
    w = np.array([len(rows) / (cells * counts[(r.file, r.label)]) for r in rows], dtype=float)
    return w


def _fit(X: np.ndarray, y: np.ndarray, w: np.ndarray, C: float):
    scaler = StandardScaler().fit(X)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    Z = (X - scaler.mean_) / scale
    model = LogisticRegression(C=C, max_iter=5000, solver="lbfgs")
    model.fit(Z, y, sample_weight=w)
    return scaler.mean_, scale, model.coef_[0], float(model.intercept_[0])


def _predict(fitted, X: np.ndarray) -> np.ndarray:
    mean, scale, coef, intercept = fitted
    z = ((X - mean) / scale) @ coef + intercept
    return 1.0 / (1.0 + np.exp(-z))


def folds_by_group(rows: Sequence[FitRow], k: int, seed: int = SEED) -> np.ndarray:
    """The fold (0..k-1) of every row; all rows of one group (source document) share a fold."""
    groups = np.array([f"{r.file}\x00{r.group}" for r in rows])
    n_groups = len(set(groups.tolist()))
    if n_groups < 2:
        raise ValueError("cross-validation needs rows from at least two source documents")
    k = min(k, n_groups)
    fold = np.zeros(len(rows), dtype=int)
    splitter = GroupKFold(n_splits=k, shuffle=True, random_state=seed)
    for i, (_, test) in enumerate(splitter.split(np.zeros(len(rows)), groups=groups)):
        fold[test] = i
    return fold


def tune_threshold(probs: np.ndarray, rows: Sequence[FitRow]) -> float:
    """The threshold with the best mean (over files) balanced accuracy on these rows, the
    curve smoothed over neighbouring candidate thresholds."""
    probs = np.asarray(probs, dtype=float)
    labels = np.array([r.label for r in rows])
    files = np.array([r.file for r in rows])
    cands = np.unique(probs)
    if len(cands) > 400:
        cands = np.quantile(probs, np.linspace(0, 1, 401))
    cands = np.concatenate([cands, [cands.max() + 1e-9]])
    values = []
    for t in cands:
        bas = [ba_at(probs[files == f], labels[files == f], t) for f in np.unique(files)]
        bas = [b for b in bas if not math.isnan(b)]
        values.append(sum(bas) / len(bas) if bas else -1.0)
    # The probabilities crowd around 0.5, so the balanced accuracy jumps from one candidate
    # to the next; the best single candidate is often a spike a few rows make, which moves
    # with every fold. The best of the curve averaged over THRESHOLD_WINDOW neighbours on
    # each side is a threshold the data hold up around it.
    width = min(THRESHOLD_WINDOW, (len(values) - 1) // 2)
    padded = np.pad(np.asarray(values), width, mode="edge")
    smooth = np.convolve(padded, np.ones(2 * width + 1) / (2 * width + 1), mode="valid")
    return float(cands[int(np.argmax(smooth))])


def choose_c(rows: Sequence[FitRow], k: int = DEFAULT_FOLDS, grid: Sequence[float] = C_GRID,
             seed: int = SEED) -> tuple[float, dict[float, float]]:
    """The regularisation with the best mean (over files) out-of-fold ROC-AUC."""
    by_c: dict[float, float] = {}
    for c in grid:
        oof, _, _ = cross_validate(rows, k=k, C=c, seed=seed)
        labels = np.array([r.label for r in rows])
        files = np.array([r.file for r in rows])
        aucs = [auc_of(oof[files == f], labels[files == f]) for f in np.unique(files)]
        aucs = [a for a in aucs if not math.isnan(a)]
        by_c[c] = sum(aucs) / len(aucs) if aucs else math.nan
    best = max(by_c, key=lambda c: (round(by_c[c], 4), c))  # a tie: the weaker penalty
    return best, by_c


def fit_model(rows: Sequence[FitRow], *, k: int = DEFAULT_FOLDS,
              grid: Sequence[float] = C_GRID, seed: int = SEED,
              files: Sequence[Path] = ()) -> ScoreModel:
    """Fit the score on every row, with C and the threshold chosen by grouped CV."""
    if len({r.label for r in rows}) < 2:
        raise ValueError("fitting needs both consistent and inconsistent rows")
    names = feature_names(rows)
    best_c, by_c = choose_c(rows, k=k, grid=grid, seed=seed)
    oof, fold, _ = cross_validate(rows, k=k, C=best_c, seed=seed)
    X, y, w = _matrix(rows, names), np.array([r.label for r in rows]), sample_weights(rows)
    # A strong penalty ranks well but squeezes the probabilities towards one half: a
    # one-feature logistic fit on the out-of-fold log-odds (Platt scaling) stretches them back,
    # so that the score reads as a probability. It rescales, so the ranking is unchanged.
    z = np.log(np.clip(oof, 1e-12, 1 - 1e-12) / np.clip(1 - oof, 1e-12, 1))
    platt = LogisticRegression(C=1e6, max_iter=5000).fit(z.reshape(-1, 1), y, sample_weight=w)
    a, b = float(platt.coef_[0][0]), float(platt.intercept_[0])
    oof = 1.0 / (1.0 + np.exp(-(a * z + b)))
    threshold = tune_threshold(oof, rows)
    mean, scale, coef, intercept = _fit(X, y, w, best_c)
    coef, intercept = coef * a, intercept * a + b
    report = cv_report(rows, oof, fold, thresholds=None, fixed_threshold=threshold,
                       bootstrap=200, seed=seed)
    meta = {
        "fitted_by": "checker fit",
        "C": best_c,
        "platt_scale": [round(a, 6), round(b, 6)],
        "cv_folds": int(fold.max()) + 1,
        "cv_mean_auc_by_C": {str(c): round(v, 4) for c, v in by_c.items()},
        "seed": seed,
        "training_files": [file_record(Path(f), rows) for f in files],
        "rows": len(rows),
        "cross_validated": {f: {key: report["files"][f][key] for key in
                                ("balanced_accuracy", "roc_auc", "n")}
                            for f in report["files"]},
    }
    return ScoreModel(features=names, coef=tuple(float(c) for c in coef), intercept=intercept,
                      mean=tuple(float(m) for m in mean), scale=tuple(float(s) for s in scale),
                      threshold=threshold, meta=meta)


def file_record(path: Path, rows: Sequence[FitRow]) -> dict:
    """A training file's name, SHA-256 and the number of rows it gave."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None
    return {"file": path.name, "sha256": digest,
            "rows": sum(1 for r in rows if r.file == path.name)}


# ---------------------------------------------------------------------------------------------
# Cross-validation


def cross_validate(rows: Sequence[FitRow], *, k: int = DEFAULT_FOLDS, C: Optional[float] = 0.1,
                   seed: int = SEED) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Out-of-fold probabilities, each row's fold, and each fold's threshold.

    With ``C`` the model is refitted on the other folds; with ``C=None`` each row's own
    ``score`` is kept and only the threshold is tuned on the other folds.
    """
    fold = folds_by_group(rows, k, seed)
    names = feature_names(rows)
    X = _matrix(rows, names) if C is not None else None
    y = np.array([r.label for r in rows])
    w = sample_weights(rows)
    oof = np.zeros(len(rows))
    thresholds = np.zeros(int(fold.max()) + 1)
    for f in range(int(fold.max()) + 1):
        train, test = fold != f, fold == f
        train_rows = [r for r, t in zip(rows, train) if t]
        if C is None:
            scores = np.array([r.score for r in rows], dtype=float)
            oof[test] = scores[test]
            thresholds[f] = tune_threshold(scores[train], train_rows)
            continue
        if len(set(y[train].tolist())) < 2:
            raise ValueError("a training fold holds only one class")
        fitted = _fit(X[train], y[train], w[train], C)
        oof[test] = _predict(fitted, X[test])
        thresholds[f] = tune_threshold(_predict(fitted, X[train]), train_rows)
    return oof, fold, thresholds

