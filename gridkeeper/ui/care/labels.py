"""Words for the care codes (frequency, method, outcome, service type) in the user's language."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from gridkeeper.errors import QT_TRANSLATE_NOOP

_FREQUENCY = {"daily": QT_TRANSLATE_NOOP("care", "daily"), "weekly": QT_TRANSLATE_NOOP("care", "weekly"),
              "monthly": QT_TRANSLATE_NOOP("care", "monthly")}
_EVERY_N = QT_TRANSLATE_NOOP("care", "every {n} days")
_METHOD = {"phone": QT_TRANSLATE_NOOP("care", "phone call"), "door": QT_TRANSLATE_NOOP("care", "door knock"),
           "visit": QT_TRANSLATE_NOOP("care", "home visit"), "video": QT_TRANSLATE_NOOP("care", "video call")}
_OUTCOME = {"well": QT_TRANSLATE_NOOP("care", "well"), "needs_help": QT_TRANSLATE_NOOP("care", "needs help"),
            "no_answer": QT_TRANSLATE_NOOP("care", "no answer"),
            "in_hospital": QT_TRANSLATE_NOOP("care", "in hospital"),
            "not_home": QT_TRANSLATE_NOOP("care", "not at home"),
            "refused": QT_TRANSLATE_NOOP("care", "refuses contact (plan paused)"),
            "deceased": QT_TRANSLATE_NOOP("care", "deceased (plan ends)"),
            "moved_out": QT_TRANSLATE_NOOP("care", "moved out (plan ends)"),
            "void": QT_TRANSLATE_NOOP("care", "recorded by mistake (does not count)")}
_SERVICE = {"groceries": QT_TRANSLATE_NOOP("care", "groceries"), "medicine": QT_TRANSLATE_NOOP("care", "medicine"),
            "errands": QT_TRANSLATE_NOOP("care", "errands"), "chat": QT_TRANSLATE_NOOP("care", "companionship chat"),
            "cleaning": QT_TRANSLATE_NOOP("care", "cleaning"),
            "escort": QT_TRANSLATE_NOOP("care", "escort to hospital"),
            "other": QT_TRANSLATE_NOOP("care", "other service")}
_NEVER = QT_TRANSLATE_NOOP("care", "never")
_TODAY = QT_TRANSLATE_NOOP("care", "today")
_YESTERDAY = QT_TRANSLATE_NOOP("care", "yesterday")


def _t(text: str) -> str:
    return QCoreApplication.translate("care", text)


def frequency(code: str, interval_days: int | None = None) -> str:
    if code == "every_n_days":
        return _t(_EVERY_N).format(n=interval_days or 1)
    return _t(_FREQUENCY[code]) if code in _FREQUENCY else code


def method(code: str) -> str:
    return _t(_METHOD[code]) if code in _METHOD else code


def outcome(code: str) -> str:
    return _t(_OUTCOME[code]) if code in _OUTCOME else code


def service(code: str) -> str:
    return _t(_SERVICE[code]) if code in _SERVICE else code


def day(value: date | None, today: date) -> str:
    if value is None:
        return _t(_NEVER)
    if value == today:
        return _t(_TODAY)
    if (today - value).days == 1:
        return _t(_YESTERDAY)
    return f"{value.month}/{value.day}" if value.year == today.year else value.isoformat()
