"""Word lists are read by role from checker/lexicons/: extendable where a Lexicon is at hand,
refused where a role is read once at start-up."""

from __future__ import annotations

import pytest

from checker.config import Config
from checker.errors import ConfigError
from checker.lexicon import FILES, FIXED, LEXICON_DIR, load_lexicon, shipped


def _codes(config: Config, derived: str, source: str) -> list[str]:
    from checker.load import load_text
    from checker.pipeline import Pipeline

    result = Pipeline(config).check(load_text(derived, doc_id="derived.txt"),
                                    [load_text(source, doc_id="source.txt")])
    return [f.code for f in result.findings]


def test_every_role_has_a_file_with_a_header():
    for role, stem in FILES.items():
        lines = (LEXICON_DIR / f"{stem}.txt").read_text(encoding="utf-8").splitlines()
        assert lines and lines[0].startswith("# "), role


def test_a_role_read_by_a_rule_extends_through_the_configuration():
    source = "BP sued Shell over the pipeline contract."
    derived = "Shell sued BP over the pipeline contract."
    assert "DE402" in _codes(Config(), derived, source)
    extended = Config(lexicon_extra={"reciprocal_verbs": ["sue"]})
    assert "DE402" not in _codes(extended, derived, source)


def test_speech_verbs_extend_through_the_configuration():
    lexicon = load_lexicon({"speech_verbs": ["mutter"]})
    assert lexicon.has("speech_verbs", "mutter") and lexicon.has("speech_verbs", "say")
    assert "mutter" not in shipped("speech_verbs")


@pytest.mark.parametrize("role", sorted(FIXED))
def test_a_role_read_once_at_start_up_is_refused_in_the_configuration(role):
    with pytest.raises(ConfigError, match=f"{role} .*cannot be extended"):
        load_lexicon({role: ["x"]})


def test_months_keep_their_numbers_and_abbreviations():
    from checker.date_norms import MONTHS, WEEKDAYS

    assert MONTHS["january"] == 1 and MONTHS["may"] == 5 and MONTHS["december"] == 12
    assert MONTHS["sep"] == MONTHS["sept"] == 9
    assert "sunday" in WEEKDAYS


def test_phrase_entries_are_whole_entries():
    lexicon = load_lexicon()
    assert "the source article" in lexicon.entries("vague_sources")
    assert "the source article" in shipped("vague_sources")


def test_a_fixed_role_in_a_configuration_file_is_a_usage_error_naming_its_line(tmp_path):
    from checker.config import resolve_config

    path = tmp_path / "checker.toml"
    path.write_text('[checker]\n[checker.lexicon_extra]\nspeech_verbs = ["mutter"]\n'
                    'months = ["sept"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"checker.toml:4: lexicon_extra.months: unknown key"):
        resolve_config(str(path))


def test_a_past_tie_is_no_voice_of_the_body():
    from checker.lexicon import load_lexicon
    from checker.answer_kept import _former

    lex = load_lexicon()
    assert _former(lex, "A former Hallam Water engineer")
    assert _former(lex, "an ex-employee of the mill")
    assert not _former(lex, "A Hallam Water spokesman")
