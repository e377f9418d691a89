"""Households by hand: a new flat, a move, two files that are one household, a vacant flat (空户).

Each is one captured transaction, so it syncs and shows in the timeline. A
household's id never changes: moved to another address it keeps its id, and
the roster import finds it there by address (building, unit, room), not by id.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection

from gridkeeper import clock, ids
from gridkeeper.errors import QT_TRANSLATE_NOOP
from gridkeeper.io.roster_cells import _room, _unit
from gridkeeper.places.street import StreetError
from gridkeeper.store import members as member_queries
from gridkeeper.store import street as queries
from gridkeeper.store.engine import Store

__all__ = ["create_household", "mark_lived_in", "mark_vacant", "merge", "move_household", "move_member"]


def _address(unit: str, room: str) -> tuple[str, str]:
    room = _room(room)
    if not room:
        raise StreetError(QT_TRANSLATE_NOOP("errors", "The room number is missing."))
    return _unit(unit), room


def create_household(store: Store, building_id: str, unit: str, room: str, household_no: str = "") -> str:
    """A household at an address no household holds yet."""
    unit, room = _address(unit, room)
    with store.begin() as conn:
        if queries.household_at(conn, building_id, unit, room):
            raise StreetError(QT_TRANSLATE_NOOP("errors", "A household is already on file at this address."))
        return _new_household(conn, building_id, unit, room, household_no)


def _new_household(conn: Connection, building_id: str, unit: str, room: str, household_no: str = "") -> str:
    names = queries.place_names(conn, building_id)
    if names is None:
        raise StreetError(QT_TRANSLATE_NOOP("errors", "That place is no longer on file (deleted on another "
                                                      "laptop?)."))
    row_id = ids.household_id(*names, unit, room)
    queries.insert(conn, "household", {"id": row_id, "deleted": 0, "building_id": building_id, "unit": unit,
                                       "room": room, "household_no": household_no.strip() or None,
                                       "residence_status": None, "note": None, "vacant_since": None,
                                       "merged_into": None})
    return row_id


def move_household(store: Store, household_id: str, building_id: str, unit: str, room: str) -> None:
    """The whole household moves to another address (its file, members and history with it)."""
    unit, room = _address(unit, room)
    with store.begin() as conn:
        if queries.place_names(conn, building_id) is None:
            raise StreetError(QT_TRANSLATE_NOOP("errors", "That place is no longer on file (deleted on another "
                                                          "laptop?)."))
        there = queries.household_at(conn, building_id, unit, room)
        if there and there != household_id:
            raise StreetError(QT_TRANSLATE_NOOP(
                "errors", "A household is already on file at this address; merge the two households instead."))
        queries.update(conn, "household", household_id, {"building_id": building_id, "unit": unit, "room": room})


def move_member(store: Store, person_id: str, building_id: str, unit: str, room: str) -> str:
    """One member moves to another address: into the household there, or a new one (one
    transaction: no empty household is left if the move fails). Returns the household's id."""
    unit, room = _address(unit, room)
    with store.begin() as conn:
        target = queries.household_at(conn, building_id, unit, room) or _new_household(conn, building_id, unit, room)
        member_queries.update_person(conn, person_id, {"household_id": target, "status": "active"})
    return target


def merge(store: Store, keep_id: str, gone_id: str) -> int:
    """Two files of one household: members, care plans, list items and mediation parties move to
    `keep_id`; the other household is tombstoned pointing at it (its contact and service logs,
    append-only, are read from there). Returns how many records moved."""
    if keep_id == gone_id:
        raise StreetError(QT_TRANSLATE_NOOP("errors", "A household cannot be merged with itself."))
    with store.begin() as conn:
        keep, gone = queries.row(conn, "household", keep_id), queries.row(conn, "household", gone_id)
        if keep is None or gone is None or keep.deleted or gone.deleted:
            raise StreetError(QT_TRANSLATE_NOOP("errors", "That household is no longer on file (merged or deleted "
                                                          "on another laptop?)."))
        moved = queries.repoint_household(conn, gone_id, keep_id)
        if not keep.household_no and gone.household_no:
            queries.update(conn, "household", keep_id, {"household_no": gone.household_no})
        queries.update(conn, "household", gone_id, {"deleted": 1, "merged_into": keep_id})
    return moved


def mark_vacant(store: Store, household_id: str, since: date | None = None) -> None:
    """空户: nobody lives in the flat. The file stays (people may move back in)."""
    with store.begin() as conn:
        queries.update(conn, "household", household_id, {"vacant_since": (since or clock.today()).isoformat()})


def mark_lived_in(store: Store, household_id: str) -> None:
    with store.begin() as conn:
        queries.update(conn, "household", household_id, {"vacant_since": None})
