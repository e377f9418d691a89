"""Start the desktop app: translators, the profile and its passphrase, who is using it, the main window.

The controller owns the store and the window: it rebuilds the window when the
language changes, replaces it with the lock screen (ui/lock.py) after a while
without use or on Lock now, swaps the profile for a restore or an encryption
in place, and makes the day's backup in the background.

The passphrase is asked only by `run()` (the app started for real): a new
profile asks for one (first run), an encrypted one for its own; tests build
windows directly and never see either.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThreadPool, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog

from gridkeeper import clock, logs
from gridkeeper import settings as cfg
from gridkeeper.errors import QT_TRANSLATE_NOOP, GridKeeperError, WrongPassphrase
from gridkeeper.settings import Settings
from gridkeeper.store import Store, backups, encryption, keyfile, open_store
from gridkeeper.store.encryption import State
from gridkeeper.ui import i18n
from gridkeeper.ui.app_icon import app_icon
from gridkeeper.ui.lock import ClipboardGuard, IdleWatcher, LockWindow
from gridkeeper.ui.worker import Job, database_pool

log = logging.getLogger("gridkeeper.ui")

# Preferred UI fonts with Simplified Chinese glyph shapes, first found wins.
CJK_FAMILIES = ("Noto Sans CJK SC", "Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC",
                "Source Han Sans SC", "WenQuanYi Micro Hei")

# What the controller and start-up say (context "App"), translated where shown.
_TITLE = QT_TRANSLATE_NOOP("App", "GridKeeper")
_RESTORING = QT_TRANSLATE_NOOP("App", "Restoring the profile from the backup of {date}…")
_RESTORED = QT_TRANSLATE_NOOP(
    "App", "The profile was restored from the backup of {date}. The profile as it was is kept as a backup too. "
           "For sync this laptop is now a new one: it joins its office again (gridkeeper office join with a code "
           "from an admin, or gridkeeper office rejoin if it was the admin laptop).")
_ENCRYPT_TITLE = QT_TRANSLATE_NOOP("App", "Encrypt this profile")
_ENCRYPT_INTRO = QT_TRANSLATE_NOOP(
    "App", "Choose a passphrase. GridKeeper then encrypts the profile and its backups, and asks for the passphrase "
           "at every start and after it locks. A backup is made first.")
_WELCOME_TITLE = QT_TRANSLATE_NOOP("App", "Welcome to GridKeeper")
_WELCOME_INTRO = QT_TRANSLATE_NOOP(
    "App", "Choose a passphrase for the records on this laptop. GridKeeper encrypts them with it, and asks for it "
           "at every start and after it locks.")
_OFFER = QT_TRANSLATE_NOOP(
    "App", "This profile is not encrypted: anybody who copies its folder can read the records. Encrypt it now? "
           "A backup is made first.")
_ENCRYPT_BUTTON = QT_TRANSLATE_NOOP("App", "Encrypt…")
_NOT_NOW = QT_TRANSLATE_NOOP("App", "Not now")
_NEVER = QT_TRANSLATE_NOOP("App", "Never for this profile")


def _tr(text: str) -> str:
    return QCoreApplication.translate("App", text)


#: How often the app looks whether a new day (and so a daily backup) has begun while it runs.
DAILY_CHECK_MS = 30 * 60_000


def _choose_font(app: QApplication) -> None:
    families = set(QFontDatabase.families())
    for family in CJK_FAMILIES:
        if family in families:
            font = QFont(app.font())
            font.setFamilies([family, *app.font().families()])
            app.setFont(font)
            return


class Controller:
    """Owns the store and the window; rebuilds the window when the language changes or after a lock."""

    def __init__(self, app: QApplication, root: Path, store: Store, settings: Settings) -> None:
        self.app, self.root, self.store, self.settings = app, root, store, settings
        self.window: Any = None
        self.lock_window: LockWindow | None = None
        self.language = i18n.resolve(settings.get(cfg.LANGUAGE))
        self.clipboard = ClipboardGuard()
        self.idle: IdleWatcher | None = None
        self._daily: QTimer | None = None
        self._jobs: set[Job] = set()

    # -- the window ----------------------------------------------------------------

    def show(self, language: str) -> None:
        from gridkeeper.ui.main_window import MainWindow

        self.language = language
        old = self.window
        self.window = MainWindow(self.store, self.settings, language)
        self.window.language_chosen.connect(self.switch_language)
        self.window.lock_requested.connect(self.lock)
        self.window.restore_requested.connect(self.restore)
        self.window.encrypt_requested.connect(self.encrypt)
        self.window.lock_seconds_changed.connect(self._lock_seconds)
        if old is not None:
            self.window.restoreGeometry(old.saveGeometry())
            old.deleteLater()
            old.hide()
        self.window.show()

    def switch_language(self, setting: str) -> None:
        self.settings.set(cfg.LANGUAGE, setting)
        language = i18n.install(self.app, setting)
        QTimer.singleShot(0, lambda: self.show(language))

    def _drop_window(self) -> Any:
        """Hide the main window at once and delete it once no dialog of it is still running: nothing of the
        records stays on screen or in a widget. Its geometry, for the next one."""
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
        while (popup := QApplication.activePopupWidget()) is not None:
            popup.close()
        old, self.window = self.window, None
        if old is None:
            return None
        geometry = old.saveGeometry()
        old.hide()

        def delete_when_free() -> None:
            if QApplication.activeModalWidget() is not None:  # a rejected dialog's exec() still unwinding
                QTimer.singleShot(50, delete_when_free)
            else:
                old.deleteLater()

        QTimer.singleShot(0, delete_when_free)
        return geometry

    # -- the lock ------------------------------------------------------------------

    @property
    def locked(self) -> bool:
        return self.lock_window is not None

    def watch_idle(self, seconds: int | None = None) -> None:
        """Lock after `seconds` (default: the setting) without use."""
        seconds = seconds or self.settings.get(cfg.LOCK_IDLE_SECONDS)
        if self.idle is None:
            self.idle = IdleWatcher(seconds)
            self.idle.idle.connect(self.lock)
        self.idle.set_seconds(seconds)
        if not self.locked:
            self.idle.start()

    def _lock_seconds(self, seconds: int) -> None:
        if self.idle is not None:
            self.watch_idle(seconds)

    def lock(self) -> None:
        """Hide every record (the window goes), clear what we put on the clipboard, show the lock screen."""
        if self.locked:
            return
        if self.idle is not None:
            self.idle.stop()
        self.clipboard.clear()
        geometry = self._drop_window()
        self.lock_window = LockWindow(self.root, self.store.encrypted)
        if geometry is not None:
            self.lock_window.restoreGeometry(geometry)
        self.lock_window.unlocked.connect(self.unlock)
        self.lock_window.show()
        log.info("locked")

    def unlock(self) -> None:
        if self.lock_window is None:
            return
        screen, self.lock_window = self.lock_window, None
        self.show(self.language)
        self.window.restoreGeometry(screen.saveGeometry())
        screen.hide()
        screen.deleteLater()
        if self.idle is not None:
            self.idle.start()
        log.info("unlocked")

    # -- backups -------------------------------------------------------------------

    def start_housekeeping(self) -> None:
        """The idle lock, and the day's backup now (soon after start) and whenever a new day begins."""
        self.watch_idle()
        self._daily = QTimer()
        self._daily.timeout.connect(self.daily_backup)
        self._daily.start(DAILY_CHECK_MS)
        QTimer.singleShot(3000, self.daily_backup)

    def daily_backup(self) -> None:
        if not backups.daily_due(self.root) or any(j.is_running() for j in self._jobs):
            return
        store = self.store
        self._run(Job(lambda _p, _c: backups.ensure_daily(store)), QThreadPool.globalInstance(),
                  done=lambda made: log.info("daily backup %s", getattr(made, "name", None)),
                  failed=lambda message: self._say(message))

    def _run(self, job: Job, pool: QThreadPool, *, done: Any, failed: Any) -> None:
        self._jobs.add(job)

        def finished(value: object) -> None:
            self._jobs.discard(job)
            done(value)

        def went_wrong(message: str) -> None:
            self._jobs.discard(job)
            failed(message)

        job.finished.connect(finished)
        job.failed.connect(went_wrong)
        job.start(pool)

    def _say(self, message: str) -> None:
        if self.window is not None:
            self.window.statusBar().showMessage(message, 20000)

    def _busy(self, text: str) -> QProgressDialog:
        dialog = QProgressDialog(text, "", 0, 0)
        dialog.setCancelButton(None)  # type: ignore[arg-type]
        dialog.setWindowTitle(_tr(_TITLE))
        dialog.setMinimumDuration(0)
        dialog.show()
        return dialog

    def restore(self) -> None:
        from gridkeeper.sync import identity
        from gridkeeper.ui.backups_dialog import RestoreDialog

        dialog = RestoreDialog(self.root, self.window)
        if not dialog.exec() or dialog.chosen is None:
            return
        chosen = dialog.chosen
        self._wait_for_jobs()
        key = self.store.key
        geometry = self._drop_window()
        busy = self._busy(_tr(_RESTORING).format(date=f"{chosen.taken:%Y-%m-%d %H:%M}"))
        store = self.store

        def done(result: object) -> None:
            busy.close()
            self._reopen(key, geometry)
            QMessageBox.information(self.window, _tr(_TITLE),
                                    _tr(_RESTORED).format(date=f"{chosen.taken:%Y-%m-%d %H:%M}"))

        def failed(message: str) -> None:
            busy.close()
            self._reopen(key, geometry)
            QMessageBox.warning(self.window, _tr(_TITLE), message)

        self._run(Job(lambda _p, _c: identity.restore(store, chosen)), database_pool(), done=done, failed=failed)

    def _wait_for_jobs(self) -> None:
        for job in list(self._jobs):
            job.wait()
        QCoreApplication.processEvents()

    def _reopen(self, key: bytes | None, geometry: Any) -> None:
        self.store.close()
        self.store = open_store(self.root, key=key)
        self.show(self.language)
        if geometry is not None:
            self.window.restoreGeometry(geometry)

    def encrypt(self) -> None:
        """Encrypt this unencrypted profile in place (File menu): the window goes, the store is closed for the
        conversion and opened again under the new key."""
        from gridkeeper.ui.passphrase import NewPassphraseDialog

        self._wait_for_jobs()
        geometry = self._drop_window()
        self.store.close()
        root = self.root
        dialog = NewPassphraseDialog(_tr(_ENCRYPT_TITLE), _tr(_ENCRYPT_INTRO),
                                     work=lambda _current, new: encryption.encrypt(root, new))
        key = dialog.result_value if dialog.exec() else None
        self._reopen(key, geometry)

    def close(self) -> None:
        if self.idle is not None:
            self.idle.close()
        if self._daily is not None:
            self._daily.stop()
        self._wait_for_jobs()
        self.store.close()


