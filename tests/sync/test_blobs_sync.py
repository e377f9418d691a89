"""Photos on the office's share (issue 21 part 5): sealed, pushed at sync, fetched when first shown,
and never taken from the share on trust."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from gridkeeper import attachments
from gridkeeper.store import blobs
from gridkeeper.sync import blobs as share_blobs
from gridkeeper.sync import office
from tests.attachment_files import png
from tests.sync.simulation import Office
from tests.walk_fixtures import Street, street


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Office, Street]]:
    o = Office(tmp_path, 2)
    st = street(o.laptops[0])
    o.sync_all(1)
    yield o, st
    o.close()


def _share_file(o: Office, name: str) -> Path:
    return share_blobs.share_dir(o.share, office.office_id(o.laptops[0]) or "") / f"{name}.gkf"


def _attach(o: Office, st: Street, photo: bytes) -> attachments.AttachmentRow:
    row = attachments.add(o.laptops[0], "household", st.household, photo, by="李娜")
    assert o.sync(0).pushed_blobs == 1
    assert o.sync(1).status == "ok"
    return row


def test_a_photo_reaches_the_other_laptop_sealed_and_is_fetched_when_first_shown(pair) -> None:  # type: ignore[no-untyped-def]
    o, st = pair
    photo = png(8, 8, seed=3)
    row = _attach(o, st, photo)
    on_share = _share_file(o, row.blob).read_bytes()
    assert photo not in on_share and hashlib.sha256(photo).hexdigest() not in on_share.decode("latin-1")
    other = o.laptops[1]
    (seen,) = attachments.of_entity(other, "household", st.household)
    assert not blobs.has(other.root, seen.blob)  # the sync brought the record, not the file
    assert attachments.content(other, seen) == photo
    assert blobs.has(other.root, seen.blob)  # kept: the next look needs no share
    os.remove(_share_file(o, row.blob))
    assert attachments.content(other, seen) == photo
    # A blob deleted from the share is written again by a laptop that holds it.
    assert o.sync(1).pushed_blobs == 1 and _share_file(o, row.blob).exists()
    assert o.sync(0).pushed_blobs == 0


def _reason(o: Office, st: Street, row: attachments.AttachmentRow) -> str:
    (seen,) = attachments.of_entity(o.laptops[1], "household", st.household)
    with pytest.raises(attachments.NotReceived) as held:
        attachments.content(o.laptops[1], seen)
    assert not blobs.has(o.laptops[1].root, seen.blob)
    return held.value.reason


def test_a_share_file_swapped_for_another_members_valid_blob_is_refused(pair) -> None:  # type: ignore[no-untyped-def]
    o, st = pair
    row = _attach(o, st, png(4, 4, seed=1))
    epoch, key = office.current_epoch(o.laptops[0])
    forged = share_blobs.seal_blob(office.office_id(o.laptops[0]) or "", epoch, key, row.blob, png(4, 4, seed=2))
    _share_file(o, row.blob).write_bytes(forged)  # sealed with the office key: only the record's hash catches it
    assert _reason(o, st, row) == "checksum"


@pytest.mark.parametrize(("spoil", "reason"), [
    (lambda p: p.write_bytes(os.urandom(500)), "unreadable"),
    (lambda p: p.write_bytes(p.read_bytes()[:-1] + b"\x00"), "decrypt"),
    (lambda p: os.truncate(p, share_blobs.MAX_SHARE_BYTES + 1), "too_large"),
    (lambda p: (os.remove(p), os.symlink("/dev/zero", p)), "not_regular"),
    (lambda p: os.remove(p), "missing"),
])
def test_a_damaged_or_hostile_share_file_is_held_not_shown(pair, spoil, reason: str) -> None:  # type: ignore[no-untyped-def]
    o, st = pair
    row = _attach(o, st, png(4, 4))
    spoil(_share_file(o, row.blob))
    assert _reason(o, st, row) == reason


def test_a_blob_moved_to_another_name_is_misplaced(pair) -> None:  # type: ignore[no-untyped-def]
    o, st = pair
    first = _attach(o, st, png(4, 4, seed=5))
    second = attachments.add(o.laptops[0], "household", st.household, png(4, 4, seed=6))
    o.sync(0)
    o.sync(1)
    _share_file(o, first.blob).write_bytes(_share_file(o, second.blob).read_bytes())
    seen = {r.blob: r for r in attachments.of_entity(o.laptops[1], "household", st.household)}
    with pytest.raises(attachments.NotReceived) as held:
        attachments.content(o.laptops[1], seen[first.blob])
    assert held.value.reason == "misplaced"


def test_a_hostile_members_record_naming_anothers_blob_cannot_overwrite_it(pair) -> None:  # type: ignore[no-untyped-def]
    from gridkeeper.store.models import Attachment

    o, st = pair
    photo, other = png(4, 4, seed=7), png(4, 4, seed=8)
    row = _attach(o, st, photo)
    hostile = o.laptops[1]  # an enrolled laptop: holds the office key and signs its batches
    with hostile.write() as s:
        s.add(Attachment(id="h1", entity="household", entity_id=st.household, blob=row.blob,
                         sha256=hashlib.sha256(other).hexdigest(), kind="png", size=len(other),
                         added_at="2026-05-20T10:00:00"))
    epoch, key = office.current_epoch(hostile)
    _share_file(o, row.blob).write_bytes(
        share_blobs.seal_blob(office.office_id(hostile) or "", epoch, key, row.blob, other))
    o.sync(1)
    o.sync(0)
    victim = o.laptops[0]
    rows = {r.id: r for r in attachments.of_entity(victim, "household", st.household)}
    with pytest.raises(attachments.NotReceived) as held:
        attachments.content(victim, rows["h1"])
    assert held.value.reason == "name_taken"
    assert attachments.content(victim, rows[row.id]) == photo  # the real photo is kept, never swapped
