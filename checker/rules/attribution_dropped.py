"""DA101 attribution-dropped: a claim the source attributes is stated as plain fact.

What it flags:
    A derived claim with no attribution whose supporting source claim is attributed to a named
    outlet or person ("according to the FT", "X reports that", "X said") or to unnamed reports
    ("reportedly", "is said to be", "reports of").
Why it matters:
    The attribution tells the reader who vouches for the claim. Without it, the derived text
    vouches for it.
Known false positives:
    The derived text attributes the claim in an earlier sentence without a pronoun the
    extractor can follow ("The FT reported on Monday. The firm is blocking rivals."); the
    source states the same fact both attributed and plainly in a sentence the aligner ranks
    lower.
Examples:
    Source: According to the Financial Times, the firm is trying to block its rivals.
    Flag: The firm is trying to block its rivals.
    Okay: The firm is trying to block its rivals, according to the Financial Times.
"""

from __future__ import annotations

from checker.rules.base import Rule, evidence_of, make, shares_core, snippet

CODE, NAME, KIND, SEVERITY = "DA101", "attribution-dropped", "attribution-dropped", "error"


def check(ctx):
    """Yield a finding for each derived claim that lost its source's attribution."""
    for dc in ctx.derived_claims:
        if dc.attribution is not None:
            continue
        al, sup = ctx.support(dc)
        if al.score < ctx.config.support_threshold or not sup:
            continue
        best_score = al.scores[0] if al.scores else 0.0
        hits = [(s, sc) for s, sc in zip(al.scores, sup)
                if sc.attribution is not None and not sc.attribution.negated
                and shares_core(dc, sc) and s >= 0.85 * best_score]
        if not hits:
            continue
        # If the best support states it plainly, the source vouches for it too.
        if sup[0].attribution is None and shares_core(dc, sup[0]) and (
                not hits or hits[0][1] is not sup[0]) and best_score > hits[0][0] + 0.05:
            continue
        score, sc = hits[0]
        attr = sc.attribution
        who = attr.source or "unnamed reports"
        art = ctx.doc_of.get(sc.doc_id)
        start, end = min(attr.start, sc.start), max(attr.end, sc.end)
        ev = evidence_of(sc, start=start, end=end)
        if art is not None:
            ev = ev.__class__(document=ev.document, start=start, end=end,
                              text=art.text[start:end], claim=sc.id)
        yield make(
            RULE, dc, confidence=0.45 + 0.5 * al.score, evidence=[ev],
            message=(f'States as fact what the source attributes to {who} '
                     f'("{snippet(attr.cue, 40)}": "{snippet(sc.text, 60)}").'),
            suggestion=f'Keep the attribution, e.g. "{_phrase(attr)} …".')


def _phrase(attr) -> str:
    if attr.kind == "according-to" and attr.source:
        return f"According to {attr.source},"
    if attr.source:
        return f"{attr.source} {attr.cue.split()[0] if attr.cue else 'reports'} that"
    if attr.kind == "adverb":
        return f"… {attr.cue} …"
    return "According to reports,"


RULE = Rule(CODE, NAME, KIND, SEVERITY, "attributed claim stated as plain fact", check, __doc__)
