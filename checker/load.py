"""Load an article: read and decode the file, repair mojibake, strip markup, split into units.

Every step keeps a map from clean characters back to characters of the decoded file, so a finding
can always point at the place the user sees. The steps work on a ``_Mapped`` string (text plus
one raw offset per character) and only ever use regex passes and list slices, so loading stays
linear in the size of the file.
"""

from __future__ import annotations

import codecs
import html as html_lib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Mapping, Optional, Sequence

from checker import furniture
from checker.config import Config
from checker.directives import is_directive_line
from checker.frontmatter import front_matter_span
from checker.errors import InputError
from checker.files import read_input
from checker.records import Article, Unit

FORMATS = ("text", "markdown", "html")
_EXTENSIONS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
               ".mdown": "markdown", ".html": "html", ".htm": "html", ".xhtml": "html"}

# A heading is a short line: at most this many words and no final sentence punctuation.
HEADING_MAX_WORDS = 12
# Texts with fewer words than this are not judged by the English check.
ENGLISH_MIN_WORDS = 8
# Texts with fewer words than this are refused only when they show signs of another language.
ENGLISH_SHORT_WORDS = 15
# Share of function words that ordinary English prose reaches with room to spare; the score
# compared with ``config.min_english_ratio`` is the measured share divided by this.
ENGLISH_FULL_SHARE = 0.2
_ENGLISH_SAMPLE = 2000

_FUNCTION_WORDS = frozenset("""
a about above across after against ago all along also although am among an and another any are
around as at be because been before being below between both but by can could did do does doing
down during each either even ever every few for from had has have having he her here hers herself
him himself his how however i if in into is it its itself just least less many may me might more
most much must my myself neither no nor not now of off on once one only onto or other our ours
out over own per rather said says shall she should since so some such than that the their theirs
them themselves then there these they this those though through to too toward towards under
unless until up upon us very was we were what when where whether which while who whom whose why
will with within without would yet you your yours also still new
""".split())
# Function words of French, German, Spanish, Italian, Portuguese and Dutch that are not English
# words (and rarely parts of English names), for the English check.
_FOREIGN_WORDS = frozenset("""
le les des du une est et dans pour qui sur avec pas ont été sont au aux cette ces il elle nous
vous ils mais selon leur où der das und ist nicht ein eine mit dem zu auf sich auch wird wurde
sind nach bei für über oder einer eines el los las y que del por una es para como más pero
sus fue han está entre il di che della gli sono nel dei delle alla anche questo ha os não em
uma ao dos foi pelo pela mais então het een niet zijn voor wordt ook maar bij werd naar deze
""".split())


@dataclass
class _Mapped:
    """Text plus the raw offset of each character and one past the end (mutable builder)."""

    text: str
    offs: list[int]

    @classmethod
    def identity(cls, text: str) -> "_Mapped":
        return cls(text, list(range(len(text) + 1)))

    def slice(self, start: int, end: int) -> "_Mapped":
        return _Mapped(self.text[start:end], self.offs[start:end + 1])


Replacement = tuple[str, Sequence[int]]  # new text, and for each new char a position in the old text


def _sub(m: _Mapped, pattern: re.Pattern, repl: Callable[[re.Match], Replacement]) -> _Mapped:
    """Regex substitution that carries the offset map along."""
    parts: list[str] = []
    offs: list[int] = []
    last = 0
    for mt in pattern.finditer(m.text):
        start, end = mt.span()
        parts.append(m.text[last:start])
        offs.extend(m.offs[last:start])
        new, positions = repl(mt)
        parts.append(new)
        offs.extend(m.offs[p] for p in positions)
        last = end
    if not parts:
        return m
    parts.append(m.text[last:])
    offs.extend(m.offs[last:])
    return _Mapped("".join(parts), offs)


def _keep(*groups: int) -> Callable[[re.Match], Replacement]:
    """A replacement that keeps the listed groups of the match and drops the rest."""
    def repl(mt: re.Match) -> Replacement:
        text, pos = [], []
        for g in groups:
            s, e = mt.span(g)
            if s < 0:
                continue
            text.append(mt.group(g))
            pos.extend(range(s, e))
        return "".join(text), pos
    return repl


def _const(value: str) -> Callable[[re.Match], Replacement]:
    return lambda mt: (value, [mt.start()] * len(value))


