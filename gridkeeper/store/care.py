"""Care queries: plans in scope, their last contacts, volunteers; the writes of care records.

The Today list asks three things per plan: the plan, the newest contact that
reached the person (it moves the due date), and the two newest contacts of
any outcome (two "no answer" in a row raise an alert). Contacts are keyed by
person for a person's plan and by household for a whole household's plan;
the (person_id, contacted_at) and (household_id, contacted_at) indexes serve both.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, bindparam, text

#: Outcomes that count as having reached the person; the others are attempts.
REACHED = ("well", "needs_help", "in_hospital", "refused")
#: The outcome of a correcting row that says "this contact never happened" (recorded by mistake).
VOID = "void"


def live(alias: str = "contactlog") -> str:
    """SQL: the contact log row `alias` counts — not tombstoned, not a void correction, not corrected
    by a later row (migration 0012; its partial index makes the last test one probe)."""
    return (f"{alias}.deleted = 0 AND {alias}.outcome != '{VOID}' AND NOT EXISTS (SELECT 1 FROM contactlog cx "
            f"WHERE cx.corrects_id = {alias}.id AND cx.corrects_id IS NOT NULL AND cx.deleted = 0)")


@dataclass(frozen=True)
class PlanRow:
    id: str
    household_id: str
    person_id: str | None
    name: str  # the person's name, or the household head's for a household plan
    phones: str  # JSON list, unmasked: the use case masks it
    frequency: str
    interval_days: int | None
    start_date: date
    end_date: date | None
    cadre_id: str | None
    volunteer: str


@dataclass(frozen=True)
class ContactRow:
    id: str
    household_id: str
    person_id: str | None
    contact_date: date
    contacted_at: str
    method: str
    outcome: str
    note: str
    need: str
    by: str  # cadre or volunteer name
    corrects_id: str | None = None  # this row corrects that one
    correction_reason: str = ""


def _d(value: Any) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


_PLAN_COLUMNS = (
    "SELECT p.id, p.household_id, p.person_id, p.frequency, p.interval_days, p.start_date, p.end_date, "
    "p.cadre_id, coalesce(v.name, '') AS volunteer, "
    "coalesce(pe.name, (SELECT h2.name FROM person h2 WHERE h2.household_id = p.household_id "
    "  AND h2.deleted = 0 AND h2.status = 'active' ORDER BY h2.relation_to_head = '户主' DESC, "
    "  h2.birth_date LIMIT 1), '') AS name, "
    "coalesce(pe.phones, (SELECT h3.phones FROM person h3 WHERE h3.household_id = p.household_id "
    "  AND h3.deleted = 0 AND h3.status = 'active' AND h3.phones != '[]' "
    "  ORDER BY h3.relation_to_head = '户主' DESC LIMIT 1), '[]') AS phones "
)
_PLAN_FROM = (
    "FROM careplan p JOIN household h ON h.id = p.household_id AND h.deleted = 0 "
    "JOIN building b ON b.id = h.building_id "
)
#: For a cadre's grids: start from the grids' buildings (index on building.grid_id), then their
#: households and plans by index, instead of scanning every plan of the street.
_PLAN_FROM_GRIDS = (
    "FROM building b CROSS JOIN household h ON h.building_id = b.id AND h.deleted = 0 "
    "CROSS JOIN careplan p ON p.household_id = h.id "
)
_PLAN_JOINS = (
    "LEFT JOIN person pe ON pe.id = p.person_id "
    "LEFT JOIN volunteer v ON v.id = p.volunteer_id AND v.deleted = 0 "
)
_PLAN_SELECT = _PLAN_COLUMNS + _PLAN_FROM + _PLAN_JOINS


def _plan(r: Any) -> PlanRow:
    return PlanRow(
        id=r.id, household_id=r.household_id, person_id=r.person_id, name=r.name, phones=r.phones or "[]",
        frequency=r.frequency, interval_days=r.interval_days, start_date=_d(r.start_date) or date.min,
        end_date=_d(r.end_date), cadre_id=r.cadre_id, volunteer=r.volunteer,
    )


def active_plans(conn: Connection, day: date, grid_ids: list[str] | None, cadre_id: str | None) -> list[PlanRow]:
    """Plans running on `day` for persons still living there, in the grids (None: all)
    or assigned to the cadre by name on the plan."""
    where = (
        "WHERE p.deleted = 0 AND p.start_date <= :d AND (p.end_date IS NULL OR p.end_date >= :d) "
        "AND (p.person_id IS NULL OR (pe.deleted = 0 AND pe.status = 'active')) "
    )
    params: dict[str, Any] = {"d": day.isoformat()}
    if grid_ids is None:
        return [_plan(r) for r in conn.execute(text(_PLAN_SELECT + where), params)]
    in_grids = text(_PLAN_COLUMNS + _PLAN_FROM_GRIDS + _PLAN_JOINS + where + "AND b.grid_id IN :grids") \
        .bindparams(bindparam("grids", expanding=True))
    plans = {r.id: _plan(r) for r in conn.execute(in_grids, {**params, "grids": list(grid_ids) or [""]})}
    if cadre_id:  # plans naming the cadre in other grids (a cadre covering for a colleague)
        mine = text(_PLAN_SELECT + where + "AND p.cadre_id = :cadre")
        for r in conn.execute(mine, {**params, "cadre": cadre_id}):
            plans.setdefault(r.id, _plan(r))
    return list(plans.values())


def plans_of_household(conn: Connection, household_id: str) -> list[PlanRow]:
    stmt = text(_PLAN_SELECT + "WHERE p.deleted = 0 AND p.household_id = :h ORDER BY p.start_date")
    return [_plan(r) for r in conn.execute(stmt, {"h": household_id})]


def plan(conn: Connection, plan_id: str) -> PlanRow | None:
    r = conn.execute(text(_PLAN_SELECT + "WHERE p.id = :id"), {"id": plan_id}).first()
    return _plan(r) if r else None


def last_contacts(conn: Connection, column: str, keys: list[str], day: date
                  ) -> dict[str, tuple[date | None, list[str], date | None]]:
    """Per key (person or household id), up to the end of `day`: the date of the newest contact that
    reached the person, the outcomes of the two newest contacts of any kind, newest first, and the
    date of the newest contact of any kind (an attempt made today shows on the row).

    Each lookup walks the (key, contacted_at) index backwards and stops at the first match, so it
    reads one to a few rows per key however long the history is."""
    if not keys:
        return {}
    until = (day + timedelta(days=1)).isoformat()  # contacted_at is "YYYY-MM-DD HH:MM:SS.mmm"
    newest = (f"SELECT {{col}} FROM contactlog WHERE {column} = k.value AND {live()} AND contacted_at < :until "
              f"{{extra}}ORDER BY contacted_at DESC LIMIT 1{{offset}}")
    reached = ", ".join(f"'{o}'" for o in REACHED)
    stmt = text(
        "SELECT k.value AS k, "
        f"({newest.format(col='contact_date', extra=f'AND outcome IN ({reached}) ', offset='')}) AS reached, "
        f"({newest.format(col='outcome', extra='', offset='')}) AS o1, "
        f"({newest.format(col='outcome', extra='', offset=' OFFSET 1')}) AS o2, "
        f"({newest.format(col='contact_date', extra='', offset='')}) AS tried "
        "FROM json_each(:keys) AS k"
    )
    out = {}
    for r in conn.execute(stmt, {"keys": json.dumps(keys), "until": until}):
        out[r.k] = (date.fromisoformat(r.reached) if r.reached else None, [o for o in (r.o1, r.o2) if o],
                    date.fromisoformat(r.tried) if r.tried else None)
    return out


def contact(conn: Connection, contact_id: str) -> ContactRow | None:
    r = conn.execute(text(_CONTACT_SELECT + "WHERE c.id = :id AND c.deleted = 0"), {"id": contact_id}).first()
    if r is None:
        return None
    return ContactRow(r.id, r.household_id, r.person_id, date.fromisoformat(r.contact_date), r.contacted_at,
                      r.method, r.outcome, r.note, r.need, r.by_name, r.corrects_id, r.reason)


def latest_live(conn: Connection, column: str, key: str) -> ContactRow | None:
    """The newest contact of a person (or household) that still counts: the one a correction corrects."""
    r = conn.execute(text(_CONTACT_SELECT + f"WHERE c.{column} = :k AND {live('c')} "
                          "ORDER BY c.contacted_at DESC LIMIT 1"), {"k": key}).first()
    if r is None:
        return None
    return ContactRow(r.id, r.household_id, r.person_id, date.fromisoformat(r.contact_date), r.contacted_at,
                      r.method, r.outcome, r.note, r.need, r.by_name, r.corrects_id, r.reason)


def is_corrected(conn: Connection, contact_id: str) -> bool:
    return conn.execute(text("SELECT 1 FROM contactlog WHERE corrects_id = :id AND deleted = 0"),
                        {"id": contact_id}).first() is not None


def newest_time(conn: Connection, household_id: str, person_id: str | None) -> str | None:
    if person_id:
        return conn.execute(text("SELECT max(contacted_at) FROM contactlog WHERE person_id = :k"),
                            {"k": person_id}).scalar()
    return conn.execute(text("SELECT max(contacted_at) FROM contactlog WHERE household_id = :k"),
                        {"k": household_id}).scalar()


_CONTACT_SELECT = (
    "SELECT c.id, c.household_id, c.person_id, c.contact_date, c.contacted_at, c.method, c.outcome, "
    "coalesce(c.note, '') AS note, coalesce(c.need, '') AS need, "
    "coalesce(ca.name, v.name, '') AS by_name, c.corrects_id, coalesce(c.correction_reason, '') AS reason "
    "FROM contactlog c "
    "LEFT JOIN cadre ca ON ca.id = c.cadre_id LEFT JOIN volunteer v ON v.id = c.volunteer_id "
)


def contacts_of_household(conn: Connection, household_id: str, limit: int = 500) -> list[ContactRow]:
    rows = conn.execute(
        text(_CONTACT_SELECT + "WHERE c.household_id = :h AND c.deleted = 0 "
             "ORDER BY c.contacted_at DESC LIMIT :n"),
        {"h": household_id, "n": limit},
    )
    return [
        ContactRow(r.id, r.household_id, r.person_id, date.fromisoformat(r.contact_date), r.contacted_at,
                   r.method, r.outcome, r.note, r.need, r.by_name, r.corrects_id, r.reason)
        for r in rows
    ]


def services_of_household(conn: Connection, household_id: str, limit: int = 500) -> list[Any]:
    return list(conn.execute(
        text(
            "SELECT s.id, s.person_id, s.service_type, s.served_on, s.duration_minutes, "
            "coalesce(s.note, '') AS note, coalesce(ca.name, v.name, '') AS by_name FROM servicerecord s "
            "LEFT JOIN cadre ca ON ca.id = s.cadre_id LEFT JOIN volunteer v ON v.id = s.volunteer_id "
            "WHERE s.household_id = :h AND s.deleted = 0 ORDER BY s.served_on DESC LIMIT :n"
        ),
        {"h": household_id, "n": limit},
    ))


def volunteers(conn: Connection) -> list[tuple[str, str, str]]:
    """(id, name, team name) of every live volunteer, by team then name."""
    return [
        (r.id, r.name, r.team or "")
        for r in conn.execute(text(
            "SELECT v.id, v.name, t.name AS team FROM volunteer v "
            "LEFT JOIN volunteerteam t ON t.id = v.team_id WHERE v.deleted = 0 ORDER BY t.name, v.name"
        ))
    ]


def volunteers_near(conn: Connection, household_id: str) -> list[tuple[str, str, str, bool]]:
    """(id, name, team name, near) of every live volunteer, those of a team of the household's own
    community first (near), then the rest; by team then name within each."""
    return [
        (r.id, r.name, r.team or "", bool(r.near))
        for r in conn.execute(text(
            "SELECT v.id, v.name, t.name AS team, coalesce(t.community_id = ("
            "  SELECT c.community_id FROM household h JOIN building b ON b.id = h.building_id "
            "  JOIN compound c ON c.id = b.compound_id WHERE h.id = :h), 0) AS near "
            "FROM volunteer v LEFT JOIN volunteerteam t ON t.id = v.team_id AND t.deleted = 0 "
            "WHERE v.deleted = 0 ORDER BY near DESC, t.name, v.name"), {"h": household_id})
    ]


def teams(conn: Connection) -> list[tuple[str, str, int]]:
    """(id, name, live volunteers) of every live team, by name."""
    return [(r.id, r.name, r.n) for r in conn.execute(text(
        "SELECT t.id, t.name, (SELECT count(*) FROM volunteer v WHERE v.team_id = t.id AND v.deleted = 0) AS n "
        "FROM volunteerteam t WHERE t.deleted = 0 ORDER BY t.name, t.id"))]


def volunteer_rows(conn: Connection) -> list[tuple[str, str, str, str, int]]:
    """(id, name, team, phone, care plans paired and running) of every live volunteer."""
    # One grouped pass over the plans (no index on volunteer_id, 3,000 plans on a street),
    # not a count per volunteer (1,500 volunteers × every plan: 0.6 s at start-up).
    paired = dict(conn.execute(text(
        "SELECT volunteer_id, count(*) FROM careplan WHERE deleted = 0 AND volunteer_id IS NOT NULL "
        "AND (end_date IS NULL OR end_date >= date('now', 'localtime')) GROUP BY volunteer_id")).all())
    return [(r.id, r.name, r.team or "", r.phone or "", paired.get(r.id, 0)) for r in conn.execute(text(
        "SELECT v.id, v.name, t.name AS team, v.phone "
        "FROM volunteer v LEFT JOIN volunteerteam t ON t.id = v.team_id WHERE v.deleted = 0 ORDER BY t.name, v.name"))]


def exists(conn: Connection, table: str, row_id: str) -> bool:
    """A live (not tombstoned) row with this id."""
    return conn.execute(text(f'SELECT 1 FROM "{table}" WHERE id = :id AND deleted = 0'), {"id": row_id}).first() is not None


def insert(conn: Connection, table: str, values: dict[str, Any]) -> None:
    """One new row of a care table (the capture trigger logs it)."""
    cols = list(values)
    conn.execute(
        text(f'INSERT INTO "{table}" ({", ".join(cols)}) VALUES ({", ".join(":" + c for c in cols)})'), values
    )


def update(conn: Connection, table: str, row_id: str, values: dict[str, Any]) -> None:
    """Set fields of one row; the capture trigger logs each field that changed."""
    sets = ", ".join(f"{c} = :{c}" for c in values)
    conn.execute(text(f'UPDATE "{table}" SET {sets} WHERE id = :id'), {**values, "id": row_id})
