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


#: Each language named in itself, as language choosers do: whoever cannot read the current one finds theirs.
ENDONYMS = {"zh_CN": "简体中文", "en": "English"}


def resolve(setting: str) -> str:
    """'system' -> the system language if we have it, else English."""
    if setting in LANGUAGES:
        return setting
    name = QLocale.system().name()  # e.g. zh_CN
    if name.startswith("zh") and not name.startswith(("zh_TW", "zh_HK", "zh_MO")):
        return "zh_CN"
    return "en"


def first_choice(system: str, chinese_data: bool | None) -> str:
    """The language preselected when the first start asks for one.

    GridKeeper is used on Chinese streets, so Chinese unless everything points to English: the system
    speaks English (en_*) and the profile holds no Chinese names (a new profile, or a plain one written
    in English: test data). Any Chinese system (Traditional included: we have only Simplified, which its
    reader reads better than English), a profile with Chinese names, a profile that cannot be read before
    its passphrase (encrypted: in use on a street), or a system language we do not have (C, POSIX,
    de_DE...: not a person's choice of English) preselect Chinese. The person still chooses."""
    if system.startswith("en") and chinese_data is False:
        return "en"
    return "zh_CN"


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
