"""Row validation for roster imports: one RosterRow per data row, with its problems.

Every problem is an Issue with the Excel row and column, a stable reason code and
an English source message the UI translates, so a community worker can find and
fix the cell. Errors reject the row; warnings let it in and say what was done.
validate() is pure and deterministic, and fast enough for 50,000 rows: values that
repeat (buildings, units, tags, date texts) are normalised once per call.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter
from typing import Any

from gridkeeper import clock
from gridkeeper.errors import QT_TRANSLATE_NOOP
from gridkeeper.io.roster_cells import (
    _INVALID,
    _PLACEHOLDERS,
    _birth,
    _building,
    _cell_text,
    _fast_id,
    _gender,
    _id_birth,
    _is_totals,
    _Memo,
    _name,
    _optional,
    _optional_name,
    _phones,
    _plain,
    _plausible,
    _relation,
    _residence,
    _room,
    _same_date_text,
    _shown,
    _tags,
    _unit,
)
from gridkeeper.io.roster_read import FIELDS, Header, Sheet, column_letter, gc_paused
from gridkeeper.rules import idnumber, phone, text

ERROR = "error"
WARNING = "warning"

_PREFIX_CELL = QT_TRANSLATE_NOOP("roster", "Row {row}, column {column}: ")
_PREFIX_ROW = QT_TRANSLATE_NOOP("roster", "Row {row}: ")

_ID_MESSAGES: dict[str, str] = {
    "id_checksum": QT_TRANSLATE_NOOP(
        "roster", "The ID number's check character does not match: a digit is probably mistyped."
    ),
    "id_birth_date": QT_TRANSLATE_NOOP(
        "roster", "The birth date inside the ID number (digits 7 to 14) is impossible or in the future."
    ),
    "id_lost_digits": QT_TRANSLATE_NOOP(
        "roster",
        "Excel stored this ID number as a number, and its last digits are lost. "
        "Re-type the number as text (format the column as Text first).",
    ),
    "id_length": QT_TRANSLATE_NOOP(
        "roster", "The ID number has {length} characters; it needs 18 (or 15 for an old number)."
    ),
    "id_format": QT_TRANSLATE_NOOP("roster", "The ID number may hold only digits and a final X."),
    "id_province": QT_TRANSLATE_NOOP(
        "roster", "The ID number's first two digits are no province's code; a digit is probably mistyped."
    ),
}
_M_ID_CONVERTED = QT_TRANSLATE_NOOP("roster", "Old 15-digit ID number converted to {new}.")
_M_ID_DUPLICATE_NAME = QT_TRANSLATE_NOOP(
    "roster", "Same ID number as row {first} ({first_name}): one number belongs to one person only."
)
_M_ID_DUPLICATE_ADDRESS = QT_TRANSLATE_NOOP(
    "roster",
    "Same ID number and name as row {first} but a different address: a person belongs to one household only.",
)
_M_REPEAT = QT_TRANSLATE_NOOP("roster", "Repeats row {first}; the person is imported once.")
_M_PERSON_REPEAT = QT_TRANSLATE_NOOP(
    "roster",
    "Same name and address as row {first} but other details differ; row {first} is kept, this row is not imported.",
)
_M_NAME_MISSING = QT_TRANSLATE_NOOP("roster", "The name is missing.")
_M_GENDER_MISMATCH = {
    "M": QT_TRANSLATE_NOOP("roster", "Gender “{value}” does not match the ID number, which says male; male is used."),
    "F": QT_TRANSLATE_NOOP(
        "roster", "Gender “{value}” does not match the ID number, which says female; female is used."
    ),
}
_M_GENDER_INVALID_ID = QT_TRANSLATE_NOOP(
    "roster", "“{value}” is not a gender (男 or 女); the gender is taken from the ID number."
)
_M_GENDER_INVALID = QT_TRANSLATE_NOOP("roster", "“{value}” is not a gender (男 or 女); the gender is left empty.")
_M_BIRTH_INVALID_ID = QT_TRANSLATE_NOOP(
    "roster", "“{value}” is not a usable birth date; the birth date is taken from the ID number."
)
_M_BIRTH_INVALID = QT_TRANSLATE_NOOP("roster", "“{value}” is not a usable birth date; the birth date is left empty.")
_M_BIRTH_INCOMPLETE = QT_TRANSLATE_NOOP(
    "roster", "Birth date “{value}” has no day; the birth date is left empty."
)
_M_BIRTH_MISMATCH = QT_TRANSLATE_NOOP(
    "roster", "Birth date {value} differs from the ID number's ({id_date}); the ID number's date is used."
)
_M_PHONE_INVALID = QT_TRANSLATE_NOOP(
    "roster", "“{value}” is not a phone number; the person is imported without it."
)
# Why a piece is no number, in the cadre's words (phone.REASONS); the person is imported without it.
_PHONE_MESSAGES = {
    "phone_invalid": _M_PHONE_INVALID,
    "phone_length": QT_TRANSLATE_NOOP(
        "roster", "“{value}”: wrong number of digits for this number; the person is imported without it."),
    "phone_range": QT_TRANSLATE_NOOP(
        "roster", "“{value}” is not in a mobile range in use; the person is imported without it."),
    "phone_no_area": QT_TRANSLATE_NOOP(
        "roster", "“{value}” has no area code, and the street's is not known; the person is imported without it."),
}
_M_TEXT_CONTROL = QT_TRANSLATE_NOOP(
    "roster",
    "The cell holds control characters (codes such as NUL or ESC that are not text), so what it should say "
    "cannot be told; retype it.",
)
_M_TEXT_BIDI = QT_TRANSLATE_NOOP(
    "roster",
    "The cell holds hidden text-direction characters, so it shows its text in another order than it holds it; "
    "retype it.",
)
_M_TEXT_TOO_LONG = QT_TRANSLATE_NOOP(
    "roster", "The cell holds {length} characters; at most {limit} fit in this column.")
_M_TAG_TOO_LONG = QT_TRANSLATE_NOOP(
    "roster", "A tag of {length} characters; a tag may have at most {limit}.")
_M_FORMULA_NO_VALUE = QT_TRANSLATE_NOOP(
    "roster", "The cell's formula has no computed result; open the file in Excel, save it and import it again.")
_TEXT_MESSAGES = {text.CONTROL: _M_TEXT_CONTROL, text.BIDI: _M_TEXT_BIDI}

# The longest value each field may hold, in characters, after the cell is cleaned (spaces
# collapsed, invisible characters removed); a longer one rejects its row ("text_too_long").
# Sized from what the field means, with room: a name is 2 to 4 Chinese characters, up to ~20
# for a transliterated minority or foreign name ("阿卜杜热合曼·买买提明"), so 50; place names
# ("XX街道XX社区居民委员会", "XX新村XX区") fit in 50; a building, unit or room is a few characters
# ("12号楼", "2", "1-501"); a household number 9 to 12 digits or letters; the phones cell holds
# several numbers (200 is ten with separators); a tag is a short category ("独居老人") and the cell
# lists a few; a note is a paragraph. The ID number, gender and birth date are never stored as
# written (a valid number, a code, a date or nothing), so they need no limit of their own.
FIELD_LIMITS: dict[str, int] = {
    "name": 50, "head_name": 50, "relation": 20, "ethnicity": 20, "community": 50, "compound": 50,
    "building": 20, "unit": 10, "room": 20, "household_no": 30, "residence_status": 20, "phones": 200,
    "tags": 200, "note": 500,
}  # fmt: skip
TAG_LIMIT = 20

# (fields missing, those of them without a column in the sheet) -> message. The issue points at
# the first missing field's cell; a field the sheet has no column for is named instead.
_M_ADDRESS_MISSING: dict[tuple[tuple[str, ...], tuple[str, ...]], str] = {
    (("building",), ()): QT_TRANSLATE_NOOP(
        "roster", "The building is missing: an address needs a building and a room."),
    (("room",), ()): QT_TRANSLATE_NOOP("roster", "The room is missing: an address needs a building and a room."),
    (("building", "room"), ()): QT_TRANSLATE_NOOP(
        "roster", "The building and the room are missing: an address needs both."
    ),
    (("building",), ("building",)): QT_TRANSLATE_NOOP(
        "roster", "The sheet has no building column (楼栋): an address needs a building and a room."),
    (("room",), ("room",)): QT_TRANSLATE_NOOP(
        "roster", "The sheet has no room column (房号): an address needs a building and a room."),
    (("building", "room"), ("building",)): QT_TRANSLATE_NOOP(
        "roster", "The room is missing, and the sheet has no building column (楼栋): an address needs both."),
    (("building", "room"), ("room",)): QT_TRANSLATE_NOOP(
        "roster", "The building is missing, and the sheet has no room column (房号): an address needs both."),
    (("building", "room"), ("building", "room")): QT_TRANSLATE_NOOP(
        "roster", "The sheet has no building column (楼栋) and no room column (房号): an address needs both."),
}


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem in one row (and usually one cell), translatable and countable by code."""

    row: int
    column: str
    field: str
    code: str
    severity: str
    message: str
    params: tuple[tuple[str, str], ...] = ()

    def text(self, translate: Callable[[str, str], str] | None = None) -> str:
        """The message as "Row 7, column D: …", in the user's language when `translate` (context, text) is given."""
        prefix = _PREFIX_CELL if self.column else _PREFIX_ROW
        message = self.message
        if translate is not None:
            prefix = translate("roster", prefix) or prefix
            message = translate("roster", message) or message
        params = dict(self.params)
        try:
            return prefix.format(row=self.row, column=self.column) + message.format(**params)
        except (KeyError, IndexError, ValueError):  # a broken translation must not hide the problem
            english = _PREFIX_CELL if self.column else _PREFIX_ROW
            return english.format(row=self.row, column=self.column) + self.message.format(**params)


