"""Claim strength: how strongly a claim says that one thing affects another.

The scale is the one science-communication studies use (Sumner et al. 2014, Yu et al. 2019):

    0  no relation stated (a description, a recommendation, a research need)
    1  correlational ("X is associated with Y", "X were 25% more likely to ...")
    2  conditional causal: a causal verb under a hedge ("X may reduce Y", "suggests X reduces Y")
    3  direct causal ("X reduces Y", "X led to Y")

The classifier reads the frozen ``Claim`` records only (no spaCy): its words with their lemmas
and tags, its hedges and its attribution cue. The word lists live in
``lexicons/claim_strength.txt``, one section a role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping, NamedTuple, Optional, Sequence

from checker.errors import ConfigError
from checker.lexicon import shipped
from checker.records import Claim, Cue, memo_on

LEXICON_PATH = Path(__file__).with_name("lexicons") / "claim_strength.txt"
ROLES = ("correlational", "comparison", "causal", "causal_word", "conditional",
         "not_conditional", "modifier_context", "participle_context", "change_context",
         "recommendation")
STRENGTH_NAMES = {0: "no relation", 1: "an association", 2: "a possible cause",
                  3: "a direct cause"}
# Roles of the cue ``claim_strength`` returns: which list decided the strength.
CUE_ROLES = ("correlational", "comparison", "change", "conditional", "causal")

_TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]|\d+(?:[.,]\d+)*")
_SECTION_RE = re.compile(r"^\[([a-z_]+)\]$")
# Forms of "be" before a participle make it a state ("levels were reduced"), not an action.
_BE = shipped("be_forms")
_MIN_HEDGE_WEIGHT = 0.2
_NOT = shipped("adverb_negators")
# How far (in tokens) a hedge may sit before the verb it governs and still be quoted with it.
_CUE_JOIN_GAP = 3


@dataclass(frozen=True)
class StrengthLexicon:
    """The claim-strength word lists: role -> entries, each a tuple of lower-case words."""

    roles: Mapping[str, tuple[tuple[str, ...], ...]]
    vocab: Mapping[str, frozenset] = field(default_factory=dict)  # role -> every word in it

    def entries(self, role: str) -> tuple[tuple[str, ...], ...]:
        """The entries of one role (empty when the role has none)."""
        return self.roles.get(role, ())

    def words(self, role: str) -> frozenset:
        """Every word of one role's entries."""
        return self.vocab.get(role, frozenset())

    def by_first(self, role: str) -> Mapping[str, list[tuple[str, ...]]]:
        """One role's entries by their first word (built once per lexicon)."""
        def build() -> dict[str, dict[str, list[tuple[str, ...]]]]:
            table: dict[str, dict[str, list[tuple[str, ...]]]] = {}
            for name, entries in self.roles.items():
                for e in entries:
                    table.setdefault(name, {}).setdefault(e[0], []).append(e)
            return table

        return memo_on(self, "_by_first", build).get(role, {})


class _Token(NamedTuple):  # (a tuple: made for every word of a claim with a cue word)
    start: int  # article offsets
    end: int
    text: str
    forms: frozenset  # lower-case surface and lemma
    pos: str  # spaCy tag for content words, "" for function words


@dataclass(frozen=True)
class _Hit:
    role: str
    first: int  # token indexes, end exclusive
    last: int


def parse_strength_lexicon(text: str, *, origin: str = "claim_strength.txt") -> StrengthLexicon:
    """Parse the sectioned word-list format of ``claim_strength.txt``."""
    roles: dict[str, list[tuple[str, ...]]] = {r: [] for r in ROLES}
    role = ""
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        section = _SECTION_RE.match(line)
        if section:
            role = section.group(1)
            if role not in roles:
                raise ConfigError(f"{origin}:{number}: expected a role from {', '.join(ROLES)}, "
                                  f"got [{role}]")
            continue
        if not role:
            raise ConfigError(f"{origin}:{number}: entry {line!r} comes before any [role] line")
        roles[role].append(tuple(line.lower().split()))
    return StrengthLexicon(roles={r: tuple(v) for r, v in roles.items()},
                           vocab={r: frozenset(w for e in v for w in e) for r, v in roles.items()})


@lru_cache(maxsize=4)
def load_strength_lexicon(path: Optional[str] = None) -> StrengthLexicon:
    """The shipped claim-strength lexicon (or the one at ``path``)."""
    p = Path(path) if path else LEXICON_PATH
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read the claim-strength lexicon {p}: {exc}") from exc
    return parse_strength_lexicon(text, origin=str(p))


def _tokens(claim: Claim) -> list[_Token]:
    """Every word of the claim, function words included, with lemma and tag where known."""
    content = {w.start: w for w in claim.words}
    out = []
    for m in _TOKEN_RE.finditer(claim.text):
        start = claim.start + m.start()
        surface = m.group(0).lower().replace("’", "'")
        word = content.get(start)
        lemma, pos = (word[3].lower(), word[4]) if word else (surface, "")
        out.append(_Token(start, claim.start + m.end(), m.group(0),
                          frozenset((surface, lemma)), pos))
    return out


