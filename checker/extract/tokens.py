"""A plain-Python copy of a parsed spaCy ``Doc`` that the extractor walks instead of spaCy's
own objects.

Every read of a spaCy token property (``.lemma_``, ``.head``, ``.children``, ``doc[i]``)
makes a new ``Token`` object or looks a string up in the vocabulary, and the extractor makes
about a million such reads on SummEdits-dev. ``DocView`` reads each token's attributes once,
with one ``Doc.to_array`` call per doc, into objects with plain attributes of the same names
and meanings, so the extractor's code is the same whether it is given a view or a spaCy
``Doc`` (some tests build spaCy docs by hand and pass their tokens in directly). One
difference: a view has one object per token, so ``a is b`` says whether two are the same
token, where spaCy makes a new ``Token`` on every access (and ``a is b`` is always false).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Optional

import numpy
from spacy.attrs import (DEP, ENT_TYPE, HEAD, IDX, IS_ALPHA, IS_PUNCT, IS_STOP, LEMMA,
                         LIKE_NUM, LOWER, ORTH, POS, SENT_START, TAG)
from spacy.parts_of_speech import NAMES as POS_NAMES

from checker.extract.entity_spans import WORD_NUMBER, EntitySpans
from checker.numbers import DAY_PART_AFTER, words_to_number

# The string attributes first, then the rest; the flags last, in TokenView's order.
_ATTRS = [ORTH, LOWER, LEMMA, TAG, DEP, ENT_TYPE, POS, HEAD, IDX, SENT_START, IS_ALPHA, IS_PUNCT,
          IS_STOP, LIKE_NUM]
_STRING_COLUMNS = 6
_HEAD_COLUMN = _ATTRS.index(HEAD)
# String hashes are the same in every vocabulary (a hash of the string), so one table serves
# all docs; it holds the few tens of thousands of distinct words, tags and labels of a run.
_STRINGS: dict[int, str] = {0: ""}


class TokenView:
    """One token with spaCy's attribute names, read once. The attributes the extractor reads
    for few tokens (``left_edge``, ``right_edge``, ``sent``, ``text_with_ws``) are found on
    use instead: most tokens never need them."""

    __slots__ = ("doc", "i", "idx", "text", "lower_", "lemma_", "tag_", "dep_", "ent_type_",
                 "pos_", "is_alpha", "is_punct", "is_stop", "like_num", "head", "children")

    def __len__(self) -> int:
        return len(self.text)

    @property
    def text_with_ws(self) -> str:
        return self.doc.doc[self.i].text_with_ws

    @property
    def left_edge(self) -> "TokenView":
        return self.doc.tokens[self.doc.edges(self.i)[0]]

    @property
    def right_edge(self) -> "TokenView":
        return self.doc.tokens[self.doc.edges(self.i)[1]]

    @property
    def sent(self) -> "SpanView":
        return self.doc.sents[bisect_right(self.doc.sent_starts, self.i) - 1]

    @property
    def ancestors(self):
        # as spaCy: up the heads to the root, at most one step per token of the doc
        tok, steps, limit = self, 0, len(self.doc.tokens)
        while tok.head is not tok and steps < limit:
            tok = tok.head
            yield tok
            steps += 1

    def is_ancestor(self, descendant) -> bool:
        if self.doc is not descendant.doc:
            return False
        return any(a.i == self.i for a in descendant.ancestors)

    @property
    def subtree(self):
        # as spaCy: the left children's subtrees, the token, the right children's subtrees
        for child in self.children:
            if child.i < self.i:
                yield from child.subtree
        yield self
        for child in self.children:
            if child.i > self.i:
                yield from child.subtree

    def nbor(self, offset: int = 1) -> "TokenView":
        at = self.i + offset
        if at < 0 or at >= len(self.doc.tokens):
            raise IndexError(f"no token at {at}")
        return self.doc.tokens[at]

    def __repr__(self) -> str:
        return self.text


class SpanView:
    """A sentence or an entity: a run of tokens with spaCy's span attributes."""

    __slots__ = ("doc", "start", "end", "start_char", "end_char", "text", "label_", "root",
                 "ents")

    def __iter__(self):
        return iter(self.doc.tokens[self.start:self.end])

    def __len__(self) -> int:
        return self.end - self.start

    def __getitem__(self, i):
        return self.doc.tokens[self.start:self.end][i]


