"""The configuration's JSON Schema (draft 2020-12), built from the registries it names.

One schema serves three readers: the validator that refuses a bad file before anything runs
(``checker.config.validate``), ``checker config --schema`` (for editors that complete TOML
from a JSON Schema), and the README's key table. The lexicon roles come from
``checker.lexicon.FILES`` and the severities from ``checker.records``, so the schema never
falls out of step with them.
"""

from __future__ import annotations

from typing import Any

from checker.records import SEVERITIES

SCHEMA_ID = "https://checker.invalid/schemas/config-1.json"

_STRINGS = {"type": "array", "items": {"type": "string"}}
_SELECTORS = {**_STRINGS, "examples": [["DL301", "DU", "certainty-lowered"]]}


def _lexicon_roles() -> list[str]:
    """The roles the configuration may extend (not those read once at import)."""
    from checker.lexicon import FILES, FIXED

    return sorted([*(set(FILES) - FIXED), "furniture"])


def config_schema() -> dict[str, Any]:
    """The JSON Schema of the ``[checker]`` table."""
    props: dict[str, Any] = {
        "model": {"type": "string", "minLength": 1,
                  "description": "spaCy pipeline to load (or $CHECKER_MODEL, or --model)"},
        "max_bytes": {"type": "integer", "minimum": 1,
                      "description": "larger input files are refused (input error)"},
        "max_manifest_bytes": {"type": "integer", "minimum": 1,
                               "description": "larger batch manifests are refused"},
        "time_budget": {"type": "number", "minimum": 0,
                        "description": "seconds to load and check one text; 0 = no limit"},
        "min_english_ratio": {"type": "number", "minimum": 0, "maximum": 1,
                              "description": "share of common English words a text needs"},
        "support_threshold": {"type": "number", "minimum": 0, "maximum": 1,
                              "description": "alignment score below which a claim is unaligned"},
        "max_omissions": {"type": "integer", "minimum": 0,
                          "description": "omitted-claim findings per source"},
        "omissions": {"type": "array", "items": {"enum": ["answer", "caveat", "reply"]},
                      "uniqueItems": True,
                      "description": "kinds of left-out claim DO901 reports"},
        "wordnet_dir": {"type": "string",
                        "description": 'WordNet 3.0 dict/ folder; "" shipped data, "none" off'},
        "score_model": {"type": "string",
                        "description": 'score model file; "" shipped, "none" no score'},
        "decision_threshold": {"type": "number", "minimum": 0, "maximum": 1,
                               "description": "override the score model's threshold"},
        "select": {**_SELECTORS, "description": "only these rules"},
        "ignore": {**_SELECTORS, "description": "skip these rules"},
        "fail_on": {"enum": list(SEVERITIES),
                    "description": "lowest severity that makes check and batch exit 1"},
        "severity": {"type": "object", "additionalProperties": {"enum": list(SEVERITIES)},
                     "examples": [{"DL301": "error", "unsupported-claim": "info"}],
                     "description": "severity by rule code, code prefix or kind"},
        "lexicon_extra": {
            "type": "object", "additionalProperties": False,
            "properties": {role: {**_STRINGS, "examples": [["arguably\t0.25"]]}
                           for role in _lexicon_roles()},
            "description": "entries added to the word lists in checker/lexicons/"},
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "checker configuration: the [checker] table of checker.toml "
                 "([tool.checker] in pyproject.toml)",
        "type": "object",
        "properties": props,
        "additionalProperties": False,
    }


def expected(schema: dict[str, Any]) -> str:
    """What a schema node accepts, in words ("a number from 0 to 1")."""
    said = _expected_kind(schema)
    if schema.get("examples"):
        said += f", e.g. {toml_value(schema['examples'][0])}"
    return said


def _expected_kind(schema: dict[str, Any]) -> str:
    if "enum" in schema:
        return "one of " + ", ".join(f'"{v}"' for v in schema["enum"])
    kind = schema.get("type")
    lo, hi = schema.get("minimum"), schema.get("maximum")
    if kind in ("integer", "number"):
        noun = "a whole number" if kind == "integer" else "a number"
        if lo is not None and hi is not None:
            return f"{noun} from {lo} to {hi}"
        return f"{noun} of at least {lo}" if lo is not None else noun
    if kind == "string":
        return "a non-empty string" if schema.get("minLength") else "a string (in quotes)"
    if kind == "array":
        return "a list of strings" if schema.get("items", {}).get("type") == "string" \
            else "a list"
    return "a table" if kind == "object" else "a valid value"


def toml_value(value: Any) -> str:
    """A value written as TOML (for examples in messages)."""
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t") + '"'
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f'{toml_key(k)} = {toml_value(v)}' for k, v in value.items()) + "}"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def toml_key(k: str) -> str:
    """A table key written as TOML (quoted unless bare)."""
    import re

    return k if re.fullmatch(r"[A-Za-z0-9_-]+", k) else toml_value(k)
