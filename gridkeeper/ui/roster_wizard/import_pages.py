"""The import in a worker with progress and cancel, then the summary."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from gridkeeper.io.roster_rejects import write_rejected
from gridkeeper.places import households, roster_import, street
from gridkeeper.places.roster_import import CheckedRoster, ImportCancelled, ImportReport
from gridkeeper.ui.roster_wizard.common import _error_label, _translate, _wrapped
from gridkeeper.ui.roster_wizard.state import RosterState
from gridkeeper.ui.worker import Job


class ImportPage(QWizardPage):
    starting = Signal()  # the import is about to start: it needs the machine more than anything else
    imported = Signal(object)  # ImportReport: the rows are stored (the search index caught up)

    def __init__(self, state: RosterState) -> None:
        super().__init__()
        self.state = state
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
        store, sheet, header = self.state.store, self.state.sheet, self.state.header
        assert sheet is not None and header is not None
        # The rows the preview checked, if they were checked with this sheet and mapping:
        # what the user saw is what is stored, and the file is not read a second time.
        checked = self.state.checked if self.state.checked_fits() else None
        self.starting.emit()
        self.setTitle(self.tr("Importing"))  # again, after a cancel or a failure
        self.step.setText(self._steps["comparing with the profile" if checked else "checking rows"])
        self._done = False
        self.state.report = None
        self.result.setText("")
        self.error.setText("")
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self._set_wizard_buttons(False)

        def work(progress: Any, cancelled: Any) -> tuple[ImportReport, CheckedRoster]:
            def importing(percent: int, step: str) -> None:
                if step != "done":  # the import goes up to 90 before its commit
                    progress(percent, step)

            with roster_import.gc_paused():  # from the plan to the commit, as the command line's import
                # The sheet read for the preview, never the file again: checked here only when the
                # preview's rows do not fit the mapping (they always do after the preview).
                rows = checked or roster_import.check(sheet, header, progress=importing, cancelled=cancelled,
                                                      area_code=street.area_code(store))
                planned = roster_import.plan(store, rows, progress=importing, cancelled=cancelled)
                report = roster_import.apply(store, planned, progress=importing, cancelled=cancelled)
            # Stored and committed; the search index catches up on the new households
            # (searches are right meanwhile, only slower), then the summary.
            progress(90, "search index")
            households.update_search_index(store)
            return report, rows

        self._job = self.state.run(work, self._finished, self._failed, self._progress, database=True)
        self.completeChanged.emit()

    def _set_wizard_buttons(self, enabled: bool) -> None:
        """While importing, only our Cancel acts: no Back, no Next, no closing halfway."""
        b = QWizard.WizardButton
        layout = [b.Stretch]
        if enabled:  # QWizard shows only the ones that apply to the current page
            layout += [b.BackButton, b.NextButton, b.CommitButton, b.FinishButton, b.CancelButton]
        self.wizard().setButtonLayout(layout)

    def cancel(self) -> None:
        if self.running():
            assert self._job is not None
            self._job.cancel()
            self.cancel_button.setEnabled(False)
            self.step.setText(self.tr("Cancelling: undoing what was written…"))

    def _progress(self, percent: int, step: str) -> None:
        self.progress.setValue(percent)
        if step == "search index":  # committed: nothing left to cancel
            self.cancel_button.setEnabled(False)
        if not (self._job and self._job.cancelled()):
            self.step.setText(self._steps.get(step, self.tr("Storing the households and persons…")))

    def _finished(self, result: tuple[ImportReport, CheckedRoster]) -> None:
        report, self.state.checked = result  # the rows stored: the summary saves the rejected ones
        self._job = None
        self._done = True
        self.state.report = report
        self.progress.setValue(100)
        self.step.setText(self._steps["done"])
        self.cancel_button.hide()
        self.result.setText(self.tr("The roster was imported."))
        self._set_wizard_buttons(True)
        self.completeChanged.emit()
        self.imported.emit(report)
        if self.wizard().currentPage() is self:
            self.wizard().next()

    def _failed(self, message: str) -> None:
        cancelled = self._job is not None and isinstance(self._job.error, ImportCancelled)
        self._job = None
        self.cancel_button.hide()
        self.progress.hide()
        self.setTitle(self.tr("Not imported"))  # not "Importing" over a cancelled or failed import
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
    def __init__(self, state: RosterState) -> None:
        super().__init__()
        self.state = state
        self.setTitle(self.tr("Summary"))
        self.setFinalPage(True)
        self.summary = _wrapped(name="summary")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.changes_title = _wrapped(name="changesTitle")
        self.changes = QListWidget()
        self.changes.setObjectName("changes")
        self.changes.setWordWrap(True)
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
        layout.addWidget(self.changes_title)
        layout.addWidget(self.changes, 1)
        layout.addWidget(self.problems_title)
        layout.addWidget(self.problems, 1)
        layout.addLayout(row)
        layout.addWidget(self.saved)

    def initializePage(self) -> None:  # noqa: N802
        report = self.state.report
        assert report is not None
        lines = [
            self.tr("Read %n row(s) from the sheet “{sheet}” of {file}.", "", report.rows_read).format(
                sheet=report.sheet, file=Path(report.path).name),
            self.tr("%n person(s) added.", "", report.persons_created),
            self.tr("%n person(s) updated.", "", report.persons_updated),
            self.tr("%n household(s) added.", "", report.households_created),
            self.tr("%n household(s) updated.", "", report.households_updated),
        ]
        if report.persons_unchanged:  # "0 persons already up to date" says nothing
            lines.insert(3, self.tr("%n person(s) already up to date, left unchanged.", "", report.persons_unchanged))
        rejected = len(report.rejected_rows)
        if rejected:
            lines.append(self.tr(
                "%n row(s) rejected and not imported. Save them, fix them in Excel and import that "
                "file again.", "", rejected))
        else:
            lines.append(self.tr("No row was rejected."))
        # Counted as the preview counts them: imported rows that have a warning (a rejected row's
        # warnings are listed below, but that row was not imported).
        # A row whose building no grid covers is told by compound below, not as a warning of its row.
        warned = len({i.row for i in report.warnings if i.code != "place_unassigned"} - set(report.rejected_rows))
        if warned:
            lines.append(self.tr("Imported with a warning, as each warning below says: %n row(s).", "",
                                 warned))
        if report.kept:
            lines.append(self.tr(
                "%n value(s) changed on another laptop after this workbook was saved were kept; the roster's "
                "values are on the Conflicts page to review.", "", len(report.kept)))
        if report.unassigned:
            lines.append(self.tr("In no grid yet (put their buildings in a grid on the Street setup page):"))
            lines.extend("  " + line for line in report.unassigned_lines(_translate))
        self.summary.setText("\n".join(lines))
        # What an updated roster changed, field by field (an update counted above is shown here).
        self.changes.clear()
        for change in report.changes:
            self.changes.addItem(change.text(_translate))
        for change in report.kept:
            self.changes.addItem(self.tr("Kept: {text}").format(text=change.text(_translate)))
        shown = bool(report.changes or report.kept)
        self.changes_title.setText(self.tr("Changed:") if shown else "")
        self.changes_title.setVisible(shown)
        self.changes.setVisible(shown)
        self.problems.clear()
        for issue in report.rejected:
            self.problems.addItem(self.tr("Rejected: {text}").format(text=issue.text(_translate)))
        warnings = [i for i in report.warnings if i.code != "place_unassigned"]
        for issue in warnings:
            self.problems.addItem(self.tr("Warning: {text}").format(text=issue.text(_translate)))
        has_problems = bool(report.rejected or warnings)
        self.problems_title.setText(self.tr("Problems found:") if has_problems else "")
        self.problems_title.setVisible(has_problems)
        self.problems.setVisible(has_problems)
        self.save_button.setEnabled(rejected > 0)
        self.save_button.setVisible(rejected > 0)
        self.saved.setText("")

    def save_rejected(self) -> None:
        report, checked = self.state.report, self.state.checked
        if report is None or checked is None or not report.rejected_rows:
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
        rows = [r for r in checked.rows if r.row in rejected]
        try:
            written = write_rejected(target, checked.sheet.data, checked.header, rows, _translate)
        except OSError as exc:
            self.saved.setText(self.tr("The rows could not be saved to {path}: {reason}").format(
                path=str(target), reason=exc.strerror or str(exc)))
            return
        said = self.tr("Saved %n rejected row(s) with their problems to {path}.", "", written.rows).format(
            path=str(target))
        if written.changed:  # a cell held what a workbook cannot: replaced by U+FFFD, or cut to Excel's limit
            said += " " + self.tr("%n cell(s) held characters a workbook cannot hold or more text than Excel "
                                  "allows; they were written with � in place of those characters or cut "
                                  "short.", "", written.changed)
        self.saved.setText(said)

