"""Queries for report figures: scopes, and the care records of a period."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, bindparam, text

from gridkeeper.store.care import REACHED


def communities(conn: Connection) -> list[tuple[str, str]]:
    return [(r.id, r.name) for r in conn.execute(text("SELECT id, name FROM community WHERE deleted = 0 ORDER BY name"))]


def grids(conn: Connection) -> list[tuple[str, str, str, str]]:
    """(grid id, grid name, grid code, community name) of every live grid."""
    return [(r.id, r.name, r.code or "", r.community) for r in conn.execute(text(
        "SELECT g.id, g.name, g.code, c.name AS community FROM grid g JOIN community c ON c.id = g.community_id "
        "WHERE g.deleted = 0 ORDER BY c.name, length(g.name), g.name"))]


def cadres_with_grids(conn: Connection) -> list[tuple[str, str, str]]:
    """(cadre id, cadre name, grid id) of every live assignment; cadres without a grid with grid ''."""
    return [(r.id, r.name, r.grid_id or "") for r in conn.execute(text(
        "SELECT c.id, c.name, a.grid_id FROM cadre c LEFT JOIN assignment a ON a.cadre_id = c.id AND a.deleted = 0 "
        "WHERE c.deleted = 0 ORDER BY c.name, c.id"))]


def grids_of_community(conn: Connection, community_id: str) -> list[str]:
    return list(conn.execute(text("SELECT id FROM grid WHERE community_id = :c AND deleted = 0 ORDER BY id"),
                             {"c": community_id}).scalars())


def _scoped(sql: str, grid_ids: list[str] | None, params: dict[str, Any], tail: str = "") -> Any:
    """Add the grid filter (on alias b, the building) when the scope is not everything, then `tail`."""
    if grid_ids is None:
        return text(f"{sql} {tail}"), params
    stmt = text(f"{sql} AND b.grid_id IN :grids {tail}").bindparams(bindparam("grids", expanding=True))
    return stmt, {**params, "grids": list(grid_ids) or [""]}


def care_plans(conn: Connection, first: str, last: str, grid_ids: list[str] | None) -> list[Any]:
    """Plans running at some time in [first, last] for households in scope (persons not deleted)."""
    stmt, params = _scoped(
        "SELECT p.id, p.household_id, p.person_id, p.frequency, p.interval_days, p.start_date, p.end_date, "
        "coalesce(pe.name, '') AS name, coalesce(pe.status, 'active') AS status, "
        "c.name AS compound, b.name AS building, h.unit, h.room, coalesce(g.name, '') AS grid, "
        "coalesce(ca.name, '') AS cadre, p.cadre_id, coalesce(v.name, '') AS volunteer, b.grid_id, "
        "(SELECT hp.name FROM person hp WHERE hp.household_id = p.household_id AND hp.deleted = 0 "
        " ORDER BY hp.relation_to_head = '户主' DESC, hp.birth_date LIMIT 1) AS head "
        "FROM careplan p JOIN household h ON h.id = p.household_id JOIN building b ON b.id = h.building_id "
        "JOIN compound c ON c.id = b.compound_id LEFT JOIN grid g ON g.id = b.grid_id "
        "LEFT JOIN person pe ON pe.id = p.person_id LEFT JOIN cadre ca ON ca.id = p.cadre_id "
        "LEFT JOIN volunteer v ON v.id = p.volunteer_id "
        "WHERE p.deleted = 0 AND p.start_date <= :last AND (p.end_date IS NULL OR p.end_date >= :first) "
        "AND (pe.id IS NULL OR pe.deleted = 0)",
        grid_ids, {"first": first, "last": last})
    return list(conn.execute(stmt, params))


def contacts_between(conn: Connection, first: str, last: str, grid_ids: list[str] | None) -> list[tuple[Any, ...]]:
    """(person id, household id, day, outcome) of every contact in [first, last] in scope, oldest first."""
    stmt, params = _scoped(
        "SELECT c.person_id, c.household_id, c.contact_date, c.outcome FROM contactlog c "
        "JOIN household h ON h.id = c.household_id JOIN building b ON b.id = h.building_id "
        "WHERE c.deleted = 0 AND c.contact_date BETWEEN :first AND :last",
        grid_ids, {"first": first, "last": last}, "ORDER BY c.contacted_at")
    return list(conn.execute(stmt, params))


def before(conn: Connection, column: str, keys: list[str], first: str) -> dict[str, tuple[str | None, list[str]]]:
    """Per key (person or household id): the last day before `first` with a contact that reached the
    person, and the outcomes of the two newest contacts before `first` (newest first)."""
    if not keys:
        return {}
    reached = ", ".join(f"'{o}'" for o in REACHED)
    newest = (f"SELECT {{col}} FROM contactlog WHERE {column} = k.value AND deleted = 0 AND contact_date < :first "
              f"{{extra}}ORDER BY contacted_at DESC LIMIT 1{{offset}}")
    stmt = text(
        "SELECT k.value, "
        f"({newest.format(col='contact_date', extra=f'AND outcome IN ({reached}) ', offset='')}), "
        f"({newest.format(col='outcome', extra='', offset='')}), "
        f"({newest.format(col='outcome', extra='', offset=' OFFSET 1')}) FROM json_each(:keys) AS k")
    return {k: (d, [o for o in (o1, o2) if o]) for k, d, o1, o2 in
            conn.execute(stmt, {"keys": json.dumps(keys), "first": first})}


def services_by_type(conn: Connection, first: str, last: str, grid_ids: list[str] | None) -> dict[str, int]:
    stmt, params = _scoped(
        "SELECT s.service_type AS kind, count(*) AS n FROM servicerecord s JOIN household h ON h.id = s.household_id "
        "JOIN building b ON b.id = h.building_id WHERE s.deleted = 0 AND s.served_on BETWEEN :first AND :last",
        grid_ids, {"first": first, "last": last}, "GROUP BY s.service_type")
    return {r.kind: r.n for r in conn.execute(stmt, params)}


def _case_scope(grid_ids: list[str] | None) -> tuple[str, dict[str, Any]]:
    """Cases in scope: their compound has a building in the grids (every case when no scope)."""
    if grid_ids is None:
        return "", {}
    return (" AND c.compound_id IN (SELECT b.compound_id FROM building b WHERE b.grid_id IN :grids)",
            {"grids": list(grid_ids) or [""]})


def mediation_cases(conn: Connection, first: str, last: str, grid_ids: list[str] | None) -> list[Any]:
    """Cases received by `last` that were not archived before `first`, with their parties and compound."""
    where, params = _case_scope(grid_ids)
    stmt = text(
        "SELECT c.id, c.number, c.received_on, c.source, c.category, c.summary, c.mediators, c.next_visit_due, "
        "coalesce(co.name, '') AS compound, "
        "(SELECT group_concat(p.name, '、') FROM mediationparty p WHERE p.case_id = c.id AND p.deleted = 0) AS parties "
        "FROM mediationcase c LEFT JOIN compound co ON co.id = c.compound_id "
        "WHERE c.deleted = 0 AND c.received_on <= :last AND NOT EXISTS (SELECT 1 FROM mediationstatuschange s "
        "  WHERE s.case_id = c.id AND s.deleted = 0 AND s.to_status = 'archived' AND s.changed_at < :first)"
        + where + " ORDER BY c.received_on, c.number")
    if grid_ids is not None:
        stmt = stmt.bindparams(bindparam("grids", expanding=True))
    return list(conn.execute(stmt, {"first": first, "last": last, **params}))


def mediation_steps(conn: Connection, case_ids: list[str], until: str) -> list[Any]:
    """(case, when, to status) of every status change up to `until` (exclusive), in order."""
    if not case_ids:
        return []
    stmt = text("SELECT case_id, changed_at, to_status FROM mediationstatuschange WHERE deleted = 0 "
                "AND changed_at < :until AND case_id IN (SELECT value FROM json_each(:ids)) "
                "ORDER BY changed_at, id")
    return list(conn.execute(stmt, {"until": until, "ids": json.dumps(case_ids)}))


def return_visits(conn: Connection, case_ids: list[str], first: str, last: str) -> list[Any]:
    if not case_ids:
        return []
    stmt = text("SELECT case_id, visited_on FROM returnvisit WHERE deleted = 0 AND visited_on BETWEEN :first "
                "AND :last AND case_id IN (SELECT value FROM json_each(:ids))")
    return list(conn.execute(stmt, {"first": first, "last": last, "ids": json.dumps(case_ids)}))
