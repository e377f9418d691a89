"""Answering a modal dialog in a UI test (exec() blocks the test until the dialog closes)."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget


def later(kind: type, act: Callable[[QWidget], None]) -> None:
    """Run `act` on the modal dialog `kind` once it is open.

    Gives up after 10 s: a poller whose dialog never opened would take a later test's dialog."""
    deadline = time.monotonic() + 10

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            if time.monotonic() < deadline:
                QTimer.singleShot(10, run)
            return
        act(dialog)

    QTimer.singleShot(0, run)
