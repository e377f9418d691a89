"""Words for codes in reports (context "report"): the workbook is read without the app."""

from __future__ import annotations

from gridkeeper.errors import QT_TRANSLATE_NOOP as T  # noqa: N811 (lupdate reads the macro's name)
from gridkeeper.reports.tables import Translate

_FREQUENCY = {"daily": T("report", "daily"), "weekly": T("report", "weekly"), "monthly": T("report", "monthly")}
_EVERY_N = T("report", "every {n} days")
_SERVICE = {"groceries": T("report", "groceries"), "medicine": T("report", "medicine"),
            "errands": T("report", "errands"), "chat": T("report", "companionship chat"),
            "cleaning": T("report", "cleaning"), "escort": T("report", "escort to hospital"),
            "other": T("report", "other service")}


def frequency(tr: Translate, code: str, interval_days: int | None) -> str:
    if code == "every_n_days":
        return tr("report", _EVERY_N).format(n=interval_days or 1)
    return tr("report", _FREQUENCY[code]) if code in _FREQUENCY else code


def service(tr: Translate, code: str) -> str:
    return tr("report", _SERVICE[code]) if code in _SERVICE else code
