"""The claim matrix of every story of a batch with several articles (``checker batch``).

After the items are checked, each story with three articles or more (its sources and derived
texts) is compared, sources as the originals, and written to ``<out>/compare/`` as
``<story>.html`` (unless ``html=False``), ``<story>.json`` and ``<story>.csv``, each
atomically. An article that cannot be loaded is left out of its story's matrix (its item
has already failed with the cause); a story that cannot be compared becomes one failure,
``<story>/compare``, and never stops the others.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional, Sequence

from checker.batch.items import BatchItem, Failure, safe_id
from checker.compare.story import load_ref, story_refs
from checker.errors import CheckerError
from checker.files import atomic_write

MIN_ARTICLES = 3  # a matrix of two articles is the diff report again


def write_story_matrices(items: Sequence[BatchItem], out: Path, *, config,
                         cache_dir: Optional[Path] = None,
                         html: bool = True) -> tuple[list[tuple[str, Path]], list[Failure]]:
    """Compare every story with ``MIN_ARTICLES`` articles or more; (what, path) written and
    the failures."""
    from checker.compare import compare
    from checker.compare.render import to_csv, to_json

    stories = {s: refs for s, refs in story_refs(items).items()
               if s and len(refs) >= MIN_ARTICLES}
    folder = out / "compare"
    if not stories:
        return [], []
    from checker.pipeline import Pipeline

    pipe = Pipeline(config, cache_dir=str(cache_dir) if cache_dir else None, tune_gc=False)
    failures: list[Failure] = []
    written = 0
    for story, refs in stories.items():
        loaded = [(ref, art) for ref in refs if (art := load_ref(ref, config)) is not None]
        flags = [ref.role == "source" for ref, _ in loaded]
        if len(loaded) < 2 or all(flags):
            continue
        stem = safe_id(story)
        try:
            result = compare(pipe, [art for _, art in loaded], flags)
            atomic_write(folder / f"{stem}.json", to_json(result))
            atomic_write(folder / f"{stem}.csv", to_csv(result))
            if html:
                from checker.compare.page import write_compare

                write_compare(result, folder / f"{stem}.html")
            written += 1
        except (CheckerError, OSError) as exc:
            failures.append(Failure(f"{story}/compare", refs[0].path or "", "compare",
                                    f"{story}: cannot compare its articles: {exc}",
                                    story=story))
        except Exception as exc:  # noqa: BLE001 - one story's bug must not stop the batch
            failures.append(Failure(f"{story}/compare", refs[0].path or "", "internal",
                                    f"{story}: internal error while comparing its articles: "
                                    f"{type(exc).__name__}: {exc}", story=story))
    return ([("claim matrices", folder)] if written else []), failures
