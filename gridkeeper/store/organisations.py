"""Queries for organisations (issue 23): committees, Party organisations, property companies,
inspections, evaluations, surveys, team activities. Core SQL, plain rows out.

Scope: a compound is in scope when one of its buildings is in the grids, or the
grid covering it whole is (compound.grid_id); `grid_ids=None` is the whole profile.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, bindparam, text


def _day(value: object) -> date | None:
    return date.fromisoformat(str(value)[:10]) if value else None


def insert(conn: Connection, table: str, values: dict[str, Any]) -> None:
    """One new row (the capture trigger logs it)."""
    cols = list(values)
    conn.execute(text(f'INSERT INTO "{table}" ({", ".join(cols)}) VALUES ({", ".join(":" + c for c in cols)})'),
                 values)


def update(conn: Connection, table: str, row_id: str, values: dict[str, Any]) -> None:
    """Set fields of one row; the capture trigger logs each field that changed."""
    sets = ", ".join(f"{c} = :{c}" for c in values)
    conn.execute(text(f'UPDATE "{table}" SET {sets} WHERE id = :id'), {**values, "id": row_id})


def exists(conn: Connection, table: str, row_id: str) -> bool:
    return conn.execute(text(f'SELECT 1 FROM "{table}" WHERE id = :id AND deleted = 0'), {"id": row_id}).first() \
        is not None


def compounds(conn: Connection, grid_ids: Sequence[str] | None) -> list[tuple[str, str, str]]:
    """(id, name, community name) of the live compounds in scope, by community then name."""
    where, params, binds = "1 = 1", {}, []
    if grid_ids is not None:
        where = ("(c.grid_id IN :g OR EXISTS (SELECT 1 FROM building b WHERE b.compound_id = c.id "
                 "AND b.deleted = 0 AND b.grid_id IN :g))")
        params["g"] = list(grid_ids)
        binds.append(bindparam("g", expanding=True))
    stmt = text("SELECT c.id, c.name, coalesce(m.name, '') AS community FROM compound c "
                f"LEFT JOIN community m ON m.id = c.community_id WHERE c.deleted = 0 AND {where} "
                "ORDER BY community, c.name").bindparams(*binds)
    return [(r.id, r.name, r.community) for r in conn.execute(stmt, params)]


# -- owners' committees and Party organisations ----------------------------------------


@dataclass(frozen=True)
class CommitteeRow:
    id: str
    compound_id: str
    name: str
    elected_on: date
    term_ends: date


@dataclass(frozen=True)
class MemberRow:
    id: str
    committee_id: str
    name: str
    role: str
    party_member: bool


@dataclass(frozen=True)
class PartyOrgRow:
    id: str
    compound_id: str
    kind: str
    name: str
    secretary: str
    founded_on: date | None


def committees(conn: Connection, compound_id: str | None = None) -> list[CommitteeRow]:
    """Live committee terms, newest election first (of one compound, or all)."""
    where = "deleted = 0" + (" AND compound_id = :c" if compound_id else "")
    return [CommitteeRow(r.id, r.compound_id, r.name or "", _day(r.elected_on), _day(r.term_ends))  # type: ignore[arg-type]
            for r in conn.execute(text(f"SELECT * FROM ownerscommittee WHERE {where} "
                                       "ORDER BY elected_on DESC, id"), {"c": compound_id})]


def members(conn: Connection, committee_ids: Sequence[str]) -> list[MemberRow]:
    if not committee_ids:
        return []
    stmt = text("SELECT * FROM committeemember WHERE deleted = 0 AND committee_id IN :ids ORDER BY rowid"
                ).bindparams(bindparam("ids", expanding=True))
    return [MemberRow(r.id, r.committee_id, r.name, r.role, bool(r.party_member))
            for r in conn.execute(stmt, {"ids": list(committee_ids)})]


def party_orgs(conn: Connection, compound_id: str | None = None) -> list[PartyOrgRow]:
    where = "deleted = 0" + (" AND compound_id = :c" if compound_id else "")
    return [PartyOrgRow(r.id, r.compound_id, r.kind, r.name, r.secretary, _day(r.founded_on))
            for r in conn.execute(text(f"SELECT * FROM partyorg WHERE {where} ORDER BY rowid"), {"c": compound_id})]


# -- property companies ------------------------------------------------------------------


@dataclass(frozen=True)
class CompanyRow:
    id: str
    name: str
    contact: str
    phone: str
    note: str


@dataclass(frozen=True)
class ContractRow:
    id: str
    compound_id: str
    company_id: str
    company: str
    start_date: date
    end_date: date | None
    exit_reason: str


def companies(conn: Connection) -> list[CompanyRow]:
    return [CompanyRow(r.id, r.name, r.contact or "", r.phone or "", r.note or "")
            for r in conn.execute(text("SELECT * FROM propertycompany WHERE deleted = 0 ORDER BY name, id"))]


def company_by_name(conn: Connection, name: str) -> str | None:
    return conn.execute(text("SELECT id FROM propertycompany WHERE deleted = 0 AND name = :n ORDER BY id"),
                        {"n": name}).scalar()


def contracts(conn: Connection, compound_id: str | None = None, company_id: str | None = None) -> list[ContractRow]:
    """Live contracts, oldest first."""
    where = ["k.deleted = 0"]
    if compound_id:
        where.append("k.compound_id = :c")
    if company_id:
        where.append("k.company_id = :p")
    return [ContractRow(r.id, r.compound_id, r.company_id, r.company, _day(r.start_date), _day(r.end_date),  # type: ignore[arg-type]
                        r.exit_reason or "")
            for r in conn.execute(text(
                "SELECT k.*, p.name AS company FROM propertycontract k JOIN propertycompany p ON p.id = k.company_id "
                f"WHERE {' AND '.join(where)} ORDER BY k.start_date, k.rowid"), {"c": compound_id, "p": company_id})]


@dataclass(frozen=True)
class CheckRow:
    item: str
    passed: bool
    finding: str
    problem_id: str | None


@dataclass(frozen=True)
class InspectionRow:
    id: str
    compound_id: str
    company_id: str
    inspected_on: date
    inspectors: str
    note: str
    checks: tuple[CheckRow, ...]


def inspections(conn: Connection, compound_id: str | None = None, company_id: str | None = None) -> list[InspectionRow]:
    """Live inspections with their checks, newest first."""
    where = ["deleted = 0"]
    if compound_id:
        where.append("compound_id = :c")
    if company_id:
        where.append("company_id = :p")
    rows = conn.execute(text(f"SELECT * FROM inspection WHERE {' AND '.join(where)} ORDER BY inspected_on DESC, rowid"),
                        {"c": compound_id, "p": company_id}).all()
    checks: dict[str, list[CheckRow]] = {}
    if rows:
        stmt = text("SELECT * FROM inspectioncheck WHERE deleted = 0 AND inspection_id IN :ids ORDER BY rowid"
                    ).bindparams(bindparam("ids", expanding=True))
        for c in conn.execute(stmt, {"ids": [r.id for r in rows]}):
            checks.setdefault(c.inspection_id, []).append(CheckRow(c.item, bool(c.passed), c.finding or "",
                                                                   c.problem_id))
    return [InspectionRow(r.id, r.compound_id, r.company_id, _day(r.inspected_on), r.inspectors,  # type: ignore[arg-type]
                          r.note or "", tuple(checks.get(r.id, ()))) for r in rows]


def evaluations(conn: Connection, quarter: str) -> list[tuple[str, str, str, str]]:
    """(compound id, company id, party, scores JSON) of the quarter's live evaluations."""
    return [(r.compound_id, r.company_id, r.party, r.scores) for r in conn.execute(text(
        "SELECT compound_id, company_id, party, scores FROM serviceevaluation WHERE deleted = 0 AND quarter = :q "
        "ORDER BY compound_id, party"), {"q": quarter})]


