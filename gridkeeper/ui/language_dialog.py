"""The first start asks for the interface language, before anything else (the passphrase, who uses the laptop).

The dialog speaks the language selected in it: choosing one installs its
translators at once, Qt's own included, so the person reads the next dialogs
as they will read the app. The choice is remembered in the settings; a
dialog closed without choosing keeps the preselected language for this start
and asks again at the next.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QRadioButton, QVBoxLayout, QWidget

from gridkeeper import settings as cfg
from gridkeeper.settings import Settings
from gridkeeper.ui import i18n


class LanguageDialog(QDialog):
    def __init__(self, app: QApplication, preselected: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self.language = preselected
        self.setMinimumWidth(420)
        self.intro = QLabel()
        self.intro.setObjectName("languageIntro")
        self.intro.setWordWrap(True)
        self.choices: dict[str, QRadioButton] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        for language in i18n.LANGUAGES[::-1]:  # Chinese first: the app is for Chinese streets
            button = QRadioButton(i18n.ENDONYMS[language])  # in its own language, never translated
            button.setObjectName(f"language_{language}")
            self.choices[language] = button
            layout.addWidget(button)
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        layout.addWidget(self.buttons)
        self.choices[preselected].setChecked(True)
        for language, button in self.choices.items():
            button.toggled.connect(lambda on, lang=language: on and self._choose(lang))
        i18n.install(app, preselected)
        self._retranslate()

    def _choose(self, language: str) -> None:
        self.language = language
        i18n.install(self._app, language)
        self._retranslate()  # now, not when Qt's LanguageChange event is delivered

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Language"))
        self.intro.setText(self.tr("Choose the language of GridKeeper on this laptop."))
        self.hint.setText(self.tr("You can change it later in the Language menu."))
        # The standard button's text comes from Qt's own catalogue: ask again in the new language.
        self.buttons.clear()
        self.buttons.addButton(QDialogButtonBox.StandardButton.Ok)


def first_run_language(app: QApplication, root: Path, settings: Settings, *, ask: bool = True) -> str:
    """The language to start in: the one chosen before, else asked now (and remembered); without
    `ask`, the one the dialog would preselect (not remembered: the person is asked next time)."""
    if settings.is_set(cfg.LANGUAGE):
        return i18n.install(app, settings.get(cfg.LANGUAGE))
    from gridkeeper.store import peek

    preselected = i18n.first_choice(QLocale.system().name(), peek.holds_chinese(root))
    if not ask:
        return i18n.install(app, preselected)
    dialog = LanguageDialog(app, preselected)
    if dialog.exec():
        settings.set(cfg.LANGUAGE, dialog.language)
    return i18n.install(app, dialog.language)
