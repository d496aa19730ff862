"""Baselines: findings an editor accepted once, recognised again after the draft is edited.

A finding's fingerprint hashes its rule code, the drifted words and the sentence around them
(for an omission, the omitted source passage), lower-cased with whitespace collapsed. Offsets
and line numbers are left out, so an edit to another paragraph leaves every fingerprint
unchanged; an edit to the sentence itself makes its findings new. Equal fingerprints are
counted, so a second identical drift is still new.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
from collections import Counter
from typing import Sequence

from checker import __version__
from checker.config import Config
from checker.errors import InputError
from checker.files import read_input
from checker.records import CheckResult, Finding

BASELINE_FORMAT = "checker-baseline/1"


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def fingerprint(f: Finding, sentence: str) -> str:
    """The edit-robust fingerprint of one finding."""
    if f.end > f.start:
        basis = f"{f.code}\x1f{_norm(f.text)}\x1f{_norm(sentence)}"
    else:  # an omission: what was left out, from which source
        basis = f"{f.code}\x1f" + "\x1f".join(f"{e.document}\x1e{_norm(e.text)}"
                                              for e in f.evidence)
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:20]


def fingerprints(result: CheckResult) -> dict[str, str]:
    """Finding id -> fingerprint for every finding of a check."""
    sentences = {c.id: c.sentence for c in result.derived_claims}
    return {f.id: fingerprint(f, sentences.get(f.claim, "")) for f in result.findings}


class Baseline:
    """The fingerprints of a baseline file, counted."""

    def __init__(self, counts: Counter) -> None:
        self.counts = counts

    @classmethod
    def read(cls, path: str) -> "Baseline":
        try:
            raw = read_input(path, limit=Config.max_manifest_bytes,
                             limit_name="max_manifest_bytes", what="baseline file")
        except InputError as exc:
            if exc.cause == "missing":
                raise InputError(f"{path}: baseline file not found (write one with "
                                 f"--write-baseline)", path=path, cause="missing") from exc
            raise InputError(str(exc), path=path, cause="baseline") from exc
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:
            raise InputError(f"{path}: cannot read the baseline ({exc})", path=path,
                             cause="baseline") from exc
        if not isinstance(data, dict) or data.get("format") != BASELINE_FORMAT or \
                not isinstance(data.get("findings"), list):
            raise InputError(f"{path}: not a checker baseline (expected \"format\": "
                             f"\"{BASELINE_FORMAT}\" and a \"findings\" list)", path=path,
                             cause="baseline")
        prints = [e.get("fingerprint") for e in data["findings"] if isinstance(e, dict)]
        return cls(Counter(p for p in prints if isinstance(p, str)))

    def split(self, findings: Sequence[Finding], prints: dict[str, str]
              ) -> tuple[list[Finding], list[Finding]]:
        """(new findings, findings the baseline already holds)."""
        left = Counter(self.counts)
        new, known = [], []
        for f in findings:
            fp = prints.get(f.id, "")
            if left[fp] > 0:
                left[fp] -= 1
                known.append(f)
            else:
                new.append(f)
        return new, known


def baseline_entries(result: CheckResult, findings: Sequence[Finding],
                     prints: dict[str, str]) -> list[dict]:
    """The baseline records of some findings of a check."""
    return [{"fingerprint": prints[f.id], "code": f.code, "kind": f.kind,
             "document": result.derived.doc_id, "text": f.text, "message": f.message}
            for f in findings]


def baseline_text(entries: Sequence[dict]) -> str:
    """The baseline file holding ``entries`` (JSON)."""
    data = {"format": BASELINE_FORMAT, "checker_version": __version__,
            "created": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
            "findings": list(entries)}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
