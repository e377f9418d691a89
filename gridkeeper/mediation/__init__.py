"""Dispute mediation (金色调解室, People's Mediation Law): case numbering, the status
machine and the use cases of the Mediations page. Plain objects out, no Qt.

The record the law recognises: case, parties, sessions, agreement, performance,
return visit. Sessions, status changes and return visits are append-only rows;
the case row holds what is current (status, agreement, next visit due).

The vocabularies, the legal moves and the errors are in mediation_terms, the
numbering in mediation_numbers; both are re-exported here, the one module the
UI and the Today page need.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from gridkeeper import clock
from gridkeeper.errors import QT_TRANSLATE_NOOP
from gridkeeper.mediation import numbers
from gridkeeper.mediation.numbers import PREFIX_KEY, device_prefix, format_number, is_final
from gridkeeper.mediation.terms import (
    AGREEMENT_FORMS,
    CATEGORIES,
    CONTEXT,
    ESCALATION_LEVELS,
    F_NAME,
    F_REASON,
    F_RECORD,
    F_REMEDIES,
    F_RESULT,
    F_SUMMARY,
    F_TERMS,
    OPEN_STATES,
    ROLES,
    SOURCES,
    STATUSES,
    TRANSITIONS,
    VISIT_STATES,
    CaseNotFound,
    IllegalTransition,
    MediationError,
    MissingField,
)
from gridkeeper.rules import idnumber, phone
from gridkeeper.store import mediation as queries
from gridkeeper.store.engine import Store
from gridkeeper.store.mediation import CaseRow, PartyRow, SessionRow, StatusChangeRow, VisitRow

__all__ = [
    "AGREEMENT_FORMS",
    "Agreement",
    "BadBirthDate",
    "CATEGORIES",
    "CONTEXT",
    "CaseFile",
    "CaseNotFound",
    "CaseRow",
    "DueVisit",
    "ESCALATION_LEVELS",
    "F_NAME",
    "F_REASON",
    "F_RECORD",
    "F_REMEDIES",
    "F_RESULT",
    "F_SUMMARY",
    "F_TERMS",
    "IllegalTransition",
    "MediationError",
    "MissingField",
    "NewCase",
    "OPEN_STATES",
    "PREFIX_KEY",
    "PartyInput",
    "PartyRow",
    "ROLES",
    "Resident",
    "SOURCES",
    "STATUSES",
    "SessionRow",
    "StatusChangeRow",
    "TRANSITIONS",
    "VISIT_STATES",
    "VisitRow",
    "add_party",
    "add_session",
    "allowed_next",
    "archive",
    "case_file",
    "compounds",
    "device_prefix",
    "escalate",
    "fail",
    "find_residents",
    "format_number",
    "is_final",
    "list_cases",
    "mark_not_performed",
    "mark_performed",
    "mask_contact",
    "open_case",
    "parse_birth_date",
    "reach_agreement",
    "record_return_visit",
    "remove_party",
    "return_visits_due",
    "schedule_return_visit",
    "start_mediation",
    "start_performing",
    "update_agreement",
    "visit_overdue_days",
]

# -- plain objects ---------------------------------------------------------------


@dataclass(frozen=True)
class PartyInput:
    role: str
    name: str
    contact: str = ""
    address: str = ""
    person_id: str | None = None
    household_id: str | None = None
    agent: str = ""
    gender: str = ""  # "M" / "F"; from the ID number when one is given
    ethnicity: str = ""  # 民族
    birth_date: date | None = None  # from the ID number when one is given
    id_number: str = ""  # empty for a linked resident: the agreement prints the file's


@dataclass(frozen=True)
class NewCase:
    received_on: date
    source: str
    category: str
    summary: str
    compound_id: str | None = None
    mediators: str = ""
    parties: tuple[PartyInput, ...] = ()


@dataclass(frozen=True)
class Agreement:
    form: str  # written / oral
    signed_on: date
    facts: str
    terms: str
    performance_method: str = ""
    performance_due: date | None = None


@dataclass(frozen=True)
class CaseFile:
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
    agreement: Agreement | None
    remedies_told: str
    escalation_level: str
    escalation_reason: str
    next_visit_due: date | None
    parties: tuple[PartyRow, ...]
    sessions: tuple[SessionRow, ...]
    visits: tuple[VisitRow, ...]
    history: tuple[StatusChangeRow, ...]
    allowed: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class DueVisit:
    """A return visit due on or before the day asked: for the Today page and the due list."""

    case_id: str
    number: str
    category: str
    summary: str
    parties: str
    due: date
    days_overdue: int  # 0: due today


@dataclass(frozen=True)
class Resident:
    person_id: str
    name: str
    household_id: str | None
    address: str
    phone_masked: str  # to tell namesakes apart; the party's contact is typed, never copied unmasked
    gender: str = ""  # prefill the party's fields from the household file
    ethnicity: str = ""
    birth_date: date | None = None


# -- use cases -------------------------------------------------------------------


def _by(store: Store) -> str:
    from gridkeeper.places import profile

    me = profile.current_cadre(store)
    return me.name if me else ""


def _now(now: datetime | None) -> str:
    """When a step is recorded, to the millisecond: steps a moment apart still sort in order."""
    return (now or clock.now()).replace(tzinfo=None).isoformat(sep=" ", timespec="milliseconds")


def _stamp(when: datetime) -> str:
    """Local wall time as stored (text: sorts and syncs as it reads)."""
    return when.replace(microsecond=0, tzinfo=None).isoformat(sep=" ")


def _required(value: str, label: str) -> str:
    value = (value or "").strip()
    if not value:
        raise MissingField(label)
    return value


class BadBirthDate(MediationError):
    def __init__(self, typed: str) -> None:
        super().__init__(QT_TRANSLATE_NOOP("errors", "“{typed}” is not a date: type the birth date as 1970-05-01; "
                                                     "nothing was saved."), typed=typed)


def parse_birth_date(typed: str) -> date | None:
    """A party's birth date as typed (1970-05-01, 1970.5.1, 1970年5月1日); None when empty."""
    text = typed.strip()
    if not text:
        return None
    m = re.fullmatch(r"(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?", text)
    try:
        if m is None:
            raise ValueError(text)
        born = date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        raise BadBirthDate(text) from None
    if born > clock.today() or born.year < 1900:
        raise BadBirthDate(text)
    return born


