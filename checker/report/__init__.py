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


def render_many(datas: list[dict], fmt: str) -> str:
    """Several checks' reports in one output: one SARIF run, a JSON list, or the reports one
    after another (one check renders as ``render`` does)."""
    import json

    if len(datas) == 1:
        return render(datas[0], fmt)
    if fmt == "json":
        return json.dumps(datas, ensure_ascii=False, indent=2) + "\n"
    if fmt == "sarif":
        from checker.report.sarif import format_sarif

        return format_sarif(datas)
    if fmt == "html":
        raise ValueError("an HTML report holds one check")
    sep = "\n" if fmt == "text" else ""
    return sep.join(render(d, fmt) for d in datas)
