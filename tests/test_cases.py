"""Rule case files: expectations sit beside the text (see tests/cases/README.md)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

CASES = sorted((Path(__file__).parent / "cases").glob("*.case"))
MARK = re.compile(r"\s*=>\s*([\w\-, ]+)\s*$")


def parse_case(path: Path):
    """(kind, source text, [(derived text, {line number: kinds}, block kinds)])."""
    kind, source, blocks, cur = "", [], [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# kind:"):
            kind = line.split(":", 1)[1].strip()
        elif line.startswith("#"):
            continue
        elif line.strip() == "[source]":
            cur = source
        elif line.strip() == "[derived]":
            cur = []
            blocks.append(cur)
        elif cur is not None and line.strip():
            cur.append(line)
    derived = []
    for block in blocks:
        text_lines, marks = [], {}
        for i, line in enumerate(block, start=1):
            m = MARK.search(line)
            if m:
                marks[i] = {k.strip() for k in m.group(1).split(",") if k.strip()}
                line = line[: m.start()]
            text_lines.append(line)
        derived.append(("\n\n".join(text_lines), marks))
    return kind, "\n\n".join(source), derived


def _lines_of(finding, text: str) -> set[int]:
    """Derived paragraph numbers (1-based) of a finding's places (a drift repeated in several
    paragraphs is one finding with several places); blocks join lines with a blank line."""
    return {text[: place["clean_start"]].count("\n\n") + 1
            for place in finding.get("locations") or [finding["derived"]]}


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case_file(path, check_texts, check_selected, check_configured):
    from checker.report.json_ import result_to_dict

    kind, source, derived = parse_case(path)
    select = re.findall(r"^# select: *(\S+)", path.read_text(encoding="utf-8"), re.M)
    if select:  # a rule off by default, run on its own
        check_texts = check_selected(*select)
    omissions = re.findall(r"^# omissions: *(.+)$", path.read_text(encoding="utf-8"), re.M)
    if omissions:  # omitted-claim kinds DO901 reports only when configured to
        check_texts = check_configured(omissions=tuple(omissions[0].split()))
    assert kind, f"{path.name} has no '# kind:' line"
    assert any(marks for _, marks in derived), f"{path.name} has no flagged line"
    assert any(not marks for _, marks in derived), f"{path.name} has no near-miss block"
    for text, marks in derived:
        data = result_to_dict(check_texts(text, source))
        findings = data["findings"]
        omitted = [f for f in findings if f["kind"] == "omitted-claim"]
        others = [f for f in findings if f["kind"] != "omitted-claim"]
        if kind == "omitted-claim":
            wants = any("omitted-claim" in k for k in marks.values())
            assert bool(omitted) == wants, (text, [f["message"] for f in omitted])
            marks = {n: k - {"omitted-claim"} for n, k in marks.items()}
            marks = {n: k for n, k in marks.items() if k}
        for n, kinds in marks.items():
            hits = [f for f in others if n in _lines_of(f, text) and f["kind"] in kinds]
            assert hits, f"{path.name}: line {n} {text.split(chr(10))[0][:60]!r} " \
                         f"wants {kinds}, got {[(f['kind'], f['message']) for f in others]}"
        empty = [f["code"] for f in findings if f["kind"] != "omitted-claim"
                 and not (f["derived"].get("text") or "").strip()]
        assert not empty, f"{path.name}: findings that point at no words: {empty}"
        stray = [f for f in others if _lines_of(f, text) - set(marks)]
        assert not stray, f"{path.name}: unexpected findings on {text[:60]!r}: " \
                          f"{[(f['kind'], f['message']) for f in stray]}"
