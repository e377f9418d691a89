"""Cadres, grids and who uses this laptop."""

from __future__ import annotations

from dataclasses import dataclass

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
    grids: tuple[GridRow, ...]


def _grids_by_cadre(conn: Connection) -> dict[str, list[GridRow]]:
    out: dict[str, list[GridRow]] = {}
    for r in conn.execute(
        text(
            "SELECT a.cadre_id, g.id, g.name, co.name AS community FROM assignment a "
            "JOIN grid g ON g.id = a.grid_id JOIN community co ON co.id = g.community_id "
            "WHERE a.deleted = 0 AND g.deleted = 0 ORDER BY co.name, length(g.name), g.name"
        )
    ):
        out.setdefault(r.cadre_id, []).append(GridRow(r.id, r.name, r.community))
    return out


def all_cadres(conn: Connection) -> list[CadreRow]:
    grids = _grids_by_cadre(conn)
    return [
        CadreRow(r.id, r.name, r.role or "", tuple(grids.get(r.id, [])))
        for r in conn.execute(text("SELECT id, name, role FROM cadre WHERE deleted = 0 ORDER BY name, id"))
    ]


def cadre(conn: Connection, cadre_id: str) -> CadreRow | None:
    r = conn.execute(
        text("SELECT id, name, role FROM cadre WHERE id = :id AND deleted = 0"), {"id": cadre_id}
    ).first()
    if r is None:
        return None
    return CadreRow(r.id, r.name, r.role or "", tuple(_grids_by_cadre(conn).get(r.id, [])))


def find_by_name(conn: Connection, name: str) -> list[str]:
    return list(
        conn.execute(
            text("SELECT id FROM cadre WHERE name = :n AND deleted = 0 ORDER BY id"), {"n": name}
        ).scalars()
    )
