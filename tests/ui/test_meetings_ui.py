"""The Meetings page through qtbot: each tab on the demo street, a form that refuses bad input in
words and keeps what was typed, a duty matter taken and settled, the papers as PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QSpinBox

from gridkeeper.meetings import deliberation, duty
from gridkeeper.store import Store
from gridkeeper.ui.meetings.forms import FormDialog
from gridkeeper.ui.meetings.page import MeetingsPage
from tests.ui.dialogs import later


def _page(qtbot, store: Store) -> MeetingsPage:  # type: ignore[no-untyped-def]
    page = MeetingsPage(store)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    return page


def test_meetings_tab_shows_the_demo_and_saves_the_minutes_pdf(qtbot, demo_store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_store)
    tab = page.meetings
    assert tab.list.count() >= 3 and tab.agenda.count() >= 2
    assert any(tab.agenda.item(i).text().find("Decision") >= 0 for i in range(tab.agenda.count()))
    tab.write_pdf(tmp_path / "m.pdf", lambda: __import__("gridkeeper.meetings.papers", fromlist=["x"]).minutes_html(
        demo_store, tab.current()))
    assert (tmp_path / "m.pdf").read_bytes()[:5] == b"%PDF-"

    # A decision left empty is refused in the form, which stays open with what was typed.
    tab.agenda.setCurrentRow(0)
    seen: list[str] = []

    def fill(d: FormDialog) -> None:
        d.findChildren(QLineEdit)[1].setText("绿城物业")
        d.accept()
        seen.append(d.error.text())
        assert d.isVisible() and d.findChildren(QLineEdit)[1].text() == "绿城物业"
        d.findChildren(QLineEdit)[0].setText("物业一周内整改")
        d.accept()

    later(FormDialog, fill)
    tab.decision()
    assert seen and seen[0] == "Please fill in the decision."
    assert "物业一周内整改" in tab.agenda.item(0).text()


def test_deliberation_tab_moves_a_matter_through_its_stages(qtbot, demo_store: Store) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_store)
    tab = page.deliberations
    # The meetings demo's three matters and the organisations demo's change of company (issue 23).
    assert tab.list.count() == len(deliberation.matters(demo_store)) == 4
    later(FormDialog, lambda d: (d.findChild(QLineEdit).setText("增设非机动车棚"), d.accept()))
    tab.new_matter()
    made = [r for r in deliberation.matters(demo_store) if r.title == "增设非机动车棚"]
    assert len(made) == 1
    tab.list.setCurrentRow([tab.list.item(i).data(256) for i in range(tab.list.count())].index(made[0].id))
    later(FormDialog, lambda d: (d.findChild(QPlainTextEdit).setPlainText("同意"), d.accept()))
    tab.next_stage()
    later(FormDialog, lambda d: (d.findChild(QPlainTextEdit).setPlainText("三方同意"), d.accept()))
    tab.next_stage()
    errors: list[str] = []

    def votes(d: FormDialog) -> None:
        boxes = d.findChildren(QSpinBox)
        for box, n in zip(boxes, (50, 30, 10, 5, 4)):  # 49 counted of 50
            box.setValue(n)
        d.accept()
        errors.append(d.error.text())
        boxes[4].setValue(5)
        d.accept()

    later(FormDialog, votes)
    tab.next_stage()
    assert "49" in errors[0] and "50" in errors[0]
    f = deliberation.matter_file(demo_store, made[0].id)
    assert f is not None and f.stage == "decision" and f.tally is not None and f.tally.consulted == 50


def test_duty_tab_takes_and_settles_a_matter(qtbot, demo_store: Store) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_store)
    tab = page.duty
    assert tab.shifts.count() > 4 and "evenings" in tab.counts.text()
    sid = tab.shifts.currentItem().data(256)

    def take(d: FormDialog) -> None:
        resident, what = d.findChildren(QLineEdit)
        resident.setText("陈美玲")
        what.setText("单元门禁坏了")
        d.findChild(QComboBox).setCurrentIndex(1)
        d.accept()

    later(FormDialog, take)
    tab.take()
    mine = [m for m in duty.matters_of(demo_store, sid) if m.what == "单元门禁坏了"]
    assert len(mine) == 1 and mine[0].category == "practical"
    tab.matters.setCurrentRow([tab.matters.item(i).data(256) for i in range(tab.matters.count())].index(mine[0].id))
    later(FormDialog, lambda d: (d.findChild(QLineEdit).setText("物业当场修好"), d.accept()))
    tab.outcome("settle")
    assert [m.outcome for m in duty.matters_of(demo_store, sid) if m.id == mine[0].id] == ["settled"]


def test_tonights_duty_is_on_the_today_page_of_whoever_sits_it(qtbot, demo_store: Store) -> None:  # type: ignore[no-untyped-def]
    from gridkeeper import clock
    from gridkeeper.places import profile
    from gridkeeper.ui.care.today_page import TodayPage

    me = profile.current_cadre(demo_store)
    assert me is not None
    shift = next(s for s in duty.roster(demo_store, clock.today(), clock.today() + __import__("datetime").timedelta(
        days=14)) if me.name not in (s.secretary, s.hoa_chair, s.cadres))
    with clock.moved_to(shift.on_date):
        page = TodayPage(demo_store)
        qtbot.addWidget(page)
        page.refresh()
        texts = [page.other.item(i).text() for i in range(page.other.count())]
        assert not any(shift.compound in t and "Weekend duty" in t for t in texts)
        duty.edit_shift(demo_store, shift.id, cadres=me.name)
        page.refresh()
        texts = [page.other.item(i).text() for i in range(page.other.count())]
        assert f"Weekend duty tonight: {shift.compound}, {shift.place}" in texts


def test_search_finds_a_meeting_by_its_minutes_and_a_duty_evening_by_its_matter(qtbot, demo_store: Store) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_store)
    sid = page.duty.shifts.currentItem().data(256)
    duty.take_matter(demo_store, sid, "陈美玲", "垃圾桶满溢无人清理", "complaint")
    page.load()
    page.find.setText("垃圾桶满溢")

    def shown(view) -> list[str]:  # type: ignore[no-untyped-def]
        return [view.item(i).data(256) for i in range(view.count()) if not view.item(i).isHidden()]

    assert shown(page.duty.shifts) == [sid] and shown(page.meetings.list) == []
    page.find.setText("三方讨论后形成意见")
    assert len(shown(page.meetings.list)) == page.meetings.list.count() > 0
    page.find.clear()
    assert len(shown(page.deliberations.list)) == len(deliberation.matters(demo_store)) == 4


def test_duty_matter_to_list_item_with_the_owner_and_deadline_chosen(qtbot, demo_store: Store) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    from PySide6.QtWidgets import QDateEdit

    from gridkeeper import clock, lists

    page = _page(qtbot, demo_store)
    tab = page.duty
    sid = tab.shifts.currentItem().data(256)
    mid = duty.take_matter(demo_store, sid, "刘建军", "路灯不亮", "practical")
    tab.show_matters()
    tab.matters.setCurrentRow([tab.matters.item(i).data(256) for i in range(tab.matters.count())].index(mid))
    offered: list[tuple[str, object]] = []

    def choose(d: FormDialog) -> None:
        owner, due = d.findChild(QComboBox), d.findChild(QDateEdit)
        offered.append((owner.currentData(), due.date().toPython()))
        owner.setCurrentIndex(owner.findData("community"))
        due.setDate(clock.today() + timedelta(days=3))
        d.accept()

    later(FormDialog, choose)
    tab.outcome("item")
    assert offered == [("property", clock.today() + timedelta(days=7))]
    [matter] = [m for m in duty.matters_of(demo_store, sid) if m.id == mid]
    item = lists.item_detail(demo_store, matter.outcome_ref, clock.today())
    assert (item.item.owner_party, item.item.due_date) == ("community", clock.today() + timedelta(days=3))


def test_the_duty_entry_on_the_today_page_opens_the_duty_tab_on_that_evening(qtbot, demo_store: Store) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    from gridkeeper import clock
    from gridkeeper.places import profile
    from tests.ui.windows import window

    me = profile.current_cadre(demo_store)
    assert me is not None
    # A later evening (not the one the tab would select by itself), sat by this cadre.
    shift = [s for s in duty.roster(demo_store, clock.today(), clock.today() + timedelta(days=21))][-1]
    duty.edit_shift(demo_store, shift.id, cadres=me.name)
    with clock.moved_to(shift.on_date):
        w = window(qtbot, demo_store)
        w.today.refresh()
        [entry] = [w.today.other.item(i) for i in range(w.today.other.count())
                   if w.today.other.item(i).data(256) == ("duty", shift.id)]
        w.today.other.itemActivated.emit(entry)
        page = w.pages.currentWidget()
        assert isinstance(page, MeetingsPage) and page.tabs.currentWidget() is page.duty
        assert page.duty.shifts.currentItem().data(256) == shift.id


def test_the_residents_tally_by_building_must_add_up_and_is_refused_in_words(qtbot, demo_store: Store) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    did = deliberation.open_matter(demo_store, deliberation.matters(demo_store)[0].compound_id, "加装电梯",
                                   date(2026, 5, 1))
    deliberation.record_party(demo_store, did, date(2026, 5, 2), "同意")
    deliberation.record_tripartite(demo_store, did, date(2026, 5, 3), "三方同意")
    page = _page(qtbot, demo_store)
    tab = page.deliberations
    tab.load()
    tab.list.setCurrentRow([tab.list.item(i).data(256) for i in range(tab.list.count())].index(did))
    errors: list[str] = []

    def votes(d: FormDialog) -> None:
        for box, n in zip(d.findChildren(QSpinBox), (20, 15, 3, 1, 1)):
            box.setValue(n)
        lines = d.findChild(QPlainTextEdit, "byBuilding")
        for text in ("1幢 8 2 1 1\n2幢 6 1 0 0", "1幢 八 2 1 1", "1幢 8 2 1 1\n2幢，7，1，0，0"):
            lines.setPlainText(text)
            d.accept()
            errors.append(d.error.text())

    later(FormDialog, votes)
    tab.next_stage()
    assert "do not add up" in errors[0] and "1幢 八 2 1 1" in errors[1]
    f = deliberation.matter_file(demo_store, did)
    assert f is not None and f.tally is not None
    assert f.tally.by_building == (("1幢", 8, 2, 1, 1), ("2幢", 7, 1, 0, 0))
