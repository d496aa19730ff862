"""`checker batch`: a corpus or a manifest, with reports and a summary."""

from __future__ import annotations

import json
import sys
from typing import Optional

import click

from checker.cli.common import (EXIT_INTERRUPTED, EXIT_USAGE, INPUT_PATH, budget_option, cli,
                                config_options, fail)
from checker.errors import CheckerError, EngineError, InputError, ModelError, OutputError


BATCH_EXIT_POLICY = """\b
Exit codes:
  0  every item processed, nothing at or above --fail-on
  1  drift found at or above --fail-on
  2  usage error
  3  some items failed (listed in failures.csv), no spaCy model, or the
     Dask engine cannot start (Dask not installed, no scheduler or worker)
  130 interrupted (finished items are kept; rerun with --resume)"""


@cli.command(epilog=BATCH_EXIT_POLICY)
@click.argument("path", type=INPUT_PATH)
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
@budget_option
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
    except (InputError, OutputError, ModelError, EngineError) as exc:
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
