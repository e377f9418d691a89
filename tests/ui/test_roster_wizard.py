"""The roster import wizard driven as a cadre would: file, sheet, columns, preview, import, summary."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWizard

from gridkeeper.io import roster
from gridkeeper.places import roster_import as use_case
from gridkeeper.rules import idnumber
from gridkeeper.store import Store, searchindex
from gridkeeper.store import households as queries
from gridkeeper.ui.roster_wizard import ERROR_ROW_TINT, ERROR_TINT, WARNING_TINT, RosterWizard

pytestmark = pytest.mark.gui

HEADER = ["姓名", "与户主关系", "公民身份号码", "性别", "出生日期", "联系电话", "社区", "小区", "楼栋", "单元", "房号",
          "网格员"]
FIELDS = ["name", "relation", "id_number", "gender", "birth_date", "phones", "community", "compound", "building",
          "unit", "room", None]
GOOD_IDS = [idnumber.make("330382", date(1950 + i, 1 + i, 2 + i), 11 + 2 * i + (i % 2)) for i in range(10)]
BAD_ID = GOOD_IDS[3][:-1] + ("0" if GOOD_IDS[3][-1] != "0" else "1")  # the check character does not match


def people() -> list[list[object]]:
    names = ["张建国", "李秀英", "王伟", "赵敏", "陈静", "刘洋", "杨帆", "黄磊", "周杰", "吴昊"]
    rows: list[list[object]] = []
    for i, name in enumerate(names):
        gender = "男" if int(GOOD_IDS[i][16]) % 2 else "女"
        rows.append([name, "户主" if i % 2 == 0 else "配偶", GOOD_IDS[i], gender, "", f"1381234{5600 + i}",
                     "塘川社区", "阳光花园", f"{1 + i // 2}幢", "1", "101", "林晓燕"])
    rows[3][2] = BAD_ID  # 赵敏, Excel row 6: rejected
    rows[6][5] = "12345"  # 杨帆, Excel row 9: a warning, imported without the phone
    return rows


def write_roster(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws.append(["塘川社区户籍人口花名册（2024年）"])
    ws.merge_cells("A1:L1")
    ws.append(HEADER)
    for r in people():
        ws.append(r)
    other = wb.create_sheet("说明")
    other.append(["本表由派出所提供"])
    wb.save(path)
    return path


@pytest.fixture
def wizard(qtbot, store: Store) -> RosterWizard:  # type: ignore[no-untyped-def]
    w = RosterWizard(store)
    qtbot.addWidget(w)
    w.show()
    return w


def next_button(w: RosterWizard):  # type: ignore[no-untyped-def]
    return w.button(QWizard.WizardButton.NextButton)


def to_preview(qtbot, w: RosterWizard, path: Path) -> None:  # type: ignore[no-untyped-def]
    w.file_page.path.setText(str(path))
    assert next_button(w).isEnabled()
    qtbot.keyClick(w.file_page.path, Qt.Key.Key_Return)  # Enter = Next
    assert w.currentId() == RosterWizard.SHEET
    qtbot.waitUntil(w.sheet_page.isComplete, timeout=5000)
    w.next()
    assert w.currentId() == RosterWizard.MAPPING
    w.next()
    assert w.currentId() == RosterWizard.PREVIEW
    qtbot.waitUntil(w.preview_page.isComplete, timeout=5000)


def test_import_end_to_end(qtbot, wizard: RosterWizard, store: Store, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = write_roster(tmp_path / "花名册.xlsx")
    w = wizard
    assert not next_button(w).isEnabled()  # no file yet
    w.file_page.path.setText(str(tmp_path / "missing.xlsx"))
    assert not next_button(w).isEnabled() and w.file_page.status.text()
    w.file_page.path.setText(str(path))
    qtbot.keyClick(w.file_page.path, Qt.Key.Key_Return)

    # sheet and header row
    page = w.sheet_page
    qtbot.waitUntil(page.isComplete, timeout=5000)
    assert [page.sheets.itemText(i) for i in range(page.sheets.count())] == ["花名册", "说明"]
    assert page.sheets.currentText() == "花名册"
    assert w.state.sheet is not None and w.state.sheet.header.row == 2
    assert "row 2" in page.status.text() and "10 rows of data" in page.status.text()
    assert not page.error.text()
    header_row = [page.table.verticalHeaderItem(r).text() for r in range(page.table.rowCount())].index("2")
    assert page.table.item(header_row, 0).text() == "姓名" and page.table.item(header_row, 0).font().bold()
    assert "*" in page.table.item(header_row + 1, 2).text()  # ID numbers masked on screen

    # column mapping: pre-filled from the header, editable
    w.next()
    mapping = w.mapping_page
    assert [c.currentData() for c in mapping.combos] == FIELDS
    assert mapping.table.item(0, mapping.LABEL).text() == "姓名"
    assert mapping.combos[0].currentText() == "Name"
    assert "11 of 12 columns" in mapping.status.text()
    mapping.combos[11].setCurrentIndex(mapping.combos[11].findData("name"))  # "name" twice: not allowed
    assert not next_button(w).isEnabled() and "more than one column" in mapping.error.text()
    mapping.combos[11].setCurrentIndex(0)  # back to (ignore)
    assert next_button(w).isEnabled() and not mapping.error.text()

    # preview: every row checked, the first ones shown, problems counted and tinted
    w.next()
    preview = w.preview_page
    qtbot.waitUntil(preview.isComplete, timeout=5000)
    assert preview.totals.text() == "10 rows read · 9 will be imported · 1 rejected · 1 with warnings"
    assert dict(preview.counts) == {"id_checksum": 1, "phone_length": 1}
    reasons = {preview.reasons.item(r, 0).text(): preview.reasons.item(r, 1).text()
               for r in range(preview.reasons.rowCount())}
    assert reasons == {"ID number: check character wrong (rejected)": "1 row",  # words, not reason codes
                       "Phone number: wrong number of digits (warning)": "1 row"}
    assert {preview.reasons.item(r, 0).toolTip() for r in range(2)} == {"id_checksum", "phone_length"}
    assert preview.table.rowCount() == 10
    bad = preview.table.item(3, 2)  # 赵敏's ID cell
    assert bad.background().color() == ERROR_TINT and "Row 6, column C" in bad.toolTip()
    assert preview.table.item(3, 0).background().color() == ERROR_ROW_TINT  # the rest of the rejected row
    assert preview.table.item(6, 5).background().color() == WARNING_TINT
    assert preview.table.item(0, 2).toolTip() == ""
    preview.only_problems.setChecked(True)
    assert [preview.table.verticalHeaderItem(r).text() for r in range(preview.table.rowCount())] == ["6", "9"]
    assert next_button(w).text().replace("&", "") == "Import"

    # import: a job with progress; the summary follows by itself
    with qtbot.waitSignal(w.imported, timeout=10000) as blocker:
        w.next()
    report = blocker.args[0]
    qtbot.waitUntil(lambda: w.currentId() == RosterWizard.SUMMARY, timeout=5000)
    assert (report.rows_read, report.persons_created, report.persons_updated, report.persons_unchanged) == (
        10, 9, 0, 0)
    assert report.households_created == 5 and report.rejected_rows == [6]
    summary = w.summary_page.summary.text()
    # English plurals come from %n: "(s)" until an English numerus catalogue exists
    for words in ("Read 10 rows from the sheet “花名册” of 花名册.xlsx.", "9 persons added.",
                  "0 persons updated.", "5 households added.",
                  "1 row rejected", "Imported with a warning, as each warning below says: 1 row."):
        assert words in summary, (words, summary)
    assert "already up to date" not in summary  # no "0 persons already up to date, left unchanged"
    assert w.summary_page.problems.count() == 2
    assert not w.button(QWizard.WizardButton.BackButton).isEnabled()  # the import cannot be undone from here
    with store.read() as conn:
        assert not searchindex.pending(conn)  # the wizard's job re-keyed the new households before the summary
        assert len(queries.search_ids(conn, "")) == 5
        assert len(queries.search_ids(conn, "张建国")) == 1
        assert queries.search_ids(conn, "赵敏") == []  # the rejected row was not stored

    # save the rejected rows, read them back
    save = w.summary_page.save_button
    assert save.isEnabled()
    target = tmp_path / "rejected.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert str(target) in w.summary_page.saved.text() and "1 rejected row " in w.summary_page.saved.text()
    back = roster.read_sheet(target)
    assert roster.detect_header(back).row == 1
    assert [r[0] for r in back.rows[1:]] == ["赵敏"]
    assert back.rows[1][2] == BAD_ID and "Row 6, column C" in back.rows[1][-3] and back.rows[1][-2] == 6
    assert back.rows[1][-1] == "id_checksum"  # the code stays, in the last column


def test_the_summary_counts_warnings_as_the_preview_does(qtbot, wizard: RosterWizard) -> None:  # type: ignore[no-untyped-def]
    """Imported rows with a warning, not warnings: a rejected row's warning does not make an
    imported row, and a row with two warnings is one row (the preview's count)."""
    from gridkeeper.io.roster import Issue

    report = use_case.ImportReport("花名册.xlsx", "花名册", 2, False, rows_read=4, persons_created=3)
    report.rejected_rows = [6]
    report.rejected = [Issue(6, "C", "id_number", "id_checksum", "error", "bad")]
    report.warnings = [Issue(6, "F", "phones", "phone_invalid", "warning", "w"),  # on the rejected row
                       Issue(7, "F", "phones", "phone_invalid", "warning", "w"),
                       Issue(7, "E", "birth_date", "birth_date_mismatch", "warning", "w"),
                       Issue(9, "F", "phones", "phone_invalid", "warning", "w")]
    wizard.state.report = report
    wizard.summary_page.initializePage()
    summary = wizard.summary_page.summary.text()
    assert "Imported with a warning, as each warning below says: 2 rows." in summary, summary
    assert wizard.summary_page.problems.count() == 5  # every problem is still listed


def test_the_summary_lists_what_an_update_changed(qtbot, wizard: RosterWizard) -> None:  # type: ignore[no-untyped-def]
    """"2 persons updated" alone does not tell a cadre what happened to whom: each change is listed."""
    report = use_case.ImportReport("花名册.xlsx", "花名册", 2, False, rows_read=3, persons_updated=1,
                                   persons_unchanged=2)
    report.changes = [use_case.Change(3, "p", "张建国", "phones", '["13812345678"]', '["13900001111"]')]
    wizard.state.report = report
    wizard.summary_page.initializePage()
    page = wizard.summary_page
    assert [page.changes.item(i).text() for i in range(page.changes.count())] == [
        "Row 3, 张建国: Phone 138****5678 → 139****1111"]
    assert page.changes_title.text() == "Changed:" and not page.changes.isHidden()
    assert page.problems.isHidden()  # nothing to list there
    wizard.state.report = use_case.ImportReport("花名册.xlsx", "花名册", 2, False, rows_read=3, persons_unchanged=3)
    page.initializePage()
    assert page.changes.count() == 0 and page.changes.isHidden() and page.changes_title.isHidden()


def test_reimport_changes_nothing_and_has_nothing_to_save(qtbot, wizard: RosterWizard, store: Store,  # type: ignore[no-untyped-def]
                                                           tmp_path: Path) -> None:
    path = write_roster(tmp_path / "r.xlsx")
    use_case.import_roster(store, path)
    to_preview(qtbot, wizard, path)
    with qtbot.waitSignal(wizard.imported, timeout=10000) as blocker:
        wizard.next()
    assert (blocker.args[0].persons_created, blocker.args[0].persons_unchanged) == (0, 9)
    qtbot.waitUntil(lambda: wizard.currentId() == RosterWizard.SUMMARY, timeout=5000)
    assert "9 persons already up to date" in wizard.summary_page.summary.text()


def test_the_import_stores_the_rows_the_preview_checked(qtbot, wizard: RosterWizard, store: Store,  # type: ignore[no-untyped-def]
                                                       tmp_path: Path) -> None:
    """Read and checked once: the file changed or gone after the preview changes nothing."""
    path = write_roster(tmp_path / "r.xlsx")
    to_preview(qtbot, wizard, path)
    path.unlink()  # moved away, or saved over, while the cadre looked at the preview
    with qtbot.waitSignal(wizard.imported, timeout=10000) as blocker:
        wizard.next()
    report = blocker.args[0]
    assert (report.rows_read, report.persons_created, report.rejected_rows) == (10, 9, [6])


def test_a_mapping_changed_after_the_preview_is_checked_again(qtbot, wizard: RosterWizard, store: Store,  # type: ignore[no-untyped-def]
                                                              tmp_path: Path) -> None:
    path = write_roster(tmp_path / "r.xlsx")
    to_preview(qtbot, wizard, path)
    wizard.back()  # to the mapping: phones ignored this time
    mapping = wizard.mapping_page
    mapping.combos[5].setCurrentIndex(0)
    wizard.next()
    qtbot.waitUntil(wizard.preview_page.isComplete, timeout=5000)
    assert "phone_length" not in dict(wizard.preview_page.counts)
    with qtbot.waitSignal(wizard.imported, timeout=10000) as blocker:
        wizard.next()
    # The test street has no grids: every row is in no grid, and only that is warned.
    assert {w.code for w in blocker.args[0].warnings} == {"place_unassigned"}
    assert blocker.args[0].persons_created == 9
    with store.read() as conn:
        phones = conn.exec_driver_sql("SELECT DISTINCT phones FROM person").all()
    assert phones == [("[]",)]


def test_cancel_rolls_the_import_back(qtbot, wizard: RosterWizard, store: Store, tmp_path: Path,  # type: ignore[no-untyped-def]
                                      monkeypatch) -> None:
    real = use_case.apply

    def held(store, plan, *, progress, cancelled):  # type: ignore[no-untyped-def]
        def gate(percent: int, step: str) -> None:
            progress(percent, step)
            if percent >= 60:  # rows are being written: hold until the user cancels
                import time

                deadline = time.monotonic() + 10
                while not cancelled() and time.monotonic() < deadline:
                    time.sleep(0.01)

        return real(store, plan, progress=gate, cancelled=cancelled)

    monkeypatch.setattr(use_case, "apply", held)
    to_preview(qtbot, wizard, write_roster(tmp_path / "r.xlsx"))
    page = wizard.import_page
    emitted = []
    wizard.imported.connect(emitted.append)
    wizard.next()
    assert wizard.currentId() == RosterWizard.IMPORT and page.running()
    assert not wizard.button(QWizard.WizardButton.BackButton).isVisible()  # only our Cancel while it runs
    qtbot.waitUntil(lambda: page.progress.value() >= 60, timeout=5000)
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.running(), timeout=10000)
    assert "cancelled" in page.result.text() and "nothing was changed" in page.result.text()
    assert page.title() == "Not imported"  # not "Importing" over a cancelled import
    assert not emitted and wizard.currentId() == RosterWizard.IMPORT
    assert wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    with store.read() as conn:
        assert queries.search_ids(conn, "") == []


