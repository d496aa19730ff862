"""The claim matrix page in headless Chromium: cells link to their sentences, the filter
works, nothing runs or loads that should not."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_html_browser import Opened, browser  # noqa: F401 - the module's browser fixture

ROOT = Path(__file__).resolve().parents[1]
LINDELL = ROOT / "corpora" / "lindell-library-closures"


@pytest.fixture(scope="module")
def matrix_page(pipeline, tmp_path_factory):
    from checker.compare import compare
    from checker.compare.page import write_compare
    from checker.compare.story import load_ref, read_story
    from checker.config import Config

    refs = read_story(LINDELL)
    result = compare(pipeline, [load_ref(r, Config()) for r in refs],
                     [r.role == "source" for r in refs])
    path = tmp_path_factory.mktemp("matrix") / "lindell.html"
    write_compare(result, path)
    return path


@pytest.fixture
def page(browser, matrix_page):  # noqa: F811 - pytest fixture injection
    opened = Opened(browser, matrix_page)
    yield opened
    opened.quiet()
    opened.close()


def test_cells_are_coloured_and_the_odd_one_is_named(page):
    p = page.page
    assert p.inner_text("#odd-name") == "quickread-now"
    assert p.get_attribute("#mode", "data-mode") == "originals"
    conflict = p.locator('td.st-conflict[data-doc="quickread-now"]')
    assert conflict.count() == 2
    colour = conflict.first.evaluate("e => getComputedStyle(e).backgroundColor")
    agree = p.locator("td.st-agrees").first.evaluate("e => getComputedStyle(e).backgroundColor")
    assert colour != agree
    assert p.locator('td.st-reference[data-doc="pell-courier"]').count() > 0


def test_a_cell_links_to_its_sentence(page):
    p = page.page
    cell = p.locator('td.st-conflict[data-doc="quickread-now"] a').first
    href = cell.get_attribute("href")
    cell.click()
    target = p.locator(href)
    assert target.count() == 1
    assert "$2.8 million" in target.inner_text() or "expected layoffs" in target.inner_text()
    assert p.evaluate("() => document.activeElement.id") == href[1:]
    assert target.evaluate("e => e.matches(':target')")
    # The sentence sits in quickread-now's text.
    assert target.evaluate("e => e.closest('article').getAttribute('aria-label')") == \
        "quickread-now"


def test_only_rows_that_differ(page):
    p = page.page
    rows = p.locator("#matrix tbody tr")
    total = rows.count()
    same = p.locator('#matrix tbody tr[data-differs="no"]').count()
    assert 0 < same < total
    p.check("#only-diff")
    visible = sum(1 for i in range(total) if rows.nth(i).is_visible())
    assert visible == total - same
    p.uncheck("#only-diff")
    assert sum(1 for i in range(total) if rows.nth(i).is_visible()) == total


def test_the_page_is_self_contained(matrix_page):
    html = matrix_page.read_text(encoding="utf-8")
    assert "Content-Security-Policy" in html and "http://" not in html.split("</head>")[0]
    assert "<script src" not in html and "<link" not in html


def test_every_wording_of_a_repeated_claim_links_to_its_sentence(page):
    p = page.page
    more = p.locator("td.cell details.more")
    assert more.count() > 0
    box = more.first
    box.locator("summary").click()
    link = box.locator("a").first
    href = link.get_attribute("href")
    link.click()
    target = p.locator(href)
    assert target.evaluate("e => e.matches(':target')")
    assert target.get_attribute("data-rows")
