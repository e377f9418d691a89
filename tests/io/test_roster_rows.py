"""Row validation: the exact outcome for every row of a messy roster, and each rule on its own."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gridkeeper.io.roster import (
    FIELD_LABELS,
    FIELDS,
    Header,
    Issue,
    RosterRow,
    Sheet,
    detect_header,
    read_sheet,
    validate,
)
from gridkeeper.io.roster_cells import _fast_id, _id_birth, _Memo, _phones
from gridkeeper.rules import idnumber, phone
from tests.io.roster_builder import (
    RosterBuilder,
    bad_checksum,
    excel_serial,
    full_width,
    id_ending_in_x,
    legacy_15,
    valid_id,
)

TODAY = date(2024, 6, 1)
LABELS: list[object] = [FIELD_LABELS[f] for f in FIELDS]  # English headers, one column per field

MESSY_HEADERS = ["序号", "*姓名", "户主姓名", "与户主关系(名称)", "公民身份\n号码（必填）", "性别", "出生年月", "民族",
                 "联系方式", "社区", "小区名称", "楼号", "单元", "室", "户号", "人户一致情况", "人员类别", "备注"]  # fmt: skip
COLUMN = {"name": "B", "id_number": "E", "gender": "F", "birth_date": "G", "phones": "I", "building": "L", "room": "N"}


def messy_row(
    name: object, id_number: object = None, gender: object = None, birth: object = None, phones: object = None,
    *, building: object = "3", unit: object = "2", room: object = "501", relation: object = None,
    head: object = None, tags: object = None, note: object = None, household: object = None,
    residence: object = None, community: object = "阳光社区", compound: object = "阳光花园",
) -> list[object]:  # fmt: skip
    return [None, name, head, relation, id_number, gender, birth, "汉族", phones, community, compound,
            building, unit, room, household, residence, tags, note]  # fmt: skip


A = valid_id("330382", date(1950, 3, 2), 123)  # male
C = valid_id("330382", date(1978, 12, 1), 55)
D = valid_id("110105", date(1949, 12, 31), 4)  # ends in a digit: it must fit in a float
X = id_ending_in_x("330302", date(1988, 11, 30))
OLD = valid_id("330382", date(1965, 1, 5), 31)
E = bad_checksum(valid_id("330382", date(1960, 5, 5), 77))
F = valid_id("330382", date(1945, 8, 15), 9)  # male
G = valid_id("330382", date(1972, 10, 1), 12)  # female
H = valid_id("330382", date(1990, 1, 20), 41)
NONAME = valid_id("330382", date(1999, 9, 9), 3)
NOROOM = valid_id("330382", date(2000, 1, 1), 7)
_FIRST17 = "330382" + "19501332" + "123"
BAD_BIRTH = _FIRST17 + idnumber.check_char(_FIRST17)
I = valid_id("330382", date(2001, 2, 3), 88)
K = valid_id("330382", date(1983, 4, 4), 5)


@pytest.fixture(scope="module")
def messy(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    b = RosterBuilder(MESSY_HEADERS)
    b.title("城南街道阳光社区户籍人口花名册").title("填报日期：2024年5月", merged=False)
    b.sheet_after("统计", [["姓名", "身份证号", "楼栋", "房号"], ["合计", 999, None, None]])
    b.blank()
    rows = {
        "ok": b.add(*messy_row("张三", A, "男", date(1950, 3, 2), "13812345678、0577-62345678", unit="2单元",
                               room="501室", relation="本人", head="张三", tags="独居、高龄", household=12345,
                               residence="人户一致")),  # fmt: skip
        "int": b.add(*messy_row("李四", int(C), "男")),
        "float": b.add(*messy_row("王五", float(D), "女")),
        "x": b.add(*messy_row("赵六", full_width(X[:17]) + "x", building="３幢", unit="２", room=502.0)),
        "old": b.add(*messy_row("孙七", legacy_15(OLD), building="3栋", room="601")),
        "checksum": b.add(*messy_row("周八", E)),
    }
    b.blank()
    rows |= {
        "dup": b.add(*messy_row("吴九", A, "男")),
        "repeat": b.add(*messy_row("赵六", full_width(X[:17]) + "x", building="３幢", unit="２", room=502.0)),
        "serial": b.add(*messy_row("郑十", F, "女", excel_serial(date(1945, 8, 15)), building="5号楼")),
        "mismatch": b.add(*messy_row("钱一", G, "女", "1972年10月2日")),
        "phones": b.add(*messy_row("冯二", H, "M", "1990.1.20", "138 1234 5678; 12345")),
        "noid": b.add(*messy_row("陈三", None, "女", "19800302", building="7", unit="1", room="101")),
        "noname": b.add(*messy_row(None, NONAME)),
        "noroom": b.add(*messy_row("褚四", NOROOM, room=None)),
        "noid_repeat": b.add(*messy_row("陈三", None, "女", "19800302", building="7", unit="1", room="101")),
        "noid_other": b.add(*messy_row("陈三", None, "女", "19800302", "13900001111", building="7", unit="1",
                                       room="101")),  # fmt: skip
        "badbirth": b.add(*messy_row("卫五", BAD_BIRTH)),
        "birthtext": b.add(*messy_row("蒋六", I, None, "不详")),
        "length": b.add(*messy_row("沈七", A[:17])),
        "spaced": b.add(*messy_row("韩八", f"{K[:6]} {K[6:14]} {K[14:]}", "男", tags="低保;残疾 重病")),
        "scientific": b.add(*messy_row("杨九", "3.30382E+17")),
        "noid_ok": b.add(*messy_row("朱十", None, "female", date(1930, 1, 1), building="A", room=1)),
        "serial_only": b.add(28),  # only the unmapped 序号 column: not a person
    }
    b.blank(2)
    return b.save(tmp_path_factory.mktemp("messy") / "messy.xlsx"), rows


@pytest.fixture(scope="module")
def outcome(messy: tuple[Path, dict[str, int]]) -> dict[str, RosterRow]:
    path, rows = messy
    sheet = read_sheet(path)
    header = detect_header(sheet)
    assert header.row == 3
    by_row = {r.row: r for r in validate(sheet, header, today=TODAY)}
    assert rows["serial_only"] not in by_row
    assert len(by_row) == len(rows) - 1
    return {key: by_row[n] for key, n in rows.items() if n in by_row}


def codes(r: RosterRow) -> list[tuple[str, str, str]]:
    return [(i.code, i.severity, i.column) for i in r.issues]


EXPECTED_ISSUES: dict[str, list[tuple[str, str, str]]] = {
    "ok": [],
    "int": [("id_lost_digits", "error", "E")],
    "float": [("id_lost_digits", "error", "E")],
    "x": [],
    "old": [("id_converted", "warning", "E")],
    "checksum": [("id_checksum", "error", "E")],
    "dup": [("id_duplicate", "error", "E")],
    "repeat": [("id_repeat", "warning", "E")],
    "serial": [("gender_mismatch", "warning", "F")],
    "mismatch": [("birth_date_mismatch", "warning", "G")],
    "phones": [("phone_length", "warning", "I")],  # "12345": the warning names the reason
    "noid": [],
    "noname": [("name_missing", "error", "B")],
    "noroom": [("address_missing", "error", "N")],
    "noid_repeat": [("id_repeat", "warning", "B")],
    "noid_other": [("person_repeat", "warning", "B")],
    "badbirth": [("id_birth_date", "error", "E")],
    "birthtext": [("birth_date_invalid", "warning", "G")],
    "length": [("id_length", "error", "E")],
    "spaced": [],
    "scientific": [("id_lost_digits", "error", "E")],
    "noid_ok": [],
}


@pytest.mark.parametrize("key", list(EXPECTED_ISSUES))
def test_messy_roster_issues_per_row(outcome: dict[str, RosterRow], key: str) -> None:
    r = outcome[key]
    assert codes(r) == EXPECTED_ISSUES[key]
    assert r.rejected == any(sev == "error" for _, sev, _ in EXPECTED_ISSUES[key])


def test_messy_roster_values(outcome: dict[str, RosterRow], messy: tuple[Path, dict[str, int]]) -> None:
    rows = messy[1]
    ok = outcome["ok"]
    assert (ok.row, ok.name, ok.id_number, ok.gender, ok.birth_date) == (rows["ok"], "张三", A, "M", date(1950, 3, 2))
    assert ok.phones == ["13812345678", "0577-62345678"]
    assert (ok.community, ok.compound, ok.building, ok.unit, ok.room) == ("阳光社区", "阳光花园", "3幢", "2", "501")
    assert (ok.relation, ok.head_name, ok.household_no, ok.residence_status) == ("户主", "张三", "12345", "人户一致")
    assert (ok.tags, ok.ethnicity, ok.note, ok.duplicate_of) == (["独居", "高龄"], "汉族", None, None)

    x = outcome["x"]
    assert x.id_number == X and X.endswith("X")
    assert (x.gender, x.birth_date) == (idnumber.parse(X).gender, date(1988, 11, 30))
    assert (x.building, x.unit, x.room) == ("3幢", "2", "502")

    old = outcome["old"]
    assert old.id_number == OLD and old.building == "3幢"
    assert old.issues[0].params == (("new", idnumber.mask(OLD)),)  # shown on screen: masked
    assert OLD not in old.issues[0].text() and idnumber.mask(OLD) in old.issues[0].text()

    for key in ("int", "float", "checksum", "badbirth", "length", "scientific"):
        assert outcome[key].id_number is None, key

    dup = outcome["dup"]
    assert dict(dup.issues[0].params) == {"first": str(rows["ok"]), "first_name": "张三"}
    assert dup.duplicate_of is None
    assert outcome["repeat"].duplicate_of == rows["x"]
    assert outcome["repeat"].id_number == X

    serial = outcome["serial"]
    assert (serial.gender, serial.birth_date, serial.building) == ("M", date(1945, 8, 15), "5幢")
    mismatch = outcome["mismatch"]
    assert mismatch.birth_date == date(1972, 10, 1)
    assert dict(mismatch.issues[0].params) == {"value": "1972年10月2日", "id_date": "1972-10-01"}

    phones = outcome["phones"]
    assert phones.phones == ["13812345678"] and phones.gender == "M"
    assert dict(phones.issues[0].params) == {"value": "12345"}

    noid = outcome["noid"]
    assert (noid.id_number, noid.gender, noid.birth_date) == (None, "F", date(1980, 3, 2))
    assert (noid.building, noid.unit, noid.room) == ("7幢", "1", "101")
    assert outcome["noid_repeat"].duplicate_of == rows["noid"]
    assert outcome["noid_other"].duplicate_of == rows["noid"]
    assert outcome["noid_other"].phones == ["13900001111"]

    assert outcome["birthtext"].birth_date == date(2001, 2, 3)
    assert dict(outcome["length"].issues[0].params) == {"length": "17"}
    assert outcome["spaced"].id_number == K
    assert outcome["spaced"].tags == ["低保", "残疾", "重病"]
    noid_ok = outcome["noid_ok"]
    assert (noid_ok.gender, noid_ok.birth_date, noid_ok.building, noid_ok.room) == ("F", date(1930, 1, 1), "A幢", "1")


def test_every_issue_names_its_row_and_column(outcome: dict[str, RosterRow]) -> None:
    for r in outcome.values():
        for issue in r.issues:
            assert issue.row == r.row
            assert issue.text().startswith(f"Row {r.row}, column {issue.column}: ")
            assert issue.field in FIELDS
            assert COLUMN[issue.field] == issue.column


def test_lost_digits_says_so_plainly(outcome: dict[str, RosterRow]) -> None:
    text = outcome["int"].issues[0].text()
    assert "stored this ID number as a number" in text and "last digits are lost" in text
    assert "as text" in text


def test_duplicate_message_names_the_first_row(outcome: dict[str, RosterRow]) -> None:
    issue = outcome["dup"].issues[0]
    chinese = {
        "Row {row}, column {column}: ": "第{row}行，{column}列：",
        issue.message: "与第{first}行号码相同（{first_name}）。",
    }
    assert issue.text(lambda ctx, text: chinese.get(text, "")) == f"第{issue.row}行，E列：与第5行号码相同（张三）。"


# --- each rule on its own, on in-memory sheets ----------------------------------------


def one(today: date = TODAY, **cells: object) -> RosterRow:
    """Validate a single row; building and room default so the address is complete."""
    cells = {"name": "张三", "building": "1", "room": "101", **cells}
    sheet = Sheet("s", [LABELS, [cells.get(f) for f in FIELDS]])
    (row,) = validate(sheet, detect_header(sheet), today=today)
    return row


def codes_of(r: RosterRow) -> list[str]:
    return [i.code for i in r.issues]


@pytest.mark.parametrize(
    ("raw", "building"),
    [("3", "3幢"), ("3幢", "3幢"), ("3栋", "3幢"), ("3号楼", "3幢"), ("３幢", "3幢"), (3.0, "3幢"), ("03", "3幢"),
     (" 12号 ", "12幢"), ("3#", "3幢"), ("三幢", "3幢"), ("a", "A幢"), ("10A栋", "10A幢"), ("综合楼", "综合楼"),
     ("3-1", "3-1")],
)  # fmt: skip
def test_building_forms(raw: object, building: str) -> None:
    assert one(building=raw).building == building


@pytest.mark.parametrize(
    ("raw", "unit"), [("2", "2"), ("2单元", "2"), (2.0, "2"), ("二单元", "2"), ("十二单元", "12"), ("东单元", "东单元"),
                      (None, "")],
)  # fmt: skip
def test_unit_forms(raw: object, unit: str) -> None:
    assert one(unit=raw).unit == unit


@pytest.mark.parametrize(
    ("raw", "room"), [("501", "501"), ("501室", "501"), (501.0, "501"), ("５０１", "501"), ("501号", "501"),
                      ("b201", "B201"), ("5-501", "5-501"), ("地下室", "地下室")],
)  # fmt: skip
def test_room_forms(raw: object, room: str) -> None:
    assert one(room=raw).room == room


@pytest.mark.parametrize(
    ("cells", "missing"),
    [({"building": None}, "building"), ({"room": "  "}, "room"), ({"building": "/", "room": None}, "building")],
)
def test_address_missing(cells: dict[str, object], missing: str) -> None:
    r = one(**cells)
    assert codes_of(r) == ["address_missing"] and r.rejected
    assert r.issues[0].field == missing
    if missing == "building" and "room" in cells:
        assert "building and the room" in r.issues[0].text()


def test_an_old_15_digit_number_stored_as_a_number_is_converted_not_lost() -> None:
    """Excel keeps 15 digits whole: a legacy number in a number cell lost nothing (an 18-digit one did)."""
    number18 = valid_id("330382", date(1970, 1, 10), 3)
    old = legacy_15(number18)
    r = one(id_number=float(old))
    assert (r.id_number, codes_of(r), r.rejected) == (number18, ["id_converted"], False)
    assert codes_of(one(id_number=float(number18))) == ["id_lost_digits"]


@pytest.mark.parametrize("mark", ["'", "`", "\u2018"])
def test_an_id_number_marked_as_text_with_a_leading_quote_is_read(mark: str) -> None:
    r = one(id_number=mark + A)
    assert (r.id_number, r.issues) == (A, [])


@pytest.mark.parametrize("totals", [["合计", "10人"], [None, "合 计："], ["小计", None, "5"]])
def test_a_totals_row_under_the_people_is_not_a_person(totals: list[object]) -> None:
    """合计 / 小计 rows sit under many rosters; rejected as persons without an address they
    would fill the rejected-rows file with lines nobody can fix."""
    person = [{"name": "张三", "building": "1", "room": "101"}.get(f) for f in FIELDS]
    sheet = Sheet("s", [LABELS, person, totals + [None] * (len(FIELDS) - len(totals))])
    assert [r.name for r in validate(sheet, detect_header(sheet), today=TODAY)] == ["张三"]
    named = [{"name": "合计", "id_number": A, "building": "1", "room": "101"}.get(f) for f in FIELDS]
    sheet = Sheet("s", [LABELS, named])  # with an ID number it is somebody, whatever the name says
    assert [r.name for r in validate(sheet, detect_header(sheet), today=TODAY)] == ["合计"]


@pytest.mark.parametrize(("cell", "extension"), [("0577-62345678转8001", "转8001"), ("0577-62345678-123", "-123")])
def test_a_landline_extension_is_kept(cell: str, extension: str) -> None:
    r = one(phones=cell)
    assert r.phones == ["0577-62345678转" + extension.lstrip("转-")]
    assert r.issues == []


@pytest.mark.parametrize(("cell", "code"), [("0577-4658612", "phone_length"), ("14012345678", "phone_range"),
                                            ("62345678", "phone_no_area"), ("电话坏了", "phone_invalid")])
def test_a_phone_warning_names_its_reason(cell: str, code: str) -> None:
    r = one(phones=cell)
    assert (r.phones, [(i.code, dict(i.params)["value"]) for i in r.issues]) == ([], [(code, cell)])


def test_community_and_compound_may_be_empty() -> None:
    r = one(community=None, compound="  ")
    assert (r.community, r.compound, r.issues) == ("", "", [])


@pytest.mark.parametrize(
    ("raw", "relation"), [("本人", "户主"), ("户主", "户主"), (" 配偶 ", "配偶"), ("长子", "长子"), (None, None)]
)
def test_relation(raw: object, relation: str | None) -> None:
    assert one(relation=raw).relation == relation


@pytest.mark.parametrize(
    ("raw", "status"),
    [("人户一致", "人户一致"), ("人 在户不在", "人在户不在"), ("户在人不在（外出务工）", "户在人不在"), ("一致", "人户一致"),
     ("流动", "流动"), (None, None)],
)  # fmt: skip
def test_residence_status(raw: object, status: str | None) -> None:
    assert one(residence_status=raw).residence_status == status


def test_tags_split_and_deduplicate() -> None:
    assert one(tags="独居、高龄,空巢，低保;残疾；重病 独居  特困").tags == ["独居", "高龄", "空巢", "低保", "残疾", "重病", "特困"]
    assert one(tags=None).tags == []


@pytest.mark.parametrize(
    ("raw", "gender"), [("男", "M"), ("女", "F"), ("M", "M"), ("f", "F"), ("Male", "M"), ("FEMALE", "F"), (1.0, "M"),
                        ("2", "F"), ("男性", "M"), (None, None), ("未知", None)],
)  # fmt: skip
def test_gender_forms_without_id(raw: object, gender: str | None) -> None:
    r = one(gender=raw)
    assert (r.gender, r.issues) == (gender, [])


def test_gender_from_id_and_mismatch() -> None:
    male = valid_id("330382", date(1950, 3, 2), 1)
    assert one(id_number=male).gender == "M"
    r = one(id_number=male, gender="女")
    assert (r.gender, codes_of(r)) == ("M", ["gender_mismatch"])
    assert "says male" in r.issues[0].text()
    r = one(id_number=male, gender="boy")
    assert (r.gender, codes_of(r)) == ("M", ["gender_invalid"])
    r = one(gender="boy")
    assert (r.gender, codes_of(r)) == (None, ["gender_invalid"])


@pytest.mark.parametrize(
    "raw",
    [date(1950, 3, 2), datetime(1950, 3, 2, 0, 0), datetime(1950, 3, 2, 14, 30), float(excel_serial(date(1950, 3, 2))),
     excel_serial(date(1950, 3, 2)) + 0.5, "1950.3.2", "1950-03-02", "1950/3/2", "1950年3月2日", "19500302",
     "１９５０．３．２", "1950-03-02 00:00:00", " 1950年03月02日 ", 19500302.0],
)  # fmt: skip
def test_birth_date_forms(raw: object) -> None:
    r = one(birth_date=raw)
    assert (r.birth_date, r.issues) == (date(1950, 3, 2), [])
    with_id = one(birth_date=raw, id_number=valid_id("330382", date(1950, 3, 2), 1))
    assert (with_id.birth_date, with_id.issues) == (date(1950, 3, 2), [])


@pytest.mark.parametrize("raw", ["1950.3", "195003", "1950年3月", 1950.03, 1950.0, "1950", 1950.1])
def test_birth_year_and_month_only(raw: object) -> None:
    """Checked against the ID as far as they go; without an ID there is no date to keep."""
    assert codes_of(one(birth_date=raw, id_number=valid_id("330382", date(1950, 3, 2), 1))) == []
    assert codes_of(one(birth_date=raw, id_number=valid_id("330382", date(1951, 3, 2), 1))) == ["birth_date_mismatch"]
    r = one(birth_date=raw)
    assert (r.birth_date, codes_of(r)) == (None, ["birth_date_incomplete"])


def test_a_serial_date_that_differs_is_told_as_the_date_it_is() -> None:
    """Excel's 44000 means nothing beside the ID's 1980-01-10; 2020-06-18 does."""
    r = one(birth_date=44000.0, id_number=valid_id("330382", date(1980, 1, 10), 1))
    (issue,) = r.issues
    assert issue.code == "birth_date_mismatch" and dict(issue.params) == {"value": "2020-06-18", "id_date": "1980-01-10"}
    typed = one(birth_date="1980.1.11", id_number=valid_id("330382", date(1980, 1, 10), 1))
    assert dict(typed.issues[0].params)["value"] == "1980.1.11"  # text stays as typed, to find it


def test_october_typed_as_a_number_is_not_taken_for_january() -> None:
    """1950.10 typed into Excel becomes the number 1950.1: only the year can be trusted."""
    assert codes_of(one(birth_date=1950.1, id_number=valid_id("330382", date(1950, 10, 2), 1))) == []
    assert codes_of(one(birth_date=1950.12, id_number=valid_id("330382", date(1950, 10, 2), 1))) == [
        "birth_date_mismatch"
    ]


@pytest.mark.parametrize(
    "raw",
    ["不详", "1950.13.2", "1950-02-30", "50.3.2", "2030-01-01", "1850-01-01", 1.0, 60.0, 99999.0, time(10, 30), True],
)
def test_birth_date_invalid(raw: object) -> None:
    r = one(birth_date=raw)
    assert (r.birth_date, codes_of(r)) == (None, ["birth_date_invalid"])
    assert "left empty" in r.issues[0].text()
    r = one(birth_date=raw, id_number=valid_id("330382", date(1950, 3, 2), 1))
    assert (r.birth_date, codes_of(r)) == (date(1950, 3, 2), ["birth_date_invalid"])
    assert "taken from the ID number" in r.issues[0].text()


def test_birth_date_serials_start_after_excels_phantom_leap_day() -> None:
    """Excel's 1900 system counts a 29 February 1900 that never was (serial 60): serial 61 is 1 March.

    Serials up to 60 are refused rather than corrected: no living person was born then,
    and a TRUE cell (== 1) must not become 1 January 1900.
    """
    assert one(birth_date=61.0).birth_date == date(1900, 3, 1)
    assert one(birth_date=float(excel_serial(date(2024, 5, 31)))).birth_date == date(2024, 5, 31)
    assert codes_of(one(birth_date=59.0)) == ["birth_date_invalid"]


@pytest.mark.parametrize(
    ("raw", "phones", "bad"),
    [("13812345678", ["13812345678"], []), (13812345678.0, ["13812345678"], []),
     ("+86 138-1234-5678", ["13812345678"], []), ("13812345678/13912345678", ["13812345678", "13912345678"], []),
     ("0577-62345678 转 123", ["0577-62345678转123"], []), ("1381234567", [], ["1381234567"]),
     ("无", [], []), ("138123456789 0577-62345678", ["0577-62345678"], ["138123456789"]), (None, [], [])],
)  # fmt: skip
def test_phones(raw: object, phones: list[str], bad: list[str]) -> None:
    r = one(phones=raw)
    assert r.phones == phones
    assert [dict(i.params)["value"] for i in r.issues] == bad
    assert set(codes_of(r)) <= set(phone.REASONS) and not r.rejected


@pytest.mark.parametrize("raw", [None, "", "  ", "-", "无", "/", "\u200b"])
def test_empty_id_is_no_issue(raw: object) -> None:
    r = one(id_number=raw)
    assert (r.id_number, r.issues) == (None, [])


@pytest.mark.parametrize(
    ("raw", "code"),
    [(bad_checksum(valid_id("330382", date(1950, 3, 2), 1)), "id_checksum"), ("33038219500302", "id_length"),
     ("33038219500302123Y", "id_format"), ("3303821950030212X3", "id_format"), (330382195003021000.0, "id_lost_digits"),
     ("330382195003020000", "id_lost_digits"), ("3.30382195003021E+17", "id_lost_digits"),
     (valid_id("330382", date(2025, 1, 1), 1), "id_birth_date")],
)  # fmt: skip
def test_id_errors(raw: object, code: str) -> None:
    r = one(id_number=raw)
    assert (r.id_number, codes_of(r), r.rejected) == (None, [code], True)


def test_id_normalisation() -> None:
    number = id_ending_in_x("330382", date(1950, 3, 2))
    for raw in (number, number.lower(), full_width(number), f" {number[:6]}-{number[6:14]}-{number[14:]} ",
                number[:17] + "ｘ"):  # fmt: skip
        r = one(id_number=raw)
        assert (r.id_number, r.issues) == (number, []), raw


def test_unknown_division_code_is_fine() -> None:
    number = valid_id("339999", date(1950, 3, 2), 1)  # no such county in Zhejiang (33): not checked
    assert (one(id_number=number).id_number, one(id_number=number).issues) == (number, [])


def test_name_is_required_and_cleaned() -> None:
    assert codes_of(one(name=None)) == ["name_missing"]
    assert codes_of(one(name=" \u3000 ")) == ["name_missing"]
    assert one(name="张  三").name == "张三"
    assert one(name="张\u3000三").name == "张三"
    assert one(name=" John   Smith ").name == "John Smith"
    assert one(name="买买提·艾力").name == "买买提·艾力"


def test_text_fields() -> None:
    r = one(ethnicity=" 汉族 ", household_no=330382001234.0, note="  腿脚不便  ", head_name="李  四")
    assert (r.ethnicity, r.household_no, r.note, r.head_name) == ("汉族", "330382001234", "腿脚不便", "李四")
    r = one()
    assert (r.ethnicity, r.household_no, r.note, r.head_name, r.relation) == (None, None, None, None, None)


# --- duplicates -----------------------------------------------------------------------


def rows_of(*rows: dict[str, object]) -> list[RosterRow]:
    sheet = Sheet("s", [LABELS] + [[{"building": "1", "room": "101", **r}.get(f) for f in FIELDS] for r in rows])
    return validate(sheet, detect_header(sheet), today=TODAY)


def test_same_id_same_name_other_address_is_rejected() -> None:
    n = valid_id("330382", date(1950, 3, 2), 1)
    first, second = rows_of({"name": "张三", "id_number": n}, {"name": "张三", "id_number": n, "room": "102"})
    assert codes_of(first) == [] and codes_of(second) == ["id_duplicate"]
    assert "different address" in second.issues[0].text()


def test_identical_repeat_ignores_id_formatting() -> None:
    n = valid_id("330382", date(1950, 3, 2), 1)
    first, second = rows_of({"name": "张三", "id_number": n}, {"name": "张三", "id_number": full_width(n), "phones": "x"})
    assert codes_of(second) == ["phone_invalid", "id_repeat"]
    assert second.duplicate_of == first.row == 2 and not second.rejected


def test_a_rejected_first_row_does_not_block_the_next() -> None:
    n = valid_id("330382", date(1950, 3, 2), 1)
    first, second = rows_of({"name": "张三", "id_number": n, "room": None}, {"name": "张三", "id_number": n})
    assert codes_of(first) == ["address_missing"]
    assert (codes_of(second), second.duplicate_of) == ([], None)


def test_person_without_id_keyed_by_address_and_name() -> None:
    rows = rows_of(
        {"name": "张三"}, {"name": "张三", "unit": "2"}, {"name": "李四"}, {"name": "张三", "room": "101室"},
        {"name": "张三", "tags": "独居"},
    )  # fmt: skip
    assert [codes_of(r) for r in rows] == [[], [], [], ["id_repeat"], ["person_repeat"]]
    assert [r.duplicate_of for r in rows] == [None, None, None, 2, 2]


# --- rows, mapping and messages -------------------------------------------------------


def test_blank_rows_and_rows_with_only_unmapped_cells_are_skipped() -> None:
    sheet = Sheet("s", [["序号", "姓名", "楼栋", "房号", "身份证号"], [1, "张三", "1", "1", None], [None] * 5,
                        [2, None, " ", None, None], [], [3, "李四", "1", "2"]])  # fmt: skip
    rows = validate(sheet, detect_header(sheet), today=TODAY)
    assert [(r.row, r.name) for r in rows] == [(2, "张三"), (6, "李四")]  # the last row is short: padded


def test_an_edited_mapping_is_used() -> None:
    sheet = Sheet("s", [["姓名", "身份证号", "地址1", "地址2"], ["张三", None, "3", "501"]])
    header = detect_header(sheet)
    assert header.unmapped == [2, 3]
    edited = Header(header.row, {**header.columns, "building": 2, "room": 3}, header.labels, [])
    (r,) = validate(sheet, edited, today=TODAY)
    assert (r.building, r.room, r.issues) == ("3幢", "501", [])
    far = Header(1, {"name": 0, "building": 7, "room": 9}, header.labels, [])
    (r,) = validate(sheet, far, today=TODAY)
    assert codes_of(r) == ["address_missing"] and r.issues[0].column == "H"


def test_unmapped_required_field_gives_an_issue_without_column() -> None:
    sheet = Sheet("s", [["姓名", "身份证号"], ["张三", None]])
    (r,) = validate(sheet, detect_header(sheet), today=TODAY)
    assert codes_of(r) == ["address_missing"]
    assert r.issues[0].column == ""
    assert r.issues[0].text() == ("Row 2: The sheet has no building column (楼栋) and no room column (房号): "
                                  "an address needs both.")  # no cell to name: the columns it lacks


def test_validate_is_deterministic(messy: tuple[Path, dict[str, int]]) -> None:
    sheet = read_sheet(messy[0])
    header = detect_header(sheet)
    assert validate(sheet, header, today=TODAY) == validate(sheet, header, today=TODAY)


def test_issue_text_translates_and_survives_bad_translations() -> None:
    issue = Issue(7, "D", "phones", "phone_invalid", "warning", "“{value}” is not a phone number.", (("value", "12"),))
    assert issue.text() == "Row 7, column D: “12” is not a phone number."
    zh = {"Row {row}, column {column}: ": "第{row}行{column}列：", issue.message: "“{value}”不是电话号码。"}
    assert issue.text(lambda ctx, text: zh.get(text, "") if ctx == "roster" else "") == "第7行D列：“12”不是电话号码。"
    assert issue.text(lambda ctx, text: "") == issue.text()
    broken = {issue.message: "“{wert}”"}
    assert issue.text(lambda ctx, text: broken.get(text, "")) == issue.text()
    assert hash(issue) == hash(Issue(**{f: getattr(issue, f) for f in Issue.__dataclass_fields__}))


def test_rows_carry_the_excel_row_number_below_titles(tmp_path: Path) -> None:
    b = RosterBuilder(["姓名", "身份证号", "楼栋", "房号"]).title("花名册").title("单位：阳光社区", merged=False)
    b.blank(3)
    n = b.add("张三", None, "1", "101")
    sheet = read_sheet(b.save(tmp_path / "r.xlsx"))
    (r,) = validate(sheet, detect_header(sheet), today=TODAY)
    assert r.row == n == 7


# --- the fast paths agree with phone.py and idnumber.py -------------------------------

_mobiles = st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True)
_landlines = st.from_regex(r"(010|02[0-9]|0[3-9][0-9]{2})-[1-9][0-9]{6,7}", fullmatch=True)
_junk = st.sampled_from(["12345", "无", "x", "0577-123", "138123456789", "+86", "转8001", "（空）", ""])


@st.composite
def _phone_cells(draw: st.DrawFn) -> str:
    pieces = []
    for _ in range(draw(st.integers(1, 3))):
        number = draw(st.one_of(_mobiles, _landlines, _junk))
        if len(number) == 11 and draw(st.booleans()):
            number = draw(st.sampled_from(["{}", "+86 {}", "0086{}", "86{}", "{} "])).format(
                draw(st.sampled_from([number, f"{number[:3]} {number[3:7]} {number[7:]}", f"{number[:3]}-{number[3:]}"]))
            )
        pieces.append(number)
    separators = draw(st.lists(st.sampled_from(["、", ",", "，", ";", "；", "/", " ", "\n", " / "]),
                               min_size=len(pieces), max_size=len(pieces)))  # fmt: skip
    return "".join(p + s for p, s in zip(pieces, separators))[: -len(separators[-1]) or None]


@given(_phone_cells())
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_phone_fast_path_matches_split_cell(cell: str) -> None:
    valid, invalid = _phones(cell)
    expected_valid, expected_invalid = phone.split_cell(cell)
    assert valid == expected_valid
    # the fast path answers only for cells without invalid pieces (or a lone placeholder)
    assert invalid == expected_invalid or (invalid == [] and cell.strip().lower() in {"无", ""})


@given(st.dates(date(1880, 1, 1), date(2030, 12, 31)), st.integers(0, 999),
       st.sampled_from(["330382", "110105", "999999"]), st.integers(0, 3))  # fmt: skip
@settings(max_examples=300)
def test_id_fast_path_matches_parse(born: date, sequence: int, division: str, mangle: int) -> None:
    number = idnumber.make(division, born, sequence)
    text = [number, bad_checksum(number), legacy_15(number), number[:14] + "0" + number[15:]][mangle]
    births = _Memo(lambda yyyymmdd: _id_birth(yyyymmdd, TODAY))
    fast = _fast_id(text, births)
    try:
        info = idnumber.parse(text, today=TODAY)
    except idnumber.IdNumberError:
        assert fast is None
    else:  # clean 18- and 15-digit texts never need the slow path
        assert fast == (info.number, info.birth_date, info.gender, info.converted_from_15)


@given(st.text("0123456789", min_size=17, max_size=17))
@settings(max_examples=500)
def test_id_check_by_base_13_is_the_weighted_sum(first17: str) -> None:
    """_fast_id reads the 17 digits as a base-13 number: the weights are 2 ** k mod 11 and 13 = 2 mod 11."""
    assert idnumber.CHECK_CHARS[2 * int(first17, 13) % 11] == idnumber.check_char(first17)
    assert idnumber.WEIGHTS == tuple(pow(2, 17 - i, 11) for i in range(17))


@pytest.mark.parametrize("form", ["{y}{m}{d}", "{y}-{m}-{d}", "{y}.{m}.{d}", "{y}/{m}/{d}", "{y}-{m}.{d}",
                                  "{y}-{m}-{d} ", "{y}年{m}月{d}日", "{y}-{m}-{d}x", "{y}{m}{d}0"])
@pytest.mark.parametrize("born", [date(1950, 3, 2), date(1972, 10, 31)])
@pytest.mark.parametrize("shift", [0, 1, 40, 400])
def test_birth_text_against_the_id_same_as_the_general_path(form: str, born: date, shift: int) -> None:
    """The shortcut for a birth cell that spells the ID number's date gives what parsing gives."""
    from datetime import timedelta

    from gridkeeper.io import roster_rows

    number = idnumber.make("330382", born, 11)
    cell = born + timedelta(days=shift)
    text = form.format(y=f"{cell.year:04d}", m=f"{cell.month:02d}", d=f"{cell.day:02d}")
    fast = one(id_number=number, birth_date=text)
    real = roster_rows._same_date_text
    try:
        roster_rows._same_date_text = lambda _t, _n: False  # type: ignore[assignment]
        general = one(id_number=number, birth_date=text)
    finally:
        roster_rows._same_date_text = real
    assert (fast.birth_date, fast.issues) == (general.birth_date, general.issues)
    assert fast.birth_date == born