def test_escape_while_importing_cancels_instead_of_closing(qtbot, wizard: RosterWizard, store: Store,  # type: ignore[no-untyped-def]
                                                           tmp_path: Path, monkeypatch) -> None:
    def cancelled_at_once(store, plan, *, progress, cancelled):  # type: ignore[no-untyped-def]
        import time

        deadline = time.monotonic() + 10
        while not cancelled() and time.monotonic() < deadline:
            time.sleep(0.01)
        raise use_case.ImportCancelled()

    monkeypatch.setattr(use_case, "apply", cancelled_at_once)
    to_preview(qtbot, wizard, write_roster(tmp_path / "r.xlsx"))
    wizard.next()
    wizard.reject()  # Escape or the close box
    assert wizard.isVisible()
    qtbot.waitUntil(lambda: not wizard.import_page.running(), timeout=10000)
    assert "nothing was changed" in wizard.import_page.result.text()
    wizard.reject()
    assert not wizard.isVisible()


def test_unreadable_file_is_explained_and_next_stays_off(qtbot, wizard: RosterWizard, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fake = tmp_path / "roster.xlsx"
    fake.write_text("姓名,身份证号\n张三,330382195003021234\n", encoding="utf-8")
    wizard.file_page.path.setText(str(fake))
    wizard.next()
    page = wizard.sheet_page
    qtbot.waitUntil(lambda: bool(page.error.text()), timeout=5000)
    assert "roster.xlsx is a text file (CSV or similar), not an Excel workbook" in page.error.text()
    assert not page.isComplete() and not next_button(wizard).isEnabled()


def _open_with_roster_second(qtbot, wizard: RosterWizard, path: Path, first: str, first_rows: list[list[str]],  # type: ignore[no-untyped-def]
                             roster_header: tuple[str, ...] = ("姓名", "公民身份号码", "小区", "楼栋", "房号")):
    """A workbook whose second sheet is `roster_header` over one person, after `first`; opened on
    the sheet page, once it has read what it shows."""
    wb = Workbook()
    wb.active.title = first
    for row in first_rows:
        wb.active.append(row)
    roster_sheet = wb.create_sheet("花名册")
    roster_sheet.append(list(roster_header))
    roster_sheet.append(["张建国", GOOD_IDS[0], "阳光花园", "1幢", "101"])
    wb.save(path)
    wizard.file_page.path.setText(str(path))
    wizard.next()
    page = wizard.sheet_page
    qtbot.waitUntil(lambda: bool(page.error.text()) or page.isComplete(), timeout=5000)
    return page


@pytest.mark.parametrize(("first", "rows", "why"), [("说明", [["本表由派出所提供"]], "notes first"),
                                                     ("Sheet1", [], "Excel's empty Sheet1 first"),
                                                     ("统计", [["姓名", "人数"]], "a header without rows first")])
def test_a_first_sheet_without_a_roster_opens_the_roster_sheet_and_says_so(  # type: ignore[no-untyped-def]
        qtbot, wizard: RosterWizard, tmp_path: Path, first: str, rows: list[list[str]], why: str) -> None:
    """The roster is often the second sheet, after notes, statistics or Excel's empty Sheet1: the
    wizard opens it rather than stop on the first with an error, and tells which sheet it passed
    over; the sheet list stays there to choose any other."""
    page = _open_with_roster_second(qtbot, wizard, tmp_path / "second.xlsx", first, rows)
    assert page.isComplete() and not page.error.text(), why
    assert page.sheets.currentText() == "花名册" and page.sheets.isEnabled()
    assert f"The first sheet, “{first}”, holds no roster, so “花名册” is shown." in page.status.text()
    assert wizard.state.sheet is not None and wizard.state.sheet.header.row == 1 and page.table.isVisible()
    assert next_button(wizard).isEnabled()


def test_when_no_sheet_holds_a_roster_the_first_says_why(qtbot, wizard: RosterWizard, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = _open_with_roster_second(qtbot, wizard, tmp_path / "notes.xlsx", "说明", [["本表由派出所提供"]],
                                    roster_header=("备注", "其他"))
    assert "No roster header" in page.error.text() and "Choose another sheet" in page.error.text()
    assert page.sheets.currentText() == "说明" and page.sheets.isEnabled()
    assert not next_button(wizard).isEnabled()


def test_an_empty_first_sheet_and_no_roster_leave_the_sheet_list(qtbot, wizard: RosterWizard, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Excel's empty "Sheet1" first and no roster anywhere: not a dead end, and no empty grid."""
    page = _open_with_roster_second(qtbot, wizard, tmp_path / "empty-first.xlsx", "Sheet1", [],
                                    roster_header=("备注", "其他"))
    assert "is empty" in page.error.text() and "Choose another sheet" in page.error.text()
    assert "another file" not in page.error.text()
    assert not page.table.isVisible()
    assert [page.sheets.itemText(i) for i in range(page.sheets.count())] == ["Sheet1", "花名册"]
    assert not next_button(wizard).isEnabled()


def test_a_header_without_rows_says_so_and_next_stays_off(qtbot, wizard: RosterWizard, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    blank = tmp_path / "空白.xlsx"
    roster.write_template(blank)
    wizard.file_page.path.setText(str(blank))
    wizard.next()
    page = wizard.sheet_page
    qtbot.waitUntil(lambda: bool(page.error.text()), timeout=5000)
    assert "has its header in row 1 but no rows of data below it" in page.error.text()
    assert not page.isComplete() and not next_button(wizard).isEnabled()


def test_download_template(qtbot, wizard: RosterWizard, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "模板"  # no suffix typed: .xlsx is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    qtbot.mouseClick(wizard.file_page.template_button, Qt.MouseButton.LeftButton)
    saved = tmp_path / "模板.xlsx"
    assert saved.is_file() and str(saved) in wizard.file_page.template_status.text()
    header = roster.detect_header(roster.read_sheet(saved))
    assert {"name", "id_number", "room"} <= set(header.columns)


# -- the Job underneath ---------------------------------------------------------


def test_job_reports_on_the_ui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QThread

    from gridkeeper.ui.worker import Job

    ui = QThread.currentThread()
    seen: list[tuple[int, str, bool]] = []

    def work(progress, cancelled):  # type: ignore[no-untyped-def]
        progress(50, "half")
        return QThread.currentThread() is not ui and not cancelled()

    job = Job(work)
    job.progress.connect(lambda p, s: seen.append((p, s, QThread.currentThread() is ui)))
    with qtbot.waitSignal(job.finished, timeout=5000) as blocker:
        job.start()
    assert blocker.args == [True]  # ran on another thread
    assert seen == [(50, "half", True)]  # but reported on this one
    assert not job.is_running()


def test_job_failures_are_told_in_words_and_logged(qtbot, caplog) -> None:  # type: ignore[no-untyped-def]
    import logging

    from gridkeeper.ui.worker import Job

    def bug(progress, cancelled):  # type: ignore[no-untyped-def]
        return 1 / 0

    def known(progress, cancelled):  # type: ignore[no-untyped-def]
        raise use_case.ImportCancelled()

    job = Job(bug)
    with caplog.at_level(logging.ERROR, logger="gridkeeper.ui"), qtbot.waitSignal(job.failed, timeout=5000) as blocker:
        job.start()
    assert "log file" in blocker.args[0] and "ZeroDivision" not in blocker.args[0]
    assert any(r.name == "gridkeeper.ui" and r.exc_info and r.exc_info[0] is ZeroDivisionError for r in caplog.records)
    assert isinstance(job.error, ZeroDivisionError)

    job = Job(known)
    with qtbot.waitSignal(job.failed, timeout=5000) as blocker:
        job.start()
    assert blocker.args == ["The import was cancelled; nothing was changed."]


def test_after_the_commit_the_index_catches_up_and_cancel_is_off(qtbot, wizard: RosterWizard, store: Store,  # type: ignore[no-untyped-def]
                                                                tmp_path: Path, monkeypatch) -> None:
    import threading

    from gridkeeper.places import households

    release = threading.Event()
    real = households.update_search_index

    def held(s: Store) -> int:
        release.wait(10)
        return real(s)

    monkeypatch.setattr(households, "update_search_index", held)
    to_preview(qtbot, wizard, write_roster(tmp_path / "r.xlsx"))
    page = wizard.import_page
    wizard.next()
    qtbot.waitUntil(lambda: page.step.text() == page.tr("Updating the search index…"), timeout=10000)
    assert not page.cancel_button.isEnabled()  # the rows are committed: nothing left to cancel
    with store.read() as conn:
        assert searchindex.pending(conn)  # stored, waiting to be re-keyed, and already found
        assert len(queries.search_ids(conn, "")) == 5
    release.set()
    qtbot.waitUntil(lambda: wizard.currentId() == RosterWizard.SUMMARY, timeout=10000)
    with store.read() as conn:
        assert not searchindex.pending(conn)
        assert len(queries.search_ids(conn, "张建国")) == 1


def test_the_preview_makes_the_names_search_keys_ahead(qtbot, wizard: RosterWizard, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """While the user reads the preview, the names' pinyin keys are made for the catch-up after Import."""
    from gridkeeper.store import searchkeys

    searchkeys.name_keys.cache_clear()
    to_preview(qtbot, wizard, write_roster(tmp_path / "r.xlsx"))
    assert wizard.state.checked is not None
    accepted = [r.name for r in wizard.state.checked.rows if not r.rejected]
    qtbot.waitUntil(lambda: searchkeys.name_keys.cache_info().currsize >= len(accepted), timeout=5000)
    hits = searchkeys.name_keys.cache_info().hits
    for name in accepted:
        searchkeys.name_keys(name)
    assert searchkeys.name_keys.cache_info().hits == hits + len(accepted)  # all made already
    assert "赵敏" not in accepted  # the rejected row's name is not worth the work


def test_preview_cells_mask_numbers_even_without_a_header() -> None:
    """ID and mobile numbers are masked on screen everywhere (PIPL): in a column the wizard does
    not know yet, or on a sheet with no header at all, what looks like one is masked too; an ID
    that Excel stored as a number shows as Excel shows it, masked."""
    from gridkeeper.ui.roster_wizard.common import cell_text

    assert cell_text(GOOD_IDS[0]) == idnumber.mask(GOOD_IDS[0])
    assert cell_text(f"张建国 {GOOD_IDS[0]}") == f"张建国 {idnumber.mask(GOOD_IDS[0])}"
    assert cell_text("13812345678") == "138****5678"
    assert cell_text(330382196205012000.0, "id_number") == "330382********2000"
    assert cell_text(330382196205012000.0) == "330382********2000"
    assert cell_text("003002009580") == "003002009580"  # a household number is not an ID
    assert cell_text(12.0) == "12" and cell_text("塘川社区户籍人口花名册（2024年）") == "塘川社区户籍人口花名册（2024年）"
    assert cell_text("张建国", "name") == "张建国"
    assert cell_text("与户主\n关系") == "与户主 关系"  # one line in a table cell, not cut to "与…"
    assert cell_text("'" + GOOD_IDS[0], "id_number") == idnumber.mask(GOOD_IDS[0])


def test_phone_cells_written_with_spaces_mask_as_numbers() -> None:
    """A mobile typed in groups (138 1234 5680, 138-1234-5680, +86 138 1234 5680) is one number,
    as the import reads it: masked as one (138****5680), not as three groups of stars the
    cadre cannot match to anything. Several numbers and junk in one cell keep their places."""
    from gridkeeper.ui.roster_wizard.common import cell_text

    assert cell_text("138 1234 5680", "phones") == "138****5680"
    assert cell_text("138-1234-5680", "phones") == "138****5680"
    assert cell_text("+86 138 1234 5680", "phones") == "138****5680"
    assert cell_text("138 1234 5678; 12345", "phones") == "138****5678; *2345"
    assert cell_text("13812345678、0577-62345678", "phones") == "138****5678、0577-****5678"
    assert cell_text("138 1234 5680") == "138****5680"  # in a column the wizard does not know, too
    assert cell_text("0577 62345679", "phones") == "0577-****5679"  # a landline spaced after its area code


def test_the_sheet_page_masks_ids_on_a_sheet_without_a_header(qtbot, wizard: RosterWizard, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "no-header.xlsx"
    wb = Workbook()
    wb.active.append(["张建国", GOOD_IDS[0], "13812345678"])
    wb.save(path)
    wizard.file_page.path.setText(str(path))
    wizard.next()
    page = wizard.sheet_page
    qtbot.waitUntil(lambda: bool(page.error.text()), timeout=5000)
    shown = [page.table.item(0, c).text() for c in range(page.table.columnCount())]
    assert shown == ["张建国", idnumber.mask(GOOD_IDS[0]), "138****5678"]
