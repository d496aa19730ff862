"""A small, lazy reader of the WordNet 3.0 database files (the WNDB format, ``man wndb``).

Only what the rules need: the senses of a lemma, the lemmas of a sense, and the pointers
between senses (hypernyms, antonyms, derivations, similar-to). Nothing is loaded up front:
a lemma is found by binary search in the sorted ``index.<pos>`` file, and a sense is read by
seeking to its byte offset in ``data.<pos>``, so a check pays only for the words it looks up.

The files come from Debian's ``wordnet-base`` package (``/usr/share/wordnet``) or any
directory named by ``$CHECKER_WORDNET`` / the ``wordnet_dir`` setting. Without them every
look-up answers "nothing known" and the rules that use WordNet fall back to exact words.
"""

from __future__ import annotations

import mmap
import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

# spaCy coarse tags -> WordNet file suffixes.
POS_FILE = {"NOUN": "noun", "PROPN": "noun", "VERB": "verb", "ADJ": "adj", "ADV": "adv"}
SEARCH_DIRS = ("/usr/share/wordnet", "/usr/local/share/wordnet", "/usr/share/wordnet/dict",
               "/opt/homebrew/share/wordnet", "/usr/local/WordNet-3.0/dict")
# Pointer symbols (wndb): which relation each one is, for every part of speech.
HYPERNYM = frozenset({"@", "@i"})
HYPONYM = frozenset({"~", "~i"})
ANTONYM = "!"
SAME_SENSE = frozenset({"+", "&", "\\", "<", "$"})  # derivation, similar-to, pertainym, ...


@dataclass(frozen=True)
class Synset:
    offset: int
    pos: str  # noun | verb | adj | adv (satellites read as adj)
    lexname: int  # lexicographer file number (e.g. 18 = noun.person)
    words: tuple[str, ...]  # lower-case lemmas, spaces for underscores
    pointers: tuple[tuple[str, int, str, int, int], ...]  # (symbol, offset, pos, src, dst)

    def related(self, symbols) -> tuple[tuple[int, str], ...]:
        return tuple((off, pos) for sym, off, pos, _, _ in self.pointers if sym in symbols)


