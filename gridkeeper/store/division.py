"""What the grid division table reads and writes: communities, grids, compounds, buildings,
cadres and their stints, on the store's write path.

Rows are read whole (a street has a few hundred grids and a few thousand buildings),
tombstoned ones included, so a deterministic id that is there already is found and
revived instead of inserted twice. Inserts are logged by capture.insert_rows (one
statement per table); updates are plain UPDATEs, which the capture triggers log field by
field like any edit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection

from gridkeeper.store import capture
from gridkeeper.store import roster as roster_db
from gridkeeper.sync.clock import HybridClock

#: The tables written, parents first.
TABLES = ("community", "grid", "compound", "building", "cadre", "assignment")
COLUMNS: dict[str, tuple[str, ...]] = {
    "community": ("id", "name", "division_code", "deleted"),
    "grid": ("id", "community_id", "name", "code", "deleted"),
    "compound": ("id", "community_id", "name", "property_company", "hoa", "grid_id", "deleted"),
    "building": ("id", "compound_id", "grid_id", "name", "units", "floors", "deleted"),
    "cadre": ("id", "name", "phone", "role", "community_id", "deleted"),
    "assignment": ("id", "cadre_id", "grid_id", "start_date", "end_date", "deleted"),
}


@dataclass
class Places:
    """Every row of the six tables by id, as dicts of COLUMNS (tombstoned ones too), and the
    change log's mark of the read."""

    rows: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    mark: int = 0

    def live(self, table: str) -> list[dict[str, Any]]:
        return [r for r in self.rows[table].values() if not r["deleted"]]


def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def read_places(conn: Connection) -> Places:
    out = Places(mark=roster_db.log_mark(conn))
    for table in TABLES:
        cols = COLUMNS[table]
        rows = {}
        for values in conn.exec_driver_sql(f'SELECT {", ".join(cols)} FROM "{table}" ORDER BY id'):
            row = dict(zip(cols, values))
            row["deleted"] = bool(row["deleted"])
            if table == "assignment":
                row["start_date"], row["end_date"] = _as_date(row["start_date"]), _as_date(row["end_date"])
            rows[row["id"]] = row
        out.rows[table] = rows
    return out


def households_in(conn: Connection, buildings: Iterable[str]) -> set[str]:
    """The live households of these buildings (their search keys carry the grid)."""
    wanted = list(dict.fromkeys(buildings))
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        found.update(h for (h,) in conn.exec_driver_sql(
            f"SELECT id FROM household WHERE deleted = 0 AND building_id IN ({marks})", tuple(chunk)))
    return found


def _value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def insert(conn: Connection, clock: HybridClock, table: str, rows: list[dict[str, Any]]) -> None:
    """New rows of `table` (dicts of COLUMNS[table]), each logged for sync."""
    if rows:
        cols = COLUMNS[table]
        capture.insert_logged(conn, clock, table, cols,
                              sorted((tuple(_value(r[c]) for c in cols) for r in rows), key=lambda v: v[0]))


def update(conn: Connection, table: str, row_id: str, values: dict[str, Any]) -> None:
    """Set some fields of one row; the triggers log each value that changes."""
    if values:
        cols = [c for c in values if c in COLUMNS[table] and c != "id"]
        sets = ", ".join(f'"{c}" = ?' for c in cols)
        conn.exec_driver_sql(f'UPDATE "{table}" SET {sets} WHERE id = ?',
                             (*(_value(values[c]) for c in cols), row_id))
