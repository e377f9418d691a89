"""The 楼幢 cell of a grid division table: messy spellings read, and spell() round-trips."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gridkeeper.rules import building_list
from gridkeeper.rules.building_list import WHOLE, BadBuildingList, parse, spell
from gridkeeper.rules.places import building_name


def names(cell: str) -> list[str]:
    return list(parse(cell).names)


@pytest.mark.parametrize(("cell", "expected"), [
    ("1-12幢", [f"{n}幢" for n in range(1, 13)]),
    ("1～12号楼", [f"{n}幢" for n in range(1, 13)]),
    ("１－１２幢", [f"{n}幢" for n in range(1, 13)]),
    ("1至3栋", ["1幢", "2幢", "3幢"]),
    ("一至三幢", ["1幢", "2幢", "3幢"]),
    ("1 - 3幢", ["1幢", "2幢", "3幢"]),
    ("1幢、3幢、5幢", ["1幢", "3幢", "5幢"]),
    ("1,3,5", ["1幢", "3幢", "5幢"]),
    ("1幢，3幢", ["1幢", "3幢"]),
    ("2号楼 5号楼", ["2幢", "5幢"]),
    ("01幢；一幢/1#", ["1幢"]),
    ("1-5幢、8幢、综合楼", ["1幢", "2幢", "3幢", "4幢", "5幢", "8幢", "综合楼"]),
    ("「3-1」、2幢", ["3-1", "2幢"]),
])  # fmt: skip
def test_messy_cells(cell: str, expected: list[str]) -> None:
    assert names(cell) == expected


@pytest.mark.parametrize("cell", ["", None, "  ", "全部", "全 部", "整个小区", "ALL"])
def test_whole_compound(cell: str | None) -> None:
    assert parse(cell) == WHOLE


@pytest.mark.parametrize(("cell", "reason"), [
    ("12-1幢", "backwards"), ("1-9999幢", "too_many"), ("A-C座", "not_a_range"), ("全部、3幢", "all_and_more"),
    ("「3幢", "quotes"), ("x" * 30, "too_long"),
])  # fmt: skip
def test_bad_cells(cell: str, reason: str) -> None:
    with pytest.raises(BadBuildingList) as caught:
        parse(cell)
    assert caught.value.reason == reason


def test_spell_compresses_ranges() -> None:
    assert spell(["8幢", "1幢", "2幢", "3幢", "4幢", "5幢", "综合楼"]) == "1-5幢、8幢、综合楼"
    assert spell(None) == "全部"
    assert spell(["3-1", "A 座"]) == "「3-1」、「A 座」"


# Names as the profile holds them: what a roster or a table cell normalises to.
_numbered = st.integers(1, 2000).map(lambda n: f"{n}幢")
_lettered = st.tuples(st.integers(1, 99), st.sampled_from("ABCD")).map(lambda t: f"{t[0]}{t[1]}幢")
_words = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="「」"),
                 min_size=1, max_size=12)


def _canonical(raw: str) -> str:
    return building_name(building_list._clean(raw))


_name = st.one_of(_numbered, _lettered, _words.map(_canonical)).filter(
    lambda n: 0 < len(n) <= building_list.MAX_NAME)


@given(st.lists(_name, min_size=1, max_size=40))
def test_spell_then_parse_round_trips(listed: list[str]) -> None:
    back = parse(spell(listed))
    assert not back.whole
    assert set(back.names) == set(listed)


@given(_name)
def test_a_canonical_name_is_its_own_spelling(name: str) -> None:
    assert _canonical(name) == name


@given(st.text(max_size=40))
def test_any_cell_reads_or_says_why(cell: str) -> None:
    try:
        parsed = parse(cell)
    except BadBuildingList as exc:
        assert exc.reason in building_list.REASONS
        return
    assert parsed.whole or all(0 < len(n) <= building_list.MAX_NAME for n in parsed.names)
    again = parse(spell(None if parsed.whole else parsed.names))
    assert again.whole == parsed.whole and set(again.names) == set(parsed.names)
