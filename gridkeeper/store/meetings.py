"""Meeting, deliberation and duty queries: plain rows for the use cases in gridkeeper.meetings.

Reads only; writes go through gridkeeper.meetings (ORM in store.write(), captured by the triggers).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, bindparam, text

OPEN_ITEM = ("open", "claimed", "in_progress")


def _d(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value  # type: ignore[return-value]
    return date.fromisoformat(str(value)[:10])


@dataclass(frozen=True)
class MeetingRow:
    id: str
    kind: str
    held_on: date
    place: str
    compound_id: str | None
    community_id: str | None
    where: str  # the compound's or community's name
    title: str
    recorded_by: str
    items: int
    decisions: int


@dataclass(frozen=True)
class AttendeeRow:
    id: str
    side: str
    name: str
    person_id: str | None
    household_id: str | None


@dataclass(frozen=True)
class AgendaRow:
    id: str
    position: int
    source: str
    title: str
    ref_id: str | None
    minutes: str
    decision: str
    owner_party: str | None
    owner_name: str | None
    due_date: date | None
    list_item_id: str | None
    item_status: str | None  # the linked list item's status now


@dataclass(frozen=True)
class Topic:
    """A 议题 the month brings to a compound's meeting."""

    source: str  # escalated / overdue / mediation / visit
    ref_id: str
    title: str
    item_id: str | None = None  # the list item it is about (a carried decision's, an escalated item)


_MEETINGS = (
    "SELECT m.id, m.kind, m.held_on, m.place, m.compound_id, m.community_id, "
    "coalesce(co.name, cm.name, '') AS place_name, m.title, m.recorded_by, "
    "(SELECT count(*) FROM agendaitem a WHERE a.meeting_id = m.id AND a.deleted = 0) AS items, "
    "(SELECT count(*) FROM agendaitem a WHERE a.meeting_id = m.id AND a.deleted = 0 AND a.decision != '') "
    "AS decisions "
    "FROM meeting m LEFT JOIN compound co ON co.id = m.compound_id "
    "LEFT JOIN community cm ON cm.id = m.community_id WHERE m.deleted = 0"
)


def _meeting(r) -> MeetingRow:  # type: ignore[no-untyped-def]
    return MeetingRow(r.id, r.kind, _d(r.held_on) or date.min, r.place, r.compound_id, r.community_id,
                      r.place_name, r.title, r.recorded_by, r.items, r.decisions)


def meetings(conn: Connection, *, compound_id: str | None = None, first: date | None = None,
             last: date | None = None) -> list[MeetingRow]:
    """Meetings newest first; `first`/`last` bound held_on (inclusive)."""
    sql, params = _MEETINGS, {}
    if compound_id:
        sql += " AND m.compound_id = :co"
        params["co"] = compound_id
    if first:
        sql += " AND m.held_on >= :first"
        params["first"] = first.isoformat()
    if last:
        sql += " AND m.held_on <= :last"
        params["last"] = last.isoformat()
    return [_meeting(r) for r in conn.execute(text(sql + " ORDER BY m.held_on DESC, m.id"), params)]


def meeting(conn: Connection, meeting_id: str) -> MeetingRow | None:
    r = conn.execute(text(_MEETINGS + " AND m.id = :id"), {"id": meeting_id}).first()
    return _meeting(r) if r else None


def previous_meeting(conn: Connection, compound_id: str, before: date, exclude: str | None = None) -> str | None:
    """The compound's latest meeting held before `before` (the one whose decisions carry over)."""
    return conn.execute(  # type: ignore[no-any-return]
        text("SELECT id FROM meeting WHERE deleted = 0 AND compound_id = :co AND held_on < :d AND id != :x "
             "ORDER BY held_on DESC, id DESC LIMIT 1"),
        {"co": compound_id, "d": before.isoformat(), "x": exclude or ""},
    ).scalar()


