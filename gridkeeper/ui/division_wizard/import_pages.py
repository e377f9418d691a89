"""The import in a worker (one transaction: all of the table or nothing), then what it did."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QProgressBar, QVBoxLayout, QWizard, QWizardPage

from gridkeeper.places import division
from gridkeeper.places.division import DivisionReport
from gridkeeper.ui.division_wizard import summary_text
from gridkeeper.ui.division_wizard.reasons import MOVED, RELEASED, kind_of
from gridkeeper.ui.division_wizard.state import DivisionState
from gridkeeper.ui.roster_wizard.common import WARNING_ROW_TINT, _error_label, _translate, _wrapped
from gridkeeper.ui.worker import Job


class ImportPage(QWizardPage):
    """apply() has no cancel: it is one short transaction under the write lock, so the page waits
    for it and says why; closing the wizard meanwhile waits too."""

    imported = Signal(object)  # DivisionReport, once the table is written

    def __init__(self, state: DivisionState) -> None:
        super().__init__()
        self.state = state
        self._job: Job | None = None
        self._done = False
        self.setTitle(self.tr("Importing the grid division table"))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Summary"))
        self.step = _wrapped(name="step")
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.setTextVisible(False)
        self.error = _error_label()
        note = _wrapped(self.tr(
            "The import is one transaction: the whole table is written, or nothing is. It cannot be stopped "
            "halfway; it takes seconds."), "hint")
        layout = QVBoxLayout(self)
        layout.addWidget(self.step)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(note)

    def running(self) -> bool:
        return self._job is not None and self._job.is_running()

    def initializePage(self) -> None:  # noqa: N802
        store, planned = self.state.store, self.state.plan
        assert planned is not None
        self.setTitle(self.tr("Importing the grid division table"))
        self._done = False
        self.state.report = None
        self.error.setText("")
        self.step.setText(self.tr("Writing the grids, buildings and stints…"))
        self.progress.setRange(0, 0)
        self.progress.show()
        self._set_wizard_buttons(False)

        def work(_progress: Any, _cancelled: Any) -> DivisionReport:
            return division.apply(store, planned)  # plans again itself if the profile changed since

        self._job = self.state.run(work, self._finished, self._failed, database=True)
        self.completeChanged.emit()

    def _set_wizard_buttons(self, enabled: bool) -> None:
        b = QWizard.WizardButton
        layout = [b.Stretch]
        if enabled:
            layout += [b.BackButton, b.NextButton, b.CommitButton, b.FinishButton, b.CancelButton]
        self.wizard().setButtonLayout(layout)

    def _finished(self, report: DivisionReport) -> None:
        self._job = None
        self._done = True
        self.state.report = report
        self.progress.setRange(0, 100)
        self.progress.setValue(100)
        self.step.setText(self.tr("Done."))
        self._set_wizard_buttons(True)
        self.completeChanged.emit()
        if report.imported:
            self.imported.emit(report)
        if self.wizard().currentPage() is self:
            self.wizard().next()

    def _failed(self, message: str) -> None:
        self._job = None
        self.progress.hide()
        self.setTitle(self.tr("Not imported"))
        self.step.setText(self.tr("The import failed."))
        self.error.setText(message + "\n" + self.tr(
            "Nothing was changed in the profile. Go back to import again, or close the wizard."))
        self._set_wizard_buttons(True)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return self._done


class SummaryPage(QWizardPage):
    def __init__(self, state: DivisionState) -> None:
        super().__init__()
        self.state = state
        self.setTitle(self.tr("Summary"))
        self.setFinalPage(True)
        self.summary = _wrapped(name="summary")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.changes_title = _wrapped(self.tr("Changed:"), "changesTitle")
        self.changes = QListWidget()
        self.changes.setObjectName("changes")
        self.changes.setWordWrap(True)
        self.warnings_title = _wrapped(self.tr("Warnings:"), "warningsTitle")
        self.warnings = QListWidget()
        self.warnings.setObjectName("warnings")
        self.warnings.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.changes_title)
        layout.addWidget(self.changes, 2)
        layout.addWidget(self.warnings_title)
        layout.addWidget(self.warnings, 1)

    def initializePage(self) -> None:  # noqa: N802
        report = self.state.report
        assert report is not None
        head = self.tr("Read %n row(s) from the sheet “{sheet}” of {file}.", "", report.rows_read).format(
            sheet=report.sheet, file=Path(report.path).name)
        if report.imported:
            lines = [head, self.tr("The table was imported."), *summary_text.lines(report, done=True)]
        else:  # planned again at the write and found nothing to do (the same table, or synced meanwhile)
            lines = [head, self.tr("The profile already held what this table says: nothing was changed.")]
        self.summary.setText("\n".join(lines))
        self.changes.clear()
        for change in report.changes:
            item = QListWidgetItem(division.change_text(change, _translate))
            if kind_of(change) in (MOVED, RELEASED):
                item.setBackground(WARNING_ROW_TINT)
                item.setForeground(QColor("black"))
            self.changes.addItem(item)
        self.warnings.clear()
        for issue in report.warnings:
            self.warnings.addItem(issue.text(_translate))
        for title, widget in ((self.changes_title, self.changes), (self.warnings_title, self.warnings)):
            title.setVisible(widget.count() > 0)
            widget.setVisible(widget.count() > 0)
