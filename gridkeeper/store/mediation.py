"""Mediation queries: the case list with its filters, one case with everything it holds,
return visits due, and the facts case numbering needs.

Reads only; writes go through gridkeeper.mediation (ORM, captured by the triggers).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Connection, bindparam, text


@dataclass(frozen=True)
class CaseRow:
    id: str
    number: str
    received_on: date
    source: str
    category: str
    compound_id: str | None
    compound: str
    summary: str
    mediators: str
    status: str
    parties: str  # "applicant name vs respondent name" for the list
    next_visit_due: date | None


@dataclass(frozen=True)
class PartyRow:
    id: str
    role: str
    name: str
    contact: str
    address: str
    person_id: str | None
    household_id: str | None
    agent: str
    gender: str = ""
    ethnicity: str = ""
    birth_date: date | None = None
    id_number: str = ""


@dataclass(frozen=True)
class SessionRow:
    id: str
    held_at: datetime
    place: str
    attendees: str
    record: str


@dataclass(frozen=True)
class StatusChangeRow:
    id: str
    changed_at: datetime
    from_status: str | None
    to_status: str
    note: str
    by_name: str


@dataclass(frozen=True)
class VisitRow:
    id: str
    visited_on: date
    result: str
    by_name: str


@dataclass(frozen=True)
class PersonHit:
    """A resident a party may be: for search as you type."""

    id: str
    name: str
    household_id: str | None
    address: str
    phones: str  # JSON list, unmasked: the caller masks
    gender: str = ""
    ethnicity: str = ""
    birth_date: date | None = None


def _d(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value  # type: ignore[return-value]
    return date.fromisoformat(str(value)[:10])


def _dt(value: object) -> datetime:
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


_PARTIES = (
    "(SELECT group_concat(name, '、') FROM (SELECT name FROM mediationparty p "
    " WHERE p.case_id = c.id AND p.deleted = 0 AND p.role = :role ORDER BY p.name))"
)


def cases(
    conn: Connection,
    *,
    status: str | None = None,
    category: str | None = None,
    compound_id: str | None = None,
    visit_overdue_on: date | None = None,
    visit_due_by: date | None = None,
    statuses: tuple[str, ...] | None = None,
    grid_ids: list[str] | None = None,
) -> list[CaseRow]:
    """Cases newest first, filtered in SQL. `visit_overdue_on`: only open cases whose next
    return visit is due before that day; `visit_due_by`: due on or before it."""
    where = ["c.deleted = 0"]
    params: dict[str, object] = {}
    binds = []
    if status:
        where.append("c.status = :status")
        params["status"] = status
    if statuses:
        where.append("c.status IN :statuses")
        params["statuses"] = list(statuses)
        binds.append(bindparam("statuses", expanding=True))
    if category:
        where.append("c.category = :category")
        params["category"] = category
    if compound_id:
        where.append("c.compound_id = :compound")
        params["compound"] = compound_id
    if visit_overdue_on:
        where.append("c.next_visit_due < :overdue AND c.status != 'archived'")
        params["overdue"] = visit_overdue_on.isoformat()
    if visit_due_by:
        where.append("c.next_visit_due <= :due_by AND c.status != 'archived'")
        params["due_by"] = visit_due_by.isoformat()
    if grid_ids is not None:
        where.append(CASE_SCOPE)
        params["grids"] = list(grid_ids) or [""]
        binds.append(bindparam("grids", expanding=True))
    sql = (
        "SELECT c.id, c.number, c.received_on, c.source, c.category, c.compound_id, "
        "coalesce(co.name, '') AS compound, c.summary, c.mediators, c.status, c.next_visit_due, "
        + _PARTIES.replace(":role", "'applicant'") + " AS applicants, "
        + _PARTIES.replace(":role", "'respondent'") + " AS respondents "
        "FROM mediationcase c LEFT JOIN compound co ON co.id = c.compound_id "
        f"WHERE {' AND '.join(where)} ORDER BY c.received_on DESC, c.number DESC"
    )
    query = text(sql).bindparams(*binds) if binds else text(sql)
    out = []
    for r in conn.execute(query, params):
        parties = " / ".join(p for p in (r.applicants or "", r.respondents or "") if p)
        out.append(
            CaseRow(r.id, r.number, _d(r.received_on) or date.min, r.source, r.category, r.compound_id,
                    r.compound, r.summary, r.mediators, r.status, parties, _d(r.next_visit_due))
        )
    return out


def case(conn: Connection, case_id: str) -> dict[str, object] | None:
    r = conn.execute(
        text("SELECT c.*, coalesce(co.name, '') AS compound FROM mediationcase c "
             "LEFT JOIN compound co ON co.id = c.compound_id WHERE c.id = :id AND c.deleted = 0"),
        {"id": case_id},
    ).first()
    if r is None:
        return None
    row = dict(r._mapping)
    for key in ("received_on", "agreement_on", "performance_due", "next_visit_due"):
        row[key] = _d(row[key])
    return row


def parties(conn: Connection, case_id: str) -> list[PartyRow]:
    order = "CASE mp.role WHEN 'applicant' THEN 0 WHEN 'respondent' THEN 1 ELSE 2 END"
    return [
        PartyRow(r.id, r.role, r.name, r.contact or "", r.address or "", r.person_id, r.household_id,
                 r.agent or "", r.gender or "", r.ethnicity or "", _d(r.birth_date), r.id_number or "")
        for r in conn.execute(
            # A linked resident's gender, ethnicity and birth date come from the file where the party has none.
            text("SELECT mp.id, mp.role, mp.name, mp.contact, mp.address, mp.person_id, mp.household_id, mp.agent, "
                 "coalesce(mp.gender, p.gender) AS gender, coalesce(mp.ethnicity, p.ethnicity) AS ethnicity, "
                 "coalesce(mp.birth_date, p.birth_date) AS birth_date, coalesce(mp.id_number, p.id_number) AS id_number "
                 "FROM mediationparty mp LEFT JOIN person p ON p.id = mp.person_id "
                 f"WHERE mp.case_id = :c AND mp.deleted = 0 ORDER BY {order}, mp.name, mp.id"),
            {"c": case_id},
        )
    ]


def sessions(conn: Connection, case_id: str) -> list[SessionRow]:
    return [
        SessionRow(r.id, _dt(r.held_at), r.place, r.attendees, r.record)
        for r in conn.execute(
            text("SELECT id, held_at, place, attendees, record FROM mediationsession "
                 "WHERE case_id = :c AND deleted = 0 ORDER BY held_at, id"),
            {"c": case_id},
        )
    ]


def history(conn: Connection, case_id: str) -> list[StatusChangeRow]:
    return [
        StatusChangeRow(r.id, _dt(r.changed_at), r.from_status, r.to_status, r.note, r.by_name)
        for r in conn.execute(
            text("SELECT id, changed_at, from_status, to_status, note, by_name FROM mediationstatuschange "
                 "WHERE case_id = :c AND deleted = 0 ORDER BY changed_at, id"),
            {"c": case_id},
        )
    ]


def visits(conn: Connection, case_id: str) -> list[VisitRow]:
    return [
        VisitRow(r.id, _d(r.visited_on) or date.min, r.result, r.by_name)
        for r in conn.execute(
            text("SELECT id, visited_on, result, by_name FROM returnvisit "
                 "WHERE case_id = :c AND deleted = 0 ORDER BY visited_on, id"),
            {"c": case_id},
        )
    ]


#: Cases in a scope of grids: their compound has a building in the grids. Today's return visits and
#: the reports' 回访逾期 both use it, so the two never count different cases.
CASE_SCOPE = "c.compound_id IN (SELECT b.compound_id FROM building b WHERE b.grid_id IN :grids)"


def visits_due(conn: Connection, today: date, grid_ids: list[str] | None = None) -> list[CaseRow]:
    """Open cases whose next return visit falls on or before `today`, most overdue first; in the
    grids' scope (None: every case)."""
    return sorted(cases(conn, visit_due_by=today, grid_ids=grid_ids),
                  key=lambda c: (c.next_visit_due or today, c.number))


