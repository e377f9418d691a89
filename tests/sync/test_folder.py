"""Folder-share transport: sealed batches (encrypted, signed), what a reader refuses, the layout, the lock."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

from gridkeeper.sync import crypto, safe_read
from gridkeeper.sync.crypto import DeviceKeys
from gridkeeper.sync.folder import (
    MAGIC,
    BadBatch,
    Batch,
    Change,
    FolderShare,
    Opening,
    Sealing,
    ShareOffline,
    SyncBusy,
    open_batch,
)

OFFICE = "office-1"
KEY = crypto.random_key()
DEVICE_A = DeviceKeys.generate()


def change(n: int, device: str = "dev-a", value: str | None = '"张伟 110101199003078515 13812345678"',
           field: str = "name") -> Change:
    return Change(f"{1_764_236_400_000 + n:018d}.{n % 7:05d}", device, "person", f"row-{n}", field, value)


def batch(device: str, first: int, last: int, prev: int = 0) -> Batch:
    return Batch(device, first, last, tuple(change(n, device) for n in range(first, last + 1)), "0.1", prev)


SEALING = Sealing(OFFICE, 1, KEY, DEVICE_A)
OPENING = Opening(OFFICE, {1: KEY}, DEVICE_A.sign_public)


@pytest.fixture
def share(tmp_path: Path) -> FolderShare:
    root = tmp_path / "share"
    (root / "gridkeeper" / OFFICE).mkdir(parents=True)
    (root / "gridkeeper" / OFFICE / "office.json").write_text("{}")
    return FolderShare(root, OFFICE)


def read(share: FolderShare, device: str, seq: int, opening: Opening = OPENING) -> Batch | BadBatch:
    return share.read_batch(device, seq, share.batch_files(device)[seq], opening)


# -- round trip and what is on the share ------------------------------------------------


def test_round_trip_keeps_unicode_none_insert_objects_and_the_chain(share: FolderShare) -> None:
    changes = (change(1), change(2, value=None), change(3, field="*", value='{"id":"row-3","name":"李娜"}'))
    original = Batch("dev-a", 1, 3, changes, "0.1", 0)
    share.write_batch(original, SEALING)
    assert read(share, "dev-a", 3) == original
    later = batch("dev-a", 7, 9, prev=3)
    share.write_batch(later, SEALING)
    assert read(share, "dev-a", 9) == later


def test_nothing_personal_is_readable_on_the_share_and_files_are_private(share: FolderShare) -> None:
    path, _ = share.write_batch(batch("dev-a", 1, 40), SEALING)
    raw = path.read_bytes()
    assert raw.startswith(MAGIC) and path.name == "000000000040.gkb"
    for secret in ("张伟", "110101199003078515", "13812345678", "row-1", "person"):
        assert secret.encode() not in raw
        assert secret.encode() not in zlib_attempt(raw)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def zlib_attempt(raw: bytes) -> bytes:
    """Whatever gzip would make of any part of the file (the body is ciphertext: nothing)."""
    for start in range(0, min(len(raw), 512)):
        try:
            return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(raw[start:], 1 << 20)
        except zlib.error:
            continue
    return b""


def test_rewriting_a_batch_replaces_it_and_temp_files_are_ignored(share: FolderShare) -> None:
    share.write_batch(batch("dev-a", 1, 2), SEALING)
    share.write_batch(batch("dev-a", 1, 2), SEALING)
    folder = share.batch_files("dev-a")[2].parent
    (folder / ".000000000003.gkb.999-dead.tmp").write_bytes(b"half a batch, crash before rename")
    assert sorted(share.batch_files("dev-a")) == [2]


def test_old_temp_files_are_swept_after_a_write(share: FolderShare) -> None:
    share.write_batch(batch("dev-a", 1, 1), SEALING)
    folder = share.batch_files("dev-a")[1].parent
    old = folder / ".000000000009.gkb.1-aaaa.tmp"
    old.write_bytes(b"x")
    os.utime(old, (time.time() - 2 * 3600,) * 2)
    share.write_batch(batch("dev-a", 2, 2, prev=1), SEALING)
    assert not old.exists()


# -- what a reader refuses -------------------------------------------------------------


def test_a_flipped_byte_anywhere_breaks_the_signature(share: FolderShare) -> None:
    path, data = share.write_batch(batch("dev-a", 1, 3), SEALING)
    for where in (10, len(data) // 2, len(data) - 70):
        flipped = bytearray(data)
        flipped[where] ^= 1
        path.write_bytes(bytes(flipped))
        assert isinstance(item := read(share, "dev-a", 3), BadBatch) and item.reason in ("signature", "unreadable")


def test_a_batch_signed_by_another_key_is_refused(share: FolderShare) -> None:
    forger = Sealing(OFFICE, 1, KEY, DeviceKeys.generate())  # knows the office key, not dev-a's signing key
    share.write_batch(batch("dev-a", 1, 2), forger)
    assert read(share, "dev-a", 2).reason == "signature"  # type: ignore[union-attr]


def test_a_batch_under_a_key_we_do_not_hold_cannot_be_opened(share: FolderShare) -> None:
    share.write_batch(batch("dev-a", 1, 2), Sealing(OFFICE, 2, crypto.random_key(), DEVICE_A))
    assert read(share, "dev-a", 2).reason == "decrypt"  # type: ignore[union-attr]
    wrong = Opening(OFFICE, {2: crypto.random_key()}, DEVICE_A.sign_public)
    assert read(share, "dev-a", 2, wrong).reason == "decrypt"  # type: ignore[union-attr]


def test_a_batch_renamed_copied_to_another_folder_or_office_is_misplaced(share: FolderShare) -> None:
    path, data = share.write_batch(batch("dev-a", 1, 2), SEALING)
    (path.parent / "000000000005.gkb").write_bytes(data)  # a copy under another number
    assert read(share, "dev-a", 5).reason == "misplaced"  # type: ignore[union-attr]
    other = share.root / "gridkeeper" / OFFICE / "devices" / "dev-b" / "changes"
    other.mkdir(parents=True)
    (other / path.name).write_bytes(data)
    assert read(share, "dev-b", 2).reason == "misplaced"  # type: ignore[union-attr]
    elsewhere = Opening("another-office", {1: KEY}, DEVICE_A.sign_public)
    assert read(share, "dev-a", 2, elsewhere).reason == "misplaced"  # type: ignore[union-attr]


def test_garbage_an_empty_file_and_a_newer_format_are_held(share: FolderShare) -> None:
    path, _ = share.write_batch(batch("dev-a", 1, 1), SEALING)
    for content, reason in ((b"", "unreadable"), (b"not a batch at all", "unreadable"),
                            (b"GKB3" + b"\0" * 100, "newer_format")):
        path.write_bytes(content)
        assert read(share, "dev-a", 1).reason == reason  # type: ignore[union-attr]


def test_a_symlink_a_fifo_and_a_huge_file_are_never_read(share: FolderShare, tmp_path: Path) -> None:
    share.write_batch(batch("dev-a", 1, 1), SEALING)
    folder = share.batch_files("dev-a")[1].parent
    (folder / "000000000002.gkb").symlink_to("/dev/zero")
    os.mkfifo(folder / "000000000003.gkb")
    with open(folder / "000000000004.gkb", "wb") as f:
        f.truncate(safe_read.MAX_BATCH_BYTES + 1)  # sparse: costs no disk
    started = time.monotonic()
    assert read(share, "dev-a", 2).reason == "not_regular"  # type: ignore[union-attr]
    assert read(share, "dev-a", 3).reason == "not_regular"  # type: ignore[union-attr]
    assert read(share, "dev-a", 4).reason == "too_large"  # type: ignore[union-attr]
    assert time.monotonic() - started < 5  # nothing hung


def test_a_decompression_bomb_is_held_in_bounded_memory(share: FolderShare) -> None:
    """A member's key could sign one: the limit holds even for a valid signature."""
    bomb = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    body = bomb.compress(b"\0" * (safe_read.MAX_PLAIN_BYTES + 1024)) + bomb.flush()
    header = json.dumps({"suite": crypto.SUITE, "format": 2, "office": OFFICE, "device": "dev-a", "epoch": 1,
                         "prev": 0, "first_seq": 1, "seq": 1, "count": 1, "app": "x"},
                        sort_keys=True, separators=(",", ":")).encode()
    key = crypto.derive(KEY, f"batch {OFFICE} 1")
    signed = MAGIC + len(header).to_bytes(4, "big") + header + crypto.seal(key, body, header)
    raw = signed + DEVICE_A.sign(signed)
    item = open_batch(raw, "dev-a", 1, Path("x"), OPENING)
    assert isinstance(item, BadBatch) and item.reason == "too_large"


