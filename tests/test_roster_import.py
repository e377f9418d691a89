"""Importing a roster: idempotent, only changed fields updated, atomic, cancellable."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import text

from gridkeeper import ids
from gridkeeper.places.roster_import import ImportCancelled, import_roster
from gridkeeper.rules import idnumber
from gridkeeper.store import Store, dump
from gridkeeper.store import households as queries

HEADER = ["姓名", "与户主关系", "公民身份号码", "性别", "出生日期", "联系电话", "社区", "小区", "楼栋", "单元", "房号", "标签"]
ZHANG = idnumber.make("330382", date(1950, 3, 2), 11)
LI = idnumber.make("330382", date(1952, 7, 9), 22)
WANG = idnumber.make("330302", date(1980, 1, 5), 33)


def people() -> list[list[object]]:
    return [
        ["张建国", "户主", ZHANG, "男", "1950-03-02", "13812345678", "塘川社区", "阳光花园", "3幢", "2", "501", "独居、高龄"],
        ["李秀英", "配偶", LI, "女", "1952.7.9", "", "塘川社区", "阳光花园", "3幢", "2", "501", ""],
        ["王伟", "户主", WANG, "男", date(1980, 1, 5), "0577-62345678", "塘川社区", "阳光花园", "5幢", "1", "302", ""],
        ["坏号码", "户主", ZHANG[:-1] + ("0" if ZHANG[-1] != "0" else "1"), "男", "", "", "塘川社区", "阳光花园", "6幢", "1", "101", ""],
    ]


def write_roster(path: Path, rows: list[list[object]], header: list[str] = HEADER) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws.append(["塘川社区户籍人口花名册"])
    ws.merge_cells("A1:L1")
    ws.append(header)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def log_count(store: Store) -> int:
    with store.read() as conn:
        return conn.execute(text("SELECT count(*) FROM change_log")).scalar_one()


def snapshot(store: Store) -> str:
    import io

    out = io.StringIO()
    dump.write(store, out)
    return out.getvalue()


def test_first_import_creates_households_persons_and_reports_rejects(store: Store, tmp_path: Path) -> None:
    report = import_roster(store, write_roster(tmp_path / "r.xlsx", people()))
    assert report.header_row == 2
    assert (report.rows_read, report.persons_created, report.persons_updated, report.persons_unchanged) == (4, 3, 0, 0)
    assert report.households_created == 2
    assert report.rejected_rows == [6]
    assert [i.code for i in report.rejected] == ["id_checksum"]
    with store.read() as conn:
        found = queries.search_ids(conn, "zjg")
        assert found == [ids.household_id("塘川社区", "阳光花园", "3幢", "2", "501")]
        assert queries.search_ids(conn, "坏号码") == []  # a rejected row is not stored at all
        tags = conn.execute(text(
            "SELECT t.name, t.sensitive FROM persontag pt JOIN tag t ON t.id = pt.tag_id ORDER BY t.name")).all()
    assert [tuple(t) for t in tags] == [("独居", 0), ("高龄", 0)]


@pytest.fixture(params=["looked up", "read whole"])
def profile_rows(request, monkeypatch) -> list[int]:  # type: ignore[no-untyped-def]
    """Both ways an import finds what the profile holds: by id after the parse (small files), or
    every household and person read during the parse (big files; here any file). Returns the
    list of persons the whole reads found, one entry per whole read."""
    from gridkeeper.places.roster_import import reading

    reads: list[int] = []
    if request.param == "read whole":
        real = reading._read_known

        def counted(store: Store):  # type: ignore[no-untyped-def]
            known = real(store)
            reads.append(len(known.persons))
            return known

        monkeypatch.setattr(reading, "_KNOWN_FILE_BYTES", 0)
        monkeypatch.setattr(reading, "_read_known", counted)
    return reads


def test_reimporting_the_same_file_changes_nothing(store: Store, tmp_path: Path, profile_rows: list[int]) -> None:
    path = write_roster(tmp_path / "r.xlsx", people())
    import_roster(store, path)
    before, logged = snapshot(store), log_count(store)
    again = import_roster(store, path)
    assert (again.persons_created, again.persons_updated, again.persons_unchanged) == (0, 0, 3)
    assert (again.households_created, again.households_updated) == (0, 0)
    assert snapshot(store) == before
    assert log_count(store) == logged  # not one change logged
    assert profile_rows in ([], [0, 3])  # the first import found none, the second all three


def test_updated_roster_changes_only_changed_fields(store: Store, tmp_path: Path, profile_rows: list[int]) -> None:
    import_roster(store, write_roster(tmp_path / "r.xlsx", people()))
    logged = log_count(store)
    rows = people()
    rows[0][5] = "13900001111"  # 张建国's phone changed
    rows[1][5] = ""  # 李秀英 still has no phone; an empty cell never erases anything anyway
    report = import_roster(store, write_roster(tmp_path / "r2.xlsx", rows))
    assert (report.persons_updated, report.persons_unchanged, report.persons_created) == (1, 2, 0)
    assert [(c.name, c.field, c.new) for c in report.changes] == [("张建国", "phones", '["13900001111"]')]
    with store.read() as conn:
        new = conn.execute(text("SELECT tbl, row_id, field, value FROM change_log WHERE seq > :s"), {"s": logged}).all()
    assert [(t, f) for t, _r, f, _v in new] == [("person", "phones")]
    assert json.loads(json.loads(new[0][3])) == ["13900001111"]
    assert profile_rows in ([], [0, 3])


def test_an_update_tells_what_it_changed_field_by_field(store: Store, tmp_path: Path) -> None:
    """An updated roster says what it changed, as a cadre reads it: a renamed person (same ID
    number, another name), a move told as the two addresses (not household ids), a household's
    own field (人户状态), numbers masked; in the user's language when translated."""
    def roster(rows: list[list[object]], statuses: list[str], name: str) -> Path:
        return write_roster(tmp_path / name, [r + [s] for r, s in zip(rows, statuses, strict=True)],
                            header=[*HEADER, "人户状态"])

    import_roster(store, roster(people(), ["人户一致"] * 4, "r.xlsx"))
    rows = people()
    rows[1][0] = "李秀瑛"  # the same ID number under another name
    rows[2][5] = "13900002222"  # 王伟's phone
    rows[2][8:11] = ["6幢", "1", "101"]  # and he moved
    report = import_roster(store, roster(rows, ["人在户不在", "人在户不在", "人户一致", "人户一致"], "r2.xlsx"))
    assert (report.persons_updated, report.households_updated) == (2, 1)
    assert [c.text() for c in report.changes] == [
        "Row 3, 阳光花园3幢2单元501: Residence status 人户一致 → 人在户不在",
        "Row 4, 李秀瑛: Name 李秀英 → 李秀瑛",
        "Row 5, 王伟: Phone 0577-****5678 → 139****2222",
        "Row 5, 王伟: Address 阳光花园5幢1单元302 → 阳光花园6幢1单元101",
    ]
    assert [(c["of"], c["field"]) for c in report.as_json()["changes"]] == [
        ("household", "residence_status"), ("person", "name"), ("person", "phones"), ("person", "household_id")]
    words = {"Row {row}, {who}: {field} {old} → {new}": "第{row}行 {who}：{field} {old} → {new}", "Name": "姓名"}
    assert report.changes[1].text(lambda _context, source: words.get(source, "")) == "第4行 李秀瑛：姓名 李秀英 → 李秀瑛"


