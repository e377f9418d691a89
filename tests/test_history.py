"""A household's timeline: care records, member and tag changes, reveals, newest first."""

from __future__ import annotations

from datetime import date, datetime

from gridkeeper import care
from gridkeeper.places import audit, history, members
from gridkeeper.store import Store
from tests.store.helpers import place


def test_the_timeline_tells_what_happened_to_the_household(store: Store) -> None:
    h = place(store)["household"]
    pid = members.add_person(store, h, members.check("赵桂兰", birth_date=date(1936, 3, 1)), relation="户主")
    plan = care.save_plan(store, h, pid, "daily", date(2026, 3, 1))
    care.record_contact(store, plan, "needs_help", note="腿疼", need="陪同就医", when=datetime(2026, 3, 1, 9, 30))
    care.record_service(store, h, "escort", date(2026, 3, 2), person_id=pid, duration_minutes=120)
    members.set_tag(store, pid, "残疾", "肢体二级")
    members.remove_tag(store, pid, "残疾")
    members.set_status(store, pid, "moved_out")
    members.set_household_note(store, h, "钥匙放在邻居家")
    audit.reveal(store, "person", pid, "phones")

    events = history.timeline(store, h)
    kinds = [e.kind for e in events]
    assert kinds.count("member_added") == 1 and "tag_added" in kinds and "tag_removed" in kinds
    contact = next(e for e in events if e.kind == "contact")
    assert (contact.person, contact.values["outcome"], contact.values["need"]) == ("赵桂兰", "needs_help", "陪同就医")
    service = next(e for e in events if e.kind == "service")
    assert service.values["type"] == "escort" and service.values["minutes"] == 120
    status = [e.values["value"] for e in events if e.kind == "member_changed" and e.values["field"] == "status"]
    assert status == ["moved_out"]
    assert any(e.kind == "household" and e.values["value"] == "钥匙放在邻居家" for e in events)
    assert any(e.kind == "reveal" and e.values["field"] == "phones" for e in events)
    assert [e.at for e in events] == sorted((e.at for e in events), reverse=True)
    # Removing the tag came after adding it.
    added = next(e.at for e in events if e.kind == "tag_added")
    removed = next(e.at for e in events if e.kind == "tag_removed")
    assert removed >= added


def test_mediations_with_a_party_from_the_household_are_in_its_timeline(store: Store) -> None:
    from gridkeeper import mediation

    h = place(store)["household"]
    other = place(store, room="601")["household"]
    pid = members.add_person(store, h, members.check("王建国", birth_date=date(1960, 1, 1)))
    case = mediation.open_case(store, mediation.NewCase(
        received_on=date(2026, 3, 1), source="application", category="leak", summary="楼上漏水",
        parties=(mediation.PartyInput(role="applicant", name="王建国", person_id=pid, household_id=h),
                 mediation.PartyInput(role="respondent", name="李四", household_id=other))))
    mediation.start_mediation(store, case)
    mine = [e for e in history.timeline(store, h) if e.kind == "mediation"]
    assert [e.values["status"] for e in mine] == ["mediating", "received"]
    assert all(e.person == "王建国" for e in mine)
    theirs = [e for e in history.timeline(store, other) if e.kind == "mediation"]
    assert len(theirs) == 2 and theirs[0].person == "李四"


def test_a_need_raised_in_a_contact_goes_on_the_lists_and_into_the_timeline(store: Store) -> None:
    from gridkeeper import lists

    h = place(store)["household"]
    pid = members.add_person(store, h, members.check("赵桂兰", birth_date=date(1936, 3, 1)))
    plan = care.save_plan(store, h, pid, "daily", date(2026, 3, 1))
    care.record_contact(store, plan, "needs_help", note="腿疼", need="周五陪同去医院",
                        when=datetime(2026, 3, 1, 9, 30))
    needs = lists.items(store, date(2026, 3, 1), kind="need")
    # The need names the person (issue 21).
    assert [(n.title, n.source, n.status) for n in needs] == [("赵桂兰：周五陪同去医院", "door_knock", "open")]
    assert "3幢2单元501" in needs[0].place
    lists.claim(store, needs[0].id, "李书记", by="李书记", now=datetime(2026, 3, 1, 10, 0))
    steps = [e for e in history.timeline(store, h) if e.kind == "list_item"]
    assert [(e.values["kind"], e.values["status"]) for e in steps] == [("need", "claimed"), ("need", "open")]


def test_a_new_care_plan_is_in_the_timeline_and_every_change_says_who_made_it(store: Store) -> None:
    from gridkeeper.places import profile, staff
    from gridkeeper.ui.households.history_text import describe

    h = place(store)["household"]
    profile.choose_cadre(store, staff.add_cadre(store, "李娜"))
    pid = members.add_person(store, h, members.check("赵桂兰", birth_date=date(1936, 3, 1)), relation="户主")
    plan = care.save_plan(store, h, pid, "weekly", date(2026, 3, 1))
    care.end_plan(store, plan, date(2026, 6, 30))
    members.set_household_note(store, h, "钥匙放在邻居家")

    events = history.timeline(store, h)
    made = next(e for e in events if e.kind == "plan_added")
    assert (made.person, made.values["frequency"], made.values["by"]) == ("赵桂兰", "weekly", "李娜")
    assert next(e for e in events if e.kind == "plan_ended").values["end"] == "2026-06-30"
    lines = [describe(e) for e in events]
    assert "Care plan made: weekly — by 李娜" in lines and "Filed as a member — by 李娜" in lines
    assert all(line.endswith("— by 李娜") for line in lines)  # each made on this laptop, by its cadre


def test_a_corrected_contact_shows_both_records_and_why(store: Store) -> None:
    from gridkeeper.ui.households.history_text import describe

    h = place(store)["household"]
    pid = members.add_person(store, h, members.check("赵桂兰", birth_date=date(1936, 3, 1)), relation="户主")
    plan = care.save_plan(store, h, pid, "daily", date(2026, 3, 1))
    contact = care.record_contact(store, plan, "well", when=datetime(2026, 3, 1, 9, 30))
    care.correct_contact(store, contact, care.VOID, "按错了行")
    texts = [describe(e) for e in history.timeline(store, h) if e.kind == "contact"]
    assert any(t.startswith("Contact (phone call): well") for t in texts)
    assert any(t.startswith("Contact corrected (phone call): really recorded by mistake (does not count), "
                            "because 按错了行") for t in texts), texts
