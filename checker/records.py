"""Frozen records that flow through the pipeline.

Glossary:
    Unit        a paragraph, heading, bullet or piece of page furniture of an article.
    Article     one loaded file: the text as read (``raw``), the cleaned text the checker works
                on (``text``), and a map from clean offsets back to raw offsets.
    Cue         a word or phrase that triggered a reading (a hedge, an attribution cue, ...).
    Attribution who a claim is attributed to, and the cue that does it.
    Certainty   the hedges, attempts, boosters and factivity of a claim, summed into a level.
    Link        a causal or temporal connective and the two things it connects.
    Claim       one clause-level statement of an article, with everything the rules compare.
    Alignment   the source claims that support a derived claim, with a score in [0, 1].
    Evidence    a span of a source document cited by a finding or an alignment.
    Finding     one drift: kind, rule code, severity, derived span, evidence, message.

Offsets in ``Claim``, ``Unit`` and ``Cue`` are into ``Article.text`` (the clean text); use
``Article.raw_span`` to turn them into offsets of the file the user gave.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import NamedTuple, Optional

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}

KINDS = (
    "attribution-dropped",
    "attribution-changed",
    "certainty-raised",
    "certainty-lowered",
    "causal-link-added",
    "entity-changed",
    "number-changed",
    "negation-flipped",
    "quote-altered",
    "unsupported-claim",
    "omitted-claim",
    "scope-changed",
)



def memo_on(record, name: str, compute):
    """``compute()`` once per frozen record, kept beside its fields (outside equality,
    hashing and ``asdict``): values every rule asks of the same claim, index or config."""
    got = record.__dict__.get(name)
    if got is None:
        got = compute()
        object.__setattr__(record, name, got)
    return got

@dataclass(frozen=True)
class Unit:
    """A structural block of an article: ``heading``, ``paragraph``, ``bullet`` or ``furniture``."""

    kind: str
    start: int
    end: int
    furniture: Optional[str] = None  # why it is furniture ("read time", "byline", ...), else None

    @property
    def is_furniture(self) -> bool:
        return self.furniture is not None


@dataclass(frozen=True)
class Article:
    """A loaded article: raw decoded text, clean text, units, and the clean-to-raw offset map."""

    doc_id: str
    path: Optional[str]
    raw: str
    text: str
    units: tuple[Unit, ...]
    offsets: tuple[int, ...]  # offsets[i] = raw offset of clean character i; len(text) + 1 entries
    encoding: str = "utf-8"
    repairs: tuple[str, ...] = ()  # what the loader repaired ("mojibake cp874", "html", ...)
    fmt: str = "text"  # text | markdown | html
    meta: tuple[tuple[str, str], ...] = ()  # outlet, title, date, url, role ...

    def raw_offset(self, clean: int) -> int:
        """Raw-file offset of a clean-text offset."""
        if not self.offsets:
            return clean
        clean = max(0, min(clean, len(self.offsets) - 1))
        return self.offsets[clean]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw-file span of a clean-text span (end exclusive)."""
        if end <= start:
            s = self.raw_offset(start)
            return s, s
        return self.raw_offset(start), self.raw_offset(end - 1) + 1

    def line_col(self, raw_offset: int) -> tuple[int, int]:
        """1-based line and column of a raw-file offset."""
        starts = _line_starts(self.raw)
        i = bisect.bisect_right(starts, raw_offset) - 1
        return i + 1, raw_offset - starts[i] + 1

    def unit_at(self, offset: int) -> Optional[Unit]:
        """The unit holding a clean-text offset, if any."""
        for u in self.units:
            if u.start <= offset < u.end:
                return u
        return None

    def meta_value(self, key: str, default: str = "") -> str:
        return dict(self.meta).get(key, default)


_LINE_CACHE: dict[int, tuple[str, list[int]]] = {}


def _line_starts(raw: str) -> list[int]:
    key = id(raw)
    hit = _LINE_CACHE.get(key)
    if hit is not None and hit[0] is raw:
        return hit[1]
    starts = [0]
    pos = raw.find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = raw.find("\n", pos + 1)
    if len(_LINE_CACHE) > 256:
        _LINE_CACHE.clear()
    _LINE_CACHE[key] = (raw, starts)
    return starts


@dataclass(frozen=True)
class Cue:
    """A trigger word or phrase found in the text, with its role (``hedge``, ``attempt`` ...)."""

    text: str
    role: str
    start: int
    end: int
    weight: float = 0.0


@dataclass(frozen=True)
class Attribution:
    """Who a claim is attributed to. ``source`` is empty for sourceless cues ("reportedly")."""

    source: str
    cue: str
    start: int
    end: int
    kind: str  # named | reports | adverb | passive | according-to
    negated: bool = False  # "did not confirm", "denied"
    surface: str = ""  # the words the text used when ``source`` was resolved ("the company")
    head: str = ""  # lemma of the source's head word ("two officials said" -> "official")
    lemma: str = ""  # the reporting verb's lemma ("deny" for "denied that"), '' for other cues
    # The report this one is nested in: "two people said [the company told its lenders] X"
    # gives X the company's attribution, whose ``outer`` is the two people's.
    outer: Optional["Attribution"] = None
    # a "she said" resolved to the speaker of the sentence before, or to the person in its
    # subject: no guess (``surface`` holds the pronoun)
    resolved: bool = False


