"""Asking for the passphrase: a new one (first run, encrypting, changing), or the one that opens the profile.

Checking a passphrase costs Argon2id's half second, and a conversion seconds:
both run in a worker Job while the dialog says so, never on the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gridkeeper.errors import WrongPassphrase
from gridkeeper.rules import passphrase as rules
from gridkeeper.ui.widgets import forms
from gridkeeper.ui.worker import Job


def _secret_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMinimumWidth(300)
    return field


class StrengthHint(QWidget):
    """A bar and a sentence under a new passphrase: how hard it would be to guess."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setObjectName("strength")
        self.bar.setRange(0, rules.STRONG)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(8)
        self.text = QLabel()
        self.text.setObjectName("strengthText")
        self.text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.text)
        self.show_for("")

    def show_for(self, passphrase: str) -> None:
        level = rules.strength(passphrase)
        words = {
            0: self.tr("Too short: at least {n} characters.").format(n=rules.MIN_LENGTH),
            rules.WEAK: self.tr("Weak: easy to guess. Add words, or mix in digits and signs."),
            rules.FAIR: self.tr("Fair. A few more characters make it much harder to guess."),
            rules.GOOD: self.tr("Good."),
            rules.STRONG: self.tr("Strong."),
        }
        colours = {0: "#b00020", rules.WEAK: "#b00020", rules.FAIR: "#c77700", rules.GOOD: "#2e7d32",
                   rules.STRONG: "#2e7d32"}
        self.bar.setValue(level)
        self.bar.setStyleSheet(f"QProgressBar::chunk {{ background: {colours[level]}; }}")
        self.text.setText(words[level])


class NewPassphraseDialog(QDialog):
    """A new passphrase typed twice, with a strength hint. `work(current, new)` runs in a Job on OK (encrypting
    a profile, rewrapping its key; `current` is None unless `ask_current`); the dialog closes when it has
    succeeded, and shows the error in words when it has not."""

    def __init__(self, title: str, intro: str, *, work: Callable[[str | None, str], Any] | None = None,
                 ask_current: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._work = work
        self._job: Job | None = None
        self.result_value: Any = None
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.intro.setMinimumWidth(460)
        self.current = _secret_field("currentPassphrase") if ask_current else None
        self.new = _secret_field("newPassphrase")
        self.again = _secret_field("againPassphrase")
        self.hint = StrengthHint()
        self.error = forms.error_label()
        self.busy = QLabel()
        self.busy.setObjectName("busy")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        if self.current is not None:
            form.addRow(self.tr("Current passphrase:"), self.current)
        form.addRow(self.tr("New passphrase:"), self.new)
        form.addRow("", self.hint)
        form.addRow(self.tr("Type it again:"), self.again)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        note = QLabel(self.tr("Nobody can open the profile or its backups without it, and it cannot be "
                              "recovered: write it down and keep it somewhere safe."))
        note.setWordWrap(True)
        layout.addWidget(note)
        for w in (self.error, self.busy, self.buttons):
            layout.addWidget(w)
        self.new.textChanged.connect(self._changed)
        self.again.textChanged.connect(self._changed)
        self._changed()
        (self.current or self.new).setFocus()

    def passphrase(self) -> str:
        return self.new.text()

    def _changed(self) -> None:
        text = self.new.text()
        self.hint.show_for(text)
        matches = bool(text) and text == self.again.text()
        self.ok.setEnabled(len(text) >= rules.MIN_LENGTH and matches)
        self.error.setText(self.tr("The two passphrases differ.") if self.again.text() and not matches
                           and len(self.again.text()) >= len(text) else "")

    def _accept(self) -> None:
        if not self.ok.isEnabled():
            return
        if self._work is None:
            self.accept()
            return
        work, new = self._work, self.new.text()
        current = self.current.text() if self.current is not None else None
        self._set_busy(True)
        job = Job(lambda _p, _c: work(current, new))
        job.finished.connect(self._done)
        job.failed.connect(self._failed)
        self._job = job
        job.start()

    def _done(self, value: object) -> None:
        self.result_value = value
        self._set_busy(False)
        self.accept()

    def _failed(self, message: str) -> None:
        self._set_busy(False)
        if self._job is not None and isinstance(self._job.error, WrongPassphrase) and self.current is not None:
            message = self.tr("The current passphrase is wrong.")
            self.current.clear()
            self.current.setFocus()
        self.error.setText(message)

    def _set_busy(self, busy: bool) -> None:
        for w in (self.current, self.new, self.again):
            if w is not None:
                w.setEnabled(not busy)
        self.ok.setEnabled(not busy)
        self.busy.setText(self.tr("Working… this takes a few seconds.") if busy else "")

    def reject(self) -> None:
        if self._job is not None and self._job.is_running():
            return  # a conversion under way is let finish
        super().reject()


class UnlockPanel(QWidget):
    """A passphrase field and an Open button; `check(passphrase)` runs in a Job and returns what the caller
    wants (the profile key); `opened` carries it. Used by the start-up dialog and the lock screen."""

    opened = Signal(object)

    def __init__(self, check: Callable[[str], Any] | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._check = check
        self._job: Job | None = None
        self.field = _secret_field("passphrase")
        self.button = QPushButton(self.tr("Open") if check else self.tr("Show my records"))
        self.button.setObjectName("unlock")
        self.button.setDefault(True)
        self.error = forms.error_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if check is not None:
            form = QFormLayout()
            form.addRow(self.tr("Passphrase:"), self.field)
            layout.addLayout(form)
        else:
            self.field.hide()
        layout.addWidget(self.error)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignRight)
        self.button.clicked.connect(self.submit)
        self.field.returnPressed.connect(self.submit)

    def submit(self) -> None:
        if self._job is not None and self._job.is_running():
            return
        if self._check is None:
            self.opened.emit(None)
            return
        text = self.field.text()
        if not text:
            self.error.setText(self.tr("Type the passphrase."))
            return
        check = self._check
        self._set_busy(True)
        job = Job(lambda _p, _c: check(text))
        job.finished.connect(self._done)
        job.failed.connect(self._failed)
        self._job = job
        job.start()

    def _done(self, value: object) -> None:
        self._set_busy(False)
        self.field.clear()
        self.error.setText("")
        self.opened.emit(value)

    def _failed(self, message: str) -> None:
        self._set_busy(False)
        self.field.clear()
        self.field.setFocus()
        self.error.setText(message)

    def _set_busy(self, busy: bool) -> None:
        self.field.setEnabled(not busy)
        self.button.setEnabled(not busy)
        if busy:
            self.error.setText(self.tr("Checking…"))

    def wait(self) -> None:
        if self._job is not None:
            self._job.wait()


class UnlockDialog(QDialog):
    """At start-up: the passphrase of an encrypted profile. `key` once accepted."""

    def __init__(self, root: Path, check: Callable[[str], Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key: Any = None
        self.setWindowTitle(self.tr("Open GridKeeper"))
        intro = QLabel(self.tr("The profile in {path} is encrypted. Type its passphrase to open it.").format(
            path=str(root)))
        intro.setWordWrap(True)
        intro.setMinimumWidth(420)
        self.panel = UnlockPanel(check)
        self.panel.opened.connect(self._opened)
        quit_button = QPushButton(self.tr("Quit"))
        quit_button.setAutoDefault(False)
        quit_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.panel)
        layout.addWidget(quit_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.panel.field.setFocus()

    def _opened(self, key: object) -> None:
        self.key = key
        self.accept()