@dataclass(slots=True)
class RosterRow:
    """One person as the roster states them, normalised, with what was wrong."""

    row: int
    name: str
    id_number: str | None  # a valid 18-character number, else None (empty or rejected cell)
    gender: str | None
    birth_date: date | None
    ethnicity: str | None
    relation: str | None
    phones: list[str]
    community: str
    compound: str
    building: str
    unit: str
    room: str
    household_no: str | None
    residence_status: str | None
    tags: list[str]
    note: str | None
    issues: list[Issue]
    duplicate_of: int | None = None  # Excel row of the first occurrence; the importer skips this row
    head_name: str | None = None

    @property
    def rejected(self) -> bool:
        return any(i.severity == ERROR for i in self.issues)


def _issue(row: int, column: str, field_name: str, code: str, severity: str, message: str, **params: object) -> Issue:
    return Issue(row, column, field_name, code, severity, message, tuple((k, str(v)) for k, v in params.items()))


Trouble = tuple[str, str, dict[str, object]]  # (code, message, params) of a cell that rejects its row


class _Checked(dict):  # type: ignore[type-arg]
    """A _Memo whose cells are cleaned (rules/text.scrub) and measured before `fn` reads them:
    memo[cell] is the field's value; `trouble[cell]` says why the cell rejects its row, for the
    few cells that do. Each distinct cell is checked once, so a roster whose buildings, units and
    communities repeat pays almost nothing; `troubled` lists the memos that found any, so a row
    looks them up only once something was found."""

    def __init__(self, fn: Callable[[Any], Any], limit: int, troubled: list[_Checked]) -> None:
        super().__init__()
        self.fn, self.limit, self.troubled = fn, limit, troubled
        self.trouble: dict[Hashable, Trouble] = {}

    def __missing__(self, key: Hashable) -> Any:
        value, trouble = _check_cell(self.fn, key, self.limit)
        self[key] = value
        if trouble is not None:
            if not self.trouble:
                self.troubled.append(self)
            self.trouble[key] = trouble
        return value