def compound_of_agenda_item(conn: Connection, agenda_item_id: str) -> str | None:
    return conn.execute(  # type: ignore[no-any-return]
        text("SELECT m.compound_id FROM agendaitem a JOIN meeting m ON m.id = a.meeting_id WHERE a.id = :a"),
        {"a": agenda_item_id},
    ).scalar()


def attendees(conn: Connection, meeting_id: str) -> list[AttendeeRow]:
    order = ("CASE side WHEN 'party' THEN 0 WHEN 'hoa' THEN 1 WHEN 'property' THEN 2 WHEN 'community' THEN 3 "
             "WHEN 'cadre' THEN 4 ELSE 5 END")
    return [
        AttendeeRow(r.id, r.side, r.name, r.person_id, r.household_id)
        for r in conn.execute(
            text("SELECT id, side, name, person_id, household_id FROM meetingattendee "
                 f"WHERE meeting_id = :m AND deleted = 0 ORDER BY {order}, name, id"),
            {"m": meeting_id},
        )
    ]


def agenda(conn: Connection, meeting_id: str) -> list[AgendaRow]:
    return [
        AgendaRow(r.id, r.position, r.source, r.title, r.ref_id, r.minutes, r.decision, r.owner_party,
                  r.owner_name, _d(r.due_date), r.list_item_id, r.item_status)
        for r in conn.execute(
            text("SELECT a.*, li.status AS item_status FROM agendaitem a "
                 "LEFT JOIN listitem li ON li.id = a.list_item_id "
                 "WHERE a.meeting_id = :m AND a.deleted = 0 ORDER BY a.position, a.id"),
            {"m": meeting_id},
        )
    ]


def month_topics(conn: Connection, compound_id: str, today: date) -> list[Topic]:
    """The 议题 of a compound as of `today`: escalated and overdue open list items, escalated
    mediations, overdue return visits (the same rules as the monthly pack's agenda sheet)."""
    out: list[Topic] = []
    items = text(
        "SELECT id, title, escalation_level, due_date FROM listitem WHERE deleted = 0 AND compound_id = :co "
        "AND status IN :open ORDER BY opened_on, id"
    ).bindparams(bindparam("open", expanding=True))
    overdue: list[Topic] = []
    for r in conn.execute(items, {"co": compound_id, "open": list(OPEN_ITEM)}):
        if r.escalation_level != "compound":
            out.append(Topic("escalated", r.id, r.title, r.id))
        elif r.due_date and _d(r.due_date) < today:  # type: ignore[operator]
            overdue.append(Topic("overdue", r.id, r.title, r.id))
    out += overdue
    for r in conn.execute(
        text("SELECT id, number, summary, status, next_visit_due FROM mediationcase WHERE deleted = 0 "
             "AND compound_id = :co AND status != 'archived' ORDER BY received_on, number"),
        {"co": compound_id},
    ):
        if r.status == "escalated":
            out.append(Topic("mediation", r.id, f"{r.number} {r.summary}"))
        elif r.next_visit_due and _d(r.next_visit_due) < today:  # type: ignore[operator]
            out.append(Topic("visit", r.id, f"{r.number} {r.summary}"))
    return out


@dataclass(frozen=True)
class DeliberationRow:
    id: str
    compound_id: str
    compound: str
    title: str
    opened_on: date
    stage: str
    decided_on: date | None


def deliberations(conn: Connection, compound_id: str | None = None) -> list[DeliberationRow]:
    sql = ("SELECT d.id, d.compound_id, co.name AS compound, d.title, d.opened_on, d.stage, d.decided_on "
           "FROM deliberation d JOIN compound co ON co.id = d.compound_id WHERE d.deleted = 0")
    params = {}
    if compound_id:
        sql += " AND d.compound_id = :co"
        params["co"] = compound_id
    return [
        DeliberationRow(r.id, r.compound_id, r.compound, r.title, _d(r.opened_on) or date.min, r.stage,
                        _d(r.decided_on))
        for r in conn.execute(text(sql + " ORDER BY d.opened_on DESC, d.id"), params)
    ]


