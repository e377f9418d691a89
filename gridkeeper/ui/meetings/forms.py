"""A short form that saves through a use case: a refusal shows in red and the form stays open."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QLabel, QSpinBox, QWidget

from gridkeeper.errors import GridKeeperError
from gridkeeper.ui.widgets.forms import error_label, lay_out
from gridkeeper.ui.widgets.vocab import error_text


class FormDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, fields: list[tuple[str, QWidget]],
                 save: Callable[[], object]) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self._save = save
        self.error: QLabel = error_label()
        lay_out(self, fields, self.error)

    def accept(self) -> None:
        try:
            self._save()
        except GridKeeperError as exc:
            self.error.setText(error_text(exc))
            return
        super().accept()


def date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def day_of(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


def combo(choices: dict[str, str], translate: Callable[[str], str]) -> QComboBox:
    box = QComboBox()
    for code, label in choices.items():
        box.addItem(translate(label), code)
    return box


def count_box() -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, 100000)
    return box
