"""Conflicts kept by sync for a person to review: keep mine, take theirs, or type a new value.

The winner of a conflict is already in the data (the same on every laptop);
resolving writes the chosen value as a normal, captured change, which then
syncs like any edit and wins by being newer.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import text

from gridkeeper.store import households
from gridkeeper.store.engine import Store
from gridkeeper.store.schema import SYNCED_TABLES


@dataclass(frozen=True)
class Conflict:
    id: int
    table: str
    row_id: str
    field: str
    current: Any  # the value in the data now (the winner, or a later change)
    other: Any  # the value that lost
    mine_won: bool  # the winner was written on this laptop
    winner_device: str
    loser_device: str
    label: str  # what the row is, for people: a person's or household's name
    where: str = ""  # which one: a person's household address (a street has several 廖欣), a party's case
    gender: str | None = None  # a person's "M" / "F", with the birth year below: which 廖欣
    born: int | None = None
    winner_at: datetime | None = None  # when each side was written (the clock of the laptop that wrote it)
    loser_at: datetime | None = None


def _when(hlc: str | None) -> datetime | None:
    """The wall time of a hybrid-clock stamp ("000001764236400000.00000[.device]"), local time."""
    try:
        return datetime.fromtimestamp(int(str(hlc).split(".")[0]) / 1000, tz=UTC).astimezone()
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def _person(conn: Any, row_id: str) -> tuple[str | None, int | None]:
    r = conn.execute(text("SELECT gender, birth_date FROM person WHERE id = :i"), {"i": row_id}).first()
    if r is None:
        return None, None
    return r.gender, int(str(r.birth_date)[:4]) if r.birth_date else None


def _where(conn: Any, table: str, row_id: str) -> str:
    """Enough to tell this row from others of the same name: the address, or the case."""
    if table == "person":
        household = conn.execute(text("SELECT household_id FROM person WHERE id = :i"), {"i": row_id}).scalar()
        return households.addresses(conn, [household]).get(household, "") if household else ""
    if table == "household":
        return households.addresses(conn, [row_id]).get(row_id, "")
    if table == "mediationparty":
        r = conn.execute(text("SELECT c.number FROM mediationparty p JOIN mediationcase c ON c.id = p.case_id "
                              "WHERE p.id = :i"), {"i": row_id}).first()
        return r.number if r else ""
    return ""


def _label(conn: Any, table: str, row_id: str) -> str:
    if table == "person":
        return conn.execute(text("SELECT name FROM person WHERE id = :i"), {"i": row_id}).scalar() or row_id
    if table == "mediationcase":  # the case number, as the Mediations page shows it
        return conn.execute(text("SELECT number FROM mediationcase WHERE id = :i"), {"i": row_id}).scalar() or row_id
    if table in ("community", "compound", "grid", "building", "tag", "cadre", "mediationparty"):
        return conn.execute(text(f'SELECT name FROM "{table}" WHERE id = :i'), {"i": row_id}).scalar() or row_id
    if table == "listitem":  # two cadres moved one problem along at once: its title says which
        return conn.execute(text("SELECT title FROM listitem WHERE id = :i"), {"i": row_id}).scalar() or row_id
    if table == "nightwalk":
        r = conn.execute(text("SELECT walk_date, leader FROM nightwalk WHERE id = :i"), {"i": row_id}).first()
        return f"{r.walk_date} {r.leader}" if r else row_id
    return row_id


def open_conflicts(store: Store) -> list[Conflict]:
    me = store.device_id
    with store.read() as conn:
        rows = conn.execute(text(
            "SELECT id, tbl, row_id, field, winner_value, loser_value, winner_device, loser_device, "
            "winner_hlc, loser_hlc FROM conflict WHERE resolved = 0 ORDER BY id")).all()
        return [
            Conflict(r.id, r.tbl, r.row_id, r.field, _now(conn, r.tbl, r.row_id, r.field),
                     json.loads(r.loser_value) if r.loser_value else None, r.winner_device == me,
                     r.winner_device, r.loser_device, _label(conn, r.tbl, r.row_id), _where(conn, r.tbl, r.row_id),
                     *(_person(conn, r.row_id) if r.tbl == "person" else (None, None)),
                     _when(r.winner_hlc), _when(r.loser_hlc))
            for r in rows
            if r.tbl in SYNCED_TABLES
        ]


def _now(conn: Any, table: str, row_id: str, field: str) -> Any:
    """The value in the data now: a later sync may have changed it since the conflict was kept."""
    columns = {c[1] for c in conn.exec_driver_sql(f'PRAGMA table_info("{table}")')}
    if field not in columns:
        return None
    return conn.execute(text(f'SELECT "{field}" FROM "{table}" WHERE id = :i'), {"i": row_id}).scalar()


def resolve(store: Store, conflict_id: int, value: Any) -> None:
    """Settle a conflict with `value` (the current one, the other one, or a new one)."""
    with store.begin() as conn:
        row = conn.execute(text("SELECT tbl, row_id, field FROM conflict WHERE id = :i AND resolved = 0"),
                           {"i": conflict_id}).first()
        if row is None:
            raise ValueError(f"no open conflict {conflict_id}")
        table, row_id, field = row
        columns = {c[1] for c in conn.exec_driver_sql(f'PRAGMA table_info("{table}")')}
        if table not in SYNCED_TABLES or field not in columns or field == "id":
            raise ValueError(f"cannot resolve {table}.{field}")
        current = conn.execute(text(f'SELECT "{field}" FROM "{table}" WHERE id = :i'), {"i": row_id}).scalar()
        if current != value:  # a real change: captured, synced, and newer than both sides
            conn.execute(text(f'UPDATE "{table}" SET "{field}" = :v WHERE id = :i'), {"v": value, "i": row_id})
        conn.execute(text("UPDATE conflict SET resolved = 1 WHERE id = :i"), {"i": conflict_id})
