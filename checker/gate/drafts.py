"""Check drafts the way an editor's gate does: load the draft (a file or standard input),
find its sources (given, or in its front matter), check, apply the gate, and give the JSON
report with the baseline entries of what it found."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Sequence

from checker.errors import UsageError
from checker.frontmatter import front_matter_sources
from checker.records import Article


@dataclass(frozen=True)
class DraftReport:
    """One checked draft: its JSON report and the baseline entries of its findings."""

    data: dict
    baseline_entries: tuple[dict, ...]


def load_input(path: str, *, config, taken: set, stdin_filename: Optional[str] = None,
               doc_id: Optional[str] = None) -> Article:
    """Load a file, or standard input for ``-`` (named ``stdin_filename`` when given), with a
    document id distinct from those in ``taken``."""
    from checker.load import load_article, load_bytes

    if path == "-":
        from checker.files import read_stream

        data = read_stream(sys.stdin.buffer, limit=config.max_bytes)
        name = stdin_filename or "-"
        art = load_bytes(data, doc_id=doc_id or (Path(name).name if stdin_filename else "stdin"),
                         path=name, config=config)
    else:
        name = doc_id or Path(path).name
        if name in taken:  # two files with one name: keep document ids distinct
            name = f"{name}#{len(taken) + 1}"
        art = load_article(path, doc_id=name, config=config)
    taken.add(art.doc_id)
    return art


def check_draft(derived: str, *, pipeline, sources: Sequence[str] = (), baseline=None,
                baseline_path: str = "", stdin_filename: Optional[str] = None) -> DraftReport:
    """Check one draft against ``sources`` (default: its front matter's ``sources:``)."""
    from checker.gate import run_gate
    from checker.gate.baseline import baseline_entries
    from checker.report.json_ import result_to_dict

    config = pipeline.config
    taken: set = set()
    der = load_input(derived, config=config, taken=taken, stdin_filename=stdin_filename)
    named = derived if derived != "-" else (stdin_filename or "")
    paths = list(sources) or front_matter_sources(der.raw, name=der.path or der.doc_id,
                                                  base=Path(named).parent)
    if not paths:
        raise UsageError(f"no source for {der.path or der.doc_id}: give --source FILE, or list "
                         "the draft's sources in its front matter (sources:)")
    srcs = [load_input(s, config=config, taken=taken) for s in paths]
    result = pipeline.check(der, srcs)
    gate = run_gate(result, baseline=baseline, baseline_path=baseline_path)
    kept = [*gate.active, *(s.finding for s in gate.suppressed if s.by == "baseline")]
    return DraftReport(data=result_to_dict(result, model=pipeline.model, gate=gate),
                       baseline_entries=tuple(baseline_entries(result, kept, gate.fingerprints)))
