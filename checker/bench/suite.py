"""Score a drift suite: story folders whose derived texts carry expected findings.

A suite is a folder of stories in the corpus format (``corpora/README.md``): each derived
text has ``expected/<id>.json`` with the drifts it must flag and the spans it must not. The
bench checks every derived text against its sources and reports:

- **recall per kind**: of the planted drifts of a kind (``must_flag``, ``must_omit_flag``),
  how many a finding of an accepted kind covers;
- **false alarms per faithful text**: findings on a text with no planted drift that its
  ``must_not_flag`` entries forbid (as the corpus convention has it: every kind but
  omitted-claim and scope-changed), and every finding on it, whatever the kind;
- **precision per rule code**: of a code's findings over the whole suite, the share that
  cover a planted drift of their kind; a finding anywhere else counts against it.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Optional

import checker
from checker.config import Config
from checker.errors import CheckerError, InputError
from checker.bench.probes import probe_files, probe_pairs
from checker.expect import _evidence_hits, _overlaps_span, _spans


def is_suite(path: Path) -> bool:
    """A story folder, a folder of story folders, or a folder of probe files."""
    return path.is_dir() and ((path / "story.json").is_file()
                              or any(p.is_dir() and (p / "story.json").is_file()
                                     for p in path.iterdir())
                              or bool(probe_files(path)))


def _stories(path: Path) -> list[Path]:
    if (path / "story.json").is_file():
        return [path]
    return sorted(p for p in path.iterdir() if p.is_dir() and (p / "story.json").is_file())


def run_suite(path: str | Path, *, config: Optional[Config] = None, pipeline=None) -> dict:
    """Check every derived text of the suite and score it against its expected file."""
    from checker.load import load_article, load_text
    from checker.report.json_ import result_to_dict

    root = Path(path)
    if not is_suite(root):
        raise InputError(f"{root} is not a story folder, a folder of stories or of probe files",
                         path=str(root), cause="usage")
    if pipeline is None:
        from checker.pipeline import Pipeline

        pipeline = Pipeline(config)
    cfg = getattr(pipeline, "config", None) or config or Config()
    planted: list[dict] = []
    texts: list[dict] = []
    code_hits: dict[str, Counter] = defaultdict(Counter)
    errors: list[str] = []
    for name, expected, derived, source in probe_pairs(root):
        try:
            der = load_text(derived, doc_id="derived", config=cfg)
            result = result_to_dict(pipeline.check(der, [load_text(source, doc_id="source",
                                                                     config=cfg)]))
        except CheckerError as exc:
            errors.append(f"{name}: {exc}")
            continue
        except Exception as exc:  # noqa: BLE001 - a suite records a crashing text and goes on
            errors.append(f"{name}: internal error: {type(exc).__name__}: {exc}")
            continue
        _score_text(name, expected, der.raw, result["findings"], planted, texts, code_hits)
    for story in _stories(root):
        meta = json.loads((story / "story.json").read_text(encoding="utf-8"))
        arts = {a["id"]: a for a in meta["articles"]}
        for art in meta["articles"]:
            if art["role"] != "derived":
                continue
            exp_path = story / "expected" / f"{art['id']}.json"
            if not exp_path.is_file():
                continue
            expected = json.loads(exp_path.read_text(encoding="utf-8"))
            src_ids = art.get("sources") or [i for i, a in arts.items() if a["role"] == "source"]
            try:
                der = load_article(story / art["file"], doc_id=art["file"], config=cfg,
                                   meta=_meta(art))
                srcs = [load_article(story / arts[s]["file"], doc_id=arts[s]["file"],
                                     config=cfg, meta=_meta(arts[s])) for s in src_ids]
                result = result_to_dict(pipeline.check(der, srcs))
            except CheckerError as exc:
                errors.append(f"{story.name}/{art['id']}: {exc}")
                continue
            except Exception as exc:  # noqa: BLE001 - one crashing text must not stop the suite
                errors.append(f"{story.name}/{art['id']}: internal error: "
                              f"{type(exc).__name__}: {exc}")
                continue
            name = f"{story.name}/{art['id']}"
            _score_text(name, expected, der.raw, result["findings"], planted, texts, code_hits)
    return _summarise(root, planted, texts, code_hits, errors, cfg, pipeline)


def _meta(art: dict) -> dict:
    """The article's metadata from ``story.json``, as a batch run reads it."""
    return {k: str(art[k]) for k in ("outlet", "title", "date", "url", "role") if art.get(k)}


