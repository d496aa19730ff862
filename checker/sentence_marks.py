"""Sentence starts the parser misses, marked before it runs.

The tokenizer keeps a full stop on a scale written short after a figure ("£2.6m.", "2bn."),
as on an abbreviation, and the parser then runs the sentence on into the next one ("... a
deal worth £2.6m. Board documents say ..."): the second sentence's claims are read as
part of the first, and the figure's own clause is lost. A capitalised word after such a
token starts a sentence.
"""

from __future__ import annotations

from spacy.language import Language

from checker.lexicon import shipped_values

# Scales written short (number_scales.txt: "m", "bn", "k"), which take a full stop only at
# the end of a sentence
_SHORT_SCALES = frozenset(w for w, _ in shipped_values("number_scales") if len(w) <= 2)
NAME = "checker_sentence_marks"
VERSION = "sents1"  # part of the parse cache's key: bump when the marks change


@Language.component(NAME)
def mark_sentence_starts(doc):
    """Mark a sentence start after a figure's short scale that ends in a full stop."""
    for tok in doc[1:-1]:
        text = tok.text
        if len(text) > 1 and text.endswith(".") and text[:-1].lower() in _SHORT_SCALES \
                and doc[tok.i - 1].like_num:
            nxt = doc[tok.i + 1]
            if nxt.text[:1].isupper():
                nxt.is_sent_start = True
    return doc
