"""The people who hold the grids (三员合一、一格统管): cadres, their roles, and their stints.

A stint (an `assignment` row) is a cadre holding a grid from a day to a day;
cadres rotate and the stints stay, so "who held 第3网格 last spring" has an
answer. A stint's end day is the last day the cadre held the grid. A cadre who
leaves is tombstoned only after their open stints are ended, never erased.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Connection

from gridkeeper import clock, ids
from gridkeeper.errors import QT_TRANSLATE_NOOP
from gridkeeper.places.street import StreetError
from gridkeeper.rules import cadre_roles, phone
from gridkeeper.store import staff as queries
from gridkeeper.store.engine import Store

__all__ = ["CadreInfo", "Stint", "add_cadre", "cadres", "edit_cadre", "hold", "leave", "release", "rotate",
           "stints"]


@dataclass(frozen=True)
class CadreInfo:
    id: str
    name: str
    phone: str
    role: str
    community_id: str | None

    @property
    def phone_masked(self) -> str:
        return phone.mask(self.phone) if self.phone else ""


@dataclass(frozen=True)
class Stint:
    id: str
    cadre_id: str
    cadre: str
    role: str
    grid_id: str
    start: date | None
    end: date | None

    def holds_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


def _phone(text: str) -> str | None:
    valid, invalid = phone.split_cell(text)
    if invalid:
        raise StreetError(QT_TRANSLATE_NOOP(
            "errors", "Not a phone number: {value}. Mobile numbers have 11 digits; landlines look like 0577-62345678."),
            value="、".join(invalid))
    return valid[0] if valid else None


def cadres(store: Store) -> list[CadreInfo]:
    with store.read() as conn:
        return [CadreInfo(r.id, r.name, r.phone or "", r.role or "", r.community_id) for r in queries.cadres(conn)]


def add_cadre(store: Store, name: str, phone_text: str = "", role: str = "", community_id: str | None = None) -> str:
    """A cadre by name and phone (two 王芳 with different phones are two people)."""
    name = " ".join(name.split())
    if not name:
        raise StreetError(QT_TRANSLATE_NOOP("errors", "The cadre needs a name."))
    number = _phone(phone_text)
    row_id = ids.cadre_id(name, number)
    with store.begin() as conn:
        queries.insert_cadre(conn, {"id": row_id, "deleted": 0, "name": name, "phone": number,
                                    "role": cadre_roles.normalise(role) or None, "community_id": community_id})
    return row_id


def edit_cadre(store: Store, cadre_id: str, name: str, phone_text: str | None = "", role: str = "",
               community_id: str | None = None) -> None:
    """`phone_text` None keeps the number on file: a screen shows it masked, so it cannot send it back."""
    name = " ".join(name.split())
    if not name:
        raise StreetError(QT_TRANSLATE_NOOP("errors", "The cadre needs a name."))
    values = {"name": name, "role": cadre_roles.normalise(role) or None, "community_id": community_id}
    if phone_text is not None:
        values["phone"] = _phone(phone_text)
    with store.begin() as conn:
        queries.update_cadre(conn, cadre_id, values)


def stints(store: Store, cadre_id: str | None = None, grid_id: str | None = None) -> list[Stint]:
    """Stints, oldest first: of a cadre, of a grid, or all."""
    with store.read() as conn:
        return [Stint(r.id, r.cadre_id, r.cadre, r.role or "", r.grid_id,
                      date.fromisoformat(r.start_date) if r.start_date else None,
                      date.fromisoformat(r.end_date) if r.end_date else None)
                for r in queries.stints(conn, cadre_id, grid_id)]


def hold(store: Store, cadre_id: str, grid_id: str, since: date | None = None) -> str:
    """The cadre holds the grid from `since` (today by default); refused while they already do."""
    since = since or clock.today()
    with store.begin() as conn:
        if not queries.live(conn, "cadre", cadre_id) or not queries.live(conn, "grid", grid_id):
            raise StreetError(QT_TRANSLATE_NOOP("errors", "That cadre or grid is no longer on file."))
        mine = queries.stints(conn, cadre_id, grid_id)
        if any(s.end_date is None or s.end_date >= since.isoformat() for s in mine):
            raise StreetError(QT_TRANSLATE_NOOP("errors", "{name} already holds this grid."), name=mine[0].cadre)
        # The first stint keeps the id older versions made; a later one adds its start day.
        row_id = ids.assignment_id(cadre_id, grid_id, since.isoformat() if mine else None)
        queries.insert_stint(conn, {"id": row_id, "deleted": 0, "cadre_id": cadre_id, "grid_id": grid_id,
                                    "start_date": since.isoformat(), "end_date": None})
    return row_id


def release(store: Store, cadre_id: str, grid_id: str, last_day: date | None = None) -> int:
    """End the cadre's open stint in the grid; `last_day` (yesterday by default) is the last day
    they held it. A stint that would end before it began was a mistake: it is tombstoned."""
    with store.begin() as conn:
        return _release(conn, cadre_id, grid_id, last_day or clock.today() - timedelta(days=1))


def _release(conn: Connection, cadre_id: str, grid_id: str | None, last_day: date) -> int:
    ended = 0
    for s in queries.stints(conn, cadre_id, grid_id):
        if s.end_date is not None and s.end_date <= last_day.isoformat():
            continue
        if s.start_date and s.start_date > last_day.isoformat():
            queries.update_stint(conn, s.id, {"deleted": 1})
        else:
            queries.update_stint(conn, s.id, {"end_date": last_day.isoformat()})
        ended += 1
    return ended


def rotate(store: Store, grid_id: str, leaving: str, coming: str, on: date | None = None) -> None:
    """A rotation: `leaving` holds the grid until the day before `on`, `coming` from `on`."""
    on = on or clock.today()
    release(store, leaving, grid_id, on - timedelta(days=1))
    hold(store, coming, grid_id, on)


def leave(store: Store, cadre_id: str, last_day: date | None = None) -> None:
    """A cadre leaves the street: every open stint ends (yesterday by default), then the
    cadre is tombstoned; one transaction."""
    with store.begin() as conn:
        _release(conn, cadre_id, None, last_day or clock.today() - timedelta(days=1))
        queries.update_cadre(conn, cadre_id, {"deleted": 1})
