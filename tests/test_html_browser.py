"""The HTML report in headless Chromium: filters, j/k, evidence jumps, claim links, safety, size."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from checker.report.html import render_index, render_report, write_html

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "html"
SHOTS = ROOT / "reports" / "screenshots"
SEED = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "claude-code-china"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
if not CHROMIUM.exists():
    pytest.skip("/usr/bin/chromium is not installed", allow_module_level=True)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class Opened:
    """A page with everything that would show a script ran: dialogs, errors, requests."""

    def __init__(self, browser, path: Path, width: int = 1280, height: int = 900) -> None:
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.page = self.context.new_page()
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("console", lambda m: m.type in ("error", "warning")
                     and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: r.url.startswith("file:")
                     or self.requests.append(r.url))
        # Inline scripts run before "load"; polling with wait_for_function would need eval,
        # which the page's CSP rightly refuses.
        self.page.goto(path.as_uri(), wait_until="load")

    def quiet(self) -> None:
        assert self.dialogs == [] and self.errors == [] and self.requests == []

    def close(self) -> None:
        self.context.close()


def _write(result: dict, tmp_path: Path, name: str = "report.html") -> Path:
    path = tmp_path / name
    write_html(render_report(result), path)
    return path


@pytest.fixture
def small_page(browser, tmp_path):
    result = json.loads((FIXTURES / "report_small.json").read_text(encoding="utf-8"))
    opened = Opened(browser, _write(result, tmp_path))
    yield opened
    opened.quiet()
    opened.close()


def _classes(page, selector: str) -> list[str]:
    return page.eval_on_selector_all(selector, "els => els.map(e => e.className)")


def test_kind_filter_hides_and_shows(small_page):
    page = small_page.page
    assert page.evaluate("document.documentElement.classList.contains('js')")
    assert page.locator("li.frow:visible").count() == 9
    page.uncheck('input[name="kind"][value="number-changed"]')
    assert page.locator('li.frow[data-kind="number-changed"]:visible').count() == 0
    assert page.locator("li.frow:visible").count() == 7
    assert all("off" in c for c in _classes(page, 'mark[data-kind="number-changed"]'))
    assert not any("off" in c for c in _classes(page, 'mark[data-kind="scope-changed"]'))
    assert "Showing 7 of 9" in page.inner_text("#status")
    page.check('input[name="kind"][value="number-changed"]')
    assert page.locator("li.frow:visible").count() == 9
    assert not any("off" in c for c in _classes(page, 'mark[data-kind="number-changed"]'))
    page.uncheck('input[name="severity"][value="error"]')
    assert page.locator("li.frow:visible").count() == 5
    assert all("off" in c for c in _classes(page, "mark.f.sev-error"))


def test_j_and_k_walk_the_visible_findings(small_page):
    page = small_page.page
    order = page.eval_on_selector_all("li.frow", "els => els.map(e => e.dataset.finding)")
    page.keyboard.press("j")
    assert page.get_attribute("li.frow.current", "data-finding") == order[0]
    assert page.evaluate("document.activeElement.dataset.finding") == order[0]
    assert "Finding 1 of 9" in page.inner_text("#status")
    page.keyboard.press("j")
    assert page.get_attribute("li.frow.current", "data-finding") == order[1]
    current = page.locator(f'mark[data-finding="{order[1]}"]').first
    assert "current" in current.get_attribute("class")
    assert current.is_visible()
    page.keyboard.press("k")
    assert page.get_attribute("li.frow.current", "data-finding") == order[0]
    page.click("#next")
    assert page.get_attribute("li.frow.current", "data-finding") == order[1]
    # Hidden kinds are skipped.
    page.uncheck('input[name="kind"][value="number-changed"]')
    page.focus("body")
    seen = []
    for _ in range(7):
        page.keyboard.press("j")
        seen.append(page.get_attribute("li.frow.current", "data-finding"))
    assert not {"F5", "F6"} & set(seen) and len(set(seen)) == 7


def test_sort_by_position(small_page):
    page = small_page.page
    page.select_option("#sort", "position")
    order = page.eval_on_selector_all("li.frow", "els => els.map(e => e.dataset.finding)")
    assert order == ["F3", "F2", "F1", "F9", "F4", "F5", "F6", "F7", "F8"]
    page.select_option("#sort", "severity")
    first = page.eval_on_selector_all("li.frow", "els => els.map(e => e.dataset.severity)")
    assert first == sorted(first, key=["error", "warning", "info"].index)


def _in_view(page, selector: str, box: str) -> bool:
    return page.evaluate(
        """([sel, box]) => { const el = document.querySelector(sel);
             const r = el.getBoundingClientRect(), b = document.querySelector(box)
               .getBoundingClientRect();
             return r.height > 0 && r.top >= b.top - 1 && r.bottom <= b.bottom + 1; }""",
        [selector, box])


def test_clicking_a_finding_highlights_its_evidence(small_page):
    page = small_page.page
    page.locator('mark[data-finding="F5"]').click()
    ev = page.locator('mark[data-evidence="F5"]')
    assert "active" in ev.get_attribute("class")
    assert ev.inner_text() == "27%"
    assert _in_view(page, 'mark[data-evidence="F5"]', "#doc-src-0 .scroller")
    # Evidence in the other source document: the tab switches to it.
    page.locator("li.frow#" + page.get_attribute('li.frow[data-finding="F3"]', "id")).click()
    assert page.locator("#doc-src-1").is_visible() and not page.locator("#doc-src-0").is_visible()
    assert page.get_attribute("#tab-1", "aria-selected") == "true"
    assert "active" in page.get_attribute('mark[data-evidence="F3"]', "class")
    assert page.locator("mark.ev.active").count() == 1  # the earlier evidence is released
    # An omitted claim has no derived span; its source span is marked and selectable.
    page.locator('li.frow[data-finding="F8"] .goto').click()
    om = page.locator('mark[data-evidence="F8"]')
    assert om.get_attribute("data-kind") == "omitted-claim" and om.is_visible()
    assert "active" in om.get_attribute("class")


def test_hover_and_focus_show_a_tooltip(small_page):
    page = small_page.page
    page.hover('mark[data-finding="F6"]')
    assert page.locator("#tip").is_visible()
    assert "2024, not 2023" in page.inner_text("#tip")
    page.keyboard.press("Escape")
    assert not page.locator("#tip").is_visible()
    page.focus('mark[data-finding="F7"]')
    assert "Nothing in the sources supports" in page.inner_text("#tip")


def test_hovering_a_claim_lights_its_support(small_page):
    page = small_page.page
    page.hover('#doc-derived-text [data-claim="d:c5"]')  # a claim with no finding
    assert "lit" in page.get_attribute('#doc-src-0-text [data-claim="s0:c4"]', "class")
    assert page.locator(".claim.lit").count() == 1
    page.focus('#doc-derived-text .claim[data-claim="d:c1"]')
    assert "lit" in page.get_attribute('#doc-src-0-text [data-claim="s0:c1"]', "class")
    assert "lit" in page.get_attribute('#doc-src-1-text [data-claim="s1:c0"]', "class")
    assert "has-lit" in page.get_attribute("#tab-1", "class")  # support in the hidden tab


def test_desktop_and_phone_screenshots(browser, tmp_path):
    result = json.loads((FIXTURES / "report_small.json").read_text(encoding="utf-8"))
    path = _write(result, tmp_path)
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width, name in ((1280, "small-desktop.png"), (390, "small-phone.png")):
        opened = Opened(browser, path, width=width)
        page = opened.page
        page.locator('mark[data-finding="F1"]').first.click()
        widths = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
        assert widths[0] <= widths[1]  # no sideways scrolling, even on a phone
        cols = page.evaluate("""[...document.querySelectorAll('.column')]
                                .map(c => c.getBoundingClientRect().left)""")
        assert (cols[0] == cols[1]) == (width < 800)  # columns stack on a phone
        page.screenshot(path=str(SHOTS / name), full_page=True)
        opened.quiet()
        opened.close()


def test_print_shows_all_sources_and_no_buttons(browser, tmp_path):
    result = json.loads((FIXTURES / "report_small.json").read_text(encoding="utf-8"))
    opened = Opened(browser, _write(result, tmp_path))
    page = opened.page
    page.emulate_media(media="print")
    assert page.locator("#doc-src-1").is_visible() and page.locator("#doc-src-0").is_visible()
    assert page.locator("button:visible").count() == 0
    label = page.evaluate("""getComputedStyle(document.querySelector('mark.f'), '::before')
                             .content""")
    assert label not in ("none", "normal", "")
    opened.quiet()
    opened.close()


def test_hostile_text_runs_nothing(browser, tmp_path):
    result = json.loads((FIXTURES / "report_hostile.json").read_text(encoding="utf-8"))
    opened = Opened(browser, _write(result, tmp_path))
    page = opened.page
    page.keyboard.press("j")
    page.hover("mark.f")
    page.click("mark.f >> nth=1")
    page.click("li.frow >> nth=0")
    assert page.title().startswith("Fact-drift report: summary<script>")
    assert page.evaluate("document.querySelectorAll('img, svg, iframe, textarea').length") == 0
    assert page.evaluate("document.scripts.length") == 2
    assert "<script>alert(1)</script>" in page.inner_text("#doc-derived-text")
    opened.quiet()
    opened.close()


def test_index_page_sorts(browser, tmp_path):
    rows = [{"story": s, "derived": f"{s}.txt", "score": sc, "findings": n,
             "counts_by_kind": {"number-changed": n}, "report": f"{s}.html"}
            for s, sc, n in (("b", 0.5, 2), ("a", 0.9, 0),
                             ("<img src=x onerror=alert(1)>", 0.1, 7))]
    path = tmp_path / "index.html"
    write_html(render_index(rows, title="Batch", meta={"model": "m"}), path)
    opened = Opened(browser, path)
    page = opened.page
    first_col = "els => els.map(e => e.cells[0].textContent.trim())"
    page.click("th >> nth=4 >> button")  # score, ascending
    assert page.eval_on_selector_all("tbody tr", first_col)[0].startswith("<img")
    page.click("th >> nth=4 >> button")
    assert page.eval_on_selector_all("tbody tr", first_col)[0] == "a"
    assert page.get_attribute("th >> nth=4", "aria-sort") == "descending"
    page.click("th >> nth=0 >> button")
    assert page.get_attribute("th >> nth=0", "aria-sort") == "ascending"
    assert "b" in page.eval_on_selector_all("tbody tr", first_col)[1:]
    assert page.get_attribute("tbody tr >> nth=0 >> a", "href").endswith(".html")
    opened.quiet()
    opened.close()


# ----------------------------------------------------------------------------- a big report

WORDS = ("the council said budget plans would change after months of talks with local groups "
         "while residents asked whether new rules could affect schools roads and parks in "
         "the coming year as officials reported higher costs and slower progress than expected"
         ).split()


def big_result(n_words: int = 5000, n_findings: int = 100, seed: int = 3) -> dict:
    """A 5,000-word source, a long derived text and many findings, some overlapping."""
    rng = random.Random(seed)

    def text(words: int) -> tuple[str, list[dict], list[tuple[int, int]]]:
        out, units, sents, pos, count = [], [], [], 0, 0
        while count < words:
            para_start = pos
            for _ in range(rng.randint(3, 6)):
                n = rng.randint(10, 22)
                sent = " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + ". "
                sents.append((pos, pos + len(sent) - 1))
                out.append(sent)
                pos += len(sent)
                count += n
            units.append({"kind": "paragraph", "start": para_start, "end": pos - 1})
            out.append("\n\n")
            pos += 2
        return "".join(out), units, sents

    src, src_units, src_sents = text(n_words)
    der, der_units, der_sents = text(n_words // 3)
    kinds = ["attribution-dropped", "certainty-raised", "causal-link-added", "entity-changed",
             "number-changed", "negation-flipped", "quote-altered", "unsupported-claim",
             "omitted-claim", "scope-changed", "attribution-changed", "certainty-lowered"]
    findings = []
    for i in range(n_findings):
        kind = kinds[i % len(kinds)]
        a, b = rng.choice(der_sents)
        s = rng.randint(a, max(a, b - 12))
        e = min(b, s + rng.randint(5, 60))
        sa, sb = rng.choice(src_sents)
        evidence = [] if kind == "unsupported-claim" else [
            {"document": "source.txt", "clean_start": sa, "clean_end": sb, "text": src[sa:sb]}]
        findings.append({"id": f"F{i + 1}", "kind": kind, "code": f"DC{i:03d}", "name": "rule",
                         "severity": ["error", "warning", "info"][i % 3],
                         "message": f"Finding {i + 1} drifted.", "suggestion": "Fix it.",
                         "confidence": rng.random(),
                         "derived": {"clean_start": 0 if kind == "omitted-claim" else s,
                                     "clean_end": 0 if kind == "omitted-claim" else e,
                                     "text": der[s:e], "line": 1, "column": s + 1},
                         "evidence": evidence})
    claims = {"derived": [{"id": f"d:c{i}", "clean_start": a, "clean_end": b}
                          for i, (a, b) in enumerate(der_sents)],
              "sources": [{"id": f"s0:c{i}", "document": "source.txt", "clean_start": a,
                           "clean_end": b} for i, (a, b) in enumerate(src_sents)]}
    alignments = [{"derived_claim": f"d:c{i}", "score": 0.6,
                   "support": [{"document": "source.txt", "score": 0.6,
                                "claim": f"s0:c{rng.randrange(len(src_sents))}"}]}
                  for i in range(len(der_sents))]
    return {"schema_version": "1", "checker_version": "0.1.0", "model": "test", "config": {},
            "created": "2026-11-22T10:00:00+00:00", "score": 0.3,
            "derived": {"document": "summary.txt", "text": der, "units": der_units},
            "sources": [{"document": "source.txt", "text": src, "units": src_units}],
            "findings": findings, "claims": claims, "alignments": alignments}


def test_large_report_loads(browser, tmp_path):
    result = big_result()
    assert len(result["sources"][0]["text"].split()) >= 5000
    t0 = time.perf_counter()
    html = render_report(result)
    rendered = time.perf_counter() - t0
    path = tmp_path / "big.html"
    write_html(html, path)
    t0 = time.perf_counter()
    opened = Opened(browser, path)
    loaded = time.perf_counter() - t0
    page = opened.page
    t0 = time.perf_counter()
    page.uncheck('input[name="kind"][value="certainty-raised"]')
    filtered = time.perf_counter() - t0
    in_page = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
    print(f"\nlarge report: {len(html) / 1e6:.2f} MB, render {rendered * 1000:.0f} ms, "
          f"browser load {loaded * 1000:.0f} ms (load event at {in_page:.0f} ms in the page), "
          f"one filter change {filtered * 1000:.0f} ms")
    assert page.locator("li.frow").count() == 100
    assert page.locator("li.frow:visible").count() < 100
    page.check('input[name="kind"][value="certainty-raised"]')
    for _ in range(3):
        page.keyboard.press("j")
    assert page.locator("li.frow.current").count() == 1
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "large-desktop.png"))
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(SHOTS / "large-phone.png"))
    opened.quiet()
    opened.close()


# ----------------------------------------------------------------------------- the real pipeline


def _checker_command() -> Path:
    return Path(sys.executable).with_name("checker")


def _text_offsets_of_marks(page) -> list[dict]:
    """Clean-text offsets of every highlighted finding span, computed from the DOM."""
    return page.evaluate("""() => {
        const root = document.getElementById('doc-derived-text');
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        const starts = new Map(); let pos = 0;
        while (walker.nextNode()) { starts.set(walker.currentNode, pos);
                                    pos += walker.currentNode.data.length; }
        return [...root.querySelectorAll('mark[data-finding]')].map(m => {
          const w = document.createTreeWalker(m, NodeFilter.SHOW_TEXT);
          const first = w.nextNode();
          const s = first ? starts.get(first) : 0;
          return {id: m.dataset.finding, kind: m.dataset.kind, start: s,
                  end: s + m.textContent.length, off: m.classList.contains('off')};
        });
    }""")


def test_seed_pair_with_the_real_pipeline(browser, tmp_path):
    """The seed pair through the installed command; only an absent ../shared skips."""
    if not SEED.is_dir():
        pytest.skip(f"../shared is not present beside this clone ({SEED})")
    cmd = _checker_command()
    assert cmd.exists(), f"no checker command at {cmd}"
    expected = json.loads((SEED / "expected.json").read_text(encoding="utf-8"))["pairs"][0]
    proc = subprocess.run([str(cmd), "check", str(SEED / expected["summary"]), "--source",
                           str(SEED / expected["source"]), "--format", "json"],
                          capture_output=True, text=True, timeout=300, cwd=ROOT,
                          stdin=subprocess.DEVNULL)
    assert proc.returncode in (0, 1), proc.stderr[-400:]
    result = json.loads(proc.stdout)
    path = _write(result, tmp_path, "seed.html")
    opened = Opened(browser, path)
    page = opened.page
    text = result["derived"]["text"]
    marks = _text_offsets_of_marks(page)
    assert page.evaluate("document.getElementById('doc-derived-text').textContent") == text
    for item in expected["must_flag"]:
        pos = text.find(item["quote"])
        assert pos >= 0, f"quote not in the clean text: {item['quote']!r}"
        hits = [m for m in marks if not m["off"] and m["start"] < pos + len(item["quote"])
                and pos < m["end"]]
        assert hits, f"no highlighted span overlaps {item['quote']!r}"

    pos = text.find("after discovering hidden")
    candidates = [m["id"] for m in marks if m["start"] < pos + 24 and pos < m["end"]]
    assert candidates, "no finding on 'after discovering hidden'"
    found = False
    for fid in dict.fromkeys(candidates):
        page.locator(f'#doc-derived-text mark[data-finding="{fid}"]').first.dispatch_event("click")
        evidence = page.eval_on_selector_all(
            "mark.ev.active", "els => els.map(e => [e.dataset.evidence, e.textContent])")
        joined: dict[str, str] = {}
        for ev_id, ev_text in evidence:
            joined[ev_id] = joined.get(ev_id, "") + ev_text
        if any("follows reports of hidden code" in " ".join(t.split()) for t in joined.values()):
            found = True
            break
    assert found, f"no finding among {candidates} cites 'follows reports of hidden code'"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "seed-desktop.png"), full_page=True)
    opened.quiet()
    opened.close()
    phone = Opened(browser, path, width=390, height=844)
    target = phone.page.locator(f'#doc-derived-text mark[data-finding="{fid}"]').first
    target.dispatch_event("click")
    phone.page.screenshot(path=str(SHOTS / "seed-phone.png"), full_page=True)
    phone.quiet()
    phone.close()
