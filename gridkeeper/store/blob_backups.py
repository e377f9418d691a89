"""Photos and scans in backups: a backup is a database file, the blobs are files beside it.

At every backup the profile's blobs are put in `<profile>/backups/blobs/` by name, as they are
(encrypted in an encrypted profile): a blob already there is not copied again, and a hard link is
used where the file system allows, so a month of backups holds one copy of each photo and costs no
second copy on disk. Blobs are immutable (the name is a keyed hash of the content) and never
removed from a profile, so they are not rotated with the database files. A restore puts back any
blob the profile lacks.
"""

from __future__ import annotations

import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from gridkeeper import paths
from gridkeeper.store import blobs

log = logging.getLogger("gridkeeper.store.backups")


def backup_blobs_dir(root: Path) -> Path:
    return paths.backups_dir(root) / "blobs"


def _copy(source: Path, target: Path) -> None:
    paths.private_dir(target.parent)
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    temp.unlink(missing_ok=True)
    try:
        os.link(source, temp)  # no second copy on disk where hard links work
    except OSError:
        shutil.copyfile(source, temp)
        os.chmod(temp, paths.PRIVATE_FILE)
    os.replace(temp, target)


def _sync(source_root: Path, target_root: Path) -> int:
    copied = 0
    if not source_root.is_dir():
        return 0
    for sub in source_root.iterdir():
        if not sub.is_dir() or sub.is_symlink():
            continue
        for f in sub.iterdir():
            if not blobs.NAME_RE.match(f.name) or not f.is_file() or f.is_symlink():
                continue
            target = target_root / sub.name / f.name
            if not target.exists():
                _copy(f, target)
                copied += 1
    return copied


def keep(root: Path) -> int:
    """After a backup: every blob of the profile is in the backups too. The number copied."""
    try:
        copied = _sync(blobs.blobs_dir(root), backup_blobs_dir(root))
    except OSError as exc:  # the database backup stands; the photos are tried again at the next one
        log.warning("photos not backed up: %s", exc)
        return 0
    if copied:
        log.info("backed up %d photo(s) and scan(s)", copied)
    return copied


def put_back(root: Path) -> int:
    """After a restore: any blob the backups hold and the profile lacks is put back. The number."""
    return _sync(backup_blobs_dir(root), blobs.blobs_dir(root))


@dataclass(frozen=True)
class BlobSummary:
    count: int
    size: int  # bytes


def summary(root: Path) -> BlobSummary:
    """How many photos and scans the profile keeps, and their size (the backup list says so)."""
    return BlobSummary(len(blobs.names(root)), blobs.total_bytes(root))
