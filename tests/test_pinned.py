"""The default spaCy model is checked against the SHA-256 hashes recorded in
checker/models/spacy-model.json before it is loaded."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checker import pinned
from checker.config import DEFAULT_MODEL
from checker.errors import ModelError
from checker.parse import get_nlp


@pytest.fixture
def model_copy(tmp_path) -> Path:
    """A copy of the installed default model's data directory."""
    source = pinned.pinned_dir(DEFAULT_MODEL)
    assert source is not None, f"{DEFAULT_MODEL} is a declared dependency and must be installed"
    return Path(shutil.copytree(source, tmp_path / source.name))


def _flip_a_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


def test_the_installed_default_model_matches_its_pin():
    recorded = pinned.pin()
    assert recorded["name"] == DEFAULT_MODEL
    assert pinned.file_hashes(pinned.pinned_dir(DEFAULT_MODEL)) == recorded["sha256"]
    pinned.check(DEFAULT_MODEL)


def test_an_exact_copy_loaded_by_path_passes(model_copy):
    assert pinned.pinned_dir(str(model_copy)) == model_copy
    assert "ner" in get_nlp(str(model_copy)).pipe_names


def test_a_tampered_copy_is_refused_naming_the_file_and_both_hashes(model_copy):
    weights = model_copy / "ner" / "model"
    _flip_a_byte(weights)
    got = pinned.file_hashes(model_copy)["ner/model"]
    want = pinned.pin()["sha256"]["ner/model"]
    assert got != want
    with pytest.raises(ModelError) as err:
        get_nlp(str(model_copy))
    message = str(err.value)
    assert "ner/model" in message and got in message and want in message


def test_a_missing_file_is_refused(model_copy):
    (model_copy / "tagger" / "model").unlink()
    with pytest.raises(ModelError, match=r"tagger/model has SHA-256 \(file missing\)"):
        get_nlp(str(model_copy))


def test_another_model_is_not_checked(model_copy):
    meta = json.loads((model_copy / "meta.json").read_text(encoding="utf-8"))
    meta["name"] = "my_own_pipeline"
    (model_copy / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    _flip_a_byte(model_copy / "ner" / "model")
    assert pinned.pinned_dir(str(model_copy)) is None
    pinned.check(str(model_copy))  # a user's own model: not ours to pin
    assert pinned.pinned_dir("en_core_web_trf") is None


def test_the_default_model_is_hashed_once_per_process(monkeypatch):
    pinned.check(DEFAULT_MODEL)

    def fail(_directory):
        raise AssertionError("hashed twice")

    monkeypatch.setattr(pinned, "file_hashes", fail)
    pinned.check(DEFAULT_MODEL)


def test_the_command_line_exits_3_on_a_tampered_model(model_copy, tmp_path):
    _flip_a_byte(model_copy / "tok2vec" / "model")
    (tmp_path / "s.txt").write_text("The council approved the budget on Tuesday.\n")
    (tmp_path / "d.txt").write_text("The council approved the budget.\n")
    run = subprocess.run([sys.executable, "-m", "checker.cli", "check", str(tmp_path / "d.txt"),
                          "-s", str(tmp_path / "s.txt"), "--model", str(model_copy)],
                         capture_output=True, text=True)
    assert run.returncode == 3, run.stderr
    assert "tok2vec/model has SHA-256" in run.stderr
