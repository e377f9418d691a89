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
    """Create folders 0700 and the file 0600 (where the share's file system honours modes), atomically."""
    private_dirs(path.parent)
    temp = path.with_name(f".{path.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}.tmp")
    fd = os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0), 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(temp, path)
