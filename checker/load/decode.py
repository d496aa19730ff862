"""Bytes to text: byte-order marks, binary files, UTF-8, UTF-16 without a mark, cp1252, and
charset-normalizer's guess for the rest."""

from __future__ import annotations

import codecs
import re
from typing import Optional

from checker.errors import InputError


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_BINARY_MAGIC = (b"\x89PNG", b"PK\x03\x04", b"%PDF", b"GIF8", b"\xff\xd8\xff", b"\x1f\x8b",
                 b"\x7fELF", b"BZh", b"7z\xbc\xaf")
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"
_WESTERN = re.compile(r"[A-Za-z\u00c0-\u00ff\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u2022\u20ac"
                      r"\u2122\u00a0-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e]")


def decode(data: bytes, name: str) -> tuple[str, str]:
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