def deliberation(conn: Connection, deliberation_id: str) -> dict[str, object] | None:
    r = conn.execute(
        text("SELECT d.*, co.name AS compound FROM deliberation d JOIN compound co ON co.id = d.compound_id "
             "WHERE d.id = :id AND d.deleted = 0"),
        {"id": deliberation_id},
    ).first()
    if r is None:
        return None
    row = dict(r._mapping)
    for key in ("opened_on", "party_on", "tripartite_on", "residents_on", "decided_on"):
        row[key] = _d(row[key])
    return row


def deliberation_steps(conn: Connection, deliberation_id: str) -> list[tuple[str, str | None, str, str, str]]:
    """(at, from, to, note, by) oldest first, in order of arrival within one second."""
    return [
        (r.at, r.from_stage, r.to_stage, r.note, r.by_name)
        for r in conn.execute(
            text("SELECT at, from_stage, to_stage, note, by_name FROM deliberationstep "
                 "WHERE deliberation_id = :d AND deleted = 0 ORDER BY at, rowid"),
            {"d": deliberation_id},
        )
    ]


def deliberation_items(conn: Connection, deliberation_id: str) -> list[tuple[str, str, str]]:
    """(item id, title, status) of the list items implementing it."""
    return [
        (r.id, r.title, r.status)
        for r in conn.execute(
            text("SELECT li.id, li.title, li.status FROM deliberationlink l JOIN listitem li ON li.id = l.item_id "
                 "WHERE l.deliberation_id = :d AND l.deleted = 0 ORDER BY li.opened_on, li.id"),
            {"d": deliberation_id},
        )
    ]


@dataclass(frozen=True)
class ShiftRow:
    id: str
    compound_id: str
    compound: str
    on_date: date
    place: str
    secretary: str
    hoa_chair: str
    cadres: str
    matters: int


@dataclass(frozen=True)
class MatterRow:
    id: str
    shift_id: str
    compound_id: str
    on_date: date
    taken_at: str
    resident: str
    person_id: str | None
    household_id: str | None
    what: str
    category: str
    outcome: str
    outcome_on: date | None
    outcome_ref: str | None
    outcome_note: str
    feedback: str | None
    feedback_on: date | None


def shifts(conn: Connection, *, first: date | None = None, last: date | None = None,
           compound_id: str | None = None) -> list[ShiftRow]:
    sql = ("SELECT s.*, co.name AS compound, (SELECT count(*) FROM dutymatter m WHERE m.shift_id = s.id "
           "AND m.deleted = 0) AS matters FROM dutyshift s JOIN compound co ON co.id = s.compound_id "
           "WHERE s.deleted = 0")
    params: dict[str, object] = {}
    if first:
        sql += " AND s.on_date >= :first"
        params["first"] = first.isoformat()
    if last:
        sql += " AND s.on_date <= :last"
        params["last"] = last.isoformat()
    if compound_id:
        sql += " AND s.compound_id = :co"
        params["co"] = compound_id
    return [
        ShiftRow(r.id, r.compound_id, r.compound, _d(r.on_date) or date.min, r.place, r.secretary, r.hoa_chair,
                 r.cadres, r.matters)
        for r in conn.execute(text(sql + " ORDER BY s.on_date, co.name, s.id"), params)
    ]


def shift(conn: Connection, shift_id: str) -> ShiftRow | None:
    found = [s for s in shifts(conn) if s.id == shift_id] if shift_id else []
    return found[0] if found else None


