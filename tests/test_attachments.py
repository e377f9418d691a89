"""Photos and scans (issue 21 part 5): kept once under a keyed name, refused in words, tombstoned on removal."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from sqlalchemy import text

from gridkeeper import attachments
from gridkeeper.rules import attachment_files
from gridkeeper.rules.attachment_files import AttachmentRefused, inspect
from gridkeeper.store import Store, blobs
from tests.attachment_files import PDF, jpeg_header, png, png_header_only
from tests.store.helpers import log_rows
from tests.walk_fixtures import street


def _files(root: Path) -> list[Path]:
    return sorted(p for p in blobs.blobs_dir(root).glob("*/*"))


def test_a_photo_is_kept_once_and_recorded_with_who_and_when(store: Store) -> None:
    st = street(store)
    photo = png(6, 4)
    row = attachments.add(store, "household", st.household, photo, caption=" 门牌 ", by="李娜")
    assert (row.kind, row.size, row.width, row.height, row.caption, row.added_by) == ("png", len(photo), 6, 4,
                                                                                       "门牌", "李娜")
    assert row.sha256 == hashlib.sha256(photo).hexdigest()
    # The same file again on the same household is the same attachment; on another thing, one more record
    # but still one file.
    assert attachments.add(store, "household", st.household, photo).id == row.id
    from gridkeeper import lists

    item = lists.create_item(store, lists.NewItem(kind="problem", title="楼道堆物", source="resident",
                                                  owner_party="community", grid_id=st.grid1), by="李娜")
    other = attachments.add(store, "listitem", item, photo)
    assert other.blob == row.blob and other.id != row.id
    assert len(_files(store.root)) == 1
    assert attachments.content(store, row) == photo
    # Captured for sync like any write.
    assert any(r["row_id"] == row.id for r in log_rows(store, "attachment"))


def test_the_name_is_a_keyed_hash_that_differs_between_profiles(store: Store, tmp_path: Path) -> None:
    from gridkeeper.store import open_store

    st = street(store)
    photo = png()
    row = attachments.add(store, "household", st.household, photo)
    plain = hashlib.sha256(photo).hexdigest()
    assert row.blob not in plain and plain[:32] != row.blob
    other = open_store(tmp_path / "other")
    try:
        st2 = street(other)
        assert attachments.add(other, "household", st2.household, photo).blob != row.blob
    finally:
        other.close()


@pytest.mark.parametrize(("data", "reason"), [
    (b"MZ\x90\x00 a program, not a photo", "not_a_picture"),
    (b"", "not_a_picture"),
    (png_header_only(100_000, 100_000), "too_many_pixels"),  # a decompression bomb's header
    (png_header_only(30_000, 10), "too_many_pixels"),  # a side too long
    (jpeg_header(9000, 9000), "too_many_pixels"),
    (jpeg_header(0, 10), "damaged"),
    (b"\xff\xd8\xff\xe0\x00", "damaged"),  # cut short
    (b"\x89PNG\r\n\x1a\n\x00\x00", "damaged"),
    (b"%PDF-1.4 no end", "damaged"),
])
def test_hostile_or_damaged_files_are_refused_in_words_and_nothing_is_kept(store: Store, data: bytes,
                                                                            reason: str) -> None:
    st = street(store)
    with pytest.raises(AttachmentRefused) as refused:
        attachments.add(store, "household", st.household, data)
    assert refused.value.reason == reason and refused.value.english()
    assert _files(store.root) == []
    with store.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM attachment")).scalar() == 0


def test_what_is_accepted() -> None:
    assert inspect(png(3, 2)).kind == "png"
    assert (inspect(jpeg_header(4000, 3000)).width, inspect(jpeg_header(4000, 3000)).height) == (4000, 3000)
    assert inspect(PDF).kind == "pdf" and inspect(PDF).width is None


def test_a_huge_file_is_refused_by_its_size_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "scan.pdf"
    with open(big, "wb") as f:  # sparse: 4 GB on paper, nothing on disk
        f.truncate(4 * 1024 ** 3)
    with pytest.raises(AttachmentRefused) as refused:
        attachments.read_file(big)
    assert refused.value.reason == "too_large" and "4096.0 MB" in refused.value.english()
    with pytest.raises(AttachmentRefused) as gone:
        attachments.read_file(tmp_path / "nothing.jpg")
    assert gone.value.reason == "unreadable"
    assert attachment_files.MAX_FILE_BYTES == 15 * 1024 * 1024


def test_an_attachment_to_something_removed_or_unknown_is_refused(store: Store) -> None:
    with pytest.raises(AttachmentRefused) as refused:
        attachments.add(store, "household", "no-such-household", png())
    assert refused.value.reason == "unknown_entity"
    with pytest.raises(AttachmentRefused):
        attachments.add(store, "person; DROP TABLE person", "x", png())


def test_removal_is_a_tombstone_and_the_blob_stays(store: Store) -> None:
    st = street(store)
    row = attachments.add(store, "household", st.household, png())
    attachments.set_caption(store, row.id, "签字页")
    assert attachments.of_entity(store, "household", st.household)[0].caption == "签字页"
    attachments.remove(store, row.id)
    assert attachments.of_entity(store, "household", st.household) == []
    with store.read() as conn:
        assert conn.execute(text("SELECT deleted FROM attachment WHERE id = :i"), {"i": row.id}).scalar() == 1
    assert len(_files(store.root)) == 1
    with pytest.raises(AttachmentRefused):
        attachments.remove(store, row.id)


def test_blobs_in_an_encrypted_profile_are_sealed_and_checked(tmp_path: Path) -> None:
    key = os.urandom(32)
    photo = png(5, 5)
    name = blobs.blob_name(b"k" * 32, photo)
    blobs.put(tmp_path, key, name, photo)
    (path,) = _files(tmp_path)
    assert photo not in path.read_bytes() and path.read_bytes().startswith(blobs.LOCAL_MAGIC)
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert blobs.get(tmp_path, key, name, blobs.sha256(photo)) == photo
    with pytest.raises(blobs.BlobDamaged):
        blobs.get(tmp_path, os.urandom(32), name, blobs.sha256(photo))  # another profile's key
    with pytest.raises(blobs.BlobDamaged):
        blobs.get(tmp_path, key, name, "0" * 64)  # not what the record says
    with pytest.raises(blobs.BlobDamaged):
        blobs.get(tmp_path, key, "../../etc/passwd", "0" * 64)  # a synced name is never a path
    assert blobs.get(tmp_path, key, "a" * 32, "0" * 64) is None


def test_the_command_line_attaches_lists_saves_and_removes(store: Store, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    import json

    from gridkeeper.cli import main

    st = street(store)
    store.close()
    good, bad = tmp_path / "门牌.png", tmp_path / "x.jpg"
    good.write_bytes(png(3, 3))
    bad.write_bytes(b"nope")
    base = ["--data-dir", str(store.root)]
    assert main([*base, "attachment", "add", "household", st.household, str(good), str(bad), "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert len(out["added"]) == 1 and out["refused"][0]["reason"] == "not_a_picture"
    assert main([*base, "attachment", "list", "household", st.household, "--json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)["attachments"]
    assert main([*base, "attachment", "save", listed["id"], "-o", str(tmp_path / "back.png")]) == 0
    assert (tmp_path / "back.png").read_bytes() == good.read_bytes()
    assert main([*base, "attachment", "remove", listed["id"]]) == 0
    assert main([*base, "attachment", "save", listed["id"], "-o", str(tmp_path / "gone.png")]) == 2
