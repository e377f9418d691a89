"""Conflicts page: what two laptops both changed before syncing, and the three ways to settle it.

The value in the data now is the one that won (the same on every laptop);
settling writes the chosen value as a normal change, which syncs like any
edit. Conflicts are few, so a plain table widget filled from the use case.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gridkeeper.errors import GridKeeperError
from gridkeeper.places import audit
from gridkeeper.rules import idnumber, phone
from gridkeeper.store import Store
from gridkeeper.sync import conflicts, office
from gridkeeper.sync.conflicts import Conflict
from gridkeeper.sync.office import Member
from gridkeeper.ui.sync.words import SyncWords
from gridkeeper.ui.worker import Job, database_pool

ID_FIELDS = {("person", "id_number")}
PHONE_LIST_FIELDS = {("person", "phones")}  # JSON lists of numbers
PHONE_FIELDS = {("cadre", "phone")}


class ConflictsPage(QWidget):
    count_changed = Signal(int)  # open conflicts after a refresh
    resolved = Signal(object)  # the Conflict just settled (the data changed)

    WHAT, WHERE, FIELD, NOW, OTHER, WON = range(6)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._conflicts: list[Conflict] = []
        self._job: Job | None = None
        self._pending: tuple[Conflict, str] | None = None
        self._members: dict[str, Member] = {}
        self._words = SyncWords(self)

        intro = QLabel(self.tr(
            "When two laptops changed the same thing before syncing, GridKeeper kept one value (the same on "
            "every laptop) and kept the other here. For each one: keep the value now, take the other, or "
            "type a new one. Your choice syncs to the other laptops like any edit."))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("conflicts")
        self.table.setHorizontalHeaderLabels([self.tr("What"), self.tr("Which one"), self.tr("Field"),
                                              self.tr("Value now"), self.tr("Other value"), self.tr("Which won")])
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)  # Tab goes on to the buttons
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        em = self.fontMetrics().horizontalAdvance("国")
        for column, chars in ((self.WHAT, 6), (self.WHERE, 22), (self.FIELD, 5), (self.NOW, 10), (self.OTHER, 10)):
            header.resizeSection(column, em * chars + 12)
        self.empty = QLabel(self.tr("No conflicts to review."))
        self.empty.setObjectName("empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.keep_button = QPushButton(self.tr("&Keep current"))
        self.keep_button.setObjectName("keep")
        self.keep_button.setToolTip(self.tr("The value now stays; the other one is set aside"))
        self.take_button = QPushButton(self.tr("&Take the other"))
        self.take_button.setObjectName("take")
        self.take_button.setToolTip(self.tr("The other laptop's value replaces the value now"))
        self.type_button = QPushButton(self.tr("Type a &new value…"))
        self.type_button.setObjectName("typeNew")
        self.type_button.setToolTip(self.tr("Neither is right: type the value it should have"))
        self.keep_button.clicked.connect(self.keep_current)
        self.take_button.clicked.connect(self.take_other)
        self.type_button.clicked.connect(self.type_new)
        self.reveal_button = QPushButton(self.tr("Show &full numbers"))
        self.reveal_button.setObjectName("reveal")
        self.reveal_button.setToolTip(self.tr("Shows both numbers in full; the audit log records who looked, and when"))
        self.reveal_button.clicked.connect(self.reveal)
        self.details = QLabel()
        self.details.setObjectName("details")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._revealed: dict[int, tuple[str, str]] = {}  # conflict id -> full values, until the next refresh
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        legend = QLabel(self.tr("ID and phone numbers are masked."))
        legend.setObjectName("legend")

        buttons = QHBoxLayout()
        for b in (self.keep_button, self.take_button, self.type_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.reveal_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.details)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(legend)

        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.refresh()

    # -- reading -------------------------------------------------------------

    def count(self) -> int:
        return len(self._conflicts)

    def refresh(self) -> None:
        row = max(self.table.currentRow(), 0)
        self._conflicts = conflicts.open_conflicts(self._store)
        self._members = office.members(self._store)
        self._revealed.clear()
        self.table.setRowCount(len(self._conflicts))
        for r, c in enumerate(self._conflicts):
            won = self.tr("this laptop") if c.mine_won else self.tr("another laptop")
            cells = (c.label, self.which_one(c), self.field_name(c.table, c.field), self.show_value(c, c.current),
                     self.show_value(c, c.other), won)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, column, item)
        has_any = bool(self._conflicts)
        self.table.setVisible(has_any)
        self.empty.setVisible(not has_any)
        if has_any:
            self.table.selectRow(min(row, len(self._conflicts) - 1))
        self._update_buttons()
        self.count_changed.emit(len(self._conflicts))

    def current(self) -> Conflict | None:
        row = self.table.currentRow()
        rows = {i.row() for i in self.table.selectedItems()}
        if row < 0 or row not in rows or row >= len(self._conflicts):
            return None
        return self._conflicts[row]

    def which_one(self, c: Conflict) -> str:
        """Address, gender and birth year: the street has three people named 廖欣."""
        parts = [c.where] if c.where else []
        if c.gender in ("M", "F"):
            parts.append(self.tr("male") if c.gender == "M" else self.tr("female"))
        if c.born:
            parts.append(self.tr("born {year}").format(year=c.born))
        return self.tr(", ").join(parts)

    def who(self, device: str) -> str:
        return self._words.laptop(device, self._members, self._store.device_id)

    def describe(self, c: Conflict) -> str:
        """Who wrote each value and when, for the selected conflict; full numbers once revealed."""
        now, other = self._revealed.get(c.id) or (self.show_value(c, c.current), self.show_value(c, c.other))
        lines = []
        for label, value, device, at in ((self.tr("Value now"), now, c.winner_device, c.winner_at),
                                         (self.tr("Other value"), other, c.loser_device, c.loser_at)):
            when = at.strftime("%Y-%m-%d %H:%M") if at else self.tr("an unknown time")
            lines.append(self.tr("{label}: {value}, written by {who} at {when}").format(
                label=label, value=value, who=self.who(device), when=when))
        return "\n".join(lines)

    def reveal(self) -> None:
        """Both full numbers of a masked field, each reveal written to the audit log."""
        c = self.current()
        if c is None or not self._sensitive(c):
            return
        try:
            full = (audit.reveal_conflict(self._store, c.id, other=False),
                    audit.reveal_conflict(self._store, c.id, other=True))
        except GridKeeperError as e:
            self.status.setText(e.translated(QCoreApplication.translate))
            return
        self._revealed[c.id] = (full[0] or self.tr("(empty)"), full[1] or self.tr("(empty)"))
        self._update_buttons()
        self.status.setText(self.tr("The full numbers are shown; the audit log records that you looked."))

    def field_name(self, table: str, field: str) -> str:
        common = {"deleted": self.tr("Deleted"), "note": self.tr("Note")}
        if table == "person":
            common |= {
                "name": self.tr("Name"),
                "phones": self.tr("Phones"),
                "relation_to_head": self.tr("Relation to head"),
                "household_id": self.tr("Household"),
                "id_number": self.tr("ID number"),
            }
        return common.get(field, field)

    def show_value(self, c: Conflict, value: Any) -> str:
        """The value as a person reads it: numbers masked, empty and deletion in words."""
        key = (c.table, c.field)
        if value is None or value == "":
            return self.tr("(empty)")
        if c.field == "deleted":
            return self.tr("deleted") if value in (1, True, "1") else self.tr("not deleted")
        if key in ID_FIELDS:
            return idnumber.mask(str(value))
        if key in PHONE_FIELDS:
            return phone.mask(str(value))
        if key in PHONE_LIST_FIELDS:
            numbers = _phone_list(value)
            if numbers is None:
                return "*" * len(str(value))
            return "、".join(phone.mask(n) for n in numbers) or self.tr("(empty)")
        return str(value)

    # -- settling ------------------------------------------------------------

    def keep_current(self) -> None:
        c = self.current()
        if c is not None:
            self._resolve(c, c.current, self.tr("Kept {value} for {field} of {what}."))

    def take_other(self) -> None:
        c = self.current()
        if c is not None:
            self._resolve(c, c.other, self.tr("Took {value} for {field} of {what}."))

    def type_new(self) -> None:
        c = self.current()
        if c is None:
            return
        if c.field == "deleted":
            self.status.setText(self.tr("Deletion has only two values: keep the current one or take the other."))
            return
        field = self.field_name(c.table, c.field)
        sensitive = self._sensitive(c)
        if sensitive:  # never put a full number on screen unasked: the cadre types it
            prefill = ""
            prompt = self.tr("New {field} of {what} (type the full number; several phone numbers separated "
                             "by spaces):").format(field=field, what=c.label)
        else:
            prefill = "" if c.current is None else str(c.current)
            prompt = self.tr("New {field} of {what}:").format(field=field, what=c.label)
        text, ok = QInputDialog.getText(self, self.tr("Type a new value"), prompt, QLineEdit.EchoMode.Normal, prefill)
        if not ok:
            return
        text = text.strip()
        if not text:
            self.status.setText(self.tr("Nothing was typed, so nothing was changed."))
            return
        value: Any = text
        if (c.table, c.field) in PHONE_LIST_FIELDS:
            valid, invalid = phone.split_cell(text)
            if invalid or not valid:
                self.status.setText(self.tr("That is not a phone number (or not only phone numbers); "
                                            "nothing was changed."))
                return
            value = json.dumps(valid)
        self._resolve(c, value, self.tr("Set {field} of {what} to {value}."))

    def running(self) -> bool:
        return self._job is not None and self._job.is_running()

    def _resolve(self, c: Conflict, value: Any, done_text: str) -> None:
        if self.running():
            return
        store = self._store
        message = done_text.format(value=self.show_value(c, value), field=self.field_name(c.table, c.field),
                                   what=c.label)
        job = Job(lambda _p, _c: conflicts.resolve(store, c.id, value), self)
        job.finished.connect(self._resolved)
        job.failed.connect(self._failed)
        self._job = job
        self._pending = (c, message)
        self._update_buttons()
        self.status.setText(self.tr("Saving…"))
        job.start(database_pool())

    def _resolved(self, _result: object) -> None:
        assert self._pending is not None
        c, message = self._pending
        self._end_job()
        self.status.setText(message)
        self.refresh()
        self.table.setFocus()
        self.resolved.emit(c)

    def _failed(self, message: str) -> None:
        self._end_job()
        self.status.setText(message)
        self.refresh()

    def _end_job(self) -> None:
        # Bound methods, not lambdas, are connected to the job: PySide crashed deleting a
        # Job whose finished signal had a lambda connected (tests/ui/test_sync_ui.py).
        if self._job is not None:
            self._job.deleteLater()
        self._job = None
        self._pending = None

    def _update_buttons(self) -> None:
        c = self.current()
        enabled = c is not None and not self.running()
        for b in (self.keep_button, self.take_button, self.type_button):
            b.setEnabled(enabled)
        self.type_button.setEnabled(enabled and c is not None and c.field != "deleted")
        sensitive = c is not None and self._sensitive(c)
        self.reveal_button.setVisible(sensitive)
        self.reveal_button.setEnabled(sensitive and c is not None and c.id not in self._revealed)
        self.details.setText(self.describe(c) if c is not None else "")
        self.details.setVisible(c is not None)

    @staticmethod
    def _sensitive(c: Conflict) -> bool:
        key = (c.table, c.field)
        return key in ID_FIELDS or key in PHONE_FIELDS or key in PHONE_LIST_FIELDS


def _phone_list(value: Any) -> list[str] | None:
    """phones are stored as JSON text ('["138…"]'); None when it is not a list of numbers."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return None
    if not isinstance(value, list):
        return None
    return [str(n) for n in value]
