"""The application's icon (window, taskbar, dialogs): the PNGs of resources/icons, drawn by tools/make_icons.py."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from gridkeeper import paths

#: The sizes tools/make_icons.py draws; Qt picks the nearest for each use.
SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    icon = QIcon()
    folder = paths.resource_dir("icons")
    for size in SIZES:
        png = folder / f"gridkeeper-{size}.png"
        if png.is_file():
            icon.addFile(str(png))
    return icon
