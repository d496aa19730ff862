"""The library entry point: load -> parse -> extract -> align -> rules, for one or many checks."""

from __future__ import annotations

import gc
import time
from collections import OrderedDict
from typing import Optional, Sequence

from checker.config import Config
from checker.records import Article, CheckResult, Claim, Cue


# Articles whose claims are kept: enough for sources shared by nearby derived texts; a long
# batch or benchmark run then holds a bounded number of claim sets, not all of them.
CLAIM_CACHE = 256


def tune_collector() -> None:
    """Set Python's cyclic garbage collector for long runs of parsing (process-wide).

    The loaded model's objects live as long as the process: frozen, the collector stops
    walking them. Parsing makes objects by the million and few cycles: collecting every
    100,000 allocations instead of 700 saves the collector's walks over every claim and
    parse held in the caches. Measured on Polytope-dev: spaCy parsing inside a run 32.4 s ->
    29.1 s, the whole run 37.1 s -> 33.2 s, with the same peak memory (513 MB).
    ``Pipeline(tune_gc=False)`` leaves the collector (and the allocator, below) alone.
    """
    gc.freeze()
    gc.set_threshold(100_000, 50, 1000)


# glibc's mallopt parameters (malloc.h) and the values long runs set.
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
TRIM_THRESHOLD = 256 * 1024 * 1024  # free memory kept at the heap's top before returning it
MMAP_THRESHOLD = 32 * 1024 * 1024  # glibc's largest: blocks below it come from the heap
_allocator_tuned = False


def tune_allocator() -> bool:
    """Keep freed memory in the process for the next parse batch (glibc only; process-wide).

    spaCy's layers allocate and free arrays of a few hundred kilobytes to megabytes for every
    batch. glibc serves them with mmap and gives freed memory back to the system; a process
    doing nothing but parsing soon raises its own thresholds, but one that extracts and checks
    between batches kept returning memory and faulting it back in: on SummEdits-dev 167,000
    page faults during the parse against 21,000 for spaCy alone, parse CPU 11.2 s -> 10.7 s
    with these thresholds (24,000 faults). Returns whether they were set (False off glibc).
    """
    global _allocator_tuned
    if _allocator_tuned:
        return True
    try:
        import ctypes
        import platform

        if platform.libc_ver()[0] != "glibc":
            return False
        libc = ctypes.CDLL(None)
        _allocator_tuned = bool(libc.mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)
                                and libc.mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD))
    except (OSError, AttributeError, ValueError):
        return False
    return _allocator_tuned


def allocator_tuned() -> bool:
    """Whether ``tune_allocator`` has set this process's thresholds."""
    return _allocator_tuned


class Pipeline:
    """Holds the spaCy pipeline, lexicons and configuration for any number of checks.

    Claims of an article are memoised by its text, so a source shared by several derived
    texts is parsed and extracted once. ``parse_seconds`` accumulates time spent in spaCy.
    """

    def __init__(self, config: Optional[Config] = None, *, nlp=None,
                 cache_dir: Optional[str] = None, tune_gc: bool = True) -> None:
        from checker.extract import Extractor
        from checker.lexicon import load_lexicon
        from checker.parse import Parser

        self.config = config or Config()
        self.parser = Parser(self.config, nlp=nlp, cache_dir=cache_dir)
        if tune_gc:
            tune_collector()
            tune_allocator()
        self.lexicon = load_lexicon(self.config.lexicon_extra)
        self.extractor = Extractor(self.lexicon)
        self._claims: OrderedDict[tuple[str, str], tuple[Claim, ...]] = OrderedDict()
        self._indexes: dict = {}
        self.extract_seconds = 0.0

    @property
    def parse_seconds(self) -> float:
        return self.parser.seconds

    @property
    def model(self) -> str:
        return self.config.model

    def claims(self, article: Article) -> tuple[Claim, ...]:
        """The claims of one article (memoised by document id and text)."""
        return self.claims_many([article])[0]

    def claims_many(self, articles: Sequence[Article], *, n_process: int = 1,
                    batch_size: int = 64) -> list[tuple[Claim, ...]]:
        """The claims of several articles, parsing the ones not seen yet in one batch."""
        keys = [(a.doc_id, a.text) for a in articles]
        for key in keys:
            if key in self._claims:
                self._claims.move_to_end(key)  # least recently used articles go first
        # Each article not seen yet, once, however often it is listed (a shared source).
        todo = list({key: a for a, key in zip(articles, keys) if key not in self._claims}.values())
        if todo:
            parsed = self.parser.parse_many(todo, n_process=n_process, batch_size=batch_size)
            t0 = time.perf_counter()
            for p in parsed:
                self._claims[(p.article.doc_id, p.article.text)] = self.extractor.extract(p)
            self.extract_seconds += time.perf_counter() - t0
        found = [self._claims[key] for key in keys]
        while len(self._claims) > CLAIM_CACHE:  # bound memory in long runs
            self._claims.popitem(last=False)
        return found

    def strength(self, article: Article) -> tuple[int, Optional[Cue]]:
        """Claim strength (0-3) of a short text and its cue: its strongest claim's.

        The strength the certainty rules compare (``checker.strength``): 0 no relation,
        1 correlational, 2 conditional causal, 3 direct causal.
        """
        from checker.strength import text_strength

        return text_strength(self.claims(article))

    def check(self, derived: Article, sources: Sequence[Article]) -> CheckResult:
        """Check one derived article against its sources."""
        from checker.check import check_claims

        claim_sets = self.claims_many([derived, *sources])
        source_claims = tuple(c for cs in claim_sets[1:] for c in cs)
        index = self._index_for(sources, source_claims)
        return check_claims(derived, claim_sets[0], tuple(sources), source_claims,
                            config=self.config, lexicon=self.lexicon, index=index)

    def _index_for(self, sources: Sequence[Article], source_claims: Sequence[Claim]):
        from checker.check import source_index

        # (the outlet and date too: the index counts a source's outlet as a name it gives,
        # and its date as the day its weekdays are read from)
        key = tuple((s.doc_id, s.text, s.meta_value("outlet"), s.meta_value("date"))
                    for s in sources)
        index = self._indexes.get(key)
        if index is None:
            index = source_index(sources, tuple(source_claims))
            if len(self._indexes) >= 32:  # a few recent source sets are enough to share work
                self._indexes.pop(next(iter(self._indexes)))
            self._indexes[key] = index
        return index

    def rank_sources(self, derived: Article,
                     candidates: Sequence[Article]) -> list[tuple[str, float]]:
        """Candidate source texts ranked by the aligner's support for the derived text:
        (doc_id, best alignment score of any of its claims), best first. Candidates the
        aligner does not pick as support for any derived claim are left out."""
        from checker.align import align

        claim_sets = self.claims_many([derived, *candidates])
        index = self._index_for(candidates, [c for cs in claim_sets[1:] for c in cs])
        best: dict[str, float] = {}
        for al in align(claim_sets[0], index):
            for cid, score in zip(al.support, al.scores):
                doc = index.by_id[cid].doc_id
                best[doc] = max(best.get(doc, 0.0), score)
        return sorted(best.items(), key=lambda kv: -kv[1])