def test_a_converted_id_number_is_masked_in_the_message() -> None:
    """The warning is shown on screen and printed by the CLI: no full ID number in it (PIPL)."""
    r = one(id_number="330382540506019")
    assert r.id_number == "330382195405060192"  # the row itself keeps the number
    (issue,) = r.issues
    assert issue.code == "id_converted"
    assert "330382195405060192" not in issue.text()
    assert issue.text().endswith("converted to 330382********0192.")


def _address_issue(labels: list[str], values: list[object]) -> Issue:
    sheet = Sheet("s", [labels, values])
    (row,) = validate(sheet, detect_header(sheet), today=TODAY)
    (issue,) = row.issues
    assert issue.code == "address_missing" and row.rejected
    return issue


@pytest.mark.parametrize(
    ("labels", "values", "column", "field", "says"),
    [
        # every column there: the first missing field's cell
        (["姓名", "楼栋", "房号"], ["张三", None, None], "B", "building", "The building and the room are missing"),
        (["姓名", "楼栋", "房号"], ["张三", "3", None], "C", "room", "The room is missing"),
        # the building has no column: the room's cell, and the missing column named
        (["姓名", "房号"], ["张三", None], "B", "room",
         "The room is missing, and the sheet has no building column (楼栋)"),
        (["姓名", "楼栋"], ["张三", None], "B", "building",
         "The building is missing, and the sheet has no room column (房号)"),
        # no cell to point at: the row, and which column the sheet lacks
        (["姓名", "房号"], ["张三", "501"], "", "building", "The sheet has no building column (楼栋)"),
        (["姓名", "楼栋"], ["张三", "3"], "", "room", "The sheet has no room column (房号)"),
        (["姓名", "小区"], ["张三", "阳光花园"], "", "building",
         "The sheet has no building column (楼栋) and no room column (房号)"),
    ],
)
def test_address_missing_names_its_column_or_the_missing_one(
    labels: list[str], values: list[object], column: str, field: str, says: str
) -> None:
    issue = _address_issue(labels, values)
    assert (issue.column, issue.field) == (column, field)
    prefix = f"Row 2, column {column}: " if column else "Row 2: "
    assert issue.text().startswith(prefix + says)


def test_a_local_landline_takes_the_area_code() -> None:
    sheet = Sheet("s", [LABELS, [{"name": "张三", "phones": "6234 5678、13812345678", "building": "1",
                                  "room": "101"}.get(f) for f in FIELDS]])
    (r,) = validate(sheet, detect_header(sheet), today=TODAY, area_code="0577")
    assert (r.phones, r.issues) == (["0577-62345678", "13812345678"], [])
