"""What the 网格设置 page shows, read in one go off the UI thread (no Qt here).

A street is hundreds of places and tens of cadres: all of it is read at once
(~25-55 ms on the street demo, more on an encrypted profile or a slow laptop)
and the page works from this snapshot until the next write.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from gridkeeper import clock
from gridkeeper.places import staff, street
from gridkeeper.rules import cadre_roles
from gridkeeper.store import Store


@dataclass(frozen=True)
class Snapshot:
    whole: street.Structure
    cadres: list[staff.CadreInfo]
    stints: list[staff.Stint]
    unassigned: list[street.Unassigned]
    today: date
    _holding: dict[str, list[staff.Stint]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for s in self.stints:
            if s.holds_on(self.today):
                self._holding.setdefault(s.grid_id, []).append(s)

    def holders(self, grid_id: str) -> list[staff.Stint]:
        """Who holds the grid today, by stint (oldest first)."""
        return self._holding.get(grid_id, [])

    def missing_roles(self, grid_id: str) -> list[str]:
        """Which of the three (三员) nobody holds the grid as today."""
        roles = {cadre_roles.normalise(s.role) for s in self.holders(grid_id)}
        return [r for r in cadre_roles.THREE if r not in roles]

    def held_by(self, cadre_id: str) -> list[staff.Stint]:
        return [s for s in self.stints if s.cadre_id == cadre_id and s.holds_on(self.today)]

    def grid_label(self, grid_id: str | None) -> str:
        """"城南社区 第1网格": grid names repeat across communities."""
        grid = self.whole.get(grid_id)
        if grid is None:
            return ""
        community = self.whole.get(grid.community_id)  # type: ignore[attr-defined]
        return f"{getattr(community, 'name', '')} {grid.name}".strip()  # type: ignore[attr-defined]


def load(store: Store) -> Snapshot:
    return Snapshot(street.structure(store), staff.cadres(store), staff.stints(store), street.unassigned(store),
                    clock.today())
