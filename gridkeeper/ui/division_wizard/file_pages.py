"""Choose the table: a file dropped on the page or chosen in a dialog, then its sheet, the header found."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from gridkeeper.io import roster_read
from gridkeeper.io.roster_limits import RosterError
from gridkeeper.places import division
from gridkeeper.places.division import DivisionSheet
from gridkeeper.ui.division_wizard.state import DivisionState
from gridkeeper.ui.roster_wizard.common import HEADER_TINT, _error_label, _readonly_table, _wrapped, cell_text

SHEET_ROWS = 10  # the first rows under the header shown on the sheet page
EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls")


def dropped_file(event: QDragEnterEvent | QDropEvent) -> Path | None:
    """The one local file a drag carries, else None."""
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    files = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
    return files[0] if len(files) == 1 else None


class FilePage(QWizardPage):
    def __init__(self, state: DivisionState) -> None:
        super().__init__()
        self.state = state
        self.setTitle(self.tr("Choose the grid division table"))
        self.setAcceptDrops(True)
        intro = _wrapped(self.tr(
            "Choose the Excel file with the street's grid division table (网格划分表): one row per grid and "
            "compound, with the buildings the grid covers and the cadres who hold it. Drop the file on this "
            "page, or browse for it. Title rows above the header are fine."))
        self.path = QLineEdit()
        self.path.setObjectName("path")
        self.path.setPlaceholderText(self.tr("Path of the grid division table"))
        self.path.setClearButtonEnabled(True)
        self.path.setAcceptDrops(False)  # a dropped file lands on the page, which takes its path
        browse = QPushButton(self.tr("&Browse…"))
        browse.setObjectName("browse")
        browse.clicked.connect(self.browse)
        self.status = _wrapped(name="fileStatus")
        note = _wrapped(self.tr(
            "For each grid it lists, the table is the whole truth: its buildings, and who holds it from today. "
            "Grids it does not list are left as they are. The next pages show every change before anything "
            "is written."), "hint")
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addSpacing(16)
        layout.addWidget(note)
        layout.addStretch(1)
        self.path.textChanged.connect(self._on_text)

    def chosen(self) -> Path | None:
        text = self.path.text().strip().strip('"')
        return Path(text).expanduser() if text else None

    def _on_text(self, _text: str) -> None:
        path = self.chosen()
        self.status.setText("" if path is None or path.is_file() else self.tr("There is no file at this path."))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        path = self.chosen()
        return path is not None and path.is_file()

    def validatePage(self) -> bool:  # noqa: N802
        self.state.path = self.chosen()
        return True

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if dropped_file(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        path = dropped_file(event)
        if path is None:
            return
        self.path.setText(str(path))
        if path.suffix.lower() not in EXCEL_SUFFIXES:
            self.status.setText(self.tr("{name} does not look like an Excel workbook (.xlsx or .xls); it will be "
                                        "tried all the same.").format(name=path.name))
        event.acceptProposedAction()

    def browse(self) -> None:
        path = self.chosen()
        start = str(path.parent) if path is not None and path.parent.is_dir() else str(Path.home())
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a grid division table"), start,
            self.tr("Excel workbooks (*.xlsx *.xls);;All files (*)"))
        if name:
            self.path.setText(name)


class SheetPage(QWizardPage):
    """The sheet (the first that holds a table, or the one chosen), read in a worker, its header shown."""

    def __init__(self, state: DivisionState) -> None:
        super().__init__()
        self.state = state
        self._generation = 0
        self._loading = False
        self.setTitle(self.tr("Sheet and header row"))
        self.sheets = QComboBox()
        self.sheets.setObjectName("sheet")
        self.sheets.setMinimumContentsLength(16)
        label = QLabel(self.tr("&Sheet:"))
        label.setBuddy(self.sheets)
        self.status = _wrapped(name="sheetStatus")
        self.error = _error_label()
        self.table = _readonly_table("sheetPreview")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.sheets)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addStretch(0)  # takes the room while the table is hidden
        self.sheets.activated.connect(lambda _i: self.load(self.sheets.currentText()))

    def initializePage(self) -> None:  # noqa: N802
        self.sheets.clear()
        self.load(None)

    def load(self, sheet: str | None) -> None:
        path = self.state.path
        assert path is not None
        self._generation += 1
        generation = self._generation
        self._loading = True
        self.state.sheet = None
        self.error.setText("")
        self.table.setRowCount(0)
        self.table.setColumnCount(0)
        self.table.hide()  # until there are rows to show
        self.status.setText(self.tr("Reading {file}…").format(file=path.name))
        self.completeChanged.emit()

        def work(_progress: Any, _cancelled: Any) -> tuple[list[str], DivisionSheet]:
            names = roster_read.list_sheets(path)
            if sheet is not None:
                return names, division.read_table(path, sheet)
            try:
                return names, division.read_table(path, None)
            except RosterError:
                # The first sheet holds no table (说明, an empty Sheet1): the first other one that does.
                for other in names[1:]:
                    try:
                        return names, division.read_table(path, other)
                    except RosterError:  # the first sheet's message is the one told
                        continue
                raise

        self.state.run(work, lambda result: self._loaded(generation, result),
                       lambda message: self._failed(generation, message))

    def _loaded(self, generation: int, result: tuple[list[str], DivisionSheet]) -> None:
        if generation != self._generation:
            return
        self._loading = False
        names, sheet = result
        self._fill_names(names, sheet.name)
        self.state.sheet = sheet
        header = sheet.header
        data_rows = sum(1 for r in sheet.rows[header.row:] if any(c is not None and str(c).strip() for c in r))
        roles = "、".join(r.role for r in header.roles) or self.tr("none")
        self.status.setText(self.tr(
            "Read the sheet “{sheet}”. The header is in row {row}; %n row(s) below it. Roles read: {roles}.",
            "", data_rows).format(sheet=sheet.name, row=header.row, roles=roles))
        self._show(sheet)
        self.completeChanged.emit()

    def _fill_names(self, names: list[str], current: str) -> None:
        self.sheets.blockSignals(True)
        self.sheets.clear()
        self.sheets.addItems(names)
        self.sheets.setCurrentText(current)
        self.sheets.setEnabled(len(names) > 1)
        self.sheets.blockSignals(False)

    def _failed(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self.status.setText("")
        more = self.tr("Choose another sheet above, or go back to choose another file.") if self.sheets.count() > 1 \
            else self.tr("Go back to choose another file.")
        self.error.setText(message + "\n" + more)
        self.completeChanged.emit()

    def _show(self, sheet: DivisionSheet) -> None:
        start = max(0, sheet.header.row - 3)
        shown = sheet.rows[start:sheet.header.row + SHEET_ROWS]
        width = max((len(r) for r in shown), default=0)
        self.table.setRowCount(len(shown))
        self.table.setColumnCount(width)
        self.table.setHorizontalHeaderLabels([roster_read.column_letter(c) for c in range(width)])
        self.table.setVerticalHeaderLabels([str(start + i + 1) for i in range(len(shown))])
        bold = QFont(self.table.font())
        bold.setBold(True)
        for r, values in enumerate(shown):
            is_header = start + r + 1 == sheet.header.row
            for c, value in enumerate(values):
                item = QTableWidgetItem(cell_text(value, ""))  # cadres' work phones: shown as the table has them
                if is_header:
                    item.setFont(bold)
                    item.setBackground(HEADER_TINT)
                    item.setForeground(QColor("black"))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        for c in range(width):
            self.table.setColumnWidth(c, min(self.table.columnWidth(c), 220))
        self.table.show()

    def isComplete(self) -> bool:  # noqa: N802
        return not self._loading and self.state.sheet is not None
