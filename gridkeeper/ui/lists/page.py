"""Lists page: the four lists (四张清单) with the claim workflow, and property company supervision.

Tabs for the kinds, filters by status, owner party and escalation level, a
table sortable by any column (due date, overdue days…), and one button per
step: claim, start, done, verify, reopen, decline, escalate. Each action says
what it did; a refused one says why in the user's language and changes nothing.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabBar,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from gridkeeper import clock, lists, walks
from gridkeeper.errors import GridKeeperError
from gridkeeper.store import Store
from gridkeeper.ui.lists.dialogs import EscalateDialog, ItemDialog, LinkDialog, VerifyDialog
from gridkeeper.ui.lists.property_view import PropertyView
from gridkeeper.ui.widgets import vocab
from gridkeeper.ui.widgets.attachments import AttachmentStrip
from gridkeeper.ui.widgets.scope import ScopeLabel


class _Cell(QTableWidgetItem):
    """A cell that sorts by a key (numbers as numbers, no date last) while showing text."""

    def __init__(self, text: str, key: object) -> None:
        super().__init__(text)
        self.setData(Qt.ItemDataRole.UserRole + 1, key)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(Qt.ItemDataRole.UserRole + 1), other.data(Qt.ItemDataRole.UserRole + 1)
        try:
            return bool(mine < theirs)
        except TypeError:
            return super().__lt__(other)


class ListsPage(QWidget):
    changed = Signal(str)  # an item id whose status or fields changed

    TITLE, KIND, STATUS, OWNER, CLAIMANT, DUE, OVERDUE, DAYS_OPEN, LEVEL, SOURCE, PLACE = range(11)
    TAB_KINDS = (None, "problem", "need", "service", "project")

    def __init__(self, store: Store, my_grids: list[str] | None, me: str = "", today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._my_grids = my_grids
        self._me = me
        self._today = today
        self._items: dict[str, lists.Item] = {}

        self.kinds = QTabBar()
        self.kinds.setObjectName("kinds")
        for label in (self.tr("All"), self.tr("Problems"), self.tr("Needs"), self.tr("Services"),
                      self.tr("Projects")):
            self.kinds.addTab(label)
        self.kinds.setCurrentIndex(1)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem(self.tr("Still to do"), "open")
        self.status_filter.addItem(self.tr("Any status"), None)
        for code, _label in lists.STATUSES.items():
            self.status_filter.addItem(vocab.word(lists.STATUSES, code), code)
        self.owner_filter = QComboBox()
        self.owner_filter.setObjectName("ownerFilter")
        vocab.fill(self.owner_filter, lists.OWNER_PARTIES, first=self.tr("Any owner"))
        self.level_filter = QComboBox()
        self.level_filter.setObjectName("levelFilter")
        vocab.fill(self.level_filter, lists.LEVELS, first=self.tr("Any level"))
        self.all_grids = QCheckBox(self.tr("All grids"))
        self.all_grids.setChecked(my_grids is None)
        self.all_grids.setEnabled(my_grids is not None)
        for combo in (self.status_filter, self.owner_filter, self.level_filter):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.kinds.currentChanged.connect(lambda _i: self.refresh())
        self.all_grids.toggled.connect(lambda _on: self.refresh())
        filters = QHBoxLayout()
        filters.addWidget(self.kinds)
        filters.addStretch(1)
        for w in (QLabel(self.tr("Show:")), self.status_filter, self.owner_filter, self.level_filter, self.all_grids):
            filters.addWidget(w)

        self.table = QTableWidget(0, 11)
        self.table.setObjectName("items")
        self.table.setHorizontalHeaderLabels([
            self.tr("Title"), self.tr("Kind"), self.tr("Status"), self.tr("Owner"), self.tr("Claimant"),
            self.tr("Due"), self.tr("Overdue (days)"), self.tr("Days open"), self.tr("Level"), self.tr("Source"),
            self.tr("Place")])
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(self.OVERDUE, Qt.SortOrder.DescendingOrder)  # most overdue first
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        em = self.fontMetrics().horizontalAdvance("国")
        widths = {self.TITLE: 14, self.KIND: 3, self.STATUS: 4, self.OWNER: 8, self.CLAIMANT: 4, self.DUE: 7,
                  self.OVERDUE: 5, self.DAYS_OPEN: 4, self.LEVEL: 3, self.SOURCE: 5}
        for column, chars in widths.items():
            title = str(self.table.horizontalHeaderItem(column).text())
            header.resizeSection(column, max(em * chars, header.fontMetrics().horizontalAdvance(title) + em) + 12)
        self.table.itemSelectionChanged.connect(self._on_selection)
        self.count = QLabel()
        self.count.setObjectName("count")

        self.buttons: dict[str, QPushButton] = {}
        actions = (
            ("new", self.tr("&New item…"), self.new_item, QKeySequence.StandardKey.New),
            ("claim", self.tr("&Claim…"), self.claim, None),
            ("start", self.tr("&Start"), self.start, None),
            ("finish", self.tr("&Done…"), self.finish, None),
            ("verify", self.tr("&Verify…"), self.verify, None),
            ("reopen", self.tr("Re&open…"), self.reopen, None),
            ("decline", self.tr("Decl&ine…"), self.decline, None),
            ("escalate", self.tr("&Escalate…"), self.escalate, None),
            ("link", self.tr("Lin&k…"), self.link, None),
        )
        row = QHBoxLayout()
        for name, label, slot, key in actions:
            button = QPushButton(label)
            button.setObjectName(f"{name}Button")
            button.clicked.connect(slot)
            self.buttons[name] = button
            row.addWidget(button)
            if key is not None:
                QShortcut(QKeySequence(key), self, activated=slot)
        row.addStretch(1)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.detail = QTextBrowser()
        self.detail.setObjectName("itemDetail")

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(filters)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.count)
        top_layout.addLayout(row)
        top_layout.addWidget(self.status)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        self.photos = AttachmentStrip(store, me, self)  # the chosen item's photos
        below = QWidget()
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        below_layout.addWidget(self.detail, 1)
        below_layout.addWidget(self.photos)
        splitter.addWidget(below)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([480, 220])
        four = QWidget()
        QVBoxLayout(four).addWidget(splitter)

        self.property_view = PropertyView(store, today, self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("listTabs")
        self.tabs.addTab(four, self.tr("Four lists"))
        self.tabs.addTab(self.property_view, self.tr("Property companies"))
        self.scope_line = ScopeLabel(store)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scope_line)
        layout.addWidget(self.tabs)
        self._stale = True  # read when shown, and again when shown after a change elsewhere

    # -- reading -----------------------------------------------------------------

    def today(self) -> date:
        return self._today or clock.today()

    def scope(self) -> list[str] | None:
        return None if self.all_grids.isChecked() else self._my_grids

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self.refresh(select=getattr(self, "_pending_select", None))
        self._pending_select = None

    def refresh(self, select: str | None = None) -> None:
        """Re-read the lists now if the page is shown, else when it next is."""
        self.property_view.refresh()
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self.scope_line.show_grids(self.scope())
        current = select or self.current_id()
        wanted = self.status_filter.currentData()
        # "Still to do" keeps done items until the resident has verified them: the next step is theirs.
        statuses = (*lists.OPEN_STATUSES, "done") if wanted == "open" else ((wanted,) if wanted else None)
        found = lists.items(self._store, self.today(), kind=self.TAB_KINDS[self.kinds.currentIndex()],
                            owner_party=self.owner_filter.currentData(),
                            escalation_level=self.level_filter.currentData(), statuses=statuses,
                            grid_ids=self.scope())
        self._items = {i.id: i for i in found}
        sorting = self.table.isSortingEnabled()
        self.table.setSortingEnabled(False)  # fill in the domain's order, then let the header re-sort
        self.table.setRowCount(len(found))
        for r, item in enumerate(found):
            owner = vocab.word(lists.OWNER_PARTIES, item.owner_party)
            if item.owner_name:
                owner = f"{owner} · {item.owner_name}"
            due = item.due_date.isoformat() if item.due_date else ""
            cells = (
                _Cell(item.title, item.title), _Cell(vocab.word(lists.KINDS, item.kind), item.kind),
                _Cell(vocab.word(lists.STATUSES, item.status), list(lists.STATUSES).index(item.status)
                      if item.status in lists.STATUSES else 99),
                _Cell(owner, owner), _Cell(item.claimant, item.claimant),
                _Cell(due, due or "9999"), _Cell(str(item.overdue_days) if item.overdue_days else "",
                                                 item.overdue_days),
                _Cell(str(item.days_open), item.days_open),
                _Cell(vocab.word(lists.LEVELS, item.escalation_level), list(lists.LEVELS).index(
                    item.escalation_level) if item.escalation_level in lists.LEVELS else 9),
                _Cell(vocab.word(lists.SOURCES, item.source), item.source), _Cell(item.place, item.place),
            )
            cells[self.TITLE].setData(Qt.ItemDataRole.UserRole, item.id)
            cells[self.TITLE].setToolTip(item.title)
            if item.overdue_days:
                cells[self.OVERDUE].setForeground(Qt.GlobalColor.red)
            for column, cell in enumerate(cells):
                self.table.setItem(r, column, cell)
        self.table.setSortingEnabled(sorting)
        for column in (self.KIND, self.STATUS, self.OWNER, self.CLAIMANT, self.LEVEL, self.SOURCE):
            self.table.resizeColumnToContents(column)
        overdue = sum(1 for i in found if i.overdue_days)
        self.count.setText(self.tr("%n item(s), {overdue} overdue", "", len(found)).format(overdue=overdue))
        self._select(current)
        self._on_selection()

    def show_item(self, item_id: str) -> None:
        """Open one item (from the Today page): the "All" tab, any status, no filter hiding it."""
        for combo in (self.status_filter, self.owner_filter, self.level_filter):
            combo.blockSignals(True)
        self.status_filter.setCurrentIndex(max(0, self.status_filter.findData(None)))
        self.owner_filter.setCurrentIndex(0)
        self.level_filter.setCurrentIndex(0)
        for combo in (self.status_filter, self.owner_filter, self.level_filter):
            combo.blockSignals(False)
        self.kinds.blockSignals(True)
        self.kinds.setCurrentIndex(0)
        self.kinds.blockSignals(False)
        self.all_grids.blockSignals(True)
        self.all_grids.setChecked(self.all_grids.isEnabled() or self.all_grids.isChecked())
        self.all_grids.blockSignals(False)
        self._stale = True
        if self.isVisible():
            self.refresh(select=item_id)
        self._pending_select = item_id

    def _select(self, item_id: str | None) -> None:
        for r in range(self.table.rowCount()):
            if self.table.item(r, self.TITLE).data(Qt.ItemDataRole.UserRole) == item_id:
                self.table.selectRow(r)
                return
        if self.table.rowCount():
            self.table.selectRow(0)

    def current_id(self) -> str | None:
        rows = {i.row() for i in self.table.selectedItems()}
        row = self.table.currentRow()
        if row < 0 or row not in rows:
            return None
        cell = self.table.item(row, self.TITLE)
        return cell.data(Qt.ItemDataRole.UserRole) if cell is not None else None

    def current(self) -> lists.Item | None:
        item_id = self.current_id()
        return self._items.get(item_id) if item_id else None

    def _on_selection(self) -> None:
        item = self.current()
        allowed = set(lists.allowed_actions(item.status)) if item else set()
        for name, button in self.buttons.items():
            if name == "new":
                continue
            if name == "escalate":
                button.setEnabled(item is not None and item.status in lists.OPEN_STATUSES
                                  and item.escalation_level != "street")
            elif name == "link":
                button.setEnabled(item is not None and item.kind == "need")
            else:
                button.setEnabled(name in allowed)
        self._show_detail(item.id if item else None)

    def _show_detail(self, item_id: str | None) -> None:
        detail = lists.item_detail(self._store, item_id, self.today()) if item_id else None
        self.photos.show_for("listitem", item_id if detail is not None else None)
        if detail is None:
            self.detail.setPlainText(self.tr("Choose an item to see its history."))
            return
        i = detail.item
        lines = [f"{vocab.word(lists.KINDS, i.kind)} · {i.title}"]
        if detail.detail:
            lines.append(detail.detail)
        lines.append(self.tr("Opened {opened}; {days} days open; due {due}.").format(
            opened=i.opened_on.isoformat(), days=i.days_open, due=i.due_date.isoformat() if i.due_date else "—"))
        if detail.finding is not None:
            lines.append(self.tr("From a night walk finding: {category}, {place}").format(
                category=vocab.word(walks.CATEGORIES, detail.finding.category), place=detail.finding.place or "—"))
        if detail.resolution:
            lines.append(self.tr("Resolution: {text}").format(text=detail.resolution))
        if detail.satisfaction:
            lines.append(self.tr("Resident: {satisfaction}. {feedback}").format(
                satisfaction=vocab.word(lists.SATISFACTION, detail.satisfaction), feedback=detail.feedback))
        if detail.decline_reason and i.status == "declined":
            lines.append(self.tr("Declined: {reason}").format(reason=detail.decline_reason))
        for link in detail.links:
            lines.append(self.tr("Linked: {kind} {title} ({status})").format(
                kind=vocab.word(lists.KINDS, link.kind), title=link.title,
                status=vocab.word(lists.STATUSES, link.status)))
        lines.append("")
        lines.append(self.tr("History:"))
        for h in detail.history:
            what = vocab.word(lists.STATUSES, h.to_status)
            if h.from_status:
                what = f"{vocab.word(lists.STATUSES, h.from_status)} → {what}"
            note = f" — {h.note}" if h.note else ""
            lines.append(f"  {h.at.replace('T', ' ')}  {what}  {h.by}{note}")
        for e in detail.escalations:
            lines.append(self.tr("  {at}  escalated {from_level} → {to_level} by {by}: {reason}").format(
                at=e.at.replace("T", " "), from_level=vocab.word(lists.LEVELS, e.from_level),
                to_level=vocab.word(lists.LEVELS, e.to_level), by=e.by, reason=e.reason))
            if e.from_owner or e.to_owner:  # who held it, from migration 0012 on
                lines.append(self.tr("      handed over: {before} → {after}").format(
                    before=self._owner(e.from_owner), after=self._owner(e.to_owner)))
        self.detail.setPlainText("\n".join(lines))

    def _owner(self, key: str) -> str:
        """ "property:南虹物业" in words: "物业 · 南虹物业"."""
        party, _sep, name = key.partition(":")
        word = vocab.word(lists.OWNER_PARTIES, party) if party else "—"
        return f"{word} · {name}" if name else word

    # -- asking (methods, so tests can answer for the user) ------------------------

    def ask_text(self, title: str, label: str, default: str = "") -> str | None:
        text, ok = QInputDialog.getText(self, title, label, QLineEdit.EchoMode.Normal, default)
        return text if ok else None

    def ask_verify(self, item: lists.Item) -> tuple[str, str] | None:
        dialog = VerifyDialog(item.title, self)
        return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def ask_escalation(self, item: lists.Item) -> tuple[str, str] | None:
        dialog = EscalateDialog(item.escalation_level, self)
        return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def ask_link(self, candidates: list[lists.Item]) -> str | None:
        dialog = LinkDialog(candidates, self)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None

    # -- actions -----------------------------------------------------------------

    def _do(self, item: lists.Item, action, done: str) -> None:  # type: ignore[no-untyped-def]
        try:
            action()
        except GridKeeperError as exc:
            self.status.setText(vocab.error_text(exc))
            return
        self.refresh(select=item.id)
        self.status.setText(done)
        self.table.setFocus()
        self.changed.emit(item.id)

    def new_item(self) -> None:
        dialog = ItemDialog(self._store, self.scope(), self.TAB_KINDS[self.kinds.currentIndex()], self._me,
                            self.today(), self)
        if dialog.exec() and dialog.item_id:
            self.status_filter.setCurrentIndex(0)
            self.refresh(select=dialog.item_id)
            self.status.setText(self.tr("Added “{title}”.").format(title=dialog.title.text().strip()))
            self.changed.emit(dialog.item_id)

    def claim(self) -> None:
        item = self.current()
        if item is None:
            return
        who = self.ask_text(self.tr("Claim"), self.tr("Who claims “{title}”?").format(title=item.title), self._me)
        if who is None:
            return
        self._do(item, lambda: lists.claim(self._store, item.id, who, by=self._me),
                 self.tr("“{title}” claimed by {who}.").format(title=item.title, who=who.strip()))

    def start(self) -> None:
        item = self.current()
        if item is not None:
            self._do(item, lambda: lists.start(self._store, item.id, by=self._me),
                     self.tr("“{title}” is in progress.").format(title=item.title))

    def finish(self) -> None:
        item = self.current()
        if item is None:
            return
        how = self.ask_text(self.tr("Done"), self.tr("How was “{title}” resolved?").format(title=item.title))
        if how is None:
            return
        self._do(item, lambda: lists.finish(self._store, item.id, how, by=self._me),
                 self.tr("“{title}” is done; verify it with the resident.").format(title=item.title))

    def verify(self) -> None:
        item = self.current()
        if item is None:
            return
        answer = self.ask_verify(item)
        if answer is None:
            return
        satisfaction, feedback = answer
        self._do(item, lambda: lists.verify(self._store, item.id, satisfaction, feedback, by=self._me),
                 self.tr("“{title}” verified: {satisfaction}.").format(
                     title=item.title, satisfaction=vocab.word(lists.SATISFACTION, satisfaction)))

    def reopen(self) -> None:
        item = self.current()
        if item is None:
            return
        why = self.ask_text(self.tr("Reopen"), self.tr("Why is “{title}” reopened?").format(title=item.title))
        if why is None:
            return
        self._do(item, lambda: lists.reopen(self._store, item.id, why, by=self._me),
                 self.tr("“{title}” reopened.").format(title=item.title))

    def decline(self) -> None:
        item = self.current()
        if item is None:
            return
        why = self.ask_text(self.tr("Decline"), self.tr("Why is “{title}” declined?").format(title=item.title))
        if why is None:
            return
        self._do(item, lambda: lists.decline(self._store, item.id, why, by=self._me),
                 self.tr("“{title}” declined.").format(title=item.title))

    def escalate(self) -> None:
        item = self.current()
        if item is None:
            return
        answer = self.ask_escalation(item)
        if answer is None:
            return
        level, reason = answer
        self._do(item, lambda: lists.escalate(self._store, item.id, level, reason, by=self._me),
                 self.tr("“{title}” escalated to {level} level.").format(
                     title=item.title, level=vocab.word(lists.LEVELS, level)))

    def link(self) -> None:
        item = self.current()
        if item is None or item.kind != "need":
            return
        candidates = [c for kind in ("service", "project")
                      for c in lists.items(self._store, self.today(), kind=kind, grid_ids=self.scope())]
        chosen = self.ask_link(candidates)
        if chosen is None:
            return
        other = next((c for c in candidates if c.id == chosen), None)
        self._do(item, lambda: lists.link(self._store, item.id, chosen),
                 self.tr("“{title}” is met by “{other}”.").format(title=item.title,
                                                                 other=other.title if other else ""))
