"""Volunteers: the teams (志愿服务队) and the volunteers paired with households in care plans."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gridkeeper import care, clock
from gridkeeper.errors import GridKeeperError
from gridkeeper.organisations import teams as org_teams
from gridkeeper.places import audit
from gridkeeper.reports.period import month_of
from gridkeeper.store import Store
from gridkeeper.ui.households.detail import _fill, _table


class VolunteerDialog(QDialog):
    def __init__(self, teams: list[tuple[str, str, int]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a volunteer"))
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.phone = QLineEdit()
        self.phone.setObjectName("phone")
        self.team = QComboBox()
        self.team.setObjectName("team")
        self.team.addItem(self.tr("(no team)"), None)
        for tid, name, _n in teams:
            self.team.addItem(name, tid)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Phone:"), self.phone)
        form.addRow(self.tr("&Team:"), self.team)
        form.addRow(buttons)


class VolunteersPage(QWidget):
    changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._rows: list[care.VolunteerRow] = []
        self._hidden: set[int] = set()  # table rows the search hides
        self._hours: dict[str, float] = {}
        self.table = _table([self.tr("Name"), self.tr("Team"), self.tr("Phone"), self.tr("Care plans paired"),
                             self.tr("Service hours this month")], "volunteers")
        self.search = QLineEdit()
        self.search.setObjectName("volunteerSearch")
        self.search.setPlaceholderText(self.tr("Type to find a volunteer or a team"))
        self.search.textChanged.connect(self._filter)
        self.summary = QLabel()
        self.summary.setObjectName("volunteerSummary")
        self.status = QLabel()
        self.status.setObjectName("volunteerStatus")
        self.status.setWordWrap(True)
        add = QPushButton(self.tr("&Add volunteer…"))
        add.setObjectName("addVolunteer")
        add.clicked.connect(self.add_volunteer)
        team = QPushButton(self.tr("New &team…"))
        team.setObjectName("addTeam")
        team.clicked.connect(self.add_team)
        self.reveal_button = QPushButton(self.tr("Show &phone"))
        self.reveal_button.setObjectName("revealVolunteer")
        self.reveal_button.clicked.connect(self.reveal)
        buttons = QHBoxLayout()
        for b in (add, team, self.reveal_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self._shown_once = False

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 (Qt)
        if not self._shown_once:  # read when first looked at, not at start-up
            self._shown_once = True
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        self._rows = care.volunteer_list(self._store)
        month = month_of(clock.today())  # hours of the activities they were named in (organisations.teams)
        self._hours = {f.key: f.hours for f in org_teams.work(self._store, month.first, month.last).volunteers}
        _fill(self.table, [(v.name, v.team or "—", v.phone_masked, str(v.plans), f"{self._hours.get(v.id, 0):g}")
                           for v in self._rows])
        self._hidden = set()
        self._filter()
        teams = care.teams(self._store)
        self.summary.setText(self.tr("Teams: {teams} · volunteers: {volunteers} · paired in care plans: {paired}").format(
            teams=len(teams), volunteers=len(self._rows), paired=sum(1 for v in self._rows if v.plans)))

    def _filter(self) -> None:
        """Hide the rows the search leaves out; only rows whose state changes are touched. The table is
        filled once per refresh, not per keystroke: 1,500 volunteers are 7,500 cells, and under Python
        3.11 each PySide6 6.12 call returning None leaks a reference to None (docs/architecture.md, UI)."""
        wanted = self.search.text().strip().lower()
        hide = {r for r, v in enumerate(self._rows) if wanted and wanted not in v.name.lower()
                and wanted not in v.team.lower()}
        for r in hide ^ self._hidden:
            self.table.setRowHidden(r, r in hide)
        self._hidden = hide

    def add_volunteer(self) -> None:
        dialog = VolunteerDialog(care.teams(self._store), self)
        if not dialog.exec():
            return
        try:
            care.add_volunteer(self._store, dialog.name.text(), dialog.phone.text(), dialog.team.currentData())
        except GridKeeperError as exc:
            self.status.setText(self.tr("Not saved: {reason}").format(
                reason=exc.translated(QCoreApplication.translate)))
            return
        self.refresh()
        self.status.setText(self.tr("Volunteer {name} added.").format(name=dialog.name.text().strip()))
        self.changed.emit()

    def add_team(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New team"), self.tr("Team name:"))
        if not ok:
            return
        try:
            care.add_team(self._store, name)
        except GridKeeperError as exc:
            self.status.setText(self.tr("Not saved: {reason}").format(
                reason=exc.translated(QCoreApplication.translate)))
            return
        self.refresh()
        self.status.setText(self.tr("Team {name} added.").format(name=name.strip()))

    def reveal(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self._rows) or row in self._hidden or not self._rows[row].phone_masked:
            return
        number = audit.reveal(self._store, "volunteer", self._rows[row].id, "phone")
        self.status.setText(self.tr("{name}: {value} (shown; written to the audit log)").format(
            name=self._rows[row].name, value=number))
