"""A grid's history: who held it, from when to when, and the buildings that came in or went out."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from gridkeeper.places import staff, street
from gridkeeper.store import Store
from gridkeeper.ui.households.detail import _fill, _table
from gridkeeper.ui.street import roles
from gridkeeper.ui.street.snapshot import Snapshot


class GridHistoryDialog(QDialog):
    """Read when opened: the grid's stints, and the moves of its community's buildings (ms on a street)."""

    def __init__(self, store: Store, snap: Snapshot, grid_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("History of {grid}").format(grid=snap.grid_label(grid_id)))
        em = self.fontMetrics().horizontalAdvance("国")
        self.resize(em * 48, em * 34)
        self.stints = _table([self.tr("Cadre"), self.tr("Role"), self.tr("From"), self.tr("Until")], "stints")
        _fill(self.stints, [(s.cadre, roles.label(s.role), s.start.isoformat() if s.start else "",
                             s.end.isoformat() if s.end else self.tr("today"))
                            for s in staff.stints(store, grid_id=grid_id)])
        grid = snap.whole.get(grid_id)
        compounds = snap.whole.compounds_of(grid.community_id) if grid else []  # type: ignore[attr-defined]
        buildings = {b.id: b for c in compounds for b in snap.whole.buildings_of(c.id)}
        moves = street.grid_moves(street.moves(store, list(buildings)), grid_id)
        self.moves = _table([self.tr("When"), self.tr("Building"), self.tr("In or out"), self.tr("From or to")],
                            "moves")
        rows = []
        for m in reversed(moves):  # newest first, like the rest of the app's histories
            b = buildings[m.building_id]
            compound = snap.whole.get(b.compound_id)
            other = snap.grid_label(m.other) if m.other else self.tr("no grid")
            rows.append((m.at.strftime("%Y-%m-%d %H:%M"), f"{getattr(compound, 'name', '')} {b.name}",
                         self.tr("came in") if m.entered else self.tr("went out"), other))
        _fill(self.moves, rows)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Who held the grid")))
        layout.addWidget(self.stints, 1)
        layout.addWidget(QLabel(self.tr("Buildings in and out (%n move(s))", "", len(rows))))
        layout.addWidget(self.moves, 2)
        layout.addWidget(buttons)