def _check_cell(fn: Callable[[Any], Any], cell: object, limit: int) -> tuple[Any, Trouble | None]:
    """fn(cell) after cleaning it, and why the cell rejects its row, if it does.

    The length checked is the cell's, as it shows (spaces collapsed, invisible characters
    gone), which is what the message can tell the user; the value stored is at most that
    (a building gains its 幢). A cell far too long is not given to `fn` whole.
    """
    if type(cell) is str:
        cleaned, code = text.scrub(cell)  # type: ignore[arg-type]
        shown = cleaned
    else:
        cleaned, code, shown = cell, None, _cell_text(cell)  # type: ignore[assignment]
    length = len(shown) if len(shown) > limit * 4 + 100 else len(" ".join(shown.split()))
    if length > limit:
        value = fn(cleaned[:limit] if type(cleaned) is str else cleaned)
        return value, ("text_too_long", _M_TEXT_TOO_LONG, {"length": length, "limit": limit})
    value = fn(cleaned)
    if code is not None:
        return value, (code, _TEXT_MESSAGES[code], {})
    if type(value) is tuple and value:  # tags: each of them short too
        longest = max(value, key=len)
        if len(longest) > TAG_LIMIT:
            return value, ("tag_too_long", _M_TAG_TOO_LONG, {"length": len(longest), "limit": TAG_LIMIT})
    return value, None


# ---------------------------------------------------------------------------


