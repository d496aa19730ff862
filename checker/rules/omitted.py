"""DO901 omitted-claim: a salient source claim is missing from the derived text.

What it flags:
    Source claims the derived text does not cover that carry weight: a quotation, the answer
    or explanation of a named party ("X said ..."), a caveat (a negated statement), or the
    lead. Only the few most salient are reported (``max_omissions``).
Why it matters:
    Dropping the accused party's answer or a key caveat makes a faithful-looking summary
    one-sided.
Known false positives:
    A derived text that is meant to cover only part of the source (a brief on one aspect);
    claims paraphrased with few shared words.
Examples:
    Source: The firm was fined. The company said the code was an old experiment.
    Flag: The firm was fined.
    Okay: The firm was fined; the company said the code was an old experiment.
"""

from __future__ import annotations

from checker.align import coverage_of
from checker.records import Evidence, Finding
from checker.rules.base import Rule, snippet

CODE, NAME, KIND, SEVERITY = "DO901", "omitted-claim", "omitted-claim", "warning"
SPEECH = {"say", "said", "says", "told", "tells", "added", "called", "explained", "insisted",
          "denied", "responded", "replied", "argued"}
MIN_SALIENCE = 0.5
MAX_COVERAGE = 0.4


def salience(sc, derived_text: str) -> float:
    """How much a reader would miss this source claim (0 to about 1.5)."""
    s = 0.0
    if sc.quotes:
        s += 0.5
    attr = sc.attribution
    if attr is not None and attr.source and attr.cue.split()[0].lower() in SPEECH:
        s += 0.3
    if attr is not None and attr.source and attr.source.lower() in derived_text:
        s += 0.2
    if sc.index <= 2:
        s += 0.3
    if sc.negated or (attr is not None and attr.negated):
        s += 0.2
    if sc.unit_kind == "heading":
        s = 0.0
    return s


def check(ctx):
    """Yield findings for the most salient source claims the derived text leaves out."""
    derived = tuple(ctx.derived_claims)
    if not derived:
        return
    low = ctx.derived.text.lower()
    cands = []
    for sc in ctx.index.claims:
        sal = salience(sc, low)
        if sal < MIN_SALIENCE:
            continue
        cov = coverage_of(sc, derived)
        if cov >= MAX_COVERAGE:
            continue
        cands.append((sal * (1 - cov), sc, cov))
    cands.sort(key=lambda x: -x[0])
    for weight, sc, cov in cands[: ctx.config.max_omissions]:
        why = ("a quotation" if sc.quotes else
               "a named party's statement" if sc.attribution and sc.attribution.source else
               "a caveat" if sc.negated else "a lead claim")
        yield Finding(
            kind=KIND, code=CODE, name=NAME, severity=SEVERITY,
            message=(f'Leaves out {why} of the source: "{snippet(sc.text, 80)}".'),
            confidence=round(min(0.9, 0.4 + 0.4 * weight), 3), doc_id=ctx.derived.doc_id,
            start=0, end=0, text="",
            evidence=(Evidence(document=sc.doc_id, start=sc.start, end=sc.end, text=sc.text,
                               claim=sc.id),),
            suggestion="Add it, or say why it is left out.")


RULE = Rule(CODE, NAME, KIND, SEVERITY, "salient source claim left out", check, __doc__)
