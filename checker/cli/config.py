"""`checker config` (the effective configuration, its schema) and `checker explain`."""

from __future__ import annotations

import json
from typing import Optional

import click

from checker.cli.common import EXIT_USAGE, cli, config_options, fail
from checker.errors import CheckerError


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
