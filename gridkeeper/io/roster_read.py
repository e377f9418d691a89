"""Reading a roster workbook and finding its header row.

Rosters come from police stations and community offices as messy Excel files:
a merged title row above the header, headers worded a dozen ways, other sheets
beside the roster. This module turns a file into raw rows and a column map; it
judges no cell (see roster_rows for that). python-calamine reads: it is about
ten times faster than openpyxl on a 50,000-row roster.
"""

from __future__ import annotations

import gc
import io
import os
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from gridkeeper.errors import QT_TRANSLATE_NOOP, Names
from gridkeeper.io import roster_limits
from gridkeeper.io.roster_limits import M_DAMAGED as _M_DAMAGED
from gridkeeper.io.roster_limits import RosterError
from gridkeeper.rules import text as text_rules

FIELDS: tuple[str, ...] = (
    "name", "head_name", "relation", "id_number", "gender", "birth_date", "ethnicity",
    "phones", "community", "compound", "building", "unit", "room", "household_no", "residence_status",
    "tags", "note",
)  # fmt: skip

FIELD_LABELS: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("roster", "Name"),
    "head_name": QT_TRANSLATE_NOOP("roster", "Head of household"),
    "relation": QT_TRANSLATE_NOOP("roster", "Relation to head"),
    "id_number": QT_TRANSLATE_NOOP("roster", "ID number"),
    "gender": QT_TRANSLATE_NOOP("roster", "Gender"),
    "birth_date": QT_TRANSLATE_NOOP("roster", "Date of birth"),
    "ethnicity": QT_TRANSLATE_NOOP("roster", "Ethnicity"),
    "phones": QT_TRANSLATE_NOOP("roster", "Phone"),
    "community": QT_TRANSLATE_NOOP("roster", "Community"),
    "compound": QT_TRANSLATE_NOOP("roster", "Compound"),
    "building": QT_TRANSLATE_NOOP("roster", "Building"),
    "unit": QT_TRANSLATE_NOOP("roster", "Unit"),
    "room": QT_TRANSLATE_NOOP("roster", "Room"),
    "household_no": QT_TRANSLATE_NOOP("roster", "Household no."),
    "residence_status": QT_TRANSLATE_NOOP("roster", "Residence status"),
    "tags": QT_TRANSLATE_NOOP("roster", "Tags"),
    "note": QT_TRANSLATE_NOOP("roster", "Note"),
}

# Matched after normalisation (_header_key), so "公民身份号码（必填）", "*姓名" and "ID No." match too.
HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "名字", "居民姓名", "人员姓名", "成员姓名", "name", "full name"),
    "head_name": ("户主姓名", "户主", "head of household", "household head"),
    "relation": ("与户主关系", "与户主关系(名称)", "关系", "家庭关系", "与户主的关系",
                 "relation", "relationship", "relation to head"),
    "id_number": ("公民身份号码", "身份证号", "身份证号码", "身份证", "证件号码", "身份号码",
                  "公民身份证号码", "身份证件号码", "id number", "id no", "id card", "id card number"),
    "gender": ("性别", "gender", "sex"),
    "birth_date": ("出生日期", "出生年月", "出生年月日", "生日", "date of birth", "birth date", "birthday", "dob"),
    "ethnicity": ("民族", "ethnicity", "ethnic group", "nationality"),
    "phones": ("联系电话", "手机", "手机号", "手机号码", "电话", "电话号码", "联系方式", "联系号码",
               "phone", "mobile", "telephone", "tel"),
    "community": ("社区", "社区名称", "所属社区", "社区(村)", "community"),
    "compound": ("小区", "小区名称", "小区(楼盘)", "楼盘", "所属小区", "compound", "estate"),
    "building": ("楼栋", "幢", "楼号", "幢号", "栋", "栋号", "楼幢", "楼栋号", "楼幢号", "building", "block"),
    "unit": ("单元", "单元号", "unit"),
    "room": ("房号", "室", "房间号", "门牌号", "房间", "室号", "户室号", "room", "room no"),
    "household_no": ("户号", "户编号", "household no", "household number"),
    "residence_status": ("人户状态", "人户一致情况", "人户情况", "residence status"),
    "tags": ("标签", "人员类别", "人员类型", "人员标签", "tags", "category"),
    "note": ("备注", "说明", "note", "notes", "remarks", "remark"),
}  # fmt: skip

