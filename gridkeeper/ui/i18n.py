"""Qt translations: our catalogue (resources/translations) plus Qt's own qtbase_.

Source strings are English; Simplified Chinese is complete. The app starts in
the system language unless the Language setting says otherwise.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from gridkeeper import paths

CATALOGUE = "gridkeeper"
LANGUAGES = ("en", "zh_CN")


def translations_dir() -> Path:
    """resources/translations beside the package (source tree, bundle) or inside it (wheel)."""
    return paths.resource_dir("translations")


def resolve(setting: str) -> str:
    """'system' -> the system language if we have it, else English."""
    if setting in LANGUAGES:
        return setting
    name = QLocale.system().name()  # e.g. zh_CN
    if name.startswith("zh") and not name.startswith(("zh_TW", "zh_HK", "zh_MO")):
        return "zh_CN"
    return "en"


def _load(language: str) -> list[QTranslator]:
    found = []
    if language == "en":  # only English plural forms: "1 household", "2 households"
        plurals = QTranslator()
        if plurals.load(str(translations_dir() / f"{CATALOGUE}_en.qm")):
            found.append(plurals)
        return found
    ours = QTranslator()
    if ours.load(str(translations_dir() / f"{CATALOGUE}_{language}.qm")):
        found.append(ours)
    qt = QTranslator()
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        found.append(qt)
    return found


_installed: list[QTranslator] = []


def install(app: QCoreApplication, setting: str) -> str:
    """Install the translators for `setting` (replacing earlier ones); returns the language used."""
    language = resolve(setting)
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    for translator in _load(language):
        app.installTranslator(translator)
        _installed.append(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China)
                       if language == "zh_CN" else QLocale(QLocale.Language.English))
    return language


def cli_translate(setting: str = "system"):  # type: ignore[no-untyped-def]
    """A translate(context, text) for the command line (no QApplication needed)."""
    translators = _load(resolve(setting))

    def translate(context: str, text: str) -> str:
        for t in translators:
            out = t.translate(context, text)
            if out:
                return out
        return text

    return translate
