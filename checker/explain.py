"""``checker explain``: a rule's documentation, looked up by code, name or drift kind."""

from __future__ import annotations

import textwrap

from checker.errors import ConfigError


def rule_help(rule) -> str:
    """A rule's full documentation: header line and its docstring, dedented."""
    head = (f"{rule.code} {rule.name}  (kind: {rule.kind}; default severity: {rule.severity}"
            f"{'' if rule.enabled else '; off by default'})")
    doc = rule.doc.strip()
    first, _, rest = doc.partition("\n")
    body = textwrap.dedent(rest).strip("\n")
    return f"{head}\n{first.split(':', 1)[-1].strip() if ':' in first else first}\n\n{body}\n"


def explain(topic: str) -> str:
    """The documentation of the rules a code, code prefix, name or kind names."""
    from checker import selectors
    from checker.records import KINDS
    from checker.rules import RULES

    why = selectors.problem(topic)
    if why:
        raise ConfigError(why)
    rules = [r for r in RULES if selectors.matches(topic, code=r.code, kind=r.kind, name=r.name)]
    parts = []
    if topic in KINDS:
        parts.append(f"{topic}: {len(rules)} rule{'s' if len(rules) != 1 else ''} report this "
                     f"kind of drift.\n")
    parts.extend(rule_help(r) for r in rules)
    return "\n".join(parts)


def rule_index() -> str:
    """One line a rule: code, name, kind, default severity, summary."""
    from checker.rules import RULES

    return "".join(f"{r.code}  {r.name:<22} {r.kind:<20} {r.severity:<8} {r.summary}\n"
                   for r in RULES)
