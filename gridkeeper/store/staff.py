"""Reads and writes of cadres and their stints in grids (assignment rows)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, text

from gridkeeper.store.street import insert, update


def cadres(conn: Connection) -> list[Any]:
    return list(conn.execute(text(
        "SELECT id, name, phone, role, community_id FROM cadre WHERE deleted = 0 ORDER BY name, id")))


def live(conn: Connection, table: str, row_id: str) -> bool:
    assert table in ("cadre", "grid")
    return conn.execute(text(f'SELECT 1 FROM "{table}" WHERE id = :id AND deleted = 0'),
                        {"id": row_id}).first() is not None


def stints(conn: Connection, cadre_id: str | None, grid_id: str | None) -> list[Any]:
    """Live stints with the cadre's name and role, oldest first."""
    return list(conn.execute(text(
        "SELECT a.id, a.cadre_id, c.name AS cadre, c.role, a.grid_id, a.start_date, a.end_date "
        "FROM assignment a JOIN cadre c ON c.id = a.cadre_id WHERE a.deleted = 0 "
        "AND (:c IS NULL OR a.cadre_id = :c) AND (:g IS NULL OR a.grid_id = :g) "
        "ORDER BY coalesce(a.start_date, ''), c.name"), {"c": cadre_id, "g": grid_id}))


def insert_cadre(conn: Connection, values: dict[str, Any]) -> None:
    insert(conn, "cadre", values)


def update_cadre(conn: Connection, cadre_id: str, values: dict[str, Any]) -> None:
    update(conn, "cadre", cadre_id, values)


def insert_stint(conn: Connection, values: dict[str, Any]) -> None:
    insert(conn, "assignment", values)


def update_stint(conn: Connection, stint_id: str, values: dict[str, Any]) -> None:
    update(conn, "assignment", stint_id, values)
