"""The household file (一户一档): members, care and history, each on a tab.

Members: add (with the duplicate check), edit, tags, moved out, deceased,
show an ID or phone number (audited). Care: the plans, a contact or a service
recorded on the spot. History: the timeline of the household. Every action
says in the line under the tabs what it did.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gridkeeper import care, clock
from gridkeeper.errors import GridKeeperError
from gridkeeper.places import audit, households
from gridkeeper.places.households import HouseholdFile, Member
from gridkeeper.store import Store
from gridkeeper.ui.care import labels as care_labels
from gridkeeper.ui.widgets.attachments import AttachmentStrip

# The forms, the member checks (which reuse the roster's) and the timeline load on first use:
# they are a fifth of the main window's import time and nobody needs them at start-up.

SENSITIVE_MARK = "※"


def _table(columns: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(columns)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, value in enumerate(cells):
            table.setItem(r, c, QTableWidgetItem(value))


def _button(text: str, name: str, slot: object) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.clicked.connect(slot)
    return button


class HouseholdDetail(QWidget):
    changed = Signal(str)  # household id: its file was edited
    reopen = Signal(str)  # household id: show this household instead (the one kept by a merge)

    def __init__(self, store: Store | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._file: HouseholdFile | None = None
        self._plans: list = []
        self.title = QLabel()
        self.title.setObjectName("householdTitle")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.facts = QLabel()
        self.facts.setObjectName("householdFacts")
        self.facts.setWordWrap(True)
        # Moving, merging, vacant (空户): household actions beside the title; a member's move below the members.
        from gridkeeper.ui.households.moves import HouseholdMoves

        self.moves = HouseholdMoves(store, self, lambda: self._file, self._selected_member)
        self.moves.done.connect(self._done)
        self.moves.reopen.connect(self._reopen)

        self.members = _table([self.tr("Name"), self.tr("Relation"), self.tr("Gender"), self.tr("Born (age)"),
                               self.tr("ID number"), self.tr("Phones"), self.tr("Tags")], "members")
        self.member_buttons = [
            _button(self.tr("&Add member…"), "addMember", self.add_member),
            _button(self.tr("&Edit…"), "editMember", self.edit_member),
            _button(self.tr("&Tags…"), "tags", self.edit_tags),
            _button(self.tr("Moved &out"), "movedOut", lambda: self.set_status("moved_out")),
            _button(self.tr("&Deceased"), "deceased", lambda: self.set_status("deceased")),
            self.moves.member_button,
            _button(self.tr("Show &ID"), "showId", lambda: self.reveal("id_number")),
            _button(self.tr("Show &phones"), "showPhones", lambda: self.reveal("phones")),
            _button(self.tr("Household &note…"), "householdNote", self.edit_note),
        ]
        self.legend = QLabel(
            self.tr("ID and phone numbers are masked. {mark} marks sensitive personal information.").format(
                mark=SENSITIVE_MARK))
        self.legend.setWordWrap(True)
        self.legend.setObjectName("hint")
        members_tab = self._tab(self.members, self.member_buttons, self.legend)

        self.plans = _table([self.tr("Who"), self.tr("Contact"), self.tr("Volunteer"), self.tr("From"),
                             self.tr("Until")], "plans")
        self.care_buttons = [
            _button(self.tr("&New plan…"), "newPlan", self.new_plan),
            _button(self.tr("End p&lan"), "endPlan", self.end_plan),
            _button(self.tr("Record &contact…"), "recordContact", self.record_contact),
            _button(self.tr("Record &service…"), "recordService", self.record_service),
        ]
        care_tab = self._tab(self.plans, self.care_buttons)

        self.history = _table([self.tr("When"), self.tr("Who"), self.tr("What")], "history")
        history_tab = self._tab(self.history, [])

        self.tabs = QTabWidget()
        self.tabs.addTab(members_tab, self.tr("Members"))
        self.tabs.addTab(care_tab, self.tr("Care"))
        self.tabs.addTab(history_tab, self.tr("History"))
        self.photos: AttachmentStrip | None = None
        if store is not None:  # 一户一档 keeps the household's papers: photos of the door plate, scans
            self.photos = AttachmentStrip(store, parent=self)
            self.tabs.addTab(self.photos, self.tr("Photos and scans"))
        self.status = QLabel()
        self.status.setObjectName("fileStatus")
        self.status.setWordWrap(True)
        self.placeholder = QLabel(self.tr("Select a household to read its file."))
        self.placeholder.setObjectName("hint")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.placeholder)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        for b in self.moves.household_buttons:
            head.addWidget(b)
        self.print_button = _button(self.tr("&Print file…"), "printFile", self.print_file)
        self.print_button.setToolTip(self.tr("The household's file (一户一档) on A4"))
        head.addWidget(self.print_button)
        self.head = QWidget()
        self.head.setLayout(head)
        head.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.head)
        layout.addWidget(self.facts)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        self.members.itemSelectionChanged.connect(self._update_buttons)
        self.plans.itemSelectionChanged.connect(self._update_buttons)
        self.show_file(None)

    def _tab(self, table: QTableWidget, buttons: list[QPushButton], *extra: QWidget) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(table, 1)
        row = QHBoxLayout()
        for b in buttons:
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)
        for w in extra:
            layout.addWidget(w)
        return tab

    # --- showing ---------------------------------------------------------------------------

    def _gender(self, code: str) -> str:
        return {"M": self.tr("Male"), "F": self.tr("Female")}.get(code, "")

    def _status(self, member: Member) -> str:
        return {"moved_out": self.tr("moved out"), "deceased": self.tr("deceased")}.get(member.status, "")

    def _tags(self, member: Member) -> str:
        parts = []
        for name, sensitive, detail in member.tags:
            text = f"{name}（{detail}）" if detail else name  # Chinese text: full-width brackets
            parts.append(SENSITIVE_MARK + text if sensitive else text)
        return "、".join(parts)

    def show_file(self, file: HouseholdFile | None) -> None:
        if file is None or self._file is None or file.id != self._file.id:
            self.status.clear()  # "王建国 added" belongs to his household's file, not the next one opened
        self._file = file
        has = file is not None
        self.placeholder.setVisible(not has)
        for w in (self.head, self.facts, self.tabs, self.status):
            w.setVisible(has)
        if self.photos is not None:
            self.photos.show_for("household", file.id if file is not None else None)
        if file is None:
            self.members.setRowCount(0)
            return
        self.title.setText(escape(file.row.address) + (escape(self.tr(" (vacant)")) if file.vacant_since else ""))
        facts = self.tr("{community} · {grid} · household no. {number} · {status}").format(
            community=file.row.community,
            grid=file.row.grid or self.tr("(no grid)"),
            number=file.household_no or "—",
            status=file.residence_status or self.tr("residence status unknown"),
        )
        if file.vacant_since:
            facts += " · " + self.tr("vacant (空户) since {day}").format(day=file.vacant_since.isoformat())
        self.facts.setText(facts)
        rows = []
        for m in file.members:
            born = m.birth_date.isoformat() if m.birth_date else ""
            if m.age is not None:
                born = self.tr("{date} ({age})").format(date=born, age=m.age)
            name = m.name if m.status == "active" else f"{m.name}（{self._status(m)}）"
            rows.append((name, m.relation, self._gender(m.gender), born, m.id_number_masked,
                         "、".join(m.phones_masked), self._tags(m)))
        _fill(self.members, rows)
        if self._store is not None:
            self._show_care()
            self._show_history()
        self._update_buttons()

    def _show_care(self) -> None:
        assert self._store is not None and self._file is not None
        self._plans = care.household_plans(self._store, self._file.id)
        _fill(self.plans, [
            (p.name if p.person_id else self.tr("whole household ({head})").format(head=p.name),
             care_labels.frequency(p.frequency, p.interval_days), p.volunteer or "—",
             p.start_date.isoformat(), p.end_date.isoformat() if p.end_date else self.tr("(running)"))
            for p in self._plans
        ])
        if self._plans:
            self.plans.selectRow(0)

    def _show_history(self) -> None:
        from gridkeeper.places import history
        from gridkeeper.ui.households.history_text import describe

        assert self._store is not None and self._file is not None
        events = history.timeline(self._store, self._file.id)
        _fill(self.history, [(e.at.strftime("%Y-%m-%d %H:%M"), e.person or "—", describe(e)) for e in events])

    def _selected_member(self) -> Member | None:
        rows = self.members.selectionModel().selectedRows()
        if self._file is None or not rows or rows[0].row() >= len(self._file.members):
            return None
        return self._file.members[rows[0].row()]

    def _selected_plan(self):  # type: ignore[no-untyped-def]
        rows = self.plans.selectionModel().selectedRows()
        return self._plans[rows[0].row()] if rows and rows[0].row() < len(self._plans) else None

    def _update_buttons(self) -> None:
        editable = self._store is not None and self._file is not None
        member = self._selected_member()
        for b in self.member_buttons:
            needs_member = b.objectName() not in ("addMember", "householdNote")
            b.setEnabled(editable and (member is not None or not needs_member))
        if member is not None:
            self.findChild(QPushButton, "showId").setEnabled(editable and bool(member.id_number_masked))
            self.findChild(QPushButton, "showPhones").setEnabled(editable and bool(member.phones_masked))
        self.moves.update()
        plan = self._selected_plan()
        for b in self.care_buttons:
            needs_plan = b.objectName() in ("endPlan", "recordContact")
            b.setEnabled(editable and (plan is not None or not needs_plan))

    # --- acting ----------------------------------------------------------------------------

    def _done(self, message: str) -> None:
        """Re-read the file, say what happened, tell the page."""
        assert self._store is not None and self._file is not None
        household_id = self._file.id
        selected = self.members.currentRow()
        self.show_file(households.household_file(self._store, household_id))
        if 0 <= selected < self.members.rowCount():
            self.members.selectRow(selected)
        self.status.setText(message)
        self.changed.emit(household_id)

    def current_building(self) -> str:
        """The building of the open file: a new household is most often filed next door."""
        return self._file.building_id if self._file is not None else ""

    def _reopen(self, household_id: str, message: str) -> None:
        """Another household is shown now (the kept one of a merge): the page finds it in the list."""
        self.reopen.emit(household_id)
        self.status.setText(message)
        self.changed.emit(household_id)

    def print_file(self) -> None:
        from gridkeeper.ui.households import sheet_print  # QtPrintSupport loads on first print

        if self._store is not None and self._file is not None:
            sheet_print.print_with_dialog(self._store, self._file, self)

    def _failed(self, exc: GridKeeperError) -> None:
        self.status.setText(self.tr("Not saved: {reason}").format(reason=exc.translated(QCoreApplication.translate)))

    def _persons(self) -> list[tuple[str, str]]:
        assert self._file is not None
        return [(m.id, m.name) for m in self._file.members if m.status == "active"]

    def _has_head(self, but: str | None = None) -> bool:
        """Another active member is 户主: a household has one head."""
        assert self._file is not None
        return any(m.relation == "户主" and m.status == "active" and m.id != but for m in self._file.members)

    def add_member(self) -> None:
        from gridkeeper.places import members
        from gridkeeper.ui.households.member_dialog import MemberDialog

        assert self._store is not None and self._file is not None
        dialog = MemberDialog(parent=self, has_head=self._has_head())
        if not dialog.exec() or dialog.person is None:
            return
        person, relation, note = dialog.person, dialog.relation.currentText(), dialog.note.text()
        try:
            matches = members.find_matches(self._store, person)
            if matches:
                match = matches[0]
                where = match.address or self.tr("no household")
                if match.household_id == self._file.id:
                    self.status.setText(self.tr("{name} is already a member of this household.").format(
                        name=match.name))
                    return
                box = QMessageBox(QMessageBox.Icon.Question, self.tr("Already on file"), self.tr(
                    "{name}, born {born}, is already on file at {where}. Move this person into this household "
                    "instead of creating a second file?").format(
                        name=match.name, born=match.birth_date.isoformat() if match.birth_date else "—",
                        where=where), parent=self)
                move = box.addButton(self.tr("&Move here"), QMessageBox.ButtonRole.AcceptRole)
                new = box.addButton(self.tr("Create a &new person"), QMessageBox.ButtonRole.DestructiveRole)
                new.setEnabled(match.by != "id_number")  # same ID number: the same person, always
                box.addButton(QMessageBox.StandardButton.Cancel)
                box.setDefaultButton(move)
                box.exec()
                if box.clickedButton() is move:
                    members.move_in(self._store, match.id, self._file.id, relation)
                    self._done(self.tr("{name} moved into this household from {where}.").format(
                        name=match.name, where=where))
                    return
                if box.clickedButton() is not new:
                    return
            members.add_person(self._store, self._file.id, person, relation, note)
        except GridKeeperError as exc:
            self._failed(exc)
            return
        self._done(self.tr("{name} added to the household.").format(name=person.name))

    def edit_member(self) -> None:
        from gridkeeper.places import members
        from gridkeeper.ui.households.member_dialog import MemberDialog

        member = self._selected_member()
        if member is None or self._store is None:
            return
        dialog = MemberDialog(member, parent=self, has_head=self._has_head(but=member.id))
        if not dialog.exec() or dialog.person is None:
            return
        try:
            members.update_person(self._store, member.id, dialog.person, dialog.relation.currentText(),
                                  dialog.note.text(), keep_phones=dialog.keeps_phones())
        except GridKeeperError as exc:
            self._failed(exc)
            return
        self._done(self.tr("{name} saved.").format(name=dialog.person.name))

    def edit_tags(self) -> None:
        from gridkeeper.places import members
        from gridkeeper.ui.households.member_dialog import TagsDialog

        member = self._selected_member()
        if member is None or self._store is None:
            return
        current = {name: detail for name, _s, detail in member.tags}
        dialog = TagsDialog(member.name, members.tag_names(self._store), current, self)
        if not dialog.exec():
            return
        chosen = dialog.chosen()
        try:
            for name in current.keys() - chosen.keys():
                members.remove_tag(self._store, member.id, name)
            for name, detail in chosen.items():
                if current.get(name) != detail:
                    members.set_tag(self._store, member.id, name, detail)
        except GridKeeperError as exc:
            self._failed(exc)
            return
        self._done(self.tr("Tags of {name} saved: {tags}").format(
            name=member.name, tags="、".join(chosen) or self.tr("none")))

    def set_status(self, status: str) -> None:
        from gridkeeper.places import members

        member = self._selected_member()
        if member is None or self._store is None:
            return
        question = (self.tr("Mark {name} as moved out? The file keeps them with their history.")
                    if status == "moved_out" else
                    self.tr("Mark {name} as deceased? The file keeps them with their history."))
        if QMessageBox.question(self, self.tr("Change status"), question.format(name=member.name)) != \
                QMessageBox.StandardButton.Yes:
            return
        members.set_status(self._store, member.id, status)
        self._done((self.tr("{name} marked as moved out.") if status == "moved_out"
                    else self.tr("{name} marked as deceased.")).format(name=member.name))

    def reveal(self, field: str) -> None:
        member = self._selected_member()
        if member is None or self._store is None:
            return
        value = audit.reveal(self._store, "person", member.id, field)
        self._show_history()
        self.status.setText(self.tr("{name}: {value} (shown; written to the audit log)").format(
            name=member.name, value=value or "—"))

    def edit_note(self) -> None:
        from gridkeeper.places import members

        if self._store is None or self._file is None:
            return
        note, ok = QInputDialog.getMultiLineText(self, self.tr("Household note"), self.tr("Note:"),
                                                 self._file.note)
        if ok:
            members.set_household_note(self._store, self._file.id, note)
            self._done(self.tr("Household note saved."))

    def new_plan(self) -> None:
        from gridkeeper.ui.care.dialogs import PlanDialog

        if self._store is None or self._file is None:
            return
        from gridkeeper.places import profile

        me = profile.current_cadre(self._store)
        cadres = [(c.id, c.name) for c in profile.list_cadres(self._store)]
        dialog = PlanDialog(self._persons(), care.volunteers_near(self._store, self._file.id), clock.today(), self,
                            cadres=cadres, me=me.id if me else None)
        if not dialog.exec():
            return
        try:
            care.save_plan(self._store, self._file.id, **dialog.values)  # type: ignore[arg-type]
        except GridKeeperError as exc:
            self._failed(exc)
            return
        self.tabs.setCurrentIndex(1)
        self._done(self.tr("Care plan saved."))

    def end_plan(self) -> None:
        plan = self._selected_plan()
        if plan is None or self._store is None:
            return
        care.end_plan(self._store, plan.id, clock.today())
        self._done(self.tr("Care plan of {name} ended today.").format(name=plan.name))

    def record_contact(self) -> None:
        from gridkeeper.ui.care.contact_dialog import ContactDialog

        plan = self._selected_plan()
        if plan is None or self._store is None:
            return
        dialog = ContactDialog(plan.name, outcome="well", parent=self)
        if not dialog.exec():
            return
        values = dialog.values()
        care.record_contact(self._store, plan.id, **values)
        self._done(self.tr("Recorded: {name}, {outcome}.").format(
            name=plan.name, outcome=care_labels.outcome(values["outcome"])))

    def record_service(self) -> None:
        from gridkeeper.ui.care.dialogs import ServiceDialog

        if self._store is None or self._file is None:
            return
        dialog = ServiceDialog(self._persons(), care.volunteers_near(self._store, self._file.id), clock.today(), self)
        if not dialog.exec():
            return
        try:
            care.record_service(self._store, self._file.id, **dialog.values)  # type: ignore[arg-type]
        except GridKeeperError as exc:
            self._failed(exc)
            return
        self._done(self.tr("Service recorded: {service}.").format(
            service=care_labels.service(str(dialog.values["service_type"]))))
