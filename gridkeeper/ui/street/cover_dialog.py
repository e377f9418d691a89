"""Putting buildings, or a whole compound, in a grid: the dialog says how many households move,
and from which grid, before anything is written."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from gridkeeper.places import street
from gridkeeper.store import Store
from gridkeeper.ui.street.common import StreetDialog, Write
from gridkeeper.ui.street.snapshot import Snapshot


class CoverDialog(StreetDialog):
    def __init__(self, store: Store, snap: Snapshot, community_id: str, building_ids: list[str],
                 compound_ids: list[str], what: str, parent: QWidget | None = None) -> None:
        super().__init__(store, self.tr("Put in a grid"), parent)
        self._snap, self._buildings, self._compounds = snap, building_ids, compound_ids
        self.what = QLabel(what)
        self.what.setObjectName("what")
        self.what.setWordWrap(True)
        self.grid = QComboBox()
        self.grid.setObjectName("grid")
        for g in snap.whole.grids_of(community_id):
            self.grid.addItem(f"{g.name}  {g.code}".strip(), g.id)
        self.preview = QLabel()
        self.preview.setObjectName("preview")
        self.preview.setWordWrap(True)
        self.form.addRow(self.tr("Places:"), self.what)
        self.form.addRow(self.tr("&Grid:"), self.grid)
        self.form.addRow(self.preview)
        self.grid.currentIndexChanged.connect(self._show_preview)
        self._show_preview()
        if not self.grid.count():
            self.preview.setText(self.tr("This community has no grid yet: add one first."))

    def _show_preview(self) -> None:
        grid_id = self.grid.currentData()
        if grid_id is None:
            self.save_button.setEnabled(False)
            return
        p = street.cover_preview(self._snap.whole, grid_id, self._buildings, self._compounds)
        self.save_button.setEnabled(True)
        if not p.buildings:
            whole = [c for c in self._compounds if self._snap.whole.get(c).grid_id != grid_id]  # type: ignore
            self.preview.setText(self.tr("No household moves now; buildings added to the compound later will be "
                                         "in this grid.") if whole else self.tr("These buildings are in this grid "
                                                                                "already."))
            self.save_button.setEnabled(bool(whole))
            return
        sources = "; ".join(self.tr("%n household(s) from {grid}", "", h).format(
            grid=self._snap.grid_label(g) if g else self.tr("no grid (未划网格)")) for g, _n, h in p.sources)
        self.preview.setText(self.tr("{households} in {buildings} move to this grid: {sources}.").format(
            households=self.tr("%n household(s)", "", p.households),
            buildings=self.tr("%n building(s)", "", p.buildings), sources=sources))

    def prepare(self) -> Write:
        store, grid_id = self._store, self.grid.currentData()
        buildings, compounds = list(self._buildings), list(self._compounds)
        moved = street.cover_preview(self._snap.whole, grid_id, buildings, compounds)
        said = self.tr("{households} in {buildings} put in {grid}.").format(
            households=self.tr("%n household(s)", "", moved.households),
            buildings=self.tr("%n building(s)", "", moved.buildings), grid=self._snap.grid_label(grid_id))
        return lambda: (street.cover(store, grid_id, buildings, compounds), said)[1]
