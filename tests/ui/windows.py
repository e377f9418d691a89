"""Opening the main window on a profile, for UI tests."""

from __future__ import annotations

from gridkeeper.settings import Settings
from gridkeeper.store import Store
from gridkeeper.ui.main_window import MainWindow


def window(qtbot, store: Store) -> MainWindow:  # type: ignore[no-untyped-def]
    """The main window in English, shown, closed with the test."""
    w = MainWindow(store, Settings(store.root), "en")
    qtbot.addWidget(w)
    w.show()
    return w
