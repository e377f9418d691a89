"""The 楼幢 cell of a grid division table (网格划分表): which buildings of a compound a grid covers.

Written the ways streets write it, all read to one list of building names (rules/places):

    "1-12幢", "1～12号楼", "１－１２幢", "一至十二幢"   a range (at most MAX_RANGE buildings)
    "1幢、3幢、5幢", "1,3,5", "1幢，3幢", "2号楼 5号楼"   a list (、，,;；/ or spaces between)
    "1-5幢、8幢、综合楼"                             both, and names that are no number
    "全部", "整个小区", "" (an empty cell)           the whole compound

An empty cell means the whole compound: a row that names a compound and no buildings
means all of it, which is how streets fill the table for small compounds (and a new
building of the compound lands in the grid). A name that would not read back as itself
(one holding a separator or a dash, "3-1") is written in 「」 by spell() and read from
them by parse(), so spell() and parse() round-trip every list of building names.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from gridkeeper.rules.places import BUILDING_SUFFIX, building_name, cn_number

#: What spell() writes for a whole compound.
ALL = "全部"
_ALL_WORDS = frozenset({"全部", "全部楼幢", "全部楼栋", "所有", "所有楼幢", "整个小区", "全小区", "整小区", "all"})
#: A range may span this many buildings; "1-99999幢" is a typing mistake, not a compound.
MAX_RANGE = 300
#: A building's name is at most this long (the roster's limit for the field).
MAX_NAME = 20

_SUFFIX = r"(?:号楼|号幢|号栋|幢|栋|号|#楼|#)?"
_NUMBER = r"(\d+|[一二两三四五六七八九十]+)"
_DASHES = "-~至到—–‐"
_RANGE = re.compile(rf"{_NUMBER}{_SUFFIX}[{_DASHES}]+{_NUMBER}{_SUFFIX}")
_TOKEN = re.compile(r"「([^「」]*)」|([^、,;/\s「」]+)")
_SEPARATORS = re.compile(r"[、,;/\s]*")
_AROUND_DASH = re.compile(rf"\s*([{_DASHES}]+)\s*")


class BadBuildingList(ValueError):
    """The cell cannot be read as buildings; `reason` is one of the REASONS keys, `part` the piece."""

    def __init__(self, reason: str, part: str) -> None:
        super().__init__(f"{reason}: {part!r}")
        self.reason = reason
        self.part = part


REASONS = ("backwards", "too_many", "not_a_range", "too_long", "all_and_more", "quotes")


@dataclass(frozen=True)
class BuildingList:
    """Either the whole compound (`whole`) or the named buildings, each once, in the cell's order."""

    whole: bool
    names: tuple[str, ...] = ()


WHOLE = BuildingList(True)


def _clean(text: str) -> str:
    """NFKC (full-width digits, dashes, commas and spaces to ASCII), whitespace collapsed; 「」 and
    、 survive NFKC. The wave dash ～ becomes ~ under NFKC; 〜 (U+301C) is mapped by hand."""
    return " ".join(unicodedata.normalize("NFKC", text).replace("〜", "~").replace("；", ";").split())


def _number(text: str) -> int:
    return int(text) if text.isdigit() else int(cn_number(text) or "0")


def parse(cell: str | None) -> BuildingList:
    """The buildings a 楼幢 cell names; BadBuildingList when a piece cannot be read."""
    text = _clean(cell or "")
    if not text or text.replace(" ", "").lower() in _ALL_WORDS:
        return WHOLE
    text = _AROUND_DASH.sub(r"\1", text)  # "1 - 12幢" is one range, not three pieces
    names: dict[str, None] = {}
    at = 0
    for m in _TOKEN.finditer(text):
        if _SEPARATORS.fullmatch(text[at:m.start()]) is None:
            raise BadBuildingList("quotes", text[at:m.start()])
        at = m.end()
        quoted, bare = m.group(1), m.group(2)
        if quoted is not None:
            name = building_name(_clean(quoted))
            if name:
                names[_checked(name)] = None
            continue
        if bare.lower() in _ALL_WORDS:
            raise BadBuildingList("all_and_more", text)
        for name in _bare(bare):
            names[name] = None
    if _SEPARATORS.fullmatch(text[at:]) is None:
        raise BadBuildingList("quotes", text[at:])
    return BuildingList(False, tuple(names)) if names else WHOLE


def _bare(piece: str) -> list[str]:
    ranged = _RANGE.fullmatch(piece)
    if ranged is not None:
        lo, hi = _number(ranged.group(1)), _number(ranged.group(2))
        if lo > hi:
            raise BadBuildingList("backwards", piece)
        if hi - lo + 1 > MAX_RANGE:
            raise BadBuildingList("too_many", piece)
        return [f"{n}{BUILDING_SUFFIX}" for n in range(lo, hi + 1)]
    if any(c in _DASHES for c in piece):
        raise BadBuildingList("not_a_range", piece)
    return [_checked(building_name(piece))]


def _checked(name: str) -> str:
    if len(name) > MAX_NAME:
        raise BadBuildingList("too_long", name)
    return name


def _numbered(name: str) -> int | None:
    """N for "N幢" (N without leading zeros), else None."""
    digits = name[:-1]
    if name.endswith(BUILDING_SUFFIX) and digits.isascii() and digits.isdigit() and str(int(digits)) == digits:
        return int(digits)
    return None


def spell(names: Iterable[str] | None) -> str:
    """The cell for these buildings (None: the whole compound): numbered ones as ranges, in order,
    then the others; "1-5幢、8幢、综合楼". parse(spell(x)) gives x's names back (as a set)."""
    if names is None:
        return ALL
    numbers: list[int] = []
    others: list[str] = []
    for name in dict.fromkeys(names):
        n = _numbered(name)
        if n is None:
            others.append(name)
        else:
            numbers.append(n)
    parts: list[str] = []
    numbers.sort()
    i = 0
    while i < len(numbers):
        j = i
        while j + 1 < len(numbers) and numbers[j + 1] == numbers[j] + 1 and numbers[j + 1] - numbers[i] < MAX_RANGE:
            j += 1
        parts.append(f"{numbers[i]}{BUILDING_SUFFIX}" if i == j else f"{numbers[i]}-{numbers[j]}{BUILDING_SUFFIX}")
        i = j + 1
    for name in sorted(others):
        bare = _TOKEN.fullmatch(name)
        plain = bare is not None and bare.group(2) is not None and name.lower() not in _ALL_WORDS
        if plain:
            try:
                plain = _bare(name) == [name]
            except BadBuildingList:
                plain = False
        parts.append(name if plain else f"「{name}」")
    return "、".join(parts) if parts else ALL
