"""Care figures of a period: coverage per person and the totals the monthly pack shows.

Counted in local calendar days up to `as_of` (the period's last day, or today
for a period still running), with the Today list's rules (gridkeeper/care.py):

- expected contacts of a plan: its running days in the window divided by its
  step, rounded up (monthly: one per calendar month touched);
- contacts made: distinct days in the window with a contact that reached the
  person, at most the expected number;
- missed days: days in the window on which the plan was due or overdue and the
  person was not reached;
- an alert at the end: the two newest contacts up to `as_of` both "no answer".
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from datetime import date, timedelta

from gridkeeper import care, phone
from gridkeeper.reports.period import Period
from gridkeeper.store import reports as queries
from gridkeeper.store import searchkeys
from gridkeeper.store.care import REACHED
from gridkeeper.store.engine import Store


@dataclass(frozen=True)
class CarePersonRow:
    person_id: str  # "" for a whole household's plan
    name: str
    phones: str  # masked unless the report was asked unmasked (and audited)
    address: str
    grid: str
    grid_id: str
    cadre_id: str
    frequency: str
    interval_days: int | None
    cadre: str
    volunteer: str
    expected: int
    made: int
    missed_days: int
    last_contact: date | None
    alert: bool

    @property
    def coverage(self) -> float | None:
        return self.made / self.expected if self.expected else None


@dataclass(frozen=True)
class CareFigures:
    as_of: date
    plans: int
    daily_persons: int  # persons under daily contact
    expected: int
    made: int
    contacts_logged: int  # every contact in the period, attempts included
    alerts: int
    services: dict[str, int] = field(default_factory=dict)
    rows: list[CarePersonRow] = field(default_factory=list)

    @property
    def coverage(self) -> float | None:
        return self.made / self.expected if self.expected else None

    @property
    def services_total(self) -> int:
        return sum(self.services.values())


def _masked(raw: str) -> str:
    try:
        numbers = json.loads(raw or "[]")
    except ValueError:
        return ""
    return "、".join(phone.mask(str(n)) for n in numbers) if isinstance(numbers, list) else ""


def _months_touched(first: date, last: date) -> int:
    return (last.year - first.year) * 12 + last.month - first.month + 1


def care_figures(store: Store, period: Period, grid_ids: list[str] | None, today: date | None = None) -> CareFigures:
    as_of = min(period.last, today or date.today())
    first_text, as_of_text = period.first.isoformat(), as_of.isoformat()
    with store.read() as conn:
        plans = queries.care_plans(conn, first_text, period.last.isoformat(), grid_ids)
        contacts = queries.contacts_between(conn, first_text, as_of_text, grid_ids) if as_of >= period.first else []
        keys = {p.person_id for p in plans if p.person_id}
        households = {p.household_id for p in plans if not p.person_id}
        earlier = {**queries.before(conn, "person_id", sorted(keys), first_text),
                   **{f"h:{k}": v for k, v in queries.before(conn, "household_id", sorted(households),
                                                             first_text).items()}}
        services = queries.services_by_type(conn, first_text, as_of_text, grid_ids) \
            if as_of >= period.first else {}
    # Days are ISO strings here: 150,000 contacts are compared, not parsed.
    reached: dict[str, set[str]] = {}
    newest: dict[str, tuple[str, str]] = {}  # key -> (second newest, newest) outcome
    for person_id, household_id, day, outcome in contacts:  # oldest first
        is_reached = outcome in REACHED
        for key in (person_id, "h:" + household_id):
            if key is None:
                continue
            if is_reached:
                days_of = reached.get(key)
                if days_of is None:
                    reached[key] = {day}
                else:
                    days_of.add(day)
            newest[key] = (newest[key][1] if key in newest else "", outcome)
    rows = []
    for p in plans:
        key = p.person_id or f"h:{p.household_id}"
        start = date.fromisoformat(p.start_date)
        end = date.fromisoformat(p.end_date) if p.end_date else None
        first, last = max(period.first, start), min(as_of, end) if end else as_of
        days = reached.get(key, set())
        last_before, outcomes_before = earlier.get(key, (None, []))
        latest = date.fromisoformat(last_before) if last_before else None
        made = missed = expected = 0
        if first <= last:
            if p.frequency == "monthly":
                expected = _months_touched(first, last)
            else:
                expected = math.ceil(((last - first).days + 1) / care.step_days(p.frequency, p.interval_days))
            lo, hi = first.isoformat(), last.isoformat()
            in_window = sum(1 for d in days if lo <= d <= hi)
            if p.frequency == "daily":
                # Due every day: each day of the window without a reached contact is a missed day.
                made, missed = in_window, (last - first).days + 1 - in_window
            else:
                due = care.next_due(p.frequency, p.interval_days, start, latest).isoformat()
                day = first
                while day <= last:
                    text = day.isoformat()
                    if text in days:
                        made += 1
                        latest = day
                        due = care.next_due(p.frequency, p.interval_days, start, latest).isoformat()
                    elif due <= text:
                        missed += 1
                    day += timedelta(days=1)
            made = min(made, expected)
        outcomes = (outcomes_before[::-1] + [o for o in newest.get(key, ()) if o])[-2:]
        in_window = max(days) if days else None
        last_contact = date.fromisoformat(in_window) if in_window else (
            date.fromisoformat(last_before) if last_before else None)
        rows.append(CarePersonRow(
            person_id=p.person_id or "", phones=_masked(p.phones), name=p.name or p.head or "", address=searchkeys.address(p.compound, p.building, p.unit, p.room),
            grid=p.grid, grid_id=p.grid_id or "", cadre_id=p.cadre_id or "", frequency=p.frequency, interval_days=p.interval_days, cadre=p.cadre,
            volunteer=p.volunteer, expected=expected, made=made, missed_days=missed,
            last_contact=last_contact, alert=outcomes == ["no_answer", "no_answer"],
        ))
    rows.sort(key=lambda r: (-r.missed_days, r.grid, r.address, r.name))
    return CareFigures(
        as_of=as_of, plans=len(rows),
        daily_persons=sum(1 for p in plans if p.frequency == "daily" and p.person_id),
        expected=sum(r.expected for r in rows), made=sum(r.made for r in rows), contacts_logged=len(contacts),
        alerts=sum(r.alert for r in rows), services=services, rows=rows,
    )
