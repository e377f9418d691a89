"""Writes and lookups for editing household members (persons, tags)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Connection, text

from gridkeeper.store import searchkeys


def matches(conn: Connection, id_number: str | None, name: str, birth: date | None) -> list[tuple[Any, ...]]:
    """(id, name, birth date, household, address, status, by) of persons this may be."""
    rows = conn.execute(text(
        "SELECT p.id, p.name, p.birth_date, p.household_id, c.name AS compound, b.name AS building, h.unit, h.room, "
        "p.status, CASE WHEN p.id_number = :num THEN 'id_number' ELSE 'name_birth' END AS by "
        "FROM person p LEFT JOIN household h ON h.id = p.household_id "
        "LEFT JOIN building b ON b.id = h.building_id LEFT JOIN compound c ON c.id = b.compound_id "
        "WHERE p.deleted = 0 AND ((:num IS NOT NULL AND p.id_number = :num) "
        "OR (:birth IS NOT NULL AND p.name = :name AND p.birth_date = :birth)) "
        "ORDER BY by = 'id_number' DESC, p.name"
    ), {"num": id_number, "name": name, "birth": birth.isoformat() if birth else None})
    return [
        (r.id, r.name, date.fromisoformat(r.birth_date) if r.birth_date else None, r.household_id,
         searchkeys.address(r.compound, r.building, r.unit, r.room) if r.room else "", r.status, r.by)
        for r in rows
    ]


def exists(conn: Connection, person_id: str) -> bool:
    return conn.execute(text("SELECT 1 FROM person WHERE id = :id"), {"id": person_id}).first() is not None


def id_number(conn: Connection, person_id: str) -> str | None:
    return conn.execute(text("SELECT id_number FROM person WHERE id = :id"), {"id": person_id}).scalar()


def insert_person(conn: Connection, values: dict[str, Any]) -> None:
    cols = list(values)
    conn.execute(text(f"INSERT INTO person ({', '.join(cols)}) VALUES ({', '.join(':' + c for c in cols)})"), values)


def _update(conn: Connection, table: str, row_id: str, values: dict[str, Any]) -> None:
    sets = ", ".join(f"{c} = :{c}" for c in values)
    conn.execute(text(f"UPDATE {table} SET {sets} WHERE id = :id"), {**values, "id": row_id})


def update_person(conn: Connection, person_id: str, values: dict[str, Any]) -> None:
    _update(conn, "person", person_id, values)


def update_household(conn: Connection, household_id: str, values: dict[str, Any]) -> None:
    _update(conn, "household", household_id, values)


def ensure_tag(conn: Connection, tag_id: str, name: str, sensitive: bool) -> None:
    conn.execute(text(
        "INSERT INTO tag (id, deleted, name, sensitive) VALUES (:id, 0, :name, :s) "
        "ON CONFLICT(id) DO UPDATE SET deleted = 0 WHERE deleted = 1"
    ), {"id": tag_id, "name": name, "s": int(sensitive)})


def upsert_person_tag(conn: Connection, row_id: str, person_id: str, tag_id: str, detail: str | None) -> None:
    conn.execute(text(
        "INSERT INTO persontag (id, deleted, person_id, tag_id, detail) VALUES (:id, 0, :p, :t, :d) "
        "ON CONFLICT(id) DO UPDATE SET deleted = 0, detail = excluded.detail"
    ), {"id": row_id, "p": person_id, "t": tag_id, "d": detail})


def tombstone_person_tag(conn: Connection, row_id: str) -> None:
    conn.execute(text("UPDATE persontag SET deleted = 1 WHERE id = :id AND deleted = 0"), {"id": row_id})


def tags(conn: Connection) -> list[tuple[str, bool]]:
    return [(r.name, bool(r.sensitive)) for r in conn.execute(
        text("SELECT name, sensitive FROM tag WHERE deleted = 0 ORDER BY name"))]
