"""Hostile rosters imported into a profile: the review of 2026-12-07, end to end through the
store. A good roster is imported first; the hostile one after it must change nothing it should
not, and say why, row by row."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from gridkeeper.io.roster import RosterError
from gridkeeper.places.roster_import import import_roster
from gridkeeper.rules import idnumber
from gridkeeper.store import Store
from tests.io.roster_builder import RosterBuilder

HEADERS = ["姓名", "公民身份号码", "社区", "小区", "楼栋", "房号"]
PEOPLE = [("张建国", idnumber.make("330382", date(1950, 3, 2), 11)),
          ("李秀英", idnumber.make("330382", date(1952, 7, 9), 22)),
          ("王伟", idnumber.make("330302", date(1980, 1, 5), 33)),
          ("赵敏", idnumber.make("330302", date(1981, 2, 6), 44)),
          ("钱进", idnumber.make("330302", date(1982, 3, 7), 55))]


def _roster(path: Path, names: list[object], community: object = "塘川社区") -> Path:
    b = RosterBuilder(HEADERS)
    for i, ((_, number), name) in enumerate(zip(PEOPLE, names)):
        b.add(name, number, community, "阳光花园", "3幢", str(501 + i))
    return b.save(path)


def _names(store: Store) -> list[str]:
    with store.read() as conn:
        return [r[0] for r in conn.execute(text("SELECT name FROM person ORDER BY id_number"))]


def _communities(store: Store) -> list[str]:
    with store.read() as conn:
        return [r[0] for r in conn.execute(text("SELECT name FROM community ORDER BY name"))]


def test_hostile_names_do_not_replace_good_ones(store: Store, tmp_path: Path) -> None:
    """Finding: names with NUL, ANSI escapes, a right-to-left override, a zero-width space alone or
    300 characters were accepted and replaced good names."""
    import_roster(store, _roster(tmp_path / "good.xlsx", [n for n, _ in PEOPLE]))
    before = _names(store)
    hostile = ["张建国\x00", "\x1b[31m李秀英\x1b[0m", "\u202e伟王", "\u200b", "钱" * 300]
    report = import_roster(store, _roster(tmp_path / "bad.xlsx", hostile))
    assert report.persons_updated == 0 and report.rejected_rows == [2, 3, 4, 5, 6]
    assert [i.code for i in report.rejected] == ["text_control", "text_control", "text_bidi", "name_missing",
                                                 "text_too_long"]
    assert _names(store) == before


def test_a_community_with_nul_does_not_make_a_second_one(store: Store, tmp_path: Path) -> None:
    """Finding: "塘川社区\\x00DROP" created a second community that displays as 塘川社区."""
    import_roster(store, _roster(tmp_path / "good.xlsx", [n for n, _ in PEOPLE[:1]]))
    report = import_roster(store, _roster(tmp_path / "bad.xlsx", ["孙新"], community="塘川社区\x00DROP"))
    assert [i.code for i in report.rejected] == ["text_control"]
    assert _communities(store) == ["塘川社区"]
    report = import_roster(store, _roster(tmp_path / "zw.xlsx", ["孙新"], community="塘川\u200b社区\ufeff"))
    assert not report.rejected and _communities(store) == ["塘川社区"]  # invisible characters removed first


def test_formula_cells_without_a_result_import_no_person_named_0(store: Store, tmp_path: Path) -> None:
    """Finding: formula cells without a saved value imported as persons named "0"."""
    import xlsxwriter

    path = tmp_path / "xw.xlsx"
    book = xlsxwriter.Workbook(path)
    ws = book.add_worksheet("花名册")
    ws.write_row(0, 0, HEADERS)
    for r, (_, number) in enumerate(PEOPLE[:2], start=1):
        ws.write_formula(r, 0, "=LEFT(\"张三丰\",2)")  # XlsxWriter saves 0 as its result
        ws.write_row(r, 1, [number, "塘川社区", "阳光花园", "3幢", str(500 + r)])
    book.close()
    report = import_roster(store, path)
    assert report.persons_created == 0 and [i.code for i in report.rejected] == ["formula_no_value"] * 2
    assert _names(store) == []


def test_a_name_too_long_for_a_person_never_reaches_the_search_index(store: Store, tmp_path: Path) -> None:
    """Finding: a 1.7-million-character name imported, then the search index's catch-up ran out of
    memory. Such a cell is refused with the file; one below Excel's cell limit but far past a
    name's rejects its row, so the index never keys it."""
    report = import_roster(store, _roster(tmp_path / "long.xlsx", ["名" * 20_000, "李秀英"]))
    assert report.rejected_rows == [2] and report.persons_created == 1
    store.reindex_dirty()
    with store.read() as conn:
        longest = conn.execute(text("SELECT max(length(key)) FROM search_key")).scalar_one()
    assert longest < 100


def test_a_refused_file_changes_nothing(store: Store, tmp_path: Path) -> None:
    import_roster(store, _roster(tmp_path / "good.xlsx", [n for n, _ in PEOPLE]))
    b = RosterBuilder(HEADERS)
    b.add("张建国", PEOPLE[0][1], "塘川社区", "阳光花园", "3幢", "501")
    b.add("李秀英", PEOPLE[1][1], "塘川社区", "阳光花园", "3幢", "502")
    path = b.save(tmp_path / "far.xlsx")
    from openpyxl import load_workbook

    book = load_workbook(path)
    book.active["XFD1048576"] = "远"
    book.save(path)
    before = _names(store)
    with pytest.raises(RosterError) as caught:
        import_roster(store, path)
    assert caught.value.code == "sheet_too_large"
    assert _names(store) == before
