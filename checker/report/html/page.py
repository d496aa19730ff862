"""Pages in the report's style: templates rendered with CSS and JS inlined under a
Content-Security-Policy of their hashes, and written atomically."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any, Union

import jinja2
from markupsafe import Markup

from checker.errors import CheckerError
from checker.report.html.values import KIND_LABELS

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


def render_page(template: str, context: dict, *, script: str) -> str:
    """Render another page in the report's style: ``template`` with common.css and its own
    stylesheet and ``script`` inlined under the same Content-Security-Policy."""
    return render(template, context, script=script)


def write_html(html: str, path: Union[str, os.PathLike]) -> None:
    """Write a page atomically: a temp file in the same folder, then os.replace."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise CheckerError(f"cannot write report {target}: {exc}") from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(html)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes the file private; a report is meant to be shared like any other file.
        os.chmod(tmp, _mode_of(target))
        os.replace(tmp, target)
    except OSError as exc:
        _unlink_quietly(tmp)
        raise CheckerError(f"cannot write report {target}: {exc}") from exc
    except BaseException:
        _unlink_quietly(tmp)
        raise


def script_json(value: Any) -> str:
    """JSON that is safe inside a <script> element: no '<', '>', '&' or line separators."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                          ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@lru_cache(maxsize=8)
def _asset(name: str) -> str:
    try:
        return (TEMPLATES / name).read_text(encoding="utf-8")
    except OSError as exc:
        raise CheckerError(f"report template asset missing: {name}: {exc}") from exc


def _csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def render(template: str, context: dict, *, script: str) -> str:
    css = _asset("common.css") + _asset(template.replace(".html", ".css"))
    js = _asset(script)
    # Hashes instead of 'unsafe-inline': only these exact bytes may run or style the page.
    csp = ("default-src 'none'; "
           f"style-src {_csp_hash(css)}; script-src {_csp_hash(js)}; "
           "img-src data:; base-uri 'none'; form-action 'none'")
    try:
        tpl = _environment().get_template(template)
        return tpl.render(css=Markup(css), js=Markup(js), csp=csp,
                          kind_labels=KIND_LABELS, **context)
    except jinja2.TemplateError as exc:
        raise CheckerError(f"cannot render {template}: {exc}") from exc


def _mode_of(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        return 0o644


def _unlink_quietly(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass  # the temp file is already gone; nothing to clean
