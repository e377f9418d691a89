"""The Sync page with an office on a GridKeeper server: the one field takes a server's address, joining
with the server's code admits the laptop at once, the page says which the office is on, and syncs go
through the server. A real server on 127.0.0.1 (the page's jobs open their own HTTPS connections)."""

from __future__ import annotations

from pathlib import Path

import pytest

from gridkeeper import settings as cfg
from gridkeeper.server import offices
from gridkeeper.settings import Settings
from gridkeeper.store import open_store
from gridkeeper.sync import office, remote
from gridkeeper.ui.main_window import MainWindow
from tests.server.test_socket import Running
from tests.ui.test_sync_ui import add_person, sync_page
from tests.ui.windows import window

pytestmark = pytest.mark.gui


def test_join_and_sync_through_a_server_on_the_page(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    running = Running(tmp_path / "server")
    made = offices.create(running.engine, "塘川街道", running.fingerprint)
    a, b = open_store(tmp_path / "a"), open_store(tmp_path / "b")
    try:
        w = window(qtbot, a)
        page = sync_page(qtbot, w)
        page.folder.setText(running.url)
        page.setup.code.setText(made.code.lower())
        with qtbot.waitSignal(page.ended, timeout=30_000):
            page.setup.join_button.click()
        assert office.office_id(a) == made.office and office.is_admin(a)  # the server's code: admitted at once
        assert page.in_use.text() == f"This office is on the GridKeeper server {running.url}."
        assert Settings(a.root).get(cfg.SYNC_FOLDER) == running.url
        add_person(a)
        with qtbot.waitSignal(page.ended, timeout=30_000):
            page.sync_button.click()
        assert page.outcome is not None and page.outcome.result is not None
        assert page.outcome.result.status == "ok" and page.outcome.result.pushed_changes == 5
        with qtbot.waitSignal(page.ended, timeout=30_000):  # an admin laptop's code for laptop b
            page.office_box.invite_button.click()
        assert page.invite is not None
        assert remote.join(b, running.url, page.invite.code)[1] is False
        with qtbot.waitSignal(page.ended, timeout=30_000):
            page.sync_button.click()
        assert page.outcome.result is not None and page.outcome.result.admitted == [b.device_id]
        assert remote.sync_server(b).pulled_changes == 5
        running.stop()
        with qtbot.waitSignal(page.ended, timeout=30_000):
            page.sync_button.click()
        assert "cannot be reached" in page.report.text()
    finally:
        running.stop()
        a.close()
        b.close()


def test_the_page_in_chinese_names_the_server(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from gridkeeper.ui import i18n
    from gridkeeper.ui.app import _choose_font

    running = Running(tmp_path / "server")
    made = offices.create(running.engine, "塘川街道", running.fingerprint)
    a = open_store(tmp_path / "a")
    app = QApplication.instance()
    try:
        remote.join(a, running.url, made.code)
        assert remote.sync_server(a).status == "ok"
        assert i18n.install(app, "zh_CN") == "zh_CN"
        _choose_font(app)
        w = MainWindow(a, Settings(a.root), "zh_CN")
        qtbot.addWidget(w)
        w.resize(1280, 800)
        w.show()
        w.nav.setCurrentRow(w.pages.indexOf(w.sync_page))
        page = w.sync_page
        assert page.in_use.text() == f"本单位的数据在网格管家服务器 {running.url} 上。"
        assert page.intro.text().startswith("各台电脑通过本单位的网格管家服务器交换修改")
        assert page.folder.text() == running.url
        qtbot.waitUntil(lambda: "服务器可访问" in w.sync_status.text(), timeout=10_000)
        qtbot.wait(50)
        shot = tmp_path / "sync-server-zh.png"
        assert w.grab().save(str(shot)) and shot.stat().st_size > 10_000
        import shutil

        shutil.copy(shot, Path("/tmp") / "gk-sync-server-zh.png")
    finally:
        i18n.install(app, "en")
        running.stop()
        a.close()