HEADER_SCAN_ROWS = 30
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
# Stream names (UTF-16LE in the OLE directory) of Word and PowerPoint files: an OLE file
# holding one of these is a renamed document, not a password-protected workbook.
_NOT_EXCEL_STREAMS = tuple(s.encode("utf-16-le") for s in ("WordDocument", "PowerPoint Document"))
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")

_NOTES = re.compile(r"[(\[【<《][^)\]】>》]*[)\]】>》]")
_HEADER_JUNK = re.compile(r"[\s*:.#]+")


@contextmanager
def gc_paused() -> Iterator[None]:
    """Hold off the cyclic garbage collector while building many small lists.

    Tens of thousands of row lists trigger collections that walk every row again
    (a third of validate()'s time at 50,000 rows); these structures hold no cycles,
    so nothing is lost by collecting afterwards instead.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _file_missing(path: Path) -> RosterError:
    return RosterError(
        "file_missing", QT_TRANSLATE_NOOP("errors", "The file {path} does not exist."), path=str(path)
    )


_M_UNREADABLE = QT_TRANSLATE_NOOP(
    "errors",
    "{file} is not an Excel workbook that can be read (.xlsx, .xls, .xlsm, .xlsb or .ods). "
    "If it opens in Excel or WPS, save it there as .xlsx and import it again.",
)
_M_PDF = QT_TRANSLATE_NOOP(
    "errors",
    "{file} is a PDF document, not an Excel workbook; a roster cannot be read from it. "
    "Ask for the roster as an Excel file (.xlsx), or save the original in Excel or WPS as .xlsx.",
)
_M_TEXT = QT_TRANSLATE_NOOP(
    "errors",
    "{file} is a text file (CSV or similar), not an Excel workbook. "
    "Open it in Excel or WPS, save it as .xlsx and import that file.",
)


def _file_unreadable(path: Path, message: str = _M_UNREADABLE) -> RosterError:
    """Not a workbook calamine can read; `message` says what it is instead, when the bytes tell."""
    return RosterError("file_unreadable", message, file=path.name)


def _file_encrypted(path: Path) -> RosterError:
    return RosterError(
        "file_encrypted",
        QT_TRANSLATE_NOOP(
            "errors",
            "{file} is protected with a password. Open it in Excel or WPS, remove the password, "
            "save it and import it again.",
        ),
        file=path.name,
    )


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(8)
    except OSError:
        return b""


def _looks_like_text(path: Path) -> bool:
    """Whether the file starts as text does (UTF-8 or GBK, no NUL bytes): a CSV renamed .xlsx."""
    try:
        with path.open("rb") as fh:
            start = fh.read(4096)
    except OSError:
        return False
    if not start.strip() or b"\0" in start:
        return False
    for encoding in ("utf-8", "gb18030"):
        try:
            start.decode(encoding)
        except UnicodeDecodeError as exc:
            if exc.start >= len(start) - 4:  # a character cut by the 4,096-byte read
                return True
            continue
        return True
    return False


def _damaged_workbook(path: Path) -> bool:
    """A zip that cannot be read whole (cut short, corrupted), or that holds a workbook calamine
    could not read; a readable zip of something else (a Word .docx) is not a damaged workbook."""
    try:
        with zipfile.ZipFile(path) as book:
            return "xl/workbook.xml" in book.namelist() or "xl/workbook.bin" in book.namelist()
    except (zipfile.BadZipFile, OSError, EOFError):
        return True


def _classify_failure(path: Path) -> RosterError:
    """Why calamine could not open the file, as well as the bytes tell.

    A password-protected .xlsx is not a zip but an OLE (CFB) container holding an
    "EncryptedPackage" stream; calamine dispatches on the extension and reports a zip
    error for it. Without a CFB parser (msoffcrypto-tool / olefile are not dependencies)
    we treat every OLE file that calamine cannot read as an .xls as encrypted: that is
    what such files are in practice. Only an OLE file that plainly is a Word or
    PowerPoint document is reported as unreadable instead.
    """
    head = _head(path)
    if head.startswith(b"%PDF"):
        return _file_unreadable(path, _M_PDF)
    if head.startswith(ZIP_MAGIC) and _damaged_workbook(path):
        return _file_unreadable(path, _M_DAMAGED)
    if head != OLE_MAGIC:
        return _file_unreadable(path, _M_TEXT if _looks_like_text(path) else _M_UNREADABLE)
    try:
        data = path.read_bytes()
    except OSError:
        return _file_unreadable(path)
    if _ENCRYPTED_STREAM not in data and any(s in data for s in _NOT_EXCEL_STREAMS):
        return _file_unreadable(path)
    return _file_encrypted(path)


def _open(path: Path, *, content: bool = False) -> tuple[Any, roster_limits.WorkbookFacts | None]:
    """Open a workbook, turning every failure into a RosterError with a reason.

    First the limits (roster_limits): the file's size, a zip's declared sizes and, with
    `content` (before a sheet is parsed), its parts' content. Returns the workbook and what
    checking a zip's content found (None for a file that is not a zip).
    """
    import python_calamine as pc  # lazy: only importing rosters needs it

    path = Path(path)
    if not path.exists():
        raise _file_missing(path)
    if not path.is_file():
        raise _file_unreadable(path)
    roster_limits.check_size(path)
    # A zip by its directory at the end, as calamine's reader finds it (an .xls never is one,
    # whatever bytes it ends with).
    if _head(path) == OLE_MAGIC or not zipfile.is_zipfile(path):
        return _calamine_open(path, pc), None
    facts = roster_limits.check_zip(path)
    if not content:
        return _calamine_open(path, pc), facts
    # The other parts are checked while calamine opens the workbook: it reads the workbook,
    # its styles and the shared strings (checked above), not a sheet, and lets go of the GIL
    # meanwhile, so on a machine with a core to spare the two share the time (the open is
    # ~0.07 s of the ~0.2 s the check takes at 50,000 rows).
    with ThreadPoolExecutor(1, thread_name_prefix="gridkeeper-roster-check") as pool:
        checked = pool.submit(roster_limits.check_parts, path, facts)
        try:
            book = _calamine_open(path, pc)
        except RosterError:
            checked.result()  # a limit passed says more than calamine's failure
            raise
        try:
            checked.result()
        except BaseException:
            book.close()
            raise
    return book, facts


def _calamine_open(path: Path, pc: Any) -> Any:
    try:
        return pc.CalamineWorkbook.from_path(os.fspath(path))
    except pc.PasswordError as exc:
        raise _file_encrypted(path) from exc
    except Exception as exc:  # noqa: BLE001 - calamine raises CalamineError, ZipError, XmlError, OSError...
        first: Exception = exc
    # calamine picks its reader by extension: an .xls saved as .xlsx (or the reverse) only
    # opens when the format is detected from the content.
    head = _head(path)
    if head == OLE_MAGIC or head.startswith(ZIP_MAGIC):
        try:
            return pc.CalamineWorkbook.from_filelike(io.BytesIO(path.read_bytes()))
        except pc.PasswordError as exc:
            raise _file_encrypted(path) from exc
        except Exception:  # noqa: BLE001, S110 - fall through to the diagnosis below
            pass
    raise _classify_failure(path) from first


def _worksheets(book: Any) -> list[tuple[str, bool]]:
    """(name, visible) of the worksheets; chart and macro sheets hold no rows."""
    import python_calamine as pc

    return [
        (m.name, m.visible == pc.SheetVisibleEnum.Visible)
        for m in book.sheets_metadata
        if m.typ == pc.SheetTypeEnum.WorkSheet
    ]


_MODIFIED = re.compile(rb"<dcterms:modified[^>]*>([^<]+)</dcterms:modified>")


def saved_ms(path: Path) -> int | None:
    """When the workbook was last saved, in epoch milliseconds: the time Excel and WPS write into
    docProps/core.xml, else the file's modified time. None when neither can be read."""
    try:
        with zipfile.ZipFile(path) as book:
            info = book.getinfo("docProps/core.xml")
            if info.file_size < 64 * 1024:
                found = _MODIFIED.search(book.read(info))
                if found:
                    when = datetime.fromisoformat(found.group(1).decode("ascii").strip().replace("Z", "+00:00"))
                    if when.tzinfo is not None:
                        return int(when.timestamp() * 1000)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, UnicodeDecodeError):
        pass
    try:
        return int(os.stat(path).st_mtime * 1000)
    except OSError:
        return None


