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
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection

from gridkeeper.store import capture, searchindex
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


def check_schema(changes: Sequence[Change], columns: dict[str, list[str]]) -> dict[int, dict[str, Any]]:
    """Raise UnknownSchema for a table or field we lack; return each insert's decoded
    fields by its position in `changes` (decoded once, here, for the merge too)."""
    rows: dict[int, dict[str, Any]] = {}
    known = {t: set(cols) - {"id"} for t, cols in columns.items()}
    for i, c in enumerate(changes):
        cols = known.get(c.tbl)
        if cols is None:
            raise UnknownSchema(f"table {c.tbl}")
        if c.field == "*":
            fields = rows[i] = json.loads(c.value or "{}")
            if not fields.keys() <= cols:
                raise UnknownSchema(f"{c.tbl}.{', '.join(f for f in fields if f not in cols)}")
        elif c.field not in cols:
            raise UnknownSchema(f"{c.tbl}.{c.field}")
    return rows


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


def _prefetch(conn: Connection, keys: list[tuple[str, str]]) -> tuple[
    dict[tuple[str, str], list[tuple[str, str | None, str, str, int | None]]], dict[tuple[str, str], dict[str, Any]]
]:
    """The log entries and current rows of every row a batch touches, in a few queries."""
    conn.exec_driver_sql(
        "CREATE TEMP TABLE IF NOT EXISTS gk_batch_rows (tbl TEXT, row_id TEXT, PRIMARY KEY (tbl, row_id)) WITHOUT ROWID")
    conn.exec_driver_sql("DELETE FROM temp.gk_batch_rows")
    # Sorted: appends to the temp table's key, and walks the log's index in its own order.
    conn.exec_driver_sql("INSERT INTO temp.gk_batch_rows (tbl, row_id) VALUES (?, ?)", sorted(keys))
    logs: dict[tuple[str, str], list[tuple[str, str | None, str, str, int | None]]] = {}
    for tbl, row, field, value, hlc, device, seq in conn.exec_driver_sql(
        # CROSS JOIN keeps the batch's rows outside: without statistics on the temp table the
        # planner scanned the whole change log once per batch (a cost that grew with the data).
        "SELECT c.tbl, c.row_id, c.field, c.value, c.hlc, c.device_id, c.seq FROM temp.gk_batch_rows r "
        "CROSS JOIN change_log c ON c.tbl = r.tbl AND c.row_id = r.row_id"
    ):
        logs.setdefault((tbl, row), []).append((field, value, hlc, device, seq))
    current: dict[tuple[str, str], dict[str, Any]] = {}
    for tbl in {t for t, _ in keys}:
        result = conn.exec_driver_sql(
            f'SELECT t.* FROM temp.gk_batch_rows r JOIN "{tbl}" t ON t.id = r.row_id WHERE r.tbl = ?', (tbl,))
        names = list(result.keys())
        for values in result:
            row = dict(zip(names, values))
            current[(tbl, row["id"])] = row
    conn.exec_driver_sql("DELETE FROM temp.gk_batch_rows")
    return logs, current


