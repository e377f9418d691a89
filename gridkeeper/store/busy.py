"""Whether SQLite gave up waiting for a lock: what the engine and the migrations both ask.

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
