"""Reading roster workbooks: which sheet, which header row, and why a file is refused."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from gridkeeper.errors import GridKeeperError
from gridkeeper.io.roster import (
    FIELD_LABELS,
    FIELDS,
    HEADER_SYNONYMS,
    TEMPLATE_HEADERS,
    Header,
    RosterError,
    Sheet,
    column_letter,
    detect_header,
    list_sheets,
    read_sheet,
    require_rows,
    validate,
    write_template,
)
from gridkeeper.io.roster_read import _SYNONYM_INDEX, OLE_MAGIC, _header_key, _label
from tests.io.roster_builder import RosterBuilder, valid_id

TODAY = date(2024, 6, 1)
BASIC = ["姓名", "公民身份号码", "楼栋", "单元", "房号"]


def _code(exc: pytest.ExceptionInfo[RosterError]) -> str:
    return exc.value.code


def _book(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


# --- column letters -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("index", "letter"), [(0, "A"), (1, "B"), (25, "Z"), (26, "AA"), (27, "AB"), (51, "AZ"), (52, "BA"),
                          (701, "ZZ"), (702, "AAA"), (16383, "XFD")]
)  # fmt: skip
def test_column_letter(index: int, letter: str) -> None:
    assert column_letter(index) == letter


def test_column_letter_rejects_negative() -> None:
    with pytest.raises(ValueError):
        column_letter(-1)


# --- reading sheets -------------------------------------------------------------------


def test_reads_first_sheet_and_ignores_the_others(tmp_path: Path) -> None:
    b = RosterBuilder(BASIC).sheet_after("统计", [["姓名", "身份证号"], ["合计", 3]])
    b.add("张三", valid_id("330382", date(1950, 3, 2), 123), "3幢", "2", "501")
    path = b.save(tmp_path / "r.xlsx")
    sheet = read_sheet(path)
    assert sheet.name == "花名册"
    assert sheet.rows[0] == BASIC
    assert len(sheet.rows) == 2


def test_reads_a_named_sheet(tmp_path: Path) -> None:
    b = RosterBuilder(BASIC).sheet_before("说明", [["填表说明：身份证号请设为文本格式"]])
    b.add("张三", "x", "3", "2", "501")
    path = b.save(tmp_path / "r.xlsx")
    assert read_sheet(path).name == "说明"
    assert read_sheet(path, "花名册").rows[1][0] == "张三"


def test_cells_keep_excel_coordinates_and_types(tmp_path: Path) -> None:
    """Leading empty rows and columns stay, so rows[r][c] is Excel's row r+1, column c."""
    book = Workbook()
    sheet = book.active
    sheet["C4"] = "姓名"
    sheet["D4"] = 5
    sheet["E4"] = date(1950, 3, 2)
    sheet["E4"].number_format = "yyyy-mm-dd"
    sheet["C6"] = True
    for r in range(7, 40):  # formatted but empty cells below: no rows for them
        sheet.cell(row=r, column=3).number_format = "@"
    book.save(tmp_path / "r.xlsx")
    rows = read_sheet(tmp_path / "r.xlsx").rows
    assert len(rows) == 6
    assert rows[3] == [None, None, "姓名", 5.0, date(1950, 3, 2)]  # every number is a float
    assert rows[4] == [None] * 5
    assert rows[5][2] is True


