"""The profile's blob store: photos and scans as files beside the database, one per content.

`<profile>/blobs/<first 2>/<name>`, the name a keyed hash of the bytes (attachments.blob_name),
so a file attached twice is kept once and a name says nothing of what it holds. In an encrypted
profile each file is sealed under a key derived from the profile key, with the name as associated
data ("GKL1" + nonce + ciphertext): a copied folder without the passphrase shows no photo.
See architecture.md, "Photos and scans".
"""

from __future__ import annotations

import hashlib
import hmac
import re
from pathlib import Path

from gridkeeper import paths
from gridkeeper.sync import crypto

LOCAL_MAGIC = b"GKL1"
NAME_RE = re.compile(r"^[0-9a-f]{32}$")


class BlobDamaged(Exception):
    """A blob file that does not open under the profile key or does not hash to its record."""


def blobs_dir(root: Path) -> Path:
    return root / "blobs"


def blob_name(name_key: bytes, data: bytes) -> str:
    """The blob's name: HMAC-SHA256 under the profile's name key, not a plain hash anybody could compute."""
    return hmac.new(name_key, data, hashlib.sha256).hexdigest()[:32]


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _path(root: Path, name: str) -> Path:
    if not NAME_RE.match(name):  # a name from a synced row: never a path of its own
        raise BlobDamaged(f"not a blob name: {name!r}")
    return blobs_dir(root) / name[:2] / name


def _local_key(profile_key: bytes) -> bytes:
    return crypto.derive(profile_key, "local blob")


def has(root: Path, name: str) -> bool:
    return _path(root, name).is_file()


def put(root: Path, profile_key: bytes | None, name: str, data: bytes, *, replace: bool = False) -> bool:
    """Keep `data` under `name` (written to a temporary name, synced, renamed). False: already kept.
    `replace`: write over a kept file (one found damaged, fetched again)."""
    path = _path(root, name)
    if path.is_file() and not replace:
        return False
    paths.private_dir(blobs_dir(root))
    body = data if profile_key is None else LOCAL_MAGIC + crypto.seal(_local_key(profile_key), data, name.encode())
    paths.write_private(path, body)
    return True


def get(root: Path, profile_key: bytes | None, name: str, expected_sha256: str) -> bytes | None:
    """The bytes of a kept blob, checked against its record's SHA-256; None when not kept here."""
    path = _path(root, name)
    try:
        body = path.read_bytes()
    except FileNotFoundError:
        return None
    if profile_key is not None:
        if not body.startswith(LOCAL_MAGIC):
            raise BlobDamaged(name)
        try:
            body = crypto.open_sealed(_local_key(profile_key), body[len(LOCAL_MAGIC):], name.encode())
        except crypto.CryptoError as exc:
            raise BlobDamaged(name) from exc
    if sha256(body) != expected_sha256:
        raise BlobDamaged(name)
    return body


def kept_sha256(root: Path, profile_key: bytes | None, name: str) -> str | None:
    """The SHA-256 of what the profile keeps under `name`; None when missing or not opening under the key."""
    try:
        body = _path(root, name).read_bytes()
    except FileNotFoundError:
        return None
    if profile_key is not None:
        try:
            body = crypto.open_sealed(_local_key(profile_key), body[len(LOCAL_MAGIC):], name.encode()) \
                if body.startswith(LOCAL_MAGIC) else b""
        except crypto.CryptoError:
            return None
        if not body:
            return None
    return sha256(body)


def names(root: Path) -> set[str]:
    """Every blob kept in the profile (backups and the share's push read this)."""
    folder = blobs_dir(root)
    if not folder.is_dir():
        return set()
    return {p.name for sub in folder.iterdir() if sub.is_dir() for p in sub.iterdir() if NAME_RE.match(p.name)}


def total_bytes(root: Path) -> int:
    folder = blobs_dir(root)
    return sum(p.stat().st_size for p in folder.glob("*/*") if NAME_RE.match(p.name)) if folder.is_dir() else 0


def seal_plain(folder: Path, profile_key: bytes) -> int:
    """A profile just encrypted: every blob under `folder` kept in the clear is sealed under the key
    (each written to a new file and renamed over the old, so no plain copy is left under the name)."""
    sealed = 0
    if not folder.is_dir():
        return 0
    for path in folder.glob("*/*"):
        if not NAME_RE.match(path.name) or path.is_symlink() or not path.is_file():
            continue
        body = path.read_bytes()
        if body.startswith(LOCAL_MAGIC):
            continue
        paths.write_private(path, LOCAL_MAGIC + crypto.seal(_local_key(profile_key), body, path.name.encode()))
        sealed += 1
    return sealed
