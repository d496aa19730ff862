"""Probe files: one-sentence pairs that test one capability each, scored as a drift suite.

A probe file is JSON lines, one pair a line: ``{"id", "source", "derived", "expect", "quote"}``
where ``expect`` is a drift kind (DRIFT-KINDS.md) or ``"silent"`` for a faithful rewording,
and ``quote`` the drifted words of the derived text. A folder of probe files is benched as
a suite (``checker bench tests/probes/heldout``): a drifted pair is caught when a finding of
its kind covers the quote; a finding on a silent pair is a false alarm, omitted-claim and
scope-changed aside, as the story suite has it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from checker.records import KINDS

# A silent pair forbids what a faithful paraphrase of the story suite forbids.
SILENT_FORBIDS = [k for k in KINDS if k not in ("omitted-claim", "scope-changed")]


def probe_files(path: Path) -> list[Path]:
    """The probe files of a folder: JSON-lines files whose first row has "expect"."""
    if not path.is_dir():
        return []
    out = []
    for f in sorted(path.glob("*.jsonl")):
        with f.open(encoding="utf-8") as fh:
            first = fh.readline()
        try:
            row = json.loads(first)
        except ValueError:
            continue
        if isinstance(row, dict) and "expect" in row and "derived" in row:
            out.append(f)
    return out


def expected_of(row: dict) -> dict:
    """The pair's expectation in the corpus's expected-file form."""
    if row["expect"] == "silent":
        return {"must_not_flag": [{"quote": "*", "kinds": SILENT_FORBIDS}]}
    return {"must_flag": [{"quote": row["quote"], "kinds": [row["expect"]]}]}


def probe_pairs(path: Path) -> Iterator[tuple[str, dict, str, str]]:
    """(name, expected, derived text, source text) for every pair of a probe folder."""
    for f in probe_files(path):
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            row = json.loads(line)
            name = f"{f.stem}/{row.get('id') or n}"
            yield name, expected_of(row), row["derived"], row["source"]
