"""The HTML report without a browser: escaping, spans, lossless text, CSP, no network, index."""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import random
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from checker.errors import CheckerError
from checker.report.html import render_index, render_report, script_json, write_report
from checker.report.html.tree import Mark, split_document

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "html"
VOID = {"meta", "link", "br", "img", "input", "hr", "wbr", "source", "area", "base", "col",
        "embed", "param", "track"}
URL_ATTRS = {"src", "href", "action", "formaction", "srcset", "poster", "data", "background",
             "cite", "longdesc", "manifest", "ping", "xlink:href"}


def load(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


class Page(HTMLParser):
    """Collects tags, attributes, script bodies and the text inside chosen containers."""

    def __init__(self, capture_ids: tuple[str, ...] = ()) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self.styles: list[str] = []
        self.stack: list[str] = []
        self.capture_ids = capture_ids
        self.captured: dict[str, list[str]] = {}
        self._capturing: list[tuple[str, int]] = []  # (container id, stack depth)
        self._raw: list[str] | None = None
        self._raw_attrs: dict = {}
        self.misnested = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag in ("script", "style"):
            self._raw, self._raw_attrs = [], a
        if tag in VOID:
            return
        self.stack.append(tag)
        if a.get("id") in self.capture_ids:
            self._capturing.append((a["id"], len(self.stack)))
            self.captured[a["id"]] = []

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.misnested += 1
        else:
            self.stack.pop()
        if self._capturing and len(self.stack) < self._capturing[-1][1]:
            self._capturing.pop()
        if tag == "script" and self._raw is not None:
            self.scripts.append((self._raw_attrs, "".join(self._raw)))
            self._raw = None
        if tag == "style" and self._raw is not None:
            self.styles.append("".join(self._raw))
            self._raw = None

    def handle_data(self, data):
        if self._raw is not None:
            self._raw.append(data)
        for cid, _ in self._capturing:
            self.captured[cid].append(data)


def parse(html: str, *ids: str) -> Page:
    page = Page(ids)
    page.feed(html)
    page.close()
    return page


@pytest.fixture(scope="module")
def small() -> dict:
    return load("report_small.json")


@pytest.fixture(scope="module")
def hostile() -> dict:
    return load("report_hostile.json")


# ----------------------------------------------------------------------------- escaping


def test_hostile_text_is_escaped(hostile):
    html = render_report(hostile)
    page = parse(html)
    names = [t for t, _ in page.tags]
    assert "img" not in names and "svg" not in names and "iframe" not in names
    assert "textarea" not in names
    # One executable script (ours) and one JSON data block, nothing else.
    kinds = sorted(a.get("type", "") for a, _ in page.scripts)
    assert kinds == ["", "application/json"]
    for tag, attrs in page.tags:
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
        for k, v in attrs.items():
            assert "javascript:" not in (v or "").lower() or k == "content", (tag, k, v)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;/textarea&gt;" in html
    # Template syntax in the data is shown, not evaluated.
    assert "{{ 7*7 }}" in html and "{% raw %}" in html


def test_embedded_json_cannot_close_its_script(hostile):
    html = render_report(hostile)
    page = parse(html)
    data = next(body for attrs, body in page.scripts if attrs.get("type") == "application/json")
    assert "<" not in data and ">" not in data and "&" not in data
    decoded = json.loads(data)
    assert any("<script>" in f["id"] for f in decoded["findings"])
    assert "d:<c1>" in decoded["alignments"]


def test_script_json_escapes_script_context():
    text = script_json({"a": "</script><!--&\u2028\u2029"})
    assert not set("<>&\u2028\u2029") & set(text)
    assert json.loads(text) == {"a": "</script><!--&\u2028\u2029"}


# ----------------------------------------------------------------------------- spans


def test_every_finding_has_a_span(small):
    html = render_report(small)
    page = parse(html)
    marks = [(t, a) for t, a in page.tags if t == "mark"]
    for f in small["findings"]:
        if f["kind"] == "omitted-claim":
            hits = [a for _, a in marks if a.get("data-evidence") == f["id"]]
            assert hits and all(a["data-kind"] == "omitted-claim" for a in hits)
            assert any(a.get("tabindex") == "0" for a in hits)
            continue
        hits = [a for _, a in marks if a.get("data-finding") == f["id"]]
        assert hits, f["id"]
        assert all(a["data-kind"] == f["kind"] for a in hits)
        assert sum(1 for a in hits if a.get("tabindex") == "0") == 1  # one tab stop per finding
        assert all(a.get("data-abbr") for a in hits)  # the label that is not colour
        if f["evidence"]:
            assert any(a.get("data-evidence") == f["id"] for _, a in marks), f["id"]


def test_claims_and_alignment_data(small):
    html = render_report(small)
    page = parse(html)
    claims = {a.get("data-claim") for t, a in page.tags if a.get("data-claim")}
    assert {"d:c1", "d:c5", "s0:c4", "s1:c0"} <= claims
    data = json.loads(next(b for a, b in page.scripts if a.get("type") == "application/json"))
    assert data["alignments"]["d:c1"] == [[1, "s1:c0"], [0, "s0:c1"]]
    assert data["alignments"]["d:c4"] == []


def test_structure_of_units(small):
    html = render_report(small)
    page = parse(html)
    assert page.misnested == 0
    assert ("h3", {"class": "blk heading"}) in page.tags
    assert any(t == "div" and a.get("data-furniture") == "read time" for t, a in page.tags)
    assert sum(1 for t, a in page.tags if t == "li" and "bullet" in a.get("class", "")) == 2
    for tag in ("header", "main", "nav", "section", "footer"):
        assert any(t == tag for t, _ in page.tags), tag
    ids = [a["id"] for t, a in page.tags if a.get("id")]
    assert len(ids) == len(set(ids))
    live = [a for t, a in page.tags if a.get("aria-live")]
    assert live and live[0]["id"] == "status"
    # Every filter checkbox sits in a label.
    assert re.search(r'<label><input type="checkbox" name="kind" value="number-changed"', html)


def test_overlapping_spans_lose_no_text(small):
    html = render_report(small)
    ids = ("doc-derived-text", "doc-src-0-text", "doc-src-1-text")
    page = parse(html, *ids)
    assert page.misnested == 0
    texts = [small["derived"]["text"]] + [s["text"] for s in small["sources"]]
    for cid, text in zip(ids, texts):
        assert "".join(page.captured[cid]) == text, cid


def test_hostile_text_round_trips(hostile):
    html = render_report(hostile)
    page = parse(html, "doc-derived-text", "doc-src-0-text")
    assert "".join(page.captured["doc-derived-text"]) == hostile["derived"]["text"]
    assert "".join(page.captured["doc-src-0-text"]) == hostile["sources"][0]["text"]


def test_random_overlaps_split_losslessly():
    rng = random.Random(7)
    kinds = ["certainty-raised", "number-changed", "omitted-claim", "made-up"]
    for trial in range(200):
        text = "".join(rng.choice("ab <>&\"'\n") for _ in range(rng.randint(0, 60)))
        source = "".join(rng.choice("cd <&\n") for _ in range(rng.randint(1, 40)))
        units, pos = [], 0
        while pos < len(text):
            end = min(len(text), pos + rng.randint(1, 15))
            units.append({"kind": rng.choice(["paragraph", "bullet", "heading", "furniture"]),
                          "start": pos, "end": end,
                          "furniture": "x" if rng.random() < .2 else None})
            pos = end + rng.randint(0, 3)

        def span(n: int) -> dict:
            a, b = sorted(rng.randint(0, n) for _ in range(2))
            return {"clean_start": a, "clean_end": b}

        findings = [{"id": f"F{n}", "kind": rng.choice(kinds), "severity": "error",
                     "message": "m", "derived": span(len(text)),
                     "evidence": [{"document": "s.txt", **span(len(source))}
                                  for _ in range(rng.randint(0, 2))]}
                    for n in range(rng.randint(0, 8))]
        claims = {"derived": [{"id": f"d{n}", **span(len(text))} for n in range(3)],
                  "sources": [{"id": f"s{n}", "document": "s.txt", **span(len(source))}
                              for n in range(3)]}
        result = {"derived": {"document": "d.txt", "text": text, "units": units},
                  "sources": [{"document": "s.txt", "text": source}],
                  "findings": findings, "claims": claims}
        html = render_report(result)
        page = parse(html, "doc-derived-text", "doc-src-0-text")
        assert page.misnested == 0, trial
        assert "".join(page.captured["doc-derived-text"]) == text, (trial, text, units)
        assert "".join(page.captured["doc-src-0-text"]) == source, (trial, source)


def test_split_document_nests_marks_that_fit():
    marks = [Mark(0, 9, "span", "outer", (("data-claim", "c"),)),
             Mark(5, 8, "mark", "inner", (("data-finding", "F"),), rank=1)]
    body = split_document("abcd efg hij", [], marks)
    outer = body[0].children[0]
    assert outer.tag == "span" and outer.children[0] == "abcd "
    assert outer.children[1].tag == "mark" and outer.children[1].children == ("efg",)


def test_spans_crossing_blocks_and_nested_findings():
    text = "One two three.\n\nFour five six."
    result = {
        "derived": {"document": "d.txt", "text": text,
                    "units": [{"kind": "paragraph", "start": 0, "end": 14},
                              {"kind": "paragraph", "start": 16, "end": 31}]},
        "sources": [],
        "findings": [
            {"id": "A", "kind": "scope-changed", "severity": "error", "message": "m",
             "derived": {"clean_start": 4, "clean_end": 25}, "evidence": []},
            {"id": "B", "kind": "number-changed", "severity": "warning", "message": "m",
             "derived": {"clean_start": 8, "clean_end": 20}, "evidence": []},
            {"id": "C", "kind": "negation-flipped", "severity": "info", "message": "m",
             "derived": {"clean_start": 8, "clean_end": 20}, "evidence": []},
        ],
    }
    html = render_report(result)
    page = parse(html, "doc-derived-text")
    assert "".join(page.captured["doc-derived-text"]) == text
    pieces = [a for t, a in page.tags if t == "mark"]
    assert {a["data-finding"] for a in pieces} == {"A", "B", "C"}
    for fid in "ABC":
        own = [a for a in pieces if a["data-finding"] == fid]
        assert len(own) == 2  # one piece per paragraph
        assert [a.get("tabindex") for a in own] == ["0", "-1"]
        assert "cont" in own[1]["class"]


def test_units_missing_fall_back_to_lines():
    text = "First line.\nSecond line.\n\n"
    html = render_report({"derived": {"document": "d.txt", "text": text}, "sources": []})
    page = parse(html, "doc-derived-text")
    assert "".join(page.captured["doc-derived-text"]) == text
    assert sum(1 for t, a in page.tags if t == "p" and "blk" in a.get("class", "")) == 2


def test_offsets_out_of_range_are_clamped(small):
    broken = copy.deepcopy(small)
    broken["findings"][0]["derived"]["clean_end"] = 10 ** 6
    broken["findings"][1]["derived"]["clean_start"] = -5
    broken["findings"][2]["derived"] = {"text": "Sales rose"}  # no offsets: located by text
    html = render_report(broken)
    page = parse(html, "doc-derived-text")
    assert "".join(page.captured["doc-derived-text"]) == small["derived"]["text"]
    assert any(a.get("data-finding") == broken["findings"][2]["id"] for _, a in page.tags)


# ----------------------------------------------------------------------------- safety


def _csp(html: str) -> str:
    page = parse(html)
    metas = [a for t, a in page.tags if t == "meta"
             and (a.get("http-equiv") or "").lower() == "content-security-policy"]
    assert len(metas) == 1
    return metas[0]["content"]


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


@pytest.mark.parametrize("which", ["report", "index"])
def test_csp_meta_allows_only_our_script_and_style(small, which):
    html = render_report(small) if which == "report" else render_index(
        [{"story": "s", "report": "a.html"}], title="t", meta={})
    csp = _csp(html)
    assert "default-src 'none'" in csp
    assert "unsafe-eval" not in csp
    page = parse(html)
    code = next(body for attrs, body in page.scripts if not attrs.get("type"))
    assert f"script-src {_sha(code)}" in csp
    assert f"style-src {_sha(page.styles[0])}" in csp
    # The CSP meta comes before any script or style so that it governs them.
    assert html.index("Content-Security-Policy") < html.index("<style>")


@pytest.mark.parametrize("which", ["small", "hostile", "index"])
def test_no_network_references(small, hostile, which):
    if which == "index":
        html = render_index(_rows(), title="Batch", meta={"model": "m"})
    else:
        html = render_report(small if which == "small" else hostile)
    page = parse(html)
    for tag, attrs in page.tags:
        for name, value in attrs.items():
            if name in URL_ATTRS and value:
                assert not re.match(r"\s*([a-z][a-z0-9+.\-]*:|//|\\\\)", value, re.I), \
                    (tag, name, value)
    for css in page.styles:
        assert "@import" not in css and not re.search(r"url\(\s*['\"]?(https?:)?//", css)
    for attrs, code in page.scripts:
        assert not re.search(r"\b(fetch|XMLHttpRequest|WebSocket|EventSource|importScripts)\b",
                             code)


# ----------------------------------------------------------------------------- index


def _rows() -> list[dict]:
    return [
        {"story": "alpha", "outlet": "Digest", "derived": "summary.txt",
         "sources": ["source.txt"], "score": 0.42, "counts_by_kind": {"certainty-raised": 2,
                                                                       "omitted-claim": 1},
         "findings": 3, "errors": 1, "warnings": 2, "report": "alpha/summary.html"},
        {"story": "<script>alert(1)</script>", "outlet": "<img src=x onerror=alert(1)>",
         "derived": "b.txt", "sources": "s.txt", "score": 0.9, "counts_by_kind": {},
         "findings": 0, "errors": 0, "warnings": 0, "report": "javascript:alert(1)"},
        {"story": "gamma", "derived": "c.txt", "score": None, "error": "cannot decode c.txt",
         "report": "https://example.org/c.html"},
        {"story": "delta", "derived": "d.txt", "score": 0.1, "report": "//example.org/x.html"},
        {"story": "epsilon", "derived": "e f#1.txt", "score": 0.5, "report": "e f#1.html"},
    ]


def test_index_rows_and_links():
    html = render_index(_rows(), title="Batch <run>", meta={"checker": "0.1.0",
                                                            "config": {"a": "</script>"}})
    page = parse(html)
    body_rows = [a for t, a in page.tags if t == "tr"]
    assert len(body_rows) == 1 + 5  # header row and one per input row
    links = [a["href"] for t, a in page.tags if t == "a"]
    assert links == ["alpha/summary.html", "e%20f%231.html"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Batch &lt;run&gt;" in html
    assert not any(t in ("img", "svg") for t, _ in page.tags)
    assert "cannot decode c.txt" in html
    headers = [a for t, a in page.tags if t == "th"]
    assert len(headers) == 10 and all(a.get("aria-sort") == "none" for a in headers)
    assert html.count('class="sorter"') == 10
    assert "certainty-raised × 2" in html


def test_index_rejects_bad_input():
    with pytest.raises(CheckerError):
        render_index("rows", title="t", meta={})  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- writing


def test_write_report_is_atomic(small, tmp_path):
    target = tmp_path / "out" / "report.html"
    write_report(small, target)
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    write_report(small, target)  # replacing an existing report works too
    assert [p.name for p in target.parent.iterdir()] == ["report.html"]
    assert target.stat().st_mode & 0o777 == 0o644


def test_write_report_failure_leaves_nothing(small, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(CheckerError):
        write_report(small, blocker / "report.html")
    target = tmp_path / "dir-target"
    target.mkdir()
    with pytest.raises(CheckerError):
        write_report(small, target)  # os.replace onto a directory fails
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dir-target", "file"]
    assert not list(target.iterdir()) and not list(tmp_path.glob(".*.tmp"))


def test_render_report_rejects_bad_input():
    with pytest.raises(CheckerError):
        render_report("not a dict")  # type: ignore[arg-type]
    with pytest.raises(CheckerError):
        render_report({"sources": []})


def test_odd_shapes_do_not_break_the_page():
    html = render_report({"derived": {"document": "d.txt", "text": "Text.", "units": "x"},
                          "sources": [None, {"document": "s.txt"}], "claims": ["x"],
                          "findings": [None, {"kind": "number-changed", "derived": None,
                                              "evidence": [None, {"document": "nope"}]}],
                          "alignments": [None, {"derived_claim": "c", "support": [None]}],
                          "score": float("nan"), "config": None})
    assert "Text." in html and 'data-kind="number-changed"' in html


def test_no_findings_and_no_sources():
    html = render_report({"derived": {"document": "d.txt", "text": "Fine."}, "sources": [],
                          "findings": [], "score": 1.0})
    assert "No drift found." in html and "No source documents." in html
