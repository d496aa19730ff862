"""Rule selectors: the codes, code prefixes, kinds and rule names that ``--select``,
``--ignore``, the configuration's ``severity`` table and a draft's suppression comments name.

A selector is valid when it names at least one registered rule: a code (``DA101``), a code
prefix (``DA``, ``DC2``), a drift kind (``certainty-raised``) or a rule name
(``hedge-dropped``). Anything else is refused with a "did you mean" for near misses, so a
typo can never silently switch every rule off.
"""

from __future__ import annotations

import difflib
from typing import Iterable, Mapping, Optional, Sequence


def matches(selector: str, *, code: str, kind: str, name: str) -> bool:
    """True when ``selector`` names the rule ``code`` (by code, prefix, kind or name)."""
    return code.startswith(selector) or selector in (kind, name)


def specificity(selector: str, *, code: str) -> int:
    """How precisely a matching selector names a rule: a full code beats a prefix, a longer
    prefix beats a shorter one, and a prefix beats a kind or a name."""
    if selector == code:
        return 100
    if code.startswith(selector):
        return 10 + len(selector)
    return 1


def _vocabulary() -> tuple[list[str], list[str], list[str]]:
    from checker.rules import RULES

    codes = [r.code for r in RULES]
    kinds = sorted({r.kind for r in RULES})
    names = [r.name for r in RULES]
    return codes, kinds, names


def problem(selector: str) -> Optional[str]:
    """Why ``selector`` names no rule, with a suggestion; None when it is valid."""
    codes, kinds, names = _vocabulary()
    if not selector:
        return "an empty rule selector"
    if any(c.startswith(selector) for c in codes) or selector in kinds or selector in names:
        return None
    prefixes = sorted({c[:n] for c in codes for n in (2, 3)})
    upper = selector.upper()
    if any(c.startswith(upper) for c in codes):
        hint = upper  # "da" for "DA", "dc201" for "DC201"
    else:
        near = difflib.get_close_matches(selector, [*codes, *kinds, *names, *prefixes], n=1,
                                         cutoff=0.6)
        lowered = difflib.get_close_matches(selector.lower(), [*kinds, *names], n=1, cutoff=0.6)
        hint = (near or lowered or [""])[0]
    said = f"unknown rule code, prefix or kind {selector!r}"
    if hint:
        return f"{said}; did you mean {hint!r}?"
    return (f"{said}; expected a rule code (e.g. DA101), a code prefix (e.g. DA) or a drift "
            f"kind (e.g. certainty-raised): see `checker explain`")


def validate(selectors: Iterable[str]) -> list[tuple[str, str]]:
    """(selector, problem) for every selector that names no rule."""
    out = []
    for s in selectors:
        why = problem(s)
        if why:
            out.append((s, why))
    return out


def severity_for(table: Mapping[str, str], *, code: str, kind: str, name: str) -> Optional[str]:
    """The severity the most specific matching entry of ``table`` gives a rule, if any."""
    hits = [(specificity(sel, code=code), sev) for sel, sev in table.items()
            if matches(sel, code=code, kind=kind, name=name)]
    return max(hits)[1] if hits else None


def split_list(values: Sequence[str]) -> tuple[str, ...]:
    """Command-line selectors, comma-separated or repeated, blanks dropped."""
    return tuple(x.strip() for v in values for x in v.split(",") if x.strip())