def _check_party(party: PartyInput) -> PartyInput:
    """The party as it is kept: an ID number checked and in its 18-character form, gender and
    birth date taken from it when not given."""
    from dataclasses import replace

    from gridkeeper.places.members import id_error

    _required(party.name, F_NAME)
    if party.role not in ROLES:
        raise ValueError(f"unknown party role {party.role!r}")
    if party.gender not in ("", "M", "F"):
        raise ValueError(f"unknown gender {party.gender!r}")
    if not party.id_number.strip():
        return party
    try:
        info = idnumber.parse(party.id_number)
    except idnumber.IdNumberError as exc:
        raise id_error(exc, party.id_number) from None
    return replace(party, id_number=info.number, gender=party.gender or info.gender,
                   birth_date=party.birth_date or info.birth_date)


def _party_row(case_id: str, p: PartyInput) -> Any:
    from gridkeeper.store.models import MediationParty

    return MediationParty(
        case_id=case_id, role=p.role, name=p.name.strip(), contact=p.contact.strip() or None,
        address=p.address.strip() or None, person_id=p.person_id, household_id=p.household_id,
        agent=p.agent.strip() or None, gender=p.gender or None, ethnicity=p.ethnicity.strip() or None,
        birth_date=p.birth_date, id_number=p.id_number or None,
    )


