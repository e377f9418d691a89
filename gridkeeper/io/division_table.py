"""The grid division table (网格划分表) in Excel: read a street's, write the profile's, and the template.

One row per grid and compound: 社区, 网格, 网格编码, 小区, 楼幢 (rules/building_list), 单元
(optional), and the people who hold the grid, a column per role (rules/cadre_roles.ROLES,
or a role of the office's own such as 网格长) with an optional phone column beside it
("驻社区干部电话"); a cell may also hold "姓名 13812345678", or several people separated
by 、，,/; .

Reading reuses the roster's safe reader (io/roster_read: the file limits, calamine, the
formats it reads). Merged cells (a 社区 or 网格 cell spanning the rows of its compounds, a
cadre's cell spanning their grid's rows) hold their value in every row they cover, and an
empty 社区 cell is the community of the row above (tables list a community's grids in a
block and write its name once). This module judges each row alone; the checks across rows
and against the profile are places/division's.

Written workbooks hold text cells only, never a formula (io/xlsx_safe).
"""

from __future__ import annotations

import os
import re
import unicodedata
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from gridkeeper.errors import QT_TRANSLATE_NOOP
from gridkeeper.io import roster_read, xlsx_safe
from gridkeeper.io.roster_limits import RosterError
from gridkeeper.io.roster_rows import ERROR, WARNING, Issue
from gridkeeper.rules import building_list, cadre_roles, phone
from gridkeeper.rules import text as text_rules
from gridkeeper.rules.building_list import BadBuildingList, BuildingList

SHEET = "网格划分表"
NOTE_SHEET = "填写说明"
FIELDS = ("community", "grid", "grid_code", "compound", "buildings", "unit")
HEADERS: dict[str, str] = {  # the export's and the template's own header for each field
    "community": "社区", "grid": "网格", "grid_code": "网格编码", "compound": "小区", "buildings": "楼幢", "unit": "单元",
}
SYNONYMS: dict[str, tuple[str, ...]] = {
    "community": ("社区", "社区名称", "所属社区", "社区(村)", "村社区", "community"),
    "grid": ("网格", "网格名称", "网格名", "所属网格", "grid"),
    "grid_code": ("网格编码", "网格编号", "网格代码", "网格号", "编码", "grid code"),
    "compound": ("小区", "小区名称", "小区(楼盘)", "楼盘", "所属小区", "包联小区", "compound"),
    "buildings": ("楼幢", "楼栋", "幢", "栋", "楼号", "幢号", "楼幢号", "楼栋号", "包含楼幢", "楼幢范围", "覆盖楼幢",
                  "buildings"),
    "unit": ("单元", "单元号", "unit"),
}  # fmt: skip
PHONE_WORDS = ("电话", "联系电话", "手机", "手机号", "手机号码", "联系方式", "phone")
# A header of a role of the office's own ("网格长", "兼职网格员") ends like one of these.
_ROLE_ENDINGS = ("干部", "网格员", "指导员", "网格长", "专干", "书记", "社工", "楼长", "格长")
_HEADER_JUNK = re.compile(r"[\s*:：.#()（）\[\]【】]+")
_PERSON_SPLIT = re.compile(r"[、，,/;；\n]+")
_PHONE_IN_TEXT = re.compile(r"(?:\+?86[-\s]?)?(?:1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}|0\d{2,3}-?\d{7,8})")
_NAME_JUNK = re.compile(r"[\s()（）:：]+")
MAX_TEXT = 50  # a community, grid, compound or code (the roster's limit for places)
MAX_NAME = 20  # a person's name in a role cell
HEADER_SCAN_ROWS = roster_read.HEADER_SCAN_ROWS

