"""Households by hand through the Households page: new, moved, a member moved, merged, vacant (空户)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from gridkeeper import clock
from gridkeeper.places import household_edit, households, members, street
from gridkeeper.store import Store
from gridkeeper.ui.households.address_dialog import AddressDialog
from gridkeeper.ui.households.merge_dialog import MergeDialog
from gridkeeper.ui.households.model import HouseholdTableModel
from gridkeeper.ui.households.page import HouseholdsPage
from tests.ui.typing import type_text

pytestmark = pytest.mark.gui

from tests.ui.dialogs import later


def _street(store: Store) -> dict[str, str]:
    """城南社区: 阳光小区 1幢 and 2幢 in 第1网格, 新月小区 5幢; two households in 1幢."""
    s: dict[str, str] = {}
    s["community"] = street.add_community(store, "城南社区")
    s["sun"] = street.add_compound(store, s["community"], "阳光小区")
    s["moon"] = street.add_compound(store, s["community"], "新月小区")
    s["b1"] = street.add_building(store, s["sun"], "1")
    s["b2"] = street.add_building(store, s["sun"], "2")
    s["b5"] = street.add_building(store, s["moon"], "5")
    s["grid"] = street.add_grid(store, s["community"], "第1网格")
    street.cover(store, s["grid"], building_ids=[s["b1"], s["b2"]], compound_ids=[s["moon"]])
    s["h101"] = household_edit.create_household(store, s["b1"], "1", "101")
    s["h102"] = household_edit.create_household(store, s["b1"], "1", "102")
    s["wang"] = members.add_person(store, s["h101"], members.check("王建国"), "户主")
    s["li"] = members.add_person(store, s["h101"], members.check("李秀英"), "配偶")
    return s


def _page(qtbot: QtBot, store: Store, household: str | None = None) -> HouseholdsPage:
    page = HouseholdsPage(store, None, True)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    QWidget.show(page)  # the page's own show(id) opens a household
    if household:
        page.show(household)
    return page


def _choose(dialog: AddressDialog, compound: str, building: str, unit: str, room: str) -> None:
    dialog.compound.setCurrentIndex(dialog.compound.findText(compound))
    dialog.building.setCurrentIndex(dialog.building.findText(building))
    dialog.unit.setText(unit)
    dialog.room.setText(room)


def _place(store: Store, household: str) -> tuple[str, str, str, str | None, int, str | None]:
    with store.read() as conn:
        return tuple(conn.execute(text(  # type: ignore[return-value]
            "SELECT building_id, unit, room, vacant_since, deleted, merged_into FROM household WHERE id = :h"),
            {"h": household}).first())


def _history(page: HouseholdsPage) -> list[str]:
    table = page.detail.history
    return [table.item(r, 2).text() for r in range(table.rowCount())]


def _click(qtbot: QtBot, page: HouseholdsPage, name: str) -> None:
    button = page.findChild(QPushButton, name)
    assert button is not None and button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_new_household_is_filed_at_an_address_and_a_taken_one_is_refused(qtbot: QtBot, store: Store) -> None:
    s = _street(store)
    page = _page(qtbot, store, s["h101"])
    seen: list[str] = []

    def fill(dialog: AddressDialog) -> None:
        # It starts at the open file's building; the building list follows the compound.
        assert (dialog.compound.currentText(), dialog.building.currentText()) == ("阳光小区", "1幢")
        assert dialog.grid.text() == "第1网格"  # the grid whose lists will show the household
        dialog.compound.setCurrentIndex(dialog.compound.findText("新月小区"))
        assert [dialog.building.itemText(i) for i in range(dialog.building.count())] == ["5幢"]
        assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()  # no room yet
        _choose(dialog, "阳光小区", "1幢", "1", "101")
        dialog.accept()  # a household is on file there: refused, the dialog stays open
        seen.append(dialog.error.text())
        assert dialog.isVisible()
        _choose(dialog, "新月小区", "5幢", "三单元", "702室")
        dialog.accept()

    later(AddressDialog, fill)
    _click(qtbot, page, "newHousehold")
    assert "already on file" in seen[0]
    with store.read() as conn:
        made = conn.execute(text("SELECT id FROM household WHERE building_id = :b AND unit = '3' AND room = '702'"),
                            {"b": s["b5"]}).scalar()
    assert made is not None
    assert page.detail.title.text() == "新月小区5幢3单元702"
    assert page.model.household_id(page.table.currentIndex().row()) == made  # shown in the list, selected
    assert "New household filed at 新月小区5幢3单元702" in page.detail.status.text()


def test_a_household_moves_and_its_timeline_says_from_where_to_where(qtbot: QtBot, store: Store) -> None:
    s = _street(store)
    page = _page(qtbot, store, s["h101"])

    def fill(dialog: AddressDialog) -> None:
        assert (dialog.building.currentText(), dialog.unit.text(), dialog.room.text()) == ("1幢", "1", "101")
        _choose(dialog, "阳光小区", "2幢", "2", "201")
        dialog.accept()

    later(AddressDialog, fill)
    _click(qtbot, page, "moveHousehold")
    assert _place(store, s["h101"])[:3] == (s["b2"], "2", "201")
    assert page.detail.title.text() == "阳光小区2幢2单元201"
    assert page.detail.status.text() == "Household moved from 阳光小区1幢1单元101 to 阳光小区2幢2单元201."
    assert "Household moved from 阳光小区1幢1单元101 to 阳光小区2幢2单元201" in _history(page)
    assert page.model.data(page.model.index(page.model.row_of(s["h101"]), 0)) == "阳光小区2幢2单元201"


def test_one_member_moves_to_another_household(qtbot: QtBot, store: Store) -> None:
    s = _street(store)
    page = _page(qtbot, store, s["h101"])
    page.detail.members.selectRow(1)  # 李秀英

    def fill(dialog: AddressDialog) -> None:
        assert "李秀英" in dialog.intro.text()
        _choose(dialog, "阳光小区", "1幢", "1", "102")
        dialog.accept()

    later(AddressDialog, fill)
    _click(qtbot, page, "moveMember")
    with store.read() as conn:
        assert conn.execute(text("SELECT household_id FROM person WHERE id = :p"), {"p": s["li"]}).scalar() == \
            s["h102"]
    assert [m.name for m in page.detail._file.members] == ["王建国"]  # type: ignore[union-attr]
    assert page.detail.status.text() == "李秀英 moved to 阳光小区1幢1单元102."
    page.show(s["h102"])
    assert "Moved into this household" in _history(page)

    # The last one out: the message suggests marking the flat vacant.
    page.show(s["h101"])
    page.detail.members.selectRow(0)
    later(AddressDialog, lambda d: (_choose(d, "阳光小区", "2幢", "1", "301"), d.accept()))
    _click(qtbot, page, "moveMember")
    assert "Nobody else lives at 阳光小区1幢1单元101 now" in page.detail.status.text()
    assert households.household_file(store, s["h101"]).members == ()  # type: ignore[union-attr]


def test_a_flat_marked_vacant_and_lived_in_again(qtbot: QtBot, store: Store) -> None:
    s = _street(store)
    page = _page(qtbot, store, s["h101"])
    _click(qtbot, page, "vacant")
    assert _place(store, s["h101"])[3] == clock.today().isoformat()
    assert page.detail.title.text() == "阳光小区1幢1单元101 (vacant)"
    assert f"vacant (空户) since {clock.today().isoformat()}" in page.detail.facts.text()
    assert page.detail.status.text() == "阳光小区1幢1单元101 marked vacant (空户). Its file and members stay on file."
    row = page.model.row_of(s["h101"])
    tags = page.table.model().index(row, HouseholdTableModel.TAGS)
    assert tags.data() == "vacant"  # the list row says so
    other = page.table.model().index(page.model.row_of(s["h102"]), HouseholdTableModel.TAGS)
    assert not other.data()
    assert f"Marked vacant (空户) since {clock.today().isoformat()}" in _history(page)

    button = page.findChild(QPushButton, "vacant")
    assert button.text() == "&Lived in again"
    _click(qtbot, page, "vacant")
    assert _place(store, s["h101"])[3] is None
    assert page.detail.title.text() == "阳光小区1幢1单元101"
    assert not page.table.model().index(row, HouseholdTableModel.TAGS).data()
    assert "Lived in again (no longer vacant)" in _history(page)


def test_two_files_of_one_household_are_merged(qtbot: QtBot, store: Store) -> None:
    s = _street(store)
    zhao = members.add_person(store, s["h102"], members.check("赵敏"), "户主")
    page = _page(qtbot, store, s["h101"])
    seen: dict[str, str] = {}

    def merge(dialog: MergeDialog) -> None:
        assert not dialog.merge_button.isEnabled()  # nothing chosen yet
        type_text(qtbot, dialog.search, "赵敏")
        qtbot.waitUntil(lambda: dialog.matches.count() > 0, timeout=2000)
        assert dialog.matches.item(0).text() == "阳光小区1幢1单元102 · 赵敏 · 城南社区"
        dialog.matches.setCurrentRow(0)
        seen["this"], seen["other"] = dialog.this_text.text(), dialog.other_text.text()
        seen["summary"] = dialog.summary.text()
        dialog.keep_other.setChecked(True)
        seen["swapped"] = dialog.summary.text()
        dialog.keep_this.setChecked(True)
        dialog.accept()

    later(MergeDialog, merge)
    _click(qtbot, page, "mergeHousehold")
    assert "王建国（户主）、李秀英（配偶）" in seen["this"] and "赵敏（户主）" in seen["other"]
    assert seen["summary"].startswith("阳光小区1幢1单元101 is kept. From 阳光小区1幢1单元102, 1 member and its care")
    assert seen["summary"].endswith("Both files have a head of household (户主): correct the relations afterwards.")
    assert seen["swapped"].startswith("阳光小区1幢1单元102 is kept. From 阳光小区1幢1单元101, 2 members")
    assert _place(store, s["h102"])[4:] == (1, s["h101"])
    with store.read() as conn:
        assert conn.execute(text("SELECT household_id FROM person WHERE id = :p"), {"p": zhao}).scalar() == s["h101"]
    assert page.detail.title.text() == "阳光小区1幢1单元101"
    assert {m.name for m in page.detail._file.members} == {"王建国", "赵敏", "李秀英"}  # type: ignore[union-attr]
    assert page.detail.status.text() == "Merged: the file of 阳光小区1幢1单元102 is closed; 1 record moved to " \
                                        "阳光小区1幢1单元101."
    assert any(line.startswith("The file of 阳光小区1幢1单元102 merged into this one") for line in _history(page))
    page.search.setText("")
    page.run_search()
    assert page.model.row_of(s["h102"]) == -1  # the closed file is no longer listed


def test_the_list_with_its_vacant_marks_is_a_sound_model(qtbot: QtBot, qtmodeltester, store: Store) -> None:  # type: ignore[no-untyped-def]
    s = _street(store)
    household_edit.mark_vacant(store, s["h102"])
    page = _page(qtbot, store)
    qtmodeltester.check(page.table.model(), force_py=True)
    marks = [page.table.model().index(r, HouseholdTableModel.TAGS).data() for r in range(page.model.rowCount())]
    assert marks == ["", "vacant"]  # 101, 102 in address order
