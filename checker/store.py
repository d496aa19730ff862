"""The batch results store: one SQLite file per output folder, appended to on every run.

``checker batch`` writes ``<out>/checker.sqlite``. Every run adds one row to ``runs`` and
all of its rows to the other tables, so the file keeps the history of the folder: re-running
after a rule change lets you compare runs, and a resumed run records every item again (the
ones it skipped included), so each ``run_id`` is a complete picture of the corpus.

Tables:

``runs``       one row per run.
    run_id TEXT PRIMARY KEY, started TEXT (UTC, ISO 8601), finished TEXT,
    checker_version TEXT, model TEXT (the spaCy pipeline), config_json TEXT (the whole
    configuration), input_path TEXT (the corpus folder or manifest), items INTEGER (items
    checked), failures INTEGER (items that could not be checked), status TEXT
    (``complete`` or ``interrupted``).
``documents``  one row per document of each checked item: the derived text and its sources.
    run_id, item_id, story, outlet, role (``derived`` | ``source``), doc_id, path (the file,
    or '' for inline text), title, date, url, score (the consistency score of the derived
    text in [0, 1]; NULL on source rows).
``findings``   one row per drift finding.
    run_id, item_id, story, outlet, kind (one of the twelve drift kinds), code, severity
    (``error`` | ``warning`` | ``info``), confidence REAL, derived_start INTEGER,
    derived_end INTEGER, derived_text, evidence_document, evidence_text (the best evidence,
    '' when none was found), message.
``failures``   one row per item that could not be checked.
    run_id, item_id, path, cause (``missing``, ``empty``, ``binary``, ``encoding``,
    ``too-large``, ``not-english``, ``missing-source``, ``duplicate-id``, ``malformed``,
    ``no-metadata``, ``internal`` ...), message.

Example: which outlet dropped attribution most this month (articles dated this month, as
checked by the latest run)::

    SELECT d.outlet,
           COUNT(f.kind) AS dropped,
           COUNT(DISTINCT d.item_id) AS texts,
           ROUND(1.0 * COUNT(f.kind) / COUNT(DISTINCT d.item_id), 2) AS per_text
    FROM documents AS d
    LEFT JOIN findings AS f
           ON f.run_id = d.run_id AND f.item_id = d.item_id
          AND f.kind = 'attribution-dropped'
    WHERE d.role = 'derived'
      AND d.date >= date('now', 'start of month')
      AND d.run_id = (SELECT run_id FROM runs WHERE status = 'complete'
                      ORDER BY started DESC, rowid DESC LIMIT 1)
    GROUP BY d.outlet
    ORDER BY dropped DESC;

How the findings of a folder changed between its last two runs::

    SELECT run_id, kind, COUNT(*) FROM findings
    WHERE run_id IN (SELECT run_id FROM runs ORDER BY started DESC, rowid DESC LIMIT 2)
    GROUP BY run_id, kind ORDER BY kind, run_id;
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any, Iterable, Mapping

from checker.errors import CheckerError
from checker.files import printable, unencodable_at

SCHEMA_VERSION = 1

RUN_COLUMNS = ("run_id", "started", "finished", "checker_version", "model", "config_json",
               "input_path", "items", "failures", "status")
DOCUMENT_COLUMNS = ("run_id", "item_id", "story", "outlet", "role", "doc_id", "path", "title",
                    "date", "url", "score")
FINDING_COLUMNS = ("run_id", "item_id", "story", "outlet", "kind", "code", "severity",
                   "confidence", "derived_start", "derived_end", "derived_text",
                   "evidence_document", "evidence_text", "message")
FAILURE_COLUMNS = ("run_id", "item_id", "path", "cause", "message")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    run_id TEXT PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT,
    checker_version TEXT,
    model TEXT,
    config_json TEXT,
    input_path TEXT,
    items INTEGER,
    failures INTEGER,
    status TEXT
);
CREATE TABLE IF NOT EXISTS documents (
    run_id TEXT NOT NULL REFERENCES runs(run_id),
    item_id TEXT NOT NULL,
    story TEXT,
    outlet TEXT,
    role TEXT NOT NULL,
    doc_id TEXT,
    path TEXT,
    title TEXT,
    date TEXT,
    url TEXT,
    score REAL
);
CREATE TABLE IF NOT EXISTS findings (
    run_id TEXT NOT NULL REFERENCES runs(run_id),
    item_id TEXT NOT NULL,
    story TEXT,
    outlet TEXT,
    kind TEXT NOT NULL,
    code TEXT,
    severity TEXT,
    confidence REAL,
    derived_start INTEGER,
    derived_end INTEGER,
    derived_text TEXT,
    evidence_document TEXT,
    evidence_text TEXT,
    message TEXT
);
CREATE TABLE IF NOT EXISTS failures (
    run_id TEXT NOT NULL REFERENCES runs(run_id),
    item_id TEXT,
    path TEXT,
    cause TEXT,
    message TEXT
);
CREATE INDEX IF NOT EXISTS findings_run_kind ON findings (run_id, kind);
CREATE INDEX IF NOT EXISTS findings_outlet ON findings (outlet, kind);
CREATE INDEX IF NOT EXISTS documents_run_item ON documents (run_id, item_id);
"""


class StoreError(CheckerError):
    """The results database cannot be opened or written."""


def connect(path: str | Path) -> sqlite3.Connection:
    """Open (and create if needed) the results database at ``path``."""
    try:
        conn = sqlite3.connect(str(path))
        conn.executescript(_SCHEMA)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            conn.close()
            raise StoreError(f"{path} was written by a newer checker (schema {version}); "
                             f"use a new output folder")
        if version < SCHEMA_VERSION:
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.commit()
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open the results database {path}: {exc}") from exc
    return conn


def _insert(conn: sqlite3.Connection, table: str, columns: tuple[str, ...],
            rows: Iterable[Mapping[str, Any]]) -> None:
    sql = (f"INSERT INTO {table} ({', '.join(columns)}) "
           f"VALUES ({', '.join('?' for _ in columns)})")
    conn.executemany(sql, ([_storable(row.get(c)) for c in columns] for row in rows))


def _storable(value: Any) -> Any:
    # SQLite refuses text UTF-8 cannot encode (a file name with a stray byte, read as a lone
    # surrogate); one such value must not lose the whole run, so it is stored escaped.
    if isinstance(value, str) and unencodable_at(value) >= 0:
        return printable(value)
    return value


def append_run(path: str | Path, run: Mapping[str, Any], *,
               documents: Iterable[Mapping[str, Any]] = (),
               findings: Iterable[Mapping[str, Any]] = (),
               failures: Iterable[Mapping[str, Any]] = ()) -> None:
    """Append one run and all its rows to the database at ``path`` in a single transaction."""
    conn = connect(path)
    try:
        # One transaction: a crash leaves either the whole run or none of it.
        with conn:
            _insert(conn, "runs", RUN_COLUMNS, [run])
            _insert(conn, "documents", DOCUMENT_COLUMNS, documents)
            _insert(conn, "findings", FINDING_COLUMNS, findings)
            _insert(conn, "failures", FAILURE_COLUMNS, failures)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot write run {run.get('run_id')} to {path}: {exc}") from exc
    finally:
        conn.close()
