"""Place names as people write them: one spelling per building.

A roster and a grid division table must name the same building the same way, or the
building gets two ids (gridkeeper.ids.building_id keys on the name): "1号楼", "一幢",
"01幢", "1#" and "１栋" are all "1幢". Shared by the roster's row checks
(io/roster_rows) and the division table's building lists (rules/building_list).
"""

from __future__ import annotations

import re

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUMBER = re.compile(r"[一二两三四五六七八九]?十?[一二三四五六七八九]?")
BUILDING = re.compile(
    r"第?\s*([A-Za-z]?\d+[A-Za-z]?|[A-Za-z]|[一二两三四五六七八九十]+)\s*"
    r"(?:号楼|号幢|号栋|号座|幢楼|栋楼|幢|栋|座|楼|号|#楼|#)?")
#: What a building's name ends with once normalised ("12幢").
BUILDING_SUFFIX = "幢"


def cn_number(text: str) -> str | None:
    """Chinese numerals up to 99 as digits ("三" -> "3", "十二" -> "12"); None for anything else."""
    if not text or not _CN_NUMBER.fullmatch(text):
        return None
    tens, _, ones = text.rpartition("十")
    if "十" not in text:
        return str(_CN_DIGITS[text]) if len(text) == 1 else None
    return str((_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0))


def number_part(text: str) -> str:
    """Digits lose leading zeros, letters go upper case, Chinese numerals become digits."""
    if text.isdigit():
        return str(int(text))
    return cn_number(text) or text.upper()


def building_name(text: str) -> str:
    """A building's one spelling, from text already cleaned (NFKC, spaces collapsed):
    "3", "03", "3号楼", "3#", "三幢", "第3幢", "3栋楼" -> "3幢"; "10a栋" -> "10A幢", "A座" -> "A幢"; a name that is no number
    ("综合楼") stays as written."""
    match = BUILDING.fullmatch(text)
    if not match:
        return text
    part = number_part(match.group(1))
    return f"{part}{BUILDING_SUFFIX}" if part.isascii() else text


def join_place(*parts: str | None) -> str:
    """A place written as one, the way it was typed: "教师新村" + "3幢楼道" -> "教师新村3幢楼道".
    Chinese needs no space between the parts; two Latin letters or digits meeting do ("A" "2" -> "A 2")."""
    out = ""
    for part in (p.strip() for p in parts if p and p.strip()):
        gap = " " if out and out[-1].isascii() and out[-1].isalnum() and part[0].isascii() and part[0].isalnum() \
            else ""
        out += gap + part
    return out
