"""Apply changes from other devices: per-field last-writer-wins by hybrid logical clock.

Every change received is kept in the change log (nothing is lost: any value
ever written can be recovered). A row's fields are the winners among all its
log entries — the greatest (hlc, device) per field, an insert ("*") counting
for every field — so the result does not depend on the order changes arrive
in, nor on how often (invariants 1 and 5). A row whose insert has not arrived
yet waits in the log and appears when it does.

When an incoming change and a local change not yet pushed hit the same field
with different values, the loser is recorded in `conflict` for a person to
review; the winner is the same on every device.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from gridkeeper.store.schema import SYNCED_TABLES
from gridkeeper.sync.folder import Change


class UnknownSchema(Exception):
    """A change names a table or field this version does not have: hold it, never drop it."""


@dataclass
class Applied:
    changes: int = 0  # new log entries stored
    duplicates: int = 0  # already had them
    rows_written: int = 0
    pending: int = 0  # rows whose insert has not arrived yet
    conflicts: int = 0
    max_hlc: str = ""


@dataclass(frozen=True)
class _Entry:
    hlc: str
    device: str
    value: Any  # decoded SQL value
    seq: int | None  # local log seq (None: arriving now)

    @property
    def key(self) -> tuple[str, str]:
        return (self.hlc, self.device)


def table_columns(conn: Connection) -> dict[str, list[str]]:
    return {t: [r[1] for r in conn.exec_driver_sql(f'PRAGMA table_info("{t}")')] for t in SYNCED_TABLES}


def check_schema(changes: Sequence[Change], columns: dict[str, list[str]]) -> None:
    for c in changes:
        cols = columns.get(c.tbl)
        if cols is None:
            raise UnknownSchema(f"table {c.tbl}")
        fields = json.loads(c.value or "{}").keys() if c.field == "*" else (c.field,)
        unknown = [f for f in fields if f not in cols or f == "id"]
        if unknown:
            raise UnknownSchema(f"{c.tbl}.{', '.join(unknown)}")


def _entries(field: str, value: str | None, hlc: str, device: str, seq: int | None) -> dict[str, _Entry]:
    if field == "*":
        return {f: _Entry(hlc, device, v, seq) for f, v in json.loads(value or "{}").items()}
    return {field: _Entry(hlc, device, json.loads(value) if value is not None else None, seq)}


def _winners(log: list[tuple[str, str | None, str, str, int | None]]) -> tuple[dict[str, _Entry], bool]:
    """Field -> winning entry, and whether the row's insert is known."""
    winners: dict[str, _Entry] = {}
    inserted = False
    for field, value, hlc, device, seq in log:
        inserted = inserted or field == "*"
        for f, entry in _entries(field, value, hlc, device, seq).items():
            if f not in winners or entry.key > winners[f].key:
                winners[f] = entry
    return winners, inserted


def apply_changes(
    conn: Connection, changes: Sequence[Change], *, me: str, pushed_seq: int, columns: dict[str, list[str]]
) -> Applied:
    """Store and apply `changes` inside the caller's transaction (capture paused)."""
    check_schema(changes, columns)
    result = Applied()
    groups: dict[tuple[str, str], list[Change]] = {}
    for c in changes:
        groups.setdefault((c.tbl, c.row), []).append(c)
        result.max_hlc = max(result.max_hlc, c.hlc)
    for (tbl, row), group in groups.items():
        log = [tuple(r) for r in conn.exec_driver_sql(
            "SELECT field, value, hlc, device_id, seq FROM change_log WHERE tbl = ? AND row_id = ?", (tbl, row))]
        known = {(hlc, device, field) for field, _v, hlc, device, _s in log}
        new: list[Change] = []
        for c in group:
            if (c.hlc, c.device, c.field) in known:
                result.duplicates += 1
            else:
                known.add((c.hlc, c.device, c.field))
                new.append(c)
        if not new:
            continue
        before, _ = _winners(log)  # type: ignore[arg-type]
        conn.exec_driver_sql(
            "INSERT INTO change_log (hlc, device_id, tbl, row_id, field, value) VALUES (?, ?, ?, ?, ?, ?)",
            [(c.hlc, c.device, c.tbl, c.row, c.field, c.value) for c in new],
        )
        result.changes += len(new)
        log.extend((c.field, c.value, c.hlc, c.device, None) for c in new)
        after, inserted = _winners(log)  # type: ignore[arg-type]
        for c in new:
            for f, incoming in _entries(c.field, c.value, c.hlc, c.device, None).items():
                local = before.get(f)
                unpushed = local is not None and local.device == me and (local.seq or 0) > pushed_seq
                if unpushed and local is not None and local.value != incoming.value:
                    winner, loser = (incoming, local) if incoming.key > local.key else (local, incoming)
                    _record_conflict(conn, tbl, row, f, winner, loser)
                    result.conflicts += 1
        if not inserted:
            result.pending += 1
            continue
        result.rows_written += _write_row(conn, tbl, row, {f: e.value for f, e in after.items()}, columns[tbl])
    return result


def _record_conflict(conn: Connection, tbl: str, row: str, field: str, winner: _Entry, loser: _Entry) -> None:
    conn.exec_driver_sql(
        "INSERT INTO conflict (tbl, row_id, field, winner_hlc, winner_device, winner_value, "
        "loser_hlc, loser_device, loser_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (tbl, row, field, winner.hlc, winner.device, json.dumps(winner.value, ensure_ascii=False),
         loser.hlc, loser.device, json.dumps(loser.value, ensure_ascii=False)),
    )


def _mark_dirty(conn: Connection, tbl: str, row: str, before: dict[str, Any]) -> None:
    """Note the households whose search keys this row feeds (re-keyed after the sync)."""
    sql = {
        "household": "SELECT ?",
        "person": "SELECT household_id FROM person WHERE id = ? AND household_id IS NOT NULL",
        "building": "SELECT id FROM household WHERE building_id = ?",
        "compound": "SELECT h.id FROM household h JOIN building b ON b.id = h.building_id WHERE b.compound_id = ?",
    }.get(tbl)
    if sql is None:
        return
    conn.exec_driver_sql(f"INSERT OR IGNORE INTO search_dirty (household_id) {sql}", (row,))
    if tbl == "person" and before.get("household_id"):  # moved out of a household: re-key that one too
        conn.exec_driver_sql("INSERT OR IGNORE INTO search_dirty (household_id) VALUES (?)", (before["household_id"],))


def _write_row(conn: Connection, tbl: str, row: str, values: dict[str, Any], cols: list[str]) -> int:
    current = conn.exec_driver_sql(f'SELECT * FROM "{tbl}" WHERE id = ?', (row,)).first()
    if current is None:
        names = [c for c in cols if c in values and c != "id"]
        conn.exec_driver_sql(
            f'INSERT INTO "{tbl}" (id, {", ".join(names)}) VALUES (?, {", ".join("?" for _ in names)})',
            (row, *(values[c] for c in names)),
        )
        _mark_dirty(conn, tbl, row, values)
        return 1
    now = dict(zip(cols, current))
    changed = [c for c in cols if c in values and c != "id" and now[c] != values[c]]
    if not changed:
        return 0
    conn.exec_driver_sql(
        f'UPDATE "{tbl}" SET {", ".join(f"{c} = ?" for c in changed)} WHERE id = ?',
        (*(values[c] for c in changed), row),
    )
    _mark_dirty(conn, tbl, row, now)
    return 1