# --------------------------------------------------------------------------------------------
# Public entry points
# --------------------------------------------------------------------------------------------

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
    raw, encoding = _decode(data, name)
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
        pieces = _html_pieces(raw, meta_out, repairs)
        repairs.insert(0, "html")
    else:
        pieces = _text_pieces(raw, fmt=fmt, repairs=repairs)
    for p in pieces:
        shorter = _shorten_symbol_runs(p.m)
        if shorter is not p.m:
            p.m = shorter
            if "long runs of symbols shortened" not in repairs:
                repairs.append("long runs of symbols shortened")
    units, text, offsets = _assemble(pieces, patterns, raw_len=len(raw))
    if not any(u.end > u.start for u in units):
        raise InputError(f"{name}: no article text found in the file.", path=name, cause="empty")
    if not _LETTERS.search(text):
        raise InputError(f"{name}: no sentence in the file (only punctuation, figures or "
                         f"symbols).", path=name, cause="no-text")
    _check_english(text, units, name, threshold=config.min_english_ratio)
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


# --------------------------------------------------------------------------------------------
# Decoding
# --------------------------------------------------------------------------------------------

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_BINARY_MAGIC = (b"\x89PNG", b"PK\x03\x04", b"%PDF", b"GIF8", b"\xff\xd8\xff", b"\x1f\x8b",
                 b"\x7fELF", b"BZh", b"7z\xbc\xaf")
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"
_WESTERN = re.compile(r"[A-Za-z\u00c0-\u00ff\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u2022\u20ac"
                      r"\u2122\u00a0-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e]")


def _decode(data: bytes, name: str) -> tuple[str, str]:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: the file starts with a {enc} byte-order mark but is not "
                                 f"valid {enc}.", path=name, cause="encoding") from exc
            return text.lstrip("\ufeff"), enc.replace("-sig", "")
    if data.startswith(_BINARY_MAGIC):
        raise InputError(f"{name}: this is a binary file, not text.", path=name, cause="binary")
    sample = data[:65536]
    if b"\x00" in sample:
        guessed = _utf16_without_bom(data)
        if guessed is not None:
            return guessed
        raise InputError(f"{name}: this is a binary file, not text (it holds NUL bytes).",
                         path=name, cause="binary")
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > 0.05 * len(sample):
        raise InputError(f"{name}: this is a binary file, not text (it is mostly control bytes).",
                         path=name, cause="binary")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    cp1252 = _try_cp1252(data)
    if cp1252 is not None:
        return cp1252, "cp1252"
    return _decode_detected(data, name)


def _utf16_without_bom(data: bytes) -> Optional[tuple[str, str]]:
    # ASCII-heavy UTF-16 has a NUL in every other byte; the side that is NUL gives the order.
    sample = data[:4096]
    if len(data) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    for enc, zeros in (("utf-16-le", odd), ("utf-16-be", even)):
        if zeros > 0.6 * half:
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                return None
    return None


def _try_cp1252(data: bytes) -> Optional[str]:
    # charset-normalizer often names a sibling code page (cp1250) for Western text, which turns
    # "è" into "č"; cp1252 is by far the likeliest legacy encoding of English news, so accept it
    # when its decoding is plausibly Western: few non-ASCII characters, all from Latin-1 or
    # typographic punctuation.
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    non_ascii = [c for c in text if ord(c) > 127] if len(text) < 200_000 else \
        re.findall(r"[^\x00-\x7f]", text)
    if not non_ascii:
        return text
    letters = sum(1 for c in text[:200_000] if c.isalpha()) or 1
    if len(non_ascii) > 0.15 * letters:
        return None
    western = sum(1 for c in non_ascii if _WESTERN.match(c))
    return text if western >= 0.95 * len(non_ascii) else None


def _decode_detected(data: bytes, name: str) -> tuple[str, str]:
    try:
        from charset_normalizer import from_bytes
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise InputError(f"{name}: the file is not UTF-8 and charset-normalizer is not installed.",
                         path=name, cause="encoding") from exc
    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{name}: cannot tell the text encoding of the file (not UTF-8, UTF-16 "
                         f"or a known code page).", path=name, cause="encoding")
    return str(best), best.encoding


# --------------------------------------------------------------------------------------------
# Repairs and normalisation
# --------------------------------------------------------------------------------------------

# Characters cp874 gives to bytes 0x80-0xFF: the Thai block plus the Windows punctuation row.
_THAI_RUN = re.compile(r"[\u0e01-\u0e5b\u20ac\u2026\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u00a0]*"
                       r"[\u0e01-\u0e5b][\u0e01-\u0e5b\u20ac\u2026\u2018\u2019\u201c\u201d\u2022"
                       r"\u2013\u2014\u00a0]*")
# What mojibake may decode to: Latin-1 symbols and letters, general punctuation, currency,
# letterlike symbols, arrows, math and box-drawing characters.
_PLAUSIBLE = re.compile(r"[\u00a0-\u024f\u2000-\u2bff]+")
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
# UTF-8 continuation bytes 0x80-0xBF as cp1252 shows them (Latin-1 where cp1252 has a hole).
_CONTINUATION = "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in range(0x80, 0xC0))
_MOJIBAKE_HINT = re.compile(f"[\u00c2-\u00f4][{re.escape(_CONTINUATION)}]")


