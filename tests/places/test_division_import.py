"""The grid division table imported: messy cells, moves, rotations, all or nothing, twice."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from gridkeeper.io import division_table
from gridkeeper.places import division, roster_import
from gridkeeper.places.division import applying
from gridkeeper.store import dump
from gridkeeper.store.engine import Store
from tests.places.division_fixtures import HEADER, STREET, households_by_grid, roster, table


def _dump(store: Store) -> str:
    import io

    out = io.StringIO()
    dump.write(store, out)
    return out.getvalue()


def _grid_of(store: Store, compound: str, building: str) -> str | None:
    with store.read() as conn:
        return conn.exec_driver_sql(
            "SELECT g.name FROM building b JOIN compound c ON c.id = b.compound_id LEFT JOIN grid g ON g.id = b.grid_id "
            "WHERE c.name = ? AND b.name = ? AND b.deleted = 0", (compound, building)).scalar()


def _holders(store: Store, grid: str) -> dict[str, tuple[date | None, date | None]]:
    with store.read() as conn:
        rows = conn.exec_driver_sql(
            "SELECT c.name, a.start_date, a.end_date FROM assignment a JOIN cadre c ON c.id = a.cadre_id "
            "JOIN grid g ON g.id = a.grid_id WHERE g.name = ? AND a.deleted = 0", (grid,)).all()
    return {r[0]: (r[1], r[2]) for r in rows}


def test_messy_cells_read(tmp_path: Path) -> None:
    """Title row, spaced and full-width headers, merged 社区/网格 cells, full-width ranges, 、 and ，, a
    role of the office's own (网格长) and a column that is no role (备注)."""
    header = [" 社　区 ", "网格名称", "网格编号", "小区名称", "楼　幢", "驻社区干部", "电话", "网格长", "备注"]
    rows = [
        ["塘川社区", "第１网格", "００１", "阳光花园", "１－１２幢", "张三 13812345678", None, "王五", "x"],
        [None, None, None, "明月小区", "1幢，3幢", None, None, None, None],
        [None, "第2网格", "002", "星河湾", "一至三幢", "李四、孙七", "13912345678、13712345678", None, None],
    ]
    path = table(tmp_path / "t.xlsx", rows, header, title="塘川街道网格划分表", merges=("B3:B4", "C3:C4", "F3:F4"))
    sheet = division.read_table(path)
    assert sheet.header.row == 2
    assert [r.role for r in sheet.header.roles] == ["驻社区干部", "网格长"]
    checked = division.check(sheet)
    assert checked.rejected == []
    assert [w.code for w in checked.warnings] == ["column_ignored"]
    first, second, third = checked.rows
    assert (first.community, first.grid, first.grid_code) == ("塘川社区", "第1网格", "001")
    assert first.buildings.names == tuple(f"{n}幢" for n in range(1, 13))
    assert [(c.name, c.phone, c.role) for c in first.cadres] == [
        ("张三", "13812345678", "驻社区干部"), ("王五", None, "网格长")]
    # Merged cells hold their value in every row they cover; an empty 社区 is the row above's.
    assert (second.community, second.grid, second.grid_code) == ("塘川社区", "第1网格", "001")
    assert second.buildings.names == ("1幢", "3幢")
    assert [c.name for c in second.cadres] == ["张三"]
    assert (third.community, third.grid) == ("塘川社区", "第2网格")
    assert third.buildings.names == ("1幢", "2幢", "3幢")
    assert [(c.name, c.phone) for c in third.cadres] == [("李四", "13912345678"), ("孙七", "13712345678")]


@pytest.mark.parametrize(("rows", "code"), [
    ([["塘川社区", "", "", "阳光花园", "1幢"]], "missing_grid"),
    ([["塘川社区", "第1网格", "", "", "1幢"]], "missing_compound"),
    ([["塘川社区", "第1网格", "", "阳光花园", "12-1幢"]], "bad_building_range"),
    ([["塘川社区", "第1网格", "", "阳光花园", "1-3幢", "张三 1381234"]], "bad_phone"),
    ([["塘川社区", "第1网格", "", "阳光花园", "1-3幢"], ["塘川社区", "第2网格", "", "阳光花园", "3幢"]],
     "building_in_two_grids"),
    ([["塘川社区", "第1网格", "", "阳光花园", "全部"], ["塘川社区", "第2网格", "", "阳光花园", "3幢"]],
     "building_in_two_grids"),
    ([["塘川社区", "第1网格", "G1", "阳光花园", "1幢"], ["城南社区", "第1网格", "G1", "星河湾", "1幢"]],
     "grid_in_two_communities"),
    ([["塘川社区", "第1网格", "", "阳光花园", "1幢", "张三", "13812345678"],
      ["塘川社区", "第2网格", "", "阳光花园", "2幢", "张三", "13912345678"]], "cadre_phone_conflict"),
])  # fmt: skip
def test_refused_rows(tmp_path: Path, store: Store, rows: list[list[object]], code: str) -> None:
    path = table(tmp_path / "t.xlsx", rows)
    before = _dump(store)
    report = division.import_table(store, path)
    assert code in {i.code for i in report.rejected}
    assert not report.imported
    assert _dump(store) == before  # a refused table changes nothing


