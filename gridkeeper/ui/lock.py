"""The lock: after a while without use, or on Lock now (Ctrl+L), no record stays on screen.

The controller (app.py) destroys the main window and every dialog on lock, so
no page, model or form keeps personal data in a widget, and shows a LockWindow
instead; the unlock builds a new main window, as the language switch does. The
store stays open (a sync under way finishes), the key stays in memory: this is
a screen lock, against the person who sits down at an unattended laptop.

What the app put on the clipboard goes too: ClipboardGuard remembers (by hash)
each text copied while GridKeeper was the active application or owned the
clipboard, and clears the clipboard on lock if it still holds one of them (a
text copied from another program since is left alone).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from gridkeeper.store import encryption
from gridkeeper.ui.passphrase import UnlockPanel

_USER_INPUT = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.TabletPress,
}


class IdleWatcher(QObject):
    """Emits `idle` once after `seconds` without a key press, click, wheel or mouse move in the app."""

    idle = Signal()

    def __init__(self, seconds: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self.set_seconds(seconds)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def set_seconds(self, seconds: int) -> None:
        self.timer.setInterval(max(1, seconds) * 1000)

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in _USER_INPUT and self.timer.isActive():
            self.timer.start()  # from now again
        return False

    def close(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class ClipboardGuard(QObject):
    """Remembers what GridKeeper copied; `clear()` empties the clipboard if it still holds one of those."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ours: set[str] = set()
        self._clipboard = QGuiApplication.clipboard()
        self._clipboard.dataChanged.connect(self._changed)

    def _changed(self) -> None:
        text = self._clipboard.text()
        if not text:
            return
        active = QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive
        if active or self._clipboard.ownsClipboard():
            self._ours.add(_digest(text))

    def holds_ours(self) -> bool:
        text = self._clipboard.text()
        return bool(text) and (self._clipboard.ownsClipboard() or _digest(text) in self._ours)

    def clear(self) -> bool:
        """True when there was something of ours to clear."""
        if not self.holds_ours():
            return False
        self._clipboard.clear()
        self._ours.clear()
        return True


class LockWindow(QWidget):
    """What the screen shows while GridKeeper is locked: no record, a passphrase field."""

    unlocked = Signal()
    quit_requested = Signal()

    def __init__(self, root: Path, encrypted: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockWindow")
        self.setWindowTitle(self.tr("GridKeeper (locked)"))
        self._root = root
        title = QLabel(self.tr("GridKeeper is locked"))
        title.setObjectName("lockTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        if encrypted:
            text = self.tr("The records are hidden. Type the passphrase to go on.")
        else:
            text = self.tr("The records are hidden. This profile has no passphrase: anybody at this "
                           "computer can show them again. Encrypt it from the File menu.")
        body = QLabel(text)
        body.setWordWrap(True)
        self.panel = UnlockPanel(self._check if encrypted else None)
        self.panel.opened.connect(self._opened)
        box = QWidget()
        box.setMaximumWidth(520)
        inner = QVBoxLayout(box)
        inner.addWidget(title)
        inner.addWidget(body)
        inner.addSpacing(12)
        inner.addWidget(self.panel)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.resize(900, 600)

    def _check(self, passphrase: str) -> bool:
        from gridkeeper.errors import WrongPassphrase

        if not encryption.unlocks(self._root, passphrase):
            raise WrongPassphrase()
        return True

    def _opened(self, _value: object) -> None:
        self.unlocked.emit()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().showEvent(event)
        self.panel.field.setFocus()
