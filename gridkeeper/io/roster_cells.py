"""The roster's cell normalisers: a raw calamine value in, a clean value out (io/roster_rows.py
validates rows with them). Pure, so the values that repeat through a roster (buildings,
units, tags, date texts) are normalised once per call (_Memo)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Hashable
from datetime import date, datetime, timedelta
from typing import Any

from gridkeeper.rules import idnumber, phone, places, text

# A value quoted in a message (an unusable gender, a birth date, a phone) is cut to this many characters.
_SHOWN = 40


# ---------------------------------------------------------------------------
# Cell normalisers: raw calamine value in, clean value out. Pure, so memoisable.

# What people type for "nothing here"; compared lower-cased. Never applied to names.
_PLACEHOLDERS = frozenset(
    {"无", "暂无", "没有", "空", "未知", "/", "\\", "-", "--", "—", "——", "null", "none", "n/a", "na"}
)
# A totals row under the people (合计 | 10人): its first filled cell says so, and it has no ID number.
_TOTALS = frozenset({"合计", "小计", "总计", "共计", "累计", "合计人数", "总人数"})
_TOTALS_JUNK = re.compile(r"[\s:：]+")


def _is_totals(row: list[object]) -> bool:
    first = next((c for c in row if c is not None and (type(c) is not str or c.strip())), None)
    return type(first) is str and _TOTALS_JUNK.sub("", first) in _TOTALS


_UNIT = re.compile(r"(\d+|[A-Za-z]|[一二两三四五六七八九十]+)\s*(?:单元)?")
_ROOM = re.compile(r"([A-Za-z]?\d+[A-Za-z]?)\s*(?:室|号|房)?")
_TAG_SPLIT = re.compile(r"[、,，;；\s]+")
_MOBILE = phone.PLAN_MOBILE  # the numbering plan's mobile ranges (libphonenumber's data)
# phone.py's canonical landline form; its area codes are prefix-free, so the dash sits where phone.py puts it
_LANDLINE = re.compile(r"(?:010|02\d|0[3-9]\d{2})-[1-9]\d{6,7}", re.ASCII)
_PHONE_SEPARATORS = re.compile(r"[、,，;；/|\r\n]+")  # phone.py's, after its full-width mapping
_PHONE_SPACING = re.compile(r"[ \t\u3000-]+")
_COUNTRY = re.compile(r"^(?:\+|00)86")
_ID18 = re.compile(r"\d{17}[\dX]", re.ASCII)
_DATE_FULL = re.compile(
    r"(\d{4})\s*[-./。年]\s*(\d{1,2})\s*[-./。月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?", re.ASCII
)
_DATE_DIGITS = re.compile(r"(\d{4})(\d{2})(\d{2})", re.ASCII)
_DATE_MONTH = re.compile(r"(\d{4})\s*[-./。年]\s*(\d{1,2})\s*月?|(\d{4})(\d{2})", re.ASCII)
_DATE_YEAR = re.compile(r"(\d{4})\s*年?", re.ASCII)
_RELATION_HEAD = frozenset({"本人", "户主", "户主本人", "本人(户主)", "户主(本人)"})
_RESIDENCE = ("人户一致", "人在户不在", "户在人不在")
_GENDERS = {"男": "M", "女": "F", "男性": "M", "女性": "F", "m": "M", "f": "F", "male": "M",
            "female": "F", "1": "M", "2": "F"}  # fmt: skip
_INVALID = "?"
_EXCEL_EPOCH = date(1899, 12, 30)

Partial = tuple[int, int | None]  # (year, month or None): a birth date without its day


def _cell_text(value: object) -> str:
    """A cell as stripped text; integral floats without ".0" (calamine gives numbers as floats).

    A bool reads as the number it equals (True -> "1"): the memo dicts in validate() key
    on the cell value, and True == 1 == 1.0 share one entry, so they must mean the same.
    """
    if value is None:
        return ""
    kind = type(value)
    if kind is str:
        return value.strip()  # type: ignore[attr-defined]
    if kind is bool:
        return str(int(value))  # type: ignore[call-overload]
    if kind is float:
        return str(int(value)) if value.is_integer() else repr(value)  # type: ignore[attr-defined]
    if kind is datetime:
        moment: datetime = value  # type: ignore[assignment]
        return moment.date().isoformat() if moment.time() == datetime.min.time() else moment.isoformat(" ")
    if kind is date:
        return value.isoformat()  # type: ignore[attr-defined]
    return str(value).strip()


def _shown(value: object) -> str:
    """A cell's text as a message may quote it: what it shows, cut short if long."""
    shown = text.visible(_cell_text(value))
    return shown if len(shown) <= _SHOWN else shown[:_SHOWN] + "…"


