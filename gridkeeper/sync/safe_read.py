"""Reading a file from the share that anybody could have put there, without trusting it.

Only regular files (no symlink, FIFO or device is followed or opened: O_NOFOLLOW
and O_NONBLOCK, then fstat on what was opened), under a size limit, within a
time limit (the read runs in a helper thread; one that hangs on a dead network
mount is abandoned and the file held), and decompression streamed under a limit.
"""

from __future__ import annotations

import os
import stat
import threading
import zlib
from pathlib import Path

#: A batch of 5,000 changes is 0.2-2 MB on the share; anything this big is not one of ours.
MAX_BATCH_BYTES = 32 * 1024 * 1024
#: ...and its changes, once decompressed, stay far under this.
MAX_PLAIN_BYTES = 256 * 1024 * 1024
#: Small files: office.json, membership entries, keys, invites, requests.
MAX_SMALL_BYTES = 256 * 1024
FILE_SECONDS = 30.0
_CHUNK = 1024 * 1024


class Unsafe(Exception):
    """The file is not something to read: the reason is a short code for reports."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason  # not_regular, too_large, timeout, unreadable, missing


def is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def read_limited(path: Path, max_bytes: int, seconds: float = FILE_SECONDS) -> bytes:
    """The whole file, if it is a regular file of at most max_bytes read within `seconds`."""
    box: dict[str, object] = {}

    def work() -> None:
        try:
            box["data"] = _read(path, max_bytes)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
            box["error"] = exc

    reader = threading.Thread(target=work, name="share-read", daemon=True)
    reader.start()
    reader.join(seconds)
    if reader.is_alive():
        raise Unsafe("timeout")  # the thread is left to finish or hang on its own; it holds nothing
    if "error" in box:
        error = box["error"]
        if isinstance(error, Unsafe):
            raise error
        if isinstance(error, FileNotFoundError):
            raise Unsafe("missing")
        raise Unsafe("unreadable") from error  # type: ignore[misc]
    return box["data"]  # type: ignore[return-value]


def _read(path: Path, max_bytes: int) -> bytes:
    try:
        before = os.lstat(path)
    except FileNotFoundError:
        raise
    if not stat.S_ISREG(before.st_mode):
        raise Unsafe("not_regular")
    if before.st_size > max_bytes:
        raise Unsafe("too_large")
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if not is_regular(path):  # swapped for a symlink or FIFO between the two looks
            raise Unsafe("not_regular") from exc
        raise
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise Unsafe("not_regular")
        parts, total = [], 0
        while True:
            chunk = os.read(fd, _CHUNK)
            if not chunk:
                break
            total += len(chunk)
            if total > max_bytes:  # the file grew while we read it
                raise Unsafe("too_large")
            parts.append(chunk)
        return b"".join(parts)
    finally:
        os.close(fd)


def gunzip_limited(data: bytes, max_bytes: int = MAX_PLAIN_BYTES) -> bytes:
    """Gzip decompression that stops at max_bytes instead of filling memory (a zip bomb)."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise Unsafe("unreadable") from exc
    if len(out) > max_bytes or inflater.unconsumed_tail:
        raise Unsafe("too_large")
    if not inflater.eof:
        raise Unsafe("unreadable")  # cut short
    return out
