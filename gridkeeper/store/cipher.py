"""Database files opened outside the engine (conversions, backups), and where SQLCipher's own log goes.

SQLCipher writes its errors ("hmac check failed for pgno=1" and two more lines
for every wrong key) to the process's stderr unless told otherwise; those are
for us, not for the user, so every use of SQLCipher first sends its log to
<profile>/logs/sqlcipher.log (0600). The setting is SQLCipher's, process-wide.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import Any

from gridkeeper import paths
from gridkeeper.store.keyfile import sqlcipher_key

log = logging.getLogger("gridkeeper.store")

SQLITE_MAGIC = b"SQLite format 3\x00"

_routed: Path | None = None


def route_log(root: Path, *, again: bool = False) -> None:
    """Send SQLCipher's log lines to root/logs/sqlcipher.log instead of stderr (once per profile folder;
    `again` sets it anew, which flushes what SQLCipher holds buffered)."""
    global _routed
    target = paths.logs_dir(root) / "sqlcipher.log"
    if _routed == target and not again:
        return
    import sqlcipher3

    paths.private_dir(target.parent)
    paths.create_private(target)
    if target.stat().st_size > 1_000_000:  # a few lines per wrong key: keep the last stretch only
        target.write_bytes(target.read_bytes()[-200_000:])
    conn = sqlcipher3.connect(":memory:")
    try:
        conn.execute("PRAGMA cipher_log = " + _quote(str(target)))
    finally:
        conn.close()
    _routed = target


def flush_log() -> None:
    """SQLCipher buffers its log file; after a failure worth reading, write it out now."""
    if _routed is not None:
        route_log(_routed.parent.parent, again=True)


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def head(path: Path) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read(16)
    except OSError:
        return b""


def is_plain(path: Path) -> bool:
    return head(path) == SQLITE_MAGIC


def connect(path: Path, *, key: bytes | None = None, passphrase: str | None = None, root: Path | None = None,
            readonly: bool = False, timeout: float = 1.0, sqlcipher: bool = False) -> Any:
    """A DB-API connection to `path` (autocommit), keyed with the raw `key` or an old-style `passphrase`;
    plain sqlite3 when neither (unless `sqlcipher`: sqlcipher_export is SQLCipher's). Nothing is read
    yet: the first statement says whether the key fits."""
    uri = f"file:{_uri_path(path)}{'?mode=ro' if readonly else ''}"
    if key is None and passphrase is None and not sqlcipher:
        return sqlite3.connect(uri, uri=True, isolation_level=None, timeout=timeout, check_same_thread=False)
    import sqlcipher3

    route_log(root or path.parent)
    conn = sqlcipher3.connect(uri, uri=True, isolation_level=None, timeout=timeout, check_same_thread=False)
    if key is not None or passphrase is not None:
        conn.execute("PRAGMA key = " + _quote(sqlcipher_key(key) if key is not None else passphrase or ""))
    return conn


def exclusive(db: Path, root: Path, *, key: bytes | None = None, passphrase: str | None = None,
              sqlcipher: bool = False) -> Any:
    """A connection to `db` that is the only one: leaving WAL mode needs every other connection closed
    (another window, a command), and copies the WAL into the file, so the file alone is the profile.
    ProfileInUse when another connection holds it."""
    from gridkeeper.errors import ProfileInUse

    conn = connect(db, key=key, passphrase=passphrase, root=root, sqlcipher=sqlcipher)
    try:
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    except Exception as exc:  # "database is locked", from either driver
        conn.close()
        if "locked" in str(exc) or "busy" in str(exc):
            raise ProfileInUse(str(root)) from exc
        raise
    if str(mode).lower() != "delete":
        conn.close()
        raise ProfileInUse(str(root))
    return conn


def _uri_path(path: Path) -> str:
    from urllib.parse import quote

    return quote(str(Path(path).resolve()).replace("\\", "/"), safe="/:")


def opens(path: Path, *, key: bytes | None = None, passphrase: str | None = None, root: Path | None = None) -> bool:
    """Whether the key (or old-style passphrase, or none) reads the file's schema."""
    try:
        conn = connect(path, key=key, passphrase=passphrase, root=root, readonly=True)
    except Exception:  # noqa: BLE001 - cannot open is "does not open"
        return False
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except Exception:  # noqa: BLE001 - sqlite3 and sqlcipher3 raise their own DatabaseError classes
        conn.close()
        flush_log()
        return False
    finally:
        conn.close()


def check(path: Path, *, key: bytes | None, root: Path | None = None) -> str | None:
    """None when the file opens read-only with `key`, passes integrity_check and holds a GridKeeper schema;
    else what is wrong, in a few words (for the log and the user's message)."""
    try:
        conn = connect(path, key=key, root=root, readonly=True)
    except Exception as exc:  # noqa: BLE001
        return f"cannot open: {exc}"
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        if rows != ["ok"]:
            return "integrity check: " + "; ".join(str(r) for r in rows[:3])
        version = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if not version:
            return "no schema version"
        return None
    except Exception as exc:  # noqa: BLE001 - a wrong key, a damaged page: all "not usable"
        return str(exc) or type(exc).__name__
    finally:
        conn.close()


def schema_version(path: Path, *, key: bytes | None, root: Path | None = None) -> str | None:
    conn = connect(path, key=key, root=root, readonly=True)
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return str(row[0]) if row else None
    finally:
        conn.close()


def table_counts(conn: Any, schema: str = "main") -> dict[str, int]:
    names = [r[0] for r in conn.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    return {n: conn.execute(f'SELECT count(*) FROM {schema}."{n}"').fetchone()[0] for n in sorted(names)}


def export(source: Any, target: Path, key: bytes) -> None:
    """Copy the open `source` database whole into `target`, encrypted under `key`."""
    if target.exists():
        target.unlink()
    paths.create_private(target)
    source.execute("ATTACH DATABASE ? AS gk_new KEY ?", (str(target), sqlcipher_key(key)))
    try:
        source.execute("SELECT sqlcipher_export('gk_new')")
        counts = table_counts(source), table_counts(source, "gk_new")
    finally:
        source.execute("DETACH DATABASE gk_new")
    if counts[0] != counts[1]:
        from gridkeeper.errors import BackupFailed

        raise BackupFailed(str(target), "rows differ after the copy")
