"""The demo's night walks and lists: three months, gaps to find, problems at every step of the loop."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import text

from gridkeeper import clock, lists, walks
from gridkeeper.store import Store

# Each test runs on demos whose history ends on the suite's day and on each of the hard days
# (conftest.HARD_DAYS), with the clock on that day: what the demo promises holds on any day.


def test_three_months_of_walks_with_a_few_weeks_missed(any_day_demo: Store) -> None:
    END = clock.today()
    # The demo walks 13 ISO weeks up to END's; the week in progress only up to END, so it is left
    # out here: on a Monday most grids have not walked it yet, and that is not a missed week.
    this_monday = END - timedelta(days=END.weekday())
    first = this_monday - timedelta(weeks=12)
    report = walks.walk_weeks(any_day_demo, None, first, this_monday - timedelta(days=1))
    assert len(report) == 4  # every grid of the small street
    walked = [n for g in report for n in g.walks]
    assert len(walked) == 4 * 12
    assert sum(walked) >= 0.8 * len(walked)  # most weeks walked
    assert sum(g.weeks_missed for g in report) >= 1  # some not: compliance has something to show
    assert walks.walks_between(any_day_demo, None, first, first + timedelta(days=6)) != []
    assert walks.walks_between(any_day_demo, None, first - timedelta(weeks=1), first - timedelta(days=1)) == []
    assert walks.walks_between(any_day_demo, None, END + timedelta(days=1), date(2030, 1, 1)) == []


def test_findings_become_problems_at_every_stage_with_consistent_history(any_day_demo: Store) -> None:
    END = clock.today()
    items = lists.items(any_day_demo, END)
    statuses = {i.status for i in items if i.kind == "problem"}
    assert {"open", "in_progress", "done", "verified"} <= statuses
    assert {i.kind for i in items} == {"problem", "need", "service", "project"}
    assert any(i.overdue_days for i in items) and any(i.owner_party == "property" for i in items)
    for item in items:
        detail = lists.item_detail(any_day_demo, item.id, END)
        assert detail is not None
        history = detail.history
        assert history[0].from_status is None and history[0].to_status == "open"
        for before, after in zip(history, history[1:]):  # a chain: each step starts where the last ended
            assert after.from_status == before.to_status
            assert after.at >= before.at
        assert history[-1].to_status == item.status
        if item.kind == "problem" and item.source == "night_walk":
            assert detail.finding is not None and not detail.finding.settled
    with any_day_demo.read() as conn:
        settled = conn.execute(text("SELECT count(*) FROM finding WHERE settled = 1")).scalar()
        waiting = conn.execute(text(
            "SELECT count(*) FROM finding f WHERE settled = 0 AND NOT EXISTS "
            "(SELECT 1 FROM listitem li WHERE li.finding_id = f.id)")).scalar()
    assert settled and waiting  # some settled on the spot, some still to be made problems
