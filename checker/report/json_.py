"""The versioned JSON form of a check result (schema 1), the base of every other report."""

from __future__ import annotations

import datetime as _dt
from collections import Counter
from typing import Optional

from checker import __version__
from checker.records import Article, CheckResult, Claim, Finding
from checker.score import load_model, top_contributions

SCHEMA_VERSION = "1"


def span_dict(article: Optional[Article], start: int, end: int, text: str, *,
              document: str, claim: str = "") -> dict:
    """A span in both coordinate systems: the user's file (start, end, line, column) and the
    clean text the checker read (clean_start, clean_end)."""
    if article is None:
        return {"document": document, "start": start, "end": end, "line": 1, "column": 1,
                "end_line": 1, "end_column": 1, "text": text, "clean_start": start,
                "clean_end": end, "claim": claim}
    rs, re_ = article.raw_span(start, end)
    line, col = article.line_col(rs)
    end_line, end_col = article.line_col(re_ - 1) if re_ > rs else (line, col - 1)
    return {"document": document, "start": rs, "end": re_, "line": line, "column": col,
            "end_line": end_line, "end_column": end_col + 1,
            "text": text, "clean_start": start, "clean_end": end, "claim": claim}


def finding_dict(f: Finding, derived: Article, docs: dict,
                 prints: Optional[dict] = None) -> dict:
    """One finding as JSON."""
    return {
        "id": f.id, "fingerprint": (prints or {}).get(f.id, ""), "kind": f.kind, "code": f.code, "name": f.name, "severity": f.severity,
        "message": f.message, "suggestion": f.suggestion, "confidence": f.confidence,
        "derived": span_dict(derived, f.start, f.end, f.text, document=derived.doc_id,
                             claim=f.claim),
        "locations": [span_dict(derived, p.start, p.end, p.text, document=derived.doc_id,
                                claim=p.claim) for p in f.all_places()],
        "evidence": [span_dict(docs.get(e.document), e.start, e.end, e.text,
                               document=e.document, claim=e.claim) for e in f.evidence],
    }


def claim_dict(c: Claim, article: Optional[Article]) -> dict:
    """One claim as JSON, with every extracted field."""
    base = span_dict(article, c.start, c.end, c.text, document=c.doc_id, claim=c.id)
    a = c.attribution
    return {
        "id": c.id, "document": c.doc_id, "text": c.text, "start": base["start"],
        "end": base["end"], "line": base["line"], "column": base["column"],
        "clean_start": c.start, "clean_end": c.end, "sentence": c.sentence,
        "unit": c.unit_kind, "subject": c.subject,
        "predicate": {"lemma": c.predicate, "text": c.predicate_text}, "object": c.object,
        "negated": c.negated,
        "attribution": None if a is None else {
            "source": a.source, "cue": a.cue, "kind": a.kind, "negated": a.negated,
            "clean_start": a.start, "clean_end": a.end},
        "certainty": {
            "level": c.certainty.level, "factivity": c.certainty.factivity,
            "factive_cue": c.certainty.factive_cue.text if c.certainty.factive_cue else None,
            "hedges": [h.text for h in c.certainty.hedges],
            "attempts": [h.text for h in c.certainty.attempts],
            "boosters": [h.text for h in c.certainty.boosters]},
        "links": [{"cue": link.cue, "kind": link.kind, "left": link.left, "right": link.right}
                  for link in c.links],
        "entities": [{"text": e.text, "label": e.label, "norm": e.norm, "role": e.role}
                     for e in c.entities],
        "quantities": [{"text": q.text, "kind": q.kind, "value": q.value, "unit": q.unit,
                        "norm": q.norm} for q in c.quantities],
        "quotes": [{"text": q.text, "speaker": q.speaker} for q in c.quotes],
        "scope": [{"text": s.text, "class": s.role} for s in c.scope],
    }


def article_dict(a: Article) -> dict:
    """An article's identity, clean text and units."""
    return {
        "document": a.doc_id, "path": a.path, "encoding": a.encoding, "repairs": list(a.repairs),
        "format": a.fmt, "meta": dict(a.meta), "text": a.text,
        "units": [{"kind": u.kind, "start": u.start, "end": u.end, "furniture": u.furniture}
                  for u in a.units],
    }


def result_to_dict(result: CheckResult, *, model: str = "", created: Optional[str] = None,
                   gate=None) -> dict:
    """The JSON-ready form of a check (schema 1). With ``gate`` (``checker.gate.Gate``) the
    findings are its active ones; its suppressed findings and notices are listed too."""
    docs = {s.doc_id: s for s in result.sources}
    findings = result.findings if gate is None else gate.active
    prints = (gate.fingerprints if gate is not None else None) or {}
    by_kind = Counter(f.kind for f in findings)
    by_sev = Counter(f.severity for f in findings)
    claims_by_id = {c.id: c for c in result.source_claims}
    return {
        "schema_version": SCHEMA_VERSION,
        "checker_version": __version__,
        "model": model or result.config.get("model", ""),
        "config": result.config,
        "created": created or _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "score": result.score,
        "score_explained": explain_score(result),
        "counts": {"findings": len(findings), "by_kind": dict(by_kind),
                   "by_severity": dict(by_sev),
                   "suppressed": len(gate.suppressed) if gate is not None else 0},
        "derived": article_dict(result.derived),
        "sources": [article_dict(s) for s in result.sources],
        "findings": [finding_dict(f, result.derived, docs, prints) for f in findings],
        "suppressed": [] if gate is None else [
            {**finding_dict(s.finding, result.derived, docs, prints),
             "suppression": {"by": s.by, "reason": s.reason, "line": s.line,
                             "source": s.source}}
            for s in gate.suppressed],
        "notices": [] if gate is None else [
            {"kind": n.kind, "message": n.message, "line": n.line, "column": n.column,
             "text": n.text} for n in gate.notices],
        "claims": {
            "derived": [claim_dict(c, result.derived) for c in result.derived_claims],
            "sources": [claim_dict(c, docs.get(c.doc_id)) for c in result.source_claims],
        },
        "alignments": [
            {"derived_claim": a.derived, "score": a.score,
             "support": [{"document": claims_by_id[i].doc_id, "claim": i,
                          "clean_start": claims_by_id[i].start, "clean_end": claims_by_id[i].end,
                          "text": claims_by_id[i].text, "score": s}
                         for i, s in zip(a.support, a.scores) if i in claims_by_id]}
            for a in result.alignments],
    }


def explain_score(result: CheckResult) -> dict:
    """What the score is and the features that moved it most (log-odds of consistency)."""
    name = result.config.get("score_model", "")
    if result.score is None or name == "none":
        return {"probability_consistent": None, "contributions": []}
    model = load_model(name or None)
    return {"probability_consistent": result.score, "threshold": model.threshold,
            "contributions": top_contributions(model, result.score_features)}


def claims_to_dict(article: Article, claims) -> dict:
    """The JSON form of ``checker claims``: the article and its claims."""
    return {"schema_version": SCHEMA_VERSION, "checker_version": __version__,
            "document": article_dict(article),
            "claims": [claim_dict(c, article) for c in claims]}
