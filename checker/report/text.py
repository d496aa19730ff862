"""Plain-text and editor-line reports of a check, from its JSON form."""

from __future__ import annotations

import textwrap

from checker.records import SEVERITIES


def _quote(text: str, limit: int = 110) -> str:
    t = " ".join(text.split())
    return f'"{t}"' if len(t) <= limit else f'"{t[: limit - 1]}…"'


def format_text(result: dict) -> str:
    """A grouped, readable report: worst findings first, evidence quoted with its location."""
    d = result["derived"]
    sources = ", ".join(s["document"] for s in result["sources"])
    counts = result["counts"]["by_severity"]
    n = result["counts"]["findings"]
    parts = ", ".join(f"{counts[s]} {s}" for s in SEVERITIES if counts.get(s))
    lines = [f"{d['document']} checked against {sources}",
             f"consistency {result['score']:.2f} · {n} finding{'s' if n != 1 else ''}"
             + (f" ({parts})" if parts else ""), ""]
    if d.get("repairs"):
        lines.insert(1, "repaired on reading: " + "; ".join(d["repairs"]))
    if not result.get("claims", {}).get("derived"):
        lines.append("The derived text holds no claims to check (is it only page furniture?).")
        return "\n".join(lines + _gate_lines(result)) + "\n"
    if not n:
        lines.append("No drift found.")
        return "\n".join(lines + _gate_lines(result)) + "\n"
    wrap = textwrap.TextWrapper(width=100, initial_indent="    ", subsequent_indent="    ")
    for sev in SEVERITIES:
        group = [f for f in result["findings"] if f["severity"] == sev]
        if not group:
            continue
        lines.append(f"== {sev.upper()} ({len(group)}) ==")
        for f in group:
            der = f["derived"]
            where = (f"{der['document']}:{der['line']}:{der['column']}" if der["text"]
                     else f"{der['document']} (whole text)")
            lines.append(f"{where}  {f['code']} {f['kind']}  confidence {f['confidence']:.2f}")
            if der["text"]:
                lines.append(f"    derived: {_quote(der['text'])}")
            more = (f.get("locations") or [])[1:]
            if more:
                lines.append("    repeated at " + ", ".join(
                    f"{der['document']}:{p['line']}:{p['column']}" for p in more))
            lines.extend(wrap.wrap(f["message"]))
            if f["evidence"]:
                for ev in f["evidence"][:2]:
                    lines.append(f"    source {ev['document']}:{ev['line']}:{ev['column']}: "
                                 f"{_quote(ev['text'])}")
            else:
                lines.append("    source: no support found")
            if f.get("suggestion"):
                lines.append(f"    fix: {f['suggestion']}")
            lines.append("")
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines + _gate_lines(result)) + "\n"


def _gate_lines(result: dict) -> list[str]:
    """The suppressed findings and the suppression notices, after the findings."""
    out: list[str] = []
    d = result["derived"]
    notices = result.get("notices") or []
    if notices:
        out += ["", f"== SUPPRESSION NOTICES ({len(notices)}) =="]
        out += [f"{d['document']}:{n['line']}:{n['column']}  {n['message']}" for n in notices]
    suppressed = result.get("suppressed") or []
    if suppressed:
        out += ["", f"== SUPPRESSED ({len(suppressed)}, not counted) =="]
        for f in suppressed:
            der, why = f["derived"], f["suppression"]
            where = f"{d['document']}:{der['line']}" if der["text"] else d["document"]
            by = "baseline" if why["by"] == "baseline" else f"comment on line {why['line']}"
            out.append(f"{where}  {f['code']} {f['kind']}: {why['reason']} ({by})")
    return out


def format_lines(result: dict) -> str:
    """One finding a line, ``path:line:col: CODE kind message``, for editors and CI logs."""
    path = result["derived"].get("path") or result["derived"]["document"]
    out = []
    for f in result["findings"]:
        for der in f.get("locations") or [f["derived"]]:  # one line per place of the drift
            out.append(f"{path}:{der['line']}:{der['column']}: {f['code']} {f['kind']} "
                       f"{f['message']}")
    for n in result.get("notices") or []:
        out.append(f"{path}:{n['line']}:{n['column']}: notice {n['kind']} {n['message']}")
    return "\n".join(out) + ("\n" if out else "")


def format_claims_table(data: dict) -> str:
    """The claims of one article as a readable table."""
    lines = []
    for c in data["claims"]:
        a = c["attribution"]
        cert = c["certainty"]
        lines.append(f"{c['id']}  {c['line']}:{c['column']}  {_quote(c['text'], 100)}")
        bits = [f"subject={c['subject']!r}", f"predicate={c['predicate']['lemma']}"]
        if c["negated"]:
            bits.append("NEGATED")
        if a:
            who = a["source"] or "unnamed"
            bits.append(f"attribution={who} ({a['cue']}{', negated' if a['negated'] else ''})")
        bits.append(f"certainty={cert['level']:.2f} {cert['factivity']}")
        for key in ("hedges", "attempts", "boosters"):
            if cert[key]:
                bits.append(f"{key}={','.join(cert[key])}")
        if c["links"]:
            bits.append("links=" + ",".join(f"{x['cue']}({x['kind']})" for x in c["links"]))
        if c["entities"]:
            bits.append("entities=" + ",".join(e["text"] for e in c["entities"]))
        if c["quantities"]:
            bits.append("numbers=" + ",".join(f"{q['text']}={q['norm']}" for q in c["quantities"]))
        if c["quotes"]:
            bits.append("quotes=" + ",".join(f"{q['text']!r} by {q['speaker'] or '?'}"
                                             for q in c["quotes"]))
        lines.append("    " + "  ".join(bits))
    return "\n".join(lines) + "\n"
