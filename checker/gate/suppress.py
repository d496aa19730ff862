"""Apply a draft's suppression comments (``checker.directives``) to its findings."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
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


@dataclass
class _Rule:
    """A valid suppression comment and the part of the draft it covers."""

    directive: Directive
    targets: list[str]
    unit: Optional[Unit]  # None: the whole draft
    line: int
    used: bool = False

    def covers(self, f: Finding, start: int, end: int) -> bool:
        if not any(selectors.matches(t, code=f.code, kind=f.kind, name=f.name)
                   for t in self.targets):
            return False
        if self.unit is None:
            return True
        return end > start and self.unit.start <= start < self.unit.end


def _rules(article: Article) -> tuple[list[_Rule], list[Notice]]:
    rules, notices = [], []
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
        rules.append(_Rule(d, targets, unit, article.line_col(d.start)[0]))
    return rules, notices


def apply_comments(article: Article, findings: Sequence[Finding]
                   ) -> tuple[list[Finding], tuple[Suppressed, ...], tuple[Notice, ...]]:
    """(active findings, suppressed findings, notices) under the draft's comments.

    A finding is suppressed when every place of it (a repeated drift has several) is covered
    by a comment naming its rule; a comment that covers only some places says where else the
    drift appears.
    """
    rules, notices = _rules(article)
    active: list[Finding] = []
    suppressed: list[Suppressed] = []
    for f in findings:
        cover = [next((r for r in rules if r.covers(f, p.start, p.end)), None)
                 for p in f.all_places()]
        for r in cover:
            if r is not None:
                r.used = True
        if cover and all(cover):
            first = cover[0]
            suppressed.append(Suppressed(f, "comment", first.directive.reason, first.line,
                                         first.directive.text))
            continue
        active.append(f)
        if any(cover):
            left = [article.line_col(article.raw_span(p.start, p.end)[0])[0]
                    for p, r in zip(f.all_places(), cover) if r is None]
            r = next(r for r in cover if r is not None)
            notices.append(_notice(article, r.directive, "suppression-partial",
                                   f"the same {f.code} drift also appears on line"
                                   f"{'s' if len(left) > 1 else ''} "
                                   f"{', '.join(map(str, left))}; suppress it there too (or "
                                   f"use ignore-file); the finding still counts."))
    for r in rules:
        if not r.used:
            where = "the draft" if r.unit is None else "the paragraph that follows"
            notices.append(_notice(article, r.directive, "suppression-unused",
                                   f"unused suppression: no {', '.join(r.targets)} finding in "
                                   f"{where}."))
    notices.sort(key=lambda n: (n.line, n.column))
    return active, tuple(suppressed), tuple(notices)
