"""The one engine factory and the Store that owns it.

WAL and foreign keys on every connection; SQLCipher (`sqlite+pysqlcipher`)
when a passphrase is given. Each connection gets the functions the capture and
search triggers call. Transactions are explicit: reads BEGIN, writes BEGIN
IMMEDIATE (so two writers queue on busy_timeout instead of failing on a lock
upgrade). A writer still waiting when the timeout runs out gets ProfileBusy, a
known error in words, not SQLite's "database is locked".
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from sqlalchemy import URL, Connection, Engine, create_engine, event, text
from sqlalchemy.exc import DatabaseError, OperationalError

from gridkeeper import paths
from gridkeeper.errors import NotAProfile, PassphraseNeeded, ProfileBusy, WrongPassphrase
from gridkeeper.store import searchindex, searchkeys
from gridkeeper.store.busy import is_busy
from gridkeeper.sync.clock import HybridClock, Timestamp, wall_ms

if TYPE_CHECKING:
    from sqlmodel import Session

log = logging.getLogger("gridkeeper.store")

_SQLITE_MAGIC = b"SQLite format 3\x00"

# How long a writer waits for another's write lock (a sync, another window) before ProfileBusy.
BUSY_TIMEOUT_MS = 10_000


@contextmanager
def _busy_in_words() -> Iterator[None]:
    try:
        yield
    except OperationalError as exc:
        if is_busy(exc):
            log.warning("profile busy: %s", exc.orig)
            raise ProfileBusy() from exc
        raise


class _Hooks:
    """What the trigger functions see; filled in once the profile's device id is known."""

    def __init__(self) -> None:
        self.clock: HybridClock | None = None
        self.paused = threading.local()
        self.bulk = threading.local()
        self.checkpoints = threading.local()

    def checkpoint_pages(self) -> int:
        """wal_autocheckpoint for the next write: SQLite's default, or 0 (none) while held."""
        return 0 if getattr(self.checkpoints, "held", False) else 1000

    def hlc(self) -> str:
        if self.clock is None:
            raise RuntimeError("store not opened: no clock for change capture")
        return self.clock.now().encode_time()

    def device(self) -> str:
        if self.clock is None:
            raise RuntimeError("store not opened: no device id for change capture")
        return self.clock.device_id

    def capture(self) -> int:
        return 0 if getattr(self.paused, "on", False) else 1

    def index(self) -> int:
        return 0 if getattr(self.bulk, "on", False) else 1


