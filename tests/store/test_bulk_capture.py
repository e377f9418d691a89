"""capture.insert_logged: a bulk insert logs exactly what the insert triggers would have."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import text

from gridkeeper import ids
from gridkeeper.store import Store, capture
from gridkeeper.sync.clock import HybridClock, Timestamp
from tests.store.helpers import log_rows, place

COLS = ("id", "household_id", "name", "id_number", "phones", "status", "deleted")


def people(household: str, n: int) -> list[tuple[Any, ...]]:
    return [(f"p{i:03d}", household, f"居民{i}", f"33038219600101{i:04d}", f'["1380000{i:04d}"]', "active", 0)
            for i in range(n)]


def triggers(store: Store) -> list[tuple[str, str]]:
    with store.read() as conn:
        return [tuple(r) for r in conn.execute(text(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"))]


def test_bulk_insert_logs_what_the_triggers_log(store: Store, tmp_path: Any) -> None:
    from gridkeeper.store import open_store

    where = place(store)
    rows = people(where["household"], 50)
    with store.begin() as conn:
        capture.insert_logged(conn, store.clock, "person", COLS, rows)
    bulk = log_rows(store, "person")

    other = open_store(tmp_path / "other")  # the same rows through the triggers
    place(other)
    with other.begin() as conn:
        conn.exec_driver_sql(f"INSERT INTO person ({', '.join(COLS)}) VALUES ({', '.join('?' for _ in COLS)})", rows)
    by_trigger = log_rows(other, "person")
    other.close()

    assert [(r["row_id"], r["field"], r["value"]) for r in bulk] == \
        [(r["row_id"], r["field"], r["value"]) for r in by_trigger]
    assert {r["device_id"] for r in bulk} == {store.device_id}
    stamps = [Timestamp.decode(r["hlc"], r["device_id"]) for r in log_rows(store)]
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)  # after the places, one apart
    assert json.loads(bulk[0]["value"])["name"] == "居民0"


def test_bulk_insert_puts_the_triggers_back(store: Store) -> None:
    where = place(store)
    before = triggers(store)
    with store.begin() as conn:
        capture.insert_logged(conn, store.clock, "person", COLS, people(where["household"], 3))
    assert triggers(store) == before
    with store.begin() as conn:  # an ordinary insert after it is logged by its trigger again
        conn.exec_driver_sql("INSERT INTO person (id, household_id, name, deleted) VALUES ('q', ?, '后来', 0)",
                             (where["household"],))
    assert [r["row_id"] for r in log_rows(store, "person")][-1] == "q"


def test_a_failed_bulk_insert_takes_its_rows_log_and_trigger_changes_back(store: Store) -> None:
    where = place(store)
    before, logged = triggers(store), len(log_rows(store))
    with pytest.raises(RuntimeError):
        with store.begin() as conn:
            capture.insert_logged(conn, store.clock, "person", COLS, people(where["household"], 3))
            raise RuntimeError("cut off")
    assert triggers(store) == before and len(log_rows(store)) == logged
    with store.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM person")).scalar() == 0


def test_skipped_rows_are_not_logged(store: Store) -> None:
    tags = [(ids.tag_id(n), n, 0, 0) for n in ("独居", "空巢")]
    with store.begin() as conn:
        capture.insert_logged(conn, store.clock, "tag", ("id", "name", "sensitive", "deleted"), tags[:1])
        capture.insert_logged(conn, store.clock, "tag", ("id", "name", "sensitive", "deleted"), tags,
                              skip_existing=True)
    assert sorted(r["row_id"] for r in log_rows(store, "tag")) == sorted(t[0] for t in tags)


def test_reserved_times_roll_over_into_the_next_millisecond() -> None:
    clock = HybridClock("dev", Timestamp(1000, 99_998, "dev"), now_ms=lambda: 1000)
    first = clock.reserve(5)
    assert (first.wall_ms, first.counter) == (1000, 99_999)
    # the block is 1000.99999, 1001.00000 .. 1001.00003; the next time comes after it
    after = clock.now()
    assert (after.wall_ms, after.counter) == (1001, 4)


def test_bulk_times_cross_a_millisecond_like_the_clock(tmp_path: Any) -> None:
    from gridkeeper.store import open_store

    store = open_store(tmp_path / "p", now_ms=lambda: 1_790_000_000_000)  # a frozen wall clock
    where = place(store)
    store.clock._counter = 99_990  # noqa: SLF001 - near the end of the millisecond
    with store.begin() as conn:
        capture.insert_logged(conn, store.clock, "person", COLS, people(where["household"], 20))
    stamps = [Timestamp.decode(r["hlc"]) for r in log_rows(store, "person")]
    assert [(s.wall_ms, s.counter) for s in stamps] == \
        [(1_790_000_000_000, c) for c in range(99_991, 100_000)] + [(1_790_000_000_001, c) for c in range(11)]
    assert store.clock.now() > Timestamp(1_790_000_000_001, 10, store.device_id)
    store.close()
