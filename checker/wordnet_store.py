"""The WordNet 3.0 stores and their reader: the senses of a lemma, the lemmas of a sense, and
the pointers between senses that the look-ups of ``checker.wordnet`` follow (hypernyms,
antonyms, derivations, similar-to, pertainyms, part-of).

Two stores give the same answers:

- the data file shipped in the package (``checker/data/wordnet.tsv.gz``, built from the
  WordNet 3.0 database files by ``scripts/build_wordnet.py``; licence in
  ``checker/data/WORDNET-LICENSE.txt``), read once per process at the first look-up;
- a directory of WordNet's own database files (the WNDB format, ``man wndb``): a lemma is
  found by binary search in the sorted ``index.<pos>`` file and a sense read by seeking to
  its byte offset in ``data.<pos>``.

Which store a setting names is ``checker.wordnet``'s to choose (``wordnet.get``).
"""

from __future__ import annotations

import gzip
import mmap
import os
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DATA_FILE = Path(__file__).with_name("data") / "wordnet.tsv.gz"
LICENCE_FILE = Path(__file__).with_name("data") / "WORDNET-LICENSE.txt"
# Pointer symbols (wndb): which relation each one is, for every part of speech.
HYPERNYM = frozenset({"@", "@i"})
HYPONYM = frozenset({"~", "~i"})
ANTONYM = "!"
SAME_SENSE = frozenset({"+", "&", "\\", "<", "$"})  # derivation, similar-to, pertainym, ...
PART_OF = frozenset({"#p"})
# The pointers the look-ups of checker.wordnet follow. A sense keeps only these, from either
# store, so the packaged file stays small; a look-up that follows another (HYPONYM, say) needs
# it added here and the data file rebuilt (scripts/build_wordnet.py).
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


class Store:
    """One WordNet store: a WNDB ``directory``, the packaged ``data_file``
    (``packaged()``), or neither, which knows no words."""

    def __init__(self, directory: str | None,
                 data_file: str | Path | None = None) -> None:
        self.directory = directory
        self.data_file = None if directory is not None else data_file
        self._maps: dict[str, mmap.mmap | None] = {}
        self._packed: _Packed | None = None
        self.synsets = lru_cache(maxsize=50_000)(self._synsets)
        self.synset = lru_cache(maxsize=50_000)(self._synset)

    @classmethod
    def packaged(cls, data_file: str | Path = DATA_FILE) -> Store:
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
        line = _scan(self.text, key, starts[j - 1] if j else bounds[0],
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


def _scan(text: bytes, key: bytes, lo: int, hi: int) -> bytes | None:
    """The row of ``text[lo:hi]`` (whole rows of the packaged data, ``lo`` a row's start)
    whose first field is ``key``, as ``_bsearch`` finds it, by one search of the stretch
    between two samples (a couple of kilobytes) rather than a probe per row."""
    if lo <= 0 or not key or b"\n" in key or b" " in key:
        return _bsearch(text, key, lo, hi)
    needle = b"\n" + key
    at = text.find(needle, lo - 1, hi)  # from the newline that ends the row before lo
    while at >= 0:
        after = at + len(needle)
        if after >= len(text) or text[after] in b" \n":  # the key is the whole first field
            end = text.find(b"\n", at + 1)
            return text[at + 1:end if end >= 0 else len(text)]
        at = text.find(needle, after, hi)
    return None


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
