"""Format checks for the development drift suite in ``tests/drift-suite/`` and the held-out
stories in ``tests/drift-heldout/``.

The suite is fictional news (stories written for it, each derived text faithful except for one
planted drift, plus faithful paraphrases). These tests check the data only; how the checker
fares on it is measured by ``checker bench tests/drift-suite``.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

SUITE = Path(__file__).resolve().parent / "drift-suite"
HELDOUT = Path(__file__).resolve().parent / "drift-heldout"
KINDS = {
    "attribution-dropped", "attribution-changed", "certainty-raised", "certainty-lowered",
    "causal-link-added", "entity-changed", "number-changed", "negation-flipped",
    "quote-altered", "unsupported-claim", "omitted-claim", "scope-changed",
}
STORIES = sorted(p for folder in (SUITE, HELDOUT) if folder.is_dir()
                 for p in folder.iterdir() if (p / "story.json").is_file())


def _derived(story: Path):
    meta = json.loads((story / "story.json").read_text(encoding="utf-8"))
    arts = meta["articles"]
    sources = {a["id"]: (story / a["file"]).read_text(encoding="utf-8")
               for a in arts if a["role"] == "source"}
    for a in arts:
        if a["role"] == "derived":
            expected = json.loads((story / "expected" / f"{a['id']}.json").read_text("utf-8"))
            yield a, (story / a["file"]).read_text(encoding="utf-8"), expected, sources


def test_suite_has_ten_stories_in_varied_domains():
    assert len(STORIES) >= 10
    assert len({p.name.split("-")[0] for p in STORIES}) >= 10


@pytest.mark.parametrize("story", STORIES, ids=lambda p: p.name)
def test_story_is_well_formed(story):
    drifted = faithful = 0
    for art, text, expected, sources in _derived(story):
        assert set(art["sources"]) <= set(sources), art["id"]
        for m in expected["must_flag"]:
            assert text.count(m["quote"]) == 1, (art["id"], m["quote"])
            assert set(m["kinds"]) <= KINDS
        for m in expected["must_omit_flag"]:
            assert any(m["source_quote"] in s for s in sources.values()), m["source_quote"]
        for m in expected["must_not_flag"]:
            assert m["quote"] == "*" or m["quote"] in text, (art["id"], m["quote"])
            assert set(m["kinds"]) <= KINDS | {"*"}
        planted = len(expected["must_flag"]) + len(expected["must_omit_flag"])
        assert planted <= 1, f"{art['id']}: one planted drift per text"
        drifted += planted
        faithful += planted == 0
    assert 8 <= drifted <= 12 and faithful >= 3


def test_every_kind_planted_at_least_six_times():
    counts: Counter = Counter()
    for story in STORIES:
        for _, _, expected, _ in _derived(story):
            counts.update(m["kinds"][0] for m in expected["must_flag"])
            counts.update(m["kinds"][0] for m in expected["must_omit_flag"])
    assert set(counts) == KINDS
    assert min(counts.values()) >= 6, counts
