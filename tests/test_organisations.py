"""Organisations (issue 23): committee terms and their warnings, coverage and 一肩挑, a change of
property company with its history, inspections that become problems, the quarterly ranking, survey
arithmetic, clubs and teams with their hours."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import text

from gridkeeper import lists
from gridkeeper.errors import GridKeeperError
from gridkeeper.organisations import committees, supervision, surveys, teams
from gridkeeper.organisations.committees import NewMember
from gridkeeper.organisations.errors import OrgError
from gridkeeper.organisations.supervision import Check
from gridkeeper.organisations.surveys import NewSurvey
from gridkeeper.organisations.teams import NewActivity
from gridkeeper.store import Store
from tests.conftest import clock_on
from tests.walk_fixtures import Street, street

TODAY = date(2026, 11, 27)
_clock = clock_on(TODAY)


@pytest.fixture
def st(store: Store) -> Street:
    return street(store)


def second_compound(store: Store, st: Street, name: str = "明珠苑") -> str:
    from gridkeeper import ids
    from gridkeeper.store.models import Building, Compound

    co = ids.compound_id("塘川社区", name)
    with store.write() as s:
        s.add(Compound(id=co, community_id=st.community, name=name))
        s.add(Building(id=ids.building_id(co, "1幢"), compound_id=co, grid_id=st.grid2, name="1幢"))
    return co


def logged(store: Store, table: str) -> int:
    with store.read() as conn:
        return conn.execute(text("SELECT count(*) FROM change_log WHERE tbl = :t"), {"t": table}).scalar()


# -- committees -----------------------------------------------------------------------------


def test_term_warning_coverage_and_one_shoulder(store: Store, st: Street) -> None:
    other = second_compound(store, st)
    # 阳光花园: a term ending in 5 months, the secretary chairs it (一肩挑).
    committees.add_committee(store, st.compound, date(2021, 5, 1), date(2027, 4, 30),
                             [NewMember("王建国", "chair", True), NewMember("陈芳", "member")])
    committees.set_party_org(store, st.compound, "branch", "阳光花园党支部", "王 建国")
    # 明珠苑: a committee whose term runs 2 more years, no Party organisation.
    committees.add_committee(store, other, date(2023, 12, 1), members=[NewMember("赵强", "chair")])
    rows = {g.compound: g for g in committees.governance(store, today=TODAY)}
    sun, pearl = rows["阳光花园"], rows["明珠苑"]
    assert sun.one_shoulder and sun.term_warning and sun.days_left == (date(2027, 4, 30) - TODAY).days
    assert not pearl.one_shoulder and not pearl.term_warning and pearl.committee.term_ends == date(2028, 12, 1)
    street_total = committees.governance_figures(list(rows.values()))[-1]
    assert (street_total.compounds, street_total.with_committee, street_total.with_party_org,
            street_total.one_shoulder, street_total.terms_ending) == (2, 2, 1, 1, 1)
    assert street_total.coverage == 0.5
    # Six months and one day before the end the warning is not yet due; on the day it is.
    def warned(day: date) -> bool:
        return next(g for g in committees.governance(store, today=day) if g.compound == "阳光花园").term_warning

    assert not warned(date(2026, 10, 29)) and warned(date(2026, 10, 30))
    assert logged(store, "ownerscommittee") == 2 and logged(store, "committeemember") == 3
    assert logged(store, "partyorg") == 1


def test_a_new_term_replaces_the_old_one_and_the_old_is_kept(store: Store, st: Street) -> None:
    committees.add_committee(store, st.compound, date(2016, 5, 1), members=[NewMember("老刘", "chair")])
    committees.add_committee(store, st.compound, date(2021, 5, 1), members=[NewMember("王建国", "chair")])
    assert committees.governance(store, [st.grid1], today=TODAY)[0].chair == "王建国"
    assert committees.governance(store, [st.grid1], today=date(2020, 1, 1))[0].chair == "老刘"
    assert [t.elected_on.year for t, _m in committees.committee_history(store, st.compound)] == [2021, 2016]


def test_committee_refusals_are_in_words(store: Store, st: Street) -> None:
    with pytest.raises(OrgError, match="must end after"):
        committees.add_committee(store, st.compound, date(2026, 1, 1), date(2025, 1, 1))
    with pytest.raises(OrgError, match="one chair"):
        committees.add_committee(store, st.compound, date(2026, 1, 1),
                                 members=[NewMember("甲", "chair"), NewMember("乙", "chair")])
    with pytest.raises(OrgError, match="needs a name"):
        committees.add_committee(store, st.compound, date(2026, 1, 1), members=[NewMember("  ", "member")])
    assert logged(store, "ownerscommittee") == 0  # nothing half-written


# -- property companies -----------------------------------------------------------------------------


def test_change_of_company_keeps_both_in_the_history(store: Store, st: Street) -> None:
    old = supervision.add_company(store, "宏达物业", "周经理", "0577-61234567")
    new = supervision.add_company(store, "南虹物业")
    supervision.serve(store, st.compound, old, date(2019, 1, 1))
    with pytest.raises(OrgError, match="why"):
        supervision.change_company(store, st.compound, new, date(2026, 9, 1), " ")
    supervision.change_company(store, st.compound, new, date(2026, 9, 1), "业主大会表决更换")
    first, second = supervision.history(store, st.compound)
    assert (first.company, first.end_date, first.exit_reason) == ("宏达物业", date(2026, 8, 31), "业主大会表决更换")
    assert (second.company, second.start_date, second.end_date) == ("南虹物业", date(2026, 9, 1), None)
    assert supervision.company_on(store, st.compound, date(2026, 8, 31)).company == "宏达物业"
    assert supervision.company_on(store, st.compound, TODAY).company == "南虹物业"
    with store.read() as conn:  # the four lists name a property problem's owner from the compound
        assert conn.execute(text("SELECT property_company FROM compound WHERE id = :c"),
                            {"c": st.compound}).scalar() == "南虹物业"
    with pytest.raises(OrgError, match="already serves"):
        supervision.change_company(store, st.compound, new, TODAY, "again")
    with pytest.raises(OrgError, match="already recorded"):
        supervision.add_company(store, " 宏达物业 ")


def test_a_failed_check_becomes_a_problem_owned_by_the_company(store: Store, st: Street) -> None:
    company = supervision.add_company(store, "南虹物业")
    supervision.serve(store, st.compound, company, date(2026, 1, 1))
    _inspection, problems = supervision.inspect(
        store, st.compound, TODAY, "李娜、王建国",
        [Check("消防通道畅通", False, "3幢东侧堆放杂物"), Check("楼道整洁", True), Check("电梯年检", False)],
        by="李娜", now=datetime(2026, 11, 27, 15, 0))
    assert len(problems) == 1  # a failed check without a finding says nothing to do
    owned = lists.open_problems_of(store, "南虹物业", TODAY)
    assert [(i.id, i.title, i.source, i.due_date) for i in owned] == [
        (problems[0], "消防通道畅通：3幢东侧堆放杂物", "inspection", date(2026, 12, 4))]
    [row] = supervision.inspections(store, st.compound)
    assert [(c.item, c.passed, c.problem_id) for c in row.checks] == [
        ("消防通道畅通", False, problems[0]), ("楼道整洁", True, None), ("电梯年检", False, None)]
    with pytest.raises(Exception, match="append-only"), store.begin() as w:
        w.execute(text("UPDATE inspectioncheck SET passed = 1"))
    assert supervision.summaries(store, TODAY)[0].open_problems == 1
    # Photos of the inspection (and of the failed checks' findings) go on the inspection itself.
    from gridkeeper import attachments
    from tests.attachment_files import png

    photo = attachments.add(store, "inspection", _inspection, png(), caption="3幢东侧", by="李娜")
    assert [a.id for a in attachments.of_entity(store, "inspection", _inspection)] == [photo.id]
    assert logged(store, "attachment") >= 1  # captured for sync like any photo


def test_inspection_needs_a_company_serving_that_day(store: Store, st: Street) -> None:
    with pytest.raises(OrgError, match="No property company"):
        supervision.inspect(store, st.compound, TODAY, "李娜", [Check("消防通道畅通", True)], by="李娜")


def test_quarterly_evaluation_ranks_compounds(store: Store, st: Street) -> None:
    other = second_compound(store, st)
    company = supervision.add_company(store, "南虹物业")
    supervision.serve(store, st.compound, company, date(2026, 1, 1))
    supervision.serve(store, other, company, date(2026, 1, 1))
    supervision.evaluate(store, st.compound, "2026-Q3", "community", {"cleaning": 80, "repairs": 70})
    supervision.evaluate(store, st.compound, "2026-q3", "hoa", {"cleaning": 90, "repairs": 90})
    supervision.evaluate(store, other, "2026-Q3", "residents", {"cleaning": 95})
    supervision.evaluate(store, other, "2026-Q3", "residents", {"cleaning": 60})  # replaces the first
    ranked = supervision.ranking(store, "2026-Q3")
    assert [(e.rank, e.compound, e.overall) for e in ranked] == [(1, "阳光花园", 82.5), (2, "明珠苑", 60.0)]
    assert ranked[0].by_item == {"cleaning": 85.0, "repairs": 80.0}
    with pytest.raises(OrgError, match="0 to 100"):
        supervision.evaluate(store, other, "2026-Q3", "hoa", {"cleaning": 101})
    with pytest.raises(GridKeeperError):
        supervision.evaluate(store, other, "2026Q9", "hoa", {"cleaning": 50})


def test_a_quarter_not_started_is_not_evaluated(store: Store, st: Street) -> None:
    supervision.serve(store, st.compound, supervision.add_company(store, "南虹物业"), date(2026, 1, 1))
    with pytest.raises(OrgError, match="has not started") as refused:
        supervision.evaluate(store, st.compound, "2027-Q1", "hoa", {"cleaning": 90})
    assert refused.value.params == {"quarter": "2027-Q1", "day": "2027-01-01"}
    assert logged(store, "serviceevaluation") == 0
    supervision.evaluate(store, st.compound, "2026-Q4", "hoa", {"cleaning": 90})  # the quarter under way: fine


# -- surveys ----------------------------------------------------------------------------------------


def test_survey_arithmetic(store: Store, st: Street) -> None:
    ok = NewSurvey(st.compound, date(2026, 11, 1), "door", asked=120, answered=100, overall=94,
                   topics={"property_service": 90, "safety": None})
    surveys.record(store, ok)
    [row] = surveys.surveys(store, st.compound)
    assert surveys.rate(row.overall, row.answered) == 0.94 and row.topics["safety"] is None
    with pytest.raises(OrgError, match="only 100 were asked"):
        surveys.check(NewSurvey(st.compound, TODAY, "door", asked=100, answered=101, overall=1))
    with pytest.raises(OrgError, match="more than the 50 who answered"):
        surveys.check(NewSurvey(st.compound, TODAY, "door", asked=60, answered=50, overall=10,
                                topics={"environment": 51}))
    with pytest.raises(OrgError, match="future"):
        surveys.check(NewSurvey(st.compound, date(2026, 11, 28), "door", asked=1, answered=1, overall=1))


def test_answers_are_counted_and_unclear_rows_set_aside() -> None:
    rows = [(2, {"overall": "满意", "safety": "不满意"}), (3, {"overall": "基本满意", "safety": "满意"}),
            (4, {"overall": "不满意"}), (5, {"overall": "还行吧"}), (6, {"overall": ""})]
    counted = surveys.count_answers(rows)
    assert (counted.answered, counted.overall, counted.topics["safety"], counted.topics["environment"]) == (3, 2, 1, None)
    assert counted.skipped == ((5, "还行吧"), (6, ""))


def test_series_marks_the_change_of_company(store: Store, st: Street) -> None:
    old, new = supervision.add_company(store, "宏达物业"), supervision.add_company(store, "南虹物业")
    supervision.serve(store, st.compound, old, date(2020, 1, 1))
    surveys.record(store, NewSurvey(st.compound, date(2026, 3, 1), "paper", 100, 100, 31))
    supervision.change_company(store, st.compound, new, date(2026, 6, 1), "业主大会表决")
    surveys.record(store, NewSurvey(st.compound, date(2026, 10, 1), "paper", 100, 100, 94))
    s = surveys.series(store, st.compound)
    assert [(p.day, p.rate) for p in s.points] == [(date(2026, 3, 1), 0.31), (date(2026, 10, 1), 0.94)]
    assert [(e.day, e.kind, e.text) for e in s.events] == [(date(2026, 6, 1), "company_changed", "南虹物业")]


def test_series_marks_the_deliberations_adopted(store: Store, st: Street) -> None:
    from gridkeeper.meetings import deliberation as d

    def matter(title: str, decision: str, decided: date) -> None:
        did = d.open_matter(store, st.compound, title, date(2026, 4, 1))
        d.record_party(store, did, date(2026, 4, 5), "同意")
        d.record_tripartite(store, did, date(2026, 4, 10), "三方一致")
        d.record_residents(store, did, date(2026, 4, 20), "door_to_door", d.Tally(10, 8, 1, 1, 0))
        d.decide(store, did, decision, decided)

    matter("更换物业公司", "adopted", date(2026, 5, 2))
    matter("加装电梯", "rejected", date(2026, 5, 3))  # changed nothing: not an event
    d.open_matter(store, st.compound, "新建充电棚", date(2026, 5, 4))  # under way
    lists.create_item(store, lists.NewItem("project", "会议决定的项目", "meeting", "hoa", compound_id=st.compound),
                      by="李娜")  # a meeting's list item is not a deliberation
    s = surveys.series(store, st.compound)
    assert [(e.day, e.kind, e.text) for e in s.events] == [(date(2026, 5, 2), "deliberation", "更换物业公司")]


# -- clubs and teams --------------------------------------------------------------------------------


def test_teams_sort_numbers_as_numbers_and_search(store: Store, st: Street) -> None:
    for n in (1, 11, 12, 2, 3):
        teams.add_team(store, f"第{n}志愿服务队", compound_id=st.compound)
    teams.add_team(store, "书法社", "skill_club", leader="陈芳")
    assert [t.name for t in teams.team_list(store) if t.kind == "volunteer_team"] == [
        f"第{n}志愿服务队" for n in (1, 2, 3, 11, 12)]
    assert [t.name for t in teams.team_list(store, "陈")] == ["书法社"]
    assert len(teams.team_list(store, "阳光")) == 5  # by compound


def test_activity_hours_per_team_compound_and_volunteer(store: Store, st: Street) -> None:
    from gridkeeper import care

    team = teams.add_team(store, "敲门队", "knock_day", compound_id=st.compound)
    a, b = care.add_volunteer(store, "张三", team_id=team), care.add_volunteer(store, "李四", team_id=team)
    service = lists.create_item(store, lists.NewItem("service", "独居老人送餐", "door_knock", "community"), "李娜")
    teams.add_activity(store, NewActivity(team, date(2026, 11, 3), "敲门日走访", participants=4, duration_minutes=90,
                                          households_served=12, compound_id=st.compound, volunteer_ids=[a, b],
                                          item_id=service))
    done = lists.item_detail(store, service, TODAY)
    assert (done.item.status, done.item.claimant, done.resolution) == ("done", "敲门队", "敲门日走访")
    teams.add_activity(store, NewActivity(team, date(2026, 11, 20), "送餐", 2, 60, 5, volunteer_ids=[a]))
    teams.add_activity(store, NewActivity(team, date(2026, 10, 31), "上月的", 9, 60, 9))
    w = teams.work(store, date(2026, 11, 1), date(2026, 11, 30))
    assert (w.total.activities, w.total.participants, w.total.hours, w.total.households_served, w.total.services) \
        == (2, 6, 8.0, 17, 1)
    assert [(v.name, v.hours) for v in w.volunteers] == [("张三", 2.5), ("李四", 1.5)]
    assert [(c.name, c.hours) for c in w.compounds] == [("阳光花园", 6.0), ("", 2.0)]
    with pytest.raises(OrgError, match="fewer than"):
        teams.add_activity(store, NewActivity(team, TODAY, "x", 1, 60, volunteer_ids=[a, b]))
    with pytest.raises(OrgError, match="at most a day"):
        teams.add_activity(store, NewActivity(team, TODAY, "x", 1, 24 * 60 + 1))
    assert logged(store, "teamactivity") == 3 and logged(store, "activityvolunteer") == 3
