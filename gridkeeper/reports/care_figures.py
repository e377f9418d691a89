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
from typing import Any

from gridkeeper import care, clock
from gridkeeper.reports.period import Period
from gridkeeper.rules import phone
from gridkeeper.store import care as care_queries
from gridkeeper.store import reports as queries
from gridkeeper.store import searchkeys
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
    as_of = min(period.last, today or clock.today())
    first_text, as_of_text = period.first.isoformat(), as_of.isoformat()

    def window(p: Any) -> tuple[date, date]:
        start = date.fromisoformat(p.start_date)
        end = date.fromisoformat(p.end_date) if p.end_date else None
        return max(period.first, start), (min(as_of, end) if end else as_of)

    def key(p: Any) -> tuple[str, str]:
        return ("person_id", p.person_id) if p.person_id else ("household_id", p.household_id)

    # SQLite counts the daily plans' days and walks each person's index for the newest contacts;
    # Python only loops day by day over the plans that are not daily (a street: 50,000 contacts a
    # month, most of them daily calls, are never turned into Python objects).
    with store.read() as conn:
        plans = queries.care_plans(conn, first_text, period.last.isoformat(), grid_ids)
        running = [p for p in plans if window(p)[0] <= window(p)[1]]
        counts: dict[tuple[str, str], int] = {}
        days: dict[tuple[str, str], set[str]] = {}
        newest: dict[tuple[str, str], tuple[date | None, list[str], date | None]] = {}
        earlier: dict[tuple[str, str], tuple[str | None, list[str]]] = {}
        for column in ("person_id", "household_id"):
            mine = [p for p in plans if key(p)[0] == column]
            daily = sorted({(key(p)[1], window(p)[0].isoformat()) for p in running
                            if key(p)[0] == column and p.frequency == "daily"})
            counts.update({(column, k): n for k, n in queries.reached_day_counts(conn, column, daily, as_of_text).items()})
            others = sorted({key(p)[1] for p in running if key(p)[0] == column and p.frequency != "daily"})
            days.update({(column, k): v for k, v in queries.reached_days(conn, column, others, first_text,
                                                                        as_of_text).items()})
            earlier.update({(column, k): v for k, v in queries.before(conn, column, others, first_text).items()})
            every = sorted({key(p)[1] for p in mine})
            newest.update({(column, k): v for k, v in care_queries.last_contacts(conn, column, every, as_of).items()})
        logged = queries.contacts_count(conn, first_text, as_of_text, grid_ids) if as_of >= period.first else 0
        services = queries.services_by_type(conn, first_text, as_of_text, grid_ids) \
            if as_of >= period.first else {}
    rows = []
    for p in plans:
        k = key(p)
        start = date.fromisoformat(p.start_date)
        first, last = window(p)
        made = missed = expected = 0
        if first <= last:
            if p.frequency == "monthly":
                expected = _months_touched(first, last)
            else:
                expected = math.ceil(((last - first).days + 1) / care.step_days(p.frequency, p.interval_days))
            if p.frequency == "daily":
                # Due every day: each day of the window without a reached contact is a missed day.
                made = counts.get(k, 0)
                missed = (last - first).days + 1 - made
            else:
                reached_days = days.get(k, set())
                last_before = earlier.get(k, (None, []))[0]
                latest = date.fromisoformat(last_before) if last_before else None
                due = care.next_due(p.frequency, p.interval_days, start, latest).isoformat()
                day = first
                while day <= last:
                    text = day.isoformat()
                    if text in reached_days:
                        made += 1
                        latest = day
                        due = care.next_due(p.frequency, p.interval_days, start, latest).isoformat()
                    elif due <= text:
                        missed += 1
                    day += timedelta(days=1)
            made = min(made, expected)
        last_contact, outcomes, _tried = newest.get(k, (None, [], None))
        rows.append(CarePersonRow(
            person_id=p.person_id or "", phones=_masked(p.phones), name=p.name or p.head or "",
            address=searchkeys.address(p.compound, p.building, p.unit, p.room), grid=p.grid,
            grid_id=p.grid_id or "", cadre_id=p.cadre_id or "", frequency=p.frequency,
            interval_days=p.interval_days, cadre=p.cadre, volunteer=p.volunteer, expected=expected, made=made,
            missed_days=missed, last_contact=last_contact, alert=outcomes == ["no_answer", "no_answer"],
        ))
    rows.sort(key=lambda r: (-r.missed_days, r.grid, r.address, r.name))
    return CareFigures(
        as_of=as_of, plans=len(rows),
        daily_persons=sum(1 for p in plans if p.frequency == "daily" and p.person_id),
        expected=sum(r.expected for r in rows), made=sum(r.made for r in rows), contacts_logged=logged,
        alerts=sum(r.alert for r in rows), services=services, rows=rows,
    )
