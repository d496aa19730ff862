"""What every drift rule shares: the declaration record, the context it reads, helpers."""

from __future__ import annotations

import re

from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional, Sequence

from checker.align import SourceIndex
from checker.claim_reading import (FINDING_ROLES, VERBS_JUDGED_ELSEWHERE, before_preposition,
                                   ends_with_word_of, evidence_of, head_word, is_claim_unit,
                                   negated_in, opens_with_preposition, shares_core, snippet,
                                   verb_at, verbs_judged_elsewhere)
from checker.config import Config
from checker.lexicon import Lexicon
from checker.names import other_gender
from checker.records import KINDS, SEVERITIES, Alignment, Article, Claim, Evidence, Finding

# what the rules import from here: this module's own and, passed on, the shared readings of
# ``checker.claim_reading``
__all__ = ["Rule", "Context", "make", "misread_pronoun", "found_by", "FINDING_ROLES",
           "VERBS_JUDGED_ELSEWHERE", "before_preposition", "ends_with_word_of", "evidence_of",
           "head_word", "is_claim_unit", "negated_in", "opens_with_preposition", "shares_core",
           "snippet", "verb_at", "verbs_judged_elsewhere"]


@dataclass(frozen=True)
class Rule:
    """A drift rule: stable code, name, one kind, default severity, and its check function."""

    code: str
    name: str
    kind: str
    severity: str
    summary: str
    check: Callable[["Context"], Iterable[Finding]]
    doc: str = ""
    enabled: bool = True
    # Kinds that explain this rule's finding better when they fire on the same claim
    # (``yields_to``) or on the same words of it (``yields_span_to``).
    yields_to: tuple = ()
    yields_span_to: tuple = ()

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"rule {self.code}: expected a kind from DRIFT-KINDS, got {self.kind!r}")
        if self.severity not in SEVERITIES:
            raise ValueError(f"rule {self.code}: expected a severity, got {self.severity!r}")


@dataclass
class Context:
    """What a rule sees: the derived article and claims, the sources, and the alignments."""

    derived: Article
    sources: tuple[Article, ...]
    derived_claims: tuple[Claim, ...]
    index: SourceIndex
    alignments: dict  # derived claim id -> Alignment
    lexicon: Lexicon
    config: Config
    doc_of: dict = field(default_factory=dict)  # source doc id -> Article
    _memo: dict = field(default_factory=dict)
    _supports: dict = field(default_factory=dict)  # claim id -> support(claim)

    def memo(self, name: str, compute: Callable[["Context"], object]):
        """``compute(self)`` once per check: sibling rules (a changed figure and an unsupported
        one, say) share the work of finding their candidates."""
        if name not in self._memo:
            self._memo[name] = compute(self)
        return self._memo[name]

    @property
    def source_text(self) -> str:
        """The sources' clean text, joined (once per check)."""
        return self.memo("source-text", lambda ctx: "\n".join(a.text for a in ctx.sources))

    def claims_of(self, doc_id: str) -> tuple[Claim, ...]:
        """The claims of one source article, in order (grouped once per check)."""
        def group(ctx) -> dict:
            out: dict = {}
            for c in ctx.index.claims:
                out.setdefault(c.doc_id, []).append(c)
            return {k: tuple(v) for k, v in out.items()}
        return self.memo("claims-by-doc", group).get(doc_id, ())

    def sentence_claims(self, claim: Claim) -> tuple[Claim, ...]:
        """Every claim of a source claim's sentence, itself included (the other clauses a
        derived sentence may have merged with it)."""
        return tuple(o for o in self.claims_of(claim.doc_id) if o.sent_start == claim.sent_start)

    @property
    def wordnet(self):
        """The WordNet reader of this check's configuration (knows nothing without files);
        found once per check, not at each of the rules' thousands of look-ups."""
        from checker import wordnet

        return self.memo("wordnet", lambda ctx: wordnet.for_config(ctx.config))

    def support(self, claim: Claim) -> tuple[Alignment, list[Claim]]:
        """The alignment of a derived claim and its supporting source claims, best first
        (found once per claim and check: the rules ask some 35 times per derived claim;
        the list is shared, so callers must not change it)."""
        got = self._supports.get(claim.id)
        if got is None:
            al = self.alignments.get(claim.id) or Alignment(derived=claim.id, score=0.0)
            got = self._supports[claim.id] = (
                al, [self.index.by_id[i] for i in al.support if i in self.index.by_id])
        return got

    def twins(self, claim: Claim) -> list[Claim]:
        """Other sources' tellings of the fact of a derived claim's best support, nearly as
        close (``align``): the summary may follow any of them."""
        al = self.alignments.get(claim.id)
        return [self.index.by_id[i] for i in al.twins if i in self.index.by_id] if al else []

    def quoted_verbatim(self, claim: Claim) -> bool:
        """The claim lies inside a quotation and its words stand word for word in a source:
        a quotation copied exactly says nothing the source does not say the same way (a
        reported clause copied whole may still lose its frame: "is expected to tell the
        court that X" -> "told the court X")."""
        if not any(q.start <= claim.start and claim.end <= q.end for q in claim.quotes):
            return False
        said = " ".join(claim.text.lower().replace("’", "'").split())
        return len(said.split()) >= 4 and said in self.memo(
            "_flat_sources", lambda ctx: " ".join(ctx.index.text_lower.split()))

    def aligned(self, claim: Claim, *, threshold: Optional[float] = None) -> list[Claim]:
        """Supporting source claims if the alignment is good enough, else []."""
        al, sup = self.support(claim)
        thr = self.config.support_threshold if threshold is None else threshold
        return sup if al.score >= thr else []