def list_sheets(path: Path) -> list[str]:
    """The visible worksheets in order (all worksheets if every one is hidden), for a sheet chooser."""
    book, _facts = _open(Path(path))
    try:
        sheets = _worksheets(book)
    finally:
        book.close()
    visible = [name for name, shown in sheets if shown]
    return visible or [name for name, _ in sheets]


def merged_ranges(path: Path, sheet: str) -> list[tuple[int, int, int, int]]:
    """The sheet's merged cells as (first row, first column, last row, last column), 0-based
    like Sheet.rows; [] when the format does not say (calamine knows them for .xlsx and .xls).
    Call it after read_sheet() accepted the file: this open checks only the file's size and
    directory again, which read_sheet found within the limits."""
    book, _facts = _open(Path(path))
    try:
        ranges = book.get_sheet_by_name(sheet).merged_cell_ranges or []
    except Exception:  # noqa: BLE001 - merges are a nicety; the rows were read
        ranges = []
    finally:
        book.close()
    return [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in ranges]


@dataclass
class Sheet:
    """Raw rows of one worksheet; rows[0] is Excel row 1 and rows[r][0] is column A.

    Cells are python-calamine's values (str, float, bool, date, datetime, time, timedelta;
    calamine gives every number as a float) with empty cells as None.
    """

    name: str
    rows: list[list[object]]
    # (row, column), 0-based like `rows`, of formula cells that hold no saved result: they read
    # as empty (calamine gives them so), and a row that needs one of them is rejected for it.
    no_value: frozenset[tuple[int, int]] = frozenset()


