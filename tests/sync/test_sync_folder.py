"""Sync through a shared folder: the invariants of architecture.md, one by one."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from gridkeeper.store import Store, open_store
from gridkeeper.store.models import Person
from gridkeeper.sync.clock import wall_ms
from gridkeeper.sync.engine import sync_folder
from tests.store.helpers import place
from tests.sync.simulation import Office, dump_text, value


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Office]:
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


def test_half_written_batches_wait_and_nothing_is_lost(office: Office) -> None:
    a, b, _ = office.laptops
    add_person(a)
    office.sync(0)
    (batch,) = sorted((office.share / "gridkeeper").glob("*/devices/*/changes/*.jsonl.gz"))
    good = batch.read_bytes()
    batch.write_bytes(good[: len(good) // 2])  # truncated under its final name
    (batch.parent / ".000000000777.jsonl.gz.tmp").write_bytes(b"crash before rename")
    result = office.sync(1)
    assert [h.reason for h in result.held] == ["truncated"]
    assert value(b, "SELECT count(*) FROM person") == 0
    batch.write_bytes(good)  # the share recovers (or laptop A writes it again)
    result = office.sync(1)
    assert result.held == [] and value(b, "SELECT name FROM person WHERE id = 'p1'") == "张伟"


def test_missing_share_is_offline_and_touches_nothing(office: Office, tmp_path: Path) -> None:
    a = office.laptops[0]
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


def test_two_syncs_at_once_on_one_profile_refuse(office: Office) -> None:
    from gridkeeper.sync.folder import FolderShare

    a = office.laptops[0]
    with FolderShare(office.share).lock(a.root):
        result = office.sync(0)
    assert result.status == "refused"
    assert office.sync(0).status == "ok"


def test_a_batch_from_a_newer_version_is_held_not_dropped(office: Office) -> None:
    a, b, _ = office.laptops
    add_person(a)
    office.sync(0)
    (batch,) = sorted((office.share / "gridkeeper").glob("*/devices/*/changes/*.jsonl.gz"))
    lines = gzip.decompress(batch.read_bytes()).decode().splitlines()
    header, changes = json.loads(lines[0]), [json.loads(x) for x in lines[1:]]
    changes.append({**changes[-1], "field": "favourite_colour", "value": '"red"'})
    body = "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in changes).encode()
    import hashlib

    header.update(count=len(changes), sha256=hashlib.sha256(body).hexdigest())
    batch.write_bytes(gzip.compress((json.dumps(header) + "\n").encode() + body))
    result = office.sync(1)
    assert [h.reason for h in result.held] == ["newer_format"]
    assert value(b, "SELECT count(*) FROM person") == 0
    assert batch.exists()


def test_a_profile_never_syncs_with_another_office(office: Office, tmp_path: Path) -> None:
    a, b, _ = office.laptops
    office.sync(0)
    other = tmp_path / "other-share"
    other.mkdir()
    stranger = open_store(tmp_path / "stranger")
    assert sync_folder(stranger, other).status == "ok"  # creates another dataset there
    result = sync_folder(a, other)
    assert result.status == "refused" and result.message
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


def test_status_counts_pending_changes_and_last_sync(office: Office) -> None:
    from gridkeeper.sync.engine import status

    a = office.laptops[0]
    before = status(a)
    assert before.last_sync is None and before.pending_changes == 0
    add_person(a)
    assert status(a).pending_changes == 5  # community, compound, building, household, person
    office.sync(0)
    after = status(a)
    assert after.pending_changes == 0 and after.last_sync is not None and after.open_conflicts == 0
    edit(a, "UPDATE person SET note = 'x' WHERE id = 'p1'")
    assert status(a).pending_changes == 1


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


def test_our_batch_damaged_on_the_share_is_written_again(office: Office) -> None:
    from gridkeeper.sync.engine import OWN_CHECKED_KEY

    a, b, _ = office.laptops
    add_person(a, "p1", "张伟", "501")
    office.sync(0)
    add_person(a, "p2", "李娜", "502")
    office.sync(0)
    batches = sorted((office.share / "gridkeeper").glob("*/devices/*/changes/*.jsonl.gz"))
    assert len(batches) == 2
    good = batches[0].read_bytes()
    batches[0].write_bytes(good[: len(good) // 3])  # the share damaged it after it was written
    assert [h.reason for h in office.sync(1).held] == ["truncated"]
    a.set_meta(OWN_CHECKED_KEY, "")  # the daily read-back is due
    result = office.sync(0)
    assert result.repaired_batches == 1 and batches[0].read_bytes() == good
    assert office.sync(1).held == []
    assert value(b, "SELECT count(*) FROM person") == 2


def test_laptops_that_raced_to_create_a_dataset_end_in_one(office: Office) -> None:
    from gridkeeper.sync.folder import FolderShare

    a, b, _ = office.laptops
    add_person(a, "p1", "张伟", "501")
    add_person(b, "p2", "李娜", "502")
    # Both found the share empty at the same moment and each created a dataset.
    share = FolderShare(office.share)
    first = share.join(None, new_id="aaaa-first", schema="3")
    (office.share / "gridkeeper" / "zzzz-second").mkdir()
    import shutil

    shutil.copy(office.share / "gridkeeper" / first / "dataset.json",
                office.share / "gridkeeper" / "zzzz-second" / "dataset.json")
    a.set_meta("dataset_id", "zzzz-second")
    b.set_meta("dataset_id", "aaaa-first")
    office.sync_all()
    assert {s.meta("dataset_id") for s in office.laptops} == {"aaaa-first"}
    for s in office.laptops:
        assert value(s, "SELECT count(*) FROM person") == 2
    assert len(set(office.dumps())) == 1


def test_a_copied_profile_is_refused_and_keeps_its_changes(tmp_path: Path) -> None:
    """A copied profile folder keeps the device id: its changes must not be taken as already sent."""
    import shutil

    from gridkeeper.sync.engine import status as sync_status

    share = tmp_path / "share"
    share.mkdir()
    original = open_store(tmp_path / "a")
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
