"""Cadre roles in the user's language. Roles are stored as the street writes them (驻社区干部);
the standard five have an English label for the English interface, a role an office typed
itself (网格长) shows as typed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from gridkeeper.errors import QT_TRANSLATE_NOOP
from gridkeeper.rules import cadre_roles

LABELS = {
    cadre_roles.COMMUNITY_CADRE: QT_TRANSLATE_NOOP("roles", "Community cadre"),
    cadre_roles.COOPERATIVE_CADRE: QT_TRANSLATE_NOOP("roles", "Co-operative cadre"),
    cadre_roles.PARTY_INSTRUCTOR: QT_TRANSLATE_NOOP("roles", "Party-building instructor"),
    cadre_roles.GRID_WORKER: QT_TRANSLATE_NOOP("roles", "Full-time grid worker"),
    cadre_roles.COMMUNITY_STAFF: QT_TRANSLATE_NOOP("roles", "Community staff"),
}


def label(role: str | None) -> str:
    role = cadre_roles.normalise(role)
    english = LABELS.get(role)
    return QCoreApplication.translate("roles", english) if english else role


def fill(box: QComboBox, current: str) -> None:
    """The standard roles (stored value as item data), editable for a role of the office's own."""
    box.setEditable(True)
    for role in cadre_roles.ROLES:
        box.addItem(label(role), role)
    i = box.findData(cadre_roles.normalise(current))
    if i >= 0:
        box.setCurrentIndex(i)
    else:
        box.setCurrentText(current)


def chosen(box: QComboBox) -> str:
    """The stored value: a standard role by its label, else the text as typed."""
    i = box.findText(box.currentText())
    return box.itemData(i) if i >= 0 else box.currentText()
