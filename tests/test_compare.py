"""checker compare: clustering, the claim matrix, per-article summaries and the odd one out."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from checker.compare import compare
from checker.compare.cluster import cluster, conflicts
from checker.compare.pairs import Link
from checker.compare.render import cells_frame, to_csv, to_dict, to_table

ROOT = Path(__file__).resolve().parents[1]
LINDELL = ROOT / "corpora" / "lindell-library-closures"


# ------------------------------------------------------------------ clustering, no spaCy


def _links(*specs) -> dict:
    """Links from (a, b, score, kinds); each also read the other way round unless given."""
    out = {}
    for a, b, score, kinds in specs:
        out[(a, b)] = Link(a, b, score, True, frozenset(kinds))
    return out


def _doc(cid: str) -> str:
    return cid.split(":")[0]


def test_a_chain_never_joins_two_claims_that_contradict_each_other():
    # A ~ B ~ C, but A and C give other figures (both ways): two variants of one row.
    links = _links(("a:1", "b:1", 0.9, ()), ("b:1", "a:1", 0.9, ()),
                   ("b:1", "c:1", 0.8, ()), ("c:1", "b:1", 0.8, ()),
                   ("a:1", "c:1", 0.7, ("number-changed",)),
                   ("c:1", "a:1", 0.7, ("number-changed",)))
    members = ["a:1", "b:1", "c:1"]
    order = {m: (i, 0) for i, m in enumerate(members)}
    rows = cluster(links, members, order, {m: _doc(m) for m in members}, 0.45)
    assert len(rows) == 1
    assert sorted(map(sorted, rows[0].variants)) == [["a:1", "b:1"], ["c:1"]]


def test_a_one_way_finding_between_claims_that_are_not_each_others_match_is_no_conflict():
    from dataclasses import replace

    links = _links(("a:1", "b:1", 0.6, ("entity-changed",)), ("b:1", "a:1", 0.6, ()))
    links[("b:1", "a:1")] = replace(links[("b:1", "a:1")], best=False)
    assert conflicts(links, 0.45) == set()
    links[("b:1", "a:1")] = replace(links[("b:1", "a:1")], best=True)
    assert conflicts(links, 0.45) == {frozenset(("a:1", "b:1"))}


def test_a_chain_of_near_neighbours_is_not_one_claim():
    # a-b and c-d are strong pairs; one weak link b-c must not glue them (half the pairs
    # across the two groups would have to be linked).
    links = _links(("a:1", "b:1", 0.9, ()), ("c:1", "d:1", 0.9, ()), ("b:1", "c:1", 0.5, ()))
    members = ["a:1", "b:1", "c:1", "d:1"]
    order = {m: (i, 0) for i, m in enumerate(members)}
    rows = cluster(links, members, order, {m: _doc(m) for m in members}, 0.45)
    assert sorted(sorted(r.claims) for r in rows) == [["a:1", "b:1"], ["c:1", "d:1"]]


# ------------------------------------------------------------------ the seed story


def _row_with(result, doc: str, words: str):
    """The row whose cell of ``doc`` holds a claim with ``words``."""
    col = [c.doc_id for c in result.columns].index(doc)
    hits = [r for r in result.rows if any(words in c.text for c in r.cells[col].claims)]
    assert hits, f"no row where {doc} says {words!r}"
    return hits[0]


def _cell(result, row, doc: str):
    return row.cells[[c.doc_id for c in result.columns].index(doc)]


@pytest.fixture(scope="module")
def seed(shared_dir, pipeline):
    from checker.load import load_article

    folder = shared_dir / "corpora" / "claude-code-china"
    if not folder.is_dir():
        pytest.skip("../shared/corpora/claude-code-china is not present")
    arts = [load_article(folder / name) for name in
            ("source.txt", "faithful-summary.txt", "summary.txt")]
    return compare(pipeline, arts, [True, False, False])


def test_seed_alibaba_ban_attribution_and_certainty(seed):
    row = _row_with(seed, "source.txt", "Alibaba is banning its own employees")
    for doc in ("source.txt", "faithful-summary.txt"):
        claim = _cell(seed, row, doc).claims[0]
        assert claim.attribution is not None and "Information" in claim.attribution.source
        assert claim.certainty.factivity == "non-factive"
    drifted = _cell(seed, row, "summary.txt")
    assert drifted.stated and "Alibaba has banned" in drifted.claims[0].text
    assert drifted.claims[0].attribution is None
    assert drifted.claims[0].certainty.factivity == "factive"
    assert drifted.stronger  # the rules read it as stated more firmly than the original


def test_seed_government_policy_only_in_the_drifted_summary(seed):
    row = _row_with(seed, "summary.txt", "government and corporate policies")
    stated = [c.doc_id for c in row.cells if c.stated]
    assert stated == ["summary.txt"]
    summary = next(s for s in seed.summaries if s.doc_id == "summary.txt")
    assert row.id in summary.unique


def test_seed_experiment_from_march_missing_from_the_drifted_summary_only(seed):
    row = _row_with(seed, "source.txt", "an experiment from March")
    assert _cell(seed, row, "source.txt").stated
    assert _cell(seed, row, "faithful-summary.txt").stated
    assert not _cell(seed, row, "summary.txt").stated
    summary = next(s for s in seed.summaries if s.doc_id == "summary.txt")
    assert row.id in summary.left_out
    faithful = next(s for s in seed.summaries if s.doc_id == "faithful-summary.txt")
    assert row.id not in faithful.left_out


def test_seed_mode_and_odd_one_out(seed):
    assert seed.mode == "originals" and "originals (source.txt)" in seed.reference_note
    assert seed.odd_one_out == "summary.txt"
    assert "more firmly than the originals" in seed.reason


# ------------------------------------------------------------------ four outlets, one odd


@pytest.fixture(scope="module")
def lindell(pipeline):
    from checker.compare.story import load_ref, read_story
    from checker.config import Config

    refs = read_story(LINDELL)
    arts = [load_ref(r, Config()) for r in refs]
    return compare(pipeline, arts, [False] * len(arts))


def test_four_outlets_the_odd_one_out_is_found_with_its_reasons(lindell):
    assert lindell.mode == "consensus" and "consensus" in lindell.reference_note
    assert [c.doc_id for c in lindell.columns] == ["pell-courier", "northwind-wire",
                                                   "morning-digest", "quickread-now"]
    assert lindell.odd_one_out == "quickread-now"
    assert "contradicts 2 claims" in lindell.reason


def test_four_outlets_conflicting_cells_are_marked(lindell):
    saving = _row_with(lindell, "quickread-now", "$2.8 million")
    odd = _cell(lindell, saving, "quickread-now")
    assert odd.status == "conflict" and "number-changed" in odd.marks
    assert "attribution-dropped" in odd.marks
    assert all(_cell(lindell, saving, d).status == "agrees"
               for d in ("pell-courier", "northwind-wire", "morning-digest"))
    layoffs = _row_with(lindell, "quickread-now", "expected layoffs")
    assert _cell(lindell, layoffs, "quickread-now").status == "conflict"
    assert "negation-flipped" in _cell(lindell, layoffs, "quickread-now").marks
    jobs = _row_with(lindell, "quickread-now", "23 jobs will be lost")
    assert _cell(lindell, jobs, "quickread-now").stronger


def test_four_outlets_the_faithful_digest_agrees(lindell):
    digest = next(s for s in lindell.summaries if s.doc_id == "morning-digest")
    assert digest.conflicts == () and digest.stronger == () and digest.unique == ()


def test_formats_are_built_from_one_frame(lindell):
    frame = cells_frame(lindell)
    assert len(frame) == len(lindell.rows) * 4
    rows = list(csv.DictReader(io.StringIO(to_csv(lindell))))
    assert len(rows) == len(frame) and rows[0].keys() >= {"row", "article", "attribution",
                                                          "factivity", "wording", "line"}
    data = json.loads(json.dumps(to_dict(lindell)))
    assert data["mode"] == "consensus" and data["odd_one_out"]["document"] == "quickread-now"
    cell = next(c for r in data["rows"] for c in r["cells"]
                if c["article"] == "quickread-now" and "$2.8" in c["wording"])
    assert cell["status"] == "conflict" and isinstance(cell["line"], int)
    assert {m["kind"] for m in cell["marks"]} >= {"number-changed", "attribution-dropped"}
    raw = (LINDELL / "quickread-now.txt").read_text(encoding="utf-8")
    assert raw[cell["start"]:cell["end"]].startswith("The closures will save $2.8")
    table = to_table(lindell)
    assert "Odd one out: quickread-now" in table and "U-!+" in table


# ------------------------------------------------------------------ the command


def _run(*args):
    from click.testing import CliRunner

    from checker.cli import cli

    return CliRunner().invoke(cli, ["compare", *args], catch_exceptions=False)


def test_cli_story_folder_json_and_exit_codes(tmp_path):
    out = tmp_path / "m.json"
    res = _run(str(LINDELL), "--format", "json", "-o", str(out))
    assert res.exit_code == 1  # a conflicting cell, --fail-on conflict by default
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["mode"] == "originals" and data["odd_one_out"]["document"] == "quickread-now"
    assert [a["original"] for a in data["articles"]] == [True, True, False, False]
    res = _run(str(LINDELL), "--consensus", "--fail-on", "never")
    assert res.exit_code == 0 and "measured against the consensus" in res.output


def test_cli_files_with_original(tmp_path):
    files = [str(LINDELL / n) for n in ("morning-digest.txt", "quickread-now.txt")]
    res = _run(*files, "--original", str(LINDELL / "courier-report.txt"), "--format", "csv",
               "--fail-on", "never")
    assert res.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(res.output)))
    assert {r["article"] for r in rows} == {"courier-report.txt", "morning-digest.txt",
                                            "quickread-now.txt"}
    assert {r["original"] for r in rows if r["article"] == "courier-report.txt"} == {"True"}


def test_cli_usage_and_input_errors(tmp_path):
    one = LINDELL / "morning-digest.txt"
    assert _run(str(one)).exit_code == 2  # one article alone
    assert _run(str(LINDELL), str(one)).exit_code == 2  # a folder and files
    assert _run(str(one), "--consensus").exit_code == 2  # --consensus without a folder
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    target = tmp_path / "out.json"
    res = _run(str(one), str(empty), "--format", "json", "-o", str(target))
    assert res.exit_code == 3 and "empty" in res.output.lower()
    assert not target.exists()  # nothing half-written
    assert _run(str(tmp_path)).exit_code == 3  # a folder without story.json


# ------------------------------------------------------------------ in batch


def test_batch_writes_the_matrix_of_a_story_with_several_articles(tmp_path):
    import shutil

    from checker.batch import run_batch

    corpus = tmp_path / "corpus"
    shutil.copytree(LINDELL, corpus / LINDELL.name)
    # Two articles only: no matrix (the diff report already shows the pair).
    pair = corpus / "pair"
    pair.mkdir()
    (pair / "src.txt").write_text((LINDELL / "courier-report.txt").read_text("utf-8"), "utf-8")
    (pair / "der.txt").write_text((LINDELL / "morning-digest.txt").read_text("utf-8"), "utf-8")
    (pair / "story.json").write_text(json.dumps({"story": "pair", "articles": [
        {"id": "src", "file": "src.txt", "role": "source"},
        {"id": "der", "file": "der.txt", "role": "derived"}]}), "utf-8")
    out = tmp_path / "out"
    summary = run_batch(corpus, out_dir=out, progress=False)
    made = sorted(p.suffix for p in (out / "compare").iterdir())
    assert made == [".csv", ".html", ".json"]
    data = json.loads(next((out / "compare").glob("*.json")).read_text("utf-8"))
    assert data["mode"] == "originals" and data["odd_one_out"]["document"] == "quickread-now"
    assert ("claim matrices", out / "compare") in summary.paths
    assert summary.failures == ()
    again = run_batch(corpus, out_dir=out, progress=False, compare=False)
    assert not any((out / "compare").iterdir())  # a fresh run clears the old matrices
    assert all(what != "claim matrices" for what, _ in again.paths)
