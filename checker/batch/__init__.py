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

Engines (``engine=``): ``local`` checks in this process (``jobs=1``) or in ``jobs`` worker
processes (forked on Linux, spawned elsewhere; ``CHECKER_START_METHOD`` overrides), each
holding one ``Pipeline`` and parsing a whole chunk with one ``nlp.pipe`` call; ``dask`` checks
on a Dask cluster (``scheduler=`` a running one, or ``workers=`` a local one for the run).
Either way the workers only check: every outcome comes back to this process, which writes the
item file and the HTML report, so the outputs and ``resume`` are the same whatever the engine.
A failing item is caught in its worker and recorded as a ``Failure``; a worker that dies is
replaced and its chunk rerun (Dask) or, locally, the item it was on recorded as a failure and
the rest of its chunk queued again (``watch``). Each item has a time budget
(``Config.time_budget``, ``checker.budget``): past it the item fails as ``too-slow``, and a
local worker stuck far past it is stopped. An item whose files cannot be written is a failure
of that item, not the end of the run. Parses are cached on disk in
``<out_dir>/.parse-cache`` (or ``cache_dir``).

Exit codes (``BatchSummary.exit_code``): 0 every item checked and nothing at or above
``fail_on``; 1 drift at or above ``fail_on``; 3 some items failed (wins over 1); 130
interrupted by Ctrl-C (the tables hold what was done; run again with ``resume=True``).

Modules, in the order the data flows: ``items`` (the records), ``corpus`` and ``manifest``
(reading the two kinds of input), ``rows`` (what every manifest row and story.json entry
must pass), ``collect`` (``collect_items``, ``generate_manifest``), ``engine`` (checking items, writing item files), ``engines`` (where items are checked),
``pool`` (the local engine's worker processes), ``watch`` (what each local worker is doing),
``dask_engine`` (the Dask cluster),
``resume`` (fingerprints, the output folder), ``outputs`` (tables, database rows, HTML index),
``summary`` (``BatchSummary``, exit codes, ``format_summary``) and ``run`` (``run_batch``).
The public names are re-exported here.
"""

from __future__ import annotations

from checker.batch.collect import collect_items, generate_manifest
from checker.batch.engine import ITEM_SCHEMA, write_item_html
from checker.batch.items import BatchItem, DocRef, Failure, safe_id
from checker.batch.outputs import FAILURE_FIELDS, FINDING_FIELDS
from checker.batch.run import FAIL_ON, INTERRUPT_ENV, run_batch
from checker.batch.summary import (
    EXIT_DRIFT,
    EXIT_FAILURES,
    EXIT_INTERRUPTED,
    EXIT_OK,
    BatchSummary,
    format_summary,
)

__all__ = [
    "EXIT_DRIFT", "EXIT_FAILURES", "EXIT_INTERRUPTED", "EXIT_OK", "FAILURE_FIELDS", "FAIL_ON",
    "FINDING_FIELDS", "INTERRUPT_ENV", "ITEM_SCHEMA", "BatchItem", "BatchSummary", "DocRef",
    "Failure", "collect_items", "format_summary", "generate_manifest", "run_batch", "safe_id",
    "write_item_html",
]
