"""What each reason code of the division table means, in a few words (the code stays beside them,
a stable name people can quote), and how a plan's changes are grouped for the user."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QCoreApplication

from gridkeeper.errors import QT_TRANSLATE_NOOP
from gridkeeper.places.division import Change, DivisionReport

REASON_LABELS = {
    "missing_community": QT_TRANSLATE_NOOP("DivisionReasons", "Community missing"),
    "missing_grid": QT_TRANSLATE_NOOP("DivisionReasons", "Grid missing"),
    "missing_compound": QT_TRANSLATE_NOOP("DivisionReasons", "Compound missing"),
    "text_too_long": QT_TRANSLATE_NOOP("DivisionReasons", "Text too long"),
    "text_control": QT_TRANSLATE_NOOP("DivisionReasons", "Control characters in a cell"),
    "text_bidi": QT_TRANSLATE_NOOP("DivisionReasons", "Text-direction characters in a cell"),
    "bad_phone": QT_TRANSLATE_NOOP("DivisionReasons", "Phone number not valid"),
    "phone_count": QT_TRANSLATE_NOOP("DivisionReasons", "Phones do not match the names"),
    "bad_name": QT_TRANSLATE_NOOP("DivisionReasons", "Not a person's name"),
    "formula_no_value": QT_TRANSLATE_NOOP("DivisionReasons", "Formula without a value"),
    "bad_building_range": QT_TRANSLATE_NOOP("DivisionReasons", "Buildings not readable"),
    "building_in_two_grids": QT_TRANSLATE_NOOP("DivisionReasons", "Building in two grids"),
    "unit_split": QT_TRANSLATE_NOOP("DivisionReasons", "Building split by unit"),
    "grid_in_two_communities": QT_TRANSLATE_NOOP("DivisionReasons", "Grid code in two communities"),
    "grid_code_conflict": QT_TRANSLATE_NOOP("DivisionReasons", "Grid codes disagree"),
    "grid_code_taken": QT_TRANSLATE_NOOP("DivisionReasons", "Grid code already taken"),
    "cadre_phone_conflict": QT_TRANSLATE_NOOP("DivisionReasons", "One cadre, two phones"),
    "cadre_ambiguous": QT_TRANSLATE_NOOP("DivisionReasons", "Which cadre is meant?"),
    "column_ignored": QT_TRANSLATE_NOOP("DivisionReasons", "Column not read"),
    "cadre_two_roles": QT_TRANSLATE_NOOP("DivisionReasons", "One cadre, two roles"),
    "building_moved": QT_TRANSLATE_NOOP("DivisionReasons", "Building moves to another grid"),
    "building_released": QT_TRANSLATE_NOOP("DivisionReasons", "Building leaves its grid"),
    "cadre_released": QT_TRANSLATE_NOOP("DivisionReasons", "Cadre's stint ends"),
}

# A plan's changes, grouped as the user asks about them: what is new, what moves, what is released.
CREATED, PLACED, MOVED, RELEASED, OTHER = "created", "placed", "moved", "released", "other"
_NONE = (None, "—")


def reason_label(code: str) -> str:
    label = REASON_LABELS.get(code)
    return QCoreApplication.translate("DivisionReasons", label) if label else code


def kind_of(change: Change) -> str:
    if change.field == "*" or change.field == "revived":
        return CREATED
    if change.table in ("building", "compound") and change.field == "grid_id":
        if change.new in _NONE:
            return RELEASED
        return PLACED if change.old in _NONE else MOVED
    if change.table == "assignment" and (change.field == "end_date" and change.new is not None
                                         or change.field == "deleted"):
        return RELEASED
    return OTHER


def counts(report: DivisionReport) -> Counter[str]:
    """How many of each kind; the stints ended counted apart from the buildings released."""
    out: Counter[str] = Counter()
    for c in report.changes:
        kind = kind_of(c)
        out[kind] += 1
        if kind == CREATED and c.field == "*":
            out[f"new_{c.table}"] += 1
        if kind == RELEASED:
            out["released_" + ("stint" if c.table == "assignment" else "place")] += 1
    return out
