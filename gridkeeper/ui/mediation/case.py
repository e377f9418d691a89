"""One mediation case: its facts, the steps it can take now, and its record in tabs
(parties, sessions, agreement, return visits, history of status changes)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from gridkeeper import mediation
from gridkeeper.mediation import CaseFile, PartyRow
from gridkeeper.ui.mediation import labels

#: The buttons, in the order a case goes: (action name, English label). Shown when the step is open.
ACTIONS = (
    "mediating", "session", "agreed", "edit_agreement", "failed", "escalated", "performing", "performed",
    "not_performed", "visit", "schedule", "archived", "party", "print", "pdf",
)


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    header = table.horizontalHeader()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(value))
    table.resizeRowsToContents()


class CaseView(QWidget):
    """Emits `requested(action)` for a button; the page opens the matching dialog."""

    requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case: CaseFile | None = None
        self.office = "城南"  # the page sets it from the settings
        self.title = QLabel()
        self.title.setObjectName("caseTitle")
        self.facts = QLabel()
        self.facts.setObjectName("caseFacts")
        self.facts.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        captions = {
            "mediating": self.tr("Start &mediation"), "session": self.tr("Record &session…"),
            "agreed": self.tr("&Agreement reached…"), "edit_agreement": self.tr("Edit &agreement…"),
            "failed": self.tr("&Failed…"), "escalated": self.tr("&Escalate…"),
            "performing": self.tr("Being &performed"), "performed": self.tr("Per&formed"),
            "not_performed": self.tr("Not perfor&med"), "visit": self.tr("Return &visit…"),
            "schedule": self.tr("Sc&hedule visit…"), "archived": self.tr("Ar&chive"),
            "party": self.tr("Add pa&rty…"), "print": self.tr("Pr&int agreement…"),
            "pdf": self.tr("Save agreement as P&DF…"),
        }
        bar = QHBoxLayout()
        for action in ACTIONS:
            button = QPushButton(captions[action])
            button.setObjectName(f"action_{action}")
            button.clicked.connect(lambda _c=False, a=action: self.requested.emit(a))
            self.buttons[action] = button
            bar.addWidget(button)
        bar.addStretch(1)
        bar_widget = QWidget()
        bar_widget.setLayout(bar)

        self.tabs = QTabWidget()
        self.parties = _table([self.tr("Role"), self.tr("Name"), self.tr("Gender, ethnicity, born"),
                               self.tr("ID number"), self.tr("Contact"), self.tr("Address"), self.tr("Agent"),
                               self.tr("Resident's file")])
        self.remove_party = QPushButton(self.tr("Remove the selected party…"))
        self.remove_party.setObjectName("removeParty")
        self.remove_party.setEnabled(False)
        self.remove_party.clicked.connect(lambda: self.requested.emit("remove_party"))
        self.parties.itemSelectionChanged.connect(self._party_selection)
        parties_tab = QWidget()
        parties_layout = QVBoxLayout(parties_tab)
        parties_layout.setContentsMargins(0, 0, 0, 0)
        parties_layout.addWidget(self.parties, 1)
        row = QHBoxLayout()
        row.addWidget(self.remove_party)
        row.addStretch(1)
        parties_layout.addLayout(row)
        self.sessions = _table([self.tr("Time"), self.tr("Place"), self.tr("Attendees"), self.tr("Record")])
        self.agreement = QTextBrowser()
        self.agreement.setObjectName("agreement")
        self.visits = _table([self.tr("Visited on"), self.tr("By"), self.tr("Result")])
        self.history = _table([self.tr("When"), self.tr("From"), self.tr("To"), self.tr("By"), self.tr("Note")])
        for widget, title in ((parties_tab, self.tr("Parties")), (self.sessions, self.tr("Sessions")),
                              (self.agreement, self.tr("Agreement")), (self.visits, self.tr("Return visits")),
                              (self.history, self.tr("History"))):
            self.tabs.addTab(widget, title)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addWidget(bar_widget)
        layout.addWidget(self.tabs, 1)
        self.show_case(None)

    def show_case(self, case: CaseFile | None) -> None:
        self.case = case
        if case is None:
            self.title.setText(self.tr("Choose a case in the list, or start a new one (Ctrl+N)."))
            self.facts.clear()
            for button in self.buttons.values():
                button.hide()
            for table in (self.parties, self.sessions, self.visits, self.history):
                table.setRowCount(0)
            self.agreement.clear()
            return
        self.title.setText(
            f"<b style='font-size: 14pt'>{escape(mediation.format_number(case.number, self.office))}</b>"
            f"&nbsp;&nbsp;<span style='font-size: 12pt'>{escape(labels.status(case.status))}</span>")
        facts = [
            self.tr("Received {date} · {source} · {category}").format(
                date=case.received_on.isoformat(), source=labels.source(case.source),
                category=labels.category(case.category)),
        ]
        if case.compound:
            facts.append(self.tr("Compound: {name}").format(name=case.compound))
        if case.mediators:
            facts.append(self.tr("Mediators: {names}").format(names=case.mediators))
        if case.next_visit_due:
            facts.append(self.tr("Next return visit due {date}").format(date=case.next_visit_due.isoformat()))
        if case.status == "failed" and case.remedies_told:
            facts.append(self.tr("Told of other remedies: {text}").format(text=case.remedies_told))
        if case.status == "escalated":
            facts.append(self.tr("Escalated to {level}: {reason}").format(
                level=labels.label(mediation.ESCALATION_LEVELS, case.escalation_level),
                reason=case.escalation_reason))
        self.facts.setText("<br/>".join(escape(f) for f in facts) + f"<p>{escape(case.summary)}</p>")
        self._show_buttons(case)
        _fill(self.parties, [[labels.role(p.role), p.name, self._person(p), p.id_number, p.contact, p.address,
                              p.agent, self.tr("linked") if p.person_id else ""] for p in case.parties])
        self._party_selection()
        _fill(self.sessions, [[s.held_at.strftime("%Y-%m-%d %H:%M"), s.place, s.attendees, s.record]
                              for s in case.sessions])
        _fill(self.visits, [[v.visited_on.isoformat(), v.by_name, v.result] for v in case.visits])
        _fill(self.history, [[h.changed_at.strftime("%Y-%m-%d %H:%M"), labels.status(h.from_status),
                              labels.status(h.to_status), h.by_name, h.note] for h in case.history])
        self._show_agreement(case)

    def selected_party(self) -> str | None:
        rows = {i.row() for i in self.parties.selectedIndexes()}
        if self.case is None or len(rows) != 1:
            return None
        row = rows.pop()
        return self.case.parties[row].id if row < len(self.case.parties) else None

    def _person(self, p: PartyRow) -> str:
        gender = {"M": self.tr("male"), "F": self.tr("female")}.get(p.gender, "")
        born = p.birth_date.isoformat() if p.birth_date else ""
        return self.tr(", ").join(x for x in (gender, p.ethnicity, born) if x)

    def _party_selection(self) -> None:
        open_case = self.case is not None and self.case.status != "archived"
        self.remove_party.setEnabled(open_case and self.selected_party() is not None)

    def _show_buttons(self, case: CaseFile) -> None:
        allowed = set(case.allowed)
        has_agreement = case.agreement is not None
        shown = {
            "mediating": "mediating" in allowed and case.status == "received",
            "session": case.status in ("received", "mediating", "not_performed"),
            "agreed": "agreed" in allowed,
            "edit_agreement": case.status == "agreed",
            "failed": "failed" in allowed,
            "escalated": "escalated" in allowed,
            "performing": "performing" in allowed,
            "performed": "performed" in allowed,
            "not_performed": "not_performed" in allowed,
            "visit": case.status in mediation.VISIT_STATES,
            "schedule": case.status in ("agreed",) + mediation.VISIT_STATES,
            "archived": "archived" in allowed,
            "party": case.status != "archived",
            "print": has_agreement,
            "pdf": has_agreement,
        }
        for action, button in self.buttons.items():
            button.setVisible(shown[action])

    def _show_agreement(self, case: CaseFile) -> None:
        a = case.agreement
        if a is None:
            self.agreement.setPlainText(self.tr("No agreement yet."))
            return
        due = a.performance_due.isoformat() if a.performance_due else self.tr("no deadline")
        parts = [
            (self.tr("Form"), labels.label(mediation.AGREEMENT_FORMS, a.form)),
            (self.tr("Signed on"), a.signed_on.isoformat()),
            (self.tr("Facts"), a.facts),
            (self.tr("Terms"), a.terms),
            (self.tr("How performed"), a.performance_method),
            (self.tr("Deadline"), due),
        ]
        self.agreement.setHtml("".join(
            f"<p><b>{escape(k)}</b><br/>{escape(v).replace(chr(10), '<br/>')}</p>" for k, v in parts))
