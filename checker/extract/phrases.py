"""Finding a phrase of a word list among a claim's tokens, by lower-case form or lemma
("is in talks", "in exclusive talks" for "in talk"), with the quick test that skips the
phrases a claim cannot hold. Read by the extractor's certainty, marker and speaker readers."""

from __future__ import annotations

from typing import Optional


def _vocab(tokens) -> frozenset:
    """Every lower-case form and lemma of some tokens, to skip phrases that cannot match."""
    return frozenset([t.lower_ for t in tokens] + [t.lemma_.lower() for t in tokens])


def _possible(phrases, vocab: frozenset) -> list:
    """The phrases of a list whose every word the claim has (its ``_vocab``), in list order:
    the only ones ``_find_phrase`` can find. Most claims have none of a list's phrases, and
    this drops them without a call each."""
    return [p for p in phrases if vocab.issuperset(p)]


def _find_phrase(tokens, phrase: tuple[str, ...],
                 vocab: Optional[frozenset] = None) -> Optional[tuple[int, int]]:
    """(first, last) index in ``tokens`` where the lower-case or lemma sequence ``phrase`` is."""
    n = len(phrase)
    if n == 0 or len(tokens) < n:
        return None
    if vocab is not None and not vocab.issuperset(phrase):
        return None
    first = phrase[0]
    for i in range(len(tokens) - n + 1):
        t = tokens[i]
        if t.lower_ != first and t.lemma_.lower() != first:
            continue
        ok = True
        for j in range(1, n):
            u = tokens[i + j]
            if u.i != t.i + j or (u.lower_ != phrase[j] and u.lemma_.lower() != phrase[j]):
                ok = False
                break
        if ok:
            return i, i + n - 1
    return None


def find_phrase_past_adjective(tokens, phrase: tuple[str, ...],
                               vocab: Optional[frozenset] = None) -> Optional[tuple[int, int]]:
    """(first, last) index in ``tokens`` of the lower-case or lemma sequence ``phrase`` with
    one adjective inside it ("in exclusive talks" for "in talk"), or None."""
    if len(phrase) < 2 or (vocab is not None and not vocab.issuperset(phrase)):
        return None
    at = {t.i: k for k, t in enumerate(tokens)}

    def says(k, word):
        return k is not None and (tokens[k].lower_ == word or tokens[k].lemma_.lower() == word)
    for k0, t in enumerate(tokens):
        if not says(k0, phrase[0]):
            continue
        i, skipped = t.i, False
        for word in phrase[1:]:
            k = at.get(i + 1)
            if not skipped and k is not None and tokens[k].pos_ == "ADJ" and not says(k, word):
                skipped, i = True, i + 1
                k = at.get(i + 1)
            if not says(k, word):
                break
            i += 1
        else:
            if skipped:
                return k0, at[i]
    return None
