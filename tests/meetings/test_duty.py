"""我与书记有约: the roster, matters taken and handled, the answer, the month's counts."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from gridkeeper.meetings import duty
from gridkeeper.meetings.terms import MatterClosed, NoOutcomeYet, Unknown
from gridkeeper.store import Store
from tests.conftest import clock_on
from tests.store.helpers import log_rows, place

_clock = clock_on(date(2026, 11, 20))


def test_roster_is_weekends_deterministic_and_keeps_edits(store: Store) -> None:
    co = place(store)["compound"]
    made = duty.generate_roster(store, co, date(2026, 11, 2), 2, secretary="王书记", hoa_chair="赵主任",
                                cadres="李网格员", place="党群微家")
    shifts = duty.roster(store, date(2026, 11, 1), date(2026, 11, 30))
    assert [s.on_date for s in shifts] == [date(2026, 11, 7), date(2026, 11, 8), date(2026, 11, 14),
                                          date(2026, 11, 15)]
    assert made == [s.id for s in shifts] and made[0] == duty.shift_id(co, date(2026, 11, 7))
    duty.edit_shift(store, made[0], cadres="陈网格员")
    assert duty.generate_roster(store, co, date(2026, 11, 2), 3, secretary="王书记", hoa_chair="赵主任") == [
        duty.shift_id(co, date(2026, 11, 21)), duty.shift_id(co, date(2026, 11, 22))]
    assert [s.compound_id for s in duty.on_duty(store, "陈网格员", date(2026, 11, 7))] == [co]
    assert duty.on_duty(store, "李网格员", date(2026, 11, 7)) == []
    assert [s.id for s in duty.on_duty(store, "王书记", date(2026, 11, 8))] == [made[1]]


def test_matters_handled_answered_and_counted(store: Store) -> None:
    ids = place(store)
    co = ids["compound"]
    sat = duty.generate_roster(store, co, date(2026, 11, 7), 1, secretary="王书记", hoa_chair="赵主任")[0]
    at = datetime(2026, 11, 7, 19, 10)
    a = duty.take_matter(store, sat, "陈美玲", "楼上噪音", "dispute", household_id=ids["household"], now=at)
    b = duty.take_matter(store, sat, "刘建军", "垃圾清运不及时", "practical", now=at)
    c = duty.take_matter(store, sat, "张三", "停车收费", "complaint", now=at)
    e = duty.take_matter(store, sat, "李四", "增设座椅", "suggestion", now=at)
    with pytest.raises(Unknown):
        duty.take_matter(store, sat, "王五", "x", "gossip")
    with pytest.raises(NoOutcomeYet):
        duty.answer(store, a, "满意")
    case = duty.to_mediation(store, a, date(2026, 11, 7))
    item = duty.to_list_item(store, b, "property", date(2026, 11, 14), on=date(2026, 11, 8))
    duty.settle(store, c, "当场解释收费标准", date(2026, 11, 7))
    duty.escalate(store, e, "社区", date(2026, 11, 9))
    with pytest.raises(MatterClosed):
        duty.settle(store, a, "again")
    duty.answer(store, c, "满意", date(2026, 11, 8))
    duty.answer(store, b, "已清运", date(2026, 11, 20))  # 13 days: not in time
    rows = {m.id: m for m in duty.matters_of(store, sat)}
    assert rows[a].outcome_ref == case and rows[b].outcome_ref == item
    [counts] = duty.monthly_counts(store, date(2026, 11, 1), date(2026, 11, 30))
    assert (counts.evenings, counts.taken, counts.settled, counts.escalated, counts.answered_in_time) == (2, 4, 1, 1, 1)
    assert counts.by_category == {"dispute": 1, "practical": 1, "complaint": 1, "suggestion": 1}
    assert duty.monthly_counts(store, date(2026, 12, 1), date(2026, 12, 31)) == []
    assert {"dutyshift", "dutymatter", "mediationcase", "listitem"} <= {r["tbl"] for r in log_rows(store)}


def test_a_matter_shows_in_the_household_history(store: Store) -> None:
    from gridkeeper.places import history

    ids = place(store)
    sat = duty.generate_roster(store, ids["compound"], date(2026, 11, 7), 1, secretary="王书记", hoa_chair="赵")[0]
    duty.take_matter(store, sat, "陈美玲", "楼上噪音", "dispute", household_id=ids["household"],
                     now=datetime(2026, 11, 7, 19, 10))
    [event] = [e for e in history.timeline(store, ids["household"]) if e.kind == "duty_matter"]
    assert event.person == "陈美玲" and event.values["what"] == "楼上噪音" and event.values["outcome"] == "open"


@pytest.mark.parametrize("action", ["mediation", "list_item"])
def test_the_case_or_item_and_the_outcome_are_one_transaction(store: Store, monkeypatch: pytest.MonkeyPatch,
                                                               action: str) -> None:
    """Another window settles the matter between our read and our write: nothing is left half made."""
    ids = place(store)
    sat = duty.generate_roster(store, ids["compound"], date(2026, 11, 7), 1, secretary="王书记", hoa_chair="赵主任")[0]
    a = duty.take_matter(store, sat, "陈美玲", "楼上噪音", "dispute", now=datetime(2026, 11, 7, 19, 10))
    read = duty._matter

    def read_then_settled_elsewhere(store_: Store, matter_id: str):  # type: ignore[no-untyped-def]
        row = read(store_, matter_id)
        duty.settle(store_, matter_id, "当场化解")
        return row

    monkeypatch.setattr(duty, "_matter", read_then_settled_elsewhere)
    with pytest.raises(MatterClosed):
        if action == "mediation":
            duty.to_mediation(store, a, date(2026, 11, 7))
        else:
            duty.to_list_item(store, a, "property", date(2026, 11, 14))
    with store.read() as conn:
        made = conn.exec_driver_sql("SELECT count(*) FROM mediationcase").scalar()
        made += conn.exec_driver_sql("SELECT count(*) FROM listitem").scalar()
    assert made == 0
    assert [m.outcome for m in duty.matters_of(store, sat)] == ["settled"]
