"""Hold a check result against an expected-findings file (the corpus and seed format).

An expected file lists ``must_flag`` quotes (a finding of one of the kinds must overlap the
quote in the derived file), ``must_omit_flag`` source quotes (an omitted-claim finding must
cite evidence overlapping the quote) and ``must_not_flag`` quotes (no finding of the listed
kinds, ``*`` for any, may overlap the quote; quote ``*`` means anywhere).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Expectation:
    """How a result fared against its expected file."""

    required: int
    missed: tuple[str, ...] = ()
    false_flags: tuple[str, ...] = ()
    found: int = 0
    details: dict = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.missed and not self.false_flags


def _spans(raw: str, quote: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(quote), raw)]


def _overlaps_span(f: dict, spans) -> bool:
    """True when any place of the finding (a repeated drift has several) overlaps a span."""
    return any(d["start"] < e and s < d["end"] for d in f.get("locations") or [f["derived"]]
               if d["end"] > d["start"] for s, e in spans)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().lower()


def _evidence_hits(f: dict, quote: str) -> bool:
    q = _norm(quote)
    for ev in f.get("evidence", []):
        t = _norm(ev.get("text", ""))
        if t and (q in t or t in q):
            return True
        qw, tw = set(re.findall(r"\w+", q)), set(re.findall(r"\w+", t))
        if qw and len(qw & tw) / len(qw) >= 0.6:
            return True
    return False


def evaluate(result: dict, expected: dict, raw: str) -> Expectation:
    """Compare a ``result_to_dict`` result with an expected entry; ``raw`` is the derived file."""
    findings = result["findings"]
    missed, bad = [], []
    for m in expected.get("must_flag", []):
        spans = _spans(raw, m["quote"])
        if not any(f["kind"] in m["kinds"] and _overlaps_span(f, spans) for f in findings):
            missed.append(m["quote"])
    for m in expected.get("must_omit_flag", []):
        if not any(f["kind"] in m["kinds"] and _evidence_hits(f, m["source_quote"])
                   for f in findings):
            missed.append("omission: " + m["source_quote"])
    for m in expected.get("must_not_flag", []):
        spans = None if m["quote"] == "*" else _spans(raw, m["quote"])
        for f in findings:
            if "*" not in m["kinds"] and f["kind"] not in m["kinds"]:
                continue
            if spans is None or _overlaps_span(f, spans):
                bad.append(f"{f['kind']} {f['code']} on {f['derived']['text'][:70]!r}")
    required = len(expected.get("must_flag", [])) + len(expected.get("must_omit_flag", []))
    return Expectation(required=required, missed=tuple(missed), false_flags=tuple(bad),
                       found=required - len(missed))