def make(rule: Rule, claim: Claim, *, message: str, confidence: float,
         evidence: Sequence[Evidence] = (), start: Optional[int] = None,
         end: Optional[int] = None, suggestion: str = "", text: Optional[str] = None,
         severity: Optional[str] = None) -> Finding:
    """Build a finding of ``rule`` on a derived claim (or a span inside it)."""
    s = claim.start if start is None else start
    e = claim.end if end is None else end
    if text is None:
        text = claim.text[s - claim.start:e - claim.start] if claim.start <= s <= e <= claim.end \
            else claim.text
    return Finding(kind=rule.kind, code=rule.code, name=rule.name,
                   severity=severity or rule.severity, message=message,
                   confidence=round(max(0.0, min(1.0, confidence)), 3), doc_id=claim.doc_id,
                   start=s, end=e, text=text, evidence=tuple(evidence), claim=claim.id,
                   suggestion=suggestion)


def misread_pronoun(ctx, attr) -> bool:
    """The attribution's "he" or "she" was resolved to a person the texts call by an
    honorific of the other kind ("he" read as Aurelie Madsen where a source says "Ms
    Madsen"): the extractor's guess is wrong, so the speaker is unknown."""
    return attr is not None and other_gender(
        ctx.lexicon, attr.surface, attr.source,
        [ctx.derived.text, *(a.text for a in ctx.sources)])


def found_by(lex, dc, *, explained: bool = False) -> bool:
    """The derived claim gives its content as what a document or an official body it names
    as its subject found or said ("An audit found that the festival overspent", "The
    inspectorate counted 1,214 prisoners", "the utility's own data put the spills at 410
    hours", or the office by its holder's title: "Ombudsman Greer Hale found"), or, where
    the source credits a document too (``explained``), put down to a cause ("The report
    attributes £40,000 to scaffolding": explanation_verbs.txt; not another party's account
    given to a document): it credits that subject."""
    # the subject's head noun ends where its first comma or preposition starts ("A
    # preliminary report by the office, seen by ...")
    head = before_preposition(dc.subject.strip().split(",", 1)[0], lex).split()
    if not head:
        return False
    noun = re.sub(r"['’]s$", "", head[-1].lower())
    lemma = next((w.lemma for w in dc.words if w.text.lower() == noun), noun)  # "figures"
    titled = len(head) >= 2 and lex.has("official_sources", head[0].lower()) \
        and all(w[:1].isupper() for w in head)  # the title, then the holder's name
    # (not "Court reporter Jan Ellis": a title of its own before the name)
    # ("Ombudsman Greer Hale found ...": the office by its holder, titled with its name)
    if not titled and not any(lex.has(role, n) for n in (noun, lemma)
                              for role in ("document_nouns", "official_sources",
                                           "statistics_nouns")):
        return False
    roles = (*FINDING_ROLES, "explanation_verbs") if explained else FINDING_ROLES
    return any(lex.has(role, dc.predicate) for role in roles) \
        or (lex.value("paraphrases", dc.predicate) == "estimate"
            and " at " in dc.text[len(dc.subject):])  # "its own data put the leaks at 80 hours"
