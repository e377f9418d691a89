"""The demo's night walks and lists: three months, gaps to find, problems at every step of the loop."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import text

from gridkeeper import demo, lists, walks
from gridkeeper.store import Store

#: Where the demo's history ends (demo.generate's default: the real today).
END = date.today()


def test_three_months_of_walks_with_a_few_weeks_missed(demo_store: Store) -> None:
    first = END - timedelta(weeks=13)
    report = walks.walk_weeks(demo_store, None, first, END)
    assert len(report) == 4  # every grid of the small street
    walked = [n for g in report for n in g.walks]
    assert sum(walked) >= 0.8 * len(walked)  # most weeks walked
    assert sum(g.weeks_missed for g in report) >= 1  # some not: compliance has something to show
    assert walks.walks_between(demo_store, None, first, END - timedelta(weeks=12)) != []
    assert walks.walks_between(demo_store, None, END + timedelta(days=1), date(2030, 1, 1)) == []


def test_findings_become_problems_at_every_stage_with_consistent_history(demo_store: Store) -> None:
    items = lists.items(demo_store, END)
    statuses = {i.status for i in items if i.kind == "problem"}
    assert {"open", "in_progress", "done", "verified"} <= statuses
    assert {i.kind for i in items} == {"problem", "need", "service", "project"}
    assert any(i.overdue_days for i in items) and any(i.owner_party == "property" for i in items)
    for item in items:
        detail = lists.item_detail(demo_store, item.id, END)
        assert detail is not None
        history = detail.history
        assert history[0].from_status is None and history[0].to_status == "open"
        for before, after in zip(history, history[1:]):  # a chain: each step starts where the last ended
            assert after.from_status == before.to_status
            assert after.at >= before.at
        assert history[-1].to_status == item.status
        if item.kind == "problem" and item.source == "night_walk":
            assert detail.finding is not None and not detail.finding.settled
    with demo_store.read() as conn:
        settled = conn.execute(text("SELECT count(*) FROM finding WHERE settled = 1")).scalar()
        waiting = conn.execute(text(
            "SELECT count(*) FROM finding f WHERE settled = 0 AND NOT EXISTS "
            "(SELECT 1 FROM listitem li WHERE li.finding_id = f.id)")).scalar()
    assert settled and waiting  # some settled on the spot, some still to be made problems
