"""Atomic file writes: a reader never sees half a report, and a killed run leaves none."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Union


def atomic_write(path: Union[str, os.PathLike], data: Union[str, bytes]) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    # One temporary name per process: parallel workers may write the same target.
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        tmp.write_bytes(payload)
        os.replace(tmp, target)
    finally:
        if tmp.exists():  # only when the write or the rename failed
            tmp.unlink()
