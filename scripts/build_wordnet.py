"""Build checker's packaged WordNet data from WordNet 3.0's database files (WNDB format).

    .venv/bin/python scripts/build_wordnet.py                      # from /usr/share/wordnet
    .venv/bin/python scripts/build_wordnet.py ~/WordNet-3.0/dict -o /tmp/wordnet.tsv.gz

Writes ``checker/data/wordnet.tsv.gz`` (the format is described in
``checker/wordnet_store.py``) and ``checker/data/WORDNET-LICENSE.txt`` (the licence printed at
the head of the database files). Every lemma and every sense is parsed by the WNDB reader's
own functions (``checker/wordnet_store.py``) and written as that reader returns it, so the
packaged reader gives the same answers; only the pointers the look-ups follow
(``READ_POINTERS``) are kept, and no glosses. The same input gives the same bytes (no time
stamp in the gzip header). Run it again after changing ``READ_POINTERS``;
``tests/test_wordnet.py`` checks the shipped file against a rebuild where the database files
are installed (Debian: ``apt-get install --no-install-recommends wordnet-base``).
"""

from __future__ import annotations

import argparse
import gzip
import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checker import wordnet_store  # after the path set-up: run as a script, not installed

PARTS = ("noun", "verb", "adj", "adv")
LICENCE_INTRO = ("checker/data/wordnet.tsv.gz is derived from the database files of WordNet "
                 "3.0\n(https://wordnet.princeton.edu/), distributed under this licence:\n\n")


def main(argv: list[str] | None = None) -> int:
    """Read the WNDB files once and write the data file and the licence."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("wndb", nargs="?", default="/usr/share/wordnet",
                    help="WordNet 3.0 dict/ directory (default: Debian's /usr/share/wordnet)")
    ap.add_argument("-o", "--output", type=Path, default=wordnet_store.DATA_FILE,
                    help="data file to write (the licence goes beside it)")
    args = ap.parse_args(argv)
    if not os.path.isfile(os.path.join(args.wndb, "index.noun")):
        print(f"build_wordnet: no WordNet database files in {args.wndb}", file=sys.stderr)
        return 2
    data = build(args.wndb)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(data)
    licence = args.output.with_name(wordnet_store.LICENCE_FILE.name)
    licence.write_text(LICENCE_INTRO + licence_text(args.wndb), encoding="utf-8")
    print(f"build_wordnet: wrote {args.output} ({len(data):,} bytes) and {licence}",
          file=sys.stderr)
    return 0


def build(directory: str) -> bytes:
    """The gzip'd data file for the WNDB files in ``directory``."""
    out = io.StringIO()
    out.write(wordnet_store.DATA_FORMAT + "\n")
    out.write("# WordNet 3.0 senses, lemmas and the pointers checker/wordnet.py follows; "
              "built by scripts/build_wordnet.py. Licence: WORDNET-LICENSE.txt\n")
    for pos in PARTS:
        out.write(f"@index {pos}\n")
        for _, line in _lines(directory, f"index.{pos}"):
            lemma = line.split(b" ", 1)[0].decode("utf-8")
            offsets = wordnet_store.parse_index_line(line)
            if not offsets or lemma.startswith(("@", "#")):
                raise ValueError(f"index.{pos}: cannot write the senses of {lemma!r}")
            out.write(f"{lemma} {' '.join(map(str, offsets))}\n")
    for pos in PARTS:
        out.write(f"@synsets {pos}\n")
        for offset, line in _lines(directory, f"data.{pos}"):
            s = wordnet_store.parse_data_line(line, offset, pos)
            if s is None:
                raise ValueError(f"data.{pos}: the reader cannot read the sense at {offset}")
            out.write(_row(s))
    raw = io.BytesIO()
    # mtime 0 and no file name: the same input gives the same bytes
    with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz:
        gz.write(out.getvalue().encode("utf-8"))
    return raw.getvalue()


def _row(s: wordnet_store.Synset) -> str:
    words = [w.replace(" ", "_") for w in s.words]
    for w in words:
        if not w or "|" in w or any(c.isspace() for c in w):
            raise ValueError(f"sense {s.offset}: word {w!r} cannot be written")
    ptrs = "".join(f" {sym} {off} {wordnet_store.POS_LETTER[p]} {src:02x}{dst:02x}"
                   for sym, off, p, src, dst in s.pointers)
    return f"{s.offset:08d} {s.lexname} {'|'.join(words)}{ptrs}\n"


def _lines(directory: str, name: str):
    """(byte offset, line without its end) of every entry of a WNDB file, in file order
    (the licence lines at its head skipped). The reader finds each by that offset
    (data files) or by binary search on its first field (index files)."""
    pos = 0
    with open(os.path.join(directory, name), "rb") as fh:
        for line in fh:
            if line.strip() and not line.startswith(b"  "):
                yield pos, line.rstrip(b"\r\n")
            pos += len(line)


def licence_text(directory: str) -> str:
    """The licence at the head of index.noun, without its line numbers."""
    lines = []
    with open(os.path.join(directory, "index.noun"), encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("  "):
                break
            lines.append(line.strip().split(" ", 1)[1] if " " in line.strip() else "")
    return "\n".join(lines).rstrip() + "\n"


if __name__ == "__main__":
    sys.exit(main())
