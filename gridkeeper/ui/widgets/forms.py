"""The parts every short form here shares: fields in a form layout, a red line for what is
wrong (the form stays open, nothing typed is lost), Save and Cancel."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget


ERROR_STYLE = "color: #b00020"


def error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("error")
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    return label


def warn(label: QLabel, text: str) -> None:
    """What is wrong, in red."""
    label.setStyleSheet(ERROR_STYLE)
    label.setText(text)


def say(label: QLabel, text: str) -> None:
    """What went right, in the ordinary colour: a success in red reads as a failure."""
    label.setStyleSheet("")
    label.setText(text)


def save_cancel(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def lay_out(dialog: QDialog, fields: list[tuple[str, QWidget]], error: QLabel) -> QVBoxLayout:
    """Labelled fields, the error line under them, then Save and Cancel."""
    form = QFormLayout()
    for label, widget in fields:
        form.addRow(label, widget)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(error)
    layout.addWidget(save_cancel(dialog))
    return layout


def person_box(persons: list[tuple[str, str]], whole_household: str) -> QComboBox:
    """The household's members, then the whole household (a plan or a service for everyone)."""
    box = QComboBox()
    box.setObjectName("person")
    for pid, name in persons:
        box.addItem(name, pid)
    box.addItem(whole_household, None)
    return box
