"""Phone numbers as roster cells hold them: mobiles, landlines, several per cell.

Cells come with +86, spaces, dashes, parentheses, full-width digits, extensions,
or as Excel numbers. We normalise to one canonical form so numbers compare and
deduplicate, and mask them for display (PIPL).
"""

from __future__ import annotations

import math
import re

# Full-width ASCII (U+FF01..U+FF5E) and the ideographic space map to ASCII.
_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_MOBILE = re.compile(r"1[3-9]\d{9}")
_LANDLINE = re.compile(r"(010|02\d|0[3-9]\d{2})([1-9]\d{6,7})")
_EXTENSION_WORD = re.compile(r"^(.*\d)\s*(?:转|分机|ext\.?)\s*\d{1,6}$", re.IGNORECASE)
_EXTENSION_DASH = re.compile(r"^(.*)-\d{1,5}$")
_SEPARATORS = re.compile(r"[、,;/|\r\n]+")
_FORMATTING = re.compile(r"[\s\-\u2010-\u2015()\[\].]+")
_COUNTRY = re.compile(r"^(?:\+|00)86")
_FLOAT_TEXT = re.compile(r"^(\d+)\.0+$")  # "13812345678.0": a number cell saved as text


class PhoneError(ValueError):
    """A piece of text that is not a Chinese mobile or landline number."""

    code = "phone_invalid"

    def __init__(self, raw: str) -> None:
        super().__init__(f"Not a phone number: {raw!r}")
        self.raw = raw


def _digits(text: str) -> str | None:
    """Strip formatting and the country code; None if anything but digits remains."""
    text = _FORMATTING.sub("", text)
    international = bool(_COUNTRY.match(text))
    digits = _COUNTRY.sub("", text)
    if not digits.isascii() or not digits.isdigit():
        return None
    if not international and len(digits) == 13 and digits.startswith("86") and _MOBILE.fullmatch(digits[2:]):
        return digits[2:]  # "86" typed without the plus
    if international and not digits.startswith("0") and not _MOBILE.fullmatch(digits):
        return "0" + digits  # +86 577 ... drops the trunk 0
    return digits


def _canonical(digits: str | None) -> str | None:
    if digits is None:
        return None
    if _MOBILE.fullmatch(digits):
        return digits
    m = _LANDLINE.fullmatch(digits)
    return f"{m.group(1)}-{m.group(2)}" if m else None


def normalize_one(raw: str) -> str:
    """One number to canonical form: 13812345678 or 0577-62345678 (extension dropped)."""
    text = _FLOAT_TEXT.sub(r"\1", str(raw).translate(_FULLWIDTH).strip())
    word = _EXTENSION_WORD.match(text)
    if word:
        text = word.group(1)
    found = _canonical(_digits(text))
    if found and not (word and "-" not in found):  # only landlines have extensions
        return found
    # "0577-62345678-123": drop a dash extension, but only after an 8-digit local number.
    dash = _EXTENSION_DASH.match(text.rstrip())
    if dash:
        found = _canonical(_digits(dash.group(1)))
        if found and "-" in found and len(found.split("-")[1]) == 8:
            return found
    raise PhoneError(str(raw))


def _numeric_cell(raw: int | float) -> str:
    if isinstance(raw, float) and math.isfinite(raw) and raw.is_integer():
        return str(int(raw))
    return str(raw)


def _try(text: str) -> str | None:
    try:
        return normalize_one(text)
    except PhoneError:
        return None


def _split_chunk(chunk: str) -> tuple[list[str], list[str]]:
    """Split on whitespace, rejoining runs such as '0577 62345678' or '138 1234 5678'."""
    whole = _try(chunk)
    if whole:
        return [whole], []
    tokens = chunk.split()
    valid: list[str] = []
    invalid: list[str] = []
    i = 0
    while i < len(tokens):
        for j in range(len(tokens), i, -1):  # longest run first
            found = _try(" ".join(tokens[i:j]))
            if found:
                valid.append(found)
                i = j
                break
        else:
            invalid.append(tokens[i])
            i += 1
    return valid, invalid


def split_cell(raw: object) -> tuple[list[str], list[str]]:
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
        good, bad = _split_chunk(chunk.strip())
        valid.extend(good)
        invalid.extend(bad)
    return list(dict.fromkeys(valid)), list(dict.fromkeys(invalid))


def dropped_extensions(raw: object) -> list[str]:
    """The extensions split_cell's numbers were written with (转8001, -123), which their
    canonical form leaves out: for a roster import to say so instead of losing them quietly."""
    if not isinstance(raw, str):
        return []
    dropped = []
    for chunk in _SEPARATORS.split(raw.translate(_FULLWIDTH)):
        text = _FLOAT_TEXT.sub(r"\1", chunk.strip())
        word = _EXTENSION_WORD.match(text)
        if word and _try(text):
            dropped.append(text[len(word.group(1)):].strip())
        elif _canonical(_digits(text)) is None and _try(text):
            dash = _EXTENSION_DASH.match(text)
            if dash:
                dropped.append(text[len(dash.group(1)):])
    return dropped


def is_mobile(s: str) -> bool:
    """True when the text is (after normalising) a mainland mobile number."""
    found = _try(s)
    return found is not None and "-" not in found


def mask(number: str) -> str:
    """Hide the middle for display (PIPL): 138****1234, 0577-****5678; else keep the last 4."""
    number = number.strip()
    if _MOBILE.fullmatch(number):
        return number[:3] + "****" + number[-4:]
    area, dash, local = number.partition("-")
    m = _LANDLINE.fullmatch(area + local) if dash else None
    if m and m.group(1) == area:
        return f"{area}-{'*' * (len(local) - 4)}{local[-4:]}"
    if len(number) <= 4:
        return "*" * len(number)
    return "*" * (len(number) - 4) + number[-4:]
