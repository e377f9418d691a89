"""The preview's list of the roster's compounds in no grid ("新小区：4户未划入网格"), with the offer
to put one in a grid before importing (place_dialog). The preview compares the rows with the
profile (a dry run of the import's plan) to know them, and again after a compound is placed."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTableWidgetItem, QVBoxLayout, QWidget

from gridkeeper.places import street
from gridkeeper.places.roster_import import ImportPlan
from gridkeeper.store import Store
from gridkeeper.ui.roster_wizard.common import WARNING_TINT, _readonly_table, _translate, _wrapped
from gridkeeper.ui.roster_wizard.place_dialog import PlaceDialog, PlaceInNoGrid


def places_in_no_grid(plan: ImportPlan) -> list[PlaceInNoGrid]:
    """The plan's rows in no grid by compound, in the order of the report's lines."""
    found: dict[tuple[str, str], tuple[dict[str, None], set[str]]] = {}
    for _row, community, compound, building, household in plan.unassigned:
        buildings, households = found.setdefault((community, compound), ({}, set()))
        buildings[building] = None
        households.add(household)
    return [PlaceInNoGrid(community, compound, tuple(buildings), len(households))
            for (community, compound), (buildings, households) in sorted(found.items())]


class PlacesPanel(QWidget):
    placed = Signal(str)  # what was done: the preview compares again

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._places: list[PlaceInNoGrid] = []
        self.title = _wrapped(self.tr(
            "In no grid yet: these households are imported, but no grid's lists, Today or reports show them "
            "until their compound or building is in a grid. Put one in a grid now, before importing:"),
            "placesTitle")
        self.table = _readonly_table("placesInNoGrid")
        self.table.setColumnCount(2)
        self.table.setHorizontalHeaderLabels([self.tr("In no grid"), self.tr("Buildings")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.put = QPushButton(self.tr("Put in a &grid…"))
        self.put.setObjectName("putInGrid")
        self.put.clicked.connect(self.put_in_grid)
        self.table.itemSelectionChanged.connect(lambda: self.put.setEnabled(self._selected() is not None))
        self.done = _wrapped(name="placesDone")
        row = QHBoxLayout()
        row.addWidget(self.done, 1)
        row.addWidget(self.put)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table)
        layout.addLayout(row)
        self.show_plan(None)

    def show_plan(self, plan: ImportPlan | None) -> None:
        """The compounds of the plan in no grid; None: not known (yet), nothing shown."""
        self._places = places_in_no_grid(plan) if plan is not None else []
        lines = plan.report().unassigned_lines(_translate) if plan is not None else []
        self.table.setRowCount(len(self._places))
        for i, (place, line) in enumerate(zip(self._places, lines, strict=False)):
            first = QTableWidgetItem(line)
            first.setBackground(WARNING_TINT)
            self.table.setItem(i, 0, first)
            self.table.setItem(i, 1, QTableWidgetItem("、".join(place.buildings)))
        self.table.resizeColumnsToContents()
        rows = min(len(self._places), 4)  # more scroll
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
                                  + sum(self.table.rowHeight(r) for r in range(rows)))
        for w in (self.title, self.table, self.put):
            w.setVisible(bool(self._places))
        if self._places:
            self.table.selectRow(0)
        self.put.setEnabled(self._selected() is not None)

    def _selected(self) -> PlaceInNoGrid | None:
        rows = self.table.selectionModel().selectedRows()
        return self._places[rows[0].row()] if rows and rows[0].row() < len(self._places) else None

    def put_in_grid(self) -> None:
        place = self._selected()
        if place is None:
            return
        dialog = PlaceDialog(self._store, street.structure(self._store), place, self)
        if not dialog.exec() or dialog.placed is None:
            return
        message = self.tr("{compound} is in {grid} now: the import puts its households there.").format(
            compound=place.compound, grid=dialog.grid_name())
        self.done.setText(message)
        self.placed.emit(message)
