"""Cadres, grids and who uses this laptop.

A cadre holds a grid for a stint (assignment: start_date, end_date, both days
included; either may be open). "The grids a cadre holds" are always as of a
day the caller passes in (the store does not read the clock): the stints that
have begun by that day and not ended before it. Stints before and after stay
readable as the cadre's history (`stints`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, text


@dataclass(frozen=True)
class GridRow:
    id: str
    name: str
    community: str


@dataclass(frozen=True)
class CadreRow:
    id: str
    name: str
    role: str
    grids: tuple[GridRow, ...]  # held on the day asked about
    community: str = ""  # the community the cadre belongs to, if the data says


@dataclass(frozen=True)
class Stint:
    """One stint of a cadre in a grid: a row of their history."""

    assignment_id: str
    grid: GridRow
    start: date | None
    end: date | None

    def held_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or self.end >= day)


#: A stint counts on :day when it has begun (or has no start: rows made before dates were kept)
#: and has not ended before it. Dates are ISO text, so text comparison is date comparison.
_HELD_ON = "(a.start_date IS NULL OR a.start_date <= :day) AND (a.end_date IS NULL OR a.end_date >= :day)"

_GRID_ORDER = "ORDER BY co.name, length(g.name), g.name"


def _grids_by_cadre(conn: Connection, today: date, cadre_id: str | None = None) -> dict[str, list[GridRow]]:
    """The grids each cadre holds on `today` (one cadre's only, if given)."""
    params: dict[str, object] = {"day": today.isoformat()}
    one = ""
    if cadre_id is not None:
        params["c"] = cadre_id
        one = "AND a.cadre_id = :c "
    out: dict[str, list[GridRow]] = {}
    seen: set[tuple[str, str]] = set()  # two overlapping stints in one grid list it once
    for r in conn.execute(
        text(
            "SELECT a.cadre_id, g.id, g.name, co.name AS community FROM assignment a "
            "JOIN grid g ON g.id = a.grid_id JOIN community co ON co.id = g.community_id "
            f"WHERE a.deleted = 0 AND g.deleted = 0 AND {_HELD_ON} {one}{_GRID_ORDER}"
        ),
        params,
    ):
        if (r.cadre_id, r.id) not in seen:
            seen.add((r.cadre_id, r.id))
            out.setdefault(r.cadre_id, []).append(GridRow(r.id, r.name, r.community))
    return out


_CADRE_SELECT = (
    "SELECT c.id, c.name, c.role, co.name AS community FROM cadre c "
    "LEFT JOIN community co ON co.id = c.community_id AND co.deleted = 0 "
)


def all_cadres(conn: Connection, today: date) -> list[CadreRow]:
    grids = _grids_by_cadre(conn, today)
    return [
        CadreRow(r.id, r.name, r.role or "", tuple(grids.get(r.id, [])), r.community or "")
        for r in conn.execute(text(_CADRE_SELECT + "WHERE c.deleted = 0 ORDER BY c.name, c.id"))
    ]


def cadre(conn: Connection, cadre_id: str, today: date) -> CadreRow | None:
    r = conn.execute(text(_CADRE_SELECT + "WHERE c.id = :id AND c.deleted = 0"), {"id": cadre_id}).first()
    if r is None:
        return None
    grids = _grids_by_cadre(conn, today, cadre_id).get(r.id, [])
    return CadreRow(r.id, r.name, r.role or "", tuple(grids), r.community or "")


def stints(conn: Connection, cadre_id: str) -> list[Stint]:
    """Every live stint of a cadre, past, current and future, oldest first (open starts first)."""
    return [
        Stint(r.id, GridRow(r.grid_id, r.name, r.community),
              date.fromisoformat(r.start_date) if r.start_date else None,
              date.fromisoformat(r.end_date) if r.end_date else None)
        for r in conn.execute(
            text(
                "SELECT a.id, a.start_date, a.end_date, g.id AS grid_id, g.name, co.name AS community "
                "FROM assignment a JOIN grid g ON g.id = a.grid_id JOIN community co ON co.id = g.community_id "
                "WHERE a.cadre_id = :c AND a.deleted = 0 AND g.deleted = 0 "
                "ORDER BY a.start_date IS NOT NULL, a.start_date, co.name, length(g.name), g.name"
            ),
            {"c": cadre_id},
        )
    ]


def all_grids(conn: Connection) -> list[GridRow]:
    """Every live grid of the street, by community (what a new cadre chooses from)."""
    return [
        GridRow(r.id, r.name, r.community)
        for r in conn.execute(
            text(
                "SELECT g.id, g.name, co.name AS community FROM grid g JOIN community co ON co.id = g.community_id "
                f"WHERE g.deleted = 0 AND co.deleted = 0 {_GRID_ORDER}"
            )
        )
    ]


def find_by_name(conn: Connection, name: str) -> list[str]:
    return list(
        conn.execute(
            text("SELECT id FROM cadre WHERE name = :n AND deleted = 0 ORDER BY id"), {"n": name}
        ).scalars()
    )