@dataclass(frozen=True)
class Certainty:
    """Hedges, attempts, boosters and factivity of a claim; ``level`` runs from 0 to 1."""

    level: float
    hedges: tuple[Cue, ...] = ()
    attempts: tuple[Cue, ...] = ()
    boosters: tuple[Cue, ...] = ()
    factivity: str = "neutral"  # factive | non-factive | neutral
    factive_cue: Optional[Cue] = None


@dataclass(frozen=True)
class Link:
    """A causal or temporal connective: ``left`` (the clause it attaches to) and ``right``."""

    cue: str
    kind: str  # causal | temporal
    start: int
    end: int
    left: str
    right: str


@dataclass(frozen=True)
class Entity:
    """A named entity: surface text, spaCy label and normalised form."""

    text: str
    label: str
    norm: str
    start: int
    end: int
    role: str = ""  # subject | object | other
    # The slot the name fills: a relation and the lemma of the word it depends on ("by
    # commission" in "commissioned by the board", "of insurer" in "the museum's insurer"),
    # '' when it fills none (a subject, an object). See extract.common.name_slot.
    slot: str = ""


@dataclass(frozen=True)
class Quantity:
    """A number, amount, percentage, date, time, ordinal or measure with its normalised
    value (a duration in words, "two months", is a ``date`` whose value is its length)."""

    text: str
    kind: str  # number | money | percent | date | time | ordinal | quantity ("5 km")
    value: Optional[float]
    unit: str
    start: int
    end: int
    norm: str = ""


@dataclass(frozen=True)
class Quote:
    """Words inside quotation marks and who said them ('' when no speaker is found)."""

    text: str
    speaker: str
    start: int
    end: int


class Word(NamedTuple):
    """A content word of a claim: its offsets in the clean text, as written, its lemma
    (lower case) and its universal part-of-speech tag."""

    start: int
    end: int
    text: str
    lemma: str
    pos: str


@dataclass(frozen=True)
class Claim:
    """One clause-level claim of an article, with the fields the drift rules compare."""

    id: str
    doc_id: str
    start: int
    end: int
    text: str
    sent_start: int
    sent_end: int
    sentence: str
    unit_kind: str
    subject: str
    predicate: str  # lemma
    predicate_text: str
    object: str
    negated: bool
    attribution: Optional[Attribution]
    certainty: Certainty
    links: tuple[Link, ...] = ()
    entities: tuple[Entity, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    lemmas: tuple[str, ...] = ()  # content-word lemmas, lower case, in order
    scope: tuple[Cue, ...] = ()  # quantifiers and scope words ("all", "some", "its own")
    index: int = 0  # position in the article
    # Content words with clean offsets, for pointing at words (``Word``; a tuple, so the
    # older ``w[3]`` reads still work).
    words: tuple["Word", ...] = ()
    # Lemmas of the claim's words that carry their own negation ("pleaded *not guilty*", "a
    # place that was *not known*", "*no* charges"), the main predicate's included.
    negated_words: tuple[str, ...] = ()


@dataclass(frozen=True)
class Evidence:
    """A span of a source document cited by an alignment or a finding."""

    document: str
    start: int
    end: int
    text: str
    claim: str = ""


@dataclass(frozen=True)
class Alignment:
    """The source claims that support one derived claim; empty ``support`` means unaligned."""

    derived: str  # claim id
    score: float
    support: tuple[str, ...] = ()  # source claim ids, best first
    scores: tuple[float, ...] = ()
    twins: tuple[str, ...] = ()  # other sources' tellings of the best support's fact


class Place(NamedTuple):
    """Another place of a derived text where a finding's drift is repeated (clean offsets)."""

    start: int
    end: int
    text: str
    claim: str = ""


@dataclass(frozen=True)
class Finding:
    """One drift found in a derived text, at one place or more (``places``: the repeats of the
    same drift after the first, e.g. in the headline, the key takeaways and the body)."""

    kind: str
    code: str
    name: str
    severity: str
    message: str
    confidence: float
    doc_id: str
    start: int  # clean offsets into the derived article
    end: int
    text: str
    evidence: tuple[Evidence, ...] = ()
    claim: str = ""
    suggestion: str = ""
    id: str = ""
    places: tuple[Place, ...] = ()

    def all_places(self) -> tuple[Place, ...]:
        """The first place and its repeats."""
        return (Place(self.start, self.end, self.text, self.claim), *self.places)

    def sort_key(self) -> tuple:
        return (-SEVERITY_RANK.get(self.severity, 0), -self.confidence, self.start, self.code)


@dataclass(frozen=True)
class CheckResult:
    """Everything one check produced: articles, claims, alignments, findings and the score."""

    derived: Article
    sources: tuple[Article, ...]
    derived_claims: tuple[Claim, ...]
    source_claims: tuple[Claim, ...]
    alignments: tuple[Alignment, ...]
    findings: tuple[Finding, ...]
    score: Optional[float]  # probability of consistency (checker/score.py); None: not scored
    config: dict = field(default_factory=dict)
    score_features: dict = field(default_factory=dict)  # the score model's named inputs