def open_case(store: Store, new: NewCase, now: datetime | None = None,
              also: Callable[[Any, str], None] | None = None) -> str:
    """Register a case (status received) with its parties; returns its id. `also(session, case_id)`
    runs in the same write transaction (what made the case records it), so both or neither are kept."""
    from gridkeeper.store.models import MediationCase, MediationStatusChange

    summary = _required(new.summary, F_SUMMARY)
    if new.source not in SOURCES or new.category not in CATEGORIES:
        raise ValueError(f"unknown source or category: {new.source!r}, {new.category!r}")
    parties = [_check_party(p) for p in new.parties]
    prefix = device_prefix(store)
    year = new.received_on.year
    by = _by(store)
    with store.write() as s:
        seq = queries.device_seq_max(s.connection(), store.device_id, year) + 1
        case = MediationCase(
            number=f"{year}-{prefix}-{seq:03d}", year=year, device_id=store.device_id, device_seq=seq,
            received_on=new.received_on, source=new.source, category=new.category,
            compound_id=new.compound_id, summary=summary, mediators=new.mediators.strip(),
        )
        s.add(case)
        s.add(MediationStatusChange(case_id=case.id, changed_at=_now(now), from_status=None,
                                    to_status="received", by_name=by))
        for p in parties:
            s.add(_party_row(case.id, p))
        if also is not None:
            also(s, case.id)
    # The committee's number now if this laptop holds (or, numbering for the office, grants) one;
    # otherwise the case keeps its provisional number until a sync brings a block.
    numbers.grant_blocks(store, {year})
    numbers.finalise(store)
    return case.id


def add_party(store: Store, case_id: str, party: PartyInput) -> str:
    party = _check_party(party)
    with store.write() as s:
        _get(s, case_id)
        row = _party_row(case_id, party)
        s.add(row)
    return str(row.id)


def remove_party(store: Store, party_id: str) -> None:
    from gridkeeper.store.models import MediationParty

    with store.write() as s:
        row = s.get(MediationParty, party_id)
        if row is not None:
            row.deleted = True


def add_session(
    store: Store, case_id: str, held_at: datetime, place: str, attendees: str, record: str,
    now: datetime | None = None,
) -> str:
    """Append a session record. A case still 'received' moves to 'mediating' with its first session."""
    from gridkeeper.store.models import MediationSession

    record = _required(record, F_RECORD)
    with store.write() as s:
        case = _get(s, case_id)
        if case.status not in ("received", "mediating", "not_performed"):
            raise IllegalTransition(case.number, case.status, "mediating")
        row = MediationSession(case_id=case_id, held_at=_stamp(held_at), place=place.strip(),
                               attendees=attendees.strip(), record=record)
        s.add(row)
        if case.status != "mediating":
            _move(s, case, "mediating", "", _by(store), now)
    return str(row.id)


def _get(session: Any, case_id: str) -> Any:
    from gridkeeper.store.models import MediationCase

    case = session.get(MediationCase, case_id)
    if case is None or case.deleted:
        raise CaseNotFound(case_id)
    return case


def _move(session: Any, case: Any, target: str, note: str, by: str, now: datetime | None) -> None:
    from gridkeeper.store.models import MediationStatusChange

    if target not in TRANSITIONS.get(case.status, ()):
        raise IllegalTransition(case.number, case.status, target)
    # A step is stamped after the one it follows, even with a back-dated `now` or a clock set
    # back, so the history reads in order on every laptop (ties between laptops go by id).
    stamp, last = _now(now), queries.last_change(session.connection(), case.id)
    if last and stamp <= last:
        stamp = (datetime.fromisoformat(last) + timedelta(milliseconds=1)).isoformat(sep=" ", timespec="milliseconds")
    session.add(MediationStatusChange(case_id=case.id, changed_at=stamp, from_status=case.status,
                                      to_status=target, note=note.strip(), by_name=by))
    case.status = target


def _transition(store: Store, case_id: str, target: str, note: str = "", now: datetime | None = None,
                **fields: Any) -> None:
    by = _by(store)
    with store.write() as s:
        case = _get(s, case_id)
        _move(s, case, target, note, by, now)
        for k, v in fields.items():
            setattr(case, k, v)


def start_mediation(store: Store, case_id: str, now: datetime | None = None) -> None:
    _transition(store, case_id, "mediating", now=now)


