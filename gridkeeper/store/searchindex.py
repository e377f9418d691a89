"""The household search index and the triggers that keep it current (see searchkeys.py).

The index is per household: any change to a household, its members, its
building or compound re-keys the households concerned. The triggers do not
depend on gk_capture(), so sync's apply keeps the index current too. Bulk
loads switch them off with Store.bulk_load() and re-key at the end in one
sorted pass (or, deferred, after the commit: see PENDING_SOURCE).

Compact since migration 0007: a key row is (key, address sort key, household
handle, grid handle), the handles small integers from `search_household` and
`search_grid` (device-local, never renumbered), instead of two 36-character
ids per key. For the street's ~880,000 keys that is about 40 % less to write
and to index, which is most of a rebuild.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection

#: The primary key's order is the order results are listed in: matching key,
#: then address (then handle, for twins at one address in two communities).
#: A search reads its first page straight off the index, with no sort,
#: however many households match.
TABLE_DDL = (
    "CREATE TABLE search_key (key TEXT NOT NULL, sort TEXT NOT NULL, hh INTEGER NOT NULL, grid INTEGER, "
    "PRIMARY KEY (key, sort, hh)) WITHOUT ROWID"
)
INDEX_DDL = "CREATE INDEX ix_search_key_household ON search_key (hh, key)"
HANDLE_DDL: tuple[str, ...] = (
    "CREATE TABLE search_household (hh INTEGER PRIMARY KEY, household_id TEXT NOT NULL UNIQUE)",
    "CREATE TABLE search_grid (g INTEGER PRIMARY KEY, grid_id TEXT NOT NULL UNIQUE)",
)

#: Key prefix under which each household is listed for its grid ("\x01<grid id>").
GRID_KEY = "\x01"

_FROM = (
    "FROM household h JOIN building b ON b.id = h.building_id JOIN compound c ON c.id = b.compound_id "
    "JOIN search_household sh ON sh.household_id = h.id LEFT JOIN search_grid sg ON sg.grid_id = b.grid_id"
)
_SORT = "gk_sort_key(c.name, b.name, h.unit, h.room)"
#: A household is listed while it, its building and its compound are not tombstoned.
_LIVE = "h.deleted = 0 AND b.deleted = 0 AND c.deleted = 0"


def _handles(where: str) -> str:
    """Give the households matching `where` (alias h) and their grids a handle if they lack one."""
    return (
        f"INSERT OR IGNORE INTO search_household (household_id) SELECT h.id FROM household h WHERE {where}; "
        "INSERT OR IGNORE INTO search_grid (grid_id) SELECT DISTINCT b.grid_id FROM household h "
        f"JOIN building b ON b.id = h.building_id WHERE ({where}) AND b.grid_id IS NOT NULL;"
    )


def _keys_select(where: str) -> str:
    """(key, sort, hh, grid) rows for live households matching `where` (alias h); handles must exist."""
    return (
        f"SELECT j.value, {_SORT}, sh.hh, sg.g {_FROM}, "
        "json_each(gk_address_keys(c.name, b.name, h.unit, h.room)) j "
        f"WHERE ({where}) AND {_LIVE} "
        "UNION ALL "
        f"SELECT j.value, {_SORT}, sh.hh, sg.g {_FROM} "
        "JOIN person p ON p.household_id = h.id AND p.deleted = 0, "
        "json_each(gk_person_keys(p.name, p.id_number, p.phones)) j "
        f"WHERE ({where}) AND {_LIVE} "
        "UNION ALL "
        f"SELECT '{GRID_KEY}' || b.grid_id, {_SORT}, sh.hh, sg.g {_FROM} "
        f"WHERE ({where}) AND {_LIVE} AND b.grid_id IS NOT NULL"
    )


def _refresh(where: str) -> str:
    return (
        "DELETE FROM search_key WHERE hh IN (SELECT sh.hh FROM household h "
        f"JOIN search_household sh ON sh.household_id = h.id WHERE {where}); "
        f"{_handles(where)} "
        f"INSERT OR IGNORE INTO search_key {_keys_select(where)};"
    )


def _trigger(name: str, event: str, body: str) -> str:
    return f"CREATE TRIGGER {name} {event} WHEN gk_index() BEGIN {body} END"


TRIGGERS: tuple[str, ...] = (
    _trigger("gk_search_person_insert", "AFTER INSERT ON person", _refresh("h.id = NEW.household_id")),
    _trigger(
        "gk_search_person_update",
        "AFTER UPDATE OF name, id_number, phones, household_id, deleted ON person",
        _refresh("h.id = OLD.household_id") + " " + _refresh("h.id = NEW.household_id"),
    ),
    _trigger("gk_search_household_insert", "AFTER INSERT ON household", _refresh("h.id = NEW.id")),
    _trigger(
        "gk_search_household_update",
        "AFTER UPDATE OF building_id, unit, room, deleted ON household",
        _refresh("h.id = NEW.id"),
    ),
    _trigger(
        "gk_search_building_update",
        "AFTER UPDATE OF name, compound_id, grid_id, deleted ON building",
        _refresh("h.building_id = NEW.id"),
    ),
    _trigger(
        "gk_search_compound_update",
        "AFTER UPDATE OF name, deleted ON compound",
        _refresh("h.building_id IN (SELECT id FROM building WHERE compound_id = NEW.id)"),
    ),
)

DDL: tuple[str, ...] = (*HANDLE_DDL, TABLE_DDL, INDEX_DDL, *TRIGGERS)

#: The index as search sees it while some households wait in `search_dirty` (after a
#: bulk import or a sync, until reindex): the stored keys of the others, and keys made
#: on the fly for the waiting ones, so a search is right before the index catches up.
#: Slower than the index alone (it keys every waiting household per query), which is
#: why the catch-up runs right after the bulk write.
PENDING_SOURCE = (
    "SELECT key, sort, hh, grid FROM search_key WHERE hh NOT IN "
    "(SELECT sh.hh FROM search_dirty d JOIN search_household sh ON sh.household_id = d.household_id) "
    # DISTINCT: two members' keys can coincide, and the index stores each (key, household) once.
    "UNION ALL SELECT DISTINCT * FROM (" + _keys_select("h.id IN (SELECT household_id FROM search_dirty)") + ")"
)


def pending(conn: Connection) -> bool:
    """Whether some households wait to be re-keyed (search then reads PENDING_SOURCE)."""
    return bool(conn.exec_driver_sql("SELECT EXISTS (SELECT 1 FROM search_dirty)").scalar())


def mark_dirty(conn: Connection, household_ids: Iterable[str]) -> None:
    """List households for re-keying after the transaction (Store.reindex_dirty), with the
    handles search lists them by until then (PENDING_SOURCE)."""
    wanted = sorted(set(household_ids))
    if wanted:
        # One statement per table over a JSON list: 19,000 households in 0.03 s, not 0.1 s
        # of executemany (a statement stepped once per row).
        listed = json.dumps(wanted)
        for table in ("search_dirty", "search_household"):
            conn.exec_driver_sql(f"INSERT OR IGNORE INTO {table} (household_id) SELECT value FROM json_each(?)",
                                 (listed,))
        _grid_handles(conn)


def mark_dirty_where(conn: Connection, where: str, params: tuple[Any, ...] = ()) -> None:
    """mark_dirty() for the households matching `where` (alias h)."""
    for table in ("search_dirty", "search_household"):
        conn.exec_driver_sql(
            f"INSERT OR IGNORE INTO {table} (household_id) SELECT h.id FROM household h WHERE {where}", params)
    _grid_handles(conn)


def _grid_handles(conn: Connection) -> None:
    """Every grid gets a handle (a street has a few dozen): waiting households may sit in a new one."""
    conn.exec_driver_sql("INSERT OR IGNORE INTO search_grid (grid_id) SELECT id FROM grid")


def _insert_keys(conn: Connection, where: str) -> None:
    """Insert the keys of live households matching `where` (alias h), in key order.

    The households are materialised first so the address sort key is made
    once per household, not once per key (880,000 calls for the street).
    """
    for stmt in _handles(where).split(";"):
        if stmt.strip():
            conn.exec_driver_sql(stmt)
    conn.exec_driver_sql(
        "WITH hh AS MATERIALIZED ("
        f"  SELECT sh.hh, {_SORT} AS sort, sg.g AS grid, b.grid_id, c.name AS compound, b.name AS building, "
        f"  h.id, h.unit, h.room {_FROM} WHERE ({where}) AND {_LIVE}) "
        "INSERT OR IGNORE INTO search_key SELECT * FROM ("
        "  SELECT j.value, hh.sort, hh.hh, hh.grid FROM hh, "
        "    json_each(gk_address_keys(hh.compound, hh.building, hh.unit, hh.room)) j "
        "  UNION ALL "
        "  SELECT j.value, hh.sort, hh.hh, hh.grid FROM hh "
        "    JOIN person p ON p.household_id = hh.id AND p.deleted = 0, "
        "    json_each(gk_person_keys(p.name, p.id_number, p.phones)) j "
        f"  UNION ALL SELECT '{GRID_KEY}' || hh.grid_id, hh.sort, hh.hh, hh.grid FROM hh "
        "    WHERE hh.grid_id IS NOT NULL"
        ") ORDER BY 1, 2, 3"
    )


def regrid(conn: Connection, household_ids: Iterable[str]) -> None:
    """The households' buildings moved to another grid (or to none): only their grid handle and
    their one grid-key row change, so those are rewritten and the other keys stay. Re-keying them
    whole (pinyin of every member's name) took 2.7 s for a compound of 757 households."""
    listed = json.dumps(sorted(set(household_ids)))
    if listed == "[]":
        return
    where = "h.id IN (SELECT value FROM json_each(:listed))"
    for stmt in _handles(where.replace(":listed", "?")).split(";"):
        if stmt.strip():
            conn.exec_driver_sql(stmt, (listed,))
    conn.exec_driver_sql("CREATE TEMP TABLE IF NOT EXISTS gk_regrid (hh INTEGER PRIMARY KEY, grid INTEGER, "
                         "grid_id TEXT, sort TEXT)")
    conn.exec_driver_sql("DELETE FROM temp.gk_regrid")
    conn.exec_driver_sql(
        f"INSERT INTO temp.gk_regrid SELECT sh.hh, sg.g, b.grid_id, {_SORT} {_FROM} "
        f"WHERE h.id IN (SELECT value FROM json_each(?)) AND {_LIVE}", (listed,))
    conn.exec_driver_sql(
        "DELETE FROM search_key WHERE hh IN (SELECT hh FROM temp.gk_regrid) AND key >= char(1) AND key < char(2)")
    conn.exec_driver_sql(
        "UPDATE search_key SET grid = (SELECT r.grid FROM temp.gk_regrid r WHERE r.hh = search_key.hh) "
        "WHERE hh IN (SELECT hh FROM temp.gk_regrid)")
    conn.exec_driver_sql(
        f"INSERT OR IGNORE INTO search_key SELECT '{GRID_KEY}' || grid_id, sort, hh, grid FROM temp.gk_regrid "
        "WHERE grid_id IS NOT NULL")
    conn.exec_driver_sql("DELETE FROM temp.gk_regrid")


def rebuild(conn: Connection) -> None:
    """Re-key every household: drop, insert in key order, index afterwards. Handles stay."""
    conn.exec_driver_sql("DROP INDEX IF EXISTS ix_search_key_household")
    conn.exec_driver_sql("DELETE FROM search_key")
    _insert_keys(conn, "1")
    conn.exec_driver_sql(INDEX_DDL)


def refresh(conn: Connection, household_ids: set[str]) -> None:
    """Re-key the given households (after a bulk load that touched only them)."""
    if not household_ids:
        return
    total = conn.exec_driver_sql("SELECT count(*) FROM household").scalar() or 0
    if len(household_ids) * 2 > total:  # most of the profile: a full rebuild is cheaper
        rebuild(conn)
        return
    conn.exec_driver_sql("CREATE TEMP TABLE IF NOT EXISTS gk_touched (id TEXT PRIMARY KEY) WITHOUT ROWID")
    conn.exec_driver_sql("DELETE FROM temp.gk_touched")
    conn.exec_driver_sql("INSERT INTO temp.gk_touched (id) VALUES (?)", [(h,) for h in sorted(household_ids)])
    conn.exec_driver_sql(
        "DELETE FROM search_key WHERE hh IN (SELECT sh.hh FROM temp.gk_touched t "
        "JOIN search_household sh ON sh.household_id = t.id)")
    _insert_keys(conn, "h.id IN (SELECT id FROM temp.gk_touched)")
    conn.exec_driver_sql("DELETE FROM temp.gk_touched")
