"""A small, lazy reader of WordNet 3.0: the senses of a lemma, the lemmas of a sense, and the
pointers between senses that the rules follow (hypernyms, antonyms, derivations, similar-to,
pertainyms, part-of).

Two stores give the same answers:

- the data file shipped in the package (``checker/data/wordnet.tsv.gz``, built from the
  WordNet 3.0 database files by ``scripts/build_wordnet.py``; licence in
  ``checker/data/WORDNET-LICENSE.txt``), read once per process at the first look-up;
- a directory of WordNet's own database files (the WNDB format, ``man wndb``) named by the
  ``wordnet_dir`` setting or ``$CHECKER_WORDNET``: a lemma is found by binary search in the
  sorted ``index.<pos>`` file and a sense read by seeking to its byte offset in
  ``data.<pos>``.

The packaged file is the default; a named directory is read instead when it holds the files,
and "none" (or "off") turns the look-ups off: every look-up then answers "nothing known" and
the rules that use WordNet fall back to exact words.
"""

from __future__ import annotations

import gzip
import mmap
import os
import warnings
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

# spaCy coarse tags -> WordNet file suffixes.
POS_FILE = {"NOUN": "noun", "PROPN": "noun", "VERB": "verb", "ADJ": "adj", "ADV": "adv"}
DATA_FILE = Path(__file__).with_name("data") / "wordnet.tsv.gz"
LICENCE_FILE = Path(__file__).with_name("data") / "WORDNET-LICENSE.txt"
OFF = ("none", "off")
# Pointer symbols (wndb): which relation each one is, for every part of speech.
HYPERNYM = frozenset({"@", "@i"})
HYPONYM = frozenset({"~", "~i"})
ANTONYM = "!"
SAME_SENSE = frozenset({"+", "&", "\\", "<", "$"})  # derivation, similar-to, pertainym, ...
PART_OF = frozenset({"#p"})
# The pointers the look-ups below follow. A sense keeps only these, from either store, so
# the packaged file stays small; a look-up that follows another (HYPONYM, say) needs it added
# here and the data file rebuilt (scripts/build_wordnet.py).
READ_POINTERS = HYPERNYM | SAME_SENSE | PART_OF | {ANTONYM}


@dataclass(frozen=True)
class Synset:
    offset: int  # byte offset in WordNet 3.0's data.<pos>: the sense's id in both stores
    pos: str  # noun | verb | adj | adv (satellites read as adj)
    lexname: int  # lexicographer file number (e.g. 18 = noun.person)
    words: tuple[str, ...]  # lower-case lemmas, spaces for underscores
    pointers: tuple[tuple[str, int, str, int, int], ...]  # (symbol, offset, pos, src, dst)

    def related(self, symbols) -> tuple[tuple[int, str], ...]:
        return tuple((off, pos) for sym, off, pos, _, _ in self.pointers if sym in symbols)