_M = {
    "missing_community": QT_TRANSLATE_NOOP("roster", "The community (社区) is missing."),
    "missing_grid": QT_TRANSLATE_NOOP("roster", "The grid (网格) is missing."),
    "missing_compound": QT_TRANSLATE_NOOP("roster", "The compound (小区) is missing."),
    "text_too_long": QT_TRANSLATE_NOOP("roster", "“{value}” is longer than {limit} characters."),
    "text_control": QT_TRANSLATE_NOOP("roster", "The cell holds control characters; retype it."),
    "text_bidi": QT_TRANSLATE_NOOP("roster", "The cell holds text-direction characters; retype it."),
    "bad_phone": QT_TRANSLATE_NOOP("roster", "“{value}” is not a mobile or landline number."),
    "phone_count": QT_TRANSLATE_NOOP(
        "roster", "{people} people and {phones} phone numbers: write each number beside its name (“张三 13812345678”)."),
    "bad_name": QT_TRANSLATE_NOOP("roster", "“{value}” is not a person's name."),
    "formula_no_value": QT_TRANSLATE_NOOP(
        "roster", "The cell's formula has no computed result; open the file in Excel, save it and import it again."),
}
_M_BUILDINGS = {
    "backwards": QT_TRANSLATE_NOOP("roster", "The buildings “{value}” run backwards; write the smaller number first."),
    "too_many": QT_TRANSLATE_NOOP(
        "roster", "The buildings “{value}” are more than {limit} buildings; is a number mistyped?"),
    "not_a_range": QT_TRANSLATE_NOOP(
        "roster", "“{value}” is not a range of building numbers (write 1-12幢, or name each building)."),
    "too_long": QT_TRANSLATE_NOOP("roster", "The building name “{value}” is longer than {limit} characters."),
    "all_and_more": QT_TRANSLATE_NOOP(
        "roster", "“{value}” says 全部 and names buildings too; write 全部 alone, or the buildings."),
    "quotes": QT_TRANSLATE_NOOP("roster", "“{value}” has a 「 or 」 without its pair."),
}
_M_IGNORED = QT_TRANSLATE_NOOP(
    "roster", "The column “{label}” is not a column of the grid division table; it was not read.")
_M_NO_HEADER = QT_TRANSLATE_NOOP(
    "errors",
    "No grid division table header in the first 30 rows of the sheet “{sheet}”: a header row needs a grid "
    "(网格) column and a compound (小区) column.")
_M_NO_ROWS = QT_TRANSLATE_NOOP(
    "errors", "The sheet “{sheet}” has its header in row {row} but no rows below it: fill in the grids and import it "
              "again.")


@dataclass(frozen=True)
class RoleColumns:
    """The columns of one role: its people, and their phones when a column of its own holds them."""

    role: str
    names: int
    phones: int | None = None


@dataclass
class TableHeader:
    row: int  # 1-based Excel row of the header; data starts below it
    columns: dict[str, int]  # field -> 0-based column
    roles: list[RoleColumns]
    ignored: list[tuple[int, str]]  # (column, label) of the columns not read


@dataclass(frozen=True)
class Cadre:
    """One person named in a role cell."""

    name: str
    phone: str | None
    role: str


@dataclass
class TableRow:
    """One row as written, cleaned: names NFKC with spaces collapsed, the buildings parsed."""

    row: int  # Excel row
    community: str
    grid: str
    grid_code: str | None
    compound: str
    buildings: BuildingList | None  # None when the cell could not be read (an issue says why)
    unit: str
    cadres: list[Cadre]
    issues: list[Issue] = field(default_factory=list)

    @property
    def rejected(self) -> bool:
        return any(i.severity == ERROR for i in self.issues)


@dataclass
class DivisionSheet:
    """The sheet as read: its rows with merged cells filled in, and the header found."""

    path: Path
    name: str
    rows: list[list[object]] = field(repr=False)
    header: TableHeader
    no_value: frozenset[tuple[int, int]] = frozenset()


