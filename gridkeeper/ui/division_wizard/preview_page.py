"""Every row checked and compared with the profile (a dry run): problems in red and yellow with their
reasons, what importing creates, moves and releases. A refused table cannot be imported."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from gridkeeper.io import roster_read
from gridkeeper.io.roster_rows import ERROR, Issue
from gridkeeper.places import division
from gridkeeper.places.division import DivisionPlan, DivisionReport
from gridkeeper.ui.division_wizard import summary_text
from gridkeeper.ui.division_wizard.reasons import CREATED, MOVED, OTHER, PLACED, RELEASED, kind_of, reason_label
from gridkeeper.ui.division_wizard.state import DivisionState
from gridkeeper.ui.roster_wizard.common import (
    ERROR_ROW_TINT,
    ERROR_TINT,
    WARNING_ROW_TINT,
    WARNING_TINT,
    _error_label,
    _readonly_table,
    _translate,
    _wrapped,
    cell_text,
)

_KIND_TINT = {MOVED: WARNING_ROW_TINT, RELEASED: WARNING_ROW_TINT}


def _column_index(letters: str) -> int:
    """0-based index of an Excel column name; -1 when the issue names no column."""
    letters = (letters or "").strip().upper()
    if not letters.isalpha() or not letters.isascii():
        return -1
    index = 0
    for ch in letters:
        index = index * 26 + ord(ch) - 64
    return index - 1


class PreviewPage(QWizardPage):
    def __init__(self, state: DivisionState) -> None:
        super().__init__()
        self.state = state
        self._generation = 0
        self.report: DivisionReport | None = None  # the dry run shown
        self.setTitle(self.tr("Preview: what importing the table does"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Import"))
        self.totals = _wrapped(name="totals")
        font = self.totals.font()
        font.setBold(True)
        self.totals.setFont(font)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.error = _error_label()
        self.error.setObjectName("refused")
        self.verdict = _wrapped(name="verdict")
        self.reasons = _readonly_table("reasons")
        self.reasons.setColumnCount(3)
        self.reasons.setHorizontalHeaderLabels([self.tr("Problem"), self.tr("Rows"), self.tr("For example")])
        self.reasons.verticalHeader().hide()
        self.reasons.horizontalHeader().setStretchLastSection(True)
        self.tabs = QTabWidget()
        self.changes = QListWidget()
        self.changes.setObjectName("changes")
        self.changes.setWordWrap(True)
        self.table = _readonly_table("preview")
        self.tabs.addTab(self.changes, self.tr("Changes"))
        self.tabs.addTab(self.table, self.tr("Rows of the table"))
        legend = _wrapped(self.tr(
            "Red: a rejected row; one rejected row refuses the whole table, and nothing is imported. Yellow: a "
            "warning (a building that moves or leaves its grid, a stint that ends, a column not read); the "
            "table is imported as the warning says. Point at a cell to read why."), "hint")
        layout = QVBoxLayout(self)
        layout.addWidget(self.totals)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        layout.addWidget(self.verdict)
        layout.addWidget(self.reasons)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(legend)

    def initializePage(self) -> None:  # noqa: N802
        sheet, store = self.state.sheet, self.state.store
        assert sheet is not None
        self._generation += 1
        generation = self._generation
        self.report = None
        self.state.checked = self.state.plan = None
        self.error.setText("")
        self.verdict.setText("")
        self.totals.setText(self.tr("Checking every row and comparing it with the profile…"))
        self.busy.show()
        self.reasons.hide()
        self.changes.clear()
        self.table.setRowCount(0)
        self.completeChanged.emit()

        def work(_progress: Any, _cancelled: Any) -> DivisionPlan:
            return division.plan(store, division.check_sheet(store, sheet))

        self.state.run(work, lambda planned: self._planned(generation, planned),
                       lambda message: self._failed(generation, message), database=True)

    def _failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.busy.hide()
            self.totals.setText("")
            self.error.setText(message)

    def _planned(self, generation: int, planned: DivisionPlan) -> None:
        if generation != self._generation:
            return
        self.busy.hide()
        self.state.checked, self.state.plan = planned.checked, planned
        report = self.report = division.report_of(planned, dry_run=True)
        rejected = len(report.rejected_rows)
        data_rows = {r.row for r in planned.checked.rows}  # not the header's own warnings (a column not read)
        warned = len(({i.row for i in report.warnings} & data_rows) - set(report.rejected_rows))
        self.totals.setText(self.tr("{rows} rows read · {rejected} rejected · {warned} with warnings").format(
            rows=report.rows_read, rejected=rejected, warned=warned))
        if report.rejected:
            self.error.setText(self.tr(
                "This table cannot be imported: there are problems in %n row(s) (in red below, with the reason). A table "
                "is imported whole or not at all, so nothing will be written. Correct the rows in Excel, save the "
                "file and choose it again.", "", rejected))
            self.verdict.setText("")
            self.tabs.setCurrentWidget(self.table)
        elif report.unchanged:
            self.verdict.setText(self.tr(
                "The profile already holds what this table says: importing it changes nothing."))
            self.tabs.setCurrentWidget(self.table)
        else:
            self.verdict.setText("\n".join(summary_text.lines(report, done=False)))
            self.tabs.setCurrentWidget(self.changes)
        self._fill_reasons(report)
        self._fill_changes(report)
        self._fill_table(report)
        self.completeChanged.emit()

    def _fill_reasons(self, report: DivisionReport) -> None:
        issues = [*report.rejected, *report.warnings]
        rows: dict[str, set[int]] = defaultdict(set)
        example: dict[str, str] = {}
        error: dict[str, bool] = defaultdict(bool)
        for i in issues:
            rows[i.code].add(i.row)
            example.setdefault(i.code, i.text(_translate))
            error[i.code] |= i.severity == ERROR
        order = sorted(rows, key=lambda code: (not error[code], -len(rows[code]), code))
        self.reasons.setRowCount(len(order))
        for n, code in enumerate(order):
            kind = self.tr("rejected") if error[code] else self.tr("warning")
            numbers = "、".join(str(r) for r in sorted(rows[code])[:12]) + ("…" if len(rows[code]) > 12 else "")
            items = (QTableWidgetItem(f"{reason_label(code)} · {code} ({kind})"),
                     QTableWidgetItem(numbers), QTableWidgetItem(example[code]))
            items[0].setBackground(ERROR_TINT if error[code] else WARNING_TINT)
            items[0].setForeground(QColor("black"))
            items[2].setToolTip(example[code])
            for c, item in enumerate(items):
                self.reasons.setItem(n, c, item)
        self.reasons.setVisible(bool(order))
        self.reasons.resizeColumnsToContents()
        self.reasons.resizeRowsToContents()
        self.reasons.setColumnWidth(0, min(self.reasons.columnWidth(0), 320))
        height = self.reasons.horizontalHeader().sizeHint().height() + 2 * self.reasons.frameWidth() + sum(
            self.reasons.rowHeight(r) for r in range(min(len(order), 5)))
        self.reasons.setFixedHeight(height)

    def _fill_changes(self, report: DivisionReport) -> None:
        self.changes.clear()
        order = {CREATED: 0, PLACED: 1, MOVED: 2, RELEASED: 3, OTHER: 4}
        for change in sorted(report.changes, key=lambda c: order[kind_of(c)]):
            item = QListWidgetItem(division.change_text(change, _translate))
            tint = _KIND_TINT.get(kind_of(change))
            if tint is not None:
                item.setBackground(tint)
                item.setForeground(QColor("black"))
            self.changes.addItem(item)
        self.tabs.setTabText(0, self.tr("Changes ({n})").format(n=len(report.changes)))

    def _fill_table(self, report: DivisionReport) -> None:
        sheet, checked = self.state.sheet, self.state.checked
        assert sheet is not None and checked is not None
        by_row: dict[int, list[Issue]] = defaultdict(list)
        for i in [*report.rejected, *report.warnings]:
            by_row[i.row].append(i)
        labels = [cell_text(v, "") for v in sheet.rows[sheet.header.row - 1]]
        width = len(labels)
        self.table.clear()
        self.table.setRowCount(len(checked.rows))
        self.table.setColumnCount(width)
        self.table.setHorizontalHeaderLabels(
            [f"{roster_read.column_letter(c)} {label}".strip() for c, label in enumerate(labels)])
        for n, r in enumerate(checked.rows):
            issues = by_row.get(r.row, [])
            texts = [i.text(_translate) for i in issues]
            rejected = any(i.severity == ERROR for i in issues)
            head = QTableWidgetItem(str(r.row))
            head.setToolTip("\n".join(texts))
            self.table.setVerticalHeaderItem(n, head)
            values = sheet.rows[r.row - 1] if r.row - 1 < len(sheet.rows) else []
            for c in range(width):
                item = QTableWidgetItem(cell_text(values[c] if c < len(values) else None, ""))
                own = [i for i in issues if _column_index(i.column) == c]
                if own:
                    item.setBackground(ERROR_TINT if any(i.severity == ERROR for i in own) else WARNING_TINT)
                    item.setToolTip("\n".join(i.text(_translate) for i in own))
                elif issues:
                    item.setBackground(ERROR_ROW_TINT if rejected else WARNING_ROW_TINT)
                    item.setToolTip("\n".join(texts))
                if issues:
                    item.setForeground(QColor("black"))
                self.table.setItem(n, c, item)
        self.table.resizeColumnsToContents()
        for c in range(width):
            self.table.setColumnWidth(c, min(self.table.columnWidth(c), 220))

    def isComplete(self) -> bool:  # noqa: N802
        """Import only a table that was checked and refused nothing."""
        return self.report is not None and not self.report.rejected