def test_empty_cells_never_erase_what_the_profile_knows(store: Store, tmp_path: Path) -> None:
    import_roster(store, write_roster(tmp_path / "r.xlsx", people()))
    rows = people()
    rows[0][5] = ""  # phone cell left empty in a later roster
    report = import_roster(store, write_roster(tmp_path / "r2.xlsx", rows))
    assert report.persons_updated == 0
    with store.read() as conn:
        phones = conn.execute(text("SELECT phones FROM person WHERE id = :i"), {"i": ids.person_id(ZHANG)}).scalar()
    assert json.loads(phones) == ["13812345678"]


def test_dry_run_writes_nothing(store: Store, tmp_path: Path) -> None:
    before = snapshot(store)
    report = import_roster(store, write_roster(tmp_path / "r.xlsx", people()), dry_run=True)
    assert report.persons_created == 3 and report.dry_run
    assert snapshot(store) == before and log_count(store) == 0


def test_a_failure_half_way_leaves_the_profile_as_it_was(store: Store, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from gridkeeper.store import roster as db

    path = write_roster(tmp_path / "r.xlsx", people())
    real_insert = db.insert

    def failing_insert(conn, table, rows, **kw):  # type: ignore[no-untyped-def]
        real_insert(conn, table, rows, **kw)
        if table == "person":
            raise OSError("disk full")

    monkeypatch.setattr(db, "insert", failing_insert)
    with pytest.raises(OSError):
        import_roster(store, path)
    assert snapshot(store) == snapshot_of_empty(store) and log_count(store) == 0
    with store.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM search_key")).scalar() == 0


def snapshot_of_empty(store: Store) -> str:
    return snapshot(store)


def test_cancel_rolls_back(store: Store, tmp_path: Path) -> None:
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 3  # cancel once writing has started

    with pytest.raises(ImportCancelled):
        import_roster(store, write_roster(tmp_path / "r.xlsx", people()), cancelled=cancelled)
    assert log_count(store) == 0
    with store.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM person")).scalar() == 0


def test_import_into_the_demo_profile_lands_in_its_community(demo_store: Store, tmp_path: Path) -> None:
    with demo_store.read() as conn:
        community = conn.execute(text("SELECT name FROM community ORDER BY name LIMIT 1")).scalar()
    rows = [["新居民", "户主", WANG, "男", "", "", community, "新建小区", "1幢", "1", "101", ""]]
    report = import_roster(demo_store, write_roster(tmp_path / "r.xlsx", rows))
    assert report.persons_created == 1 and report.households_created == 1
    with demo_store.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM community WHERE name = :n"), {"n": community}).scalar() == 1
        assert len(queries.search_ids(conn, "新居民")) == 1


def test_a_roster_without_a_community_column_finds_the_compound_the_profile_knows(
    demo_store: Store, tmp_path: Path
) -> None:
    """Community workers' rosters often have 小区 but no 社区: a known compound is not copied."""
    with demo_store.read() as conn:
        compound, community, building, unit, room, before = conn.execute(text(
            "SELECT c.name, co.name, b.name, h.unit, h.room, (SELECT count(*) FROM compound) FROM household h "
            "JOIN building b ON b.id = h.building_id JOIN compound c ON c.id = b.compound_id "
            "JOIN community co ON co.id = c.community_id ORDER BY h.id LIMIT 1")).one()
    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "与户主关系", "公民身份号码", "性别", "小区", "楼栋", "单元", "房号"])
    ws.append(["新居民", "子", WANG, "男", compound, building, unit, room])
    ws.append(["另一人", "户主", LI, "女", "全新小区", "1幢", "1", "101"])
    wb.save(tmp_path / "no-community.xlsx")
    report = import_roster(demo_store, tmp_path / "no-community.xlsx")
    assert report.households_created == 1  # only the new compound's flat; the known flat is found
    with demo_store.read() as conn:
        joined = conn.execute(text(
            "SELECT co.name FROM person p JOIN household h ON h.id = p.household_id JOIN building b "
            "ON b.id = h.building_id JOIN compound c ON c.id = b.compound_id JOIN community co "
            "ON co.id = c.community_id WHERE p.name = '新居民'")).scalar_one()
        after = conn.execute(text("SELECT count(*) FROM compound")).scalar_one()
    assert joined == community and after == before + 1


