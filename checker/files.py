"""Reading inputs and writing outputs safely: one guarded reader, one atomic writer.

Every file the checker reads (articles, manifests, ``story.json``, configuration) goes through
``read_input``: it refuses what is not a regular file (a FIFO would block the reader for
ever, ``/dev/zero`` would fill the memory) and never reads more than the size limit. Every
file the checker writes goes through ``atomic_write``: a reader never sees half a report, a
killed run leaves none, a FIFO or device named as the output is refused rather than replaced,
and every failure to write is one ``OutputError`` naming the file.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO, Union

from checker.errors import InputError, OutputError

PathLike = Union[str, os.PathLike]
_READ_CHUNK = 1 << 20


def file_kind(mode: int) -> str:
    """What a file of this ``st_mode`` is, in words ("a folder", "a named pipe (FIFO)")."""
    for test, name in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
        # Regular files and anything unknown fall through.
    return "not a regular file"


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc)


def read_input(path: PathLike, *, limit: int, limit_name: str = "max_bytes",
               what: str = "file") -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them, or ``InputError``.

    The file is opened without blocking and checked on the open descriptor, so a FIFO
    swapped in after a check cannot hang the reader; a file that grows past the limit while
    it is read is refused too.
    """
    name = os.fspath(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(name, flags)
    except FileNotFoundError as exc:
        raise InputError(f"{name}: {what} not found.", path=name, cause="missing") from exc
    except (OSError, ValueError) as exc:  # ValueError: a NUL character in the path
        raise InputError(f"{name}: cannot read the {what} ({_reason(exc)}).", path=name,
                         cause="unreadable") from exc
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise InputError(f"{name}: {file_kind(st.st_mode)}, not a regular file; the "
                             f"{what} was not read.", path=name, cause="unreadable")
        if st.st_size > limit:
            raise _too_large(name, st.st_size, limit, limit_name, what)
        data = _read_at_most(fd, limit + 1)
    except OSError as exc:
        raise InputError(f"{name}: cannot read the {what} ({_reason(exc)}).", path=name,
                         cause="unreadable") from exc
    finally:
        os.close(fd)
    if len(data) > limit:
        raise _too_large(name, len(data), limit, limit_name, what)
    return data


def read_stream(stream: BinaryIO, *, limit: int, name: str = "stdin",
                limit_name: str = "max_bytes") -> bytes:
    """At most ``limit`` bytes of a stream (stdin); ``InputError`` if it holds more."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise _too_large(name, len(data), limit, limit_name, "input", at_least=True)
    return data


def _read_at_most(fd: int, n: int) -> bytes:
    parts: list[bytes] = []
    left = n
    while left > 0:
        chunk = os.read(fd, min(left, _READ_CHUNK))
        if not chunk:
            break
        parts.append(chunk)
        left -= len(chunk)
    return b"".join(parts)


def _too_large(name: str, size: int, limit: int, limit_name: str, what: str, *,
               at_least: bool = False) -> InputError:
    if at_least:  # a stream is read only up to one byte past the limit
        return InputError(f"{name}: the {what} is more than the limit of {limit:,} bytes "
                          f"({limit_name}).", path=name, cause="too-large")
    return InputError(f"{name}: the {what} is {size:,} bytes, more than the limit of "
                      f"{limit:,} bytes ({limit_name}).", path=name, cause="too-large")


def unencodable_at(text: str) -> int:
    """Index of the first character that UTF-8 cannot encode (a lone surrogate), or -1."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return exc.start
    return -1


def printable(text: str) -> str:
    """``text`` with characters UTF-8 cannot encode written as escapes (``\\ud800``)."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def output_target(path: PathLike) -> Path:
    """The file a write to ``path`` replaces: a symbolic link is followed to its target, and
    a target that exists but is not a regular file (FIFO, device, folder) is refused."""
    given = os.fspath(path)
    target = Path(os.path.realpath(given))
    try:
        st = os.stat(target)
    except FileNotFoundError:
        return target
    except (OSError, ValueError) as exc:
        raise OutputError(f"cannot write {given}: {_reason(exc)}", path=given) from exc
    if not stat.S_ISREG(st.st_mode):
        raise OutputError(f"cannot write {given}: it is {file_kind(st.st_mode)}, not a regular "
                          f"file, and is left as it is", path=given)
    return target


def atomic_write(path: PathLike, data: Union[str, bytes], *, errors: str = "strict") -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place.

    ``errors`` is the UTF-8 error handler for text ("backslashreplace" for tables that must
    be written whatever text a row holds). Every failure raises ``OutputError``.
    """
    given = os.fspath(path)
    target = output_target(path)
    try:
        payload = data.encode("utf-8", errors) if isinstance(data, str) else data
    except UnicodeEncodeError as exc:
        raise OutputError(f"cannot write {given}: the text holds a character that cannot be "
                          f"written as UTF-8 ({exc.object[exc.start:exc.end]!a} at character "
                          f"{exc.start})", path=given) from exc
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot write {given}: cannot create the folder {target.parent} "
                          f"({_reason(exc)})", path=given) from exc
    # One temporary name per process: parallel workers may write the same target.
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(payload)
        os.replace(tmp, target)
    except OSError as exc:
        raise OutputError(f"cannot write {given}: {_reason(exc)}", path=given) from exc
    finally:
        if tmp.exists():  # only when the write or the rename failed
            tmp.unlink()