# -- start-up ------------------------------------------------------------------------


def _first_run(root: Path) -> Store | None:
    from gridkeeper.ui.passphrase import NewPassphraseDialog

    def make_key(_current: str | None, new: str) -> bytes:
        key = keyfile.new_key()
        keyfile.write(root, key, new)  # Argon2id: in the dialog's worker, not on the UI thread
        return key

    dialog = NewPassphraseDialog(_tr(_WELCOME_TITLE), _tr(_WELCOME_INTRO), work=make_key)
    if not dialog.exec():
        return None
    return open_store(root, key=dialog.result_value)


def _unlock(root: Path, passphrase: str | None) -> Store | None:
    from gridkeeper.ui.passphrase import UnlockDialog

    if passphrase:
        try:
            return open_store(root, passphrase)
        except WrongPassphrase:
            pass  # the one given on the command line: ask instead

    # Argon2id, and for an old-style profile its conversion, run in the dialog's worker.
    dialog = UnlockDialog(root, lambda typed: encryption.unlock(root, typed))
    if not dialog.exec():
        return None
    return open_store(root, key=dialog.key)


def _offer_encryption(root: Path, store: Store, settings: Settings) -> Store:
    """An unencrypted profile (made before passphrases, or by `gridkeeper demo`): offer to encrypt it."""
    if settings.get(cfg.KEEP_UNENCRYPTED):
        return store
    from gridkeeper.ui.passphrase import NewPassphraseDialog

    box = QMessageBox(QMessageBox.Icon.Question, _tr(_TITLE), _tr(_OFFER))
    encrypt = box.addButton(_tr(_ENCRYPT_BUTTON), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_tr(_NOT_NOW), QMessageBox.ButtonRole.RejectRole)
    never = box.addButton(_tr(_NEVER), QMessageBox.ButtonRole.DestructiveRole)
    box.exec()
    if box.clickedButton() is never:
        settings.set(cfg.KEEP_UNENCRYPTED, True)
    if box.clickedButton() is not encrypt:
        return store
    store.close()
    dialog = NewPassphraseDialog(_tr(_ENCRYPT_TITLE), _tr(_ENCRYPT_INTRO),
                                 work=lambda _current, new: encryption.encrypt(root, new))
    key = dialog.result_value if dialog.exec() else None
    return open_store(root, key=key)