def _score_text(name: str, expected: dict, raw: str, findings: list[dict], planted: list,
                texts: list, code_hits: dict) -> None:
    used: set[int] = set()
    for m in expected.get("must_flag", []):
        spans = _spans(raw, m["quote"])
        hit = [i for i, f in enumerate(findings)
               if f["kind"] in m["kinds"] and _overlaps_span(f, spans)]
        used.update(hit)
        planted.append({"text": name, "kind": m["kinds"][0], "accepted": m["kinds"],
                        "quote": m["quote"], "caught": bool(hit),
                        "by": sorted({findings[i]["code"] for i in hit})})
    for m in expected.get("must_omit_flag", []):
        hit = [i for i, f in enumerate(findings)
               if f["kind"] in m["kinds"] and _evidence_hits(f, m["source_quote"])]
        used.update(hit)
        planted.append({"text": name, "kind": m["kinds"][0], "accepted": m["kinds"],
                        "quote": m["source_quote"], "caught": bool(hit),
                        "by": sorted({findings[i]["code"] for i in hit})})
    faithful = not expected.get("must_flag") and not expected.get("must_omit_flag")
    forbidden = []
    for m in expected.get("must_not_flag", []):
        spans = None if m["quote"] == "*" else _spans(raw, m["quote"])
        for i, f in enumerate(findings):
            if "*" not in m["kinds"] and f["kind"] not in m["kinds"]:
                continue
            if spans is None or _overlaps_span(f, spans):
                forbidden.append(i)
    forbidden = sorted(set(forbidden))
    for i, f in enumerate(findings):
        code_hits[f["code"]]["correct" if i in used else "wrong"] += 1
    texts.append({"text": name, "faithful": faithful, "findings": len(findings),
                  "false_alarms": [f"{findings[i]['kind']} {findings[i]['code']}: "
                                   f"{findings[i]['derived']['text'][:80]!r}" for i in forbidden],
                  "unexpected": [f"{f['kind']} {f['code']}: {f['derived']['text'][:80]!r}"
                                 for i, f in enumerate(findings) if i not in used]})


def _summarise(root: Path, planted, texts, code_hits, errors, cfg: Config, pipeline) -> dict:
    by_kind: dict[str, dict[str, Any]] = {}
    for kind in sorted({p["kind"] for p in planted}):
        mine = [p for p in planted if p["kind"] == kind]
        caught = sum(p["caught"] for p in mine)
        by_kind[kind] = {"planted": len(mine), "caught": caught,
                         "recall": round(caught / len(mine), 4)}
    faithful = [t for t in texts if t["faithful"]]
    alarms = sum(len(t["false_alarms"]) for t in faithful)
    any_findings = sum(t["findings"] for t in faithful)
    codes = {code: {"findings": c["correct"] + c["wrong"], "correct": c["correct"],
                    "precision": round(c["correct"] / (c["correct"] + c["wrong"]), 4)}
             for code, c in sorted(code_hits.items())}
    caught = sum(p["caught"] for p in planted)
    return {
        "task": "drift-suite",
        "data_file": str(root),
        "texts": len(texts),
        "faithful_texts": len(faithful),
        "planted": len(planted),
        "caught": caught,
        "recall": round(caught / len(planted), 4) if planted else None,
        "recall_by_kind": by_kind,
        "false_alarms_on_faithful": alarms,
        "false_alarms_per_faithful_text": round(alarms / len(faithful), 4) if faithful else None,
        "findings_on_faithful": any_findings,
        "findings_per_faithful_text": (round(any_findings / len(faithful), 4)
                                       if faithful else None),
        "precision_by_code": codes,
        "missed": [p for p in planted if not p["caught"]],
        "false_alarms": {t["text"]: t["false_alarms"] for t in faithful if t["false_alarms"]},
        "unexpected_on_drifted": {t["text"]: t["unexpected"] for t in texts
                                  if not t["faithful"] and t["unexpected"]},
        "errors": errors,
        "version": checker.__version__,
        "model": getattr(pipeline, "model", cfg.model),
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }


def format_suite_table(results: dict) -> str:
    """The suite's figures as plain text: recall per kind, false alarms, precision per code."""
    lines = [f"checker bench {results['data_file']}: {results['texts']} texts "
             f"({results['faithful_texts']} faithful), {results['planted']} planted drifts; "
             f"checker {results['version']}, model {results['model']}", ""]
    header = f"{'kind':<22} {'caught':>6} {'planted':>7} {'recall %':>8}"
    lines += [header, "-" * len(header)]
    for kind, m in results["recall_by_kind"].items():
        lines.append(f"{kind:<22} {m['caught']:>6} {m['planted']:>7} {100 * m['recall']:>8.0f}")
    if results["recall"] is not None:
        lines.append(f"{'ALL':<22} {results['caught']:>6} {results['planted']:>7} "
                     f"{100 * results['recall']:>8.1f}")
    lines.append("")
    lines.append(f"false alarms on faithful texts: {results['false_alarms_on_faithful']} "
                 f"({results['false_alarms_per_faithful_text']} per text); all findings on "
                 f"them: {results['findings_on_faithful']} "
                 f"({results['findings_per_faithful_text']} per text)")
    lines.append("")
    header = f"{'code':<6} {'findings':>8} {'on a planted drift':>18} {'precision %':>11}"
    lines += [header, "-" * len(header)]
    for code, m in results["precision_by_code"].items():
        lines.append(f"{code:<6} {m['findings']:>8} {m['correct']:>18} "
                     f"{100 * m['precision']:>11.0f}")
    if results["errors"]:
        lines.append("")
        lines.append("not checked: " + "; ".join(results["errors"]))
    return "\n".join(lines) + "\n"
