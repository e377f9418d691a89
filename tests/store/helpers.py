"""Small builders for store tests."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

from gridkeeper import ids
from gridkeeper.store import Store


def log_rows(store: Store, table: str | None = None) -> list[dict[str, Any]]:
    sql = "SELECT seq, hlc, device_id, tbl, row_id, field, value FROM change_log"
    params: dict[str, Any] = {}
    if table:
        sql += " WHERE tbl = :t"
        params["t"] = table
    with store.read() as conn:
        return [dict(r._mapping) for r in conn.execute(text(sql + " ORDER BY seq"), params)]


def place(store: Store, room: str = "501", compound: str = "阳光花园") -> dict[str, str]:
    """Community, compound, building 3幢 and one household; returns their ids."""
    from gridkeeper.store.models import Building, Community, Compound, Household

    c_id = ids.community_id("塘川社区")
    co_id = ids.compound_id("塘川社区", compound)
    b_id = ids.building_id(co_id, "3幢")
    h_id = ids.household_id("塘川社区", compound, "3幢", "2", room)
    with store.write() as s:
        if s.get(Community, c_id) is None:
            s.add(Community(id=c_id, name="塘川社区"))
        if s.get(Compound, co_id) is None:
            s.add(Compound(id=co_id, community_id=c_id, name=compound))
        if s.get(Building, b_id) is None:
            s.add(Building(id=b_id, compound_id=co_id, name="3幢"))
        s.add(Household(id=h_id, building_id=b_id, unit="2", room=room))
    return {"community": c_id, "compound": co_id, "building": b_id, "household": h_id}