def test_a_read_that_hangs_is_abandoned(share: FolderShare, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    share.write_batch(batch("dev-a", 1, 1), SEALING)
    monkeypatch.setattr(safe_read, "_read", lambda *_a: time.sleep(3))
    started = time.monotonic()
    with pytest.raises(safe_read.Unsafe) as held:
        safe_read.read_limited(share.batch_files("dev-a")[1], 1000, seconds=0.2)
    assert held.value.reason == "timeout" and time.monotonic() - started < 1


def test_ids_that_would_leave_the_folder_are_refused(share: FolderShare) -> None:
    for bad in ("../evil", "a/b", ".hidden", "", "x" * 200):
        with pytest.raises(ValueError):
            share.write_batch(batch(bad, 1, 1), SEALING)


# -- an unusable share ------------------------------------------------------------------


def test_a_missing_share_is_offline_with_the_path_in_plain_words(tmp_path: Path) -> None:
    s = FolderShare(tmp_path / "nowhere", OFFICE)
    with pytest.raises(ShareOffline) as err:
        s.check()
    assert "nowhere" in err.value.english() and not err.value.writing


def test_a_share_that_vanishes_is_offline_for_writing(share: FolderShare) -> None:
    import shutil

    shutil.rmtree(share.root / "gridkeeper")
    with pytest.raises(ShareOffline) as err:
        share.write_batch(batch("dev-a", 1, 1), SEALING)
    assert err.value.writing


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
