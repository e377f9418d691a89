"""The line on top of a page that says whose households it shows: my grids (named) or the whole street.

A cadre reading a count must know what it counts: "my grids" means the grids
they hold today (profile.my_grid_ids), named community by community, because
grid names repeat across communities.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QLabel, QWidget

from gridkeeper.places import profile
from gridkeeper.store import Store
from gridkeeper.store.cadres import GridRow


def grids_text(grids: Sequence[GridRow]) -> str:
    """Grids named community by community: 城南社区 第1网格、第2网格；塘川社区 第3网格."""
    by_community: dict[str, list[str]] = {}
    for g in grids:
        by_community.setdefault(g.community, []).append(g.name)
    return "；".join(f"{c} {'、'.join(names)}".strip() for c, names in by_community.items())


class ScopeLabel(QLabel):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._names: dict[str, GridRow] | None = None
        self.setObjectName("scope")
        self.setWordWrap(True)
        self.setStyleSheet("color: #1a5fb4")  # a fact about the page, not an error: the link colour

    def show_grids(self, grid_ids: Sequence[str] | None) -> None:
        """My grids (`grid_ids`, in the cadre's order), or the whole street when None."""
        if grid_ids is None:
            self.show_whole_street()
            return
        if self._names is None:  # the street's grids, read once: a few dozen rows
            self._names = {g.id: g for g in profile.street_grids(self._store)}
        grids = [self._names[g] for g in grid_ids if g in self._names]
        if not grids:
            self.setText(self.tr("Showing: my grids — I hold no grid today"))
        else:
            self.setText(self.tr("Showing: my grids — {grids}").format(grids=grids_text(grids)))

    def show_whole_street(self, why: str = "") -> None:
        text = self.tr("Showing: the whole street (every grid)")
        self.setText(f"{text} {why}".strip())

    def show_named(self, name: str) -> None:
        """A scope chosen by name (a community, a grid), as the Reports page offers."""
        self.setText(self.tr("Showing: {scope}").format(scope=name))
