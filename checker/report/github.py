"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line a finding,
shown as annotations on the pull request's changed files."""

from __future__ import annotations

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    """Escape a message as GitHub's toolkit does (``%``, CR and LF)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    """Escape a property value (also ``:`` and ``,``)."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _line(command: str, path: str, span: dict | None, title: str, message: str) -> str:
    props = [f"file={_prop(path)}"]
    if span is not None:
        props.append(f"line={span['line']}")
        props.append(f"col={span['column']}")
        if span.get("end_line"):
            props.append(f"endLine={span['end_line']}")
            if span["end_line"] == span["line"]:
                props.append(f"endColumn={span['end_column']}")
    props.append(f"title={_prop(title)}")
    return f"::{command} {','.join(props)}::{_data(message)}"


def format_github(data: dict) -> str:
    """Annotations for the findings and the gate's notices of one check."""
    path = data["derived"].get("path") or data["derived"]["document"]
    out = []
    for f in data["findings"]:
        message = f["message"] + (f" Fix: {f['suggestion']}" if f.get("suggestion") else "")
        for span in f.get("locations") or [f["derived"]]:  # one annotation per place
            out.append(_line(COMMANDS[f["severity"]], path, span if span["text"] else None,
                             f"{f['code']} {f['kind']}", message))
    for n in data.get("notices", []):
        out.append(_line("warning", path, {"line": n["line"], "column": n["column"]},
                         "checker suppression", n["message"]))
    return "\n".join(out) + ("\n" if out else "")