def apply_changes(
    conn: Connection, changes: Sequence[Change], *, me: str, pushed_seq: int, columns: dict[str, list[str]]
) -> Applied:
    """Store and apply `changes` inside the caller's transaction (capture paused)."""
    inserted_rows = check_schema(changes, columns)
    result = Applied()
    groups: dict[tuple[str, str], list[Change]] = {}
    firsts: dict[tuple[str, str], int] = {}  # where each row's first change is in `changes`
    for i, c in enumerate(changes):
        key = (c.tbl, c.row)
        group = groups.get(key)
        if group is None:
            groups[key] = [c]
            firsts[key] = i
        else:
            group.append(c)
    result.max_hlc = max((c.hlc for c in changes), default="")
    logs, current = _prefetch(conn, list(groups))
    new_log: list[Change] = []
    inserts: dict[tuple[str, tuple[str, ...]], list[tuple[Any, ...]]] = {}
    updates: dict[tuple[str, tuple[str, ...]], list[tuple[Any, ...]]] = {}
    conflicts: list[tuple[Any, ...]] = []
    dirty: list[tuple[str, str, dict[str, Any], dict[str, Any]]] = []
    for (tbl, row), group in groups.items():
        log = logs.get((tbl, row), [])
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
        new_log.extend(new)
        result.changes += len(new)
        if not log and len(new) == 1 and new[0].field == "*":
            # The common case of a first sync: a row seen for the first time, whole.
            # Nothing to compare with, so no winners to work out and no conflict.
            values = inserted_rows[firsts[(tbl, row)]]
            _stage(tbl, row, values, current, columns[tbl], inserts, updates, dirty)
            result.rows_written += 1
            continue
        before, inserted = _winners(log) if log else ({}, False)
        after = dict(before)
        for c in new:  # each change decoded once; the winners updated as they come
            inserted = inserted or c.field == "*"
            for f, incoming in _entries(c.field, c.value, c.hlc, c.device, None).items():
                if f not in after or incoming.key > after[f].key:
                    after[f] = incoming
                local = before.get(f)
                unpushed = local is not None and local.device == me and (local.seq or 0) > pushed_seq
                if unpushed and local is not None and local.value != incoming.value:
                    winner, loser = (incoming, local) if incoming.key > local.key else (local, incoming)
                    conflicts.append(_conflict_row(tbl, row, f, winner, loser))
                    result.conflicts += 1
        if not inserted:
            result.pending += 1
            continue
        values = {f: e.value for f, e in after.items() if f != "id"}
        if _stage(tbl, row, values, current, columns[tbl], inserts, updates, dirty):
            result.rows_written += 1
    if new_log:
        conn.exec_driver_sql(
            "INSERT INTO change_log (hlc, device_id, tbl, row_id, field, value) VALUES (?, ?, ?, ?, ?, ?)",
            [(c.hlc, c.device, c.tbl, c.row, c.field, c.value) for c in new_log],
        )
    for tbl in SYNCED_TABLES:  # parents first (foreign keys are checked at commit anyway)
        for (t, names), rows in inserts.items():
            if t == tbl:
                rows.sort(key=itemgetter(0))  # in id order: the primary key's B-tree appends
                # The insert triggers would only test gk_capture() and gk_index() (both off
                # here) on every row, which costs more than the insert: they are dropped
                # for this statement, inside the transaction.
                with capture.insert_triggers_off(conn, tbl):
                    conn.exec_driver_sql(
                        f'INSERT INTO "{tbl}" (id, {", ".join(names)}) VALUES (?, {", ".join("?" for _ in names)})',
                        rows)
        for (t, changed), rows in updates.items():
            if t == tbl:
                conn.exec_driver_sql(
                    f'UPDATE "{tbl}" SET {", ".join(f"{c} = ?" for c in changed)} WHERE id = ?', rows)
    if conflicts:
        conn.exec_driver_sql(
            "INSERT INTO conflict (tbl, row_id, field, winner_hlc, winner_device, winner_value, "
            "loser_hlc, loser_device, loser_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", conflicts)
    _mark_dirty(conn, dirty)
    return result


def _stage(
    tbl: str, row: str, values: dict[str, Any], current: dict[tuple[str, str], dict[str, Any]], cols: list[str],
    inserts: dict[tuple[str, tuple[str, ...]], list[tuple[Any, ...]]],
    updates: dict[tuple[str, tuple[str, ...]], list[tuple[Any, ...]]],
    dirty: list[tuple[str, str, dict[str, Any], dict[str, Any]]],
) -> bool:
    """Queue the row's insert or the update of the fields that differ; False: nothing to write."""
    now = current.get((tbl, row))
    if now is None:  # the fields as they come (check_schema made sure we have them all)
        inserts.setdefault((tbl, tuple(values)), []).append((row, *values.values()))
        dirty.append((tbl, row, values, values))
        return True
    changed = tuple(c for c in cols if c in values and now[c] != values[c])
    if not changed:
        return False
    updates.setdefault((tbl, changed), []).append((*(values[c] for c in changed), row))
    dirty.append((tbl, row, now, values))
    return True


def _conflict_row(tbl: str, row: str, field: str, winner: _Entry, loser: _Entry) -> tuple[Any, ...]:
    return (tbl, row, field, winner.hlc, winner.device, json.dumps(winner.value, ensure_ascii=False),
            loser.hlc, loser.device, json.dumps(loser.value, ensure_ascii=False))


def _mark_dirty(conn: Connection, written: list[tuple[str, str, dict[str, Any], dict[str, Any]]]) -> None:
    """Note the households whose search keys the written rows feed (re-keyed after the sync)."""
    households: set[str] = set()
    for tbl, row, before, after in written:
        if tbl == "household":
            households.add(row)
        elif tbl == "person":  # its household now, and the one it moved out of
            households.update(h for h in (before.get("household_id"), after.get("household_id")) if h)
        elif tbl == "building":
            searchindex.mark_dirty_where(conn, "h.building_id = ?", (row,))
        elif tbl == "compound":
            searchindex.mark_dirty_where(
                conn, "h.building_id IN (SELECT id FROM building WHERE compound_id = ?)", (row,))
    searchindex.mark_dirty(conn, households)
