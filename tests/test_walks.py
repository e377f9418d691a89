"""Night walks: logging with findings, refusals in words, weekly compliance across ISO year ends."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, OperationalError

from gridkeeper import walks
from gridkeeper.errors import (
    BadTime,
    FindingNeedsWhat,
    WalkEndsBeforeStart,
    WalkInFuture,
    WalkNeedsGrid,
    WalkNeedsLeader,
)
from gridkeeper.store import Store
from gridkeeper.walks import NewFinding, NewWalk
from tests.conftest import clock_on
from tests.store.helpers import log_rows
from tests.walk_fixtures import Street, street

TODAY = date(2026, 11, 27)  # a Friday in ISO week 48
_clock = clock_on(TODAY)  # what the pages stamp "now" falls on TODAY


@pytest.fixture
def st(store: Store) -> Street:
    return street(store)


def a_walk(st: Street, day: date = TODAY, grids: tuple[str, ...] | None = None, **kw) -> NewWalk:  # type: ignore[no-untyped-def]
    return NewWalk(walk_date=day, start_time=kw.pop("start", "19:30"), end_time=kw.pop("end", "21:00"),
                   grid_ids=grids if grids is not None else (st.grid1,), leader=kw.pop("leader", "李娜"), **kw)


def test_a_walk_with_participants_and_findings_reads_back(store: Store, st: Street) -> None:
    walk_id = walks.log_walk(store, a_walk(
        st,
        participants=(("cadre", "李娜"), ("cadre", "王强"), ("property", "陈经理"), ("hoa", "赵主任"),
                      ("hoa", "赵主任")),  # the repeat is dropped
        route="南门—1幢—2幢—车库", notes="雨后",
        findings=(
            NewFinding("fire_lane", "high", "消防通道堆放杂物", place="东侧", compound_id=st.compound,
                       building_id=st.building1),
            NewFinding("noise", "low", "广场舞音量大", settled=True),
            NewFinding("facility", "medium", "路灯不亮", compound_id=st.compound),
        ),
    ), today=TODAY)
    detail = walks.walk_detail(store, walk_id)
    assert detail is not None
    assert (detail.head.walk_date, detail.head.start_time, detail.head.end_time) == (TODAY, "19:30", "21:00")
    assert detail.head.route == "南门—1幢—2幢—车库" and detail.head.leader == "李娜"
    assert [g.name for g in detail.grids] == ["第1网格"]
    assert detail.participants == (("cadre", "李娜"), ("cadre", "王强"), ("property", "陈经理"), ("hoa", "赵主任"))
    assert [(f.place, f.category, f.severity, f.settled) for f in detail.findings] == [
        ("阳光花园1幢东侧", "fire_lane", "high", False),
        ("", "noise", "low", True),
        ("阳光花园", "facility", "medium", False),
    ]
    # one grid walked: the findings belong to it
    assert {f.grid_id for f in detail.findings} == {st.grid1}
    with store.read() as conn:
        leader = conn.execute(text("SELECT leader_cadre_id FROM nightwalk WHERE id = :i"), {"i": walk_id}).scalar()
    assert leader == st.cadre  # the leader's name is a cadre in the data: linked


def test_every_row_of_a_walk_is_captured_for_sync(store: Store, st: Street) -> None:
    walk_id = walks.log_walk(store, a_walk(st, participants=(("property", "陈经理"),),
                                           findings=(NewFinding("parking", note="占道停车"),)), today=TODAY)
    logged = {(r["tbl"], r["field"]) for r in log_rows(store) if r["tbl"] in
              ("nightwalk", "walkgrid", "walkparticipant", "finding")}
    assert logged == {("nightwalk", "*"), ("walkgrid", "*"), ("walkparticipant", "*"), ("finding", "*")}
    assert any(r["row_id"] == walk_id for r in log_rows(store, "nightwalk"))


def test_findings_are_append_only(store: Store, st: Street) -> None:
    walk_id = walks.log_walk(store, a_walk(st, findings=(NewFinding("noise", note="施工噪音"),)), today=TODAY)
    finding_id = walks.walk_detail(store, walk_id).findings[0].id  # type: ignore[union-attr]
    with pytest.raises((IntegrityError, OperationalError), match="append-only"):
        with store.begin() as conn:
            conn.execute(text("UPDATE finding SET note = 'changed' WHERE id = :i"), {"i": finding_id})
    # a finding entered by mistake may still be tombstoned
    with store.begin() as conn:
        conn.execute(text("UPDATE finding SET deleted = 1 WHERE id = :i"), {"i": finding_id})
    assert walks.walk_detail(store, walk_id).findings == ()  # type: ignore[union-attr]
    # and added later, after the walk was logged
    walks.add_finding(store, walk_id, NewFinding("sanitation", note="垃圾满溢"))
    assert [f.note for f in walks.walk_detail(store, walk_id).findings] == ["垃圾满溢"]  # type: ignore[union-attr]


@pytest.mark.parametrize(("typed", "expected"), [
    ("19:30", "19:30"), ("1930", "19:30"), ("930", "09:30"), ("19.05", "19:05"), ("１９：３０", "19:30"),
    ("7", "07:00"), (" 21:00 ", "21:00"),
])
def test_times_are_typed_as_people_type_them(typed: str, expected: str) -> None:
    assert walks.parse_time(typed) == expected


@pytest.mark.parametrize("typed", ["", "25:00", "19:75", "晚上", "19:3", "12345"])
def test_nonsense_times_are_refused_in_words(typed: str) -> None:
    with pytest.raises(BadTime) as caught:
        walks.parse_time(typed)
    assert "19:30" in caught.value.english()


def test_a_walk_may_end_after_midnight_but_not_before_it_starts(store: Store, st: Street) -> None:
    walks.log_walk(store, a_walk(st, start="22:30", end="00:40"), today=TODAY)
    with pytest.raises(WalkEndsBeforeStart) as caught:
        walks.log_walk(store, a_walk(st, start="21:00", end="19:00"), today=TODAY)
    assert "19:00" in caught.value.english() and "21:00" in caught.value.english()
    with pytest.raises(WalkEndsBeforeStart):
        walks.log_walk(store, a_walk(st, start="21:00", end="21:00"), today=TODAY)


def test_incomplete_walks_are_refused_and_nothing_is_stored(store: Store, st: Street) -> None:
    with pytest.raises(WalkNeedsGrid):
        walks.log_walk(store, a_walk(st, grids=()), today=TODAY)
    with pytest.raises(WalkNeedsLeader):
        walks.log_walk(store, a_walk(st, leader="  "), today=TODAY)
    with pytest.raises(WalkInFuture):
        walks.log_walk(store, a_walk(st, day=date(2026, 11, 28)), today=TODAY)
    with pytest.raises(FindingNeedsWhat):
        walks.log_walk(store, a_walk(st, findings=(NewFinding("noise"),)), today=TODAY)
    with store.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM nightwalk")).scalar() == 0


def test_walks_list_newest_first_within_scope(store: Store, st: Street) -> None:
    older = walks.log_walk(store, a_walk(st, day=date(2026, 11, 20)), today=TODAY)
    newer = walks.log_walk(store, a_walk(st, day=date(2026, 11, 26), grids=(st.grid1, st.grid2),
                                         findings=(NewFinding("noise", note="a"),
                                                   NewFinding("noise", note="b", settled=True))), today=TODAY)
    other = walks.log_walk(store, a_walk(st, day=date(2026, 11, 25), grids=(st.grid2,)), today=TODAY)
    rows = walks.walks_between(store, [st.grid1], date(2026, 11, 1), TODAY)
    assert [r.id for r in rows] == [newer, older]
    assert rows[0].grids == ("第1网格", "第2网格") and (rows[0].findings, rows[0].unsettled) == (2, 1)
    assert [r.id for r in walks.walks_between(store, None, date(2026, 11, 1), TODAY)] == [newer, other, older]


# -- weekly compliance --------------------------------------------------------------


def names(rows: list[walks.GridWithoutWalk]) -> list[str]:
    return [r.grid for r in rows]


def test_grids_without_a_walk_this_iso_week(store: Store, st: Street) -> None:
    assert names(walks.grids_without_walk(store, None, TODAY)) == ["第1网格", "第2网格"]
    walks.log_walk(store, a_walk(st, day=date(2026, 11, 22)), today=TODAY)  # Sunday of week 47
    missing = walks.grids_without_walk(store, None, TODAY)
    assert names(missing) == ["第1网格", "第2网格"]
    assert missing[0].last_walk == date(2026, 11, 22) and missing[1].last_walk is None
    walks.log_walk(store, a_walk(st, day=date(2026, 11, 23)), today=TODAY)  # Monday of week 48
    assert names(walks.grids_without_walk(store, None, TODAY)) == ["第2网格"]
    assert walks.grids_without_walk(store, [st.grid1], TODAY) == []  # my grids only


def test_a_deleted_walk_does_not_count(store: Store, st: Street) -> None:
    walk_id = walks.log_walk(store, a_walk(st), today=TODAY)
    with store.begin() as conn:
        conn.execute(text("UPDATE nightwalk SET deleted = 1 WHERE id = :i"), {"i": walk_id})
    assert names(walks.grids_without_walk(store, [st.grid1], TODAY)) == ["第1网格"]


def test_iso_week_53_spans_the_new_year(store: Store, st: Street) -> None:
    """2026 has 53 ISO weeks; week 53 runs Monday 28 December 2026 to Sunday 3 January 2027."""
    assert date(2026, 12, 28).isocalendar()[:2] == (2026, 53)
    assert walks.week_of(date(2027, 1, 3)) == (date(2026, 12, 28), date(2027, 1, 3))
    new_year = date(2027, 1, 3)
    walks.log_walk(store, a_walk(st, day=date(2026, 12, 27)), today=new_year)  # Sunday of week 52
    assert names(walks.grids_without_walk(store, [st.grid1], new_year)) == ["第1网格"]
    walks.log_walk(store, a_walk(st, day=date(2026, 12, 29)), today=new_year)  # Tuesday of week 53
    assert walks.grids_without_walk(store, [st.grid1], new_year) == []  # a 2026 walk counts in 2027's days
    assert walks.grids_without_walk(store, [st.grid1], date(2026, 12, 31)) == []
    # the next Monday is ISO 2027-W01: a new week, no walk yet
    assert names(walks.grids_without_walk(store, [st.grid1], date(2027, 1, 4))) == ["第1网格"]


def test_iso_week_1_can_start_in_december(store: Store, st: Street) -> None:
    """2024-12-30 (Monday) is in ISO week 1 of 2025."""
    walks.log_walk(store, a_walk(st, day=date(2024, 12, 30)), today=date(2025, 1, 2))
    assert walks.grids_without_walk(store, [st.grid1], date(2025, 1, 2)) == []
    assert names(walks.grids_without_walk(store, [st.grid1], date(2024, 12, 29))) == ["第1网格"]


def test_walk_weeks_for_the_monthly_report(store: Store, st: Street) -> None:
    for day in (date(2026, 12, 1), date(2026, 12, 3), date(2026, 12, 29), date(2027, 1, 2)):
        walks.log_walk(store, a_walk(st, day=day), today=date(2027, 1, 5))
    report = walks.walk_weeks(store, None, date(2026, 12, 1), date(2026, 12, 31))
    g1 = next(r for r in report if r.grid_id == st.grid1)
    assert g1.weeks == ((2026, 49), (2026, 50), (2026, 51), (2026, 52), (2026, 53))
    assert g1.walks == (2, 0, 0, 0, 1)  # the 2 January walk is outside December
    assert g1.weeks_missed == 3
    g2 = next(r for r in report if r.grid_id == st.grid2)
    assert g2.walks == (0, 0, 0, 0, 0)


def test_quick_place_entry_finds_compound_and_building(store: Store, st: Street) -> None:
    candidates = walks.places(store, [st.grid1])
    assert [p.label for p in candidates] == ["阳光花园", "阳光花园1幢"]
    place, rest = walks.match_place(candidates, "阳光花园 1幢 东侧消防通道")
    assert place is not None and place.building_id == st.building1 and rest == "东侧消防通道"
    place, rest = walks.match_place(candidates, "阳光花园南门")
    assert place is not None and place.building_id is None and rest == "南门"
    assert walks.match_place(candidates, "菜市场门口") == (None, "菜市场门口")