def last_change(conn: Connection, case_id: str) -> str | None:
    return conn.execute(  # type: ignore[no-any-return]
        text("SELECT max(changed_at) FROM mediationstatuschange WHERE case_id = :c"), {"c": case_id}
    ).scalar()


def device_seq_max(conn: Connection, device_id: str, year: int) -> int:
    """The highest sequence this device has used in `year` (tombstoned cases count: numbers are never reused)."""
    return int(
        conn.execute(
            text("SELECT coalesce(max(device_seq), 0) FROM mediationcase WHERE device_id = :d AND year = :y"),
            {"d": device_id, "y": year},
        ).scalar_one()
    )


def known_devices(conn: Connection) -> set[str]:
    """Every device this profile has heard of: writers in the change log and of cases."""
    found = {r[0] for r in conn.execute(text("SELECT DISTINCT device_id FROM change_log"))}
    found |= {r[0] for r in conn.execute(text("SELECT DISTINCT device_id FROM mediationcase"))}
    return found


def prefixes_in_use(conn: Connection) -> dict[str, str]:
    """Case number prefix -> the device that used it (from cases already in the data)."""
    out: dict[str, str] = {}
    for number, device in conn.execute(text("SELECT number, device_id FROM mediationcase")):
        parts = str(number).split("-")
        if len(parts) == 3:
            out.setdefault(parts[1], device)
    return out


