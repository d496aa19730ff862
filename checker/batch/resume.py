"""What makes a run resumable: fingerprints of the code and the items, and the output folder.

An item file records the fingerprint of its item (its input files, the configuration and
the package sources that can change a finding); ``resume=True`` skips the items whose file
is there with the same fingerprint. ``_prepare`` makes the output folder and, for a fresh
run, clears the item files and reports of an earlier one.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict
from pathlib import Path

from checker import __version__
from checker.batch.engine import _read_item
from checker.batch.items import BatchItem
from checker.errors import InputError

# Modules that cannot change a finding; editing them must not void a resumable run. A name
# ending in "/" stands for a whole subpackage (this one, the benchmark, the HTML report).
_NOT_IN_FINDINGS = frozenset({"batch/", "compare/", "store.py", "cli/", "bench/", "files.py",
                              "report/html/", "report/text.py"})


def _code_fingerprint() -> str:
    # Resumed items must have been checked by the same rules and lexicons, not just the same
    # version number, so hash the package sources themselves.
    root = Path(__file__).resolve().parents[1]  # checker/, above this subpackage
    digest = hashlib.sha1(__version__.encode())
    for p in sorted([*root.rglob("*.py"), *root.rglob("*.txt")]):
        rel = p.relative_to(root).as_posix()
        if rel in _NOT_IN_FINDINGS or any(rel.startswith(name) for name in _NOT_IN_FINDINGS
                                          if name.endswith("/")):
            continue
        digest.update(str(p.relative_to(root)).encode())
        digest.update(p.read_bytes())
    return digest.hexdigest()


def _item_fingerprint(item: BatchItem, base: str) -> str:
    digest = hashlib.sha1(base.encode())
    digest.update(json.dumps(asdict(item), sort_keys=True).encode("utf-8"))
    for ref in (item.derived, *item.sources):
        if ref.path is None:
            continue
        try:
            st = os.stat(ref.path)
        except OSError:
            continue
        digest.update(f"{ref.path}\0{st.st_size}\0{st.st_mtime_ns}".encode())
    return digest.hexdigest()


def _prepare(out: Path, *, html: bool, resume: bool) -> None:
    try:
        (out / "items").mkdir(parents=True, exist_ok=True)
        if html:
            (out / "html").mkdir(exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create the output folder {out}: {exc}", path=str(out),
                         cause="unwritable") from exc
    _clean_tmp(out)
    if resume:
        return
    # A fresh run must not report items of an earlier input that happen to share the folder.
    for stale in [*(out / "items").glob("*.json"), *(out / "html").glob("*.html"),
                  *(out / "compare").glob("*.*")]:
        stale.unlink()


def _clean_tmp(out: Path) -> None:
    for folder in (out, out / "items", out / "html", out / "compare"):
        if folder.is_dir():
            for tmp in folder.glob(".*.tmp"):
                tmp.unlink(missing_ok=True)


def _finished(out: Path, items: list[BatchItem], fingerprints: dict[str, str]) -> set[str]:
    # Failed items are tried again: the user may have fixed the file since.
    done = set()
    for item in items:
        record = _read_item(out, item.id)
        if not record or record.get("status") != "ok":
            continue
        if record.get("fingerprint") == fingerprints[item.id]:
            done.add(item.id)
    return done
