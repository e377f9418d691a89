"""Phone numbers as roster cells hold them: mobiles, landlines, several per cell.

Cells come with +86, spaces, dashes, parentheses, full-width digits, extensions,
or as Excel numbers. Whether a number exists is the numbering plan's business, so
the verdict is Google's libphonenumber's (the `phonenumbers` package, updated with
every plan change): no hand-written ranges here. We normalise to one canonical form
so numbers compare and deduplicate, and mask them for display (PIPL).

Canonical form (docs/architecture.md, "Phone numbers"): the national form without
spaces, a dash after a landline's area code and 转 before an extension:
13812345678, 0577-62345678, 0577-62345678转8001. It is what profiles held before
libphonenumber, so old numbers, search and the places that compare them stay as
they were.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

import phonenumbers
from phonenumbers import PhoneMetadata, PhoneNumber

# Full-width ASCII (U+FF01..U+FF5E) and the ideographic space map to ASCII.
_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_CN = PhoneMetadata.metadata_for_region("CN")
# The plan's own mobile pattern: a regex match is ~20x faster than phonenumbers.is_valid_number
# and gives the same verdict for these (tests/test_phone.py checks it on generated numbers).
PLAN_MOBILE = re.compile(_CN.mobile.national_number_pattern, re.ASCII)  # type: ignore[union-attr]
# And its fixed-line pattern: 0.7 us a number where is_valid_number plus the area code's length take 130.
PLAN_FIXED = re.compile(_CN.fixed_line.national_number_pattern, re.ASCII)  # type: ignore[union-attr]
_MOBILE_SHAPE = re.compile(r"1\d{10}")
_EXTENSION_WORD = re.compile(r"^(.*\d)\s*(?:转|分机|ext\.?|x)\s*(\d{1,6})$", re.IGNORECASE)
_EXTENSION_DASH = re.compile(r"^(.*\d)\s*-\s*(\d{1,5})$")
_SEPARATORS = re.compile(r"[、,;/|\r\n]+")
_FORMATTING = re.compile(r"[\s\-\u2010-\u2015()\[\].]+")
_COUNTRY = re.compile(r"^(?:\+|00)86")
_FLOAT_TEXT = re.compile(r"^(\d+)\.0+$")  # "13812345678.0": a number cell saved as text
_LOCAL = re.compile(r"[2-9]\d{6,7}")  # a landline's local part, typed without its area code
AREA_CODE = re.compile(r"0[1-9]\d{1,2}")

#: Why a piece is not a number, for the roster's warnings and the forms' errors.
REASONS = ("phone_invalid", "phone_length", "phone_range", "phone_no_area")


class PhoneError(ValueError):
    """A piece of text that is not a Chinese mobile or landline number; `code` says why:
    phone_invalid (no number at all), phone_length (wrong number of digits), phone_range
    (a mobile range not in use), phone_no_area (a local number and no area code to add)."""

    def __init__(self, raw: str, code: str = "phone_invalid") -> None:
        super().__init__(f"Not a phone number ({code}): {raw!r}")
        self.raw = raw
        self.code = code


@lru_cache(maxsize=4096)
def _valid(nsn: str) -> bool:
    """libphonenumber's verdict on a national significant number (no trunk 0). Cached by number:
    a roster repeats a household's landline for every member; 4096 entries are ~0.5 MB."""
    return phonenumbers.is_valid_number(PhoneNumber(country_code=86, national_number=int(nsn)))


def _digits(text: str) -> str | None:
    """Strip formatting and the country code; None if anything but digits remains."""
    text = _FORMATTING.sub("", text)
    international = bool(_COUNTRY.match(text))
    digits = _COUNTRY.sub("", text)
    if not digits.isascii() or not digits.isdigit():
        return None
    if not international and len(digits) == 13 and digits.startswith("861"):
        return digits[2:]  # "86" typed without the plus
    if international and not digits.startswith(("0", "1")):
        return "0" + digits  # +86 577 ... drops the trunk 0
    return digits


def _landline(nsn: str) -> str | None:
    """0577-62345678 for a valid number, None when it has no area code (400 and 800 numbers)."""
    if PLAN_FIXED.fullmatch(nsn):
        # China's area codes are prefix-free: 10, 2x, or three digits from 3 up (as libphonenumber
        # splits them: tests/test_phone.py); its own length_of_geographical_area_code is 100x slower.
        area = 2 if nsn[0] in "12" else 3
        return f"0{nsn[:area]}-{nsn[area:]}"
    area = phonenumbers.length_of_geographical_area_code(PhoneNumber(country_code=86, national_number=int(nsn)))
    return f"0{nsn[:area]}-{nsn[area:]}" if area else None


def _verdict(digits: str | None, area_code: str, raw: str) -> str:
    """The canonical form of a run of digits, or PhoneError with the reason."""
    if not digits:
        raise PhoneError(raw)
    if digits[0] == "1":
        if PLAN_MOBILE.fullmatch(digits) or (len(digits) == 11 and _valid(digits)):
            return digits
        raise PhoneError(raw, "phone_range" if _MOBILE_SHAPE.fullmatch(digits) else "phone_length")
    if digits[0] != "0":
        if not _LOCAL.fullmatch(digits):
            raise PhoneError(raw, "phone_length" if digits[0] != "0" and len(digits) > 4 else "phone_invalid")
        if not area_code:
            raise PhoneError(raw, "phone_no_area")
        digits = area_code + digits
    nsn = digits[1:]
    plan = PLAN_FIXED.fullmatch(nsn) or (len(nsn) >= 4 and _valid(nsn) and not PLAN_MOBILE.fullmatch(nsn))
    found = _landline(nsn) if plan else None
    if found:
        return found
    # One digit too many or too few ("0577-4658612": Wenzhou numbers all have 8): say so.
    if any(len(c) >= 4 and _valid(c) for c in (nsn[:-1], nsn + "0", nsn + "2")):
        raise PhoneError(raw, "phone_length")
    raise PhoneError(raw, "phone_length" if not 9 <= len(nsn) <= 11 else "phone_invalid")


