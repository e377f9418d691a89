"""What every step of a roster import shares: progress, cancel, and the two ways it stops."""

from __future__ import annotations

from collections.abc import Callable

from gridkeeper.errors import QT_TRANSLATE_NOOP, GridKeeperError

Progress = Callable[[int, str], None]
Cancelled = Callable[[], bool]


class ImportCancelled(GridKeeperError):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("errors", "The import was cancelled; nothing was changed."))


class ProfileChangedDuringImport(GridKeeperError):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "errors",
            "The profile kept changing while the roster was being imported (a sync, or another window); "
            "nothing was imported. Import the roster again."))


class JoinedButNotSynced(GridKeeperError):
    """A laptop that joined an office takes in the office's data before it imports anything."""

    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "errors",
            "This laptop joined an office but has not synced with it yet. Sync first, so that the roster does "
            "not overwrite what colleagues have corrected since; nothing was imported."))


def quiet(_percent: int, _step: str) -> None:
    """Progress nobody follows."""


def never() -> bool:
    """Cancel nobody asks for."""
    return False
