"""The passphrase at start, the lock (Ctrl+L and idle), the clipboard, changing the passphrase, restoring."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)
from sqlalchemy import text

from gridkeeper import settings as cfg
from gridkeeper.settings import Settings
from gridkeeper.store import Store, backups, encryption, keyfile, open_store
from gridkeeper.ui import app as app_module
from gridkeeper.ui.lock import LockWindow
from gridkeeper.ui.passphrase import NewPassphraseDialog, UnlockDialog

pytestmark = pytest.mark.gui

PASS = "网格员 2026 春"


@pytest.fixture
def locked_demo(small_demo_dir: Path, tmp_path: Path) -> Iterator[Store]:
    """An encrypted copy of the small demo street (cheap Argon2id parameters: tests/conftest.py)."""
    root = tmp_path / "demo"
    shutil.copytree(small_demo_dir, root)
    encryption.encrypt(root, PASS)
    store = open_store(root, PASS)
    yield store
    store.close()


@pytest.fixture
def controller(qtbot, locked_demo: Store) -> Iterator[app_module.Controller]:  # type: ignore[no-untyped-def]
    qapp = QApplication.instance()
    c = app_module.Controller(qapp, locked_demo.root, locked_demo, Settings(locked_demo.root))  # type: ignore[arg-type]
    c.show("en")
    qtbot.waitExposed(c.window)
    yield c
    if c.idle is not None:
        c.idle.close()
    for w in (c.window, c.lock_window):
        if w is not None and shiboken6.isValid(w):
            w.close()
            w.deleteLater()


def visible_texts() -> str:
    """Everything a person could read in the app's visible windows: labels, fields, buttons, titles, tables."""
    out: list[str] = []
    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        out.append(top.windowTitle())
        for w in [top, *top.findChildren(QWidget)]:
            if not w.isVisible():
                continue
            if isinstance(w, (QLabel, QLineEdit, QAbstractButton)):
                out.append(w.text())
            elif isinstance(w, QAbstractItemView) and w.model() is not None:
                model = w.model()
                root = w.rootIndex()
                try:
                    columns = model.columnCount(root)
                except TypeError:  # a list widget's model keeps it private: one column
                    columns = 1
                for r in range(min(model.rowCount(root), 200)):
                    for c in range(columns):
                        out.append(str(model.index(r, c, root).data() or ""))
    return "\n".join(out)


def names(store: Store) -> list[str]:
    with store.read() as conn:
        return [r[0] for r in conn.execute(text("SELECT name FROM person"))]


def shown(names_: list[str]) -> list[str]:
    seen = visible_texts()
    return [n for n in names_ if n in seen]


def when_modal(qtbot, kind: type, act: Callable[[QWidget], None]) -> None:  # type: ignore[no-untyped-def]
    """Act on the modal dialog of `kind` once it is open (exec() blocks the test until it closes)."""

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(10, run)
            return
        act(dialog)

    QTimer.singleShot(0, run)


def unlock_with(qtbot, screen: LockWindow, passphrase: str) -> None:  # type: ignore[no-untyped-def]
    screen.panel.field.setText(passphrase)
    qtbot.mouseClick(screen.panel.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not shiboken6.isValid(screen) or screen.panel.button.isEnabled(), timeout=5000)


# -- the lock ------------------------------------------------------------------------


