"""Change capture: SQLite triggers log every write to a synced table.

Triggers sit below every write path at once — ORM flushes, Core bulk inserts,
updates from imports, raw SQL through our engine — and run inside the writing
transaction, so a rollback takes its log rows with it. They call functions the
engine registers on each connection (see engine.py):

- gk_hlc()      next hybrid-logical-clock time of this device ("wall.counter";
                the device id is its own column, the third part of the order)
- gk_device()   this profile's device id
- gk_capture()  1 normally; 0 while sync applies remote changes that carry
                their own timestamps

A connection without these functions (the sqlite3 shell, another program)
cannot write synced tables at all: the trigger fails, so nothing is written
uncaptured.

An insert is one log row with field "*" and a JSON object of every field (a
set of all fields at one timestamp: a tenth of the rows of one per field);
an update is one log row per field that changed. DELETE of a synced row is refused: deletion is a tombstone
(`deleted = 1`), which the update trigger logs like any other field.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from itertools import chain
from typing import Any

from sqlalchemy import Connection, text

from gridkeeper.sync.clock import HybridClock

#: Columns never logged: the row id is the log's row_id already.
_NOT_LOGGED = {"id"}


def columns(conn: Connection, table: str) -> list[str]:
    rows = conn.exec_driver_sql(f'PRAGMA table_info("{table}")').all()
    return [r[1] for r in rows if r[1] not in _NOT_LOGGED]


def _row_json(cols: list[str], alias: str) -> str:
    """The arguments of json_object() for a whole row: what an insert logs as its value."""
    return ", ".join(f"'{c}', {alias}.\"{c}\"" for c in cols)


def trigger_sql(table: str, cols: list[str]) -> list[str]:
    """DDL for the capture triggers of one table (recreated by migrations that add columns)."""
    head = "INSERT INTO change_log(hlc, device_id, tbl, row_id, field, value)"
    row = _row_json(cols, "NEW")
    updates = "\n  ".join(
        f"{head} SELECT gk_hlc(), gk_device(), '{table}', NEW.id, '{c}', json_quote(NEW.\"{c}\") "
        f'WHERE NEW."{c}" IS NOT OLD."{c}";'
        for c in cols
    )
    return [
        f"DROP TRIGGER IF EXISTS gk_capture_{table}_insert",
        f"DROP TRIGGER IF EXISTS gk_capture_{table}_update",
        f"DROP TRIGGER IF EXISTS gk_tombstone_{table}",
        f"DROP TRIGGER IF EXISTS gk_fixed_id_{table}",
        f'CREATE TRIGGER gk_capture_{table}_insert AFTER INSERT ON "{table}" WHEN gk_capture()\n'
        f"BEGIN\n  {head} VALUES\n    (gk_hlc(), gk_device(), '{table}', NEW.id, '*', json_object({row}));\nEND",
        f'CREATE TRIGGER gk_capture_{table}_update AFTER UPDATE ON "{table}" WHEN gk_capture()\n'
        f"BEGIN\n  {updates}\nEND",
        f'CREATE TRIGGER gk_tombstone_{table} BEFORE DELETE ON "{table}"\n'
        f"BEGIN SELECT RAISE(ABORT, 'gridkeeper: synced rows are tombstoned (deleted = 1), never deleted'); END",
        f'CREATE TRIGGER gk_fixed_id_{table} BEFORE UPDATE OF id ON "{table}" WHEN NEW.id IS NOT OLD.id\n'
        f"BEGIN SELECT RAISE(ABORT, 'gridkeeper: the id of a synced row never changes'); END",
    ]


def install(conn: Connection, tables: tuple[str, ...]) -> None:
    """(Re)create capture triggers for `tables` from their current columns."""
    for table in tables:
        for stmt in trigger_sql(table, columns(conn, table)):
            conn.execute(text(stmt))


def insert_logged(conn: Connection, clock: HybridClock, table: str, cols: Sequence[str],
                  rows: Sequence[Sequence[Any]], *, skip_existing: bool = False) -> None:
    """Insert many rows of a synced table and log each one exactly as its insert trigger would.

    For bulk loads (roster import): the per-row triggers cost more than the inserts
    themselves (each call runs a trigger program and three Python functions). So,
    inside the caller's transaction, this table's insert triggers (capture and search)
    are dropped, the rows inserted, then one statement writes a log row for every
    new row (field "*", the same json_object of all columns, this device's id, and a
    time from a block of consecutive times reserved from the store's clock, the same
    clock gk_hlc() reads), and the triggers are created again from their stored SQL.
    DDL is transactional in SQLite: if anything fails, the rollback brings the
    triggers back with everything else, so no write is ever left uncaptured. Other
    triggers of the table (if any) stay in place and fire as usual. The caller lists
    the households it touched for the search index (Store.bulk_load).

    New rows are found by rowid: SQLite gives each inserted row max(rowid) + 1, so
    they are exactly those above the largest rowid before the insert (rows that
    INSERT OR IGNORE skipped get none). Synced tables are rowid tables (text `id`
    primary key); on a WITHOUT ROWID table the first query fails.
    """
    if not rows:
        return
    before = conn.exec_driver_sql(f'SELECT max(rowid) FROM "{table}"').scalar() or 0
    with insert_triggers_off(conn, table):
        insert_values(conn, table, cols, rows, skip_existing=skip_existing)
    first = clock.reserve(len(rows))
    # The k-th new row (rowid before + 1 + k) gets the k-th reserved time (HybridClock.reserve).
    tick = f"({first.counter} + t.rowid - {before + 1})"
    hlc = f"printf('%018d.%05d', {first.wall_ms} + {tick} / 100000, {tick} % 100000)"
    conn.exec_driver_sql(
        "INSERT INTO change_log (hlc, device_id, tbl, row_id, field, value) "
        f"SELECT {hlc}, ?, '{table}', t.id, '*', json_object({_row_json(columns(conn, table), 't')}) "
        f'FROM "{table}" t WHERE t.rowid > ? AND (SELECT gk_capture()) ORDER BY t.rowid',
        (clock.device_id, before),
    )


# Rows per INSERT statement: binding one statement of 500 rows costs less than stepping
# one statement 500 times (executemany): 50,000 persons 0.28 -> 0.22 s.
_ROWS_PER_STATEMENT = 500
# SQLite's limit on parameters per statement (SQLITE_MAX_VARIABLE_NUMBER's default).
_MAX_PARAMETERS = 32766 if sqlite3.sqlite_version_info >= (3, 32) else 999


def insert_values(conn: Connection, table: str, cols: Sequence[str], rows: Sequence[Sequence[Any]], *,
                  skip_existing: bool = False) -> None:
    """INSERT (OR IGNORE) rows of `cols`, _ROWS_PER_STATEMENT rows per statement, in order.

    500 rows of a synced table's columns stay far below SQLite's limit of 32,766 parameters
    per statement (999 before SQLite 3.32: then fewer rows per statement)."""
    verb = "INSERT OR IGNORE" if skip_existing else "INSERT"
    head = f'{verb} INTO "{table}" ({", ".join(cols)}) VALUES '
    one = "(" + ", ".join("?" for _ in cols) + ")"
    per = max(1, min(_ROWS_PER_STATEMENT, _MAX_PARAMETERS // len(cols)))
    for start in range(0, len(rows), per):
        chunk = rows[start : start + per]
        # A tuple of parameters is one execution (a list of tuples would be executemany).
        conn.exec_driver_sql(head + ", ".join([one] * len(chunk)), tuple(chain.from_iterable(chunk)))


def insert_rows(conn: Connection, clock: HybridClock, table: str, items: Sequence[Mapping[str, Any]]) -> None:
    """insert_logged for rows given as dicts that all name the same columns; keys starting with
    "_" are the caller's notes, not columns (the demo's generators carry some)."""
    if not items:
        return
    cols = [c for c in items[0] if not c.startswith("_")]
    insert_logged(conn, clock, table, cols, [tuple(r[c] for c in cols) for r in items])


@contextmanager
def insert_triggers_off(conn: Connection, table: str) -> Iterator[None]:
    """Inside the caller's write transaction: `table`'s insert triggers (capture and search)
    dropped, then created again from their stored SQL. Only for bulk paths that do the
    triggers' work themselves: insert_logged (logs the rows, lists the households for
    search) and sync's apply (capture paused, households listed in search_dirty). A
    rollback takes the DDL back with the rest; other triggers of the table stay."""
    dropped = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND name IN (?, ?)",
        (table, f"gk_capture_{table}_insert", f"gk_search_{table}_insert"),
    ).all()
    for name, _sql in dropped:
        conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
    try:
        yield
    finally:  # also when a statement failed and the caller goes on with the transaction
        for _name, sql in dropped:
            conn.exec_driver_sql(sql)
