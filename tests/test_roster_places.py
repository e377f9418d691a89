"""A roster import places every household: in its building's grid, or warned place_unassigned."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import text

from gridkeeper.places import household_edit, street
from gridkeeper.places.roster_import import import_roster
from gridkeeper.rules import idnumber
from gridkeeper.store import Store

HEADER = ["姓名", "与户主关系", "公民身份号码", "性别", "社区", "小区", "楼栋", "单元", "房号"]


def _id(n: int) -> str:
    return idnumber.make("330382", date(1950, 1, 1), n)


def _roster(path: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(header)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def _setup(store: Store) -> dict[str, str]:
    s = {"c": street.add_community(store, "城南社区")}
    s["north"] = street.add_community(store, "城北社区")
    s["sun"] = street.add_compound(store, s["c"], "阳光小区")
    s["moon"] = street.add_compound(store, s["c"], "新月小区")
    s["b1"] = street.add_building(store, s["sun"], "1")
    s["b2"] = street.add_building(store, s["sun"], "2")
    street.add_building(store, s["sun"], "3")  # in no grid
    s["g1"] = street.add_grid(store, s["c"], "第1网格")
    s["g2"] = street.add_grid(store, s["c"], "第2网格")
    street.cover(store, s["g1"], building_ids=[s["b1"], s["b2"]])
    street.cover(store, s["g2"], compound_ids=[s["moon"]])
    return s


def _grid_of(store: Store, name: str) -> str | None:
    with store.read() as conn:
        return conn.execute(text(
            "SELECT g.name FROM person p JOIN household h ON h.id = p.household_id "
            "JOIN building b ON b.id = h.building_id LEFT JOIN grid g ON g.id = b.grid_id WHERE p.name = :n"),
            {"n": name}).scalar_one()


def test_every_row_lands_in_its_grid_or_is_warned(store: Store, tmp_path: Path) -> None:
    _setup(store)
    rows = [
        ["甲", "户主", _id(1), "男", "城南社区", "阳光小区", "1号楼", "1", "101"],
        ["乙", "户主", _id(3), "男", "城南社区", "阳光小区", "二幢", "1", "201"],
        ["丙", "户主", _id(5), "男", "城南社区", "阳光小区", "3幢", "1", "301"],  # building in no grid
        ["丁", "户主", _id(7), "男", "城南社区", "新月小区", "9幢", "1", "101"],  # new building, compound covered
        ["戊", "户主", _id(9), "男", "城南社区", "新小区", "1幢", "1", "101"],  # compound the profile lacks
        ["己", "配偶", _id(11), "男", "城南社区", "新小区", "1幢", "1", "101"],
        ["庚", "户主", _id(13), "男", "城南社区", "新小区", "2幢", "1", "101"],
    ]
    report = import_roster(store, _roster(tmp_path / "r.xlsx", rows))
    assert report.rejected_rows == []
    assert [_grid_of(store, n) for n in "甲乙丙丁戊己庚"] == ["第1网格", "第1网格", None, "第2网格", None, None, None]
    assert [(w.row, w.code) for w in report.warnings] == [(4, "place_unassigned"), (6, "place_unassigned"),
                                                         (7, "place_unassigned"), (8, "place_unassigned")]
    assert report.unassigned == [("城南社区", "新小区", 2), ("城南社区", "阳光小区", 1)]
    assert report.unassigned_lines() == ["新小区: 2 households in no grid", "阳光小区: 1 households in no grid"]
    assert report.as_json()["unassigned"][0] == {"community": "城南社区", "compound": "新小区", "households": 2}
    # Nothing went to 未指定社区, and the known compounds were not copied.
    with store.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM community")).scalar() == 2
        assert conn.execute(text("SELECT count(*) FROM compound WHERE name = '阳光小区'")).scalar() == 1


def test_a_roster_without_a_community_column_matches_compounds_in_the_street(store: Store, tmp_path: Path) -> None:
    _setup(store)
    rows = [["甲", "户主", _id(1), "男", "阳光小区", "1幢", "1", "101"],
            ["乙", "户主", _id(3), "男", "不认识的小区", "1幢", "1", "101"]]
    report = import_roster(store, _roster(tmp_path / "r.xlsx", rows, HEADER[:4] + HEADER[5:]))
    assert _grid_of(store, "甲") == "第1网格"
    assert [(w.row, w.code) for w in report.warnings] == [(3, "place_unassigned")]
    assert [c for _, c, _ in report.unassigned] == ["不认识的小区"]  # said by name, not silently placed


def test_a_place_renamed_in_the_app_is_found_by_its_new_name(store: Store, tmp_path: Path) -> None:
    s = _setup(store)
    street.edit_compound(store, s["sun"], "阳光花园")
    report = import_roster(store, _roster(tmp_path / "r.xlsx", [
        ["甲", "户主", _id(1), "男", "城南社区", "阳光花园", "1幢", "1", "101"]]))
    assert report.warnings == [] and _grid_of(store, "甲") == "第1网格"
    with store.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM compound")).scalar() == 2


def test_a_household_moved_by_hand_is_found_at_its_new_address(store: Store, tmp_path: Path) -> None:
    s = _setup(store)
    import_roster(store, _roster(tmp_path / "a.xlsx", [["甲", "户主", _id(1), "男", "城南社区", "阳光小区", "1幢", "1",
                                                        "101"]]))
    with store.read() as conn:
        household = conn.execute(text("SELECT id FROM household")).scalar_one()
    household_edit.move_household(store, household, s["b2"], "2", "202")
    report = import_roster(store, _roster(tmp_path / "b.xlsx", [
        ["甲", "户主", _id(1), "男", "城南社区", "阳光小区", "2幢", "2", "202"]]))
    assert report.households_created == 0 and report.persons_updated == 0
    with store.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM household")).scalar() == 1


def test_a_tombstoned_place_named_again_comes_back(store: Store, tmp_path: Path) -> None:
    s = _setup(store)
    gone = street.add_building(store, s["sun"], "8")
    street.delete(store, "building", gone)
    import_roster(store, _roster(tmp_path / "r.xlsx", [["甲", "户主", _id(1), "男", "城南社区", "阳光小区", "8幢",
                                                        "1", "101"]]))
    assert gone in {b.id for b in street.structure(store).buildings}


def test_assigning_the_building_places_the_households_and_the_reimport_stops_warning(
        store: Store, tmp_path: Path) -> None:
    s = _setup(store)
    path = _roster(tmp_path / "r.xlsx", [["丙", "户主", _id(5), "男", "城南社区", "阳光小区", "3幢", "1", "301"]])
    assert [w.code for w in import_roster(store, path).warnings] == ["place_unassigned"]
    [loose] = street.unassigned(store)
    street.cover(store, s["g1"], building_ids=[loose.building_id])
    assert _grid_of(store, "丙") == "第1网格"
    again = import_roster(store, path)
    assert again.warnings == [] and again.persons_unchanged == 1


def test_a_community_named_with_its_committees_title_is_the_same_community(store: Store, tmp_path: Path) -> None:
    _setup(store)
    report = import_roster(store, _roster(tmp_path / "r.xlsx", [
        ["甲", "户主", _id(1), "男", "城南社区居委会", "阳光小区", "1幢", "1", "101"],
        ["乙", "户主", _id(3), "男", "城南居委会", "阳光小区", "2幢", "1", "201"]]))
    assert report.warnings == [] and _grid_of(store, "甲") == _grid_of(store, "乙") == "第1网格"


def test_a_building_stored_under_an_older_spelling_is_found(store: Store, tmp_path: Path) -> None:
    s = _setup(store)
    with store.begin() as conn:  # as a version before "第…幢" was read as "…幢" stored it
        conn.execute(text("UPDATE building SET name = '第1幢' WHERE id = :b"), {"b": s["b1"]})
    import_roster(store, _roster(tmp_path / "r.xlsx", [["甲", "户主", _id(1), "男", "城南社区", "阳光小区", "第1幢",
                                                        "1", "101"]]))
    assert _grid_of(store, "甲") == "第1网格"
    with store.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM building")).scalar() == 3
