"""A laptop restored from a backup syncs as a new identity: laptops converge, nothing twice, no refusal."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from gridkeeper.store import Store, backups, open_store
from gridkeeper.sync import engine as sync_engine
from gridkeeper.sync import identity, office
from gridkeeper.sync.engine import sync_folder
from tests.sync.simulation import Office, dump_text, value
from tests.sync.test_sync_folder import add_person, edit


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Office]:
    o = Office(tmp_path, 2)  # laptop0 founded the office (its admin), laptop1 joined with a code
    yield o
    o.close()


def _restore(o: Office, i: int, backup: backups.Backup) -> Store:
    """Laptop i's profile restored from `backup`, opened again (a restore closes the store)."""
    store = o.laptops[i]
    identity.restore(store, backup)
    o.laptops[i] = open_store(store.root)
    return o.laptops[i]


def _log_copies(store: Store) -> list[tuple[object, ...]]:
    """Changes the log holds more than once (under two device ids, say)."""
    with store.read() as conn:
        return conn.exec_driver_sql(
            "SELECT tbl, row_id, field, hlc, count(*) FROM change_log GROUP BY tbl, row_id, field, hlc "
            "HAVING count(*) > 1").all()


def _converged(o: Office) -> None:
    for _ in range(2):
        for i in range(len(o.laptops)):
            result = o.sync(i)
            assert result.status == "ok" and not result.held and not result.missing, result
    dumps = o.dumps()
    assert all(d == dumps[0] for d in dumps)
    for store in o.laptops:
        assert _log_copies(store) == []


def test_the_identity_changes_and_the_office_state_goes(pair: Office) -> None:
    a, _b = pair.laptops
    add_person(a, "p1", "张伟")
    assert pair.sync(0).status == "ok"
    old_device, old_keys = a.device_id, a.meta("device_keys")
    backup = backups.create(a)
    a = _restore(pair, 0, backup)
    assert a.device_id != old_device
    assert office.office_id(a) is None and a.meta("pushed_batches") in (None, "")
    assert a.meta("device_keys") is None and office.device_keys(a).to_text() != old_keys
    former = identity.formers(a)
    assert [f["device"] for f in former] == [old_device] and former[0]["upto"] > 0
    assert set(identity.CLEARED) >= {sync_engine.PUSHED_KEY, sync_engine.PUSHED_BATCHES, sync_engine.LAST_SYNC_KEY,
                                     office.OFFICE_KEY, office.DEVICE_KEYS, office.EPOCH_KEYS, office.MEMBERS_KEY,
                                     office.INVITES_KEY, office.FOLDER_KEY, office.PULL_DUE_KEY, office.FOUNDER_KEY}
    from gridkeeper.mediation import numbers

    assert numbers.PREFIX_KEY in identity.CLEARED
    assert value(a, "SELECT name FROM person WHERE id = 'p1'") == "张伟"
    result = sync_folder(a, pair.share)
    assert result.status == "refused" and "not in an office" in result.message


def test_an_admin_restored_takes_its_place_and_changes_it_never_sent_are_sent_once(pair: Office) -> None:
    a, b = pair.laptops
    add_person(a, "p1", "张伟")
    add_person(b, "p2", "李娜", room="601")
    _converged(pair)
    add_person(a, "p3", "王芳", room="701")  # in the backup, never pushed by the old identity
    backup = backups.create(a)
    old = a.device_id
    a = _restore(pair, 0, backup)
    joined = office.succeed(a, pair.share, identity.succession_candidate(a))
    assert joined == office.office_id(pair.laptops[1])
    first = sync_folder(a, pair.share)
    assert first.status == "ok" and first.adopted > 0
    add_person(b, "p4", "赵强", room="801")
    _converged(pair)
    assert value(b, "SELECT name FROM person WHERE id = 'p3'") == "王芳"
    assert value(b, "SELECT count(*) FROM change_log WHERE row_id = 'p3'") == 1
    assert value(b, "SELECT device_id FROM change_log WHERE row_id = 'p3'") == a.device_id
    members = office.refresh_members(b, pair.share)
    assert members[a.device_id].admin and members[old].revoked_after is not None
    assert identity.succession_candidate(a) is None  # the former keys are dropped once back in


def test_changes_the_old_identity_pushed_after_the_backup_come_back_and_are_not_sent_again(pair: Office) -> None:
    a, b = pair.laptops
    add_person(a, "p1", "张伟")
    _converged(pair)
    add_person(a, "p2", "李娜", room="601")  # unpushed when the backup is made...
    backup = backups.create(a)
    edit(a, "UPDATE person SET name = '李娜娜' WHERE id = 'p2'")
    assert pair.sync(0).pushed_changes > 0  # ...then pushed, with a later edit, by the old identity
    a = _restore(pair, 0, backup)
    office.succeed(a, pair.share, identity.succession_candidate(a))
    result = sync_folder(a, pair.share)
    assert result.status == "ok" and result.adopted == 0  # all of it is on the share already
    assert value(a, "SELECT name FROM person WHERE id = 'p2'") == "李娜娜"  # the later edit came back
    _converged(pair)
    assert value(b, "SELECT count(*) FROM change_log WHERE row_id = 'p2' AND field = '*'") == 1


def test_a_member_restored_joins_with_a_code_and_converges(pair: Office) -> None:
    a, b = pair.laptops
    add_person(b, "p1", "张伟")
    _converged(pair)
    backup = backups.create(b)
    edit(b, "UPDATE person SET name = '张伟伟' WHERE id = 'p1'")  # unpushed, then the profile is restored
    add_person(a, "p2", "李娜", room="601")
    assert pair.sync(0).status == "ok"
    b = _restore(pair, 1, backup)
    with pytest.raises(office.OfficeError) as refused:
        office.succeed(b, pair.share, identity.succession_candidate(b))
    assert "was not an admin" in refused.value.english()
    office.join(b, pair.share, office.invite(a, pair.share).code)
    assert sync_folder(b, pair.share).status == "ok"
    assert pair.sync(0).admitted == [b.device_id]
    _converged(pair)
    assert value(a, "SELECT name FROM person WHERE id = 'p1'") == "张伟"  # the restore went back before the edit
    assert value(b, "SELECT name FROM person WHERE id = 'p2'") == "李娜"
    assert dump_text(a) == dump_text(b)


def test_restored_twice_each_change_still_reaches_the_office_once(pair: Office) -> None:
    a, b = pair.laptops
    add_person(a, "p1", "张伟")
    _converged(pair)
    add_person(a, "p2", "李娜", room="601")  # never pushed by the first identity
    first_backup = backups.create(a)
    a = _restore(pair, 0, first_backup)
    office.succeed(a, pair.share, identity.succession_candidate(a))
    assert sync_folder(a, pair.share).adopted > 0  # the second identity sends p2
    _converged(pair)
    a = _restore(pair, 0, first_backup)  # the same old backup again: a third identity
    office.succeed(a, pair.share, identity.succession_candidate(a))
    assert sync_folder(a, pair.share).status == "ok"
    add_person(b, "p3", "王芳", room="701")
    _converged(pair)
    assert value(b, "SELECT count(*) FROM change_log WHERE row_id = 'p2'") == 1
    assert value(a, "SELECT count(*) FROM change_log WHERE row_id = 'p2'") == 1
