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

import re

from checker.align import coverage_of
from checker.records import Evidence, Finding
from checker.rules.base import Rule, snippet

CODE, NAME, KIND, SEVERITY = "DO901", "omitted-claim", "omitted-claim", "warning"
SPEECH = {"say", "said", "says", "told", "tells", "added", "called", "explained", "insisted",
          "denied", "responded", "replied", "argued"}
# Verbs of a party answering an accusation: the "other side" a fair summary keeps.
ANSWER = {"reject", "deny", "dispute", "refute", "respond", "counter", "insist", "defend",
          "maintain", "contest", "deny", "decline", "rebut", "apologise", "apologize"}
SPEECH_LEMMAS = {"say", "call", "tell", "add", "describe", "explain", "insist", "deny",
                 "respond", "reply", "argue", "warn", "state"}
EXPERT = re.compile(r"\b(?:researcher|analyst|professor|expert|economist|consultant|lecturer|"
                    r"academic|commentator|observer)s?\b", re.I)
NOT_NAMES = {"our", "the", "his", "her", "their", "its", "this", "that", "these", "those",
             "mr", "mrs", "ms", "dr", "board", "member", "chief", "executive"}
MIN_SALIENCE = 0.5
MAX_COVERAGE = 0.4


def _party_named(name: str, derived_low: str) -> bool:
    """True when a proper-name word of ``name`` occurs in the derived text."""
    words = [re.sub(r"['’]s$", "", w.strip(",.")).strip("'’").lower()
             for w in name.split() if w[:1].isupper() and len(w) > 2]
    words = [w for w in words if w not in NOT_NAMES]
    return any(w and w in derived_low for w in words)


def _last_name(name: str) -> str:
    words = [w.strip(",.'’").lower() for w in name.split() if w[:1].isupper()]
    return words[-1] if words else ""


def salience(sc, derived_low: str, heard: frozenset = frozenset()) -> float:
    """How much a reader would miss this source claim (0 to about 1.5)."""
    if sc.unit_kind == "heading":
        return 0.0
    s = 0.0
    attr = sc.attribution
    if sc.quotes:
        s += 0.35
    speaker = ""
    if sc.quotes and sc.quotes[0].speaker:
        speaker = sc.quotes[0].speaker
    elif attr is not None and attr.source and attr.cue.split()[0].lower() in SPEECH:
        speaker = attr.source
    elif sc.quotes and sc.predicate in SPEECH_LEMMAS:
        speaker = sc.subject  # "X called it '...'": the clause is itself the statement
    if speaker:
        s += 0.3
        described = f"{speaker} {attr.source if attr is not None else ''} {_speaking(sc)}"
        if _last_name(speaker) in heard:
            s -= 0.3  # the derived text already gives this speaker a voice
        elif EXPERT.search(described):
            s -= 0.2  # an outside expert's view weighs less than the parties' own account
        elif _party_named(described, derived_low):
            s += 0.3  # the derived text talks about this party but drops what it said
    if sc.predicate in ANSWER and _party_named(sc.subject, derived_low):
        s += 0.6
    if sc.index <= 2:
        s += 0.3
    if sc.negated or (attr is not None and attr.negated):
        s += 0.2
    return s


def _speaking(sc) -> str:
    """The subject of a clause that is itself a statement ("X called it ..."), else ''."""
    return sc.subject if sc.predicate in SPEECH_LEMMAS else ""


def _is_answer(sc, derived_low: str, heard: frozenset) -> bool:
    """True when the claim is what a party the derived text names said in its own defence."""
    if sc.predicate in ANSWER and _party_named(sc.subject, derived_low):
        return True
    speaker = sc.quotes[0].speaker if sc.quotes and sc.quotes[0].speaker else (
        sc.attribution.source if sc.attribution is not None else "")
    if not speaker or _last_name(speaker) in heard:
        return False
    described = f"{speaker} {sc.attribution.source if sc.attribution else ''} {_speaking(sc)}"
    return not EXPERT.search(described) and _party_named(described, derived_low)


def check(ctx):
    """Yield findings for the most salient source sentences the derived text leaves out."""
    derived = tuple(ctx.derived_claims)
    if not derived:
        return
    low = ctx.derived.text.lower()
    heard = frozenset(_last_name(n) for c in derived for n in
                      [q.speaker for q in c.quotes] + [c.attribution.source if c.attribution
                                                       else ""] if n)
    sentences: dict = {}
    for sc in ctx.index.claims:
        sentences.setdefault((sc.doc_id, sc.sent_start), []).append(sc)
    cands = []
    for group in sentences.values():
        best = 0.0
        for sc in group:  # a sentence is missing when one of its salient claims is
            sal = salience(sc, low, heard)
            if sal < MIN_SALIENCE:
                continue
            cov = coverage_of(sc, derived)
            if cov < MAX_COVERAGE:
                best = max(best, sal * (1 - cov))
        if best:
            cands.append((best, group))
    cands.sort(key=lambda x: -x[0])
    for weight, group in cands[: ctx.config.max_omissions]:
        first = group[0]
        top = max(group, key=lambda sc: salience(sc, low, heard))
        why = ("the answer of a named party" if _is_answer(top, low, heard) else
               "a caveat" if top.negated or (top.attribution and top.attribution.negated) else
               "a quotation" if top.quotes else
               "a named party's statement" if top.attribution and top.attribution.source else
               "a lead claim")
        art = ctx.doc_of.get(first.doc_id)
        start, end = first.sent_start, first.sent_end
        text = art.text[start:end] if art is not None else " ".join(sc.text for sc in group)
        # A dropped answer or caveat makes the text one-sided; other omissions are for information.
        severity = SEVERITY if why.startswith("the answer") else "info"
        yield Finding(
            kind=KIND, code=CODE, name=NAME, severity=severity,
            message=f'Leaves out {why} of the source: "{snippet(text, 90)}".',
            confidence=round(min(0.9, 0.4 + 0.4 * weight), 3), doc_id=ctx.derived.doc_id,
            start=0, end=0, text="",
            evidence=(Evidence(document=first.doc_id, start=start, end=end, text=text,
                               claim=top.id),),
            suggestion="Add it, or say why it is left out.")


RULE = Rule(CODE, NAME, KIND, SEVERITY, "salient source claim left out", check, __doc__)
