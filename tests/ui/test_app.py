"""Starting the app: a profile it cannot open is explained; the language switch rebuilds the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from gridkeeper import settings as cfg
from gridkeeper.settings import Settings
from gridkeeper.store import Store, open_store
from gridkeeper.ui import app as app_module
from gridkeeper.ui import i18n

pytestmark = pytest.mark.gui


def test_an_encrypted_profile_asks_for_its_passphrase_and_quit_opens_nothing(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer

    from gridkeeper.ui.passphrase import UnlockDialog

    root = tmp_path / "locked"
    open_store(root, passphrase="秘密口令 2026").close()
    Settings(root).set(cfg.LANGUAGE, "zh_CN")
    seen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, UnlockDialog):
            QTimer.singleShot(10, answer)
            return
        seen.append(dialog.windowTitle())
        dialog.reject()

    QTimer.singleShot(0, answer)
    try:
        assert app_module.run(root) == 0
    finally:
        i18n.install(QApplication.instance(), "en")
    assert seen == ["打开网格管家"]


def test_a_profile_it_cannot_open_is_explained(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path / "damaged"
    open_store(root, passphrase="秘密口令 2026").close()
    (root / "profile.key").write_text("{}")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    Settings(root).set(cfg.LANGUAGE, "zh_CN")
    try:
        assert app_module.run(root, "秘密口令 2026") == 2
    finally:
        i18n.install(QApplication.instance(), "en")
    assert len(shown) == 1 and shown[0].startswith("密钥文件") and "profile.key" in shown[0]


def test_language_switch_rebuilds_the_window_in_chinese(qtbot, demo_store: Store) -> None:  # type: ignore[no-untyped-def]
    qapp = QApplication.instance()
    settings = Settings(demo_store.root)
    controller = app_module.Controller(qapp, demo_store.root, demo_store, settings)
    try:
        controller.show("en")
        first = controller.window
        assert first.windowTitle() == "GridKeeper"
        first.language_chosen.emit("zh_CN")
        qtbot.waitUntil(lambda: controller.window is not first, timeout=3000)
        assert controller.window.windowTitle() == "网格管家"
        assert [controller.window.nav.item(i).text() for i in (0, 1)] == ["今日", "住户档案"]
        assert Settings(demo_store.root).get(cfg.LANGUAGE) == "zh_CN"
    finally:
        i18n.install(qapp, "en")
        controller.window.close()
