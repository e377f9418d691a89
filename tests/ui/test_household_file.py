"""The household file: members edited, a duplicate offered, care recorded, the history shown."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from gridkeeper import care
from gridkeeper.places import audit, households, members
from gridkeeper.rules import idnumber
from gridkeeper.rules.idnumber import make
from gridkeeper.store import Store
from gridkeeper.ui.care.dialogs import PlanDialog, ServiceDialog
from gridkeeper.ui.households.detail import HouseholdDetail
from gridkeeper.ui.households.member_dialog import MemberDialog, TagsDialog
from tests.store.helpers import place
from tests.ui.typing import type_text

NUMBER = make("330382", date(1948, 5, 17), 13)

from tests.ui.dialogs import later


def _open(qtbot: QtBot, store: Store, household: str) -> HouseholdDetail:
    detail = HouseholdDetail(store)
    qtbot.addWidget(detail)
    detail.show_file(households.household_file(store, household))
    detail.resize(1000, 600)
    detail.show()
    return detail


def _names(detail: HouseholdDetail) -> list[str]:
    return [detail.members.item(r, 0).text() for r in range(detail.members.rowCount())]


def test_a_member_is_added_and_a_bad_id_number_keeps_the_form_open(qtbot: QtBot, store: Store) -> None:
    h = place(store)["household"]
    detail = _open(qtbot, store, h)
    seen_errors: list[str] = []

    def fill(dialog: MemberDialog) -> None:
        dialog.name.setText("王建国")
        dialog.id_number.setText(NUMBER[:-1] + ("1" if NUMBER[-1] != "1" else "2"))
        dialog.relation.setCurrentText("户主")
        dialog.phones.setText("13857712345")
        dialog.accept()  # refused: the check character is wrong
        seen_errors.append(dialog.error.text())
        assert dialog.isVisible() and dialog.name.text() == "王建国"  # nothing typed is lost
        dialog.id_number.setText(NUMBER)
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)

    later(MemberDialog, fill)
    detail.add_member()
    assert "check character" in seen_errors[0]
    assert _names(detail) == ["王建国"]
    assert detail.members.item(0, 4).text() == idnumber.mask(NUMBER)
    assert detail.status.text() == "王建国 added to the household."


def test_creating_someone_already_on_file_moves_them_in(qtbot: QtBot, store: Store) -> None:
    old = place(store, room="101")["household"]
    new = place(store, room="202")["household"]
    pid = members.add_person(store, old, members.check("王建国", NUMBER), relation="户主")
    detail = _open(qtbot, store, new)
    asked: list[str] = []

    def answer(box: QMessageBox) -> None:
        asked.append(box.text())
        box.defaultButton().click()  # "Move here"

    def fill(dialog: MemberDialog) -> None:
        dialog.name.setText("王建国")
        dialog.id_number.setText(NUMBER)
        dialog.relation.setCurrentText("父亲")
        later(QMessageBox, answer)
        dialog.accept()

    later(MemberDialog, fill)
    detail.add_member()
    assert "already on file" in asked[0] and "101" in asked[0]
    assert _names(detail) == ["王建国"]
    file = households.household_file(store, new)
    assert file is not None and [m.id for m in file.members] == [pid] and file.members[0].relation == "父亲"
    assert households.household_file(store, old).members == ()  # type: ignore[union-attr]
    assert "moved into this household" in detail.status.text()


def test_tags_status_and_an_audited_reveal(qtbot: QtBot, store: Store) -> None:
    h = place(store)["household"]
    pid = members.add_person(store, h, members.check("赵桂兰", birth_date=date(1936, 3, 1), phones="13905771234"))
    detail = _open(qtbot, store, h)
    detail.members.selectRow(0)

    def tick(dialog: TagsDialog) -> None:
        items = {dialog.list.item(i).data(Qt.ItemDataRole.UserRole): dialog.list.item(i)
                 for i in range(dialog.list.count())}
        dialog.list.setCurrentItem(items["残疾"])
        type_text(qtbot, dialog.detail, "肢体二级")  # typing a detail ticks the tag
        items["独居"].setCheckState(Qt.CheckState.Checked)
        dialog.accept()

    later(TagsDialog, tick)
    detail.edit_tags()
    assert detail.members.item(0, 6).text() == "※残疾（肢体二级）、独居"

    detail.members.selectRow(0)
    qtbot.mouseClick(detail.findChild(QPushButton, "showPhones"), Qt.MouseButton.LeftButton)  # show phones
    assert "139 0577 1234" in detail.status.text()  # grouped as read out
    assert [(e.field, e.subject) for e in audit.entries(store, pid)] == [("phones", "赵桂兰")]

    later(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    detail.set_status("deceased")
    assert _names(detail) == ["赵桂兰（deceased）"]
    detail.tabs.setCurrentIndex(2)
    what = [detail.history.item(r, 2).text() for r in range(detail.history.rowCount())]
    assert "Changed status: deceased" in what and "Tag added: 残疾（肢体二级）" in what
    assert any("shown by" in w for w in what)


def test_a_plan_a_contact_and_a_service_from_the_care_tab(qtbot: QtBot, store: Store) -> None:
    from gridkeeper.places import profile

    colleague = profile.create_cadre(store, "王书记")
    me = profile.create_cadre(store, "李娜")  # the last created is this laptop's user
    h = place(store)["household"]
    members.add_person(store, h, members.check("李国强", birth_date=date(1940, 1, 1)))
    detail = _open(qtbot, store, h)
    detail.tabs.setCurrentIndex(1)

    def plan(dialog: PlanDialog) -> None:
        assert dialog.cadre.currentData() == me.id  # this laptop's cadre by default
        dialog.cadre.setCurrentIndex(dialog.cadre.findData(colleague.id))
        dialog.frequency.setCurrentIndex(dialog.frequency.findData("every_n_days"))
        dialog.interval.setValue(2)
        dialog.start.setText("2026-03-01")
        dialog.accept()

    later(PlanDialog, plan)
    detail.new_plan()
    assert detail.plans.rowCount() == 1 and detail.plans.item(0, 1).text() == "every 2 days"
    assert detail.status.text() == "Care plan saved."
    assert len(care.today_list(store, date(2026, 3, 1), None).due) == 1
    # The colleague sees it on their Today list even outside their grids: the plan names them.
    assert len(care.today_list(store, date(2026, 3, 1), ["none-of-theirs"], colleague.id).due) == 1

    def service(dialog: ServiceDialog) -> None:
        dialog.kind.setCurrentIndex(dialog.kind.findData("medicine"))
        dialog.day.setText("2026-02-30")  # not a date: the form says so and stays open
        dialog.accept()
        assert "not a date" in dialog.error.text()
        dialog.day.setText("2026-03-01")
        dialog.accept()

    later(ServiceDialog, service)
    detail.record_service()
    assert detail.status.text() == "Service recorded: medicine."
    detail.tabs.setCurrentIndex(2)
    assert any("Service: medicine" in detail.history.item(r, 2).text() for r in range(detail.history.rowCount()))


def test_volunteers_are_added_to_teams_and_offered_in_plans(qtbot: QtBot, store: Store) -> None:
    from gridkeeper.ui.care.volunteers_page import VolunteerDialog, VolunteersPage

    page = VolunteersPage(store)
    qtbot.addWidget(page)
    later(QInputDialog, lambda d: (d.setTextValue("邻里守望志愿服务队"), d.accept()))
    page.add_team()
    assert page.status.text() == "Team 邻里守望志愿服务队 added."

    def fill(dialog: VolunteerDialog) -> None:
        dialog.name.setText("陈阿姨")
        dialog.phone.setText("139-0577-1234")
        dialog.team.setCurrentIndex(1)
        dialog.accept()

    later(VolunteerDialog, fill)
    page.add_volunteer()
    assert [page.table.item(0, c).text() for c in range(3)] == ["陈阿姨", "邻里守望志愿服务队", "139****1234"]
    assert page.summary.text() == "Teams: 1 · volunteers: 1 · paired in care plans: 0"
    assert [name for _id, name, _team in care.volunteers(store)] == ["陈阿姨"]

    def bad(dialog: VolunteerDialog) -> None:
        dialog.name.setText("王叔叔")
        dialog.phone.setText("12345")
        dialog.accept()

    later(VolunteerDialog, bad)
    page.add_volunteer()
    assert "Not saved" in page.status.text() and page.table.rowCount() == 1