def test_unit_split_is_refused(tmp_path: Path, store: Store) -> None:
    header = [*HEADER[:5], "单元"]
    path = table(tmp_path / "t.xlsx", [["塘川社区", "第1网格", "", "阳光花园", "3幢", "1单元"],
                                       ["塘川社区", "第2网格", "", "阳光花园", "3幢", "2单元"]], header)
    report = division.import_table(store, path)
    assert {i.code for i in report.rejected} == {"unit_split"}
    assert report.rejected_rows == [2, 3]


def test_one_bad_row_refuses_the_whole_table(tmp_path: Path, store: Store) -> None:
    path = table(tmp_path / "t.xlsx", [*STREET, ["塘川社区", "第3网格", "", "星河湾", "9-1幢"]])
    report = division.import_table(store, path)
    assert report.rejected_rows == [5]
    assert not report.imported and report.changes == []
    with store.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM grid").scalar() == 0
        assert conn.exec_driver_sql("SELECT count(*) FROM change_log").scalar() == 0


def test_a_failure_inside_the_write_leaves_nothing(tmp_path: Path, store: Store,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    division.import_table(store, table(tmp_path / "a.xlsx", STREET))
    before = _dump(store)
    moved = [list(r) for r in STREET]
    moved[0][4], moved[2][4] = "1-2幢", "3-5幢"  # 3幢 to 第2网格
    moved[0][5:7] = moved[1][5:7] = ["钱八", "13812345609"]  # and 张三 rotated out: two updates

    real_update, calls = applying.db.update, []

    def failing_update(conn: object, table: str, row_id: str, values: dict[str, object]) -> None:
        calls.append(table)
        if len(calls) == 2:  # the first update written, the second fails: mid-apply
            raise RuntimeError("disk pulled out")
        real_update(conn, table, row_id, values)  # type: ignore[arg-type]

    monkeypatch.setattr(applying.db, "update", failing_update)
    with pytest.raises(RuntimeError):
        division.import_table(store, table(tmp_path / "b.xlsx", moved))
    assert len(calls) == 2  # inserts (the new cadre, the stint) and one update were written, then undone
    assert _dump(store) == before
    assert _grid_of(store, "阳光花园", "3幢") == "第1网格"


def test_same_table_twice_changes_nothing(tmp_path: Path, store: Store) -> None:
    path = table(tmp_path / "t.xlsx", STREET)
    first = division.import_table(store, path)
    assert first.imported and first.counts["grid_created"] == 2 and first.counts["building_created"] == 5
    with store.read() as conn:
        log = conn.exec_driver_sql("SELECT count(*) FROM change_log").scalar()
    second = division.import_table(store, path)
    assert second.unchanged and not second.imported and second.changes == []
    with store.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM change_log").scalar() == log


def test_a_moved_building_takes_its_households(tmp_path: Path, store: Store) -> None:
    division.import_table(store, table(tmp_path / "a.xlsx", STREET))
    roster_import.import_roster(store, roster(tmp_path / "r.xlsx", [
        ["甲", "塘川社区", "阳光花园", "3号楼", "1", "101"], ["乙", "塘川社区", "阳光花园", "3", "1", "102"],
        ["丙", "塘川社区", "阳光花园", "4幢", "1", "101"]]))
    store.reindex_dirty()
    assert households_by_grid(store)[("阳光花园", "3幢", "101")] == "第1网格"
    moved = [list(r) for r in STREET]
    moved[0][4], moved[2][4] = "1-2幢", "3-5幢"
    report = division.import_table(store, table(tmp_path / "b.xlsx", moved))
    assert report.imported
    assert [w.code for w in report.warnings] == ["building_moved"]
    assert "3幢" in report.warnings[0].text()
    grids = households_by_grid(store)
    assert grids[("阳光花园", "3幢", "101")] == grids[("阳光花园", "3幢", "102")] == "第2网格"
    with store.read() as conn:  # the move is in the change log, as an update of the building's grid
        logged = conn.exec_driver_sql(
            "SELECT l.value FROM change_log l JOIN building b ON b.id = l.row_id "
            "WHERE l.tbl = 'building' AND l.field = 'grid_id' AND b.name = '3幢'").all()
        grid2 = conn.exec_driver_sql("SELECT id FROM grid WHERE name = '第2网格'").scalar()
        # search knows the households under their new grid
        in_grid2 = conn.exec_driver_sql(
            "SELECT count(DISTINCT sk.hh) FROM search_key sk JOIN search_grid sg ON sg.g = sk.grid "
            "WHERE sg.grid_id = ?", (grid2,)).scalar()
    assert logged == [(f'"{grid2}"',)]
    assert in_grid2 == 3


def test_a_rotated_cadre(tmp_path: Path, store: Store) -> None:
    from gridkeeper import clock

    day = clock.today()
    division.import_table(store, table(tmp_path / "a.xlsx", STREET), today=date(2026, 1, 1))
    rotated = [list(r) for r in STREET]
    rotated[0][5:7] = rotated[1][5:7] = ["钱八", "13812345609"]
    report = division.import_table(store, table(tmp_path / "b.xlsx", rotated))
    assert [w.code for w in report.warnings] == ["cadre_released"]
    held = _holders(store, "第1网格")
    # The stint ended yesterday (its last day; places/staff.py's rule), kept in history.
    assert held["张三"] == ("2026-01-01", (day - timedelta(days=1)).isoformat())
    assert held["钱八"] == (day.isoformat(), None)
    assert held["李四"] == ("2026-01-01", None)
    # Back again later: a new stint of its own, the first one kept.
    later = day + timedelta(days=100)  # after the first stint ended, whatever day the suite runs as of
    back = division.import_table(store, table(tmp_path / "c.xlsx", STREET), today=later)
    with store.read() as conn:
        stints = conn.exec_driver_sql(
            "SELECT a.start_date, a.end_date FROM assignment a JOIN cadre c ON c.id = a.cadre_id "
            "JOIN grid g ON g.id = a.grid_id WHERE c.name = '张三' AND g.name = '第1网格' ORDER BY a.start_date").all()
    assert [tuple(s) for s in stints] == [("2026-01-01", (day - timedelta(days=1)).isoformat()),
                                          (later.isoformat(), None)]
    assert [w.code for w in back.warnings] == ["cadre_released"] and "钱八" in back.warnings[0].text()


def test_a_cadre_listed_again_the_same_day_keeps_one_stint(tmp_path: Path, store: Store) -> None:
    division.import_table(store, table(tmp_path / "a.xlsx", STREET), today=date(2026, 1, 1))
    rotated = [list(r) for r in STREET]
    rotated[0][5:7] = rotated[1][5:7] = ["钱八", "13812345609"]
    division.import_table(store, table(tmp_path / "b.xlsx", rotated))
    # The rotation was a mistake: the first table again, the same day.
    again = division.import_table(store, table(tmp_path / "a.xlsx", STREET))
    assert [w.code for w in again.warnings] == ["cadre_released"]  # 钱八, whose stint never began: undone
    held = _holders(store, "第1网格")
    assert held["张三"] == ("2026-01-01", None)
    assert "钱八" not in held


def test_a_released_building(tmp_path: Path, store: Store) -> None:
    division.import_table(store, table(tmp_path / "a.xlsx", STREET))
    fewer = [list(r) for r in STREET]
    fewer[0][4] = "1-2幢"
    report = division.import_table(store, table(tmp_path / "b.xlsx", fewer))
    assert [w.code for w in report.warnings] == ["building_released"]
    assert _grid_of(store, "阳光花园", "3幢") is None


def test_export_then_import_changes_nothing(tmp_path: Path, demo_store: Store) -> None:
    path, rows, _changed = division.export_table(demo_store, tmp_path / "out.xlsx")
    assert rows > 0
    before = _dump(demo_store)
    report = division.import_table(demo_store, path)
    assert report.rejected == []
    assert report.unchanged, [division.change_text(c) for c in report.changes][:5]
    assert _dump(demo_store) == before


def test_export_of_an_imported_table_reads_back_the_same(tmp_path: Path, store: Store) -> None:
    division.import_table(store, table(tmp_path / "a.xlsx", STREET))
    path, rows, _ = division.export_table(store, tmp_path / "out.xlsx")
    assert rows == 3
    cells = [r.buildings for r in division.check(division.read_table(path)).rows]
    assert {c.whole for c in cells} == {True, False}
    assert division.import_table(store, path).unchanged


def test_template_has_drop_downs(tmp_path: Path, store: Store) -> None:
    from openpyxl import load_workbook

    division.import_table(store, table(tmp_path / "a.xlsx", STREET))
    path = division.write_template(store, tmp_path / "template.xlsx")
    book = load_workbook(path)
    assert book.sheetnames[:2] == [division_table.SHEET, division_table.NOTE_SHEET]
    sheet = book[division_table.SHEET]
    lists = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation if v.type == "list"}
    assert lists[f"A2:A{division_table.TEMPLATE_ROWS + 2}"] == '"塘川社区"'
    assert "驻社区干部" in lists["F1"]
    assert not any(c.data_type == "f" for row in sheet.iter_rows() for c in row)  # no formulas
    # The grey example row is skipped: the template as it is imports as a table with no rows.
    with pytest.raises(Exception, match="no rows"):
        division.import_table(store, path)


