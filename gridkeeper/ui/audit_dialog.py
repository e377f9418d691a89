"""The audit log for an admin: who revealed, exported, dumped or printed personal data, and when."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gridkeeper.places import audit
from gridkeeper.store import Store

LIMIT = 2000


class AuditDialog(QDialog):
    """Newest first; read-only (the log is append-only and synced: every laptop's entries are here)."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditDialog")
        self.setWindowTitle(self.tr("Audit log"))
        self.resize(900, 560)
        actions = {"reveal": self.tr("Shown in full"), "export": self.tr("Exported in full"),
                   "dump": self.tr("Dumped (every number)"), "agreement": self.tr("Agreement printed")}
        entries = audit.entries(store, limit=LIMIT)
        self.intro = QLabel(self.tr("Every time a full ID or phone number was shown, exported or printed, on any "
                                    "laptop of the office: the newest %n entries.", "", len(entries)))
        self.intro.setWordWrap(True)
        self.table = QTableWidget(len(entries), 5)
        self.table.setObjectName("auditTable")
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What"),
                                              self.tr("Whose"), self.tr("Note")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for row, e in enumerate(entries):
            whose = e.subject if e.row_id != "*" else self.tr("many persons")
            cells = (e.at, e.who or e.device_id[:8], actions.get(e.action, e.action), whose, e.note)
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
