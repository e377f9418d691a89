"""Walk weeks in the monthly and quarterly figures: the ISO week rule, judged as of today.

October 2026 has five weeks by the rule (a week belongs to the month holding four of its
days): 28 Sep - 4 Oct (week 40) through 26 Oct - 1 Nov (week 44).
"""

from __future__ import annotations

from datetime import date

import pytest

from gridkeeper import walks
from gridkeeper.reports import period
from gridkeeper.reports.quarterly import quarterly_figures
from gridkeeper.reports.walk_figures import walk_figures
from gridkeeper.store import Store
from gridkeeper.walks import NewWalk
from tests.walk_fixtures import Street, street

OCTOBER = period.month("2026-10")


@pytest.fixture
def st(store: Store) -> Street:
    s = street(store)
    for day, grid in ((date(2026, 9, 28), s.grid1), (date(2026, 10, 7), s.grid1), (date(2026, 10, 14), s.grid2),
                      (date(2026, 10, 29), s.grid1), (date(2026, 11, 1), s.grid2)):
        walks.log_walk(store, NewWalk(walk_date=day, start_time="19:30", end_time="21:00", grid_ids=(grid,),
                                      leader="李娜", participants=(("cadre", "李娜"),)), today=date(2026, 11, 2))
    return s


def test_last_months_pack_expects_every_week_of_every_grid(store: Store, st: Street) -> None:
    f = walk_figures(store, OCTOBER, None, as_of=OCTOBER.last, today=date(2026, 11, 27))
    g = {x.grid_id: x for x in f.grids}
    # Both grids: five weeks, whoever walked in the last one (it ended on 1 November).
    assert (g[st.grid1].weeks, g[st.grid1].weeks_walked) == (5, 3)  # weeks 40 (28 Sep), 41, 44
    assert (g[st.grid2].weeks, g[st.grid2].weeks_walked) == (5, 2)  # weeks 42 and 44 (1 Nov)
    # Walks are counted by date: the walk list, the overview and the grids add up to the same number.
    assert [w.walk_date for w in f.walks] == [date(2026, 10, 7), date(2026, 10, 14), date(2026, 10, 29)]
    assert g[st.grid1].walks + g[st.grid2].walks == len(f.walks) == 3


def test_during_the_last_week_it_is_not_missed_yet(store: Store, st: Street) -> None:
    f = walk_figures(store, OCTOBER, None, as_of=date(2026, 10, 30), today=date(2026, 10, 30))
    g = {x.grid_id: x for x in f.grids}
    assert (g[st.grid1].weeks, g[st.grid1].weeks_walked) == (5, 3)  # walked on 29 Oct: the running week counts
    assert (g[st.grid2].weeks, g[st.grid2].weeks_walked) == (4, 1)  # not walked yet: not missed yet either


def test_a_cadres_weeks_follow_the_same_rule_as_the_grids(store: Store, st: Street) -> None:
    q = quarterly_figures(store, period.quarter("2026-Q4"), today=date(2026, 11, 27))
    cadre = next(c for c in q.cadres if c.cadre_id == st.cadre)
    # Q4 weeks ended by 27 Nov: 40-47 (week 48 ends 29 Nov). 李娜 walked in weeks 40, 41, 42, 44.
    assert (cadre.weeks, cadre.weeks_walked, cadre.walks) == (8, 4, 4)  # 28 Sep is not in the quarter's walks
    grid1 = next(g for g in q.grids if g.grid_id == st.grid1)
    assert (grid1.weeks, grid1.weeks_walked) == (8, 3)
