"""HTML: the article body's blocks (trafilatura, else lxml, else the text between block
tags), each placed back into the page's visible text so its offsets point into the raw HTML."""

from __future__ import annotations

import html as html_lib
import re

from checker.load.clean import SPACES, normalise, repair, squeeze
from checker.load.mapped import Mapped, Piece, Replacement, sub


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


def _visible(raw: str) -> Mapped:
    """The raw HTML's visible text (tags, scripts, comments removed, entities decoded), mapped."""
    m = sub(Mapped.identity(raw), _HTML_DROP, lambda mt: (" ", [mt.start()]))
    m = sub(m, _HTML_INLINE_TAG, lambda mt: ("", []))
    m = sub(m, _HTML_TAG, lambda mt: (" ", [mt.start()]))

    def entity(mt: re.Match) -> Replacement:
        value = html_lib.unescape(mt.group())
        return value, [mt.start()] * len(value)

    m = sub(m, _HTML_ENTITY, entity)
    m = normalise(m)
    return sub(m, SPACES, lambda mt: (" ", [mt.start()]))


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


def html_pieces(raw: str, meta: dict, repairs: list[str]) -> list[Piece]:
    """Extract the article body, then place each block back into the raw HTML."""
    # Repair the visible text the same way as the extracted blocks, so the two still match.
    visible = repair(_visible(raw), repairs)
    vis = visible.text
    pieces: list[Piece] = []
    cursor = 0
    for text, kind, level in _html_blocks(raw, meta, repairs):
        # Clean each block the same way as plain text, with identity offsets for now.
        m = squeeze(normalise(repair(Mapped.identity(text), repairs)))
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
        pieces.append(Piece(Mapped(m.text, offs), kind, level=level))
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
