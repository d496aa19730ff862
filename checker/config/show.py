"""``checker config --show``: the effective configuration with each value's origin."""

from __future__ import annotations

import json
from dataclasses import fields

from checker.config import Config
from checker.config.resolve import Resolved
from checker.config.schema import toml_key, toml_value


def format_resolved(resolved: Resolved, fmt: str = "toml") -> str:
    """The configuration as commented TOML (or JSON), each value with where it came from."""
    values = {f.name: getattr(resolved.config, f.name) for f in fields(Config)}
    for key in ("select", "ignore", "omissions"):
        values[key] = list(values[key])
    if fmt == "json":
        data = {"file": str(resolved.file) if resolved.file else None,
                "values": {k: {"value": v, "origin": resolved.origins[k]}
                           for k, v in values.items()}}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    lines = [f"# configuration file: {resolved.file or 'none found (defaults)'}", "[checker]"]
    tables = []
    for key, value in values.items():
        origin = resolved.origins[key]
        if value is None:
            lines.append(f"# {key} is not set ({origin})")
        elif isinstance(value, dict):
            tables.append((key, value, origin))
        else:
            assignment = f"{key} = {toml_value(value)}"
            lines.append(f"{assignment:<44} # {origin}")
    for key, value, origin in tables:
        header = f"[checker.{key}]"
        lines += ["", f"{header:<44} # {origin}"]
        lines += [f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items()]
    return "\n".join(lines) + "\n"
