"""The short form for a contact that was not simply "well": outcome, how, note, a need raised."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from gridkeeper import care
from gridkeeper.ui.care import labels as care_labels


class ContactDialog(QDialog):
    def __init__(self, who: str, outcome: str = "needs_help", parent: QWidget | None = None,
                 method: str = "phone", question: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(question or self.tr("Record a contact"))
        self.who = QLabel(who)
        self.who.setWordWrap(True)
        self.outcome = QComboBox()
        self.outcome.setObjectName("outcome")
        for code in care.OUTCOMES:
            self.outcome.addItem(care_labels.outcome(code), code)
        self.outcome.setCurrentIndex(max(0, self.outcome.findData(outcome)))
        self.method = QComboBox()
        self.method.setObjectName("method")
        for code in care.METHODS:
            self.method.addItem(care_labels.method(code), code)
        self.method.setCurrentIndex(max(0, self.method.findData(method)))
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.note.setPlaceholderText(self.tr("What was said, how they are"))
        self.need = QLineEdit()
        self.need.setObjectName("need")
        self.need.setPlaceholderText(self.tr("A need to follow up, e.g. medicine to be fetched"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        form = QFormLayout(self)
        if question:  # asked rather than assumed: say so above the form
            asked = QLabel(question)
            asked.setObjectName("question")
            asked.setWordWrap(True)
            form.addRow(asked)
        form.addRow(self.tr("Person:"), self.who)
        form.addRow(self.tr("&Outcome:"), self.outcome)
        form.addRow(self.tr("&How:"), self.method)
        form.addRow(self.tr("No&te:"), self.note)
        form.addRow(self.tr("N&eed raised:"), self.need)
        form.addRow(buttons)
        # Ending a plan or marking a person deceased changes the household file: say so before Save.
        self.warning = QLabel()
        self.warning.setObjectName("warning")
        self.warning.setWordWrap(True)
        self.outcome.currentIndexChanged.connect(self._warn)
        form.insertRow(form.rowCount() - 1, self.warning)
        self._warn()
        (self.method if question else self.outcome).setFocus()
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("国") * 28)

    def _warn(self) -> None:
        code = self.outcome.currentData()
        text = {
            "deceased": self.tr("Saving ends the plan and marks the person deceased in the household file."),
            "moved_out": self.tr("Saving ends the plan and marks the person moved out in the household file."),
            "refused": self.tr("Saving pauses the plan; restart it in the plan form when they agree again."),
        }.get(code, "")
        self.warning.setText(text)
        self.warning.setVisible(bool(text))

    def values(self) -> dict[str, str]:
        return {"outcome": self.outcome.currentData(), "method": self.method.currentData(),
                "note": self.note.text(), "need": self.need.text()}
