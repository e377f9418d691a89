"""The limits on what a roster import reads (io/roster_limits): each finding of the review of
2026-12-07 and each way around the checks, refused in one line before calamine parses anything.

Bombs are built by declaring sizes in the zip's directory or from a few MB of one repeated
byte; nothing here inflates gigabytes. Files that would make calamine abort the interpreter if
a check broke are read in a child process with its memory capped (hostile_xlsx.read_in_child).
"""

from __future__ import annotations

import random
import zipfile
from datetime import date
from pathlib import Path

import pytest

from gridkeeper.io import roster_limits
from gridkeeper.io.roster import RosterError, list_sheets, read_sheet
from gridkeeper.io.roster_limits import (
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    MAX_PART_BYTES,
    MAX_ROWS,
    MAX_SHARED_STRINGS,
    MAX_SHARED_STRINGS_BYTES,
)
from tests.io.hostile_xlsx import (
    declare_size,
    header_rows,
    inline,
    read_in_child,
    shared_strings_xml,
    sheet_xml,
    write_xlsx,
)
from tests.io.roster_builder import RosterBuilder, valid_id

BASIC = ["姓名", "公民身份号码", "楼栋", "房号"]


def _refused(path: Path, code: str) -> RosterError:
    with pytest.raises(RosterError) as caught:
        read_sheet(path)
    assert caught.value.code == code, str(caught.value)
    assert "\n" not in str(caught.value)  # one line, as the command line prints it
    return caught.value


