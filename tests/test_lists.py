"""The four lists: the claim workflow's state machine, history, escalation, links, property supervision."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, OperationalError

from gridkeeper import lists, walks
from gridkeeper.errors import (
    ClaimNeedsClaimant,
    DoneNeedsResolution,
    EscalationClosed,
    EscalationNotUp,
    FindingSettled,
    IllegalTransition,
    ItemNeedsTitle,
    LinkNeedsNeed,
    ReasonNeeded,
    VerifyNeedsSatisfaction,
)
from gridkeeper.lists import NewItem
from gridkeeper.store import Store
from gridkeeper.walks import NewFinding, NewWalk
from tests.conftest import clock_on
from tests.walk_fixtures import PROPERTY_COMPANY, Street, street

NOW = datetime(2026, 11, 27, 21, 5)
TODAY = NOW.date()
_clock = clock_on(TODAY)  # what the pages stamp "now" falls on TODAY


@pytest.fixture
def st(store: Store) -> Street:
    return street(store)


def new_item(store: Store, kind: str = "problem", **kw) -> str:  # type: ignore[no-untyped-def]
    fields = {"title": "楼道灯不亮", "source": "resident", "owner_party": "community"} | kw
    return lists.create_item(store, NewItem(kind=kind, **fields), by="李娜", now=NOW)


def status(store: Store, item_id: str) -> str:
    detail = lists.item_detail(store, item_id, TODAY)
    assert detail is not None
    return detail.item.status


def test_the_whole_loop_keeps_every_status_in_history(store: Store, st: Street) -> None:
    item = new_item(store)
    lists.claim(store, item, "党员张伟", by="李娜", now=datetime(2026, 11, 27, 21, 10))
    lists.start(store, item, by="张伟", now=datetime(2026, 11, 28, 9, 0))
    lists.finish(store, item, "更换了灯泡", by="张伟", now=datetime(2026, 11, 28, 10, 0))
    lists.verify(store, item, "satisfied", "亮了，谢谢", by="李娜", now=datetime(2026, 11, 29, 19, 0))
    detail = lists.item_detail(store, item, TODAY)
    assert detail is not None
    assert detail.item.status == "verified" and detail.item.claimant == "党员张伟"
    assert (detail.resolution, detail.feedback, detail.satisfaction) == ("更换了灯泡", "亮了，谢谢", "satisfied")
    assert detail.item.closed_on == date(2026, 11, 28)
    assert [(h.from_status, h.to_status, h.by) for h in detail.history] == [
        (None, "open", "李娜"), ("open", "claimed", "李娜"), ("claimed", "in_progress", "张伟"),
        ("in_progress", "done", "张伟"), ("done", "verified", "李娜"),
    ]
    assert detail.history[3].note == "更换了灯泡"


def test_history_rows_are_append_only(store: Store, st: Street) -> None:
    item = new_item(store)
    lists.claim(store, item, "张伟", by="李娜", now=NOW)
    with pytest.raises((IntegrityError, OperationalError), match="append-only"):
        with store.begin() as conn:
            conn.execute(text("UPDATE listitemhistory SET to_status = 'verified' WHERE item_id = :i"), {"i": item})
    assert [h.to_status for h in lists.item_detail(store, item, TODAY).history] == ["open", "claimed"]  # type: ignore[union-attr]


@pytest.mark.parametrize(("setup", "action"), [
    ([], lambda s, i: lists.start(s, i, by="x")),
    ([], lambda s, i: lists.finish(s, i, "修好了", by="x")),
    ([], lambda s, i: lists.verify(s, i, "satisfied", "", by="x")),
    ([], lambda s, i: lists.reopen(s, i, "再看看", by="x")),
    (["claim"], lambda s, i: lists.claim(s, i, "王五", by="x")),
    (["claim"], lambda s, i: lists.verify(s, i, "satisfied", "", by="x")),
    (["claim", "start"], lambda s, i: lists.verify(s, i, "satisfied", "", by="x")),
    (["claim", "start", "finish"], lambda s, i: lists.decline(s, i, "不归我们管", by="x")),
    (["claim", "start", "finish", "verify"], lambda s, i: lists.reopen(s, i, "又坏了", by="x")),
    (["claim", "start", "finish", "verify"], lambda s, i: lists.claim(s, i, "王五", by="x")),
    (["decline"], lambda s, i: lists.claim(s, i, "王五", by="x")),
])
def test_illegal_transitions_are_refused_with_a_message(store: Store, st: Street, setup, action) -> None:  # type: ignore[no-untyped-def]
    item = new_item(store)
    steps = {
        "claim": lambda: lists.claim(store, item, "张伟", by="x", now=NOW),
        "start": lambda: lists.start(store, item, by="x", now=NOW),
        "finish": lambda: lists.finish(store, item, "修好了", by="x", now=NOW),
        "verify": lambda: lists.verify(store, item, "basic", "", by="x", now=NOW),
        "decline": lambda: lists.decline(store, item, "重复反映", by="x", now=NOW),
    }
    for step in setup:
        steps[step]()
    before = lists.item_detail(store, item, TODAY)
    with pytest.raises(IllegalTransition) as caught:
        action(store, item)
    message = caught.value.english()
    assert message.startswith("This problem is ") and "cannot be" in message
    after = lists.item_detail(store, item, TODAY)
    assert after == before  # nothing changed, no history row added


def test_the_refusal_says_what_can_be_done_and_translates(store: Store, st: Street) -> None:
    item = new_item(store, kind="need")
    with pytest.raises(IllegalTransition) as caught:
        lists.finish(store, item, "办好了", by="x", now=NOW)
    assert caught.value.english() == (
        "This need is open, so it cannot be marked done. It can now be: claim / decline.")
    chinese = {("errors", "This {kind} is {status}, so it cannot be {action}. It can now be: {allowed}."):
               "该{kind}当前为“{status}”，不能{action}。现在可以：{allowed}。",
               ("vocab", "need"): "需求", ("vocab", "open"): "待认领", ("actions", "marked done"): "办结",
               ("actions", "claim"): "领办", ("actions", "decline"): "不予办理"}
    translate = lambda ctx, s: chinese.get((ctx, s), "")  # noqa: E731
    assert caught.value.translated(translate) == "该需求当前为“待认领”，不能办结。现在可以：领办 / 不予办理。"


def test_actions_need_their_words(store: Store, st: Street) -> None:
    with pytest.raises(ItemNeedsTitle):
        new_item(store, title="  ")
    item = new_item(store)
    with pytest.raises(ClaimNeedsClaimant):
        lists.claim(store, item, " ", by="x")
    with pytest.raises(ReasonNeeded):
        lists.decline(store, item, "", by="x")
    lists.claim(store, item, "张伟", by="x")
    lists.start(store, item, by="x")
    with pytest.raises(DoneNeedsResolution):
        lists.finish(store, item, "", by="x")
    lists.finish(store, item, "已处理", by="x")
    with pytest.raises(VerifyNeedsSatisfaction):
        lists.verify(store, item, "", "", by="x")
    with pytest.raises(ReasonNeeded):
        lists.reopen(store, item, " ", by="x")
    assert status(store, item) == "done"


def test_not_satisfied_reopens_and_declined_can_come_back(store: Store, st: Street) -> None:
    item = new_item(store)
    lists.claim(store, item, "张伟", by="x", now=NOW)
    lists.start(store, item, by="x", now=NOW)
    lists.finish(store, item, "清理了", by="x", now=NOW)
    lists.reopen(store, item, "居民说还有杂物", by="李娜", now=NOW)
    detail = lists.item_detail(store, item, TODAY)
    assert detail.item.status == "in_progress" and detail.item.closed_on is None  # type: ignore[union-attr]
    assert detail.history[-1].note == "居民说还有杂物"  # type: ignore[union-attr]
    other = new_item(store)
    lists.decline(store, other, "属于市政管辖", by="x", now=NOW)
    assert lists.item_detail(store, other, TODAY).decline_reason == "属于市政管辖"  # type: ignore[union-attr]
    lists.reopen(store, other, "市政不管，社区协调", by="x", now=NOW)
    assert status(store, other) == "in_progress"


def test_escalation_goes_up_only_and_is_kept(store: Store, st: Street) -> None:
    item = new_item(store)
    with pytest.raises(EscalationNotUp):
        lists.escalate(store, item, "compound", "再议", by="x")
    lists.escalate(store, item, "community", "小区内协商不成", by="李娜", now=NOW)
    with pytest.raises(EscalationNotUp) as caught:
        lists.escalate(store, item, "community", "again", by="x")
    assert "street" in caught.value.english()
    lists.escalate(store, item, "street", "涉及市政管网", by="王主任", now=NOW)
    detail = lists.item_detail(store, item, TODAY)
    assert detail.item.escalation_level == "street"  # type: ignore[union-attr]
    assert [(e.from_level, e.to_level, e.by, e.reason) for e in detail.escalations] == [  # type: ignore[union-attr]
        ("compound", "community", "李娜", "小区内协商不成"), ("community", "street", "王主任", "涉及市政管网")]
    with pytest.raises(ReasonNeeded):
        lists.escalate(store, new_item(store), "community", "", by="x")
    closed = new_item(store)
    lists.decline(store, closed, "重复", by="x")
    with pytest.raises(EscalationClosed):
        lists.escalate(store, closed, "street", "大事", by="x")


def test_escalation_hands_the_item_over_to_the_receiving_level(store: Store, st: Street) -> None:
    item = new_item(store, owner_party="property", compound_id=st.compound)
    lists.claim(store, item, "物业王经理", by="李娜", now=NOW)
    lists.escalate(store, item, "community", "物业协调不了", by="李娜", now=NOW)
    detail = lists.item_detail(store, item, TODAY)
    assert detail is not None
    got = detail.item
    assert (got.owner_party, got.owner_name, got.status, got.claimant) == ("community", "塘川社区", "open", "")
    [e] = detail.escalations
    assert (e.from_owner, e.to_owner) == (f"property:{PROPERTY_COMPANY}", "community:塘川社区")
    assert [(h.from_status, h.to_status) for h in detail.history][-1] == ("claimed", "open")
    # In the community's queue and on its Today; the property company sees it handed up.
    assert [i.id for i in lists.waiting_for_claim(store, None, TODAY)] == [item]
    assert [i.id for i in lists.items(store, TODAY, owner_party="community", statuses=("open",))] == [item]
    assert [(i.id, level) for i, level in lists.escalated_from(store, "property", PROPERTY_COMPANY, TODAY)] \
        == [(item, "community")]
    lists.escalate(store, item, "street", "涉及市政", by="王主任", now=NOW)
    got = lists.item_detail(store, item, TODAY).item  # type: ignore[union-attr]
    assert (got.owner_party, got.owner_name) == ("street", "")
    assert [level for _i, level in lists.escalated_from(store, "community", "塘川社区", TODAY)] == ["street"]


def test_needs_link_to_services_and_projects(store: Store, st: Street) -> None:
    need = new_item(store, kind="need", title="老人想要助餐")
    service = new_item(store, kind="service", title="老年食堂送餐")
    project = new_item(store, kind="project", title="社区食堂建设")
    lists.link(store, need, service)
    lists.link(store, need, project)
    lists.link(store, need, service)  # twice is once
    assert [l.title for l in lists.item_detail(store, need, TODAY).links] == ["社区食堂建设", "老年食堂送餐"]  # type: ignore[union-attr]
    assert [l.title for l in lists.item_detail(store, service, TODAY).links] == ["老人想要助餐"]  # type: ignore[union-attr]
    with pytest.raises(LinkNeedsNeed):
        lists.link(store, service, need)
    with pytest.raises(LinkNeedsNeed):
        lists.link(store, need, new_item(store, kind="need", title="另一个需求"))
    lists.unlink(store, need, project)
    assert [l.title for l in lists.item_detail(store, need, TODAY).links] == ["老年食堂送餐"]  # type: ignore[union-attr]
    lists.link(store, need, project)  # revived
    assert len(lists.item_detail(store, need, TODAY).links) == 2  # type: ignore[union-attr]


# -- from a night walk ---------------------------------------------------------------


def walk_with_findings(store: Store, st: Street) -> list[walks.FindingRow]:
    walk_id = walks.log_walk(store, NewWalk(
        walk_date=TODAY, start_time="19:30", end_time="21:00", grid_ids=(st.grid1,), leader="李娜",
        findings=(NewFinding("fire_lane", "high", "消防通道被电动车堵住", place="东侧", compound_id=st.compound,
                             building_id=st.building1),
                  NewFinding("noise", "low", "广场舞音量", settled=True),
                  NewFinding("public_order", "medium", "陌生人发小广告", compound_id=st.compound)),
    ), today=TODAY)
    return list(walks.walk_detail(store, walk_id).findings)  # type: ignore[union-attr]


def test_an_unsettled_finding_becomes_a_problem_with_the_link_back(store: Store, st: Street) -> None:
    fire_lane, settled, order = walk_with_findings(store, st)
    problem = lists.problem_from_finding(store, fire_lane.id, by="李娜", now=NOW)
    detail = lists.item_detail(store, problem, TODAY)
    assert detail is not None
    item = detail.item
    assert (item.kind, item.source, item.status, item.category) == ("problem", "night_walk", "open", "fire_lane")
    assert item.title == "消防通道被电动车堵住" and detail.detail == "阳光花园1幢东侧"
    assert (item.owner_party, item.owner_name) == ("property", PROPERTY_COMPANY)  # a fire lane: the property's
    assert item.due_date == date(2026, 11, 30)  # serious: three days
    assert item.grid_id == st.grid1 and item.place == "阳光花园1幢东侧"  # the whole place, not the compound
    assert detail.finding is not None and detail.finding.id == fire_lane.id
    # the walk shows it too, and doing it again gives the same problem
    assert lists.problem_from_finding(store, fire_lane.id, by="李娜", now=NOW) == problem
    again = walks.walk_detail(store, fire_lane.walk_id).findings[0]  # type: ignore[union-attr]
    assert (again.problem_id, again.problem_status) == (problem, "open")
    # public order is the community's
    other = lists.item_detail(store, lists.problem_from_finding(store, order.id, by="李娜", now=NOW), TODAY)
    assert other.item.owner_party == "community" and other.item.due_date == date(2026, 12, 4)  # type: ignore[union-attr]
    with pytest.raises(FindingSettled):
        lists.problem_from_finding(store, settled.id, by="李娜", now=NOW)


def test_two_laptops_turning_one_finding_into_a_problem_make_one_row(store: Store, st: Street) -> None:
    fire_lane = walk_with_findings(store, st)[0]
    assert lists.problem_id_for_finding(fire_lane.id) == lists.problem_from_finding(store, fire_lane.id, by="a")


def test_lists_filter_and_sort_by_overdue_days(store: Store, st: Street) -> None:
    late = new_item(store, title="late", due_date=date(2026, 11, 20), owner_party="property",
                    owner_name=PROPERTY_COMPANY)
    later = new_item(store, title="later", due_date=date(2026, 11, 25))
    soon = new_item(store, title="soon", due_date=date(2026, 12, 5))
    undated = new_item(store, title="undated")
    need = new_item(store, kind="need", title="need", due_date=date(2026, 11, 1))
    done = new_item(store, title="done", due_date=date(2026, 11, 1))
    lists.claim(store, done, "x", by="x", now=NOW)
    lists.start(store, done, by="x", now=NOW)
    lists.finish(store, done, "ok", by="x", now=NOW)
    rows = lists.items(store, TODAY, kind="problem")
    assert [r.title for r in rows] == ["late", "later", "done", "soon", "undated"]
    assert [r.overdue_days for r in rows] == [7, 2, 0, 0, 0]  # a closed item is never overdue
    assert [r.title for r in lists.items(store, TODAY, kind="problem", statuses=lists.OPEN_STATUSES)] == [
        "late", "later", "soon", "undated"]
    assert [r.id for r in lists.items(store, TODAY, owner_party="property")] == [late]
    assert [r.id for r in lists.items(store, TODAY, kind="need")] == [need]
    lists.escalate(store, soon, "community", "需要社区协调", by="x")
    assert [r.id for r in lists.items(store, TODAY, escalation_level="community")] == [soon]
    assert {r.id for r in lists.items(store, TODAY)} == {late, later, soon, undated, need, done}
    # for the Today page: what is late, whatever its kind
    assert [r.id for r in lists.overdue_items(store, None, TODAY)] == [need, late, later]


def test_scope_by_grid_keeps_items_without_a_grid(store: Store, st: Street) -> None:
    mine = new_item(store, title="mine", compound_id=st.compound)  # the compound's first grid
    theirs = new_item(store, title="theirs", grid_id=st.grid2)
    anywhere = new_item(store, title="anywhere")
    household = new_item(store, title="household", household_id=st.household)  # 1幢: grid 1
    shown = {r.id for r in lists.items(store, TODAY, grid_ids=[st.grid1])}
    assert theirs not in shown and {anywhere, household} <= shown
    detail = lists.item_detail(store, household, TODAY)
    assert detail.item.place == "阳光花园1幢1单元101"  # type: ignore[union-attr]
    assert mine in {r.id for r in lists.items(store, TODAY, grid_ids=[st.grid1, st.grid2])}


def test_property_company_view_lists_open_problems_with_days_open(store: Store, st: Street) -> None:
    fire_lane, _settled, _order = walk_with_findings(store, st)
    from_walk = lists.problem_from_finding(store, fire_lane.id, by="李娜", now=datetime(2026, 11, 2, 21, 0))
    named = lists.create_item(store, NewItem(kind="problem", title="电梯故障", source="resident",
                                             owner_party="property", owner_name=PROPERTY_COMPANY),
                              by="x", now=datetime(2026, 11, 20, 9, 0))
    # by the compound's company, the item naming none
    by_compound = lists.create_item(store, NewItem(kind="problem", title="绿化带枯死", source="resident",
                                                   owner_party="property", compound_id=st.compound),
                                    by="x", now=datetime(2026, 11, 25, 9, 0))
    other_company = lists.create_item(store, NewItem(kind="problem", title="x", source="resident",
                                                     owner_party="property", owner_name="别家物业"), by="x", now=NOW)
    closed = lists.create_item(store, NewItem(kind="problem", title="closed", source="resident",
                                              owner_party="property", owner_name=PROPERTY_COMPANY), by="x", now=NOW)
    lists.decline(store, closed, "重复", by="x", now=NOW)
    need = lists.create_item(store, NewItem(kind="need", title="n", source="resident", owner_party="property",
                                            owner_name=PROPERTY_COMPANY), by="x", now=NOW)
    rows = lists.open_problems_of(store, PROPERTY_COMPANY, TODAY)
    assert [(r.id, r.days_open) for r in rows] == [(from_walk, 25), (named, 7), (by_compound, 2)]
    assert other_company not in {r.id for r in rows} and need not in {r.id for r in rows}
    assert lists.property_companies(store) == ["别家物业", PROPERTY_COMPANY]


def test_a_long_finding_makes_a_short_title_and_keeps_the_place_as_typed(store: Store, st: Street) -> None:
    place, rest = walks.match_place(walks.places(store, [st.grid1]), "阳光花园3幢楼道")  # 3幢 is not on file
    note = "楼道堆放纸箱和旧家具，堵住安全出口。物业说明天清理，周五再看一次"
    walk_id = walks.log_walk(store, NewWalk(
        walk_date=TODAY, start_time="19:30", end_time="21:00", grid_ids=(st.grid1,), leader="李娜",
        findings=(NewFinding("fire_lane", "high", note, place=rest, compound_id=place.compound_id),),  # type: ignore[union-attr]
    ), today=TODAY)
    finding = walks.walk_detail(store, walk_id).findings[0]  # type: ignore[union-attr]
    assert finding.place == "阳光花园3幢楼道"  # no space put in where the cadre typed none
    detail = lists.item_detail(store, lists.problem_from_finding(store, finding.id, by="李娜", now=NOW), TODAY)
    assert detail is not None
    assert detail.item.title == "楼道堆放纸箱和旧家具，堵住安全出口"  # the first sentence, not the whole note
    assert note in detail.detail and "阳光花园3幢楼道" in detail.detail  # nothing lost
    assert detail.item.place == "阳光花园3幢楼道"
    assert lists.short_title("一" * 40) == "一" * 23 + "…"
