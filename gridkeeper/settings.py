"""The one settings registry: every setting declared once with type, default and label.

Values live in <data dir>/settings.json; they are device-local preferences and
are never synced.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from gridkeeper import paths
from gridkeeper.errors import QT_TRANSLATE_NOOP

T = TypeVar("T")


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    type: type
    default: T
    label: str
    choices: tuple[T, ...] = ()
    bounds: tuple[T, T] | None = None  # lowest and highest allowed, both included

    def allows(self, value: object) -> bool:
        if not isinstance(value, self.type) or (isinstance(value, bool) and self.type is not bool):
            return False  # True is an int to Python, not a number of minutes to us
        if self.choices and value not in self.choices:
            return False
        return self.bounds is None or self.bounds[0] <= value <= self.bounds[1]  # type: ignore[operator]


LANGUAGE: Setting[str] = Setting(
    "language", str, "system", QT_TRANSLATE_NOOP("settings", "Language"), ("system", "en", "zh_CN")
)
SHOW_ALL_GRIDS: Setting[bool] = Setting(
    "show_all_grids", bool, False, QT_TRANSLATE_NOOP("settings", "Show all grids, not only mine")
)

SYNC_FOLDER: Setting[str] = Setting(
    "sync_folder", str, "", QT_TRANSLATE_NOOP("settings", "Shared folder for sync")
)

AUTO_SYNC_MINUTES: Setting[int] = Setting(
    "auto_sync_minutes", int, 0,
    QT_TRANSLATE_NOOP("settings", "Sync automatically every N minutes (0: off)"), bounds=(0, 240),
)

MEDIATION_OFFICE: Setting[str] = Setting(
    "mediation_office", str, "城南",
    QT_TRANSLATE_NOOP("settings", "Office name in mediation case numbers (〔2026〕城南调字第…号)"),
)

MEDIATION_COMMITTEE: Setting[str] = Setting(
    "mediation_committee", str, "城南街道人民调解委员会",
    QT_TRANSLATE_NOOP("settings", "People's mediation committee named on printed agreements"),
)

AREA_CODE: Setting[str] = Setting(
    "area_code", str, "",
    QT_TRANSLATE_NOOP("settings", "Area code for landlines written without one (empty: the street's own)"),
)

LOCK_IDLE_SECONDS: Setting[int] = Setting(
    "lock_idle_seconds", int, 5 * 60,
    QT_TRANSLATE_NOOP("settings", "Lock after this long without use (seconds)"), bounds=(1, 24 * 3600),
)

KEEP_UNENCRYPTED: Setting[bool] = Setting(
    "keep_unencrypted", bool, False,
    QT_TRANSLATE_NOOP("settings", "Do not offer to encrypt this unencrypted profile at start"),
)

REGISTRY: dict[str, Setting[Any]] = {
    s.key: s for s in (LANGUAGE, SHOW_ALL_GRIDS, SYNC_FOLDER, AUTO_SYNC_MINUTES, MEDIATION_OFFICE,
                       MEDIATION_COMMITTEE, AREA_CODE, LOCK_IDLE_SECONDS, KEEP_UNENCRYPTED)
}


class Settings:
    """Typed access to settings.json; unknown or ill-typed values fall back to defaults."""

    def __init__(self, root: Path) -> None:
        self._path = paths.settings_path(root)
        self._values: dict[str, Any] = {}
        try:
            raw = json.loads(self._path.read_text(encoding="utf-8"))
            if isinstance(raw, dict):
                self._values = raw
        except (OSError, ValueError):
            self._values = {}

    def get(self, setting: Setting[T]) -> T:
        value = self._values.get(setting.key, setting.default)
        return value if setting.allows(value) else setting.default  # type: ignore[no-any-return]

    def is_set(self, setting: Setting[T]) -> bool:
        """Whether the setting holds a value of its own (chosen once), not the default."""
        return setting.key in self._values and setting.allows(self._values[setting.key])

    def set(self, setting: Setting[T], value: T) -> None:
        if not setting.allows(value):
            raise ValueError(f"bad value for {setting.key}: {value!r}")
        self._values[setting.key] = value
        paths.write_private(self._path, json.dumps(self._values, ensure_ascii=False, indent=2).encode("utf-8"))
