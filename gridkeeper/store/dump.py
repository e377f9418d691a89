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


def rows(store: Store) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    with store.read() as conn:
        for table in SYNCED_TABLES:
            result = conn.execute(text(f'SELECT * FROM "{table}" ORDER BY id'))
            out[table] = [dict(sorted(r._mapping.items())) for r in result]
    return out


def write(store: Store, out: TextIO) -> None:
    data = rows(store)
    out.write("{\n")
    for i, table in enumerate(SYNCED_TABLES):
        out.write(f"{json.dumps(table)}: [\n")
        items = data[table]
        for j, row in enumerate(items):
            line = json.dumps(row, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            out.write(line + (",\n" if j < len(items) - 1 else "\n"))
        out.write("]" + (",\n" if i < len(SYNCED_TABLES) - 1 else "\n"))
    out.write("}\n")
