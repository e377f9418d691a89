"""Raw material of a household's timeline: its care records and the logged changes of its rows."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, bindparam, text


def person_ids(conn: Connection, household_id: str) -> dict[str, str]:
    """{id: name} of everyone filed in the household, whatever their status."""
    return {r.id: r.name for r in conn.execute(
        text("SELECT id, name FROM person WHERE household_id = :h AND deleted = 0"), {"h": household_id})}


def person_tags(conn: Connection, person_ids: list[str]) -> dict[str, tuple[str, str]]:
    """{persontag id: (person id, tag name)}, tombstoned ones too (their removal is history)."""
    if not person_ids:
        return {}
    stmt = text("SELECT pt.id, pt.person_id, t.name FROM persontag pt JOIN tag t ON t.id = pt.tag_id "
                "WHERE pt.person_id IN :ids").bindparams(bindparam("ids", expanding=True))
    return {r.id: (r.person_id, r.name) for r in conn.execute(stmt, {"ids": person_ids})}


def changes(conn: Connection, table: str, row_ids: list[str]) -> list[Any]:
    """Logged changes (hlc, row, field, JSON value, the device that made it) of these rows, oldest first."""
    if not row_ids:
        return []
    stmt = text("SELECT hlc, row_id, field, value, device_id FROM change_log WHERE tbl = :t AND row_id IN :ids "
                "ORDER BY hlc").bindparams(bindparam("ids", expanding=True))
    return list(conn.execute(stmt, {"t": table, "ids": row_ids}))


def care_plans(conn: Connection, household_id: str) -> list[Any]:
    """(id, person_id, frequency, interval_days) of the household's care plans, ended ones too."""
    return list(conn.execute(text(
        "SELECT id, person_id, frequency, interval_days FROM careplan WHERE household_id = :h AND deleted = 0"),
        {"h": household_id}))


def reveals(conn: Connection, person_ids: list[str]) -> list[Any]:
    if not person_ids:
        return []
    stmt = text("SELECT a.at, a.row_id, a.field, coalesce(c.name, '') AS who FROM auditlog a "
                "LEFT JOIN cadre c ON c.id = a.cadre_id WHERE a.tbl = 'person' AND a.row_id IN :ids "
                "AND a.deleted = 0").bindparams(bindparam("ids", expanding=True))
    return list(conn.execute(stmt, {"ids": person_ids}))


def mediation_steps(conn: Connection, household_id: str, person_ids: list[str]) -> list[Any]:
    """Status changes of mediation cases with a party from this household (by household or person)."""
    stmt = text(
        "SELECT sc.changed_at, sc.to_status, c.number, c.category, "
        "(SELECT group_concat(p.name, '、') FROM mediationparty p WHERE p.case_id = c.id AND p.deleted = 0 "
        " AND (p.household_id = :h OR p.person_id IN :ids)) AS who "
        "FROM mediationstatuschange sc JOIN mediationcase c ON c.id = sc.case_id "
        "WHERE sc.deleted = 0 AND c.deleted = 0 AND c.id IN (SELECT p.case_id FROM mediationparty p "
        "WHERE p.deleted = 0 AND (p.household_id = :h OR p.person_id IN :ids))"
    ).bindparams(bindparam("ids", expanding=True))
    return list(conn.execute(stmt, {"h": household_id, "ids": person_ids or [""]}))


def list_steps(conn: Connection, household_id: str) -> list[Any]:
    """Status changes of list items (problems, needs, ...) that concern this household."""
    return list(conn.execute(text(
        "SELECT h.at, h.to_status, h.by, i.kind, i.title FROM listitemhistory h JOIN listitem i ON i.id = h.item_id "
        "WHERE i.household_id = :h AND i.deleted = 0 AND h.deleted = 0"), {"h": household_id}))


def building_names(conn: Connection, building_ids: list[str]) -> dict[str, tuple[str, str]]:
    """{building id: (compound, building)}, tombstoned ones too: an old address stays readable."""
    if not building_ids:
        return {}
    stmt = text("SELECT b.id, c.name AS compound, b.name AS building FROM building b "
                "JOIN compound c ON c.id = b.compound_id WHERE b.id IN :ids").bindparams(
                    bindparam("ids", expanding=True))
    return {r.id: (r.compound, r.building) for r in conn.execute(stmt, {"ids": building_ids})}
