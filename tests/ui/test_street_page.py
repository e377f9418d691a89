"""The 网格设置 page: a street built from nothing through it, refusals shown, 未划网格 assigned in
one action, and read-only for an office member who is not its admin."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QTreeWidget, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from gridkeeper import clock
from gridkeeper.places import household_edit, staff, street
from gridkeeper.store import Store, open_store
from gridkeeper.ui.street import views
from gridkeeper.ui.street.cadre_dialogs import CadreEditDialog, HoldDialog, RotateDialog
from gridkeeper.ui.street.common import StreetDialog
from gridkeeper.ui.street.cover_dialog import CoverDialog
from gridkeeper.ui.street.page import StreetPage
from gridkeeper.ui.street.place_dialogs import BuildingsDialog, CommunityDialog, CompoundDialog, GridDialog


def open_page(qtbot: QtBot, store: Store) -> StreetPage:
    page = StreetPage(store)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.show()
    return page


def settle(qtbot: QtBot, page: StreetPage) -> None:
    qtbot.waitUntil(lambda: not page.busy(), timeout=15000)


def through(qtbot: QtBot, page: StreetPage, action: Callable[[], None], kind: type[StreetDialog],
            fill: Callable[[StreetDialog], None]) -> str:
    """Run a page action whose dialog `fill` completes; Save, wait for the write; the dialog's last error
    line ("" when it saved)."""
    seen: dict[str, str] = {}

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, kind), dialog
        try:
            fill(dialog)
            dialog.save_button.click()
            qtbot.waitUntil(lambda: not dialog.isVisible() or (
                dialog.buttons.isEnabled() and dialog.error.text() not in ("", "Saving…")), timeout=15000)
        finally:
            seen["error"] = dialog.error.text() if dialog.isVisible() else ""
            if dialog.isVisible():
                dialog.done(0)

    QTimer.singleShot(0, answer)
    action()
    settle(qtbot, page)
    return seen["error"]


def item(tree: QTreeWidget, kind: str, name: str) -> QTreeWidgetItem:
    stack = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while stack:
        it = stack.pop()
        if views.key_of(it)[0] == kind and it.text(0).endswith(name):
            return it
        stack.extend(it.child(i) for i in range(it.childCount()))
    raise AssertionError(f"no {kind} {name}")


def choose(tree: QTreeWidget, kind: str, name: str) -> None:
    tree.clearSelection()
    it = item(tree, kind, name)
    tree.setCurrentItem(it)
    it.setSelected(True)


def choose_row(table, name: str) -> None:  # type: ignore[no-untyped-def]
    for r in range(table.rowCount()):
        if table.item(r, 0).text() == name:
            table.setCurrentCell(r, 0)
            return
    raise AssertionError(name)


def test_a_street_from_nothing_through_the_page(qtbot: QtBot, store: Store) -> None:
    page = open_page(qtbot, store)
    assert page.editable and page.read_only.isHidden()
    assert page.loose_count.text() == "Every household is in a grid."

    def community(d: CommunityDialog) -> None:
        d.name.setText("城南社区")
        d.code.setText("330382001001")

    assert through(qtbot, page, page.add_community_action.trigger, CommunityDialog, community) == ""
    assert page.status.text() == "Community 城南社区 added."
    choose(page.tree, "community", "城南社区")

    def compound(d: CompoundDialog) -> None:
        d.name.setText("阳光小区")
        d.company.setText("南虹物业")

    through(qtbot, page, page.add_compound_action.trigger, CompoundDialog, compound)
    choose(page.tree, "compound", "阳光小区")

    def buildings(d: BuildingsDialog) -> None:
        d.names.setText("1-3")
        d.floors.setValue(6)

    through(qtbot, page, page.add_buildings_action.trigger, BuildingsDialog, buildings)
    assert page.status.text() == "3 buildings added to 阳光小区."

    def grid(d: GridDialog) -> None:
        d.name.setText("第1网格")
        d.code.setText("330382001001-01")

    through(qtbot, page, page.add_grid_action.trigger, GridDialog, grid)
    assert page.grids.rowCount() == 1 and page.grids.item(0, 0).text() == "第1网格"

    # The whole compound in the grid, in one action.
    choose(page.tree, "compound", "阳光小区")
    assert page.cover_action.isEnabled()

    def cover(d: CoverDialog) -> None:
        assert d.grid.currentText().startswith("第1网格")
        assert "阳光小区 (the whole compound)" in d.what.text()
        assert d.preview.text() == ("0 households in 3 buildings move to this grid: "
                                    "0 households from no grid (未划网格).")  # none yet: counted below

    through(qtbot, page, page.cover_action.trigger, CoverDialog, cover)

    def cadre(d: CadreEditDialog) -> None:
        d.name.setText("陈晓燕")
        d.phone.setText("138 0577 1234")
        d.role.setCurrentIndex(d.role.findData("驻社区干部"))

    through(qtbot, page, page.add_cadre_action.trigger, CadreEditDialog, cadre)
    assert page.cadres.item(0, 2).text() == "138****1234"  # masked as everywhere
    choose_row(page.cadres, "陈晓燕")
    choose_row(page.grids, "第1网格")
    through(qtbot, page, page.hold_action.trigger, HoldDialog, lambda d: None)
    assert page.status.text() == f"陈晓燕 holds 城南社区 第1网格 from {clock.today().isoformat()}."

    # The domain holds what was typed.
    whole = street.structure(store)
    [g] = whole.grids
    [sun] = whole.compounds
    assert (sun.name, sun.property_company, sun.grid_id) == ("阳光小区", "南虹物业", g.id)
    assert [(b.name, b.floors, b.grid_id) for b in whole.buildings] == [(f"{i}幢", 6, g.id) for i in (1, 2, 3)]
    assert [(s.cadre, s.role, s.start) for s in staff.stints(store, grid_id=g.id)] == [
        ("陈晓燕", "驻社区干部", clock.today())]
    # The grid shows its holder by role, and a mark: two of the three are missing.
    assert page.grids.item(0, 4).text() == "陈晓燕"
    assert not page.grids.item(0, 0).icon().isNull()
    assert "Co-operative cadre" in page.grids.item(0, 0).toolTip()
    assert item(page.tree, "building", "2幢").text(1) == "第1网格"
    assert item(page.tree, "compound", "阳光小区").text(1) == "第1网格 (whole compound)"


def _street(store: Store) -> dict[str, str]:
    s = {"community": street.add_community(store, "城南社区")}
    s["sun"] = street.add_compound(store, s["community"], "阳光小区")
    s["b1"], s["b2"] = (street.add_building(store, s["sun"], n) for n in ("1", "2"))
    s["g1"] = street.add_grid(store, s["community"], "第1网格")
    s["g2"] = street.add_grid(store, s["community"], "第2网格")
    street.cover(store, s["g1"], building_ids=[s["b1"]])
    return s


def test_a_refused_delete_shows_why(qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    s = _street(store)
    household_edit.create_household(store, s["b1"], "1", "101")
    page = open_page(qtbot, store)
    monkeypatch.setattr(page, "confirm", lambda _q: True)
    choose(page.tree, "building", "1幢")
    with pytest.raises(street.StreetError) as refused:
        street.delete(store, "building", s["b1"])
    page.delete_place_action.trigger()
    settle(qtbot, page)
    assert page.status.text() == refused.value.translated(QCoreApplication.translate)
    assert "1 households" in page.status.text()
    # An empty building goes.
    choose(page.tree, "building", "2幢")
    page.delete_place_action.trigger()
    settle(qtbot, page)
    assert page.status.text() == "Deleted “2幢”."
    assert [b.name for b in street.structure(store).buildings] == ["1幢"]


def test_households_in_no_grid_are_counted_and_assigned_in_one_action(qtbot: QtBot, store: Store) -> None:
    s = _street(store)
    for room in ("101", "102"):
        household_edit.create_household(store, s["b2"], "1", room)
    household_edit.create_household(store, s["b1"], "1", "101")
    page = open_page(qtbot, store)
    assert page.loose_count.text() == "Not in a grid: 1 building, 2 households"
    choose(page.loose, "compound", "阳光小区")

    def cover(d: CoverDialog) -> None:
        d.grid.setCurrentIndex(d.grid.findData(s["g2"]))
        assert d.what.text() == "阳光小区 2幢"  # 1幢 is in a grid: only the loose building moves
        assert d.preview.text() == ("2 households in 1 building move to this grid: "
                                    "2 households from no grid (未划网格).")

    through(qtbot, page, page.assign_loose_action.trigger, CoverDialog, cover)
    assert page.status.text() == "2 households in 1 building put in 城南社区 第2网格."
    assert page.loose_count.text() == "Every household is in a grid."
    assert street.unassigned(store) == []
    assert street.structure(store).get(s["b2"]).grid_id == s["g2"]  # type: ignore[union-attr]

    # Moving 1幢 to grid 2 says where its household comes from; taking it out asks first.
    choose(page.tree, "building", "1幢")

    def move(d: CoverDialog) -> None:
        d.grid.setCurrentIndex(d.grid.findData(s["g2"]))
        assert d.preview.text() == "1 household in 1 building move to this grid: 1 household from 城南社区 第1网格."

    through(qtbot, page, page.cover_action.trigger, CoverDialog, move)
    choose(page.tree, "building", "1幢")
    asked: list[str] = []
    page.confirm = lambda q: asked.append(q) or True  # type: ignore[method-assign]
    page.uncover_action.trigger()
    settle(qtbot, page)
    assert "1 household in 1 building will be in no grid" in asked[0]
    assert page.loose_count.text() == "Not in a grid: 1 building, 1 household"


def test_a_grids_rotation_and_its_history(qtbot: QtBot, store: Store) -> None:
    s = _street(store)
    today = clock.today()
    old = staff.add_cadre(store, "王建国", "13905770001", "驻社区干部")
    staff.add_cadre(store, "李秀英", "13905770002", "驻社区干部")
    staff.hold(store, old, s["g1"], today - timedelta(days=100))
    page = open_page(qtbot, store)
    choose_row(page.grids, "第1网格")

    def rotate(d: RotateDialog) -> None:
        assert d.leaving.currentText().startswith("王建国")
        assert [d.coming.itemText(i).split()[0] for i in range(d.coming.count())] == ["李秀英"]

    through(qtbot, page, page.rotate_action.trigger, RotateDialog, rotate)
    assert [(h.cadre, h.end) for h in staff.stints(store, grid_id=s["g1"])] == [
        ("王建国", today - timedelta(days=1)), ("李秀英", None)]
    assert page.grids.item(0, 4).text() == "李秀英"

    from gridkeeper.ui.street.history_dialog import GridHistoryDialog

    choose_row(page.grids, "第1网格")
    dialog = GridHistoryDialog(store, page.snap, s["g1"], page)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    assert [dialog.stints.item(r, 0).text() for r in range(dialog.stints.rowCount())] == ["王建国", "李秀英"]
    assert dialog.moves.rowCount() == 1 and dialog.moves.item(0, 2).text() == "came in"


def test_read_only_for_an_office_member_who_is_not_its_admin(qtbot: QtBot, tmp_path: Path, share: Path) -> None:
    from gridkeeper.sync import office

    admin, member = open_store(tmp_path / "a"), open_store(tmp_path / "b")
    office.create(admin, share)
    office.join(member, share, office.invite(admin, share).code)
    try:
        _street(member)  # what a sync would bring; the member sees it but cannot change it
        page = open_page(qtbot, member)
        assert not page.editable and page.read_only.isVisible()
        choose(page.tree, "building", "1幢")
        choose_row(page.grids, "第1网格")
        for action in (page.add_community_action, page.add_buildings_action, page.cover_action,
                       page.delete_place_action, page.add_grid_action, page.add_cadre_action):
            assert not action.isEnabled(), action.objectName()
            assert action.toolTip() == "Only an admin laptop of the office can change the street's setup."
        assert page.history_action.isEnabled()  # reading the history is for everyone
        assert open_page(qtbot, admin).add_community_action.isEnabled()
    finally:
        admin.close()
        member.close()


def test_the_page_is_in_the_sidebar_and_built_when_first_shown(qtbot: QtBot, store: Store) -> None:
    from tests.ui.windows import window

    w = window(qtbot, store)
    titles = [w.nav.item(i).text() for i in range(w.nav.count())]
    assert "Street setup" in titles and "street" not in w._built
    w.nav.setCurrentRow(titles.index("Street setup"))
    page = w._built["street"]
    assert isinstance(page, StreetPage) and w.pages.currentWidget() is page


def test_bad_input_is_said_in_the_dialog_and_nothing_typed_is_lost(qtbot: QtBot, store: Store) -> None:
    s = _street(store)
    page = open_page(qtbot, store)
    choose(page.tree, "compound", "阳光小区")
    typed: dict[str, str] = {}

    def backwards(d: BuildingsDialog) -> None:
        d.names.setText("12-1")

    def after(d: BuildingsDialog) -> None:
        typed["names"] = d.names.text()

    error = through(qtbot, page, page.add_buildings_action.trigger, BuildingsDialog,
                    lambda d: (backwards(d), after(d)))  # type: ignore[func-returns-value]
    assert error == "“12-1” counts backwards; write it as 1-12." and typed["names"] == "12-1"
    # A refusal that only the write can find (the name is taken) also stays in the open dialog.
    choose(page.tree, "community", "城南社区")

    def taken(d: GridDialog) -> None:
        d.name.setText("第1网格")

    assert through(qtbot, page, page.add_grid_action.trigger, GridDialog, taken) == "“第1网格” is already there."
    assert [b.name for b in street.structure(store).buildings_of(s["sun"])] == ["1幢", "2幢"]
    assert len(street.structure(store).grids) == 2


def test_an_empty_compound_covered_whole_takes_its_later_buildings(qtbot: QtBot, store: Store) -> None:
    s = _street(store)
    new = street.add_compound(store, s["community"], "新月小区")
    page = open_page(qtbot, store)
    choose(page.tree, "compound", "新月小区")

    def cover(d: CoverDialog) -> None:
        d.grid.setCurrentIndex(d.grid.findData(s["g2"]))
        assert d.preview.text().startswith("No household moves now") and d.save_button.isEnabled()

    through(qtbot, page, page.cover_action.trigger, CoverDialog, cover)
    later = street.add_building(store, new, "1")
    assert street.structure(store).get(later).grid_id == s["g2"]  # type: ignore[union-attr]


def test_a_cadre_stops_holding_one_grid_and_another_leaves(qtbot: QtBot, store: Store,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from gridkeeper.ui.street.cadre_dialogs import LeaveDialog, ReleaseDialog

    s = _street(store)
    today = clock.today()
    a = staff.add_cadre(store, "王建国", "13905770001", "驻社区干部")
    b = staff.add_cadre(store, "李秀英", "13905770002", "小区党建指导员")
    for cadre in (a, b):
        staff.hold(store, cadre, s["g1"], today - timedelta(days=30))
    staff.hold(store, a, s["g2"], today - timedelta(days=30))
    page = open_page(qtbot, store)
    choose_row(page.cadres, "王建国")

    def release(d: ReleaseDialog) -> None:
        d.grid.setCurrentIndex(d.grid.findData(s["g2"]))

    through(qtbot, page, page.release_action.trigger, ReleaseDialog, release)
    assert page.status.text() == f"王建国 held 城南社区 第2网格 until {(today - timedelta(days=1)).isoformat()}."
    assert [x.grid_id for x in staff.stints(store, cadre_id=a) if x.holds_on(today)] == [s["g1"]]
    choose_row(page.cadres, "李秀英")
    through(qtbot, page, page.leave_action.trigger, LeaveDialog, lambda d: None)
    assert [c.name for c in staff.cadres(store)] == ["王建国"]
    assert [page.cadres.item(r, 0).text() for r in range(page.cadres.rowCount())] == ["王建国"]
    [stint] = staff.stints(store, cadre_id=b)
    assert stint.end == today - timedelta(days=1)  # the history stays


def test_the_division_table_wizard_opens_from_the_page_and_the_page_reads_again(
        qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    import gridkeeper.ui.division_wizard as wizard

    page = open_page(qtbot, store)
    opened: list[object] = []

    def fake(parent, s, settings=None, on_imported=None):  # type: ignore[no-untyped-def]
        opened.append(parent)
        street.add_community(s, "城南社区")  # what an import would have written
        on_imported("report")

    monkeypatch.setattr(wizard, "open_division_wizard", fake)
    assert page.import_table_action.isEnabled()
    with qtbot.waitSignal(page.changed, timeout=2000):
        page.import_table_action.trigger()
    settle(qtbot, page)
    assert opened == [page]
    item(page.tree, "community", "城南社区")  # read again: the new community is in the tree
