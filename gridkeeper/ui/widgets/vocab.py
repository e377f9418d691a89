"""Vocabulary codes (statuses, categories, parties…) in the user's language, and combo boxes of them.

The English labels live in the domain modules, marked with QT_TRANSLATE_NOOP
in the context "vocab"; this is the one place the UI translates them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from gridkeeper.errors import GridKeeperError


def word(table: dict[str, str], code: str | None) -> str:
    """The translated label of `code` in `table`; an unknown code (a newer laptop's) as it is."""
    if not code:
        return ""
    label = table.get(code)
    return QCoreApplication.translate("vocab", label) if label else code


def fill(combo: QComboBox, table: dict[str, str], first: str | None = None) -> None:
    """Items for every code of `table` (code as item data), after an optional `first` item with no code."""
    combo.clear()
    if first is not None:
        combo.addItem(first, None)
    for code, label in table.items():
        combo.addItem(QCoreApplication.translate("vocab", label), code)


def choose(combo: QComboBox, code: str | None) -> None:
    index = combo.findData(code)
    if index >= 0:
        combo.setCurrentIndex(index)


def error_text(exc: GridKeeperError) -> str:
    return exc.translated(QCoreApplication.translate)


def split_names(text: str) -> list[str]:
    """'张三、李四, 王五 赵六' -> four names: people type lists with whatever separator is near."""
    for sep in ("、", "，", ",", ";", "；", "/"):
        text = text.replace(sep, " ")
    return [n for n in text.split() if n]
