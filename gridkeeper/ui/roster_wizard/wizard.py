"""The wizard itself: pages in order, jobs it owns."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget, QWizard

from gridkeeper.io.roster import Header
from gridkeeper.places.roster_import import CheckedRoster, ImportReport, RosterSheet
from gridkeeper.store import Store
from gridkeeper.ui.roster_wizard.import_pages import ImportPage, SummaryPage
from gridkeeper.ui.roster_wizard.preview_page import PreviewPage
from gridkeeper.ui.roster_wizard.read_pages import FilePage, MappingPage, SheetPage
from gridkeeper.ui.worker import Job, database_pool


class RosterWizard(QWizard):
    """Import household roster. Emits `imported(ImportReport)` once rows are stored."""

    imported = Signal(object)
    FILE, SHEET, MAPPING, PREVIEW, IMPORT, SUMMARY = range(6)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.path: Path | None = None
        self.sheet: RosterSheet | None = None  # as read, with the header found in it
        self.header: Header | None = None  # as mapped by the user
        self.checked: CheckedRoster | None = None  # the rows the preview checked and showed
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

    def checked_fits(self) -> bool:
        """Whether `checked` holds the rows of the sheet and mapping the wizard has now."""
        checked, header = self.checked, self.header
        return checked is not None and header is not None and checked.sheet is self.sheet and \
            (checked.header.row, checked.header.columns) == (header.row, header.columns)

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
        # Not deleteLater(): deleting a Job whose signal still holds a lambda has crashed
        # PySide; the wizard owns its jobs (their parent) and frees them when it goes.
        self._jobs.discard(job)

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


