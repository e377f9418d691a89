"""The wizard itself: pages in order, the state they share, the signals between them."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget, QWizard

from gridkeeper.store import Store
from gridkeeper.ui.roster_wizard.import_pages import ImportPage, SummaryPage
from gridkeeper.ui.roster_wizard.preview_page import PreviewPage
from gridkeeper.ui.roster_wizard.read_pages import FilePage, MappingPage, SheetPage
from gridkeeper.ui.roster_wizard.state import RosterState


class RosterWizard(QWizard):
    """Import household roster. Emits `imported(ImportReport)` once rows are stored."""

    imported = Signal(object)
    FILE, SHEET, MAPPING, PREVIEW, IMPORT, SUMMARY = range(6)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = RosterState(store, self)

        self.setWindowTitle(self.tr("Import household roster"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.file_page = FilePage(self.state)
        self.sheet_page = SheetPage(self.state)
        self.mapping_page = MappingPage(self.state)
        self.preview_page = PreviewPage(self.state)
        self.import_page = ImportPage(self.state)
        self.summary_page = SummaryPage(self.state)
        for page_id, page in enumerate((self.file_page, self.sheet_page, self.mapping_page,
                                        self.preview_page, self.import_page, self.summary_page)):
            self.setPage(page_id, page)
        # What is not warmed yet when the import starts, the index catch-up makes itself.
        self.import_page.starting.connect(self.preview_page.stop_warming)
        self.import_page.imported.connect(self.imported)
        self.setStartId(self.FILE)
        self.resize(1000, 700)

    def reject(self) -> None:
        """Cancel (Escape, the close box) stops a running import first; a second Cancel closes."""
        if self.import_page.running():
            self.import_page.cancel()
            return
        super().reject()

    def done(self, result: int) -> None:
        self.state.stop_jobs()
        super().done(result)
