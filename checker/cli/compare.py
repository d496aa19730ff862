"""`checker compare`: several articles on one story, as a claim matrix."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import click

from checker.cli.common import (EXIT_DRIFT, EXIT_OK, EXIT_USAGE, cli, config_options, fail,
                                write_output)
from checker.errors import CheckerError, InputError, ModelError


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
