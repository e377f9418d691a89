"""Night walks page: this week's compliance, walks by ISO week, one walk's findings, a new walk.

An unsettled finding becomes a problem in the four lists with one action
(Make a problem, Ctrl+P); the walk keeps showing the problem's status.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gridkeeper import clock, lists, walks
from gridkeeper.errors import GridKeeperError
from gridkeeper.store import Store
from gridkeeper.ui.walks.dialog import FindingDialog, WalkDialog
from gridkeeper.ui.widgets import vocab
from gridkeeper.ui.widgets.attachments import AttachmentStrip
from gridkeeper.ui.widgets.scope import ScopeLabel

#: Weeks shown at first, and added by "Earlier weeks".
WEEKS_SHOWN = 8


class WalksPage(QWidget):
    problem_made = Signal(str)  # the new problem's id: the Lists page refreshes
    walk_logged = Signal(str)

    DATE, TIME, GRIDS, LEADER, FINDINGS = range(5)

    def __init__(self, store: Store, my_grids: list[str] | None, me: str = "", today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._my_grids = my_grids
        self._me = me
        self._today = today
        self._weeks = WEEKS_SHOWN
        self._detail: walks.WalkDetail | None = None

        self.compliance = QLabel()
        self.compliance.setObjectName("compliance")
        self.compliance.setWordWrap(True)
        self.all_grids = QCheckBox(self.tr("All grids"))
        self.all_grids.setToolTip(self.tr("Show the walks of every grid in this profile, not only my grids"))
        self.all_grids.setChecked(my_grids is None)
        self.all_grids.setEnabled(my_grids is not None)
        self.all_grids.toggled.connect(lambda _on: self.refresh())
        self.new_button = QPushButton(self.tr("&New walk…"))
        self.new_button.setObjectName("newWalk")
        self.new_button.setToolTip(self.tr("Log a night walk and its findings (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_walk)
        QShortcut(QKeySequence.StandardKey.New, self, activated=self.new_walk)
        bar = QHBoxLayout()
        bar.addWidget(self.compliance, 1)
        bar.addWidget(self.all_grids)
        bar.addWidget(self.new_button)

        self.tree = QTreeWidget()
        self.tree.setObjectName("walks")
        self.tree.setColumnCount(5)
        self.tree.setHeaderLabels([self.tr("Date"), self.tr("Time"), self.tr("Grids"), self.tr("Leader"),
                                   self.tr("Findings")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        em = self.fontMetrics().horizontalAdvance("国")
        header = self.tree.header()
        for column, chars in ((self.DATE, 14), (self.TIME, 7), (self.GRIDS, 12), (self.LEADER, 5)):
            header.resizeSection(column, em * chars)
        self.tree.currentItemChanged.connect(self._on_current)
        self.earlier = QPushButton(self.tr("&Earlier weeks"))
        self.earlier.setObjectName("earlier")
        self.earlier.clicked.connect(self.show_earlier)
        self.count = QLabel()
        self.count.setObjectName("count")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree, 1)
        foot = QHBoxLayout()
        foot.addWidget(self.count, 1)
        foot.addWidget(self.earlier)
        left_layout.addLayout(foot)

        self.header = QLabel()
        self.header.setObjectName("walkHeader")
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.header.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.findings = QTableWidget(0, 5)
        self.findings.setObjectName("walkFindings")
        self.findings.setHorizontalHeaderLabels(
            [self.tr("Place"), self.tr("Category"), self.tr("Severity"), self.tr("Note"), self.tr("Outcome")])
        self.findings.verticalHeader().hide()
        self.findings.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.findings.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.findings.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.findings.setTabKeyNavigation(False)
        fh = self.findings.horizontalHeader()
        fh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        fh.setStretchLastSection(True)
        for column, chars in ((0, 10), (1, 6), (2, 4), (3, 14)):
            fh.resizeSection(column, em * chars)
        self.findings.itemSelectionChanged.connect(self._update_buttons)
        self.problem_button = QPushButton(self.tr("Make a &problem"))
        self.problem_button.setObjectName("makeProblem")
        self.problem_button.setToolTip(self.tr(
            "Put this unsettled finding on the problem list, linked to this walk (Ctrl+P)"))
        self.problem_button.clicked.connect(self.make_problem)
        QShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_P), self, activated=self.make_problem)
        self.add_button = QPushButton(self.tr("&Add finding…"))
        self.add_button.setObjectName("addFinding")
        self.add_button.setToolTip(self.tr("One more finding for this walk, remembered later"))
        self.add_button.clicked.connect(self.add_finding)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.header)
        right_layout.addWidget(self.findings, 1)
        row = QHBoxLayout()
        row.addWidget(self.problem_button)
        row.addWidget(self.add_button)
        row.addStretch(1)
        right_layout.addLayout(row)
        self.photos = AttachmentStrip(store, me, self)  # the selected finding's photos
        right_layout.addWidget(self.photos)
        right_layout.addWidget(self.status)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([360, 360])
        self.scope_line = ScopeLabel(store)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scope_line)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        self._stale = True  # read when shown, and again when shown after a change elsewhere

    # -- reading -----------------------------------------------------------------

    def today(self) -> date:
        return self._today or clock.today()

    def scope(self) -> list[str] | None:
        return None if self.all_grids.isChecked() else self._my_grids

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self, select: str | None = None) -> None:
        """Re-read the page now if it is shown, else when it next is."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self.scope_line.show_grids(self.scope())
        current = select or self.current_walk_id()
        self._show_compliance()
        today = self.today()
        monday = walks.week_of(today)[0]
        first = monday - timedelta(weeks=self._weeks - 1)
        rows = walks.walks_between(self._store, self.scope(), first, today)
        self.tree.clear()
        weeks: dict[tuple[int, int], QTreeWidgetItem] = {}
        chosen: QTreeWidgetItem | None = None
        first_item: QTreeWidgetItem | None = None
        for w in rows:
            iso = w.walk_date.isocalendar()
            week = weeks.get((iso.year, iso.week))
            if week is None:
                mon, sun = walks.week_of(w.walk_date)
                week = QTreeWidgetItem([self.tr("Week {week} of {year}: {monday} – {sunday}").format(
                    week=iso.week, year=iso.year, monday=mon.isoformat(), sunday=sun.isoformat())])
                week.setFlags(Qt.ItemFlag.ItemIsEnabled)
                bold = week.font(0)
                bold.setBold(True)
                week.setFont(0, bold)
                self.tree.addTopLevelItem(week)
                week.setFirstColumnSpanned(True)
                weeks[(iso.year, iso.week)] = week
            findings = self.tr("{n} (unsettled: {open}; made problems: {problems})").format(
                n=w.findings, open=w.unsettled, problems=w.problems) if w.findings else self.tr("none")
            item = QTreeWidgetItem([w.walk_date.isoformat(), f"{w.start_time}–{w.end_time}", "、".join(w.grids),
                                    w.leader, findings])
            item.setData(0, Qt.ItemDataRole.UserRole, w.id)
            week.addChild(item)
            if w.id == current:
                chosen = item
            first_item = first_item or item
        self.tree.expandAll()
        self.count.setText(self.tr("%n walk(s) since {first}", "", len(rows)).format(first=first.isoformat()))
        chosen = chosen or first_item
        if chosen is not None:
            self.tree.setCurrentItem(chosen)
        else:
            self.show_walk(None)

    def _show_compliance(self) -> None:
        today = self.today()
        monday, sunday = walks.week_of(today)
        missing = walks.grids_without_walk(self._store, self.scope(), today)
        week = self.tr("This week ({monday} – {sunday})").format(monday=monday.isoformat(), sunday=sunday.isoformat())
        if not walks.grids_in_scope(self._store, self.scope()):
            text, bad = self.tr("{week}: no grids in scope.").format(week=week), False
        elif not missing:
            text, bad = self.tr("{week}: every grid has its night walk.").format(week=week), False
        else:
            parts = []
            for g in missing:
                last = g.last_walk.isoformat() if g.last_walk else self.tr("never")
                parts.append(self.tr("{grid} (last walk: {last})").format(grid=f"{g.community}{g.grid}", last=last))
            text = self.tr("{week}: no night walk yet in %n grid(s): {grids}", "", len(missing)).format(
                week=week, grids="；".join(parts))
            bad = True
        self.compliance.setText(text)
        self.compliance.setStyleSheet("color: #b00020" if bad else "color: #1b5e20")

    def current_walk_id(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def _on_current(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        walk_id = current.data(0, Qt.ItemDataRole.UserRole) if current is not None else None
        if walk_id:
            self.show_walk(walk_id)

    def show_walk(self, walk_id: str | None) -> None:
        self._detail = walks.walk_detail(self._store, walk_id) if walk_id else None
        self.findings.setRowCount(0)
        if self._detail is None:
            self.header.setText(self.tr("No walk chosen. Log one with New walk (Ctrl+N)."))
            self._update_buttons()
            return
        d = self._detail
        people = {party: "、".join(n for p, n in d.participants if p == party) for party in walks.PARTIES}
        lines = [
            self.tr("{date}, {start}–{end}, led by {leader}; grids: {grids}").format(
                date=d.head.walk_date.isoformat(), start=d.head.start_time, end=d.head.end_time,
                leader=d.head.leader, grids="、".join(g.name for g in d.grids)),
        ]
        for party in ("cadre", "property", "hoa", "other"):
            if people[party]:
                lines.append(f"{vocab.word(walks.PARTIES, party)}: {people[party]}")
        if d.head.route:
            lines.append(self.tr("Route: {route}").format(route=d.head.route))
        if d.head.notes:
            lines.append(self.tr("Notes: {notes}").format(notes=d.head.notes))
        self.header.setText("\n".join(lines))
        self.findings.setRowCount(len(d.findings))
        for r, f in enumerate(d.findings):
            if f.settled:
                outcome = self.tr("settled on the spot")
            elif f.problem_id:
                outcome = self.tr("problem: {status}").format(status=vocab.word(lists.STATUSES, f.problem_status))
            else:
                outcome = self.tr("unsettled")
            cells = (f.place, vocab.word(walks.CATEGORIES, f.category), vocab.word(walks.SEVERITIES, f.severity),
                     f.note, outcome)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.findings.setItem(r, column, item)
        for column in (0, 1, 2):
            self.findings.resizeColumnToContents(column)
        if d.findings:
            self.findings.selectRow(0)
        self._update_buttons()

    def current_finding(self) -> walks.FindingRow | None:
        if self._detail is None:
            return None
        rows = {i.row() for i in self.findings.selectedItems()}
        row = self.findings.currentRow()
        if row < 0 or row not in rows or row >= len(self._detail.findings):
            return None
        return self._detail.findings[row]

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(self._detail is not None)
        f = self.current_finding()
        self.problem_button.setEnabled(f is not None and not f.settled and f.problem_id is None)
        self.photos.show_for("finding", f.id if f is not None else None)

    # -- actions -----------------------------------------------------------------

    def show_earlier(self) -> None:
        self._weeks += WEEKS_SHOWN
        self.refresh()

    def new_walk(self) -> None:
        dialog = WalkDialog(self._store, self._my_grids if not self.all_grids.isChecked() else None, self._me,
                            self.today(), self)
        if dialog.exec() and dialog.walk_id:
            self.after_logged(dialog.walk_id, len(dialog.findings))

    def after_logged(self, walk_id: str, findings: int) -> None:
        self.refresh(select=walk_id)
        self.status.setText(self.tr("Night walk logged with %n finding(s).", "", findings))
        self.walk_logged.emit(walk_id)
        self.findings.setFocus()

    def add_finding(self) -> None:
        if self._detail is None:
            return
        dialog = FindingDialog(self._store, self._detail.head.id, [g.id for g in self._detail.grids], self)
        if dialog.exec() and dialog.finding_id:
            self.finding_added(self._detail.head.id)

    def finding_added(self, walk_id: str) -> None:
        self.refresh(select=walk_id)
        if self._detail is not None:
            self.findings.selectRow(len(self._detail.findings) - 1)
        self.findings.setFocus()
        self.status.setText(self.tr("Finding added to the walk of {date}.").format(
            date=self._detail.head.walk_date.isoformat() if self._detail else ""))

    def make_problem(self) -> None:
        f = self.current_finding()
        if f is None:
            return
        if f.settled or f.problem_id:
            self.status.setText(self.tr("This finding was settled on the spot or is a problem already."))
            return
        try:
            problem_id = lists.problem_from_finding(self._store, f.id, by=self._me)
        except GridKeeperError as exc:
            self.status.setText(vocab.error_text(exc))
            return
        row = self.findings.currentRow()
        walk_id = self._detail.head.id if self._detail else None
        self.refresh(select=walk_id)
        self.findings.selectRow(row)
        self.findings.setFocus()
        self.status.setText(self.tr("“{what}” is now on the problem list.").format(what=f.note or f.place))
        self.problem_made.emit(problem_id)