def read_sheet(path: Path, sheet: str | None = None) -> Sheet:
    """Read one worksheet: the named one, else the first visible worksheet."""
    import python_calamine as pc

    path = Path(path)
    book, facts = _open(path, content=True)
    try:
        sheets = _worksheets(book)
        names = [name for name, _ in sheets]
        if sheet is None:
            visible = [name for name, shown in sheets if shown]
            if not (visible or names):
                raise RosterError(
                    "sheet_empty", QT_TRANSLATE_NOOP("errors", "{file} has no worksheet."), file=path.name
                )
            sheet = (visible or names)[0]
        elif sheet not in names:
            raise RosterError(
                "sheet_missing",
                QT_TRANSLATE_NOOP("errors", "The workbook has no sheet named “{sheet}”. Its sheets are: {sheets}."),
                sheet=sheet,
                sheets=Names(names),
            )
        try:
            # skip_empty_area=False: keep leading empty rows and columns, so indexes are
            # Excel's row numbers and column letters (the default drops them).
            with gc_paused():
                raw = book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
        except pc.PasswordError as exc:
            raise _file_encrypted(path) from exc
        except Exception as exc:  # noqa: BLE001 - a damaged sheet inside a valid zip
            raise _file_unreadable(path) from exc
    finally:
        book.close()
    end = len(raw)
    while end and all(c == "" for c in raw[end - 1]):
        end -= 1
    if not end:
        raise RosterError("sheet_empty", QT_TRANSLATE_NOOP("errors", "The sheet “{sheet}” is empty."), sheet=sheet)
    # Checked before the parse for an xlsx; for the other formats only now (calamine's rows are
    # all as wide as the widest).
    roster_limits.check_extent(path, end, len(raw[0]))
    if facts is None and _too_long(raw, end):
        raise roster_limits.cell_too_long(path)
    with gc_paused():
        # Most rows of a roster have no empty cell: calamine's own list is kept for them
        # (`"" in row` is one C-level scan; rebuilding every row cost 0.1-0.2 s at 50,000).
        rows = [row if "" not in row else [None if c == "" else c for c in row] for row in raw[:end]]
    no_value: frozenset[tuple[int, int]] = frozenset()
    if facts is not None and facts.formula_parts:
        part = roster_limits.sheet_part(path, sheet)
        if part in facts.formula_parts:
            no_value = roster_limits.formula_cells_without_value(path, part, facts.recalculate)
    return Sheet(sheet, rows, no_value)


def _too_long(raw: list[list[Any]], end: int) -> bool:
    """A text cell longer than Excel allows, in a sheet whose parts were not checked before the
    parse (.xls, .xlsb, .ods): a pass over every cell, for those formats only."""
    limit = roster_limits.MAX_CELL_CHARS
    return any(type(c) is str and len(c) > limit for row in raw[:end] for c in row)


@dataclass
class Header:
    """Where the header is and which column holds which field (the wizard may edit `columns`)."""

    row: int  # 1-based Excel row of the (last) header row; data starts below it
    columns: dict[str, int]
    labels: list[str]
    unmapped: list[int]