_POS_LETTER = {"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}


def find_dir(configured: Optional[str] = None) -> Optional[str]:
    """The first directory holding WordNet's database files, or None ("none" turns the
    look-ups off)."""
    candidates = [configured, os.environ.get("CHECKER_WORDNET")]
    wnhome = os.environ.get("WNHOME")
    if wnhome:
        candidates.append(os.path.join(wnhome, "dict"))
    candidates.extend(SEARCH_DIRS)
    for d in candidates:
        if d and d.strip().lower() in ("none", "off"):
            return None
        if d and os.path.isfile(os.path.join(d, "index.noun")) \
                and os.path.isfile(os.path.join(d, "data.noun")):
            return d
    return None


class WordNet:
    """Look-ups into one WordNet directory; an instance without files knows no words."""

    def __init__(self, directory: Optional[str]) -> None:
        self.directory = directory
        self._maps: dict[str, Optional[mmap.mmap]] = {}
        self.synsets = lru_cache(maxsize=50_000)(self._synsets)
        self.synset = lru_cache(maxsize=50_000)(self._synset)

    @property
    def available(self) -> bool:
        return self.directory is not None

    def _map(self, name: str) -> Optional[mmap.mmap]:
        if name not in self._maps:
            m = None
            if self.directory is not None:
                try:
                    with open(os.path.join(self.directory, name), "rb") as fh:
                        m = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
                except (OSError, ValueError):
                    m = None
            self._maps[name] = m
        return self._maps[name]

    def _synsets(self, lemma: str, pos: str) -> tuple[int, ...]:
        """Offsets of the senses of ``lemma`` in ``data.<pos>``, most frequent first."""
        m = self._map(f"index.{pos}")
        if m is None or not lemma:
            return ()
        target = lemma.lower().replace(" ", "_").encode("utf-8", "ignore")
        line = _bsearch(m, target)
        if line is None:
            return ()
        parts = line.split()
        try:
            synset_cnt = int(parts[2])
            p_cnt = int(parts[3])
            offs = parts[4 + p_cnt + 2:]
            return tuple(int(o) for o in offs[:synset_cnt])
        except (ValueError, IndexError):
            return ()

    def _synset(self, offset: int, pos: str) -> Optional[Synset]:
        m = self._map(f"data.{pos}")
        if m is None or offset >= len(m):
            return None
        end = m.find(b"\n", offset)
        raw = m[offset:end if end >= 0 else len(m)].split(b" | ", 1)[0].decode("utf-8", "ignore")
        parts = raw.split()
        try:
            lexname = int(parts[1])
            w_cnt = int(parts[3], 16)
            words = tuple(parts[4 + 2 * i].lower().split("(")[0].replace("_", " ")
                          for i in range(w_cnt))
            i = 4 + 2 * w_cnt
            p_cnt = int(parts[i])
            ptrs = []
            for k in range(p_cnt):
                sym, off, p, st = parts[i + 1 + 4 * k: i + 5 + 4 * k]
                ptrs.append((sym, int(off), _POS_LETTER.get(p, p), int(st[:2], 16),
                             int(st[2:], 16)))
        except (ValueError, IndexError):
            return None
        return Synset(offset, pos, lexname, words, tuple(ptrs))

    # -- relations between lemmas -------------------------------------------------------------

    def senses(self, lemma: str, pos: str, limit: Optional[int] = None) -> list[Synset]:
        out = []
        for off in self.synsets(lemma, pos)[:limit]:
            s = self.synset(off, pos)
            if s is not None:
                out.append(s)
        return out

    def knows(self, lemma: str, pos: str) -> bool:
        return bool(self.synsets(lemma, pos))

    def synonyms(self, lemma: str, pos: str, senses: Optional[int] = None) -> frozenset:
        """Lemmas sharing a sense with ``lemma``, and those one derivation, similarity or
        pertainym link away ("invasion"/"invade", "big"/"large"); ``senses`` keeps to the
        most frequent senses (all by default)."""
        return _synonyms(self, lemma, pos, senses)

    def broader(self, lemma: str, pos: str, depth: int = 2) -> frozenset:
        """Lemmas of the hypernyms of ``lemma``'s senses, up to ``depth`` levels up."""
        return _broader(self, lemma, pos, depth)

    def antonyms(self, lemma: str, pos: str) -> frozenset:
        """Direct antonyms of ``lemma`` (and of adjective heads it is similar to)."""
        return _antonyms(self, lemma, pos)

    def kinds(self, lemma: str, pos: str, senses: int = 1) -> frozenset:
        """Immediate hypernyms of the first senses of ``lemma``, instance hypernyms included;
        an adjective with no noun hypernyms of its own uses its noun senses ("green",
        "Canadian")."""
        return _kinds(self, lemma.lower(), pos, senses)

    def siblings(self, a: str, pos_a: str, b: str, pos_b: str) -> bool:
        """True when ``a`` and ``b`` are different kinds of one thing ("murder" and
        "manslaughter", "green" and "yellow", "Canadian" and "American"): a frequent sense of
        each shares an immediate hypernym, and neither word is a synonym or a hypernym of
        the other."""
        a, b = a.lower(), b.lower()
        if a == b:
            return False
        ka, kb = self.kinds(a, pos_a), self.kinds(b, pos_b)
        if not ka or not kb or not (ka & kb):
            return False
        if b in self.synonyms(a, pos_a) or a in self.synonyms(b, pos_b):
            return False
        if b in self.broader(a, pos_a, 3) or a in self.broader(b, pos_b, 3):
            return False
        return True

    def places(self, name: str) -> tuple[Synset, ...]:
        """The place senses (noun.location) of a name, tried as written, with a final dot
        and without dots ("u.k" -> "u.k."); a nationality adjective leads to its country
        ("british" -> Great Britain)."""
        return _places(self, name.lower().strip())

    def within(self, inner: str, outer: str, depth: int = 4) -> bool:
        """True when the place ``inner`` is ``outer`` or part of it, up to ``depth`` part-of
        links ("london" within "u.k": London, England, United Kingdom)."""
        return _within(self, inner.lower().strip(), outer.lower().strip(), depth)


LOCATION = 15  # noun.location
PART_OF = frozenset({"#p"})


@lru_cache(maxsize=20_000)
def _places(wn: WordNet, name: str) -> tuple[Synset, ...]:
    variants = dict.fromkeys([name, name + ".", name.replace(".", ""), name.replace("-", " ")])
    out: dict[int, Synset] = {}
    for v in variants:
        if not v:
            continue
        for s in wn.senses(v, "noun", 3):
            if s.lexname == LOCATION:
                out.setdefault(s.offset, s)
        for a in wn.senses(v, "adj", 2):
            for sym, off, p, _, _ in a.pointers:
                if sym == "\\" and p == "noun":
                    t = wn.synset(off, p)
                    if t is not None and t.lexname == LOCATION:
                        out.setdefault(t.offset, t)
    return tuple(out.values())


@lru_cache(maxsize=50_000)
def _within(wn: WordNet, inner: str, outer: str, depth: int) -> bool:
    targets = {s.offset for s in wn.places(outer)}
    if not targets:
        return False
    start = [(s.offset, s.pos) for s in wn.places(inner)]
    return any(any(off in targets for off, _ in level)
               for level in _levels(wn, start, PART_OF, depth))


def _levels(wn: WordNet, start: list, symbols, depth: int):
    """The senses ``start`` and, level by level, those reached by ``symbols`` links (each
    sense once), up to ``depth`` links away."""
    frontier = list(start)
    seen = set(frontier)
    for level in range(depth + 1):
        yield frontier
        if level == depth:
            return
        nxt = []
        for ref in frontier:
            s = wn.synset(*ref)
            if s is None:
                continue
            for r in s.related(symbols):
                if r not in seen:
                    seen.add(r)
                    nxt.append(r)
        frontier = nxt

# Lexicographer files whose sister terms are not different facts: times of day and periods
# ("evening"/"night", "week"/"month") are DN501's to judge, as figures.
NO_SIBLINGS = frozenset({28})  # noun.time


@lru_cache(maxsize=20_000)
def _kinds(wn: WordNet, lemma: str, pos: str, senses: int) -> frozenset:
    out: set[tuple[int, str]] = set()
    found = wn.senses(lemma, pos, senses)
    if pos == "adj" and not any(s.related(HYPERNYM) for s in found):
        found = wn.senses(lemma, "noun", senses)
    for s in found:
        if s.lexname not in NO_SIBLINGS:
            out.update(s.related(HYPERNYM))
    return frozenset(out)


@lru_cache(maxsize=20_000)
def _synonyms(wn: WordNet, lemma: str, pos: str, senses: Optional[int]) -> frozenset:
    out: set[str] = set()
    for s in wn.senses(lemma, pos, senses):
        out.update(s.words)
        for sym, off, p, _src, _dst in s.pointers:
            if sym in SAME_SENSE:
                t = wn.synset(off, p)
                if t is not None:
                    out.update(t.words)
    out.discard(lemma.lower())
    return frozenset(out)


@lru_cache(maxsize=20_000)
def _broader(wn: WordNet, lemma: str, pos: str, depth: int) -> frozenset:
    out: set[str] = set()
    start = [(s.offset, s.pos) for s in wn.senses(lemma, pos)]
    for i, level in enumerate(_levels(wn, start, HYPERNYM, depth)):
        if i == 0:
            continue  # the word's own senses are not broader than it
        for ref in level:
            t = wn.synset(*ref)
            if t is not None:
                out.update(t.words)
    return frozenset(out)


@lru_cache(maxsize=20_000)
def _antonyms(wn: WordNet, lemma: str, pos: str) -> frozenset:
    out: set[str] = set()
    low = lemma.lower()
    for s in wn.senses(lemma, pos):
        idx = s.words.index(low) + 1 if low in s.words else -1
        heads = [s]
        if pos == "adj":
            heads += [t for t in (wn.synset(off, p) for sym, off, p, _, _ in s.pointers
                                  if sym == "&") if t is not None]
        for h in heads:
            for sym, off, p, src, dst in h.pointers:
                if sym != ANTONYM:
                    continue
                if h is s and src not in (0, idx):
                    continue  # an antonym of another word of the same sense
                t = wn.synset(off, p)
                if t is None:
                    continue
                if dst and dst <= len(t.words):
                    out.add(t.words[dst - 1])
                else:
                    out.update(t.words)
    out.discard(low)
    return frozenset(out)


def _bsearch(m: mmap.mmap, target: bytes) -> Optional[bytes]:
    """The line of a sorted WordNet index file whose first field is ``target``."""
    lo, hi = 0, len(m)
    while lo < hi:
        mid = (lo + hi) // 2
        start = m.rfind(b"\n", 0, mid) + 1
        end = m.find(b"\n", start)
        if end < 0:
            end = len(m)
        line = m[start:end]
        if line.startswith(b"  "):  # licence header lines sort first
            lo = end + 1
            continue
        word = line.split(b" ", 1)[0]
        if word == target:
            return line
        if word < target:
            lo = end + 1
        else:
            hi = start
    return None


_SHARED: dict[tuple, WordNet] = {}


def for_config(config) -> WordNet:
    """The shared reader for a configuration's ``wordnet_dir`` ("" searches)."""
    return get(getattr(config, "wordnet_dir", "") or None)


def get(configured: Optional[str] = None) -> WordNet:
    """The shared reader for the configured (or first found) WordNet directory (the search
    is done once per setting: every rule of every check asks)."""
    setting = (configured, os.environ.get("CHECKER_WORDNET"), os.environ.get("WNHOME"))
    wn = _SHARED.get(setting)
    if wn is None:
        wn = _SHARED[setting] = WordNet(find_dir(configured))
    return wn