class DocView(EntitySpans):
    """A parsed doc's tokens, sentences and entities as plain Python objects."""

    def __init__(self, doc, text: Optional[str] = None) -> None:
        self.doc = doc
        # the text the doc was parsed from when its tokens reproduce it (``doc.text`` joins
        # every token on each call), else the joined text
        if text is None or not (len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) == len(text)):
            text = doc.text
        self.text = text
        array = doc.to_array(_ATTRS) if len(doc) else None
        self.tokens = _tokens(self, doc, array) if len(doc) else []
        self.sents = self._sentences(doc, array) if len(doc) else []
        self.sent_starts = [s.start for s in self.sents]
        self._edges: dict[int, tuple[int, int]] = {}

    def __len__(self) -> int:
        return len(self.tokens)

    def close(self) -> None:
        """Break the view's reference cycles (token and head, token and doc, sentence and
        doc) so that it is freed at once: left to the cyclic collector, which runs rarely
        in long runs (``checker.pipeline.tune_collector``), the views of a run pile up and
        each collection walks them all."""
        for tok in self.tokens:
            tok.head = tok.children = None
        self.tokens = self.sents = []

    def __enter__(self) -> "DocView":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __iter__(self):
        return iter(self.tokens)

    def __getitem__(self, i):
        return self.tokens[i]

    def edges(self, i: int) -> tuple[int, int]:
        """spaCy's left and right edge of token ``i`` (the ends of its subtree), read once."""
        found = self._edges.get(i)
        if found is None:
            tok = self.doc[i]
            found = self._edges[i] = (tok.left_edge.i, tok.right_edge.i)
        return found

    def refresh_edges(self, top) -> None:
        """Read the subtree edges of ``top`` and every token under it from the view's own
        tree, after a repair changed it (``reparse``); spaCy's parse no longer holds them."""
        def walk(tok) -> tuple[int, int]:
            lo = hi = tok.i
            for c in tok.children:
                a, b = walk(c)
                lo, hi = min(lo, a), max(hi, b)
            self._edges[tok.i] = (lo, hi)
            return lo, hi
        walk(top)

    def _sentences(self, doc, array) -> list[SpanView]:
        """The sentences as ``Doc.sents`` finds them (a token whose SENT_START is 1 opens
        one), each with its root and entities as ``Span.root`` and ``Span.ents`` find them,
        read from the array rather than through a Span per sentence."""
        if "sents" in doc.user_hooks or "root" in doc.user_span_hooks or \
                not doc.has_annotation("SENT_START"):
            return [self._sentence(s, s.root.i, s.ents) for s in doc.sents]
        opens = array[:, _ATTRS.index(SENT_START)].astype(numpy.int64).tolist()
        heads = array[:, _HEAD_COLUMN].astype(numpy.int64).tolist()
        bounds = [i for i in range(1, len(doc)) if opens[i] == 1]
        ents = list(doc.ents)
        sents = []
        for start, end in zip([0, *bounds], [*bounds, len(doc)]):
            # Span.root: the first token that heads the parse, else spaCy's own search
            root = next((i for i in range(start, end) if heads[i] == 0), None)
            if root is None:
                root = doc[start:end].root.i
            mine = []
            for ent in ents:  # Span.ents
                if ent.start >= start:
                    if ent.end > end:
                        break
                    mine.append(ent)
            sents.append(self._sentence(_Bounds(start, end, self.tokens), root, mine))
        return sents

    def _sentence(self, sent, root: int, ents) -> SpanView:
        view = self._span(sent)
        view.root = self.tokens[root]
        view.ents = []
        for ent in ents:
            e = self._span(ent)
            e.label_ = ent.label_
            self._cut_half(e)
            if self._word_clock(e):
                e.label_ = "TIME"  # "a quarter past nine" tagged as a date, "at about
                # ten to four" as a count: a time of day (no count of nine to cut off it),
                # with the part of the day after it ("in the afternoon") the tagger left out
                part = DAY_PART_AFTER.match(self.text, e.end_char)
                if part is not None:
                    end = e.end
                    while end < len(self.tokens) and self.tokens[end].idx < part.end():
                        end += 1
                    self._set_end(e, end)
            if e.label_ in ("DATE", "MONEY") and WORD_NUMBER.fullmatch(e.text) \
                    and words_to_number([e.text]) is not None:
                e.label_ = "CARDINAL"  # "Fourteen thousand two [hundred] votes" tagged
                # as a date, "twelve thousand nine hundred calls" as money: number words
                # alone are no date and no sum of money
            if e.label_ == "TIME" and _BARE_NUMBERS.fullmatch(e.text):
                e.label_ = "CARDINAL"  # "Routes 9 and 22" tagged as a time: bare numbers
                # in a list tell no time of day
            self._trim_count(e)
            self._trim_title(e)
            self._extend_scale(e)
            self._extend_approximator(e, view.ents)
            self._join_half(e)
            e.root = self._root_of(e.start, e.end)
            view.ents.append(e)
        return view

    def _root_of(self, start: int, end: int) -> TokenView:
        """A span's root as ``Span.root`` finds it in a parse: its first token whose head lies
        outside it (or that heads itself), else its last token."""
        for tok in self.tokens[start:end]:
            if tok.head is tok or not start <= tok.head.i < end:
                return tok
        return self.tokens[end - 1]

    def _span(self, span) -> SpanView:
        view = SpanView()
        view.doc = self
        view.start, view.end = span.start, span.end
        view.start_char, view.end_char = span.start_char, span.end_char
        view.text = self.text[view.start_char:view.end_char]
        view.label_ = ""
        return view


