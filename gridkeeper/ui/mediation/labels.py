"""The mediation vocabularies (gridkeeper.mediation) in the user's language, and combo boxes of them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from gridkeeper import mediation


def label(vocabulary: dict[str, str], code: str | None) -> str:
    """The translated label of a stored code (the code itself when unknown, e.g. from a newer version)."""
    if not code:
        return ""
    english = vocabulary.get(code)
    return QCoreApplication.translate(mediation.CONTEXT, english) if english else code


def status(code: str | None) -> str:
    return label(mediation.STATUSES, code)


def category(code: str | None) -> str:
    return label(mediation.CATEGORIES, code)


def source(code: str | None) -> str:
    return label(mediation.SOURCES, code)


def role(code: str | None) -> str:
    return label(mediation.ROLES, code)


def fill(combo: QComboBox, vocabulary: dict[str, str], everything: str | None = None) -> None:
    """Items are labels with the code as data; `everything` adds a first item with data None."""
    combo.clear()
    if everything is not None:
        combo.addItem(everything, None)
    for code in vocabulary:
        combo.addItem(label(vocabulary, code), code)


def choose(combo: QComboBox, code: str | None) -> None:
    index = combo.findData(code)
    combo.setCurrentIndex(max(index, 0))
