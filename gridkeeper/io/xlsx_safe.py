"""Text written into a workbook, made safe to open: never a formula, always something xlsx can hold.

Both writers (roster_rejects with openpyxl, report_xlsx with XlsxWriter) write every text as a
text cell, never as a formula or a link, so a cell that reads "=HYPERLINK(...)" (a resident's
note, a roster cell sent to us) is shown, not run. A text that begins the way a formula does
when typed (=, +, -, @, or a tab or carriage return, which some programs skip before one) is
also marked with Excel's quote prefix, the hidden apostrophe: a person who edits the cell and
presses Enter keeps the text. "+86 138..." and "-" stay what they are and read back the same.

XML cannot hold most control characters (U+0000-U+0008, U+000B, U+000C, U+000E-U+001F), nor
U+FFFE, U+FFFF or a lone surrogate: openpyxl refuses them, and a file holding them does not open.
Each is replaced by U+FFFD (�), and text longer than Excel's 32,767 characters a cell is cut
there; the writers count the cells changed (`Changed`), so the caller can say so, and the file
is always written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_CELL_CHARS = 32_767  # Excel's limit for one cell's text
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
REPLACEMENT = "\ufffd"


@dataclass
class Changed:
    """Cells whose text was changed to be written: characters replaced, or cut to Excel's limit."""

    replaced: int = 0
    shortened: int = 0

    @property
    def cells(self) -> int:
        return self.replaced + self.shortened


def text(value: str, changed: Changed) -> str:
    """`value` as a cell can hold it; `changed` counts it when it was not already."""
    if _NOT_XML.search(value) is not None:
        value = _NOT_XML.sub(REPLACEMENT, value)
        changed.replaced += 1
    if len(value) > MAX_CELL_CHARS:
        value = value[:MAX_CELL_CHARS]
        changed.shortened += 1
    return value


def name(value: str) -> str:
    """A sheet or document name without characters XML cannot hold (dropped, not counted)."""
    return _NOT_XML.sub("", value)


def looks_like_formula(value: str) -> bool:
    return value.startswith(FORMULA_STARTS)
