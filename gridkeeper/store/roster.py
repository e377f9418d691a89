"""What a roster import reads and writes; all of it on the store's write path.

Reads fetch existing rows by id in chunks; writes are executemany statements in
the caller's bulk-load transaction. Inserts are logged in one statement per table
(capture.insert_logged); updates by the capture triggers, which log every field
an update really changes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection

from gridkeeper.store import capture
from gridkeeper.sync.clock import HybridClock

PERSON_FIELDS = (
    "household_id", "name", "id_number", "gender", "birth_date", "ethnicity",
    "relation_to_head", "phones", "note", "deleted",
)
HOUSEHOLD_FIELDS = ("building_id", "unit", "room", "household_no", "residence_status", "deleted")
_CHUNK = 5000


def _by_id(conn: Connection, table: str, fields: Sequence[str], ids: Iterable[str]) -> dict[str, tuple[Any, ...]]:
    """id -> the row's `fields` as a tuple (the DB-API cursor: 50,000 rows without Row objects)."""
    wanted = list(dict.fromkeys(ids))
    out: dict[str, tuple[Any, ...]] = {}
    cols = ", ".join(("id", *fields))
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
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


def persons(conn: Connection, ids: Iterable[str]) -> dict[str, tuple[Any, ...]]:
    """id -> (PERSON_FIELDS values)."""
    return _by_id(conn, "person", PERSON_FIELDS, ids)


def households(conn: Connection, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    return {h: dict(zip(HOUSEHOLD_FIELDS, row)) for h, row in _by_id(conn, "household", HOUSEHOLD_FIELDS, ids).items()}


def existing_ids(conn: Connection, table: str, ids: Iterable[str]) -> set[str]:
    return set(_by_id(conn, table, (), ids))


def communities(conn: Connection) -> dict[str, str]:
    """Live communities: name -> id."""
    return {name: cid for cid, name in conn.exec_driver_sql(
        "SELECT id, name FROM community WHERE deleted = 0 ORDER BY name")}


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
    indexes = _secondary_indexes(conn, table)
    for name, _sql in indexes:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    try:
        yield
    finally:  # also when a statement failed and the caller goes on with the transaction
        for _name, sql in indexes:
            conn.exec_driver_sql(sql)


def _secondary_indexes(conn: Connection, table: str) -> list[tuple[str, str]]:
    """(name, CREATE statement) of the indexes that may be built after a load into the empty
    `table`: not unique ones (INSERT OR IGNORE relies on them) and not those on a foreign-key
    column. With deferred foreign keys, inserting a parent row while any reference is still
    dangling (places are written after the households that name them) looks up its children
    by that index: without it, a scan of the whole child table per parent row."""
    references = {row[3] for row in conn.exec_driver_sql(f'PRAGMA foreign_key_list("{table}")')}
    out = []
    for name, sql in conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL "
        "AND sql NOT LIKE 'CREATE UNIQUE%'", (table,)
    ).all():
        first = conn.exec_driver_sql(f'PRAGMA index_info("{name}")').first()
        if first is None or first[2] not in references:
            out.append((name, sql))
    return out


def update(conn: Connection, table: str, fields: Sequence[str], rows: list[dict[str, Any]]) -> None:
    """Set `fields` on each row by id; the triggers log only the values that differ."""
    if not rows:
        return
    sets = ", ".join(f"{f} = ?" for f in fields)
    conn.exec_driver_sql(
        f'UPDATE "{table}" SET {sets} WHERE id = ?', [tuple(r[f] for f in fields) + (r["id"],) for r in rows]
    )


class Loader:
    """insert() for rows that come in batches, in the caller's one write transaction.

    The same rows and log rows as insert() per batch, but each table's insert triggers
    (and, for a table empty at its first batch, its secondary indexes) are dropped once,
    at the table's first batch, and created again by finish(). Each batch is logged right
    after it is inserted (capture.log_inserted), so a loader fed from another thread does
    the log's work while the rows to come are still being worked out.

    If anything fails before finish(), the caller rolls the transaction back, and with
    it the dropped triggers and indexes come back (DDL is transactional in SQLite):
    no write is ever left uncaptured. finish() must run before the commit.
    """

    def __init__(self, conn: Connection, clock: HybridClock) -> None:
        self.conn = conn
        self.clock = clock
        self._dropped: list[str] = []  # CREATE statements to run again, indexes first
        self._triggers: list[str] = []
        self._logged: dict[str, list[str]] = {}

    def _open(self, table: str) -> list[str]:
        conn = self.conn
        if conn.exec_driver_sql(f'SELECT 1 FROM "{table}" LIMIT 1').first() is None:
            for name, sql in _secondary_indexes(conn, table):
                conn.exec_driver_sql(f'DROP INDEX "{name}"')
                self._dropped.append(sql)
        for name, sql in conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND name IN (?, ?)",
            (table, f"gk_capture_{table}_insert", f"gk_search_{table}_insert"),
        ).all():
            conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
            self._triggers.append(sql)
        cols = self._logged[table] = capture.columns(conn, table)
        return cols

    def insert(self, table: str, rows: list[tuple[Any, ...]], *, cols: Sequence[str],
               skip_existing: bool = False) -> None:
        if not rows:
            return
        logged = self._logged.get(table) or self._open(table)
        conn = self.conn
        values = sorted(rows, key=itemgetter(0)) if cols[0] == "id" else rows
        before = conn.exec_driver_sql(f'SELECT max(rowid) FROM "{table}"').scalar() or 0
        verb = "INSERT OR IGNORE" if skip_existing else "INSERT"
        # The batch as one JSON array of rows, unpacked by SQLite: one statement, one step, so
        # the GIL is released for the whole insert instead of taken back after every row
        # (executemany binds each row in Python: a writer thread then waits for the GIL
        # thousands of times while the main thread checks the next rows).
        picks = ", ".join(f"j.value ->> {i}" for i in range(len(cols)))
        conn.exec_driver_sql(
            f'{verb} INTO "{table}" ({", ".join(cols)}) SELECT {picks} FROM json_each(?) j ORDER BY j.key',
            (json.dumps(values, ensure_ascii=False, separators=(",", ":")),))
        capture.log_inserted(conn, self.clock, table, logged, before, len(values))

    def finish(self) -> None:
        """Indexes built over the loaded rows, triggers back: before the commit."""
        for sql in (*self._dropped, *self._triggers):
            self.conn.exec_driver_sql(sql)
        self._dropped, self._triggers, self._logged = [], [], {}
