"""Typing as a cadre does: Latin letters as key presses, Chinese as IME commits.

QTest can only press keys it knows (ASCII); a Chinese input method delivers
finished characters in a QInputMethodEvent, which is what we send.
"""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(qtbot, widget: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)
