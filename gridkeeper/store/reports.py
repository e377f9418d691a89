"""Queries for report figures: scopes, and the care records of a period."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlalchemy import Connection, bindparam, text

from gridkeeper.store.care import REACHED, live


def communities(conn: Connection) -> list[tuple[str, str]]:
    return [(r.id, r.name) for r in conn.execute(text("SELECT id, name FROM community WHERE deleted = 0 ORDER BY name"))]


def grids(conn: Connection) -> list[tuple[str, str, str, str]]:
    """(grid id, grid name, grid code, community name) of every live grid."""
    return [(r.id, r.name, r.code or "", r.community) for r in conn.execute(text(
        "SELECT g.id, g.name, g.code, c.name AS community FROM grid g JOIN community c ON c.id = g.community_id "
        "WHERE g.deleted = 0 ORDER BY c.name, length(g.name), g.name"))]


def cadres_with_grids(conn: Connection, first: date, last: date) -> list[tuple[str, str, str]]:
    """(cadre id, cadre name, grid id) of every grid a cadre held on some day from `first` to `last` (a stint
    that ended before, or began after, belongs to another period); cadres without one with grid ''."""
    return [(r.id, r.name, r.grid_id or "") for r in conn.execute(text(
        "SELECT DISTINCT c.id, c.name, a.grid_id FROM cadre c LEFT JOIN assignment a ON a.cadre_id = c.id "
        "AND a.deleted = 0 AND (a.start_date IS NULL OR a.start_date <= :last) "
        "AND (a.end_date IS NULL OR a.end_date >= :first) "
        "WHERE c.deleted = 0 ORDER BY c.name, c.id, a.grid_id"), {"first": first.isoformat(), "last": last.isoformat()})]


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
        "coalesce(pe.name, '') AS name, coalesce(pe.status, 'active') AS status, coalesce(pe.phones, '[]') AS phones, "
        "c.name AS compound, b.name AS building, h.unit, h.room, coalesce((SELECT gc.name FROM community gc WHERE gc.id = g.community_id) || g.name, '') AS grid, "
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
    """(person id, household id, day, outcome) of every contact in [first, last] in scope, oldest first.

    Read with the DB-API cursor: a street's month is 50,000 rows, and SQLAlchemy's row objects
    cost more than the query."""
    where, params = _grid_filter("b.grid_id", grid_ids)
    sql = ("SELECT c.person_id, c.household_id, c.contact_date, c.outcome FROM contactlog c "
           "JOIN household h ON h.id = c.household_id JOIN building b ON b.id = h.building_id "
           f"WHERE {live('c')} AND c.contact_date BETWEEN :first AND :last" + where + " ORDER BY c.contacted_at")
    raw = conn.connection.driver_connection
    return raw.execute(sql, {"first": first, "last": last, **params}).fetchall()


def before(conn: Connection, column: str, keys: list[str], first: str) -> dict[str, tuple[str | None, list[str]]]:
    """Per key (person or household id): the last day before `first` with a contact that reached the
    person, and the outcomes of the two newest contacts before `first` (newest first)."""
    if not keys:
        return {}
    reached = ", ".join(f"'{o}'" for o in REACHED)
    newest = (f"SELECT {{col}} FROM contactlog WHERE {column} = k.value AND {live()} AND contact_date < :first "
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
    from gridkeeper.store.mediation import CASE_SCOPE

    return (" AND " + CASE_SCOPE, {"grids": list(grid_ids) or [""]})


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


def _grid_filter(column: str, grid_ids: list[str] | None) -> tuple[str, dict[str, Any]]:
    if grid_ids is None:
        return "", {}
    return f" AND {column} IN (SELECT value FROM json_each(:grids))", {"grids": json.dumps(list(grid_ids))}


def walk_grid_dates(conn: Connection, first: str, last: str, grid_ids: list[str] | None) -> list[Any]:
    """(grid id, walk date) of every walk in [first, last] per grid it covered."""
    where, params = _grid_filter("wg.grid_id", grid_ids)
    return list(conn.execute(text(
        "SELECT wg.grid_id, w.walk_date FROM nightwalk w JOIN walkgrid wg ON wg.walk_id = w.id AND wg.deleted = 0 "
        "WHERE w.deleted = 0 AND w.walk_date BETWEEN :first AND :last" + where), {"first": first, "last": last, **params}))


def walks(conn: Connection, first: str, last: str, grid_ids: list[str] | None) -> list[Any]:
    """Walks in [first, last] covering a grid in scope, with their grids, party count and findings."""
    where, params = _grid_filter("wg.grid_id", grid_ids)
    return list(conn.execute(text(
        "SELECT w.id, w.walk_date, w.start_time, w.end_time, w.leader, w.leader_cadre_id, coalesce(w.route, '') AS route, "
        "(SELECT group_concat(c.name || g.name, '、') FROM walkgrid x JOIN grid g ON g.id = x.grid_id "
        "  JOIN community c ON c.id = g.community_id WHERE x.walk_id = w.id AND x.deleted = 0) AS grids, "
        "(SELECT count(*) FROM walkparticipant p WHERE p.walk_id = w.id AND p.deleted = 0) AS people, "
        "(SELECT group_concat(DISTINCT p.cadre_id) FROM walkparticipant p WHERE p.walk_id = w.id AND p.deleted = 0 "
        "  AND p.cadre_id IS NOT NULL) AS cadres, "
        "(SELECT count(*) FROM finding f WHERE f.walk_id = w.id AND f.deleted = 0) AS findings "
        "FROM nightwalk w WHERE w.deleted = 0 AND w.walk_date BETWEEN :first AND :last AND EXISTS "
        "(SELECT 1 FROM walkgrid wg WHERE wg.walk_id = w.id AND wg.deleted = 0" + where + ") "
        "ORDER BY w.walk_date, w.start_time"), {"first": first, "last": last, **params}))


def findings(conn: Connection, first: str, last: str, grid_ids: list[str] | None) -> list[Any]:
    """Findings of walks in [first, last] in scope, with the problem made of each, if any."""
    where, params = _grid_filter("coalesce(f.grid_id, (SELECT min(wg.grid_id) FROM walkgrid wg "
                                 "WHERE wg.walk_id = w.id))", grid_ids)
    return list(conn.execute(text(
        "SELECT f.id, w.id AS walk_id, w.walk_date, coalesce((SELECT gc.name FROM community gc WHERE gc.id = g.community_id) || g.name, '') AS grid, "
        "coalesce(f.grid_id, (SELECT min(wg.grid_id) FROM walkgrid wg WHERE wg.walk_id = w.id), '') AS grid_id, "
        "coalesce(co.name, '') || coalesce(b.name, '') || CASE WHEN f.place != '' AND (co.name IS NOT NULL "
        "  OR b.name IS NOT NULL) THEN ' ' ELSE '' END || f.place AS place, "
        "f.category, f.severity, f.note, f.settled, "
        "(SELECT li.status FROM listitem li WHERE li.finding_id = f.id AND li.deleted = 0) AS problem_status "
        "FROM finding f JOIN nightwalk w ON w.id = f.walk_id LEFT JOIN grid g ON g.id = f.grid_id "
        "LEFT JOIN compound co ON co.id = f.compound_id LEFT JOIN building b ON b.id = f.building_id "
        "WHERE f.deleted = 0 AND w.deleted = 0 AND w.walk_date BETWEEN :first AND :last" + where +
        " ORDER BY w.walk_date, f.position"), {"first": first, "last": last, **params}))


def list_items(conn: Connection, first: str, last: str, grid_ids: list[str] | None) -> list[Any]:
    """Items opened by `last` and not closed before `first`, in scope (by the item's or its household's grid)."""
    where, params = _grid_filter("coalesce(li.grid_id, hb.grid_id)", grid_ids)
    return list(conn.execute(text(
        "SELECT li.id, li.kind, li.title, li.source, li.category, li.owner_party, "
        "coalesce(nullif(li.owner_name, ''), CASE WHEN li.owner_party = 'property' THEN c.property_company END, '') "
        "  AS owner_name, coalesce(li.claimant, '') AS claimant, li.due_date, li.opened_on, li.closed_on, "
        "li.escalation_level, coalesce(li.satisfaction, '') AS satisfaction, "
        "coalesce(c.name, hc.name, '') || coalesce(hb.name || CASE WHEN h.unit != '' THEN h.unit || '单元' ELSE '' END "
        "  || h.room, '') AS place, coalesce(li.grid_id, hb.grid_id) AS grid_id "
        "FROM listitem li LEFT JOIN compound c ON c.id = li.compound_id "
        "LEFT JOIN household h ON h.id = li.household_id LEFT JOIN building hb ON hb.id = h.building_id "
        "LEFT JOIN compound hc ON hc.id = hb.compound_id "
        "WHERE li.deleted = 0 AND li.opened_on <= :last AND (li.closed_on IS NULL OR li.closed_on >= :first)" + where +
        " ORDER BY li.opened_on, li.id"), {"first": first, "last": last, **params}))


def list_steps(conn: Connection, item_ids: list[str], until: str) -> list[Any]:
    """(item, at, to status, by) of every status change before `until`, oldest first."""
    if not item_ids:
        return []
    return list(conn.execute(text(
        "SELECT item_id, at, to_status, by FROM listitemhistory WHERE deleted = 0 AND at < :until "
        "AND item_id IN (SELECT value FROM json_each(:ids)) ORDER BY at, id"),
        {"until": until, "ids": json.dumps(item_ids)}))


def escalations(conn: Connection, item_ids: list[str], until: str) -> list[Any]:
    if not item_ids:
        return []
    return list(conn.execute(text(
        "SELECT item_id, at, from_level, to_level, by, coalesce(reason, '') AS reason FROM escalation "
        "WHERE deleted = 0 AND at < :until AND item_id IN (SELECT value FROM json_each(:ids)) ORDER BY at, id"),
        {"until": until, "ids": json.dumps(item_ids)}))


def contacts_count(conn: Connection, first: str, last: str, grid_ids: list[str] | None) -> int:
    """Contacts in [first, last] in scope, attempts included."""
    where, params = _grid_filter("b.grid_id", grid_ids)
    return conn.execute(text(
        "SELECT count(*) FROM contactlog c JOIN household h ON h.id = c.household_id "
        f"JOIN building b ON b.id = h.building_id WHERE {live('c')} AND c.contact_date BETWEEN :first AND :last"
        + where), {"first": first, "last": last, **params}).scalar_one()


_REACHED_SQL = ", ".join(f"'{o}'" for o in REACHED)


def reached_day_counts(conn: Connection, column: str, windows: list[tuple[str, str]], last: str) -> dict[str, int]:
    """Per key (person or household id) and its window's first day: the distinct days up to `last`
    with a contact that reached the person. Counted by SQLite over the key's index entries."""
    if not windows:
        return {}
    sql = (f"SELECT k.value ->> 0, (SELECT count(DISTINCT c.contact_date) FROM contactlog c "
           f"WHERE c.{column} = k.value ->> 0 AND {live('c')} AND c.outcome IN ({_REACHED_SQL}) "
           f"AND c.contact_date BETWEEN k.value ->> 1 AND :last) FROM json_each(:windows) AS k")
    raw = conn.connection.driver_connection
    return dict(raw.execute(sql, {"windows": json.dumps(windows), "last": last}).fetchall())


def reached_days(conn: Connection, column: str, keys: list[str], first: str, last: str) -> dict[str, set[str]]:
    """Per key: the days in [first, last] with a contact that reached the person."""
    if not keys:
        return {}
    sql = (f"SELECT DISTINCT c.{column}, c.contact_date FROM json_each(:keys) AS k JOIN contactlog c "
           f"ON c.{column} = k.value WHERE {live('c')} AND c.outcome IN ({_REACHED_SQL}) "
           f"AND c.contact_date BETWEEN :first AND :last")
    out: dict[str, set[str]] = {}
    raw = conn.connection.driver_connection
    for key, day in raw.execute(sql, {"keys": json.dumps(keys), "first": first, "last": last}).fetchall():
        out.setdefault(key, set()).add(day)
    return out