def _utf8_positions(fixed: str, run_start: int, run_len: int) -> list[int]:
    """Map each repaired char to the first raw char of its byte sequence (one raw char a byte)."""
    pos, out = run_start, []
    for ch in fixed:
        out.append(min(pos, run_start + run_len - 1))
        pos += len(ch.encode("utf-8"))
    return out


def _fix_cp874(mt: re.Match) -> Replacement:
    run = mt.group()
    try:
        fixed = run.encode("cp874").decode("utf-8")
    except UnicodeError:
        return run, range(mt.start(), mt.end())
    if not _PLAUSIBLE.fullmatch(fixed):
        return run, range(mt.start(), mt.end())
    return fixed, _utf8_positions(fixed, mt.start(), len(run))


def _repair(m: _Mapped, repairs: list[str]) -> _Mapped:
    if re.search(r"[\u0e01-\u0e5b]", m.text):
        fixed = _sub(m, _THAI_RUN, _fix_cp874)
        if fixed.text != m.text:
            repairs.append("mojibake cp874 (UTF-8 read as Thai)")
            m = fixed
    try:
        import ftfy
        from ftfy.badness import is_bad
    except ImportError:  # pragma: no cover - a declared dependency
        return m
    # ftfy's badness scan costs a pass over every text; mojibake of this kind always holds a
    # UTF-8 lead byte read as a Latin letter followed by a continuation byte, so look for that.
    if not _MOJIBAKE_HINT.search(m.text) or not is_bad(m.text):
        return m

    def fix(mt: re.Match) -> Replacement:
        run = mt.group()
        fixed = ftfy.fix_encoding(run)
        if fixed == run:
            return run, range(mt.start(), mt.end())
        if len(fixed.encode("utf-8")) == len(run):
            return fixed, _utf8_positions(fixed, mt.start(), len(run))
        return fixed, [min(mt.start() + i, mt.end() - 1) for i in range(len(fixed))]

    fixed = _sub(m, _NON_ASCII_RUN, fix)
    if fixed.text != m.text:
        repairs.append("mojibake (UTF-8 read as a Windows code page, fixed with ftfy)")
        m = fixed
    return m


_NORMALISE = re.compile(r"\r\n?|[\u200b-\u200d\u2060\ufeff\u00ad]"
                        r"|[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\f\v\u2028\u2029\x85]")


def _normalise_repl(mt: re.Match) -> Replacement:
    ch = mt.group()
    if ch[0] == "\r" or ch in "\u2028\u2029\x85":
        return "\n", [mt.start()]
    if ch in "\u200b\u200c\u200d\u2060\ufeff\u00ad":
        return "", []
    return " ", [mt.start()]


def _normalise(m: _Mapped) -> _Mapped:
    return _sub(m, _NORMALISE, _normalise_repl)


# Only whitespace that changes: runs of two or more, and lone tabs or newlines. Matching every
# single space (r"\s+") made squeezing a Python callback per word, a third of the loading time.
_SPACES = re.compile(r"\s{2,}|[^\S ]")


def _squeeze(m: _Mapped) -> _Mapped:
    """Strip a unit and collapse runs of whitespace (newlines included) to one space."""
    m = _sub(m, _SPACES, lambda mt: (" ", [mt.start()]))
    start, end = 0, len(m.text)
    while start < end and m.text[start] == " ":
        start += 1
    while end > start and m.text[end - 1] == " ":
        end -= 1
    return m.slice(start, end)


# Runs of symbols (underscores included) with no letter, digit or space between them, longer than any language needs
# ('"?!)' is four). spaCy's tokenizer strips prefixes and suffixes one at a time and copies
# the rest of the token each time, so such a run costs time quadratic in its length: 8,000
# closing brackets took 10.6 s to parse, 31,000 several minutes. A run keeps its first and
# last SYMBOL_RUN_KEEP characters (a closing quotation mark at its end still closes the
# quotation); every kept character still points at its place in the user's file.
SYMBOL_RUN_KEEP = 6
_SYMBOL_RUN = re.compile(r"(?:[^\w\s]|_){%d,}" % (2 * SYMBOL_RUN_KEEP + 1))


def _shorten_symbol_runs(m: _Mapped) -> _Mapped:
    """Cut each overlong run of symbols to its first and last SYMBOL_RUN_KEEP characters."""
    def repl(mt: re.Match) -> Replacement:
        start, end = mt.span()
        keep = [*range(start, start + SYMBOL_RUN_KEEP), *range(end - SYMBOL_RUN_KEEP, end)]
        return "".join(m.text[i] for i in keep), keep
    return _sub(m, _SYMBOL_RUN, repl)


# --------------------------------------------------------------------------------------------
# Plain text and Markdown structure
# --------------------------------------------------------------------------------------------

