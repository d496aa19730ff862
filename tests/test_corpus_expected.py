"""The bundled corpus end to end: every derived text's expected findings hold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.expect import evaluate

CORPUS = Path(__file__).resolve().parents[1] / "corpora"


def derived_items():
    for story in sorted(CORPUS.glob("*/story.json")):
        meta = json.loads(story.read_text(encoding="utf-8"))
        arts = {a["id"]: a for a in meta["articles"]}
        for a in meta["articles"]:
            if a["role"] != "derived":
                continue
            srcs = a.get("sources") or [i for i, x in arts.items() if x["role"] == "source"]
            yield pytest.param(story.parent, a, [arts[s] for s in srcs],
                               id=f"{story.parent.name}/{a['id']}")


@pytest.mark.parametrize("folder,derived,sources", list(derived_items()))
def test_expected_findings_hold(folder, derived, sources, pipeline):
    from checker.load import load_article
    from checker.report.json_ import result_to_dict

    der = load_article(folder / derived["file"], doc_id=derived["file"])
    srcs = [load_article(folder / s["file"], doc_id=s["file"]) for s in sources]
    result = result_to_dict(pipeline.check(der, srcs))
    expected = json.loads((folder / "expected" / f"{derived['id']}.json").read_text("utf-8"))
    got = evaluate(result, expected, der.raw)
    assert got.ok, f"missed {list(got.missed)}; false flags {list(got.false_flags)}"


def test_seed_pairs_hold(shared_dir, pipeline):
    from checker.load import load_article
    from checker.report.json_ import result_to_dict

    seed = shared_dir / "corpora" / "claude-code-china"
    expected = json.loads((seed / "expected.json").read_text(encoding="utf-8"))
    for pair in expected["pairs"]:
        der = load_article(seed / pair["summary"])
        src = load_article(seed / pair["source"])
        got = evaluate(result_to_dict(pipeline.check(der, [src])), pair, der.raw)
        assert got.ok, (pair["summary"], got.missed, got.false_flags)
