"""The dialogs of a mediation case: one per step of the record (new case, party, session,
agreement, failure, escalation, performance, return visit).

Each dialog turns its fields into one use-case call and runs it on the database
thread. A refusal (a missing field, an illegal step) is shown inside the dialog,
which stays open with everything typed: nothing is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QModelIndex, QPersistentModelIndex, Qt, QTime, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from gridkeeper import mediation
from gridkeeper.errors import GridKeeperError
from gridkeeper.mediation import Agreement, CaseFile, NewCase
from gridkeeper.store import Store
from gridkeeper.ui.mediation import labels
from gridkeeper.ui.mediation.party import PartyFields
from gridkeeper.ui.widgets import forms
from gridkeeper.ui.worker import Job, database_pool


def to_date(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


def date_edit(value: date) -> QDateEdit:
    edit = QDateEdit(QDate(value.year, value.month, value.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def text_box(lines: int = 4) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)  # Tab moves on, as in every other field
    box.setMinimumHeight(box.fontMetrics().lineSpacing() * lines + 12)
    return box


class ActionDialog(QDialog):
    """OK runs `action()` (built from the fields) off the UI thread; `done` carries its result."""

    done = Signal(object)

    def __init__(self, store: Store, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._job: Job | None = None
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = forms.error_label()
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        hint = QLabel(self.tr("Ctrl+Enter saves."))
        hint.setObjectName("hint")
        hint.setEnabled(False)
        self.body = QVBoxLayout(self)
        self.body.addLayout(self.form)
        self.body.addWidget(self.error)
        bottom = QHBoxLayout()
        bottom.addWidget(hint)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        self.body.addLayout(bottom)
        for keys in (Qt.Modifier.CTRL | Qt.Key.Key_Return, Qt.Modifier.CTRL | Qt.Key.Key_Enter):
            QShortcut(QKeySequence(keys), self, activated=self.accept)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("国") * 34)

    def action(self) -> Callable[[], Any]:
        raise NotImplementedError

    def accept(self) -> None:
        if self._job is not None and self._job.is_running():
            return
        try:
            run = self.action()
        except GridKeeperError as exc:
            self.show_error(exc.translated(QCoreApplication.translate))
            return
        self.ok.setEnabled(False)
        self.error.hide()  # the last refusal no longer applies: this attempt is being saved
        job = Job(lambda _p, _c: run(), self)
        job.finished.connect(self._finished)
        job.failed.connect(self._failed)
        self._job = job
        job.start(database_pool())

    def _finished(self, result: object) -> None:
        self.done.emit(result)
        super().accept()

    def _failed(self, message: str) -> None:
        self.ok.setEnabled(True)
        self.show_error(message)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def busy(self) -> bool:
        return self._job is not None and self._job.is_running()


class MediatorCompleter(QCompleter):
    """Completes the name after the last 、, so several mediators can be picked in one box."""

    def __init__(self, names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(names, parent)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def splitPath(self, path: str) -> list[str]:  # noqa: N802
        return [path.split("、")[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:  # noqa: N802
        box = self.widget()
        typed = box.text() if isinstance(box, QLineEdit) else ""
        before = typed.rsplit("、", 1)[0] + "、" if "、" in typed else ""
        return before + str(index.data())


class NewCaseDialog(ActionDialog):
    """Register a dispute: when and how it came, what it is about, who is involved."""

    def __init__(self, store: Store, compounds: list[tuple[str, str]], mediators: str, today: date,
                 parent: QWidget | None = None, cadres: list[str] | None = None) -> None:
        super().__init__(store, self.tr("New mediation case"), parent)
        self.received = date_edit(today)
        self.source = QComboBox()
        labels.fill(self.source, mediation.SOURCES)
        self.category = QComboBox()
        labels.fill(self.category, mediation.CATEGORIES)
        self.compound = QComboBox()
        self.compound.addItem(self.tr("(none)"), None)
        for cid, name in compounds:
            self.compound.addItem(name, cid)
        self.summary = text_box(3)
        self.summary.setPlaceholderText(self.tr("What the dispute is about, in a few sentences"))
        self.mediators = QLineEdit(mediators)
        self.mediators.setPlaceholderText(self.tr("Names of the mediators, separated by 、"))
        if cadres:  # offered after each 、; volunteers are typed
            self.mediators.setCompleter(MediatorCompleter(cadres, self.mediators))
        self.form.addRow(self.tr("Received on"), self.received)
        self.form.addRow(self.tr("Source"), self.source)
        self.form.addRow(self.tr("Category"), self.category)
        self.form.addRow(self.tr("Compound"), self.compound)
        self.form.addRow(self.tr("Summary"), self.summary)
        self.form.addRow(self.tr("Mediators"), self.mediators)
        self.applicant = PartyFields(store)
        self.respondent = PartyFields(store)
        sides = QHBoxLayout()
        for title, fields in ((self.tr("Applicant"), self.applicant), (self.tr("Respondent"), self.respondent)):
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(fields)
            sides.addWidget(box)
        self.body.insertLayout(1, sides)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("国") * 60)

    def action(self) -> Callable[[], str]:
        parties = tuple(
            fields.value(role) for role, fields in (("applicant", self.applicant), ("respondent", self.respondent))
            if not fields.is_empty()
        )
        new = NewCase(
            received_on=to_date(self.received), source=self.source.currentData(),
            category=self.category.currentData(), summary=self.summary.toPlainText(),
            compound_id=self.compound.currentData(), mediators=self.mediators.text(), parties=parties,
        )
        if not new.summary.strip():
            raise mediation.MissingField(mediation.F_SUMMARY)
        store = self._store
        return lambda: mediation.open_case(store, new)


class PartyDialog(ActionDialog):
    def __init__(self, store: Store, case: CaseFile, parent: QWidget | None = None) -> None:
        super().__init__(store, self.tr("Add a party to {number}").format(number=case.number), parent)
        self._case = case
        self.role = QComboBox()
        labels.fill(self.role, mediation.ROLES)
        self.fields = PartyFields(store)
        self.form.addRow(self.tr("Role"), self.role)
        self.body.insertWidget(1, self.fields)

    def action(self) -> Callable[[], str]:
        party = self.fields.value(self.role.currentData())
        if not party.name.strip():
            raise mediation.MissingField(mediation.F_NAME)
        store, case_id = self._store, self._case.id
        return lambda: mediation.add_party(store, case_id, party)


class RemovePartyDialog(ActionDialog):
    """A party entered by mistake is tombstoned (it syncs as a deletion, and can be revived)."""

    def __init__(self, store: Store, case: CaseFile, party_id: str, parent: QWidget | None = None) -> None:
        party = next(p for p in case.parties if p.id == party_id)
        super().__init__(store, self.tr("Remove a party from {number}").format(number=case.number), parent)
        self._party_id = party_id
        question = QLabel(self.tr("Remove {name} ({role}) from this case?").format(
            name=party.name, role=labels.role(party.role)))
        question.setWordWrap(True)
        self.form.addRow(question)

    def action(self) -> Callable[[], None]:
        store, party_id = self._store, self._party_id
        return lambda: mediation.remove_party(store, party_id)


class SessionDialog(ActionDialog):
    """A session is recorded once (append-only): a correction is a new session record."""

    def __init__(self, store: Store, case: CaseFile, now: datetime, parent: QWidget | None = None) -> None:
        super().__init__(store, self.tr("Record a session of {number}").format(number=case.number), parent)
        self._case = case
        self.held_at = QDateTimeEdit(QDateTime(QDate(now.year, now.month, now.day), QTime(now.hour, now.minute)))
        self.held_at.setCalendarPopup(True)
        self.held_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.place = QLineEdit()
        self.place.setPlaceholderText(self.tr("e.g. the compound's mediation room"))
        self.attendees = QLineEdit(", ".join(p.name for p in case.parties))
        self.record = text_box(6)
        self.record.setPlaceholderText(self.tr("What each side said, what was proposed, what was agreed"))
        self.form.addRow(self.tr("Time"), self.held_at)
        self.form.addRow(self.tr("Place"), self.place)
        self.form.addRow(self.tr("Attendees"), self.attendees)
        self.form.addRow(self.tr("Record"), self.record)

    def action(self) -> Callable[[], str]:
        held = self.held_at.dateTime().toPython()
        place, attendees, record = self.place.text(), self.attendees.text(), self.record.toPlainText()
        if not record.strip():
            raise mediation.MissingField(mediation.F_RECORD)
        store, case_id = self._store, self._case.id
        return lambda: mediation.add_session(store, case_id, held, place, attendees, record)


class AgreementDialog(ActionDialog):
    """Fill the agreement: reached now (mediating) or corrected before signing (agreed)."""

    def __init__(self, store: Store, case: CaseFile, today: date, parent: QWidget | None = None) -> None:
        super().__init__(store, self.tr("Agreement of {number}").format(number=case.number), parent)
        self._case = case
        current = case.agreement
        self.kind = QComboBox()
        labels.fill(self.kind, mediation.AGREEMENT_FORMS)
        self.signed_on = date_edit(current.signed_on if current else today)
        self.facts = text_box(4)
        self.facts.setPlaceholderText(self.tr("The facts of the dispute and what was in dispute"))
        self.terms = text_box(5)
        self.terms.setPlaceholderText(self.tr("One term per line: who does what, pays how much, by when"))
        self.method = QLineEdit()
        self.method.setPlaceholderText(self.tr("e.g. paid in cash on signing, repair by a licensed builder"))
        self.has_due = QCheckBox(self.tr("to be performed by"))
        self.due = date_edit(today)
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due, 1)
        self.has_due.toggled.connect(self.due.setEnabled)
        self.due.setEnabled(False)
        if current:
            labels.choose(self.kind, current.form)
            self.facts.setPlainText(current.facts)
            self.terms.setPlainText(current.terms)
            self.method.setText(current.performance_method)
            if current.performance_due:
                self.has_due.setChecked(True)
                self.due.setDate(QDate(current.performance_due.year, current.performance_due.month,
                                       current.performance_due.day))
        self.form.addRow(self.tr("Form"), self.kind)
        self.form.addRow(self.tr("Signed on"), self.signed_on)
        self.form.addRow(self.tr("Facts"), self.facts)
        self.form.addRow(self.tr("Terms"), self.terms)
        self.form.addRow(self.tr("How performed"), self.method)
        self.form.addRow(self.tr("Deadline"), due_row)

    def action(self) -> Callable[[], None]:
        agreement = Agreement(
            form=self.kind.currentData(), signed_on=to_date(self.signed_on), facts=self.facts.toPlainText(),
            terms=self.terms.toPlainText(), performance_method=self.method.text(),
            performance_due=to_date(self.due) if self.has_due.isChecked() else None,
        )
        if not agreement.terms.strip():
            raise mediation.MissingField(mediation.F_TERMS)
        store, case_id = self._store, self._case.id
        if self._case.status == "agreed":
            return lambda: mediation.update_agreement(store, case_id, agreement)
        return lambda: mediation.reach_agreement(store, case_id, agreement)


class FailDialog(ActionDialog):
    def __init__(self, store: Store, case: CaseFile, parent: QWidget | None = None) -> None:
        super().__init__(store, self.tr("Mediation of {number} failed").format(number=case.number), parent)
        self._case = case
        self.remedies = text_box(4)
        self.remedies.setPlaceholderText(
            self.tr("e.g. told both parties they may sue at the district court or apply for arbitration"))
        self.form.addRow(self.tr("Other remedies the parties were told of"), self.remedies)

    def action(self) -> Callable[[], None]:
        told = self.remedies.toPlainText()
        if not told.strip():
            raise mediation.MissingField(mediation.F_REMEDIES)
        store, case_id = self._store, self._case.id
        return lambda: mediation.fail(store, case_id, told)


class EscalateDialog(ActionDialog):
    def __init__(self, store: Store, case: CaseFile, parent: QWidget | None = None) -> None:
        super().__init__(store, self.tr("Escalate {number}").format(number=case.number), parent)
        self._case = case
        self.level = QComboBox()
        labels.fill(self.level, mediation.ESCALATION_LEVELS)
        self.reason = text_box(3)
        self.form.addRow(self.tr("To"), self.level)
        self.form.addRow(self.tr("Reason"), self.reason)

    def action(self) -> Callable[[], None]:
        level, reason = self.level.currentData(), self.reason.toPlainText()
        if not reason.strip():
            raise mediation.MissingField(mediation.F_REASON)
        store, case_id = self._store, self._case.id
        return lambda: mediation.escalate(store, case_id, level, reason)


#: Steps that need nothing but an optional note.
NOTE_STEPS: dict[str, Callable[..., None]] = {
    "mediating": lambda store, case_id, note: mediation.start_mediation(store, case_id),
    "performing": mediation.start_performing,
    "performed": mediation.mark_performed,
    "not_performed": mediation.mark_not_performed,
    "archived": mediation.archive,
}


class NoteDialog(ActionDialog):
    """Confirm a step of the status machine, with an optional note for the history."""

    def __init__(self, store: Store, case: CaseFile, target: str, parent: QWidget | None = None) -> None:
        super().__init__(store, self.tr("{number}: {status}").format(number=case.number,
                                                                     status=labels.status(target)), parent)
        self._case, self._target = case, target
        question = QLabel(self.tr("Change the status from “{now}” to “{then}”?").format(
            now=labels.status(case.status), then=labels.status(target)))
        question.setWordWrap(True)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Optional: a note for the history"))
        self.form.addRow(question)
        self.form.addRow(self.tr("Note"), self.note)

    def action(self) -> Callable[[], None]:
        step, note = NOTE_STEPS[self._target], self.note.text()
        store, case_id = self._store, self._case.id
        return lambda: step(store, case_id, note)


class VisitDialog(ActionDialog):
    """Record a return visit (append-only) and, if another is planned, when."""

    def __init__(self, store: Store, case: CaseFile, today: date, parent: QWidget | None = None) -> None:
        super().__init__(store, self.tr("Return visit for {number}").format(number=case.number), parent)
        self._case = case
        self.visited_on = date_edit(today)
        self.result = text_box(3)
        self.result.setPlaceholderText(self.tr("How the agreement is kept, how the parties get on now"))
        self.again = QCheckBox(self.tr("another visit on"))
        self.next_due = date_edit(today)
        self.next_due.setEnabled(False)
        self.again.toggled.connect(self.next_due.setEnabled)
        row = QHBoxLayout()
        row.addWidget(self.again)
        row.addWidget(self.next_due, 1)
        self.form.addRow(self.tr("Visited on"), self.visited_on)
        self.form.addRow(self.tr("Result"), self.result)
        self.form.addRow(self.tr("Next visit"), row)

    def action(self) -> Callable[[], str]:
        visited, result = to_date(self.visited_on), self.result.toPlainText()
        next_due = to_date(self.next_due) if self.again.isChecked() else None
        if not result.strip():
            raise mediation.MissingField(mediation.F_RESULT)
        store, case_id = self._store, self._case.id
        return lambda: mediation.record_return_visit(store, case_id, visited, result, next_due)


class ScheduleDialog(ActionDialog):
    def __init__(self, store: Store, case: CaseFile, today: date, parent: QWidget | None = None) -> None:
        super().__init__(store, self.tr("Schedule a return visit for {number}").format(number=case.number), parent)
        self._case = case
        self.due = date_edit(case.next_visit_due or today)
        self.form.addRow(self.tr("Visit due on"), self.due)

    def action(self) -> Callable[[], None]:
        due = to_date(self.due)
        store, case_id = self._store, self._case.id
        return lambda: mediation.schedule_return_visit(store, case_id, due)
