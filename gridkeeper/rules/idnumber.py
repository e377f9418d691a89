"""Chinese resident ID numbers (公民身份号码, GB 11643-1999).

Roster cells arrive full-width, spaced, with a lowercase x, as legacy 15-digit
numbers, or mangled by Excel into floats. This module cleans, validates and
masks them. It deliberately has no county-code table: codes change over time
and published tables are incomplete, so an unknown county is never an error. The
first two digits are another matter: the 34 province-level codes of GB/T 2260 have
been stable for decades, and a number outside them (000000..., 999999...) is no ID
number even when its check character fits.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date

from gridkeeper import clock

WEIGHTS: tuple[int, ...] = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"
EARLIEST_BIRTH = date(1890, 1, 1)
# GB/T 2260's province-level divisions: 31 on the mainland, Taiwan (71), Hong Kong (81), Macao (82).
PROVINCES = frozenset({
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42",
    "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82",
})

# Full-width ASCII (U+FF01..U+FF5E) maps to ASCII by a fixed offset.
_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
# Zero-width characters str.split() misses, and the hyphen family typed between groups.
_DROP = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"))
_SCIENTIFIC = re.compile(r"^\d+(?:\.\d*)?E[+-]?\d+$")
_DECIMAL = re.compile(r"^(\d{15,})\.\d*$")
_ID18 = re.compile(r"^\d{17}[\dX]$")
_ID15 = re.compile(r"^\d{15}$")
_CHARS = re.compile(r"^[\dX]*$")


class IdNumberError(ValueError):
    """Why a cell is not a usable ID number; `code` is stable for the UI and reports."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class IdInfo:
    """What a valid number tells us, always as the 18-character form."""

    number: str
    birth_date: date
    gender: str  # "M" or "F"
    division_code: str
    converted_from_15: bool


# What people put before a number so Excel keeps it as text (', `, typographic quotes).
TEXT_MARKS = "'`\u2018\u2019"


def normalize(raw: object) -> str:
    """Clean a cell's text without judging it: full-width to ASCII, no spaces or hyphens, X upper,
    and no leading ' or ` (what exports and some cadres type to keep Excel from making it a number)."""
    text = str(raw).translate(_FULLWIDTH).translate(_DROP).strip().lstrip(TEXT_MARKS)
    return "".join(text.split()).upper()


def check_char(first17: str) -> str:
    """ISO 7064 MOD 11-2 check character for the first 17 digits."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError(f"need 17 ASCII digits, got {first17!r}")
    total = sum(int(d) * w for d, w in zip(first17, WEIGHTS))
    return CHECK_CHARS[total % 11]


def _lost_digits() -> IdNumberError:
    return IdNumberError(
        "id_lost_digits",
        "Excel stored this ID number as a number and dropped its last digits; "
        "re-enter it as text.",
    )


def _province(number: str) -> None:
    if number[:2] not in PROVINCES:
        raise IdNumberError(
            "id_province", f"ID number starts with {number[:2]}, which is no province-level code of GB/T 2260."
        )


def _birth(yyyymmdd: str, today: date) -> date:
    try:
        born = date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    except ValueError:
        raise IdNumberError("id_birth_date", f"Impossible birth date {yyyymmdd} in ID number.") from None
    if born > today or born < EARLIEST_BIRTH:
        raise IdNumberError("id_birth_date", f"Implausible birth date {yyyymmdd} in ID number.")
    return born


def _info(number: str, born: date, converted: bool) -> IdInfo:
    gender = "M" if int(number[16]) % 2 else "F"
    return IdInfo(number, born, gender, number[:6], converted)


def _from_number(raw: int | float) -> str:
    """Text for a numeric cell, or IdNumberError if Excel must have eaten digits."""
    if isinstance(raw, float):
        if not math.isfinite(raw):
            raise IdNumberError("id_format", "ID number cell holds no number.")
        if not raw.is_integer():
            raise IdNumberError("id_format", "ID number cell holds a fraction.")
        raw = int(raw)
    # Excel keeps 15 significant digits: an 18-digit number came back with its last digits
    # zeroed, but an old 15-digit number fits whole and is converted like its text.
    if len(str(abs(raw))) > 15:
        raise _lost_digits()
    return str(raw)


def parse(raw: object, *, today: date | None = None) -> IdInfo:
    """Validate one cell and return its 18-character form; raise IdNumberError with a reason code."""
    today = today or clock.today()
    if raw is None:
        raise IdNumberError("id_empty", "ID number is empty.")
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        raw = _from_number(raw)
    text = normalize(raw)
    if not text:
        raise IdNumberError("id_empty", "ID number is empty.")
    if _SCIENTIFIC.match(text) or _DECIMAL.match(text):
        raise _lost_digits()
    if not _CHARS.match(text):
        raise IdNumberError("id_format", "ID number may contain only digits and a final X.")
    if len(text) not in (15, 18):
        raise IdNumberError("id_length", f"ID number has {len(text)} characters; expected 18 (or legacy 15).")
    if len(text) == 15:
        if not _ID15.match(text):
            raise IdNumberError("id_format", "A 15-digit ID number contains only digits.")
        _province(text)
        born = _birth("19" + text[6:12], today)
        first17 = text[:6] + "19" + text[6:]
        return _info(first17 + check_char(first17), born, True)
    if not _ID18.match(text):
        raise IdNumberError("id_format", "ID number may contain X only as its last character.")
    expected = check_char(text[:17])
    if expected != text[17] and text.endswith("000"):
        raise _lost_digits()
    _province(text)
    born = _birth(text[6:14], today)
    if expected != text[17]:
        raise IdNumberError("id_checksum", "ID number check character does not match; a digit is probably mistyped.")
    return _info(text, born, False)


def mask(number: str) -> str:
    """Hide the birth date and sequence on screen and in exports (PIPL): 330382********123X."""
    number = number.strip()
    n = len(number)
    if n == 0:
        return ""
    if n > 10:
        return number[:6] + "*" * (n - 10) + number[-4:]
    if n <= 2:
        return "*" * n
    return "*" * (n - 2) + number[-2:]


def make(division_code: str, birth: date, sequence: int) -> str:
    """Build a valid 18-character number (odd sequence = male) for demos and tests."""
    if len(division_code) != 6 or not division_code.isascii() or not division_code.isdigit():
        raise ValueError(f"division code must be 6 digits, got {division_code!r}")
    if not 0 <= sequence <= 999:
        raise ValueError(f"sequence must be 0..999, got {sequence}")
    if not 1000 <= birth.year <= 9999:
        raise ValueError(f"birth year must have 4 digits, got {birth.year}")
    first17 = f"{division_code}{birth:%Y%m%d}{sequence:03d}"
    return first17 + check_char(first17)
