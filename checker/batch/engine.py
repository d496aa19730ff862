"""Checking items: the ``_Runner`` that checks them, and the item files the client writes.

A ``_Runner`` holds one ``Pipeline``; it loads a chunk of items, parses all their texts with
one ``nlp.pipe`` call and checks each item, yielding an ``_Outcome`` per item: the content of
its item file and its rendered HTML report. It writes nothing, so it can run anywhere (this
process, a worker process, a Dask worker on another machine). A failing item is caught here
and becomes a failed outcome, so one bad article never stops the batch.

``write_outcome`` is the one place an outcome becomes files: ``html/<safe-id>.html``, then
``items/<safe-id>.json`` (the item file last, so an item counts as done only when both are
there). Every engine hands its outcomes to it in the client process. ``_read_item`` reads an
item file back.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Optional, Sequence

from checker.batch.items import BatchItem, DocRef, Failure, safe_id
from checker.budget import time_budget
from checker.config import Config
from checker.errors import CheckerError, InputError, OutputError
from checker.files import atomic_write

ITEM_SCHEMA = 1


@dataclass(frozen=True)
class _Outcome:
    """One checked item: what its item file holds (``record``) and its HTML report (``page``)."""

    item_id: str
    ok: bool
    findings: int
    record: dict = field(default_factory=dict, compare=False, repr=False)
    page: str = field(default="", compare=False, repr=False)  # '' when there is no report


class _Runner:
    """Checks chunks of items in one process with one Pipeline; writes nothing."""

    def __init__(self, config: Config, cache_dir: Optional[Path], html: bool,
                 on_phase: Optional[Callable[[float, str], None]] = None) -> None:
        from checker.pipeline import Pipeline

        # Told (seconds of budget, item id or "") before each piece of work, so a parent
        # process can stop a worker that overruns it where the timer cannot, and knows which
        # item a worker that died was working on.
        self._on_phase = on_phase
        self.config = config
        self.html = html
        self.pipe = Pipeline(config, cache_dir=str(cache_dir) if cache_dir else None)
        self._articles: dict[DocRef, Any] = {}

    def run(self, chunk: Sequence[tuple[BatchItem, str]]) -> Iterator[_Outcome]:
        """Check a chunk of (item, fingerprint) pairs, yielding one outcome per item."""
        budget = self.config.time_budget
        loaded = []
        for item, fp in chunk:
            started = time.monotonic()
            self._phase(budget, item.id)
            try:
                with time_budget(budget, name=_where(item), what="loading it"):
                    loaded.append((item, fp, self._load(item.derived),
                                   [self._load(s) for s in item.sources],
                                   time.monotonic() - started))
            except _LoadFailed as exc:
                yield self._fail(item, fp, exc.failure)
            except InputError as exc:  # too slow to load
                yield self._fail(item, fp, Failure(item.id, item.derived.path or "", exc.cause,
                                                   str(exc)))
        self._parse_ahead(loaded, budget)
        for item, fp, derived, sources, spent in loaded:
            yield self._check(item, fp, derived, sources, budget - spent if budget > 0 else 0)

    def _phase(self, seconds: float, item_id: str) -> None:
        # Sent with no budget too: a worker that dies is known to have died on this item.
        if self._on_phase is not None:
            self._on_phase(max(seconds, 0.0), item_id)

    def _parse_ahead(self, loaded: list, budget: float) -> None:
        # One nlp.pipe over the whole chunk is much faster than one call per text; check()
        # then finds every parse memoised. An error here is reported per item by check(). The
        # whole chunk gets one item's budget: past it, each item is parsed in its own budget
        # (the parses done so far are kept), so one pathological text stalls the worker for
        # two budgets at most, not one per item of its chunk.
        articles = [a for _, _, d, s, _ in loaded for a in (d, *s)]
        if not articles:
            return
        self._phase(budget, "")
        try:
            with time_budget(budget, name="chunk"):
                self.pipe.claims_many(articles)
        except Exception:  # noqa: BLE001 - the per-item check reports it with the item's name
            pass

    def _load(self, ref: DocRef):
        hit = self._articles.get(ref)
        if hit is None:
            hit = self._load_uncached(ref)
            if len(self._articles) > 512:
                self._articles.clear()
            self._articles[ref] = hit
        if isinstance(hit, Failure):
            raise _LoadFailed(hit)
        return hit

    def _load_uncached(self, ref: DocRef):
        from checker.load import load_article, load_text

        meta = dict(ref.meta)
        try:
            if ref.path is not None:
                return load_article(ref.path, doc_id=ref.doc_id, config=self.config, meta=meta)
            return load_text(ref.text or "", doc_id=ref.doc_id, config=self.config, meta=meta)
        except InputError as exc:
            return Failure("", exc.path or ref.path or "", exc.cause,
                           f"{_describe(ref)}: {exc}")
        except Exception as exc:  # noqa: BLE001 - a loader bug on one file must not stop the batch
            return Failure("", ref.path or "", "internal",
                           f"{_describe(ref)}: internal error while loading "
                           f"{ref.path or 'inline text'}: {type(exc).__name__}: {exc}")

    def _fail(self, item: BatchItem, fp: str, failure: Failure) -> _Outcome:
        failure = Failure(item.id, failure.path, failure.cause, f"{item.id}: {failure.message}",
                          story=item.story)
        return _Outcome(item.id, False, 0, _item_record(item, fp, failure=failure))

    def _check(self, item: BatchItem, fp: str, derived, sources, budget: float) -> _Outcome:
        from checker.gate import run_gate
        from checker.report.json_ import result_to_dict

        budget = max(budget, 1.0) if budget else 0  # an item whose loading used it up is tried
        self._phase(budget, item.id)
        try:
            with time_budget(budget, name=_where(item), stated=self.config.time_budget):
                checked = self.pipe.check(derived, sources)
                # A draft's suppression comments hold in a batch too (listed, not counted).
                result = result_to_dict(checked, gate=run_gate(checked))
        except CheckerError as exc:
            cause = getattr(exc, "cause", "") or type(exc).__name__
            return self._fail(item, fp, Failure(item.id, item.derived.path or "", cause,
                                                str(exc)))
        except Exception as exc:  # noqa: BLE001 - one broken item must not stop the batch
            return self._fail(item, fp, Failure(
                item.id, item.derived.path or "", "internal",
                f"internal error while checking: {type(exc).__name__}: {exc}"))
        page = _render_page(result) if self.html else ""
        record = _item_record(item, fp, result=_slim(result),
                              html=f"html/{safe_id(item.id)}.html" if page else "")
        return _Outcome(item.id, True, len(result.get("findings", ())), record, page)


def _item_record(item: BatchItem, fp: str, *, result: Optional[dict] = None,
                 failure: Optional[Failure] = None, html: str = "") -> dict:
    return {
        "schema": ITEM_SCHEMA,
        "item_id": item.id,
        "fingerprint": fp,
        "status": "ok" if failure is None else "failed",
        "item": asdict(item),
        "html": html,
        "failure": asdict(failure) if failure else None,
        "result": result,
    }


def write_outcome(out_dir: Path, outcome: _Outcome) -> None:
    """Write an outcome's HTML report, then its item file (the mark that the item is done)."""
    record = outcome.record
    if outcome.page and record.get("html"):
        try:
            from checker.report.html import write_html

            write_html(outcome.page, out_dir / record["html"])  # atomic: temp file, rename
        except (ImportError, CheckerError):  # a report that cannot be written loses no finding
            record = {**record, "html": ""}
    try:
        text = json.dumps(record, ensure_ascii=False, default=str)
    except (ValueError, TypeError, RecursionError) as exc:
        raise OutputError(f"cannot write the item file of {outcome.item_id}: {exc}") from exc
    # A character UTF-8 cannot encode is written as a JSON escape, which reads back as the
    # same string.
    atomic_write(out_dir / "items" / f"{safe_id(outcome.item_id)}.json", text,
                 errors="backslashreplace")


