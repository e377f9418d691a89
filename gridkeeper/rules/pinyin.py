"""Pinyin search keys for Chinese names, so cadres can type "zw" or "zhangwei" to find 张伟.

pypinyin reads many surnames with their common-word reading (曾 ceng, 单 dan,
仇 chou...), so the surname is taken from SURNAME_READINGS when it applies.
pypinyin is imported lazily: it loads large dictionaries, and startup must stay fast.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Container
from functools import lru_cache

# Surname readings (toneless, ü as v) where pypinyin's default is wrong or unstable.
SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    # single surnames
    "曾": ("zeng",), "单": ("shan",), "仇": ("qiu",), "解": ("xie",), "查": ("zha",),
    "覃": ("qin",), "区": ("ou",), "朴": ("piao",), "盖": ("ge",), "乐": ("yue",),
    "缪": ("miao",), "翟": ("zhai",), "种": ("chong",), "召": ("shao",), "秘": ("bi",),
    "句": ("gou",), "员": ("yun",), "贲": ("ben",), "隗": ("wei",), "柏": ("bai",),
    "祭": ("zhai",), "能": ("nai",), "繁": ("po",), "尉": ("wei",), "万": ("wan",),
    "沈": ("shen",), "藏": ("zang",), "厍": ("she",), "卜": ("bu",), "薄": ("bo",),
    "阚": ("kan",), "褚": ("chu",), "相": ("xiang",), "燕": ("yan",), "重": ("chong",),
    "角": ("jue",), "折": ("she",), "宿": ("su",),
    # compound surnames
    "澹台": ("tan", "tai"), "尉迟": ("yu", "chi"), "万俟": ("mo", "qi"),
    "长孙": ("zhang", "sun"), "单于": ("chan", "yu"), "令狐": ("ling", "hu"),
    "欧阳": ("ou", "yang"), "上官": ("shang", "guan"), "司马": ("si", "ma"),
    "诸葛": ("zhu", "ge"), "皇甫": ("huang", "fu"), "公孙": ("gong", "sun"),
    "东方": ("dong", "fang"), "慕容": ("mu", "rong"), "夏侯": ("xia", "hou"),
    "闻人": ("wen", "ren"), "司徒": ("si", "tu"), "西门": ("xi", "men"),
    "南宫": ("nan", "gong"), "宇文": ("yu", "wen"), "申屠": ("shen", "tu"),
    "轩辕": ("xuan", "yuan"), "呼延": ("hu", "yan"), "端木": ("duan", "mu"),
    "百里": ("bai", "li"), "东郭": ("dong", "guo"), "第五": ("di", "wu"),
    "赫连": ("he", "lian"),
}

_HAN_RANGES: tuple[tuple[int, int], ...] = (
    (0x3007, 0x3007),  # 〇
    (0x3400, 0x4DBF),  # extension A
    (0x4E00, 0x9FFF),  # unified ideographs
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0x20000, 0x3134F),  # extensions B-G
)


def _is_han(ch: str) -> bool:
    cp = ord(ch)
    if 0x4E00 <= cp <= 0x9FFF:  # the unified ideographs: nearly every character of a name
        return True
    return any(lo <= cp <= hi for lo, hi in _HAN_RANGES)


@lru_cache(maxsize=1)
def _pypinyin() -> tuple[Callable[[str], list[str]], Container[str]]:
    """pypinyin's reader and phrase table, imported on first use (heavy import)."""
    from pypinyin import Style, lazy_pinyin
    from pypinyin.constants import PHRASES_DICT

    def read(text: str) -> list[str]:
        return lazy_pinyin(text, style=Style.NORMAL, v_to_u=False)

    return read, PHRASES_DICT


@lru_cache(maxsize=1 << 15)
def _char_reading(ch: str) -> str:
    """pypinyin's default reading of one character (the character itself if it has none)."""
    return "".join(_pypinyin()[0](ch)).lower()


def _read_han(run: str) -> list[str]:
    """pypinyin's reading of a run of Han characters, phrases included.

    Phrase-aware segmentation costs ~60 µs a call; most given names contain no
    dictionary phrase, so those are read from the per-character cache instead,
    which gives the same answer and keys 80,000 names in well under a second.
    """
    read, phrases = _pypinyin()
    n = len(run)
    if any(run[i:j] in phrases for i in range(n - 1) for j in range(i + 2, n + 1)):
        return [s.lower() for s in read(run)]
    return [_char_reading(ch) for ch in run]


def _surname(name: str) -> tuple[list[str], int]:
    """Reading of the leading surname and how many characters it covers.

    The surname is read on its own so that no dictionary phrase spans the
    surname and the given name (洋行陈 is yang xing chen, not yang hang chen).
    """
    if len(name) >= 3 and name[:2] in SURNAME_READINGS:
        return list(SURNAME_READINGS[name[:2]]), 2
    if name[:1] in SURNAME_READINGS:
        return list(SURNAME_READINGS[name[:1]]), 1
    if name and _is_han(name[0]):
        return [_char_reading(name[0])], 1
    return [], 0


def _read_rest(text: str) -> list[str]:
    """Han runs through pypinyin; letter/digit runs stay one lowercased item; · etc. dropped."""
    out: list[str] = []
    run: list[str] = []
    run_is_han = False
    for ch in text + " ":  # the sentinel flushes the last run
        han = _is_han(ch)
        if run and (han != run_is_han or not (han or ch.isalnum())):
            out.extend(_read_han("".join(run)) if run_is_han else ["".join(run).lower()])
            run.clear()
        if han or ch.isalnum():
            run.append(ch)
            run_is_han = han
    return out


@lru_cache(maxsize=1 << 17)
def _syllables(name: str) -> tuple[str, ...]:
    """Cached: rosters repeat names, and whole rosters are keyed at once."""
    name = "".join(unicodedata.normalize("NFKC", name).split())
    head, used = _surname(name)
    return tuple(head + _read_rest(name[used:]))


def name_syllables(name: str) -> list[str]:
    """Toneless lowercase pinyin per character (a Latin/digit run stays one item); · dropped."""
    return list(_syllables(name))


def initials(name: str) -> str:
    """First letter of each syllable: 张伟 → "zw", 欧阳修 → "oyx"."""
    return "".join(s[0] for s in _syllables(name))


def full(name: str) -> str:
    """All syllables joined: 张伟 → "zhangwei"."""
    return "".join(_syllables(name))
