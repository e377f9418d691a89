"""Reads and writes of the street's structure: communities, compounds, buildings, grids.

Plain SQL through the caller's connection; the capture triggers log every
write, so the grid a building was in before a move stays in the change log.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, text

from gridkeeper.store import searchindex

#: What hangs on a place: (table, column, what it is) — a place is not tombstoned while any is live.
DEPENDENTS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "community": (("compound", "community_id", "compounds"), ("grid", "community_id", "grids"),
                  ("cadre", "community_id", "cadres")),
    "compound": (("building", "compound_id", "buildings"), ("mediationcase", "compound_id", "mediations"),
                 ("listitem", "compound_id", "list items"), ("finding", "compound_id", "findings")),
    "building": (("household", "building_id", "households"), ("finding", "building_id", "findings")),
    "grid": (("building", "grid_id", "buildings"), ("compound", "grid_id", "compounds"),
             ("listitem", "grid_id", "list items"), ("finding", "grid_id", "findings"),
             ("walkgrid", "grid_id", "night walks")),
}


@dataclass(frozen=True)
class CommunityRow:
    id: str
    name: str
    division_code: str


@dataclass(frozen=True)
class CompoundRow:
    id: str
    community_id: str
    name: str
    property_company: str
    hoa: str
    grid_id: str | None


@dataclass(frozen=True)
class BuildingRow:
    id: str
    compound_id: str
    name: str
    units: int | None
    floors: int | None
    grid_id: str | None
    households: int


@dataclass(frozen=True)
class GridRow:
    id: str
    community_id: str
    name: str
    code: str


def communities(conn: Connection) -> list[CommunityRow]:
    return [CommunityRow(r.id, r.name, r.division_code or "") for r in conn.execute(text(
        "SELECT id, name, division_code FROM community WHERE deleted = 0 ORDER BY name"))]


def compounds(conn: Connection) -> list[CompoundRow]:
    return [CompoundRow(r.id, r.community_id, r.name, r.property_company or "", r.hoa or "", r.grid_id)
            for r in conn.execute(text(
                "SELECT id, community_id, name, property_company, hoa, grid_id FROM compound "
                "WHERE deleted = 0 ORDER BY name"))]


def buildings(conn: Connection) -> list[BuildingRow]:
    """Live buildings with their count of live households, in natural order (2幢 before 10幢)."""
    return [BuildingRow(r.id, r.compound_id, r.name, r.units, r.floors, r.grid_id, r.n) for r in conn.execute(text(
        "SELECT b.id, b.compound_id, b.name, b.units, b.floors, b.grid_id, "
        "(SELECT count(*) FROM household h WHERE h.building_id = b.id AND h.deleted = 0) AS n "
        "FROM building b WHERE b.deleted = 0 ORDER BY b.compound_id, length(b.name), b.name"))]


def grids(conn: Connection) -> list[GridRow]:
    return [GridRow(r.id, r.community_id, r.name, r.code or "") for r in conn.execute(text(
        "SELECT id, community_id, name, code FROM grid WHERE deleted = 0 ORDER BY community_id, length(name), name"))]


def row(conn: Connection, table: str, row_id: str) -> Any:
    """One row of a place table (live or tombstoned), or None."""
    assert table in DEPENDENTS or table in ("household", "cadre", "assignment")
    return conn.execute(text(f'SELECT * FROM "{table}" WHERE id = :id'), {"id": row_id}).first()


def insert(conn: Connection, table: str, values: dict[str, Any]) -> None:
    """Insert a new place, or bring a tombstoned one with the same (deterministic) id back."""
    cols = list(values)
    updates = ", ".join(f"{c} = excluded.{c}" for c in cols if c != "id")
    conn.execute(text(
        f'INSERT INTO "{table}" ({", ".join(cols)}) VALUES ({", ".join(":" + c for c in cols)}) '
        f"ON CONFLICT(id) DO UPDATE SET {updates} WHERE deleted = 1"), values)


def update(conn: Connection, table: str, row_id: str, values: dict[str, Any]) -> None:
    """Only columns whose value differs are written (the triggers log each changed field)."""
    sets = ", ".join(f"{c} = :{c}" for c in values)
    differs = " OR ".join(f"{c} IS NOT :{c}" for c in values)
    conn.execute(text(f'UPDATE "{table}" SET {sets} WHERE id = :id AND ({differs})'), {**values, "id": row_id})


def dependents(conn: Connection, table: str, row_id: str) -> dict[str, int]:
    """Live records hanging on a place, by what they are; empty when it may be tombstoned."""
    out: dict[str, int] = {}
    for dep, column, what in DEPENDENTS[table]:
        n = conn.execute(text(f'SELECT count(*) FROM "{dep}" WHERE {column} = :id AND deleted = 0'),
                         {"id": row_id}).scalar()
        if n:
            out[what] = out.get(what, 0) + n
    return out


def current_holders(conn: Connection, grid_id: str, today: str) -> int:
    return conn.execute(text(
        "SELECT count(*) FROM assignment WHERE grid_id = :g AND deleted = 0 "
        "AND (start_date IS NULL OR start_date <= :t) AND (end_date IS NULL OR end_date >= :t)"),
        {"g": grid_id, "t": today}).scalar() or 0


def set_grid_of_buildings(conn: Connection, building_ids: list[str], grid_id: str | None,
                          touched: set[str] | None = None) -> int:
    """Move the buildings to the grid; the households of those that moved are added to `touched`
    (the caller re-keys their search index once, at the end: see places.street.cover)."""
    if not building_ids:
        return 0
    ids = {"g": grid_id, "ids": building_ids}
    if touched is not None:
        touched.update(conn.execute(text(
            "SELECT h.id FROM household h JOIN building b ON b.id = h.building_id "
            "WHERE b.id IN :ids AND b.deleted = 0 AND b.grid_id IS NOT :g"
        ).bindparams(bindparam("ids", expanding=True)), ids).scalars())
    return conn.execute(text(
        "UPDATE building SET grid_id = :g WHERE id IN :ids AND deleted = 0 AND grid_id IS NOT :g"
    ).bindparams(bindparam("ids", expanding=True)), ids).rowcount


def regrid(conn: Connection, household_ids: set[str]) -> None:
    """After set_grid_of_buildings() with the search-index triggers off: the households' grid in the index."""
    searchindex.regrid(conn, household_ids)


