"""`checker bench` (accuracy and speed on labelled data) and `checker fit` (the score model)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import click

from checker.cli.common import (EXIT_INPUT, EXIT_USAGE, INPUT_PATH, cli, config_options, fail,
                                write_output)
from checker.errors import CheckerError, ModelError


@cli.command()
@click.argument("data", nargs=-1, required=True, type=INPUT_PATH)
@click.option("--cv", "folds", type=click.IntRange(2), default=None,
              help="K-fold cross-validation grouped by source document, pooled over the files.")
@click.option("--fixed-score", is_flag=True,
              help="With --cv: keep the shipped score, tune only the threshold in the folds.")
@click.option("--dev", "dev_path", type=click.Path(exists=True, dir_okay=False),
              help="Development split to tune the decision threshold on.")
@click.option("--threshold", type=float, help="Fixed decision threshold (no tuning).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True, help="Output format (csv: not with --cv).")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to FILE.")
@click.option("--save", "save_dir", type=click.Path(file_okay=False),
              help="Also keep the results (JSON and table, time-stamped) in this folder.")
@click.option("--limit", type=click.IntRange(1), help="Only the first N rows (for a quick look).")
@config_options
def bench(data: tuple[str, ...], folds: Optional[int], fixed_score: bool,
          dev_path: Optional[str], threshold: Optional[float], fmt: str,
          output: Optional[str], save_dir: Optional[str], limit: Optional[int],
          config) -> None:
    """Measure accuracy and speed on labelled benchmark files (JSON lines).

    \b
    Reads summary-vs-source rows {doc, summary, label} (balanced accuracy at the score
    model's threshold, or one tuned on --dev, ROC-AUC, precision and recall of the
    inconsistent class, per dataset), InSciOut rows (certainty verdict) and claim-strength
    rows {sentence, label 0-3} (the strength classifier), both with macro-F1 and a
    confusion matrix, and SuperPAL alignment rows {topic, scuText, docSentText} (the
    aligner's top-1 accuracy and MRR over each topic's source sentences). A folder of
    stories with expected findings (a drift suite, such as tests/drift-suite) gives recall
    per drift kind, false alarms per faithful text and precision per rule code.

    \b
    With --cv K the consistency rows of all the files are pooled and split into K folds by
    source document; the score model is refitted and the threshold tuned on K-1 folds and
    the held-out fold scored. It reports per file and dataset the out-of-fold balanced
    accuracy and ROC-AUC, their spread over folds and bootstrap 95% intervals resampled by
    document, and the macro-average over files. These are the figures to quote.

    \b
    Examples:
      checker bench ../shared/benchmarks/*-dev.jsonl --cv 5
      checker bench ../shared/benchmarks/summedits-dev.jsonl
      checker bench test.jsonl --dev dev.jsonl --format json -o results.json
      checker bench ../shared/benchmarks/insciout-dev.jsonl --format csv
    """
    from checker.bench import format_csv, format_table, run_bench, write_results
    from checker.bench.cv import format_cv_table, run_cv
    from checker.bench.suite import format_suite_table, is_suite, run_suite

    suites = [d for d in data if Path(d).is_dir()]
    try:
        if suites:
            if len(data) > 1 or folds is not None or fmt == "csv":
                fail("a drift-suite folder is benched alone, as table or json", EXIT_USAGE)
            if not is_suite(Path(suites[0])):
                fail(f"{suites[0]} is not a story folder, a folder of stories or of probe files",
                     EXIT_USAGE)
            results = run_suite(suites[0], config=config)
            text = (json.dumps(results, ensure_ascii=False, indent=2) + "\n" if fmt == "json"
                    else format_suite_table(results))
            runs = []
        elif folds is not None:
            if fmt == "csv":
                fail("--format csv is not available with --cv (use table or json)", EXIT_USAGE)
            results = run_cv(list(data), k=folds, config=config, refit=not fixed_score)
            text = (json.dumps(results, ensure_ascii=False, indent=2) + "\n" if fmt == "json"
                    else format_cv_table(results))
            runs = [results]
        else:
            runs = [run_bench(path, dev_path=dev_path, threshold=threshold, config=config,
                              limit=limit) for path in data]
            if fmt == "json":
                payload = runs[0] if len(runs) == 1 else runs
                text = json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
            elif fmt == "csv":
                text = "".join(format_csv(r) for r in runs)
            else:
                text = "\n".join(format_table(r) for r in runs)
    except ModelError as exc:
        fail(str(exc))
    except CheckerError as exc:
        fail(str(exc), EXIT_INPUT)
    if save_dir:
        for r in runs:
            try:
                for path in write_results(r, save_dir):
                    click.echo(f"saved {path}", err=True)
            except CheckerError as exc:
                fail(str(exc), EXIT_INPUT)
    write_output(text, output)


@cli.command()
@click.argument("data", nargs=-1, required=True,
                type=INPUT_PATH)
@click.option("--output", "-o", type=click.Path(dir_okay=False), required=True,
              help="Where to write the model file (the shipped one is checker/models/score-model.json).")
@click.option("--cv", "folds", type=click.IntRange(2), default=5, show_default=True,
              help="Folds (grouped by source document) for choosing C and the threshold.")
@config_options
def fit(data: tuple[str, ...], output: str, folds: int, config) -> None:
    """Fit the consistency score (a logistic regression) on labelled benchmark files.

    \b
    The features are what a check computes (per rule code the strongest confidence and
    the count, alignment support, lead coverage, names and figures the sources lack). The
    regularisation and the decision threshold are chosen by grouped cross-validation; the
    model file records the features, coefficients, training files with their SHA-256 and
    row counts, and the cross-validated scores. The same files and version give the same
    file.

    \b
    Example:
      checker fit ../shared/benchmarks/{summedits,xsumfaith,polytope,cliff,bump}-dev.jsonl \\
          -o checker/models/score-model.json
    """
    from checker.bench.cv import fit_files

    try:
        model = fit_files(list(data), k=folds, config=config)
    except ModelError as exc:
        fail(str(exc))
    except CheckerError as exc:
        fail(str(exc), EXIT_INPUT)
    except ValueError as exc:
        fail(f"cannot fit: {exc}", EXIT_INPUT)
    text = json.dumps(model.to_dict(), indent=1, ensure_ascii=False) + "\n"
    write_output(text, output)
    click.echo(f"fitted on {model.meta['rows']} rows; C = {model.meta['C']}; threshold "
               f"{model.threshold:.4f}", err=True)
