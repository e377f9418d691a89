"""Backups of the profile: written while the app runs, checked, rotated, restored.

A backup is a whole database file in <profile>/backups, named
`gridkeeper-YYYYMMDD-HHMMSS-<reason>.db` by the one clock (reason: daily,
manual, before-restore, before-encryption, before-rekey, or schemaNNNN before a
migration from that schema). It is made with SQLite's online backup API from a
connection of the running profile, so it is one consistent snapshot whatever
other connections write meanwhile (WAL), and it is encrypted under the same
profile key as the database (a passphrase change, which rewrites only the key
file, leaves every backup readable). Each is checked after writing: opened
read-only, `PRAGMA integrity_check`, a schema version; one that fails is
removed and the error says so.

Rotation keeps, among all backups whatever made them, the newest of each of the
7 most recent days that have one, and the newest of each of the 4 most recent
ISO weeks that have one (the sets overlap: at most 11 files), and every backup
made today: a restore, an upgrade and the day's backup made in one sitting all
stay until the next day's rotation keeps that day's newest.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from gridkeeper import clock, paths
from gridkeeper.errors import QT_TRANSLATE_NOOP, BackupFailed, BackupTooNew, BackupUnusable, NoSuchBackup
from gridkeeper.store import blob_backups, cipher

if TYPE_CHECKING:
    from sqlalchemy import Engine


class Store(Protocol):
    """What a backup needs of an open profile (store.engine.Store; not imported: the engine imports us)."""

    root: Path
    engine: Engine
    key: bytes | None

    def close(self) -> None: ...

log = logging.getLogger("gridkeeper.store")

KEEP_DAILY, KEEP_WEEKLY = 7, 4
_NAME = re.compile(r"^gridkeeper-(\d{8}-\d{6})(?:-([a-z][a-z0-9-]*))?(?:\.(\d+))?\.db$")

#: What made a backup, as the restore dialog and `backup list` say it.
REASONS = {
    "daily": QT_TRANSLATE_NOOP("backups", "daily"),
    "manual": QT_TRANSLATE_NOOP("backups", "made by hand"),
    "before-restore": QT_TRANSLATE_NOOP("backups", "before a restore"),
    "before-encryption": QT_TRANSLATE_NOOP("backups", "before encryption"),
    "before-rekey": QT_TRANSLATE_NOOP("backups", "before the new key"),
    "schema": QT_TRANSLATE_NOOP("backups", "before an upgrade"),
}


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime
    reason: str
    size: int
    written_ns: int = 0  # the file's time: orders two backups made in the same second

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def reason_label(self) -> str:
        """The English label of REASONS (translate it in context "backups")."""
        return REASONS["schema" if self.reason.startswith("schema") else self.reason] \
            if (self.reason.startswith("schema") or self.reason in REASONS) else self.reason

    def as_json(self) -> dict[str, Any]:
        return {"name": self.name, "path": str(self.path), "taken": self.taken.isoformat(timespec="seconds"),
                "reason": self.reason, "bytes": self.size}


def folder(root: Path) -> Path:
    return paths.backups_dir(root)


def _parse(path: Path) -> Backup | None:
    found = _NAME.match(path.name)
    if not found:
        return None
    try:
        taken = datetime.strptime(found.group(1), "%Y%m%d-%H%M%S")
        info = path.stat()
    except (ValueError, OSError):
        return None
    return Backup(path, taken, found.group(2) or "", info.st_size, info.st_mtime_ns)


def list_backups(root: Path) -> list[Backup]:
    """The profile's backups, newest first."""
    try:
        entries = list(folder(root).iterdir())
    except OSError:
        return []
    found = [b for b in (_parse(p) for p in entries if p.is_file() and not p.is_symlink()) if b]
    return sorted(found, key=lambda b: (b.taken, b.written_ns, b.name), reverse=True)


def find(root: Path, name: str) -> Backup:
    """A backup by its file name (or a path to it inside the backups folder)."""
    wanted = Path(name).name
    for b in list_backups(root):
        if b.name == wanted:
            return b
    raise NoSuchBackup(name, str(folder(root)))