def problem_closing(conn: Connection, company: str) -> list[tuple[str, date, date | None, date | None]]:
    """(status, opened, closed, due) of the problems the company owns (named, or its compounds')."""
    return [(r.status, _day(r.opened_on), _day(r.closed_on), _day(r.due_date)) for r in conn.execute(text(  # type: ignore[misc]
        "SELECT li.status, li.opened_on, li.closed_on, li.due_date FROM listitem li "
        "LEFT JOIN compound c ON c.id = li.compound_id WHERE li.deleted = 0 AND li.kind = 'problem' "
        "AND li.owner_party = 'property' AND coalesce(nullif(li.owner_name, ''), c.property_company) = :n"),
        {"n": company})]


# -- surveys --------------------------------------------------------------------------------


@dataclass(frozen=True)
class SurveyRow:
    id: str
    compound_id: str
    surveyed_on: date
    method: str
    asked: int
    answered: int
    overall: int
    topics: dict[str, int | None]
    note: str


TOPIC_COLUMNS = ("property_service", "environment", "safety", "neighbours", "community_work")


def surveys(conn: Connection, compound_id: str | None = None) -> list[SurveyRow]:
    """Live surveys, oldest first."""
    where = "deleted = 0" + (" AND compound_id = :c" if compound_id else "")
    return [SurveyRow(r.id, r.compound_id, _day(r.surveyed_on), r.method, r.asked, r.answered, r.overall,  # type: ignore[arg-type]
                      {t: getattr(r, t) for t in TOPIC_COLUMNS}, r.note or "")
            for r in conn.execute(text(f"SELECT * FROM survey WHERE {where} ORDER BY surveyed_on, rowid"),
                                  {"c": compound_id})]


