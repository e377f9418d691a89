"""Folder-share transport: layout, atomic immutable batches, damage detection, joining, the lock."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gridkeeper.sync import folder as folder_mod
from gridkeeper.sync.folder import (
    FORMAT,
    BadBatch,
    Batch,
    Change,
    DatasetMismatch,
    FolderShare,
    SeqTaken,
    ShareOffline,
    SyncBusy,
)

DS = "ds-1"


def change(n: int, device: str = "dev-a", value: str | None = '"x"', field: str = "name") -> Change:
    return Change(f"{1_764_236_400_000 + n:018d}.{n % 7:05d}", device, "person", f"row-{n}", field, value)


def batch(device: str, first: int, last: int, app: str = "0.1") -> Batch:
    return Batch(device, first, last, tuple(change(n, device) for n in range(first, last + 1)), app)


@pytest.fixture
def share(tmp_path: Path) -> FolderShare:
    root = tmp_path / "share"
    root.mkdir()
    s = FolderShare(root)
    assert s.join(None, new_id=DS, schema="7") == DS
    return s


def changes_dir(share: FolderShare, device: str) -> Path:
    return share.root / "gridkeeper" / DS / "devices" / device / "changes"


def rewrite(path: Path, edit) -> None:  # type: ignore[no-untyped-def]
    """Decompress, edit the bytes, recompress: gzip stays valid, only our own checks can notice."""
    path.write_bytes(gzip.compress(edit(gzip.decompress(path.read_bytes()))))


# -- round trip and layout --------------------------------------------------


def test_round_trip_keeps_unicode_none_and_insert_objects(share: FolderShare) -> None:
    insert = json.dumps({"name": "张三", "phone": None, "note": "🏠 3单元\n\"quoted\""}, ensure_ascii=False)
    original = Batch(
        "dev-a",
        1,
        4,
        (
            Change("000001764236400000.00000", "dev-a", "person", "r1", "*", insert),
            Change("000001764236400000.00001", "dev-a", "person", "r1", "name", '"李四\\u2028"'),
            Change("000001764236400001.00000", "dev-a", "person", "r1", "phone", None),
            Change("000001764236400002.00000", "dev-b", "household", "h1", "address", '"朝阳区 1号楼"'),
        ),
        "1.2.3",
    )
    share.write_batch(DS, original)
    got = list(share.read_batches(DS, "dev-a", 0))
    assert got == [original]
    assert json.loads(got[0].changes[0].value or "") == json.loads(insert)


def test_exact_layout_file_names_and_header(share: FolderShare) -> None:
    share.register_device(DS, "dev-a", {"name": "王芳的笔记本", "cadre": "王芳"})
    path = share.write_batch(DS, batch("dev-a", 1201, 1234))
    top = share.root / "gridkeeper"
    files = sorted(str(p.relative_to(share.root)) for p in share.root.rglob("*") if p.is_file())
    assert files == [
        f"gridkeeper/{DS}/dataset.json",
        f"gridkeeper/{DS}/devices/dev-a/changes/000000001234.jsonl.gz",
        f"gridkeeper/{DS}/devices/dev-a/device.json",
    ]
    assert path == top / DS / "devices" / "dev-a" / "changes" / "000000001234.jsonl.gz"
    dataset = json.loads((top / DS / "dataset.json").read_text("utf-8"))
    assert set(dataset) == {"id", "schema", "created", "format"}
    assert (dataset["id"], dataset["schema"], dataset["format"]) == (DS, "7", 1)
    device = json.loads((top / DS / "devices" / "dev-a" / "device.json").read_text("utf-8"))
    assert set(device) == {"id", "name", "cadre", "updated"}
    assert (device["id"], device["name"], device["cadre"]) == ("dev-a", "王芳的笔记本", "王芳")
    assert share.device_info(DS, "dev-a")["cadre"] == "王芳"

    head, _, body = gzip.decompress(path.read_bytes()).partition(b"\n")
    header = json.loads(head)
    assert header == {
        "format": 1, "app": "0.1", "device": "dev-a", "first_seq": 1201, "seq": 1234, "count": 34,
        "sha256": hashlib.sha256(body).hexdigest(),
    }
    lines = body.decode("utf-8").splitlines()
    assert len(lines) == 34
    assert list(json.loads(lines[0])) == ["hlc", "device", "tbl", "row", "field", "value"]
    assert share.devices(DS) == ["dev-a"]
    assert share.last_seq(DS, "dev-a") == 1234
    assert share.last_seq(DS, "dev-b") == 0


def test_rewriting_the_same_batch_does_nothing(share: FolderShare) -> None:
    first = share.write_batch(DS, batch("dev-a", 1, 5))
    before = first.stat()
    again = share.write_batch(DS, batch("dev-a", 1, 5, app="0.2"))  # same changes, newer app: same batch
    after = again.stat()
    assert again == first
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert sorted(p.name for p in first.parent.iterdir()) == ["000000000005.jsonl.gz"]


def test_a_different_batch_under_a_taken_seq_is_never_overwritten(share: FolderShare) -> None:
    path = share.write_batch(DS, batch("dev-a", 1, 5))
    content = path.read_bytes()
    other = Batch("dev-a", 1, 5, tuple(change(n, value='"other"') for n in range(1, 6)))
    with pytest.raises(SeqTaken):
        share.write_batch(DS, other)
    assert path.read_bytes() == content


def test_a_damaged_copy_of_our_own_batch_is_repaired_by_rewriting(share: FolderShare) -> None:
    path = share.write_batch(DS, batch("dev-a", 1, 5))
    path.write_bytes(path.read_bytes()[:20])
    assert [type(b) for b in share.read_batches(DS, "dev-a", 0)] == [BadBatch]
    share.write_batch(DS, batch("dev-a", 1, 5))
    assert list(share.read_batches(DS, "dev-a", 0)) == [batch("dev-a", 1, 5)]


# -- crashes and damage -------------------------------------------------------


def test_a_temp_file_left_by_a_crash_is_ignored_and_does_not_block(share: FolderShare) -> None:
    share.write_batch(DS, batch("dev-a", 1, 3))
    folder = changes_dir(share, "dev-a")
    # A crash between writing and renaming leaves half a batch under a temp name.
    leftover = folder / ".000000000006.jsonl.gz.123-abcd.tmp"
    leftover.write_bytes(gzip.compress(b'{"format":1}\n')[:15])
    assert share.last_seq(DS, "dev-a") == 3
    assert [b.seq for b in share.read_batches(DS, "dev-a", 0)] == [3]
    share.write_batch(DS, batch("dev-a", 4, 6))
    assert share.last_seq(DS, "dev-a") == 6
    assert list(share.read_batches(DS, "dev-a", 3)) == [batch("dev-a", 4, 6)]


def test_old_temp_files_are_swept_after_a_write(share: FolderShare) -> None:
    share.write_batch(DS, batch("dev-a", 1, 3))
    old = changes_dir(share, "dev-a") / ".000000000009.jsonl.gz.1-ffff.tmp"
    old.write_bytes(b"junk")
    os.utime(old, (time.time() - 2 * 3600,) * 2)
    share.write_batch(DS, batch("dev-a", 4, 6))
    assert not old.exists()


def test_a_truncated_batch_stops_that_device_only(share: FolderShare) -> None:
    for first, last in [(1, 2), (3, 4), (5, 6)]:
        share.write_batch(DS, batch("dev-a", first, last))
        share.write_batch(DS, batch("dev-b", first, last))
    damaged = changes_dir(share, "dev-a") / "000000000004.jsonl.gz"
    damaged.write_bytes(damaged.read_bytes()[:-30])  # cut off, yet under its final name

    got = list(share.read_batches(DS, "dev-a", 0))
    assert got == [batch("dev-a", 1, 2), BadBatch("dev-a", 4, damaged, "truncated")]
    assert list(share.read_batches(DS, "dev-a", 2)) == [BadBatch("dev-a", 4, damaged, "truncated")]
    assert [b.seq for b in share.read_batches(DS, "dev-b", 0)] == [2, 4, 6]


def test_an_empty_final_file_is_truncated(share: FolderShare) -> None:
    share.write_batch(DS, batch("dev-a", 1, 2))
    (changes_dir(share, "dev-a") / "000000000002.jsonl.gz").write_bytes(b"")
    assert [b.reason for b in share.read_batches(DS, "dev-a", 0)] == ["truncated"]  # type: ignore[union-attr]


def test_a_flipped_byte_is_caught_by_the_checksum(share: FolderShare) -> None:
    path = share.write_batch(DS, batch("dev-a", 1, 3))
    share.write_batch(DS, batch("dev-a", 4, 5))
    rewrite(path, lambda data: data.replace(b'"row-2"', b'"row-3"'))
    assert list(share.read_batches(DS, "dev-a", 0)) == [BadBatch("dev-a", 3, path, "checksum")]


def test_a_wrong_count_is_caught_by_the_checksum(share: FolderShare) -> None:
    path = share.write_batch(DS, batch("dev-a", 1, 3))
    rewrite(path, lambda data: data.replace(b'"count":3', b'"count":2'))
    assert [b.reason for b in share.read_batches(DS, "dev-a", 0)] == ["checksum"]  # type: ignore[union-attr]


def test_garbage_that_is_not_gzip_is_unreadable(share: FolderShare) -> None:
    share.write_batch(DS, batch("dev-a", 1, 3))
    (changes_dir(share, "dev-a") / "000000000003.jsonl.gz").write_bytes(b"this is not gzip at all")
    assert [b.reason for b in share.read_batches(DS, "dev-a", 0)] == ["unreadable"]  # type: ignore[union-attr]


def test_a_batch_from_a_newer_app_is_held_not_dropped(share: FolderShare) -> None:
    path = share.write_batch(DS, batch("dev-a", 1, 3))
    share.write_batch(DS, batch("dev-a", 4, 5))
    rewrite(path, lambda data: data.replace(b'"format":1', b'"format":%d' % (FORMAT + 1)))
    assert list(share.read_batches(DS, "dev-a", 0)) == [BadBatch("dev-a", 3, path, "newer_format")]
    assert path.exists()
    assert share.last_seq(DS, "dev-a") == 5


def test_a_batch_renamed_or_copied_into_the_wrong_folder_is_unreadable(share: FolderShare) -> None:
    path = share.write_batch(DS, batch("dev-a", 1, 3))
    moved = changes_dir(share, "dev-b")
    moved.mkdir(parents=True)
    (moved / path.name).write_bytes(path.read_bytes())
    assert [b.reason for b in share.read_batches(DS, "dev-b", 0)] == ["unreadable"]  # type: ignore[union-attr]


def test_after_seq_filters_and_orders_whatever_the_creation_order(share: FolderShare) -> None:
    for first, last in [(21, 30), (1, 10), (11, 20)]:
        share.write_batch(DS, batch("dev-a", first, last))
    assert [b.seq for b in share.read_batches(DS, "dev-a", 0)] == [10, 20, 30]
    assert [b.seq for b in share.read_batches(DS, "dev-a", 10)] == [20, 30]
    assert [b.seq for b in share.read_batches(DS, "dev-a", 25)] == [30]
    assert list(share.read_batches(DS, "dev-a", 30)) == []
    assert list(share.read_batches(DS, "nobody", 0)) == []
    assert share.last_seq(DS, "dev-a") == 30


def test_junk_in_the_share_is_ignored(share: FolderShare) -> None:
    share.write_batch(DS, batch("dev-a", 1, 2))
    devices = share.root / "gridkeeper" / DS / "devices"
    (devices / "desktop.ini").write_text("x")
    (devices / ".DS_Store").mkdir()
    (changes_dir(share, "dev-a") / "000000000009.jsonl.gz (copy)").write_text("x")
    (changes_dir(share, "dev-a") / "notes.txt").write_text("x")
    (share.root / "gridkeeper" / "half-created").mkdir()  # no dataset.json
    assert share.devices(DS) == ["dev-a"]
    assert share.last_seq(DS, "dev-a") == 2
    assert share.datasets() == [DS]
    assert share.device_info(DS, "dev-a") == {}


def test_ids_that_would_leave_the_folder_are_refused(share: FolderShare) -> None:
    for bad in ["../dev-b", "a/b", ".hidden", ""]:
        with pytest.raises(ValueError):
            share.write_batch(DS, batch(bad, 1, 1))
    assert not (share.root / "gridkeeper" / "dev-b").exists()


# -- joining a dataset --------------------------------------------------------------


def make_share(tmp_path: Path, *datasets: str) -> FolderShare:
    root = tmp_path / "s"
    root.mkdir()
    s = FolderShare(root)
    for d in datasets:
        folder = root / "gridkeeper" / d
        folder.mkdir(parents=True)
        (folder / "dataset.json").write_text(json.dumps({"id": d, "schema": "1", "created": "", "format": 1}))
    return s


def test_join_creates_a_dataset_on_an_empty_share(tmp_path: Path) -> None:
    s = make_share(tmp_path)
    assert s.datasets() == []
    assert s.join(None, new_id="new-1", schema="3") == "new-1"
    assert s.datasets() == ["new-1"]
    data = json.loads((s.root / "gridkeeper" / "new-1" / "dataset.json").read_text("utf-8"))
    assert (data["id"], data["schema"], data["format"]) == ("new-1", "3", FORMAT)
    assert not [p for p in (s.root / "gridkeeper" / "new-1").iterdir() if p.name.endswith(".tmp")]


def test_join_takes_the_single_dataset_present(tmp_path: Path) -> None:
    s = make_share(tmp_path, "office")
    assert s.join(None, new_id="new-1", schema="3") == "office"
    assert s.join("office", new_id="new-2", schema="3") == "office"
    assert s.datasets() == ["office"]


def test_join_refuses_to_guess_among_several(tmp_path: Path) -> None:
    s = make_share(tmp_path, "office-a", "office-b")
    with pytest.raises(DatasetMismatch) as err:
        s.join(None, new_id="new-1", schema="3")
    assert "office-a, office-b" in str(err.value)
    assert s.join("office-b", new_id="new-1", schema="3") == "office-b"
    assert s.datasets() == ["office-a", "office-b"]


def test_join_refuses_another_offices_data(tmp_path: Path) -> None:
    s = make_share(tmp_path, "office-b")
    with pytest.raises(DatasetMismatch) as err:
        s.join("office-a", new_id="new-1", schema="3")
    assert "another office" in str(err.value) and "office-a" in str(err.value)
    assert s.datasets() == ["office-b"]


def test_join_reseeds_an_emptied_share_with_the_profiles_own_id(tmp_path: Path) -> None:
    s = make_share(tmp_path)
    assert s.join("office-a", new_id="new-1", schema="3") == "office-a"
    assert s.datasets() == ["office-a"]


# -- the share offline or read-only --------------------------------------------------


def test_a_missing_share_is_offline_with_the_path_in_plain_words(tmp_path: Path) -> None:
    gone = tmp_path / "not-mounted"
    s = FolderShare(gone)
    for call in (s.check, s.datasets, lambda: s.join(None, new_id="x", schema="1")):
        with pytest.raises(ShareOffline) as err:
            call()
        assert str(gone) in str(err.value)
        assert "Your data is safe on this laptop" in str(err.value)
    file_root = tmp_path / "a-file"
    file_root.write_text("x")
    with pytest.raises(ShareOffline):
        FolderShare(file_root).check()


def test_a_share_that_vanishes_after_join_is_offline(share: FolderShare) -> None:
    share.write_batch(DS, batch("dev-a", 1, 2))
    os.rename(share.root, share.root.with_name("unplugged"))
    for call in (
        lambda: share.write_batch(DS, batch("dev-a", 3, 4)),
        lambda: share.last_seq(DS, "dev-a"),
        lambda: share.devices(DS),
        lambda: list(share.read_batches(DS, "dev-a", 0)),
    ):
        with pytest.raises(ShareOffline):
            call()


def test_a_failed_write_leaves_no_temp_and_no_final_file(share: FolderShare, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    share.write_batch(DS, batch("dev-a", 1, 2))

    def refuse(src: object, dst: object) -> None:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(folder_mod.os, "replace", refuse)
    with pytest.raises(ShareOffline) as err:
        share.write_batch(DS, batch("dev-a", 3, 4))
    assert err.value.writing
    assert sorted(p.name for p in changes_dir(share, "dev-a").iterdir()) == ["000000000002.jsonl.gz"]


def test_a_read_only_share_is_offline_for_writing(share: FolderShare) -> None:
    share.write_batch(DS, batch("dev-a", 1, 2))
    folder = changes_dir(share, "dev-a")
    folder.chmod(0o555)
    try:
        probe = folder / "probe"
        try:
            probe.write_bytes(b"")
        except OSError:
            pass
        else:
            probe.unlink()
            pytest.skip("chmod does not stop this user from writing (running as root)")
        with pytest.raises(ShareOffline) as err:
            share.write_batch(DS, batch("dev-a", 3, 4))
        assert err.value.writing
        assert sorted(p.name for p in folder.iterdir()) == ["000000000002.jsonl.gz"]
        assert [b.seq for b in share.read_batches(DS, "dev-a", 0)] == [2]  # reading still works
    finally:
        folder.chmod(0o755)


# -- the profile's sync lock ----------------------------------------------------------


def test_a_second_sync_of_the_same_profile_is_refused(share: FolderShare, tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    profile.mkdir()
    with share.lock(profile):
        assert (profile / "sync.lock").exists()
        assert not list(share.root.rglob("*.lock"))  # never on the share
        with pytest.raises(SyncBusy):
            with FolderShare(share.root).lock(profile):
                pass
        assert (profile / "sync.lock").exists()  # the refused attempt did not release ours
    assert not (profile / "sync.lock").exists()
    with share.lock(profile):  # free again
        pass


def test_the_lock_is_released_when_the_sync_fails(share: FolderShare, tmp_path: Path) -> None:
    with pytest.raises(RuntimeError):
        with share.lock(tmp_path):
            raise RuntimeError("boom")
    assert not (tmp_path / "sync.lock").exists()


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def write_lock(profile: Path, pid: int, started: float) -> None:
    import socket

    info = {"pid": pid, "host": socket.gethostname(), "time": started}
    (profile / "sync.lock").write_text(json.dumps(info))


def test_a_lock_left_by_a_dead_sync_is_taken_over(share: FolderShare, tmp_path: Path) -> None:
    write_lock(tmp_path, dead_pid(), time.time())
    with share.lock(tmp_path):
        held = json.loads((tmp_path / "sync.lock").read_text())
        assert held["pid"] == os.getpid()
    assert not (tmp_path / "sync.lock").exists()


def test_a_live_lock_blocks_until_it_is_an_hour_old(share: FolderShare, tmp_path: Path) -> None:
    parent = os.getppid()  # alive for the whole test
    write_lock(tmp_path, parent, time.time() - 60)
    with pytest.raises(SyncBusy):
        with share.lock(tmp_path):
            pass
    write_lock(tmp_path, parent, time.time() - 2 * 3600)
    with share.lock(tmp_path):
        assert json.loads((tmp_path / "sync.lock").read_text())["pid"] == os.getpid()


def test_a_lock_with_our_pid_left_by_an_earlier_run_is_taken_over(share: FolderShare, tmp_path: Path) -> None:
    """After a crash the restarted app may get the same pid (containers, Windows): not a live holder."""
    write_lock(tmp_path, os.getpid(), time.time())
    with share.lock(tmp_path):
        with pytest.raises(SyncBusy):  # but a lock this process really holds still blocks
            with share.lock(tmp_path):
                pass


def _dataset(root: Path, name: str, created: str) -> None:
    folder = root / "gridkeeper" / name
    folder.mkdir(parents=True)
    (folder / "dataset.json").write_text(json.dumps({"id": name, "schema": "3", "created": created, "format": 1}))


def test_two_datasets_made_in_one_race_settle_on_the_first(tmp_path: Path) -> None:
    s = FolderShare(tmp_path)
    _dataset(tmp_path, "zz-second", "2026-11-27T09:00:40+00:00")
    _dataset(tmp_path, "aa-first", "2026-11-27T09:00:05+00:00")
    assert s.join(None, new_id="new", schema="3") == "aa-first"
    assert s.join("zz-second", new_id="new", schema="3") == "aa-first"  # the loser moves
    assert s.join("aa-first", new_id="new", schema="3") == "aa-first"


def test_datasets_made_days_apart_are_two_offices_and_refused(tmp_path: Path) -> None:
    s = FolderShare(tmp_path)
    _dataset(tmp_path, "office-a", "2026-01-05T09:00:00+00:00")
    _dataset(tmp_path, "office-b", "2026-11-27T09:00:00+00:00")
    with pytest.raises(DatasetMismatch):
        s.join(None, new_id="new", schema="3")
    assert s.join("office-b", new_id="new", schema="3") == "office-b"