def _plain(value: object) -> str:
    """Text for an ordinary field: NFKC (full-width to ASCII), whitespace collapsed, placeholders empty."""
    text = _cell_text(value)
    if not text:
        return ""
    text = " ".join(unicodedata.normalize("NFKC", text).split())
    return "" if text.lower() in _PLACEHOLDERS else text


def _optional(value: object) -> str | None:
    return _plain(value) or None


def _name(value: object) -> str:
    """Names are kept as written; spaces padding two-character names ("张  三") go."""
    text = value.strip() if type(value) is str else _cell_text(value)  # type: ignore[attr-defined]
    if not text:
        return ""
    parts = text.split()
    if len(parts) == 1:
        return text
    return " ".join(parts) if any("a" <= c.lower() <= "z" for c in text) else "".join(parts)


def _optional_name(value: object) -> str | None:
    return _name(value) or None


def _building(value: object) -> str:
    return places.building_name(_plain(value))  # one spelling shared with the grid division table


def _unit(value: object) -> str:
    text = _plain(value)
    match = _UNIT.fullmatch(text)
    if not match:
        return text
    part = places.number_part(match.group(1))
    return part if part.isascii() else text


def _room(value: object) -> str:
    text = _plain(value)
    match = _ROOM.fullmatch(text)
    return match.group(1).upper() if match else text


def _relation(value: object) -> str | None:
    text = _plain(value)
    return "户主" if text in _RELATION_HEAD else (text or None)


def _residence(value: object) -> str | None:
    text = _plain(value).replace(" ", "")
    if text in _RESIDENCE:
        return text
    if text == "一致":
        return "人户一致"
    for status in _RESIDENCE:
        if status in text:
            return status
    return text or None


def _tags(value: object) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t for t in _TAG_SPLIT.split(_plain(value)) if t))


def _gender(value: object) -> str:
    """Gender code: M or F, the empty string for an empty cell, or _INVALID."""
    text = _plain(value)
    return _GENDERS.get(text.lower(), _INVALID) if text else ""


def _plausible(born: date, today: date) -> bool:
    return idnumber.EARLIEST_BIRTH <= born <= today


def _id_birth(yyyymmdd: str, today: date) -> date | None:
    try:
        born = date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    except ValueError:
        return None
    return born if _plausible(born, today) else None


def _birth_from_number(value: float) -> date | Partial | None:
    """An Excel serial (1900 system), a year such as 1950, 1950.03 typed as a number, or 19500302."""
    if 1890 <= value < 2100:  # a year, or year.month: serials this small would be dates in 1905
        year = int(value)
        if value == year:
            return (year, None)
        digits = repr(value).partition(".")[2]
        if len(digits) == 1:  # 1950.1 may be January or October
            return (year, None) if digits == "1" else (year, int(digits))
        month = int(digits) if len(digits) == 2 else 0
        return (year, month) if 1 <= month <= 12 else None
    if 61 <= value < 80000:
        # Serials up to 60 (January and February 1900, and Excel's phantom 29 February) are
        # refused: nobody alive was born then, and a TRUE cell equals 1.
        return _EXCEL_EPOCH + timedelta(days=int(value))
    if value.is_integer() and 10_000_000 <= value <= 99_991_231:
        return _birth_from_text(str(int(value)))
    return None


def _birth_from_text(text: str) -> date | Partial | None:
    text = unicodedata.normalize("NFKC", text).strip()
    match = _DATE_FULL.fullmatch(text) or _DATE_DIGITS.fullmatch(text)
    try:
        if match:
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        match = _DATE_MONTH.fullmatch(text)
        if match:
            year, month = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
            return (int(year), int(month)) if 1 <= int(month) <= 12 else None
    except ValueError:
        return None
    match = _DATE_YEAR.fullmatch(text)
    return (int(match.group(1)), None) if match else None


def _birth(value: object) -> date | Partial | None:
    """A birth date cell in any form rosters use; None when it is not a date at all."""
    kind = type(value)
    if kind is datetime:
        return value.date()  # type: ignore[attr-defined]
    if kind is date:
        return value  # type: ignore[return-value]
    if kind is float or kind is int or kind is bool:
        return _birth_from_number(float(value))  # type: ignore[arg-type]
    if kind is str:
        return _birth_from_text(value)  # type: ignore[arg-type]
    return None


