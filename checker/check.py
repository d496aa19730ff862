"""Run the drift rules over aligned claims and score the derived text (no spaCy here)."""

from __future__ import annotations

from dataclasses import replace
from typing import Optional, Sequence

from checker.align import align, build_index
from checker.calendar_days import iso_day
from checker.config import Config
from checker.errors import ConfigError
from checker.lexicon import load_lexicon
from checker.records import SEVERITY_RANK, Article, CheckResult, Claim, Finding
from checker.rules import RULES, Context, select_rules
from checker.selectors import severity_for
from checker.score import MODEL_FILE, ScoreModel, load_model, score_features


def check_claims(derived: Article, derived_claims: Sequence[Claim], sources: Sequence[Article],
                 source_claims: Sequence[Claim], *, config: Config | None = None,
                 lexicon=None, index=None) -> CheckResult:
    """Align ``derived_claims`` with ``source_claims``, run the rules, and score the result.

    ``index`` may be a ``source_index(sources, source_claims)`` kept from an earlier check
    against the same sources.
    """
    config = config or Config()
    lexicon = lexicon or load_lexicon(config.lexicon_extra)
    if index is None:
        index = source_index(sources, source_claims)
    alignments = align(derived_claims, index)
    ctx = Context(derived=derived, sources=tuple(sources), derived_claims=tuple(derived_claims),
                  index=index, alignments={a.derived: a for a in alignments}, lexicon=lexicon,
                  config=config, doc_of={s.doc_id: s for s in sources})
    findings: list[Finding] = []
    for rule in select_rules(config.select, config.ignore):
        findings.extend(rule.check(ctx))
    findings = dedupe(findings)
    names, figures = novel_names_and_figures(derived_claims, index, config)
    # The score reads every finding as the model was fitted on them: before repeats merge.
    feats = score_features(findings, alignments, novel_names=names, novel_figures=figures,
                           lead=lead_coverage(index.claims, derived_claims))
    findings = merge_repeats(with_severities(findings, config.severity))
    findings = [replace(f, id=f"F{i + 1}") for i, f in enumerate(findings)]
    model = score_model(config)
    score = round(model.probability(feats), 4) if model is not None else None
    return CheckResult(derived=derived, sources=tuple(sources),
                       derived_claims=tuple(derived_claims), source_claims=tuple(source_claims),
                       alignments=alignments, findings=tuple(findings), score=score,
                       config=config.to_dict(), score_features=feats)


def _drift_key(f: Finding) -> Optional[tuple]:
    """What makes two findings the same drift: the rule and the source claims it cites (or,
    with no evidence, the drifted words). Omissions have no place in the draft to repeat."""
    if f.end <= f.start:
        return None
    cited = tuple(sorted(e.claim or f"{e.document}:{e.start}" for e in f.evidence))
    if cited:
        return f.code, cited
    return f.code, " ".join(f.text.lower().split())


def merge_repeats(findings: list[Finding]) -> list[Finding]:
    """One finding per drift: the same drift repeated in several places of the draft (the
    headline, the key takeaways, the body) becomes one finding with several places; the
    first place is the worst-ranked finding's."""
    out: list[Finding] = []
    index: dict[tuple, int] = {}
    for f in findings:
        key = _drift_key(f)
        j = index.get(key) if key is not None else None
        if j is None:
            if key is not None:
                index[key] = len(out)
            out.append(f)
            continue
        first = out[j]
        if any(p.start < f.end and f.start < p.end for p in first.all_places()):
            continue  # the same words already shown
        out[j] = replace(first, places=(*first.places, *f.all_places()))
    return [_first_place_first(f) if f.places else f for f in out]


def _first_place_first(f: Finding) -> Finding:
    """A merged finding pointing first at the earliest place of its drift."""
    first, *rest = sorted(f.all_places(), key=lambda p: (p.start, p.end))
    return replace(f, start=first.start, end=first.end, text=first.text, claim=first.claim,
                   places=tuple(rest))


def with_severities(findings: list[Finding], table: dict) -> list[Finding]:
    """Findings with the severities the configuration's ``severity`` table gives their rules."""
    if not table:
        return findings
    out = []
    for f in findings:
        sev = severity_for(table, code=f.code, kind=f.kind, name=f.name)
        out.append(replace(f, severity=sev) if sev and sev != f.severity else f)
    return sorted(out, key=Finding.sort_key)


