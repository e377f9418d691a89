"""Cells that are not what they show (rules/text) and cells too long for their field
(roster_rows.FIELD_LIMITS): each finding of the review of 2026-12-07 on its own."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from gridkeeper import ids
from gridkeeper.io.roster import FIELDS, Header, Sheet, detect_header, read_sheet, validate
from gridkeeper.io.roster_rows import FIELD_LIMITS, TAG_LIMIT, RosterRow
from gridkeeper.rules import text
from tests.io.roster_builder import RosterBuilder, valid_id

TODAY = date(2024, 6, 1)
HEADERS = ["姓名", "公民身份号码", "社区", "小区", "楼栋", "房号", "备注"]
ID = valid_id("330382", date(1950, 3, 2), 11)


def _one(tmp_path: Path, name: object, community: object = "塘川社区", note: object = None) -> RosterRow:
    """One row through a real workbook (control characters written as Excel writes them)."""
    b = RosterBuilder(HEADERS)
    b.add(name, ID, community, "阳光花园", "3", "501", note)
    sheet = read_sheet(b.save(tmp_path / "r.xlsx"))
    (row,) = validate(sheet, detect_header(sheet), today=TODAY)
    return row


def _codes(row: RosterRow) -> list[str]:
    return [i.code for i in row.issues]


def _stored_text(row: RosterRow) -> list[str]:
    values = [row.name, row.ethnicity, row.relation, row.community, row.compound, row.building, row.unit,
              row.room, row.household_no, row.residence_status, row.note, row.head_name, *row.tags]
    return [v for v in values if v]


# --- findings ----------------------------------------------------------------------------


def test_a_name_with_nul_is_rejected(tmp_path: Path) -> None:
    row = _one(tmp_path, "张三\x00李四")
    assert row.rejected and _codes(row) == ["text_control"]
    assert "control characters" in row.issues[0].text() and row.issues[0].column == "A"


def test_a_name_with_ansi_escapes_is_rejected(tmp_path: Path) -> None:
    row = _one(tmp_path, "\x1b[31m张三\x1b[0m")
    assert row.rejected and _codes(row) == ["text_control"]


def test_a_name_with_a_right_to_left_override_is_rejected(tmp_path: Path) -> None:
    """"\u202e三张" shows as 张三 but is stored as 三张: which one is meant cannot be told."""
    for override in ("\u202e", "\u202a", "\u2066", "\u2069"):
        row = _one(tmp_path, override + "三张")
        assert row.rejected and _codes(row) == ["text_bidi"], override


def test_a_zero_width_space_alone_is_an_empty_name(tmp_path: Path) -> None:
    for invisible in ("\u200b", "\ufeff", "\u2060\u200d", "\u3164", "\u00ad"):
        row = _one(tmp_path, invisible)
        assert row.rejected and _codes(row) == ["name_missing"], repr(invisible)


def test_a_name_of_300_characters_is_rejected(tmp_path: Path) -> None:
    row = _one(tmp_path, "王" * 300)
    assert row.rejected and _codes(row) == ["text_too_long"]
    assert row.issues[0].text() == "Row 2, column A: The cell holds 300 characters; at most 50 fit in this column."


def test_a_community_with_nul_is_not_a_second_community(tmp_path: Path) -> None:
    """"塘川社区\x00DROP" shows as 塘川社区 wherever text ends at NUL: the row is rejected, so no
    community of that name is ever made."""
    row = _one(tmp_path, "张三", community="塘川社区\x00DROP")
    assert row.rejected and [(i.code, i.column) for i in row.issues] == [("text_control", "C")]


def test_invisible_characters_are_removed_before_names_are_compared_or_made_ids(tmp_path: Path) -> None:
    row = _one(tmp_path, "张\u200b三\u200e", community="\ufeff塘川\u200d社区\u2060")
    assert not row.issues
    assert (row.name, row.community) == ("张三", "塘川社区")
    assert ids.community_id(row.community) == ids.community_id("塘川社区")
    assert ids.household_id(row.community, row.compound, row.building, row.unit, row.room) == ids.household_id(
        "塘川社区", "阳光花园", "3幢", "", "501")


# --- every stored field ----------------------------------------------------------------


def _sheet(field: str, value: object) -> tuple[Sheet, Header]:
    """A sheet with one column per field and one row: `value` in `field`, the rest a valid person."""
    good: dict[str, object] = {"name": "张三", "id_number": ID, "building": "3", "room": "501"}
    labels = [f for f in FIELDS]
    row = [value if f == field else good.get(f) for f in FIELDS]
    return Sheet("花名册", [labels, row]), Header(1, {f: i for i, f in enumerate(FIELDS)}, labels, [])


@pytest.mark.parametrize("field", sorted(FIELD_LIMITS))
def test_each_field_has_a_length_that_fits_its_meaning(field: str) -> None:
    limit = FIELD_LIMITS[field]
    short = "1" * limit if field in ("unit", "room", "building") else "户" * limit
    if field == "phones":
        short = "、".join(["13812345678"] * 17)[:limit]
    if field == "tags":
        short = "、".join(["独居老人"] * 40)[:limit]
    (row,) = validate(*_sheet(field, short), today=TODAY)
    assert "text_too_long" not in _codes(row), (field, row.issues)
    (row,) = validate(*_sheet(field, short + "户" * 5), today=TODAY)
    assert row.rejected and "text_too_long" in _codes(row), (field, row.issues)
    issue = next(i for i in row.issues if i.code == "text_too_long")
    assert issue.field == field and f"at most {limit}" in issue.text()


def test_a_tag_has_its_own_limit() -> None:
    (row,) = validate(*_sheet("tags", "独居老人、" + "很" * (TAG_LIMIT + 1)), today=TODAY)
    assert row.rejected and _codes(row) == ["tag_too_long"]
    (row,) = validate(*_sheet("tags", "独居老人、" + "很" * TAG_LIMIT), today=TODAY)
    assert not row.rejected and row.tags == ["独居老人", "很" * TAG_LIMIT]


@pytest.mark.parametrize("field", ["name", "head_name", "relation", "ethnicity", "community", "compound", "building",
                                   "unit", "room", "household_no", "residence_status", "tags", "note"])
@pytest.mark.parametrize(("junk", "code"), [("\x00", "text_control"), ("\x1b[0m", "text_control"),
                                            ("\x07", "text_control"), ("\x9b", "text_control"),
                                            ("\u202e", "text_bidi"), ("\u2067", "text_bidi")])
def test_no_stored_field_takes_a_control_or_direction_character(field: str, junk: str, code: str) -> None:
    (row,) = validate(*_sheet(field, "阳光" + junk + "花园"), today=TODAY)
    assert row.rejected and code in _codes(row), (field, row.issues)


@pytest.mark.parametrize("field", ["name", "head_name", "relation", "ethnicity", "community", "compound",
                                   "household_no", "residence_status", "tags", "note"])
def test_no_stored_field_keeps_an_invisible_character(field: str) -> None:
    (row,) = validate(*_sheet(field, "\u200b阳光\u2060花园\ufeff"), today=TODAY)
    assert not row.rejected, row.issues
    assert all(text.SUSPECT.search(v) is None for v in _stored_text(row))
    assert "阳光花园" in _stored_text(row)


def test_whitespace_controls_are_spaces() -> None:
    """Tabs, line breaks, vertical tab (Word's manual line break), form feed: collapsed as spaces."""
    (row,) = validate(*_sheet("note", "第一行\n第二行\x0b第三行\t完"), today=TODAY)
    assert not row.rejected and row.note == "第一行 第二行 第三行 完"


def test_messages_quote_a_cell_as_it_shows_and_cut_short() -> None:
    (row,) = validate(*_sheet("gender", "\u200b男\x00" + "x" * 100), today=TODAY)
    (issue,) = row.issues
    value = dict(issue.params)["value"]
    assert value.startswith("男x") and value.endswith("…") and len(value) == 41
    assert text.SUSPECT.search(value) is None


def test_a_header_with_invisible_characters_is_still_found() -> None:
    sheet = Sheet("花名册", [["\u200b姓名\ufeff", "公民身份\u200d号码", "楼栋", "房号"], ["张三", ID, "3", "501"]])
    header = detect_header(sheet)
    assert header.columns == {"name": 0, "id_number": 1, "building": 2, "room": 3}


def test_an_id_number_or_phone_never_keeps_junk() -> None:
    (row,) = validate(*_sheet("id_number", ID[:9] + "\u200b" + ID[9:]), today=TODAY)
    assert not row.rejected and row.id_number == ID
    (row,) = validate(*_sheet("id_number", ID[:9] + "\x00" + ID[9:]), today=TODAY)
    assert row.rejected and row.id_number is None
    (row,) = validate(*_sheet("phones", "13812345678、138\x0012345679"), today=TODAY)
    assert row.phones == ["13812345678"] and "phone_invalid" in _codes(row)
