"""The pinned spaCy model: its files are checked against the SHA-256 hashes the project
recorded (``checker/models/spacy-model.json``) before it is loaded.

The default model is a third-party re-upload of spaCy's small English pipeline, so its
version number alone does not say that its weights are the ones the rules and the score
model were measured with. ``check`` verifies the pinned package (or a directory holding a
copy of it, such as one loaded by path) once per process; a model the user configured
instead is not checked.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Optional

from checker.errors import ModelError

PIN_FILE = Path(__file__).with_name("models") / "spacy-model.json"
_CHUNK = 1 << 20
_VERIFIED: set[Path] = set()


@lru_cache(maxsize=1)
def pin() -> dict:
    """The recorded pin: package name, version and ``{relative path: sha256}`` of its files."""
    return json.loads(PIN_FILE.read_text(encoding="utf-8"))


def file_hashes(directory: Path) -> dict[str, str]:
    """SHA-256 of every file below a model's data directory, by POSIX relative path."""
    out = {}
    for path in sorted(p for p in directory.rglob("*") if p.is_file()):
        digest = hashlib.sha256()
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(_CHUNK), b""):
                digest.update(block)
        out[path.relative_to(directory).as_posix()] = digest.hexdigest()
    return out


def _meta_names_pin(directory: Path) -> bool:
    try:
        meta = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (f"{meta.get('lang')}_{meta.get('name')}" == pin()["name"]
            and meta.get("version") == pin()["version"])


def pinned_dir(model: str) -> Optional[Path]:
    """The data directory of the pinned model when ``model`` names it (the package name, or
    a directory whose meta.json names the pinned package and version), else None."""
    if model == pin()["name"]:
        try:
            import spacy.util
            package = Path(spacy.util.get_package_path(model))
        except ModuleNotFoundError:  # not installed: spaCy's own load reports it
            return None
        directory = package / f"{model}-{pin()['version']}"
        return directory if directory.is_dir() else package
    path = Path(model)
    if path.is_dir() and _meta_names_pin(path):
        return path
    return None


def check(model: str) -> None:
    """Verify the pinned model's files once per process; raise ModelError naming the first
    file whose hash differs (or that is missing) with both hashes. Other models pass."""
    directory = pinned_dir(model)
    if directory is None:
        return
    directory = directory.resolve()
    if directory in _VERIFIED:
        return
    got = file_hashes(directory)
    for rel, want in sorted(pin()["sha256"].items()):
        have = got.get(rel)
        if have != want:
            raise ModelError(
                f"the spaCy model {pin()['name']} {pin()['version']} at {directory} is not the "
                f"one this checker was measured with: {rel} has SHA-256 "
                f"{have or '(file missing)'}, expected {want} (recorded in "
                f"checker/models/{PIN_FILE.name}); reinstall it with "
                f"`pip install --force-reinstall {pin()['package']}`")
    _VERIFIED.add(directory)