def score_model(config: Config) -> Optional[ScoreModel]:
    """The configured score model; None when ``score_model = "none"`` (features only)."""
    if config.score_model == "none":
        return None
    try:
        return load_model(config.score_model or None)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"cannot read score model {config.score_model or MODEL_FILE}: "
                          f"{exc}") from exc


def source_index(sources: Sequence[Article], source_claims: Sequence[Claim]):
    """The look-up tables the aligner and the rules use for a set of sources. The outlets
    that published the sources (from a corpus's metadata) and the places and agencies of
    their datelines count as named by them: a summary may say "the Corrin Post reported"
    or "in Marrowby"."""
    texts = [s.text[u.start:u.end] for s in sources for u in s.units
             if not u.is_furniture or "dateline" in u.furniture]
    texts += [s.meta_value("outlet") for s in sources if s.meta_value("outlet")]
    days = ((s.doc_id, iso_day(s.meta_value("date"))) for s in sources)
    return build_index(source_claims, texts,
                       written_on=((doc, day) for doc, day in days if day is not None),
                       published_by=((s.doc_id, s.meta_value("outlet")) for s in sources
                                     if s.meta_value("outlet")))


def dedupe(findings: list[Finding]) -> list[Finding]:
    """One finding per overlapping span and kind of a claim, and per rule and span across
    claims (the most severe, most confident), worst first; a finding whose rule yields to
    another kind is dropped when a finding of that kind sits on the same claim (an action
    given to the wrong actor is the actor's change, not also an unsupported action)."""
    by_code = {r.code: r for r in RULES if r.yields_to or r.yields_span_to}

    def explained(f: Finding) -> bool:
        rule = by_code.get(f.code)
        if rule is None:
            return False
        return any(g is not f and g.claim == f.claim and (
            g.kind in rule.yields_to or (g.kind in rule.yields_span_to
                                         and g.start < f.end and f.start < g.end))
            for g in findings)

    findings = [f for f in findings if not explained(f)]
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
                clash = f.start < k.end and k.start < f.end and f.claim == k.claim \
                    or f.code == k.code and (f.start, f.end) == (k.start, k.end)
                # (one rule on the very same words of several claims, a speaker all the
                # claims of a sentence share: one finding)
            if clash:
                break
        if not clash:
            kept.append(f)
    return sorted(kept, key=Finding.sort_key)


LEAD_CLAIMS = 4  # the first claims of each source that count as its lead


def novel_names_and_figures(derived_claims: Sequence[Claim], index,
                            config: Config | None = None) -> tuple[int, int]:
    """How many proper-name words, and how many figures, of the derived text the sources
    never give."""
    from checker import wordnet
    from checker.align import key
    from checker.figure_match import source_has
    from checker.names import known

    wn = wordnet.for_config(config) if config is not None else None
    names = figures = 0
    for c in derived_claims:
        novel = [w for w in c.words if w[4] == "PROPN" and key(w[3]) not in index.vocab
                 and key(w[2]) not in index.vocab]
        if novel and wn is not None:
            # Places the sources name a part of ("the U.K." for "London") are not new.
            wider = [e for e in c.entities if known(e.norm, index, wn)]
            novel = [w for w in novel if not any(e.start <= w[0] and w[1] <= e.end
                                                 for e in wider)]
        names += len(novel)
        figures += sum(1 for q in c.quantities if not source_has(q, index))
    return names, figures


def lead_coverage(source_claims: Sequence[Claim], derived_claims: Sequence[Claim]) -> float:
    """Mean share of the lead claims of the sources that the derived claims carry."""
    from checker.align import coverage_of

    lead = [c for c in source_claims if c.index <= LEAD_CLAIMS and c.unit_kind != "heading"]
    if not lead or not derived_claims:
        return 1.0 if not lead else 0.0
    return sum(coverage_of(c, derived_claims) for c in lead) / len(lead)


def worst_severity(findings: Sequence[Finding]) -> int:
    """The rank of the most severe finding (0 when there is none)."""
    return max((SEVERITY_RANK.get(f.severity, 0) for f in findings), default=0)
