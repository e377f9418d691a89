"""Photos and scans on the share: one sealed file per blob, pushed at sync, fetched when first needed.

`<office>/blobs/<name>.gkf`: b"GKF1", a 4-byte header length, the header (JSON: suite, office,
blob, epoch, size), then nonce + AES-GCM of the plain bytes under the epoch's blob key, with the
header as associated data. A reader trusts nothing on the share: a regular file under the size
limit read in time, the header naming this office and this blob, the tag, the size and the SHA-256
the attachment record holds (it came in a signed batch), and the type check again.
See architecture.md, "Photos and scans".
"""

from __future__ import annotations

import json
import logging
import os
import struct
from dataclasses import dataclass, field
from pathlib import Path

from gridkeeper.paths import write_private
from gridkeeper.rules.attachment_files import MAX_FILE_BYTES, AttachmentRefused, inspect
from gridkeeper.store import attachments as queries
from gridkeeper.store import blobs
from gridkeeper.store.engine import Store
from gridkeeper.sync import crypto, office
from gridkeeper.sync.safe_read import Unsafe, read_limited

log = logging.getLogger("gridkeeper.sync.blobs")

MAGIC = b"GKF1"
MAX_HEADER_BYTES = 4096
#: A blob file: the largest file we accept, its header, nonce and tag.
MAX_SHARE_BYTES = MAX_FILE_BYTES + MAX_HEADER_BYTES + 64


class BlobHeld(Exception):
    """A blob on the share that is not what its record says; `reason` is a short code."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason  # missing, not_regular, too_large, timeout, unreadable, misplaced, no_key, decrypt, ...


def share_dir(share_root: Path, office_id: str) -> Path:
    return office.office_dir(share_root, office_id) / "blobs"


def _blob_key(epoch_key: bytes, office_id: str, epoch: int) -> bytes:
    return crypto.derive(epoch_key, f"blob {office_id} {epoch}")


def seal_blob(office_id: str, epoch: int, epoch_key: bytes, name: str, data: bytes) -> bytes:
    header = json.dumps({"suite": crypto.SUITE, "office": office_id, "blob": name, "epoch": epoch,
                         "size": len(data)}, sort_keys=True, separators=(",", ":")).encode()
    return MAGIC + struct.pack(">I", len(header)) + header + crypto.seal(_blob_key(epoch_key, office_id, epoch),
                                                                         data, header)


def open_blob(body: bytes, office_id: str, keys: dict[int, bytes], name: str, sha256: str, size: int) -> bytes:
    """The plain bytes of a blob file, or BlobHeld with why not."""
    if not body.startswith(MAGIC) or len(body) < 8:
        raise BlobHeld("unreadable")
    (length,) = struct.unpack(">I", body[4:8])
    if length > MAX_HEADER_BYTES or 8 + length > len(body):
        raise BlobHeld("unreadable")
    header_bytes = body[8:8 + length]
    try:
        header = json.loads(header_bytes)
        epoch = int(header["epoch"])
        named, in_office, declared = header["blob"], header["office"], int(header["size"])
    except (ValueError, KeyError, TypeError):
        raise BlobHeld("unreadable") from None
    if header.get("suite") != crypto.SUITE:
        raise BlobHeld("newer_format")
    if named != name or in_office != office_id or declared != size:
        raise BlobHeld("misplaced")
    if epoch not in keys:
        raise BlobHeld("no_key")
    try:
        data = crypto.open_sealed(_blob_key(keys[epoch], office_id, epoch), body[8 + length:], header_bytes)
    except crypto.CryptoError:
        raise BlobHeld("decrypt") from None
    if len(data) != size or blobs.sha256(data) != sha256:
        raise BlobHeld("checksum")  # a member's file swapped under another name: not what the record says
    try:
        inspect(data)
    except AttachmentRefused:
        raise BlobHeld("not_a_picture") from None
    return data


@dataclass
class BlobPush:
    pushed: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # could not be written (disk full, share gone)


def push(store: Store, share_root: Path) -> BlobPush:
    """Write to the share every blob this laptop keeps that a live attachment names and the share lacks."""
    result = BlobPush()
    office_id = office.office_id(store)
    if office_id is None:
        return result
    with store.read() as conn:
        wanted = queries.live_blobs(conn)
    kept = blobs.names(store.root) & set(wanted)
    if not kept:
        return result
    folder = share_dir(share_root, office_id)
    try:
        there = {n[:-4] for n in os.listdir(folder) if n.endswith(".gkf")}
    except FileNotFoundError:
        there = set()
    epoch, key = office.current_epoch(store)
    for name in sorted(kept - there):
        sha, _size = wanted[name]
        try:
            data = blobs.get(store.root, store.key, name, sha)
        except blobs.BlobDamaged:
            log.warning("blob %s in the profile does not match its record; not pushed", name)
            result.failed.append(name)
            continue
        if data is None:
            continue
        try:
            write_private(folder / f"{name}.gkf", seal_blob(office_id, epoch, key, name, data))
            result.pushed.append(name)
        except OSError as exc:
            log.warning("blob %s not written to the share: %s", name, exc)
            result.failed.append(name)
    return result


def fetch(store: Store, share_root: Path, name: str, expected: tuple[str, int] | None = None) -> bytes:
    """Read one blob from the share, check it against its record (`expected`: the sha256 and size of the
    attachment being shown; else any record naming the blob), keep it in the profile. BlobHeld if not."""
    office_id = office.office_id(store)
    if office_id is None:
        raise BlobHeld("no_office")
    if not blobs.NAME_RE.match(name):
        raise BlobHeld("misplaced")
    record = expected
    if record is None:
        with store.read() as conn:
            record = queries.blob_record(conn, name)
    if record is None:
        raise BlobHeld("no_record")
    sha, size = record
    try:
        body = read_limited(share_dir(share_root, office_id) / f"{name}.gkf", MAX_SHARE_BYTES)
    except Unsafe as exc:
        raise BlobHeld(exc.reason) from None
    except OSError:
        raise BlobHeld("unreadable") from None
    data = open_blob(body, office_id, office.epoch_keys(store), name, sha, size)
    # What the profile keeps under this name is replaced only if no record wants it: a hostile member's
    # record naming another laptop's blob must not make this laptop overwrite the real photo.
    with store.read() as conn:
        wanted = queries.blob_shas(conn, name)
    kept = blobs.kept_sha256(store.root, store.key, name)
    if kept is not None and kept != sha and kept in wanted:
        raise BlobHeld("name_taken")
    blobs.put(store.root, store.key, name, data, replace=True)
    return data
