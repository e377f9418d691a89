"""What a roster import reads and writes; all of it on the store's write path.

Reads fetch existing rows by id in chunks; writes are executemany statements in
the caller's bulk-load transaction. Inserts are logged in one statement per table
(capture.insert_logged); updates by the capture triggers, which log every field
an update really changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection

from gridkeeper import ids
from gridkeeper.rules.places import building_name
from gridkeeper.store import capture
from gridkeeper.sync.clock import HybridClock

PERSON_FIELDS = (
    "household_id", "name", "id_number", "gender", "birth_date", "ethnicity",
    "relation_to_head", "phones", "note", "deleted",
)
HOUSEHOLD_FIELDS = ("building_id", "unit", "room", "household_no", "residence_status", "deleted")
_CHUNK = 5000


def _by_id(conn: Connection, table: str, fields: Sequence[str],
           ids: Iterable[str] | None) -> dict[str, tuple[Any, ...]]:
    """id -> the row's `fields` as a tuple (the DB-API cursor: 50,000 rows without Row objects);
    every row of the table when `ids` is None."""
    out: dict[str, tuple[Any, ...]] = {}
    cols = ", ".join(("id", *fields))
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        if ids is None:
            for row in cursor.execute(f'SELECT {cols} FROM "{table}"'):
                out[row[0]] = row[1:]
            return out
        wanted = list(dict.fromkeys(ids))
        rows = cursor.execute(f'SELECT max(rowid) FROM "{table}"').fetchone()[0] or 0
        if len(wanted) * 4 > rows:  # most of the table (a re-import): one pass beats a lookup per id
            keep = set(wanted)
            for row in cursor.execute(f'SELECT {cols} FROM "{table}"'):
                if row[0] in keep:
                    out[row[0]] = row[1:]
            return out
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            marks = ", ".join("?" for _ in chunk)
            for row in cursor.execute(f'SELECT {cols} FROM "{table}" WHERE id IN ({marks})', chunk).fetchall():
                out[row[0]] = row[1:]
    finally:
        cursor.close()
    return out


def log_mark(conn: Connection) -> int:
    """The change log's last sequence number. Every write to a synced table logs a row (the
    capture triggers; sync's apply writes the remote rows), so a mark that moved means the
    profile changed since it was read."""
    return conn.exec_driver_sql("SELECT max(seq) FROM change_log").scalar() or 0


def row_count(conn: Connection, table: str) -> int:
    """About how many rows `table` holds (its largest rowid: no scan)."""
    return conn.exec_driver_sql(f'SELECT max(rowid) FROM "{table}"').scalar() or 0


def persons(conn: Connection, ids: Iterable[str] | None) -> dict[str, tuple[Any, ...]]:
    """id -> (PERSON_FIELDS values); every person when `ids` is None."""
    return _by_id(conn, "person", PERSON_FIELDS, ids)


def households(conn: Connection, ids: Iterable[str] | None) -> dict[str, dict[str, Any]]:
    """id -> {HOUSEHOLD_FIELDS: value}; every household when `ids` is None."""
    return {h: dict(zip(HOUSEHOLD_FIELDS, row)) for h, row in _by_id(conn, "household", HOUSEHOLD_FIELDS, ids).items()}


def existing_ids(conn: Connection, table: str, ids: Iterable[str]) -> set[str]:
    return set(_by_id(conn, table, (), ids))


def communities(conn: Connection) -> dict[str, str]:
    """Live communities: name -> id."""
    return {name: cid for cid, name in conn.exec_driver_sql(
        "SELECT id, name FROM community WHERE deleted = 0 ORDER BY name")}


def compound_communities(conn: Connection) -> dict[str, list[str]]:
    """Compound name -> names of the communities that have a live compound of that name."""
    out: dict[str, list[str]] = {}
    for compound, community in conn.exec_driver_sql(
            "SELECT c.name, co.name FROM compound c JOIN community co ON co.id = c.community_id "
            "WHERE c.deleted = 0 AND co.deleted = 0 ORDER BY co.name"):
        out.setdefault(compound, []).append(community)
    return out


@dataclass
class PlaceIndex:
    """The profile's places by normalised name (ids.norm), as a roster names them, and each
    one's grid: a renamed place and a household moved by hand are found by what the roster
    says, not only by the ids a first import made from names."""

    communities: dict[str, str] = field(default_factory=dict)  # name -> id
    compounds: dict[tuple[str, str], tuple[str, str | None]] = field(default_factory=dict)  # (community id, name)
    compound_communities: dict[str, list[str]] = field(default_factory=dict)  # compound name -> community ids
    buildings: dict[tuple[str, str], tuple[str, str | None]] = field(default_factory=dict)  # (compound id, name)
    community_names: dict[str, str] = field(default_factory=dict)  # id -> name
    tombstoned: set[str] = field(default_factory=set)  # places a roster naming them again brings back


_COMMITTEE = ("社区居民委员会", "居民委员会", "社区居委会", "居委会", "社区居委", "居委")


def bare_community(name: str) -> str:
    """A community's name without the committee's title, normalised: "城南社区居委会" -> "城南社区"."""
    text = ids.norm(name)
    for suffix in _COMMITTEE:
        if text.endswith(suffix) and len(text) > len(suffix):
            text = text[: -len(suffix)]
            return text if text.endswith("社区") else text + "社区"
    return text


def place_index(conn: Connection) -> PlaceIndex:
    out = PlaceIndex()
    for cid, name, deleted in conn.exec_driver_sql("SELECT id, name, deleted FROM community"):
        if deleted:
            out.tombstoned.add(cid)
        else:
            out.communities[ids.norm(name)] = cid
            out.community_names[cid] = name
    # "城南社区居委会" in a roster is the profile's 城南社区 (and the other way round).
    for cid, name in list(out.community_names.items()):
        out.communities.setdefault(bare_community(name), cid)
    for coid, community_id, name, grid, deleted in conn.exec_driver_sql(
            "SELECT id, community_id, name, grid_id, deleted FROM compound"):
        if deleted:
            out.tombstoned.add(coid)
        else:
            out.compounds[(community_id, ids.norm(name))] = (coid, grid)
            out.compound_communities.setdefault(ids.norm(name), []).append(community_id)
    for bid, compound_id, name, grid, deleted in conn.exec_driver_sql(
            "SELECT id, compound_id, name, grid_id, deleted FROM building"):
        if deleted:
            out.tombstoned.add(bid)
        else:
            out.buildings[(compound_id, ids.norm(name))] = (bid, grid)
            # Stored before the spelling rules knew it ("A座", "第3幢"): found by today's spelling too.
            out.buildings.setdefault((compound_id, ids.norm(building_name(name))), (bid, grid))
    return out


def households_at(conn: Connection, building_ids: Iterable[str]) -> dict[tuple[str, str, str], str]:
    """(building id, unit, room) -> id of the live households in these buildings."""
    out: dict[tuple[str, str, str], str] = {}
    wanted = list(dict.fromkeys(building_ids))
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start:start + _CHUNK]
        for hid, building, unit, room in conn.exec_driver_sql(
                "SELECT id, building_id, unit, room FROM household WHERE deleted = 0 AND building_id IN "
                f"({','.join('?' * len(chunk))})", tuple(chunk)):
            out[(building, unit, room)] = hid
    return out


def tags(conn: Connection) -> dict[str, str]:
    """Tag name -> id, tombstoned ones included (a re-used name revives its tag)."""
    return {name: tid for tid, name in conn.exec_driver_sql("SELECT id, name FROM tag")}


def insert(conn: Connection, table: str, rows: list[tuple[Any, ...]], *, cols: Sequence[str], clock: HybridClock,
           skip_existing: bool = False) -> None:
    """Insert rows (tuples of `cols`), each logged for sync (capture.insert_logged: one statement,
    not a trigger per row); with skip_existing, rows whose id is there already are left alone and
    not logged (tags and person tags: never duplicated)."""
    if not rows:
        return
    # In id order: appending to the primary key's B-tree instead of splitting pages all over it.
    values = sorted(rows, key=itemgetter(0)) if cols[0] == "id" else rows
    with _indexes_built_after(conn, table):
        capture.insert_logged(conn, clock, table, cols, values, skip_existing=skip_existing)


@contextmanager
def _indexes_built_after(conn: Connection, table: str) -> Iterator[None]:
    """Into an empty table (the first import into a new profile): its secondary indexes
    dropped, then created again from their stored SQL once the rows are in.

    Building an index by one sort of the loaded rows costs about half of updating it
    row by row in random key order (person: three indexes, 50,000 rows, 0.8 s -> 0.45 s).
    Inside the caller's write transaction: DDL is transactional in SQLite, so a rollback
    (an error, a cancel) brings the indexes back with the empty table. A table that holds
    rows already keeps its indexes: rebuilding them would cost more than it saves.
    """
    if conn.exec_driver_sql(f'SELECT 1 FROM "{table}" LIMIT 1').first() is not None:
        yield
        return
    indexes = conn.exec_driver_sql(  # not unique ones: INSERT OR IGNORE relies on them
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL "
        "AND sql NOT LIKE 'CREATE UNIQUE%'", (table,)
    ).all()
    for name, _sql in indexes:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    try:
        yield
    finally:  # also when a statement failed and the caller goes on with the transaction
        for _name, sql in indexes:
            conn.exec_driver_sql(sql)


def update(conn: Connection, table: str, fields: Sequence[str], rows: list[dict[str, Any]]) -> None:
    """Set `fields` on each row by id; the triggers log only the values that differ."""
    if not rows:
        return
    sets = ", ".join(f"{f} = ?" for f in fields)
    conn.exec_driver_sql(
        f'UPDATE "{table}" SET {sets} WHERE id = ?', [tuple(r[f] for f in fields) + (r["id"],) for r in rows]
    )


def changed_elsewhere_since(conn: Connection, table: str, row_ids: Iterable[str], since_ms: int,
                            me: str) -> dict[tuple[str, str], tuple[str, str]]:
    """(row, field) -> (hlc, device) of the newest change another device made to it after since_ms;
    field "*" for a row another device inserted then (every field of it)."""
    since = f"{since_ms:018d}"
    out: dict[tuple[str, str], tuple[str, str]] = {}
    ids = list(dict.fromkeys(row_ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        rows = conn.exec_driver_sql(
            f"SELECT row_id, field, max(hlc), device_id FROM change_log WHERE tbl = ? AND hlc > ? "
            f"AND device_id != ? AND row_id IN ({marks}) GROUP BY row_id, field", (table, since, me, *chunk)).all()
        out.update({(r[0], r[1]): (r[2], r[3]) for r in rows})
    return out


def add_conflicts(conn: Connection, rows: list[tuple[Any, ...]]) -> None:
    """Rows of the device-local conflict table: (tbl, row_id, field, winner_hlc, winner_device,
    winner_value, loser_hlc, loser_device, loser_value), values as JSON text."""
    if rows:
        conn.exec_driver_sql(
            "INSERT INTO conflict (tbl, row_id, field, winner_hlc, winner_device, winner_value, "
            "loser_hlc, loser_device, loser_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
