"""Find, read and validate the configuration, and record where each value came from.

Precedence, lowest first: the defaults of ``Config``; one configuration file (``--config
FILE``, else ``$CHECKER_CONFIG``, else the first ``checker.toml``, ``.checker.toml`` or
``pyproject.toml`` with a ``[tool.checker]`` table walking up from the current folder);
``$CHECKER_MODEL``; the command line. Every problem of a file is a ``ConfigError`` naming the
file, the line, the key and what was expected, so a gate is never silently disarmed by a typo.
"""

from __future__ import annotations

import difflib
import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Mapping, Optional, Sequence

from checker.config import MAX_CONFIG_BYTES, Config
from checker.config.lines import line_of
from checker.config.schema import config_schema, expected
from checker.errors import ConfigError, InputError
from checker.files import read_input

NAMES = ("checker.toml", ".checker.toml", "pyproject.toml")


@dataclass(frozen=True)
class Resolved:
    """The effective configuration, the file it was read from, and each value's origin."""

    config: Config
    file: Optional[Path]
    origins: Mapping[str, str]  # Config field -> "default", "checker.toml:7", "$CHECKER_MODEL", "--model"


def find_config(start: Path) -> Optional[Path]:
    """The first configuration file walking up from ``start`` (a pyproject.toml counts only
    when it has a ``[tool.checker]`` table)."""
    for folder in (start, *start.parents):
        for name in NAMES:
            p = folder / name
            if not p.is_file():
                continue
            if name == "pyproject.toml" and not _mentions_tool_checker(p):
                continue
            return p
    return None


def _mentions_tool_checker(path: Path) -> bool:
    try:
        text = read_input(path, limit=MAX_CONFIG_BYTES).decode("utf-8", errors="replace")
    except InputError:
        return False
    return "[tool.checker" in text or "tool.checker." in text


def _choose(path: Optional[str], environ: Mapping[str, str], cwd: Path) -> Optional[Path]:
    # Only what does not exist is "not found": a FIFO or a folder is refused by the reader
    # with its own message (a FIFO used to be reported as not found).
    if path:
        if not os.path.lexists(path):
            raise ConfigError(f"{path}: configuration file not found (--config)")
        return Path(path)
    env = environ.get("CHECKER_CONFIG", "")
    if env:
        if not os.path.lexists(env):
            raise ConfigError(f"{env}: configuration file not found ($CHECKER_CONFIG)")
        return Path(env)
    return find_config(cwd)


def read_table(file: Path) -> tuple[dict[str, Any], tuple[str, ...], str]:
    """The checker table of a file, its key path in the file and the file's text."""
    try:
        text = read_input(file, limit=MAX_CONFIG_BYTES, limit_name="the configuration limit",
                          what="configuration file").decode("utf-8")
    except InputError as exc:  # a FIFO, a device, a folder, too large: never read
        raise ConfigError(f"cannot read the configuration: {exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{file}: the configuration is not UTF-8 text") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{file}: not valid TOML: {exc}") from exc
    except RecursionError as exc:
        raise ConfigError(f"{file}: not usable TOML (nested too deeply)") from exc
    if file.name == "pyproject.toml":
        table = data.get("tool", {}).get("checker") if isinstance(data.get("tool"), dict) else None
        if table is None:
            raise ConfigError(f"{file}: no [tool.checker] table")
        prefix: tuple[str, ...] = ("tool", "checker")
    elif "checker" in data:
        others = sorted(set(data) - {"checker"})
        if others:
            line = line_of(text, (others[0],)) or 1
            raise ConfigError(f"{file}:{line}: {others[0]}: unknown key outside the [checker] "
                              f"table; put every setting under [checker]")
        table, prefix = data["checker"], ("checker",)
    else:
        table, prefix = data, ()
    if not isinstance(table, dict):
        raise ConfigError(f"{file}:{line_of(text, prefix) or 1}: {'.'.join(prefix)}: "
                          f"expected a table")
    return table, prefix, text