_POS_LETTER = {"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}


def find_dir(configured: str | None = None) -> str | None:
    """The WordNet database directory named by ``configured`` or ``$CHECKER_WORDNET`` when
    it holds the files, else None (the packaged data is read, or nothing with "none")."""
    return _choose(configured)[1]


def _choose(configured: str | None) -> tuple[str, str | None]:
    """("off", None), ("files", directory) or ("packaged", None) for a setting."""
    for d in (configured, os.environ.get("CHECKER_WORDNET")):
        if not d or not d.strip():
            continue
        if d.strip().lower() in OFF:
            return "off", None
        # A named directory without the files is passed over, as it always was: the
        # packaged data answers the same as any WordNet 3.0 directory.
        if os.path.isfile(os.path.join(d, "index.noun")) \
                and os.path.isfile(os.path.join(d, "data.noun")):
            return "files", d
    return "packaged", None


class WordNet:
    """Look-ups into one WordNet store: a WNDB ``directory``, the packaged ``data_file``
    (``WordNet.packaged()``), or neither, which knows no words."""

    def __init__(self, directory: str | None,
                 data_file: str | Path | None = None) -> None:
        self.directory = directory
        self.data_file = None if directory is not None else data_file
        self._maps: dict[str, mmap.mmap | None] = {}
        self._packed: _Packed | None = None
        self.synsets = lru_cache(maxsize=50_000)(self._synsets)
        self.synset = lru_cache(maxsize=50_000)(self._synset)

    @classmethod
    def packaged(cls, data_file: str | Path = DATA_FILE) -> WordNet:
        """The reader of the data file shipped in the package."""
        return cls(None, data_file)

    @property
    def available(self) -> bool:
        return self.directory is not None or self.data_file is not None

    def _map(self, name: str) -> mmap.mmap | None:
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

    def _packed_store(self) -> _Packed:
        # read at the first look-up, not when the reader is made: a check with WordNet
        # off, or a command that runs no rule, never pays for it
        if self._packed is None:
            self._packed = _Packed.load(self.data_file)
        return self._packed

    def _synsets(self, lemma: str, pos: str) -> tuple[int, ...]:
        """Offsets of the senses of ``lemma`` in ``data.<pos>``, most frequent first."""
        if not lemma:
            return ()
        target = lemma.lower().replace(" ", "_")
        if self.data_file is not None:
            return self._packed_store().senses_of(target, pos)
        m = self._map(f"index.{pos}")
        if m is None:
            return ()
        line = _bsearch(m, target.encode("utf-8", "ignore"))
        return () if line is None else parse_index_line(line)

    def _synset(self, offset: int, pos: str) -> Synset | None:
        if self.data_file is not None:
            return self._packed_store().synset(offset, pos)
        m = self._map(f"data.{pos}")
        if m is None or offset >= len(m):
            return None
        end = m.find(b"\n", offset)
        return parse_data_line(m[offset:end if end >= 0 else len(m)], offset, pos)

    # -- relations between lemmas -------------------------------------------------------------

    def synset(self, offset: int, pos: str) -> Synset | None:
        """The sense at ``offset`` of part of speech ``pos`` (a pointer's target)."""
        return self._synset(offset, pos)

    def senses(self, lemma: str, pos: str, limit: int | None = None) -> list[Synset]:
        out = []
        for off in self.synsets(lemma, pos)[:limit]:
            s = self.synset(off, pos)
            if s is not None:
                out.append(s)
        return out

    def knows(self, lemma: str, pos: str) -> bool:
        return bool(self.synsets(lemma, pos))

    def synonyms(self, lemma: str, pos: str, senses: int | None = None) -> frozenset:
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


def parse_index_line(line: bytes) -> tuple[int, ...]:
    """The sense offsets of a line of a WNDB ``index.<pos>`` file, most frequent first."""
    parts = line.split()
    try:
        synset_cnt = int(parts[2])
        p_cnt = int(parts[3])
        offs = parts[4 + p_cnt + 2:]
        return tuple(int(o) for o in offs[:synset_cnt])
    except (ValueError, IndexError):
        return ()


def parse_data_line(line: bytes, offset: int, pos: str) -> Synset | None:
    """The sense on a line of a WNDB ``data.<pos>`` file (its ``READ_POINTERS`` only)."""
    parts = line.split(b" | ", 1)[0].decode("utf-8", "ignore").split()
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
            if sym in READ_POINTERS:
                ptrs.append((sym, int(off), _POS_LETTER.get(p, p), int(st[:2], 16),
                             int(st[2:], 16)))
    except (ValueError, IndexError):
        return None
    return Synset(offset, pos, lexname, words, tuple(ptrs))

LOCATION = 15  # noun.location


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
def _synonyms(wn: WordNet, lemma: str, pos: str, senses: int | None) -> frozenset:
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


# The packaged data file: gzip'd UTF-8 text, a few header lines ("#"), then one section per
# table and part of speech, each opened by a line "@index <pos>" or "@synsets <pos>", whose
# rows are sorted like WordNet's own files so that one binary search serves both stores:
#   index:   lemma (as in index.<pos>), then the offsets of its senses, most frequent first
#   synsets: offset (eight digits), lexname, the words joined by "|" (lower case, "_" for
#            spaces), then the pointers, four fields each: symbol, target offset, target
#            part of speech (n v a r) and src/dst as four hex digits
# scripts/build_wordnet.py writes it from the WNDB files through the reader above.
DATA_FORMAT = "# checker wordnet data 1"
SAMPLE_BYTES = 2048  # see _Packed.samples
POS_LETTER = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}


