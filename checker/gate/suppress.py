"""Apply a draft's suppression comments (``checker.directives``) to its findings."""

from __future__ import annotations

import difflib
from typing import Optional, Sequence

from checker import selectors
from checker.directives import VERBS, Directive, find_directives
from checker.gate import Notice, Suppressed
from checker.records import Article, Finding, Unit


def _target_unit(article: Article, d: Directive) -> Optional[Unit]:
    """The first unit with text after the comment."""
    for u in article.units:
        if u.end > u.start and not u.is_furniture and article.raw_span(u.start, u.end)[0] >= d.end:
            return u
    return None


def _notice(article: Article, d: Directive, kind: str, message: str) -> Notice:
    line, col = article.line_col(d.start)
    return Notice(kind=kind, message=message, line=line, column=col, text=d.text)


def _problems(article: Article, d: Directive) -> tuple[list[str], list[Notice]]:
    """The valid targets of a directive, and notices for what is wrong with it."""
    notes: list[Notice] = []
    if d.verb not in VERBS:
        near = difflib.get_close_matches(d.verb, VERBS, n=1)
        hint = f"; did you mean {near[0]!r}?" if near else f"; expected {' or '.join(VERBS)}"
        return [], [_notice(article, d, "suppression-unknown-verb",
                            f"unknown checker comment {d.verb!r}{hint} It is not applied.")]
    if not d.targets:
        notes.append(_notice(article, d, "suppression-unknown-rule",
                             "the suppression names no rule: write the codes or kinds it "
                             "suppresses (e.g. `checker: ignore DA101 -- reason`); it is not "
                             "applied."))
    targets = []
    for t in d.targets:
        why = selectors.problem(t)
        if why:
            notes.append(_notice(article, d, "suppression-unknown-rule",
                                 f"{why} It is not applied."))
        else:
            targets.append(t)
    if not d.reason:
        notes.append(_notice(article, d, "suppression-without-reason",
                             "suppression without a reason: write why after ` -- ` (e.g. "
                             f"`checker: {d.verb} {' '.join(d.targets) or 'DA101'} -- confirmed "
                             "with the agency`); it is not applied."))
        return [], notes
    return targets, notes


def apply_comments(article: Article, findings: Sequence[Finding]
                   ) -> tuple[list[Finding], tuple[Suppressed, ...], tuple[Notice, ...]]:
    """(active findings, suppressed findings, notices) under the draft's comments."""
    active = list(findings)
    suppressed: list[Suppressed] = []
    notices: list[Notice] = []
    for d in find_directives(article.raw):
        targets, notes = _problems(article, d)
        notices.extend(notes)
        if not targets:
            continue
        unit = None if d.whole_file else _target_unit(article, d)
        if unit is None and not d.whole_file:
            notices.append(_notice(article, d, "suppression-unused",
                                   "the suppression is not followed by any text; it applies "
                                   "to nothing."))
            continue

        def hit(f: Finding) -> bool:
            if not any(selectors.matches(t, code=f.code, kind=f.kind, name=f.name)
                       for t in targets):
                return False
            return d.whole_file or (f.end > f.start and unit.start <= f.start < unit.end)

        line, _ = article.line_col(d.start)
        taken = [f for f in active if hit(f)]
        if not taken:
            where = "the draft" if d.whole_file else "the paragraph that follows"
            notices.append(_notice(article, d, "suppression-unused",
                                   f"unused suppression: no {', '.join(targets)} finding in "
                                   f"{where}."))
            continue
        suppressed.extend(Suppressed(f, "comment", d.reason, line, d.text) for f in taken)
        active = [f for f in active if f not in taken]
    return active, tuple(suppressed), tuple(notices)