def _find(tokens: Sequence[_Token], by_first: Mapping[str, list[tuple[str, ...]]],
          role: str) -> list[_Hit]:
    """Every match of a word list (its entries by first word) in the tokens, longest first
    at each position."""
    hits = []
    get = by_first.get
    for i, tok in enumerate(tokens):
        if tok.pos == "PROPN" or tok.text == "May" and i > 0:
            continue  # a name's word ("the Residents' Association") relates nothing, nor
            # does the month inside a claim ("from May, cutting it by 28%")
        cands = None  # (most tokens start no entry: no list is built for them)
        for f in tok.forms:
            found = get(f)
            if found:
                cands = found if cands is None else cands + found
        if cands is None:
            continue
        for e in sorted(cands, key=len, reverse=True):
            if i + len(e) <= len(tokens) and all(w in tokens[i + k].forms
                                                 for k, w in enumerate(e)):
                hits.append(_Hit(role, i, i + len(e)))
                break
    return hits


def _is_adverb(tok: _Token) -> bool:
    word = tok.text.lower()
    return tok.pos == "ADV" or word in _NOT or (len(word) > 4 and word.endswith("ly"))


def _before(tokens: Sequence[_Token], i: int) -> int:
    """Index of the word before token ``i`` (``i`` > 0), skipping adverbs and "not"."""
    j = i - 1
    while j > 0 and _is_adverb(tokens[j]):
        j -= 1
    return j


def _is_modifier(tokens: Sequence[_Token], i: int, lex: StrengthLexicon) -> bool:
    """True when a causal verb form describes a noun or a purpose instead of stating a cause."""
    if i == 0:
        # A claim does not open with its own predicate: "Reduced sleep ...", "Increasing X ...".
        return True
    j = _before(tokens, i)
    prev = tokens[j]
    word = prev.text.lower()
    if word == "to":
        # "strategies to reduce falls": an infinitive after a noun is a purpose.
        return j >= 1 and tokens[j - 1].pos in ("NOUN", "PROPN")
    if prev.forms & lex.words("modifier_context"):
        return True
    participle = tokens[i].text.lower().endswith("ed")
    return participle and (prev.pos in ("VERB", "ADJ")
                           or word in lex.words("participle_context"))


_CURRENCIES = shipped("currencies")


def _money_after(tokens: Sequence[_Token], i: int, claim: Claim) -> bool:
    """A sum of money follows token ``i``: a currency sign before the next word's digits
    ("raise £2 million") or a currency's name within three words ("cut 40 million crowns");
    not a count of things ("prevents two crashes a month" states a cause)."""
    if i + 1 >= len(tokens) or not tokens[i + 1].text[:1].isdigit():
        return False
    gap = claim.text[tokens[i].end - claim.start:tokens[i + 1].start - claim.start]
    return any(c in _CURRENCIES for c in gap) or any(
        t.text.lower() in _CURRENCIES for t in tokens[i + 2:i + 5])


def _next_word(tokens: Sequence[_Token], i: int) -> str:
    """The first word after token ``i`` that is not an adverb ("" at the end)."""
    j = i + 1
    while j < len(tokens) and _is_adverb(tokens[j]):
        j += 1
    return tokens[j].text.lower() if j < len(tokens) else ""


def _causal_hits(tokens: Sequence[_Token], lex: StrengthLexicon,
                 claim: Claim) -> tuple[list[_Hit], list[_Hit]]:
    """Causal cues that state a cause, and causal verbs that only report a change."""
    change_after = lex.words("change_context")
    hits, changes = [], []
    for h in _find(tokens, lex.by_first("causal"), "causal"):
        # A causal lemma must be used as a verb: "lower" in "lower in women" compares.
        if tokens[h.first].pos != "VERB":
            continue
        if h.last - h.first > 1:
            hits.append(h)
            continue
        if _is_modifier(tokens, h.first, lex):
            continue
        nxt = _next_word(tokens, h.first)
        passive = tokens[_before(tokens, h.first)].text.lower() in _BE
        if passive and nxt == "by":
            hits.append(h)  # "was reduced by the drug": a cause, in the passive
            continue
        if passive or not nxt or nxt in change_after or _money_after(tokens, h.first, claim):
            changes.append(_Hit("change", h.first, h.last))  # (a sum of money after the
            continue  # verb, "would raise £2 million", says how much, not what causes what)
        hits.append(h)
    hits += _find(tokens, lex.by_first("causal_word"), "causal")
    return sorted(hits, key=lambda h: h.first), changes


