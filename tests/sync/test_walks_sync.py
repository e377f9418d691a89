"""Night walks and the four lists through a shared folder: they travel, converge, and keep every step."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from gridkeeper import lists, walks
from gridkeeper.walks import NewFinding, NewWalk
from tests.conftest import clock_on
from tests.sync.simulation import Office, value
from tests.walk_fixtures import Street, street

TODAY = date(2026, 11, 27)
_clock = clock_on(TODAY)  # what the pages stamp "now" falls on TODAY


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Office]:
    o = Office(tmp_path, 2)
    yield o
    o.close()


def setup(office: Office) -> tuple[Street, str]:
    a, _b = office.laptops
    st = street(a)
    walk_id = walks.log_walk(a, NewWalk(TODAY, "19:30", "21:00", (st.grid1,), "李娜",
                                        participants=(("property", "陈经理"),),
                                        findings=(NewFinding("fire_lane", "high", "消防通道堆放杂物",
                                                             compound_id=st.compound),)), today=TODAY)
    office.sync_all()
    return st, walk_id


def test_a_walk_travels_and_both_laptops_see_the_same_compliance(office: Office) -> None:
    a, b = office.laptops
    st, walk_id = setup(office)
    assert walks.walk_detail(b, walk_id) == walks.walk_detail(a, walk_id)
    assert walks.grids_without_walk(b, None, TODAY) == walks.grids_without_walk(a, None, TODAY)
    assert [g.grid for g in walks.grids_without_walk(b, None, TODAY)] == ["第2网格"]
    dumps = office.dumps()
    assert dumps[0] == dumps[1]


def test_one_finding_made_a_problem_on_both_laptops_offline_is_one_problem(office: Office) -> None:
    a, b = office.laptops
    _st, walk_id = setup(office)
    finding = walks.walk_detail(a, walk_id).findings[0]  # type: ignore[union-attr]
    on_a = lists.problem_from_finding(a, finding.id, by="李娜", now=datetime(2026, 11, 27, 21, 10))
    on_b = lists.problem_from_finding(b, finding.id, by="王强", now=datetime(2026, 11, 27, 21, 12))
    assert on_a == on_b
    office.sync_all()
    for laptop in (a, b):
        assert value(laptop, "SELECT count(*) FROM listitem WHERE finding_id = :f", f=finding.id) == 1
    dumps = office.dumps()
    assert dumps[0] == dumps[1]


def test_concurrent_steps_keep_both_history_rows(office: Office) -> None:
    """Two cadres act on one problem before syncing: the status converges, and neither step is lost."""
    a, b = office.laptops
    _st, walk_id = setup(office)
    finding = walks.walk_detail(a, walk_id).findings[0]  # type: ignore[union-attr]
    problem = lists.problem_from_finding(a, finding.id, by="李娜", now=datetime(2026, 11, 27, 21, 10))
    office.sync_all()
    lists.claim(a, problem, "党员张伟", by="李娜", now=datetime(2026, 11, 28, 9, 0))
    lists.escalate(b, problem, "community", "需要社区协调", by="王强", now=datetime(2026, 11, 28, 9, 1))
    lists.decline(b, problem, "属于市政管辖", by="王强", now=datetime(2026, 11, 28, 9, 5))
    office.sync_all()
    da, db = lists.item_detail(a, problem, TODAY), lists.item_detail(b, problem, TODAY)
    assert da == db
    assert da is not None and {(h.from_status, h.to_status, h.by) for h in da.history} == {
        (None, "open", "李娜"), ("open", "claimed", "李娜"), ("open", "declined", "王强")}
    assert [e.to_level for e in da.escalations] == ["community"]
    from gridkeeper.sync import conflicts

    kept = [c for c in conflicts.open_conflicts(a) + conflicts.open_conflicts(b) if c.field == "status"]
    assert kept and {c.label for c in kept} == {"消防通道堆放杂物"}  # the loser is kept for review, by title
    dumps = office.dumps()
    assert dumps[0] == dumps[1]
