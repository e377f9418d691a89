"""Import a household roster: file, sheet, columns, preview, import, summary.

Reading, checking and importing run as Jobs off the UI thread (a 50,000-row
roster takes seconds); pages only show what the jobs hand back. The wizard
calls the import use case and the roster reader, never SQL.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from gridkeeper import idnumber, phone, roster_import
from gridkeeper.io import roster
from gridkeeper.io.roster import FIELD_LABELS, FIELDS, Header, RosterError, RosterRow, Sheet
from gridkeeper.io.roster_rejects import write_rejected
from gridkeeper.roster_import import ImportCancelled, ImportReport
from gridkeeper.store import Store
from gridkeeper.ui.worker import Job, database_pool

PREVIEW_ROWS = 200
SHEET_PREVIEW_ROWS = 8
ERROR_TINT = QColor("#f2a7a7")  # the cell with the problem
WARNING_TINT = QColor("#f7d872")
ERROR_ROW_TINT = QColor("#fbe1e1")  # the rest of its row
WARNING_ROW_TINT = QColor("#fdf3cf")
HEADER_TINT = QColor("#d7e6f7")
_PHONE_CHUNK = re.compile(r"[^、,，;；/|\r\n\s]+")


def _translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def field_label(field: str) -> str:
    return QCoreApplication.translate("roster", FIELD_LABELS[field])


def cell_text(value: object, field: str | None = None) -> str:
    """A raw cell as the preview shows it; ID and phone numbers masked (PIPL)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        text = str(int(value))
    elif isinstance(value, datetime):
        text = value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    elif isinstance(value, date):
        text = value.isoformat()
    else:
        text = str(value)
    if field == "id_number":
        return idnumber.mask(text)
    if field == "phones":
        return _PHONE_CHUNK.sub(lambda m: phone.mask(m[0]), text)
    return text


class _ErrorLabel(QLabel):
    """Red, and out of the way while it has nothing to say."""

    def setText(self, text: str) -> None:  # noqa: N802
        super().setText(text)
        self.setVisible(bool(text))