def _prepared(raw: object) -> str:
    return _FLOAT_TEXT.sub(r"\1", str(raw).translate(_FULLWIDTH).strip())


def normalize_one(raw: str, area_code: str = "") -> str:
    """One number to canonical form (13812345678, 0577-62345678, 0577-62345678转8001), or PhoneError.

    `area_code` (0577) goes before a landline's local number typed without one; without it
    such a number is phone_no_area. Only landlines have extensions."""
    text = _prepared(raw)
    word = _EXTENSION_WORD.match(text)
    if word:
        number = _verdict(_digits(word.group(1)), area_code, str(raw))
        if "-" not in number:
            raise PhoneError(str(raw))
        return f"{number}转{word.group(2)}"
    try:
        return _verdict(_digits(text), area_code, str(raw))
    except PhoneError as whole:
        # "0577-62345678-123": a dash extension, after a landline that is valid without it
        dash = _EXTENSION_DASH.match(text)
        if dash:
            try:
                number = _verdict(_digits(dash.group(1)), area_code, str(raw))
            except PhoneError:
                raise whole from None
            if "-" in number:
                return f"{number}转{dash.group(2)}"
        raise


def reason(raw: str, area_code: str = "") -> str | None:
    """Why a piece is no number (a code of REASONS), or None when it is one."""
    try:
        normalize_one(raw, area_code)
    except PhoneError as exc:
        return exc.code
    return None


def _numeric_cell(raw: float) -> str:
    if isinstance(raw, float) and math.isfinite(raw) and raw.is_integer():
        return str(int(raw))
    return str(raw)


def _try(text: str, area_code: str) -> str | None:
    try:
        return normalize_one(text, area_code)
    except PhoneError:
        return None


def _split_chunk(chunk: str, area_code: str) -> tuple[list[str], list[str]]:
    """Split on whitespace, rejoining runs such as '0577 62345678' or '138 1234 5678'."""
    whole = _try(chunk, area_code)
    if whole:
        return [whole], []
    tokens = chunk.split()
    valid: list[str] = []
    invalid: list[str] = []
    i = 0
    while i < len(tokens):
        for j in range(len(tokens), i, -1):  # longest run first
            found = _try(" ".join(tokens[i:j]), area_code)
            if found:
                valid.append(found)
                i = j
                break
        else:
            invalid.append(tokens[i])
            i += 1
    return valid, invalid


def split_cell(raw: object, area_code: str = "") -> tuple[list[str], list[str]]:
    """All numbers in one cell: (normalized valid numbers, invalid raw pieces), deduplicated in order."""
    if raw is None or isinstance(raw, bool):
        return [], []
    if isinstance(raw, (int, float)):
        text = _numeric_cell(raw)
    else:
        text = str(raw)
    text = text.translate(_FULLWIDTH)
    valid: list[str] = []
    invalid: list[str] = []
    for chunk in _SEPARATORS.split(text):
        if not chunk.strip():
            continue
        good, bad = _split_chunk(chunk.strip(), area_code)
        valid.extend(good)
        invalid.extend(bad)
    return list(dict.fromkeys(valid)), list(dict.fromkeys(invalid))


def dropped_extensions(raw: object) -> list[str]:
    """Extensions are kept in the canonical form now (0577-62345678转8001): none is dropped.
    Kept for callers written when they were."""
    return []


def is_mobile(s: str) -> bool:
    """True when the text is (after normalising) a mainland mobile number."""
    found = _try(s, "")
    return found is not None and "-" not in found


def display(number: str) -> str:
    """A canonical number grouped as people read it: 138 1234 5678, 0577-6234 5678转8001."""
    number = number.strip()
    if _MOBILE_SHAPE.fullmatch(number):
        return f"{number[:3]} {number[3:7]} {number[7:]}"
    main, ext, extension = number.partition("转")
    area, dash, local = main.partition("-")
    if dash and AREA_CODE.fullmatch(area) and local.isdigit() and len(local) > 4:
        return f"{area}-{local[:-4]} {local[-4:]}{ext}{extension}"
    return number


def mask(number: str) -> str:
    """Hide the middle for display (PIPL): 138****1234, 0577-****5678(转8001); else keep the last 4."""
    number = number.strip()
    if _MOBILE_SHAPE.fullmatch(number):
        return number[:3] + "****" + number[-4:]
    main, ext, extension = number.partition("转")
    area, dash, local = main.partition("-")
    if dash and AREA_CODE.fullmatch(area) and local.isdigit() and len(local) > 4:
        return f"{area}-{'*' * (len(local) - 4)}{local[-4:]}{ext}{extension}"
    if len(number) <= 4:
        return "*" * len(number)
    return "*" * (len(number) - 4) + number[-4:]
