"""The Households page driven as a cadre would: type, look, arrow down, read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from gridkeeper.places import profile
from gridkeeper.settings import Settings
from gridkeeper.store import Store
from gridkeeper.ui.households.model import HouseholdTableModel
from gridkeeper.ui.main_window import MainWindow
from tests.ui.typing import type_text

pytestmark = pytest.mark.gui

MASKED_ID = re.compile(r"^\d{6}\*{8}\d{3}[\dX]$")
MASKED_MOBILE = re.compile(r"^1\d{2}\*{4}\d{4}$")


@pytest.fixture
def window(qtbot, demo_store: Store) -> MainWindow:  # type: ignore[no-untyped-def]
    w = MainWindow(demo_store, Settings(demo_store.root), "en")
    qtbot.addWidget(w)
    w.show()
    return w


def heads(w: MainWindow) -> list[str]:
    model = w.households.model
    return [model.data(model.index(r, HouseholdTableModel.HEAD)) for r in range(model.rowCount())]


def type_query(qtbot, w: MainWindow, text: str) -> None:  # type: ignore[no-untyped-def]
    box = w.households.search
    box.clear()
    type_text(qtbot, box, text)
    qtbot.waitUntil(lambda: not w.households._debounce.isActive(), timeout=2000)


def test_typing_pinyin_initials_finds_zhang_wei(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.households.all_grids.setChecked(True)
    type_query(qtbot, window, "zw")
    names = heads(window)
    assert "张伟" in names
    # every household listed has someone whose initials contain "zw"
    from gridkeeper.places import households
    from gridkeeper.rules import pinyin

    for r in range(window.households.model.rowCount()):
        hid = window.households.model.household_id(r)
        file = households.household_file(window.households._store, hid)
        assert any("zw" in pinyin.initials(m.name) for m in file.members)


def test_surname_readings_and_addresses_are_found(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.households.all_grids.setChecked(True)
    type_query(qtbot, window, "zjg")
    assert "曾建国" in heads(window)
    type_query(qtbot, window, "slh")
    assert "单丽华" in heads(window)
    first = window.households.model.data(window.households.model.index(0, 0))
    address_tail = re.search(r"\d+幢\d+单元\d+$", first).group()  # e.g. 3幢2单元501
    type_query(qtbot, window, address_tail)
    addresses = [window.households.model.data(window.households.model.index(r, 0))
                 for r in range(window.households.model.rowCount())]
    assert addresses and all(a.endswith(address_tail) for a in addresses)


def test_no_match_says_so(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    type_query(qtbot, window, "不存在的名字")
    assert window.households.model.rowCount() == 0
    assert "不存在的名字" in window.households.count.text()


def test_keyboard_only_search_then_read_the_file(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.households.all_grids.setChecked(True)
    type_query(qtbot, window, "张伟")
    qtbot.keyClick(window.households.search, Qt.Key.Key_Down)
    assert window.households.table.hasFocus() or window.households.table.selectionModel().hasSelection()
    detail = window.households.detail
    qtbot.waitUntil(lambda: detail.members.rowCount() > 0, timeout=2000)
    names = [detail.members.item(r, 0).text() for r in range(detail.members.rowCount())]
    assert "张伟" in names
    ids = [detail.members.item(r, 4).text() for r in range(detail.members.rowCount())]
    assert ids and all(MASKED_ID.match(i) for i in ids), ids
    phones = [p for r in range(detail.members.rowCount())
              for p in detail.members.item(r, 5).text().split("、") if p]
    assert all("*" in p for p in phones)
    assert any(MASKED_MOBILE.match(p) for p in phones)


def test_my_grids_scope_limits_the_list(qtbot, window: MainWindow, demo_store: Store) -> None:  # type: ignore[no-untyped-def]
    me = profile.current_cadre(demo_store)
    assert me is not None and me.grids
    def fetch_all() -> int:
        model = window.households.model
        while model.canFetchMore(model.index(-1, -1)):
            model.fetchMore(model.index(-1, -1))
        return model.rowCount()

    mine = fetch_all()
    window.households.all_grids.setChecked(True)
    everything = fetch_all()
    assert 0 < mine < everything
    from gridkeeper.store import households as queries

    with demo_store.read() as conn:
        assert mine == len(queries.search_ids(conn, "", [g.id for g in me.grids]))
        assert everything == len(queries.search_ids(conn, "", None)) == 300
    assert Settings(demo_store.root).get(__import__("gridkeeper.settings").settings.SHOW_ALL_GRIDS) is True


def test_status_bar_shows_user_and_counts(qtbot, window: MainWindow, demo_store: Store) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: bool(window.totals_label.text()), timeout=2000)  # filled after the first paint
    me = profile.current_cadre(demo_store)
    assert me is not None and me.name in window.user_label.text()
    assert all(f"{g.community} " in window.user_label.text() for g in me.grids)  # grids named with their community
    assert "300 households" in window.totals_label.text()


def test_household_model_passes_the_model_tester(qtmodeltester, demo_store: Store) -> None:  # type: ignore[no-untyped-def]
    model = HouseholdTableModel(demo_store)
    model.search("", None)
    qtmodeltester.check(model)
    model.search("zw", None)
    qtmodeltester.check(model)


def test_model_pages_without_duplicates(demo_store: Store) -> None:
    model = HouseholdTableModel(demo_store)
    model.search("", None)
    from PySide6.QtCore import QModelIndex

    first_page = model.rowCount()
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    ids = [model.household_id(r) for r in range(model.rowCount())]
    assert first_page < len(ids) == len(set(ids)) == 300


def test_screenshot_in_chinese(qtbot, demo_store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QFontDatabase
    from PySide6.QtWidgets import QApplication

    from gridkeeper.ui import i18n
    from gridkeeper.ui.app import _choose_font

    app = QApplication.instance()
    assert QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese), "no Chinese font installed"
    try:
        assert i18n.install(app, "zh_CN") == "zh_CN"
        _choose_font(app)
        w = MainWindow(demo_store, Settings(demo_store.root), "zh_CN")
        qtbot.addWidget(w)
        w.show()
        assert w.windowTitle() == "网格管家"
        assert [w.nav.item(i).text() for i in (0, 1)] == ["今日", "住户档案"]
        qtbot.waitUntil(lambda: "户" in w.totals_label.text(), timeout=2000)  # counted after the first paint
        shot = tmp_path / "households-zh.png"
        assert w.grab().save(str(shot))
        assert shot.stat().st_size > 10_000
    finally:
        i18n.install(app, "en")


def test_two_liao_xin_in_two_communities_are_told_apart(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    """Each row names its community with its grid, and who in the household matched the search."""
    from gridkeeper.ui.households.page import HouseholdsPage
    from tests.store.test_search_match import _two_liao_xin

    _two_liao_xin(store)
    page = HouseholdsPage(store, None, True)
    qtbot.addWidget(page)
    page.setVisible(True)  # HouseholdsPage.show(id) opens a household
    type_text(qtbot, page.search, "廖欣")
    qtbot.waitUntil(lambda: not page._debounce.isActive(), timeout=2000)
    model = page.model
    rows = [[model.data(model.index(r, c)) for c in (model.HEAD, model.GRID, model.MATCHED)]
            for r in range(model.rowCount())]
    assert sorted(rows) == [["王建国", "城南社区 第1网格", "Matched: 廖欣 (户主之妻)"],
                            ["陈立", "塘川社区 第1网格", "Matched: 廖欣 (户主之妻)"]]
    assert model.headerData(model.GRID, Qt.Orientation.Horizontal) == "Community · grid"
    assert page.scope_line.text() == "Showing: the whole street (every grid)"
    page.search.setText("3幢2单元501")  # an address search names nobody
    page.run_search()
    assert [model.data(model.index(r, model.MATCHED)) for r in range(model.rowCount())] == ["", ""]


def test_the_scope_line_names_my_grids(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    me = profile.current_cadre(window.households._store)
    assert me is not None and me.grids
    window.households.all_grids.setChecked(False)
    text = window.households.scope_line.text()
    assert text.startswith("Showing: my grids — ")
    for g in me.grids:
        assert g.community in text and g.name in text
    window.households.all_grids.setChecked(True)
    assert window.households.scope_line.text() == "Showing: the whole street (every grid)"