def buildings_of_compound(conn: Connection, compound_id: str) -> list[str]:
    return list(conn.execute(text("SELECT id FROM building WHERE compound_id = :c AND deleted = 0"),
                             {"c": compound_id}).scalars())


def unassigned(conn: Connection) -> list[tuple[str, str, str, str, int]]:
    """(compound id, compound, building id, building, households) of live households in no grid."""
    return [(r.cid, r.compound, r.bid, r.building, r.n) for r in conn.execute(text(
        "SELECT c.id AS cid, c.name AS compound, b.id AS bid, b.name AS building, count(*) AS n "
        "FROM household h JOIN building b ON b.id = h.building_id JOIN compound c ON c.id = b.compound_id "
        "WHERE h.deleted = 0 AND b.deleted = 0 AND b.grid_id IS NULL "
        "GROUP BY b.id ORDER BY c.name, length(b.name), b.name"))]


def grid_moves(conn: Connection, building_ids: list[str]) -> list[tuple[str, str, str]]:
    """(time, building id, grid id or "null") of every grid change of these buildings, oldest first."""
    if not building_ids:
        return []
    return [(r.hlc, r.row_id, r.value) for r in conn.execute(text(
        "SELECT hlc, row_id, CASE field WHEN '*' THEN json_quote(json_extract(value, '$.grid_id')) ELSE value END "
        "AS value FROM change_log WHERE tbl = 'building' AND row_id IN :ids AND field IN ('*', 'grid_id') "
        "ORDER BY hlc").bindparams(bindparam("ids", expanding=True)), {"ids": building_ids})]


def household_at(conn: Connection, building_id: str, unit: str, room: str) -> str | None:
    """The live household at this address, if any (unit and room as stored: "2", "301")."""
    return conn.execute(text(
        "SELECT id FROM household WHERE building_id = :b AND unit = :u AND room = :r AND deleted = 0"),
        {"b": building_id, "u": unit, "r": room}).scalar()


def place_names(conn: Connection, building_id: str) -> tuple[str, str, str] | None:
    """(community, compound, building) names of a live building: what a household's id is made of."""
    r = conn.execute(text(
        "SELECT co.name AS community, c.name AS compound, b.name AS building FROM building b "
        "JOIN compound c ON c.id = b.compound_id JOIN community co ON co.id = c.community_id "
        "WHERE b.id = :b AND b.deleted = 0"), {"b": building_id}).first()
    return (r.community, r.compound, r.building) if r else None


#: Rows that follow a household merged into another (append-only logs stay where they were written;
#: the kept household's timeline reads them through household.merged_into).
MERGE_FOLLOWERS: tuple[str, ...] = ("person", "careplan", "listitem", "mediationparty")


def repoint_household(conn: Connection, old: str, new: str) -> int:
    moved = 0
    for table in MERGE_FOLLOWERS:
        moved += conn.execute(text(f'UPDATE "{table}" SET household_id = :new WHERE household_id = :old'),
                              {"old": old, "new": new}).rowcount
    return moved


def merged_into(conn: Connection, household_id: str) -> list[str]:
    """Households tombstoned as the same as this one (their logs belong to its timeline)."""
    return list(conn.execute(text("SELECT id FROM household WHERE merged_into = :h"), {"h": household_id}).scalars())


def building_of(conn: Connection, household_id: str) -> str | None:
    return conn.execute(text("SELECT building_id FROM household WHERE id = :h"), {"h": household_id}).scalar()


def grid_names(conn: Connection, grid_ids: list[str]) -> dict[str, str]:
    """{grid id: "城南社区 第1网格"}, tombstoned grids too (an old move stays readable)."""
    if not grid_ids:
        return {}
    return {r.id: f"{r.community} {r.name}" for r in conn.execute(text(
        "SELECT g.id, g.name, co.name AS community FROM grid g JOIN community co ON co.id = g.community_id "
        "WHERE g.id IN :ids").bindparams(bindparam("ids", expanding=True)), {"ids": grid_ids})}
