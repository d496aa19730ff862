"""Load an article: read and decode the file, repair mojibake, strip markup, split into units.

Every step keeps a map from clean characters back to characters of the decoded file, so a finding
can always point at the place the user sees. The steps work on a ``Mapped`` string (text plus
one raw offset per character) and only ever use regex passes and list slices, so loading stays
linear in the size of the file.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Mapping, Optional

from checker import furniture
from checker.config import Config
from checker.errors import InputError
from checker.files import read_input
from checker.load.assemble import assemble
from checker.load.clean import shorten_symbol_runs
from checker.load.decode import decode
from checker.load.english import check_english, english_score
from checker.load.html import html_pieces
from checker.load.text import text_pieces
from checker.records import Article

__all__ = ["FORMATS", "english_score", "load_article", "load_bytes", "load_text"]

FORMATS = ("text", "markdown", "html")
_EXTENSIONS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
               ".mdown": "markdown", ".html": "html", ".htm": "html", ".xhtml": "html"}

_LETTERS = re.compile(r"[^\W\d_]{2}")  # a text without two letters in a row has no sentence


def load_article(path: str | os.PathLike, *, doc_id: str | None = None, config: Config | None = None,
                 meta: Mapping[str, str] | None = None, fmt: str | None = None) -> Article:
    """Read, decode, clean and split one article file."""
    config = config or Config()
    name = os.fspath(path)
    data = read_input(name, limit=config.max_bytes)
    return load_bytes(data, doc_id=doc_id or Path(name).name, path=name, fmt=fmt, config=config, meta=meta)


def load_bytes(data: bytes, *, doc_id: str, path: str | None = None, fmt: str | None = None,
               config: Config | None = None, meta: Mapping[str, str] | None = None) -> Article:
    """Decode bytes (BOM, UTF-8, UTF-16, legacy code pages) and load them as an article."""
    config = config or Config()
    name = doc_id if path in (None, "", "-") else path
    if len(data) > config.max_bytes:
        raise InputError(f"{name}: the input is {len(data):,} bytes, more than the limit of "
                         f"{config.max_bytes:,} bytes (max_bytes).", path=name, cause="too-large")
    if not data.strip():
        raise InputError(f"{name}: the file is empty.", path=name, cause="empty")
    raw, encoding = decode(data, name)
    return _load(raw, doc_id=doc_id, path=path, fmt=fmt, config=config, meta=meta,
                 encoding=encoding)


def load_text(text: str, *, doc_id: str, path: str | None = None, fmt: str = "text",
              config: Config | None = None, meta: Mapping[str, str] | None = None) -> Article:
    """Load an already decoded string as an article."""
    return _load(text, doc_id=doc_id, path=path, fmt=fmt, config=config or Config(), meta=meta,
                 encoding="utf-8")


def _load(raw: str, *, doc_id: str, path: Optional[str], fmt: Optional[str], config: Config,
          meta: Optional[Mapping[str, str]], encoding: str) -> Article:
    name = doc_id if path in (None, "", "-") else path
    if fmt is not None and fmt not in FORMATS:
        raise InputError(f"{name}: unknown format {fmt!r}; expected one of {', '.join(FORMATS)}.",
                         path=name, cause="format")
    if not raw.strip():
        raise InputError(f"{name}: the file is empty.", path=name, cause="empty")
    fmt = fmt or _sniff_format(path, raw)
    patterns = furniture.load_patterns((config.lexicon_extra or {}).get("furniture"))
    repairs: list[str] = []
    meta_out = dict(meta or {})
    if fmt == "html":
        pieces = html_pieces(raw, meta_out, repairs)
        repairs.insert(0, "html")
    else:
        pieces = text_pieces(raw, fmt=fmt, repairs=repairs)
    for p in pieces:
        shorter = shorten_symbol_runs(p.m)
        if shorter is not p.m:
            p.m = shorter
            if "long runs of symbols shortened" not in repairs:
                repairs.append("long runs of symbols shortened")
    units, text, offsets = assemble(pieces, patterns, raw_len=len(raw))
    if not any(u.end > u.start for u in units):
        raise InputError(f"{name}: no article text found in the file.", path=name, cause="empty")
    if not _LETTERS.search(text):
        raise InputError(f"{name}: no sentence in the file (only punctuation, figures or "
                         f"symbols).", path=name, cause="no-text")
    check_english(text, units, name, threshold=config.min_english_ratio)
    return Article(doc_id=doc_id, path=path, raw=raw, text=text, units=tuple(units),
                   offsets=tuple(offsets), encoding=encoding, repairs=tuple(repairs), fmt=fmt,
                   meta=tuple(sorted((str(k), str(v)) for k, v in meta_out.items())))


def _sniff_format(path: Optional[str], raw: str) -> str:
    if path:
        ext = Path(path).suffix.lower()
        if ext in _EXTENSIONS:
            return _EXTENSIONS[ext]
    head = raw[:2000].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) or re.search(
            r"<(?:html|body|article|div|p|head)\b[^>]*>", head):
        return "html"
    if re.search(r"(?m)^#{1,6} \S|\[[^\]\n]+\]\([^)\s]+\)|^\s*[-*+] \S.*\n\s*[-*+] \S|\*\*\S", raw[:20000]):
        return "markdown"
    return "text"