# Two or more bare whole numbers in a list ("9 and 22", "4, 7 and 12"): no time of day
_BARE_NUMBERS = re.compile(r"\d{1,3}(?:\s*,\s*\d{1,3})*\s*(?:,\s*)?(?:and|or)\s+\d{1,3}")


class _Bounds:
    """A sentence's token and character bounds, as a Span has them."""

    def __init__(self, start: int, end: int, tokens: list[TokenView]) -> None:
        self.start, self.end = start, end
        last = tokens[end - 1]
        self.start_char, self.end_char = tokens[start].idx, last.idx + len(last.text)


def _tokens(view: DocView, doc, array) -> list[TokenView]:
    """Every token of ``doc`` with its attributes, head and children."""
    columns = array.T.tolist()
    # HEAD is a signed offset stored in the unsigned array (the string hashes are unsigned)
    heads = array[:, _HEAD_COLUMN].astype(numpy.int64).tolist()
    strings = _STRINGS
    for column in columns[:_STRING_COLUMNS]:
        for key in set(column).difference(strings):
            strings[key] = doc.vocab.strings[key]
    texts, lowers, lemmas, tags, deps, ent_types = (list(map(strings.__getitem__, column))
                                                    for column in columns[:_STRING_COLUMNS])
    poses = [POS_NAMES[p] for p in columns[_ATTRS.index(POS)]]
    flags = [list(map(bool, column)) for column in columns[_ATTRS.index(IS_ALPHA):]]
    tokens = []
    for i, fields in enumerate(zip(columns[_ATTRS.index(IDX)], texts, lowers, lemmas, tags, deps,
                                   ent_types, poses, *flags)):
        tok = TokenView()
        (tok.idx, tok.text, tok.lower_, tok.lemma_, tok.tag_, tok.dep_, tok.ent_type_, tok.pos_,
         tok.is_alpha, tok.is_punct, tok.is_stop, tok.like_num) = fields
        tok.doc, tok.i, tok.children = view, i, []
        tokens.append(tok)
    for tok, offset in zip(tokens, heads):
        tok.head = head = tokens[tok.i + offset]
        if offset:
            head.children.append(tok)  # in token order, as spaCy lists them
    return tokens