def test_trailing_empty_rows_are_dropped(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet["A1"] = "姓名"
    sheet["A5"] = ""
    sheet["B9"] = None
    book.save(tmp_path / "r.xlsx")
    assert read_sheet(tmp_path / "r.xlsx").rows == [["姓名"]]


def test_list_sheets_shows_visible_worksheets(tmp_path: Path) -> None:
    book = Workbook()
    book.active.title = "隐藏"
    book.active["A1"] = "x"
    book.active.sheet_state = "hidden"
    book.create_sheet("花名册")["A1"] = "姓名"
    book.create_sheet("统计")
    book.create_chartsheet("图表")
    book.save(tmp_path / "r.xlsx")
    assert list_sheets(tmp_path / "r.xlsx") == ["花名册", "统计"]
    assert read_sheet(tmp_path / "r.xlsx").name == "花名册"  # the first visible worksheet
    assert read_sheet(tmp_path / "r.xlsx", "隐藏").rows == [["x"]]  # still readable by name


def test_an_xls_renamed_xlsx_or_the_reverse_is_read_by_content(tmp_path: Path) -> None:
    """calamine picks its reader from the extension; the reader retries by content."""
    path = _book(tmp_path / "r.xlsx", {"花名册": [["姓名", "房号"], ["张三", 501]]})
    renamed = path.rename(tmp_path / "r.xls")
    assert read_sheet(renamed).rows == [["姓名", "房号"], ["张三", 501.0]]
    assert list_sheets(renamed) == ["花名册"]


# --- refusing files -------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(RosterError) as caught:
        read_sheet(tmp_path / "nope.xlsx")
    assert _code(caught) == "file_missing"
    assert "nope.xlsx" in str(caught.value)
    with pytest.raises(RosterError) as caught:
        list_sheets(tmp_path / "nope.xlsx")
    assert _code(caught) == "file_missing"


def test_a_directory_is_unreadable(tmp_path: Path) -> None:
    (tmp_path / "d.xlsx").mkdir()
    with pytest.raises(RosterError) as caught:
        read_sheet(tmp_path / "d.xlsx")
    assert _code(caught) == "file_unreadable"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.xlsx", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" * 40),
        ("empty.xlsx", b""),
        ("notes.xlsx", "姓名,身份证号\n张三,1\n".encode()),
        ("broken.xlsx", b"PK\x03\x04" + b"\x00" * 200),
        ("report.xls", b"%PDF-1.7\n" * 40),
    ],
)
def test_not_a_workbook_is_unreadable(tmp_path: Path, name: str, content: bytes) -> None:
    (tmp_path / name).write_bytes(content)
    for call in (read_sheet, list_sheets):
        with pytest.raises(RosterError) as caught:
            call(tmp_path / name)
        assert _code(caught) == "file_unreadable"
        assert name in str(caught.value)


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("report.xlsx", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" * 40, "is a PDF document"),
        ("notes.xlsx", "姓名,身份证号\n张三,1\n".encode(), "is a text file (CSV or similar)"),
        ("gbk.xlsx", "姓名,身份证号\n张三,1\n".encode("gbk") * 300, "is a text file (CSV or similar)"),
        ("broken.xlsx", b"PK\x03\x04" + b"\x00" * 200, "is an Excel workbook that is damaged or incomplete"),
        ("empty.xlsx", b"", "is not an Excel workbook that can be read"),
    ],
)
def test_what_the_file_is_instead_is_said(tmp_path: Path, name: str, content: bytes, says: str) -> None:
    """A PDF or a CSV renamed .xlsx: the message names what the file is."""
    (tmp_path / name).write_bytes(content)
    with pytest.raises(RosterError) as caught:
        read_sheet(tmp_path / name)
    assert str(caught.value).startswith(f"{name} {says}")