@dataclass(frozen=True)
class _Packed:
    """The packaged data, unpacked but unparsed: rows are found by binary search and parsed
    when looked up, so loading costs one decompression."""

    text: bytes
    sections: dict[tuple[str, str], tuple[int, int]]  # (table, pos) -> row bytes [lo, hi)
    # (table, pos) -> (keys, starts) of a row every SAMPLE_BYTES, made at the section's first
    # look-up: bisecting them leaves the binary search one short stretch of rows (a long run
    # looks up some 12,000 rows, each about 17 probes of the whole section without them)
    samples: dict = field(default_factory=dict, compare=False)

    @classmethod
    def load(cls, path: str | Path) -> _Packed:
        """Read a data file written by scripts/build_wordnet.py."""
        text = gzip.decompress(Path(path).read_bytes())  # in one call: faster than a GzipFile
        if not text.startswith(DATA_FORMAT.encode() + b"\n"):
            raise ValueError(f"{path}: expected a file starting {DATA_FORMAT!r}, "
                             f"got {text[:40]!r}")
        sections = {}
        at = text.find(b"\n@")
        while at >= 0:
            head_end = text.index(b"\n", at + 1)
            nxt = text.find(b"\n@", head_end)
            table, pos = text[at + 2:head_end].decode().split()
            sections[table, pos] = (head_end + 1, len(text) if nxt < 0 else nxt + 1)
            at = nxt
        return cls(text, sections)

    def _row(self, table: str, pos: str, key: bytes) -> list[bytes] | None:
        bounds = self.sections.get((table, pos))
        if not bounds:
            return None
        keys, starts = self.samples.get((table, pos)) or self._sample(table, pos)
        j = bisect_right(keys, key)  # the rows from sample j - 1 up to sample j hold the key
        line = _bsearch(self.text, key, starts[j - 1] if j else bounds[0],
                        starts[j] if j < len(starts) else bounds[1])
        return line.split() if line is not None else None

    def _sample(self, table: str, pos: str) -> tuple[list[bytes], list[int]]:
        text, (at, hi) = self.text, self.sections[table, pos]
        keys, starts = [], []
        while at < hi:
            end = text.find(b"\n", at, hi)
            end = hi if end < 0 else end
            space = text.find(b" ", at, end)
            keys.append(text[at:end if space < 0 else space])  # the row's first field
            starts.append(at)
            at = text.find(b"\n", at + SAMPLE_BYTES, hi) + 1
            if at <= 0:
                break
        self.samples[table, pos] = keys, starts
        return keys, starts

    def senses_of(self, lemma: str, pos: str) -> tuple[int, ...]:
        row = self._row("index", pos, lemma.encode("utf-8", "ignore"))
        return tuple(int(o) for o in row[1:]) if row else ()

    def synset(self, offset: int, pos: str) -> Synset | None:
        row = self._row("synsets", pos, b"%08d" % offset)
        if row is None:
            return None
        words = tuple(w.replace("_", " ") for w in row[2].decode("utf-8").split("|"))
        f = row[3:]
        ptrs = tuple((f[k].decode(), int(f[k + 1]), _POS_LETTER[f[k + 2].decode()],
                      int(f[k + 3][:2], 16), int(f[k + 3][2:], 16))
                     for k in range(0, len(f), 4))
        return Synset(offset, pos, int(row[1]), words, ptrs)


def _bsearch(m, target: bytes, lo: int = 0, hi: int | None = None) -> bytes | None:
    """The line of a sorted WordNet index file (or of the rows ``lo:hi`` of the packaged
    data) whose first field is ``target``."""
    hi = len(m) if hi is None else hi
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
    """The shared reader for a configuration's ``wordnet_dir`` ("" = $CHECKER_WORDNET, else
    the packaged data)."""
    return get(getattr(config, "wordnet_dir", "") or None)


def get(configured: str | None = None) -> WordNet:
    """The shared reader for a setting: the WNDB directory it (or ``$CHECKER_WORDNET``)
    names, none for "none", else the packaged data. Made once per setting (every rule of
    every check asks); the packaged file is read at the first look-up."""
    setting = (configured, os.environ.get("CHECKER_WORDNET"))
    wn = _SHARED.get(setting)
    if wn is None:
        wn = _SHARED[setting] = _reader(*_choose(configured))
    return wn


def _reader(store: str, directory: str | None) -> WordNet:
    if store == "files":
        return WordNet(directory)
    if store == "packaged":
        if DATA_FILE.is_file():
            return WordNet.packaged()
        warnings.warn(f"checker's WordNet data file {DATA_FILE} is missing (a broken "
                      "install?): DE404 is silent and DG602 uses its own list; reinstall, or "
                      "set $CHECKER_WORDNET to a WordNet 3.0 dict/ directory", stacklevel=3)
    return WordNet(None)
