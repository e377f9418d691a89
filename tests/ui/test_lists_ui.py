"""The Lists page driven as a cadre would: claim a problem from a night walk, close it, verify it."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from gridkeeper import lists, walks
from gridkeeper.lists import NewItem
from gridkeeper.store import Store
from gridkeeper.ui.lists.dialogs import ItemDialog
from gridkeeper.ui.lists.page import ListsPage
from tests.conftest import clock_on
from tests.ui.typing import type_text
from tests.ui.windows import window
from tests.walk_fixtures import PROPERTY_COMPANY, Street, street

pytestmark = pytest.mark.gui

TODAY = date(2026, 11, 27)
_clock = clock_on(TODAY)  # what the pages stamp "now" falls on TODAY


@pytest.fixture
def st(store: Store) -> Street:
    return street(store)


def a_problem_from_a_walk(store: Store, st: Street) -> str:
    walk_id = walks.log_walk(store, walks.NewWalk(
        TODAY, "19:30", "21:00", (st.grid1,), "李娜",
        findings=(walks.NewFinding("fire_lane", "high", "消防通道堆放杂物", compound_id=st.compound),)),
        today=TODAY)
    finding = walks.walk_detail(store, walk_id).findings[0]  # type: ignore[union-attr]
    # Opened this morning: the page's own actions (stamped with the real clock) come after it.
    return lists.problem_from_finding(store, finding.id, by="李娜", now=datetime(2026, 11, 27, 8, 0))


@pytest.fixture
def page(qtbot, store: Store, st: Street) -> ListsPage:  # type: ignore[no-untyped-def]
    p = ListsPage(store, [st.grid1], me="李娜", today=TODAY)
    qtbot.addWidget(p)
    p.show()
    return p


def titles(p: ListsPage) -> list[str]:
    return [p.table.item(r, p.TITLE).text() for r in range(p.table.rowCount())]


def test_claim_close_and_verify_a_problem_from_a_walk(qtbot, store: Store, st: Street, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    problem = a_problem_from_a_walk(store, st)
    p = ListsPage(store, [st.grid1], me="李娜", today=TODAY)
    qtbot.addWidget(p)
    p.show()
    assert titles(p) == ["消防通道堆放杂物"] and p.current_id() == problem
    row = [p.table.item(0, c).text() for c in range(p.table.columnCount())]
    assert row[p.STATUS] == "open" and row[p.OWNER] == f"Property company · {PROPERTY_COMPANY}"
    assert row[p.DUE] == "2026-11-30" and row[p.SOURCE] == "Night walk"
    assert "From a night walk finding: Blocked fire lane" in p.detail.toPlainText()
    enabled = {name for name, b in p.buttons.items() if b.isEnabled()}
    assert enabled == {"new", "claim", "decline", "escalate"}

    answers = iter(["党员张伟", "已清走杂物，通道畅通"])
    monkeypatch.setattr(p, "ask_text", lambda *_a, **_k: next(answers))
    monkeypatch.setattr(p, "ask_verify", lambda _item: ("satisfied", "通道干净了"))

    qtbot.mouseClick(p.buttons["claim"], Qt.MouseButton.LeftButton)
    assert p.status.text() == "“消防通道堆放杂物” claimed by 党员张伟."
    assert p.table.item(0, p.CLAIMANT).text() == "党员张伟"
    qtbot.mouseClick(p.buttons["start"], Qt.MouseButton.LeftButton)
    assert p.table.item(0, p.STATUS).text() == "in progress"
    qtbot.mouseClick(p.buttons["finish"], Qt.MouseButton.LeftButton)
    assert p.status.text() == "“消防通道堆放杂物” is done; verify it with the resident."
    # Done but not verified is still to do (the verify step is next): it stays, selected, verifiable.
    assert titles(p) == ["消防通道堆放杂物"] and p.current_id() == problem
    assert {n for n, b in p.buttons.items() if b.isEnabled()} == {"new", "verify", "reopen"}
    qtbot.mouseClick(p.buttons["verify"], Qt.MouseButton.LeftButton)
    assert p.status.text() == "“消防通道堆放杂物” verified: Satisfied."
    assert titles(p) == []  # verified: no longer to do; any status shows it
    p.status_filter.setCurrentIndex(p.status_filter.findData(None))
    assert p.table.item(0, p.STATUS).text() == "verified"
    history = p.detail.toPlainText()
    for step in ("open  李娜", "open → claimed", "claimed → in progress", "in progress → done",
                 "done → verified", "已清走杂物，通道畅通", "Resident: Satisfied. 通道干净了"):
        assert step in history
    detail = lists.item_detail(store, problem, TODAY)
    assert detail is not None and [h.to_status for h in detail.history] == [
        "open", "claimed", "in_progress", "done", "verified"]


def test_a_refused_action_says_why_and_changes_nothing(qtbot, store: Store, st: Street, page: ListsPage,  # type: ignore[no-untyped-def]
                                                       monkeypatch) -> None:
    item = lists.create_item(store, NewItem("problem", "路灯不亮", "resident", "community"), by="李娜")
    page.refresh(select=item)
    answers = iter(["修好了", ""])
    monkeypatch.setattr(page, "ask_text", lambda *_a, **_k: next(answers))
    page.finish()  # the button is disabled, but the state machine is the guard
    assert page.status.text() == "This problem is open, so it cannot be marked done. It can now be: claim / decline."
    page.claim()  # an empty name
    assert page.status.text() == "Who claims it? Enter the name of the person who takes it on."
    assert page.table.item(0, page.STATUS).text() == "open"
    assert [h.to_status for h in lists.item_detail(store, item, TODAY).history] == ["open"]  # type: ignore[union-attr]


def test_filters_tabs_and_sorting_by_overdue_days(qtbot, store: Store, st: Street, page: ListsPage) -> None:  # type: ignore[no-untyped-def]
    def add(kind: str, title: str, due: date | None, owner: str = "community") -> str:
        return lists.create_item(store, NewItem(kind, title, "resident", owner, due_date=due), by="x",
                                 now=datetime(2026, 11, 1, 9, 0))
    add("problem", "a little late", date(2026, 11, 25))
    add("problem", "very late", date(2026, 11, 10), owner="property")
    add("problem", "not due", date(2026, 12, 20))
    add("need", "a need", None)
    escalated = add("problem", "escalated", None)
    lists.escalate(store, escalated, "community", "需要社区出面", by="x")
    page.refresh()
    assert titles(page)[:2] == ["very late", "a little late"]  # most overdue first
    assert page.table.item(0, page.OVERDUE).text() == "17"
    page.table.sortByColumn(page.DUE, Qt.SortOrder.AscendingOrder)
    assert titles(page) == ["very late", "a little late", "not due", "escalated"]  # no due date last
    page.owner_filter.setCurrentIndex(page.owner_filter.findData("property"))
    assert titles(page) == ["very late"]
    page.owner_filter.setCurrentIndex(0)
    page.level_filter.setCurrentIndex(page.level_filter.findData("community"))
    assert titles(page) == ["escalated"]
    page.level_filter.setCurrentIndex(0)
    page.kinds.setCurrentIndex(2)  # Needs
    assert titles(page) == ["a need"]
    assert page.count.text() == "1 item, 0 overdue"


def test_a_new_item_by_keyboard(qtbot, store: Store, st: Street, page: ListsPage) -> None:  # type: ignore[no-untyped-def]
    done: dict[str, object] = {}

    def fill() -> None:
        dlg = QApplication.activeModalWidget()
        assert isinstance(dlg, ItemDialog)
        try:
            dlg.accept()  # no title yet
            done["error"] = dlg.error.text()
            type_text(qtbot, dlg.title, "加装电梯")
            dlg.kind.setCurrentIndex(dlg.kind.findData("need"))
            dlg.owner.setCurrentIndex(dlg.owner.findData("street"))
            qtbot.keyClick(dlg.title, Qt.Key.Key_Return)
        finally:
            if dlg.isVisible():
                dlg.done(0)

    QTimer.singleShot(0, fill)
    page.new_item()
    assert done["error"] == "Give the item a title: in a few words, what is it about?"
    assert page.status.text() == "Added “加装电梯”."
    page.kinds.setCurrentIndex(0)
    assert "加装电梯" in titles(page)


def test_a_need_is_linked_to_the_service_that_meets_it(qtbot, store: Store, st: Street, page: ListsPage,  # type: ignore[no-untyped-def]
                                                       monkeypatch) -> None:
    need = lists.create_item(store, NewItem("need", "老人助餐", "door_knock", "community"), by="x")
    service = lists.create_item(store, NewItem("service", "老年食堂送餐", "meeting", "community"), by="x")
    page.kinds.setCurrentIndex(2)
    page.refresh(select=need)
    assert page.buttons["link"].isEnabled()
    monkeypatch.setattr(page, "ask_link", lambda candidates: candidates[0].id)
    page.link()
    assert page.status.text() == "“老人助餐” is met by “老年食堂送餐”."
    assert "Linked: service 老年食堂送餐 (open)" in page.detail.toPlainText()
    assert [l.id for l in lists.item_detail(store, need, TODAY).links] == [service]  # type: ignore[union-attr]


def test_property_company_view_shows_days_open(qtbot, store: Store, st: Street, page: ListsPage) -> None:  # type: ignore[no-untyped-def]
    lists.create_item(store, NewItem("problem", "电梯故障", "resident", "property", owner_name=PROPERTY_COMPANY),
                      by="x", now=datetime(2026, 11, 7, 10, 0))
    a_problem_from_a_walk(store, st)
    page.tabs.setCurrentIndex(1)
    view = page.property_view
    assert view.company.currentText() == PROPERTY_COMPANY
    rows = [(view.table.item(r, view.TITLE).text(), view.table.item(r, view.DAYS_OPEN).text())
            for r in range(view.table.rowCount())]
    assert rows == [("电梯故障", "20"), ("消防通道堆放杂物", "0")]
    assert view.summary.text() == f"{PROPERTY_COMPANY}: 2 open problems, 0 overdue; the oldest open for 20 days."


def test_main_window_has_the_pages_and_a_new_problem_reaches_the_lists(qtbot, demo_store: Store) -> None:  # type: ignore[no-untyped-def]
    w = window(qtbot, demo_store)
    pages = [w.nav.item(r).text() for r in range(w.nav.count())]
    assert pages[w.pages.indexOf(w.walks)] == "Night walks" and pages[w.pages.indexOf(w.lists)] == "Lists"
    assert pages.index("Lists") == pages.index("Night walks") + 1
    w.nav.setCurrentRow(w.pages.indexOf(w.walks))
    assert w.pages.currentWidget() is w.walks
    # a demo walk with an unsettled finding not yet on the problem list
    # the demo's history ends on the suite's day, not this module's TODAY: look over all of it
    waiting = next(f for r in walks.walks_between(demo_store, None, date(2000, 1, 1), date(2100, 1, 1))
                   for f in walks.walk_detail(demo_store, r.id).findings  # type: ignore[union-attr]
                   if not f.settled and f.problem_id is None)
    w.walks.show_walk(waiting.walk_id)
    row = next(r for r, f in enumerate(w.walks._detail.findings) if f.id == waiting.id)  # type: ignore[union-attr]
    w.walks.findings.selectRow(row)
    w.nav.setCurrentRow(w.pages.indexOf(w.lists))
    w.lists.all_grids.setChecked(True)
    w.lists.kinds.setCurrentIndex(1)
    before = titles(w.lists).count(waiting.note)
    w.nav.setCurrentRow(w.pages.indexOf(w.walks))
    qtbot.mouseClick(w.walks.problem_button, Qt.MouseButton.LeftButton)
    assert w.walks.status.text() == f"“{waiting.note}” is now on the problem list."
    w.nav.setCurrentRow(w.pages.indexOf(w.lists))
    assert titles(w.lists).count(waiting.note) == before + 1  # the Lists page re-read when shown again


def test_a_new_item_can_concern_a_household_found_by_address(qtbot, store: Store, st: Street) -> None:  # type: ignore[no-untyped-def]
    dlg = ItemDialog(store, [st.grid1], "problem", "李娜", TODAY)
    qtbot.addWidget(dlg)
    dlg.show()
    type_text(qtbot, dlg.title, "楼上漏水")
    type_text(qtbot, dlg.household_search, "1单元101")
    assert dlg.household.currentData() == st.household
    assert dlg.household.currentText().startswith("阳光花园1幢1单元101")
    dlg.accept()
    assert dlg.item_id is not None
    item = lists.item_detail(store, dlg.item_id, TODAY)
    assert item is not None and item.item.place == "阳光花园1幢1单元101"
    assert item.item.grid_id == st.grid1  # through the household's building: in my scope


def test_an_escalated_problem_is_handed_over_and_the_company_sees_it_handled_above(  # type: ignore[no-untyped-def]
        qtbot, store: Store, st: Street, page: ListsPage) -> None:
    from gridkeeper.care import TodayList
    from gridkeeper.ui.care.today_page import TodayPage

    item = a_problem_from_a_walk(store, st)
    lists.escalate(store, item, "community", "物业协调不了", by="李娜", now=datetime(2026, 11, 27, 9, 0))
    page.tabs.setCurrentIndex(1)
    view = page.property_view
    view.refresh()
    assert [(view.table.item(r, view.TITLE).text(), view.table.item(r, view.STATUS).text())
            for r in range(view.table.rowCount())] == [("消防通道堆放杂物", "Escalated, community handling it")]
    today = TodayPage(store)
    qtbot.addWidget(today)
    today.day = TODAY
    today.show_list(TodayList(TODAY))
    entries = [today.other.item(i).text() for i in range(today.other.count())]
    assert any(e.startswith("Escalated to the community, to be claimed: 消防通道堆放杂物") for e in entries), entries
