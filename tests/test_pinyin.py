"""Pinyin search keys: surnames read as surnames, the rest as pypinyin reads it."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gridkeeper.rules.pinyin import SURNAME_READINGS, full, initials, name_syllables


@pytest.mark.parametrize(
    ("name", "keys", "spelled"),
    [
        # pypinyin's defaults would give c, d, c, j, c, t, q for these surnames.
        ("曾伟", "zw", "zengwei"),
        ("曾建国", "zjg", "zengjianguo"),
        ("单雄信", "sxx", "shanxiongxin"),
        ("仇英", "qy", "qiuying"),
        ("解缙", "xj", "xiejin"),
        ("查良镛", "zly", "zhaliangyong"),
        ("覃明", "qm", "qinming"),
        ("区小梅", "oxm", "ouxiaomei"),
        ("朴正", "pz", "piaozheng"),
        ("翟丽", "zl", "zhaili"),
        ("缪斌", "mb", "miaobin"),
        ("卜凡", "bf", "bufan"),
    ],
)
def test_polyphonic_surnames(name: str, keys: str, spelled: str) -> None:
    assert initials(name) == keys
    assert full(name) == spelled


def test_plain_name() -> None:
    assert initials("张伟") == "zw"
    assert full("张伟") == "zhangwei"
    assert name_syllables("张伟") == ["zhang", "wei"]


@pytest.mark.parametrize(
    ("name", "syllables"),
    [
        ("欧阳修", ["ou", "yang", "xiu"]),
        ("司马相如", ["si", "ma", "xiang", "ru"]),
        ("尉迟恭", ["yu", "chi", "gong"]),
        ("万俟卨", ["mo", "qi", "xie"]),
        ("单于丹", ["chan", "yu", "dan"]),
        ("长孙无忌", ["zhang", "sun", "wu", "ji"]),
    ],
)
def test_compound_surnames(name: str, syllables: list[str]) -> None:
    assert name_syllables(name) == syllables


def test_compound_surname_keys() -> None:
    assert initials("欧阳修") == "oyx"
    assert full("诸葛亮") == "zhugeliang"


def test_two_characters_are_not_a_compound_surname() -> None:
    # 单于 alone is read as surname 单 + given name 于.
    assert name_syllables("单于") == ["shan", "yu"]


def test_surname_readings_only_apply_to_the_surname() -> None:
    # 曾 and 单 in given-name position keep pypinyin's default reading.
    assert full("张曾") == "zhangceng"
    assert initials("张曾") == "zc"
    assert full("李单") == "lidan"
    assert initials("曾曾") == "zc"


def test_no_phrase_spans_surname_and_given_name() -> None:
    # 行 after 洋 would read hang (洋行, a trading house); in a name it is xing.
    assert name_syllables("洋行陈") == ["yang", "xing", "chen"]


def test_given_name_phrases_use_pypinyin() -> None:
    assert name_syllables("卢长江") == ["lu", "chang", "jiang"]


def test_minority_name_with_middle_dot() -> None:
    assert name_syllables("买买提·艾力") == ["mai", "mai", "ti", "ai", "li"]
    assert initials("买买提·艾力") == "mmtal"
    assert full("阿依古丽•买买提") == "ayigulimaimaiti"
    assert full("热依拉・吐尔逊") == full("热依拉·吐尔逊")


def test_u_umlaut_is_v() -> None:
    assert full("吕女") == "lvnv"
    assert initials("吕布") == "lb"


def test_latin_and_digits_pass_through_lowercased() -> None:
    assert name_syllables("Tom李") == ["tom", "li"]
    assert initials("Tom李") == "tl"
    assert name_syllables("ＡＢ张３") == ["ab", "zhang", "3"]


def test_spaces_ignored_and_empty() -> None:
    assert full("张 伟") == "zhangwei"
    assert name_syllables("") == []
    assert initials("") == ""
    assert full("·") == ""


def test_name_syllables_returns_a_fresh_list() -> None:
    first = name_syllables("王芳")
    first.append("x")
    assert name_syllables("王芳") == ["wang", "fang"]


def test_required_surnames_are_in_the_table() -> None:
    for surname, reading in {
        "曾": "zeng", "单": "shan", "仇": "qiu", "解": "xie", "查": "zha", "覃": "qin", "区": "ou",
        "澹台": "tantai", "万俟": "moqi", "赫连": "helian",
    }.items():
        assert "".join(SURNAME_READINGS[surname]) == reading


def test_table_readings_are_lowercase_ascii_one_per_character() -> None:
    for surname, reading in SURNAME_READINGS.items():
        assert len(reading) == len(surname)
        assert all(s.isascii() and s.isalpha() and s.islower() for s in reading)


def test_importing_does_not_import_pypinyin() -> None:
    code = "import sys, gridkeeper.rules.pinyin; print('pypinyin' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


common = st.text(alphabet="张王李赵刘陈杨黄周吴伟芳娜秀英敏静丽强磊军洋勇艳杰娟长乐朝重行", min_size=1, max_size=4)


@given(common)
def test_keys_are_consistent(name: str) -> None:
    syllables = name_syllables(name)
    assert len(syllables) == len(name)
    assert full(name) == "".join(syllables)
    assert initials(name) == "".join(s[0] for s in syllables)
    assert full(name).isascii() and full(name).islower()
