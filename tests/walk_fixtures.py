"""A small street for walk and list tests: one community, two grids, one compound, a cadre."""

from __future__ import annotations

from dataclasses import dataclass

from gridkeeper import ids
from gridkeeper.store import Store

PROPERTY_COMPANY = "宏达物业"


@dataclass(frozen=True)
class Street:
    community: str
    grid1: str
    grid2: str
    compound: str
    building1: str  # 1幢, in grid 1
    building2: str  # 2幢, in grid 2
    household: str  # 1幢1单元101
    cadre: str
    cadre_name: str


def street(store: Store) -> Street:
    from gridkeeper.store.models import Assignment, Building, Cadre, Community, Compound, Grid, Household

    c = ids.community_id("塘川社区")
    g1, g2 = ids.grid_id("塘川社区", "第1网格"), ids.grid_id("塘川社区", "第2网格")
    co = ids.compound_id("塘川社区", "阳光花园")
    b1, b2 = ids.building_id(co, "1幢"), ids.building_id(co, "2幢")
    h = ids.household_id("塘川社区", "阳光花园", "1幢", "1", "101")
    cadre = ids.cadre_id("李娜", None)
    with store.write() as s:
        s.add(Community(id=c, name="塘川社区"))
        s.add(Grid(id=g1, community_id=c, name="第1网格"))
        s.add(Grid(id=g2, community_id=c, name="第2网格"))
        s.add(Compound(id=co, community_id=c, name="阳光花园", property_company=PROPERTY_COMPANY, hoa="阳光花园业委会"))
        s.add(Building(id=b1, compound_id=co, grid_id=g1, name="1幢"))
        s.add(Building(id=b2, compound_id=co, grid_id=g2, name="2幢"))
        s.add(Household(id=h, building_id=b1, unit="1", room="101"))
        s.add(Cadre(id=cadre, name="李娜"))
        s.add(Assignment(id=ids.assignment_id(cadre, g1), cadre_id=cadre, grid_id=g1))
    return Street(c, g1, g2, co, b1, b2, h, cadre, "李娜")
