"""Forms on the household file's care tab: a care plan, a service delivered."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gridkeeper import care, members
from gridkeeper.errors import GridKeeperError
from gridkeeper.ui import care_labels


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("error")
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020")
    return label


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def _volunteer_box(volunteers: list[tuple[str, str, str]], none_label: str) -> QComboBox:
    box = QComboBox()
    box.setObjectName("volunteer")
    box.addItem(none_label, None)
    for vid, name, team in volunteers:
        box.addItem(f"{name}（{team}）" if team else name, vid)
    return box


class PlanDialog(QDialog):
    """A new care plan: whom (a member or the whole household), how often, who, from when."""

    def __init__(self, persons: list[tuple[str, str]], volunteers: list[tuple[str, str, str]],
                 today: date, parent: QWidget | None = None,
                 cadres: list[tuple[str, str]] | None = None, me: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New care plan"))
        self.values: dict[str, object] = {}
        self.person = QComboBox()
        self.person.setObjectName("person")
        for pid, name in persons:
            self.person.addItem(name, pid)
        self.person.addItem(self.tr("The whole household"), None)
        self.frequency = QComboBox()
        self.frequency.setObjectName("frequency")
        for code in care.FREQUENCIES:
            label = self.tr("every N days") if code == "every_n_days" else care_labels.frequency(code)
            self.frequency.addItem(label, code)
        self.interval = QSpinBox()
        self.interval.setObjectName("interval")
        self.interval.setRange(1, 90)
        self.interval.setValue(3)
        self.volunteer = _volunteer_box(volunteers, self.tr("(none)"))
        self.cadre = QComboBox()  # the responsible cadre: this laptop's by default, a colleague's if asked
        self.cadre.setObjectName("cadre")
        self.cadre.addItem(self.tr("(none)"), None)
        for cid, name in cadres or []:
            self.cadre.addItem(name, cid)
        self.cadre.setCurrentIndex(max(0, self.cadre.findData(me)))
        self.start = QLineEdit(today.isoformat())
        self.start.setObjectName("start")
        self.end = QLineEdit()
        self.end.setObjectName("end")
        self.end.setPlaceholderText(self.tr("empty: no end"))
        self.note = QLineEdit()
        self.error = _error_label()
        self.frequency.currentIndexChanged.connect(
            lambda _i: self.interval.setEnabled(self.frequency.currentData() == "every_n_days"))
        self.interval.setEnabled(False)
        form = QFormLayout()
        form.addRow(self.tr("&Who:"), self.person)
        form.addRow(self.tr("&Contact:"), self.frequency)
        form.addRow(self.tr("Every &N days:"), self.interval)
        form.addRow(self.tr("Responsible c&adre:"), self.cadre)
        form.addRow(self.tr("Paired &volunteer:"), self.volunteer)
        form.addRow(self.tr("&From:"), self.start)
        form.addRow(self.tr("&Until:"), self.end)
        form.addRow(self.tr("No&te:"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self))

    def accept(self) -> None:
        try:
            start = members.parse_date(self.start.text())
            if start is None:
                self.error.setText(self.tr("The plan needs a start date."))
                return
            self.values = {
                "person_id": self.person.currentData(), "frequency": self.frequency.currentData(),
                "interval_days": self.interval.value(), "start_date": start,
                "end_date": members.parse_date(self.end.text()), "volunteer_id": self.volunteer.currentData(),
                "cadre_id": self.cadre.currentData(),
                "note": self.note.text(),
            }
        except GridKeeperError as exc:
            self.error.setText(exc.translated(QCoreApplication.translate))
            return
        super().accept()


class ServiceDialog(QDialog):
    """A service delivered to a member or the household."""

    def __init__(self, persons: list[tuple[str, str]], volunteers: list[tuple[str, str, str]],
                 today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record a service"))
        self.values: dict[str, object] = {}
        self.person = QComboBox()
        self.person.setObjectName("person")
        for pid, name in persons:
            self.person.addItem(name, pid)
        self.person.addItem(self.tr("The whole household"), None)
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for code in care.SERVICE_TYPES:
            self.kind.addItem(care_labels.service(code), code)
        self.day = QLineEdit(today.isoformat())
        self.day.setObjectName("day")
        self.minutes = QSpinBox()
        self.minutes.setObjectName("minutes")
        self.minutes.setRange(0, 24 * 60)
        self.minutes.setSingleStep(15)
        self.minutes.setValue(30)
        self.minutes.setSuffix(self.tr(" min"))
        self.volunteer = _volunteer_box(volunteers, self.tr("(by me)"))
        self.note = QLineEdit()
        self.error = _error_label()
        form = QFormLayout()
        form.addRow(self.tr("&For:"), self.person)
        form.addRow(self.tr("&Service:"), self.kind)
        form.addRow(self.tr("&Date:"), self.day)
        form.addRow(self.tr("&Duration:"), self.minutes)
        form.addRow(self.tr("&By volunteer:"), self.volunteer)
        form.addRow(self.tr("No&te:"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self))

    def accept(self) -> None:
        try:
            day = members.parse_date(self.day.text())
        except GridKeeperError as exc:
            self.error.setText(exc.translated(QCoreApplication.translate))
            return
        if day is None:
            self.error.setText(self.tr("The service needs a date."))
            return
        self.values = {"person_id": self.person.currentData(), "service_type": self.kind.currentData(),
                       "served_on": day, "duration_minutes": self.minutes.value() or None,
                       "volunteer_id": self.volunteer.currentData(), "note": self.note.text()}
        super().accept()
