"""Start the desktop app: translators, the profile, who is using it, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from gridkeeper import logs
from gridkeeper import settings as cfg
from gridkeeper.errors import GridKeeperError
from gridkeeper.settings import Settings
from gridkeeper.ui import i18n

# Preferred UI fonts with Simplified Chinese glyph shapes, first found wins.
CJK_FAMILIES = ("Noto Sans CJK SC", "Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC",
                "Source Han Sans SC", "WenQuanYi Micro Hei")


def _choose_font(app: QApplication) -> None:
    families = set(QFontDatabase.families())
    for family in CJK_FAMILIES:
        if family in families:
            font = QFont(app.font())
            font.setFamilies([family, *app.font().families()])
            app.setFont(font)
            return


class Controller:
    """Owns the store and the window; rebuilds the window when the language changes."""

    def __init__(self, app: QApplication, root: Path, store, settings: Settings) -> None:  # type: ignore[no-untyped-def]
        self.app, self.root, self.store, self.settings = app, root, store, settings
        self.window = None

    def show(self, language: str) -> None:
        from gridkeeper.ui.main_window import MainWindow

        old = self.window
        self.window = MainWindow(self.store, self.settings, language)
        self.window.language_chosen.connect(self.switch_language)
        if old is not None:
            self.window.restoreGeometry(old.saveGeometry())
            old.deleteLater()
            old.hide()
        self.window.show()

    def switch_language(self, setting: str) -> None:
        self.settings.set(cfg.LANGUAGE, setting)
        language = i18n.install(self.app, setting)
        QTimer.singleShot(0, lambda: self.show(language))


def run(root: Path, passphrase: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("GridKeeper")
    app.setOrganizationName("GridKeeper")
    settings = Settings(root)
    language = i18n.install(app, settings.get(cfg.LANGUAGE))
    _choose_font(app)
    logs.setup(root)

    from gridkeeper.places import profile
    from gridkeeper.store import open_store

    try:
        store = open_store(root, passphrase)
    except GridKeeperError as exc:
        QMessageBox.critical(None, QCoreApplication.translate("App", "GridKeeper"),
                             exc.translated(QCoreApplication.translate))
        return 2
    if profile.current_cadre(store) is None:
        from gridkeeper.ui.cadre_dialog import CadreDialog

        CadreDialog(store).exec()  # cancel: carry on showing everything; File > Change user later
    controller = Controller(app, root, store, settings)  # type: ignore[arg-type]
    controller.show(language)
    try:
        return app.exec()
    finally:
        store.close()
