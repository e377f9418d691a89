"""The import's steps are values: read → check → plan → apply, each taking the one before.

What the wizard relies on: a roster checked once (its preview) is planned and applied
without the file, and a plan kept while the profile changed is worked out again.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from gridkeeper import ids
from gridkeeper.places import roster_import
from gridkeeper.places.roster_import import CheckedRoster, ImportCancelled, planning, reading
from gridkeeper.store import Store, open_store
from tests.test_roster_import import ZHANG, log_count, people, snapshot, write_roster


def checked_roster(path: Path) -> CheckedRoster:
    return roster_import.check(roster_import.read_roster(path))


def test_the_steps_hand_on_what_the_report_tells(store: Store, tmp_path: Path) -> None:
    path = write_roster(tmp_path / "r.xlsx", people())
    read = roster_import.read_roster(path)
    assert (read.path, read.name, read.header.row, read.profile) == (path, "花名册", 2, None)
    checked = roster_import.check(read)
    assert checked.sheet is read and checked.header is read.header
    assert (len(checked.rows), len(checked.accepted), checked.rejected_rows) == (4, 3, [6])
    assert [i.code for i in checked.rejected] == ["id_checksum"]
    planned = roster_import.plan(store, checked)
    assert (planned.persons_created, planned.households_created, planned.persons_unchanged) == (3, 2, 0)
    report = roster_import.apply(store, planned)
    assert (report.path, report.sheet, report.header_row, report.dry_run) == (str(path), "花名册", 2, False)
    assert (report.rows_read, report.persons_created, report.households_created) == (4, 3, 2)
    assert report.rejected_rows == [6] and [i.code for i in report.rejected] == ["id_checksum"]
    assert set(report.seconds) == {"read", "validate", "compare", "store", "total"}
    with store.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM person")).scalar() == 3


def test_a_checked_roster_is_planned_and_applied_without_its_file(store: Store, tmp_path: Path) -> None:
    """The wizard's Import after its preview: checked once, the file gone since (moved, saved
    over), and what was checked is what is stored; nothing reads the file again."""
    path = write_roster(tmp_path / "r.xlsx", people())
    checked = checked_roster(path)
    path.unlink()
    report = roster_import.apply(store, roster_import.plan(store, checked))
    assert (report.rows_read, report.persons_created, report.rejected_rows) == (4, 3, [6])
    with store.read() as conn:
        names = conn.execute(text("SELECT name FROM person ORDER BY name")).scalars().all()
    assert sorted(names) == sorted(["张建国", "李秀英", "王伟"])


def test_check_takes_the_wizards_mapping(store: Store, tmp_path: Path) -> None:
    """Another header than the one found (the wizard's column mapping): the phones left out."""
    rows = people()
    rows[0][5] = "12345"  # a phone that is not one: a warning with the phone column mapped
    read = roster_import.read_roster(write_roster(tmp_path / "r.xlsx", rows))
    assert "phone_length" in {i.code for i in roster_import.check(read).warnings}
    columns = {f: i for f, i in read.header.columns.items() if f != "phones"}
    mapped = dataclasses.replace(read.header, columns=columns)
    checked = roster_import.check(read, mapped)
    assert checked.header is mapped and checked.warnings == []
    roster_import.apply(store, roster_import.plan(store, checked))
    with store.read() as conn:
        assert conn.execute(text("SELECT DISTINCT phones FROM person")).scalars().all() == ["[]"]


def test_a_plan_kept_while_the_profile_changed_is_worked_out_again(store: Store, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """plan(), then a sync commits a colleague's correction, then apply(): the write sees the
    change log moved, plans again against the newer profile and keeps the correction."""
    roster_import.import_roster(store, write_roster(tmp_path / "r.xlsx", people()))
    rows = people()
    rows[0][5] = "13900001111"  # 张建国's phone changed: the import updates his row
    planned = roster_import.plan(store, checked_roster(write_roster(tmp_path / "r2.xlsx", rows)))
    zhang = ids.person_id(ZHANG)
    with store.begin() as conn:  # what a sync applying a colleague's correction does meanwhile
        conn.execute(text("UPDATE person SET ethnicity = '畲族', note = '同事更正' WHERE id = :i"), {"i": zhang})
    replans = []
    real = planning.replan
    monkeypatch.setattr(planning, "replan", lambda *a, **kw: replans.append(1) or real(*a, **kw))
    report = roster_import.apply(store, planned)
    assert replans == [1]
    assert report.persons_updated == 1 and [(c.field, c.new) for c in report.changes] == [("phones", '["13900001111"]')]
    with store.read() as conn:
        ethnicity, note, phones = conn.execute(
            text("SELECT ethnicity, note, phones FROM person WHERE id = :i"), {"i": zhang}).one()
    assert (ethnicity, note) == ("畲族", "同事更正")  # the colleague's correction survives
    assert json.loads(phones) == ["13900001111"]


def test_a_plan_applied_twice_writes_once(store: Store, tmp_path: Path) -> None:
    """The second time its mark is behind the first write: planned again, everything is unchanged."""
    planned = roster_import.plan(store, checked_roster(write_roster(tmp_path / "r.xlsx", people())))
    roster_import.apply(store, planned)
    before, logged = snapshot(store), log_count(store)
    again = roster_import.apply(store, planned)
    assert (again.persons_created, again.persons_unchanged, again.households_created) == (0, 3, 0)
    assert snapshot(store) == before and log_count(store) == logged


def test_a_dry_run_is_the_plans_report(store: Store, tmp_path: Path) -> None:
    before = snapshot(store)
    planned = roster_import.plan(store, checked_roster(write_roster(tmp_path / "r.xlsx", people())))
    report = planned.report()
    assert report.dry_run and (report.persons_created, report.households_created, report.rejected_rows) == (3, 2, [6])
    assert report.seconds["store"] == 0.0
    assert snapshot(store) == before and log_count(store) == 0


@pytest.fixture
def other_store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "other")
    yield s
    s.close()


def test_the_profile_read_beside_a_big_file_serves_that_profile_only(store: Store, other_store: Store, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """read_roster(store=...) reads the profile's rows while it parses a big file; they travel
    with the sheet to plan(), which uses them for that profile and looks another one up."""
    monkeypatch.setattr(reading, "_KNOWN_FILE_BYTES", 0)  # any file is big
    path = write_roster(tmp_path / "r.xlsx", people())
    roster_import.import_roster(store, path)
    read = roster_import.read_roster(path, store=store)
    assert read.profile is not None and read.profile.store is store and len(read.profile.persons) == 3
    checked = roster_import.check(read)
    assert roster_import.plan(store, checked).persons_unchanged == 3  # from the rows read beside the file
    elsewhere = roster_import.plan(other_store, checked)  # an empty profile: all new, not "unchanged"
    assert (elsewhere.persons_created, elsewhere.persons_unchanged) == (3, 0)
    # A plan worked out against one profile and applied to another is worked out there first.
    report = roster_import.apply(other_store, roster_import.plan(store, checked))
    assert report.persons_created == 3
    with other_store.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM person")).scalar() == 3


def test_each_step_reports_progress_and_heeds_cancel(store: Store, tmp_path: Path) -> None:
    path = write_roster(tmp_path / "r.xlsx", people())
    steps: list[tuple[int, str]] = []
    roster_import.import_roster(store, path, progress=lambda percent, step: steps.append((percent, step)))
    assert steps[:3] == [(0, "reading"), (20, "checking rows"), (40, "comparing with the profile")]
    assert steps[-2:] == [(90, "saving"), (100, "done")]
    assert [p for p, _ in steps] == sorted(p for p, _ in steps)
    read = roster_import.read_roster(path)
    with pytest.raises(ImportCancelled):
        roster_import.check(read, cancelled=lambda: True)
    with pytest.raises(ImportCancelled):
        roster_import.plan(store, roster_import.check(read), cancelled=lambda: True)


def test_the_collector_is_off_while_rows_are_checked_and_compared(store: Store, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    from gridkeeper.io import roster

    seen: list[bool] = []
    real_validate = roster.validate
    real_compare = planning._compare

    def validate(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        return real_validate(*args, **kwargs)

    def compare(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        return real_compare(*args, **kwargs)

    monkeypatch.setattr(roster, "validate", validate)
    monkeypatch.setattr(planning, "_compare", compare)
    assert gc.isenabled()
    roster_import.import_roster(store, write_roster(tmp_path / "r.xlsx", people()))
    assert seen == [False, False] and gc.isenabled()  # on again once the import returns


def test_an_import_into_an_empty_profile_makes_the_names_keys_ahead(store: Store, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from gridkeeper.places.roster_import import pipeline
    from gridkeeper.store import households, searchkeys

    asked: list[list[str]] = []

    class Ahead:  # the second process stood in for: test_searchkeys runs the real one
        def __init__(self, names: list[str]) -> None:
            asked.append(list(names))

        def collect(self) -> int:
            searchkeys._MADE_AHEAD.update({"张建国": ("zhangjianguo-ahead",)})  # marks a key as made ahead
            return 1

        def close(self) -> None:
            raise AssertionError("closed without a failure")

    monkeypatch.setattr(searchkeys, "NameKeysAhead", Ahead)
    monkeypatch.setattr(pipeline, "AHEAD_MIN_NAMES", 1)
    path = write_roster(tmp_path / "r.xlsx", people())
    roster_import.import_sheet(store, roster_import.read_roster(path))
    assert asked == [["张建国", "李秀英", "王伟"]]  # the accepted rows' names; the rejected row's not
    assert store.reindex_dirty() == 2
    assert searchkeys._MADE_AHEAD == {}  # let go once the index has them
    with store.read() as conn:
        assert len(households.search_ids(conn, "zhangjianguo-ahead")) == 1
        assert len(households.search_ids(conn, "wangwei")) == 1  # not made ahead: made by the catch-up
    roster_import.import_sheet(store, roster_import.read_roster(path))  # a re-import: no second process
    assert len(asked) == 1
