"""Restore from a backup: the profile's backups with their date, what made them and their size."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gridkeeper.store import backups


def size_text(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{max(1, n // 1000)} kB"


class RestoreDialog(QDialog):
    """Pick a backup; `chosen` once accepted. The restore itself is the controller's (it swaps the store)."""

    def __init__(self, root: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.chosen: backups.Backup | None = None
        self._found = backups.list_backups(root)
        intro = QLabel(self.tr(
            "The profile becomes the backup you choose; what was entered after it is replaced. The profile as it "
            "is now is backed up first, so a restore can be undone the same way. For sync the laptop then counts "
            "as a new one and joins its office again."))
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self._found), 3)
        self.table.setObjectName("backups")
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Made"), self.tr("Size")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, b in enumerate(self._found):
            reason = QCoreApplication.translate("backups", b.reason_label) or b.reason_label
            for col, text in enumerate((f"{b.taken:%Y-%m-%d %H:%M}", reason, size_text(b.size))):
                item = QTableWidgetItem(text)
                if col == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setToolTip(b.name)
                self.table.setItem(row, col, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.empty = QLabel(self.tr("There are no backups yet. GridKeeper makes one every day it is used."))
        self.empty.setVisible(not self._found)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = buttons.addButton(self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restore")
        self.restore_button.setEnabled(False)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.table.itemSelectionChanged.connect(
            lambda: self.restore_button.setEnabled(bool(self.table.selectionModel().selectedRows())))
        self.table.doubleClicked.connect(self._accept)
        layout = QVBoxLayout(self)
        for w in (intro, self.table, self.empty, buttons):
            layout.addWidget(w)
        self.resize(640, 420)

    def pick(self, name: str) -> None:
        for row, b in enumerate(self._found):
            if b.name == name:
                self.table.selectRow(row)

    def _accept(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        self.chosen = self._found[rows[0].row()]
        self.accept()
