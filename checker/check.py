"""Run the drift rules over aligned claims and score the derived text (no spaCy here)."""

from __future__ import annotations

import math
from typing import Sequence

from checker.align import align, build_index
from checker.config import Config
from checker.lexicon import load_lexicon
from checker.records import SEVERITY_RANK, Article, CheckResult, Claim, Finding
from checker.rules import Context, select_rules

SEVERITY_WEIGHT = {"error": 1.0, "warning": 0.6, "info": 0.25}
# Omissions say what is missing, not what is wrong: they weigh less on the score.
KIND_WEIGHT = {"omitted-claim": 0.35}


def check_claims(derived: Article, derived_claims: Sequence[Claim], sources: Sequence[Article],
                 source_claims: Sequence[Claim], *, config: Config | None = None,
                 lexicon=None) -> CheckResult:
    """Align ``derived_claims`` with ``source_claims``, run the rules, and score the result."""
    config = config or Config()
    lexicon = lexicon or load_lexicon(config.lexicon_extra)
    index = build_index(source_claims, (s.text[u.start:u.end] for s in sources
                                        for u in s.units if not u.is_furniture))
    alignments = align(derived_claims, index)
    ctx = Context(derived=derived, sources=tuple(sources), derived_claims=tuple(derived_claims),
                  index=index, alignments={a.derived: a for a in alignments}, lexicon=lexicon,
                  config=config, doc_of={s.doc_id: s for s in sources})
    findings: list[Finding] = []
    for rule in select_rules(config.select, config.ignore):
        findings.extend(rule.check(ctx))
    findings = dedupe(findings)
    findings = [f.__class__(**{**f.__dict__, "id": f"F{i + 1}"}) for i, f in enumerate(findings)]
    score = consistency_score(findings, alignments, derived_claims)
    return CheckResult(derived=derived, sources=tuple(sources),
                       derived_claims=tuple(derived_claims), source_claims=tuple(source_claims),
                       alignments=alignments, findings=tuple(findings), score=score,
                       config=config.to_dict())


def dedupe(findings: list[Finding]) -> list[Finding]:
    """One finding per overlapping span and kind (the most severe, most confident), worst first."""
    ordered = sorted(findings, key=Finding.sort_key)
    kept: list[Finding] = []
    for f in ordered:
        clash = False
        for k in kept:
            if k.kind != f.kind:
                continue
            if f.kind == "omitted-claim":
                clash = any(e.claim == g.claim for e in f.evidence for g in k.evidence)
            else:
                clash = f.start < k.end and k.start < f.end and f.claim == k.claim
            if clash:
                break
        if not clash:
            kept.append(f)
    return sorted(kept, key=Finding.sort_key)


def consistency_score(findings: Sequence[Finding], alignments, derived_claims) -> float:
    """1 when nothing drifted; lower with each finding (by severity and confidence) and with
    derived claims that have weak support."""
    penalty = 0.0
    for f in findings:
        penalty += SEVERITY_WEIGHT.get(f.severity, 0.5) * f.confidence * KIND_WEIGHT.get(f.kind, 1.0)
    drift = 1.0 - math.exp(-penalty)
    support = [a.score for a in alignments]
    weakest = min(support) if support else 1.0
    mean = sum(support) / len(support) if support else 1.0
    support_term = 0.5 * weakest + 0.5 * mean
    score = (1.0 - drift) * (0.75 + 0.25 * support_term)
    return round(max(0.0, min(1.0, score)), 4)


def worst_severity(findings: Sequence[Finding]) -> int:
    """The rank of the most severe finding (0 when there is none)."""
    return max((SEVERITY_RANK.get(f.severity, 0) for f in findings), default=0)
