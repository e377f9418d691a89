"""Check, the second step: every row of the sheet checked with a header, split into what
is stored and what is not. The wizard's preview shows this value and its Import stores it."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date

from gridkeeper.io import roster
from gridkeeper.io.roster import Header, Issue, RosterRow
from gridkeeper.io.roster_read import gc_paused
from gridkeeper.places.roster_import.common import Cancelled, ImportCancelled, Progress, never, quiet
from gridkeeper.places.roster_import.reading import RosterSheet


@dataclass(frozen=True, eq=False)
class CheckedRoster:
    """The rows of `sheet` as checked with `header`; needs neither the file nor the profile."""

    sheet: RosterSheet
    header: Header
    rows: list[RosterRow] = field(repr=False)  # every data row, in the sheet's order
    accepted: list[RosterRow] = field(repr=False)  # to store: neither rejected nor a repeat of an earlier row
    rejected: list[Issue] = field(repr=False)  # the errors (their rows are not stored)
    warnings: list[Issue] = field(repr=False)
    rejected_rows: list[int] = field(repr=False)  # Excel rows
    seconds: float = 0.0


def check(sheet: RosterSheet, header: Header | None = None, *, today: date | None = None,
          progress: Progress | None = None, cancelled: Cancelled | None = None, area_code: str = "") -> CheckedRoster:
    """Check every row below `header` (by default the header found when the sheet was read);
    `area_code` goes before landlines written without one (places.street.area_code)."""
    (progress or quiet)(20, "checking rows")
    started = time.perf_counter()
    header = header or sheet.header
    with gc_paused():
        roster.require_rows(sheet.data, header)  # the header given may sit on another row
        rows = roster.validate(sheet.data, header, today=today, area_code=area_code)
        accepted: list[RosterRow] = []
        rejected: list[Issue] = []
        warnings: list[Issue] = []
        rejected_rows: list[int] = []
        for r in rows:
            for issue in r.issues:
                (rejected if issue.severity == roster.ERROR else warnings).append(issue)
            if r.rejected:
                rejected_rows.append(r.row)
            elif r.duplicate_of is None:
                accepted.append(r)
    if (cancelled or never)():
        raise ImportCancelled()
    return CheckedRoster(sheet, header, rows, accepted, rejected, warnings, rejected_rows,
                         time.perf_counter() - started)
