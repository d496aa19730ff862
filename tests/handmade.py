"""Claims built by hand in the shape the small English model gives, for tests of readers
that must hold whatever the model does with a given sentence."""

from checker.records import Certainty, Claim, Word


def hand_claim(text: str, tags: dict, predicate: str = "") -> Claim:
    """A claim on ``predicate`` whose content words are the words of ``tags`` (word ->
    (lemma, POS)); a hyphen is a word of its own, as the tokenizer makes it."""
    words, pos = [], 0
    for token in text.replace("-", " - ").split():
        start = text.index(token, pos)
        pos = start + len(token)
        if token in tags:
            words.append(Word(start, pos, token, *tags[token]))
    return Claim(id="c1", doc_id="d", start=0, end=len(text), text=text, sent_start=0,
                 sent_end=len(text), sentence=text, unit_kind="paragraph", subject="",
                 predicate=predicate, predicate_text=predicate, object="", negated=False,
                 attribution=None, certainty=Certainty(1.0), words=tuple(words),
                 lemmas=tuple(w.lemma for w in words))
