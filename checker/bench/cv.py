"""Cross-validated benchmark figures over one or several files (``checker bench --cv K``).

Consistency rows of every file are pooled and split into K folds by source document (all the
summaries of one document in one fold). For each fold the score model is refitted on the
other folds (``checker.fit``, with the shipped model's regularisation) and the decision
threshold is tuned on them; the held-out fold is scored with both. The figures are those
out-of-fold predictions per file and per dataset: balanced accuracy and ROC-AUC, their mean
and spread over folds, and a bootstrap 95% interval resampled by source document; with
several files, their macro-average too. ``refit=False`` keeps each row's own score and only
tunes the threshold in the folds (how a fixed formula is measured).

Labelling files (InSciOut, claim strength) have nothing fitted on them: their macro-F1 is
given with a bootstrap interval over rows. Alignment files give top-1 accuracy likewise.
"""

from __future__ import annotations

import math
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Optional, Sequence

import numpy as np

import checker
from checker.bench.formats import (
    ALIGNMENT,
    CONSISTENCY,
    INSCIOUT,
    INSCIOUT_LABELS,
    STRENGTH,
    STRENGTH_LABELS,
    PathLike,
    scan_bench_file,
)
from checker.bench.metrics import _verdict, macro_f1
from checker.bench.run import _score_items, resolve
from checker.check import score_model
from checker.config import Config
from checker.errors import InputError
from checker.cv_figures import BOOTSTRAP, SEED, cv_report, interval
from checker.fit import DEFAULT_FOLDS, FitRow, cross_validate, fit_model
from checker.records import Article


def run_cv(paths: Sequence[PathLike], *, k: int = DEFAULT_FOLDS, config: Optional[Config] = None,
           pipeline=None, refit: bool = True, progress: bool = True,
           loader: Optional[Callable[..., Article]] = None, seed: int = SEED,
           bootstrap: int = BOOTSTRAP) -> dict[str, Any]:
    """Score every file, then cross-validate the consistency rows pooled over all files."""
    if k < 2:
        raise InputError(f"--cv needs at least 2 folds, got {k}", cause="usage")
    pipeline, loader, cfg = resolve(pipeline, loader, config)
    rng = np.random.default_rng(seed)
    rows, others, skipped = collect_rows(paths, pipeline, loader, cfg, progress=progress)
    labelling = {name: _labelling_ci(kind, mine, bootstrap, rng)
                 for name, (kind, mine) in others.items()}
    out: dict[str, Any] = {
        "task": "cross-validation",
        "folds": k,
        "mode": ("refit: the score model is refitted on K-1 folds and the threshold tuned "
                 "there" if refit else "fixed score: only the threshold is tuned on K-1 folds"),
        "files": [str(p) for p in paths],
        "skipped": skipped,
        "labelling": labelling,
        "version": checker.__version__,
        "model": getattr(pipeline, "model", cfg.model),
        "seed": seed,
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }
    if rows:
        c = None
        if refit:
            model = score_model(cfg) if cfg.score_model != "none" else None
            c = float(model.meta.get("C", 0.1)) if model is not None else 0.1
            out["C"] = c
        elif any(r.score is None or math.isnan(r.score) for r in rows):
            raise InputError("a fixed-score cross-validation needs a score model", cause="usage")
        oof, fold, thresholds = cross_validate(rows, k=k, C=c, seed=seed)
        out["consistency"] = cv_report(rows, oof, fold, thresholds=thresholds,
                                       bootstrap=bootstrap, seed=seed)
        out["fold_thresholds"] = [round(float(t), 4) for t in thresholds]
    return out


def collect_rows(paths: Sequence[PathLike], pipeline, loader, cfg: Config, *,
                 progress: bool = True):
    """Check every row of every file: the consistency rows as ``FitRow``s, the outcomes of
    labelling files by file name, and the number of skipped rows per file."""
    rows: list[FitRow] = []
    others: dict[str, tuple[str, list]] = {}
    skipped: dict[str, int] = {}
    for path, name in zip(paths, _unique_names(paths)):
        bench = scan_bench_file(path)
        run = _score_items(list(bench.items), pipeline, loader, cfg, progress=progress)
        skipped[name] = len(bench.skipped) + len(run.skipped)
        for o in run.outcomes:
            if o.item.kind == CONSISTENCY:
                rows.append(FitRow(features=o.features, label=int(o.item.label), file=name,
                                   dataset=o.item.dataset, group=o.group, score=o.score))
        for kind in (INSCIOUT, STRENGTH, ALIGNMENT):
            mine = [o for o in run.outcomes if o.item.kind == kind]
            if mine:
                others[name] = (kind, mine)
    return rows, others, skipped


def fit_files(paths: Sequence[PathLike], *, k: int = DEFAULT_FOLDS,
              config: Optional[Config] = None, pipeline=None, progress: bool = True,
              loader: Optional[Callable[..., Article]] = None, seed: int = SEED):
    """Fit the score model on the consistency rows of ``paths`` (see ``checker.fit``)."""
    # The features do not depend on the model; "none" lets a missing or stale model file be
    # replaced. A given pipeline is used as it is (its score is ignored).
    cfg = (config or Config()).with_(score_model="none")
    pipeline, loader, _ = resolve(pipeline, loader, cfg)
    rows, _, skipped = collect_rows(paths, pipeline, loader, cfg, progress=progress)
    if not rows:
        raise InputError("no consistency rows ({doc, summary, label}) to fit on",
                         cause="usage")
    model = fit_model(rows, k=k, seed=seed, files=[Path(p) for p in paths])
    model.meta["skipped_rows"] = skipped
    model.meta["checker_version"] = checker.__version__
    model.meta["spacy_model"] = cfg.model
    return model