def test_lock_now_hides_every_record_and_the_passphrase_brings_them_back(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    people = names(controller.store)
    controller.window.nav.setCurrentRow(1)  # the households page: a table full of names
    qtbot.waitUntil(lambda: bool(shown(people)), timeout=5000)
    old = controller.window
    lock = old.findChild(type(old.menuBar().actions()[0]), "lockAction")
    assert lock.shortcut().toString() == "Ctrl+L"
    lock.trigger()
    assert controller.locked and controller.window is None
    qtbot.waitUntil(lambda: not shiboken6.isValid(old), timeout=5000)  # the pages and their models are gone
    assert shown(people) == []
    screen = controller.lock_window
    assert screen.isVisible() and "locked" in screen.windowTitle()
    unlock_with(qtbot, screen, "not the passphrase")
    assert controller.locked and "wrong" in screen.panel.error.text() and screen.panel.field.text() == ""
    assert shown(people) == []
    unlock_with(qtbot, screen, PASS)
    qtbot.waitUntil(lambda: not controller.locked, timeout=5000)
    assert controller.window.isVisible()
    controller.window.nav.setCurrentRow(1)
    qtbot.waitUntil(lambda: bool(shown(people)), timeout=5000)


def test_lock_clears_the_clipboard_when_it_holds_what_the_app_copied(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    window = controller.window
    window.activateWindow()
    qtbot.waitActive(window)
    field = QLineEdit(window)
    field.setText("阳光花园3幢2单元501 张伟 138****8000")
    field.show()
    field.selectAll()
    field.copy()  # as a cadre copies an address out of a form
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text().startswith("阳光花园"), timeout=2000)
    controller.lock()
    assert QGuiApplication.clipboard().text() == ""


def test_lock_leaves_alone_what_another_program_put_on_the_clipboard(qtbot, controller, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from gridkeeper.ui import lock as lock_module

    class Elsewhere:  # another program had the focus when the clipboard changed
        @staticmethod
        def applicationState() -> Qt.ApplicationState:  # noqa: N802
            return Qt.ApplicationState.ApplicationInactive

        @staticmethod
        def clipboard():  # type: ignore[no-untyped-def]
            return QGuiApplication.clipboard()

    monkeypatch.setattr(lock_module, "QGuiApplication", Elsewhere)
    QGuiApplication.clipboard().setText("a recipe from a web page")
    QApplication.processEvents()
    controller.lock()
    assert QGuiApplication.clipboard().text() == "a recipe from a web page"


def test_the_idle_lock_fires_after_the_setting_and_use_puts_it_off(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    controller.settings.set(cfg.LOCK_IDLE_SECONDS, 1)
    controller.watch_idle()
    for _ in range(5):  # 1.5 s of typing: never a second without use
        qtbot.wait(300)
        qtbot.keyClick(controller.window, Qt.Key.Key_Shift)
    assert not controller.locked
    qtbot.waitUntil(lambda: controller.locked, timeout=4000)
    assert controller.window is None and controller.lock_window.isVisible()


def test_a_dialog_open_at_the_lock_goes_with_the_window(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    old = controller.window
    seen: list[str] = []

    def lock_while_open(box: QWidget) -> None:
        seen.append(box.windowTitle())
        controller.lock()

    when_modal(qtbot, QMessageBox, lock_while_open)
    old.about()  # a modal box, left open by someone who walked away
    assert seen and controller.locked
    qtbot.waitUntil(lambda: not shiboken6.isValid(old), timeout=5000)
    assert QApplication.activeModalWidget() is None


# -- the passphrase at start -----------------------------------------------------------


def test_first_run_asks_for_a_passphrase_twice_with_a_hint_and_encrypts(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path / "new"
    hints: list[str] = []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, NewPassphraseDialog)
        dialog.new.setText("1234")
        hints.append(dialog.hint.text.text())
        assert not dialog.ok.isEnabled()
        dialog.new.setText(PASS)
        hints.append(dialog.hint.text.text())
        dialog.again.setText(PASS + "x")
        assert not dialog.ok.isEnabled() and dialog.error.text()
        dialog.again.setText(PASS)
        assert dialog.ok.isEnabled()
        dialog.ok.click()

    when_modal(qtbot, NewPassphraseDialog, fill)
    store = app_module.open_profile(root, None, Settings(root))
    assert store is not None and store.encrypted
    assert hints[0].startswith("Too short") and hints[1] in ("Good.", "Strong.")
    store.close()
    assert keyfile.unwrap(root, PASS) == store.key


def test_quitting_the_first_run_prompt_makes_nothing(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path / "new"
    when_modal(qtbot, NewPassphraseDialog, lambda d: d.reject())
    assert app_module.open_profile(root, None, Settings(root)) is None
    assert not (root / "gridkeeper.db").exists() and not (root / "profile.key").exists()


def test_an_encrypted_profile_asks_for_its_passphrase_at_start(qtbot, locked_demo: Store) -> None:  # type: ignore[no-untyped-def]
    root = locked_demo.root
    locked_demo.close()
    tries: list[str] = []

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, UnlockDialog)
        panel = dialog.panel
        if not tries:
            panel.field.setText("wrong one")
            tries.append("wrong")
            panel.submit()
            qtbot.waitUntil(lambda: panel.button.isEnabled(), timeout=5000)
            tries.append(panel.error.text())
        panel.field.setText(PASS)
        panel.submit()

    when_modal(qtbot, UnlockDialog, answer)
    store = app_module.open_profile(root, None, Settings(root))
    assert store is not None and store.encrypted
    assert tries[1] == "The passphrase is wrong."
    store.close()


def test_an_unencrypted_profile_is_offered_encryption_and_keeps_its_rows(qtbot, demo_store: Store) -> None:  # type: ignore[no-untyped-def]
    root = demo_store.root
    before = names(demo_store)
    demo_store.close()

    def offered(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        encrypt = next(b for b in box.buttons() if b.text() == "Encrypt…")
        when_modal(qtbot, NewPassphraseDialog, choose)
        encrypt.click()

    def choose(dialog: QWidget) -> None:
        dialog.new.setText(PASS)  # type: ignore[attr-defined]
        dialog.again.setText(PASS)  # type: ignore[attr-defined]
        dialog.ok.click()  # type: ignore[attr-defined]

    when_modal(qtbot, QMessageBox, offered)
    store = app_module.open_profile(root, None, Settings(root))
    assert store is not None and store.encrypted and sorted(names(store)) == sorted(before)
    store.close()
    assert any(b.reason == "before-encryption" for b in backups.list_backups(root))


def test_never_for_this_profile_is_remembered(qtbot, demo_store: Store) -> None:  # type: ignore[no-untyped-def]
    root = demo_store.root
    demo_store.close()
    when_modal(qtbot, QMessageBox,
               lambda box: next(b for b in box.buttons() if b.text() == "Never for this profile").click())
    app_module.open_profile(root, None, Settings(root)).close()
    assert Settings(root).get(cfg.KEEP_UNENCRYPTED)
    store = app_module.open_profile(root, None, Settings(root))  # no question this time
    assert store is not None and not store.encrypted
    store.close()


# -- the passphrase and backups from the window ------------------------------------------


def test_change_passphrase_in_the_app_leaves_the_database_bytes(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    store = controller.store
    with store.read() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db = store.root / "gridkeeper.db"
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    errors: list[str] = []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, NewPassphraseDialog)
        dialog.current.setText("not it")
        dialog.new.setText("新口令 2027 夏天")
        dialog.again.setText("新口令 2027 夏天")
        dialog.ok.click()
        qtbot.waitUntil(lambda: bool(dialog.error.text()), timeout=5000)
        errors.append(dialog.error.text())
        dialog.current.setText(PASS)
        dialog.new.setText("新口令 2027 夏天")
        dialog.again.setText("新口令 2027 夏天")
        dialog.ok.click()

    when_modal(qtbot, NewPassphraseDialog, fill)
    controller.window.change_passphrase()
    assert errors == ["The current passphrase is wrong."]
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    assert encryption.unlocks(store.root, "新口令 2027 夏天") and not encryption.unlocks(store.root, PASS)


def test_restore_from_a_backup_in_the_app(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    from gridkeeper.ui.backups_dialog import RestoreDialog

    store = controller.store
    made = backups.create(store)
    old_device = store.device_id
    with store.begin() as conn:
        conn.execute(text("UPDATE person SET name = '改过的名字' WHERE id = (SELECT min(id) FROM person)"))
    listed: list[list[str]] = []

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, RestoreDialog)
        table = dialog.table
        listed.extend([[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())])
        dialog.pick(made.name)
        when_modal(qtbot, QMessageBox, lambda box: box.accept())
        dialog.restore_button.click()

    when_modal(qtbot, RestoreDialog, choose)
    controller.restore()
    qtbot.waitUntil(lambda: controller.window is not None and controller.store.device_id != old_device, timeout=10000)
    assert listed and listed[0][0] == f"{made.taken:%Y-%m-%d %H:%M}" and listed[0][2].endswith("MB")
    assert "改过的名字" not in names(controller.store)
    assert any(b.reason == "before-restore" for b in backups.list_backups(controller.store.root))
    assert controller.store.encrypted


def test_screenshots_in_chinese(qtbot, tmp_path: Path, controller) -> None:  # type: ignore[no-untyped-def]
    """Not an assertion of looks: the two screens saved for a person to look at (the path is printed)."""
    from gridkeeper.ui import i18n

    out = Path("/tmp/gridkeeper-screenshots")
    out.mkdir(exist_ok=True)
    qapp = QApplication.instance()
    try:
        i18n.install(qapp, "zh_CN")
        dialog = NewPassphraseDialog(QApplication.translate("App", app_module._WELCOME_TITLE),
                                     QApplication.translate("App", app_module._WELCOME_INTRO))
        qtbot.addWidget(dialog)
        dialog.new.setText("网格员 2026 春天")
        dialog.again.setText("网格员 2026")
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.adjustSize()
        assert dialog.windowTitle() == "欢迎使用网格管家"
        dialog.grab().save(str(out / "passphrase-prompt-zh.png"))
        controller.lock()
        screen = controller.lock_window
        screen.resize(900, 560)
        qtbot.waitExposed(screen)
        screen.panel.field.setText("abc")
        screen.panel.submit()
        qtbot.waitUntil(lambda: screen.panel.button.isEnabled(), timeout=5000)
        assert screen.windowTitle() == "网格管家（已锁定）"
        screen.grab().save(str(out / "locked-window-zh.png"))
    finally:
        i18n.install(qapp, "en")
    print(out)


def test_the_lock_window_of_an_unencrypted_profile_has_no_passphrase(qtbot, demo_store: Store) -> None:  # type: ignore[no-untyped-def]
    screen = LockWindow(demo_store.root, encrypted=False)
    qtbot.addWidget(screen)
    screen.show()
    assert not screen.panel.field.isVisible()
    with qtbot.waitSignal(screen.unlocked):
        qtbot.mouseClick(screen.panel.button, Qt.MouseButton.LeftButton)
    assert isinstance(screen.panel.button, QPushButton)


def test_the_days_backup_and_back_up_now(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    root = controller.root
    for b in backups.list_backups(root):  # the one encrypting the demo made: today is not due otherwise
        b.path.unlink()
    assert backups.daily_due(root)
    controller.daily_backup()  # what the timer does soon after start and when a day begins
    qtbot.waitUntil(lambda: not backups.daily_due(root), timeout=10000)
    qtbot.waitUntil(lambda: not controller._jobs, timeout=5000)
    made = backups.list_backups(root)
    assert [b.reason for b in made] == ["daily"]
    assert backups.verify(made[0].path, root, controller.store.key) is None
    controller.daily_backup()  # one a day
    assert len(backups.list_backups(root)) == 1
    window = controller.window
    action = next(x for m in window.menuBar().actions() for x in m.menu().actions()
                  if x.objectName() == "backUpAction")
    action.trigger()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Backed up and checked"), timeout=10000)
    assert sorted(b.reason for b in backups.list_backups(root)) == ["daily", "manual"]
