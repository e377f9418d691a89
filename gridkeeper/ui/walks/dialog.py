"""New night walk: the log, and findings entered fast (a dark courtyard, a laptop, no mouse).

Quick entry: type the place (compound and building complete as you type),
Tab to the category and severity (type a letter or arrow), Tab to the note,
Space ticks "settled on the spot", Enter adds the finding and brings the
cursor back to the place for the next one. Ctrl+Return saves the walk.
Nothing typed is lost on an error: the message says what to fix.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gridkeeper import clock, walks
from gridkeeper.errors import GridKeeperError
from gridkeeper.rules.places import join_place
from gridkeeper.store import Store
from gridkeeper.ui.widgets import forms, vocab
from gridkeeper.walks import NewFinding, NewWalk


class WalkDialog(QDialog):
    PLACE, CATEGORY, SEVERITY, NOTE, SETTLED = range(5)

    def __init__(self, store: Store, grid_ids: list[str] | None, leader: str, today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._today = today or clock.today()
        self.walk_id: str | None = None
        self.findings: list[NewFinding] = []
        self.setWindowTitle(self.tr("New night walk"))
        self.setMinimumWidth(760)

        self.date = QDateEdit(QDate(self._today.year, self._today.month, self._today.day))
        self.date.setObjectName("walkDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMaximumDate(QDate(self._today.year, self._today.month, self._today.day))
        self.start = QLineEdit("19:30")
        self.start.setObjectName("start")
        self.end = QLineEdit("21:00")
        self.end.setObjectName("end")
        for box in (self.start, self.end):
            box.setMaximumWidth(self.fontMetrics().horizontalAdvance("00:00000"))
            box.setToolTip(self.tr("A time like 19:30 or 1930; a walk past midnight ends by 06:00"))
        times = QHBoxLayout()
        times.addWidget(self.date)
        times.addWidget(QLabel(self.tr("from")))
        times.addWidget(self.start)
        times.addWidget(QLabel(self.tr("to")))
        times.addWidget(self.end)
        times.addStretch(1)

        self.grids = QListWidget()
        self.grids.setObjectName("grids")
        self.grids.setMaximumHeight(self.fontMetrics().height() * 5 + 12)
        in_scope = walks.grids_in_scope(store, grid_ids)
        for g in in_scope:
            item = QListWidgetItem(f"{g.community} {g.name}")
            item.setData(Qt.ItemDataRole.UserRole, g.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if len(in_scope) == 1 else Qt.CheckState.Unchecked)
            self.grids.addItem(item)
        if self.grids.count():
            self.grids.setCurrentRow(0)
        self.grids.itemChanged.connect(lambda _i: self._refresh_places())

        self.leader = QLineEdit(leader)
        self.leader.setObjectName("leader")
        names = [name for _id, name in walks.cadre_names(store)]
        self.leader.setCompleter(QCompleter(names, self))
        self.cadres = QLineEdit()
        self.cadres.setObjectName("cadres")
        self.property_people = QLineEdit()
        self.property_people.setObjectName("propertyPeople")
        self.hoa_people = QLineEdit()
        self.hoa_people.setObjectName("hoaPeople")
        for box in (self.cadres, self.property_people, self.hoa_people):
            box.setPlaceholderText(self.tr("Names, separated by 、 or spaces"))
        self.route = QLineEdit()
        self.route.setObjectName("route")
        self.route.setPlaceholderText(self.tr("e.g. south gate – buildings 1 to 6 – garage"))
        self.notes = QLineEdit()
        self.notes.setObjectName("notes")

        form = QFormLayout()
        form.addRow(self.tr("&Date and time:"), times)
        form.addRow(self.tr("&Grids covered:"), self.grids)
        form.addRow(self.tr("&Leader:"), self.leader)
        form.addRow(self.tr("Other &cadres:"), self.cadres)
        form.addRow(self.tr("&Property company:"), self.property_people)
        form.addRow(self.tr("&HOA:"), self.hoa_people)
        form.addRow(self.tr("&Route:"), self.route)
        form.addRow(self.tr("N&otes:"), self.notes)
        for row, buddy in ((0, self.date),):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
            if isinstance(label, QLabel):
                label.setBuddy(buddy)

        # -- quick finding entry ------------------------------------------------
        self.place = QLineEdit()
        self.place.setObjectName("place")
        self.place.setPlaceholderText(self.tr("Place: compound, building, where"))
        self.place.setMinimumWidth(self.fontMetrics().horizontalAdvance(self.place.placeholderText()) + 16)
        self.category = QComboBox()
        self.category.setObjectName("category")
        vocab.fill(self.category, walks.CATEGORIES)
        self.severity = QComboBox()
        self.severity.setObjectName("severity")
        vocab.fill(self.severity, walks.SEVERITIES)
        vocab.choose(self.severity, "medium")
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.note.setPlaceholderText(self.tr("What was found"))
        self.settled = QCheckBox(self.tr("Settled on the spot"))
        self.settled.setObjectName("settled")
        self.add_button = QPushButton(self.tr("&Add finding"))
        self.add_button.setObjectName("addFinding")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_finding)
        entry = QHBoxLayout()
        entry.addWidget(self.place, 3)
        entry.addWidget(self.category, 2)
        entry.addWidget(self.severity, 1)
        entry.addWidget(self.note, 4)
        entry.addWidget(self.settled)
        entry.addWidget(self.add_button)

        self.table = QTableWidget(0, 5)
        self.table.setObjectName("findings")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Place"), self.tr("Category"), self.tr("Severity"), self.tr("Note"), self.tr("Settled")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(self.fontMetrics().height() * 7)
        self.remove_button = QPushButton(self.tr("&Remove finding"))
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_finding)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, activated=self.remove_finding)
        self.findings_hint = QLabel(self.tr(
            "Enter adds the finding; Tab moves between the fields; Space ticks “settled”."))
        self.findings_hint.setObjectName("hint")

        group = QGroupBox(self.tr("Findings"))
        group_layout = QVBoxLayout(group)
        group_layout.addLayout(entry)
        group_layout.addWidget(self.findings_hint)
        group_layout.addWidget(self.table)
        group_layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.error = forms.error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveWalk")
        self.save_button.setAutoDefault(False)
        self.save_button.setToolTip(self.tr("Save the walk and its findings (Ctrl+Enter)"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(group, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._places: list[walks.Place] = []
        self._refresh_places()
        self.setTabOrder(self.notes, self.place)
        for before, after in ((self.place, self.category), (self.category, self.severity),
                              (self.severity, self.note), (self.note, self.settled),
                              (self.settled, self.add_button), (self.add_button, self.table)):
            self.setTabOrder(before, after)
        self.start.setFocus()

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        """Enter adds the finding being typed, or moves on in the form; it never saves by surprise
        (Ctrl+Enter saves) and never closes the dialog."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.save()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.focusWidget() in (self.place, self.category, self.severity, self.note, self.settled):
                self.add_finding()
            else:
                self.focusNextChild()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        """Escape or Cancel: findings typed in a dark courtyard are not thrown away without asking."""
        typed = (self.note, self.place, self.route, self.notes, self.property_people, self.hoa_people)
        if self.findings or any(box.text().strip() for box in typed):  # route, people, notes count too
            if not self.confirm_discard():
                return
        super().reject()

    def confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Discard the walk?"),
            self.tr("Close without saving this walk and its %n finding(s)?", "", len(self.findings)),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard

    def chosen_grids(self) -> list[str]:
        return [
            self.grids.item(r).data(Qt.ItemDataRole.UserRole)
            for r in range(self.grids.count())
            if self.grids.item(r).checkState() == Qt.CheckState.Checked
        ]

    def _refresh_places(self) -> None:
        chosen = self.chosen_grids()
        self._places = walks.places(self._store, chosen or [
            self.grids.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.grids.count())])
        completer = QCompleter([p.label for p in self._places], self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.place.setCompleter(completer)

    def add_finding(self) -> None:
        place, rest = walks.match_place(self._places, self.place.text())
        finding = NewFinding(
            category=self.category.currentData(), severity=self.severity.currentData(), note=self.note.text().strip(),
            place=rest, compound_id=place.compound_id if place else None,
            building_id=place.building_id if place else None, grid_id=place.grid_id if place else None,
            settled=self.settled.isChecked())
        if not (finding.note or finding.place or finding.compound_id):
            forms.warn(self.error, self.tr("Type a place or a note for the finding first."))
            self.place.setFocus()
            return
        self.findings.append(finding)
        row = self.table.rowCount()
        self.table.insertRow(row)
        shown = join_place(place.label if place else "", rest)
        cells = (shown, self.category.currentText(), self.severity.currentText(), finding.note,
                 self.tr("yes") if finding.settled else "")
        for column, text in enumerate(cells):
            self.table.setItem(row, column, QTableWidgetItem(text))
        forms.say(self.error, self.tr("Finding {n} added: {what}.").format(n=row + 1, what=finding.note or shown))
        self.place.clear()
        self.note.clear()
        self.settled.setChecked(False)
        vocab.choose(self.severity, "medium")
        self.place.setFocus()

    def remove_finding(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        self.table.removeRow(row)
        del self.findings[row]
        forms.say(self.error, self.tr("Finding removed."))

    def walk(self) -> NewWalk:
        d = self.date.date()
        participants = tuple(
            [(party, name) for party, box in (("cadre", self.cadres), ("property", self.property_people),
                                              ("hoa", self.hoa_people)) for name in vocab.split_names(box.text())])
        return NewWalk(
            walk_date=date(d.year(), d.month(), d.day()), start_time=self.start.text(), end_time=self.end.text(),
            grid_ids=tuple(self.chosen_grids()), leader=self.leader.text(), participants=participants,
            route=self.route.text(), notes=self.notes.text(), findings=tuple(self.findings))

    def save(self) -> None:
        # A finding typed but not yet added is added, not lost.
        if self.place.text().strip() or self.note.text().strip():
            self.add_finding()
        try:
            self.walk_id = walks.log_walk(self._store, self.walk(), today=self._today)
        except GridKeeperError as exc:
            forms.warn(self.error, vocab.error_text(exc))
            return
        self.accept()


class FindingDialog(QDialog):
    """One more finding for a walk already logged (remembered later, or reported the next morning)."""

    def __init__(self, store: Store, walk_id: str, grid_ids: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._walk_id = walk_id
        self.finding_id: str | None = None
        self.setWindowTitle(self.tr("Add a finding"))
        self.setMinimumWidth(480)
        self._places = walks.places(store, grid_ids)
        self.place = QLineEdit()
        self.place.setObjectName("place")
        self.place.setPlaceholderText(self.tr("Place: compound, building, where"))
        completer = QCompleter([p.label for p in self._places], self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.place.setCompleter(completer)
        self.category = QComboBox()
        self.category.setObjectName("category")
        vocab.fill(self.category, walks.CATEGORIES)
        self.severity = QComboBox()
        self.severity.setObjectName("severity")
        vocab.fill(self.severity, walks.SEVERITIES)
        vocab.choose(self.severity, "medium")
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.settled = QCheckBox(self.tr("Settled on the spot"))
        self.error = forms.error_label()
        form = QFormLayout()
        form.addRow(self.tr("&Place:"), self.place)
        form.addRow(self.tr("&Category:"), self.category)
        form.addRow(self.tr("Se&verity:"), self.severity)
        form.addRow(self.tr("&Note:"), self.note)
        form.addRow("", self.settled)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def accept(self) -> None:
        place, rest = walks.match_place(self._places, self.place.text())
        finding = NewFinding(
            category=self.category.currentData(), severity=self.severity.currentData(), note=self.note.text(),
            place=rest, compound_id=place.compound_id if place else None,
            building_id=place.building_id if place else None, grid_id=place.grid_id if place else None,
            settled=self.settled.isChecked())
        try:
            self.finding_id = walks.add_finding(self._store, self._walk_id, finding)
        except GridKeeperError as exc:
            forms.warn(self.error, vocab.error_text(exc))
            self.note.setFocus()
            return
        super().accept()
