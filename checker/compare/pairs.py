"""Every article read against every other one, with the aligner and the drift rules of ``check``.

For each ordered pair of articles (A, B) the claims of A are aligned with the claims of B
exactly as ``checker check`` aligns a derived text with its source (``checker.align``), and the
drift rules run on the pair with A in the derived seat. What they report on a claim of A,
citing a claim of B, is what A's claim does differently: another figure, name or polarity
(the *hard* kinds, which keep two claims out of one cluster), or a dropped attribution, a
raised or lowered certainty, an added cause, an altered quote or a widened scope (the *soft*
kinds, marked on the cell). The rules for content no source supports and for omissions are
not run: the matrix itself shows what an article alone states and what it leaves out.

No spaCy here: the claims come in already extracted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from checker.align import align
from checker.check import source_index
from checker.config import Config
from checker.records import Article, Claim
from checker.rules import Context, select_rules

# Another figure, name or polarity: two claims that say these differently are not one claim.
HARD = ("number-changed", "entity-changed", "negation-flipped")
# Another attribution or certainty, an added cause, a quote or scope changed: one claim,
# told another way.
SOFT = ("attribution-dropped", "attribution-changed", "certainty-raised", "certainty-lowered",
        "causal-link-added", "quote-altered", "scope-changed")


@dataclass(frozen=True)
class Link:
    """Claim ``a`` read against claim ``b`` of another article (``a`` in the derived seat):
    the aligner's score, and the drift kinds (and rule codes, messages) the rules found."""

    a: str
    b: str
    score: float = 0.0
    best: bool = False  # ``b`` is the aligner's first choice for ``a`` in b's article
    kinds: frozenset = frozenset()
    notes: tuple = ()  # (kind, code, message)

    @property
    def hard(self) -> frozenset:
        return self.kinds & frozenset(HARD)


def compare_rules(config: Config):
    """The rules a comparison runs: the configured selection, without unsupported content
    and omissions (the matrix shows those itself)."""
    return tuple(r for r in select_rules(config.select, config.ignore)
                 if r.kind in HARD or r.kind in SOFT)


def read_pairs(articles: Sequence[Article], claims: Sequence[Sequence[Claim]], *,
               config: Config, lexicon, pairs=None) -> dict[tuple[str, str], Link]:
    """Links for every ordered pair of articles (or only ``pairs`` of article positions),
    keyed by (claim of A, claim of B)."""
    rules = compare_rules(config)
    indexes = [source_index([art], tuple(cs)) for art, cs in zip(articles, claims)]
    scores: dict[tuple[str, str], list] = {}  # (a, b) -> [score, best]
    notes: dict[tuple[str, str], list] = {}
    todo = pairs if pairs is not None else [(i, j) for i in range(len(articles))
                                            for j in range(len(articles)) if i != j]
    for i, j in todo:
        alignments = align(claims[i], indexes[j])
        for al in alignments:
            for rank, (cid, score) in enumerate(zip(al.support, al.scores)):
                got = scores.setdefault((al.derived, cid), [0.0, False])
                got[0], got[1] = max(got[0], score), got[1] or rank == 0
        ctx = Context(derived=articles[i], sources=(articles[j],),
                      derived_claims=tuple(claims[i]), index=indexes[j],
                      alignments={a.derived: a for a in alignments}, lexicon=lexicon,
                      config=config, doc_of={articles[j].doc_id: articles[j]})
        for rule in rules:
            for f in rule.check(ctx):
                for ev in f.evidence:
                    if ev.claim and f.claim:
                        notes.setdefault((f.claim, ev.claim), []).append(
                            (f.kind, f.code, f.message))
    return {key: Link(*key, *scores.get(key, (0.0, False)),
                      kinds=frozenset(n[0] for n in notes.get(key, ())),
                      notes=tuple(notes.get(key, ())))
            for key in scores.keys() | notes.keys()}