class _Memo(dict):  # type: ignore[type-arg]
    """memo[cell] == fn(cell), computed once per distinct value (cells are all hashable).

    Indexing is a C-level dict lookup on a hit, which is what makes 50,000 rows cheap:
    buildings, units, rooms, tags and empty cells repeat all the time.
    """

    def __init__(self, fn: Callable[[Any], Any]) -> None:
        super().__init__()
        self.fn = fn

    def __missing__(self, key: Hashable) -> Any:
        value = self[key] = self.fn(key)
        return value


def _fast_id(value: object, births: _Memo) -> tuple[str, date, str, bool] | None:
    """A clean valid 18- or 15-digit text, checked without idnumber.parse's general path.

    Returns (number, birth date, gender, converted from 15 digits), or None for anything
    else; the caller then uses idnumber.parse, which gives the same answer for valid
    numbers and the reason code for invalid ones. `births` maps "YYYYMMDD" to a
    plausible date or None.
    """
    if type(value) is not str:
        return None
    text = value.strip()  # type: ignore[attr-defined]
    converted = False
    if len(text) == 15 and text.isascii() and text.isdigit():
        text = text[:6] + "19" + text[6:] + "?"  # the check character is computed below
        converted = True
    elif len(text) != 18 or not _ID18.fullmatch(text):
        return None
    if text[:2] not in idnumber.PROVINCES:
        return None  # idnumber.parse says why (id_province)
    # GB 11643's weights are 2 ** (17 - i) mod 11, and 13 = 2 (mod 11): the weighted sum of the
    # 17 digits (ASCII digits here) is, mod 11, twice them read as a base-13 number (int() in C).
    check = idnumber.CHECK_CHARS[2 * int(text[:17], 13) % 11]
    if converted:
        text = text[:17] + check
    elif check != text[17]:
        return None
    born = births[text[6:14]]
    if born is None:
        return None
    return text, born, "M" if ord(text[16]) & 1 else "F", converted


def _same_date_text(text: str, number: str) -> bool:
    """Whether a birth-date cell is the date inside a valid ID number in one of the plain
    forms rosters use ("19500302", "1950-03-02", "1950.03.02", "1950/03/02").

    For such a cell the general path (parse, check plausibility, compare with the ID's
    date) ends in "same date, nothing to say" every time: the ID's date is plausible, or
    the number would not be valid. Most birth dates are unique, so the memo cannot spare
    their parse; this comparison does, without building a date.
    """
    if len(text) == 8:
        return text == number[6:14]
    if len(text) != 10:
        return False
    sep = text[4]
    return (sep == "-" or sep == "." or sep == "/") and text[7] == sep and \
        text[:4] == number[6:10] and text[5:7] == number[10:12] and text[8:] == number[12:14]


def _phones(value: object, area_code: str = "") -> tuple[list[str], list[str]]:
    """phone.split_cell, with a fast path for cells that already hold canonical numbers.

    Canonical pieces are what split_cell would return for them, so the answer is the
    same; anything else (spaces, +86, extensions, junk) goes through split_cell.
    """
    if type(value) is str:
        text = value.strip()  # type: ignore[attr-defined]
        if len(text) == 11 and _MOBILE.fullmatch(text):
            return [text], []
        if text.lower() in _PLACEHOLDERS:
            return [], []
        found: list[str] = []
        for piece in _PHONE_SEPARATORS.split(text):
            piece = piece.strip()
            if not piece or _MOBILE.fullmatch(piece) or (_LANDLINE.fullmatch(piece) and phone.reason(piece) is None):
                found.append(piece)
                continue
            # "138 1234 5678", "+86 138-1234-5678": split_cell reads the whole chunk as this mobile
            compact = _COUNTRY.sub("", _PHONE_SPACING.sub("", piece))
            if not _MOBILE.fullmatch(compact):
                return _split_cell(value, area_code)
            found.append(compact)
        return list(dict.fromkeys(p for p in found if p)), []
    elif type(value) is float and value.is_integer():  # type: ignore[attr-defined]
        text = str(int(value))  # type: ignore[arg-type]
        if len(text) == 11 and _MOBILE.fullmatch(text):
            return [text], []
    return _split_cell(value, area_code)


def _split_cell(value: object, area_code: str = "") -> tuple[list[str], list[str]]:
    """phone.split_cell (extensions are kept in the canonical form, 0577-62345678转8001)."""
    return phone.split_cell(value, area_code)
