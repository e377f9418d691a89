"""Scope by grid on the laptop: each row's grid, and removing the rows of grids no longer held (locally,
not as a change)."""

from __future__ import annotations

from gridkeeper.store import Store
from gridkeeper.store.schema import SYNCED_TABLES
from gridkeeper.sync import scope
from tests.store.helpers import place
from tests.sync.simulation import value
from tests.sync.test_sync_folder import edit


def test_every_synced_table_is_shared_or_has_a_grid() -> None:
    # A new table must be placed on one side: forgotten, it would go to every laptop or to none.
    assert set(SYNCED_TABLES) == scope.SHARED | set(scope.GRID_OF)
    assert not scope.SHARED & set(scope.GRID_OF)


def _two_grids(store: Store) -> None:
    one = place(store, room="101", compound="阳光花园")
    two = place(store, room="201", compound="月亮湾")
    edit(store, "INSERT INTO grid(id, community_id, name) VALUES ('g1', :c, '第1网格'), ('g2', :c, '第2网格')",
         c=one["community"])
    edit(store, "UPDATE building SET grid_id = 'g1' WHERE id = :b", b=one["building"])
    edit(store, "UPDATE building SET grid_id = 'g2' WHERE id = :b", b=two["building"])
    edit(store, "INSERT INTO person(id, household_id, name) VALUES ('p1', :h1, '张伟'), ('p2', :h2, '李娜')",
         h1=one["household"], h2=two["household"])
    edit(store, "INSERT INTO contactlog(id, household_id, person_id, contact_date, contacted_at, method, outcome) "
         "VALUES ('c2', :h2, 'p2', '2026-12-01', '2026-12-01T09:00:00+08:00', 'visit', 'reached')", h2=two["household"])
    edit(store, "INSERT INTO auditlog(id, at, device_id, action, tbl, row_id) VALUES "
         "('a2', '2026-12-01T09:00:00+08:00', 'd', 'view', 'person', 'p2'), "
         "('ag', '2026-12-01T09:00:00+08:00', 'd', 'edit', 'grid', 'g2')")


def test_the_rows_of_a_grid_no_longer_held_leave_this_laptop_only(store: Store) -> None:
    _two_grids(store)
    with store.read() as conn:
        # The audit line about the person of grid 2 goes with it; the one about a grid (shared) stays.
        assert scope.outside(conn, ["g1"]) == {"household": [_hh(store, "p2")], "person": ["p2"],
                                               "contactlog": ["c2"], "auditlog": ["a2"]}
    # A line another laptop wrote about p2, as sync's apply stores it.
    edit(store, "INSERT INTO change_log(hlc, device_id, tbl, row_id, field, value) "
         "VALUES ('000001795772749697.00001', 'other', 'person', 'p2', 'note', '\"独居\"')")
    kept = "SELECT group_concat(seq) FROM change_log WHERE device_id != 'other'"
    log_before = value(store, "SELECT max(seq) FROM change_log")
    kept_before = value(store, kept)
    removed = scope.remove_outside(store, ["g1"])
    assert removed == {"auditlog": 1, "contactlog": 1, "person": 1, "household": 1}
    assert value(store, "SELECT group_concat(id) FROM person") == "p1"
    # Not a change: no new log line (nothing syncs back). Another laptop's lines of the removed rows go;
    # this laptop's own stay, since its batches are rebuilt from them when repaired.
    assert value(store, "SELECT count(*) FROM change_log WHERE seq > :s", s=log_before) == 0
    assert value(store, "SELECT count(*) FROM change_log WHERE device_id = 'other'") == 0
    assert value(store, kept) == kept_before
    # The shared tables stay whole, and deleting a synced row by hand is refused again afterwards.
    assert value(store, "SELECT count(*) FROM grid") == 2 and value(store, "SELECT count(*) FROM building") == 2
    try:
        edit(store, "DELETE FROM person WHERE id = 'p1'")
        raise AssertionError("the tombstone trigger is back")
    except Exception as refused:  # noqa: BLE001 - SQLite's abort, wrapped by SQLAlchemy
        assert "tombstoned" in str(refused)
    assert scope.remove_outside(store, ["g1"]) == {}


def _hh(store: Store, person: str) -> str:
    return str(value(store, "SELECT household_id FROM person WHERE id = :p", p=person))


def test_an_inspections_photos_are_shared_like_the_inspection(store: Store) -> None:
    _two_grids(store)
    edit(store, "INSERT INTO attachment(id, entity, entity_id, blob, sha256, kind, size, added_at) VALUES "
         "('i1', 'inspection', 'x', 'b', 's', 'jpeg', 1, '2026-12-01T09:00:00'), "
         "('p2', 'household', (SELECT household_id FROM person WHERE id = 'p2'), 'b', 's', 'jpeg', 1, "
         "'2026-12-01T09:00:00')")
    with store.read() as conn:
        assert scope.outside(conn, ["g1"])["attachment"] == ["p2"]  # the household's photo goes with it
        assert scope.outside(conn, ["g2"]).get("attachment") is None