def _label(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(unicodedata.normalize("NFKC", text_rules.visible(str(value))).split())


def _key(label: str) -> str:
    return _HEADER_JUNK.sub("", label).lower()


_FIELD_INDEX = {_key(s): f for f, words in SYNONYMS.items() for s in words}
_PHONE_KEYS = {_key(w) for w in PHONE_WORDS}


def _role_of(key: str) -> str | None:
    """The role a header names: a standard one (by cadre_roles.normalise), else one of the office's own."""
    role = cadre_roles.normalise(key)
    if role in cadre_roles.ROLES:
        return role
    return key if key.endswith(_ROLE_ENDINGS) and len(key) <= 10 else None


def _phone_of(key: str, role: str) -> bool:
    """Whether `key` ("驻社区干部电话", "社区干部手机") names the phone column of `role`."""
    for word in sorted(_PHONE_KEYS, key=len, reverse=True):
        if key.endswith(word) and len(key) > len(word):
            named = key[: -len(word)]
            return named == role or _role_of(named) == role
    return False


def _map(row: Sequence[object]) -> TableHeader:
    columns: dict[str, int] = {}
    roles: list[RoleColumns] = []
    ignored: list[tuple[int, str]] = []
    labels = [_label(v) for v in row]
    for i, label in enumerate(labels):
        if not label:
            continue
        key = _key(label)
        found = _FIELD_INDEX.get(key)
        if found and found not in columns:
            columns[found] = i
            continue
        if roles and roles[-1].phones is None and _phone_of(key, roles[-1].role):
            roles[-1] = RoleColumns(roles[-1].role, roles[-1].names, i)
            continue
        if key in _PHONE_KEYS and roles and roles[-1].names == i - 1 and roles[-1].phones is None:
            roles[-1] = RoleColumns(roles[-1].role, roles[-1].names, i)  # "电话" right after a role's column
            continue
        role = _role_of(key)
        after = _key(labels[i + 1]) if i + 1 < len(labels) else ""
        if role is None and any(after == key + _key(w) for w in PHONE_WORDS) and found is None:
            role = key  # any role, when its phone column follows it (the export writes roles so)
        if role is not None and role not in {r.role for r in roles}:
            roles.append(RoleColumns(role, i))
            continue
        ignored.append((i, label))
    return TableHeader(0, columns, roles, ignored)


def _example(row: Sequence[object]) -> bool:
    first = next((c for c in row if c is not None and str(c).strip()), "")
    return isinstance(first, str) and first.strip().startswith(EXAMPLE_MARK)


def find_header(name: str, rows: list[list[object]]) -> TableHeader:
    """The row among the first 30 naming the most of the table's columns (网格 and 小区 at least)."""
    best: tuple[int, TableHeader] | None = None
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        header = _map(row)
        if not {"grid", "compound"} <= set(header.columns):
            continue
        score = len(header.columns) + len(header.roles)
        if best is None or score > len(best[1].columns) + len(best[1].roles):
            best = (index, header)
    if best is None:
        raise RosterError("no_header", _M_NO_HEADER, sheet=name)
    index, header = best
    header.row = index + 1
    if not any(any(c is not None and str(c).strip() for c in r) and not _example(r) for r in rows[index + 1:]):
        raise RosterError("sheet_no_rows", _M_NO_ROWS, sheet=name, row=header.row)
    return header


def read_table(path: Path, sheet: str | None = None) -> DivisionSheet:
    """Read the sheet (else the first visible one), fill in its merged cells and find the header;
    RosterError, in words, when the file cannot be read or holds no table."""
    path = Path(path)
    data = roster_read.read_sheet(path, sheet)
    rows = [list(r) for r in data.rows]
    for r0, c0, r1, c1 in roster_read.merged_ranges(path, data.name):
        if r0 >= len(rows):
            continue
        value = rows[r0][c0] if c0 < len(rows[r0]) else None
        for r in range(r0, min(r1, len(rows) - 1) + 1):
            for c in range(c0, min(c1, len(rows[r]) - 1) + 1):
                if rows[r][c] is None:
                    rows[r][c] = value
    return DivisionSheet(path, data.name, rows, find_header(data.name, rows), data.no_value)


def _issue(row: int, column: int | None, field_name: str, code: str, message: str, severity: str = ERROR,
           **params: object) -> Issue:
    letter = roster_read.column_letter(column) if column is not None else ""
    return Issue(row, letter, field_name, code, severity, message, tuple((k, str(v)) for k, v in params.items()))


def _text(value: object) -> str:
    """A cell as clean text: NFKC, whitespace collapsed, integral numbers without ".0"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(unicodedata.normalize("NFKC", str(value)).split())


def _people(cell: str, phones_cell: str, role: str) -> tuple[list[Cadre], tuple[str, dict[str, object]] | None]:
    """The people a role cell names, with their phones; or the (code, params) of what is wrong."""
    people: list[Cadre] = []
    loose_phones: list[str] = []
    if phones_cell:
        for raw in _PERSON_SPLIT.split(phones_cell):
            if raw.strip():
                try:
                    loose_phones.append(phone.normalize_one(raw.strip()))
                except phone.PhoneError:
                    return [], ("bad_phone", {"value": raw.strip()})
    for part in _PERSON_SPLIT.split(cell):
        part = part.strip()
        if not part:
            continue
        number = None
        found = _PHONE_IN_TEXT.search(part)
        if found is not None:
            try:
                number = phone.normalize_one(found.group(0))
            except phone.PhoneError:
                return [], ("bad_phone", {"value": found.group(0)})
            part = (part[: found.start()] + part[found.end():])
        name = _NAME_JUNK.sub("", part) if not any("a" <= c.lower() <= "z" for c in part) else " ".join(
            _NAME_JUNK.sub(" ", part).split())
        if not name and number is not None:
            return [], ("bad_name", {"value": found.group(0) if found else part})
        if not name:
            continue
        if any(c.isdigit() for c in name):
            return [], ("bad_phone", {"value": part.strip()})
        if len(name) > MAX_NAME:
            return [], ("bad_name", {"value": name})
        people.append(Cadre(name, number, role))
    if loose_phones:
        if len(loose_phones) != len(people) or any(p.phone for p in people):
            return [], ("phone_count", {"people": len(people), "phones": len(loose_phones)})
        people = [Cadre(p.name, n, p.role) for p, n in zip(people, loose_phones)]
    return people, None


def table_rows(sheet: DivisionSheet, *, community: str | None = None) -> list[TableRow]:
    """Every data row below the header, each judged alone. An empty 社区 cell is the row above's,
    or `community` (the profile's only one) for a table without 社区 values."""
    header = sheet.header
    cols = header.columns
    out: list[TableRow] = []
    above = community or ""
    for index in range(header.row, len(sheet.rows)):
        raw = sheet.rows[index]
        n = index + 1

        def cell(col: int | None, row: list[object] = raw) -> object:
            return row[col] if col is not None and col < len(row) else None

        if all(c is None or (isinstance(c, str) and not c.strip()) for c in raw):
            continue
        if _example(raw):
            continue  # the template's grey example row
        issues: list[Issue] = []
        if any((index, c) in sheet.no_value for c in [*cols.values(), *(r.names for r in header.roles)]):
            issues.append(_issue(n, None, "", "formula_no_value", _M["formula_no_value"]))
        values: dict[str, str] = {}
        for f in FIELDS:
            text, trouble = text_rules.scrub(_text(cell(cols.get(f))))
            if trouble:
                issues.append(_issue(n, cols.get(f), f, trouble, _M[trouble]))
            elif f != "buildings" and len(text) > MAX_TEXT:
                issues.append(_issue(n, cols.get(f), f, "text_too_long", _M["text_too_long"], value=text[:40],
                                     limit=MAX_TEXT))
            values[f] = text
        if values["community"]:
            above = values["community"]
        values["community"] = values["community"] or above
        for f in ("community", "grid", "compound"):
            if not values[f]:
                issues.append(_issue(n, cols.get(f), f, f"missing_{f}", _M[f"missing_{f}"]))
        buildings: BuildingList | None = None
        try:
            buildings = building_list.parse(values["buildings"])
        except BadBuildingList as exc:
            limit = building_list.MAX_RANGE if exc.reason == "too_many" else building_list.MAX_NAME
            issues.append(_issue(n, cols.get("buildings"), "buildings", "bad_building_range",
                                 _M_BUILDINGS[exc.reason], value=exc.part[:40], limit=limit))
        cadres: list[Cadre] = []
        for role in header.roles:
            names, trouble = text_rules.scrub(_text(cell(role.names)))
            phones, trouble2 = text_rules.scrub(_text(cell(role.phones)))
            if trouble or trouble2:
                code = trouble or trouble2 or ""
                issues.append(_issue(n, role.names if trouble else role.phones, "cadre", code, _M[code]))
                continue
            people, problem = _people(names, phones, role.role)
            if problem is not None:
                code, params = problem
                column = role.phones if code == "bad_phone" and role.phones is not None and phones else role.names
                issues.append(_issue(n, column, "cadre", code, _M[code], **params))
            cadres.extend(people)
        out.append(TableRow(n, values["community"], values["grid"], values["grid_code"] or None, values["compound"],
                            buildings, values["unit"], cadres, issues))
    return out


def ignored_columns(sheet: DivisionSheet) -> list[Issue]:
    """A warning for each header the table does not read (a role must end like one: 干部, 网格员, …)."""
    return [_issue(sheet.header.row, col, "", "column_ignored", _M_IGNORED, WARNING, label=label)
            for col, label in sheet.header.ignored]


# ---------------------------------------------------------------------------
# Writing


@dataclass(frozen=True)
class OutRow:
    """A row of the table as the export writes it."""

    community: str
    grid: str
    grid_code: str
    compound: str
    buildings: str
    cadres: dict[str, list[tuple[str, str]]]  # role -> [(name, phone)]


class TableNotWritten(RosterError):
    pass


def _target(target: Path) -> Path:
    target = Path(target)
    if target.suffix.lower() != ".xlsx" and not target.is_dir():
        target = target.with_name(target.name + ".xlsx")
    if (target.parent / f"~${target.name}").exists():
        raise TableNotWritten("file_open", QT_TRANSLATE_NOOP(
            "errors", "{name} is open in Excel or WPS; close it and try again."), name=target.name)
    if target.is_dir():
        raise TableNotWritten("is_folder", QT_TRANSLATE_NOOP(
            "errors", "{name} is a folder; give a file name ending in .xlsx."), name=str(target))
    if not target.parent.is_dir():
        raise TableNotWritten("no_folder", QT_TRANSLATE_NOOP("errors", "The folder {folder} does not exist."),
                              folder=str(target.parent))
    return target


def _columns(roles: Iterable[str]) -> list[str]:
    heads = [HEADERS[f] for f in ("community", "grid", "grid_code", "compound", "buildings")]
    for role in roles:
        heads += [role, role + "电话"]
    return heads


def _save(target: Path, fill) -> xlsx_safe.Changed:  # type: ignore[no-untyped-def]
    """Write a workbook to a temporary name beside `target` with fill(workbook, changed), then rename."""
    from xlsxwriter import Workbook
    from xlsxwriter.exceptions import FileCreateError

    target = _target(target)
    tmp = str(target.parent / f".{target.stem}.{os.getpid()}.{uuid.uuid4().hex[:8]}.xlsx.part")
    # Only write_string is used, and the strings_to_* options make sure no text becomes a formula.
    wb = Workbook(tmp, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
                        "strings_to_numbers": False})
    changed = xlsx_safe.Changed()
    fill(wb, changed)
    try:
        try:
            wb.close()
        except FileCreateError as e:
            raise e.args[0] if e.args and isinstance(e.args[0], OSError) else e from None
        os.replace(tmp, target)
    except PermissionError:
        raise TableNotWritten("file_locked", QT_TRANSLATE_NOOP(
            "errors", "{name} cannot be written: it is open in another program or the folder is read-only."),
            name=target.name) from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return changed


def _writer(wb, ws, changed: xlsx_safe.Changed):  # type: ignore[no-untyped-def]
    quoted = wb.add_format({"quote_prefix": True})

    def put(row: int, col: int, value: str, fmt=None) -> None:  # type: ignore[no-untyped-def]
        if value:
            ws.write_string(row, col, xlsx_safe.text(value, changed),
                            fmt or (quoted if xlsx_safe.looks_like_formula(value) else None))
    return put


def _widths(ws, heads: list[str]) -> None:  # type: ignore[no-untyped-def]
    for col, head in enumerate(heads):
        ws.set_column(col, col, 16 if head in ("楼幢", "小区") or not head.endswith("电话") else 14)


def write_table(target: Path, rows: list[OutRow], roles: Sequence[str]) -> tuple[Path, xlsx_safe.Changed]:
    """The profile's division as the table import reads (every cell text; phones in their own columns)."""
    heads = _columns(roles)

    def fill(wb, changed: xlsx_safe.Changed) -> None:  # type: ignore[no-untyped-def]
        ws = wb.add_worksheet(SHEET)
        bold = wb.add_format({"bold": True, "bg_color": "#DDEBF7"})
        put = _writer(wb, ws, changed)
        for col, head in enumerate(heads):
            put(0, col, head, bold)
        for r, out in enumerate(rows, start=1):
            for col, value in enumerate((out.community, out.grid, out.grid_code, out.compound, out.buildings)):
                put(r, col, value)
            for i, role in enumerate(roles):
                people = out.cadres.get(role, [])
                if all(number for _, number in people):
                    put(r, 5 + 2 * i, "、".join(name for name, _ in people))
                    put(r, 6 + 2 * i, "、".join(number for _, number in people))
                else:  # some without a phone: each number beside its name, in one cell
                    put(r, 5 + 2 * i, "、".join(f"{name} {number}".strip() for name, number in people))
        _widths(ws, heads)
        ws.freeze_panes(1, 0)

    changed = _save(target, fill)
    return _target(target), changed


TEMPLATE_ROWS = 500
_EXAMPLE = ("塘川社区", "第1网格", "330382001001", "阳光花园", "1-12幢")
_NOTES = (
    ("社区", QT_TRANSLATE_NOOP("roster", "The community's name. Left empty, the row is in the community of the row above.")),
    ("网格", QT_TRANSLATE_NOOP("roster", "The grid's name, as it is known in the community (第1网格).")),
    ("网格编码", QT_TRANSLATE_NOOP("roster", "The grid's code, if it has one.")),
    ("小区", QT_TRANSLATE_NOOP(
        "roster", "One compound a row; a grid covering several compounds has a row for each.")),
    ("楼幢", QT_TRANSLATE_NOOP(
        "roster", "The buildings of the compound in the grid: 1-12幢, 1幢、3幢、5幢, or 全部 (empty: the whole "
                  "compound). A building is in one grid only.")),
    ("驻社区干部 …", QT_TRANSLATE_NOOP(
        "roster", "The people holding the grid, by role; their phones in the column beside, or in the same cell "
                  "(张三 13812345678). Several people: 张三、李四.")),
    ("例：", QT_TRANSLATE_NOOP(
        "roster", "The grey row is an example: the import skips a row whose first cell starts with 例：.")),
)


def write_template(target: Path, communities: Sequence[str] = (), roles: Sequence[str] = cadre_roles.ROLES,
                   translate=None) -> Path:  # type: ignore[no-untyped-def]
    """An empty table: the header, a grey example row (the import skips it: see EXAMPLE_MARK), drop-downs
    for 社区 (the profile's communities, when it has some), and a sheet of notes."""
    heads = _columns(roles)

    def words(text: str) -> str:
        return (translate("roster", text) or text) if translate is not None else text

    def fill(wb, changed: xlsx_safe.Changed) -> None:  # type: ignore[no-untyped-def]
        ws = wb.add_worksheet(SHEET)
        bold = wb.add_format({"bold": True, "bg_color": "#DDEBF7"})
        grey = wb.add_format({"font_color": "#808080", "italic": True})
        put = _writer(wb, ws, changed)
        for col, head in enumerate(heads):
            put(0, col, head, bold)
        example = [*_EXAMPLE] + [v for pair in zip(("张三", "李四", "王五"), ("13800000001", "13800000002",
                                                                                "13800000003")) for v in pair]
        put(1, 0, EXAMPLE_MARK + example[0], grey)
        for col, value in enumerate(example[1:len(heads)], start=1):
            put(1, col, value, grey)
        last = TEMPLATE_ROWS + 1
        text_format = wb.add_format({"num_format": "@"})
        for i in range(len(roles)):
            ws.set_column(6 + 2 * i, 6 + 2 * i, 14, text_format)  # phones stay text: Excel keeps every digit
        if communities:
            listed = [c for c in communities if c][:500]
            if len(",".join(listed)) <= 250:
                source: object = listed
            else:  # Excel's limit for a list typed into the rule: the names go in a hidden sheet
                names = wb.add_worksheet("社区列表")
                names.hide()
                for r, name in enumerate(listed):
                    names.write_string(r, 0, xlsx_safe.text(name, changed))
                source = f"=社区列表!$A$1:$A${len(listed)}"
            ws.data_validation(1, 0, last, 0, {"validate": "list", "source": source, "ignore_blank": True,
                                               "error_type": "warning"})
        # A role column's header: the roles to choose from (a role of the office's own may be typed).
        for i in range(len(roles)):
            ws.data_validation(0, 5 + 2 * i, 0, 5 + 2 * i, {
                "validate": "list", "source": list(roles), "error_type": "information"})
        ws.data_validation(1, 4, last, 4, {"validate": "any", "input_title": "楼幢",
                                           "input_message": "1-12幢 / 1幢、3幢 / 全部"})
        ws.freeze_panes(1, 0)
        _widths(ws, heads)
        notes = wb.add_worksheet(NOTE_SHEET)
        notes.set_column(0, 0, 14)
        notes.set_column(1, 1, 90)
        wrap = wb.add_format({"text_wrap": True, "valign": "top"})
        for r, (head, text) in enumerate(_NOTES):
            notes.write_string(r, 0, head, bold)
            notes.write_string(r, 1, xlsx_safe.text(words(text), changed), wrap)

    _save(target, fill)
    return _target(target)


#: The template's example row starts with this, so an import of the template as filled in skips it.
EXAMPLE_MARK = "例："
