"""What an attempt seeks and what settles a deed, in a claim's words: the thing a verb of
attempt takes ("is seeking a meeting", "plans a protest and is seeking a meeting"), the keys
of a claim's object and subject, the deed a settling verb governs ("has agreed to meet",
"decided that the depot should go") and whether a source sentence settles it too. DC203
(``checker.rules.attempt_to_fact``) compares them.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from checker.align import key, text_keys
from checker.claim_reading import before_preposition
from checker.numbers import is_number_word
from checker.records import memo_on


def settled_verbs(lex, dc):
    """The verb the derived claim's own verb governs with "to" when that verb settles a deed
    (``settling_verbs``: "has agreed to meet", "has decided to close", "agreed on Friday
    to sell": a short phrase of time or place may come between; "agreed that the depot
    should be sold")."""
    if not lex.has("settling_verbs", dc.predicate):
        return []
    verb = next((w for w in dc.words if w.lemma == dc.predicate), None)
    if verb is None:
        return []
    deed = next((w for w in dc.words if w.pos == "VERB" and w.start > verb.end), None)
    if deed is None:
        return []
    between = dc.text[verb.end - dc.start:deed.start - dc.start].lower().split()
    if not between or "," in " ".join(between):
        return []
    if between[-1] == "to" and len(between) <= SETTLED_GAP + 1:
        return [deed]
    if "that" in between[:SETTLED_GAP] and between[-1] in _SETTLED_MODALS \
            and len(between) <= SETTLED_CLAUSE:
        return [deed]  # "agreed on Friday that the depot would go"
    return []


# Words that may stand between a settling verb and the "to" of its deed ("agreed on Friday
# to sell"), and between it and the deed of a "that" clause ("agreed that the old bus
# depot would go"), whose modal is one of _SETTLED_MODALS.
SETTLED_GAP = 3
SETTLED_CLAUSE = 12
_SETTLED_MODALS = frozenset({"should", "would", "will", "must"})


def settled_in_sources(ctx, verb: str, deed: str) -> bool:
    """A source sentence settles the deed too: the settling verb in any form beside the deed
    or its noun ("seeking a meeting; one has been arranged for Thursday")."""
    deeds = {key(x) for x in ctx.wordnet.synonyms(deed, "verb")} | {key(deed)}
    for sentence in {c.sentence for c in ctx.index.claims}:
        keys = text_keys(sentence)
        if any(k.startswith(key(verb)[:5]) for k in keys) and keys & deeds:
            return True
    return False


class _Verb(NamedTuple):
    text: str
    lemma: str


def attempts_on_nouns(sc, lex):
    """(verb, object text) for the claim's own verb when it is an attempt ("is seeking a
    meeting"; not one that is an attempt only before "to" or a preposition,
    attempt_infinitive_only.txt: "will move 200 jobs", but "is working towards a deal") or
    asks for a thing ("applied for a licence": asking_verbs.txt), and for any other attempt
    verb inside the claim, coordinated or in a clause of it ("plans a protest and is seeking
    a meeting with the commissioner": "seeking", "a meeting with ...")."""
    if lex.has("attempts", sc.predicate) and not (
            lex.has("attempt_infinitive_only", sc.predicate)
            and not _AIMED.match(sc.object or "")):
        yield _Verb(sc.predicate_text, sc.predicate), sc.object or ""
    elif lex.has("asking_verbs", sc.predicate) and (sc.object or "").lower().startswith("for "):
        # "plans to apply for a licence", "called for a review": the thing asked for
        yield _Verb(f"{sc.predicate_text} for", sc.predicate), sc.object[4:]
    for w in sc.words:
        if w.pos == "VERB" and w.lemma != sc.predicate and lex.has("attempts", w.lemma) \
                and not (lex.has("attempt_infinitive_only", w.lemma)
                         and not _AIMED.match(sc.text[w.end - sc.start:].lstrip())):
            before = sc.text[:w.start - sc.start].split()
            if before and (any(lex.has(role, before[-1].lower())
                               for role in ("determiners", "possessives", "articles"))
                           or before[-1].isdigit() or is_number_word(before[-1].lower())):
                continue  # "its planned orbit", "the planned merger", "five working
                # days": a modifier
            rest = sc.text[w.end - sc.start:].lstrip()
            if rest and not rest.lower().startswith("to "):
                yield _Verb(w.text, w.lemma), _NOT_IN_FIGURE.split(rest, 1)[0]


# what an attempt verb aims at through a preposition ("working towards a deal", "pushing for
# a bypass", "looking for a buyer"): an attempt even for the verbs that take no noun as one
_AIMED = re.compile(r"(?:for|towards?|at)\s", re.I)
_NOT_IN_FIGURE = re.compile(r",(?!\d{3}\b)")  # a comma that ends a phrase, not one of "£240,000"


def object_keys(claim, lexicon) -> set:
    """Keys of the nouns of a claim's object before any preposition ("an urgent meeting with
    the minister" -> meeting), and of the role an "as" after it gives the object ("secured
    Quellan Systems as a supplier" -> systems, supplier)."""
    obj = claim.object or ""
    keys = noun_keys(claim, obj, lexicon)
    at = claim.text.find(obj) if obj else -1
    role = re.match(r"\s+as\s+(.+)", claim.text[at + len(obj):]) if at >= 0 else None
    if role is not None:
        keys |= noun_keys(claim, role.group(1), lexicon)
    return keys


def noun_keys(claim, phrase: str, lexicon) -> set:
    """Keys of the nouns of a phrase of the claim before any preposition."""
    return {key(lemma) for lemma in noun_lemmas(claim, phrase, lexicon)}


def noun_lemmas(claim, phrase: str, lexicon) -> set:
    """Lemmas of the nouns of a phrase of the claim before any preposition."""
    head = before_preposition(phrase, lexicon).strip(" ,;:.")  # "an analysis," of a clause
    start = claim.text.find(head) if head else -1
    if start < 0:
        return set()
    s0, s1 = claim.start + start, claim.start + start + len(head)
    return {w.lemma for w in claim.words if w.pos == "NOUN" and s0 <= w.start < s1}


def nouns_given(lemmas, keys, wordnet) -> bool:
    """Every noun sought is among ``keys``, as itself or as a WordNet synonym ("is seeking
    support" and "has secured backing")."""
    return bool(lemmas) and all(
        key(n) in keys or any(key(x) in keys for x in wordnet.synonyms(n, "noun"))
        for n in lemmas)


def same_subject(dc, sc) -> bool:
    """The two subjects share a word, or either is a pronoun (the person just named)."""
    a, b = subject_keys(dc), subject_keys(sc)
    return not a or not b or bool(a & b)


def name_keys(claim) -> frozenset:
    """Keys of the subject's capitalised words, also where the subject stands outside the
    claim's text ("Vance" of "Vance has asked for support ... and wants to table the
    motion"); kept on the claim, which every derived claim's check asks."""
    return memo_on(claim, "_name_keys", lambda: frozenset(
        key(w.lower()) for w in re.findall(r"[A-Z][\w'’-]+", claim.subject or "")))


def subject_keys(claim) -> set:
    pos = claim.text.find(claim.subject)
    if pos < 0:
        return set()
    s0, s1 = claim.start + pos, claim.start + pos + len(claim.subject)
    return {key(w.lemma) for w in claim.words if w.pos in ("NOUN", "PROPN") and s0 <= w.start < s1}
