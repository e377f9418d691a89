"""Revealing personal information (PIPL): one field at a time, always audited.

Screens and exports show ID and phone numbers masked. `reveal()` is the only
way to the full value: it writes an audit entry (who, which field of which
row, when, on which device) in the same transaction that reads the value, so
there is no reveal without its entry. The audit log is a synced,
append-only table: the street office sees every laptop's reveals.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from gridkeeper import clock
from gridkeeper.errors import QT_TRANSLATE_NOOP, GridKeeperError
from gridkeeper.ids import new_id
from gridkeeper.places import profile
from gridkeeper.rules import phone
from gridkeeper.store import audit as queries
from gridkeeper.store.engine import Store

#: The fields that are masked on screen and may be revealed: (table, field).
REVEALABLE = {("person", "id_number"), ("person", "phones"), ("volunteer", "phone"), ("cadre", "phone")}


class NotRevealable(GridKeeperError):
    def __init__(self, what: str) -> None:
        super().__init__(QT_TRANSLATE_NOOP("errors", "{what} cannot be shown."), what=what)


@dataclass(frozen=True)
class AuditEntry:
    at: str
    who: str
    device_id: str
    action: str
    table: str
    row_id: str
    field: str
    subject: str  # the person's (or volunteer's) name
    note: str = ""  # for a disclosure of many: how many persons, and what


def may_read_log(store: Store) -> bool:
    """Who may read the audit log in the app: an office's admin, or anyone on a laptop in no office
    (its own user is its admin)."""
    from gridkeeper.sync import office

    return office.office_id(store) is None or office.is_admin(store)


def reveal(store: Store, table: str, row_id: str, field: str, when: datetime | None = None) -> str:
    """The full value of one masked field; logged as action "reveal"."""
    if (table, field) not in REVEALABLE:
        raise NotRevealable(f"{table}.{field}")
    me = profile.current_cadre(store)
    at = (when or clock.now()).strftime("%Y-%m-%d %H:%M:%S")
    with store.begin() as conn:
        value = queries.value(conn, table, row_id, field)
        if value is None:
            raise NotRevealable(f"{table}.{field}")
        queries.log(conn, {
            "id": new_id(), "at": at, "cadre_id": me.id if me else None, "device_id": store.device_id,
            "action": "reveal", "tbl": table, "row_id": row_id, "field": field, "note": None,
        })
    if field == "phones":
        try:
            numbers = json.loads(value or "[]")
        except ValueError:
            numbers = []
        # grouped as people read them out (138 1234 5678): the cadre is about to dial it
        return "、".join(phone.display(str(n)) for n in numbers) if isinstance(numbers, list) else ""
    if field == "phone":
        return phone.display(value)
    return value


def reveal_conflict(store: Store, conflict_id: int, other: bool, when: datetime | None = None) -> str:
    """The full value of one side of a conflict on a masked field (sync keeps the losing side in the
    conflict table, not in the row): logged as a reveal of that field, noting which side."""
    me = profile.current_cadre(store)
    at = (when or clock.now()).strftime("%Y-%m-%d %H:%M:%S")
    with store.begin() as conn:
        side = queries.conflict_value(conn, conflict_id, other)
        if side is None or (side[0], side[2]) not in REVEALABLE or side[3] is None:
            raise NotRevealable(f"conflict {conflict_id}")
        table, row_id, field, raw = side
        value = raw
        if other:  # the conflict keeps the value as JSON
            try:
                value = json.loads(raw) if raw else ""
            except ValueError:
                value = raw
        queries.log(conn, {
            "id": new_id(), "at": at, "cadre_id": me.id if me else None, "device_id": store.device_id,
            "action": "reveal", "tbl": table, "row_id": row_id, "field": field,
            "note": "conflict: other value" if other else "conflict: value now",
        })
    return _readable(field, value)


def _readable(field: str, value: object) -> str:
    if field == "phones":
        numbers = value
        if isinstance(value, str):
            try:
                numbers = json.loads(value or "[]")
            except ValueError:
                numbers = []
        return "、".join(str(n) for n in numbers) if isinstance(numbers, list) else ""
    return "" if value is None else str(value)


def entries(store: Store, row_id: str | None = None, limit: int = 200) -> list[AuditEntry]:
    """Newest first; of one row, or of everything."""
    with store.read() as conn:
        return [AuditEntry(*r) for r in queries.entries(conn, row_id, limit)]


def export_numbers(store: Store, person_ids: list[str], note: str, when: datetime | None = None) -> dict[str, str]:
    """Full phone numbers of these persons for an export the user asked to unmask: one audit
    entry per person (action "export"), written in the same transaction as the read."""
    me = profile.current_cadre(store)
    at = (when or clock.now()).strftime("%Y-%m-%d %H:%M:%S")
    out = {}
    with store.begin() as conn:
        for person_id in person_ids:
            value = queries.value(conn, "person", person_id, "phones")
            if value is None:
                continue
            try:
                numbers = json.loads(value or "[]")
            except ValueError:
                numbers = []
            out[person_id] = "、".join(str(n) for n in numbers) if isinstance(numbers, list) else ""
            queries.log(conn, {
                "id": new_id(), "at": at, "cadre_id": me.id if me else None, "device_id": store.device_id,
                "action": "export", "tbl": "person", "row_id": person_id, "field": "phones", "note": note,
            })
    return out


def record(store: Store, action: str, persons: int, note: str = "", *, table: str = "person", row_id: str = "*",
           when: datetime | None = None) -> None:
    """One entry for a disclosure of many persons at once (a dump, a printed paper): who, when, what,
    and how many persons, in the note."""
    me = profile.current_cadre(store)
    at = (when or clock.now()).strftime("%Y-%m-%d %H:%M:%S")
    with store.begin() as conn:
        queries.log(conn, {
            "id": new_id(), "at": at, "cadre_id": me.id if me else None, "device_id": store.device_id,
            "action": action, "tbl": table, "row_id": row_id, "field": "*",
            "note": f"{persons} persons" + (f"; {note}" if note else ""),
        })