def compounds(conn: Connection) -> list[tuple[str, str]]:
    return [
        (r.id, r.name)
        for r in conn.execute(text("SELECT id, name FROM compound WHERE deleted = 0 ORDER BY name"))
    ]


def person_file(conn: Connection, person_id: str) -> tuple[str, str] | None:
    """(ID number, phones JSON) of a resident, unmasked: for the printed agreement only."""
    r = conn.execute(text("SELECT id_number, phones FROM person WHERE id = :i"), {"i": person_id}).first()
    return None if r is None else (r.id_number or "", r.phones or "[]")


def person_hits(conn: Connection, name_prefix: str, limit: int = 12) -> list[PersonHit]:
    """Residents whose name starts with `name_prefix` (the party's name as it is typed)."""
    if not name_prefix:
        return []
    rows = conn.execute(
        text(
            "SELECT p.id, p.name, p.household_id, p.phones, p.gender, p.ethnicity, p.birth_date, co.name AS compound, b.name AS building, "
            "h.unit, h.room FROM person p "
            "LEFT JOIN household h ON h.id = p.household_id "
            "LEFT JOIN building b ON b.id = h.building_id LEFT JOIN compound co ON co.id = b.compound_id "
            "WHERE p.deleted = 0 AND p.status = 'active' AND p.name >= :lo AND p.name < :hi "
            "ORDER BY p.name, co.name, b.name, h.unit, h.room LIMIT :limit"
        ),
        {"lo": name_prefix, "hi": name_prefix + "\U0010ffff", "limit": limit},
    )
    out = []
    for r in rows:
        address = ""
        if r.compound:
            unit = f"{r.unit}单元" if r.unit else ""
            address = f"{r.compound}{r.building}{unit}{r.room}"
        out.append(PersonHit(r.id, r.name, r.household_id, address, r.phones or "[]", r.gender or "",
                             r.ethnicity or "", _d(r.birth_date)))
    return out


# -- agreement numbers (gridkeeper.mediation.numbers) ---------------------------------


def number_blocks(conn: Connection, year: int, device_id: str | None = None) -> list[tuple[str, int, int]]:
    """(device, first, last) of the blocks granted for `year`, of one device or all."""
    where = "year = :y AND deleted = 0" + (" AND device_id = :d" if device_id else "")
    rows = conn.execute(text(f"SELECT device_id, first, last FROM mediationnumberblock WHERE {where} "
                             "ORDER BY first"), {"y": year, "d": device_id})
    return [(r.device_id, r.first, r.last) for r in rows]


def final_numbers_used(conn: Connection, year: int, device_id: str) -> set[int]:
    """Numbers this device has issued in `year` (tombstoned cases too: a number is never reused)."""
    return {r[0] for r in conn.execute(
        text("SELECT final_seq FROM mediationcase WHERE year = :y AND device_id = :d AND final_seq IS NOT NULL"),
        {"y": year, "d": device_id})}


def provisional_cases(conn: Connection, device_id: str) -> list[tuple[str, int]]:
    """(case id, year) of this device's cases still without a final number, oldest first."""
    return [(r.id, r.year) for r in conn.execute(
        text("SELECT id, year FROM mediationcase WHERE device_id = :d AND final_seq IS NULL "
             "ORDER BY year, device_seq"), {"d": device_id})]


def provisional_years(conn: Connection) -> set[int]:
    """The years of every case this laptop knows still without a final number, whoever opened it."""
    return {int(r[0]) for r in conn.execute(
        text("SELECT DISTINCT year FROM mediationcase WHERE final_seq IS NULL AND deleted = 0"))}


def max_final(conn: Connection, year: int) -> int:
    return int(conn.execute(text("SELECT coalesce(max(final_seq), 0) FROM mediationcase WHERE year = :y"),
                            {"y": year}).scalar_one())


def any_case(conn: Connection) -> bool:
    return conn.execute(text("SELECT 1 FROM mediationcase LIMIT 1")).first() is not None


def provisional_count(conn: Connection, year: int) -> dict[str, int]:
    """{device: cases of `year` waiting for a final number}, as far as this laptop knows."""
    return {r.device_id: r.n for r in conn.execute(
        text("SELECT device_id, count(*) AS n FROM mediationcase WHERE year = :y AND final_seq IS NULL "
             "GROUP BY device_id"), {"y": year})}
