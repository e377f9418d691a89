"""Photos and scans on findings, list items, mediation cases, household files and inspections: add, show, remove.

A file is checked (rules/attachment_files.py), kept once in the profile's blob store under a keyed name
(store/blobs.py), and recorded in the synced `attachment` table; removal tombstones the record.
A blob another laptop attached is fetched from the office's share the first time it is shown.
See architecture.md, "Photos and scans".
"""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path
from typing import Any

from gridkeeper import clock
from gridkeeper.errors import QT_TRANSLATE_NOOP
from gridkeeper.rules.attachment_files import MAX_FILE_BYTES, AttachmentRefused, FileInfo, inspect, too_big
from gridkeeper.store import attachments as queries
from gridkeeper.store import blobs
from gridkeeper.store.attachments import ENTITIES, AttachmentRow
from gridkeeper.store.engine import Store

__all__ = [
    "ENTITIES",
    "NAME_KEY",
    "AttachmentRefused",
    "AttachmentRow",
    "FileInfo",
    "add",
    "add_file",
    "content",
    "of_entity",
    "remove",
    "set_caption",
]

NAME_KEY = "blob_name_key"  # local_meta: the key blob names are made with; never synced


def _name_key(store: Store) -> bytes:
    text = store.meta(NAME_KEY)
    if text is None:
        text = secrets.token_hex(32)
        store.set_meta(NAME_KEY, text)
    return bytes.fromhex(text)


def _unknown_entity() -> AttachmentRefused:
    return AttachmentRefused("unknown_entity", QT_TRANSLATE_NOOP(
        "errors", "What the photo was to be attached to no longer exists (removed on another laptop?)."))


def add(store: Store, entity: str, entity_id: str, data: bytes, *, caption: str = "", by: str = "") -> AttachmentRow:
    """Attach `data` to a finding, list item, mediation case, household or inspection. The same file attached
    to the same thing again returns the attachment already there."""
    from gridkeeper.store.models import Attachment

    info = inspect(data)
    with store.read() as conn:
        if not queries.entity_exists(conn, entity, entity_id):
            raise _unknown_entity()
    name = blobs.blob_name(_name_key(store), data)
    with store.read() as conn:
        for row in queries.of_entity(conn, entity, entity_id):
            if row.blob == name:
                return row
    blobs.put(store.root, store.key, name, data)  # before the record: a record never names a missing local blob
    row = Attachment(entity=entity, entity_id=entity_id, blob=name, sha256=blobs.sha256(data), kind=info.kind,
                     size=len(data), width=info.width, height=info.height, caption=caption.strip(), added_by=by,
                     added_at=clock.now().isoformat(timespec="seconds"))
    with store.write() as s:
        s.add(row)
    with store.read() as conn:
        added = queries.one(conn, row.id)
    assert added is not None
    return added


def _unreadable() -> AttachmentRefused:
    return AttachmentRefused("unreadable", QT_TRANSLATE_NOOP(
        "errors", "The file could not be read; is it still there, and not open in another program?"))


def read_file(path: Path) -> bytes:
    """A file's bytes, refused by its size before it is read (a 4 GB file is never loaded)."""
    try:
        info = os.stat(path)
    except OSError:
        raise _unreadable() from None
    if not stat.S_ISREG(info.st_mode):
        raise _unreadable()
    if info.st_size > MAX_FILE_BYTES:
        raise too_big(info.st_size)
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError:
        raise _unreadable() from None
    if len(data) > MAX_FILE_BYTES:  # it grew since the look
        raise too_big(len(data))
    return data


def add_file(store: Store, entity: str, entity_id: str, path: Path, *, caption: str = "", by: str = "") \
        -> AttachmentRow:
    return add(store, entity, entity_id, read_file(path), caption=caption, by=by)


def of_entity(store: Store, entity: str, entity_id: str) -> list[AttachmentRow]:
    with store.read() as conn:
        return queries.of_entity(conn, entity, entity_id)


def one(store: Store, attachment_id: str) -> AttachmentRow | None:
    with store.read() as conn:
        return queries.one(conn, attachment_id)


def _update(store: Store, attachment_id: str, **values: object) -> None:
    from gridkeeper.store.models import Attachment

    with store.write() as s:
        row = s.get(Attachment, attachment_id)
        if row is None or row.deleted:
            raise AttachmentRefused("unknown_attachment", QT_TRANSLATE_NOOP(
                "errors", "This photo has already been removed."))
        for key, value in values.items():
            setattr(row, key, value)


def remove(store: Store, attachment_id: str) -> None:
    """Tombstone the record; the blob stays (a backup or another record may still name it)."""
    _update(store, attachment_id, deleted=True)


def set_caption(store: Store, attachment_id: str, caption: str) -> None:
    _update(store, attachment_id, caption=caption.strip())


class NotReceived(Exception):
    """The blob is not in this profile and could not be fetched; `reason` says why (a short code)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def kept(store: Store, row: AttachmentRow) -> bytes | None:
    """The bytes if this profile keeps them (no share access: quick enough for the UI thread)."""
    try:
        return blobs.get(store.root, store.key, row.blob, row.sha256)
    except blobs.BlobDamaged:
        return None


def content(store: Store, row: AttachmentRow, share_root: Path | None = None, *, http: Any = None) -> bytes:
    """The attachment's bytes: from the profile, else fetched from the office's share or server and kept.
    NotReceived when neither has it (offline, not pushed yet, or held as not what it claims).
    `http`: the httpx client a test hands in for the server."""
    from gridkeeper.sync import blobs as share_blobs
    from gridkeeper.sync import office

    try:
        data = blobs.get(store.root, store.key, row.blob, row.sha256)
    except blobs.BlobDamaged:
        data = None  # fetch it again: the share's copy is checked the same way
    if data is not None:
        return data
    if share_root is None:
        from gridkeeper.sync import remote, remote_blobs

        client = remote.office_client(store, http)
        if client is not None:  # an office on a server: fetched into the staging share, checked there
            try:
                return remote_blobs.fetch(store, client, row.blob, (row.sha256, row.size))
            except share_blobs.BlobHeld as exc:
                raise NotReceived(exc.reason) from None
            except remote.ServerOffline:
                raise NotReceived("offline") from None
            except remote.ServerRefused:  # revoked, or the server says no: said as not received
                raise NotReceived("refused") from None
            finally:
                if http is None:
                    client.close()
    root = share_root or office.folder(store)
    if root is None:
        raise NotReceived("no_office")
    try:
        return share_blobs.fetch(store, root, row.blob, (row.sha256, row.size))
    except share_blobs.BlobHeld as exc:
        raise NotReceived(exc.reason) from None
