"""Meetings page: the meetings (三方联席会议), deliberations (邻里议事厅) and the weekend duty
(我与书记有约), one tab each. Every action is a use case of gridkeeper.meetings; a refusal
shows in words in the form, which stays open."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gridkeeper import clock, lists, mediation
from gridkeeper.errors import GridKeeperError
from gridkeeper.meetings import deliberation, duty, meeting, papers
from gridkeeper.meetings.terms import (
    CONTEXT,
    KINDS,
    MATTER_CATEGORIES,
    METHODS,
    ORDER,
    OUTCOMES,
    SIDES,
    SOURCES,
    STAGES,
)
from gridkeeper.store import Store
from gridkeeper.ui.meetings.forms import FormDialog, combo, count_box, date_edit, day_of
from gridkeeper.ui.widgets.vocab import error_text, split_names


def _m(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text) or text


def _v(text: str) -> str:
    return QCoreApplication.translate("vocab", text) or text


def _buttons(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for b in buttons:
        row.addWidget(b)
    row.addStretch(1)
    return row


def _selected(view: QListWidget) -> str | None:
    item = view.currentItem()
    return None if item is None else item.data(Qt.ItemDataRole.UserRole)


class _Tab(QWidget):
    changed = Signal()

    def __init__(self, store: Store, compounds: list[tuple[str, str]]) -> None:
        super().__init__()
        self.store, self.compounds = store, compounds
        self.message = QLabel()
        self.message.setWordWrap(True)

    def compound_box(self) -> QComboBox:
        box = QComboBox()
        for cid, name in self.compounds:
            box.addItem(name, cid)
        return box

    def save_pdf(self, suggested: str, make: object) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save as PDF"), str(Path.home() / suggested),
                                              self.tr("PDF files (*.pdf)"))
        if path:
            self.write_pdf(Path(path), make)

    def write_pdf(self, path: Path, make: object) -> None:
        from gridkeeper.ui.meetings import paper_pdf

        try:
            title, html = make()  # type: ignore[operator]
            paper_pdf.save_pdf(title, html, path)
        except GridKeeperError as exc:
            self.message.setText(error_text(exc))
            return
        except OSError as exc:
            self.message.setText(self.tr("Could not write {path}: {reason}").format(path=str(path),
                                                                                reason=exc.strerror))
            return
        self.message.setText(self.tr("Saved {path}").format(path=str(path)))


class MeetingsTab(_Tab):
    def __init__(self, store: Store, compounds: list[tuple[str, str]]) -> None:
        super().__init__(store, compounds)
        self.list = QListWidget()
        self.list.setObjectName("meetings")
        self.agenda = QListWidget()
        self.agenda.setObjectName("agenda")
        self.agenda.setWordWrap(True)
        self.head = QLabel()
        self.head.setWordWrap(True)
        new, add = QPushButton(self.tr("New meeting…")), QPushButton(self.tr("Add agenda item…"))
        minutes, decide = QPushButton(self.tr("Minutes…")), QPushButton(self.tr("Decision…"))
        pdf = QPushButton(self.tr("Minutes as PDF…"))
        new.clicked.connect(self.new_meeting)
        add.clicked.connect(self.add_item)
        minutes.clicked.connect(self.minutes)
        decide.clicked.connect(self.decision)
        pdf.clicked.connect(lambda: self.current() and self.save_pdf(
            "会议纪要.pdf", lambda: papers.minutes_html(self.store, self.current() or "")))
        self.list.currentRowChanged.connect(lambda _r: self.show_meeting())
        right = QVBoxLayout()
        right.addWidget(self.head)
        right.addWidget(self.agenda, 1)
        right.addLayout(_buttons(add, minutes, decide, pdf))
        body = QHBoxLayout()
        body.addWidget(self.list, 2)
        body.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(_buttons(new))
        layout.addLayout(body, 1)
        layout.addWidget(self.message)

    def current(self) -> str | None:
        return _selected(self.list)

    def load(self) -> None:
        keep = self.current()
        self.list.clear()
        for r in meeting.list_meetings(self.store):
            item = QListWidgetItem(f"{r.held_on.isoformat()}  {r.where}  {_m(KINDS.get(r.kind, r.kind))}")
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            self.list.addItem(item)
            if r.id == keep:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)

    def show_meeting(self) -> None:
        self.agenda.clear()
        f = meeting.meeting_file(self.store, self.current() or "")
        if f is None:
            self.head.clear()
            return
        sides: dict[str, list[str]] = {}
        for a in f.attendees:
            sides.setdefault(a.side, []).append(a.name)
        people = "；".join(f"{_m(SIDES[s])}：{'、'.join(n)}" for s, n in sides.items())
        self.head.setText(f"<b>{f.meeting.where} {_m(KINDS.get(f.meeting.kind, ''))}</b> "
                          f"{f.meeting.held_on.isoformat()} {f.meeting.place}<br>{people}")
        for a in f.agenda:
            lines = [f"{a.position}. [{_m(SOURCES.get(a.source, a.source))}] {a.title}"]
            if a.item_status:
                lines[0] += f" — {_v(lists.STATUSES.get(a.item_status, a.item_status))}"
            if a.minutes:
                lines.append(self.tr("Minutes: {text}").format(text=a.minutes))
            if a.decision:
                owner = _v(lists.OWNER_PARTIES.get(a.owner_party or "", "")) + (f" {a.owner_name}" if a.owner_name
                                                                                  else "")
                lines.append(self.tr("Decision: {text} ({owner}, by {due})").format(
                    text=a.decision, owner=owner, due=a.due_date.isoformat() if a.due_date else ""))
            item = QListWidgetItem("\n".join(lines))
            item.setData(Qt.ItemDataRole.UserRole, a.id)
            self.agenda.addItem(item)

    def new_meeting(self) -> None:
        compound, kind = self.compound_box(), combo(KINDS, _m)
        held, place = date_edit(clock.today()), QLineEdit(self.tr("Community hall"))
        people = {side: QLineEdit() for side in ("party", "hoa", "property", "community", "cadre")}
        hand = QPlainTextEdit()
        hand.setPlaceholderText(self.tr("One item a line"))
        hand.setFixedHeight(70)
        preview = QLabel()
        preview.setWordWrap(True)

        def draft() -> None:
            cid = compound.currentData()
            topics = meeting.draft_agenda(self.store, cid, day_of(held)) if cid else []
            preview.setText(self.tr("The agenda opens with {n} items: the last meeting's decisions and the "
                                    "month's topics.").format(n=len(topics)))

        compound.currentIndexChanged.connect(lambda _i: draft())
        held.dateChanged.connect(lambda _d: draft())
        draft()

        def save() -> None:
            attendees = tuple(meeting.AttendeeInput(side, name) for side, box in people.items()
                              for name in split_names(box.text()))
            new = meeting.NewMeeting(kind.currentData(), day_of(held), place.text(), compound.currentData(),
                                     attendees=attendees, hand_items=tuple(hand.toPlainText().splitlines()))
            made = meeting.create_meeting(self.store, new)
            self.load()
            self._select(made)

        fields = [(self.tr("Compound"), compound), (self.tr("Kind"), kind), (self.tr("Date"), held),
                  (self.tr("Place"), place)]
        fields += [(_m(SIDES[s]), box) for s, box in people.items()]
        fields += [(self.tr("Items added by hand"), hand), ("", preview)]
        if FormDialog(self, self.tr("New meeting"), fields, save).exec():
            self.changed.emit()

    def _select(self, meeting_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == meeting_id:
                self.list.setCurrentRow(row)

    def _need(self, view: QListWidget, what: str) -> str | None:
        found = _selected(view)
        if found is None:
            self.message.setText(what)
        return found

    def add_item(self) -> None:
        mid = self._need(self.list, self.tr("Choose a meeting first."))
        if mid is None:
            return
        title = QLineEdit()
        if FormDialog(self, self.tr("Add agenda item"), [(self.tr("Item"), title)],
                      lambda: meeting.add_item(self.store, mid, title.text())).exec():
            self.show_meeting()

    def minutes(self) -> None:
        aid = self._need(self.agenda, self.tr("Choose an agenda item first."))
        if aid is None:
            return
        text = QPlainTextEdit()
        if FormDialog(self, self.tr("Minutes"), [(self.tr("Minutes"), text)],
                      lambda: meeting.record_minutes(self.store, aid, text.toPlainText())).exec():
            self.show_meeting()

    def decision(self) -> None:
        aid = self._need(self.agenda, self.tr("Choose an agenda item first."))
        if aid is None:
            return
        text, owner, name = QLineEdit(), combo(lists.OWNER_PARTIES, _v), QLineEdit()
        due = date_edit(clock.today() + timedelta(days=14))
        fields = [(self.tr("Decision"), text), (self.tr("Owner"), owner), (self.tr("Owner's name"), name),
                  (self.tr("Deadline"), due)]
        if FormDialog(self, self.tr("Decision"), fields, lambda: meeting.record_decision(
                self.store, aid, text.text(), owner.currentData(), name.text(), day_of(due))).exec():
            self.show_meeting()
            self.changed.emit()


class DeliberationsTab(_Tab):
    def __init__(self, store: Store, compounds: list[tuple[str, str]]) -> None:
        super().__init__(store, compounds)
        self.list = QListWidget()
        self.list.setObjectName("deliberations")
        self.detail = QListWidget()
        self.detail.setWordWrap(True)
        self.head = QLabel()
        self.head.setWordWrap(True)
        new, stage = QPushButton(self.tr("New matter…")), QPushButton(self.tr("Record the next stage…"))
        back, pdf = QPushButton(self.tr("Send back…")), QPushButton(self.tr("Result notice as PDF…"))
        new.clicked.connect(self.new_matter)
        stage.clicked.connect(self.next_stage)
        back.clicked.connect(self.send_back)
        pdf.clicked.connect(lambda: self.current() and self.save_pdf(
            "议事结果公示.pdf", lambda: papers.notice_html(self.store, self.current() or "")))
        self.list.currentRowChanged.connect(lambda _r: self.show_matter())
        right = QVBoxLayout()
        right.addWidget(self.head)
        right.addWidget(self.detail, 1)
        right.addLayout(_buttons(stage, back, pdf))
        body = QHBoxLayout()
        body.addWidget(self.list, 2)
        body.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(_buttons(new))
        layout.addLayout(body, 1)
        layout.addWidget(self.message)

    def current(self) -> str | None:
        return _selected(self.list)

    def load(self) -> None:
        keep = self.current()
        self.list.clear()
        for r in deliberation.matters(self.store):
            item = QListWidgetItem(f"{r.opened_on.isoformat()}  {r.compound}  {r.title} — {_m(STAGES[r.stage])}")
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            self.list.addItem(item)
            if r.id == keep:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)

    def show_matter(self) -> None:
        self.detail.clear()
        f = deliberation.matter_file(self.store, self.current() or "")
        if f is None:
            self.head.clear()
            return
        self.head.setText(f"<b>{f.compound} {f.title}</b> — {_m(STAGES[f.stage])}<br>{f.detail}")
        if f.party_on:
            self.detail.addItem(f"{_m(STAGES['party'])} {f.party_on.isoformat()}: {f.party_opinion}")
        if f.tripartite_on:
            self.detail.addItem(f"{_m(STAGES['tripartite'])} {f.tripartite_on.isoformat()}: {f.tripartite_agreed}")
        if f.residents_on and f.tally:
            t = f.tally
            self.detail.addItem(self.tr("{stage} {day} ({method}): {consulted} households consulted: {yes} for, "
                                        "{no} against, {abstain} abstaining, {missed} not reached").format(
                stage=_m(STAGES["residents"]), day=f.residents_on.isoformat(),
                method=_m(METHODS.get(f.residents_method or "", "")), consulted=t.consulted, yes=t.for_,
                no=t.against, abstain=t.abstain, missed=t.not_reached))
        for s in f.steps:
            note = f" — {s.note}" if s.note else ""
            self.detail.addItem(f"{s.at[:10]}  → {_m(STAGES.get(s.to_stage, s.to_stage))}{note}")

    def new_matter(self) -> None:
        compound, title, detail, opened = self.compound_box(), QLineEdit(), QPlainTextEdit(), date_edit(clock.today())
        detail.setFixedHeight(70)

        def save() -> None:
            deliberation.open_matter(self.store, compound.currentData(), title.text(), day_of(opened),
                                     detail.toPlainText())
            self.load()

        if FormDialog(self, self.tr("New matter"), [(self.tr("Compound"), compound), (self.tr("Matter"), title),
                                                    (self.tr("Details"), detail), (self.tr("Opened"), opened)],
                      save).exec():
            self.changed.emit()

    def next_stage(self) -> None:
        did = self.current()
        f = deliberation.matter_file(self.store, did or "")
        if f is None or did is None:
            self.message.setText(self.tr("Choose a matter first."))
            return
        on = date_edit(clock.today())
        if f.stage in ("party", "tripartite"):
            text = QPlainTextEdit()
            record = deliberation.record_party if f.stage == "party" else deliberation.record_tripartite
            label = self.tr("Opinion") if f.stage == "party" else self.tr("What the three parties agreed")
            fields = [(self.tr("Date"), on), (label, text)]

            def save() -> None:
                record(self.store, did, day_of(on), text.toPlainText())
        elif f.stage == "residents":
            method = combo(METHODS, _m)
            boxes = [count_box() for _ in range(5)]
            fields = [(self.tr("Date"), on), (self.tr("Method"), method)] + list(zip(
                (self.tr("Households consulted"), self.tr("For"), self.tr("Against"), self.tr("Abstaining"),
                 self.tr("Not reached")), boxes))
            buildings = QPlainTextEdit()
            buildings.setObjectName("byBuilding")
            buildings.setPlaceholderText(self.tr("Optional, one line per building: building, for, against, "
                                                 "abstaining, not reached — e.g. 3幢 12 3 1 0"))
            buildings.setMaximumHeight(self.fontMetrics().height() * 6)
            fields.append((self.tr("By building"), buildings))

            def save() -> None:
                n = [b.value() for b in boxes]
                deliberation.record_residents(self.store, did, day_of(on), method.currentData(), deliberation.Tally(
                    *n, by_building=deliberation.parse_buildings(buildings.toPlainText())))
        elif f.stage == "decision":
            result = QComboBox()
            for code in ("adopted", "rejected", "withdrawn"):
                result.addItem(_m(STAGES[code]), code)
            note = QLineEdit()
            fields = [(self.tr("Date"), on), (self.tr("Decision"), result), (self.tr("Note"), note)]

            def save() -> None:
                deliberation.decide(self.store, did, result.currentData(), day_of(on), note.text())
        else:
            self.message.setText(self.tr("This matter is decided."))
            return
        if FormDialog(self, _m(STAGES[f.stage]), fields, save).exec():
            self.load()
            self.show_matter()
            self.changed.emit()

    def send_back(self) -> None:
        did = self.current()
        if did is None:
            self.message.setText(self.tr("Choose a matter first."))
            return
        stage, reason = QComboBox(), QLineEdit()
        for code in ORDER[:3]:
            stage.addItem(_m(STAGES[code]), code)
        if FormDialog(self, self.tr("Send back"), [(self.tr("Back to"), stage), (self.tr("Reason"), reason)],
                      lambda: deliberation.send_back(self.store, did, stage.currentData(), reason.text())).exec():
            self.load()
            self.show_matter()


class DutyTab(_Tab):
    def __init__(self, store: Store, compounds: list[tuple[str, str]]) -> None:
        super().__init__(store, compounds)
        self.shifts = QListWidget()
        self.shifts.setObjectName("shifts")
        self.matters = QListWidget()
        self.matters.setObjectName("matters")
        self.matters.setWordWrap(True)
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        gen, edit = QPushButton(self.tr("Generate roster…")), QPushButton(self.tr("Edit shift…"))
        take = QPushButton(self.tr("Take a matter…"))
        settle, escalate = QPushButton(self.tr("Settled…")), QPushButton(self.tr("Escalate…"))
        case, item = QPushButton(self.tr("To mediation")), QPushButton(self.tr("To list item"))
        answer = QPushButton(self.tr("Answer…"))
        gen.clicked.connect(self.generate)
        edit.clicked.connect(self.edit_shift)
        take.clicked.connect(self.take)
        settle.clicked.connect(lambda: self.outcome("settle"))
        escalate.clicked.connect(lambda: self.outcome("escalate"))
        case.clicked.connect(lambda: self.outcome("mediation"))
        item.clicked.connect(lambda: self.outcome("item"))
        answer.clicked.connect(lambda: self.outcome("answer"))
        self.shifts.currentRowChanged.connect(lambda _r: self.show_matters())
        right = QVBoxLayout()
        right.addWidget(self.matters, 1)
        right.addLayout(_buttons(take, settle, case, item, escalate, answer))
        body = QHBoxLayout()
        body.addWidget(self.shifts, 2)
        body.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(_buttons(gen, edit))
        layout.addWidget(self.counts)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)

    def load(self) -> None:
        today = clock.today()
        keep = _selected(self.shifts)
        self.shifts.clear()
        first = today.replace(day=1)
        current = None
        for s in duty.roster(self.store, first, today + timedelta(weeks=5)):
            item = QListWidgetItem(self.tr("{day} {compound}: {secretary}, {chair}, {cadres} · {n} matters").format(
                day=s.on_date.isoformat(), compound=s.compound, secretary=s.secretary, chair=s.hoa_chair,
                cadres=s.cadres, n=s.matters))
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            self.shifts.addItem(item)
            if s.id == keep or (keep is None and current is None and s.on_date >= today):
                current = item
        if current is not None:
            self.shifts.setCurrentItem(current)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        counts = duty.monthly_counts(self.store, first, last)
        self.counts.setText(self.tr("This month: {evenings} evenings, {taken} matters taken, {settled} settled on "
                                    "the spot, {escalated} escalated, {answered} answered within 7 days").format(
            evenings=sum(c.evenings for c in counts), taken=sum(c.taken for c in counts),
            settled=sum(c.settled for c in counts), escalated=sum(c.escalated for c in counts),
            answered=sum(c.answered_in_time for c in counts)))

    def open_evening(self, shift_id: str) -> None:
        for row in range(self.shifts.count()):
            if self.shifts.item(row).data(Qt.ItemDataRole.UserRole) == shift_id:
                self.shifts.setCurrentRow(row)
                self.shifts.scrollToItem(self.shifts.item(row))
                return
        self.message.setText(self.tr("That duty evening is not in this roster any more."))

    def show_matters(self) -> None:
        self.matters.clear()
        sid = _selected(self.shifts)
        for m in duty.matters_of(self.store, sid) if sid else []:
            text = (f"{m.taken_at[11:16]} {m.resident} [{_m(MATTER_CATEGORIES[m.category])}] {m.what} — "
                    f"{_m(OUTCOMES[m.outcome])}")
            if m.feedback:
                text += "\n" + self.tr("Answer {day}: {text}").format(
                    day=m.feedback_on.isoformat() if m.feedback_on else "", text=m.feedback)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, m.id)
            self.matters.addItem(item)

    def generate(self) -> None:
        compound, first, weeks = self.compound_box(), date_edit(clock.today()), QSpinBox()
        weeks.setRange(1, 26)
        weeks.setValue(8)
        secretary, chair, cadres, place = QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit(self.tr("Community hall"))

        def save() -> None:
            duty.generate_roster(self.store, compound.currentData(), day_of(first), weeks.value(),
                                 secretary=secretary.text(), hoa_chair=chair.text(), cadres=cadres.text(),
                                 place=place.text())
            self.load()

        FormDialog(self, self.tr("Generate roster"), [
            (self.tr("Compound"), compound), (self.tr("From"), first), (self.tr("Weeks"), weeks),
            (self.tr("Party branch secretary"), secretary), (self.tr("HOA chair"), chair),
            (self.tr("Cadres"), cadres), (self.tr("Place"), place)], save).exec()

    def edit_shift(self) -> None:
        sid = _selected(self.shifts)
        shift = next((s for s in duty.roster(self.store, date.min, date.max) if s.id == sid), None)
        if shift is None:
            self.message.setText(self.tr("Choose a duty evening first."))
            return
        secretary, chair, cadres = QLineEdit(shift.secretary), QLineEdit(shift.hoa_chair), QLineEdit(shift.cadres)

        def save() -> None:
            duty.edit_shift(self.store, shift.id, secretary=secretary.text(), hoa_chair=chair.text(),
                            cadres=cadres.text())
            self.load()

        FormDialog(self, self.tr("Edit shift"), [(self.tr("Party branch secretary"), secretary),
                                                 (self.tr("HOA chair"), chair), (self.tr("Cadres"), cadres)],
                   save).exec()

    def take(self) -> None:
        sid = _selected(self.shifts)
        if sid is None:
            self.message.setText(self.tr("Choose a duty evening first."))
            return
        resident, what, category = QLineEdit(), QLineEdit(), combo(MATTER_CATEGORIES, _m)
        if FormDialog(self, self.tr("Take a matter"), [
                (self.tr("Resident"), resident), (self.tr("What"), what), (self.tr("Category"), category)],
                lambda: duty.take_matter(self.store, sid, resident.text(), what.text(),
                                         category.currentData())).exec():
            self.load()
            self.show_matters()

    def outcome(self, action: str) -> None:
        mid = _selected(self.matters)
        if mid is None:
            self.message.setText(self.tr("Choose a matter first."))
            return
        try:
            if action == "mediation":
                duty.to_mediation(self.store, mid)
                self.message.setText(self.tr("A mediation case was opened."))
            elif action == "item":
                if not self.to_list_item(mid):
                    return
            else:
                text = QLineEdit()
                label = {"settle": self.tr("How it was settled"), "escalate": self.tr("Escalated to"),
                         "answer": self.tr("The resident's answer")}[action]
                use = {"settle": duty.settle, "escalate": duty.escalate, "answer": duty.answer}[action]
                if not FormDialog(self, label, [(label, text)], lambda: use(self.store, mid, text.text())).exec():
                    return
        except GridKeeperError as exc:
            self.message.setText(error_text(exc))
            return
        self.load()
        self.show_matters()
        self.changed.emit()

    def to_list_item(self, mid: str) -> bool:
        """The owner and deadline chosen; the property company and a week unless the cadre says otherwise."""
        owner, due = combo(lists.OWNER_PARTIES, _v), date_edit(clock.today() + timedelta(days=duty.ITEM_DAYS))
        owner.setCurrentIndex(max(0, owner.findData("property")))
        said: list[str] = []

        def save() -> None:
            duty.to_list_item(self.store, mid, owner.currentData(), day_of(due))
            said.append(self.tr("A list item was opened for {owner}, due {day}.").format(
                owner=owner.currentText(), day=day_of(due).isoformat()))

        if not FormDialog(self, self.tr("To list item"), [(self.tr("Owner"), owner), (self.tr("Deadline"), due)],
                          save).exec():
            return False
        self.message.setText(said[0])
        return True


class MeetingsPage(QWidget):
    changed = Signal()

    def __init__(self, store: Store) -> None:
        super().__init__()
        compounds = mediation.compounds(store)
        self._store = store
        self.find = QLineEdit()
        self.find.setObjectName("find")
        self.find.setPlaceholderText(self.tr("Search meetings, deliberations and duty matters"))
        self.find.setClearButtonEnabled(True)
        self.find.textChanged.connect(lambda _t: self.filter())
        self.tabs = QTabWidget()
        self.meetings = MeetingsTab(store, compounds)
        self.deliberations = DeliberationsTab(store, compounds)
        self.duty = DutyTab(store, compounds)
        for tab, title in ((self.meetings, self.tr("Meetings")), (self.deliberations, self.tr("Deliberation")),
                           (self.duty, self.tr("Weekend duty"))):
            self.tabs.addTab(tab, title)
            tab.changed.connect(self.changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.find)
        layout.addWidget(self.tabs)
        self._read_once = False

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        if not self._read_once:
            self._read_once = True
            self.load()

    def load(self) -> None:
        for tab in (self.meetings, self.deliberations, self.duty):
            tab.load()
        self.filter()

    def show_shift(self, shift_id: str) -> None:
        """The duty tab on that evening (from the Today page): read now if the page was never shown,
        and the search cleared so the evening is not hidden."""
        if not self._read_once:
            self._read_once = True
            self.load()
        self.find.clear()
        self.tabs.setCurrentWidget(self.duty)
        self.duty.open_evening(shift_id)

    def filter(self) -> None:
        """Hide the rows the search words are not in (agenda, minutes, matters, names included)."""
        words = self.find.text().strip()
        found = meeting.search(self._store, words) if words else None
        for view, key in ((self.meetings.list, "meeting"), (self.deliberations.list, "deliberation"),
                          (self.duty.shifts, "shift")):
            for row in range(view.count()):
                item = view.item(row)
                item.setHidden(found is not None and item.data(Qt.ItemDataRole.UserRole) not in found[key])
