"""Meetings: the agenda prefilled from the month's 议题, decisions becoming list items, carry-over."""

from __future__ import annotations

from datetime import date

import pytest

from gridkeeper import lists
from gridkeeper.meetings import meeting as mt
from gridkeeper.meetings.terms import Missing, Unknown
from gridkeeper.store import Store
from tests.conftest import clock_on
from tests.store.helpers import log_rows, place

_clock = clock_on(date(2026, 11, 20))
PEOPLE = (mt.AttendeeInput("party", "王书记"), mt.AttendeeInput("hoa", "赵主任"),
          mt.AttendeeInput("property", "绿城物业 钱经理"))


def test_agenda_opens_with_last_decisions_then_topics_then_hand_items(store: Store) -> None:
    ids = place(store)
    co = ids["compound"]
    overdue = lists.create_item(store, lists.NewItem("problem", "消防通道堵塞", "night_walk", "property",
                                                     due_date=date(2026, 9, 20), compound_id=co), "李网格员")
    done_on_time = lists.create_item(store, lists.NewItem("problem", "路灯不亮", "night_walk", "property",
                                                          due_date=date(2026, 12, 30), compound_id=co), "李")
    first = mt.create_meeting(store, mt.NewMeeting("tripartite", date(2026, 10, 8), "党群微家", compound_id=co,
                                                   attendees=PEOPLE, hand_items=("电动车充电桩",)))
    f = mt.meeting_file(store, first)
    assert f is not None
    assert [(a.source, a.title) for a in f.agenda] == [("overdue", "消防通道堵塞"), ("hand", "电动车充电桩")]
    assert [a.side for a in f.attendees] == ["party", "hoa", "property"]
    # The overdue item's decision updates it; the hand item becomes a new problem from the meeting.
    updated = mt.record_decision(store, f.agenda[0].id, "物业三日内清理", "property", "绿城物业", date(2026, 10, 11))
    made = mt.record_decision(store, f.agenda[1].id, "物业选址安装", "property", "绿城物业", date(2026, 11, 30))
    mt.record_minutes(store, f.agenda[1].id, "业主代表提出需求，三方讨论")
    assert updated == overdue
    item = lists.item_detail(store, overdue, date(2026, 10, 8))
    assert item is not None and item.item.due_date == date(2026, 10, 11) and item.item.owner_name == "绿城物业"
    new = lists.item_detail(store, made, date(2026, 10, 8))
    assert new is not None and new.item.source == "meeting" and new.item.place == "阳光花园"
    assert done_on_time not in (updated, made)

    draft = mt.draft_agenda(store, co, date(2026, 11, 12))
    assert [(t.source, t.title) for t in draft] == [
        ("carried", "消防通道堵塞：物业三日内清理"), ("carried", "电动车充电桩：物业选址安装")]
    second = mt.create_meeting(store, mt.NewMeeting("tripartite", date(2026, 11, 12), compound_id=co))
    g = mt.meeting_file(store, second)
    assert g is not None and [a.item_status for a in g.agenda] == ["open", "open"]
    # A decision on a carried item updates the list item the earlier decision made.
    again = mt.record_decision(store, g.agenda[1].id, "延期至年底", "property", "绿城物业", date(2026, 12, 31))
    assert again == made
    assert {"meeting", "meetingattendee", "agendaitem"} <= {r["tbl"] for r in log_rows(store)}


def test_another_compound_does_not_carry_over(store: Store) -> None:
    a = place(store)["compound"]
    b = place(store, "101", compound="幸福里")["compound"]
    m = mt.create_meeting(store, mt.NewMeeting("tripartite", date(2026, 10, 8), compound_id=a, hand_items=("x",)))
    f = mt.meeting_file(store, m)
    assert f is not None
    mt.record_decision(store, f.agenda[0].id, "办", "community", "", date(2026, 10, 30))
    assert mt.draft_agenda(store, b, date(2026, 11, 12)) == []
    assert len(mt.draft_agenda(store, a, date(2026, 11, 12))) == 1
    # A meeting earlier than the one decided carries nothing from it.
    assert mt.draft_agenda(store, a, date(2026, 10, 1)) == []


def test_bad_input_is_refused_in_words(store: Store) -> None:
    co = place(store)["compound"]
    with pytest.raises(Unknown):
        mt.create_meeting(store, mt.NewMeeting("party", date(2026, 10, 8), compound_id=co))
    with pytest.raises(Missing):
        mt.create_meeting(store, mt.NewMeeting("tripartite", date(2026, 10, 8)))
    m = mt.create_meeting(store, mt.NewMeeting("other", date(2026, 10, 8), compound_id=co, hand_items=("y",)))
    f = mt.meeting_file(store, m)
    assert f is not None
    with pytest.raises(Missing):
        mt.record_decision(store, f.agenda[0].id, "  ", "community", "", date(2026, 10, 30))
    assert mt.list_meetings(store)[0].decisions == 0


def test_an_attending_resident_shows_in_the_household_history(store: Store) -> None:
    from gridkeeper.places import history

    ids = place(store)
    mt.create_meeting(store, mt.NewMeeting("tripartite", date(2026, 10, 8), compound_id=ids["compound"], attendees=(
        mt.AttendeeInput("resident", "陈美玲", household_id=ids["household"]),)))
    [event] = [e for e in history.timeline(store, ids["household"]) if e.kind == "meeting"]
    assert event.values == {"kind": "tripartite", "place": "阳光花园"} and event.at.date() == date(2026, 10, 8)
