"""Commands that keep the profile safe: passphrase, backup."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gridkeeper import paths
from gridkeeper.commands.common import (
    _M_ASK,
    EXIT_OK,
    _ask,
    _emit,
    _Given,
    _given,
    _new_passphrase,
    _no_profile,
    _open,
    _translator,
    _words,
)
from gridkeeper.errors import QT_TRANSLATE_NOOP, PassphraseMissing, WrongPassphrase

_M_RESTORED = QT_TRANSLATE_NOOP(
    "cli", "Restored the profile from {backup}; the profile as it was is kept as {before}. For sync this is now "
           "a new laptop, out of its office: join again with an enrolment code (gridkeeper office join), or, if "
           "it was an admin laptop, with gridkeeper office rejoin.")


_M_BACKED_UP = QT_TRANSLATE_NOOP("cli", "Backed up to {path} ({size}); the copy was checked.")


_M_NO_BACKUPS = QT_TRANSLATE_NOOP("cli", "No backups in {folder}.")


_M_PHOTOS = QT_TRANSLATE_NOOP("cli", "Photos and scans: {count} ({size}), each kept once beside the backups.")


_M_CHANGED = QT_TRANSLATE_NOOP(
    "cli", "Changed the passphrase of the profile in {path} (the database and its backups were not rewritten).")


_M_ENCRYPTED = QT_TRANSLATE_NOOP(
    "cli", "Encrypted the profile in {path}. Keep the passphrase safe: without it nobody, you included, can "
           "open the profile or its backups.")


def _cmd_passphrase(args: argparse.Namespace, root: Path) -> int:
    from gridkeeper.errors import NotEncryptedYet
    from gridkeeper.store import encryption
    from gridkeeper.store.encryption import State

    if not paths.database_path(root).exists():
        raise _no_profile(root)
    translate = _translator(root)
    state = encryption.state(root)
    if args.passphrase_command == "encrypt":
        if state in (State.WRAPPED, State.LEGACY):
            from gridkeeper.errors import AlreadyEncrypted

            raise AlreadyEncrypted(str(root))
        encryption.encrypt(root, _new_passphrase(args, root))
        print(_words(translate, _M_ENCRYPTED, path=root))
        return EXIT_OK
    if state not in (State.WRAPPED, State.LEGACY):
        raise NotEncryptedYet(str(root))
    old = _given()
    if old is None:
        if not sys.stdin.isatty():
            raise PassphraseMissing(str(root))
        old = _Given(_ask(_words(translate, _M_ASK, path=root)), "typed")
    try:
        from gridkeeper.store import keyfile

        if state is State.WRAPPED:
            keyfile.unwrap(root, old.value)  # checked before the new one is asked for
        new = _new_passphrase(args, root)
        encryption.change_passphrase(root, old.value, new)
    except WrongPassphrase:
        raise WrongPassphrase(old.source, str(root), old.file) from None
    print(_words(translate, _M_CHANGED, path=root))
    return EXIT_OK


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{max(1, n // 1000)} kB"


def _cmd_backup(args: argparse.Namespace, root: Path) -> int:
    from gridkeeper.store import backups

    translate = _translator(root)
    if args.backup_command == "list":
        from gridkeeper.store import blob_backups

        found = backups.list_backups(root)
        lines = [f"{b.taken:%Y-%m-%d %H:%M}  {_size(b.size):>8}  {translate('backups', b.reason_label) or b.reason_label}"
                 f"  {b.name}" for b in found]
        photos = blob_backups.summary(root)
        if found and photos.count:
            lines.append(_words(translate, _M_PHOTOS, count=f"{photos.count:,}", size=_size(photos.size)))
        _emit(args, {"folder": str(backups.folder(root)), "backups": [b.as_json() for b in found],
                     "photos": {"count": photos.count, "bytes": photos.size}},
              "\n".join(lines) or _words(translate, _M_NO_BACKUPS, folder=backups.folder(root)))
        return EXIT_OK
    if not paths.database_path(root).exists():
        raise _no_profile(root)
    if args.backup_command == "create":
        store = _open(root)
        try:
            made = backups.create(store)
        finally:
            store.close()
        _emit(args, {"backup": made.as_json()}, _words(translate, _M_BACKED_UP, path=made.path, size=_size(made.size)))
        return EXIT_OK
    from gridkeeper.sync import identity

    chosen = _backup_named(root, args.backup)
    store = _open(root)
    try:
        done = identity.restore(store, chosen)
    finally:
        store.close()
    reopened = _open(root)  # migrates a backup of an older schema now, after its own backup
    new_device = reopened.device_id
    reopened.close()
    _emit(args, {"restored": done.restored.as_json(), "before": done.before.as_json(), "device": new_device},
          _words(translate, _M_RESTORED, backup=done.restored.name, before=done.before.name))
    return EXIT_OK


def _backup_named(root: Path, name: str):  # type: ignore[no-untyped-def]
    """A backup by the name `backup list` shows, or a backup file given by its path."""
    from gridkeeper.store import backups

    path = Path(name)
    if path.is_file() and path.resolve().parent != backups.folder(root).resolve():
        from datetime import datetime

        info = path.stat()
        return backups.Backup(path, datetime.fromtimestamp(info.st_mtime), "", info.st_size, info.st_mtime_ns)
    return backups.find(root, name)
