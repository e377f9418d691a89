"""Adding a member: the ID number is read as it is typed, and a household keeps one head."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from gridkeeper.places import households, members
from gridkeeper.rules.idnumber import make
from gridkeeper.store import Store
from gridkeeper.ui.households.detail import HouseholdDetail
from gridkeeper.ui.households.member_dialog import MemberDialog
from tests.store.helpers import place
from tests.ui.dialogs import later

NUMBER = make("330382", date(1948, 5, 17), 13)  # 13: odd sequence, a man


def test_typing_the_id_number_fills_gender_and_birth_and_a_fix_clears_the_error(qtbot: QtBot) -> None:
    dialog = MemberDialog()
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.id_number, NUMBER[:10])
    assert dialog.error.text() == ""  # half a number is not an error yet
    wrong = NUMBER[:-1] + ("1" if NUMBER[-1] != "1" else "2")
    qtbot.keyClicks(dialog.id_number, wrong[10:])
    assert "check character" in dialog.error.text()  # said at once, not at Save
    dialog.id_number.setText(NUMBER)
    assert dialog.error.text() == ""
    assert dialog.gender.currentData() == "M"
    assert dialog.birth.text() == "1948-05-17"


def test_head_of_household_is_not_offered_twice(qtbot: QtBot, store: Store) -> None:
    h = place(store)["household"]
    detail = HouseholdDetail(store)
    qtbot.addWidget(detail)
    detail.show_file(households.household_file(store, h))
    offered: list[list[str]] = []

    def look(dialog: MemberDialog) -> None:
        offered.append([dialog.relation.itemText(i) for i in range(dialog.relation.count())])
        dialog.reject()

    later(MemberDialog, look)
    detail.add_member()  # no head yet
    head = members.add_person(store, h, members.check("王建国", NUMBER), relation="户主")
    detail.show_file(households.household_file(store, h))
    later(MemberDialog, look)
    detail.add_member()
    detail.members.selectRow(0)
    later(MemberDialog, look)
    detail.edit_member()  # the head himself may stay head
    assert "户主" in offered[0] and "户主" not in offered[1] and "户主" in offered[2]
    assert detail._selected_member().id == head  # type: ignore[union-attr]


def test_a_message_about_one_household_does_not_stay_on_another(qtbot: QtBot, store: Store) -> None:
    one, other = place(store, room="101")["household"], place(store, room="202")["household"]
    detail = HouseholdDetail(store)
    qtbot.addWidget(detail)
    detail.show_file(households.household_file(store, one))

    def fill(dialog: MemberDialog) -> None:
        dialog.name.setText("王建国")
        dialog.accept()

    later(MemberDialog, fill)
    detail.add_member()
    assert detail.status.text() == "王建国 added to the household."
    detail.show_file(households.household_file(store, one))  # the same file re-read keeps it
    assert detail.status.text() == "王建国 added to the household."
    detail.show_file(households.household_file(store, other))
    assert detail.status.text() == ""
