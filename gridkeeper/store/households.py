"""Household queries for the list, the search box and the household file.

Search is a prefix range scan over `search_key` (see searchkeys.py); sorting
and scoping happen in SQL, and callers page through ids, never whole tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, bindparam, text

from gridkeeper.store import searchkeys

_ORDER = "c.name, length(b.name), b.name, length(h.unit), h.unit, length(h.room), h.room, h.id"


@dataclass(frozen=True)
class HouseholdRow:
    id: str
    address: str
    community: str
    grid: str
    head: str
    members: int
    tags: str


@dataclass(frozen=True)
class MemberRow:
    id: str
    name: str
    relation: str
    gender: str
    birth_date: date | None
    id_number: str
    phones: str
    status: str
    tags: tuple[tuple[str, bool, str], ...]  # (name, sensitive, detail)


def _hits_sql(query: str, params: dict[str, object]) -> str | None:
    """A subquery of household ids matching every term, or None for no filter."""
    selects = []
    for t, term in enumerate(searchkeys.terms(query)):
        ranges = []
        for r, (lo, hi) in enumerate(searchkeys.query_ranges(term)):
            params[f"lo{t}_{r}"], params[f"hi{t}_{r}"] = lo, hi
            ranges.append(f"(key >= :lo{t}_{r} AND key < :hi{t}_{r})")
        selects.append(f"SELECT household_id FROM search_key WHERE {' OR '.join(ranges)}")
    if not selects:
        return None
    return " INTERSECT ".join(selects)


def search_ids(conn: Connection, query: str = "", grid_ids: list[str] | None = None) -> list[str]:
    """Ids of live households matching `query`, in address order, within `grid_ids` if given."""
    params: dict[str, object] = {}
    hits = _hits_sql(query, params)
    where = ["h.deleted = 0"]
    if hits:
        where.append(f"h.id IN ({hits})")
    stmt_params = []
    if grid_ids is not None:
        where.append("b.grid_id IN :grids")
        params["grids"] = list(grid_ids)
        stmt_params.append(bindparam("grids", expanding=True))
    sql = (
        "SELECT h.id FROM household h JOIN building b ON b.id = h.building_id "
        "JOIN compound c ON c.id = b.compound_id "
        f"WHERE {' AND '.join(where)} ORDER BY {_ORDER}"
    )
    stmt = text(sql).bindparams(*stmt_params)
    return list(conn.execute(stmt, params).scalars())


def rows(conn: Connection, ids: list[str]) -> dict[str, HouseholdRow]:
    """One display row per id (for a page of the table)."""
    if not ids:
        return {}
    stmt = text(
        "SELECT h.id, c.name AS compound, b.name AS building, h.unit, h.room, "
        "co.name AS community, g.name AS grid, "
        "(SELECT p.name FROM person p WHERE p.household_id = h.id AND p.deleted = 0 "
        "  ORDER BY p.relation_to_head = '户主' DESC, p.birth_date LIMIT 1) AS head, "
        "(SELECT count(*) FROM person p WHERE p.household_id = h.id AND p.deleted = 0 "
        "  AND p.status = 'active') AS members, "
        "(SELECT group_concat(name, '、') FROM (SELECT DISTINCT t.name FROM person p "
        "  JOIN persontag pt ON pt.person_id = p.id AND pt.deleted = 0 "
        "  JOIN tag t ON t.id = pt.tag_id AND t.deleted = 0 "
        "  WHERE p.household_id = h.id AND p.deleted = 0 ORDER BY t.name)) AS tags "
        "FROM household h JOIN building b ON b.id = h.building_id "
        "JOIN compound c ON c.id = b.compound_id JOIN community co ON co.id = c.community_id "
        "LEFT JOIN grid g ON g.id = b.grid_id WHERE h.id IN :ids"
    ).bindparams(bindparam("ids", expanding=True))
    out = {}
    for r in conn.execute(stmt, {"ids": list(ids)}):
        out[r.id] = HouseholdRow(
            id=r.id,
            address=searchkeys.address(r.compound, r.building, r.unit, r.room),
            community=r.community,
            grid=r.grid or "",
            head=r.head or "",
            members=r.members,
            tags=r.tags or "",
        )
    return out


def members(conn: Connection, household_id: str) -> list[MemberRow]:
    people = conn.execute(
        text(
            "SELECT id, name, relation_to_head, gender, birth_date, id_number, phones, status "
            "FROM person WHERE household_id = :h AND deleted = 0 "
            "ORDER BY status = 'active' DESC, relation_to_head = '户主' DESC, birth_date, name"
        ),
        {"h": household_id},
    ).all()
    tags: dict[str, list[tuple[str, bool, str]]] = {}
    for r in conn.execute(
        text(
            "SELECT pt.person_id, t.name, t.sensitive, pt.detail FROM persontag pt "
            "JOIN tag t ON t.id = pt.tag_id JOIN person p ON p.id = pt.person_id "
            "WHERE p.household_id = :h AND pt.deleted = 0 AND t.deleted = 0 ORDER BY t.name"
        ),
        {"h": household_id},
    ):
        tags.setdefault(r.person_id, []).append((r.name, bool(r.sensitive), r.detail or ""))
    return [
        MemberRow(
            id=p.id,
            name=p.name,
            relation=p.relation_to_head or "",
            gender=p.gender or "",
            birth_date=date.fromisoformat(p.birth_date) if p.birth_date else None,
            id_number=p.id_number or "",
            phones=p.phones or "[]",
            status=p.status,
            tags=tuple(tags.get(p.id, [])),
        )
        for p in people
    ]


def totals(conn: Connection) -> tuple[int, int]:
    """(live households, live active persons) for the status bar."""
    households = conn.execute(text("SELECT count(*) FROM household WHERE deleted = 0")).scalar_one()
    persons = conn.execute(
        text("SELECT count(*) FROM person WHERE deleted = 0 AND status = 'active'")
    ).scalar_one()
    return households, persons
