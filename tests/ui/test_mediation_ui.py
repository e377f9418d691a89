"""The Mediations page driven as a mediator would: a new case to archived with the keyboard
and the mouse, refusals shown in the dialog without losing what was typed, filters, due visits."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gridkeeper import mediation as m
from gridkeeper import settings as cfg
from gridkeeper.settings import Settings
from gridkeeper.store import Store
from gridkeeper.ui.mediation import dialogs
from gridkeeper.ui.mediation.page import MediationsPage, OfficeNamesDialog
from tests.conftest import small_demo_at, writable_copy, clock_on
from tests.ui.typing import type_text

pytestmark = [
    pytest.mark.gui,
    # The offscreen platform cannot raise the completer's popup or grab the keyboard for it; harmless.
    pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)"),
]

TODAY = date(2026, 11, 20)
_clock = clock_on(TODAY)  # what the pages stamp "now" falls on TODAY


@pytest.fixture
def demo_store(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Iterator[Store]:
    """The small demo with its history up to TODAY (not the suite's day): the cases, their numbers'
    year and the visits due are this module's."""
    yield from writable_copy(small_demo_at(tmp_path_factory, TODAY), tmp_path / "demo")


@pytest.fixture
def page(qtbot, demo_store: Store) -> MediationsPage:  # type: ignore[no-untyped-def]
    p = MediationsPage(demo_store, Settings(demo_store.root), today=lambda: TODAY)
    qtbot.addWidget(p)
    p.resize(1200, 800)
    p.show()
    return p


def _press_save(qtbot, dialog: dialogs.ActionDialog) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+Enter, as the dialog's hint says."""
    dialog.activateWindow()  # offscreen, a closed completer popup leaves no window active
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def _save(qtbot, dialog: dialogs.ActionDialog) -> None:  # type: ignore[no-untyped-def]
    """Save and wait for the write."""
    with qtbot.waitSignal(dialog.done, timeout=10_000):
        _press_save(qtbot, dialog)


def _click(qtbot, page: MediationsPage, action: str) -> dialogs.ActionDialog:  # type: ignore[no-untyped-def]
    button = page.view.buttons[action]
    assert button.isVisible(), f"{action} is not offered"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert page.dialog is not None and page.dialog.isVisible()
    return page.dialog


def _status(page: MediationsPage) -> str:
    assert page.view.case is not None
    return page.view.case.status


def test_a_case_from_new_to_archived(qtbot, page: MediationsPage, demo_store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    before = page.model.rowCount()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    new = page.dialog
    assert isinstance(new, dialogs.NewCaseDialog)
    new.category.setCurrentIndex(new.category.findData("leak"))
    new.summary.setFocus()
    type_text(qtbot, new.summary, "楼上卫生间漏水")

    # The applicant is a resident: typing offers residents, choosing one links the file.
    new.applicant.name.setFocus()
    type_text(qtbot, new.applicant.name, "张")
    qtbot.keyClicks(new.applicant.name, "")  # no-op: the IME commit already searched
    new.applicant.name.textEdited.emit("张")
    popup = new.applicant.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    model = popup.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data().startswith("张伟 · "))
    popup.setCurrentIndex(model.index(row, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert new.applicant.name.text() == "张伟"
    assert "张伟" in new.applicant.link.text() and new.applicant.address.text()
    type_text(qtbot, new.applicant.contact, "13812345678")
    type_text(qtbot, new.respondent.name, "刘建军")
    _save(qtbot, new)

    assert page.model.rowCount() == before + 1
    case = page.view.case
    assert case is not None and case.status == "received" and case.category == "leak"
    assert [p.name for p in case.parties] == ["张伟", "刘建军"] and case.parties[0].person_id
    assert case.parties[0].contact == "138****5678"  # masked on screen
    assert "registered" in page.message.text() and case.number in page.message.text()

    # A session with no record is refused inside the dialog, which keeps what was typed.
    session = _click(qtbot, page, "session")
    type_text(qtbot, session.place, "金色调解室")
    _press_save(qtbot, session)
    assert session.isVisible() and session.error.isVisible() and "Record" in session.error.text()
    assert session.place.text() == "金色调解室"
    session.record.setFocus()
    type_text(qtbot, session.record, "双方陈述经过")
    _save(qtbot, session)
    assert _status(page) == "mediating" and "Session recorded" in page.message.text()

    agreement = _click(qtbot, page, "agreed")
    assert isinstance(agreement, dialogs.AgreementDialog)
    agreement.terms.setFocus()
    type_text(qtbot, agreement.terms, "刘建军修复防水层")
    agreement.has_due.setChecked(True)
    _save(qtbot, agreement)
    assert _status(page) == "agreed" and "Agreement reached" in page.message.text()
    assert page.view.buttons["pdf"].isVisible()
    pdf = tmp_path / "agreement.pdf"
    page.save_pdf(pdf)
    assert pdf.stat().st_size > 1000 and str(pdf) in page.message.text()

    for step in ("performing", "performed"):
        note = _click(qtbot, page, step)
        type_text(qtbot, note.note, "ok")
        _save(qtbot, note)
        assert _status(page) == step
    assert not page.view.buttons["archived"].isVisible()  # a return visit comes first

    visit = _click(qtbot, page, "visit")
    visit.result.setFocus()
    type_text(qtbot, visit.result, "双方满意")
    _save(qtbot, visit)
    assert _status(page) == "visited" and "Return visit recorded" in page.message.text()

    _save(qtbot, _click(qtbot, page, "archived"))
    archived = page.view.case
    assert archived is not None and archived.status == "archived"
    assert [h.to_status for h in archived.history] == [
        "received", "mediating", "agreed", "performing", "performed", "visited", "archived"]
    assert page.view.history.rowCount() == 7 and page.view.visits.rowCount() == 1
    assert not any(b.isVisible() for a, b in page.view.buttons.items() if a not in ("print", "pdf"))


def test_a_step_made_stale_by_another_laptop_is_refused_in_words(qtbot, page: MediationsPage, demo_store: Store) -> None:  # type: ignore[no-untyped-def]
    row = next(i for i, c in enumerate(page.model.cases) if c.status == "performing")
    page.table.selectRow(row)
    case_id = page.view.case.id  # type: ignore[union-attr]
    note = _click(qtbot, page, "performed")
    type_text(qtbot, note.note, "paid")
    m.mark_not_performed(demo_store, case_id)  # meanwhile, synced from another laptop
    _press_save(qtbot, note)
    qtbot.waitUntil(note.error.isVisible)
    assert note.isVisible() and "cannot become" in note.error.text() and note.note.text() == "paid"
    assert m.case_file(demo_store, case_id).status == "not_performed"  # type: ignore[union-attr]


def test_filters_and_the_due_list(qtbot, page: MediationsPage, demo_store: Store) -> None:  # type: ignore[no-untyped-def]
    everything = page.model.rowCount()
    assert everything == 24
    page.category.setCurrentIndex(page.category.findData("neighbour"))
    assert 0 < page.model.rowCount() < everything
    assert all(c.category == "neighbour" for c in page.model.cases)
    page.category.setCurrentIndex(0)
    page.overdue.setChecked(True)
    overdue = {c.id for c in page.model.cases}
    due = m.return_visits_due(demo_store, TODAY)
    assert overdue == {d.case_id for d in due if d.days_overdue > 0}
    assert page.due.count() == len(due) and f"({len(due)})" in page.due_title.text()
    page.overdue.setChecked(False)
    page.status.setCurrentIndex(page.status.findData("archived"))
    # Activating a due visit hidden by the filter clears the filters and opens the case.
    item = page.due.item(0)
    page.due.setCurrentItem(item)
    page.due.setFocus()
    qtbot.keyClick(page.due, Qt.Key.Key_Return)
    assert page.view.case is not None and page.view.case.id == due[0].case_id
    assert page.status.currentData() is None
    assert page.model.case_id(page.table.currentIndex().row()) == due[0].case_id


def test_the_page_is_in_the_sidebar(qtbot, demo_store: Store) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.windows import window

    w = window(qtbot, demo_store)
    titles = [w.nav.item(i).text() for i in range(w.nav.count())]
    assert "Mediations" in titles
    w.nav.setCurrentRow(titles.index("Mediations"))
    assert w.pages.currentWidget() is w.mediations
    QApplication.processEvents()


def test_the_office_names_change_the_number_and_the_printed_agreement(qtbot, page: MediationsPage, demo_store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    row = next(i for i, c in enumerate(page.model.cases) if c.status == "performing")
    page.table.selectRow(row)
    number = page.view.case.number  # type: ignore[union-attr]
    qtbot.mouseClick(page.names_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(OfficeNamesDialog)
    assert dialog is not None and dialog.office.text() == "城南"
    dialog.office.setText("")
    type_text(qtbot, dialog.office, "乐城")
    dialog.committee.setText("")
    type_text(qtbot, dialog.committee, "乐城街道人民调解委员会")
    dialog.accept()
    assert m.format_number(number, "乐城") in page.view.title.text() and "〔2026〕乐城调字第" in page.view.title.text()
    assert "乐城街道人民调解委员会" in page.message.text()
    assert Settings(demo_store.root).get(cfg.MEDIATION_OFFICE) == "乐城"  # kept for next time
    pdf = tmp_path / "a.pdf"
    page.save_pdf(pdf)
    import pypdf

    text = "".join(p.extract_text() for p in pypdf.PdfReader(str(pdf)).pages)
    assert "乐城" in text and "调字第" in text


def test_escalating_needs_a_reason_and_a_party_can_be_added_and_removed(qtbot, page: MediationsPage) -> None:  # type: ignore[no-untyped-def]
    row = next(i for i, c in enumerate(page.model.cases) if c.status == "mediating")
    page.table.selectRow(row)
    case = page.view.case
    assert case is not None

    party = _click(qtbot, page, "party")
    party.role.setCurrentIndex(party.role.findData("other"))
    type_text(qtbot, party.fields.name, "物业公司")
    _save(qtbot, party)
    assert [p.name for p in page.view.case.parties][-1] == "物业公司"  # type: ignore[union-attr]
    assert "Party added" in page.message.text()
    page.view.tabs.setCurrentIndex(0)
    page.view.parties.selectRow(page.view.parties.rowCount() - 1)
    assert page.view.remove_party.isEnabled()
    qtbot.mouseClick(page.view.remove_party, Qt.MouseButton.LeftButton)
    assert isinstance(page.dialog, dialogs.RemovePartyDialog)
    _save(qtbot, page.dialog)
    assert "物业公司" not in [p.name for p in page.view.case.parties]  # type: ignore[union-attr]

    escalate = _click(qtbot, page, "escalated")
    escalate.level.setCurrentIndex(escalate.level.findData("street"))
    _press_save(qtbot, escalate)
    assert escalate.isVisible() and "Reason" in escalate.error.text()
    escalate.reason.setFocus()
    type_text(qtbot, escalate.reason, "涉及违章搭建")
    _save(qtbot, escalate)
    after = page.view.case
    assert after is not None and (after.status, after.escalation_level) == ("escalated", "street")
    assert "Escalated" in page.message.text() and "涉及违章搭建" in page.view.facts.text()
    assert page.view.buttons["archived"].isVisible() and not page.view.buttons["session"].isVisible()


def test_the_case_model_passes_the_model_tester(qtmodeltester, demo_store: Store) -> None:  # type: ignore[no-untyped-def]
    from gridkeeper.ui.mediation.page import CaseTableModel

    model = CaseTableModel()
    model.set_cases(m.list_cases(demo_store), TODAY)
    qtmodeltester.check(model)
    assert model.rowCount() == 24
    model.set_cases([], TODAY)
    qtmodeltester.check(model)


def test_mediators_are_completed_after_each_separator(qtbot, page: MediationsPage, demo_store: Store) -> None:  # type: ignore[no-untyped-def]
    from gridkeeper.places import profile

    page.new_case()
    new = page.dialog
    assert isinstance(new, dialogs.NewCaseDialog)
    completer = new.mediators.completer()
    cadre = profile.list_cadres(demo_store)[1].name
    assert completer.splitPath(f"王芳、{cadre[0]}") == [cadre[0]]
    new.mediators.setText(f"王芳、{cadre[0]}")
    completer.setCompletionPrefix(cadre[0])
    offered = str(completer.currentIndex().data())
    assert offered.startswith(cadre[0])
    assert completer.pathFromIndex(completer.currentIndex()) == f"王芳、{offered}"  # the first name is kept


def test_a_resident_party_is_prefilled_from_the_household_file_and_a_bad_birth_date_is_refused(qtbot, page: MediationsPage, demo_store: Store) -> None:  # type: ignore[no-untyped-def]
    with demo_store.read() as conn:
        name = conn.exec_driver_sql("SELECT name FROM person WHERE deleted = 0 AND status = 'active' AND gender = 'F' "
                                    "AND birth_date IS NOT NULL AND ethnicity IS NOT NULL LIMIT 1").scalar()
    resident = next(r for r in m.find_residents(demo_store, name) if r.gender == "F" and r.birth_date)
    row = next(i for i, c in enumerate(page.model.cases) if c.status == "mediating")
    page.table.selectRow(row)
    party = _click(qtbot, page, "party")
    party.fields.link_to(resident)
    assert party.fields.gender.currentData() == "F"
    assert party.fields.ethnicity.text() == resident.ethnicity
    assert party.fields.birth_date.text() == resident.birth_date.isoformat()  # type: ignore[union-attr]
    assert party.fields.id_number.text() == "" and "resident's file" in party.fields.id_number.placeholderText()

    party.fields.birth_date.setText("1970-13-40")
    _press_save(qtbot, party)
    assert party.isVisible() and "is not a date" in party.error.text()
    party.fields.birth_date.setText(resident.birth_date.isoformat())  # type: ignore[union-attr]
    _save(qtbot, party)
    added = next(p for p in page.view.case.parties if p.person_id == resident.person_id)  # type: ignore[union-attr]
    assert (added.gender, added.ethnicity, added.birth_date) == ("F", resident.ethnicity, resident.birth_date)
    cells = [page.view.parties.item(r, 2).text() for r in range(page.view.parties.rowCount())]
    assert f"female, {resident.ethnicity}, {resident.birth_date.isoformat()}" in cells  # type: ignore[union-attr]
