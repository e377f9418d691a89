"""Sync through a shared folder: the invariants of architecture.md, one by one."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import text

from gridkeeper.store import Store, open_store
from gridkeeper.store.models import Person
from gridkeeper.sync.clock import wall_ms
from gridkeeper.sync.engine import sync_folder
from tests.store.helpers import place
from tests.sync.simulation import Office, batches_of, dump_text, enrol, reseal, value


@pytest.fixture(params=["folder", pytest.param("server", marks=pytest.mark.server)])
def office(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Office]:
    """Three laptops of one office, on a shared folder and (the same tests) on a GridKeeper server."""
    if request.param == "server":
        from tests.sync.server_sim import ServerOffice

        o: Office = ServerOffice.copied(tmp_path, 3)  # type: ignore[assignment]
    else:
        o = Office(tmp_path, 3)
    yield o
    o.close()


@pytest.fixture
def share_office(tmp_path: Path) -> Iterator[Office]:
    """For what only a shared folder has: its files, damaged or copied by hand."""
    o = Office(tmp_path, 3)
    yield o
    o.close()


def add_person(store: Store, pid: str = "p1", name: str = "张伟", room: str = "501") -> dict[str, str]:
    where = place(store, room=room)
    with store.write() as s:
        s.add(Person(id=pid, household_id=where["household"], name=name))
    return where


def edit(store: Store, sql: str, **params: object) -> None:
    with store.begin() as conn:
        conn.execute(text(sql), params)


def test_rows_travel_and_profiles_converge(office: Office) -> None:
    a, b, c = office.laptops
    add_person(a)
    office.sync_all()
    assert value(b, "SELECT name FROM person WHERE id = 'p1'") == "张伟"
    dumps = office.dumps()
    assert dumps[0] == dumps[1] == dumps[2]
    with b.read() as conn:  # the search index is kept on the receiving side too
        from gridkeeper.store import households

        assert len(households.search_ids(conn, "zw")) == 1


def test_edits_to_different_fields_both_survive(office: Office) -> None:
    a, b, _ = office.laptops
    add_person(a)
    office.sync_all()
    edit(a, "UPDATE person SET note = '独居，需每日联系' WHERE id = 'p1'")
    edit(b, "UPDATE person SET phones = '[\"13812345678\"]' WHERE id = 'p1'")
    office.sync_all()
    for s in office.laptops:
        assert value(s, "SELECT note FROM person WHERE id = 'p1'") == "独居，需每日联系"
        assert value(s, "SELECT phones FROM person WHERE id = 'p1'") == '["13812345678"]'
    assert len(set(office.dumps())) == 1


def test_same_field_conflict_has_one_winner_and_keeps_the_loser(office: Office) -> None:
    a, b, _ = office.laptops
    add_person(a)
    office.sync_all()
    edit(a, "UPDATE person SET name = '张玮' WHERE id = 'p1'")
    time.sleep(0.005)  # in the same millisecond the device ids would decide, not the order
    edit(b, "UPDATE person SET name = '张炜' WHERE id = 'p1'")  # later, so it wins
    assert office.sync(0).status == "ok"
    result = office.sync(1)
    assert result.conflicts == 1
    office.sync_all()
    names = {value(s, "SELECT name FROM person WHERE id = 'p1'") for s in office.laptops}
    assert names == {"张炜"}
    with b.read() as conn:
        row = conn.execute(text("SELECT field, winner_value, loser_value FROM conflict")).one()
    assert (row[0], json.loads(row[1]), json.loads(row[2])) == ("name", "张炜", "张玮")
    assert len(set(office.dumps())) == 1
    with a.read() as conn:  # nothing lost: the losing value is in the log everywhere
        values = [json.loads(v) for (v,) in conn.execute(text(
            "SELECT value FROM change_log WHERE row_id = 'p1' AND field = 'name'"))]
    assert "张玮" in values


def test_tombstone_wins_over_an_older_edit(office: Office) -> None:
    a, b, _ = office.laptops
    add_person(a)
    office.sync_all()
    edit(b, "UPDATE person SET note = 'old edit' WHERE id = 'p1'")
    edit(a, "UPDATE person SET deleted = 1 WHERE id = 'p1'")
    office.sync_all()
    assert {value(s, "SELECT deleted FROM person WHERE id = 'p1'") for s in office.laptops} == {1}
    assert len(set(office.dumps())) == 1


def test_syncing_again_is_a_no_op(office: Office) -> None:
    add_person(office.laptops[0])
    office.sync_all()
    before = office.dumps()
    for i in range(3):
        result = office.sync(i)
        assert (result.pushed_changes, result.pulled_changes) == (0, 0)
    assert office.dumps() == before


def test_a_batch_received_twice_changes_nothing(office: Office) -> None:
    a, b, _ = office.laptops
    add_person(a)
    office.sync(0)
    office.sync(1)
    before = dump_text(b)
    edit(b, "DELETE FROM sync_cursor")  # as if the cursor update had been lost: every batch comes again
    result = office.sync(1)
    assert result.pulled_batches == 1 and result.pulled_changes == 0 and result.duplicates > 0
    assert dump_text(b) == before


def test_half_written_batches_wait_and_nothing_is_lost(share_office: Office) -> None:
    a, b, _ = share_office.laptops
    add_person(a)
    share_office.sync(0)
    (batch,) = batches_of(share_office, a)
    good = batch.read_bytes()
    batch.write_bytes(good[: len(good) // 2])  # truncated under its final name
    (batch.parent / ".000000000777.gkb.tmp").write_bytes(b"crash before rename")
    result = share_office.sync(1)
    assert [h.reason for h in result.held] == ["signature"]  # cut short: its signature no longer holds
    assert value(b, "SELECT count(*) FROM person") == 0
    batch.write_bytes(good)  # the share recovers (or laptop A writes it again)
    result = share_office.sync(1)
    assert result.held == [] and value(b, "SELECT name FROM person WHERE id = 'p1'") == "张伟"


def test_missing_share_is_offline_and_touches_nothing(share_office: Office, tmp_path: Path) -> None:
    a = share_office.laptops[0]
    add_person(a)
    before = dump_text(a)
    result = sync_folder(a, tmp_path / "no-such-share")
    assert result.status == "offline" and "no-such-share" in result.message
    assert dump_text(a) == before


def test_a_clock_a_day_ahead_is_held_and_reported(tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    future = open_store(tmp_path / "future", now_ms=lambda: wall_ms() + 3 * 86_400_000)
    normal = open_store(tmp_path / "normal")
    enrol(share, normal, future)
    add_person(future)
    assert sync_folder(future, share).status == "ok"
    result = sync_folder(normal, share)
    assert [h.reason for h in result.held] == ["clock_ahead"]
    assert value(normal, "SELECT count(*) FROM person") == 0
    future.close()
    normal.close()


def test_a_laptop_a_year_behind_still_converges(tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    behind = open_store(tmp_path / "behind", now_ms=lambda: wall_ms() - 365 * 86_400_000)
    normal = open_store(tmp_path / "normal")
    enrol(share, normal, behind)
    add_person(normal)
    assert sync_folder(normal, share).status == "ok"
    late = sync_folder(behind, share)
    # The share's file times vouch for the other laptop: ours is the clock that is wrong, and we say so.
    assert late.held == [] and late.clock_behind_days >= 364
    assert sync_folder(normal, share).status == "ok"
    edit(behind, "UPDATE person SET note = 'seen by the late laptop' WHERE id = 'p1'")
    for s in (behind, normal):
        assert sync_folder(s, share).status == "ok"
    # Having seen the newer change, the late laptop's clock moved past it: its edit wins.
    assert value(normal, "SELECT note FROM person WHERE id = 'p1'") == "seen by the late laptop"
    assert dump_text(normal) == dump_text(behind)
    behind.close()
    normal.close()


def test_a_sync_cut_off_mid_way_is_finished_by_the_next(office: Office, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from gridkeeper.sync import engine

    a, b, _ = office.laptops
    add_person(a, "p1", "张伟", "501")
    office.sync(0)
    add_person(a, "p2", "李娜", "502")
    office.sync(0)  # two batches from A now
    real = engine._apply_batch
    calls = []

    def dies_on_second(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt("power cut")
        return real(*args, **kwargs)

    monkeypatch.setattr(engine, "_apply_batch", dies_on_second)
    with pytest.raises(KeyboardInterrupt):
        office.sync(1)
    assert value(b, "SELECT count(*) FROM person") == 1  # first batch applied with its cursor
    monkeypatch.setattr(engine, "_apply_batch", real)
    assert office.sync(1).status == "ok"
    assert value(b, "SELECT count(*) FROM person") == 2
    office.sync_all()
    assert len(set(office.dumps())) == 1


def test_two_syncs_at_once_on_one_profile_refuse(share_office: Office) -> None:
    from gridkeeper.sync.folder import FolderShare

    a = share_office.laptops[0]
    with FolderShare(share_office.share, "x").lock(a.root):
        result = share_office.sync(0)
    assert result.status == "refused"
    assert share_office.sync(0).status == "ok"


def test_a_batch_from_a_newer_version_is_held_not_dropped(share_office: Office) -> None:
    a, b, _ = share_office.laptops
    add_person(a)
    share_office.sync(0)
    (batch,) = batches_of(share_office, a)
    # Laptop A runs a newer GridKeeper whose person table has a field this one lacks.
    reseal(share_office, a, batch, lambda changes: [*changes, replace(changes[-1], field="favourite_colour",
                                                                 value='"red"')])
    result = share_office.sync(1)
    assert [h.reason for h in result.held] == ["newer_format"]
    assert value(b, "SELECT count(*) FROM person") == 0
    assert batch.exists()


def test_a_profile_never_syncs_with_another_office(share_office: Office, tmp_path: Path) -> None:
    a, b, _ = share_office.laptops
    share_office.sync(0)
    other = tmp_path / "other-share"
    other.mkdir()
    stranger = open_store(tmp_path / "stranger")
    enrol(other, stranger)  # another office there
    result = sync_folder(a, other)
    assert result.status == "refused" and "does not hold this laptop's office" in result.message
    assert sync_folder(stranger, share_office.share).status == "refused"
    stranger.close()


def test_a_conflict_is_resolved_by_a_normal_change_that_syncs(office: Office) -> None:
    from gridkeeper.sync import conflicts

    a, b, _ = office.laptops
    add_person(a)
    office.sync_all()
    edit(a, "UPDATE person SET name = '张玮' WHERE id = 'p1'")
    edit(b, "UPDATE person SET name = '张炜' WHERE id = 'p1'")
    office.sync(0)
    office.sync(1)
    (c,) = conflicts.open_conflicts(b)
    assert (c.table, c.field, c.current, c.other, c.mine_won, c.label) == ("person", "name", "张炜", "张玮", True, "张炜")
    conflicts.resolve(b, c.id, c.other)  # "take theirs"
    assert conflicts.open_conflicts(b) == []
    office.sync_all()
    assert {value(s, "SELECT name FROM person WHERE id = 'p1'") for s in office.laptops} == {"张玮"}
    assert len(set(office.dumps())) == 1


def test_status_counts_pending_changes_and_last_sync(tmp_path: Path) -> None:
    from gridkeeper.sync.engine import status

    o = Office(tmp_path, 1)
    a = o.laptops[0]
    before = status(a)
    assert before.last_sync is None and before.pending_changes == 0
    add_person(a)
    assert status(a).pending_changes == 5  # community, compound, building, household, person
    o.sync(0)
    after = status(a)
    assert after.pending_changes == 0 and after.last_sync is not None and after.open_conflicts == 0
    edit(a, "UPDATE person SET note = 'x' WHERE id = 'p1'")
    assert status(a).pending_changes == 1
    o.close()


def test_two_laptops_importing_the_same_roster_offline_get_the_same_rows(office: Office, tmp_path: Path) -> None:
    from gridkeeper.places.roster_import import import_roster
    from tests.test_roster_import import people, write_roster

    roster = write_roster(tmp_path / "r.xlsx", people())
    a, b, _ = office.laptops
    import_roster(a, roster)
    import_roster(b, roster)
    office.sync_all()
    for s in office.laptops:
        assert value(s, "SELECT count(*) FROM person") == 3  # not 6
        assert value(s, "SELECT count(*) FROM household") == 2
        assert value(s, "SELECT count(*) FROM conflict") == 0  # same values: nothing to review
    assert len(set(office.dumps())) == 1


def test_our_batch_damaged_on_the_share_is_written_again(share_office: Office) -> None:
    a, b, _ = share_office.laptops
    add_person(a, "p1", "张伟", "501")
    share_office.sync(0)
    add_person(a, "p2", "李娜", "502")
    share_office.sync(0)
    batches = batches_of(share_office, a)
    assert len(batches) == 2
    good = batches[0].read_bytes()
    batches[0].write_bytes(good[: len(good) // 3])  # the share damaged it after it was written
    result = share_office.sync(1)
    assert [h.reason for h in result.held] == ["signature"]  # cut short: its signature no longer holds
    assert [(m.from_seq <= m.to_seq) for m in result.missing] == [True]  # the next one waits behind the gap
    result = share_office.sync(0)  # at its very next sync, not once a day
    assert result.repaired_batches == 1
    assert share_office.sync(1).held == []
    assert value(b, "SELECT count(*) FROM person") == 2


def test_a_second_office_cannot_be_created_on_a_share_that_has_one(share_office: Office, tmp_path: Path) -> None:
    from gridkeeper.sync import office as offices

    newcomer = open_store(tmp_path / "newcomer")
    with pytest.raises(offices.OfficeError) as raised:
        offices.create(newcomer, share_office.share)
    assert "already holds an office" in raised.value.english()
    result = sync_folder(newcomer, share_office.share)
    assert result.status == "refused" and "not in an office yet" in result.message
    newcomer.close()


def test_a_copied_profile_is_refused_and_keeps_its_changes(tmp_path: Path) -> None:
    """A copied profile folder keeps the device id and keys: its changes must not be taken as already sent."""
    import shutil

    from gridkeeper.sync.engine import status as sync_status

    share = tmp_path / "share"
    share.mkdir()
    original = open_store(tmp_path / "a")
    enrol(share, original)
    add_person(original, "p1", "张伟")
    assert sync_folder(original, share).status == "ok"
    original.close()
    shutil.copytree(tmp_path / "a", tmp_path / "b")  # the same profile on a second laptop
    a, b = open_store(tmp_path / "a"), open_store(tmp_path / "b")
    try:
        assert a.device_id == b.device_id
        add_person(a, "p2", "李娜", room="601")
        add_person(b, "p3", "王芳", room="602")
        assert sync_folder(a, share).status == "ok"
        before = dump_text(b)
        result = sync_folder(b, share)
        assert result.status == "refused" and "copy of another laptop" in result.message
        assert dump_text(b) == before  # nothing pulled, nothing lost
        assert sync_status(b).pending_changes > 0  # its own change still waits to be sent
        # The first copy goes on syncing as before.
        assert sync_folder(a, share).status == "ok"
    finally:
        a.close()
        b.close()