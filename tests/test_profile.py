"""Who uses this laptop, and "my grids" as of a day: the stints held that day, not every stint ever."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import text

from gridkeeper import clock, ids
from gridkeeper.places import profile
from gridkeeper.rules import cadre_roles
from gridkeeper.store import Store
from gridkeeper.store.models import Assignment, Cadre, Community, Grid


def _street(store: Store) -> dict[str, str]:
    """Two communities, each with a 第1网格 (grid names repeat across communities)."""
    grids = {}
    with store.write() as s:
        for community in ("城南社区", "塘川社区"):
            cid = ids.community_id(community)
            s.add(Community(id=cid, name=community))
            for name in ("第1网格", "第2网格"):
                gid = f"{community}/{name}"
                s.add(Grid(id=gid, community_id=cid, name=name))
                grids[gid] = gid
    return grids


def _stint(store: Store, cadre_id: str, grid_id: str, start: date | None, end: date | None) -> None:
    with store.write() as s:
        s.add(Assignment(id=ids.new_id(),
                         cadre_id=cadre_id, grid_id=grid_id, start_date=start, end_date=end))


def test_my_grids_are_the_stints_held_today(store: Store) -> None:
    _street(store)
    today = clock.today()
    yesterday, tomorrow = today - timedelta(days=1), today + timedelta(days=1)
    with store.write() as s:
        s.add(Cadre(id="c1", name="廖欣"))
    _stint(store, "c1", "城南社区/第1网格", date(2020, 1, 1), yesterday)  # ended yesterday: no longer mine
    _stint(store, "c1", "城南社区/第2网格", tomorrow, None)  # starts tomorrow: not yet
    _stint(store, "c1", "塘川社区/第1网格", today, today)  # today only: mine today
    _stint(store, "c1", "塘川社区/第2网格", None, None)  # no dates (older data): held
    profile.choose_cadre(store, "c1")

    assert profile.my_grid_ids(store) == ["塘川社区/第1网格", "塘川社区/第2网格"]
    assert profile.my_grid_ids(store, yesterday) == ["城南社区/第1网格", "塘川社区/第2网格"]
    assert profile.my_grid_ids(store, tomorrow) == ["城南社区/第2网格", "塘川社区/第2网格"]
    listed = {c.id: c for c in profile.list_cadres(store)}
    assert [g.id for g in listed["c1"].grids] == ["塘川社区/第1网格", "塘川社区/第2网格"]
    # The history keeps every stint, the ended and the coming one included, oldest first.
    history = profile.history(store, "c1")
    assert [(h.grid.id, h.start, h.end) for h in history] == [
        ("塘川社区/第2网格", None, None),
        ("城南社区/第1网格", date(2020, 1, 1), yesterday),
        ("塘川社区/第1网格", today, today),
        ("城南社区/第2网格", tomorrow, None),
    ]
    assert [h.held_on(today) for h in history] == [True, False, True, False]


def test_a_tombstoned_stint_does_not_count(store: Store) -> None:
    _street(store)
    with store.write() as s:
        s.add(Cadre(id="c1", name="廖欣"))
        s.add(Assignment(id="a1", cadre_id="c1", grid_id="城南社区/第1网格", start_date=date(2020, 1, 1),
                         deleted=True))
    profile.choose_cadre(store, "c1")
    assert profile.my_grid_ids(store) == []
    assert profile.history(store, "c1") == []


def test_a_new_cadre_with_a_role_and_grids(store: Store) -> None:
    _street(store)
    me = profile.create_cadre(store, " 林晓燕 ", phone="13812345678", role="党建指导员",
                              grid_ids=["城南社区/第2网格", "城南社区/第1网格"])
    assert me.name == "林晓燕" and me.role == cadre_roles.PARTY_INSTRUCTOR
    assert me.community == "城南社区"  # all the grids chosen are in one community
    assert [g.id for g in me.grids] == ["城南社区/第1网格", "城南社区/第2网格"]
    assert profile.current_cadre(store) == me
    history = profile.history(store, me.id)
    assert {h.assignment_id for h in history} == {ids.assignment_id(me.id, g) for g in
                                                  ("城南社区/第1网格", "城南社区/第2网格")}
    assert {h.start for h in history} == {clock.today()} and {h.end for h in history} == {None}
    with store.read() as conn:  # through the write path: captured for sync
        logged = conn.execute(text("SELECT tbl, count(DISTINCT row_id) FROM change_log "
                                   "WHERE tbl IN ('cadre', 'assignment') GROUP BY tbl ORDER BY tbl")).all()
    assert [tuple(r) for r in logged] == [("assignment", 2), ("cadre", 1)]


def test_a_cadre_back_in_a_grid_gets_a_later_stint(store: Store) -> None:
    _street(store)
    first_day = clock.today() - timedelta(days=400)
    me = profile.create_cadre(store, "林晓燕", grid_ids=["城南社区/第1网格"], today=first_day)
    with store.write() as s:  # the first stint ended a month ago
        s.get(Assignment, ids.assignment_id(me.id, "城南社区/第1网格")).end_date = clock.today() - timedelta(days=30)
    assert profile.my_grid_ids(store) == []
    again = profile.create_cadre(store, "林晓燕", grid_ids=["城南社区/第1网格", "塘川社区/第1网格"])
    assert [g.id for g in again.grids] == ["城南社区/第1网格", "塘川社区/第1网格"]
    history = profile.history(store, me.id)
    assert len(history) == 3
    assert ids.assignment_id(me.id, "城南社区/第1网格", clock.today().isoformat()) in {h.assignment_id for h in history}
    # Asking again changes nothing: no second stint for a grid held.
    profile.create_cadre(store, "林晓燕", grid_ids=["城南社区/第1网格"])
    assert len(profile.history(store, me.id)) == 3


def test_a_grid_that_does_not_exist_is_refused_and_nothing_is_written(store: Store) -> None:
    _street(store)
    with pytest.raises(ValueError):
        profile.create_cadre(store, "林晓燕", grid_ids=["城南社区/第1网格", "nowhere"])
    assert profile.list_cadres(store) == []
    assert profile.current_cadre(store) is None


def test_street_grids_by_community(store: Store) -> None:
    _street(store)
    assert [(g.community, g.name) for g in profile.street_grids(store)] == [
        ("城南社区", "第1网格"), ("城南社区", "第2网格"), ("塘川社区", "第1网格"), ("塘川社区", "第2网格")]


def test_the_quarterly_evaluation_counts_the_grids_held_in_its_quarter(store: Store) -> None:
    """A cadre who rotated from 城南社区 第1网格 to 第2网格 at the end of June is evaluated for 第1网格 in Q2
    and for 第2网格 in Q3; the grid sheet names the cadre of each quarter."""
    from gridkeeper.reports import period
    from gridkeeper.reports.quarterly import quarterly_figures, quarterly_report

    _street(store)
    with store.write() as s:
        s.add(Cadre(id="c1", name="廖欣"))
    _stint(store, "c1", "城南社区/第1网格", date(2026, 1, 1), date(2026, 6, 30))
    _stint(store, "c1", "城南社区/第2网格", date(2026, 7, 1), None)
    q2 = quarterly_figures(store, period.quarter("2026-Q2"), today=date(2026, 9, 1))
    q3 = quarterly_figures(store, period.quarter("2026-Q3"), today=date(2026, 10, 1))
    assert [(c.name, c.grid_ids) for c in q2.cadres] == [("廖欣", ["城南社区/第1网格"])]
    assert [(c.name, c.grid_ids) for c in q3.cadres] == [("廖欣", ["城南社区/第2网格"])]
    assert {g.grid_id: g.cadres for g in q3.grids}["城南社区/第1网格"] == ""
    report = quarterly_report(q3, lambda _c, text: text)
    assert report.title == "Quarterly evaluation 2026-Q3 · whole street"
    assert ["Scope", "whole street"] in [list(r) for r in report.tables[0].rows]