@dataclass
class _Piece:
    """A unit before furniture marking: its mapped text, kind, heading level, block start."""

    m: _Mapped
    kind: str
    level: int = 0
    new_block: bool = True
    furniture: Optional[str] = None


_BULLET = re.compile(r"[ \t]*(?:[•·▪◦‣●○■□–—]\s*|[-*+]\s+|\(?\d{1,3}[.)]\s+|\(?[a-z][.)]\s+(?=[A-Z]))")
_MD_BULLET = re.compile(r"[ \t]*(?:[-*+•]\s+|\d{1,3}[.)]\s+)")
_MD_HEADING = re.compile(r"[ \t]{0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_MD_RULE = re.compile(r"[ \t]{0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
_MD_SETEXT = re.compile(r"[ \t]{0,3}(=+|-+)[ \t]*$")
_LETTERS = re.compile(r"[^\W\d_]{2}")  # a text without two letters in a row has no sentence
_MD_FENCE = re.compile(r"[ \t]{0,3}(```|~~~)")
_MD_REFDEF = re.compile(r"[ \t]{0,3}\[[^\]]+\]:\s*\S+.*$")
_MD_QUOTE = re.compile(r"[ \t]{0,3}(?:>[ \t]?)+")
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")


def _lines(text: str) -> Iterable[tuple[int, int]]:
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line)
        pos += len(line) + 1


def _text_pieces(raw: str, *, fmt: str, repairs: list[str]) -> list[_Piece]:
    m = _normalise(_repair(_Mapped.identity(raw), repairs))
    md = fmt == "markdown"
    lines = list(_lines(m.text))
    text = m.text
    front = front_matter_span(text)  # a draft's YAML front matter is not article text
    # First pass: classify each line as blank / bullet / heading / text / skip.
    kinds: list[tuple[str, int, int, int]] = []  # (kind, content start, end, level)
    fence = False
    for i, (s, e) in enumerate(lines):
        line = text[s:e]
        if md and _MD_FENCE.match(line):
            fence = not fence
            kinds.append(("skip", s, e, 0))
            continue
        if fence:
            kinds.append(("code", s, e, 0))
            continue
        if not line.strip():
            kinds.append(("blank", s, e, 0))
            continue
        if front and s < front[1]:
            kinds.append(("skip", s, e, 0))
            continue
        if is_directive_line(line):  # an editor's suppression comment: not article text
            kinds.append(("skip", s, e, 0))
            continue
        if md:
            q = _MD_QUOTE.match(line)
            if q:
                s += q.end()
                line = text[s:e]
            h = _MD_HEADING.match(line)
            if h:
                kinds.append(("heading", s + h.start(2), s + h.end(2), len(h.group(1))))
                continue
            if _MD_RULE.match(line) or _MD_REFDEF.match(line):
                kinds.append(("skip", s, e, 0))
                continue
            st = _MD_SETEXT.match(line)
            if st and kinds and kinds[-1][0] == "text":
                prev = kinds[-1]
                kinds[-1] = ("heading", prev[1], prev[2], 1 if st.group(1)[0] == "=" else 2)
                kinds.append(("skip", s, e, 0))
                continue
        b = (_MD_BULLET if md else _BULLET).match(line)
        if b and b.end() < len(line.rstrip()):
            kinds.append(("bullet", s + b.end(), e, 0))
            continue
        kinds.append(("text", s, e, 0))
    _mark_headings(kinds, text)
    # Second pass: glue consecutive text lines of a block into paragraphs.
    pieces: list[_Piece] = []
    new_block = True
    para: Optional[tuple[int, int, bool]] = None
    code: Optional[tuple[int, int, bool]] = None

    def flush() -> None:
        nonlocal para, code
        if para is not None:
            pieces.append(_Piece(m.slice(para[0], para[1]), "paragraph", new_block=para[2]))
            para = None
        if code is not None:
            pieces.append(_Piece(m.slice(code[0], code[1]), "paragraph", new_block=code[2],
                                 furniture="code block"))
            code = None

    for kind, s, e, level in kinds:
        if kind in ("blank", "skip"):
            flush()
            new_block = new_block or kind == "blank"
            continue
        if kind == "code":
            code = (code[0], e, code[2]) if code else (s, e, new_block)
            new_block = False
            continue
        if kind == "text":
            para = (para[0], e, para[2]) if para else (s, e, new_block)
            new_block = False
            continue
        flush()
        pieces.append(_Piece(m.slice(s, e), kind, level=level, new_block=new_block))
        new_block = False
    flush()
    out = []
    for p in pieces:
        pm = _md_inline(p.m) if md and p.furniture is None else p.m
        pm = _squeeze(pm)
        if pm.text:
            p.m = pm
            out.append(p)
    return out


def _mark_headings(kinds: list[tuple[str, int, int, int]], text: str) -> None:
    """Turn short unpunctuated text lines that are followed by more text into headings."""
    wrapped = _wrapped_blocks(kinds)
    n = len(kinds)
    # The next line that is neither blank nor skipped, for every line, in one backward pass
    # (looking ahead from each line made files of many short lines quadratic).
    following: list[Optional[int]] = [None] * n
    ahead: Optional[int] = None
    for i in range(n - 1, -1, -1):
        following[i] = ahead
        if kinds[i][0] not in ("blank", "skip"):
            ahead = i
    for i, (kind, s, e, level) in enumerate(kinds):
        if kind != "text" or i in wrapped:
            continue
        line = _strip_md_emphasis(text[s:e].strip())
        # A quotation ends a sentence too: '"His future is here."' is no heading.
        last = line.rstrip("\"'”’)]»")[-1:]
        if not last or last in ".!?:;,…" or not (line[0].isupper() or line[0].isdigit()
                                                 or line[0] in "\"'“‘"):
            continue
        if len(_WORD.findall(line)) > HEADING_MAX_WORDS:
            continue
        j = following[i]
        if j is None:
            continue
        follower = text[kinds[j][1]:kinds[j][2]].lstrip()
        if j == i + 1 and kinds[j][0] == "text" and follower[:1].islower():
            continue  # a wrapped sentence goes on in lower case
        kinds[i] = ("heading", s, e, 0)


def _strip_md_emphasis(line: str) -> str:
    return line.strip("*_` ")


def _wrapped_blocks(kinds: list[tuple[str, int, int, int]]) -> set[int]:
    """Indexes of text lines in hard-wrapped blocks (several long lines of about equal length)."""
    out: set[int] = set()
    block: list[int] = []
    for i, k in enumerate(kinds + [("blank", 0, 0, 0)]):
        if k[0] == "text":
            block.append(i)
            continue
        if len(block) >= 3:
            lengths = [kinds[j][2] - kinds[j][1] for j in block[:-1]]
            top = max(lengths)
            if top >= 40 and sum(1 for x in lengths if x >= 0.7 * top) >= 0.7 * len(lengths):
                out.update(block)
        block = []
    return out


# No pattern here may scan to the end of the line from every opening mark it fails on: on a
# hostile line ("[a](" or "*a " repeated) that is quadratic (110 s for 180 KB). Brackets do
# not nest, and emphasis spans at most _MD_SPAN characters.
_MD_SPAN = 300
_MD_IMAGE = re.compile(r"!\[([^\[\]\n]*)\]\([^()\n]*\)")
_MD_LINK = re.compile(r"\[([^\[\]\n]+)\](?:\([^()\n]*\)|\[[^\[\]\n]*\])")
_MD_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.{1,%d}?)(?<=\S)\1" % _MD_SPAN)
_MD_EM = re.compile(r"(?<![\w*])\*(?=[^\s*])(.{1,%d}?)(?<=[^\s*])\*(?![\w*])|(?<![\w_])_(?=[^\s_])(.{1,%d}?)(?<=[^\s_])_(?![\w_])" % (_MD_SPAN, _MD_SPAN))
_MD_CODE = re.compile(r"`+([^`\n]{1,%d}?)`+" % _MD_SPAN)
_MD_STRIKE = re.compile(r"~~(?=\S)(.{1,%d}?)(?<=\S)~~" % _MD_SPAN)
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])")
_MD_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>")