@dataclass(slots=True)
class _Seen:
    """First occurrences, for duplicates within one file."""

    by_id: dict[str, RosterRow] = field(default_factory=dict)
    by_person: dict[tuple[str, ...], RosterRow] = field(default_factory=dict)


def _details(r: RosterRow) -> tuple[object, ...]:
    return (r.gender, r.birth_date, r.ethnicity, r.relation, r.phones, r.household_no, r.residence_status,
            r.tags, r.note, r.head_name)  # fmt: skip


def _check_duplicate(r: RosterRow, seen: _Seen, letters: dict[str, str]) -> None:
    """Same ID again: reject if the name or address differs, else mark a repeat; same for ID-less persons."""
    address = (r.community, r.compound, r.building, r.unit, r.room)
    if r.id_number is not None:
        first = seen.by_id.get(r.id_number)
        if first is None:
            seen.by_id[r.id_number] = r
        elif first.name != r.name:
            r.issues.append(_issue(r.row, letters["id_number"], "id_number", "id_duplicate", ERROR,
                                   _M_ID_DUPLICATE_NAME, first=first.row, first_name=first.name))  # fmt: skip
        elif (first.community, first.compound, first.building, first.unit, first.room) != address:
            r.issues.append(_issue(r.row, letters["id_number"], "id_number", "id_duplicate", ERROR,
                                   _M_ID_DUPLICATE_ADDRESS, first=first.row))  # fmt: skip
        else:
            r.duplicate_of = first.row
            r.issues.append(_issue(r.row, letters["id_number"], "id_number", "id_repeat", WARNING,
                                   _M_REPEAT, first=first.row))  # fmt: skip
        return
    key = (*address, r.name)
    first = seen.by_person.get(key)
    if first is None:
        seen.by_person[key] = r
        return
    r.duplicate_of = first.row
    if _details(first) == _details(r):
        r.issues.append(_issue(r.row, letters["name"], "name", "id_repeat", WARNING, _M_REPEAT, first=first.row))
    else:
        r.issues.append(_issue(r.row, letters["name"], "name", "person_repeat", WARNING, _M_PERSON_REPEAT,
                               first=first.row))  # fmt: skip


def _note(value: object, row: int, column: str, issues: list[Issue]) -> str | None:
    """The note, cleaned; a note that rejects its row says why in `issues`."""
    note, trouble = _check_cell(_optional, value, FIELD_LIMITS["note"])
    if trouble is not None:
        code, message, params = trouble
        issues.append(_issue(row, column, "note", code, ERROR, message, **params))
    return note  # type: ignore[no-any-return]


def validate(sheet: Sheet, header: Header, *, today: date | None = None, area_code: str = "") -> list[RosterRow]:
    """Check and normalise every non-blank row below the header; never raises for bad cells.
    `area_code` (0577) goes before landlines written without one."""
    with gc_paused():
        return _validate(sheet, header, today or clock.today(), area_code)


