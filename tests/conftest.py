"""Shared fixtures: one real spaCy pipeline for the session, and the shared data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session", autouse=True)
def wordnet_files(tmp_path_factory):
    """WordNet for the rules that use it: the machine's (Debian's wordnet-base), or, where
    it has none, the small database of ``wordnet_fixture`` so the rule examples still run."""
    import os

    from checker import wordnet
    from wordnet_fixture import write_wordnet

    found = wordnet.find_dir(None)
    if found is not None:
        yield found
        return
    directory = str(write_wordnet(tmp_path_factory.mktemp("wordnet-fixture")))
    before = os.environ.get("CHECKER_WORDNET")
    os.environ["CHECKER_WORDNET"] = directory
    wordnet._SHARED.clear()
    try:
        yield directory
    finally:
        if before is None:
            os.environ.pop("CHECKER_WORDNET", None)
        else:
            os.environ["CHECKER_WORDNET"] = before
        wordnet._SHARED.clear()


@pytest.fixture(scope="session")
def pipeline():
    """The real pipeline (spaCy model loaded once for the whole session)."""
    from checker.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared, or skip when this clone has none beside it."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present beside this clone")
    return SHARED


@pytest.fixture
def check_texts(pipeline):
    """Check a derived text against source texts; returns the CheckResult."""
    from checker.load import load_text

    def run(derived: str, *sources: str):
        der = load_text(derived, doc_id="derived.txt")
        srcs = [load_text(s, doc_id=f"source{i}.txt") for i, s in enumerate(sources)]
        return pipeline.check(der, srcs)

    return run


@pytest.fixture
def claims_of(pipeline):
    """The claims of a text."""
    from checker.load import load_text

    def run(text: str):
        return pipeline.claims(load_text(text, doc_id="t.txt"))

    return run
