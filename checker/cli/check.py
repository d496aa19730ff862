"""`checker check` (the editor's pre-publication check) and `checker claims`."""

from __future__ import annotations

import json
import sys
from typing import Optional

import click

from checker.cli.common import (EXIT_DRIFT, EXIT_INPUT, EXIT_OK, EXIT_POLICY, EXIT_USAGE,
                                INPUT_FILE, INPUT_PATH, budget_option, cli, config_options,
                                fail, time_budget_of, write_output)
from checker.errors import CheckerError, InputError, ModelError, OutputError
from checker.records import SEVERITY_RANK


FORMATS = ("text", "json", "line", "html", "sarif", "github")


@cli.command(epilog=EXIT_POLICY)
@click.argument("derived", nargs=-1, required=True,
                type=INPUT_FILE)
@click.option("--source", "-s", "sources", multiple=True, type=INPUT_PATH,
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
@budget_option
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
                with time_budget_of(config, name=path):  # loading and checking the draft
                    reports.append(check_draft(path, pipeline=pipe, sources=sources,
                                               baseline=baseline,
                                               baseline_path=baseline_path or "",
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
        try:
            atomic_write(write_baseline, baseline_text(entries))
        except OutputError as exc:
            fail(str(exc))
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


@cli.command()
@click.argument("file", type=INPUT_FILE)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="Output format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to FILE.")
@config_options
@budget_option
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
        with time_budget_of(config, name=file, what="loading it"):
            art = load_input(file, config=config, taken=set())
        pipe = Pipeline(config)
        with time_budget_of(config, name=file):
            data = claims_to_dict(art, pipe.claims(art))
    except (InputError, ModelError) as exc:
        fail(str(exc))
    except CheckerError as exc:
        fail(str(exc), EXIT_USAGE)
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n" if fmt == "json" \
        else format_claims_table(data)
    write_output(text, output)
