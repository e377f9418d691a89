"""Report periods: a calendar month ("2026-11") or quarter ("2026-Q4"), as local dates."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from gridkeeper.errors import QT_TRANSLATE_NOOP, GridKeeperError

_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})-?Q([1-4])$", re.IGNORECASE)


class BadPeriod(GridKeeperError):
    def __init__(self, text: str, expected: str) -> None:
        super().__init__(QT_TRANSLATE_NOOP("errors", "“{text}” is not a period; write it like {expected}."),
                         text=text, expected=expected)


class PeriodNotBegun(GridKeeperError):
    def __init__(self, label: str, today: str) -> None:
        super().__init__(QT_TRANSLATE_NOOP("errors", "{period} has not begun yet (today is {today}): there is nothing to report."),
                         period=label, today=today)


@dataclass(frozen=True)
class Period:
    first: date
    last: date  # inclusive
    label: str  # "2026-11" or "2026-Q4"

    def check_begun(self, today: date) -> None:
        """A pack for a month that has not begun would be all zeros that look like figures."""
        if self.first > today:
            raise PeriodNotBegun(self.label, today.isoformat())

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def contains(self, day: date) -> bool:
        return self.first <= day <= self.last

    def weeks(self) -> list[tuple[int, int]]:
        """ISO (year, week) of every week with at least 4 of its days in the period (the ISO rule
        for which month or year a week belongs to), in order."""
        out = []
        monday = self.first - timedelta(days=self.first.weekday())
        while monday <= self.last:
            inside = sum(1 for i in range(7) if self.contains(monday + timedelta(days=i)))
            if inside >= 4:
                iso = (monday + timedelta(days=3)).isocalendar()
                out.append((iso[0], iso[1]))
            monday += timedelta(days=7)
        return out


def month(text: str) -> Period:
    m = _MONTH.match(text.strip())
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise BadPeriod(text, "2026-11")
    year, mon = int(m.group(1)), int(m.group(2))
    first = date(year, mon, 1)
    nxt = date(year + (mon == 12), mon % 12 + 1, 1)
    return Period(first, nxt - timedelta(days=1), f"{year}-{mon:02d}")


def quarter(text: str) -> Period:
    m = _QUARTER.match(text.strip())
    if not m:
        raise BadPeriod(text, "2026-Q4")
    year, q = int(m.group(1)), int(m.group(2))
    first = date(year, 3 * q - 2, 1)
    last = month(f"{year}-{3 * q}").last
    return Period(first, last, f"{year}-Q{q}")


def month_of(day: date) -> Period:
    return month(f"{day.year}-{day.month:02d}")
