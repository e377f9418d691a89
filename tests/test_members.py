"""Editing a household's members: checks, duplicate detection at creation, tags, status."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import text

from gridkeeper.places import households, members
from gridkeeper.rules.idnumber import make
from gridkeeper.store import Store
from tests.store.helpers import log_rows, place

BORN = date(1948, 5, 17)
NUMBER = make("330382", BORN, 13)  # odd sequence: male


def _row(store: Store, pid: str) -> dict[str, object]:
    with store.read() as conn:
        return dict(conn.execute(text("SELECT * FROM person WHERE id = :id"), {"id": pid}).one()._mapping)


def test_the_id_number_fills_gender_and_birth_date(store: Store) -> None:
    checked = members.check(" 王  建国 ", NUMBER.lower(), phones="138 5771 2345、0577-62345678")
    assert (checked.name, checked.id_number, checked.gender, checked.birth_date) == ("王 建国", NUMBER, "M", BORN)
    assert checked.phones == ("13857712345", "0577-62345678")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": ""}, "The name is missing."),
        ({"name": "王建国", "id_number": NUMBER[:17] + ("0" if NUMBER[17] != "0" else "1")}, "check character"),
        ({"name": "王建国", "id_number": "3303821948"}, "ID number"),
        ({"name": "王建国", "id_number": NUMBER, "gender": "F"}, "gender does not match"),
        ({"name": "王建国", "id_number": NUMBER, "birth_date": date(1950, 1, 1)}, "says 1948-05-17"),
        ({"name": "王建国", "phones": "12345"}, "Not a phone number: 12345"),
    ],
)
def test_bad_input_is_refused_with_a_reason(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(members.MemberError) as caught:
        members.check(**kwargs)  # type: ignore[arg-type]
    assert message in caught.value.english()


def test_creating_a_person_already_on_file_offers_that_person(store: Store) -> None:
    first = place(store, room="101")["household"]
    second = place(store, room="202")["household"]
    person = members.check("王建国", NUMBER)
    pid = members.add_person(store, first, person, relation="户主")
    # The same ID number again: found, and a second file is refused.
    found = members.find_matches(store, members.check("王建国", NUMBER))
    assert [(m.id, m.by, m.household_id) for m in found] == [(pid, "id_number", first)]
    assert found[0].address.endswith("101")
    with pytest.raises(members.MemberError, match="already on file"):
        members.add_person(store, second, person)
    # No ID number, but the same name and birth date: offered too.
    by_birth = members.find_matches(store, members.check("王建国", birth_date=BORN))
    assert [(m.id, m.by) for m in by_birth] == [(pid, "name_birth")]
    assert members.find_matches(store, members.check("王建军", birth_date=BORN)) == []

    members.move_in(store, pid, second, relation="父亲")
    row = _row(store, pid)
    assert (row["household_id"], row["relation_to_head"], row["status"]) == (second, "父亲", "active")


def test_status_phones_and_notes_are_captured_changes(store: Store) -> None:
    h = place(store)["household"]
    pid = members.add_person(store, h, members.check("李秀兰", birth_date=date(1940, 2, 2)), relation="户主")
    before = len(log_rows(store, "person"))
    members.update_person(store, pid, members.check("李秀兰", birth_date=date(1940, 2, 2), phones="13905771234"),
                          relation="户主", note="耳背，电话要大声")
    members.set_status(store, pid, "deceased")
    changed = [(r["field"], r["value"]) for r in log_rows(store, "person")[before:]]
    assert changed == [("phones", json.dumps(json.dumps(["13905771234"]))), ("note", '"耳背，电话要大声"'),
                       ("status", '"deceased"')]
    file = households.household_file(store, h)
    assert file is not None and file.members[0].status == "deceased"
    assert file.members[0].phones_masked == ("139****1234",)


def test_an_id_number_on_file_cannot_be_changed(store: Store) -> None:
    h = place(store)["household"]
    pid = members.add_person(store, h, members.check("王建国", NUMBER))
    other = make("330382", BORN, 15)
    with pytest.raises(members.MemberError, match="cannot be changed"):
        members.update_person(store, pid, members.check("王建国", other), "", "")
    assert _row(store, pid)["id_number"] == NUMBER


def test_tags_are_added_with_detail_removed_as_tombstones_and_added_back(store: Store) -> None:
    h = place(store)["household"]
    pid = members.add_person(store, h, members.check("赵桂兰", birth_date=date(1935, 1, 1)))
    members.set_tag(store, pid, "残疾", "肢体二级")
    members.set_tag(store, pid, "爱唱越剧")  # user-defined, not sensitive
    file = households.household_file(store, h)
    assert file is not None and set(file.members[0].tags) == {("残疾", True, "肢体二级"), ("爱唱越剧", False, "")}
    members.remove_tag(store, pid, "残疾")
    with store.read() as conn:
        kept = conn.execute(text("SELECT pt.deleted FROM persontag pt JOIN tag t ON t.id = pt.tag_id "
                                 "WHERE t.name = '残疾'")).scalar_one()
    assert kept == 1  # a tombstone, never a DELETE
    members.set_tag(store, pid, "残疾", "肢体三级")
    file = households.household_file(store, h)
    assert file is not None and ("残疾", True, "肢体三级") in file.members[0].tags
    assert [n for n, _s in members.tag_names(store)][:3] == ["独居", "空巢", "高龄"]
