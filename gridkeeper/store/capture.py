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

from sqlalchemy import Connection, text

#: Columns never logged: the row id is the log's row_id already.
_NOT_LOGGED = {"id"}


def columns(conn: Connection, table: str) -> list[str]:
    rows = conn.exec_driver_sql(f'PRAGMA table_info("{table}")').all()
    return [r[1] for r in rows if r[1] not in _NOT_LOGGED]


def trigger_sql(table: str, cols: list[str]) -> list[str]:
    """DDL for the capture triggers of one table (recreated by migrations that add columns)."""
    head = "INSERT INTO change_log(hlc, device_id, tbl, row_id, field, value)"
    row = ", ".join(f"'{c}', NEW.\"{c}\"" for c in cols)
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
