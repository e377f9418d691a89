"""Engine factory, encryption at rest, migrations, refusal of newer databases."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import event, text

from gridkeeper.errors import NotAProfile, PassphraseNeeded, StoreTooNew, WrongPassphrase
from gridkeeper.store import migrate, open_store
from gridkeeper.store.models import SYNCED_MODELS
from gridkeeper.store.schema import HEAD_REVISION, SYNCED_TABLES
from tests.store.helpers import place


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_profile_is_migrated_to_head_with_wal_and_foreign_keys(data_dir: Path) -> None:
    store = open_store(data_dir)
    with store.read() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == HEAD_REVISION
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    store.close()


def test_migrated_schema_matches_the_models(store) -> None:  # type: ignore[no-untyped-def]
    assert tuple(m.__tablename__ for m in SYNCED_MODELS) == SYNCED_TABLES
    with store.read() as conn:
        for model in SYNCED_MODELS:
            table = model.__table__  # type: ignore[attr-defined]
            info = conn.exec_driver_sql(f"PRAGMA table_info({table.name})").all()
            db_cols = {r[1]: bool(r[3]) for r in info}  # name -> NOT NULL
            model_cols = {c.name: not c.nullable for c in table.columns}
            assert db_cols == model_cols, table.name


def test_device_id_is_made_once_per_profile(data_dir: Path) -> None:
    first = open_store(data_dir)
    device = first.device_id
    first.close()
    again = open_store(data_dir)
    assert again.device_id == device
    again.close()
    other = open_store(data_dir.parent / "other")
    assert other.device_id != device
    other.close()


def test_encrypted_profile_cannot_be_read_without_its_key(data_dir: Path) -> None:
    store = open_store(data_dir, passphrase="门前三包 2026")
    place(store)
    store.close()
    db = data_dir / "gridkeeper.db"
    assert not db.read_bytes().startswith(b"SQLite format 3")
    assert "阳光花园".encode() not in db.read_bytes()
    raw = sqlite3.connect(db)
    with pytest.raises(sqlite3.DatabaseError):
        raw.execute("SELECT * FROM household").fetchall()
    raw.close()
    with pytest.raises(PassphraseNeeded):
        open_store(data_dir)
    with pytest.raises(WrongPassphrase):
        open_store(data_dir, passphrase="wrong")
    store = open_store(data_dir, passphrase="门前三包 2026")
    with store.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM household")).scalar() == 1
    assert store.encrypted
    store.close()


def test_a_newer_database_is_refused_and_left_untouched(data_dir: Path) -> None:
    store = open_store(data_dir)
    with store.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with store.read() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    before = _digest(data_dir / "gridkeeper.db")
    with pytest.raises(StoreTooNew) as err:
        open_store(data_dir)
    assert "9999" in err.value.english() and "newer version" in err.value.english()
    assert _digest(data_dir / "gridkeeper.db") == before


def test_a_file_that_is_not_a_profile_is_refused(data_dir: Path) -> None:
    (data_dir / "gridkeeper.db").write_bytes(b"PK\x03\x04 this is a zip, not a database" * 100)
    with pytest.raises(PassphraseNeeded):  # unreadable without a key: could be encrypted
        open_store(data_dir)
    other = data_dir.parent / "foreign"
    other.mkdir()
    conn = sqlite3.connect(other / "gridkeeper.db")
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    with pytest.raises(NotAProfile):
        open_store(other)


def test_a_profile_of_schema_0001_is_backed_up_then_migrated(data_dir: Path) -> None:
    from sqlalchemy import text as sql

    from gridkeeper.store.engine import _Hooks, make_engine

    hooks = _Hooks()
    engine = make_engine(data_dir / "gridkeeper.db", None, hooks)
    migrate.upgrade(engine, data_dir, target="0001")
    hooks.paused.on = True  # an old profile's rows; no clock needed to write them here
    with engine.execution_options(gk_write=True).begin() as conn:
        conn.execute(sql("INSERT INTO community (id, name) VALUES ('c', '塘川社区')"))
    hooks.paused.on = False
    engine.dispose()

    store = open_store(data_dir)
    with store.read() as conn:
        assert conn.execute(sql("SELECT version_num FROM alembic_version")).scalar() == HEAD_REVISION
        assert conn.execute(sql("SELECT name FROM community")).scalar() == "塘川社区"
        assert conn.execute(sql("SELECT count(*) FROM sync_cursor")).scalar() == 0
    store.close()
    backups = list((data_dir / "backups").glob("gridkeeper-*-schema0001.db"))
    assert len(backups) == 1
    copy = sqlite3.connect(backups[0])
    assert copy.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
    assert copy.execute("SELECT name FROM community").fetchall() == [("塘川社区",)]
    copy.close()


def test_an_up_to_date_profile_opens_without_backup(data_dir: Path) -> None:
    open_store(data_dir).close()
    open_store(data_dir).close()
    assert not (data_dir / "backups").exists()


@pytest.fixture
def quick_busy(monkeypatch: pytest.MonkeyPatch) -> None:
    """A 0.1 s busy timeout instead of 10 s (read when a store's engine is made)."""
    from gridkeeper.store import engine

    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 100)