def validate_table(table: dict[str, Any], *, file: Path, prefix: Sequence[str],
                   text: str) -> None:
    """Raise one ``ConfigError`` listing every problem of a configuration table."""
    from jsonschema import Draft202012Validator

    schema = config_schema()
    problems: list[tuple[int, str]] = []

    def add(path: Sequence[Any], message: str) -> None:
        line = line_of(text, [*prefix, *(str(p) for p in path if not isinstance(p, int))]) or 1
        problems.append((line, f"{file}:{line}: {key_name(path)}: {message}"))

    for err in Draft202012Validator(schema).iter_errors(table):
        path = list(err.absolute_path)
        if err.validator == "additionalProperties":
            known = sorted(err.schema.get("properties", {}))
            for key in sorted(set(err.instance) - set(known)):
                near = difflib.get_close_matches(key.replace("-", "_"), known, n=1, cutoff=0.6)
                hint = f"did you mean {near[0]!r}? " if near else ""
                add([*path, key], f"unknown key; {hint}expected one of: {', '.join(known)}")
        elif err.validator == "uniqueItems":
            add(path, "lists an entry twice")
        else:
            add(path, f"expected {expected(err.schema)}, got {_shown(err.instance)}")
    if not problems:  # rule codes are looked at once the shapes are right
        _rule_problems(table, add)
    if problems:
        raise ConfigError("\n".join(m for _, m in sorted(problems)))


def key_name(path: Sequence[Any]) -> str:
    """A key path as written in messages: ``lexicon_extra.hedges``, ``select[1]``."""
    out = ""
    for p in path:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "(top level)"


def _rule_problems(table: dict[str, Any], add) -> None:
    from checker import selectors
    from checker.furniture import load_patterns

    for key in ("select", "ignore"):
        for i, item in enumerate(table.get(key, [])):
            why = selectors.problem(item)
            if why:
                add([key, i], why)
    for item in table.get("severity", {}):
        why = selectors.problem(item)
        if why:
            add(["severity", item], why)
    furniture = table.get("lexicon_extra", {}).get("furniture")
    if furniture:
        try:
            load_patterns(furniture)
        except ConfigError as exc:
            add(["lexicon_extra", "furniture"], str(exc))


def _shown(value: Any) -> str:
    kind = {str: "a string", bool: "a boolean", int: "a whole number", float: "a number",
            list: "a list", dict: "a table"}.get(type(value), type(value).__name__)
    text = repr(value) if not isinstance(value, (list, dict)) else ""
    return f"{kind} {text}".strip() if len(text) < 60 else kind


def check_selectors(values: Sequence[str], option: str) -> None:
    """Refuse command-line selectors that name no rule (``--select``, ``--ignore``)."""
    from checker import selectors

    bad = selectors.validate(values)
    if bad:
        raise ConfigError("\n".join(f"{option}: {why}" for _, why in bad))


def resolve_config(path: Optional[str] = None, *, cwd: Optional[Path] = None,
                   environ: Optional[Mapping[str, str]] = None,
                   model: Optional[str] = None, select: Optional[Sequence[str]] = None,
                   ignore: Optional[Sequence[str]] = None,
                   fail_on: Optional[str] = None) -> Resolved:
    """The effective configuration with the origin of every value."""
    environ = os.environ if environ is None else environ
    file = _choose(path, environ, cwd or Path.cwd())
    values: dict[str, Any] = {}
    origins = {f.name: "default" for f in fields(Config)}
    if file is not None:
        table, prefix, text = read_table(file)
        validate_table(table, file=file, prefix=prefix, text=text)
        for key, value in table.items():
            values[key] = value
            origins[key] = f"{file}:{line_of(text, [*prefix, key]) or 1}"
    if environ.get("CHECKER_MODEL"):
        values["model"], origins["model"] = environ["CHECKER_MODEL"], "$CHECKER_MODEL"
    for option, key, given in (("--model", "model", model), ("--select", "select", select),
                               ("--ignore", "ignore", ignore), ("--fail-on", "fail_on", fail_on)):
        if given is None or (isinstance(given, (tuple, list)) and not given):
            continue
        if key in ("select", "ignore"):
            check_selectors(given, option)
        values[key], origins[key] = given, option
    for key in ("select", "ignore", "omissions"):
        if key in values:
            values[key] = tuple(values[key])
    config = Config(**values)
    _some_rule_runs(config, origins)
    return Resolved(config=config, file=file, origins=origins)


def _some_rule_runs(config: Config, origins: Mapping[str, str]) -> None:
    """Refuse a selection that leaves no rule: a gate that runs nothing passes every text."""
    from checker.rules import select_rules

    if (config.select or config.ignore) and not select_rules(config.select, config.ignore):
        raise ConfigError(f"select {list(config.select)} ({origins['select']}) with ignore "
                          f"{list(config.ignore)} ({origins['ignore']}) leaves no rule to run")


def load_config(path: Optional[str] = None, **overrides: Any) -> Config:
    """The effective configuration (see ``resolve_config``)."""
    return resolve_config(path, **overrides).config
