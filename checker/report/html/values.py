"""How the report reads the loosely typed values of a check result, and its label for each
drift kind (colour is never the only cue)."""

from __future__ import annotations

import math
from typing import Any, Optional

from checker.records import SEVERITIES

# Short labels shown with each span (colour is never the only cue), and one line per kind.
KIND_LABELS: dict[str, tuple[str, str]] = {
    "attribution-dropped": ("AD", "an attributed claim is stated as plain fact"),
    "attribution-changed": ("AC", "the claim or quote is credited to someone else"),
    "certainty-raised": ("C\u2191", "hedges removed or strengthened; an attempt made a fact"),
    "certainty-lowered": ("C\u2193", "a firm finding turned into a possibility"),
    "causal-link-added": ("CL", "a cause or sequence the source does not state"),
    "entity-changed": ("EN", "a different person, organisation, place or product"),
    "number-changed": ("NUM", "a number, amount, date or duration differs"),
    "negation-flipped": ("NEG", "polarity reversed"),
    "quote-altered": ("QT", "quoted words differ from the source's quote"),
    "unsupported-claim": ("UN", "nothing in the sources supports it"),
    "omitted-claim": ("OM", "a salient source claim is missing from the derived text"),
    "scope-changed": ("SC", "a claim about some is made about all, or generalised"),
}
OTHER_LABEL = ("??", "a kind this report does not know")
OMITTED = "omitted-claim"


def kind_label(kind: str) -> tuple[str, str]:
    return KIND_LABELS.get(kind, OTHER_LABEL)


def kind_class(kind: str) -> str:
    return f"k-{kind}" if kind in KIND_LABELS else "k-other"


def as_severity(value: Any) -> str:
    return value if value in SEVERITIES else "info"


def as_int(value: Any) -> Optional[int]:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return int(value)


def as_float(value: Any) -> Optional[float]:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if math.isfinite(value) else None


def as_text(value: Any) -> str:
    return value if isinstance(value, str) else ("" if value is None else str(value))


def location_of(span: Any) -> str:
    if not isinstance(span, dict):
        return ""
    line, col = as_int(span.get("line")), as_int(span.get("column"))
    if line is None:
        return ""
    return f"{line}:{col}" if col is not None else str(line)


def as_score(value: Any) -> Optional[float]:
    score = as_float(value)
    return None if score is None else min(1.0, max(0.0, score))
