"""Put a roster's compound in a grid before importing: the community, the grid (or a new one), and
whether the grid takes the whole compound or only the roster's buildings."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from gridkeeper import ids
from gridkeeper.errors import GridKeeperError
from gridkeeper.places import placing
from gridkeeper.places.roster_import import UNASSIGNED_COMMUNITY
from gridkeeper.places.street import Structure
from gridkeeper.store import Store

NEW_GRID = "\x00new"  # the grid list's last item: a grid made here


@dataclass(frozen=True)
class PlaceInNoGrid:
    """A compound of the roster whose rows no grid covers (the import's place_unassigned rows)."""

    community: str  # as the import resolved it; 未指定社区 when the roster names none the street can tell
    compound: str
    buildings: tuple[str, ...]
    households: int


class PlaceDialog(QDialog):
    def __init__(self, store: Store, structure: Structure, place: PlaceInNoGrid,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Put in a grid"))
        self._store = store
        self._structure = structure
        self._place = place
        self.placed: placing.Placed | None = None

        self.intro = QLabel(self.tr(
            "{compound}: %n household(s) of this roster are in no grid. Choose the grid they belong to: the "
            "compound and its buildings are set up now, and the import puts the households there.", "",
            place.households).format(compound=place.compound))
        self.intro.setWordWrap(True)
        self.community = QComboBox()
        self.community.setObjectName("community")
        for c in structure.communities:
            self.community.addItem(c.name, c.name)
        named = place.community if place.community != UNASSIGNED_COMMUNITY else ""
        if named and self.community.findData(named) < 0 and not any(
                ids.norm(c.name) == ids.norm(named) for c in structure.communities):
            self.community.insertItem(0, self.tr("{name} (new)").format(name=named), named)
        found = next((i for i in range(self.community.count())
                      if ids.norm(self.community.itemData(i)) == ids.norm(named)), -1) if named else -1
        self.community.setCurrentIndex(max(found, 0))
        self.grid = QComboBox()
        self.grid.setObjectName("grid")
        self.new_grid = QLineEdit()
        self.new_grid.setObjectName("newGrid")
        self.new_grid.setPlaceholderText(self.tr("Name of the new grid, e.g. 第3网格"))
        buildings = "、".join(place.buildings)
        self.whole = QRadioButton(self.tr("The whole compound (buildings added later too)"))
        self.whole.setObjectName("wholeCompound")
        self.only = QRadioButton(self.tr("Only the roster's buildings: {buildings}").format(buildings=buildings))
        self.only.setObjectName("onlyBuildings")
        scope = QButtonGroup(self)
        scope.addButton(self.whole)
        scope.addButton(self.only)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.error.hide()

        form = QFormLayout()
        form.addRow(self.tr("Community:"), self.community)
        form.addRow(self.tr("Grid:"), self.grid)
        form.addRow("", self.new_grid)
        form.addRow(self.tr("The grid covers:"), self.whole)
        form.addRow("", self.only)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Put in grid"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self.community.currentIndexChanged.connect(self._fill_grids)
        self.grid.currentIndexChanged.connect(self._update)
        self.new_grid.textChanged.connect(self._update)
        self._fill_grids()
        if not self.community.count():
            self.error.setText(self.tr("No community is on file yet and the roster names none: set up the street's "
                                       "communities first (网格设置), or give the roster a 社区 column."))
            self.error.show()
        # A compound on file that other grids cover in part: only its buildings, else the whole of it.
        self._known_compound = self._compound_on_file() is not None
        (self.only if self._known_compound else self.whole).setChecked(True)

    def _community_id(self) -> str | None:
        name = self.community.currentData() or ""
        return next((c.id for c in self._structure.communities if ids.norm(c.name) == ids.norm(name)), None)

    def _compound_on_file(self) -> object | None:
        community_id = self._community_id()
        if community_id is None:
            return None
        return next((c for c in self._structure.compounds_of(community_id)
                     if ids.norm(c.name) == ids.norm(self._place.compound)), None)

    def _fill_grids(self) -> None:
        self.grid.blockSignals(True)
        self.grid.clear()
        community_id = self._community_id()
        for g in self._structure.grids_of(community_id) if community_id else []:
            self.grid.addItem(f"{g.name}（{g.code}）" if g.code else g.name, g.id)
        self.grid.addItem(self.tr("New grid…"), NEW_GRID)
        self.grid.blockSignals(False)
        self._update()

    def _update(self) -> None:
        new = self.grid.currentData() == NEW_GRID
        self.new_grid.setVisible(new)
        ready = bool(self.community.currentData()) and (not new or bool(self.new_grid.text().strip()))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def accept(self) -> None:
        grid = self.grid.currentData()
        try:
            self.placed = placing.put_in_grid(
                self._store, self.community.currentData(), self._place.compound, list(self._place.buildings),
                grid_id=None if grid == NEW_GRID else grid, new_grid=self.new_grid.text(),
                whole=self.whole.isChecked())
        except GridKeeperError as exc:
            self.error.setText(exc.translated(QCoreApplication.translate))
            self.error.show()
            return
        super().accept()

    def grid_name(self) -> str:
        return self.new_grid.text().strip() if self.grid.currentData() == NEW_GRID else self.grid.currentText()