def reach_agreement(store: Store, case_id: str, agreement: Agreement, now: datetime | None = None) -> None:
    """Agreement reached. The first return visit is scheduled a week after the performance
    deadline (or 30 days after signing when there is none); it can be moved."""
    terms = _required(agreement.terms, F_TERMS)
    if agreement.form not in AGREEMENT_FORMS:
        raise ValueError(f"unknown agreement form {agreement.form!r}")
    due = (agreement.performance_due + timedelta(days=7)) if agreement.performance_due else (
        agreement.signed_on + timedelta(days=30))
    _transition(
        store, case_id, "agreed", AGREEMENT_FORMS[agreement.form], now,
        agreement_form=agreement.form, agreement_on=agreement.signed_on, agreement_facts=agreement.facts.strip(),
        agreement_terms=terms, performance_method=agreement.performance_method.strip() or None,
        performance_due=agreement.performance_due, next_visit_due=due,
    )


def update_agreement(store: Store, case_id: str, agreement: Agreement) -> None:
    """Correct the agreement's text before it is printed and signed (status unchanged)."""
    terms = _required(agreement.terms, F_TERMS)
    with store.write() as s:
        case = _get(s, case_id)
        if case.status != "agreed":
            raise IllegalTransition(case.number, case.status, "agreed")
        case.agreement_form, case.agreement_on = agreement.form, agreement.signed_on
        case.agreement_facts, case.agreement_terms = agreement.facts.strip(), terms
        case.performance_method = agreement.performance_method.strip() or None
        case.performance_due = agreement.performance_due


def fail(store: Store, case_id: str, remedies_told: str, now: datetime | None = None) -> None:
    """Mediation failed; records what the parties were told of other remedies (litigation, arbitration…)."""
    told = _required(remedies_told, F_REMEDIES)
    _transition(store, case_id, "failed", told, now, remedies_told=told, next_visit_due=None)


def escalate(store: Store, case_id: str, level: str, reason: str, now: datetime | None = None) -> None:
    """大事联动办: hand the dispute to the community, the street or the judicial route."""
    if level not in ESCALATION_LEVELS:
        raise ValueError(f"unknown escalation level {level!r}")
    why = _required(reason, F_REASON)
    _transition(store, case_id, "escalated", why, now, escalation_level=level, escalation_reason=why,
                next_visit_due=None)


def start_performing(store: Store, case_id: str, note: str = "", now: datetime | None = None) -> None:
    _transition(store, case_id, "performing", note, now)


def mark_performed(store: Store, case_id: str, note: str = "", now: datetime | None = None) -> None:
    _transition(store, case_id, "performed", note, now)


def mark_not_performed(store: Store, case_id: str, note: str = "", now: datetime | None = None) -> None:
    _transition(store, case_id, "not_performed", note, now)


def record_return_visit(
    store: Store, case_id: str, visited_on: date, result: str, next_due: date | None = None,
    now: datetime | None = None,
) -> str:
    """Append a return visit; a performed (or not performed) case becomes 'visited'.
    `next_due` schedules another visit; None means none is planned."""
    from gridkeeper.store.models import ReturnVisit

    result = _required(result, F_RESULT)
    by = _by(store)
    with store.write() as s:
        case = _get(s, case_id)
        if case.status not in VISIT_STATES:
            raise IllegalTransition(case.number, case.status, "visited")
        row = ReturnVisit(case_id=case_id, visited_on=visited_on, result=result, by_name=by)
        s.add(row)
        if case.status in ("performed", "not_performed"):
            _move(s, case, "visited", result, by, now)
        case.next_visit_due = next_due
    return str(row.id)


def schedule_return_visit(store: Store, case_id: str, due: date | None) -> None:
    with store.write() as s:
        case = _get(s, case_id)
        if case.status == "archived":
            raise IllegalTransition(case.number, case.status, "visited")
        case.next_visit_due = due


def archive(store: Store, case_id: str, note: str = "", now: datetime | None = None) -> None:
    _transition(store, case_id, "archived", note, now, next_visit_due=None)


def allowed_next(status: str) -> tuple[str, ...]:
    return TRANSITIONS.get(status, ())


# -- reading ---------------------------------------------------------------------


_NUMBER = re.compile(r"\d[\d -]{5,}\d")


