"""Care plans, contacts and the Today list: due dates are calendar days."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import text

from gridkeeper import care
from gridkeeper.store import Store
from gridkeeper.store.models import Person
from tests.store.helpers import log_rows, place


def _person(store: Store, household: str, name: str = "王秀英") -> str:
    pid = f"p-{name}"
    with store.write() as s:
        s.add(Person(id=pid, household_id=household, name=name, phones='["13857712345"]'))
    return pid


@pytest.fixture
def plan(store: Store) -> tuple[str, str]:
    h = place(store)["household"]
    pid = _person(store, h)
    return care.save_plan(store, h, pid, "daily", date(2026, 1, 1)), pid


@pytest.mark.parametrize(
    ("frequency", "interval", "last", "expected"),
    [
        ("daily", None, date(2026, 1, 31), date(2026, 2, 1)),  # across a month
        ("daily", None, date(2026, 12, 31), date(2027, 1, 1)),  # across a year
        ("every_n_days", 3, date(2026, 2, 27), date(2026, 3, 2)),  # February has 28 days
        ("every_n_days", 3, date(2028, 2, 27), date(2028, 3, 1)),  # ... 29 in a leap year
        ("weekly", None, date(2026, 3, 28), date(2026, 4, 4)),  # over the spring DST date elsewhere
        ("monthly", None, date(2026, 1, 31), date(2026, 2, 28)),  # clamped to the month's end
        ("monthly", None, date(2026, 12, 15), date(2027, 1, 15)),
        ("daily", None, None, date(2026, 1, 1)),  # never contacted: due from the start
        ("weekly", None, date(2025, 12, 30), date(2026, 1, 1)),  # a contact before the plan started
    ],
)
def test_next_due_counts_calendar_days(frequency: str, interval: int | None, last: date | None,
                                       expected: date) -> None:
    assert care.next_due(frequency, interval, date(2026, 1, 1), last) == expected


def _when(day: str, hour: int = 10) -> datetime:
    return datetime.fromisoformat(f"{day} {hour:02d}:00:00")


def test_due_overdue_and_done(store: Store, plan: tuple[str, str]) -> None:
    plan_id, _ = plan
    care.record_contact(store, plan_id, "well", when=_when("2026-03-01"))
    on_2nd = care.today_list(store, date(2026, 3, 2), None)
    assert [i.plan_id for i in on_2nd.due] == [plan_id] and not on_2nd.overdue
    assert on_2nd.due[0].days_overdue == 0 and on_2nd.due[0].last_contact == date(2026, 3, 1)

    on_5th = care.today_list(store, date(2026, 3, 5), None)
    assert not on_5th.due and [i.days_overdue for i in on_5th.overdue] == [3]

    care.record_contact(store, plan_id, "well", when=_when("2026-03-05", 9))
    after = care.today_list(store, date(2026, 3, 5), None)
    assert not after.due and not after.overdue and [i.plan_id for i in after.done] == [plan_id]
    # Looking back at the 4th ignores the contact made on the 5th.
    assert [i.days_overdue for i in care.today_list(store, date(2026, 3, 4), None).overdue] == [2]


def test_an_unanswered_call_leaves_the_person_due_and_two_raise_an_alert(
    store: Store, plan: tuple[str, str]
) -> None:
    plan_id, _ = plan
    care.record_contact(store, plan_id, "well", when=_when("2026-03-01"))
    care.record_contact(store, plan_id, "no_answer", when=_when("2026-03-02", 9))
    first = care.today_list(store, date(2026, 3, 2), None)
    assert [i.plan_id for i in first.due] == [plan_id] and not first.alerts
    assert first.due[0].last_outcome == "no_answer"

    care.record_contact(store, plan_id, "no_answer", when=_when("2026-03-02", 15))
    second = care.today_list(store, date(2026, 3, 2), None)
    assert [i.plan_id for i in second.alerts] == [plan_id]
    assert second.to_work[0].alert

    care.record_contact(store, plan_id, "well", method="door", when=_when("2026-03-02", 19))
    cleared = care.today_list(store, date(2026, 3, 2), None)
    assert not cleared.alerts and [i.plan_id for i in cleared.done] == [plan_id]


def test_a_household_plan_is_met_by_contact_with_any_member(store: Store) -> None:
    h = place(store)["household"]
    _person(store, h, "李国强")
    plan_id = care.save_plan(store, h, None, "weekly", date(2026, 3, 1))
    listed = care.today_list(store, date(2026, 3, 1), None)
    assert [(i.plan_id, i.name) for i in listed.due] == [(plan_id, "李国强")]
    care.record_contact(store, plan_id, "well", when=_when("2026-03-01"))
    assert care.today_list(store, date(2026, 3, 8), None).due[0].last_contact == date(2026, 3, 1)
    assert not care.today_list(store, date(2026, 3, 7), None).due


def test_plans_outside_their_dates_or_for_persons_gone_are_not_listed(store: Store) -> None:
    h = place(store)["household"]
    moved = _person(store, h, "周明")
    plan_id = care.save_plan(store, h, moved, "daily", date(2026, 3, 1), end_date=date(2026, 3, 31))
    assert care.today_list(store, date(2026, 2, 28), None).due == []
    assert len(care.today_list(store, date(2026, 3, 31), None).overdue) == 1
    assert care.today_list(store, date(2026, 4, 1), None).overdue == []
    with store.begin() as conn:
        conn.execute(text("UPDATE person SET status = 'moved_out' WHERE id = :id"), {"id": moved})
    assert care.today_list(store, date(2026, 3, 15), None).overdue == []
    assert plan_id


def test_the_list_is_scoped_to_grids(store: Store, plan: tuple[str, str]) -> None:
    assert care.today_list(store, date(2026, 1, 1), ["some-other-grid"]).due == []
    assert len(care.today_list(store, date(2026, 1, 1), None).due) == 1


def test_contacts_are_captured_and_phones_masked(store: Store, plan: tuple[str, str]) -> None:
    plan_id, pid = plan
    contact = care.record_contact(store, plan_id, "needs_help", note=" 腿疼 ", need="陪同就医",
                                  when=_when("2026-01-01"))
    logged = [r for r in log_rows(store, "contactlog") if r["row_id"] == contact]
    assert len(logged) == 1 and logged[0]["field"] == "*" and "陪同就医" in logged[0]["value"]
    item = care.today_list(store, date(2026, 1, 1), None).done[0]
    assert item.phones_masked == ("138****2345",) and item.person_id == pid


def test_bad_input_is_refused_with_a_message(store: Store, plan: tuple[str, str]) -> None:
    plan_id, _ = plan
    with pytest.raises(care.CareError, match="outcome"):
        care.record_contact(store, plan_id, "fine")
    with pytest.raises(care.CareError, match="N of at least 1"):
        care.save_plan(store, "h", None, "every_n_days", date(2026, 1, 1), interval_days=0)
    with pytest.raises(care.CareError, match="ends before"):
        care.save_plan(store, "h", None, "weekly", date(2026, 2, 1), end_date=date(2026, 1, 1))
    with pytest.raises(care.CareError, match="no longer exists"):
        care.record_contact(store, "no-such-plan", "well")
    with store.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM contactlog")).scalar_one() == 0


def test_services_are_recorded(store: Store, plan: tuple[str, str]) -> None:
    _, pid = plan
    with store.read() as conn:
        household = conn.execute(text("SELECT household_id FROM person WHERE id = :p"), {"p": pid}).scalar_one()
    sid = care.record_service(store, household, "groceries", date(2026, 1, 2), person_id=pid, duration_minutes=30)
    with store.read() as conn:
        row = conn.execute(text("SELECT service_type, served_on, duration_minutes FROM servicerecord "
                                "WHERE id = :s"), {"s": sid}).one()
    assert tuple(row) == ("groceries", "2026-01-02", 30)
    with pytest.raises(care.CareError):
        care.record_service(store, household, "haircut", date(2026, 1, 2))


def test_the_demo_has_plans_and_history_ending_yesterday(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from gridkeeper import demo
    from gridkeeper.store import open_store

    s = open_store(tmp_path / "p")
    try:
        result = demo.generate(s, size="small", seed=3, today=date(2026, 5, 10))
        listed = care.today_list(s, date(2026, 5, 10), None)
        with s.read() as conn:
            newest = conn.execute(text("SELECT max(contact_date), min(contact_date) FROM contactlog")).one()
    finally:
        s.close()
    assert result.care_plans > 20 and result.contacts > 20 * result.care_plans // 2
    assert newest[0] == "2026-05-09" and newest[1] >= "2026-02-09"
    assert listed.due and not listed.done  # the history ends yesterday
    # Every daily plan wants a call today; weekly and monthly ones mostly do not.
    to_work = listed.overdue + listed.due
    assert all(i.due_date <= date(2026, 5, 10) for i in to_work)
    assert {i.frequency for i in to_work} >= {"daily"}
    assert len(to_work) < result.care_plans


def test_a_plan_naming_the_cadre_is_listed_outside_the_cadres_grids(store: Store) -> None:
    from gridkeeper.places import profile

    cadre = profile.create_cadre(store, "李书记")
    h = place(store, room="701")["household"]
    pid = _person(store, h, "钱阿婆")
    covering = care.save_plan(store, h, pid, "daily", date(2026, 1, 1), cadre_id=cadre.id)
    other = care.save_plan(store, h, _person(store, h, "钱阿公"), "daily", date(2026, 1, 1))
    listed = care.today_list(store, date(2026, 1, 1), ["a-grid-elsewhere"], cadre.id)
    assert [i.plan_id for i in listed.due] == [covering] and other not in [i.plan_id for i in listed.due]


# --- issue 21 part 3: Today's mistakes and the outcomes that end a plan ---------------------------


def test_no_answer_is_refused_for_a_person_with_no_phone(store: Store) -> None:
    h = place(store)["household"]
    with store.write() as s:
        s.add(Person(id="p-nophone", household_id=h, name="李阿婆"))
    plan_id = care.save_plan(store, h, "p-nophone", "daily", date(2026, 1, 1))
    with pytest.raises(care.CareError, match="no phone number"):
        care.record_contact(store, plan_id, "no_answer", when=_when("2026-03-02"))
    care.record_contact(store, plan_id, "not_home", method="door", when=_when("2026-03-02"))  # a knock is fine


def test_a_call_tried_today_shows_on_the_row(store: Store, plan: tuple[str, str]) -> None:
    plan_id, _ = plan
    care.record_contact(store, plan_id, "well", when=_when("2026-03-01"))
    care.record_contact(store, plan_id, "no_answer", when=_when("2026-03-03", 9))
    [row] = care.today_list(store, date(2026, 3, 3), None).overdue
    assert row.tried_today and row.days_overdue == 1
    [yesterday] = care.today_list(store, date(2026, 3, 4), None).overdue
    assert not yesterday.tried_today


@pytest.mark.parametrize(("outcome", "status"), [("deceased", "deceased"), ("moved_out", "moved_out"),
                                                  ("refused", "active")])
def test_outcomes_that_end_or_pause_the_plan(store: Store, plan: tuple[str, str], outcome: str, status: str) -> None:
    plan_id, pid = plan
    care.record_contact(store, plan_id, outcome, method="door", when=_when("2026-03-02"))
    assert care.today_list(store, date(2026, 3, 2), None).to_work == []
    assert care.today_list(store, date(2026, 3, 3), None).to_work == []
    with store.read() as conn:
        assert conn.execute(text("SELECT status FROM person WHERE id = :p"), {"p": pid}).scalar() == status
        assert conn.execute(text("SELECT end_date FROM careplan WHERE id = :p"), {"p": plan_id}).scalar() \
            == "2026-03-01"


def test_a_need_raised_names_the_person_and_has_a_deadline(store: Store, plan: tuple[str, str]) -> None:
    from gridkeeper import lists

    plan_id, _ = plan
    care.record_contact(store, plan_id, "needs_help", need="药快吃完了", when=_when("2026-03-02"))
    [need] = lists.items(store, date(2026, 3, 2), kind="need")
    assert need.title == "王秀英：药快吃完了"
    assert need.due_date == date(2026, 3, 2 + care.NEED_DAYS)


def test_undo_takes_a_stray_contact_back_within_seconds(store: Store, plan: tuple[str, str]) -> None:
    from gridkeeper import lists

    plan_id, _ = plan
    contact = care.record_contact(store, plan_id, "well", need="买菜", when=_when("2026-03-02"))
    assert care.today_list(store, date(2026, 3, 2), None).done
    care.undo_contact(store, contact, now=_when("2026-03-02"))
    today = care.today_list(store, date(2026, 3, 2), None)
    assert not today.done and [i.plan_id for i in today.to_work] == [plan_id]
    assert lists.items(store, date(2026, 3, 2), kind="need") == []
    late = care.record_contact(store, plan_id, "well", when=_when("2026-03-02", 11))
    with pytest.raises(care.CareError, match="too late"):
        care.undo_contact(store, late, now=_when("2026-03-02", 12))


def test_a_correction_is_appended_and_the_figures_honour_it(store: Store, plan: tuple[str, str]) -> None:
    from gridkeeper.reports.care_figures import care_figures
    from gridkeeper.reports.period import Period

    plan_id, _ = plan
    march = Period(date(2026, 3, 2), date(2026, 3, 2), "2026-03")
    contact = care.record_contact(store, plan_id, "well", when=_when("2026-03-02"))
    with pytest.raises(care.CareError, match="why"):
        care.correct_contact(store, contact, care.VOID, "  ")
    fix = care.correct_contact(store, contact, care.VOID, "按错了，其实没打通")
    today = care.today_list(store, date(2026, 3, 2), None)
    assert not today.done and [i.plan_id for i in today.to_work] == [plan_id]
    figures = care_figures(store, march, None, today=date(2026, 3, 2))
    assert (figures.made, figures.contacts_logged) == (0, 0)
    rows = {r.id: r for r in care.household_contacts(store, care.plan_household(store, plan_id))}
    assert rows[contact].outcome == "well"  # the mistaken row is kept as it was
    assert rows[fix].corrects_id == contact and rows[fix].correction_reason == "按错了，其实没打通"
    with pytest.raises(care.CareError, match="corrected already"):
        care.correct_contact(store, contact, "no_answer", "再改")
    # Corrected to a real outcome, it counts as that outcome.
    care.correct_contact(store, fix, "needs_help", "其实打通了，要帮买药")
    assert care.today_list(store, date(2026, 3, 2), None).done
    assert care_figures(store, march, None, today=date(2026, 3, 2)).made == 1