def column_letter(index: int) -> str:
    """Excel's column name for a 0-based index: 0 -> "A", 25 -> "Z", 26 -> "AA"."""
    if index < 0:
        raise ValueError(f"column index must be >= 0, got {index}")
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _label(value: object) -> str:
    """A header cell as display text: NFKC, whitespace (newlines too) collapsed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    elif isinstance(value, datetime | date):
        value = value.isoformat()
    return " ".join(unicodedata.normalize("NFKC", text_rules.visible(str(value))).split())


def _header_key(label: str) -> str:
    """The text compared with synonyms: no notes like "(必填)", spaces, asterisks, colons; lower case."""
    return _HEADER_JUNK.sub("", _NOTES.sub("", label)).lower()


def _build_synonym_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for field in FIELDS:
        for text in (*HEADER_SYNONYMS[field], FIELD_LABELS[field]):
            key = _header_key(_label(text))
            if index.setdefault(key, field) != field:
                raise AssertionError(f"header synonym {text!r} means both {index[key]} and {field}")
    return index


_SYNONYM_INDEX = _build_synonym_index()


def _map_row(row: list[object]) -> tuple[dict[str, int], list[str]]:
    """Fields found in one candidate header row (first column wins) and the row's labels."""
    columns: dict[str, int] = {}
    labels = [_label(v) for v in row]
    for i, label in enumerate(labels):
        field = _SYNONYM_INDEX.get(_header_key(label)) if label else None
        if field and field not in columns:
            columns[field] = i
    return columns, labels


def _unmapped(labels: list[str], columns: dict[str, int]) -> list[int]:
    mapped = set(columns.values())
    return [i for i, label in enumerate(labels) if label and i not in mapped]


def _sub_header(
    columns: dict[str, int], labels: list[str], below: list[object]
) -> tuple[dict[str, int], list[str]] | None:
    """A second header row under group headers ("地址" over 楼栋/单元/房号), or None.

    It qualifies when it names fields the first row lacks and every filled cell is
    either a known header or sits under an unmapped group header; a data row fails
    because it has values under mapped columns such as the name.
    """
    sub_columns, sub_labels = _map_row(below)
    new = {f: i for f, i in sub_columns.items() if f not in columns}
    if not new:
        return None
    mapped = set(columns.values())
    for i, label in enumerate(sub_labels):
        if not label:
            continue
        above = labels[i] if i < len(labels) else ""
        if i in mapped or (_header_key(label) not in _SYNONYM_INDEX and not above):
            return None
    width = max(len(labels), len(sub_labels))
    merged = [
        (sub_labels[i] if i < len(sub_labels) and sub_labels[i] else (labels[i] if i < len(labels) else ""))
        for i in range(width)
    ]
    return {**columns, **new}, merged


def detect_header(sheet: Sheet) -> Header:
    """Find the header: the row among the first 30 with the most known headers (2+, incl. name or ID)."""
    best: tuple[int, dict[str, int], list[str]] | None = None
    for index, row in enumerate(sheet.rows[:HEADER_SCAN_ROWS]):
        columns, labels = _map_row(row)
        if len(columns) < 2 or not ("name" in columns or "id_number" in columns):
            continue
        if best is None or len(columns) > len(best[1]):
            best = (index, columns, labels)
    if best is None:
        raise RosterError(
            "no_header",
            QT_TRANSLATE_NOOP(
                "errors",
                "No roster header in the first 30 rows of the sheet “{sheet}”: a header row needs a name "
                "(姓名) or ID number (公民身份号码) column and at least one other known column.",
            ),
            sheet=sheet.name,
        )
    index, columns, labels = best
    if index + 1 < len(sheet.rows):
        two_rows = _sub_header(columns, labels, sheet.rows[index + 1])
        if two_rows is not None:
            columns, labels = two_rows
            index += 1
    if "name" not in columns and "head_name" in columns and "relation" not in columns:
        # A list of household heads (户主姓名, no 姓名 and no 与户主关系 column): each row is the head,
        # by that name. With a relation column the rows are members whose own names sit in a column
        # not recognised: taking the head's name for each would be wrong, so the name stays to map.
        columns["name"] = columns.pop("head_name")
    width = max((len(r) for r in sheet.rows), default=0)
    labels = labels + [""] * (width - len(labels))
    return Header(index + 1, columns, labels, _unmapped(labels, columns))


def require_rows(sheet: Sheet, header: Header) -> None:
    """Refuse a header with nothing below it (a blank template), like an empty sheet.

    Imported, it would only report "0 rows", which reads like success.
    """
    for row in sheet.rows[header.row:]:
        if any(c is not None and (type(c) is not str or c.strip()) for c in row):
            return
    raise RosterError(
        "sheet_no_rows",
        QT_TRANSLATE_NOOP(
            "errors",
            "The sheet “{sheet}” has its header in row {row} but no rows of data below it: "
            "fill in the residents under the header and import it again.",
        ),
        sheet=sheet.name,
        row=header.row,
    )