def _md_inline(m: _Mapped) -> _Mapped:
    """Strip Markdown inline syntax, keeping the words and their offsets."""
    m = _sub(m, _MD_IMAGE, lambda mt: ("", []))
    m = _sub(m, _MD_LINK, _keep(1))
    m = _sub(m, _MD_AUTOLINK, _keep(1))
    m = _sub(m, _MD_CODE, _keep(1))
    m = _sub(m, _MD_STRONG, _keep(2))
    m = _sub(m, _MD_EM, _keep(1, 2))
    m = _sub(m, _MD_STRIKE, _keep(1))
    m = _sub(m, _MD_TAG, _const(" "))
    return _sub(m, _MD_ESCAPE, _keep(1))


# --------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------

# An unclosed comment, script or CDATA section runs to the end of the page, as in a browser:
# searching for its end again from each of a thousand unclosed "<!--" was quadratic. Tags do
# not hold "<", so a stray "<" costs a look to the next one, not to the end of the page.
_HTML_DROP = re.compile(r"(?is)<!--.*?(?:-->|\Z)|<(script|style|noscript|template|svg)\b.*?"
                        r"(?:</\1\s*>|\Z)|<!\[CDATA\[.*?(?:\]\]>|\Z)"
                        r"|<!doctype[^<>]*>?|<\?[^<>]*>?")
