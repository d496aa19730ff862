"""Plain text and Markdown structure: lines into headings, bullets, paragraphs and code
blocks, and Markdown inline syntax stripped."""

from __future__ import annotations

import re
from typing import Iterable, Optional

from checker.directives import is_directive_line
from checker.frontmatter import front_matter_span
from checker.load.clean import normalise, repair, squeeze
from checker.load.mapped import Mapped, Piece, const, keep, sub

# A heading is a short line: at most this many words and no final sentence punctuation.
HEADING_MAX_WORDS = 12

_BULLET = re.compile(r"[ \t]*(?:[•·▪◦‣●○■□–—]\s*|[-*+]\s+|\(?\d{1,3}[.)]\s+|\(?[a-z][.)]\s+(?=[A-Z]))")
_MD_BULLET = re.compile(r"[ \t]*(?:[-*+•]\s+|\d{1,3}[.)]\s+)")
_MD_HEADING = re.compile(r"[ \t]{0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_MD_RULE = re.compile(r"[ \t]{0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
_MD_SETEXT = re.compile(r"[ \t]{0,3}(=+|-+)[ \t]*$")
_MD_FENCE = re.compile(r"[ \t]{0,3}(```|~~~)")
_MD_REFDEF = re.compile(r"[ \t]{0,3}\[[^\]]+\]:\s*\S+.*$")
_MD_QUOTE = re.compile(r"[ \t]{0,3}(?:>[ \t]?)+")
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")


def _lines(text: str) -> Iterable[tuple[int, int]]:
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line)
        pos += len(line) + 1


def text_pieces(raw: str, *, fmt: str, repairs: list[str]) -> list[Piece]:
    m = normalise(repair(Mapped.identity(raw), repairs))
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
    pieces: list[Piece] = []
    new_block = True
    para: Optional[tuple[int, int, bool]] = None
    code: Optional[tuple[int, int, bool]] = None

    def flush() -> None:
        nonlocal para, code
        if para is not None:
            pieces.append(Piece(m.slice(para[0], para[1]), "paragraph", new_block=para[2]))
            para = None
        if code is not None:
            pieces.append(Piece(m.slice(code[0], code[1]), "paragraph", new_block=code[2],
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
        pieces.append(Piece(m.slice(s, e), kind, level=level, new_block=new_block))
        new_block = False
    flush()
    out = []
    for p in pieces:
        pm = _md_inline(p.m) if md and p.furniture is None else p.m
        pm = squeeze(pm)
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


def _md_inline(m: Mapped) -> Mapped:
    """Strip Markdown inline syntax, keeping the words and their offsets."""
    m = sub(m, _MD_IMAGE, lambda mt: ("", []))
    m = sub(m, _MD_LINK, keep(1))
    m = sub(m, _MD_AUTOLINK, keep(1))
    m = sub(m, _MD_CODE, keep(1))
    m = sub(m, _MD_STRONG, keep(2))
    m = sub(m, _MD_EM, keep(1, 2))
    m = sub(m, _MD_STRIKE, keep(1))
    m = sub(m, _MD_TAG, const(" "))
    return sub(m, _MD_ESCAPE, keep(1))
