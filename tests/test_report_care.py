"""Care figures of a report period: coverage, missed days, boundaries, an empty month."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from gridkeeper import care
from gridkeeper.reports import period
from gridkeeper.reports.care_figures import care_figures
from gridkeeper.store import Store
from gridkeeper.store.models import Person
from tests.store.helpers import place


def _plan(store: Store, frequency: str = "daily", start: date = date(2026, 1, 20), room: str = "501") -> str:
    h = place(store, room=room)["household"]
    # N (no answer) needs a number on file.
    with store.write() as s:
        s.add(Person(id=f"p{room}", household_id=h, name=f"住户{room}", phones='["13857712345"]'))
    return care.save_plan(store, h, f"p{room}", frequency, start)


def _contact(store: Store, plan: str, day: str, outcome: str = "well", hour: int = 10) -> None:
    care.record_contact(store, plan, outcome, when=datetime.fromisoformat(f"{day} {hour:02d}:00"))


def test_periods_know_their_days_and_weeks() -> None:
    feb = period.month("2028-02")
    assert (feb.first, feb.last, feb.days) == (date(2028, 2, 1), date(2028, 2, 29), 29)
    q4 = period.quarter("2026-q4")
    assert (q4.first, q4.last, q4.label) == (date(2026, 10, 1), date(2026, 12, 31), "2026-Q4")
    # December 2026: ISO week 53 of 2026 has Thursday 31 Dec, so it belongs to December.
    assert period.month("2026-12").weeks()[-1] == (2026, 53)
    assert period.month("2027-01").weeks()[0] == (2027, 1)  # 4-10 Jan; 1-3 Jan belong to week 53
    for bad in ("2026-13", "2026/11", "11-2026", "2026-Q5"):
        with pytest.raises(period.BadPeriod):
            period.quarter(bad) if "Q" in bad else period.month(bad)


def test_a_daily_plan_across_the_month_boundary(store: Store) -> None:
    plan = _plan(store)
    _contact(store, plan, "2026-01-31")  # before February: moves the first due day to 1 Feb
    for day in ("2026-02-01", "2026-02-02", "2026-02-05"):
        _contact(store, plan, day)
    _contact(store, plan, "2026-02-06", "no_answer")
    _contact(store, plan, "2026-02-06", "no_answer", hour=15)
    feb = care_figures(store, period.month("2026-02"), None, today=date(2026, 2, 6))
    row = feb.rows[0]
    assert feb.as_of == date(2026, 2, 6)  # a running month counts up to today
    assert (row.expected, row.made, row.missed_days) == (6, 3, 3)  # 3rd, 4th, 6th missed
    assert row.last_contact == date(2026, 2, 5) and row.alert
    assert (feb.expected, feb.made, feb.contacts_logged, feb.alerts, feb.daily_persons) == (6, 3, 5, 1, 1)
    assert feb.coverage == pytest.approx(0.5)
    jan = care_figures(store, period.month("2026-01"), None, today=date(2026, 2, 6))
    # From the plan's start on 20 Jan: 12 days, one contact on the 31st; the 20th-30th were missed.
    assert (jan.rows[0].expected, jan.rows[0].made, jan.rows[0].missed_days) == (12, 1, 11)
    assert not jan.rows[0].alert


def test_weekly_and_monthly_plans(store: Store) -> None:
    weekly = _plan(store, "weekly", date(2026, 3, 1), room="601")
    monthly = _plan(store, "monthly", date(2026, 1, 15), room="602")
    _contact(store, weekly, "2026-03-03")
    _contact(store, weekly, "2026-03-12")  # two days late: the 10th and 11th were missed
    _contact(store, monthly, "2026-02-20")
    figures = care_figures(store, period.month("2026-03"), None, today=date(2026, 4, 30))
    rows = {r.name: r for r in figures.rows}
    assert (rows["住户601"].expected, rows["住户601"].made) == (5, 2)  # 31 days / 7, rounded up
    # Due from the 1st: the 1st and 2nd missed; due again the 10th: 10th and 11th; again the 19th: 19th-31st.
    assert rows["住户601"].missed_days == 2 + 2 + 13
    assert (rows["住户602"].expected, rows["住户602"].made, rows["住户602"].missed_days) == (1, 0, 12)


def test_an_empty_month_is_all_zeros(store: Store) -> None:
    figures = care_figures(store, period.month("2026-05"), None, today=date(2026, 6, 1))
    assert (figures.plans, figures.expected, figures.made, figures.contacts_logged, figures.alerts) == (0, 0, 0, 0, 0)
    assert figures.coverage is None and figures.services == {} and figures.rows == []


def test_the_scope_keeps_other_grids_out(store: Store) -> None:
    plan = _plan(store)
    _contact(store, plan, "2026-02-01")
    care.record_service(store, care.plan_household(store, plan), "groceries", date(2026, 2, 1))
    inside = care_figures(store, period.month("2026-02"), None, today=date(2026, 2, 28))
    outside = care_figures(store, period.month("2026-02"), ["another-grid"], today=date(2026, 2, 28))
    assert (inside.plans, inside.contacts_logged, inside.services) == (1, 1, {"groceries": 1})
    assert (outside.plans, outside.contacts_logged, outside.services) == (0, 0, {})