_HTML_INLINE_TAG = re.compile(r"(?i)</?(?:a|b|i|em|strong|span|sup|sub|small|u|abbr|code|mark|q|"
                              r"cite|time|font|s|strike|del|ins|kbd|var|bdi|bdo|wbr)\b[^<>]*>")
_HTML_TAG = re.compile(r"<[^<>]*>")
_HTML_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")


def _visible(raw: str) -> _Mapped:
    """The raw HTML's visible text (tags, scripts, comments removed, entities decoded), mapped."""
    m = _sub(_Mapped.identity(raw), _HTML_DROP, lambda mt: (" ", [mt.start()]))
    m = _sub(m, _HTML_INLINE_TAG, lambda mt: ("", []))
    m = _sub(m, _HTML_TAG, lambda mt: (" ", [mt.start()]))

    def entity(mt: re.Match) -> Replacement:
        value = html_lib.unescape(mt.group())
        return value, [mt.start()] * len(value)

    m = _sub(m, _HTML_ENTITY, entity)
    m = _normalise(m)
    return _sub(m, _SPACES, lambda mt: (" ", [mt.start()]))


def _html_blocks(raw: str, meta: dict, repairs: list[str]) -> list[tuple[str, str, int]]:
    """(text, kind, level) of each block of the article body, by trafilatura or lxml."""
    blocks = _trafilatura_blocks(raw, meta)
    if blocks:
        return blocks
    blocks = _lxml_blocks(raw)
    if blocks:
        repairs.append("html fallback (lxml body text)")
        return blocks
    blocks = _tag_blocks(raw)
    if blocks:
        repairs.append("html fallback (text between block tags)")
    return blocks


def _html_parser():
    """lxml's HTML parser with libxml2's deep-tree limit raised: by default a page nested
    more than 255 elements deep loses everything below, and pages built of nested <div>s
    reach that."""
    import lxml.html

    return lxml.html.HTMLParser(huge_tree=True)


def _pre_clean(raw: str):
    """Parse the page and drop navigation, asides and page-level header/footer (trafilatura's
    fallback for short pages would keep their text)."""
    import lxml.html
    from lxml import etree

    try:
        doc = lxml.html.document_fromstring(raw, parser=_html_parser())
    except (etree.ParserError, ValueError):
        return None
    for el in doc.xpath("//nav|//aside|//script|//style|//noscript|//template|//form"
                        "|//header[not(ancestor::article or ancestor::main)]"
                        "|//footer[not(ancestor::article or ancestor::main)]"):
        el.drop_tree()
    return doc


def _trafilatura_blocks(raw: str, meta: dict) -> list[tuple[str, str, int]]:
    try:
        import trafilatura
        from lxml import etree
    except ImportError:  # pragma: no cover - declared dependencies
        return []
    title = _html_title(raw)
    if title:
        meta.setdefault("title", title)
    tree = _pre_clean(raw)
    if tree is None:
        return []
    try:
        xml = trafilatura.extract(tree, output_format="xml", include_comments=False,
                                  include_tables=True, include_links=False, include_images=False,
                                  include_formatting=False)
    except (ValueError, TypeError, AttributeError, RecursionError):  # odd input
        return []
    if not xml:
        return []
    try:
        root = etree.fromstring(xml.encode("utf-8"))
    except etree.XMLSyntaxError:
        return []
    body = root.find("main")
    if body is None:
        body = root
    out: list[tuple[str, str, int]] = []
    for el in body.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "head":
            level = int(re.sub(r"\D", "", el.get("rend", "") or "") or 2)
            out.append((_el_text(el), "heading", level))
        elif tag == "item":
            out.append((_el_text(el), "bullet", 0))
        elif tag in ("p", "quote", "row", "code") and not _has_block_child(el):
            out.append((_el_text(el), "paragraph", 0))
    return [b for b in out if b[0].strip()]


_TITLE = re.compile(r"(?is)<title[^>]*>(.*?)</title>")


def _html_title(raw: str) -> str:
    found = _TITLE.search(raw[:100_000])
    return " ".join(html_lib.unescape(found.group(1)).split()) if found else ""


def _el_text(el) -> str:
    return " ".join("".join(el.itertext()).split())


def _has_block_child(el) -> bool:
    return any(isinstance(c.tag, str) and c.tag in ("p", "list", "item", "head", "quote", "row")
               for c in el)


_LXML_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre", "td", "dd", "dt")


