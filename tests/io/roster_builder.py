"""Writes messy roster workbooks the way they arrive from police stations and community offices.

Titles merged across the header, blank rows, header synonyms, IDs typed as numbers
(which Excel stores as floats, so their last digits are gone), full-width digits,
several phones in one cell, and a second sheet that the reader must ignore. Every
added row reports its Excel row number, so tests can assert the outcome per row.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font

from gridkeeper.rules import idnumber

_FULLWIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


def valid_id(division: str, born: date, sequence: int) -> str:
    """A valid 18-character number (odd sequence: male)."""
    return idnumber.make(division, born, sequence)


def id_ending_in_x(division: str, born: date) -> str:
    """A valid number whose check character is X, to test lowercase x."""
    for sequence in range(1000):
        number = idnumber.make(division, born, sequence)
        if number.endswith("X"):
            return number
    raise AssertionError("no sequence gives X")  # pragma: no cover - one in eleven does


def bad_checksum(number: str) -> str:
    """The same number with a wrong check character (a typo in the last place)."""
    wrong = "1" if number[-1] != "1" else "2"
    return number[:-1] + wrong


def full_width(text: str) -> str:
    return text.translate(_FULLWIDTH_DIGITS)


def legacy_15(number18: str) -> str:
    """The old 15-digit form: no century, no check character."""
    return number18[:6] + number18[8:17]


def excel_serial(day: date) -> int:
    """The 1900-system serial number Excel shows for a date in a General-formatted cell."""
    return (day - date(1899, 12, 30)).days


@dataclass
class RosterBuilder:
    """Rows go in as lists matching `headers`; titles and blank rows keep their place."""

    headers: Sequence[str]
    sheet_name: str = "花名册"
    _top: list[tuple[str, bool]] = field(default_factory=list)  # (text, merged) above the header
    _body: list[Sequence[object] | None] = field(default_factory=list)  # None: a blank row
    _extra: list[tuple[str, list[list[object]]]] = field(default_factory=list)
    _before: list[tuple[str, list[list[object]]]] = field(default_factory=list)

    @property
    def header_row(self) -> int:
        return len(self._top) + 1

    def title(self, text: str, *, merged: bool = True) -> RosterBuilder:
        self._top.append((text, merged))
        return self

    def blank(self, count: int = 1) -> RosterBuilder:
        self._body.extend([None] * count)
        return self

    def add(self, *values: object) -> int:
        """Append one data row; returns its Excel row number."""
        if len(values) > len(self.headers):
            raise ValueError(f"{len(values)} values for {len(self.headers)} headers")
        self._body.append(values)
        return self.header_row + len(self._body)

    def sheet_after(self, name: str, rows: list[list[object]]) -> RosterBuilder:
        """Another sheet after the roster (statistics, instructions): must be ignored."""
        self._extra.append((name, rows))
        return self

    def sheet_before(self, name: str, rows: list[list[object]]) -> RosterBuilder:
        """Another sheet before the roster: the roster must then be named."""
        self._before.append((name, rows))
        return self

    def save(self, path: Path) -> Path:
        """Write the workbook. Text holding characters XML cannot (NUL, ESC...), which openpyxl
        refuses, is written as Excel writes it: each such character as _xHHHH_ (calamine reads it
        back as the character)."""
        raw: dict[str, str] = {}

        def cell_value(value: object) -> object:
            if isinstance(value, str) and ILLEGAL_CHARACTERS_RE.search(value):
                placeholder = f"GKRAW{len(raw)}X"
                raw[placeholder] = value
                return placeholder
            return value

        book = Workbook()
        book.remove(book.active)
        for name, rows in self._before:
            self._plain_sheet(book, name, rows)
        sheet = book.create_sheet(self.sheet_name)
        width = len(self.headers)
        for r, (text, merged) in enumerate(self._top, start=1):
            sheet.cell(row=r, column=1, value=text).font = Font(bold=True, size=16)
            if merged and width > 1:
                sheet.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
                sheet.cell(row=r, column=1).alignment = Alignment(horizontal="center")
        for c, text in enumerate(self.headers, start=1):
            sheet.cell(row=self.header_row, column=c, value=text).font = Font(bold=True)
        for offset, values in enumerate(self._body, start=1):
            if values is None:
                continue
            for c, value in enumerate(values, start=1):
                if value is None:
                    continue
                cell = sheet.cell(row=self.header_row + offset, column=c, value=cell_value(value))
                if isinstance(value, date):
                    cell.number_format = "yyyy-mm-dd"
        for name, rows in self._extra:
            self._plain_sheet(book, name, rows)
        book.save(path)
        if raw:
            _patch(path, raw)
        return path

    @staticmethod
    def _plain_sheet(book: Workbook, name: str, rows: list[list[object]]) -> None:
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)


def excel_escaped(text: str) -> bytes:
    """`text` as Excel writes it in XML: &, < and > escaped, characters XML cannot hold as _xHHHH_."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return ILLEGAL_CHARACTERS_RE.sub(lambda m: f"_x{ord(m.group()):04X}_", escaped).encode()


def _patch(path: Path, raw: dict[str, str]) -> None:
    """Put each placeholder's text, escaped as Excel does, into every part that holds it."""
    with zipfile.ZipFile(path) as book:
        parts = [(info, book.read(info)) for info in book.infolist()]
    pattern = re.compile(b"|".join(re.escape(k.encode()) for k in raw))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for info, data in parts:
            book.writestr(info, pattern.sub(lambda m: excel_escaped(raw[m.group().decode()]), data))