def _validate(sheet: Sheet, header: Header, today: date, area_code: str = "") -> list[RosterRow]:
    rows = sheet.rows
    columns = {f: i for f, i in header.columns.items() if f in FIELDS and i >= 0}
    width = max([len(r) for r in rows] + [i + 1 for i in columns.values()] + [0])
    # Fields without a column read the padding cell at index `width`, which is always None.
    getter = itemgetter(*(columns.get(f, width) for f in FIELDS))
    col = {f: (column_letter(columns[f]) if f in columns else "") for f in FIELDS}
    pad_one: list[object] = [None]

    gender_of, birth_of = _Memo(_gender), _Memo(_birth)
    id_births = _Memo(lambda yyyymmdd: _id_birth(yyyymmdd, today))
    # The stored text fields, each cleaned and measured once per distinct cell (_Checked).
    troubled: list[_Checked] = []

    def checked(fn: Callable[[Any], Any], field_name: str) -> _Checked:
        return _Checked(fn, FIELD_LIMITS[field_name], troubled)

    head_name_of, relation_of = checked(_optional_name, "head_name"), checked(_relation, "relation")
    ethnicity_of, community_of = checked(_optional, "ethnicity"), checked(_plain, "community")
    compound_of, building_of = checked(_plain, "compound"), checked(_building, "building")
    unit_of, room_of, household_of = checked(_unit, "unit"), checked(_room, "room"), checked(_optional, "household_no")
    residence_of, tags_of = checked(_residence, "residence_status"), checked(_tags, "tags")
    # (index in FIELDS, memo) of those fields, for a row to look its cells up in once one was troubled
    memo_fields = [(FIELDS.index(f), m) for f, m in (
        ("head_name", head_name_of), ("relation", relation_of), ("ethnicity", ethnicity_of),
        ("community", community_of), ("compound", compound_of), ("building", building_of), ("unit", unit_of),
        ("room", room_of), ("household_no", household_of), ("residence_status", residence_of), ("tags", tags_of))]
    # Formula cells without a saved result, by row (0-based), in the columns read.
    no_value: dict[int, list[tuple[str, int]]] = {}
    if sheet.no_value:
        by_column = {i: f for f, i in columns.items()}
        for r, c in sheet.no_value:
            if c in by_column:
                no_value.setdefault(r, []).append((by_column[c], c))

    seen = _Seen()
    out: list[RosterRow] = []
    for index in range(header.row, len(rows)):
        row = rows[index]
        values = getter(row + (pad_one if len(row) == width else [None] * (width + 1 - len(row))))
        for v in values:
            if v is not None and (type(v) is not str or v.strip()):
                break
        else:
            continue  # a blank row
        if values[3] is None and _is_totals(row):
            continue  # 合计 / 小计 under the people: not a person
        (name_v, head_v, relation_v, id_v, gender_v, birth_v, ethnicity_v, phones_v, community_v,
         compound_v, building_v, unit_v, room_v, household_v, residence_v, tags_v, note_v) = values  # fmt: skip
        n = index + 1
        issues: list[Issue] = []

        name_said = False  # the name's cell has a problem of its own: "missing" would mislead
        formulas: tuple[str, ...] = ()  # fields whose cell is a formula without a result
        if no_value and index in no_value:
            for field_name, c in sorted(no_value[index], key=itemgetter(1)):
                issues.append(_issue(n, column_letter(c), field_name, "formula_no_value", ERROR, _M_FORMULA_NO_VALUE))
            formulas = tuple(f for f, _ in no_value[index])
            name_said = "name" in formulas
        if type(name_v) is str and text.SUSPECT.search(name_v):  # type: ignore[arg-type]
            cleaned, code = text.scrub(name_v)  # type: ignore[arg-type]
            name = _name(cleaned[:FIELD_LIMITS["name"] * 4 + 100])
            if code is not None:
                issues.append(_issue(n, col["name"], "name", code, ERROR, _TEXT_MESSAGES[code]))
                name_said = True
        else:
            name = _name(name_v)
        if not name:
            if not name_said:
                issues.append(_issue(n, col["name"], "name", "name_missing", ERROR, _M_NAME_MISSING))
        elif len(name) > FIELD_LIMITS["name"]:  # the length told is the cell's, as it shows
            length = len(" ".join(text.visible(_cell_text(name_v)).split()))
            issues.append(_issue(n, col["name"], "name", "text_too_long", ERROR, _M_TEXT_TOO_LONG,
                                 length=length, limit=FIELD_LIMITS["name"]))  # fmt: skip

        # (number, birth date, gender, converted from 15 digits): a tuple, cheaper than IdInfo
        info: tuple[str, date, str, bool] | None = None
        if id_v is not None and (type(id_v) is not str or id_v.strip()):
            info = _fast_id(id_v, id_births)
            if info is None and type(id_v) is str:  # lower-case x, spaces, full-width digits
                info = _fast_id(idnumber.normalize(id_v), id_births)
            if info is None:
                try:
                    parsed = idnumber.parse(id_v, today=today)
                except idnumber.IdNumberError as exc:
                    # A dash, "无" or zero-width junk says "no number": as good as empty.
                    if exc.code != "id_empty" and _cell_text(id_v).lower() not in _PLACEHOLDERS:
                        params = {"length": len(idnumber.normalize(id_v))} if exc.code == "id_length" else {}
                        message = _ID_MESSAGES.get(exc.code, _ID_MESSAGES["id_format"])
                        issues.append(_issue(n, col["id_number"], "id_number", exc.code, ERROR, message, **params))
                else:
                    info = (parsed.number, parsed.birth_date, parsed.gender, parsed.converted_from_15)
            if info is not None and info[3]:  # masked: the message is shown on screen and printed
                issues.append(_issue(n, col["id_number"], "id_number", "id_converted", WARNING,
                                     _M_ID_CONVERTED, new=idnumber.mask(info[0])))  # fmt: skip

        gender: str | None = gender_of[gender_v]
        if gender == _INVALID:
            message = _M_GENDER_INVALID_ID if info else _M_GENDER_INVALID
            issues.append(_issue(n, col["gender"], "gender", "gender_invalid", WARNING, message,
                                 value=_shown(gender_v)))  # fmt: skip
            gender = None
        if info is not None:
            if gender and gender != info[2]:
                issues.append(_issue(n, col["gender"], "gender", "gender_mismatch", WARNING,
                                     _M_GENDER_MISMATCH[info[2]], value=_shown(gender_v)))  # fmt: skip
            gender = info[2]
        gender = gender or None

        birth_date: date | None = None
        if info is not None and type(birth_v) is str and _same_date_text(birth_v, info[0]):
            pass  # the ID number's own date, as rosters write it: nothing to parse or report
        elif birth_v is not None and (type(birth_v) is not str or birth_v.strip()):
            birth = birth_of[birth_v]
            if type(birth) is date and not _plausible(birth, today):
                birth = None
            if birth is None and _cell_text(birth_v).lower() in _PLACEHOLDERS:
                pass  # "无", "/": no birth date given
            elif birth is None:
                issues.append(_issue(n, col["birth_date"], "birth_date", "birth_date_invalid", WARNING,
                                     _M_BIRTH_INVALID_ID if info else _M_BIRTH_INVALID,
                                     value=_shown(birth_v)))  # fmt: skip
            elif info is not None:
                born = info[1]
                if type(birth) is date:
                    differs = birth != born
                else:
                    differs = birth[0] != born.year or (birth[1] is not None and birth[1] != born.month)
                if differs:
                    # An Excel serial (44000) is told as the date it is, to set beside the ID's.
                    told = birth.isoformat() if type(birth) is date and type(birth_v) is float else _shown(birth_v)
                    issues.append(_issue(n, col["birth_date"], "birth_date", "birth_date_mismatch", WARNING,
                                         _M_BIRTH_MISMATCH, value=told, id_date=born.isoformat()))  # fmt: skip
            elif type(birth) is date:
                birth_date = birth
            else:
                issues.append(_issue(n, col["birth_date"], "birth_date", "birth_date_incomplete", WARNING,
                                     _M_BIRTH_INCOMPLETE, value=_shown(birth_v)))  # fmt: skip
        if info is not None:
            birth_date = info[1]

        phones: list[str] = []
        if type(phones_v) is str and len(phones_v) > FIELD_LIMITS["phones"]:  # type: ignore[arg-type]
            issues.append(_issue(n, col["phones"], "phones", "text_too_long", ERROR, _M_TEXT_TOO_LONG,
                                 length=len(phones_v), limit=FIELD_LIMITS["phones"]))  # type: ignore[arg-type]
        elif phones_v is not None:
            phones, bad = _phones(phones_v, area_code)
            for piece in bad:
                if piece.strip().lower() not in _PLACEHOLDERS:
                    why = phone.reason(piece, area_code) or "phone_invalid"
                    issues.append(_issue(n, col["phones"], "phones", why, WARNING,
                                         _PHONE_MESSAGES[why], value=_shown(piece)))  # fmt: skip

        building, room = building_of[building_v], room_of[room_v]
        if (not building or not room) and not (
                formulas and all(f in formulas for f, v in (("building", building), ("room", room)) if not v)):
            missing = tuple(f for f, v in (("building", building), ("room", room)) if not v)
            absent = tuple(f for f in missing if not col[f])
            at = next((f for f in missing if col[f]), missing[0])  # a cell to point at, when there is one
            issues.append(_issue(n, col[at], at, "address_missing", ERROR, _M_ADDRESS_MISSING[missing, absent]))

        note = None if note_v is None else _note(note_v, n, col["note"], issues)
        r = RosterRow(
            n, name, info[0] if info else None, gender, birth_date, ethnicity_of[ethnicity_v],
            relation_of[relation_v], phones, community_of[community_v], compound_of[compound_v], building,
            unit_of[unit_v], room, household_of[household_v], residence_of[residence_v],
            list(tags_of[tags_v]), note, issues, None, head_name_of[head_v],
        )  # fmt: skip
        if troubled:  # some cell of a stored field rejects its row: is one of them in this row?
            for i, memo in memo_fields:
                trouble = memo.trouble.get(values[i]) if memo.trouble else None
                if trouble is not None:
                    code, message, params = trouble
                    issues.append(_issue(n, col[FIELDS[i]], FIELDS[i], code, ERROR, message, **params))
        if not issues or not r.rejected:
            _check_duplicate(r, seen, col)
        out.append(r)
    return out