def _new_path(root: Path, reason: str) -> Path:
    base = folder(root) / f"gridkeeper-{clock.now():%Y%m%d-%H%M%S}-{reason}"
    target, n = base.with_name(base.name + ".db"), 1
    while target.exists():
        n += 1
        target = base.with_name(f"{base.name}.{n}.db")
    return target


def _finish(temp: Path, target: Path, root: Path, key: bytes | None) -> Backup:
    """Check the written file, then give it its name; a file that fails is removed (BackupFailed)."""
    problem = cipher.check(temp, key=key, root=root)
    if problem:
        temp.unlink(missing_ok=True)
        log.error("backup %s failed its check: %s", target, problem)
        raise BackupFailed(str(target), problem)
    os.replace(temp, target)
    backup = _parse(target)
    assert backup is not None
    log.info("backed up %s to %s (%d bytes)", root, target.name, backup.size)
    blob_backups.keep(root)  # photos and scans beside it, once each
    rotate(root)
    return backup


def write(source: Any, root: Path, key: bytes | None, reason: str) -> Backup:
    """Back up the database that the DB-API connection `source` has open (sqlite3 or sqlcipher3, the
    engine's own), under `key`, with SQLite's online backup API."""
    paths.private_dir(folder(root))
    target = _new_path(root, reason)
    temp = target.with_name(target.name + ".part")
    temp.unlink(missing_ok=True)
    paths.create_private(temp)
    try:
        dest = cipher.connect(temp, key=key, root=root, sqlcipher=key is not None)
        try:
            source.backup(dest)  # one step: a single read transaction, a consistent snapshot
            dest.execute("PRAGMA journal_mode = DELETE")  # the file alone is the backup, no -wal beside it
        finally:
            dest.close()
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return _finish(temp, target, root, key)


def create(store: Store, reason: str = "manual") -> Backup:
    """A checked backup of the open profile (run it off the UI thread: a street takes seconds)."""
    return create_from_engine(store.engine, store.root, store.key, reason)


def create_from_engine(engine: Engine, root: Path, key: bytes | None, reason: str) -> Backup:
    raw = engine.raw_connection()
    try:
        return write(raw.driver_connection, root, key, reason)
    finally:
        raw.close()


def copy_checked(source: Path, root: Path, key: bytes | None, reason: str) -> Backup:
    """A closed database file copied into the backups (a conversion's new file), checked like the others."""
    paths.private_dir(folder(root))
    target = _new_path(root, reason)
    temp = target.with_name(target.name + ".part")
    temp.unlink(missing_ok=True)
    paths.create_private(temp)
    shutil.copyfile(source, temp)
    return _finish(temp, target, root, key)


def daily_due(root: Path, today: date | None = None) -> bool:
    """No backup yet today: the app makes one."""
    day = today or clock.today()
    return not any(b.taken.date() == day for b in list_backups(root))


def ensure_daily(store: Store) -> Backup | None:
    """Today's backup, if the profile has none from today yet."""
    if not daily_due(store.root):
        return None
    return create(store, "daily")


def kept(backups: list[Backup], today: date | None = None) -> set[Path]:
    """What rotation keeps: the newest of each of the KEEP_DAILY latest days with a backup, the newest
    of each of the KEEP_WEEKLY latest ISO weeks with one, and all of today's."""
    today = today or clock.today()
    days: list[date] = []
    weeks: list[tuple[int, int]] = []
    keep: set[Path] = {b.path for b in backups if b.taken.date() == today}
    for b in sorted(backups, key=lambda b: (b.taken, b.written_ns, b.name), reverse=True):
        day = b.taken.date()
        week = tuple(day.isocalendar())[:2]
        if day not in days and len(days) < KEEP_DAILY:
            days.append(day)
            keep.add(b.path)
        if week not in weeks and len(weeks) < KEEP_WEEKLY:
            weeks.append(week)  # type: ignore[arg-type]
            keep.add(b.path)
    return keep


def rotate(root: Path) -> list[Path]:
    """Remove the backups rotation does not keep; what was removed."""
    found = list_backups(root)
    keep = kept(found)
    removed = []
    for b in found:
        if b.path not in keep:
            try:
                b.path.unlink()
                removed.append(b.path)
            except OSError as exc:
                log.warning("could not remove old backup %s: %s", b.path, exc)
    if removed:
        log.info("rotated backups: removed %s", ", ".join(p.name for p in removed))
    return removed


