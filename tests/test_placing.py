"""A roster's compound in no grid, set up and put in a grid by name (the roster wizard's offer)."""

from __future__ import annotations

import pytest

from gridkeeper.places import placing, street
from gridkeeper.places.street import StreetError
from gridkeeper.store.engine import Store


def test_a_new_compound_is_made_and_covered_whole_and_again_changes_nothing(store: Store) -> None:
    community = street.add_community(store, "城南社区")
    grid = street.add_grid(store, community, "第1网格")
    placed = placing.put_in_grid(store, "城南社区", "新小区", ["1号楼", "2幢", "1"], grid_id=grid)
    assert placed.made == ("compound", "building", "building")  # 1号楼 and 1 are one building, 1幢
    whole = street.structure(store)
    assert [b.name for b in whole.buildings_in(grid)] == ["1幢", "2幢"]
    assert whole.get(placed.compound_id).grid_id == grid  # type: ignore[union-attr]
    again = placing.put_in_grid(store, "城南社区", "新 小区", ["2号楼"], grid_id=grid)
    assert again.made == () and again.compound_id == placed.compound_id


def test_some_buildings_into_a_new_grid_of_a_new_community(store: Store) -> None:
    placed = placing.put_in_grid(store, "城北社区", "老街小区", ["3"], new_grid="第9网格", whole=False)
    assert placed.made == ("community", "compound", "grid", "building")
    whole = street.structure(store)
    assert [g.name for g in whole.grids] == ["第9网格"]
    assert whole.get(placed.compound_id).grid_id is None  # type: ignore[union-attr]  # only the building
    assert [b.id for b in whole.buildings_in(placed.grid_id)] == list(placed.building_ids)
    with pytest.raises(StreetError, match="needs a name"):
        placing.put_in_grid(store, "城北社区", "老街小区", ["4"], new_grid=" ")
