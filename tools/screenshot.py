"""Save a PNG of the main window on a profile, for looking at the UI without a display.

    QT_QPA_PLATFORM=offscreen python tools/screenshot.py PROFILE_DIR OUT.png [zh_CN|en] [PAGE_ROW]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from gridkeeper.settings import Settings  # noqa: E402
from gridkeeper.store import open_store  # noqa: E402
from gridkeeper.ui import i18n  # noqa: E402
from gridkeeper.ui.main_window import MainWindow  # noqa: E402


def main() -> None:
    root, out = Path(sys.argv[1]), sys.argv[2]
    language = sys.argv[3] if len(sys.argv) > 3 else "zh_CN"
    row = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    app = QApplication([])
    i18n.install(app, language)
    store = open_store(root)
    window = MainWindow(store, Settings(root), language)
    window.resize(1280, 800)
    window.show()
    window.nav.setCurrentRow(row)
    for _ in range(20):
        app.processEvents()
    window.grab().save(out)
    store.close()


if __name__ == "__main__":
    main()