def _lxml_blocks(raw: str) -> list[tuple[str, str, int]]:
    try:
        import lxml.html
        from lxml import etree
    except ImportError:  # pragma: no cover - a declared dependency
        return []
    try:
        doc = lxml.html.document_fromstring(raw, parser=_html_parser())
    except (etree.ParserError, ValueError):
        return []
    for bad in doc.xpath("//script|//style|//nav|//header|//footer|//aside|//noscript|//form"
                         "|//template|//svg"):
        bad.drop_tree()
    for comment in doc.xpath("//comment()"):
        comment.drop_tree()
    root = next(iter(doc.xpath("//article") or doc.xpath("//main") or doc.xpath("//body")), doc)
    out: list[tuple[str, str, int]] = []
    for el in root.iter(*_LXML_BLOCKS):
        if any(isinstance(c.tag, str) and c.tag in _LXML_BLOCKS for c in el.iterdescendants()):
            continue
        text = " ".join(el.text_content().split())
        if not text:
            continue
        tag = el.tag
        if tag[0] == "h" and tag[1:].isdigit():
            out.append((text, "heading", int(tag[1:])))
        elif tag == "li":
            out.append((text, "bullet", 0))
        else:
            out.append((text, "paragraph", 0))
    if not out:
        text = root.text_content()
        out = [(" ".join(p.split()), "paragraph", 0) for p in re.split(r"\n\s*\n", text) if p.strip()]
    return out


_BLOCK_TAG = re.compile(r"(?i)<(/?)(p|h[1-6]|li|blockquote|div|section|article|main|br|tr|td|"
                        r"th|pre|dd|dt|ul|ol|table|body)\b[^>]*>")


def _tag_blocks(raw: str) -> list[tuple[str, str, int]]:
    """The text between block-level tags, when no parser could build a tree of the page
    (nested deeper than even the raised limit): one regex pass, no tree."""
    text = _HTML_DROP.sub(" ", raw)
    out: list[tuple[str, str, int]] = []
    kind: tuple[str, int] = ("paragraph", 0)
    last = 0

    def flush(segment: str, kind: tuple[str, int]) -> None:
        words = " ".join(html_lib.unescape(_HTML_TAG.sub(" ", segment)).split())
        if words:
            out.append((words, *kind))

    for mt in _BLOCK_TAG.finditer(text):
        flush(text[last:mt.start()], kind)
        last = mt.end()
        closing, tag = mt.group(1), mt.group(2).lower()
        if not closing and tag[0] == "h" and tag[1:].isdigit():
            kind = ("heading", int(tag[1:]))
        elif not closing and tag == "li":
            kind = ("bullet", 0)
        else:
            kind = ("paragraph", 0)
    flush(text[last:], kind)
    return out


def _html_pieces(raw: str, meta: dict, repairs: list[str]) -> list[_Piece]:
    """Extract the article body, then place each block back into the raw HTML."""
    # Repair the visible text the same way as the extracted blocks, so the two still match.
    visible = _repair(_visible(raw), repairs)
    vis = visible.text
    pieces: list[_Piece] = []
    cursor = 0
    for text, kind, level in _html_blocks(raw, meta, repairs):
        # Clean each block the same way as plain text, with identity offsets for now.
        m = _squeeze(_normalise(_repair(_Mapped.identity(text), repairs)))
        if not m.text:
            continue
        found = _locate(vis, m.text, cursor)
        if found >= 0:
            cursor = found
            end = min(found + len(m.text), len(vis))
            offs = visible.offs[found:end]
            offs += [offs[-1] if offs else visible.offs[found]] * (len(m.text) - len(offs))
            cursor = end
        else:
            # Not found: pin the whole block to where the previous one ended.
            at = visible.offs[min(cursor, len(vis))]
            offs = [at] * len(m.text)
        offs.append(offs[-1] + 1 if offs else 0)
        pieces.append(_Piece(_Mapped(m.text, offs), kind, level=level))
    # The HTML repair messages are per block; keep each once.
    repairs[:] = list(dict.fromkeys(repairs))
    return pieces


def _locate(vis: str, text: str, cursor: int) -> int:
    """Position of a block's text in the visible HTML text at or after cursor, or -1."""
    found = vis.find(text, cursor)
    if found >= 0:
        return found
    words = text.split()
    for n in (8, 4, 2):
        if len(words) < n:
            continue
        found = vis.find(" ".join(words[:n]), cursor)
        if found >= 0:
            return found
    return -1


# --------------------------------------------------------------------------------------------
# Furniture and assembly
# --------------------------------------------------------------------------------------------