def test_json_changes_mask_phones_and_id_numbers(store: Store, tmp_path: Path) -> None:
    """import-roster --json prints the changes: masked like every number on screen."""
    from gridkeeper.places.roster_import.report import _masked

    import_roster(store, write_roster(tmp_path / "r.xlsx", people()))
    rows = people()
    rows[0][5] = "13900001111、0577-62345678"
    report = import_roster(store, write_roster(tmp_path / "r2.xlsx", rows))
    (change,) = report.as_json()["changes"]
    assert (change["person"], change["field"]) == ("张建国", "phones")
    assert json.loads(change["old"]) == ["138****5678"]
    assert json.loads(change["new"]) == ["139****1111", "0577-****5678"]
    assert report.changes[0].new == '["13900001111", "0577-62345678"]'  # the report itself keeps the values
    assert _masked("id_number", "330382195405060192") == "330382********0192"
    assert _masked("id_number", None) is None and _masked("phones", None) is None
    assert _masked("name", "张建国") == "张建国"


def test_a_roster_with_only_a_header_is_refused_not_imported_as_0_rows(store: Store, tmp_path: Path) -> None:
    from gridkeeper.io.roster import RosterError

    path = write_roster(tmp_path / "r.xlsx", [])
    before = snapshot(store)
    with pytest.raises(RosterError) as caught:
        import_roster(store, path)
    assert caught.value.code == "sheet_no_rows" and "row 2" in str(caught.value)
    assert snapshot(store) == before


