"""Forms on the household file's care tab: a care plan, a service delivered."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QDialog, QLineEdit, QSpinBox, QWidget

from gridkeeper import care
from gridkeeper.errors import GridKeeperError
from gridkeeper.places import members
from gridkeeper.ui.care import labels as care_labels
from gridkeeper.ui.widgets import forms

Volunteers = Sequence[tuple[str, str, str] | tuple[str, str, str, bool]]


def _volunteer_box(volunteers: Volunteers, none_label: str) -> QComboBox:
    """A street has ~1,500 volunteers: the household's own community's first (a line under them),
    and typing part of a name or team filters the list."""
    box = QComboBox()
    box.setObjectName("volunteer")
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    box.setMaxVisibleItems(15)
    box.addItem(none_label, None)
    near = True
    for vid, name, team, *flag in volunteers:
        if near and flag and not flag[0] and box.count() > 1:
            box.insertSeparator(box.count())
        near = bool(flag and flag[0])
        box.addItem(f"{name}（{team}）" if team else name, vid)
    completer = QCompleter(box.model(), box)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    box.setCompleter(completer)
    return box


def _chosen_volunteer(box: QComboBox) -> str | None:
    """The volunteer whose line was typed or picked; raises ValueError for text that names none."""
    text = box.currentText().strip()
    if not text:
        return None
    index = box.findText(text)
    if index < 0:
        raise ValueError(text)
    return box.itemData(index)


class PlanDialog(QDialog):
    """A new care plan: whom (a member or the whole household), how often, who, from when."""

    def __init__(self, persons: list[tuple[str, str]], volunteers: Volunteers,
                 today: date, parent: QWidget | None = None,
                 cadres: list[tuple[str, str]] | None = None, me: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New care plan"))
        self.values: dict[str, object] = {}
        self.person = forms.person_box(persons, self.tr("The whole household"))
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
        self.error = forms.error_label()
        self.frequency.currentIndexChanged.connect(
            lambda _i: self.interval.setEnabled(self.frequency.currentData() == "every_n_days"))
        self.interval.setEnabled(False)
        forms.lay_out(self, [
            (self.tr("&Who:"), self.person), (self.tr("&Contact:"), self.frequency),
            (self.tr("Every &N days:"), self.interval), (self.tr("Responsible c&adre:"), self.cadre),
            (self.tr("Paired &volunteer:"), self.volunteer), (self.tr("&From:"), self.start),
            (self.tr("&Until:"), self.end), (self.tr("No&te:"), self.note)], self.error)

    def accept(self) -> None:
        try:
            volunteer = _chosen_volunteer(self.volunteer)
        except ValueError as exc:
            forms.warn(self.error, self.tr("No volunteer “{name}” in the list: pick one from it.").format(name=exc))
            return
        try:
            start = members.parse_date(self.start.text())
            if start is None:
                self.error.setText(self.tr("The plan needs a start date."))
                return
            self.values = {
                "person_id": self.person.currentData(), "frequency": self.frequency.currentData(),
                "interval_days": self.interval.value(), "start_date": start,
                "end_date": members.parse_date(self.end.text()), "volunteer_id": volunteer,
                "cadre_id": self.cadre.currentData(),
                "note": self.note.text(),
            }
        except GridKeeperError as exc:
            self.error.setText(exc.translated(QCoreApplication.translate))
            return
        super().accept()


class ServiceDialog(QDialog):
    """A service delivered to a member or the household."""

    def __init__(self, persons: list[tuple[str, str]], volunteers: Volunteers,
                 today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record a service"))
        self.values: dict[str, object] = {}
        self.person = forms.person_box(persons, self.tr("The whole household"))
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
        self.error = forms.error_label()
        forms.lay_out(self, [
            (self.tr("&For:"), self.person), (self.tr("&Service:"), self.kind), (self.tr("&Date:"), self.day),
            (self.tr("&Duration:"), self.minutes), (self.tr("&By volunteer:"), self.volunteer),
            (self.tr("No&te:"), self.note)], self.error)

    def accept(self) -> None:
        try:
            day = members.parse_date(self.day.text())
        except GridKeeperError as exc:
            self.error.setText(exc.translated(QCoreApplication.translate))
            return
        if day is None:
            self.error.setText(self.tr("The service needs a date."))
            return
        try:
            volunteer = _chosen_volunteer(self.volunteer)
        except ValueError as exc:
            forms.warn(self.error, self.tr("No volunteer “{name}” in the list: pick one from it.").format(name=exc))
            return
        self.values = {"person_id": self.person.currentData(), "service_type": self.kind.currentData(),
                       "served_on": day, "duration_minutes": self.minutes.value() or None,
                       "volunteer_id": volunteer, "note": self.note.text()}
        super().accept()
