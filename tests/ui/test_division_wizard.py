"""The grid division table wizard driven as a street office's admin would: file, sheet, preview (a dry
run), import, summary; a refused table, a table imported twice, the export, who may import."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QAction, QDropEvent, QHelpEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QToolTip, QWizard
from pytestqt.qtbot import QtBot

from gridkeeper.places import division, roster_import
from gridkeeper.store import Store, open_store
from gridkeeper.sync import office
from gridkeeper.ui.division_wizard import DivisionWizard, open_division_wizard
from gridkeeper.ui.roster_wizard import ERROR_ROW_TINT, ERROR_TINT, WARNING_TINT
from tests.places.division_fixtures import STREET, households_by_grid, roster, table

pytestmark = pytest.mark.gui

MESSY_HEADER = [" 社　区 ", "网格名称", "网格编号", "小区名称", "楼　幢", "驻社区干部", "电话", "网格长", "备注"]
MESSY = [
    ["塘川社区", "第１网格", "ＴＣ００１", "阳光花园", "１－３幢", "张三 13812345601", None, "王五 13812345603", "旧表"],
    [None, None, None, "明月小区", "全部", None, None, None, None],
    [None, "第2网格", "TC002", "阳光花园", "4幢，5幢", "李四、孙七", "13812345602、13812345607", None, None],
]
# 第１网格 and its code merged over rows 3-4, 张三 and 王五 merged over both rows of their grid.
MESSY_MERGES = ("B3:B4", "C3:C4", "F3:F4", "H3:H4")


def messy_table(path: Path) -> Path:
    return table(path, MESSY, MESSY_HEADER, title="塘川街道网格划分表（2026年）", merges=MESSY_MERGES)


@pytest.fixture
def wizard(qtbot: QtBot, store: Store) -> DivisionWizard:
    w = DivisionWizard(store)
    qtbot.addWidget(w)
    w.show()
    return w


def to_preview(qtbot: QtBot, w: DivisionWizard, path: Path) -> None:
    w.file_page.path.setText(str(path))
    assert w.button(QWizard.WizardButton.NextButton).isEnabled()
    w.next()
    assert w.currentId() == DivisionWizard.SHEET
    qtbot.waitUntil(w.sheet_page.isComplete, timeout=5000)
    w.next()
    assert w.currentId() == DivisionWizard.PREVIEW
    qtbot.waitUntil(lambda: w.preview_page.report is not None, timeout=10000)


def import_through(qtbot: QtBot, w: DivisionWizard) -> None:
    assert w.button(QWizard.WizardButton.NextButton).isEnabled()
    with qtbot.waitSignal(w.imported, timeout=10000):
        w.next()
    qtbot.waitUntil(lambda: w.currentId() == DivisionWizard.SUMMARY, timeout=5000)


def holders(store: Store) -> dict[tuple[str, str], tuple[str | None, str | None]]:
    with store.read() as conn:
        rows = conn.exec_driver_sql(
            "SELECT g.name, c.name, c.role, c.phone, a.start_date, a.end_date FROM assignment a "
            "JOIN cadre c ON c.id = a.cadre_id JOIN grid g ON g.id = a.grid_id WHERE a.deleted = 0").all()
    return {(r[0], r[1]): (r[2], r[3], r[4], r[5]) for r in rows}


def log_size(store: Store) -> int:
    with store.read() as conn:
        return int(conn.exec_driver_sql("SELECT count(*) FROM change_log").scalar() or 0)


def test_a_messy_table_imported_end_to_end(qtbot: QtBot, wizard: DivisionWizard, store: Store,
                                           tmp_path: Path) -> None:
    from gridkeeper import clock

    # A roster first: its households are in no grid (阳光花园 has no grid yet).
    roster_import.import_roster(store, roster(tmp_path / "r.xlsx", [
        ["甲", "塘川社区", "阳光花园", "3号楼", "1", "101"], ["乙", "塘川社区", "阳光花园", "5幢", "1", "102"],
        ["丙", "塘川社区", "明月小区", "2幢", "1", "201"]]))
    store.reindex_dirty()
    assert set(households_by_grid(store).values()) == {None}

    to_preview(qtbot, wizard, messy_table(tmp_path / "messy.xlsx"))
    page = wizard.sheet_page
    assert page.state.sheet is not None and page.state.sheet.header.row == 2  # under the title row
    preview = wizard.preview_page
    assert preview.isComplete()
    assert preview.error.text() == ""
    # The dry run says what importing creates; the column it does not read is a yellow warning, with why.
    assert "grids: 2" in preview.verdict.text() and "stints: 4" in preview.verdict.text()
    reasons = {preview.reasons.item(r, 0).text(): preview.reasons.item(r, 2).text()
               for r in range(preview.reasons.rowCount())}
    ignored = next(k for k in reasons if "column_ignored" in k)
    assert "备注" in reasons[ignored]
    assert preview.reasons.item(0, 0).background().color() == WARNING_TINT
    changes = [preview.changes.item(i).text() for i in range(preview.changes.count())]
    assert "New grid: 塘川社区第1网格" in changes
    assert log_size(store) > 0 and households_by_grid(store)[("阳光花园", "3幢", "101")] is None  # nothing yet

    import_through(qtbot, wizard)
    summary = wizard.summary_page.summary.text()
    assert "The table was imported." in summary and "grids: 2" in summary

    # The profile now holds the division: grids with their codes, buildings covered, households placed.
    grids = households_by_grid(store)
    assert grids[("阳光花园", "3幢", "101")] == "第1网格"
    assert grids[("阳光花园", "5幢", "102")] == "第2网格"
    assert grids[("明月小区", "2幢", "201")] == "第1网格"  # a compound covered whole
    with store.read() as conn:
        codes = dict(conn.exec_driver_sql("SELECT name, code FROM grid WHERE deleted = 0").all())
        whole = conn.exec_driver_sql(
            "SELECT g.name FROM compound c JOIN grid g ON g.id = c.grid_id WHERE c.name = '明月小区'").scalar()
    assert codes == {"第1网格": "TC001", "第2网格": "TC002"}
    assert whole == "第1网格"
    today = clock.today().isoformat()
    assert holders(store) == {
        ("第1网格", "张三"): ("驻社区干部", "13812345601", today, None),
        ("第1网格", "王五"): ("网格长", "13812345603", today, None),
        ("第2网格", "李四"): ("驻社区干部", "13812345602", today, None),
        ("第2网格", "孙七"): ("驻社区干部", "13812345607", today, None),
    }


def test_a_table_with_a_rejected_row_cannot_be_imported(qtbot: QtBot, wizard: DivisionWizard, store: Store,
                                                        tmp_path: Path) -> None:
    rows = [*STREET, ["塘川社区", "第3网格", "", "星河湾", "9-1幢"]]  # Excel row 5: the range runs backwards
    to_preview(qtbot, wizard, table(tmp_path / "bad.xlsx", rows))
    preview = wizard.preview_page
    assert not preview.isComplete()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    said = preview.error.text()
    assert "cannot be imported" in said and "problems in 1 row " in said and "nothing will be written" in said
    # The reason, in words and by code, in red; the row in red, its cell redder, the reason on it.
    assert "bad_building_range" in preview.reasons.item(0, 0).text()
    assert preview.reasons.item(0, 0).background().color() == ERROR_TINT
    assert "backwards" in preview.reasons.item(0, 2).text()
    last = preview.table.rowCount() - 1
    assert preview.table.verticalHeaderItem(last).text() == "5"
    assert preview.table.item(last, 4).background().color() == ERROR_TINT
    assert "run backwards" in preview.table.item(last, 4).toolTip()
    assert preview.table.item(last, 0).background().color() == ERROR_ROW_TINT
    assert log_size(store) == 0  # nothing was written


def test_a_table_imported_again_says_nothing_changes(qtbot: QtBot, wizard: DivisionWizard, store: Store,
                                                     tmp_path: Path) -> None:
    path = table(tmp_path / "street.xlsx", STREET)
    assert division.import_table(store, path).imported
    before = log_size(store)
    to_preview(qtbot, wizard, path)
    preview = wizard.preview_page
    assert "importing it changes nothing" in preview.verdict.text()
    assert preview.changes.count() == 0
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == DivisionWizard.SUMMARY, timeout=10000)
    assert "nothing was changed" in wizard.summary_page.summary.text()
    assert log_size(store) == before


def test_a_file_dropped_on_the_first_page(qtbot: QtBot, wizard: DivisionWizard, tmp_path: Path) -> None:
    path = table(tmp_path / "street.xlsx", STREET)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    wizard.file_page.dropEvent(event)
    assert wizard.file_page.path.text() == str(path)
    assert wizard.file_page.isComplete()


def test_an_unreadable_file_is_said_in_words(qtbot: QtBot, wizard: DivisionWizard, tmp_path: Path) -> None:
    path = tmp_path / "notes.xlsx"
    path.write_text("not a workbook", encoding="utf-8")
    wizard.file_page.path.setText(str(path))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.sheet_page.error.text() != "", timeout=5000)
    assert "Go back to choose another file." in wizard.sheet_page.error.text()
    assert not wizard.sheet_page.isComplete()


def test_export_writes_a_table_that_reads_back(qtbot: QtBot, store: Store, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.ui.windows import window

    assert division.import_table(store, table(tmp_path / "street.xlsx", STREET)).imported
    w = window(qtbot, store)
    target = tmp_path / "out" / "导出"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    action = w.findChild(QAction, "exportDivisionAction")
    assert action.isEnabled()
    action.trigger()
    files = w._division_files()
    with qtbot.waitSignal(files.written, timeout=10000) as written:
        pass
    path = written.args[0]
    assert path == target.with_name("导出.xlsx") and path.is_file()
    assert str(path) in w.statusBar().currentMessage() and "3 rows" in w.statusBar().currentMessage()
    again = division.import_table(store, path, dry_run=True)  # it reads back as the profile's division
    assert again.rejected == [] and again.unchanged and again.rows_read == 3


def test_the_template_is_saved_from_the_menu(qtbot: QtBot, store: Store, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.ui.windows import window

    w = window(qtbot, store)
    target = tmp_path / "template.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    files = w._division_files()
    with qtbot.waitSignal(files.written, timeout=10000):
        w.findChild(QAction, "divisionTemplateAction").trigger()
    assert target.is_file()
    assert "Wrote an empty grid division table" in w.statusBar().currentMessage()
    from gridkeeper.io.roster_limits import RosterError

    with pytest.raises(RosterError) as empty:  # its header is found, its grey example row skipped: no rows
        division.read_table(target)
    assert empty.value.code == "sheet_no_rows"


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")  # the menu, offscreen
def test_only_an_admin_or_a_laptop_in_no_office_imports(qtbot: QtBot, tmp_path: Path, share: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.ui.windows import window

    admin, member = open_store(tmp_path / "a"), open_store(tmp_path / "b")
    alone = open_store(tmp_path / "c")
    office.create(admin, share)
    office.join(member, share, office.invite(admin, share).code)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))
    try:
        for store, allowed in ((admin, True), (member, False), (alone, True)):
            w = window(qtbot, store)
            action = w.findChild(QAction, "importDivisionAction")
            assert action.isEnabled() is allowed
            assert ("Only an admin laptop" in action.toolTip()) is not allowed
            assert w.findChild(QAction, "exportDivisionAction").isEnabled()
            if not allowed:  # the disabled entry still shows why when pointed at
                menu = action.associatedObjects()[0]
                menu.popup(w.mapToGlobal(QPoint(0, 0)))
                at = menu.actionGeometry(action).center()
                QApplication.sendEvent(menu, QHelpEvent(QEvent.Type.ToolTip, at, menu.mapToGlobal(at)))
                assert "Only an admin laptop" in QToolTip.text()
                menu.close()
        assert open_division_wizard(None, member) is None  # the street page's button: told why, no wizard
        assert told and "Only an admin laptop" in told[0]
    finally:
        for s in (admin, member, alone):
            s.close()


def test_the_main_window_reads_again_after_an_import(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    """The pages read again; when the laptop's cadre holds other grids now, the window is rebuilt with
    that scope (the signal Change user… sends)."""
    from gridkeeper.places import profile
    from tests.ui.windows import window

    first = table(tmp_path / "street.xlsx", STREET)
    division.import_table(store, first)
    me = next(c for c in profile.list_cadres(store) if c.name == "王五")  # holds 第2网格
    profile.choose_cadre(store, me.id)
    w = window(qtbot, store)
    qtbot.waitUntil(lambda: "第2网格" in w.user_label.text())
    rebuilt: list[str] = []
    w.language_chosen.connect(rebuilt.append)

    renamed = [list(r) for r in STREET]
    renamed[2][7:9] = ["钱八", "13812345609"]  # 赵六 leaves 第2网格: 王五 still holds it alone
    report = division.import_table(store, table(tmp_path / "b.xlsx", renamed))
    w._after_division_import(report)
    assert rebuilt == []  # the same grids: only read again
    assert len(report.changes) == 3  # 钱八 new, his stint, 赵六's stint (begun today: undone)
    assert "Grid division table imported: 3 changes." in w.statusBar().currentMessage()

    moved = [list(r) for r in renamed]
    moved[2][5:7] = ["钱八", "13812345609"]  # 王五 leaves 第2网格 too
    w._after_division_import(division.import_table(store, table(tmp_path / "c.xlsx", moved)))
    assert rebuilt == ["system"]  # another scope: the window is rebuilt


def test_the_wizard_speaks_chinese(qtbot: QtBot, qapp, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """In the Chinese profile the pages, the refusal and its reasons are Chinese (the reason codes stay,
    as stable names to quote)."""
    import re

    from gridkeeper.ui import i18n

    i18n.install(qapp, "zh_CN")  # the autouse fixture puts English back
    w = DivisionWizard(store)
    qtbot.addWidget(w)
    w.show()
    assert w.windowTitle() == "导入网格划分表"
    to_preview(qtbot, w, table(tmp_path / "bad.xlsx", [*STREET, ["塘川社区", "第3网格", "", "星河湾", "9-1幢"]]))
    preview = w.preview_page
    texts = [preview.title(), preview.totals.text(), preview.error.text(), preview.tabs.tabText(0),
             preview.tabs.tabText(1), *(preview.reasons.item(r, c).text() for r in range(preview.reasons.rowCount())
                                        for c in (0, 2))]
    english = re.compile(r"\b(?!xlsx\b|Excel\b)[A-Za-z]{3,}\b")
    assert "不能导入" in preview.error.text()
    assert [t for t in texts if english.search(re.sub(r"\b[a-z]+(?:_[a-z]+)+\b", "", t))] == []


def test_a_failed_import_says_why_and_writes_nothing(qtbot: QtBot, wizard: DivisionWizard, store: Store,
                                                     tmp_path: Path) -> None:
    """A laptop that joined an office and has not synced yet: the import is refused in words, the profile
    is as it was, and the wizard can go back or close."""
    to_preview(qtbot, wizard, table(tmp_path / "street.xlsx", STREET))
    store.set_meta("office_pull_due", "1")
    before = log_size(store)
    wizard.next()
    page = wizard.import_page
    qtbot.waitUntil(lambda: page.error.text() != "", timeout=10000)
    assert page.title() == "Not imported"
    assert "has not synced with it yet" in page.error.text() and "Nothing was changed" in page.error.text()
    assert wizard.currentId() == DivisionWizard.IMPORT and not page.isComplete()
    assert wizard.button(QWizard.WizardButton.CancelButton).isVisible()
    assert log_size(store) == before
