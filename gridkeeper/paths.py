"""Where a profile lives on disk: one data dir per profile.

Resolution order: an explicit `--data-dir`, then `GRIDKEEPER_DATA_DIR`, then the
platform's user data dir. Tests and the portable bundle use the first two.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATA_DIR = "GRIDKEEPER_DATA_DIR"
APP_NAME = "GridKeeper"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    if override:
        return Path(override).expanduser().resolve()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser().resolve()
    import platformdirs  # imported here: only the fallback needs it

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def database_path(root: Path) -> Path:
    return root / "gridkeeper.db"


def backups_dir(root: Path) -> Path:
    return root / "backups"


def logs_dir(root: Path) -> Path:
    return root / "logs"


def settings_path(root: Path) -> Path:
    return root / "settings.json"


def key_path(root: Path) -> Path:
    """The profile key, wrapped by the passphrase (store/keyfile.py); only in an encrypted profile."""
    return root / "profile.key"


# -- modes: a profile is its owner's alone -------------------------------------------------------
#
# Folder 0700, files 0600: the database and its -wal/-shm (SQLite gives them the database
# file's mode), the key file, backups, logs, settings. Files are created with their mode
# (never created readable, then narrowed); tighten() narrows what an older version left.

PRIVATE_DIR, PRIVATE_FILE = 0o700, 0o600


def private_dir(folder: Path) -> Path:
    """Make `folder` (and missing parents) 0700 if it is new; narrow it to 0700 if it exists."""
    missing = []
    probe = folder
    while not probe.exists():
        missing.append(probe)
        probe = probe.parent
    for each in reversed(missing):
        each.mkdir(mode=PRIVATE_DIR, exist_ok=True)
    _chmod(folder, PRIVATE_DIR)
    return folder


def create_private(path: Path) -> None:
    """Create `path` empty with mode 0600 if it does not exist (SQLite then keeps that mode)."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0), PRIVATE_FILE)
    except FileExistsError:
        return
    os.close(fd)


def write_private(path: Path, data: bytes) -> None:
    """Write `path` whole (a temporary 0600 file, flushed, renamed over it)."""
    private_dir(path.parent)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(temp, os.O_CREAT | os.O_TRUNC | os.O_WRONLY | getattr(os, "O_BINARY", 0), PRIVATE_FILE)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(temp, path)


def _chmod(path: Path, mode: int) -> None:
    try:
        if (path.stat().st_mode & 0o777) != mode:
            os.chmod(path, mode)
    except OSError:  # a file system without modes (FAT, a share), or the file just went away
        pass


def tighten(root: Path) -> None:
    """Narrow the modes of a profile folder an older version (or a copy) left readable to others."""
    if not root.is_dir():
        return
    _chmod(root, PRIVATE_DIR)
    for entry in root.iterdir():
        if entry.is_symlink():
            continue
        if entry.is_dir() and entry.name in ("backups", "logs"):
            _chmod(entry, PRIVATE_DIR)
            for inner in entry.iterdir():
                if inner.is_file() and not inner.is_symlink():
                    _chmod(inner, PRIVATE_FILE)
        elif entry.is_file():
            _chmod(entry, PRIVATE_FILE)


def resource_dir(name: str) -> Path:
    """resources/<name> (translations, icons): beside the package in a checkout and in the bundle
    (build.spec puts resources/ beside gridkeeper/), or inside it when installed from a wheel."""
    import gridkeeper

    here = Path(gridkeeper.__file__).resolve().parent
    for candidate in (here / "resources" / name, here.parent / "resources" / name):
        if candidate.is_dir():
            return candidate
    return here.parent / "resources" / name
