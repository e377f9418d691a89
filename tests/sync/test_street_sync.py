"""The street's structure syncs like everything else, and converges under concurrent edits."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from gridkeeper import clock

from gridkeeper.places import household_edit, members, staff, street
from tests.sync.simulation import Office, value


def test_a_building_moved_while_another_laptop_edits_its_household_converges(tmp_path: Path) -> None:
    office = Office(tmp_path, 2)
    admin, cadre = office.laptops
    try:
        community = street.add_community(admin, "城南社区")
        compound = street.add_compound(admin, community, "阳光小区")
        building = street.add_building(admin, compound, "1")
        g1 = street.add_grid(admin, community, "第1网格")
        g2 = street.add_grid(admin, community, "第2网格")
        street.cover(admin, g1, building_ids=[building])
        household = household_edit.create_household(admin, building, "1", "101")
        office.sync_all()
        # Offline at the same time: the admin moves the building to grid 2, the cadre adds a member
        # and notes the household, and puts a new building in grid 1.
        street.cover(admin, g2, building_ids=[building])
        person = members.add_person(cadre, household, members.check("张三"))
        members.set_household_note(cadre, household, "独居老人，常去女儿家")
        late = street.add_building(cadre, compound, "2")
        street.cover(cadre, g1, building_ids=[late])
        office.sync_all()
        first, second = office.dumps()
        assert first == second
        for laptop in (admin, cadre):
            assert value(laptop, "SELECT grid_id FROM building WHERE id = :b", b=building) == g2
            assert value(laptop, "SELECT household_id FROM person WHERE id = :p", p=person) == household
            assert [m.grid_id for m in street.moves(laptop, [building])] == [None, g1, g2]
    finally:
        office.close()


def test_a_rotation_on_one_laptop_reaches_the_other(tmp_path: Path) -> None:
    office = Office(tmp_path, 2)
    admin, cadre = office.laptops
    try:
        community = street.add_community(admin, "城南社区")
        grid = street.add_grid(admin, community, "第1网格")
        old = staff.add_cadre(admin, "王建国", "13905770001", "驻社区干部")
        new = staff.add_cadre(admin, "李秀英", "13905770002", "驻社区干部")
        staff.hold(admin, old, grid, clock.today() - timedelta(days=100))
        office.sync_all()
        staff.rotate(admin, grid, old, new)
        office.sync_all()
        assert [(s.cadre, s.end is None) for s in staff.stints(cadre, grid_id=grid)] == [
            ("王建国", False), ("李秀英", True)]
    finally:
        office.close()