def deliberations_decided(conn: Connection, compound_id: str) -> list[tuple[date, str]]:
    """(day, title) of the compound's deliberations adopted (议事 decided by the residents, issue 22): the day
    a decision was taken is the event; a rejected or withdrawn matter changed nothing the chart should mark."""
    return [(_day(r.decided_on), r.title) for r in conn.execute(text(  # type: ignore[misc]
        "SELECT decided_on, title FROM deliberation WHERE deleted = 0 AND compound_id = :c AND stage = 'adopted' "
        "AND decided_on IS NOT NULL ORDER BY decided_on, title"), {"c": compound_id})]


# -- clubs and volunteer teams ------------------------------------------------------------------


@dataclass(frozen=True)
class TeamRow:
    id: str
    name: str
    kind: str
    leader: str
    compound_id: str | None
    compound: str
    community: str
    members: int


def teams(conn: Connection) -> list[TeamRow]:
    """Every live team or club, unsorted (callers sort names as people read them)."""
    return [TeamRow(r.id, r.name, r.kind or "volunteer_team", r.leader or "", r.compound_id, r.compound or "",
                    r.community or "", r.n)
            for r in conn.execute(text(
                "SELECT t.id, t.name, t.kind, t.leader, t.compound_id, c.name AS compound, m.name AS community, "
                " (SELECT count(*) FROM volunteer v WHERE v.team_id = t.id AND v.deleted = 0) AS n "
                "FROM volunteerteam t LEFT JOIN compound c ON c.id = t.compound_id "
                "LEFT JOIN community m ON m.id = coalesce(t.community_id, c.community_id) WHERE t.deleted = 0"))]


@dataclass(frozen=True)
class ActivityRow:
    id: str
    team_id: str
    held_on: date
    what: str
    compound_id: str | None
    compound: str
    participants: int
    duration_minutes: int
    households_served: int
    item_id: str | None
    volunteer_ids: tuple[str, ...]


def activities(conn: Connection, first: date | None = None, last: date | None = None,
               team_id: str | None = None) -> list[ActivityRow]:
    """Live activities held between first and last (both included), oldest first."""
    where = ["a.deleted = 0"]
    if first:
        where.append("a.held_on >= :first")
    if last:
        where.append("a.held_on <= :last")
    if team_id:
        where.append("a.team_id = :t")
    params = {"first": first and first.isoformat(), "last": last and last.isoformat(), "t": team_id}
    rows = conn.execute(text(
        "SELECT a.*, coalesce(c.name, '') AS compound FROM teamactivity a LEFT JOIN compound c ON c.id = a.compound_id "
        f"WHERE {' AND '.join(where)} ORDER BY a.held_on, a.rowid"), params).all()
    named: dict[str, list[str]] = {}
    if rows:
        stmt = text("SELECT activity_id, volunteer_id FROM activityvolunteer WHERE deleted = 0 "
                    "AND activity_id IN :ids ORDER BY rowid").bindparams(bindparam("ids", expanding=True))
        for aid, vid in conn.execute(stmt, {"ids": [r.id for r in rows]}):
            named.setdefault(aid, []).append(vid)
    return [ActivityRow(r.id, r.team_id, _day(r.held_on), r.what, r.compound_id, r.compound, r.participants,  # type: ignore[arg-type]
                        r.duration_minutes, r.households_served, r.item_id, tuple(named.get(r.id, ())))
            for r in rows]


def volunteer_names(conn: Connection) -> dict[str, tuple[str, str | None]]:
    """volunteer id -> (name, team id) of every live volunteer."""
    return {r.id: (r.name, r.team_id) for r in conn.execute(text(
        "SELECT id, name, team_id FROM volunteer WHERE deleted = 0"))}
