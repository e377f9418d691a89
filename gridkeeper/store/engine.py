"""The one engine factory and the Store that owns it.

WAL and foreign keys on every connection; SQLCipher (`sqlite+pysqlcipher`, a
raw 32-byte key that the passphrase unwraps from profile.key) for an encrypted
profile. Each connection gets the functions the capture and
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
from gridkeeper.errors import (
    DiskFull,
    KeyDoesNotFit,
    NotAProfile,
    NotEncrypted,
    PassphraseNeeded,
    ProfileBusy,
    ProfileUnreadable,
)
from gridkeeper.store import cipher, encryption, keyfile, searchindex, searchkeys
from gridkeeper.store.busy import is_busy, is_full, is_unreadable_now
from gridkeeper.store.encryption import State
from gridkeeper.sync.clock import HybridClock, Timestamp, wall_ms

if TYPE_CHECKING:
    from sqlmodel import Session

log = logging.getLogger("gridkeeper.store")

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
        if is_full(exc):
            log.warning("disk full: %s", exc.orig)
            raise DiskFull() from exc
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


def make_engine(path: Path, key: bytes | None, hooks: _Hooks) -> Engine:
    """The profile's engine: SQLCipher under the raw `key`, or plain SQLite when it is None."""
    if key is not None:
        cipher.route_log(path.parent)  # SQLCipher's complaints about a key go to the log, not stderr
        url = URL.create("sqlite+pysqlcipher", password=keyfile.sqlcipher_key(key), database=str(path))
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

    def __init__(self, root: Path, engine: Engine, hooks: _Hooks, key: bytes | None) -> None:
        self.root = root
        self.path = paths.database_path(root)
        self.engine = engine
        self.key = key  # the raw profile key (backups are written under it); None: not encrypted
        self.encrypted = key is not None
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
        searchkeys.forget_made_ahead()  # the index has them now
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


def _probe(engine: Engine, path: Path) -> bool:
    """Whether the engine's key (or none) reads the file's schema. A file that cannot be read right
    now (I/O error, full disk, no permission) is said so, never taken for a key that does not fit."""
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
        return True
    except DatabaseError as exc:
        engine.dispose()
        if is_unreadable_now(exc):
            log.warning("profile unreadable now: %s", exc.orig)
            raise (DiskFull() if is_full(exc) else ProfileUnreadable(str(path))) from exc
        return False


def _profile_key(root: Path, passphrase: str | None, key: bytes | None) -> bytes | None:
    """The raw key that opens the profile in `root` (None: plain SQLite), making or converting what needs it.

    A new profile with a passphrase gets a random key, wrapped in profile.key; an old-style one (the
    passphrase itself was SQLCipher's key) is converted to that form first (encryption.convert_legacy)."""
    st = encryption.state(root)
    if st is State.UNKNOWN:
        raise NotAProfile(str(paths.database_path(root)))
    if st is State.PLAIN:
        if passphrase or key is not None:
            raise NotEncrypted(str(root))
        return None
    if st is State.NEW:
        if key is not None:
            return key  # the caller wrapped it already (a restore into an empty folder, tests)
        if not passphrase:
            return None
        made = keyfile.new_key()
        keyfile.write(root, made, passphrase)
        return made
    if key is not None:
        return key
    if not passphrase:
        raise PassphraseNeeded()
    if st is State.LEGACY:
        return encryption.convert_legacy(root, passphrase)
    return keyfile.unwrap(root, passphrase)  # WrongPassphrase: the AES-GCM tag, before SQLCipher is asked


def open_store(
    root: Path,
    passphrase: str | None = None,
    *,
    key: bytes | None = None,
    now_ms: Callable[[], int] = wall_ms,
) -> Store:
    """Open (creating if needed) the profile in `root`, migrating it after a backup.

    `passphrase` unwraps the profile key (a new profile with one is encrypted); `key` is the raw key
    when the caller unwrapped it already (the app does, off the UI thread)."""
    from gridkeeper.store import migrate

    paths.private_dir(root)
    paths.tighten(root)
    path = paths.database_path(root)
    key = _profile_key(root, passphrase, key)
    paths.create_private(path)  # 0600 from the start; SQLite gives its -wal and -shm the same mode
    hooks = _Hooks()
    engine = make_engine(path, key, hooks)
    if path.stat().st_size > 0 and not _probe(engine, path):
        if key is None:
            raise NotAProfile(str(path))
        if passphrase and cipher.opens(path, passphrase=passphrase, root=root):
            # A conversion from the old form stopped after writing the key file: finish it.
            key = encryption.convert_legacy(root, passphrase, key)
            engine = make_engine(path, key, hooks)
        else:
            cipher.flush_log()
            raise KeyDoesNotFit(str(root))
    try:
        migrate.upgrade(engine, root, key=key)
    except Exception:
        engine.dispose()
        raise
    store = Store(root, engine, hooks, key)
    try:
        device_id = store.meta("device_id")
        if device_id is None:
            device_id = str(uuid.uuid4())
            store.set_meta("device_id", device_id)
            log.info("new device id %s for %s", device_id, path)
        with store.read() as conn:
            last = conn.execute(text("SELECT max(hlc) FROM change_log")).scalar()
        hooks.clock = HybridClock(device_id, Timestamp.decode(last) if last else None, now_ms)
        from gridkeeper.store import phone_forms

        if store.meta(phone_forms.PENDING) is not None:  # migration 0010's rewrite, logged now the clock is known
            with store.begin() as conn:
                log.info("phone numbers rewritten in canonical form: %d rows", phone_forms.rewrite(conn))
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
