"""Choose the file, the sheet and header row, and what each column holds."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from gridkeeper.io import roster
from gridkeeper.io.roster import FIELDS, Header, RosterError, Sheet
from gridkeeper.places import roster_import
from gridkeeper.places.roster_import import RosterSheet
from gridkeeper.ui.roster_wizard.common import (
    HEADER_TINT,
    SHEET_PREVIEW_ROWS,
    _error_label,
    _readonly_table,
    _translate,
    _wrapped,
    cell_text,
    field_label,
)
from gridkeeper.ui.roster_wizard.state import RosterState


class FilePage(QWizardPage):
    def __init__(self, state: RosterState) -> None:
        super().__init__()
        self.state = state
        self.setTitle(self.tr("Choose the roster file"))
        intro = _wrapped(self.tr(
            "Choose the Excel file with the household roster (.xlsx or .xls) from the police station, "
            "the community office or a colleague. Title rows above the header are fine: the header is "
            "found by itself."))
        self.path = QLineEdit()
        self.path.setObjectName("path")
        self.path.setPlaceholderText(self.tr("Path of the roster file"))
        self.path.setClearButtonEnabled(True)
        browse = QPushButton(self.tr("&Browse…"))
        browse.setObjectName("browse")
        browse.clicked.connect(self.browse)
        self.status = _wrapped(name="fileStatus")

        template_intro = _wrapped(self.tr(
            "No roster yet? Start from the template: it has the expected columns, the ID number column "
            "formatted as text (so Excel keeps every digit) and drop-down lists for relation, gender "
            "and residence status."))
        self.template_button = QPushButton(self.tr("&Download roster template…"))
        self.template_button.setObjectName("downloadTemplate")
        self.template_button.clicked.connect(self.save_template)
        self.template_status = _wrapped(name="templateStatus")
        self.template_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        template_row = QHBoxLayout()
        template_row.addWidget(self.template_button)
        template_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addSpacing(24)
        layout.addWidget(template_intro)
        layout.addLayout(template_row)
        layout.addWidget(self.template_status)
        layout.addStretch(1)
        self.path.textChanged.connect(self._on_text)

    def chosen(self) -> Path | None:
        text = self.path.text().strip().strip('"')
        return Path(text).expanduser() if text else None

    def _on_text(self, _text: str) -> None:
        path = self.chosen()
        if path is None or path.is_file():
            self.status.setText("")
        else:
            self.status.setText(self.tr("There is no file at this path."))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        path = self.chosen()
        return path is not None and path.is_file()

    def validatePage(self) -> bool:  # noqa: N802
        self.state.path = self.chosen()
        return True

    def _start_dir(self) -> str:
        path = self.chosen()
        if path is not None and path.parent.is_dir():
            return str(path.parent)
        return str(Path.home())

    def browse(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a household roster"), self._start_dir(),
            self.tr("Excel workbooks (*.xlsx *.xls);;All files (*)"))
        if name:
            self.path.setText(name)

    def save_template(self) -> None:
        suggested = str(Path(self._start_dir()) / self.tr("household-roster-template.xlsx"))
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the roster template"), suggested, self.tr("Excel workbook (*.xlsx)"))
        if not name:
            return
        target = Path(name)
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        try:
            roster.write_template(target)
        except OSError as exc:
            self.template_status.setText(self.tr("The template could not be saved to {path}: {reason}").format(
                path=str(target), reason=exc.strerror or str(exc)))
            return
        self.template_status.setText(self.tr(
            "Template saved to {path}. Fill it in, save it, then choose it above.").format(path=str(target)))


class SheetPage(QWizardPage):
    def __init__(self, state: RosterState) -> None:
        super().__init__()
        self.state = state
        self._generation = 0
        self._loading = False
        self.setTitle(self.tr("Sheet and header row"))
        self.sheets = QComboBox()
        self.sheets.setObjectName("sheet")
        self.sheets.setMinimumContentsLength(16)
        sheet_label = QLabel(self.tr("&Sheet:"))
        sheet_label.setBuddy(self.sheets)
        self.status = _wrapped(name="sheetStatus")
        self.error = _error_label()
        self.table = _readonly_table("sheetPreview")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.note = note = _wrapped(self.tr("The first rows of the sheet; the header row is highlighted."), "hint")

        row = QHBoxLayout()
        row.addWidget(sheet_label)
        row.addWidget(self.sheets)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addStretch(0)  # takes the room only while the table is hidden
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
        self.table.clear()
        self.table.setRowCount(0)
        self.table.setColumnCount(0)
        self.table.hide()
        self.note.hide()
        self.status.setText(self.tr("Reading {file}…").format(file=path.name))
        self.completeChanged.emit()

        def read(name: str | None, names: list[str]) -> tuple[Sheet, RosterSheet | RosterError]:
            try:
                data = roster.read_sheet(path, name)
            except RosterError as exc:
                if exc.code != "sheet_empty" or len(names) < 2:
                    raise
                # An empty sheet (Excel's "Sheet1") before the roster: choose another one here.
                return Sheet(str(exc.params.get("sheet", name or names[0])), []), exc
            try:
                # The header, and rows below it: a blank template says so here, not "0 rows" at the end.
                return data, roster_import.find_header(path, data)
            except RosterError as exc:
                return data, exc

        def work(_progress: Any, _cancelled: Any) -> tuple[list[str], Sheet, RosterSheet | RosterError, str | None]:
            names = roster.list_sheets(path)
            data, found = read(sheet, names)
            if sheet is None and isinstance(found, RosterError):
                # The first sheet holds no roster (统计, 说明, an empty Sheet1): open the first
                # other one that does, and say so; the user can still choose any sheet.
                for other in names:
                    if other != data.name:
                        other_data, other_found = read(other, names)
                        if not isinstance(other_found, RosterError):
                            return names, other_data, other_found, data.name
            return names, data, found, None

        self.state.run(work, lambda result: self._loaded(generation, result),
                   lambda message: self._failed(generation, message))

    def _loaded(self, generation: int,
                result: tuple[list[str], Sheet, RosterSheet | RosterError, str | None]) -> None:
        if generation != self._generation:
            return
        self._loading = False
        names, data, found, passed_over = result
        self.sheets.blockSignals(True)
        self.sheets.clear()
        self.sheets.addItems(names)
        self.sheets.setCurrentText(data.name)
        self.sheets.setEnabled(len(names) > 1)
        self.sheets.blockSignals(False)
        if isinstance(found, RosterError):
            self.status.setText(self.tr("Read the sheet “{sheet}”: %n row(s).", "", len(data.rows)).format(
                sheet=data.name))
            self.error.setText(found.translated(_translate)
                               + ("\n" + self.tr("Choose another sheet above.") if len(names) > 1 else ""))
            self._show_rows(data, None)
        else:
            self.state.sheet = found
            header = found.header
            data_rows = sum(1 for r in data.rows[header.row:] if any(c is not None for c in r))
            self.status.setText(self.tr(
                "Read the sheet “{sheet}”. The header is in row {row}, with {columns} known column(s); "
                "%n row(s) of data below it.", "", data_rows).format(
                    sheet=data.name, row=header.row, columns=len(header.columns))
                + ("\n" + self.tr("The first sheet, “{first}”, holds no roster, so “{sheet}” is shown.").format(
                    first=passed_over, sheet=data.name) if passed_over else ""))
            self._show_rows(data, header)
        self.completeChanged.emit()

    def _failed(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self.status.setText("")
        self.error.setText(message + "\n" + self.tr("Go back to choose another file."))
        self.sheets.setEnabled(self.sheets.count() > 1)
        self.completeChanged.emit()

    def _show_rows(self, data: Sheet, header: Header | None) -> None:
        start = max(0, header.row - 4) if header else 0
        end = min(len(data.rows), (header.row if header else 0) + SHEET_PREVIEW_ROWS)
        shown = data.rows[start:end]
        if not shown:  # an empty sheet: nothing to show, the message says so
            self.table.hide()
            self.note.hide()
            return
        width = max((len(r) for r in shown), default=0)
        fields = {i: f for f, i in header.columns.items()} if header else {}
        self.table.setRowCount(len(shown))
        self.table.setColumnCount(width)
        self.table.setHorizontalHeaderLabels([roster.column_letter(c) for c in range(width)])
        self.table.setVerticalHeaderLabels([str(start + i + 1) for i in range(len(shown))])
        bold = QFont(self.table.font())
        bold.setBold(True)
        for r, values in enumerate(shown):
            excel_row = start + r + 1
            is_header = header is not None and excel_row == header.row
            for c, value in enumerate(values):
                masked = None if is_header or excel_row < (header.row if header else 0) else fields.get(c)
                item = QTableWidgetItem(cell_text(value, masked))
                if is_header:
                    item.setFont(bold)
                    item.setBackground(HEADER_TINT)
                    item.setForeground(QColor("black"))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        for c in range(width):
            self.table.setColumnWidth(c, min(self.table.columnWidth(c), 260))
        self.table.show()
        self.note.setText(self.tr("The first rows of the sheet; the header row is highlighted.") if header
                          else self.tr("The first rows of the sheet."))
        self.note.show()

    def isComplete(self) -> bool:  # noqa: N802
        return not self._loading and self.state.sheet is not None


class MappingPage(QWizardPage):
    COLUMN, LABEL, EXAMPLE, FIELD = range(4)

    def __init__(self, state: RosterState) -> None:
        super().__init__()
        self.state = state
        self._built_for: RosterSheet | None = None
        self.combos: list[QComboBox] = []
        self.setTitle(self.tr("Columns"))
        intro = _wrapped(self.tr(
            "Which field each column of the sheet fills. Columns recognised by their header are chosen "
            "already; change any that is wrong, or choose “(ignore)” to leave a column out."))
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("mapping")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("Header in the file"), self.tr("First value"), self.tr("Imported as")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.status = _wrapped(name="mappingStatus")
        self.error = _error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.error)

    def initializePage(self) -> None:  # noqa: N802
        read = self.state.sheet
        assert read is not None
        if read is self._built_for:
            return  # the same sheet as before: keep the user's choices
        self._built_for = read
        header = read.header
        fields = {i: f for f, i in header.columns.items()}
        first = next((r for r in read.data.rows[header.row:] if any(c is not None for c in r)), [])
        self.table.setRowCount(len(header.labels))
        self.combos = []
        for c, label in enumerate(header.labels):
            field = fields.get(c)
            example = first[c] if c < len(first) else None
            for column, text in ((self.COLUMN, roster.column_letter(c)), (self.LABEL, label),
                                 (self.EXAMPLE, cell_text(example, field))):
                self.table.setItem(c, column, QTableWidgetItem(text))
            combo = QComboBox()
            combo.addItem(self.tr("(ignore)"), None)
            for f in FIELDS:
                combo.addItem(field_label(f), f)
            combo.setCurrentIndex(FIELDS.index(field) + 1 if field else 0)
            combo.currentIndexChanged.connect(self._changed)
            combo.setAccessibleName(self.tr("Column {column}").format(column=roster.column_letter(c)))
            self.table.setCellWidget(c, self.FIELD, combo)
            self.combos.append(combo)
        self.table.resizeColumnsToContents()
        self._changed()

    def columns(self) -> dict[str, int]:
        chosen: dict[str, int] = {}
        for c, combo in enumerate(self.combos):
            field = combo.currentData()
            if field is not None and field not in chosen:
                chosen[field] = c
        return chosen

    def _problems(self) -> list[str]:
        seen: dict[str, list[str]] = {}
        for c, combo in enumerate(self.combos):
            field = combo.currentData()
            if field is not None:
                seen.setdefault(field, []).append(roster.column_letter(c))
        problems = [self.tr("“{field}” is chosen for more than one column ({columns}); keep one.").format(
            field=field_label(f), columns=", ".join(cols)) for f, cols in seen.items() if len(cols) > 1]
        if "name" not in seen:
            problems.append(self.tr("Choose the column that holds the name: a roster row needs one."))
        return problems

    def _changed(self, _index: int = 0) -> None:
        mapped = sum(1 for combo in self.combos if combo.currentData() is not None)
        self.status.setText(self.tr("{mapped} of {total} columns will be imported.").format(
            mapped=mapped, total=len(self.combos)))
        self.error.setText("\n".join(self._problems()))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.combos) and not self._problems()

    def validatePage(self) -> bool:  # noqa: N802
        assert self.state.sheet is not None
        detected = self.state.sheet.header
        columns = self.columns()
        used = set(columns.values())
        unmapped = [i for i, label in enumerate(detected.labels) if label and i not in used]
        self.state.header = dataclasses.replace(detected, columns=columns, unmapped=unmapped)
        return True


