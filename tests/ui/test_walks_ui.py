"""The Night walks page driven by keyboard: a walk with three findings, one made a problem."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from gridkeeper import lists, walks
from gridkeeper.store import Store
from gridkeeper.ui.walks.dialog import WalkDialog
from gridkeeper.ui.walks.page import WalksPage
from tests.conftest import clock_on
from tests.ui.typing import type_text
from tests.walk_fixtures import Street, street

# The place completer's popup: the offscreen platform cannot raise it or grab the keyboard for it.
pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")]

TODAY = date(2026, 11, 27)
_clock = clock_on(TODAY)  # what the pages stamp "now" falls on TODAY


@pytest.fixture
def st(store: Store) -> Street:
    s = street(store)
    store.set_meta("cadre_id", s.cadre)
    return s


@pytest.fixture
def page(qtbot, store: Store, st: Street) -> WalksPage:  # type: ignore[no-untyped-def]
    p = WalksPage(store, [st.grid1], me="李娜", today=TODAY)
    qtbot.addWidget(p)
    p.show()
    p.activateWindow()  # shortcuts (Ctrl+N, Ctrl+P) work in the active window
    qtbot.waitUntil(p.isActiveWindow)
    return p


def press(qtbot, widget, key, times: int = 1, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    for _ in range(times):
        qtbot.keyClick(widget, key, modifier)


def finding_by_keyboard(qtbot, dlg: WalkDialog, place: str, category_downs: int, severity: int,  # type: ignore[no-untyped-def]
                        note: str, settled: bool = False) -> None:
    """Place, Tab, category (arrows from the last one used), Tab, severity (arrows from Moderate), Tab, note,
    [Tab Space], Enter."""
    dlg.place.setFocus()
    type_text(qtbot, dlg.place, place)
    press(qtbot, dlg.place, Qt.Key.Key_Tab)
    assert dlg.focusWidget() is dlg.category
    press(qtbot, dlg.category, Qt.Key.Key_Down if category_downs > 0 else Qt.Key.Key_Up, abs(category_downs))
    press(qtbot, dlg.category, Qt.Key.Key_Tab)
    assert dlg.focusWidget() is dlg.severity
    press(qtbot, dlg.severity, Qt.Key.Key_Down if severity > 0 else Qt.Key.Key_Up, abs(severity))
    press(qtbot, dlg.severity, Qt.Key.Key_Tab)
    assert dlg.focusWidget() is dlg.note
    type_text(qtbot, dlg.note, note)
    focus = dlg.note
    if settled:
        press(qtbot, dlg.note, Qt.Key.Key_Tab)
        assert dlg.focusWidget() is dlg.settled
        press(qtbot, dlg.settled, Qt.Key.Key_Space)
        focus = dlg.settled
    press(qtbot, focus, Qt.Key.Key_Return)
    assert dlg.focusWidget() is dlg.place  # ready for the next one


def log_walk_by_keyboard(qtbot, page: WalksPage) -> None:  # type: ignore[no-untyped-def]
    seen: dict[str, object] = {}

    def fill() -> None:
        dlg = QApplication.activeModalWidget()
        assert isinstance(dlg, WalkDialog)
        try:
            fill_in(dlg)
        finally:
            if dlg.isVisible():  # a failed step must not leave exec() waiting forever
                dlg.done(0)

    def fill_in(dlg: WalkDialog) -> None:
        seen["dialog"] = True
        assert dlg.chosen_grids() and dlg.leader.text() == "李娜"  # my one grid, me leading
        dlg.start.selectAll()
        type_text(qtbot, dlg.start, "1915")
        dlg.property_people.setFocus()
        type_text(qtbot, dlg.property_people, "陈经理")
        dlg.hoa_people.setFocus()
        type_text(qtbot, dlg.hoa_people, "赵主任、钱委员")
        finding_by_keyboard(qtbot, dlg, "阳光花园1幢 东侧", 0, +1, "消防通道堆放杂物")  # fire lane, serious
        finding_by_keyboard(qtbot, dlg, "阳光花园", 5, -1, "广场舞音量大", settled=True)  # noise, minor
        finding_by_keyboard(qtbot, dlg, "南门", -1, 0, "车辆乱停放")  # parking (above noise), moderate
        assert dlg.table.rowCount() == 3
        press(qtbot, dlg.place, Qt.Key.Key_Return, modifier=Qt.KeyboardModifier.ControlModifier)
        seen["closed"] = not dlg.isVisible()

    QTimer.singleShot(0, fill)
    page.new_walk()
    assert seen == {"dialog": True, "closed": True}


def test_log_a_walk_with_three_findings_by_keyboard_then_make_a_problem(qtbot, page: WalksPage, store: Store,  # type: ignore[no-untyped-def]
                                                                       st: Street) -> None:
    assert "no night walk yet" in page.compliance.text() and "第1网格" in page.compliance.text()
    log_walk_by_keyboard(qtbot, page)
    assert page.status.text() == "Night walk logged with 3 findings."
    assert "every grid has its night walk" in page.compliance.text()
    assert page.tree.topLevelItemCount() == 1 and page.tree.topLevelItem(0).childCount() == 1
    assert page.tree.topLevelItem(0).text(0).startswith("Week 48 of 2026")
    detail = walks.walk_detail(store, page.current_walk_id())  # type: ignore[arg-type]
    assert detail is not None and detail.head.start_time == "19:15"
    assert set(detail.participants) == {("property", "陈经理"), ("hoa", "赵主任"), ("hoa", "钱委员")}
    assert [(f.place, f.category, f.severity, f.settled) for f in detail.findings] == [
        ("阳光花园1幢东侧", "fire_lane", "high", False),
        ("阳光花园", "noise", "low", True),
        ("南门", "parking", "medium", False),
    ]
    table = page.findings
    assert [table.item(r, 4).text() for r in range(3)] == ["unsettled", "settled on the spot", "unsettled"]

    # The settled one cannot become a problem; the fire lane can, with Ctrl+P.
    assert page.focusWidget() is table
    press(qtbot, table, Qt.Key.Key_Down)
    assert table.currentRow() == 1 and not page.problem_button.isEnabled()
    press(qtbot, table, Qt.Key.Key_Up)
    assert page.problem_button.isEnabled()
    page.activateWindow()  # back from the dialog
    qtbot.waitUntil(page.isActiveWindow)
    with qtbot.waitSignal(page.problem_made) as made:
        press(qtbot, table, Qt.Key.Key_P, modifier=Qt.KeyboardModifier.ControlModifier)
    assert page.status.text() == "“消防通道堆放杂物” is now on the problem list."
    assert table.item(0, 4).text() == "problem: open" and not page.problem_button.isEnabled()
    problem = lists.item_detail(store, made.args[0], TODAY)
    assert problem is not None and problem.finding is not None and problem.finding.note == "消防通道堆放杂物"


def test_a_walk_with_a_mistake_keeps_everything_typed(qtbot, store: Store, st: Street) -> None:  # type: ignore[no-untyped-def]
    dlg = WalkDialog(store, [st.grid1], "", TODAY)
    qtbot.addWidget(dlg)
    dlg.show()
    finding_by_keyboard(qtbot, dlg, "阳光花园1幢", 2, 0, "垃圾桶满溢")
    dlg.end.selectAll()
    type_text(qtbot, dlg.end, "25:00")
    dlg.save()
    assert dlg.error.text() == "Enter who led the walk." and dlg.isVisible()
    dlg.leader.setFocus()
    type_text(qtbot, dlg.leader, "李娜")
    dlg.save()
    assert dlg.error.text() == "“25:00” is not a time of day: type it like 19:30 or 1930."
    assert dlg.table.rowCount() == 1 and len(dlg.findings) == 1 and dlg.walk_id is None
    dlg.end.selectAll()
    type_text(qtbot, dlg.end, "2100")
    dlg.save()
    assert dlg.walk_id is not None and not dlg.isVisible()
    assert [f.note for f in walks.walk_detail(store, dlg.walk_id).findings] == ["垃圾桶满溢"]  # type: ignore[union-attr]


def test_a_finding_left_in_the_entry_row_is_saved_not_lost(qtbot, store: Store, st: Street) -> None:  # type: ignore[no-untyped-def]
    dlg = WalkDialog(store, [st.grid1], "李娜", TODAY)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.note.setFocus()
    type_text(qtbot, dlg.note, "井盖松动")
    press(qtbot, dlg.note, Qt.Key.Key_Return, modifier=Qt.KeyboardModifier.ControlModifier)
    assert dlg.walk_id is not None
    assert [f.note for f in walks.walk_detail(store, dlg.walk_id).findings] == ["井盖松动"]  # type: ignore[union-attr]


def test_escape_asks_before_throwing_findings_away(qtbot, store: Store, st: Street, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    dlg = WalkDialog(store, [st.grid1], "李娜", TODAY)
    qtbot.addWidget(dlg)
    dlg.show()
    finding_by_keyboard(qtbot, dlg, "阳光花园", 0, 0, "堆放杂物")
    asked: list[bool] = []
    monkeypatch.setattr(dlg, "confirm_discard", lambda: asked.append(True) or False)
    press(qtbot, dlg.place, Qt.Key.Key_Escape)
    assert asked == [True] and dlg.isVisible() and dlg.table.rowCount() == 1


def test_escape_asks_before_throwing_a_typed_route_away(qtbot, store: Store, st: Street, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    dlg = WalkDialog(store, [st.grid1], "李娜", TODAY)
    qtbot.addWidget(dlg)
    dlg.show()
    asked: list[bool] = []
    monkeypatch.setattr(dlg, "confirm_discard", lambda: asked.append(True) or False)
    press(qtbot, dlg.place, Qt.Key.Key_Escape)  # nothing typed: closes without asking
    assert asked == [] and not dlg.isVisible()
    dlg.show()
    type_text(qtbot, dlg.route, "南门—1至6幢—车库")
    press(qtbot, dlg.route, Qt.Key.Key_Escape)
    assert asked == [True] and dlg.isVisible() and dlg.route.text() == "南门—1至6幢—车库"


def test_compliance_lists_the_grids_without_a_walk_this_week(qtbot, store: Store, st: Street) -> None:  # type: ignore[no-untyped-def]
    walks.log_walk(store, walks.NewWalk(date(2026, 11, 20), "19:00", "20:30", (st.grid1,), "李娜"), today=TODAY)
    p = WalksPage(store, None, me="李娜", today=TODAY)
    qtbot.addWidget(p)
    assert p.compliance.text() == ""  # nothing read until the page is shown
    p.show()
    text = p.compliance.text()
    assert text.startswith("This week (2026-11-23 – 2026-11-29): no night walk yet in 2 grids")
    assert "塘川社区第1网格 (last walk: 2026-11-20)" in text and "塘川社区第2网格 (last walk: never)" in text
    assert p.tree.topLevelItem(0).text(0) == "Week 47 of 2026: 2026-11-16 – 2026-11-22"


def test_the_whole_loop_from_a_dark_courtyard_to_a_verified_problem(qtbot, page: WalksPage, store: Store,  # type: ignore[no-untyped-def]
                                                                   st: Street, monkeypatch) -> None:
    """The issue's flow in one go: log a walk with three findings by keyboard, turn one into a problem,
    then on the Lists page claim it, close it and verify it, with the keys a cadre would use."""
    from gridkeeper.ui.lists.page import ListsPage

    log_walk_by_keyboard(qtbot, page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.findings.setFocus()
    with qtbot.waitSignal(page.problem_made) as made:
        press(qtbot, page.findings, Qt.Key.Key_P, modifier=Qt.KeyboardModifier.ControlModifier)

    board = ListsPage(store, [st.grid1], me="李娜", today=TODAY)
    qtbot.addWidget(board)
    board.show()
    board.activateWindow()
    qtbot.waitUntil(board.isActiveWindow)
    assert board.current_id() == made.args[0]
    answers = iter(["党员张伟", "已清走杂物"])
    monkeypatch.setattr(board, "ask_text", lambda *_a, **_k: next(answers))
    monkeypatch.setattr(board, "ask_verify", lambda _item: ("basic", "基本满意，希望常来看看"))
    # Tab to a button and press Space (mnemonics such as Alt+C do not fire on the offscreen platform).
    board.status_filter.setCurrentIndex(board.status_filter.findData(None))  # done ones stay listed
    for action, status in (("claim", "claimed"), ("start", "in progress"), ("finish", "done")):
        board.buttons[action].setFocus()
        press(qtbot, board.buttons[action], Qt.Key.Key_Space)
        assert board.table.item(0, board.STATUS).text() == status
        assert board.focusWidget() is board.table  # back on the list for the next step
    board.buttons["verify"].setFocus()
    press(qtbot, board.buttons["verify"], Qt.Key.Key_Space)
    assert board.status.text() == "“消防通道堆放杂物” verified: Basically satisfied."
    detail = lists.item_detail(store, made.args[0], TODAY)
    assert detail is not None and [h.to_status for h in detail.history] == [
        "open", "claimed", "in_progress", "done", "verified"]
    assert detail.finding is not None and detail.finding.walk_id == page.current_walk_id()
    page.refresh()
    assert page.findings.item(0, 4).text() == "problem: verified"


def test_a_finding_remembered_later_is_added_to_the_walk(qtbot, page: WalksPage, store: Store, st: Street) -> None:  # type: ignore[no-untyped-def]
    from gridkeeper.ui.walks.dialog import FindingDialog

    walk_id = walks.log_walk(store, walks.NewWalk(TODAY, "19:30", "21:00", (st.grid1,), "李娜"), today=TODAY)
    page.refresh(select=walk_id)
    assert page.findings.rowCount() == 0 and page.add_button.isEnabled()

    def fill() -> None:
        dlg = QApplication.activeModalWidget()
        assert isinstance(dlg, FindingDialog)
        try:
            dlg.accept()  # nothing typed
            assert dlg.error.text() == "A finding needs a place or a note: say where or what."
            type_text(qtbot, dlg.place, "阳光花园1幢 北门")
            dlg.note.setFocus()
            type_text(qtbot, dlg.note, "单元门禁损坏")
            dlg.category.setCurrentIndex(dlg.category.findData("facility"))
            dlg.accept()
        finally:
            if dlg.isVisible():
                dlg.done(0)

    QTimer.singleShot(0, fill)
    page.add_finding()
    assert page.status.text() == "Finding added to the walk of 2026-11-27."
    assert [page.findings.item(0, c).text() for c in range(4)] == [
        "阳光花园1幢北门", "Broken facility", "Moderate", "单元门禁损坏"]


def test_a_finding_added_is_said_in_the_ordinary_colour_and_a_mistake_in_red(qtbot, store: Store,  # type: ignore[no-untyped-def]
                                                                             st: Street) -> None:
    dlg = WalkDialog(store, [st.grid1], "李娜", today=TODAY)
    qtbot.addWidget(dlg)
    dlg.note.setText("楼道灯不亮")
    dlg.add_finding()
    assert dlg.error.text().startswith("Finding 1 added") and "b00020" not in dlg.error.styleSheet()
    dlg.add_finding()  # nothing typed
    assert dlg.error.text().startswith("Type a place") and "b00020" in dlg.error.styleSheet()
