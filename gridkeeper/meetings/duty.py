"""我与书记有约: weekend evenings on duty at the compound's 党群微家.

A roster per compound is generated weeks ahead (one shift per weekend evening,
id uuid5 of compound and day, so two laptops generating it offline make the
same rows) and edited shift by shift. Matters are taken in seconds, handled
(settled on the spot, turned into a mediation case or a list item, escalated)
and closed by the resident's answer (收集、办理、反馈).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from gridkeeper import clock, ids
from gridkeeper.meetings.terms import (
    ANSWER_DAYS,
    MATTER_CATEGORIES,
    MatterClosed,
    Missing,
    NoOutcomeYet,
    NotFound,
    Unknown,
)
from gridkeeper.store import meetings as queries
from gridkeeper.store.engine import Store
from gridkeeper.store.meetings import MatterRow, ShiftRow

#: Saturday and Sunday evenings.
WEEKEND = (5, 6)
#: The mediation category a duty dispute opens with (the mediator refines it).
_MEDIATION_CATEGORY = "neighbour"
#: The deadline a duty matter's list item is offered with, in days (the cadre may choose another).
ITEM_DAYS = 7


def shift_id(compound_id: str, on: date) -> str:
    return ids.uuid5(f"duty-shift:{compound_id}:{on.isoformat()}")


def generate_roster(store: Store, compound_id: str, first: date, weeks: int, *, secretary: str, hoa_chair: str,
                    cadres: str = "", place: str = "") -> list[str]:
    """Shifts for every weekend evening of `weeks` weeks from `first`. Shifts already there are
    kept as they are (edits are never overwritten). Returns the ids of the shifts made."""
    from gridkeeper.store.models import DutyShift

    if not secretary.strip():
        raise Missing("secretary")
    days = [first + timedelta(days=i) for i in range(weeks * 7) if (first + timedelta(days=i)).weekday() in WEEKEND]
    made = []
    with store.write() as s:
        for day in days:
            sid = shift_id(compound_id, day)
            if s.get(DutyShift, sid) is not None:
                continue
            s.add(DutyShift(id=sid, compound_id=compound_id, on_date=day, place=place.strip(),
                            secretary=secretary.strip(), hoa_chair=hoa_chair.strip(), cadres=cadres.strip()))
            made.append(sid)
    return made


def edit_shift(store: Store, shift: str, **fields: str) -> None:
    """Change who sits a shift (secretary, hoa_chair, cadres, place)."""
    from gridkeeper.store.models import DutyShift

    with store.write() as s:
        row = s.get(DutyShift, shift)
        if row is None or row.deleted:
            raise NotFound(shift)
        for key in ("secretary", "hoa_chair", "cadres", "place"):
            if key in fields:
                setattr(row, key, fields[key].strip())
        s.add(row)


def _names(row: ShiftRow) -> set[str]:
    return {row.secretary, row.hoa_chair, *(n.strip() for n in row.cadres.replace(",", "、").split("、"))} - {""}


def on_duty(store: Store, name: str, day: date) -> list[ShiftRow]:
    """The shifts `name` sits on `day` (for the Today page)."""
    with store.read() as conn:
        return [r for r in queries.shifts(conn, first=day, last=day) if name in _names(r)]


def roster(store: Store, first: date, last: date, compound_id: str | None = None) -> list[ShiftRow]:
    with store.read() as conn:
        return queries.shifts(conn, first=first, last=last, compound_id=compound_id)


def take_matter(store: Store, shift: str, resident: str, what: str, category: str, *,
                person_id: str | None = None, household_id: str | None = None,
                now: datetime | None = None) -> str:
    from gridkeeper.store.models import DutyMatter

    if category not in MATTER_CATEGORIES:
        raise Unknown(category)
    if not resident.strip():
        raise Missing("resident")
    if not what.strip():
        raise Missing("what")
    with store.write() as s:
        row = DutyMatter(shift_id=shift, taken_at=(now or clock.now()).replace(microsecond=0).isoformat(),
                         resident=resident.strip(), person_id=person_id, household_id=household_id,
                         what=what.strip(), category=category)
        s.add(row)
        return str(row.id)


def _outcome(store: Store, matter_id: str, outcome: str, on: date, note: str, ref: str | None) -> None:
    with store.write() as s:
        _record_outcome(s, matter_id, outcome, on, note, ref)


def _record_outcome(s, matter_id: str, outcome: str, on: date, note: str,  # type: ignore[no-untyped-def]
                    ref: str | None) -> None:
    """Checked again inside the write transaction: another window may have closed the matter since."""
    from gridkeeper.store.models import DutyMatter

    row = s.get(DutyMatter, matter_id)
    if row is None or row.deleted:
        raise NotFound(matter_id)
    if row.outcome != "open":
        raise MatterClosed()
    row.outcome, row.outcome_on, row.outcome_note, row.outcome_ref = outcome, on, note.strip(), ref
    s.add(row)


def _matter(store: Store, matter_id: str) -> MatterRow:
    with store.read() as conn:
        found = [m for m in queries.matters(conn) if m.id == matter_id]
    if not found:
        raise NotFound(matter_id)
    if found[0].outcome != "open":
        raise MatterClosed()
    return found[0]


def settle(store: Store, matter_id: str, how: str, on: date | None = None) -> None:
    """Settled on the spot (当场化解)."""
    if not how.strip():
        raise Missing("how")
    _outcome(store, matter_id, "settled", on or clock.today(), how, None)


def escalate(store: Store, matter_id: str, to_whom: str, on: date | None = None) -> None:
    if not to_whom.strip():
        raise Missing("to_whom")
    _outcome(store, matter_id, "escalated", on or clock.today(), to_whom, None)


def to_mediation(store: Store, matter_id: str, on: date | None = None) -> str:
    """The dispute becomes a mediation case with the resident as applicant; returns the case id."""
    from gridkeeper import mediation

    m = _matter(store, matter_id)
    day = on or clock.today()
    case = mediation.open_case(store, mediation.NewCase(
        received_on=day, source="own_initiative", category=_MEDIATION_CATEGORY, summary=m.what,
        compound_id=m.compound_id,
        parties=(mediation.PartyInput("applicant", m.resident, person_id=m.person_id, household_id=m.household_id),)),
        also=lambda s, case_id: _record_outcome(s, matter_id, "mediation", day, "", case_id))
    return case


def to_list_item(store: Store, matter_id: str, owner_party: str, due: date | None, by: str = "",
                 on: date | None = None) -> str:
    """The matter becomes a problem (source 我与书记有约) of the compound; returns the item id."""
    from gridkeeper import lists

    m = _matter(store, matter_id)
    item = lists.create_item(store, lists.NewItem(
        kind="problem", title=m.what, source="secretary", owner_party=owner_party, due_date=due,
        compound_id=m.compound_id, household_id=m.household_id, detail=m.resident), by,
        also=lambda s, item_id: _record_outcome(s, matter_id, "list_item", on or clock.today(), "", item_id))
    return item


def answer(store: Store, matter_id: str, feedback: str, on: date | None = None) -> None:
    """The resident's answer (反馈) closes the matter, with the date."""
    from gridkeeper.store.models import DutyMatter

    if not feedback.strip():
        raise Missing("feedback")
    with store.write() as s:
        row = s.get(DutyMatter, matter_id)
        if row is None or row.deleted:
            raise NotFound(matter_id)
        if row.outcome == "open":
            raise NoOutcomeYet()
        row.feedback, row.feedback_on = feedback.strip(), on or clock.today()
        s.add(row)


