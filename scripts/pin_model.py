"""Record the SHA-256 of the default spaCy model's files in checker/models/spacy-model.json.

Run after deliberately upgrading the pinned model (and after measuring the checker with it):

    .venv/bin/python scripts/pin_model.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import spacy.util

from checker.config import DEFAULT_MODEL, MODEL_PACKAGE
from checker.pinned import PIN_FILE, file_hashes


def main() -> int:
    version = MODEL_PACKAGE.split("==", 1)[1]
    directory = Path(spacy.util.get_package_path(DEFAULT_MODEL)) / f"{DEFAULT_MODEL}-{version}"
    if not directory.is_dir():
        print(f"{directory} not found: install {MODEL_PACKAGE} first", file=sys.stderr)
        return 1
    data = {"package": MODEL_PACKAGE, "name": DEFAULT_MODEL, "version": version,
            "sha256": file_hashes(directory)}
    PIN_FILE.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(f"pinned {len(data['sha256'])} files of {DEFAULT_MODEL} {version} in {PIN_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
