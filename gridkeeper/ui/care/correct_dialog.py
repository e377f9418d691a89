"""Correcting a contact after the undo has gone: what it really was, and why (both kept)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from gridkeeper import care
from gridkeeper.ui.care import labels as care_labels


class CorrectDialog(QDialog):
    def __init__(self, who: str, recorded: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Correct a contact"))
        self.who = QLabel(who)
        self.who.setWordWrap(True)
        self.recorded = QLabel(recorded)
        self.outcome = QComboBox()
        self.outcome.setObjectName("outcome")
        for code in care.CORRECTIONS:
            self.outcome.addItem(care_labels.outcome(code), code)
        self.outcome.setCurrentIndex(self.outcome.findData(care.VOID))
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("Why, e.g. Enter pressed on the wrong row"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(False)  # a correction says why
        self.reason.textChanged.connect(lambda text: save.setEnabled(bool(text.strip())))
        note = QLabel(self.tr("The record stays as it was; the correction is kept beside it with your name."))
        note.setWordWrap(True)
        note.setObjectName("hint")

        form = QFormLayout(self)
        form.addRow(self.tr("Person:"), self.who)
        form.addRow(self.tr("Recorded:"), self.recorded)
        form.addRow(self.tr("It really &was:"), self.outcome)
        form.addRow(self.tr("&Why:"), self.reason)
        form.addRow(note)
        form.addRow(self.buttons)
        self.reason.setFocus()
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("国") * 36)

    def values(self) -> tuple[str, str]:
        return self.outcome.currentData(), self.reason.text()