def _hold_write_lock(data_dir: Path) -> sqlite3.Connection:
    """Another window's (or a sync's) write transaction, left open."""
    other = sqlite3.connect(data_dir / "gridkeeper.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    return other


def test_a_write_lock_held_elsewhere_is_profile_busy_in_words(data_dir: Path, quick_busy: None) -> None:
    from gridkeeper.errors import ProfileBusy, StoreError

    store = open_store(data_dir)
    other = _hold_write_lock(data_dir)
    try:
        with pytest.raises(ProfileBusy) as caught, store.begin() as conn:
            conn.execute(text("DELETE FROM local_meta WHERE key = 'nothing'"))
        assert isinstance(caught.value, StoreError)
        assert caught.value.english().startswith("The profile is busy: another GridKeeper window")
        with pytest.raises(ProfileBusy), store.write() as session:
            session.exec(text("DELETE FROM local_meta WHERE key = 'nothing'"))  # type: ignore[call-overload]
        with pytest.raises(ProfileBusy), store.bulk_load(set()):
            pass
        with pytest.raises(ProfileBusy):
            open_store(data_dir)  # opening writes too (the search index's catch-up)
        with store.read() as conn:  # reads go on under WAL
            assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1
    finally:
        other.rollback()
        other.close()
    store.set_meta("after", "ok")  # the lock gone, writing works again
    assert store.meta("after") == "ok"
    store.close()


def test_other_operational_errors_stay_what_they_are(store) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy.exc import OperationalError

    with pytest.raises(OperationalError), store.begin() as conn:
        conn.execute(text("SELECT * FROM no_such_table"))


def test_a_full_disk_says_so_and_saves_nothing(tmp_path: Path) -> None:
    """Finding: on a full disk every command showed a SQLAlchemy traceback."""
    from gridkeeper.errors import DiskFull
    from gridkeeper.store.models import Person
    from tests.store.helpers import place

    store = open_store(tmp_path / "p")
    where = place(store)
    with store.read() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    before = store.meta("device_id")

    @event.listens_for(store.engine, "connect")
    def _no_room(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own SQLITE_FULL

    store.engine.dispose()
    with pytest.raises(DiskFull) as full:
        with store.write() as s:
            for n in range(2000):
                s.add(Person(id=f"p{n}", household_id=where["household"], name="张" * 40, note="x" * 400))
    assert "no change was saved" in full.value.english()
    with store.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM person").scalar() == 0
    assert store.meta("device_id") == before
    store.close()


def test_a_profile_that_cannot_be_read_now_is_not_called_not_a_profile(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Finding: while the disk stayed full the profile was 'not a GridKeeper profile database'."""
    import sqlite3

    from sqlalchemy.exc import OperationalError

    from gridkeeper.errors import DiskFull, ProfileUnreadable
    from gridkeeper.store import engine as engine_mod

    open_store(tmp_path / "p").close()
    for message, code, error in (("database or disk is full", sqlite3.SQLITE_FULL, DiskFull),
                                 ("disk I/O error", sqlite3.SQLITE_IOERR, ProfileUnreadable)):
        orig = sqlite3.OperationalError(message)
        orig.sqlite_errorcode = code  # type: ignore[attr-defined]

        class Failing:
            def __enter__(self):  # type: ignore[no-untyped-def]
                raise OperationalError("SELECT", {}, orig)

            def __exit__(self, *_a):  # type: ignore[no-untyped-def]
                return False

        monkeypatch.setattr(engine_mod.Engine, "connect", lambda self: Failing())
        with pytest.raises(error):
            open_store(tmp_path / "p")
        monkeypatch.undo()
    open_store(tmp_path / "p").close()  # and it opens once the disk works again
