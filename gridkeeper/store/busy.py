"""What SQLite's errors mean: a lock another holds, a full disk, a file that cannot be read now.

What the engine and the migrations both ask.

Its own module so that `migrate` need not import `engine` (the engine calls `migrate` when a
profile is opened: the arrow goes that way only).
"""

from __future__ import annotations

import sqlite3

from sqlalchemy.exc import OperationalError


def is_busy(exc: BaseException) -> bool:
    """Whether `exc` is SQLite giving up on a lock another connection holds (SQLITE_BUSY)."""
    if not isinstance(exc, OperationalError):
        return False
    code = getattr(exc.orig, "sqlite_errorcode", None)  # the stdlib driver; SQLCipher's may lack it
    if code is not None:
        return code & 0xFF == sqlite3.SQLITE_BUSY  # type: ignore[no-any-return]
    return "database is locked" in str(exc.orig)


def _code(exc: BaseException) -> int | None:
    orig = getattr(exc, "orig", exc)
    code = getattr(orig, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def is_full(exc: BaseException) -> bool:
    """The disk (or the file system's quota) is full: SQLITE_FULL, or ENOSPC from the OS."""
    import errno

    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1))
    code = _code(exc)
    if code is not None:
        return code == sqlite3.SQLITE_FULL
    return "database or disk is full" in str(getattr(exc, "orig", exc))


def is_unreadable_now(exc: BaseException) -> bool:
    """The file is there but cannot be read or opened right now (an I/O error, no permission, a full
    disk that keeps the -shm file from being made): not a sign that it is not a profile."""
    code = _code(exc)
    if code is not None:
        return code in (sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_FULL, sqlite3.SQLITE_PERM,
                        sqlite3.SQLITE_READONLY)
    text = str(getattr(exc, "orig", exc))
    return any(t in text for t in ("disk I/O error", "unable to open", "disk is full", "readonly"))