def _unique_names(paths: Sequence[PathLike]) -> list[str]:
    names: list[str] = []
    for p in paths:
        name = Path(p).name
        while name in names:
            name = f"{Path(p).parent.name}/{name}"
        names.append(name)
    return names


def _labelling_ci(kind: str, outcomes, bootstrap: int, rng) -> dict[str, Any]:
    """Macro-F1 (or top-1 accuracy for alignment) with a bootstrap interval over rows."""
    if kind == ALIGNMENT:
        hits = np.array([1.0 if o.level == 1 else 0.0 for o in outcomes])
        stats = [float(hits[rng.integers(0, len(hits), len(hits))].mean())
                 for _ in range(bootstrap)]
        return {"kind": kind, "n": len(outcomes), "top1_accuracy": round(float(hits.mean()), 4),
                "top1_accuracy_ci95": interval(stats)}
    labels = INSCIOUT_LABELS if kind == INSCIOUT else STRENGTH_LABELS
    gold = [o.item.label for o in outcomes]
    pred = [_verdict(o) if kind == INSCIOUT else o.level for o in outcomes]
    value = macro_f1(gold, pred, labels)
    stats = []
    for _ in range(bootstrap):
        idx = rng.integers(0, len(gold), len(gold))
        stats.append(macro_f1([gold[i] for i in idx], [pred[i] for i in idx], labels))
    return {"kind": kind, "n": len(outcomes), "macro_f1": round(value, 4),
            "macro_f1_ci95": interval(stats)}


def format_cv_table(results: dict) -> str:
    """The cross-validated figures as a plain-text table."""
    lines = [f"checker bench --cv {results['folds']} ({results['mode']}); checker "
             f"{results.get('version')}, model {results.get('model')}"]
    if results.get("C") is not None:
        lines.append(f"logistic regression C = {results['C']}; fold thresholds "
                     f"{', '.join(f'{t:.3f}' for t in results.get('fold_thresholds', []))}")
    cons = results.get("consistency")
    if cons:
        header = (f"{'file / dataset':<28} {'n':>5} {'docs':>5}  {'BA %':>5} {'95% CI':>13}  "
                  f"{'folds':>11}  {'ROC-AUC':>7} {'95% CI':>13}")
        lines += ["", header, "-" * len(header)]
        entries = [(n, m) for n, m in cons["files"].items()]
        datasets = {n: m for n, m in cons["datasets"].items()
                    if n not in cons["files"] and len(cons["datasets"]) > 1}
        entries += [(f"  {n}", m) for n, m in datasets.items()]
        for name, m in entries:
            lines.append(f"{name[:28]:<28} {m['n']:>5} {m['documents']:>5}  "
                         f"{_pct(m['balanced_accuracy']):>5} {_ci_pct(m['balanced_accuracy_ci95']):>13}  "
                         f"{_pm(m['fold_balanced_accuracy_mean'], m['fold_balanced_accuracy_sd']):>11}  "
                         f"{_num(m['roc_auc']):>7} {_ci_num(m['roc_auc_ci95']):>13}")
        macro = cons.get("macro")
        if macro:
            lines.append(f"{'macro-average':<28} {'':>5} {'':>5}  "
                         f"{_pct(macro['balanced_accuracy']):>5} "
                         f"{_ci_pct(macro['balanced_accuracy_ci95']):>13}  {'':>11}  "
                         f"{_num(macro['roc_auc']):>7} {_ci_num(macro['roc_auc_ci95']):>13}")
        lines.append("BA: balanced accuracy of the out-of-fold decisions; folds: mean ± sd over "
                     "folds; intervals: bootstrap by source document")
    for name, m in (results.get("labelling") or {}).items():
        if "macro_f1" in m:
            lines.append(f"{name}: {m['kind']}, n {m['n']}, macro-F1 {_num(m['macro_f1'])} "
                         f"{_ci_num(m['macro_f1_ci95'])} (nothing fitted: bootstrap over rows)")
        else:
            lines.append(f"{name}: alignment, n {m['n']}, top-1 {_pct(m['top1_accuracy'])} % "
                         f"{_ci_pct(m['top1_accuracy_ci95'])}")
    skipped = {n: c for n, c in (results.get("skipped") or {}).items() if c}
    if skipped:
        lines.append("skipped rows: " + ", ".join(f"{n} {c}" for n, c in skipped.items()))
    return "\n".join(lines) + "\n"


def _pct(v: Optional[float]) -> str:
    return "-" if v is None else f"{100 * v:.1f}"


def _num(v: Optional[float]) -> str:
    return "-" if v is None else f"{v:.3f}"


def _ci_pct(ci) -> str:
    return "-" if not ci or ci[0] is None else f"[{100 * ci[0]:.1f}, {100 * ci[1]:.1f}]"


def _ci_num(ci) -> str:
    return "-" if not ci or ci[0] is None else f"[{ci[0]:.3f}, {ci[1]:.3f}]"


def _pm(mean: Optional[float], sd: Optional[float]) -> str:
    if mean is None:
        return "-"
    return f"{100 * mean:.1f}±{100 * sd:.1f}" if sd is not None else f"{100 * mean:.1f}"
