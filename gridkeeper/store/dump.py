"""Canonical dump of all synced data: two converged profiles dump byte-identical.

Stable order (tables parents first, rows by id, fields by name), no
device-local data (local_meta, change_log, search_key), values as stored.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from sqlalchemy import text

from gridkeeper.store.engine import Store
from gridkeeper.store.schema import SYNCED_TABLES


def rows(store: Store, tables: tuple[str, ...] = SYNCED_TABLES) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    with store.read() as conn:
        for table in tables:
            result = conn.execute(text(f'SELECT * FROM "{table}" ORDER BY id'))
            out[table] = [dict(sorted(r._mapping.items())) for r in result]
    return out


def write(store: Store, out: TextIO, *, leave_out: tuple[str, ...] = ()) -> None:
    """Every synced table (but those left out) as canonical JSON: sorted keys, rows by id."""
    tables = tuple(t for t in SYNCED_TABLES if t not in leave_out)
    data = rows(store, tables)
    out.write("{\n")
    for i, table in enumerate(tables):
        out.write(f"{json.dumps(table)}: [\n")
        items = data[table]
        for j, row in enumerate(items):
            line = json.dumps(row, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            out.write(line + (",\n" if j < len(items) - 1 else "\n"))
        out.write("]" + (",\n" if i < len(tables) - 1 else "\n"))
    out.write("}\n")
