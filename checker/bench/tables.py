"""Benchmark results as a text table, CSV, and result files."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional

from checker.bench.formats import ALIGNMENT, STRENGTH, STRENGTH_LABELS, PathLike
from checker.errors import InputError
from checker.files import atomic_write


def _pct(value: Optional[float]) -> str:
    return "-" if value is None else f"{100 * value:.1f}"


def _num(value: Optional[float], digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _secs(value: Optional[float]) -> str:
    return "-" if value is None else f"{value:.1f} s"


def format_table(results: dict) -> str:
    """A plain-text report of a benchmark run: metrics per dataset, speed, and firing kinds."""
    name = Path(results.get("data_file") or "benchmark").name
    skipped = results.get("skipped") or {}
    scored = {STRENGTH: "sentences", ALIGNMENT: "summary sentences"}.get(
        results.get("task"), "pairs")
    lines = [
        f"checker bench {name}: {results.get('n', 0)} {scored} scored, "
        f"{skipped.get('count', 0)} skipped; checker {results.get('version')}, "
        f"model {results.get('model')}",
    ]
    if results.get("internal_errors"):
        lines.append(f"WARNING: {results['internal_errors']} pairs crashed the checker "
                     f"(listed under skipped)")
    if results.get("threshold") is not None:
        lines.append(f"threshold {results['threshold']:.4f} ({results.get('threshold_source')})")
    lines.append("")
    by_dataset = results.get("by_dataset") or {}
    align_rows = {k: v for k, v in by_dataset.items() if "mrr" in v}
    cons_rows = {k: v for k, v in by_dataset.items()
                 if "confusion_matrix" not in v and "mrr" not in v}
    sci_rows = {k: v for k, v in by_dataset.items() if "confusion_matrix" in v}
    if cons_rows:
        lines.extend(_consistency_table(cons_rows, results))
    if sci_rows:
        lines.extend(_labelling_table(sci_rows, results))
    for name, m in align_rows.items():
        lines.append(f"{name}: n {m.get('n', 0)} summary sentences; the aligner's first choice "
                     f"is a gold source sentence {_pct(m.get('accuracy'))} % of the time "
                     f"(a random pick {_pct(m.get('random_accuracy'))} %); MRR "
                     f"{_num(m.get('mrr'))}")
    lines.append("")
    lines.append(
        f"speed: {_num(results.get('pairs_per_second'), 2)} pairs/s; total "
        f"{_secs(results.get('total_seconds'))}, of which spaCy parse "
        f"{_secs(results.get('parse_seconds'))} (total/parse "
        f"{_num(results.get('overhead_ratio'), 2)}x); peak memory "
        f"{_num(results.get('peak_memory_mb'), 0)} MB")
    lines.append(
        f"spaCy alone ({results.get('spacy_only_measured_in') or 'not measured'}) on the same "
        f"{results.get('unique_unit_texts', 0)} unique units: "
        f"{_secs(results.get('spacy_only_seconds'))} (total/spaCy alone "
        f"{_num(results.get('overhead_vs_spacy'), 2)}x; CPU time "
        f"{_secs(results.get('cpu_seconds'))} vs {_secs(results.get('spacy_only_cpu_seconds'))}"
        f" = {_num(results.get('overhead_vs_spacy_cpu'), 2)}x)")
    for label, key in (("kinds on true positives ", "kinds_on_true_positives"),
                       ("kinds on false positives", "kinds_on_false_positives")):
        counts = results.get(key) or {}
        shown = ", ".join(f"{k} {v}" for k, v in counts.items()) or "none"
        lines.append(f"{label}: {shown}")
    rows = skipped.get("rows") or []
    if rows:
        lines.append("skipped:")
        lines.extend(f"  line {r['line']}{' ' + r['id'] if r['id'] else ''}: {r['reason']}"
                     for r in rows[:10])
        if len(rows) > 10:
            lines.append(f"  ... and {len(rows) - 10} more (see the JSON)")
    return "\n".join(lines) + "\n"


def _consistency_table(rows: dict[str, dict], results: dict) -> list[str]:
    header = (f"{'dataset':<22} {'n':>5} {'BA %':>6} {'oracle BA %':>11} {'ROC-AUC':>7} "
              f"{'P(inc)':>6} {'R(inc)':>6} {'F1(inc)':>7}")
    out = [header, "-" * len(header)]
    entries = list(rows.items())
    if len(rows) > 1 or results.get("task") == "mixed":
        entries.append(("ALL", results))
    for name, m in entries:
        out.append(f"{name[:22]:<22} {m.get('n', 0):>5} {_pct(m.get('balanced_accuracy')):>6} "
                   f"{_pct(m.get('oracle_balanced_accuracy')):>11} {_num(m.get('roc_auc')):>7} "
                   f"{_num(m.get('precision'), 2):>6} {_num(m.get('recall'), 2):>6} "
                   f"{_num(m.get('f1'), 2):>7}")
    return out


def _labelling_table(rows: dict[str, dict], results: dict) -> list[str]:
    out = []
    if any(m["confusion_matrix"]["labels"] == list(STRENGTH_LABELS) for m in rows.values()):
        out.append("claim strength: 0 no relation, 1 correlational, 2 conditional causal, "
                   "3 direct causal")
    for name, m in rows.items():
        out.append(f"{name}: n {m.get('n', 0)}, macro-F1 {_num(m.get('macro_f1'))}, accuracy "
                   f"{_pct(m.get('accuracy'))} %, balanced accuracy "
                   f"{_pct(m.get('balanced_accuracy'))} %")
        cm = m["confusion_matrix"]
        corner = "gold \\ predicted"
        out.append(f"  {corner:<18}" + "".join(f"{lab:>13}" for lab in cm["labels"]))
        for lab, row in zip(cm["labels"], cm["matrix"]):
            out.append(f"  {lab:<18}" + "".join(f"{v:>13}" for v in row))
    return out


CSV_COLUMNS = ("dataset", "n", "balanced_accuracy", "oracle_balanced_accuracy", "roc_auc",
               "precision", "recall", "f1", "macro_f1", "accuracy", "threshold")


def format_csv(results: dict) -> str:
    """One CSV row of metrics per dataset, then an ``ALL`` row for the whole file."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    entries = list((results.get("by_dataset") or {}).items()) + [("ALL", results)]
    for name, m in entries:
        row = [name] + [m.get(col) for col in CSV_COLUMNS[1:-1]] + [results.get("threshold")]
        writer.writerow(["" if v is None else (f"{v:.6g}" if isinstance(v, float) else v)
                         for v in row])
    return buf.getvalue()


def _atomic_write(path: Path, text: str) -> None:
    atomic_write(path, text)


def write_results(results: dict, out_dir: PathLike = "reports/benchmarks") -> list[Path]:
    """Write ``<stem>-<UTC time>.json`` and ``.txt`` and refresh ``<stem>-latest.json``."""
    directory = Path(out_dir)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create {directory}: {exc.strerror or exc}",
                         path=str(directory), cause="output") from exc
    stem = Path(results.get("data_file") or "benchmark").stem
    stamp = _stamp(results.get("date"))
    payload = json.dumps(results, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    paths = [directory / f"{stem}-{stamp}.json", directory / f"{stem}-{stamp}.txt",
             directory / f"{stem}-latest.json"]
    texts = [payload, format_table(results), payload]
    try:
        for p, text in zip(paths, texts):
            _atomic_write(p, text)
    except OSError as exc:
        raise InputError(f"cannot write benchmark results to {directory}: {exc.strerror or exc}",
                         path=str(directory), cause="output") from exc
    return paths


def _stamp(date: Optional[str]) -> str:
    try:
        moment = datetime.fromisoformat(date) if date else datetime.now(timezone.utc)
    except ValueError:
        moment = datetime.now(timezone.utc)
    return moment.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
