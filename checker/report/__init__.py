"""Report writers: JSON, text, line (editor), SARIF, GitHub annotations, CSV and HTML."""


def render(data: dict, fmt: str) -> str:
    """A check's JSON form rendered in one of the report formats."""
    import json

    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "line":
        from checker.report.text import format_lines

        return format_lines(data)
    if fmt == "html":
        from checker.report.html import render_report

        return render_report(data)
    if fmt == "sarif":
        from checker.report.sarif import format_sarif

        return format_sarif(data)
    if fmt == "github":
        from checker.report.github import format_github

        return format_github(data)
    if fmt == "text":
        from checker.report.text import format_text

        return format_text(data)
    raise ValueError(f"unknown report format {fmt!r}")
