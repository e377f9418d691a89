"""The one clock: every "today" and "now" of the app, the command line, the demo and the reports.

Real time unless moved. `GRIDKEEPER_TODAY=YYYY-MM-DD` (the environment) or
`set_today()` moves it to that day: the clock then reads 09:00 of it and runs
on from there, so times still advance (the sync clock and "recorded at" need
that) and a test run of a few minutes stays on the same day.

A moved clock writes its anchor back to the environment as
`YYYY-MM-DDTHH:MM:SS@<real epoch seconds>`, so the command-line processes a
test starts read the same time as the test, not one shifted by when each began.

The machine's own time, never moved, is here too (`machine_seconds()`,
`machine_ms()`): file ages (a stale lock, a temporary file left behind) and
the sync clock's physical time are compared with file times the operating
system writes, so a moved test clock must not move them.
"""

from __future__ import annotations

import os
import time as _time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta, timezone

ENV = "GRIDKEEPER_TODAY"
#: What a moved clock reads when it is moved: early enough that a long run stays on the day.
START_OF_DAY = time(9, 0)

_offset: timedelta | None = None  # how far the clock is from real time; None: not read yet


class BadClockSetting(ValueError):
    """GRIDKEEPER_TODAY holds something that is not a date."""


def _parse(text: str) -> timedelta:
    """The offset from real time that `text` (a date, or an anchored time) asks for."""
    text = text.strip()
    try:
        if "@" in text:
            moment, epoch = text.split("@", 1)
            return datetime.fromisoformat(moment) - datetime.fromtimestamp(float(epoch))
        day = date.fromisoformat(text)
    except ValueError:
        raise BadClockSetting(f"{ENV} must be a date written YYYY-MM-DD, not {text!r}") from None
    return datetime.combine(day, START_OF_DAY) - datetime.now()


def _anchor(offset: timedelta) -> str:
    real = _time.time()
    return f"{(datetime.fromtimestamp(real) + offset).isoformat(timespec='seconds')}@{real:.3f}"


def _current_offset() -> timedelta:
    global _offset
    if _offset is None:
        setting = os.environ.get(ENV, "").strip()
        _offset = _parse(setting) if setting else timedelta(0)
        if setting and "@" not in setting:
            os.environ[ENV] = _anchor(_offset)
    return _offset


def now() -> datetime:
    """Local wall time, naive, as the app records it ("2026-12-07 21:30")."""
    return datetime.now() + _current_offset()


def utcnow() -> datetime:
    """The same moment, aware, in UTC (sync stamps, "last synced")."""
    return datetime.now(timezone.utc) + _current_offset()


def today() -> date:
    return now().date()


def wall_ms() -> int:
    """Milliseconds since the epoch: the sync clock's physical time."""
    return _time.time_ns() // 1_000_000 + int(_current_offset() / timedelta(milliseconds=1))


def machine_seconds() -> float:
    """The machine's real time in epoch seconds, never moved: for comparing with file times."""
    return _time.time()


def machine_ms() -> int:
    """The same in milliseconds: the hybrid logical clock's physical time (gridkeeper.sync.clock)."""
    return _time.time_ns() // 1_000_000


def is_moved() -> bool:
    return _current_offset() != timedelta(0)


def set_today(day: date | None) -> None:
    """Move the clock to 09:00 of `day` and let it run from there; None puts it back on real time.

    The environment follows, so processes started from here read the same clock."""
    global _offset
    if day is None:
        _offset = timedelta(0)
        os.environ.pop(ENV, None)
        return
    _offset = datetime.combine(day, START_OF_DAY) - datetime.now()
    os.environ[ENV] = _anchor(_offset)


@contextmanager
def moved_to(day: date) -> Iterator[None]:
    """The clock on `day` for the duration of a with-block, then back where it was."""
    global _offset
    before, setting = _current_offset(), os.environ.get(ENV)
    set_today(day)
    try:
        yield
    finally:
        _offset = before
        if setting is None:
            os.environ.pop(ENV, None)
        else:
            os.environ[ENV] = setting
