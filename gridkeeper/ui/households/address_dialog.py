"""Choosing an address: community > compound > building in cascading lists, then unit and room.

Used by New household…, Move household… and a member's Move to another address….
The dialog runs the action itself on OK, so a refusal ("a household is already
on file at this address") is shown in the dialog, which stays open with what
was typed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from gridkeeper.errors import GridKeeperError
from gridkeeper.places.street import Structure

#: What OK does with (building id, unit, room); raises GridKeeperError to refuse.
Action = Callable[[str, str, str], object]


class AddressDialog(QDialog):
    def __init__(self, structure: Structure, title: str, intro: str, action: Action, building_id: str = "",
                 unit: str = "", room: str = "", ok_text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._structure = structure
        self._action = action
        self.result_value: object = None

        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.community = QComboBox()
        self.community.setObjectName("community")
        self.compound = QComboBox()
        self.compound.setObjectName("compound")
        self.building = QComboBox()
        self.building.setObjectName("building")
        for combo in (self.community, self.compound, self.building):
            combo.setMinimumContentsLength(14)
        self.grid = QLabel()  # the scope follows the building: say which grid's lists will show the household
        self.grid.setObjectName("grid")
        self.unit = QLineEdit(unit)
        self.unit.setObjectName("unit")
        self.unit.setPlaceholderText(self.tr("e.g. 2 (empty when the building has no units)"))
        self.room = QLineEdit(room)
        self.room.setObjectName("room")
        self.room.setPlaceholderText(self.tr("e.g. 501"))
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.error.hide()

        form = QFormLayout()
        form.addRow(self.tr("Community:"), self.community)
        form.addRow(self.tr("Compound:"), self.compound)
        form.addRow(self.tr("Building:"), self.building)
        form.addRow(self.tr("Grid:"), self.grid)
        form.addRow(self.tr("Unit:"), self.unit)
        form.addRow(self.tr("Room:"), self.room)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        if ok_text:
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        for c in structure.communities:
            self.community.addItem(c.name, c.id)
        self.community.currentIndexChanged.connect(self._fill_compounds)
        self.compound.currentIndexChanged.connect(self._fill_buildings)
        self.building.currentIndexChanged.connect(self._update_ok)
        self.room.textChanged.connect(self._update_ok)
        self._select(building_id)
        if not structure.buildings:
            self._show_error(self.tr("No building is on file yet: set up the street's communities, compounds and "
                                     "buildings first (网格设置), or import a household roster."))

    def _select(self, building_id: str) -> None:
        """Start at the given building (a move starts where the household is), else the first."""
        building = self._structure.get(building_id)
        compound = self._structure.get(getattr(building, "compound_id", None))
        community_id = getattr(compound, "community_id", None)
        self.community.setCurrentIndex(max(0, self.community.findData(community_id)) if community_id else 0)
        self._fill_compounds()
        if compound is not None:
            self.compound.setCurrentIndex(max(0, self.compound.findData(compound.id)))  # type: ignore[attr-defined]
        if building is not None:
            self.building.setCurrentIndex(max(0, self.building.findData(building_id)))

    def _fill_compounds(self) -> None:
        self.compound.blockSignals(True)
        self.compound.clear()
        for c in self._structure.compounds_of(self.community.currentData() or ""):
            self.compound.addItem(c.name, c.id)
        self.compound.blockSignals(False)
        self._fill_buildings()

    def _fill_buildings(self) -> None:
        self.building.blockSignals(True)
        self.building.clear()
        for b in self._structure.buildings_of(self.compound.currentData() or ""):
            self.building.addItem(b.name, b.id)
        self.building.blockSignals(False)
        self._update_ok()

    def _update_ok(self) -> None:
        building = self._structure.get(self.building.currentData())
        grid = self._structure.get(getattr(building, "grid_id", None))
        self.grid.setText(getattr(grid, "name", "") or (self.tr("(no grid yet)") if building else ""))
        ready = bool(self.building.currentData()) and bool(self.room.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def address(self) -> tuple[str, str, str]:
        return self.building.currentData() or "", self.unit.text(), self.room.text()

    def accept(self) -> None:
        building, unit, room = self.address()
        if not building or not room.strip():
            return
        try:
            self.result_value = self._action(building, unit, room)
        except GridKeeperError as exc:
            self._show_error(exc.translated(QCoreApplication.translate))
            return
        super().accept()
