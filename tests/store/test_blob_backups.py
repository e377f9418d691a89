"""Photos and scans in backups (issue 21 part 5): kept once beside the database backups, put back by a
restore, and sealed when a plain profile is encrypted."""

from __future__ import annotations

import shutil
from pathlib import Path

from gridkeeper import attachments
from gridkeeper.store import backups, blob_backups, blobs, encryption, open_store
from tests.attachment_files import png
from tests.walk_fixtures import street

PASS = "门前三包 2026"


def test_a_backup_keeps_each_photo_once_and_a_restore_puts_lost_ones_back(data_dir: Path) -> None:
    store = open_store(data_dir)
    st = street(store)
    photo = png(7, 7, seed=9)
    row = attachments.add(store, "household", st.household, photo)
    first = backups.create(store, "manual")
    backups.create(store, "manual")
    kept = list(blob_backups.backup_blobs_dir(data_dir).glob("*/*"))
    assert [p.name for p in kept] == [row.blob]  # two backups, one copy
    assert blob_backups.summary(data_dir) == blob_backups.BlobSummary(1, len(photo))
    shutil.rmtree(blobs.blobs_dir(data_dir))  # a photo lost from the profile
    backups.restore(store, first)
    store = open_store(data_dir)
    try:
        (back,) = attachments.of_entity(store, "household", st.household)
        assert attachments.content(store, back) == photo
    finally:
        store.close()


def test_encrypting_a_profile_seals_its_photos_and_their_backups(data_dir: Path) -> None:
    store = open_store(data_dir)
    st = street(store)
    photo = png(6, 6, seed=4)
    row = attachments.add(store, "household", st.household, photo)
    backups.create(store, "daily")
    store.close()
    encryption.encrypt(data_dir, PASS)
    for folder in (blobs.blobs_dir(data_dir), blob_backups.backup_blobs_dir(data_dir)):
        (path,) = folder.glob("*/*")
        assert path.read_bytes().startswith(blobs.LOCAL_MAGIC) and photo not in path.read_bytes()
    store = open_store(data_dir, PASS)
    try:
        assert attachments.content(store, row) == photo
    finally:
        store.close()


def test_the_backup_list_says_how_many_photos_are_kept(data_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    import json

    from gridkeeper.cli import main

    store = open_store(data_dir)
    st = street(store)
    attachments.add(store, "household", st.household, png(3, 3))
    attachments.add(store, "household", st.household, png(3, 3, seed=1))
    backups.create(store, "manual")
    store.close()
    assert main(["--data-dir", str(data_dir), "backup", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed["photos"]["count"] == 2 and listed["photos"]["bytes"] > 0
    assert main(["--data-dir", str(data_dir), "backup", "list"]) == 0
    said = capsys.readouterr().out
    assert "Photos and scans: 2 (" in said or "照片和扫描件：2 个（" in said
