"""The wizard: file, sheet, preview (a dry run), import, summary."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget, QWizard

from gridkeeper.store import Store
from gridkeeper.ui.division_wizard.file_pages import FilePage, SheetPage
from gridkeeper.ui.division_wizard.import_pages import ImportPage, SummaryPage
from gridkeeper.ui.division_wizard.preview_page import PreviewPage
from gridkeeper.ui.division_wizard.state import DivisionState


class DivisionWizard(QWizard):
    """Import grid division table. Emits `imported(DivisionReport)` once the table is written."""

    imported = Signal(object)
    FILE, SHEET, PREVIEW, IMPORT, SUMMARY = range(5)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = DivisionState(store, self)
        self.setWindowTitle(self.tr("Import grid division table"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.file_page = FilePage(self.state)
        self.sheet_page = SheetPage(self.state)
        self.preview_page = PreviewPage(self.state)
        self.import_page = ImportPage(self.state)
        self.summary_page = SummaryPage(self.state)
        for page_id, page in enumerate((self.file_page, self.sheet_page, self.preview_page, self.import_page,
                                        self.summary_page)):
            self.setPage(page_id, page)
        self.import_page.imported.connect(self.imported)
        self.setStartId(self.FILE)
        self.resize(1000, 700)

    def reject(self) -> None:
        """While the table is being written, closing waits for it (it cannot be cut halfway)."""
        if self.import_page.running():
            return
        super().reject()

    def done(self, result: int) -> None:
        self.state.stop_jobs()
        super().done(result)