def test_a_workbook_cut_short_is_called_damaged_and_a_docx_is_not(tmp_path: Path) -> None:
    """A download cut short is a damaged workbook (ask for it again); a Word .docx renamed .xlsx
    is a readable zip of something else, not a damaged workbook."""
    whole = tmp_path / "whole.xlsx"
    book = Workbook()
    book.active.append(["姓名", "身份证号"])
    book.save(whole)
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    with pytest.raises(RosterError) as caught:
        read_sheet(cut)
    assert str(caught.value).startswith("cut.xlsx is an Excel workbook that is damaged or incomplete")
    docx = tmp_path / "letter.xlsx"
    with zipfile.ZipFile(docx, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(RosterError) as caught:
        read_sheet(docx)
    assert str(caught.value).startswith("letter.xlsx is not an Excel workbook that can be read")


def test_the_sheets_named_in_a_message_are_listed_as_the_language_writes_lists(tmp_path: Path) -> None:
    path = tmp_path / "two.xlsx"
    book = Workbook()
    book.active.title = "花名册"
    book.create_sheet("统计")
    book.save(path)
    with pytest.raises(RosterError) as caught:
        read_sheet(path, "户籍")
    assert str(caught.value).endswith("Its sheets are: 花名册, 统计.")
    chinese = {", ": "、", "The workbook has no sheet named “{sheet}”. Its sheets are: {sheets}.":
               "工作簿里没有名为“{sheet}”的工作表。现有工作表：{sheets}。"}
    assert caught.value.translated(lambda _context, text: chinese.get(text, "")) == (
        "工作簿里没有名为“户籍”的工作表。现有工作表：花名册、统计。")


def test_an_ole_document_that_is_not_excel_is_unreadable(tmp_path: Path) -> None:
    """A Word .doc renamed .xlsx: an OLE container, but it names a WordDocument stream."""
    (tmp_path / "letter.xlsx").write_bytes(OLE_MAGIC + b"\x00" * 504 + "WordDocument".encode("utf-16-le") + b"\x00" * 900)
    with pytest.raises(RosterError) as caught:
        read_sheet(tmp_path / "letter.xlsx")
    assert _code(caught) == "file_unreadable"


@pytest.mark.parametrize("name", ["locked.xlsx", "locked.xls"])
@pytest.mark.parametrize("marker", [b"", "EncryptedPackage".encode("utf-16-le")])
def test_a_password_protected_workbook_is_encrypted(tmp_path: Path, name: str, marker: bytes) -> None:
    """Office saves a password-protected .xlsx as an OLE container holding an EncryptedPackage.

    msoffcrypto-tool is not a dependency, so the test builds the container's outside:
    the OLE signature and junk (calamine raises ZipError for .xlsx, a CFB error for .xls).
    Any OLE file calamine cannot read as .xls counts as encrypted, marker or not.
    """
    (tmp_path / name).write_bytes(OLE_MAGIC + b"\x3e\x00\x03\x00\xfe\xff" + b"\x00" * 498 + marker + b"\xaa" * 3000)
    for call in (read_sheet, list_sheets):
        with pytest.raises(RosterError) as caught:
            call(tmp_path / name)
        assert _code(caught) == "file_encrypted"
        assert "password" in str(caught.value)


def test_named_sheet_missing_lists_the_sheets(tmp_path: Path) -> None:
    path = _book(tmp_path / "r.xlsx", {"花名册": [["姓名"]], "统计": [["x"]]})
    with pytest.raises(RosterError) as caught:
        read_sheet(path, "Sheet1")
    assert _code(caught) == "sheet_missing"
    assert caught.value.params == {"sheet": "Sheet1", "sheets": ("花名册", "统计")}
    assert "花名册, 统计" in str(caught.value)


def test_empty_first_sheet(tmp_path: Path) -> None:
    path = _book(tmp_path / "r.xlsx", {"Sheet1": [], "花名册": [["姓名", "身份证号"]]})
    with pytest.raises(RosterError) as caught:
        read_sheet(path)
    assert _code(caught) == "sheet_empty"
    assert "Sheet1" in str(caught.value)
    assert read_sheet(path, "花名册").rows == [["姓名", "身份证号"]]


def test_a_sheet_of_empty_strings_is_empty(tmp_path: Path) -> None:
    book = Workbook()
    book.active["B3"] = ""
    book.active["B3"].number_format = "@"
    book.save(tmp_path / "r.xlsx")
    with pytest.raises(RosterError) as caught:
        read_sheet(tmp_path / "r.xlsx")
    assert _code(caught) == "sheet_empty"


def test_roster_errors_translate_with_their_params(tmp_path: Path) -> None:
    with pytest.raises(RosterError) as caught:
        read_sheet(tmp_path / "nope.xlsx")
    error = caught.value
    assert isinstance(error, GridKeeperError)
    assert error.context == "errors"
    chinese = {"The file {path} does not exist.": "文件 {path} 不存在。"}
    assert error.translated(lambda ctx, text: chinese.get(text, "")) == f"文件 {tmp_path / 'nope.xlsx'} 不存在。"


# --- finding the header ---------------------------------------------------------------


def test_header_below_merged_title_rows(tmp_path: Path) -> None:
    b = RosterBuilder(["序号", "姓名", "身份证号", "楼栋", "单元", "房号", "备注"])
    b.title("城南街道阳光社区户籍人口花名册").title("填报单位：阳光社区   填报日期：2024年5月", merged=False)
    b.blank()
    b.add(1, "张三", "x", "3", "2", "501")
    sheet = read_sheet(b.save(tmp_path / "r.xlsx"))
    header = detect_header(sheet)
    assert header == Header(
        row=3,
        columns={"name": 1, "id_number": 2, "building": 3, "unit": 4, "room": 5, "note": 6},
        labels=["序号", "姓名", "身份证号", "楼栋", "单元", "房号", "备注"],
        unmapped=[0],
    )


def test_header_text_is_normalised_before_matching() -> None:
    row: list[object] = ["*姓 名", "公民身份\n号码（必填）", "出生日期:", "联系电话（多个用、分隔）", "小区（楼盘）",
                         "幢\n号", "与户主关系(名称)", "ＩＤ　Ｎｏ．", "人户一致情况", None, "  ", "Remarks"]  # fmt: skip
    header = detect_header(Sheet("s", [row]))
    assert header.columns == {
        "name": 0, "id_number": 1, "birth_date": 2, "phones": 3, "compound": 4, "building": 5,
        "relation": 6, "residence_status": 8, "note": 11,
    }  # fmt: skip
    assert header.unmapped == [7]  # "ID No." after the Chinese ID column: the first wins
    assert header.labels[1] == "公民身份 号码(必填)"
    assert header.labels[9:11] == ["", ""]


def test_english_headers() -> None:
    row: list[object] = ["Name", "Head of household", "Relationship", "ID number", "Sex", "Date of birth",
                         "Ethnicity", "Mobile", "Community", "Estate", "Building", "Unit", "Room",
                         "Household No.", "Residence status", "Tags", "Note"]  # fmt: skip
    header = detect_header(Sheet("s", [row]))
    assert list(header.columns) == list(FIELDS)
    assert list(header.columns.values()) == list(range(len(FIELDS)))


def test_a_list_of_household_heads_takes_the_heads_names_as_the_names() -> None:
    """户主姓名 and no 姓名 column: each row is the household's head, by that name (the wizard
    and the command line would otherwise find no name at all and reject every row)."""
    heads = detect_header(Sheet("s", [["户主姓名", "身份证号", "楼栋", "房号"]]))
    assert heads.columns["name"] == 0 and "head_name" not in heads.columns
    both = detect_header(Sheet("s", [["姓名", "户主姓名", "身份证号"]]))
    assert (both.columns["name"], both.columns["head_name"]) == (0, 1)
    members = detect_header(Sheet("s", [["户主姓名", "成员", "与户主关系", "身份证号"]]))
    assert "name" not in members.columns  # members under an unknown name header: left to map, not guessed


def test_the_row_with_most_known_headers_wins() -> None:
    rows: list[list[object]] = [
        ["社区", "小区", None],  # two known headers but neither name nor ID: not a header
        ["姓名", "备注", None],
        ["姓名", "身份证号", "房号"],
        ["张三", "110105194912310021", "501"],
    ]
    assert detect_header(Sheet("s", rows)).row == 3


def test_two_row_header_under_group_headers() -> None:
    """"住址" merged over 楼栋/单元/房号, with 姓名 and 身份证号 merged down two rows."""
    rows: list[list[object]] = [
        ["花名册", None, None, None, None, None],
        ["姓名", "身份证号", "住址", None, None, "备注"],
        [None, None, "楼栋", "单元", "房号", None],
        ["张三", "110105194912310021", "3", "2", "501", None],
    ]
    header = detect_header(Sheet("s", rows))
    assert header.row == 3
    assert header.columns == {"name": 0, "id_number": 1, "building": 2, "unit": 3, "room": 4, "note": 5}
    assert header.labels == ["姓名", "身份证号", "楼栋", "单元", "房号", "备注"]
    assert header.unmapped == []


def test_a_data_row_is_not_taken_for_a_second_header_row() -> None:
    rows: list[list[object]] = [["姓名", "身份证号", "备注"], ["张三", None, "户主"]]
    assert detect_header(Sheet("s", rows)).row == 1


@pytest.mark.parametrize(
    "rows",
    [
        [["城南街道户籍人口花名册"], ["统计日期：2024年5月"]],
        [["姓名", "电话号码不详"], ["张三", "x"]],  # one known header is not enough
        [["社区", "小区", "楼栋", "房号"]],  # no name or ID column
        [[None]] * 30 + [["姓名", "身份证号"]],  # beyond the first 30 rows
    ],
)
def test_no_header(rows: list[list[object]]) -> None:
    with pytest.raises(RosterError) as caught:
        detect_header(Sheet("花名册", rows))
    assert _code(caught) == "no_header"
    assert "花名册" in str(caught.value)


@pytest.mark.parametrize(
    "rows",
    [
        [["姓名", "身份证号", "楼栋"]],  # a blank template
        [["花名册"], ["姓名", "身份证号", "楼栋"], [None, "  ", None], [""]],  # only blank rows below
    ],
)
def test_a_header_without_rows_below_is_refused(rows: list[list[object]]) -> None:
    sheet = Sheet("花名册", rows)
    header = detect_header(sheet)  # the header is found: a template's layout can be checked
    with pytest.raises(RosterError) as caught:
        require_rows(sheet, header)
    assert _code(caught) == "sheet_no_rows"
    assert str(caught.value) == ("The sheet “花名册” has its header in row " + str(header.row)
                                 + " but no rows of data below it: fill in the residents under the header "
                                 "and import it again.")


def test_one_row_below_the_header_is_enough() -> None:
    sheet = Sheet("s", [["姓名", "身份证号"], [None, None], [None, "x"]])
    require_rows(sheet, detect_header(sheet))


def test_header_in_row_30_is_found() -> None:
    rows: list[list[object]] = [[None]] * 29 + [["姓名", "身份证号"]]
    assert detect_header(Sheet("s", rows)).row == 30


REQUIRED_SYNONYMS = {
    "name": ["姓名", "名字", "name"],
    "head_name": ["户主姓名", "户主", "head of household"],
    "relation": ["与户主关系", "与户主关系(名称)", "关系", "relation"],
    "id_number": ["公民身份号码", "身份证号", "身份证号码", "身份证", "证件号码", "id number", "id no"],
    "gender": ["性别", "gender", "sex"],
    "birth_date": ["出生日期", "出生年月", "生日", "date of birth", "birth date"],
    "ethnicity": ["民族", "ethnicity"],
    "phones": ["联系电话", "手机", "手机号", "手机号码", "电话", "联系方式", "phone", "mobile"],
    "community": ["社区", "社区名称", "community"],
    "compound": ["小区", "小区名称", "小区(楼盘)", "compound", "estate"],
    "building": ["楼栋", "幢", "楼号", "幢号", "栋", "building"],
    "unit": ["单元", "unit"],
    "room": ["房号", "室", "房间号", "门牌号", "room"],
    "household_no": ["户号", "household no"],
    "residence_status": ["人户状态", "人户一致情况", "residence status"],
    "tags": ["标签", "人员类别", "人员类型", "tags"],
    "note": ["备注", "note", "remarks"],
}


def test_synonyms_cover_the_common_headers() -> None:
    assert set(HEADER_SYNONYMS) == set(FIELDS) == set(FIELD_LABELS) == set(REQUIRED_SYNONYMS)
    for field, texts in REQUIRED_SYNONYMS.items():
        for text in texts:
            assert text in HEADER_SYNONYMS[field], (field, text)
            assert _SYNONYM_INDEX[_header_key(_label(text))] == field
            assert _SYNONYM_INDEX[_header_key(_label(text.upper()))] == field


# --- the template ---------------------------------------------------------------------


def test_template_layout(tmp_path: Path) -> None:
    path = tmp_path / "template.xlsx"
    write_template(path)
    book = load_workbook(path)
    assert book.sheetnames == ["花名册"]
    sheet = book["花名册"]
    headers = [c.value for c in sheet[1]]
    assert headers == ["姓名", "与户主关系", "公民身份号码", "性别", "出生日期", "民族", "联系电话", "社区", "小区",
                       "楼栋", "单元", "房号", "户号", "人户状态", "标签", "备注"]  # fmt: skip
    assert all(c.font.b for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    letter = {text: column_letter(i) for i, text in enumerate(headers)}
    for text, fmt in (("公民身份号码", "@"), ("联系电话", "@"), ("出生日期", "yyyy-mm-dd")):
        assert sheet[f"{letter[text]}2"].number_format == fmt
        assert sheet[f"{letter[text]}1001"].number_format == fmt
    assert sheet[f"{letter['姓名']}2"].number_format == "General"
    lists = {str(dv.sqref): dv.formula1 for dv in sheet.data_validations.dataValidation}
    assert lists == {
        f"{letter['与户主关系']}2:{letter['与户主关系']}1001":
            '"户主,配偶,子,女,父亲,母亲,孙子,孙女,儿媳,女婿,兄弟姐妹,其他"',
        f"{letter['性别']}2:{letter['性别']}1001": '"男,女"',
        f"{letter['人户状态']}2:{letter['人户状态']}1001": '"人户一致,人在户不在,户在人不在"',
    }  # fmt: skip
    for i, text in enumerate(headers):
        width = sheet.column_dimensions[column_letter(i)].width
        assert width >= 2 * len(text) + 2, text  # a CJK character is two units wide
    assert [h for h, _, _ in TEMPLATE_HEADERS] == headers


def test_a_filled_template_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "template.xlsx"
    write_template(path)
    book = load_workbook(path)
    sheet = book["花名册"]
    head = valid_id("330382", date(1950, 3, 2), 123)
    wife = valid_id("330382", date(1952, 7, 9), 124)
    filled = [
        ["张三", "户主", head, "男", date(1950, 3, 2), "汉族", "13812345678", "阳光社区", "阳光花园",
         "3", "2", "501", "12345", "人户一致", "独居、高龄", None],
        ["李四", "配偶", wife, "女", "1952.7.9", "汉族", None, "阳光社区", "阳光花园",
         "3幢", "2单元", "501室", "12345", "人户一致", None, "腿脚不便"],
    ]  # fmt: skip
    for r, values in enumerate(filled, start=2):  # not append(): the formatted rows count as used
        for c, value in enumerate(values, start=1):
            sheet.cell(row=r, column=c, value=value)
    book.save(path)

    read = read_sheet(path)
    header = detect_header(read)
    assert header.row == 1 and header.unmapped == []
    rows = validate(read, header, today=TODAY)
    assert [(r.row, r.name, r.id_number, r.gender, r.building, r.unit, r.room, r.issues) for r in rows] == [
        (2, "张三", head, "M", "3幢", "2", "501", []),
        (3, "李四", wife, "F", "3幢", "2", "501", []),
    ]
    assert rows[0].tags == ["独居", "高龄"] and rows[1].note == "腿脚不便"
    assert rows[1].birth_date == date(1952, 7, 9) and rows[1].phones == []