def _conditional_before(tokens: Sequence[_Token], claim: Claim, lex: StrengthLexicon,
                        limit: int) -> Optional[_Hit]:
    """The last hedge before token ``limit`` that is not a look-alike ("more likely")."""
    blocked = set()
    for h in _find(tokens, lex.by_first("not_conditional"), "not_conditional"):
        blocked.update(range(h.first, h.last))
    # Weak modals ("can", weight 0.1) state an ability; annotators read "X can reduce Y" as direct.
    hedge_starts = {c.start for c in claim.certainty.hedges if c.weight >= _MIN_HEDGE_WEIGHT}
    found = None
    for h in _find(tokens, lex.by_first("conditional"), "conditional"):
        if h.first < limit and h.first not in blocked:
            found = h
    for i, tok in enumerate(tokens[:limit]):
        if tok.start in hedge_starts and i not in blocked and (found is None or i > found.first):
            found = _Hit("conditional", i, i + 1)
    return found


def _attribution_hedged(claim: Claim, lex: StrengthLexicon) -> bool:
    """True when the claim is reported with a hedging verb ("results suggest that ...")."""
    if claim.attribution is None:
        return False
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", claim.attribution.cue)}
    stems = {e[0] for e in lex.entries("conditional") if len(e) == 1}
    # Crude inflection: "suggests", "suggested", "indicated" meet "suggest", "indicate".
    return any({w, w[:-1], w[:-2]} & stems for w in words)


def _cue_text(claim: Claim, tokens: Sequence[_Token], first: int, last: int, role: str) -> Cue:
    """A cue whose text is the claim's own wording between the two tokens."""
    start, end = tokens[first].start, tokens[last - 1].end
    return Cue(text=claim.text[start - claim.start:end - claim.start], role=role,
               start=start, end=end)


_MEMO: dict = {}
_MEMO_SIZE = 20_000


def claim_strength(claim: Claim, *,
                   lexicon: Optional[StrengthLexicon] = None) -> tuple[int, Optional[Cue]]:
    """Strength 0-3 of one claim and the cue that decided it (None for 0)."""
    lex = lexicon or load_strength_lexicon()
    # Source claims are compared with every derived text that cites them: remember the answer.
    memo_key = (id(lex), claim.doc_id, claim.start, claim.text)
    hit = _MEMO.get(memo_key)
    if hit is not None:
        return hit
    if len(_MEMO) >= _MEMO_SIZE:
        _MEMO.clear()
    _MEMO[memo_key] = result = _claim_strength(claim, lex)
    return result


def _first_words(lex: StrengthLexicon) -> frozenset:
    """Every word that can start a cue giving a claim a strength above 0."""
    return memo_on(lex, "_first_words", lambda: frozenset(
        w for role in ("correlational", "comparison", "causal", "causal_word")
        for w in lex.by_first(role)))


def _claim_strength(claim: Claim, lex: StrengthLexicon) -> tuple[int, Optional[Cue]]:
    # Most claims hold no word a cue can start with: strength 0 without the token walk.
    text = claim.text
    forms = set(map(str.lower, _TOKEN_RE.findall(text)))
    if "’" in text:
        forms = {f.replace("’", "'") for f in forms}
    forms.update([w.lemma.lower() for w in claim.words])
    if forms.isdisjoint(_first_words(lex)):
        return 0, None
    tokens = _tokens(claim)
    if not tokens:
        return 0, None
    if _find(tokens, lex.by_first("recommendation"), "recommendation"):
        return 0, None
    correl = _find(tokens, lex.by_first("correlational"), "correlational")
    causal, changes = _causal_hits(tokens, lex, claim)
    if correl:
        # What follows a relation word is what the relation is with, not a stated cause.
        causal = [h for h in causal if h.last <= correl[0].first]
    if causal:
        verb = causal[0]
        hedge = _conditional_before(tokens, claim, lex, verb.first)
        if hedge is not None:
            first = hedge.first if verb.first - hedge.last <= _CUE_JOIN_GAP else verb.first
            return 2, _cue_text(claim, tokens, first, verb.last, "conditional")
        if _attribution_hedged(claim, lex):
            return 2, _cue_text(claim, tokens, verb.first, verb.last, "conditional")
        return 3, _cue_text(claim, tokens, verb.first, verb.last, "causal")
    if correl:
        return 1, _cue_text(claim, tokens, correl[0].first, correl[0].last, "correlational")
    compare = sorted(_find(tokens, lex.by_first("comparison"), "comparison") + changes,
                     key=lambda h: h.first)
    if compare:
        # Role "comparison" (groups compared) or "change" (a causal verb used intransitively).
        return 1, _cue_text(claim, tokens, compare[0].first, compare[0].last, compare[0].role)
    return 0, None


def text_strength(claims: Iterable[Claim], *,
                  lexicon: Optional[StrengthLexicon] = None) -> tuple[int, Optional[Cue]]:
    """Strength of a short text: that of its strongest claim (the earliest on a tie)."""
    best: tuple[int, Optional[Cue]] = (0, None)
    for claim in claims:
        got = claim_strength(claim, lexicon=lexicon)
        if got[0] > best[0]:
            best = got
    return best