def test_a_code_another_grid_holds_is_refused(tmp_path: Path, store: Store) -> None:
    division.import_table(store, table(tmp_path / "a.xlsx", STREET))
    before = _dump(store)
    other = table(tmp_path / "b.xlsx", [["城南社区", "第1网格", "TC002", "星河湾", "全部"]])
    report = division.import_table(store, other)
    assert [i.code for i in report.rejected] == ["grid_code_taken"]
    assert "塘川社区第2网格" in report.rejected[0].text()
    assert _dump(store) == before


def test_cadre_matched_by_name_gets_the_new_phone(tmp_path: Path, store: Store) -> None:
    division.import_table(store, table(tmp_path / "a.xlsx", STREET))
    changed = [list(r) for r in STREET]
    changed[0][6] = changed[1][6] = "13900000000"
    report = division.import_table(store, table(tmp_path / "b.xlsx", changed))
    assert [(c.what, c.field, c.old, c.new) for c in report.changes] == [
        ("张三", "phone", "13812345601", "13900000000")]
    assert report.warnings == []


def test_a_write_between_plan_and_apply_is_planned_again(tmp_path: Path, store: Store) -> None:
    """A sync or another window commits after the plan was made: apply plans again on the profile
    as it is, so nothing read before the change is written over it."""
    checked = division.check_file(store, table(tmp_path / "a.xlsx", STREET))
    stale = division.plan(store, checked)
    rotated = [list(r) for r in STREET]
    rotated[0][5:7] = rotated[1][5:7] = ["钱八", "13812345609"]
    division.import_table(store, table(tmp_path / "b.xlsx", rotated))  # commits meanwhile
    report = division.apply(store, stale)
    assert report.imported
    # Worked out against the profile as it is now: the grids are there, 钱八's stint (begun today) undone.
    assert stale.counts["grid_created"] == 2 and report.counts.get("grid_created", 0) == 0
    assert [w.code for w in report.warnings] == ["cadre_released"]
    assert set(_holders(store, "第1网格")) == {"张三", "李四"}