def open_profile(root: Path, passphrase: str | None, settings: Settings) -> Store | None:
    """The profile, asking what needs asking; None when the person chose to quit."""
    state = encryption.state(root)
    if state is State.NEW:
        return open_store(root, passphrase) if passphrase else _first_run(root)
    if state in (State.WRAPPED, State.LEGACY):
        return _unlock(root, passphrase)
    store = open_store(root)  # plain: a passphrase given for it is not needed (and not "wrong")
    return _offer_encryption(root, store, settings)


#: Set (to anything): the app quits once its main window has painted, printing when that was as
#: "first paint at <Unix time>". CI's smoke test of the bundle and benchmarks/bench_bundle.py use it.
QUIT_AFTER_PAINT = "GRIDKEEPER_QUIT_AFTER_PAINT"


class _FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not getattr(self, "seen", False):
            self.seen = True
            if sys.stdout is not None:
                print(f"first paint at {clock.machine_seconds():.4f}", flush=True)
            QTimer.singleShot(0, QCoreApplication.quit)
        return False


def _quit_after_first_paint(app: QApplication, window: QObject) -> None:
    watcher = _FirstPaint(app)
    window.installEventFilter(watcher)


def start(app: QApplication, root: Path, passphrase: str | None = None) -> Controller | int:
    """Everything before the event loop: the first start's questions, the profile, who uses it, the
    window. The controller, or the exit status when it stopped before (0: the person chose to quit)."""
    app.setApplicationName("GridKeeper")
    app.setOrganizationName("GridKeeper")
    app.setWindowIcon(app_icon())  # every window and dialog, and the taskbar on Linux
    settings = Settings(root)
    _choose_font(app)
    from gridkeeper.ui.language_dialog import first_run_language

    # Asked once, before the passphrase; never by a smoke test or a benchmark (nobody to answer).
    language = first_run_language(app, root, settings, ask=not os.environ.get(QUIT_AFTER_PAINT))
    logs.setup(root)

    from gridkeeper.places import profile

    try:
        store = open_profile(root, passphrase, settings)
    except GridKeeperError as exc:
        QMessageBox.critical(None, _tr(_TITLE), exc.translated(QCoreApplication.translate))
        return 2
    if store is None:
        return 0
    if profile.current_cadre(store) is None:
        from gridkeeper.ui.cadre_dialog import CadreDialog

        CadreDialog(store).exec()  # cancel: carry on showing everything; File > Change user later
    controller = Controller(app, root, store, settings)
    controller.show(language)
    if os.environ.get(QUIT_AFTER_PAINT):
        _quit_after_first_paint(app, controller.window)
    controller.start_housekeeping()
    return controller


def run(root: Path, passphrase: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    started = start(app, root, passphrase)
    if isinstance(started, int):
        return started
    try:
        return app.exec()
    finally:
        started.close()
