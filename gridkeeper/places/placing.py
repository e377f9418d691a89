"""A roster's place that no grid covers, put in a grid before the import (the roster wizard's offer).

The roster names a compound (and buildings) the street has no grid for, often
not on file at all ("新小区"). This sets it up by the names the roster uses, so
the import's own look-up by name (and its deterministic ids) lands the rows in
these very rows: the community if new, the compound, the buildings, a new grid
if asked for, then the cover. Each step is a street use case in its own
transaction and finds what is already there by name, so running it again after
a failure finishes the job instead of making doubles.
"""

from __future__ import annotations

from dataclasses import dataclass

from gridkeeper import ids
from gridkeeper.io.roster_cells import _building as building_name
from gridkeeper.places import street
from gridkeeper.store.engine import Store

__all__ = ["Placed", "put_in_grid"]


@dataclass(frozen=True)
class Placed:
    grid_id: str
    compound_id: str
    building_ids: tuple[str, ...]
    made: tuple[str, ...]  # what was new: "community", "compound", "grid", and "building" once per building


def _find(rows: list, name: str) -> str | None:  # type: ignore[type-arg]
    return next((r.id for r in rows if ids.norm(r.name) == ids.norm(name)), None)


def put_in_grid(store: Store, community: str, compound: str, buildings: list[str], *, grid_id: str | None = None,
                new_grid: str = "", whole: bool = True) -> Placed:
    """Set up `compound` (and `buildings`) of `community` by name and put it in a grid: `grid_id`, or a
    new grid named `new_grid`; the whole compound (its later buildings too) or only these buildings."""
    made: list[str] = []
    whole_street = street.structure(store)
    community_id = _find(whole_street.communities, community)
    if community_id is None:
        community_id = street.add_community(store, community)
        made.append("community")
    compound_id = _find(whole_street.compounds_of(community_id), compound)
    if compound_id is None:
        compound_id = street.add_compound(store, community_id, compound)
        made.append("compound")
    if grid_id is None:
        grid_id = street.add_grid(store, community_id, new_grid)
        made.append("grid")
    known = whole_street.buildings_of(compound_id)
    building_ids = []
    for name in dict.fromkeys(building_name(b) for b in buildings if b.strip()):
        found = _find(known, name)
        if found is None:
            found = street.add_building(store, compound_id, name)
            made.append("building")
        building_ids.append(found)
    if whole:
        street.cover(store, grid_id, compound_ids=[compound_id])
    else:
        street.cover(store, grid_id, building_ids=building_ids)
    return Placed(grid_id, compound_id, tuple(building_ids), tuple(made))
