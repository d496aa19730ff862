"""Repairs and normalisation of mapped text: mojibake, odd whitespace and invisible
characters, whitespace runs, overlong runs of symbols."""

from __future__ import annotations

import re

from checker.load.mapped import Mapped, Replacement, sub


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


def repair(m: Mapped, repairs: list[str]) -> Mapped:
    if re.search(r"[\u0e01-\u0e5b]", m.text):
        fixed = sub(m, _THAI_RUN, _fix_cp874)
        if fixed.text != m.text:
            repairs.append("mojibake cp874 (UTF-8 read as Thai)")
            m = fixed
    # ftfy's badness scan costs a pass over every text; mojibake of this kind always holds a
    # UTF-8 lead byte read as a Latin letter followed by a continuation byte, so look for that.
    # ftfy itself is imported only then: its import (about 40 ms) is most of a run's loading
    # time on short texts, and most runs never need it.
    if not _MOJIBAKE_HINT.search(m.text):
        return m
    try:
        import ftfy
        from ftfy.badness import is_bad
    except ImportError:  # pragma: no cover - a declared dependency
        return m
    if not is_bad(m.text):
        return m

    def fix(mt: re.Match) -> Replacement:
        run = mt.group()
        fixed = ftfy.fix_encoding(run)
        if fixed == run:
            return run, range(mt.start(), mt.end())
        if len(fixed.encode("utf-8")) == len(run):
            return fixed, _utf8_positions(fixed, mt.start(), len(run))
        return fixed, [min(mt.start() + i, mt.end() - 1) for i in range(len(fixed))]

    fixed = sub(m, _NON_ASCII_RUN, fix)
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


def normalise(m: Mapped) -> Mapped:
    return sub(m, _NORMALISE, _normalise_repl)


# Only whitespace that changes: runs of two or more, and lone tabs or newlines. Matching every
# single space (r"\s+") made squeezing a Python callback per word, a third of the loading time.
SPACES = re.compile(r"\s{2,}|[^\S ]")


def squeeze(m: Mapped) -> Mapped:
    """Strip a unit and collapse runs of whitespace (newlines included) to one space."""
    m = sub(m, SPACES, lambda mt: (" ", [mt.start()]))
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


def shorten_symbol_runs(m: Mapped) -> Mapped:
    """Cut each overlong run of symbols to its first and last SYMBOL_RUN_KEEP characters."""
    def repl(mt: re.Match) -> Replacement:
        start, end = mt.span()
        keep = [*range(start, start + SYMBOL_RUN_KEEP), *range(end - SYMBOL_RUN_KEEP, end)]
        return "".join(m.text[i] for i in keep), keep
    return sub(m, _SYMBOL_RUN, repl)