def test_a_laptop_that_joined_an_office_syncs_first(tmp_path: Path, store: Store) -> None:
    store.set_meta("office_pull_due", "1")
    with pytest.raises(applying.JoinedButNotSynced):
        division.import_table(store, table(tmp_path / "a.xlsx", STREET))


def test_whole_and_named_buildings_of_one_compound_in_one_grid(tmp_path: Path, store: Store) -> None:
    rows = [["塘川社区", "第1网格", "", "明月小区", "全部"], ["塘川社区", "第1网格", "", "明月小区", "8幢"]]
    report = division.import_table(store, table(tmp_path / "a.xlsx", rows))
    assert report.rejected == [] and report.imported
    with store.read() as conn:
        covered = conn.exec_driver_sql("SELECT g.name FROM compound c JOIN grid g ON g.id = c.grid_id").all()
    assert covered == [("第1网格",)]
    assert _grid_of(store, "明月小区", "8幢") == "第1网格"
    assert division.import_table(store, table(tmp_path / "a.xlsx", rows)).unchanged


def test_a_deleted_grid_named_again_is_restored(tmp_path: Path, store: Store) -> None:
    path = table(tmp_path / "a.xlsx", STREET[2:])
    division.import_table(store, path)
    with store.begin() as conn:  # tombstoned in the app (captured like any edit)
        conn.exec_driver_sql("UPDATE building SET grid_id = NULL")
        conn.exec_driver_sql("UPDATE assignment SET deleted = 1")
        conn.exec_driver_sql("UPDATE grid SET deleted = 1")
    report = division.import_table(store, path)
    assert report.imported
    said = [division.change_text(c) for c in report.changes]
    assert "Restored grid: 塘川社区第2网格 (it had been deleted)" in said
    assert _grid_of(store, "阳光花园", "4幢") == "第2网格"
    assert division.import_table(store, path).unchanged
