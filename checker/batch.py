"""Batch runs: check every derived text of a corpus folder or a manifest, in parallel, resumably.

Input (``collect_items``):

* a corpus folder: ``<story>/story.json`` plus the article files it names, or a folder of such
  story folders. Every article with ``"role": "derived"`` becomes one item, checked against
  the sources it lists (all sources of the story when it lists none). Item ids are
  ``<story>/<article id>``.
* a manifest, CSV or JSON lines, one row per derived text: ``id``; ``derived`` (a path
  relative to the manifest) or ``derived_text``; ``source`` / ``sources`` (paths, ``|``
  separated in CSV, a list in JSON lines) and/or ``source_text`` (``source_texts``, a list, in
  JSON lines); optional ``outlet``, ``story``, ``title``, ``date``, ``url``.

Problems found while reading the input (a malformed row, a duplicate id, a folder with no
``story.json``, a missing file) become ``Failure`` records; so do problems found while checking
an item (an empty, binary, undecodable, oversized or non-English file). A failure never stops
the other items.

Output (``run_batch``), all in ``out_dir`` (default ``reports/batch/<input stem>/``), every
file written to a temporary name and renamed into place:

* ``items/<safe-id>.json``: one file per item, written the moment the item is done. An
  interrupted run (Ctrl-C, SIGKILL) loses no finished item; ``resume=True`` skips the items
  whose file is there and matches the current input, configuration and checker code.
* ``findings.csv`` / ``findings.jsonl``: one row per finding (``FINDING_FIELDS``).
* ``summary-stories.csv`` / ``summary-outlets.csv``: texts, failures, findings, findings by
  kind and the mean consistency score per story and per outlet.
* ``failures.csv``: item, path, cause, message.
* ``checker.sqlite``: appended to on every run (see ``checker.store`` for the tables).
* ``html/<safe-id>.html`` and ``index.html`` when ``checker.report.html`` is available.

All tables are rebuilt from the item files at the end of every run, so they always describe
every item of the input that is done, whichever run checked it.

Processes: with ``jobs > 1`` the items go in chunks to worker processes (forked on Linux,
spawned elsewhere; ``CHECKER_START_METHOD`` overrides), each holding one ``Pipeline`` and
parsing a whole chunk with one ``nlp.pipe`` call. A failing item is caught in its worker and
recorded as a ``Failure``; a worker that dies is replaced and its unfinished items recorded.
Parses are cached on disk in ``<out_dir>/.parse-cache`` (or ``cache_dir``).

Exit codes (``BatchSummary.exit_code``): 0 every item checked and nothing at or above
``fail_on``; 1 drift at or above ``fail_on``; 3 some items failed (wins over 1); 130
interrupted by Ctrl-C (the tables hold what was done; run again with ``resume=True``).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import os
import queue
import re
import secrets
import signal
import sys
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator, Optional, Sequence

from checker import __version__
from checker.config import Config
from checker.files import atomic_write
from checker.errors import CheckerError, ConfigError, InputError, ModelError
from checker.records import KINDS, SEVERITY_RANK

ITEM_SCHEMA = 1
FAIL_ON = ("error", "warning", "info", "never")
EXIT_OK, EXIT_DRIFT, EXIT_FAILURES, EXIT_INTERRUPTED = 0, 1, 3, 130
# Test hook: the parent raises KeyboardInterrupt after this many items, as a Ctrl-C would.
INTERRUPT_ENV = "CHECKER_BATCH_INTERRUPT_AFTER"

FINDING_FIELDS = (
    "run_id", "item_id", "story", "outlet", "derived_id", "source_ids", "kind", "code",
    "severity", "confidence", "derived_start", "derived_end", "derived_line", "derived_column",
    "derived_text", "evidence_document", "evidence_start", "evidence_end", "evidence_text",
    "message",
)
FAILURE_FIELDS = ("item", "path", "cause", "message", "story")
_MANIFEST_SUFFIXES = {".csv": "csv", ".tsv": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl",
                      ".json": "jsonl"}
_ARTICLE_META = ("outlet", "title", "date", "url")


@dataclass(frozen=True)
class DocRef:
    """One document of an item: a file (``path``) or inline ``text``, with its metadata."""

    doc_id: str
    role: str  # derived | source
    path: Optional[str] = None
    text: Optional[str] = None
    meta: tuple[tuple[str, str], ...] = ()

    def meta_value(self, key: str) -> str:
        return dict(self.meta).get(key, "")


@dataclass(frozen=True)
class BatchItem:
    """One derived text to check against its sources; ``origin`` says where it was declared."""

    id: str
    story: str
    outlet: str
    derived: DocRef
    sources: tuple[DocRef, ...]
    origin: str = ""


@dataclass(frozen=True)
class Failure:
    """An item that could not be checked: which item, which file, the cause and a message."""

    item: str
    path: str
    cause: str
    message: str
    story: str = ""


@dataclass(frozen=True)
class BatchSummary:
    """What a batch run did: counts, failures, exit code, the per-story table, files written."""

    run_id: str
    out_dir: Path
    items: int  # items found in the input (failed ones included)
    done: int  # items checked by this run
    skipped_resumed: int  # items skipped because an earlier run had done them
    failures: tuple[Failure, ...]
    findings: int
    exit_code: int  # 0 clean, 1 drift at/above fail_on, 3 some items failed, 130 interrupted
    stories: Any = field(default=None, compare=False, repr=False)  # pandas DataFrame
    outlets: Any = field(default=None, compare=False, repr=False)  # pandas DataFrame
    paths: tuple[tuple[str, Path], ...] = ()  # (what, path) of every file written
    interrupted: bool = False
    fail_on: str = "error"


# --------------------------------------------------------------------------- reading input


def collect_items(path: str | os.PathLike, *,
                  config: Optional[Config] = None) -> tuple[list[BatchItem], list[Failure]]:
    """The items of a corpus folder or manifest, and the failures found while reading it."""
    root = Path(path)
    if not root.exists():
        raise InputError(f"{root}: no such corpus folder or manifest", path=str(root),
                         cause="missing")
    if root.is_dir():
        items, failures = _collect_corpus(root)
    else:
        items, failures = _collect_manifest(root)
    return _drop_duplicates(items, failures)


def _drop_duplicates(items: list[BatchItem],
                     failures: list[Failure]) -> tuple[list[BatchItem], list[Failure]]:
    # The first item with an id is kept; later ones would overwrite its results.
    seen: dict[str, BatchItem] = {}
    kept: list[BatchItem] = []
    for item in items:
        first = seen.get(item.id)
        if first is not None:
            failures.append(Failure(
                item.id, item.derived.path or "", "duplicate-id",
                f"{item.id}: duplicate id ({item.origin}); the id is already used by "
                f"{first.origin}, so this text was not checked: give it a unique id",
                story=item.story))
            continue
        seen[item.id] = item
        kept.append(item)
    return kept, failures


def _collect_corpus(root: Path) -> tuple[list[BatchItem], list[Failure]]:
    if (root / "story.json").is_file():
        return _read_story(root)
    items: list[BatchItem] = []
    failures: list[Failure] = []
    folders = sorted(d for d in root.iterdir()
                     if d.is_dir() and not d.name.startswith((".", "_")))
    if not folders:
        failures.append(Failure(root.name, str(root), "no-metadata",
                                f"{root}: neither a story folder (no story.json) nor a folder "
                                f"of story folders"))
    for folder in folders:
        if not (folder / "story.json").is_file():
            failures.append(Failure(folder.name, str(folder), "no-metadata",
                                    f"{folder.name}: folder has no story.json, so its texts "
                                    f"were not checked: add one (see the corpus format)",
                                    story=folder.name))
            continue
        got, bad = _read_story(folder)
        items.extend(got)
        failures.extend(bad)
    return items, failures


def _read_story(folder: Path) -> tuple[list[BatchItem], list[Failure]]:
    meta_path = folder / "story.json"
    try:
        data = json.loads(meta_path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return [], [Failure(folder.name, str(meta_path), "malformed",
                            f"{folder.name}: cannot read story.json: {exc}", story=folder.name)]
    if not isinstance(data, dict) or not isinstance(data.get("articles"), list):
        return [], [Failure(folder.name, str(meta_path), "malformed",
                            f"{folder.name}: story.json has no \"articles\" list",
                            story=folder.name)]
    story = str(data.get("story") or folder.name)
    failures: list[Failure] = []
    sources: dict[str, DocRef] = {}
    derived: list[tuple[dict, DocRef]] = []
    seen: set[str] = set()
    for n, art in enumerate(data["articles"], 1):
        label = f"{story}/#{n}"
        if not isinstance(art, dict) or not art.get("id") or not art.get("file"):
            failures.append(Failure(label, str(meta_path), "malformed",
                                    f"{label}: article {n} of story.json needs an \"id\" and "
                                    f"a \"file\""))
            continue
        art_id = str(art["id"])
        role = art.get("role")
        if role not in ("source", "derived"):
            failures.append(Failure(f"{story}/{art_id}", str(meta_path), "malformed",
                                    f"{story}/{art_id}: role must be \"source\" or "
                                    f"\"derived\", got {role!r}"))
            continue
        if art_id in seen:
            failures.append(Failure(f"{story}/{art_id}", str(meta_path), "duplicate-id",
                                    f"{story}/{art_id}: article id used twice in story.json"))
            continue
        seen.add(art_id)
        meta = tuple((k, str(art[k])) for k in _ARTICLE_META if art.get(k) is not None)
        ref = DocRef(art_id, role, path=str(folder / str(art["file"])),
                     meta=(*meta, ("story", story), ("role", role)))
        if role == "source":
            sources[art_id] = ref
        else:
            derived.append((art, ref))
    items = []
    for art, ref in derived:
        item, failure = _story_item(story, art, ref, sources, meta_path)
        if failure is not None:
            failures.append(failure)
        else:
            items.append(item)
    return items, [replace(f, story=f.story or story) for f in failures]


def _story_item(story: str, art: dict, ref: DocRef, sources: dict[str, DocRef],
                meta_path: Path) -> tuple[Optional[BatchItem], Optional[Failure]]:
    item_id = f"{story}/{ref.doc_id}"
    wanted = art.get("sources") or list(sources)
    if isinstance(wanted, str):
        wanted = [wanted]
    if not wanted:
        return None, Failure(item_id, ref.path or "", "missing-source",
                             f"{item_id}: the story has no source article to check against")
    unknown = [s for s in wanted if s not in sources]
    if unknown:
        return None, Failure(item_id, str(meta_path), "missing-source",
                             f"{item_id}: source {', '.join(map(repr, unknown))} is not a "
                             f"source article of story.json")
    refs = tuple(sources[s] for s in wanted)
    item = BatchItem(item_id, story, ref.meta_value("outlet"), ref, refs, origin=str(meta_path))
    return item, _missing_file(item)


def _missing_file(item: BatchItem) -> Optional[Failure]:
    if item.derived.path is not None and not Path(item.derived.path).is_file():
        return Failure(item.id, item.derived.path, "missing",
                       f"{item.id}: derived file {item.derived.path} does not exist",
                       story=item.story)
    for src in item.sources:
        if src.path is not None and not Path(src.path).is_file():
            return Failure(item.id, src.path, "missing-source",
                           f"{item.id}: source file {src.path} does not exist, so the text "
                           f"cannot be checked against it", story=item.story)
    return None


def _collect_manifest(path: Path) -> tuple[list[BatchItem], list[Failure]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise InputError(f"{path}: cannot read the manifest: {exc}", path=str(path),
                         cause="unreadable") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: the manifest is not UTF-8 ({exc.reason} at byte "
                         f"{exc.start})", path=str(path), cause="encoding") from exc
    fmt = _MANIFEST_SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        fmt = "jsonl" if text.lstrip().startswith("{") else "csv"
    rows = _jsonl_rows(text) if fmt == "jsonl" else _csv_rows(path, text, fmt)
    items: list[BatchItem] = []
    failures: list[Failure] = []
    base = path.parent
    for lineno, row, error in rows:
        label = f"{path.name}:{lineno}"
        if error:
            failures.append(Failure(str(row.get("id") or label), str(path), "malformed",
                                    f"{label}: malformed manifest row: {error}"))
            continue
        item, failure = _manifest_item(row, base, f"{path.name} line {lineno}", label)
        if failure is not None:
            failures.append(failure)
        else:
            items.append(item)
    return items, failures


def _jsonl_rows(text: str) -> Iterator[tuple[int, dict, str]]:
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield lineno, {}, f"not JSON ({exc.msg} at column {exc.colno})"
            continue
        if not isinstance(row, dict):
            yield lineno, {}, "expected a JSON object"
            continue
        yield lineno, row, ""


def _csv_rows(path: Path, text: str, fmt: str) -> Iterator[tuple[int, dict, str]]:
    reader = csv.DictReader(io.StringIO(text, newline=""),
                            delimiter="\t" if fmt == "tsv" else ",")
    header = [h.strip() for h in (reader.fieldnames or [])]
    if "id" not in header:
        raise InputError(f"{path}: the manifest header must have an 'id' column "
                         f"(found: {', '.join(header) or 'nothing'})", path=str(path),
                         cause="malformed")
    reader.fieldnames = header
    for row in reader:
        lineno = reader.line_num
        if None in row:
            yield lineno, {"id": row.get("id")}, (f"{len(header) + len(row[None])} fields for "
                                                  f"{len(header)} columns")
            continue
        if any(v is None for v in row.values()):
            yield lineno, {"id": row.get("id")}, f"fewer fields than the {len(header)} columns"
            continue
        clean = {k: v.strip() for k, v in row.items() if v and v.strip()}
        if not clean:
            continue
        if "sources" in clean:
            clean["sources"] = [s.strip() for s in clean["sources"].split("|") if s.strip()]
        yield lineno, clean, ""


def _as_list(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if str(v).strip()]
    return [str(value)]


def _manifest_item(row: dict, base: Path, origin: str,
                   label: str) -> tuple[Optional[BatchItem], Optional[Failure]]:
    item_id = str(row.get("id") or "").strip()
    if not item_id:
        return None, Failure(label, "", "malformed", f"{label}: malformed manifest row: no id")
    story = str(row.get("story") or "")
    item, failure = _manifest_row_item(row, item_id, story, base, origin)
    return item, failure and replace(failure, story=story)


def _manifest_row_item(row: dict, item_id: str, story: str, base: Path,
                       origin: str) -> tuple[Optional[BatchItem], Optional[Failure]]:
    outlet = str(row.get("outlet") or "")
    meta = tuple((k, str(row[k])) for k in _ARTICLE_META if row.get(k))
    meta = (*meta, ("story", story), ("role", "derived"))
    if row.get("derived"):
        derived = DocRef(item_id, "derived", path=_resolve(base, str(row["derived"])), meta=meta)
    elif isinstance(row.get("derived_text"), str) and row["derived_text"].strip():
        derived = DocRef(item_id, "derived", text=row["derived_text"], meta=meta)
    else:
        return None, Failure(item_id, "", "malformed",
                             f"{item_id} ({origin}): malformed manifest row: no 'derived' "
                             f"path or 'derived_text'")
    paths = _as_list(row.get("source")) + _as_list(row.get("sources"))
    texts = _as_list(row.get("source_text")) + _as_list(row.get("source_texts"))
    if not paths and not texts:
        return None, Failure(item_id, derived.path or "", "missing-source",
                             f"{item_id} ({origin}): no 'source' or 'source_text' to check "
                             f"the text against")
    src_meta = (("story", story), ("role", "source"))
    stems = [Path(p).stem for p in paths]
    unique = len(set(stems)) == len(stems)
    refs = [DocRef(stem if unique else p, "source", path=_resolve(base, p), meta=src_meta)
            for p, stem in zip(paths, stems)]
    for n, text in enumerate(texts, 1):
        doc_id = "source" if len(texts) == 1 and not refs else f"source-{n}"
        refs.append(DocRef(doc_id, "source", text=text, meta=src_meta))
    item = BatchItem(item_id, story, outlet, derived, tuple(refs), origin=origin)
    return item, _missing_file(item)


def _resolve(base: Path, given: str) -> str:
    p = Path(given).expanduser()
    return os.path.normpath(p if p.is_absolute() else base / p)


# --------------------------------------------------------------------------- checking


def safe_id(item_id: str) -> str:
    """A file-name-safe, collision-free stem for an item id."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", item_id).strip("._")[:80] or "item"
    return f"{stem}-{hashlib.sha1(item_id.encode('utf-8')).hexdigest()[:8]}"


