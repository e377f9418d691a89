"""What a profile's encryption is, and changing it: a passphrase for an unencrypted profile, the old
passphrase-as-key form to a wrapped random key, a new passphrase.

A conversion never edits the database in place. SQLCipher's `sqlcipher_export`
copies it into a new file under the profile key, the copy is checked (integrity,
and the same number of rows in every table), a backup of it is written and
checked, the key file is written, and only then is the new file renamed over
the old one: a conversion cut off at any point leaves the old profile whole
(see open_store for the one case it has to finish: a key file written, the old
database still in place). Backups made before are converted too, so no copy in
the old form (plaintext, or the passphrase as key) stays behind.
"""

from __future__ import annotations

import enum
import logging
import os
from pathlib import Path

from gridkeeper import paths
from gridkeeper.errors import (
    AlreadyEncrypted,
    BackupFailed,
    NotAProfile,
    NotEncryptedYet,
    PassphraseNeeded,
    WrongPassphrase,
)
from gridkeeper.store import cipher, keyfile

log = logging.getLogger("gridkeeper.store")


class State(enum.Enum):
    NEW = "new"  # no database yet
    PLAIN = "plain"  # SQLite without encryption (tests, demo profiles, profiles made before passphrases)
    WRAPPED = "wrapped"  # SQLCipher under a random key, the key wrapped by the passphrase in profile.key
    LEGACY = "legacy"  # SQLCipher with the passphrase itself as key (GridKeeper before the key file)
    UNKNOWN = "unknown"  # a short file that is not a database


def state(root: Path) -> State:
    db = paths.database_path(root)
    try:
        size = db.stat().st_size
    except OSError:
        return State.NEW
    if size == 0:
        return State.NEW
    if cipher.is_plain(db):
        return State.PLAIN
    if size < 1024:  # an encrypted database is whole pages of noise
        return State.UNKNOWN
    return State.WRAPPED if keyfile.exists(root) else State.LEGACY


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _convert(root: Path, key: bytes, reason: str, *, passphrase: str | None, old: str | None) -> None:
    """The database (plain when `old` is None, else keyed by the old-style passphrase `old`) becomes a copy
    under `key`; a checked backup of the copy is kept; the key file (wrapping `key` by `passphrase`) is
    written unless it already wraps it; then the copy replaces the database."""
    from gridkeeper.store import backups

    db = paths.database_path(root)
    fresh = db.with_name(db.name + ".converting")
    source = cipher.exclusive(db, root, passphrase=old, sqlcipher=True)
    try:
        cipher.export(source, fresh, key)
    except BaseException:
        source.close()
        fresh.unlink(missing_ok=True)
        raise
    source.close()
    problem = cipher.check(fresh, key=key, root=root)
    if problem:
        fresh.unlink(missing_ok=True)
        raise BackupFailed(str(fresh), problem)
    backups.copy_checked(fresh, root, key, reason)
    if passphrase is not None:
        keyfile.write(root, key, passphrase)
    for suffix in ("-wal", "-shm", "-journal"):  # the old file's, left by a crash: never to be replayed on the new
        db.with_name(db.name + suffix).unlink(missing_ok=True)
    os.replace(fresh, db)
    _fsync_dir(root)
    log.info("profile %s converted (%s)", root, reason)
    backups.convert_old(root, key, plain=old is None, passphrase=old)
    if old is None:  # photos and scans kept in the clear until now, in the profile and its backups
        from gridkeeper.store import blob_backups, blobs

        for folder in (blobs.blobs_dir(root), blob_backups.backup_blobs_dir(root)):
            blobs.seal_plain(folder, key)


def encrypt(root: Path, passphrase: str) -> bytes:
    """Encrypt an unencrypted profile in place under a new random key wrapped by `passphrase`; the key."""
    st = state(root)
    if st in (State.WRAPPED, State.LEGACY):
        raise AlreadyEncrypted(str(root))
    if st is not State.PLAIN:
        raise NotAProfile(str(paths.database_path(root)))
    key = keyfile.new_key()
    _convert(root, key, "before-encryption", passphrase=passphrase, old=None)
    return key


def convert_legacy(root: Path, passphrase: str, key: bytes | None = None) -> bytes:
    """An old-style profile (the passphrase itself as SQLCipher's key) re-keyed to a random key wrapped by the
    same passphrase; WrongPassphrase if it does not open. `key`: a key file written already by a conversion
    that was cut off before the swap."""
    db = paths.database_path(root)
    if not cipher.opens(db, passphrase=passphrase, root=root):
        raise WrongPassphrase("legacy")
    resumed = key is not None  # its key file wraps `key` already
    key = key or keyfile.new_key()
    _convert(root, key, "before-rekey", passphrase=None if resumed else passphrase, old=passphrase)
    return key


def change_passphrase(root: Path, old: str, new: str) -> None:
    """A new passphrase: the key file is rewritten; the database and its backups keep their bytes."""
    st = state(root)
    if st is State.PLAIN or st is State.NEW:
        raise NotEncryptedYet(str(root))
    if st is State.LEGACY:
        convert_legacy(root, old)
    if not keyfile.exists(root):
        raise PassphraseNeeded()
    keyfile.rewrap(root, old, new)
    log.info("passphrase of %s changed", root)


def unlock(root: Path, passphrase: str) -> bytes:
    """The key that opens the profile (the app's start, in a worker): unwrapped from the key file, or for a
    profile of the old form, or one whose conversion stopped after the key file, converted first."""
    if state(root) is State.LEGACY:
        return convert_legacy(root, passphrase)
    key = keyfile.unwrap(root, passphrase)
    db = paths.database_path(root)
    if not cipher.opens(db, key=key, root=root) and cipher.opens(db, passphrase=passphrase, root=root):
        return convert_legacy(root, passphrase, key)
    return key


def unlocks(root: Path, passphrase: str) -> bool:
    """Whether `passphrase` is this profile's (the lock screen's check)."""
    try:
        keyfile.unwrap(root, passphrase)
        return True
    except WrongPassphrase:
        return False