def _split_leading_furniture(pieces: list[_Piece], patterns) -> list[_Piece]:
    """Split a leading furniture chain ("Security 74% 1 min read...") off the start of a unit,
    and furniture sentences ("Subscribe to our newsletter ...") off its end."""
    out = []
    for p in pieces:
        if p.furniture is not None:
            out.append(p)
            continue
        cut, reason = furniture.leading_furniture(p.m.text, patterns=patterns)
        if 0 < cut < len(p.m.text):
            head = _squeeze(p.m.slice(0, cut))
            tail = _squeeze(p.m.slice(cut, len(p.m.text)))
            if head.text and tail.text:
                out.append(_Piece(head, p.kind, level=p.level, new_block=p.new_block,
                                  furniture=reason or "page furniture"))
                out.append(_Piece(tail, p.kind, level=p.level, new_block=False))
                continue
        cut, reason = furniture.trailing_furniture(p.m.text, patterns=patterns)
        if 0 < cut < len(p.m.text):
            # A promo glued to the end of a real paragraph: only its sentences are furniture.
            head = _squeeze(p.m.slice(0, cut))
            tail = _squeeze(p.m.slice(cut, len(p.m.text)))
            if head.text and tail.text:
                out.append(_Piece(head, p.kind, level=p.level, new_block=p.new_block))
                out.append(_Piece(tail, p.kind, level=p.level, new_block=False, furniture=reason))
                continue
        out.append(p)
    return out


def _assemble(pieces: list[_Piece], patterns, *, raw_len: int) -> tuple[list[Unit], str, list[int]]:
    pieces = _split_leading_furniture(pieces, patterns)
    blocks = [furniture.Block("furniture" if p.furniture else p.kind, p.m.text, p.level)
              for p in pieces]
    reasons = furniture.furniture_reasons(blocks, patterns=patterns)
    units: list[Unit] = []
    parts: list[str] = []
    offsets: list[int] = []
    pos = 0
    for p, reason in zip(pieces, reasons):
        reason = p.furniture or reason
        if parts:
            sep = p.m.offs[0]
            parts.append("\n\n")
            offsets.extend((sep, sep))
            pos += 2
        parts.append(p.m.text)
        offsets.extend(p.m.offs[:len(p.m.text)])
        kind = "furniture" if reason else p.kind
        units.append(Unit(kind, pos, pos + len(p.m.text), reason))
        pos += len(p.m.text)
    text = "".join(parts)
    last = min(offsets[-1] + 1, raw_len) if offsets else 0
    offsets.append(last)
    return units, text, _monotone(offsets, raw_len)


def _monotone(offsets: list[int], raw_len: int) -> list[int]:
    """Clamp into the raw text and make non-decreasing (HTML placement is best effort)."""
    # Text and Markdown offsets are ordered by construction: check that in C, not char by char.
    if offsets == sorted(offsets) and (not offsets or (offsets[0] >= 0 and offsets[-1] <= raw_len)):
        return offsets
    out, prev = [], 0
    for o in offsets:
        o = min(max(o, prev), raw_len)
        out.append(o)
        prev = o
    return out


# --------------------------------------------------------------------------------------------
# Is it English?
# --------------------------------------------------------------------------------------------

_TOKEN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f]|[^\W\d_]+")


def english_score(text: str) -> Optional[float]:
    """How English a text looks, 0..1 (None when it is too short to judge)."""
    tokens = [t.lower() for t in _TOKEN.findall(text[:_ENGLISH_SAMPLE * 12])[:_ENGLISH_SAMPLE]]
    if len(tokens) < ENGLISH_MIN_WORDS:
        return None
    english = sum(1 for t in tokens if t in _FUNCTION_WORDS) / len(tokens)
    foreign = sum(1 for t in tokens if t in _FOREIGN_WORDS) / len(tokens)
    score = min(1.0, english / ENGLISH_FULL_SHARE)
    # Short English texts can be poor in function words (headline-like summaries), so the
    # function words of the languages we are most often handed instead pull the score down.
    if foreign:
        score *= english / (english + foreign)
    return score


def _shows_other_language(text: str) -> bool:
    """Function words of another language, mostly another script, or accented words (annoncé)."""
    tokens = [t.lower() for t in _TOKEN.findall(text[:_ENGLISH_SAMPLE * 12])[:_ENGLISH_SAMPLE]]
    if len(tokens) >= ENGLISH_SHORT_WORDS or any(t in _FOREIGN_WORDS for t in tokens):
        return True
    other = sum(1 for t in tokens if not t[:1].isascii())
    accented = sum(1 for t in tokens if t[:1].isascii() and not t.isascii())
    return other >= 0.5 * len(tokens) or accented >= 2


def _check_english(text: str, units: Sequence[Unit], name: str, *, threshold: float) -> None:
    body = " ".join(text[u.start:u.end] for u in units if not u.is_furniture) or text
    score = english_score(body)
    if score is None or score >= threshold:
        return
    # One English sentence can be all names and content words ("Apple beat Wall Street
    # forecasts by $2bn."), so a short text is refused only on signs of another language.
    if not _shows_other_language(body):
        return
    raise InputError(f"{name}: the text does not look like English (English score {score:.2f}, "
                     f"below min_english_ratio {threshold}).", path=name, cause="not-english")