def _letters(column: int) -> str:
    letters = ""
    while column:
        column, rem = divmod(column - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


# --- the review's findings ------------------------------------------------------------


def test_a_sheet_that_inflates_to_4_gib_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    """Finding: calamine aborted with "memory allocation of 7796162560 bytes failed". The zip's
    directory says what an entry inflates to (and calamine's zip reader stops there), so the
    declared size is refused without inflating a byte."""
    path = declare_size(write_xlsx(tmp_path / "bomb.xlsx", sheet_xml(header_rows())),
                        "xl/worksheets/sheet1.xml", 0xFFFF_FFF0)
    assert zipfile.ZipFile(path).getinfo("xl/worksheets/sheet1.xml").file_size == 0xFFFF_FFF0
    error = _refused(path, "file_too_big")
    assert "xl/worksheets/sheet1.xml" in str(error) and "4295 MB" in str(error)


def test_shared_strings_of_3_gib_are_refused(tmp_path: Path) -> None:
    """Finding: shared strings inflating to 3 GiB imported at 3.2 GB of memory. They are held
    whole by calamine from the moment the workbook opens: refused above 64 MiB, even to list sheets."""
    path = write_xlsx(tmp_path / "sst.xlsx", sheet_xml(header_rows()), shared=shared_strings_xml(["x"]))
    declare_size(path, "xl/sharedStrings.xml", 3 << 30)
    _refused(path, "file_too_big")
    with pytest.raises(RosterError):
        list_sheets(path)
    path = write_xlsx(tmp_path / "sst2.xlsx", sheet_xml(header_rows()), shared=shared_strings_xml(["x"]))
    declare_size(path, "xl/sharedStrings.xml", MAX_SHARED_STRINGS_BYTES + 1)
    _refused(path, "file_too_big")


def test_a_1_7_million_character_cell_is_refused(tmp_path: Path) -> None:
    """Finding: a roster with one 1.7-million-character name imported, then the search index ran
    out of memory. No cell Excel or WPS writes is longer than 32,767 characters."""
    rng = random.Random(7)  # varied, so it does not deflate like a bomb (that is refused too, as file_bomb)
    name = "".join(chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(1_700_000))
    path = write_xlsx(tmp_path / "long.xlsx", sheet_xml(header_rows(
        '<row r="3">' + inline("A3", name) + inline("B3", "3") + inline("C3", "502") + "</row>")))
    error = _refused(path, "cell_too_long")
    assert "32,767" in str(error)


@pytest.mark.parametrize("shared", [False, True], ids=["inline", "shared"])
def test_the_cell_limit_is_excels(tmp_path: Path, shared: bool) -> None:
    for length, refused in ((MAX_CELL_CHARS, False), (MAX_CELL_CHARS + 1, True)):
        text = "户" * length
        if shared:
            path = write_xlsx(tmp_path / f"s{length}.xlsx", sheet_xml(header_rows(
                '<row r="3"><c r="A3" t="s"><v>0</v></c>' + inline("B3", "3") + inline("C3", "1") + "</row>")),
                shared=shared_strings_xml([text]))
        else:
            path = write_xlsx(tmp_path / f"i{length}.xlsx", sheet_xml(header_rows(
                '<row r="3">' + inline("A3", text) + inline("B3", "3") + inline("C3", "1") + "</row>")))
        if refused:
            _refused(path, "cell_too_long")
        else:
            assert len(read_sheet(path).rows[2][0]) == MAX_CELL_CHARS


def test_a_long_cell_cut_across_the_checks_chunks_is_still_found(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The parts are checked a few MB at a time: a text run spanning chunks is measured whole,
    and tags cut in two are neither missed nor taken for something else."""
    monkeypatch.setattr(roster_limits, "_CHUNK", 97)
    b = RosterBuilder(BASIC)
    for i in range(40):
        b.add(f"居民{i}", valid_id("330382", date(1960, 1, 1), 2 * i + 1), "3", str(500 + i))
    assert len(read_sheet(b.save(tmp_path / "ok.xlsx")).rows) == 41  # nothing odd seen in pieces
    path = write_xlsx(tmp_path / "long.xlsx", sheet_xml(header_rows(
        '<row r="3">' + inline("A3", "长" * (MAX_CELL_CHARS + 1)) + "</row>")))
    _refused(path, "cell_too_long")
    path = write_xlsx(tmp_path / "far.xlsx", sheet_xml(header_rows('<row r="3">' + inline("XFD3", "x") + "</row>")))
    _refused(path, "sheet_too_large")


# --- bombs and lies in the zip ----------------------------------------------------------


def test_a_part_that_inflates_past_the_ratio_no_program_writes_is_refused(tmp_path: Path) -> None:
    padding = " " * (4 << 20)  # 4 MiB of spaces: ~4 KB deflated, 1000 to 1
    path = write_xlsx(tmp_path / "ratio.xlsx", sheet_xml(header_rows()), extra={"xl/media/pad.xml": padding})
    error = _refused(path, "file_bomb")
    assert "xl/media/pad.xml" in str(error)


def test_every_entry_and_the_sum_are_bounded(tmp_path: Path) -> None:
    path = declare_size(write_xlsx(tmp_path / "big.xlsx", sheet_xml(header_rows()), extra={"xl/theme/t.xml": "<t/>"}),
                        "xl/theme/t.xml", MAX_PART_BYTES + 1)
    _refused(path, "file_too_big")
    rng = random.Random(3)  # 1 MiB that does not deflate: declared as 191 MiB it stays under the ratio
    parts = {f"xl/media/p{i}.bin": rng.randbytes(1 << 20) for i in range(3)}
    path = write_xlsx(tmp_path / "sum.xlsx", sheet_xml(header_rows()), extra=parts)
    for name in parts:
        declare_size(path, name, MAX_PART_BYTES - 1)  # each under its limit, together over 384 MiB
    _refused(path, "file_too_big")


def test_a_size_declared_smaller_than_the_data_stops_calamine_not_the_app(tmp_path: Path) -> None:
    """The other lie: a small declared size over a large stream. calamine's zip reader stops at the
    declared size ("File is larger than its declared uncompressed size"), so it is the size checked."""
    rows = "".join(f'<row r="{r}">' + inline(f"A{r}", "x") + "</row>" for r in range(3, 3003))
    path = write_xlsx(tmp_path / "lie.xlsx", sheet_xml(header_rows(rows)))
    declare_size(path, "xl/worksheets/sheet1.xml", 2000)
    with pytest.raises(RosterError) as caught:
        read_sheet(path)
    assert caught.value.code == "file_unreadable"


def test_a_file_too_big_to_be_a_roster_is_refused_whatever_its_format(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(roster_limits, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000)
    error = _refused(path, "file_too_big")
    assert str(error).startswith("old.xls is 0")


def test_an_entry_zipfile_cannot_read_is_a_damaged_workbook(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "enc.xlsx", sheet_xml(header_rows()))
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02")
    data[at + 8] |= 1  # the central directory says the entry is encrypted
    path.write_bytes(bytes(data))
    error = _refused(path, "file_unreadable")
    assert "damaged" in str(error)


# --- what would kill the process: checked in a child whose memory is capped --------------


def test_two_cells_far_apart_do_not_abort_the_process(tmp_path: Path) -> None:
    """A1 and XFD1048576 in a file of 1 KB: calamine would allocate the 17 billion cells between
    them and abort. The places of the cells are checked first."""
    path = write_xlsx(tmp_path / "far.xlsx", sheet_xml(header_rows(
        '<row r="1048576">' + inline("XFD1048576", "y") + "</row>")))
    assert path.stat().st_size < 2000
    result = read_in_child(path)
    assert result.get("code") == "sheet_too_large", result
    assert "row 1048576 and column XFD" in str(result["message"])


def test_a_shared_strings_count_of_billions_does_not_abort_the_process(tmp_path: Path) -> None:
    """calamine reserves room for `uniqueCount` strings when it opens the workbook."""
    path = write_xlsx(tmp_path / "count.xlsx", sheet_xml(header_rows()),
                      shared=shared_strings_xml(["x"], unique_count=4_000_000_000_000))
    result = read_in_child(path)
    assert result.get("code") == "file_bomb", result
    path = write_xlsx(tmp_path / "fine.xlsx", sheet_xml(header_rows()),
                      shared=shared_strings_xml(["x"], unique_count=MAX_SHARED_STRINGS))
    assert read_sheet(path).rows[0] == ["姓名", "楼栋", "房号"]


@pytest.mark.parametrize(
    "cell",
    [
        '<c r="A3" r ="XFD3" t="inlineStr"><is><t>y</t></is></c>',  # a second r, written otherwise
        "<c r='A3' t=\"inlineStr\"><is><t>y</t></is></c><c r = 'XFD3' t=\"inlineStr\"><is><t>y</t></is></c>",
        '<c s="1"\tr="XFD3" t="inlineStr"><is><t>y</t></is></c>',  # r not first, after a tab
        '<c r="A3"\nr="xfd3"><v>1</v></c>',  # lower case, after a line break
        '<x:c xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" r="XFD3"><x:v>1</x:v></x:c>',
        '<c r="A99999999999"><v>1</v></c>',  # digits that wrap around calamine's 32 bits
        "".join("<c><v>1</v></c>" for _ in range(MAX_COLUMNS + 1)),  # no r: one after the other
    ],
    ids=["second-r", "quotes-spaces", "tab", "lower-case", "prefixed", "wrapping", "no-r"],
)
def test_far_cells_written_any_way_calamine_reads_them_are_found(tmp_path: Path, cell: str) -> None:
    path = write_xlsx(tmp_path / "odd.xlsx", sheet_xml(header_rows(f'<row r="3">{cell}</row>')))
    result = read_in_child(path)
    assert result.get("code") == "sheet_too_large", result


def test_a_comment_cannot_hide_the_end_of_the_sheet_data(tmp_path: Path) -> None:
    rows = header_rows('<!-- </sheetData> --><row r="3">' + inline("XFD3", "y") + "</row>")
    result = read_in_child(write_xlsx(tmp_path / "comment.xlsx", sheet_xml(rows)))
    assert result.get("code") == "sheet_too_large", result


# --- rows, columns, cells: the limits themselves -----------------------------------------


def test_rows_up_to_the_limit_are_read_and_one_more_is_refused(tmp_path: Path) -> None:
    last = header_rows(f'<row r="{MAX_ROWS}">' + inline(f"A{MAX_ROWS}", "李四") + "</row>")
    sheet = read_sheet(write_xlsx(tmp_path / "ok.xlsx", sheet_xml(last)))
    assert len(sheet.rows) == MAX_ROWS
    over = header_rows(f'<row r="{MAX_ROWS + 1}">' + inline(f"A{MAX_ROWS + 1}", "李四") + "</row>")
    error = _refused(write_xlsx(tmp_path / "over.xlsx", sheet_xml(over)), "sheet_too_large")
    assert f"row {MAX_ROWS + 1}" in str(error) and "200,000 rows" in str(error)


def test_columns_up_to_the_limit_are_read_and_one_more_is_refused(tmp_path: Path) -> None:
    last = _letters(MAX_COLUMNS)
    sheet = read_sheet(write_xlsx(tmp_path / "ok.xlsx", sheet_xml(header_rows(
        '<row r="3">' + inline(f"{last}3", "x") + "</row>"))))
    assert len(sheet.rows[0]) == MAX_COLUMNS and last == "IV"
    _refused(write_xlsx(tmp_path / "over.xlsx", sheet_xml(header_rows(
        '<row r="3">' + inline(f"{_letters(MAX_COLUMNS + 1)}3", "x") + "</row>"))), "sheet_too_large")


def test_rows_and_columns_each_allowed_but_too_many_cells_together_are_refused(tmp_path: Path) -> None:
    corner = f"{_letters(201)}40000"  # 201 columns x 40,000 rows: 8.04 million cells
    _refused(write_xlsx(tmp_path / "wide.xlsx", sheet_xml(header_rows(f'<row r="40000">{inline(corner, "x")}</row>'))),
             "sheet_too_large")


def test_a_wide_sheet_past_the_fast_checks_bound_is_still_read(tmp_path: Path) -> None:
    """Columns past BZ, rows past 99,999, a namespace prefix: the exact scan vouches for them."""
    rows = header_rows('<row r="100500">' + inline("CA100500", "x") + "</row>")  # 79 x 100,500: 7.9 million
    assert len(read_sheet(write_xlsx(tmp_path / "wide.xlsx", sheet_xml(rows))).rows) == 100500
    prefixed = sheet_xml(header_rows()).replace("<worksheet ", "<x:worksheet xmlns:x=\"http://schemas.openxmlformats"
                                                 ".org/spreadsheetml/2006/main\" ")
    prefixed = (prefixed.replace("<row", "<x:row").replace("</row", "</x:row").replace("<c ", "<x:c ")
                .replace("</c>", "</x:c>").replace("<is>", "<x:is>").replace("</is>", "</x:is>")
                .replace("<t>", "<x:t>").replace("</t>", "</x:t>").replace("sheetData>", "x:sheetData>")
                .replace("</worksheet>", "</x:worksheet>"))
    assert read_sheet(write_xlsx(tmp_path / "prefixed.xlsx", prefixed)).rows[1] == ["张三", "3", "501"]


@pytest.mark.parametrize(("corner", "rows"), [("AN150000", 150000), ("DZ50000", 50000), ("IV20000", 20000)],
                         ids=["long", "wide", "widest"])
def test_long_or_wide_rosters_written_plainly_need_no_exact_scan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 corner: str, rows: int) -> None:
    """Past the first bound (BZ99999), a second pass tries the other rectangles within the limits;
    the exact scan (slow: ~5 us a cell) is left for what no rectangle holds or is written oddly."""
    def no_exact_scan(data: bytes) -> tuple[int, int]:
        raise AssertionError("exact scan")

    monkeypatch.setattr(roster_limits, "_exact_extent", no_exact_scan)
    path = write_xlsx(tmp_path / "plain.xlsx", sheet_xml(header_rows(f'<row r="{rows}">{inline(corner, "x")}</row>')))
    assert len(read_sheet(path).rows) == rows
