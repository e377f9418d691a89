"""Words for codes in reports (context "report"): the workbook is read without the app."""

from __future__ import annotations

from gridkeeper.errors import QT_TRANSLATE_NOOP
from gridkeeper.reports.tables import Words

_FREQUENCY = {"daily": QT_TRANSLATE_NOOP("report", "daily"), "weekly": QT_TRANSLATE_NOOP("report", "weekly"), "monthly": QT_TRANSLATE_NOOP("report", "monthly")}
_EVERY_N = QT_TRANSLATE_NOOP("report", "every {n} days")
_SERVICE = {"groceries": QT_TRANSLATE_NOOP("report", "groceries"), "medicine": QT_TRANSLATE_NOOP("report", "medicine"),
            "errands": QT_TRANSLATE_NOOP("report", "errands"), "chat": QT_TRANSLATE_NOOP("report", "companionship chat"),
            "cleaning": QT_TRANSLATE_NOOP("report", "cleaning"), "escort": QT_TRANSLATE_NOOP("report", "escort to hospital"),
            "other": QT_TRANSLATE_NOOP("report", "other service")}


def frequency(w: Words, code: str, interval_days: int | None) -> str:
    if code == "every_n_days":
        return w(_EVERY_N).format(n=interval_days or 1)
    return w(_FREQUENCY[code]) if code in _FREQUENCY else code


def service(w: Words, code: str) -> str:
    return w(_SERVICE[code]) if code in _SERVICE else code


def case_category(w: Words, code: str) -> str:
    """Mediation categories and statuses keep the Mediations page's words (context "mediation")."""
    from gridkeeper.mediation.terms import CATEGORIES

    return w.other("mediation", CATEGORIES[code]) if code in CATEGORIES else code


def case_status(w: Words, code: str) -> str:
    from gridkeeper.mediation.terms import STATUSES

    return w.other("mediation", STATUSES[code]) if code in STATUSES else code
