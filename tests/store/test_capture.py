"""Every write path to a synced table is logged, in the same transaction."""

from __future__ import annotations

import json
import sqlite3

import pytest
from sqlalchemy import insert, text, update
from sqlalchemy.exc import IntegrityError, OperationalError

from gridkeeper import ids
from gridkeeper.store import Store, open_store
from gridkeeper.store.models import Person, Tag
from gridkeeper.sync.clock import Timestamp
from tests.store.helpers import log_rows, place

PERSON_FIELDS = {
    "deleted", "household_id", "name", "id_number", "gender", "birth_date",
    "ethnicity", "relation_to_head", "phones", "status", "note",
}


def test_orm_insert_logs_every_field_with_clock_and_device(store: Store) -> None:
    where = place(store)
    with store.write() as s:
        s.add(Person(id="p1", household_id=where["household"], name="张伟", gender="M"))
    (row,) = log_rows(store, "person")
    assert (row["row_id"], row["field"], row["device_id"]) == ("p1", "*", store.device_id)
    fields = json.loads(row["value"])
    assert set(fields) == PERSON_FIELDS
    assert fields["name"] == "张伟" and fields["gender"] == "M" and fields["note"] is None
    stamps = [Timestamp.decode(r["hlc"], r["device_id"]) for r in log_rows(store)]
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)


def test_core_bulk_insert_is_logged(store: Store) -> None:
    with store.begin() as conn:
        conn.execute(
            insert(Tag.__table__),  # type: ignore[attr-defined]
            [{"id": ids.tag_id(n), "name": n, "sensitive": s, "deleted": False}
             for n, s in (("独居", False), ("低保", True), ("残疾", True))],
        )
    rows = log_rows(store, "tag")
    assert [r["field"] for r in rows] == ["*"] * 3
    values = [json.loads(r["value"]) for r in rows]
    assert {(v["name"], v["sensitive"], v["deleted"]) for v in values} == {
        ("独居", 0, 0), ("低保", 1, 0), ("残疾", 1, 0)
    }


def test_update_logs_only_changed_fields(store: Store) -> None:
    where = place(store)
    with store.write() as s:
        s.add(Person(id="p1", household_id=where["household"], name="张伟", note="a"))
    before = len(log_rows(store))
    with store.begin() as conn:  # a Core update, as an import would do
        conn.execute(
            update(Person.__table__).where(Person.__table__.c.id == "p1")  # type: ignore[attr-defined]
            .values(name="张玮", note="a")
        )
    new = log_rows(store)[before:]
    assert [(r["field"], json.loads(r["value"])) for r in new] == [("name", "张玮")]


def test_raw_sql_write_through_the_engine_is_logged(store: Store) -> None:
    where = place(store)
    with store.write() as s:
        s.add(Person(id="p1", household_id=where["household"], name="张伟"))
    with store.begin() as conn:
        conn.execute(text("UPDATE person SET phones = :p WHERE id = 'p1'"), {"p": '["13812345678"]'})
    last = log_rows(store)[-1]
    assert (last["field"], json.loads(last["value"])) == ("phones", '["13812345678"]')


def test_tombstone_is_logged_and_delete_is_refused(store: Store) -> None:
    where = place(store)
    with store.write() as s:
        s.add(Person(id="p1", household_id=where["household"], name="张伟"))
    with store.write() as s:
        s.get(Person, "p1").deleted = True  # type: ignore[union-attr]
    last = log_rows(store)[-1]
    assert (last["row_id"], last["field"], last["value"]) == ("p1", "deleted", "1")
    with pytest.raises(IntegrityError, match="tombstoned"):
        with store.begin() as conn:
            conn.execute(text("DELETE FROM person WHERE id = 'p1'"))
    with store.read() as conn:
        assert conn.execute(text("SELECT deleted FROM person WHERE id = 'p1'")).scalar() == 1


def test_row_ids_never_change(store: Store) -> None:
    where = place(store)
    with pytest.raises(IntegrityError, match="never changes"):
        with store.begin() as conn:
            conn.execute(text("UPDATE household SET id = 'x' WHERE id = :h"), {"h": where["household"]})


def test_rolled_back_transaction_leaves_no_log_rows(store: Store) -> None:
    where = place(store)
    before = log_rows(store)
    with pytest.raises(RuntimeError):
        with store.write() as s:
            s.add(Person(id="p1", household_id=where["household"], name="张伟"))
            s.flush()  # the triggers have run: log rows exist inside the transaction
            raise RuntimeError("cancelled by the user")
    with pytest.raises(RuntimeError):
        with store.begin() as conn:
            conn.execute(text("UPDATE household SET room = '502' WHERE id = :h"), {"h": where["household"]})
            assert len(log_rows_in(conn)) > len(before)
            raise RuntimeError("import failed half way")
    assert log_rows(store) == before
    with store.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM person")).scalar() == 0


def log_rows_in(conn) -> list[tuple]:  # type: ignore[no-untyped-def]
    return conn.execute(text("SELECT seq FROM change_log")).all()


def test_a_connection_without_capture_cannot_write_synced_rows(store: Store) -> None:
    """The sqlite3 shell or another program would write uncaptured: the trigger stops it."""
    where = place(store)
    raw = sqlite3.connect(store.path)
    with pytest.raises(sqlite3.OperationalError, match="gk_"):
        raw.execute("UPDATE household SET room = '999' WHERE id = ?", (where["household"],))
    raw.rollback()
    raw.close()
    with store.read() as conn:
        assert conn.execute(text("SELECT room FROM household")).scalar() == "501"


def test_paused_capture_writes_without_log_rows(store: Store) -> None:
    """Sync applies remote changes that carry their own log rows."""
    place(store)
    before = len(log_rows(store))
    with store.capture_paused():
        with store.begin() as conn:
            conn.execute(text("UPDATE household SET note = 'from another laptop'"))
    assert len(log_rows(store)) == before
    with store.begin() as conn:
        conn.execute(text("UPDATE household SET note = 'mine'"))
    assert len(log_rows(store)) == before + 1


def test_clock_stays_ahead_of_the_log_when_the_wall_clock_steps_back(data_dir) -> None:  # type: ignore[no-untyped-def]
    s = open_store(data_dir, now_ms=lambda: 2_000_000_000_000)
    place(s)
    high = max(Timestamp.decode(r["hlc"]) for r in log_rows(s))
    assert high.wall_ms == 2_000_000_000_000
    s.close()
    s = open_store(data_dir, now_ms=lambda: 1_000_000_000_000)  # laptop clock a year off
    with s.begin() as conn:
        conn.execute(text("UPDATE household SET note = 'later'"))
    last = Timestamp.decode(log_rows(s)[-1]["hlc"])
    s.close()
    assert (last.wall_ms, last.counter) > (high.wall_ms, high.counter)


def test_foreign_keys_are_enforced(store: Store) -> None:
    with pytest.raises(IntegrityError):
        with store.write() as s:
            s.add(Person(id="p1", household_id="no-such-household", name="张伟"))
    assert log_rows(store) == []


def test_writes_fail_loudly_before_the_store_is_open(data_dir) -> None:  # type: ignore[no-untyped-def]
    from gridkeeper.store.engine import _Hooks, make_engine
    from gridkeeper.store.migrate import upgrade

    engine = make_engine(data_dir / "gridkeeper.db", None, _Hooks())
    upgrade(engine, data_dir)
    with pytest.raises(OperationalError):
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO tag (id, name) VALUES ('t', '独居')"))
    engine.dispose()
