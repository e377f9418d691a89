"""What a division table import did (or, in a dry run, would do): counts, problems, each change."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from gridkeeper.errors import QT_TRANSLATE_NOOP
from gridkeeper.io.roster_rows import Issue
from gridkeeper.places.division.planning import Change

Translate = Callable[[str, str], str]

_TABLES = {
    "community": QT_TRANSLATE_NOOP("roster", "community"),
    "grid": QT_TRANSLATE_NOOP("roster", "grid"),
    "compound": QT_TRANSLATE_NOOP("roster", "compound"),
    "building": QT_TRANSLATE_NOOP("roster", "building"),
    "cadre": QT_TRANSLATE_NOOP("roster", "cadre"),
    "assignment": QT_TRANSLATE_NOOP("roster", "stint"),
}
_FIELDS = {
    "grid_id": QT_TRANSLATE_NOOP("roster", "grid"),
    "code": QT_TRANSLATE_NOOP("roster", "code"),
    "name": QT_TRANSLATE_NOOP("roster", "name"),
    "phone": QT_TRANSLATE_NOOP("roster", "phone"),
    "role": QT_TRANSLATE_NOOP("roster", "role"),
    "start_date": QT_TRANSLATE_NOOP("roster", "start"),
    "end_date": QT_TRANSLATE_NOOP("roster", "end"),
}
_M_CREATED = QT_TRANSLATE_NOOP("roster", "New {kind}: {what}")
_M_CHANGED = QT_TRANSLATE_NOOP("roster", "{what}: {field} {old} → {new}")
_M_NONE = QT_TRANSLATE_NOOP("roster", "(none)")
_M_REVIVED = QT_TRANSLATE_NOOP("roster", "Restored {kind}: {what} (it had been deleted)")
_M_REMOVED = QT_TRANSLATE_NOOP("roster", "Removed {kind}: {what} (it began today: it is undone, not ended)")


def _words(translate: Translate | None, text: str) -> str:
    return (translate("roster", text) or text) if translate is not None else text


def _shown(value: Any, translate: Translate | None) -> str:
    if value is None or value == "":
        return _words(translate, _M_NONE)
    return value.isoformat() if isinstance(value, date) else str(value)


def change_text(c: Change, translate: Translate | None = None) -> str:
    if c.field == "revived":
        return _words(translate, _M_REVIVED).format(kind=_words(translate, _TABLES[c.table]), what=c.what)
    if c.field == "deleted":
        return _words(translate, _M_REMOVED).format(kind=_words(translate, _TABLES[c.table]), what=c.what)
    if c.field == "*":
        return _words(translate, _M_CREATED).format(kind=_words(translate, _TABLES[c.table]), what=c.what)
    return _words(translate, _M_CHANGED).format(what=c.what, field=_words(translate, _FIELDS.get(c.field, c.field)),
                                                old=_shown(c.old, translate), new=_shown(c.new, translate))


COUNTS = ("community_created", "grid_created", "grid_updated", "compound_created", "compound_updated",
          "building_created", "building_updated", "buildings_moved", "cadre_created", "cadre_updated",
          "assignment_created", "assignment_updated")


@dataclass
class DivisionReport:
    path: str
    sheet: str
    header_row: int
    dry_run: bool
    rows_read: int = 0
    imported: bool = False  # the write happened (False for a dry run, a refused table, or nothing to change)
    counts: dict[str, int] = field(default_factory=dict)
    rejected: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)

    @property
    def rejected_rows(self) -> list[int]:
        return sorted({i.row for i in self.rejected})

    @property
    def unchanged(self) -> bool:
        return not self.rejected and not self.changes

    def as_json(self, translate: Translate | None = None) -> dict[str, Any]:
        def issue(i: Issue) -> dict[str, Any]:
            return {"row": i.row, "column": i.column, "code": i.code, "message": i.text(translate)}

        return {
            "file": self.path, "sheet": self.sheet, "header_row": self.header_row, "dry_run": self.dry_run,
            "rows_read": self.rows_read, "imported": self.imported, "unchanged": self.unchanged,
            **{k: self.counts.get(k, 0) for k in COUNTS},
            "rejected_rows": self.rejected_rows,
            "rejected": [issue(i) for i in self.rejected], "warnings": [issue(i) for i in self.warnings],
            "changes": [{"table": c.table, "id": c.row_id, "what": c.what, "field": c.field,
                         "old": _json(c.old), "new": _json(c.new), "message": change_text(c, translate)}
                        for c in self.changes],
        }


def _json(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value
