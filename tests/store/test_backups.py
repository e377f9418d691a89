"""Backups: online and consistent, checked, encrypted like the profile, rotated 7 + 4, restored."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from gridkeeper import clock
from gridkeeper.errors import BackupFailed, BackupTooNew, BackupUnusable, NoSuchBackup
from gridkeeper.store import backups, cipher, keyfile, migrate, open_store
from gridkeeper.store.engine import _Hooks, make_engine
from tests.store.helpers import place

PASS = "门前三包 2026"


def _households(store) -> int:  # type: ignore[no-untyped-def]
    with store.read() as conn:
        return int(conn.execute(text("SELECT count(*) FROM household")).scalar() or 0)


def test_a_backup_is_a_checked_snapshot_taken_while_the_profile_is_written(store) -> None:  # type: ignore[no-untyped-def]
    place(store)
    with store.begin() as conn:  # another connection's write, not committed while the backup runs
        conn.execute(text("UPDATE household SET room = '999'"))
        made = backups.create(store)
    assert made.reason == "manual" and made.size > 0 and made.path.parent == store.root / "backups"
    copy = sqlite3.connect(made.path)
    assert copy.execute("SELECT room FROM household").fetchall() == [("501",)]  # the committed state
    assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)  # one file, no -wal needed
    copy.close()
    assert backups.verify(made.path, store.root, None) is None
    assert [b.path for b in backups.list_backups(store.root)] == [made.path]
    assert backups.find(store.root, made.name) == made
    with pytest.raises(NoSuchBackup):
        backups.find(store.root, "gridkeeper-20000101-000000-daily.db")


def test_an_encrypted_profiles_backups_are_encrypted_under_its_key(data_dir: Path) -> None:
    store = open_store(data_dir, PASS)
    place(store)
    made = backups.create(store, "daily")
    store.close()
    assert not cipher.is_plain(made.path) and "阳光花园".encode() not in made.path.read_bytes()
    key = keyfile.unwrap(data_dir, PASS)
    assert backups.verify(made.path, data_dir, key) is None
    assert backups.verify(made.path, data_dir, None) is not None
    assert backups.verify(made.path, data_dir, keyfile.new_key()) is not None


def _corrupt(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = 4096
    for i in range(page * 2 + 8, page * 2 + 400):  # inside the third page: a table's b-tree page
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_verify_catches_a_corrupted_backup(data_dir: Path, encrypted: bool) -> None:
    store = open_store(data_dir, PASS if encrypted else None)
    place(store)
    made = backups.create(store)
    store.close()
    key = keyfile.unwrap(data_dir, PASS) if encrypted else None
    assert backups.verify(made.path, data_dir, key) is None
    _corrupt(made.path)
    assert backups.verify(made.path, data_dir, key) is not None


def test_a_backup_that_fails_its_check_after_writing_is_removed(store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    place(store)
    real = cipher.check

    def damaged_on_disk(path: Path, **kw: object) -> str | None:
        _corrupt(path)
        return real(path, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(cipher, "check", damaged_on_disk)
    with pytest.raises(BackupFailed) as failed:
        backups.create(store)
    assert "was removed" in failed.value.english()
    assert list((store.root / "backups").iterdir()) == []


def test_backups_rotate_seven_dailies_and_four_weeklies(store) -> None:  # type: ignore[no-untyped-def]
    place(store)
    first = date(2026, 3, 2)  # a Monday
    for n in range(60):
        day = first + timedelta(days=n)
        with clock.moved_to(day):
            if n % 9 == 4:
                continue  # a day the app was not used
            assert backups.daily_due(store.root)
            assert backups.ensure_daily(store) is not None
            assert not backups.daily_due(store.root) and backups.ensure_daily(store) is None
            if n % 10 == 0:
                backups.create(store)  # a second backup that day: only the day's newest stays
    last = first + timedelta(days=59)
    with clock.moved_to(last):
        backups.rotate(store.root)
    found = backups.list_backups(store.root)
    days = sorted({b.taken.date() for b in found}, reverse=True)
    used = [first + timedelta(days=n) for n in range(60) if n % 9 != 4]
    # the newest of each of the last 7 days with a backup...
    dailies = sorted(used, reverse=True)[:7]
    # ...and of each of the last 4 ISO weeks with one (the newest day of each week)
    weeks: dict[tuple[int, int], date] = {}
    for d in sorted(used, reverse=True):
        weeks.setdefault(tuple(d.isocalendar())[:2], d)  # type: ignore[arg-type]
    weeklies = [weeks[w] for w in sorted(weeks, reverse=True)[:4]]
    assert days == sorted(set(dailies) | set(weeklies), reverse=True)
    assert len(found) == len(days) <= 11  # one per day kept
    assert min(days) >= last - timedelta(weeks=4)


def test_todays_backups_all_stay_until_tomorrow(store) -> None:  # type: ignore[no-untyped-def]
    place(store)
    made = [backups.create(store, reason) for reason in ("daily", "manual", "before-restore")]
    assert {b.path for b in backups.list_backups(store.root)} == {b.path for b in made}
    with clock.moved_to(clock.today() + timedelta(days=1)):
        backups.rotate(store.root)
    assert [b.path for b in backups.list_backups(store.root)] == [made[-1].path]


def test_a_migration_is_preceded_by_an_encrypted_checked_backup(data_dir: Path) -> None:
    key = keyfile.new_key()
    keyfile.write(data_dir, key, PASS)
    hooks = _Hooks()
    engine = make_engine(data_dir / "gridkeeper.db", key, hooks)
    migrate.upgrade(engine, data_dir, target="0007", key=key)
    engine.dispose()
    store = open_store(data_dir, PASS)
    store.close()
    made = [b for b in backups.list_backups(data_dir) if b.reason == "schema0007"]
    assert len(made) == 1 and not cipher.is_plain(made[0].path)
    assert backups.verify(made[0].path, data_dir, key) is None
    assert cipher.schema_version(made[0].path, key=key) == "0007"


def test_restore_backs_up_the_profile_first_and_refuses_what_it_cannot_use(data_dir: Path) -> None:
    store = open_store(data_dir)
    place(store)
    one = backups.create(store)
    place(store, room="502")
    assert _households(store) == 2
    done = backups.restore(store, one)
    assert done.before.reason == "before-restore"
    store = open_store(data_dir)
    assert _households(store) == 1
    # the profile as it was is a backup like any other: restoring it brings the second household back
    backups.restore(store, done.before)
    store = open_store(data_dir)
    assert _households(store) == 2
    damaged = backups.create(store)
    _corrupt(damaged.path)
    before = (data_dir / "gridkeeper.db").read_bytes()
    with pytest.raises(BackupUnusable):
        backups.restore(store, damaged)
    newer = backups.create(store)
    conn = sqlite3.connect(newer.path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    with pytest.raises(BackupTooNew):
        backups.restore(store, newer)
    assert _households(store) == 2  # still open, still the same
    store.close()
    assert (data_dir / "gridkeeper.db").read_bytes() == before


def test_a_backup_of_another_profile_key_is_refused(tmp_path: Path) -> None:
    mine, other = open_store(tmp_path / "mine", PASS), open_store(tmp_path / "other", PASS)
    place(other)
    theirs = backups.create(other)
    other.close()
    with pytest.raises(BackupUnusable):
        backups.restore(mine, theirs)
    mine.close()
