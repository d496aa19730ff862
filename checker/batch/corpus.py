"""Reading corpus folders: a story folder (``story.json`` plus its articles) or a folder of them.

Every article with ``"role": "derived"`` becomes one item, checked against the sources it
lists (all sources of the story when it lists none); item ids are ``<story>/<article id>``.
A folder without ``story.json``, a malformed ``story.json`` or a missing file becomes a
``Failure``.
"""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path
from typing import Optional

from checker.batch.items import _ARTICLE_META, BatchItem, DocRef, Failure, _missing_file
from checker.batch.rows import row_label, row_problem
from checker.config import Config
from checker.errors import InputError
from checker.files import read_input

# Fields of an article entry of story.json, and those that name files.
_ARTICLE_FIELDS = ("id", "file", "role", "sources", *_ARTICLE_META)


def _collect_corpus(root: Path, config: Config) -> tuple[list[BatchItem], list[Failure]]:
    if os.path.lexists(root / "story.json"):
        return _read_story(root, config)
    items: list[BatchItem] = []
    failures: list[Failure] = []
    folders = sorted(d for d in root.iterdir()
                     if d.is_dir() and not d.name.startswith((".", "_")))
    if not folders:
        failures.append(Failure(root.name, str(root), "no-metadata",
                                f"{root}: neither a story folder (no story.json) nor a folder "
                                f"of story folders"))
    for folder in folders:
        if not os.path.lexists(folder / "story.json"):
            failures.append(Failure(folder.name, str(folder), "no-metadata",
                                    f"{folder.name}: folder has no story.json, so its texts "
                                    f"were not checked: add one (see the corpus format)",
                                    story=folder.name))
            continue
        got, bad = _read_story(folder, config)
        items.extend(got)
        failures.extend(bad)
    return items, failures


def _read_story(folder: Path, config: Config) -> tuple[list[BatchItem], list[Failure]]:
    meta_path = folder / "story.json"
    try:
        data = json.loads(read_input(meta_path, limit=config.max_manifest_bytes,
                                     limit_name="max_manifest_bytes",
                                     what="story.json").decode("utf-8-sig"))
    except InputError as exc:
        return [], [Failure(folder.name, str(meta_path), "malformed",
                            f"{folder.name}: cannot read story.json: {exc}", story=folder.name)]
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        # ValueError covers JSON syntax errors and integers of thousands of digits.
        why = "nested too deeply" if isinstance(exc, RecursionError) else exc
        return [], [Failure(folder.name, str(meta_path), "malformed",
                            f"{folder.name}: cannot read story.json: {why}", story=folder.name)]
    if not isinstance(data, dict) or not isinstance(data.get("articles"), list):
        return [], [Failure(folder.name, str(meta_path), "malformed",
                            f"{folder.name}: story.json has no \"articles\" list",
                            story=folder.name)]
    if row_problem(data, text_fields=("story",))[0]:
        return [], [Failure(folder.name, str(meta_path), "malformed",
                            f"{folder.name}: story.json: \"story\" must be text that can be "
                            f"written as UTF-8", story=folder.name)]
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
        cause, problem = row_problem(art, text_fields=_ARTICLE_FIELDS, list_fields=("sources",),
                                     path_fields=("file",))
        if problem:
            name = f"{story}/{row_label(art.get('id'), f'#{n}')}"
            failures.append(Failure(name, str(meta_path), cause,
                                    f"{name}: article {n} of story.json: {problem}"))
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
    if not isinstance(wanted, list):  # one id, as text or a number
        wanted = [wanted]
    wanted = [str(w) for w in wanted]
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
