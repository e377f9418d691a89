"""Households page: search as you type, the list, and the household file."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gridkeeper.places import households
from gridkeeper.store import Store
from gridkeeper.ui.households.detail import HouseholdDetail
from gridkeeper.ui.households.model import HouseholdTableModel
from gridkeeper.ui.households.vacant import VacantMarks
from gridkeeper.ui.widgets.scope import ScopeLabel

DEBOUNCE_MS = 120


class SearchBox(QLineEdit):
    """Down arrow leaves the box for the list, so the keyboard never has to let go."""

    to_list = Signal()

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.to_list.emit()
            return
        super().keyPressEvent(event)


class HouseholdsPage(QWidget):
    scope_changed = Signal(bool)  # True: all grids
    household_changed = Signal(str)  # a household's file was edited

    def __init__(self, store: Store, my_grids: list[str] | None, show_all: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._my_grids = my_grids

        self.search = SearchBox()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search by name, pinyin, address, phone or ID"))
        self.search.setToolTip(
            self.tr("Examples: 张伟, zw (pinyin initials), 3幢2单元501, 5678 (last digits of a phone or ID). "
                    "Several words must all match. Ctrl+F comes back here; Down goes to the list.")
        )
        self.search.setClearButtonEnabled(True)
        self.all_grids = QCheckBox(self.tr("All grids"))
        self.all_grids.setToolTip(self.tr("Show every household in this profile, not only my grids"))
        self.all_grids.setChecked(show_all or my_grids is None)
        self.all_grids.setEnabled(my_grids is not None)
        self.count = QLabel()
        self.count.setObjectName("count")

        self.model = HouseholdTableModel(store, self)
        self.table = QTableView()
        self.table.setObjectName("households")
        self.table.setModel(VacantMarks(store, self.model, self))  # 空户 marked in the Tags column
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        em = self.fontMetrics().horizontalAdvance("国")
        for column, chars in ((0, 15), (1, 5), (2, 3), (3, 9), (4, 10)):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(em * chars, header.fontMetrics().horizontalAdvance(title) + em)
            header.resizeSection(column, width + 12)

        self.detail = HouseholdDetail(store)
        self.detail.changed.connect(self._file_changed)
        self.detail.reopen.connect(self.show)
        self.detail.moves.scope = self.scope
        self.new_household = QPushButton(self.tr("&New household…"))
        self.new_household.setObjectName("newHousehold")
        self.new_household.setToolTip(self.tr("File a household at an address by hand (no roster needed)"))
        self.new_household.clicked.connect(self._new_household)
        # List above, household file below: both get the full width, so the
        # members' columns (seven of them) fit without scrolling sideways.
        splitter = QSplitter(Qt.Orientation.Vertical)
        list_side = QWidget()
        list_layout = QVBoxLayout(list_side)
        list_layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.all_grids)
        bar.addWidget(self.new_household)
        list_layout.addLayout(bar)
        list_layout.addWidget(self.table, 1)
        list_layout.addWidget(self.count)
        splitter.addWidget(list_side)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([400, 340])
        splitter.setChildrenCollapsible(False)
        self.scope_line = ScopeLabel(store)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scope_line)
        layout.addWidget(splitter)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.to_list.connect(self._focus_list)
        self.all_grids.toggled.connect(self._on_scope)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.model.rowsInserted.connect(lambda *_: self._update_count())
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.focus_search)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self.table, activated=self.focus_search)
        self.run_search()

    def scope(self) -> list[str] | None:
        return None if self.all_grids.isChecked() else self._my_grids

    def run_search(self) -> None:
        self._debounce.stop()
        self.model.search(self.search.text(), self.scope())
        self.scope_line.show_grids(self.scope())
        self._update_count()
        if self.model.rowCount() and not self.table.selectionModel().hasSelection():
            self.detail.show_file(None)

    def _update_count(self) -> None:
        shown = self.model.rowCount()
        where = self.tr("all grids") if self.scope() is None else self.tr("my grids")
        if shown == 0:
            if self.search.text().strip():
                text = self.tr("No household in {where} matches “{query}”.").format(
                    where=where, query=self.search.text().strip()
                )
            elif self.scope() is not None:
                text = self.tr("No households in {where} yet.").format(where=where)
            else:
                text = self.tr(
                    "No households in this profile yet: import a household roster (File, Import household "
                    "roster…, Ctrl+I), or try GridKeeper on a demo street: gridkeeper --data-dir FOLDER demo"
                )
        elif self.model.has_more():
            text = self.tr("{n}+ households in {where} (scroll for more)").format(n=shown, where=where)
        else:
            text = self.tr("%n household(s) in {where}", "", shown).format(where=where)
        self.count.setText(text)

    def _on_scope(self, all_grids: bool) -> None:
        self.scope_changed.emit(all_grids)
        self.run_search()

    def _focus_list(self) -> None:
        self.run_search() if self._debounce.isActive() else None
        self.table.setFocus()
        if self.model.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        self.open_household(self.model.household_id(indexes[0].row()))

    def open_household(self, household_id: str | None) -> None:
        file = households.household_file(self._store, household_id) if household_id else None
        self.detail.show_file(file)

    def show(self, household_id: str) -> None:
        """Open one household (from the Today page): searched by its address, so the list shows it
        selected above its file."""
        file = households.household_file(self._store, household_id)
        if file is None:
            return
        self.search.setText(file.row.address)
        self.run_search()
        row = self.model.row_of(household_id)
        if row >= 0:
            self.table.selectRow(row)
        self.open_household(household_id)

    def _file_changed(self, household_id: str) -> None:
        self.model.refresh_rows()  # head, member count and tags in the list may have changed
        self.household_changed.emit(household_id)

    def _new_household(self) -> None:
        from gridkeeper.ui.households.moves import new_household

        made = new_household(self._store, self, self.detail.current_building())
        if made is not None:
            self.show(made[0])
            self.detail.status.setText(made[1])
            self.household_changed.emit(made[0])

    def current_index(self) -> QModelIndex:
        return self.table.currentIndex()
