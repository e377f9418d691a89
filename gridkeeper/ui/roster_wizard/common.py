"""Shared pieces of the roster wizard pages: tints, cell text, small widgets."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableWidget

from gridkeeper.io.roster import FIELD_LABELS
from gridkeeper.rules import idnumber, phone

PREVIEW_ROWS = 200
SHEET_PREVIEW_ROWS = 8
ERROR_TINT = QColor("#f2a7a7")  # the cell with the problem
WARNING_TINT = QColor("#f7d872")
ERROR_ROW_TINT = QColor("#fbe1e1")  # the rest of its row
WARNING_ROW_TINT = QColor("#fdf3cf")
HEADER_TINT = QColor("#d7e6f7")
_PHONE_CHUNK = re.compile(r"[^、,，;；/|\r\n\s]+")
_ID_LIKE = re.compile(r"(?<![0-9])(?:[0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9A-Za-z])")
# A mobile as people type it: 13812345678, 138 1234 5680, 138-1234-5680, +86 138 1234 5680.
_MOBILE_LIKE = re.compile(r"(?<![0-9])(?:(?:\+|00)86[ \u3000-]*)?(1[3-9][0-9](?:[ \u3000-]?[0-9]){8})(?![0-9])")
_GROUPING = re.compile(r"[ \u3000-]")
# A landline with a space after its area code (0577 62345678), in a phone column.
_SPACED_LANDLINE = re.compile(r"(?<![0-9])(010|02[0-9]|0[3-9][0-9]{2})[ \u3000]+([1-9][0-9]{6,7})(?![0-9])")


def _mask_mobiles(text: str) -> str:
    """Every mobile in the text masked as the one number the import reads (138****5680)."""
    return _MOBILE_LIKE.sub(lambda m: phone.mask(_GROUPING.sub("", m[1])), text)


def _translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def field_label(field: str) -> str:
    return QCoreApplication.translate("roster", FIELD_LABELS[field])


def cell_text(value: object, field: str | None = None) -> str:
    """A raw cell as the preview shows it; ID and phone numbers masked (PIPL)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e21:
        # The shortest digits that are this float (an ID number Excel stored as a number shows
        # as Excel shows it, 330382196205012000, not 3.3e+17 nor the float's 330382196205011968).
        text = str(int(Decimal(repr(value))))
    elif isinstance(value, datetime):
        text = value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    elif isinstance(value, date):
        text = value.isoformat()
    else:
        text = str(value)
    if "\n" in text or "\r" in text:  # one line per table cell: "与户主\n关系" is not cut to "与…"
        text = " ".join(text.split())
    if field == "id_number":
        return idnumber.mask(text.strip().lstrip(idnumber.TEXT_MARKS))  # the quote mark the import drops too
    if field == "phones":
        # Mobiles first, whole, then whatever else the cell holds piece by piece.
        text = _SPACED_LANDLINE.sub(lambda m: phone.mask(f"{m[1]}-{m[2]}"), _mask_mobiles(text))
        return _PHONE_CHUNK.sub(lambda m: m[0] if "****" in m[0] else phone.mask(m[0]), text)
    if field is None:  # a column not (yet) known, or no header at all: what looks like one is masked
        return _mask_mobiles(_ID_LIKE.sub(lambda m: idnumber.mask(m[0]), text))
    return text


class _ErrorLabel(QLabel):
    """Red, and out of the way while it has nothing to say."""

    def setText(self, text: str) -> None:  # noqa: N802
        super().setText(text)
        self.setVisible(bool(text))


def _error_label() -> QLabel:
    label = _ErrorLabel()
    label.setVisible(False)
    label.setObjectName("error")
    label.setStyleSheet("color: #b00020")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _wrapped(text: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


def _readonly_table(name: str) -> QTableWidget:
    table = QTableWidget()
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table
