"""Readings of a claim's words that the rules and the helper modules below them share:
evidence pointing at a source claim (``evidence_of``), a quotable snippet (``snippet``),
whether two claims share their core (``shares_core``), whether a claim is a heading's
(``is_claim_unit``), where a claim's own verb stands in its text (``verb_at``), whether a
claim negates a word (``negated_in``), the head part of a
phrase before its preposition and its last word (``before_preposition``, ``head_word``,
``opens_with_preposition``,
``ends_with_word_of``), the source claims of the sentence before a claim
(``sentence_before``), and the lexicon roles whose verbs other rules judge or by which a
document reports its content. They live here, below ``checker.rules``, so that a helper
module can import them without loading every rule first; ``checker.rules.base`` passes
them on to the rules."""

from __future__ import annotations

import re
from typing import Optional

from checker.align import claim_keys, key
from checker.lexicon import shipped
from checker.records import Claim, Evidence, memo_on


def evidence_of(claim: Claim, *, start: Optional[int] = None,
                end: Optional[int] = None) -> Evidence:
    """Evidence pointing at a source claim (or a part of it)."""
    s = claim.start if start is None else start
    e = claim.end if end is None else end
    text = claim.text
    if start is not None or end is not None:
        text = claim.text[s - claim.start:e - claim.start] if claim.start <= s <= e <= claim.end \
            else claim.text
    return Evidence(document=claim.doc_id, start=s, end=e, text=text, claim=claim.id)


def snippet(text: str, limit: int = 70) -> str:
    """A short quotable version of a text."""
    t = " ".join(text.split())
    return t if len(t) <= limit else t[: limit - 1].rsplit(" ", 1)[0] + "…"


def shares_core(dc: Claim, sc: Claim) -> bool:
    """True when two claims share a predicate or an entity and some content words: two, or
    the one both have ("no other injuries were reported": "injuries" alone)."""
    dk, sk = claim_keys(dc), claim_keys(sc)
    shared = dk & sk
    same_pred = same_deed_verb(dc, sc)
    same_ent = bool({e.norm for e in dc.entities} & {e.norm for e in sc.entities})
    return (same_pred or same_ent) and (len(shared) >= 2 or (dk == sk and len(dk) == 1))


_PHASE_VERBS = shipped("phase_verbs")


def same_deed_verb(dc: Claim, sc: Claim) -> bool:
    """The two claims' verbs are one deed: the same verb, or a verb of phase on one side
    (phase_verbs.txt) and on the other the verb it takes ("have begun reselling" read by the
    parse as "begin" in one sentence and "resell" in the other)."""
    a, b = key(dc.predicate), key(sc.predicate)
    if a == b:
        return True
    for one, other in ((dc, sc), (sc, dc)):
        if one.predicate in _PHASE_VERBS and key(other.predicate) in {
                key(w.lemma) for w in one.words if w.pos == "VERB"}:
            return True
    return False


def is_claim_unit(claim: Claim) -> bool:
    """Headings state topics more than facts; rules go easier on them."""
    return claim.unit_kind != "heading"


# Roles whose verbs other rules judge: who said it (attribution), an accusation
# (challenges), how sure (hedges, boosters, factivity), how far it got (attempts,
# intentions), answers and caveats; and light verbs, which name no deed of their own.
# DU804, DU805 and DU807 leave these verbs alone ("asked the ministry to ..." is a deed).
VERBS_JUDGED_ELSEWHERE = ("attribution_verbs", "challenges", "hedges",
                          "attempts", "boosters", "factive", "nonfactive", "answer_verbs",
                          "caveat_verbs", "explanation_verbs", "intention_nouns",
                          "light_verbs")


def verbs_judged_elsewhere(lexicon) -> frozenset:
    """The words of every ``VERBS_JUDGED_ELSEWHERE`` role (once per lexicon)."""
    return memo_on(lexicon, "_verbs_judged_elsewhere", lambda: frozenset(
        w for role in VERBS_JUDGED_ELSEWHERE for w in lexicon.words.get(role, {})))


def verb_at(claim: Claim) -> int:
    """Where the claim's own verb, as its text writes it, first stands in that text as a
    whole word ("make" of "has yet to make a decision"), or -1."""
    verb = claim.predicate_text
    m = re.search(rf"\b{re.escape(verb)}\b", claim.text) if verb else None
    return m.start() if m else -1


def negated_in(claim, word, lexicon) -> bool:
    """True when a claim negates one of its words (DG602 and DE404 ask of the source's word):
    as a negated word of the parse ("not *simple*"), or with a negation cue among the three
    words before it ("not a simple")."""
    if word[3] in claim.negated_words:
        return True
    before = re.findall(r"[a-z]+(?=n't)|n't|[a-z]+", claim.text[:word[0] - claim.start].lower())
    return any(lexicon.has("negations", t) for t in before[-3:])


def _words_pattern(lexicon, roles: tuple) -> str:
    """A regex alternation of the words of ``roles`` (once per lexicon and roles)."""
    return memo_on(lexicon, f"_pattern_{'_'.join(roles)}", lambda: "|".join(
        re.escape(w) for w in sorted({w for r in roles for w in lexicon.words.get(r, {})},
                                     key=len, reverse=True)))


def before_preposition(text: str, lexicon) -> str:
    """The part of a phrase before its first preposition (its head part: "A preliminary
    report by the office" -> "A preliminary report"; prepositions.txt)."""
    return re.split(rf"\s(?:{_words_pattern(lexicon, ('prepositions',))})\s", text, 1,
                    flags=re.I)[0]


def head_word(text: str, lexicon) -> str:
    """The last word of a phrase's head part (``before_preposition``), lower case: "a court
    challenge to the closure" -> "challenge"; '' for an empty phrase."""
    return (before_preposition(text, lexicon).split() or [""])[-1].strip(",.").lower()


def opens_with_preposition(text: str, lexicon) -> bool:
    """The phrase opens with a preposition or a verb's particle ("to the runway")."""
    return re.match(rf"\s*(?:{_words_pattern(lexicon, ('prepositions',))})\b", text,
                    re.I) is not None


def ends_with_word_of(text: str, lexicon, *roles: str) -> bool:
    """The text's last word is one of the words of ``roles`` ("on existing plans": the text
    before "existing" ends with a preposition)."""
    return re.search(rf"\b(?:{_words_pattern(lexicon, roles)})\s+$", text, re.I) is not None


# Verbs by which a document or a body named as the subject reports its content.
FINDING_ROLES = ("factive", "attribution_verbs", "finding_verbs")


def one_claim_a_sentence(index) -> tuple:
    """The sources' claims, the first of each sentence only (once per set of sources): what
    a rule that reads whole source sentences goes through."""
    def build() -> tuple:
        seen: dict = {}
        for sc in index.claims:
            seen.setdefault(sc.sentence, sc)
        return tuple(seen.values())
    return memo_on(index, "_one_claim_a_sentence", build)


def sentence_before(index, claim) -> list:
    """The source claims of the sentence just before ``claim``'s in its document (none for
    a document's first sentence): where a pronoun of ``claim`` most likely points."""
    mine = [c for c in index.claims if c.doc_id == claim.doc_id]
    last = max((c.sent_start for c in mine if c.sent_start < claim.sent_start), default=-1)
    return [c for c in mine if c.sent_start == last]