@dataclass(frozen=True)
class DutyCounts:
    """One compound's month, as the article counts it."""

    compound_id: str
    compound: str
    evenings: int
    taken: int
    settled: int  # on the spot
    escalated: int
    answered_in_time: int  # answered within ANSWER_DAYS of the evening
    by_category: dict[str, int]


def monthly_counts(store: Store, first: date, last: date) -> list[DutyCounts]:
    with store.read() as conn:
        shifts = queries.shifts(conn, first=first, last=last)
        rows = queries.matters(conn, first=first, last=last)
    names = {s.compound_id: s.compound for s in shifts}
    out = []
    for co in sorted(names, key=lambda c: names[c]):
        mine = [m for m in rows if m.compound_id == co]
        out.append(DutyCounts(
            co, names[co], sum(1 for s in shifts if s.compound_id == co), len(mine),
            sum(1 for m in mine if m.outcome == "settled"), sum(1 for m in mine if m.outcome == "escalated"),
            sum(1 for m in mine if m.feedback_on and (m.feedback_on - m.on_date).days <= ANSWER_DAYS),
            dict(Counter(m.category for m in mine))))
    return out


def matters_of(store: Store, shift: str) -> list[MatterRow]:
    with store.read() as conn:
        return queries.matters(conn, shift_id=shift)
