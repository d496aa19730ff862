"""SARIF 2.1.0 (OASIS) from the JSON form of a check, for code-scanning dashboards.

Every registered rule is listed with its metadata and help (its docstring), whether or not it
fired, so rule indexes are stable across runs. A finding's location is its span in the derived
file (line and column 1-based, end column exclusive); its evidence in the sources are related
locations; its edit-robust fingerprint (``checker.gate.baseline``) is the partial fingerprint.
Suppressed findings are results with a ``suppressions`` entry; the gate's notices are tool
execution notifications.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from urllib.parse import quote

from checker import __version__

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT = "checkerFingerprint/v1"


def uri(path: str) -> str:
    """A path as a URI reference (relative paths stay relative, as code scanning wants)."""
    p = PurePath(path)
    if p.is_absolute():
        return "file://" + quote(p.as_posix())
    return quote(p.as_posix())


def _rules() -> list[dict]:
    from checker.explain import rule_help
    from checker.rules import RULES

    out = []
    for r in RULES:
        first = r.doc.strip().splitlines()[0] if r.doc.strip() else r.summary
        out.append({
            "id": r.code, "name": r.name,
            "shortDescription": {"text": r.summary},
            "fullDescription": {"text": first},
            "help": {"text": rule_help(r)},
            "defaultConfiguration": {"level": LEVELS[r.severity], "enabled": r.enabled},
            "properties": {"kind": r.kind, "tags": ["fact-drift", r.kind]},
        })
    return out


def _region(span: dict) -> dict:
    region = {"startLine": span["line"], "startColumn": span["column"]}
    if span.get("end_line"):
        region.update(endLine=span["end_line"], endColumn=span["end_column"])
    if span["end"] > span["start"]:
        region.update(charOffset=span["start"], charLength=span["end"] - span["start"],
                      snippet={"text": span["text"]})
    return region


def _path_of(data: dict, document: str) -> str:
    for art in (data["derived"], *data["sources"]):
        if art["document"] == document:
            return art.get("path") or art["document"]
    return document


def _result(f: dict, data: dict, index: dict, suppression: dict | None) -> dict:
    der = f["derived"]
    where = {"artifactLocation": {"uri": uri(_path_of(data, der["document"]))}}
    if der["text"]:
        where["region"] = _region(der)
    else:  # an omission belongs to the whole draft
        where["region"] = {"startLine": 1}
    related = [{"id": i, "message": {"text": f"source {ev['document']}"},
                "physicalLocation": {"artifactLocation": {"uri": uri(_path_of(data, ev["document"]))},
                                     "region": _region(ev)}}
               for i, ev in enumerate(f["evidence"], start=1)]
    extra = [{"physicalLocation": {"artifactLocation": where["artifactLocation"],
                                   "region": _region(loc)}}
             for loc in f.get("locations", [])[1:]]
    message = f["message"] + (f" Fix: {f['suggestion']}" if f.get("suggestion") else "")
    out = {"ruleId": f["code"], "ruleIndex": index[f["code"]], "level": LEVELS[f["severity"]],
           "message": {"text": message},
           "locations": [{"physicalLocation": where}, *extra],
           "properties": {"kind": f["kind"], "confidence": f["confidence"]}}
    if related:
        out["relatedLocations"] = related
    if f.get("fingerprint"):
        out["partialFingerprints"] = {FINGERPRINT: f["fingerprint"]}
    if suppression is not None:
        out["suppressions"] = [{
            "kind": "inSource" if suppression["by"] == "comment" else "external",
            "justification": suppression["reason"]}]
    return out


def to_sarif(data) -> dict:
    """The SARIF log of one check or several (``result_to_dict`` output): one run."""
    datas = data if isinstance(data, list) else [data]
    rules = _rules()
    index = {r["id"]: i for i, r in enumerate(rules)}
    results, notes, artifacts, seen = [], [], [], set()
    for d in datas:
        results += [_result(f, d, index, None) for f in d["findings"]]
        results += [_result(f, d, index, f["suppression"]) for f in d.get("suppressed", [])]
        path = d["derived"].get("path") or d["derived"]["document"]
        notes += [{"level": "warning", "message": {"text": n["message"]},
                   "locations": [{"physicalLocation": {
                       "artifactLocation": {"uri": uri(path)},
                       "region": {"startLine": n["line"], "startColumn": n["column"]}}}]}
                  for n in d.get("notices", [])]
        for a in (d["derived"], *d["sources"]):
            u = uri(a.get("path") or a["document"])
            if u not in seen:
                seen.add(u)
                artifacts.append({"location": {"uri": u}, "roles": [
                    "analysisTarget" if a is d["derived"] else "referencedOnCommandLine"]})
    return {
        "$schema": SARIF_SCHEMA, "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "checker", "version": __version__,
                                "semanticVersion": __version__, "rules": rules}},
            "artifacts": artifacts,
            "invocations": [{"executionSuccessful": True,
                             "toolExecutionNotifications": notes}],
            "results": results,
            "properties": {"scores": {d["derived"].get("path") or d["derived"]["document"]:
                                      d.get("score") for d in datas}},
        }],
    }


def format_sarif(data) -> str:
    """The SARIF log as JSON text."""
    return json.dumps(to_sarif(data), ensure_ascii=False, indent=2) + "\n"
