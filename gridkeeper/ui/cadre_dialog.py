"""Who is using this laptop: one of the street's cadres, or a new cadre who ticks the grids they hold.

The street's cadres are listed with their role, community and the grids they
hold today, so two cadres of one name are told apart. A new cadre gives a
name, a role (the 三员 and the rest, or their own words) and ticks their grids,
community by community; they hold them from today.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gridkeeper.places import profile
from gridkeeper.rules import cadre_roles
from gridkeeper.store import Store
from gridkeeper.store.cadres import CadreRow
from gridkeeper.ui.widgets import forms
from gridkeeper.ui.widgets.scope import grids_text

_ID = Qt.ItemDataRole.UserRole


class CadreDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.chosen: CadreRow | None = None
        self.setWindowTitle(self.tr("Who is using this laptop?"))
        self.setMinimumSize(640, 640)

        intro = QLabel(self.tr(
            "This laptop belongs to one cadre. Choose yourself from the street's cadres, or add yourself "
            "if you are new and tick the grids you hold. Pages then show your grids."))
        intro.setWordWrap(True)

        self.existing = QRadioButton(self.tr("I am one of the street's cadres:"))
        self.filter = QLineEdit()
        self.filter.setObjectName("cadreFilter")
        self.filter.setPlaceholderText(self.tr("Type to filter by name, role, community or grid"))
        self.list = QTreeWidget()
        self.list.setObjectName("cadres")
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setHeaderLabels([self.tr("Name"), self.tr("Role"), self.tr("Community"),
                                   self.tr("Grids held today")])
        em = self.fontMetrics().horizontalAdvance("国")
        for column, chars in ((0, 5), (1, 7), (2, 6)):
            self.list.header().resizeSection(column, em * chars + 16)
        self.list.header().setStretchLastSection(True)

        self.new = QRadioButton(self.tr("I am new:"))
        self.name = QLineEdit()
        self.name.setObjectName("newCadreName")
        self.role = QComboBox()
        self.role.setObjectName("newCadreRole")
        self.role.setEditable(True)  # an office's own role (网格长) is kept as typed
        self.role.addItems(cadre_roles.ROLES)
        self.role.setCurrentIndex(cadre_roles.ROLES.index(cadre_roles.GRID_WORKER))
        self.grids = QTreeWidget()
        self.grids.setObjectName("newCadreGrids")
        self.grids.setHeaderHidden(True)
        self.grids.setMinimumHeight(self.fontMetrics().height() * 10)  # a community and its grids in view
        self.grids_hint = QLabel()
        self.grids_hint.setObjectName("hint")
        self.grids_hint.setWordWrap(True)
        new_form = QFormLayout()
        new_form.addRow(self.tr("Name:"), self.name)
        new_form.addRow(self.tr("Role:"), self.role)
        new_form.addRow(self.tr("Grids I hold:"), self.grids)
        new_form.addRow("", self.grids_hint)

        self.error = forms.error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.existing)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 2)
        layout.addWidget(self.new)
        layout.addLayout(new_form, 3)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        cadres = profile.list_cadres(store)
        for cadre in cadres:
            item = QTreeWidgetItem([cadre.name, cadre.role or "—", cadre.community or "—",
                                    grids_text(cadre.grids) or self.tr("no grid today")])
            item.setData(0, _ID, cadre.id)
            history = self._history(cadre.id)
            for column in range(4):
                item.setToolTip(column, history)
            self.list.addTopLevelItem(item)
        self._street_grids = profile.street_grids(store)
        self._fill_grids()
        if cadres:
            self.existing.setChecked(True)
            self.list.setCurrentItem(self.list.topLevelItem(0))
        else:
            for w in (self.existing, self.filter, self.list):
                w.setEnabled(False)
            self.new.setChecked(True)

        self.filter.textChanged.connect(self._filter)
        self.name.textEdited.connect(self._new_chosen)
        self.role.activated.connect(self._new_chosen)
        self.grids.itemChanged.connect(self._grid_ticked)
        self.list.itemDoubleClicked.connect(lambda _i, _c: self.accept())
        self.list.currentItemChanged.connect(lambda current, _p: current and self.existing.setChecked(True))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

    def _history(self, cadre_id: str) -> str:
        """The cadre's stints, past, current and coming, one a line: who held what before rotating."""
        lines = [self.tr("Grids held, past and present:")]
        for stint in profile.history(self._store, cadre_id):
            start = stint.start.isoformat() if stint.start else "…"
            end = stint.end.isoformat() if stint.end else self.tr("now")
            lines.append(f"{stint.grid.community} {stint.grid.name}  {start} – {end}")
        return "\n".join(lines) if len(lines) > 1 else self.tr("No grid held so far.")

    def _fill_grids(self) -> None:
        """The street's grids under their communities; ticking a community ticks its grids."""
        self.grids.blockSignals(True)
        communities: dict[str, QTreeWidgetItem] = {}
        for grid in self._street_grids:
            parent = communities.get(grid.community)
            if parent is None:
                parent = communities[grid.community] = QTreeWidgetItem([grid.community])
                parent.setFlags(parent.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate)
                parent.setCheckState(0, Qt.CheckState.Unchecked)
                self.grids.addTopLevelItem(parent)
            child = QTreeWidgetItem([grid.name])
            child.setFlags(child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            child.setCheckState(0, Qt.CheckState.Unchecked)
            child.setData(0, _ID, grid.id)
            parent.addChild(child)
        self.grids.expandAll()
        self.grids.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.grids.blockSignals(False)
        if not self._street_grids:
            self.grids.setEnabled(False)
            self.grids_hint.setText(self.tr(
                "The profile has no grids yet: import the grid division table or a roster first, or go on "
                "without grids and see every household."))

    def _grid_ticked(self, _item: QTreeWidgetItem, _column: int) -> None:
        self._new_chosen()

    def _new_chosen(self, *_args: object) -> None:
        if self.new.isEnabled():
            self.new.setChecked(True)

    def ticked_grids(self) -> list[str]:
        out = []
        for i in range(self.grids.topLevelItemCount()):
            community = self.grids.topLevelItem(i)
            for j in range(community.childCount()):
                grid = community.child(j)
                if grid.checkState(0) == Qt.CheckState.Checked:
                    out.append(grid.data(0, _ID))
        return out

    def tick(self, community: str, grid: str | None = None) -> None:
        """Tick a grid (or a whole community) as a click would."""
        for i in range(self.grids.topLevelItemCount()):
            item = self.grids.topLevelItem(i)
            if item.text(0) != community:
                continue
            if grid is None:
                item.setCheckState(0, Qt.CheckState.Checked)
            for j in range(item.childCount()):
                if item.child(j).text(0) == grid:
                    item.child(j).setCheckState(0, Qt.CheckState.Checked)

    def _filter(self, text: str) -> None:
        text = text.strip()
        first_visible = None
        for row in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(row)
            hidden = bool(text) and not any(text in item.text(c) for c in range(item.columnCount()))
            item.setHidden(hidden)
            if not hidden and first_visible is None:
                first_visible = item
        if first_visible is not None:
            self.list.setCurrentItem(first_visible)

    def accept(self) -> None:
        if self.new.isChecked():
            name = self.name.text().strip()
            if not name:
                self.error.setText(self.tr("Enter your name, or choose a cadre from the list."))
                self.name.setFocus()
                return
            grids = self.ticked_grids()
            if self._street_grids and not grids:
                self.error.setText(self.tr("Tick the grids you hold (at least one)."))
                self.grids.setFocus()
                return
            self.chosen = profile.create_cadre(self._store, name, role=self.role.currentText(), grid_ids=grids)
        else:
            item = self.list.currentItem()
            if item is None or item.isHidden():
                self.error.setText(self.tr("Choose a cadre from the list."))
                return
            self.chosen = profile.choose_cadre(self._store, item.data(0, _ID))
        super().accept()