def matters(conn: Connection, *, shift_id: str | None = None, first: date | None = None,
            last: date | None = None, household_id: str | None = None) -> list[MatterRow]:
    sql = ("SELECT m.*, s.compound_id, s.on_date FROM dutymatter m JOIN dutyshift s ON s.id = m.shift_id "
           "WHERE m.deleted = 0 AND s.deleted = 0")
    params: dict[str, object] = {}
    if shift_id:
        sql += " AND m.shift_id = :s"
        params["s"] = shift_id
    if first:
        sql += " AND s.on_date >= :first"
        params["first"] = first.isoformat()
    if last:
        sql += " AND s.on_date <= :last"
        params["last"] = last.isoformat()
    if household_id:
        sql += " AND m.household_id = :h"
        params["h"] = household_id
    return [
        MatterRow(r.id, r.shift_id, r.compound_id, _d(r.on_date) or date.min, r.taken_at, r.resident, r.person_id,
                  r.household_id, r.what, r.category, r.outcome, _d(r.outcome_on), r.outcome_ref, r.outcome_note,
                  r.feedback, _d(r.feedback_on))
        for r in conn.execute(text(sql + " ORDER BY s.on_date, m.taken_at, m.id"), params)
    ]


def household_meetings(conn: Connection, household_id: str) -> list[tuple[date, str, str]]:
    """(day, kind, compound or community) of the meetings a member of the household attended."""
    return [
        (_d(r.held_on) or date.min, r.kind, r.place_name)
        for r in conn.execute(
            text("SELECT DISTINCT m.held_on, m.kind, coalesce(co.name, cm.name, '') AS place_name, m.id "
                 "FROM meetingattendee a JOIN meeting m ON m.id = a.meeting_id "
                 "LEFT JOIN compound co ON co.id = m.compound_id LEFT JOIN community cm ON cm.id = m.community_id "
                 "WHERE a.household_id = :h AND a.deleted = 0 AND m.deleted = 0 ORDER BY m.held_on, m.id"),
            {"h": household_id},
        )
    ]


def compounds_in_grids(conn: Connection, grid_ids: list[str]) -> set[str]:
    """Compounds with a building in one of the grids (or covered whole by one)."""
    sql = text(
        "SELECT DISTINCT compound_id FROM building WHERE deleted = 0 AND grid_id IN :g "
        "UNION SELECT id FROM compound WHERE deleted = 0 AND grid_id IN :g"
    ).bindparams(bindparam("g", expanding=True))
    return {r[0] for r in conn.execute(sql, {"g": list(grid_ids) or [""]})}


def search(conn: Connection, words: str) -> dict[str, set[str]]:
    """Meetings, deliberations and duty evenings whose text holds `words` (a substring: a street's
    few hundred meetings a year need no index). Keys: meeting, deliberation, shift."""
    like = {"w": f"%{words.strip()}%"}
    meetings = {r[0] for r in conn.execute(text(
        "SELECT m.id FROM meeting m LEFT JOIN compound co ON co.id = m.compound_id WHERE m.deleted = 0 AND "
        "(m.title LIKE :w OR m.place LIKE :w OR co.name LIKE :w OR m.id IN (SELECT meeting_id FROM agendaitem "
        "WHERE deleted = 0 AND (title LIKE :w OR minutes LIKE :w OR decision LIKE :w)) OR m.id IN "
        "(SELECT meeting_id FROM meetingattendee WHERE deleted = 0 AND name LIKE :w))"), like)}
    matters = {r[0] for r in conn.execute(text(
        "SELECT d.id FROM deliberation d JOIN compound co ON co.id = d.compound_id WHERE d.deleted = 0 AND "
        "(d.title LIKE :w OR d.detail LIKE :w OR co.name LIKE :w)"), like)}
    shifts = {r[0] for r in conn.execute(text(
        "SELECT s.id FROM dutyshift s JOIN compound co ON co.id = s.compound_id WHERE s.deleted = 0 AND "
        "(co.name LIKE :w OR s.secretary LIKE :w OR s.hoa_chair LIKE :w OR s.cadres LIKE :w OR s.id IN "
        "(SELECT shift_id FROM dutymatter WHERE deleted = 0 AND (resident LIKE :w OR what LIKE :w)))"), like)}
    return {"meeting": meetings, "deliberation": matters, "shift": shifts}
