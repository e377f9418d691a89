"""Files and folders the office writes on the share: 0600 and 0700, written whole or not at all."""

from __future__ import annotations

import os
import uuid
from pathlib import Path


def private_dirs(folder: Path) -> None:
    """Make the folder and its missing parents 0700 (mkdir(parents=True) would leave the parents 0755)."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for each in reversed(missing):
        each.mkdir(mode=0o700, exist_ok=True)


def write_private(path: Path, data: bytes) -> None:
    """Create folders 0700 and the file 0600 (where the share's file system honours modes), atomically:
    a temporary name in the same folder, written whole and fsync'ed, renamed, the folder fsync'ed.
    An OSError leaves no temporary file behind and the old file, if any, as it was."""
    private_dirs(path.parent)
    temp = path.with_name(f".{path.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}.tmp")
    try:
        fd = os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0), 0o600)
        with os.fdopen(fd, "wb") as out:  # a file object writes it all (os.write may stop short)
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except OSError:
        try:
            temp.unlink(missing_ok=True)
        except OSError:
            pass
        raise
    fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    """Make the rename durable where the OS allows (not on Windows, not on some SMB mounts)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
