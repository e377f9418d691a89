"""Use cases of the Households page: search, list rows, read one household's file.

Plain objects out, no Qt. ID and phone numbers leave this module masked
(PIPL: shown masked by default); revealing them is a separate, audited use
case (a later issue), never a flag on these functions.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date

from gridkeeper import clock
from gridkeeper.rules import idnumber, phone
from gridkeeper.store import households as queries
from gridkeeper.store.engine import Store
from gridkeeper.store.households import Hit, HouseholdRow, MemberMatch

__all__ = [
    "Hit",
    "HouseholdFile",
    "HouseholdRow",
    "Member",
    "MemberMatch",
    "household_file",
    "rows",
    "search_page",
    "totals",
    "update_search_index",
    "vacant",
]


#: Index entries read per page: the first screen needs ~30 rows; scrolling reads more.
PAGE = 100


@dataclass(frozen=True)
class Member:
    id: str
    name: str
    relation: str
    gender: str  # "M", "F" or ""
    birth_date: date | None
    age: int | None
    id_number_masked: str
    phones_masked: tuple[str, ...]
    status: str  # active / moved_out / deceased
    tags: tuple[tuple[str, bool, str], ...]  # (name, sensitive, detail)


@dataclass(frozen=True)
class HouseholdFile:
    id: str
    row: HouseholdRow
    household_no: str
    residence_status: str
    members: tuple[Member, ...]
    note: str = ""
    # Where it is (a move or a merge starts from here) and since when it stands empty (空户).
    building_id: str = ""
    unit: str = ""
    room: str = ""
    vacant_since: date | None = None


def search_page(
    store: Store, query: str, grid_ids: list[str] | None, after: Hit | None = None, limit: int = PAGE
) -> list[Hit]:
    with store.read() as conn:
        return queries.search_page(conn, query, grid_ids, after, limit)


def update_search_index(store: Store) -> int:
    """Re-key the households a bulk write (roster import, sync) left waiting for the search
    index; returns how many. Search is right before this runs, only slower (it keys the
    waiting households on the fly), so the app runs it in a worker right after such writes."""
    return store.reindex_dirty()


def rows(store: Store, ids: list[str], query: str = "") -> dict[str, HouseholdRow]:
    """Display rows; with the search `query` that listed them, each says which member it matched."""
    with store.read() as conn:
        found = queries.rows(conn, ids)
        if query.strip():
            for household_id, match in queries.matched_members(conn, list(found), query).items():
                found[household_id] = replace(found[household_id], matched=match)
    return found


def vacant(store: Store, ids: list[str]) -> set[str]:
    """Which of these households are vacant (空户): the list marks them."""
    with store.read() as conn:
        return queries.vacant(conn, ids)


def totals(store: Store) -> tuple[int, int]:
    with store.read() as conn:
        return queries.totals(conn)


def _age(born: date | None, today: date) -> int | None:
    if born is None:
        return None
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def _phones(raw: str) -> tuple[str, ...]:
    try:
        numbers = json.loads(raw or "[]")
    except ValueError:
        return ()
    return tuple(phone.mask(str(n)) for n in numbers) if isinstance(numbers, list) else ()


def household_file(store: Store, household_id: str, today: date | None = None) -> HouseholdFile | None:
    today = today or clock.today()
    with store.read() as conn:
        row = queries.rows(conn, [household_id]).get(household_id)
        if row is None:
            return None
        extra = queries.household_extra(conn, household_id)
        where = queries.household_place(conn, household_id) or ("", "", "", None)
        people = queries.members(conn, household_id)
    return HouseholdFile(
        id=household_id,
        row=row,
        household_no=extra[0],
        residence_status=extra[1],
        note=extra[2],
        building_id=where[0],
        unit=where[1],
        room=where[2],
        vacant_since=date.fromisoformat(where[3]) if where[3] else None,
        members=tuple(
            Member(
                id=m.id,
                name=m.name,
                relation=m.relation,
                gender=m.gender,
                birth_date=m.birth_date,
                age=_age(m.birth_date, today),
                id_number_masked=idnumber.mask(m.id_number) if m.id_number else "",
                phones_masked=_phones(m.phones),
                status=m.status,
                tags=m.tags,
            )
            for m in people
        ),
    )
