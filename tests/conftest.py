"""Shared fixtures: one real spaCy pipeline for the session, and the shared data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session", autouse=True)
def packaged_wordnet():
    """Every test reads the WordNet data shipped in the package, whatever
    ``$CHECKER_WORDNET`` the shell has; a test that wants another store names it."""
    import os

    from checker import wordnet, wordnet_store

    before = os.environ.pop("CHECKER_WORDNET", None)
    wordnet._SHARED.clear()
    try:
        yield wordnet_store.DATA_FILE
    finally:
        if before is not None:
            os.environ["CHECKER_WORDNET"] = before
        wordnet._SHARED.clear()


@pytest.fixture(scope="session", autouse=True)
def no_configuration_from_the_shell():
    """Tests see no ``$CHECKER_CONFIG`` or ``$CHECKER_MODEL`` of the shell that runs them; a
    test that wants one sets it."""
    import os

    saved = {k: os.environ.pop(k) for k in ("CHECKER_CONFIG", "CHECKER_MODEL") if k in os.environ}
    try:
        yield
    finally:
        os.environ.update(saved)


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
def check_configured(pipeline):
    """``check_texts`` with a pipeline built from the given configuration fields
    (``omissions=("answer", "caveat")``), sharing the session's spaCy model."""
    from checker.config import Config
    from checker.load import load_text
    from checker.pipeline import Pipeline

    def configured(**fields):
        mine = Pipeline(Config(**fields), nlp=pipeline.parser.nlp)

        def run(derived: str, *sources: str):
            der = load_text(derived, doc_id="derived.txt")
            srcs = [load_text(s, doc_id=f"source{i}.txt") for i, s in enumerate(sources)]
            return mine.check(der, srcs)

        return run

    return configured


@pytest.fixture
def check_selected(check_configured):
    """``check_texts`` with a pipeline that runs the given rule codes only (how a rule off by
    default is tested), sharing the session's spaCy model."""

    def selecting(*codes: str):
        return check_configured(select=codes)

    return selecting


@pytest.fixture
def claims_of(pipeline):
    """The claims of a text."""
    from checker.load import load_text

    def run(text: str):
        return pipeline.claims(load_text(text, doc_id="t.txt"))

    return run