def verify(path: Path, root: Path, key: bytes | None) -> str | None:
    """None when the backup opens read-only with `key` and passes integrity_check; else what is wrong."""
    return cipher.check(path, key=key, root=root)


def convert_old(root: Path, key: bytes, *, plain: bool, passphrase: str | None) -> None:
    """After a conversion, the backups still in the old form (plaintext, or the passphrase as key) are
    encrypted under `key` too, each through a new file checked before it replaces the old one. A plaintext
    one that cannot be read is removed: it would only be personal data left readable."""
    for b in list_backups(root):
        if cipher.opens(b.path, key=key, root=root):
            continue
        if plain and not cipher.is_plain(b.path):
            continue  # not ours to judge: encrypted some other way
        if not plain and not cipher.opens(b.path, passphrase=passphrase, root=root):
            log.warning("backup %s opens neither with the new key nor the old passphrase; left as it is", b.name)
            continue
        fresh = b.path.with_name(b.path.name + ".converting")
        try:
            source = cipher.connect(b.path, passphrase=None if plain else passphrase, root=root, sqlcipher=True)
            try:
                source.execute("PRAGMA journal_mode = DELETE")
                cipher.export(source, fresh, key)
            finally:
                source.close()
            problem = cipher.check(fresh, key=key, root=root)
            if problem:
                raise BackupFailed(str(b.path), problem)
            os.replace(fresh, b.path)
            log.info("backup %s encrypted under the profile key", b.name)
        except Exception as exc:  # noqa: BLE001 - one bad old backup must not stop the conversion
            fresh.unlink(missing_ok=True)
            if plain:
                b.path.unlink(missing_ok=True)
                log.warning("plaintext backup %s could not be encrypted (%s): removed", b.name, exc)
            else:
                log.warning("backup %s could not be re-keyed (%s): left as it is", b.name, exc)


@dataclass(frozen=True)
class Restored:
    restored: Backup  # the backup the profile now is
    before: Backup  # the profile as it was just before


def restore(store: Store, backup: Backup, prepare: Callable[[Any], None] | None = None) -> Restored:
    """Make the profile a copy of `backup`: check it, back up the profile as it is, copy the backup beside
    the database, let `prepare(conn)` adjust the copy (sync's new identity), then close the store and swap
    the copy in. The store is closed afterwards whatever happens once the swap starts; open it again.

    BackupUnusable or BackupTooNew (nothing changed) for a backup that fails its check or is newer."""
    from gridkeeper.store.schema import HEAD_REVISION, KNOWN_REVISIONS

    root, key = store.root, store.key
    problem = cipher.check(backup.path, key=key, root=root)
    if problem:
        log.warning("backup %s not restored: %s", backup.path, problem)
        raise BackupUnusable(backup.name)
    version = cipher.schema_version(backup.path, key=key, root=root)
    if version != HEAD_REVISION and version not in KNOWN_REVISIONS:
        raise BackupTooNew(backup.name)
    before = create(store, "before-restore")
    db = paths.database_path(root)
    fresh = db.with_name(db.name + ".restoring")
    fresh.unlink(missing_ok=True)
    paths.create_private(fresh)
    try:
        shutil.copyfile(backup.path, fresh)
        if prepare is not None:
            conn = cipher.connect(fresh, key=key, root=root)
            try:
                conn.execute("BEGIN IMMEDIATE")
                prepare(conn)
                conn.execute("COMMIT")
            finally:
                conn.close()
        problem = cipher.check(fresh, key=key, root=root)
        if problem:
            raise BackupUnusable(backup.name)
        store.close()
        only = cipher.exclusive(db, root, key=key)  # nobody else has it open; its WAL copied in
        only.close()
        for suffix in ("-wal", "-shm", "-journal"):
            db.with_name(db.name + suffix).unlink(missing_ok=True)
        os.replace(fresh, db)
    except BaseException:
        fresh.unlink(missing_ok=True)
        raise
    blob_backups.put_back(root)  # photos the restored records name and the profile lost
    log.info("restored %s from %s (the profile before it: %s)", root, backup.name, before.name)
    return Restored(backup, before)