def make_engine(path: Path, passphrase: str | None, hooks: _Hooks) -> Engine:
    if passphrase:
        url = URL.create("sqlite+pysqlcipher", password=passphrase, database=str(path))
    else:
        url = URL.create("sqlite", database=str(path))
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves, see _on_begin
        cur = dbapi_conn.cursor()
        try:
            cur.execute("PRAGMA journal_mode = WAL")
            cur.execute("PRAGMA synchronous = NORMAL")
            cur.execute("PRAGMA foreign_keys = ON")
            cur.execute("PRAGMA cache_size = -65536")  # 64 MB: big imports spill less to the WAL
            cur.execute("PRAGMA temp_store = MEMORY")  # sorts (index rebuild) without temp files
            cur.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_MS)}")
        finally:
            cur.close()
        dbapi_conn.create_function("gk_hlc", 0, hooks.hlc)
        dbapi_conn.create_function("gk_device", 0, hooks.device)
        dbapi_conn.create_function("gk_capture", 0, hooks.capture)
        dbapi_conn.create_function("gk_index", 0, hooks.index)
        dbapi_conn.create_function("gk_person_keys", 3, searchkeys.person_keys, deterministic=True)
        dbapi_conn.create_function("gk_address_keys", 4, searchkeys.address_keys, deterministic=True)
        dbapi_conn.create_function("gk_sort_key", 4, searchkeys.sort_key, deterministic=True)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        write = conn.get_execution_options().get("gk_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
        if write:
            # SQLite checkpoints the WAL at a commit once it is over this many pages.
            conn.exec_driver_sql(f"PRAGMA wal_autocheckpoint = {hooks.checkpoint_pages()}")
            # Foreign keys checked at COMMIT: the ORM flushes tables in no
            # particular order, and sync applies rows in the order they come.
            conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")

    return engine


class Store:
    """An open profile database. The UI never holds one of its sessions open."""

    def __init__(self, root: Path, engine: Engine, hooks: _Hooks, encrypted: bool) -> None:
        self.root = root
        self.path = paths.database_path(root)
        self.engine = engine
        self.encrypted = encrypted
        self._hooks = hooks
        self._writer = engine.execution_options(gk_write=True)
        self.catch_up_error = ""  # the search catch-up's failure at open, if any (the app says so)

    @property
    def device_id(self) -> str:
        return self._hooks.device()

    @property
    def clock(self) -> HybridClock:
        assert self._hooks.clock is not None
        return self._hooks.clock

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A short read transaction (a consistent snapshot under WAL)."""
        with self.engine.connect() as conn:
            yield conn

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        """A Core write transaction: for bulk inserts and updates. Captured by the triggers.

        ProfileBusy when another connection keeps the write lock past the busy timeout."""
        with _busy_in_words(), self._writer.begin() as conn:
            yield conn

    @contextmanager
    def write(self) -> Iterator[Session]:
        """An ORM write transaction: commits on success, rolls back (log rows too) on error.

        ProfileBusy when another connection keeps the write lock past the busy timeout."""
        from sqlmodel import Session

        with _busy_in_words(), Session(self._writer, expire_on_commit=False) as session:
            with session.begin():
                yield session

    @contextmanager
    def bulk_load(self, households: set[str] | None = None, *, defer_index: bool = False) -> Iterator[Connection]:
        """One write transaction for many rows: captured as usual; the search index is
        brought up to date once at the end, for `households` (which the caller fills
        while loading) or, when None, for the whole profile.

        With `defer_index`, the households are only listed in `search_dirty` in the
        same transaction, and reindex_dirty() re-keys them after the commit: the
        transaction (and the lock it holds) ends seconds sooner, and search reads
        the listed households' keys on the fly until then (searchindex.PENDING_SOURCE).
        """
        self._hooks.bulk.on = True
        try:
            with self.begin() as conn:
                yield conn
                self._hooks.bulk.on = False
                if households is None:
                    searchindex.rebuild(conn)
                elif defer_index:
                    searchindex.mark_dirty(conn, households)
                else:
                    searchindex.refresh(conn, households)
        finally:
            self._hooks.bulk.on = False

    @contextmanager
    def begin_unindexed(self) -> Iterator[Connection]:
        """A write transaction with the search-index triggers off. The caller lists the
        households it touched in `search_dirty` in the same transaction; reindex_dirty()
        (run after a sync and at every open) re-keys them, so a crash in between only
        delays the index, never loses it."""
        self._hooks.bulk.on = True
        try:
            with self.begin() as conn:
                yield conn
        finally:
            self._hooks.bulk.on = False

    def reindex_dirty(self) -> int:
        with self.begin() as conn:
            dirty = {h for (h,) in conn.exec_driver_sql("SELECT household_id FROM search_dirty")}
            if dirty:
                searchindex.refresh(conn, dirty)
                conn.exec_driver_sql("DELETE FROM search_dirty")
            conn.exec_driver_sql("DELETE FROM local_meta WHERE key = 'catch_up_failed'")
        self.catch_up_error = ""
        return len(dirty)

    @contextmanager
    def checkpoints_held(self, *, checkpoint_after: bool = True) -> Iterator[None]:
        """Many big write transactions in a row (a sync's batches): without this, every commit
        over 4 MB of WAL copies it into the database file (a third of applying a street).
        Held, the WAL grows and is checkpointed once at the end (`checkpoint_after`), or by
        the next ordinary write's commit."""
        self._hooks.checkpoints.held = True
        try:
            yield
        finally:
            self._hooks.checkpoints.held = False
        if checkpoint_after:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")

    @contextmanager
    def capture_paused(self) -> Iterator[None]:
        """For sync only: apply remote changes that already carry their own log rows."""
        self._hooks.paused.on = True
        try:
            yield
        finally:
            self._hooks.paused.on = False

    def meta(self, key: str) -> str | None:
        with self.read() as conn:
            return conn.execute(text("SELECT value FROM local_meta WHERE key = :k"), {"k": key}).scalar()

    def set_meta(self, key: str, value: str) -> None:
        """Device-local facts (device id, who uses this laptop): never synced."""
        with self.begin() as conn:
            conn.execute(
                text("INSERT INTO local_meta(key, value) VALUES (:k, :v) "
                     "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                {"k": key, "v": value},
            )

    def close(self) -> None:
        self.engine.dispose()


def _probe(engine: Engine, path: Path, passphrase: str | None) -> None:
    """Fail early, in words, on a wrong passphrase or a file that is not ours."""
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
    except DatabaseError as exc:
        engine.dispose()
        if passphrase:
            raise WrongPassphrase() from exc
        with open(path, "rb") as fh:
            head = fh.read(16)
        # An encrypted database is whole pages of noise; a short file is something else.
        if head != _SQLITE_MAGIC and path.stat().st_size >= 1024:
            raise PassphraseNeeded() from exc
        raise NotAProfile(str(path)) from exc


def open_store(
    root: Path,
    passphrase: str | None = None,
    *,
    now_ms: Callable[[], int] = wall_ms,
) -> Store:
    """Open (creating if needed) the profile in `root`, migrating it after a backup."""
    from gridkeeper.store import migrate

    root.mkdir(parents=True, exist_ok=True)
    path = paths.database_path(root)
    hooks = _Hooks()
    engine = make_engine(path, passphrase, hooks)
    if path.exists() and path.stat().st_size > 0:
        _probe(engine, path, passphrase)
    try:
        migrate.upgrade(engine, root)
    except Exception:
        engine.dispose()
        raise
    store = Store(root, engine, hooks, encrypted=bool(passphrase))
    try:
        device_id = store.meta("device_id")
        if device_id is None:
            device_id = str(uuid.uuid4())
            store.set_meta("device_id", device_id)
            log.info("new device id %s for %s", device_id, path)
        with store.read() as conn:
            last = conn.execute(text("SELECT max(hlc) FROM change_log")).scalar()
        hooks.clock = HybridClock(device_id, Timestamp.decode(last) if last else None, now_ms)
    except Exception:  # ProfileBusy, typically: no connection left behind
        store.close()
        raise
    _catch_up(store)  # a sync or import cut off before re-indexing what it wrote
    return store


CATCH_UP_FAILED = "catch_up_failed"  # local_meta: {"error": ..., "count": n} of the search catch-up at open


def _catch_up(store: Store) -> None:
    """Re-key what a cut-off write left for the search index; never keep the profile from opening.

    Search is right meanwhile (it reads search_dirty's households the slow way). A failure is
    logged and kept on `store.catch_up_error`; one that failed the same way twice is not tried
    at every start again (a later sync or import still tries, and clears the mark on success)."""
    import json

    raw = store.meta(CATCH_UP_FAILED)
    try:
        before = json.loads(raw) if raw else {}
    except ValueError:
        before = {}
    if before.get("count", 0) >= 2:
        store.catch_up_error = str(before.get("error", ""))
        log.warning("search catch-up skipped at open: it failed twice (%s)", store.catch_up_error)
        return
    try:
        store.reindex_dirty()
    except ProfileBusy:
        raise
    except Exception as exc:  # noqa: BLE001 - MemoryError included: the profile must still open
        error = f"{type(exc).__name__}: {exc}"[:300]
        log.exception("search catch-up failed at open")
        count = before.get("count", 0) + 1 if before.get("error") == error else 1
        store.catch_up_error = error
        try:
            store.set_meta(CATCH_UP_FAILED, json.dumps({"error": error, "count": count}))
        except Exception:  # noqa: BLE001 - a full disk: nothing more to note
            log.exception("could not note the failed catch-up")
