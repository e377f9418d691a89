"""Today: who to contact this morning, worked through from the keyboard.

The list is the use case's `TodayList.to_work` (alerts, then most overdue,
then due today), with the persons already reached today greyed below. Keys
on the list: Enter = contacted, well; N = no answer; O = other outcome (short
form); R = show the phone number (audited); C = correct the row's last contact.
After each contact the selection stays on the same row, which is now the next
person, and Undo (Ctrl+Z) is offered for a few seconds; later, a correction.
On a row warned "twice no answer", Enter asks how the contact was made.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gridkeeper import care, clock, lists, mediation, walks
from gridkeeper.care import DueItem, TodayList
from gridkeeper.places import audit, profile
from gridkeeper.store import Store
from gridkeeper.ui.care import labels as care_labels
from gridkeeper.ui.care.contact_dialog import ContactDialog
from gridkeeper.ui.care.correct_dialog import CorrectDialog
from gridkeeper.ui.mediation import labels as mediation_labels
from gridkeeper.ui.widgets import vocab
from gridkeeper.ui.widgets.scope import ScopeLabel
from gridkeeper.ui.worker import Job, database_pool


class _List(QTableWidget):
    """Enter on the list means "contacted: well", not "edit this cell"."""

    key_action = Signal(str)

    KEYS = {Qt.Key.Key_Return: "well", Qt.Key.Key_Enter: "well", Qt.Key.Key_N: "no_answer",
            Qt.Key.Key_O: "other", Qt.Key.Key_R: "reveal", Qt.Key.Key_C: "correct"}

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt)
        action = self.KEYS.get(Qt.Key(event.key()))
        if action and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.key_action.emit(action)
            return
        super().keyPressEvent(event)


class TodayPage(QWidget):
    contact_recorded = Signal()
    open_household = Signal(str)  # household id
    open_case = Signal(str)  # mediation case id (a return visit is due)
    open_item = Signal(str)  # list item id (overdue)
    open_walks = Signal()  # a grid has no night walk this week
    open_duty = Signal(str)  # duty shift id (weekend duty tonight)

    STATE, NAME, ADDRESS, PHONE, FREQUENCY, LAST, VOLUNTEER = range(7)
    #: How long Undo stays offered after a contact is recorded (the domain allows care.UNDO_SECONDS).
    UNDO_MS = 8000

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._list: TodayList | None = None
        self._rows: list[DueItem] = []
        self._job: Job | None = None
        self.day = clock.today()  # the day listed; contacts are recorded on it
        self._opened_on = clock.today()
        self._undoable: tuple[str, str] | None = None  # (contact id, name) Undo would take back

        self.title = QLabel()
        self.title.setObjectName("todayTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.counts = QLabel()
        self.counts.setObjectName("todayCounts")

        self.table = _List(0, 7)
        self.table.setObjectName("todayList")
        self.table.setHorizontalHeaderLabels([
            self.tr("State"), self.tr("Name"), self.tr("Address"), self.tr("Phone"), self.tr("Plan"),
            self.tr("Last reached"), self.tr("Volunteer"),
        ])
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        em = self.fontMetrics().horizontalAdvance("国")
        for column, chars in ((self.STATE, 17), (self.NAME, 5), (self.ADDRESS, 14), (self.PHONE, 13),
                              (self.FREQUENCY, 5), (self.LAST, 5)):
            title = self.table.horizontalHeaderItem(column).text()
            header.resizeSection(column, max(em * chars, header.fontMetrics().horizontalAdvance(title) + em) + 16)
        self.table.key_action.connect(self._act)
        self.table.doubleClicked.connect(self._open_selected)

        self.well_button = QPushButton(self.tr("Contacted: &well (Enter)"))
        self.well_button.setObjectName("well")
        self.well_button.clicked.connect(lambda: self._act("well"))
        self.no_answer_button = QPushButton(self.tr("&No answer (N)"))
        self.no_answer_button.setObjectName("noAnswer")
        self.no_answer_button.clicked.connect(lambda: self._act("no_answer"))
        self.other_button = QPushButton(self.tr("&Other outcome… (O)"))
        self.other_button.setObjectName("other")
        self.other_button.clicked.connect(lambda: self._act("other"))
        self.reveal_button = QPushButton(self.tr("Show &phone (R)"))
        self.reveal_button.setObjectName("reveal")
        self.reveal_button.setToolTip(self.tr("Shows the full number; this is written to the audit log"))
        self.reveal_button.clicked.connect(lambda: self._act("reveal"))
        self.file_button = QPushButton(self.tr("Househol&d file"))
        self.file_button.clicked.connect(self._open_selected)
        self.correct_button = QPushButton(self.tr("&Correct… (C)"))
        self.correct_button.setObjectName("correct")
        self.correct_button.setToolTip(self.tr("Correct this person's last contact, saying why; the record is kept"))
        self.correct_button.clicked.connect(lambda: self._act("correct"))
        self.undo_button = QPushButton(self.tr("&Undo (Ctrl+Z)"))
        self.undo_button.setObjectName("undo")
        self.undo_button.clicked.connect(self.undo)
        self.undo_button.hide()
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.timeout.connect(self._undo_expired)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self, self.undo)
        self.print_button = QPushButton(self.tr("&Print call sheet…"))
        self.print_button.setObjectName("printSheet")
        self.print_button.clicked.connect(self.print_sheet)
        self.refresh_button = QPushButton(self.tr("Refresh (F5)"))
        self.refresh_button.clicked.connect(self.refresh)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.refresh)

        self.status = QLabel()
        self.status.setObjectName("todayStatus")
        self.status.setWordWrap(True)
        self.hint = QLabel(self.tr(
            "Keys on the list: Enter = contacted, well · N = no answer · O = other outcome · "
            "R = show phone number · C = correct · Ctrl+Z = undo · ↑↓ next person"))
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)

        # Other work due today, below the calls: grids without this week's night walk, overdue list
        # items of my grids, return visits of mediation cases.
        self.other_title = QLabel(self.tr("Also due"))
        self.other_title.setObjectName("alsoDueTitle")
        self.other = QListWidget()
        self.other.setObjectName("alsoDue")
        self.other.setMaximumHeight(self.fontMetrics().height() * 7)
        self.other.itemActivated.connect(self._open_other)

        buttons = QHBoxLayout()
        for b in (self.well_button, self.no_answer_button, self.other_button, self.reveal_button,
                  self.correct_button, self.file_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.refresh_button)
        status_line = QHBoxLayout()
        status_line.addWidget(self.status, 1)
        status_line.addWidget(self.undo_button)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.counts)
        self.scope_line = ScopeLabel(store)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scope_line)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addLayout(status_line)
        layout.addWidget(self.hint)
        layout.addWidget(self.other_title)
        layout.addWidget(self.other)
        self.table.itemSelectionChanged.connect(self._update_buttons)

    # --- reading -------------------------------------------------------------------------

    def refresh(self, keep_row: int | None = None) -> None:
        self.show_list(care.my_today(self._store, self.day), keep_row)

    def show_list(self, today: TodayList, keep_row: int | None = None) -> None:
        self._list = today
        self.day = today.day
        self.title.setText(self.tr("Today, {date}").format(date=today.day.isoformat()))
        self.scope_line.show_grids(profile.my_grid_ids(self._store, today.day))  # what care.my_today listed
        self.counts.setText(self.tr("Due {due} · Overdue {overdue} · Done today {done} · Alerts {alerts}").format(
            due=len(today.due), overdue=len(today.overdue), done=len(today.done), alerts=len(today.alerts)))
        self._rows = today.to_work + today.done
        self._show_other()
        self.table.setRowCount(len(self._rows))
        grey = QBrush(QColor("#888888"))
        alert = QBrush(QColor("#b00020"))
        late = QBrush(QColor("#a05a00"))
        for r, item in enumerate(self._rows):
            cells = (
                self._state(item), item.name, item.address, "、".join(item.phones_masked),
                care_labels.frequency(item.frequency, item.interval_days),
                care_labels.day(item.last_contact, today.day), item.volunteer,
            )
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)  # a cut-off cell (two phone numbers) can still be read
                if item.done_today:
                    cell.setForeground(grey)
                elif item.alert and c == self.STATE:
                    cell.setForeground(alert)
                elif item.days_overdue and c == self.STATE:
                    cell.setForeground(late)
                self.table.setItem(r, c, cell)
        if self._rows:
            row = min(keep_row if keep_row is not None else 0, len(today.to_work) - 1)
            self.table.selectRow(max(0, row))
        self._update_buttons()

    def _show_other(self) -> None:
        self.other.clear()
        grids = profile.my_grid_ids(self._store, self.day)
        for gap in walks.grids_without_walk(self._store, grids, self.day):
            last = gap.last_walk.isoformat() if gap.last_walk else self.tr("never")
            entry = QListWidgetItem(self.tr("No night walk this week in {community}{grid} (last: {last})").format(
                community=gap.community, grid=gap.grid, last=last))
            entry.setData(Qt.ItemDataRole.UserRole, ("walks", gap.grid_id))
            self.other.addItem(entry)
        for item in lists.waiting_for_claim(self._store, grids, self.day):
            entry = QListWidgetItem(self.tr("Escalated to the {level}, to be claimed: {title} ({place})").format(
                level=vocab.word(lists.LEVELS, item.escalation_level), title=item.title, place=item.place or "—"))
            entry.setData(Qt.ItemDataRole.UserRole, ("item", item.id))
            self.other.addItem(entry)
        for item in lists.overdue_items(self._store, grids, self.day):
            entry = QListWidgetItem(self.tr("Overdue {kind}: {title} ({place}) — {when}").format(
                kind=self._kind(item.kind), title=item.title, place=item.place or "—",
                when=self.tr("%n day(s) overdue", "", item.overdue_days)))
            entry.setData(Qt.ItemDataRole.UserRole, ("item", item.id))
            self.other.addItem(entry)
        for visit in mediation.return_visits_due(self._store, self.day, grids):  # the reports' scope
            when = (self.tr("%n day(s) overdue", "", visit.days_overdue) if visit.days_overdue
                    else self.tr("due today"))
            text = self.tr("Return visit, mediation {number} ({category}): {parties} — {when}").format(
                number=visit.number, category=mediation_labels.category(visit.category), parties=visit.parties,
                when=when)
            entry = QListWidgetItem(text)
            entry.setData(Qt.ItemDataRole.UserRole, ("case", visit.case_id))
            self.other.addItem(entry)
        self._show_duty()
        if not self.other.count():
            self.other.addItem(self.tr("Nothing else due today."))
        self.other_title.setText(self.tr("Also due ({n})").format(n=sum(
            1 for i in range(self.other.count()) if self.other.item(i).data(Qt.ItemDataRole.UserRole))))

    def _show_duty(self) -> None:
        """我与书记有约: tonight's weekend duty, on the Today page of whoever sits it (issue 22)."""
        from gridkeeper.meetings import duty

        me = profile.current_cadre(self._store, self.day)
        for shift in duty.on_duty(self._store, me.name, self.day) if me else []:
            entry = QListWidgetItem(self.tr("Weekend duty tonight: {compound}, {place}").format(
                compound=shift.compound, place=shift.place or "—"))
            entry.setData(Qt.ItemDataRole.UserRole, ("duty", shift.id))
            self.other.addItem(entry)

    def _kind(self, code: str) -> str:
        return vocab.word(lists.KINDS, code)

    def _open_other(self, entry: QListWidgetItem) -> None:
        data = entry.data(Qt.ItemDataRole.UserRole)
        if not data:
            return
        if data[0] == "case":
            self.open_case.emit(data[1])
        elif data[0] == "item":
            self.open_item.emit(data[1])
        elif data[0] == "walks":
            self.open_walks.emit()
        elif data[0] == "duty":
            self.open_duty.emit(data[1])

    def _state(self, item: DueItem) -> str:
        if item.done_today:
            return self.tr("✓ done today")
        if item.alert:
            return self.tr("⚠ 2× no answer: knock on the door")
        late = self.tr("%n day(s) overdue", "", item.days_overdue) if item.days_overdue else self.tr("due today")
        if item.tried_today:  # the call was made; the row must not look untouched
            return self.tr("tried today: {outcome} · {late}").format(
                outcome=care_labels.outcome(item.last_outcome), late=late)
        return late

    def selected(self) -> DueItem | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self._rows[rows[0].row()] if rows and rows[0].row() < len(self._rows) else None

    def _update_buttons(self) -> None:
        item = self.selected()
        busy = self._job is not None and self._job.is_running()
        for b in (self.well_button, self.no_answer_button, self.other_button, self.correct_button):
            b.setEnabled(item is not None and not busy)
        # Nobody fails to answer a number that is not on file.
        self.no_answer_button.setEnabled(self.no_answer_button.isEnabled() and bool(item and item.phones_masked))
        self.correct_button.setEnabled(self.correct_button.isEnabled() and bool(item and item.last_outcome))
        self.reveal_button.setEnabled(item is not None and item.person_id is not None and bool(item.phones_masked))
        self.file_button.setEnabled(item is not None)

    # --- acting --------------------------------------------------------------------------

    def _act(self, action: str) -> None:
        item = self.selected()
        if item is None or (self._job is not None and self._job.is_running()):
            return
        if action == "reveal":
            self._reveal(item)
            return
        if action == "correct":
            self._correct(item)
            return
        if action == "no_answer" and not item.phones_masked:
            self.status.setText(self.tr("{name} has no phone number on file: knock on the door (O), "
                                        "or add the number in the household file.").format(name=item.name))
            return
        values = {"outcome": action, "method": "phone", "note": "", "need": ""}
        if action == "other" or (action == "well" and item.alert and not item.done_today):
            # After two unanswered calls a "well" was not a phone call that went through: ask how.
            asked = action == "well"
            dialog = ContactDialog(
                f"{item.name} · {item.address}", outcome="well" if asked else "needs_help", parent=self,
                method="door" if asked else "phone",
                question=self.tr("Two calls went unanswered: how was the contact made?") if asked else "")
            if dialog.exec() != QDialog.DialogCode.Accepted:
                self.table.setFocus()
                return
            values = dialog.values()
        row = self.table.currentRow()
        store = self._store
        when = datetime.combine(self.day, clock.now().time())
        job = Job(lambda _p, _c: care.record_contact(store, item.plan_id, when=when, **values), self)
        job.finished.connect(lambda contact_id: self._recorded(item, values["outcome"], row, contact_id))
        job.failed.connect(self._failed)
        self._job = job
        self._update_buttons()
        job.start(database_pool())

    def _recorded(self, item: DueItem, outcome: str, row: int, contact_id: str | None = None) -> None:
        self.status.setText(self.tr("Recorded: {name}, {outcome}.").format(
            name=item.name, outcome=care_labels.outcome(outcome)))
        if contact_id and outcome not in care.ENDING and outcome not in care.PAUSING:
            self._undoable = (contact_id, item.name)
            self.undo_button.show()
            self._undo_timer.start(self.UNDO_MS)
        else:
            self._undo_expired()
        self.refresh(keep_row=row)
        # A person not reached stays on the list: go on to the next one, so the next Enter is
        # never "well" for the person who did not answer.
        if self._rows and row < len(self._rows) and self._rows[row].plan_id == item.plan_id:
            self.table.selectRow(min(row + 1, max(0, len(self._list.to_work) - 1 if self._list else 0)))
        self.table.setFocus()
        self.contact_recorded.emit()

    def undo(self) -> None:
        """Take back the contact just recorded (a stray Enter): it no longer counts anywhere."""
        if self._undoable is None or (self._job is not None and self._job.is_running()):
            return
        contact_id, name = self._undoable
        self._undo_expired()
        row = self.table.currentRow()
        store = self._store
        now = datetime.combine(self.day, clock.now().time())  # the clock the contact was recorded by
        job = Job(lambda _p, _c: care.undo_contact(store, contact_id, now=now), self)
        job.finished.connect(lambda _r: self._undone(name, row))
        job.failed.connect(self._failed)
        self._job = job
        job.start(database_pool())

    def _undone(self, name: str, row: int) -> None:
        self.status.setText(self.tr("Undone: the contact with {name} is not recorded.").format(name=name))
        self.refresh(keep_row=row)
        self.table.setFocus()
        self.contact_recorded.emit()

    def _undo_expired(self) -> None:
        self._undoable = None
        self._undo_timer.stop()
        self.undo_button.hide()

    def _correct(self, item: DueItem) -> None:
        last = care.latest_contact(self._store, item.plan_id)
        if last is None:
            self.status.setText(self.tr("{name} has no contact to correct.").format(name=item.name))
            return
        recorded = self.tr("{when}, {method}, {outcome}, by {by}").format(
            when=last.contacted_at[:16], method=care_labels.method(last.method),
            outcome=care_labels.outcome(last.outcome), by=last.by or "—")
        dialog = self.correct_dialog(f"{item.name} · {item.address}", recorded)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            self.table.setFocus()
            return
        outcome, reason = dialog.values()
        row = self.table.currentRow()
        store = self._store
        job = Job(lambda _p, _c: care.correct_contact(store, last.id, outcome, reason), self)
        job.finished.connect(lambda _id: self._corrected(item, outcome, row))
        job.failed.connect(self._failed)
        self._job = job
        self._update_buttons()
        job.start(database_pool())

    def correct_dialog(self, who: str, recorded: str) -> CorrectDialog:
        return CorrectDialog(who, recorded, self)

    def _corrected(self, item: DueItem, outcome: str, row: int) -> None:
        self.status.setText(self.tr("Corrected: {name}, now {outcome}.").format(
            name=item.name, outcome=care_labels.outcome(outcome)))
        self.refresh(keep_row=row)
        self.table.setFocus()
        self.contact_recorded.emit()

    def print_sheet(self) -> None:
        """The day's call sheet on A4, for a cadre who calls from a desk phone or goes door to door."""
        if self._list is None:
            return
        from gridkeeper.ui.care import call_sheet  # QtPrintSupport loads on first use

        call_sheet.print_with_dialog(self._list, self)

    def _failed(self, message: str) -> None:
        self.status.setText(self.tr("Not recorded: {reason}").format(reason=message))
        self._update_buttons()

    def _reveal(self, item: DueItem) -> None:
        if item.person_id is None:
            return
        numbers = audit.reveal(self._store, "person", item.person_id, "phones")
        self.status.setText(self.tr("{name}: {numbers} (shown; written to the audit log)").format(
            name=item.name, numbers=numbers or self.tr("no number")))

    def _open_selected(self) -> None:
        item = self.selected()
        if item is not None:
            self.open_household.emit(item.household_id)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 (Qt)
        # Opened the next morning, or back from another page: the list must be today's.
        if self._opened_on != clock.today():
            self.day = self._opened_on = clock.today()
            self.refresh()
        elif self._list is None:
            self.refresh()
        super().showEvent(event)