def mask_contact(contact: str) -> str:
    """Phone numbers in a party's contact, masked for the screen (PIPL); the agreement prints them whole."""
    return _NUMBER.sub(lambda m_: phone.mask(m_.group().replace(" ", "")), contact)


def case_file(store: Store, case_id: str) -> CaseFile | None:
    """One case with everything it holds; contacts masked (see mediation_agreement for the printout)."""
    with store.read() as conn:
        c = queries.case(conn, case_id)
        if c is None:
            return None
        parties = [dataclasses.replace(p, contact=mask_contact(p.contact),
                                       id_number=idnumber.mask(p.id_number) if p.id_number else "")
                   for p in queries.parties(conn, case_id)]
        sessions = queries.sessions(conn, case_id)
        visits = queries.visits(conn, case_id)
        history = queries.history(conn, case_id)
    agreement = None
    if c["agreement_terms"]:
        agreement = Agreement(
            form=str(c["agreement_form"] or "written"), signed_on=c["agreement_on"] or c["received_on"],  # type: ignore[arg-type]
            facts=str(c["agreement_facts"] or ""), terms=str(c["agreement_terms"]),
            performance_method=str(c["performance_method"] or ""), performance_due=c["performance_due"],  # type: ignore[arg-type]
        )
    status = str(c["status"])
    return CaseFile(
        id=case_id, number=str(c["number"]), received_on=c["received_on"],  # type: ignore[arg-type]
        source=str(c["source"]), category=str(c["category"]), compound_id=c["compound_id"],  # type: ignore[arg-type]
        compound=str(c["compound"]), summary=str(c["summary"]), mediators=str(c["mediators"]), status=status,
        agreement=agreement, remedies_told=str(c["remedies_told"] or ""),
        escalation_level=str(c["escalation_level"] or ""), escalation_reason=str(c["escalation_reason"] or ""),
        next_visit_due=c["next_visit_due"],  # type: ignore[arg-type]
        parties=tuple(parties), sessions=tuple(sessions), visits=tuple(visits), history=tuple(history),
        allowed=allowed_next(status),
    )


def list_cases(
    store: Store, *, status: str | None = None, category: str | None = None, compound_id: str | None = None,
    overdue_on: date | None = None,
) -> list[CaseRow]:
    """The Mediations page's list; `overdue_on`: only cases whose return visit is overdue on that day."""
    with store.read() as conn:
        return queries.cases(conn, status=status, category=category, compound_id=compound_id,
                             visit_overdue_on=overdue_on)


def visit_overdue_days(due: date | None, as_of: date, status: str) -> int:
    """How late a case's return visit is on `as_of`: days past its due date while the case is not
    archived; 0 when due that day or later. The one definition Today and the reports share."""
    if due is None or status == "archived" or due >= as_of:
        return 0
    return (as_of - due).days


def return_visits_due(store: Store, today: date, grid_ids: list[str] | None = None) -> list[DueVisit]:
    """Return visits due on or before `today` in open cases, most overdue first, in the grids'
    scope (None: every case) — the same scope as the reports' 回访逾期.

    For the Today page and the Mediations page's due list.
    """
    with store.read() as conn:
        rows = queries.visits_due(conn, today, grid_ids)
    return [
        DueVisit(r.id, r.number, r.category, r.summary, r.parties, r.next_visit_due,  # type: ignore[arg-type]
                 visit_overdue_days(r.next_visit_due, today, r.status))
        for r in rows
    ]


def find_residents(store: Store, name_prefix: str, limit: int = 12) -> list[Resident]:
    """Residents whose name starts with what is typed, to link a party to a Person."""
    with store.read() as conn:
        hits = queries.person_hits(conn, name_prefix.strip(), limit)
    out = []
    for h in hits:
        try:
            numbers = [str(n) for n in json.loads(h.phones)]
        except ValueError:
            numbers = []
        first = numbers[0] if numbers else ""
        out.append(Resident(h.id, h.name, h.household_id, h.address, phone.mask(first) if first else "",
                            h.gender, h.ethnicity, h.birth_date))
    return out


def compounds(store: Store) -> list[tuple[str, str]]:
    with store.read() as conn:
        return queries.compounds(conn)
