"""What the page's dialogs share: the write runs off the UI thread while the dialog stays open,
so a refusal shows in the dialog and nothing typed is lost."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QSpinBox, QVBoxLayout, QWidget

from gridkeeper.errors import GridKeeperError
from gridkeeper.store import Store
from gridkeeper.ui.widgets import forms, vocab
from gridkeeper.ui.worker import Job, database_pool

#: A write: runs on the database thread; what it returns goes to describe() on the UI thread.
Write = Callable[[], object]


class StreetDialog(QDialog):
    """Fields, an error line, Save and Cancel. Save calls `prepare()` on the UI thread (it reads the
    fields and may refuse at once), runs the write it returns in a worker, and closes when it is done."""

    def __init__(self, store: Store, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._job: Job | None = None
        self.message = ""  # what the write said it did
        self.setWindowTitle(title)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("国") * 26)
        self.error = forms.error_label()
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def prepare(self) -> Write:
        raise NotImplementedError

    def describe(self, result: object) -> str:
        """The sentence the page's status line shows; by default the write's own (made on the UI thread
        by prepare(), so it is in the user's language)."""
        return str(result)

    def save(self) -> None:
        if self._job is not None and self._job.is_running():
            return
        try:
            write = self.prepare()
        except GridKeeperError as exc:
            self.error.setText(vocab.error_text(exc))
            return
        self.error.setText(self.tr("Saving…"))
        self.buttons.setEnabled(False)
        self._job = Job(lambda _p, _c: write(), self)
        self._job.finished.connect(self._saved)
        self._job.failed.connect(self._refused)
        self._job.start(database_pool())

    def _saved(self, message: object) -> None:
        self.message = self.describe(message)
        self.buttons.setEnabled(True)
        self.accept()

    def _refused(self, message: str) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(message)

    def reject(self) -> None:
        if self._job is not None and self._job.is_running():
            return  # the write is under way; it cannot be taken back half done
        super().reject()


def date_edit(day: date, name: str) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def day_of(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


def count_box(value: int | None, name: str, unknown: str) -> QSpinBox:
    """0 shows as `unknown` (a building's units or floors may not be known yet)."""
    box = QSpinBox()
    box.setObjectName(name)
    box.setRange(0, 199)
    box.setSpecialValueText(unknown)
    box.setValue(value or 0)
    return box


def count_of(box: QSpinBox) -> int | None:
    return box.value() or None