def failed_outcome(outcome: _Outcome, cause: str, message: str) -> _Outcome:
    """The outcome of an item that was checked but whose files could not be written."""
    item = outcome.record.get("item") or {}
    failure = Failure(outcome.item_id, (item.get("derived") or {}).get("path") or "", cause,
                      f"{outcome.item_id}: {message}", story=item.get("story") or "")
    record = {**outcome.record, "status": "failed", "html": "", "result": None,
              "failure": asdict(failure)}
    return _Outcome(outcome.item_id, False, 0, record)


def _where(item: BatchItem) -> str:
    return item.derived.path or "inline text"


def _describe(ref: DocRef) -> str:
    # The loader's own message names the file, so only say which document of the item it was.
    return "derived text" if ref.role == "derived" else f"source {ref.doc_id!r}"


class _LoadFailed(Exception):
    def __init__(self, failure: Failure) -> None:
        super().__init__(failure.message)
        self.failure = failure


def _render_page(result: dict) -> str:
    """The HTML report of one check result; '' when the HTML module is absent or fails."""
    try:
        from checker.report.html import render_report
    except ImportError:
        return ""
    try:
        return render_report(result)
    except Exception:  # noqa: BLE001 - a report that cannot be drawn must not lose the findings
        return ""


def write_item_html(out_dir: Path, item_id: str, result: dict) -> str:
    """Write the HTML report of one item under ``html/``; '' when it cannot be drawn."""
    page = _render_page(result)
    if not page:
        return ""
    name = f"html/{safe_id(item_id)}.html"
    try:
        from checker.report.html import write_html

        write_html(page, out_dir / name)  # atomic: temp file, then os.replace
    except CheckerError:
        return ""
    return name


def _slim(result: dict) -> dict:
    # Item files keep what the tables and a later index need; the claims, alignments and full
    # texts (most of the bytes) live in the HTML report and are cheap to recompute.
    slim = {k: v for k, v in result.items() if k not in ("claims", "alignments")}
    if isinstance(slim.get("derived"), dict):
        slim["derived"] = {k: v for k, v in slim["derived"].items() if k not in ("text", "units")}
    if isinstance(slim.get("sources"), list):
        slim["sources"] = [{k: v for k, v in s.items() if k not in ("text", "units")}
                           for s in slim["sources"] if isinstance(s, dict)]
    return slim


def _read_item(out: Path, item_id: str) -> Optional[dict]:
    p = out / "items" / f"{safe_id(item_id)}.json"
    try:
        record = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    if not isinstance(record, dict) or record.get("schema") != ITEM_SCHEMA:
        return None
    return record
