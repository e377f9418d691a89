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
