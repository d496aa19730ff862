"""Claims of many articles grouped into rows of the claim matrix.

Two claims of different articles are *equivalent* when the aligner picks one as the best
support of the other with a score at or above the threshold and the rules find no hard
difference between them (another figure, name or polarity, either way round). Equivalence is
made transitive by merging groups, strongest links first, with two guards: a merge never
puts two claims that contradict each other into one group, however many equivalent claims
lie between them ("12 staff" ~ "a dozen staff" ~ "15 staff" stays two groups), and half the
pairs of claims across the two groups must be linked (a chain of near neighbours, each a
little further from the first, is not one claim). Groups joined by a contradiction are then put in one row as its *variants*: the
conflicting cells of that row.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

from checker.compare.pairs import Link


@dataclass(frozen=True)
class Row:
    """One claim cluster: its variants, each a tuple of claim ids that agree."""

    variants: tuple[tuple[str, ...], ...]

    @property
    def claims(self) -> tuple[str, ...]:
        return tuple(c for v in self.variants for c in v)


def conflicts(links: Mapping[tuple[str, str], Link], threshold: float) -> set[frozenset]:
    """Pairs of claims that contradict each other: the rules find another figure, name or
    polarity reading each against the other, or reading one against the other when each is
    the other's best match (at ``threshold`` at least). A finding one way between claims
    that are not each other's match (a name one text gives and the other lacks, beside
    another claim) is no contradiction."""
    out = set()
    for (a, b), link in links.items():
        if a == b or not link.hard:
            continue
        back = links.get((b, a))
        if back is not None and (back.hard or (link.best and back.best
                                               and link.score >= threshold)):
            out.add(frozenset((a, b)))
    return out


def equivalences(links: Mapping[tuple[str, str], Link], members: Iterable[str],
                 threshold: float, clash: set[frozenset],
                 doc_of: Mapping[str, str]) -> list[tuple[float, str, str]]:
    """(score, a, b) for each pair of claims that may share a group, strongest first. A
    claim whose closer match in an article contradicts it is no equivalent of another
    claim there ("expected layoffs" is not "expected to move staff" when the same article
    says "did not expect layoffs")."""
    keep = set(members)
    contradicted: dict[tuple[str, str], float] = {}  # (claim, article) -> best clash score
    for (a, b), link in links.items():
        if frozenset((a, b)) in clash:
            for x, y in ((a, b), (b, a)):
                k = (x, doc_of.get(y, ""))
                contradicted[k] = max(contradicted.get(k, 0.0), link.score)
    best: dict[frozenset, float] = {}
    for (a, b), link in links.items():
        if not link.best or link.score < threshold or a not in keep or b not in keep:
            continue
        pair = frozenset((a, b))
        if pair in clash or len(pair) < 2:
            continue
        if contradicted.get((a, doc_of[b]), 0.0) >= link.score or \
                contradicted.get((b, doc_of[a]), 0.0) >= link.score:
            continue
        best[pair] = max(best.get(pair, 0.0), link.score)
    return sorted(((s, *sorted(p)) for p, s in best.items()), key=lambda x: (-x[0], x[1], x[2]))


def cluster(links: Mapping[tuple[str, str], Link], members: Iterable[str],
            order: Mapping[str, tuple], doc_of: Mapping[str, str], threshold: float) -> list[Row]:
    """The rows of the matrix (``order``: claim id -> its position, ``doc_of``: claim id ->
    its article); a claim linked to nothing is a row of its own."""
    members = list(members)
    clash = conflicts(links, threshold)
    group = {c: c for c in members}
    content: dict[str, set[str]] = {c: {c} for c in members}

    def find(c: str) -> str:
        while group[c] != c:
            group[c] = group[group[c]]
            c = group[c]
        return c

    strength: dict[frozenset, float] = {}
    for (a, b), link in links.items():
        pair = frozenset((a, b))
        strength[pair] = max(strength.get(pair, 0.0), link.score)

    def contradicts(x: set[str], y: set[str]) -> bool:
        return any(frozenset((p, q)) in clash for p in x for q in y)

    def cohesive(x: set[str], y: set[str]) -> bool:
        """Half the pairs across the two groups (claims of different articles) are linked
        at the threshold: a chain of near neighbours does not make one claim."""
        pairs = [(p, q) for p in x for q in y if doc_of[p] != doc_of[q]]
        linked = sum(1 for p, q in pairs if strength.get(frozenset((p, q)), 0.0) >= threshold)
        return not pairs or 2 * linked >= len(pairs)

    for _score, a, b in equivalences(links, members, threshold, clash, doc_of):
        ra, rb = find(a), find(b)
        if ra == rb or contradicts(content[ra], content[rb]) \
                or not cohesive(content[ra], content[rb]):
            continue
        group[rb] = ra
        content[ra] |= content.pop(rb)
    # Groups that contradict each other on aligned claims become variants of one row.
    row_of = {r: r for r in content}

    def rows_content(r: str) -> set[str]:
        return {c for g, claims in content.items() if find_row(g) == r for c in claims}

    def find_row(r: str) -> str:
        while row_of[r] != r:
            row_of[r] = row_of[row_of[r]]
            r = row_of[r]
        return r

    present = set(members)
    for pair in sorted(clash, key=sorted):
        a, b = sorted(pair)
        if a not in present or b not in present:
            continue
        if not any(link is not None and link.best and link.score >= threshold
                   for link in (links.get((a, b)), links.get((b, a)))):
            continue
        ra, rb = find_row(find(a)), find_row(find(b))
        if ra != rb and cohesive(rows_content(ra), rows_content(rb)):
            row_of[rb] = ra
    rows: dict[str, list[tuple[str, ...]]] = {}
    for root, claims in content.items():
        variant = tuple(sorted(claims, key=lambda c: order[c]))
        rows.setdefault(find_row(root), []).append(variant)
    out = [Row(tuple(sorted(vs, key=lambda v: order[v[0]]))) for vs in rows.values()]
    return sorted(out, key=lambda r: min(order[c] for c in r.claims))