# Modules that cannot change a finding; editing them must not void a resumable run.
_NOT_IN_FINDINGS = frozenset({"batch.py", "store.py", "cli.py", "bench.py", "files.py",
                              "report/html.py", "report/text.py"})


def _code_fingerprint() -> str:
    # Resumed items must have been checked by the same rules and lexicons, not just the same
    # version number, so hash the package sources themselves.
    root = Path(__file__).resolve().parent
    digest = hashlib.sha1(__version__.encode())
    for p in sorted([*root.rglob("*.py"), *root.rglob("*.txt")]):
        if p.relative_to(root).as_posix() in _NOT_IN_FINDINGS:
            continue
        digest.update(str(p.relative_to(root)).encode())
        digest.update(p.read_bytes())
    return digest.hexdigest()


def _item_fingerprint(item: BatchItem, base: str) -> str:
    digest = hashlib.sha1(base.encode())
    digest.update(json.dumps(asdict(item), sort_keys=True).encode("utf-8"))
    for ref in (item.derived, *item.sources):
        if ref.path is None:
            continue
        try:
            st = os.stat(ref.path)
        except OSError:
            continue
        digest.update(f"{ref.path}\0{st.st_size}\0{st.st_mtime_ns}".encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class _Outcome:
    item_id: str
    ok: bool
    findings: int


class _Runner:
    """Checks chunks of items in one process with one Pipeline; writes each item file."""

    def __init__(self, config: Config, out_dir: Path, cache_dir: Optional[Path],
                 html: bool) -> None:
        from checker.pipeline import Pipeline

        self.config = config
        self.out_dir = out_dir
        self.html = html
        self.pipe = Pipeline(config, cache_dir=str(cache_dir) if cache_dir else None)
        self._articles: dict[DocRef, Any] = {}

    def run(self, chunk: Sequence[tuple[BatchItem, str]]) -> Iterator[_Outcome]:
        """Check a chunk of (item, fingerprint) pairs, yielding one outcome per item."""
        loaded = []
        for item, fp in chunk:
            try:
                loaded.append((item, fp, self._load(item.derived),
                               [self._load(s) for s in item.sources]))
            except _LoadFailed as exc:
                yield self._fail(item, fp, exc.failure)
        self._parse_ahead(loaded)
        for item, fp, derived, sources in loaded:
            yield self._check(item, fp, derived, sources)

    def _parse_ahead(self, loaded: list) -> None:
        # One nlp.pipe over the whole chunk is much faster than one call per text; check()
        # then finds every parse memoised. An error here is reported per item by check().
        articles = [a for _, _, d, s in loaded for a in (d, *s)]
        if not articles:
            return
        try:
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
        self._write_item(item, fp, failure=failure)
        return _Outcome(item.id, False, 0)

    def _check(self, item: BatchItem, fp: str, derived, sources) -> _Outcome:
        from checker.report.json_ import result_to_dict

        try:
            result = result_to_dict(self.pipe.check(derived, sources))
        except CheckerError as exc:
            cause = getattr(exc, "cause", "") or type(exc).__name__
            return self._fail(item, fp, Failure(item.id, item.derived.path or "", cause,
                                                str(exc)))
        except Exception as exc:  # noqa: BLE001 - one broken item must not stop the batch
            return self._fail(item, fp, Failure(
                item.id, item.derived.path or "", "internal",
                f"internal error while checking: {type(exc).__name__}: {exc}"))
        html_name = self._write_html(item, result)
        self._write_item(item, fp, result=_slim(result), html=html_name)
        return _Outcome(item.id, True, len(result.get("findings", ())))

    def _write_html(self, item: BatchItem, result: dict) -> str:
        if not self.html:
            return ""
        return write_item_html(self.out_dir, item.id, result)

    def _write_item(self, item: BatchItem, fp: str, *, result: Optional[dict] = None,
                    failure: Optional[Failure] = None, html: str = "") -> None:
        record = {
            "schema": ITEM_SCHEMA,
            "item_id": item.id,
            "fingerprint": fp,
            "status": "ok" if failure is None else "failed",
            "item": asdict(item),
            "html": html,
            "failure": asdict(failure) if failure else None,
            "result": result,
        }
        atomic_write(self.out_dir / "items" / f"{safe_id(item.id)}.json",
                     json.dumps(record, ensure_ascii=False, default=str))


def _describe(ref: DocRef) -> str:
    # The loader's own message names the file, so only say which document of the item it was.
    return "derived text" if ref.role == "derived" else f"source {ref.doc_id!r}"


class _LoadFailed(Exception):
    def __init__(self, failure: Failure) -> None:
        super().__init__(failure.message)
        self.failure = failure


def write_item_html(out_dir: Path, item_id: str, result: dict) -> str:
    """Write the HTML report of one item under ``html/``; '' when the HTML module is absent."""
    try:
        from checker.report.html import write_report
    except ImportError:
        return ""
    name = f"html/{safe_id(item_id)}.html"
    try:
        write_report(result, out_dir / name)  # atomic: temp file, then os.replace
    except Exception:  # noqa: BLE001 - a report that cannot be drawn must not lose the findings
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


# --------------------------------------------------------------------------- processes


def _worker_main(tasks, results, parent: int, config: Config, out_dir: Path,
                 cache_dir: Optional[Path], html: bool) -> None:
    # Ctrl-C goes to the whole process group; the parent alone decides how to stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        runner = _Runner(config, out_dir, cache_dir, html)
    except ModelError as exc:
        results.put(("fatal", str(exc)))
        return
    while True:
        task = tasks.get()
        if task is None:
            break
        index, chunk = task
        results.put(("start", index, os.getpid()))
        for outcome in runner.run(chunk):
            results.put(("item", outcome))
            if os.getppid() != parent:
                return  # the parent was killed: nobody will read the tables, stop working
        results.put(("done", index, os.getpid()))


def _run_parallel(chunks: list, jobs: int, config: Config, out_dir: Path,
                  cache_dir: Optional[Path], html: bool, on_outcome) -> list[Failure]:
    """Run chunks in ``jobs`` spawned processes; returns failures of items lost with a worker."""
    import multiprocessing

    ctx = multiprocessing.get_context(_start_method())
    pool = _Pool(ctx, jobs, (config, out_dir, cache_dir, html))
    for task in enumerate(chunks):
        pool.tasks.put(task)
    for _ in range(jobs):
        pool.tasks.put(None)
    running: dict[int, int] = {}  # worker pid -> chunk index
    reported: set[str] = set()
    finished: set[int] = set()
    lost: list[Failure] = []
    try:
        pool.start()
        while len(finished) < len(chunks):
            try:
                msg = pool.results.get(timeout=0.5)
            except queue.Empty:
                for pid, code in pool.reap():
                    index = running.pop(pid, None)
                    if index is not None:
                        finished.add(index)
                        lost += _lost(chunks[index], reported, f"the worker process checking "
                                      f"it died (exit code {code})")
                if not pool.alive():
                    break
                continue
            if msg[0] == "fatal":
                raise ModelError(msg[1])
            if msg[0] == "start":
                running[msg[2]] = msg[1]
            elif msg[0] == "done":
                finished.add(msg[1])
                running.pop(msg[2], None)
            else:
                reported.add(msg[1].item_id)
                on_outcome(msg[1])
        why = "no worker process was left to check it"
        if _start_method() != "fork":
            why += (" (with the spawn start method, call run_batch under "
                    "`if __name__ == \"__main__\":`)")
        for index in sorted(set(range(len(chunks))) - finished):
            lost += _lost(chunks[index], reported, why)
    finally:
        pool.stop(graceful=len(finished) == len(chunks))
    return lost


def _start_method() -> str:
    # fork on Linux: spawn re-imports the caller's main module in every worker, which breaks
    # any script that calls run_batch without an ``if __name__ == "__main__"`` guard. The
    # parent holds no spaCy model and no lock a worker uses, so forking it is safe; elsewhere
    # fork is unsafe (macOS frameworks) or missing (Windows).
    return os.environ.get("CHECKER_START_METHOD") or (
        "fork" if sys.platform.startswith("linux") else "spawn")


def _lost(chunk: list, reported: set[str], why: str) -> list[Failure]:
    return [Failure(item.id, item.derived.path or "", "internal", f"{item.id}: {why}",
                    story=item.story) for item, _ in chunk if item.id not in reported]


class _Pool:
    """Worker processes fed from a task queue; dead workers are replaced a few times."""

    def __init__(self, ctx, jobs: int, args: tuple) -> None:
        self.ctx = ctx
        self.tasks = ctx.Queue()
        self.results = ctx.Queue()
        self.args = (self.tasks, self.results, os.getpid(), *args)
        self.workers: list = []
        self.jobs = jobs
        # A worker that keeps dying (out of memory on every start) must not loop forever.
        self.restarts = 2 * jobs

    def _spawn(self):
        w = self.ctx.Process(target=_worker_main, args=self.args, daemon=True)
        w.start()
        return w

    def start(self) -> None:
        self.workers = [self._spawn() for _ in range(self.jobs)]

    def alive(self) -> bool:
        return any(w.is_alive() for w in self.workers)

    def reap(self) -> list[tuple[int, int]]:
        """(pid, exit code) of workers that died abnormally; they are replaced while allowed."""
        dead = []
        for i, w in enumerate(self.workers):
            if w.is_alive() or w.exitcode in (0, None) or w.pid is None:
                continue
            dead.append((w.pid, w.exitcode))
            if self.restarts > 0:
                self.restarts -= 1
                # The dead worker's end-of-queue marker is still queued for the replacement.
                self.workers[i] = self._spawn()
            else:
                self.workers[i] = _Dead()
        return dead

    def stop(self, *, graceful: bool) -> None:
        """Let idle workers exit (``graceful``), then terminate whatever still runs."""
        for w in self.workers:
            if graceful and w.is_alive():
                w.join(timeout=10)
        for w in self.workers:
            if w.is_alive():
                w.terminate()
        for w in self.workers:
            w.join(timeout=5)
        self.tasks.cancel_join_thread()
        self.results.cancel_join_thread()


class _Dead:
    """Stands in for a worker that was not replaced."""

    pid = None
    exitcode = 0

    def is_alive(self) -> bool:
        return False

    def join(self, timeout: Optional[float] = None) -> None:
        return None


# --------------------------------------------------------------------------- the run


def run_batch(path: str | os.PathLike, *, out_dir: Optional[str | os.PathLike] = None,
              jobs: int = 1, resume: bool = False, config: Optional[Config] = None,
              fail_on: str = "error", progress: bool = True, html: bool = True,
              cache_dir: Optional[str | os.PathLike] = None) -> BatchSummary:
    """Check every item of a corpus folder or manifest and write the tables to ``out_dir``."""
    if fail_on not in FAIL_ON:
        raise ConfigError(f"fail_on must be one of {', '.join(FAIL_ON)}, got {fail_on!r}")
    if jobs < 0:
        raise ConfigError(f"jobs must be 0 (one per CPU) or more, got {jobs}")
    jobs = jobs or os.cpu_count() or 1
    config = config or Config()
    started = _now()
    run_id = f"{started.replace(':', '').replace('-', '')[:15]}-{secrets.token_hex(3)}"
    items, failures = collect_items(path, config=config)
    out = Path(out_dir) if out_dir else Path("reports") / "batch" / _stem(Path(path))
    cache = Path(cache_dir) if cache_dir else out / ".parse-cache"
    _prepare(out, html=html, resume=resume)

    base = f"{_code_fingerprint()}\0{json.dumps(config.to_dict(), sort_keys=True, default=str)}"
    fingerprints = {item.id: _item_fingerprint(item, base) for item in items}
    done_before = _finished(out, items, fingerprints) if resume else set()
    todo = [(item, fingerprints[item.id]) for item in items if item.id not in done_before]

    counter = _Progress(len(items), len(done_before), progress)
    interrupted = False
    lost: list[Failure] = []
    try:
        lost = _run_todo(todo, jobs, config, out, cache, html, counter)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        counter.close()
        _clean_tmp(out)
    return _finish(path, out, run_id, started, config, items, failures + lost,
                   skipped=len(done_before), done=counter.done, interrupted=interrupted,
                   fail_on=fail_on, html=html)


def _stem(path: Path) -> str:
    return (path.resolve().name if path.is_dir() else path.stem) or "batch"


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _prepare(out: Path, *, html: bool, resume: bool) -> None:
    try:
        (out / "items").mkdir(parents=True, exist_ok=True)
        if html:
            (out / "html").mkdir(exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create the output folder {out}: {exc}", path=str(out),
                         cause="unwritable") from exc
    _clean_tmp(out)
    if resume:
        return
    # A fresh run must not report items of an earlier input that happen to share the folder.
    for stale in [*(out / "items").glob("*.json"), *(out / "html").glob("*.html")]:
        stale.unlink()


def _clean_tmp(out: Path) -> None:
    for folder in (out, out / "items", out / "html"):
        if folder.is_dir():
            for tmp in folder.glob(".*.tmp"):
                tmp.unlink(missing_ok=True)


def _read_item(out: Path, item_id: str) -> Optional[dict]:
    p = out / "items" / f"{safe_id(item_id)}.json"
    try:
        record = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    if not isinstance(record, dict) or record.get("schema") != ITEM_SCHEMA:
        return None
    return record


def _finished(out: Path, items: list[BatchItem], fingerprints: dict[str, str]) -> set[str]:
    # Failed items are tried again: the user may have fixed the file since.
    done = set()
    for item in items:
        record = _read_item(out, item.id)
        if not record or record.get("status") != "ok":
            continue
        if record.get("fingerprint") == fingerprints[item.id]:
            done.add(item.id)
    return done


class _Progress:
    """Counts finished items and drives the tqdm bar on stderr."""

    def __init__(self, total: int, skipped: int, show: bool) -> None:
        from tqdm import tqdm

        self.done = 0
        self.failed = 0
        self.findings = 0
        self._stop_after = int(os.environ.get(INTERRUPT_ENV) or 0)
        self.bar = tqdm(total=total, initial=skipped, unit="text", desc="checking",
                        file=sys.stderr, disable=not show, dynamic_ncols=True, smoothing=0.1)

    def __call__(self, outcome: _Outcome) -> None:
        self.done += 1
        self.failed += not outcome.ok
        self.findings += outcome.findings
        self.bar.set_postfix(findings=self.findings, failed=self.failed, refresh=False)
        self.bar.update(1)
        if self._stop_after and self.done >= self._stop_after:
            raise KeyboardInterrupt

    def close(self) -> None:
        self.bar.close()


def _run_todo(todo: list, jobs: int, config: Config, out: Path, cache: Path, html: bool,
              on_outcome: _Progress) -> list[Failure]:
    if not todo:
        return []
    jobs = min(jobs, len(todo))
    # Small chunks keep the workers evenly loaded; large ones give nlp.pipe bigger batches.
    size = max(1, min(16, math.ceil(len(todo) / (jobs * 4))))
    chunks = [todo[i:i + size] for i in range(0, len(todo), size)]
    if jobs == 1:
        runner = _Runner(config, out, cache, html)
        for chunk in chunks:
            for outcome in runner.run(chunk):
                on_outcome(outcome)
        return []
    return _run_parallel(chunks, jobs, config, out, cache, html, on_outcome)


# --------------------------------------------------------------------------- tables


def _finding_rows(run_id: str, item: BatchItem, result: dict) -> list[dict]:
    source_ids = [s.doc_id for s in item.sources]
    rows = []
    for f in result.get("findings", ()):
        d = f.get("derived") or {}
        ev = (f.get("evidence") or [{}])[0] or {}
        rows.append({
            "run_id": run_id, "item_id": item.id, "story": item.story, "outlet": item.outlet,
            "derived_id": item.derived.doc_id, "source_ids": source_ids,
            "kind": f.get("kind", ""), "code": f.get("code", ""),
            "severity": f.get("severity", ""), "confidence": f.get("confidence"),
            "derived_start": d.get("start"), "derived_end": d.get("end"),
            "derived_line": d.get("line"), "derived_column": d.get("column"),
            "derived_text": d.get("text", ""),
            "evidence_document": ev.get("document", ""), "evidence_start": ev.get("start"),
            "evidence_end": ev.get("end"), "evidence_text": ev.get("text", ""),
            "message": f.get("message", ""),
        })
    return rows


def _document_rows(run_id: str, item: BatchItem, result: dict) -> list[dict]:
    rows = []
    for ref in (item.derived, *item.sources):
        rows.append({
            "run_id": run_id, "item_id": item.id, "story": item.story, "outlet": item.outlet,
            "role": ref.role, "doc_id": ref.doc_id, "path": ref.path or "",
            "title": ref.meta_value("title"), "date": ref.meta_value("date"),
            "url": ref.meta_value("url"),
            "score": result.get("score") if ref.role == "derived" else None,
        })
    return rows


def _group_table(per_item, key: str):
    import pandas as pd

    columns = [key, "texts", "failed", "findings", *KINDS, "mean_score"]
    if per_item.empty:
        return pd.DataFrame(columns=columns)
    grouped = per_item.groupby(key, sort=True, dropna=False)
    table = pd.DataFrame({
        "texts": grouped["ok"].sum().astype(int),
        "failed": grouped["ok"].apply(lambda ok: int((~ok).sum())),
        "findings": grouped["findings"].sum().astype(int),
    })
    for kind in KINDS:
        table[kind] = grouped[kind].sum().astype(int)
    table["mean_score"] = grouped["score"].mean().round(3)
    return table.reset_index()[columns]


def _finish(path, out: Path, run_id: str, started: str, config: Config,
            items: list[BatchItem], failures: list[Failure], *, skipped: int, done: int,
            interrupted: bool, fail_on: str, html: bool) -> BatchSummary:
    import pandas as pd

    from checker import store

    findings: list[dict] = []
    documents: list[dict] = []
    per_item: list[dict] = []
    index_rows: list[dict] = []
    failures = list(failures)
    for item in items:
        record = _read_item(out, item.id)
        if record is None:
            continue  # not reached before an interruption
        if record["status"] != "ok":
            failure = Failure(**record["failure"])
            failures.append(failure)
            per_item.append(_item_row(item, None))
            index_rows.append(_index_row(item, None, failure=failure))
            continue
        result = record["result"] or {}
        rows = _finding_rows(run_id, item, result)
        findings.extend(rows)
        documents.extend(_document_rows(run_id, item, result))
        per_item.append(_item_row(item, result))
        html_name = record.get("html") or ""
        if html_name and not (out / html_name).is_file():
            html_name = ""  # the earlier run that checked the item wrote no HTML
        index_rows.append(_index_row(item, result, html_name))
    listed = {r["item"] for r in per_item}
    for failure in failures:
        if failure.item not in listed:
            listed.add(failure.item)
            per_item.append({"item": failure.item, "story": failure.story,
                             "outlet": "", "ok": False, "score": None, "findings": 0,
                             **{k: 0 for k in KINDS}})

    items_df = pd.DataFrame(per_item, columns=["item", "story", "outlet", "ok", "score",
                                               "findings", *KINDS])
    items_df["ok"] = items_df["ok"].astype(bool)
    stories = _group_table(items_df, "story")
    outlets = _group_table(items_df, "outlet")
    written = _write_tables(out, findings, failures, stories, outlets)

    finished = _now()
    status = "interrupted" if interrupted else "complete"
    db = out / "checker.sqlite"
    store.append_run(db, {
        "run_id": run_id, "started": started, "finished": finished,
        "checker_version": __version__, "model": config.model,
        "config_json": json.dumps(config.to_dict(), sort_keys=True, default=str),
        "input_path": str(Path(path).resolve()), "items": len(items) + _collect_only(failures,
                                                                                        items),
        "failures": len(failures), "status": status,
    }, documents=documents, findings=[_store_finding(r) for r in findings],
        failures=[{"run_id": run_id, "item_id": f.item, "path": f.path, "cause": f.cause,
                   "message": f.message} for f in failures])
    written.append(("database", db))
    if html:
        index = _write_index(out, index_rows, failures, path, run_id)
        if index is not None:
            written.append(("html index", index))
            written.append(("html reports", out / "html"))

    exit_code = _exit_code(findings, failures, interrupted=interrupted, fail_on=fail_on)
    return BatchSummary(run_id=run_id, out_dir=out, items=len(items) + _collect_only(failures,
                                                                                       items),
                        done=done, skipped_resumed=skipped, failures=tuple(failures),
                        findings=len(findings), exit_code=exit_code, stories=stories,
                        outlets=outlets, paths=tuple(written), interrupted=interrupted,
                        fail_on=fail_on)


def _collect_only(failures: list[Failure], items: list[BatchItem]) -> int:
    # Items that never became BatchItems (bad rows, missing files) still count as items.
    ids = {i.id for i in items}
    return len({f.item for f in failures if f.item not in ids})


def _item_row(item: BatchItem, result: Optional[dict]) -> dict:
    counts = {k: 0 for k in KINDS}
    for f in (result or {}).get("findings", ()):
        if f.get("kind") in counts:
            counts[f["kind"]] += 1
    return {"item": item.id, "story": item.story, "outlet": item.outlet,
            "ok": result is not None, "score": (result or {}).get("score"),
            "findings": sum(counts.values()) if result else 0, **counts}


def _index_row(item: BatchItem, result: Optional[dict], html_name: str = "",
               failure: Optional[Failure] = None) -> dict:
    findings = (result or {}).get("findings", ())
    counts: dict[str, int] = {}
    severities: dict[str, int] = {}
    for f in findings:
        counts[f.get("kind", "")] = counts.get(f.get("kind", ""), 0) + 1
        severities[f.get("severity", "")] = severities.get(f.get("severity", ""), 0) + 1
    return {"id": item.id, "story": item.story, "outlet": item.outlet,
            "derived": item.derived.doc_id, "sources": [s.doc_id for s in item.sources],
            "score": (result or {}).get("score"), "findings": len(findings),
            "errors": severities.get("error", 0), "warnings": severities.get("warning", 0),
            "counts_by_kind": counts, "report": html_name,
            "error": f"[{failure.cause}] {failure.message}" if failure else ""}


def _store_finding(row: dict) -> dict:
    return {k: row.get(k) for k in ("run_id", "item_id", "story", "outlet", "kind", "code",
                                     "severity", "confidence", "derived_start", "derived_end",
                                     "derived_text", "evidence_document", "evidence_text",
                                     "message")}


def _write_tables(out: Path, findings: list[dict], failures: list[Failure], stories,
                  outlets) -> list[tuple[str, Path]]:
    import pandas as pd

    flat = [{**r, "source_ids": "|".join(r["source_ids"])} for r in findings]
    table = pd.DataFrame(flat, columns=list(FINDING_FIELDS))
    # Offsets are missing when a finding has no evidence; Int64 keeps them "12", not "12.0".
    for column in ("derived_start", "derived_end", "derived_line", "derived_column",
                   "evidence_start", "evidence_end"):
        table[column] = table[column].astype("Int64")
    paths = {
        "findings (CSV)": out / "findings.csv",
        "findings (JSON lines)": out / "findings.jsonl",
        "per story": out / "summary-stories.csv",
        "per outlet": out / "summary-outlets.csv",
        "failures": out / "failures.csv",
    }
    atomic_write(paths["findings (CSV)"], table.to_csv(index=False))
    atomic_write(paths["findings (JSON lines)"],
                 "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in findings))
    atomic_write(paths["per story"], stories.to_csv(index=False))
    atomic_write(paths["per outlet"], outlets.to_csv(index=False))
    fail_table = pd.DataFrame([asdict(f) for f in failures], columns=list(FAILURE_FIELDS))
    atomic_write(paths["failures"], fail_table.to_csv(index=False))
    return list(paths.items())


def _write_index(out: Path, rows: list[dict], failures: list[Failure], path,
                 run_id: str) -> Optional[Path]:
    try:
        from checker.report.html import render_index
    except ImportError:
        return None
    meta = {"run_id": run_id, "input": str(path), "checker_version": __version__,
            "failures": [asdict(f) for f in failures]}
    try:
        page = render_index(rows, title=f"checker batch: {_stem(Path(path))}", meta=meta)
    except (CheckerError, ValueError, KeyError, TypeError):
        return None
    target = out / "index.html"
    atomic_write(target, page)
    return target


def _exit_code(findings: list[dict], failures: list[Failure], *, interrupted: bool,
               fail_on: str) -> int:
    if interrupted:
        return EXIT_INTERRUPTED
    if failures:
        return EXIT_FAILURES
    if fail_on != "never":
        floor = SEVERITY_RANK[fail_on]
        if any(SEVERITY_RANK.get(r["severity"], 0) >= floor for r in findings):
            return EXIT_DRIFT
    return EXIT_OK


def format_summary(summary: BatchSummary) -> str:
    """A plain-text account of a batch run: counts, the per-story table, failures, files."""
    lines = [
        f"checker batch {summary.run_id}: {summary.items} item(s), {summary.done} checked now, "
        f"{summary.skipped_resumed} done before (resumed), {len(summary.failures)} failed, "
        f"{summary.findings} finding(s)"
    ]
    if summary.interrupted:
        lines.append("interrupted: the tables hold what was done; run again with --resume "
                     "to finish")
    stories = summary.stories
    if stories is not None and not stories.empty:
        # Twelve kind columns do not fit a terminal: name the most frequent ones instead.
        view = stories[["story", "texts", "failed", "findings", "mean_score"]].copy()
        view["top kinds"] = [_top_kinds(row) for _, row in stories.iterrows()]
        lines += ["", view.to_string(index=False)]
    if summary.failures:
        lines += ["", f"failures ({len(summary.failures)}):"]
        lines += [f"  [{f.cause}] {f.message}" for f in summary.failures[:20]]
        if len(summary.failures) > 20:
            lines.append(f"  ... and {len(summary.failures) - 20} more in failures.csv")
    lines += ["", f"written to {summary.out_dir}:"]
    lines += [f"  {what:<22} {p}" for what, p in summary.paths]
    lines.append(f"exit code {summary.exit_code} ({_exit_meaning(summary)})")
    return "\n".join(lines) + "\n"


def _top_kinds(row, n: int = 3) -> str:
    counts = sorted(((int(row[k]), k) for k in KINDS if int(row[k]) > 0), reverse=True)
    return ", ".join(f"{k} {c}" for c, k in counts[:n])


def _exit_meaning(summary: BatchSummary) -> str:
    return {
        EXIT_OK: f"no finding at or above {summary.fail_on}",
        EXIT_DRIFT: f"drift found at or above {summary.fail_on}",
        EXIT_FAILURES: "some items could not be checked",
        EXIT_INTERRUPTED: "interrupted",
    }.get(summary.exit_code, "")


# --------------------------------------------------------------------------- scale tests


def generate_manifest(corpus_dir: str | os.PathLike, n: int,
                      out_path: str | os.PathLike) -> Path:
    """Write an ``n``-row JSON lines (or CSV) manifest cycling the pairs of a corpus folder."""
    if n < 1:
        raise ConfigError(f"a manifest needs at least one row, got n={n}")
    items, _ = collect_items(corpus_dir)
    usable = [i for i in items if i.derived.path and all(s.path for s in i.sources)]
    if not usable:
        raise InputError(f"{corpus_dir}: no checkable derived text to cycle", path=str(corpus_dir),
                         cause="empty")
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    base = out.parent.resolve()
    rows = []
    for k in range(n):
        item = usable[k % len(usable)]
        rows.append({
            "id": f"{item.id}#{k:06d}", "story": item.story, "outlet": item.outlet,
            "derived": os.path.relpath(Path(item.derived.path).resolve(), base),
            "sources": [os.path.relpath(Path(s.path).resolve(), base) for s in item.sources],
        })
    if out.suffix.lower() == ".csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=["id", "story", "outlet", "derived", "sources"])
        writer.writeheader()
        writer.writerows({**r, "sources": "|".join(r["sources"])} for r in rows)
        atomic_write(out, buf.getvalue())
    else:
        atomic_write(out, "".join(json.dumps(r) + "\n" for r in rows))
    return out
