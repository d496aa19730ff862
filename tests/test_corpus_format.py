"""Format checks for the bundled sample corpus in ``corpora/``.

These tests check the corpus only (files, metadata, expectations). Whether the checker finds
the expected drifts is tested elsewhere.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "corpora"

# Kept here rather than imported so that the corpus format does not depend on the package
# importing cleanly; test_kinds_match_records keeps the two in step.
KINDS = (
    "attribution-dropped",
    "attribution-changed",
    "certainty-raised",
    "certainty-lowered",
    "causal-link-added",
    "entity-changed",
    "number-changed",
    "negation-flipped",
    "quote-altered",
    "unsupported-claim",
    "omitted-claim",
    "scope-changed",
)
# What a faithful version must be clean of; omissions and scope are judged per story.
FAITHFUL_KINDS = frozenset(KINDS) - {"omitted-claim", "scope-changed"}
STORY_KEYS = {"story", "title", "fictional", "note", "articles"}
ARTICLE_KEYS = {"id", "file", "role", "outlet", "title", "date", "url"}
EXPECTED_KEYS = {"must_flag", "must_omit_flag", "must_not_flag"}
FORMATS = {".txt", ".md", ".html"}


def _story_dirs() -> list[Path]:
    return sorted(p for p in CORPORA.iterdir() if (p / "story.json").is_file())


def _story(path: Path) -> dict:
    return json.loads((path / "story.json").read_text(encoding="utf-8"))


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _article_words(path: Path) -> int:
    """Words of an article; for HTML only the text inside <article>, as a reader sees it."""
    text = _text(path)
    if path.suffix == ".html":
        match = re.search(r"<article\b.*?</article>", text, re.S)
        assert match, f"{path.name}: HTML page without <article>"
        text = re.sub(r"<[^>]+>", " ", match.group(0))
    return len(text.split())


def _derived(story: dict) -> list[dict]:
    return [a for a in story["articles"] if a["role"] == "derived"]


def _expected(story_dir: Path, article_id: str) -> dict:
    return json.loads((story_dir / "expected" / f"{article_id}.json").read_text(encoding="utf-8"))


def _all_expectations() -> list[tuple[Path, dict, dict]]:
    return [
        (d, art, _expected(d, art["id"]))
        for d in _story_dirs()
        for art in _derived(_story(d))
    ]


STORIES = _story_dirs() if CORPORA.is_dir() else []
pytestmark = pytest.mark.skipif(not STORIES, reason="corpora/ holds no stories")


def test_at_least_six_stories():
    assert len(STORIES) >= 6


@pytest.mark.parametrize("story_dir", STORIES, ids=lambda p: p.name)
def test_story_json_is_valid(story_dir: Path):
    story = _story(story_dir)
    assert STORY_KEYS <= set(story)
    assert story["story"] == story_dir.name
    assert story["fictional"] is True
    assert "fictional" in story["note"].lower()
    ids = [a["id"] for a in story["articles"]]
    assert len(ids) == len(set(ids)), "article ids repeat"
    roles = Counter(a["role"] for a in story["articles"])
    assert set(roles) <= {"source", "derived"}
    assert 1 <= roles["source"] <= 2
    assert roles["derived"] >= 2
    sources = {a["id"] for a in story["articles"] if a["role"] == "source"}
    for art in story["articles"]:
        assert ARTICLE_KEYS <= set(art), art["id"]
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", art["date"]), art["id"]
        assert art["url"].startswith("https://example.org/"), art["id"]
        assert (story_dir / art["file"]).is_file(), art["file"]
        assert Path(art["file"]).suffix in FORMATS, art["file"]
        if art["role"] == "derived":
            assert art["sources"] and set(art["sources"]) <= sources, art["id"]
        else:
            assert "sources" not in art, art["id"]


def test_article_ids_unique_across_corpus():
    ids = [a["id"] for d in STORIES for a in _story(d)["articles"]]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("story_dir", STORIES, ids=lambda p: p.name)
def test_article_lengths(story_dir: Path):
    for art in _story(story_dir)["articles"]:
        words = _article_words(story_dir / art["file"])
        low, high = (250, 600) if art["role"] == "source" else (60, 200)
        assert low <= words <= high, f"{art['file']}: {words} words"


def test_file_formats_are_mixed():
    suffixes = Counter(
        Path(a["file"]).suffix for d in STORIES for a in _story(d)["articles"]
    )
    assert suffixes[".md"] >= 1 and suffixes[".html"] >= 1 and suffixes[".txt"] >= 1


def test_html_pages_have_page_furniture():
    pages = [d / a["file"] for d in STORIES for a in _story(d)["articles"] if a["file"].endswith(".html")]
    for page in pages:
        html = _text(page)
        for tag in ("<nav", "<script", "<footer", "<article", 'class="byline"'):
            assert tag in html, f"{page.name} lacks {tag}"
        assert re.search(r">\s*Share[^<]*</a>", html), f"{page.name} lacks a Share link"


@pytest.mark.parametrize("story_dir", STORIES, ids=lambda p: p.name)
def test_every_derived_has_expectations(story_dir: Path):
    story = _story(story_dir)
    derived_ids = {a["id"] for a in _derived(story)}
    files = {p.stem for p in (story_dir / "expected").glob("*.json")}
    assert files == derived_ids


def test_expectation_shape_and_kinds():
    for story_dir, art, exp in _all_expectations():
        where = f"{story_dir.name}/{art['id']}"
        assert set(exp) == EXPECTED_KEYS, where
        for entry in exp["must_flag"]:
            assert {"quote", "kinds", "why"} <= set(entry), where
            assert entry["kinds"] and set(entry["kinds"]) <= set(KINDS) - {"omitted-claim"}, where
        for entry in exp["must_omit_flag"]:
            assert {"source_quote", "kinds", "why"} <= set(entry), where
            assert entry["kinds"] == ["omitted-claim"], where
        for entry in exp["must_not_flag"]:
            assert {"quote", "kinds", "why"} <= set(entry), where
            assert entry["kinds"] == ["*"] or set(entry["kinds"]) <= set(KINDS), where
        for entry in exp["must_flag"] + exp["must_omit_flag"] + exp["must_not_flag"]:
            assert entry["why"].strip(), where


def test_quotes_are_exact_substrings():
    for story_dir, art, exp in _all_expectations():
        derived = _text(story_dir / art["file"])
        for entry in exp["must_flag"]:
            # A drift must point at one place, so its quote occurs exactly once.
            assert derived.count(entry["quote"]) == 1, (art["id"], entry["quote"])
            assert 3 <= len(entry["quote"].split()) <= 12, (art["id"], entry["quote"])
        for entry in exp["must_not_flag"]:
            if entry["quote"] != "*":
                assert entry["quote"] in derived, (art["id"], entry["quote"])


def test_source_quotes_are_in_a_source():
    for story_dir, art, exp in _all_expectations():
        files = {a["id"]: a["file"] for a in _story(story_dir)["articles"]}
        sources = [_text(story_dir / files[s]) for s in art["sources"]]
        for entry in exp["must_omit_flag"]:
            assert any(entry["source_quote"] in s for s in sources), (art["id"], entry["source_quote"])


def test_must_flag_quotes_are_not_in_the_source():
    """A drifted quote copied verbatim from the source would not be a drift."""
    for story_dir, art, exp in _all_expectations():
        files = {a["id"]: a["file"] for a in _story(story_dir)["articles"]}
        sources = [_text(story_dir / files[s]) for s in art["sources"]]
        for entry in exp["must_flag"]:
            # A dropped attribution leaves the claim's own words intact, by design.
            if "attribution-dropped" in entry["kinds"]:
                continue
            assert not any(entry["quote"] in s for s in sources), (art["id"], entry["quote"])


def test_must_not_flag_does_not_contradict_must_flag():
    for story_dir, art, exp in _all_expectations():
        derived = _text(story_dir / art["file"])
        flagged = [
            (derived.index(e["quote"]), derived.index(e["quote"]) + len(e["quote"]), set(e["kinds"]))
            for e in exp["must_flag"]
        ]
        for entry in exp["must_not_flag"]:
            if entry["quote"] == "*" or entry["kinds"] == ["*"]:
                continue
            start = derived.index(entry["quote"])
            end = start + len(entry["quote"])
            for f_start, f_end, kinds in flagged:
                overlaps = start < f_end and f_start < end
                assert not (overlaps and kinds & set(entry["kinds"])), (art["id"], entry["quote"])


@pytest.mark.parametrize("story_dir", STORIES, ids=lambda p: p.name)
def test_exactly_one_faithful_version(story_dir: Path):
    faithful = []
    for art in _derived(_story(story_dir)):
        exp = _expected(story_dir, art["id"])
        if exp["must_flag"] or exp["must_omit_flag"]:
            continue
        faithful.append(art["id"])
        star = [e for e in exp["must_not_flag"] if e["quote"] == "*"]
        assert star and FAITHFUL_KINDS <= set(star[0]["kinds"]), art["id"]
    assert len(faithful) == 1, faithful


def test_every_kind_expected_at_least_twice():
    counts: Counter[str] = Counter()
    for _, _, exp in _all_expectations():
        for entry in exp["must_flag"] + exp["must_omit_flag"]:
            counts.update(entry["kinds"])
    missing = {k: counts[k] for k in KINDS if counts[k] < 2}
    assert not missing, missing


def test_kinds_match_records():
    from checker import records
    assert tuple(records.KINDS) == KINDS


def _manifest_rows() -> list[tuple[str, dict]]:
    rows: list[tuple[str, dict]] = []
    csv_path = CORPORA / "manifest-example.csv"
    with csv_path.open(encoding="utf-8", newline="") as fh:
        rows += [("csv", row) for row in csv.DictReader(fh)]
    for line in (CORPORA / "manifest-example.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            rows.append(("jsonl", json.loads(line)))
    return rows


def test_manifests_point_at_existing_files():
    corpus_derived = {
        (d.name, a["id"]): f"{d.name}/{a['file']}" for d in STORIES for a in _derived(_story(d))
    }
    inline = 0
    for fmt, row in _manifest_rows():
        assert {"id", "outlet", "story"} <= set(row), (fmt, row)
        if "derived_text" in row:
            inline += 1
            assert row["derived_text"].strip() and row.get("source_text", "").strip(), row["id"]
            continue
        sources = row.get("sources") or row.get("source") or ""
        # CSV joins several sources with "|"; JSON lines give them as a list.
        paths = sources if isinstance(sources, list) else sources.split("|")
        assert paths, (fmt, row["id"])
        for rel in paths:
            assert (CORPORA / rel).is_file(), (fmt, rel)
        assert corpus_derived.get((row["story"], row["id"])) == row["derived"], (fmt, row["id"])
    assert inline == 2


def test_manifests_cover_every_derived_text():
    wanted = {a["id"] for d in STORIES for a in _derived(_story(d))}
    for fmt in ("csv", "jsonl"):
        ids = [row["id"] for f, row in _manifest_rows() if f == fmt and "derived_text" not in row]
        assert len(ids) == len(set(ids)), fmt
        assert set(ids) == wanted, fmt


def test_readme_lists_every_story():
    readme = _text(CORPORA / "README.md")
    assert "fictional" in readme.lower()
    for d in STORIES:
        assert d.name in readme
        for art in _derived(_story(d)):
            assert art["id"] in readme