def _error_label() -> QLabel:
    label = _ErrorLabel()
    label.setVisible(False)
    label.setObjectName("error")
    label.setStyleSheet("color: #b00020")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _wrapped(text: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


def _readonly_table(name: str) -> QTableWidget:
    table = QTableWidget()
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


class RosterWizard(QWizard):
    """Import household roster. Emits `imported(ImportReport)` once rows are stored."""

    imported = Signal(object)
    FILE, SHEET, MAPPING, PREVIEW, IMPORT, SUMMARY = range(6)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.path: Path | None = None
        self.sheet: Sheet | None = None
        self.detected: Header | None = None  # as found in the file
        self.header: Header | None = None  # as mapped by the user
        self.rows: list[RosterRow] = []  # every data row, checked with `header`
        self.report: ImportReport | None = None
        self._jobs: set[Job] = set()

        self.setWindowTitle(self.tr("Import household roster"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.file_page = FilePage(self)
        self.sheet_page = SheetPage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.import_page = ImportPage(self)
        self.summary_page = SummaryPage(self)
        for page_id, page in enumerate((self.file_page, self.sheet_page, self.mapping_page,
                                        self.preview_page, self.import_page, self.summary_page)):
            self.setPage(page_id, page)
        self.setStartId(self.FILE)
        self.resize(1000, 700)

    # -- jobs ----------------------------------------------------------------

    def run(self, fn: Callable[[Any, Any], Any], on_done: Callable[[Any], None],
            on_failed: Callable[[str], None], on_progress: Callable[[int, str], None] | None = None,
            *, database: bool = False) -> Job:
        """Start `fn` as a Job owned by the wizard; it is waited for when the wizard closes."""
        job = Job(fn, self)
        job.finished.connect(on_done)
        job.failed.connect(on_failed)
        if on_progress is not None:
            job.progress.connect(on_progress)
        job.finished.connect(lambda _r: self._forget(job))
        job.failed.connect(lambda _m: self._forget(job))
        self._jobs.add(job)
        job.start(database_pool() if database else None)
        return job

    def _forget(self, job: Job) -> None:
        self._jobs.discard(job)
        job.deleteLater()

    def reject(self) -> None:
        """Cancel (Escape, the close box) stops a running import first; a second Cancel closes."""
        if self.import_page.running():
            self.import_page.cancel()
            return
        super().reject()

    def done(self, result: int) -> None:
        for job in list(self._jobs):
            job.cancel()
            job.wait()
        super().done(result)


class FilePage(QWizardPage):
    def __init__(self, wizard: RosterWizard) -> None:
        super().__init__()
        self.w = wizard
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
        self.w.path = self.chosen()
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
    def __init__(self, wizard: RosterWizard) -> None:
        super().__init__()
        self.w = wizard
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
        path = self.w.path
        assert path is not None
        self._generation += 1
        generation = self._generation
        self._loading = True
        self.w.sheet = self.w.detected = None
        self.error.setText("")
        self.table.clear()
        self.table.setRowCount(0)
        self.table.setColumnCount(0)
        self.table.hide()
        self.note.hide()
        self.status.setText(self.tr("Reading {file}…").format(file=path.name))
        self.completeChanged.emit()

        def work(_progress: Any, _cancelled: Any) -> tuple[list[str], Sheet, Header | RosterError]:
            names = roster.list_sheets(path)
            data = roster.read_sheet(path, sheet)
            try:
                found: Header | RosterError = roster.detect_header(data)
            except RosterError as exc:
                found = exc
            return names, data, found

        self.w.run(work, lambda result: self._loaded(generation, result),
                   lambda message: self._failed(generation, message))

    def _loaded(self, generation: int, result: tuple[list[str], Sheet, Header | RosterError]) -> None:
        if generation != self._generation:
            return
        self._loading = False
        names, data, found = result
        self.sheets.blockSignals(True)
        self.sheets.clear()
        self.sheets.addItems(names)
        self.sheets.setCurrentText(data.name)
        self.sheets.setEnabled(len(names) > 1)
        self.sheets.blockSignals(False)
        self.w.sheet = data
        if isinstance(found, RosterError):
            self.status.setText(self.tr("Read the sheet “{sheet}”: %n row(s).", "", len(data.rows)).format(
                sheet=data.name))
            self.error.setText(found.translated(_translate)
                               + ("\n" + self.tr("Choose another sheet above.") if len(names) > 1 else ""))
            self._show_rows(data, None)
        else:
            self.w.detected = found
            data_rows = sum(1 for r in data.rows[found.row:] if any(c is not None for c in r))
            self.status.setText(self.tr(
                "Read the sheet “{sheet}”. The header is in row {row}, with {columns} known column(s); "
                "%n row(s) of data below it.", "", data_rows).format(
                    sheet=data.name, row=found.row, columns=len(found.columns)))
            self._show_rows(data, found)
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
        return not self._loading and self.w.detected is not None


class MappingPage(QWizardPage):
    COLUMN, LABEL, EXAMPLE, FIELD = range(4)

    def __init__(self, wizard: RosterWizard) -> None:
        super().__init__()
        self.w = wizard
        self._built_for: Sheet | None = None
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
        sheet, header = self.w.sheet, self.w.detected
        assert sheet is not None and header is not None
        if sheet is self._built_for:
            return  # the same sheet as before: keep the user's choices
        self._built_for = sheet
        fields = {i: f for f, i in header.columns.items()}
        first = next((r for r in sheet.rows[header.row:] if any(c is not None for c in r)), [])
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
        detected = self.w.detected
        assert detected is not None
        columns = self.columns()
        used = set(columns.values())
        unmapped = [i for i, label in enumerate(detected.labels) if label and i not in used]
        self.w.header = dataclasses.replace(detected, columns=columns, unmapped=unmapped)
        return True


class PreviewPage(QWizardPage):
    def __init__(self, wizard: RosterWizard) -> None:
        super().__init__()
        self.w = wizard
        self._generation = 0
        self._checked = False
        self.counts: Counter[str] = Counter()
        self.setTitle(self.tr("Preview"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Import"))
        self.totals = _wrapped(name="totals")
        font = self.totals.font()
        font.setBold(True)
        self.totals.setFont(font)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.error = _error_label()
        self.reasons = _readonly_table("reasons")
        self.reasons.setColumnCount(3)
        self.reasons.setHorizontalHeaderLabels([self.tr("Problem"), self.tr("Rows"), self.tr("For example")])
        self.reasons.verticalHeader().hide()
        self.reasons.horizontalHeader().setStretchLastSection(True)
        self.only_problems = QCheckBox(self.tr("Show only rows with problems"))
        self.only_problems.setObjectName("onlyProblems")
        self.only_problems.toggled.connect(lambda _on: self._fill_table())
        self.shown = _wrapped(name="shown")
        self.table = _readonly_table("preview")
        legend = _wrapped(self.tr(
            "Red: the row is rejected and will not be imported. Yellow: a warning; the row is imported "
            "without the doubtful value. Point at a cell to read why. ID and phone numbers are masked."), "hint")
        row = QHBoxLayout()
        row.addWidget(self.shown, 1)
        row.addWidget(self.only_problems)
        layout = QVBoxLayout(self)
        layout.addWidget(self.totals)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        layout.addWidget(self.reasons)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(legend)

    def initializePage(self) -> None:  # noqa: N802
        sheet, header = self.w.sheet, self.w.header
        assert sheet is not None and header is not None
        self._generation += 1
        generation = self._generation
        self._checked = False
        self.w.rows = []
        self.error.setText("")
        self.totals.setText(self.tr("Checking every row…"))
        self.busy.show()
        for widget in (self.reasons, self.table):
            widget.setRowCount(0)
        self.completeChanged.emit()
        self.w.run(lambda _p, _c: roster.validate(sheet, header),
                   lambda rows: self._checked_rows(generation, rows),
                   lambda message: self._failed(generation, message))

    def _failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.busy.hide()
            self.totals.setText("")
            self.error.setText(message)

    def _checked_rows(self, generation: int, rows: list[RosterRow]) -> None:
        if generation != self._generation:
            return
        self.busy.hide()
        self.w.rows = rows
        self._checked = True
        rejected = sum(1 for r in rows if r.rejected)
        warned = sum(1 for r in rows if not r.rejected and r.issues)
        self.totals.setText(self.tr(
            "{rows} rows read · {ok} will be imported · {rejected} rejected · {warned} with warnings").format(
                rows=f"{len(rows):,}", ok=f"{len(rows) - rejected:,}", rejected=f"{rejected:,}",
                warned=f"{warned:,}"))
        self._fill_reasons(rows)
        self._fill_table()
        self.completeChanged.emit()

    def _fill_reasons(self, rows: list[RosterRow]) -> None:
        self.counts = Counter()
        example: dict[str, str] = {}
        severity: dict[str, str] = {}
        for r in rows:
            for issue in r.issues:
                example.setdefault(issue.code, issue.text(_translate))
                if severity.get(issue.code) != "error":
                    severity[issue.code] = issue.severity
            self.counts.update({i.code for i in r.issues})
        order = sorted(self.counts, key=lambda code: (severity[code] != "error", -self.counts[code], code))
        self.reasons.setRowCount(len(order))
        for i, code in enumerate(order):
            tint = ERROR_TINT if severity[code] == "error" else WARNING_TINT
            kind = self.tr("rejected") if severity[code] == "error" else self.tr("warning")
            items = (QTableWidgetItem(f"{code} ({kind})"),
                     QTableWidgetItem(self.tr("%n row(s)", "", self.counts[code])),
                     QTableWidgetItem(example[code]))
            items[0].setBackground(tint)
            items[0].setForeground(QColor("black"))
            items[2].setToolTip(example[code])
            for c, item in enumerate(items):
                self.reasons.setItem(i, c, item)
        self.reasons.setVisible(bool(order))
        self.reasons.resizeColumnsToContents()
        self.reasons.resizeRowsToContents()
        shown_rows = min(len(order), 6)  # more scroll
        height = self.reasons.horizontalHeader().sizeHint().height() + 2 * self.reasons.frameWidth() + sum(
            self.reasons.rowHeight(r) for r in range(shown_rows))
        self.reasons.setFixedHeight(height)

    def _fill_table(self) -> None:
        sheet, header = self.w.sheet, self.w.header
        if sheet is None or header is None or not self._checked:
            return
        rows = [r for r in self.w.rows if r.issues] if self.only_problems.isChecked() else self.w.rows
        shown = rows[:PREVIEW_ROWS]
        if self.only_problems.isChecked():
            self.shown.setText(self.tr("Rows with problems: the first %n shown.", "", len(shown)))
        else:
            self.shown.setText(self.tr("The first %n row(s) of the sheet.", "", len(shown)))
        width = len(header.labels)
        fields = {i: f for f, i in header.columns.items()}
        self.table.clear()
        self.table.setRowCount(len(shown))
        self.table.setColumnCount(width)
        self.table.setHorizontalHeaderLabels(
            [f"{roster.column_letter(c)} {label}".strip() for c, label in enumerate(header.labels)])
        for i, r in enumerate(shown):
            values = sheet.rows[r.row - 1] if r.row - 1 < len(sheet.rows) else []
            texts = [issue.text(_translate) for issue in r.issues]
            cells: dict[int, list[int]] = {}  # column -> its issues (-1: the row as a whole)
            for n, issue in enumerate(r.issues):
                cells.setdefault(_column_index(issue.column), []).append(n)
            head = QTableWidgetItem(str(r.row))
            head.setToolTip("\n".join(texts))
            self.table.setVerticalHeaderItem(i, head)
            for c in range(width):
                item = QTableWidgetItem(cell_text(values[c] if c < len(values) else None, fields.get(c)))
                if r.issues:
                    own = cells.get(c, [])
                    if own:
                        error = any(r.issues[n].severity == "error" for n in own)
                        item.setBackground(ERROR_TINT if error else WARNING_TINT)
                        item.setToolTip("\n".join(texts[n] for n in own))
                    else:
                        item.setBackground(ERROR_ROW_TINT if r.rejected else WARNING_ROW_TINT)
                        item.setToolTip("\n".join(texts))
                    item.setForeground(QColor("black"))
                self.table.setItem(i, c, item)
        self.table.resizeColumnsToContents()
        for c in range(width):
            self.table.setColumnWidth(c, min(self.table.columnWidth(c), 260))

    def isComplete(self) -> bool:  # noqa: N802
        return self._checked and bool(self.w.rows)


def _column_index(letters: str) -> int:
    """0-based index of an Excel column name; -1 when the issue names no column."""
    letters = (letters or "").strip().upper()
    if not letters.isalpha() or not letters.isascii():
        return -1
    index = 0
    for ch in letters:
        index = index * 26 + ord(ch) - 64
    return index - 1


class ImportPage(QWizardPage):
    def __init__(self, wizard: RosterWizard) -> None:
        super().__init__()
        self.w = wizard
        self._job: Job | None = None
        self._done = False
        self.setTitle(self.tr("Importing"))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Summary"))
        self.step = _wrapped(name="step")
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.setRange(0, 100)
        self.cancel_button = QPushButton(self.tr("&Cancel import"))
        self.cancel_button.setObjectName("cancelImport")
        self.cancel_button.clicked.connect(self.cancel)
        self.result = _wrapped(name="importResult")
        self.error = _error_label()
        note = _wrapped(self.tr(
            "The import is one transaction: if it is cancelled or fails, the profile stays as it was."), "hint")
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.step)
        layout.addLayout(row)
        layout.addWidget(self.result)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(note)
        self._steps = {
            "reading": self.tr("Reading the file…"),
            "checking rows": self.tr("Checking the rows…"),
            "comparing with the profile": self.tr("Comparing with the households already in this profile…"),
            "search index": self.tr("Updating the search index…"),
            "done": self.tr("Done."),
        }

    def running(self) -> bool:
        return self._job is not None and self._job.is_running()

    def initializePage(self) -> None:  # noqa: N802
        store, path, sheet, header = self.w.store, self.w.path, self.w.sheet, self.w.header
        assert path is not None and sheet is not None and header is not None
        self._done = False
        self.w.report = None
        self.result.setText("")
        self.error.setText("")
        self.progress.setValue(0)
        self.progress.show()
        self.step.setText(self._steps["reading"])
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self._set_wizard_buttons(False)

        def work(progress: Any, cancelled: Any) -> ImportReport:
            return roster_import.import_roster(store, path, sheet.name, header=header,
                                               progress=progress, cancelled=cancelled)

        self._job = self.w.run(work, self._finished, self._failed, self._progress, database=True)
        self.completeChanged.emit()

    def _set_wizard_buttons(self, enabled: bool) -> None:
        """While importing, only our Cancel acts: no Back, no Next, no closing halfway."""
        b = QWizard.WizardButton
        layout = [b.Stretch]
        if enabled:  # QWizard shows only the ones that apply to the current page
            layout += [b.BackButton, b.NextButton, b.CommitButton, b.FinishButton, b.CancelButton]
        self.w.setButtonLayout(layout)

    def cancel(self) -> None:
        if self.running():
            assert self._job is not None
            self._job.cancel()
            self.cancel_button.setEnabled(False)
            self.step.setText(self.tr("Cancelling: undoing what was written…"))

    def _progress(self, percent: int, step: str) -> None:
        self.progress.setValue(percent)
        if not (self._job and self._job.cancelled()):
            self.step.setText(self._steps.get(step, self.tr("Storing the households and persons…")))

    def _finished(self, report: ImportReport) -> None:
        self._job = None
        self._done = True
        self.w.report = report
        self.progress.setValue(100)
        self.step.setText(self._steps["done"])
        self.cancel_button.hide()
        self.result.setText(self.tr("The roster was imported."))
        self._set_wizard_buttons(True)
        self.completeChanged.emit()
        self.w.imported.emit(report)
        if self.w.currentPage() is self:
            self.w.next()

    def _failed(self, message: str) -> None:
        cancelled = self._job is not None and isinstance(self._job.error, ImportCancelled)
        self._job = None
        self.cancel_button.hide()
        self.progress.hide()
        again = self.tr("Go back to change something and import again, or close the wizard.")
        if cancelled:  # the message says so: "The import was cancelled; nothing was changed."
            self.step.setText(self.tr("Cancelled."))
            self.result.setText(message + "\n" + again)
        else:
            self.step.setText(self.tr("The import failed."))
            self.error.setText(message + "\n" + self.tr("Nothing was changed in the profile."))
            self.result.setText(again)
        self._set_wizard_buttons(True)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return self._done


class SummaryPage(QWizardPage):
    def __init__(self, wizard: RosterWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Summary"))
        self.setFinalPage(True)
        self.summary = _wrapped(name="summary")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems_title = _wrapped(name="problemsTitle")
        self.problems = QListWidget()
        self.problems.setObjectName("problems")
        self.problems.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Save rejected rows…"))
        self.save_button.setObjectName("saveRejected")
        self.save_button.clicked.connect(self.save_rejected)
        self.saved = _wrapped(name="savedStatus")
        self.saved.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems_title)
        layout.addWidget(self.problems, 1)
        layout.addLayout(row)
        layout.addWidget(self.saved)

    def initializePage(self) -> None:  # noqa: N802
        report = self.w.report
        assert report is not None
        lines = [
            self.tr("Read %n row(s) from the sheet “{sheet}” of {file}.", "", report.rows_read).format(
                sheet=report.sheet, file=Path(report.path).name),
            self.tr("%n person(s) added.", "", report.persons_created),
            self.tr("%n person(s) updated.", "", report.persons_updated),
            self.tr("%n person(s) already up to date, left unchanged.", "", report.persons_unchanged),
            self.tr("%n household(s) added.", "", report.households_created),
            self.tr("%n household(s) updated.", "", report.households_updated),
        ]
        rejected = len(report.rejected_rows)
        if rejected:
            lines.append(self.tr(
                "%n row(s) rejected and not imported. Save them, fix them in Excel and import that "
                "file again.", "", rejected))
        else:
            lines.append(self.tr("No row was rejected."))
        if report.warnings:
            lines.append(self.tr("%n warning(s): those rows were imported without the doubtful values.", "",
                                 len(report.warnings)))
        self.summary.setText("\n".join(lines))
        self.problems.clear()
        for issue in report.rejected:
            self.problems.addItem(self.tr("Rejected: {text}").format(text=issue.text(_translate)))
        for issue in report.warnings:
            self.problems.addItem(self.tr("Warning: {text}").format(text=issue.text(_translate)))
        has_problems = bool(report.rejected or report.warnings)
        self.problems_title.setText(self.tr("Problems found:") if has_problems else "")
        self.problems_title.setVisible(has_problems)
        self.problems.setVisible(has_problems)
        self.save_button.setEnabled(rejected > 0)
        self.save_button.setVisible(rejected > 0)
        self.saved.setText("")

    def save_rejected(self) -> None:
        report, sheet, header = self.w.report, self.w.sheet, self.w.header
        if report is None or sheet is None or header is None or not report.rejected_rows:
            return
        source = Path(report.path)
        suggested = source.with_name(self.tr("{stem}-rejected.xlsx").format(stem=source.stem))
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the rejected rows"), str(suggested), self.tr("Excel workbook (*.xlsx)"))
        if not name:
            return
        target = Path(name)
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        rejected = set(report.rejected_rows)
        rows = [r for r in self.w.rows if r.row in rejected]
        try:
            written = write_rejected(target, sheet, header, rows, _translate)
        except OSError as exc:
            self.saved.setText(self.tr("The rows could not be saved to {path}: {reason}").format(
                path=str(target), reason=exc.strerror or str(exc)))
            return
        self.saved.setText(self.tr("Saved %n rejected row(s) with their problems to {path}.", "",
                                   written).format(path=str(target)))