def test_a_broken_file_read_beside_the_profile_still_says_what_is_wrong(store: Store, tmp_path: Path,
                                                                        monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A big file is parsed while the profile's rows are read: a file that cannot be parsed
    gives its reason in words all the same, and the profile is left as it was."""
    from gridkeeper.io.roster import RosterError
    from gridkeeper.places.roster_import import reading

    monkeypatch.setattr(reading, "_KNOWN_FILE_BYTES", 0)
    broken = tmp_path / "roster.xlsx"
    broken.write_bytes(b"%PDF-1.4 not a workbook" * 100)
    before = snapshot(store)
    with pytest.raises(RosterError) as caught:
        import_roster(store, broken)
    assert caught.value.code == "file_unreadable"
    with pytest.raises(RosterError) as missing:
        import_roster(store, tmp_path / "gone.xlsx")
    assert missing.value.code == "file_missing"
    assert snapshot(store) == before


def test_a_profile_too_big_to_read_whole_is_looked_up_by_id(store: Store, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from gridkeeper.places.roster_import import reading

    path = write_roster(tmp_path / "r.xlsx", people())
    import_roster(store, path)
    monkeypatch.setattr(reading, "_KNOWN_FILE_BYTES", 0)
    monkeypatch.setattr(reading, "_KNOWN_MAX_PERSONS", 2)  # the profile has 3
    assert reading._read_known(store) is None
    again = import_roster(store, path)
    assert (again.persons_created, again.persons_unchanged) == (0, 3)


def test_a_change_committed_while_the_import_plans_is_not_overwritten(store: Store, tmp_path: Path,
                                                                     profile_rows: list[int], monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A sync (or another window) may commit between the import reading the profile and its
    write. The import must not write values worked out from what it read before: it sees
    the change log moved, works the plan out again, and keeps the newer value."""
    from gridkeeper.places.roster_import import planning

    import_roster(store, write_roster(tmp_path / "r.xlsx", people()))
    rows = people()  # the roster has no note or ethnicity column: the profile's values stay
    rows[0][5] = "13900001111"  # 张建国's phone changed: so the import updates his row
    zhang = ids.person_id(ZHANG)
    real_plan, plans = planning._plan, []

    def plan_then_a_sync_commits(*args, **kwargs):  # type: ignore[no-untyped-def]
        plan = real_plan(*args, **kwargs)
        plans.append(plan)
        if len(plans) == 1:  # what a sync applying a colleague's correction would do meanwhile
            with store.begin() as conn:
                conn.execute(text("UPDATE person SET ethnicity = '畲族', note = '同事更正' WHERE id = :i"),
                             {"i": zhang})
        return plan

    monkeypatch.setattr(planning, "_plan", plan_then_a_sync_commits)
    report = import_roster(store, write_roster(tmp_path / "r2.xlsx", rows))
    assert len(plans) == 2  # worked out again against the newer profile
    assert report.persons_updated == 1
    assert [(c.field, c.new) for c in report.changes] == [("phones", '["13900001111"]')]
    with store.read() as conn:
        ethnicity, note, phones = conn.execute(
            text("SELECT ethnicity, note, phones FROM person WHERE id = :i"), {"i": zhang}).one()
    assert (ethnicity, note) == ("畲族", "同事更正")  # the colleague's correction survives
    assert json.loads(phones) == ["13900001111"]


def test_a_profile_that_keeps_changing_stops_the_import_in_words(store: Store, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from gridkeeper.places import roster_import
    from gridkeeper.places.roster_import import planning

    import_roster(store, write_roster(tmp_path / "r.xlsx", people()))
    before = snapshot(store)
    real_plan = planning._plan
    zhang = ids.person_id(ZHANG)

    def plan_then_a_change(*args, **kwargs):  # type: ignore[no-untyped-def]
        plan = real_plan(*args, **kwargs)
        with store.begin() as conn:  # every time: a change the import cannot catch up with
            conn.execute(text("UPDATE person SET note = coalesce(note, '') || '.' WHERE id = :i"), {"i": zhang})
        return plan

    monkeypatch.setattr(planning, "_plan", plan_then_a_change)
    rows = people()
    rows[0][5] = "13900001111"
    with pytest.raises(roster_import.ProfileChangedDuringImport) as caught:
        import_roster(store, write_roster(tmp_path / "r2.xlsx", rows))
    assert "again" in str(caught.value)
    with store.read() as conn:  # none of the roster's values went in
        phones = conn.execute(text("SELECT phones FROM person WHERE id = :i"), {"i": zhang}).scalar_one()
    assert json.loads(phones) == ["13812345678"]
    assert snapshot(store) != before  # (only the other writer's notes)
