"""Queries for night walks, their findings, and weekly compliance (Core SQL, plain rows out)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, bindparam, text

from gridkeeper.rules.places import join_place


def _day(value: object) -> date | None:
    return date.fromisoformat(str(value)[:10]) if value else None


def _grid_filter(grid_ids: Sequence[str] | None, column: str, params: dict[str, object]) -> tuple[str, list]:  # type: ignore[type-arg]
    """SQL and bind params restricting `column` to the grids in scope (None: all grids)."""
    if grid_ids is None:
        return "1 = 1", []
    params["grids"] = list(grid_ids)
    return f"{column} IN :grids", [bindparam("grids", expanding=True)]


@dataclass(frozen=True)
class GridName:
    id: str
    name: str
    community: str


def grids(conn: Connection, grid_ids: Sequence[str] | None) -> list[GridName]:
    params: dict[str, object] = {}
    where, binds = _grid_filter(grid_ids, "g.id", params)
    stmt = text(
        "SELECT g.id, g.name, co.name AS community FROM grid g JOIN community co ON co.id = g.community_id "
        f"WHERE g.deleted = 0 AND {where} ORDER BY co.name, length(g.name), g.name"
    ).bindparams(*binds)
    return [GridName(r.id, r.name, r.community) for r in conn.execute(stmt, params)]


def last_walk_by_grid(conn: Connection, grid_ids: Sequence[str] | None, until: date) -> dict[str, date]:
    """The latest walk date on or before `until` of each grid that has one."""
    params: dict[str, object] = {"until": until.isoformat()}
    where, binds = _grid_filter(grid_ids, "wg.grid_id", params)
    stmt = text(
        "SELECT wg.grid_id, max(w.walk_date) AS last FROM walkgrid wg JOIN nightwalk w ON w.id = wg.walk_id "
        f"WHERE wg.deleted = 0 AND w.deleted = 0 AND w.walk_date <= :until AND {where} GROUP BY wg.grid_id"
    ).bindparams(*binds)
    return {r.grid_id: _day(r.last) for r in conn.execute(stmt, params)}  # type: ignore[misc]


def walk_dates_by_grid(
    conn: Connection, grid_ids: Sequence[str] | None, first: date, last: date
) -> list[tuple[str, date]]:
    """(grid, walk date) for every walk between `first` and `last` inclusive."""
    params: dict[str, object] = {"first": first.isoformat(), "last": last.isoformat()}
    where, binds = _grid_filter(grid_ids, "wg.grid_id", params)
    stmt = text(
        "SELECT wg.grid_id, w.walk_date FROM walkgrid wg JOIN nightwalk w ON w.id = wg.walk_id "
        "WHERE wg.deleted = 0 AND w.deleted = 0 AND w.walk_date BETWEEN :first AND :last "
        f"AND {where} ORDER BY w.walk_date"
    ).bindparams(*binds)
    return [(r.grid_id, _day(r.walk_date)) for r in conn.execute(stmt, params)]  # type: ignore[misc]


@dataclass(frozen=True)
class WalkRow:
    id: str
    walk_date: date
    start_time: str
    end_time: str
    leader: str
    grids: tuple[str, ...]  # grid names
    findings: int
    unsettled: int
    problems: int  # unsettled findings already turned into problems


def walks_between(conn: Connection, grid_ids: Sequence[str] | None, first: date, last: date) -> list[WalkRow]:
    """Walks between two dates (inclusive) that covered a grid in scope, newest first."""
    params: dict[str, object] = {"first": first.isoformat(), "last": last.isoformat()}
    where, binds = _grid_filter(grid_ids, "x.grid_id", params)
    stmt = text(
        "SELECT w.id, w.walk_date, w.start_time, w.end_time, w.leader, "
        " (SELECT group_concat(name, '、') FROM (SELECT g.name FROM walkgrid wg JOIN grid g ON g.id = wg.grid_id "
        "   WHERE wg.walk_id = w.id AND wg.deleted = 0 ORDER BY length(g.name), g.name)) AS grid_names, "
        " (SELECT count(*) FROM finding f WHERE f.walk_id = w.id AND f.deleted = 0) AS findings, "
        " (SELECT count(*) FROM finding f WHERE f.walk_id = w.id AND f.deleted = 0 AND f.settled = 0) AS unsettled, "
        " (SELECT count(*) FROM finding f JOIN listitem li ON li.finding_id = f.id AND li.deleted = 0 "
        "   WHERE f.walk_id = w.id AND f.deleted = 0) AS problems "
        "FROM nightwalk w WHERE w.deleted = 0 AND w.walk_date BETWEEN :first AND :last "
        f"AND EXISTS (SELECT 1 FROM walkgrid x WHERE x.walk_id = w.id AND x.deleted = 0 AND {where}) "
        "ORDER BY w.walk_date DESC, w.start_time DESC, w.id"
    ).bindparams(*binds)
    return [
        WalkRow(r.id, _day(r.walk_date), r.start_time, r.end_time, r.leader,  # type: ignore[arg-type]
                tuple((r.grid_names or "").split("、")) if r.grid_names else (), r.findings, r.unsettled, r.problems)
        for r in conn.execute(stmt, params)
    ]


@dataclass(frozen=True)
class WalkHead:
    id: str
    walk_date: date
    start_time: str
    end_time: str
    leader: str
    route: str
    notes: str


def walk(conn: Connection, walk_id: str) -> WalkHead | None:
    r = conn.execute(
        text("SELECT id, walk_date, start_time, end_time, leader, route, notes FROM nightwalk "
             "WHERE id = :id AND deleted = 0"), {"id": walk_id}
    ).first()
    if r is None:
        return None
    return WalkHead(r.id, _day(r.walk_date), r.start_time, r.end_time, r.leader,  # type: ignore[arg-type]
                    r.route or "", r.notes or "")


def walk_grids(conn: Connection, walk_id: str) -> list[GridName]:
    return [
        GridName(r.id, r.name, r.community)
        for r in conn.execute(
            text("SELECT g.id, g.name, co.name AS community FROM walkgrid wg JOIN grid g ON g.id = wg.grid_id "
                 "JOIN community co ON co.id = g.community_id WHERE wg.walk_id = :w AND wg.deleted = 0 "
                 "ORDER BY co.name, length(g.name), g.name"), {"w": walk_id})
    ]


def participants(conn: Connection, walk_id: str) -> list[tuple[str, str]]:
    """(party, name) in the order entered (rowid: local insertion order; good enough for display)."""
    return [
        (r.party, r.name)
        for r in conn.execute(
            text("SELECT party, name FROM walkparticipant WHERE walk_id = :w AND deleted = 0 "
                 "ORDER BY CASE party WHEN 'cadre' THEN 0 WHEN 'property' THEN 1 WHEN 'hoa' THEN 2 ELSE 3 END, "
                 "name"), {"w": walk_id})
    ]


@dataclass(frozen=True)
class FindingRow:
    id: str
    walk_id: str
    grid_id: str | None
    compound_id: str | None
    place: str  # compound, building and free text, as one line
    category: str
    severity: str
    note: str
    settled: bool
    problem_id: str | None
    problem_status: str | None


_FINDING_SQL = (
    "SELECT f.id, f.walk_id, f.grid_id, f.compound_id, f.place, f.category, f.severity, f.note, f.settled, "
    " c.name AS compound, b.name AS building, li.id AS problem_id, li.status AS problem_status "
    "FROM finding f LEFT JOIN compound c ON c.id = f.compound_id LEFT JOIN building b ON b.id = f.building_id "
    "LEFT JOIN listitem li ON li.finding_id = f.id AND li.deleted = 0 "
)


def _finding(r) -> FindingRow:  # type: ignore[no-untyped-def]
    place = join_place(r.compound, r.building, r.place)
    return FindingRow(r.id, r.walk_id, r.grid_id, r.compound_id, place, r.category, r.severity, r.note or "",
                      bool(r.settled), r.problem_id, r.problem_status)


def findings(conn: Connection, walk_id: str) -> list[FindingRow]:
    return [
        _finding(r)
        for r in conn.execute(
            text(_FINDING_SQL + "WHERE f.walk_id = :w AND f.deleted = 0 ORDER BY f.position, f.id"), {"w": walk_id})
    ]


def finding(conn: Connection, finding_id: str) -> FindingRow | None:
    r = conn.execute(text(_FINDING_SQL + "WHERE f.id = :id AND f.deleted = 0"), {"id": finding_id}).first()
    return None if r is None else _finding(r)


def next_position(conn: Connection, walk_id: str) -> int:
    return int(conn.execute(text("SELECT coalesce(max(position) + 1, 0) FROM finding WHERE walk_id = :w"),
                            {"w": walk_id}).scalar_one())


@dataclass(frozen=True)
class Place:
    """A compound, or a building of it, inside the grids in scope: what quick entry completes."""

    compound_id: str
    compound: str
    building_id: str | None
    building: str
    grid_id: str | None

    @property
    def label(self) -> str:
        return f"{self.compound}{self.building}"


def places(conn: Connection, grid_ids: Sequence[str] | None) -> list[Place]:
    params: dict[str, object] = {}
    where, binds = _grid_filter(grid_ids, "b.grid_id", params)
    stmt = text(
        "SELECT c.id AS cid, c.name AS compound, b.id AS bid, b.name AS building, b.grid_id "
        "FROM building b JOIN compound c ON c.id = b.compound_id "
        f"WHERE b.deleted = 0 AND c.deleted = 0 AND {where} "
        "ORDER BY c.name, length(b.name), b.name"
    ).bindparams(*binds)
    out: list[Place] = []
    seen: set[str] = set()
    for r in conn.execute(stmt, params):
        if r.cid not in seen:  # the compound itself first, in the first grid it has buildings in
            seen.add(r.cid)
            out.append(Place(r.cid, r.compound, None, "", r.grid_id))
        out.append(Place(r.cid, r.compound, r.bid, r.building, r.grid_id))
    return out


def cadre_names(conn: Connection) -> list[tuple[str, str]]:
    return [(r.id, r.name) for r in conn.execute(text("SELECT id, name FROM cadre WHERE deleted = 0 ORDER BY name"))]
