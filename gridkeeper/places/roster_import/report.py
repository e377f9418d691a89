"""What an import did (or, in a dry run, would do): counts, the rows' problems, each change."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from gridkeeper.errors import QT_TRANSLATE_NOOP
from gridkeeper.io import roster
from gridkeeper.io.roster import Issue
from gridkeeper.rules import idnumber, phone

_M_CHANGE = QT_TRANSLATE_NOOP("roster", "Row {row}, {who}: {field} {old} → {new}")
_M_EMPTY = QT_TRANSLATE_NOOP("roster", "(empty)")
M_UNASSIGNED = QT_TRANSLATE_NOOP(
    "roster", "{compound} {building} is in no grid yet: the household is imported, but no grid's lists show it "
    "until its building is put in a grid (Street setup).")
#: A compound's households that no grid covers, as the preview and the summary list them.
M_UNASSIGNED_COMPOUND = QT_TRANSLATE_NOOP("roster", "{compound}: {households} households in no grid")
# A changed field by the name the roster's column has (households' fields too).
_CHANGE_LABELS = {
    "household_id": QT_TRANSLATE_NOOP("roster", "Address"),
    "relation_to_head": roster.FIELD_LABELS["relation"],
    "deleted": QT_TRANSLATE_NOOP("roster", "Removed from the profile"),
    **{f: roster.FIELD_LABELS[f] for f in ("name", "id_number", "gender", "birth_date", "ethnicity", "phones",
                                           "note", "household_no", "residence_status")},
}
_CHANGE_VALUES = {
    "gender": {"M": QT_TRANSLATE_NOOP("roster", "male"), "F": QT_TRANSLATE_NOOP("roster", "female")},
    "deleted": {0: QT_TRANSLATE_NOOP("roster", "no"), 1: QT_TRANSLATE_NOOP("roster", "yes")},
}


@dataclass(frozen=True)
class Change:
    """One field the import changed: of a person (`name` is the person's) or of a household
    (`name` is its address). `old` and `new` are the stored values; a person's household
    (field household_id) is given as the two addresses."""

    row: int
    person_id: str  # the household's id for a household's field
    name: str
    field: str
    old: Any
    new: Any
    household: bool = False

    def text(self, translate: Callable[[str, str], str] | None = None) -> str:
        """"Row 7, 张三: Phone 138****5678 → 139****0000", masked, in the user's language."""
        def words(source: str) -> str:
            return (translate("roster", source) or source) if translate is not None else source

        def shown(value: Any) -> str:
            if value is None or value == "" or value == "[]":
                return words(_M_EMPTY)
            named = _CHANGE_VALUES.get(self.field, {}).get(value)
            if named is not None:
                return words(named)
            value = _masked(self.field, value)
            if self.field == "phones":
                try:
                    return "、".join(json.loads(value))
                except (TypeError, ValueError):
                    return str(value)
            return str(value)

        template = words(_M_CHANGE)
        params = {"row": self.row, "who": self.name, "field": words(_CHANGE_LABELS.get(self.field, self.field)),
                  "old": shown(self.old), "new": shown(self.new)}
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError):  # a broken translation must not hide the change
            return _M_CHANGE.format(**params)


@dataclass
class ImportReport:
    path: str
    sheet: str
    header_row: int
    dry_run: bool
    rows_read: int = 0
    persons_created: int = 0
    persons_updated: int = 0
    persons_unchanged: int = 0
    households_created: int = 0
    households_updated: int = 0
    rejected: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    rejected_rows: list[int] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    kept: list[Change] = field(default_factory=list)  # a colleague changed these after the workbook was saved
    seconds: dict[str, float] = field(default_factory=dict)
    # (community, compound, households) whose building no grid covers (warned row by row as place_unassigned).
    unassigned: list[tuple[str, str, int]] = field(default_factory=list)

    def unassigned_lines(self, translate: Callable[[str, str], str] | None = None) -> list[str]:
        """"新小区：4户未划入网格", one line per compound (the community too where two share a name)."""
        template = (translate("roster", M_UNASSIGNED_COMPOUND) or M_UNASSIGNED_COMPOUND) if translate \
            else M_UNASSIGNED_COMPOUND
        names = [c for _, c, _ in self.unassigned]
        return [template.format(compound=f"{community}{compound}" if names.count(compound) > 1 else compound,
                                households=n) for community, compound, n in self.unassigned]


    def as_json(self, translate: Callable[[str, str], str] | None = None) -> dict[str, Any]:
        def issue(i: Issue) -> dict[str, Any]:
            return {"row": i.row, "column": i.column, "code": i.code, "message": i.text(translate)}

        return {
            "file": self.path, "sheet": self.sheet, "header_row": self.header_row, "dry_run": self.dry_run,
            "rows_read": self.rows_read, "persons_created": self.persons_created,
            "persons_updated": self.persons_updated, "persons_unchanged": self.persons_unchanged,
            "households_created": self.households_created, "households_updated": self.households_updated,
            "rejected": [issue(i) for i in self.rejected], "warnings": [issue(i) for i in self.warnings],
            "changes": [{"row": c.row, "of": "household" if c.household else "person", "person": c.name,
                         "field": c.field, "old": _masked(c.field, c.old), "new": _masked(c.field, c.new)}
                        for c in self.changes],
            "unassigned": [{"community": community, "compound": compound, "households": n}
                           for community, compound, n in self.unassigned],
            "kept": [{"row": c.row, "of": "household" if c.household else "person", "person": c.name,
                      "field": c.field, "current": _masked(c.field, c.old), "roster": _masked(c.field, c.new)}
                     for c in self.kept],
        }


def _masked(field_name: str, value: Any) -> Any:
    """A changed value as it may be shown: ID numbers and phones masked, as everywhere on screen.

    Phones are the stored JSON list ('["13812345678"]'); they stay one, of masked numbers.
    """
    if not value:
        return value
    if field_name == "id_number":
        return idnumber.mask(str(value))
    if field_name == "phones":
        try:
            numbers = json.loads(value)
        except (TypeError, ValueError):
            return phone.mask(str(value))
        if isinstance(numbers, list):
            return json.dumps([phone.mask(str(n)) for n in numbers], ensure_ascii=False)
        return phone.mask(str(numbers))
    return value

