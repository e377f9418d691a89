"""What depends on the day, checked on the suite's day and on each of conftest.HARD_DAYS.

The demo's history ends on that day and the clock reads it: a month's 1st (this month
holds one morning), its 7th, 31 December in ISO week 53, 1 January (still in that
week, in another year), a leap day, a Sunday (the week ends) and a Monday (it begins).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest

from gridkeeper import care, clock, mediation, walks
from gridkeeper.io import report_xlsx
from gridkeeper.reports import monthly, period, quarterly, scope
from gridkeeper.store import Store


def _identity(_context: str, text: str) -> str:
    return text


def test_today_lists_only_what_is_due_by_the_day(any_day: date, any_day_demo: Store) -> None:
    today = care.today_list(any_day_demo, clock.today(), None)
    assert today.day == any_day
    assert today.overdue or today.due  # the demo's daily plans are due every day
    for item in today.due:
        assert item.due_date == any_day and item.days_overdue == 0
    for item in today.overdue:
        assert item.due_date < any_day and item.days_overdue == (any_day - item.due_date).days > 0
    for item in today.alerts:
        assert item in today.overdue or item in today.due
    assert [i.days_overdue for i in today.overdue] == sorted((i.days_overdue for i in today.overdue), reverse=True)
    # The day before the history ends holds contacts, the day after none: nothing was made in the future.
    assert all(i.last_contact is None or i.last_contact <= any_day for i in today.to_work)


def test_this_weeks_walks_and_the_weeks_judged(any_day: date, any_day_demo: Store) -> None:
    monday, sunday = walks.week_of(any_day)
    assert monday.weekday() == 0 and sunday - monday == timedelta(days=6) and monday <= any_day <= sunday
    this_week = walks.walks_between(any_day_demo, None, monday, sunday)
    assert all(w.walk_date <= any_day for w in this_week)  # none logged ahead of the day
    # The ISO week of 31 December 2026 and of 1 January 2027 is 2026's 53rd.
    if any_day in (date(2026, 12, 31), date(2027, 1, 1)):
        assert any_day.isocalendar()[:2] == (2026, 53)
        weeks = walks.walk_weeks(any_day_demo, None, date(2026, 12, 28), any_day)
        assert weeks and all(g.weeks == ((2026, 53),) for g in weeks)


@pytest.mark.parametrize("months_back", [0, 1], ids=["this month", "last month"])
def test_the_monthly_pack_of_this_and_last_month(any_day: date, any_day_demo: Store, tmp_path: Path,
                                                 months_back: int) -> None:
    first = any_day.replace(day=1)
    for _ in range(months_back):
        first = (first - timedelta(days=1)).replace(day=1)
    month = period.month(f"{first:%Y-%m}")
    figures = monthly.monthly_figures(any_day_demo, month, scope.EVERYTHING)
    assert figures.as_of == min(month.last, any_day)
    # Judged weeks are whole ISO weeks of the month that ended by the day, never one still running.
    for week in figures.walks.ended_weeks(month.weeks()):
        assert date.fromisocalendar(week[0], week[1], 7) <= any_day
    assert all(w.walk_date <= figures.as_of for w in figures.walks.walks)
    assert 0 <= figures.care.made
    out = report_xlsx.write(monthly.monthly_report(figures, _identity), tmp_path / "pack.xlsx")
    assert openpyxl.load_workbook(out).sheetnames[0] == "Overview"


def test_a_month_not_begun_is_refused(any_day: date, any_day_demo: Store) -> None:
    following = (any_day.replace(day=28) + timedelta(days=4)).replace(day=1)
    with pytest.raises(period.PeriodNotBegun):
        monthly.monthly_figures(any_day_demo, period.month(f"{following:%Y-%m}"), scope.EVERYTHING)


def test_the_quarterly_pack_of_this_quarter(any_day: date, any_day_demo: Store, tmp_path: Path) -> None:
    quarter = period.quarter(f"{any_day.year}-Q{(any_day.month - 1) // 3 + 1}")
    assert quarter.contains(any_day)
    figures = quarterly.quarterly_figures(any_day_demo, quarter)
    assert figures.as_of == any_day
    for c in figures.cadres:
        assert 0 <= c.weeks_walked <= c.weeks
    out = report_xlsx.write(quarterly.quarterly_report(figures, _identity), tmp_path / "quarter.xlsx")
    assert out.exists()


def test_return_visits_and_deadlines_by_the_day(any_day: date, any_day_demo: Store) -> None:
    due = mediation.return_visits_due(any_day_demo, any_day)
    for visit in due:
        assert visit.due <= any_day and visit.days_overdue == (any_day - visit.due).days
    assert [v.days_overdue for v in due] == sorted((v.days_overdue for v in due), reverse=True)
    # The Mediations page's "overdue" filter: due before the day, so every one is in the due list
    # with at least a day overdue, and the due list holds nothing else but visits due on the day.
    overdue = {c.id for c in mediation.list_cases(any_day_demo, overdue_on=any_day)}
    assert overdue == {v.case_id for v in due if v.days_overdue > 0}
    tomorrow = {v.case_id for v in mediation.return_visits_due(any_day_demo, any_day + timedelta(days=1))}
    assert {v.case_id for v in due} <= tomorrow  # a visit due today is still due tomorrow
