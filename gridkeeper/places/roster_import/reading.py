"""Read, the first step: the sheet as read and the header found in it.

Given the profile (`store`), a big file is parsed while the profile's households and
persons are read on the other core; those rows travel with the sheet to plan().
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gridkeeper.io import roster
from gridkeeper.io.roster import Header, Sheet
from gridkeeper.io.roster_read import gc_paused, saved_ms
from gridkeeper.places.roster_import.common import Progress, quiet
from gridkeeper.store import roster as db
from gridkeeper.store.engine import Store


@dataclass(frozen=True, eq=False)
class ProfileRows:
    """Every household and person of a profile by id, read in one pass each, and the change
    log's mark in the same read (db.log_mark). plan() uses them for `store` only."""

    store: Store = field(repr=False)
    households: dict[str, dict[str, Any]] = field(repr=False)
    persons: dict[str, tuple[Any, ...]] = field(repr=False)
    mark: int


@dataclass(frozen=True, eq=False)
class RosterSheet:
    """The sheet as read and the header found in it (check() may be given another header,
    the wizard's mapping). `profile`: the profile's rows, read beside a big file."""

    path: Path
    data: Sheet = field(repr=False)
    header: Header
    profile: ProfileRows | None = field(default=None, repr=False)
    seconds: float = 0.0  # reading, finding the header
    # When the workbook was last saved: a field a colleague changed after that keeps their value.
    saved_ms: int | None = None

    @property
    def name(self) -> str:
        return self.data.name


def read_roster(path: Path, sheet: str | None = None, *, store: Store | None = None,
                progress: Progress | None = None) -> RosterSheet:
    """Read `sheet` (else the first visible one) and find its header; RosterError (in words)
    when the file cannot be read, the sheet is not a roster or it holds no rows below its header.

    With `store`, a big file is parsed while the profile's rows are read (see _read_with_profile).
    """
    (progress or quiet)(0, "reading")
    started = time.perf_counter()
    with gc_paused():
        if store is None:
            data, profile = roster.read_sheet(path, sheet), None
        else:
            data, profile = _read_with_profile(store, path, sheet)
        header = _header(data)
    return RosterSheet(Path(path), data, header, profile, time.perf_counter() - started, saved_ms(Path(path)))


def find_header(path: Path, data: Sheet) -> RosterSheet:
    """The RosterSheet of a sheet read already (the wizard reads it itself, to show it even
    when it holds no roster); RosterError when no header is found or no rows are below it."""
    started = time.perf_counter()
    return RosterSheet(Path(path), data, _header(data), None, time.perf_counter() - started, saved_ms(Path(path)))


def _header(data: Sheet) -> Header:
    header = roster.detect_header(data)
    roster.require_rows(data, header)
    return header


# A file this big holds thousands of rows: the profile's households and persons are read
# whole, in one pass each, while the file is parsed, instead of looked up by id after.
_KNOWN_FILE_BYTES = 1_000_000
# With more persons than this in the profile, reading all of them would hold too much memory.
_KNOWN_MAX_PERSONS = 300_000


def _read_with_profile(store: Store, path: Path, sheet: str | None) -> tuple[Sheet, ProfileRows | None]:
    """Read the sheet and, for a big file, what the profile holds, at the same time.

    calamine parses the workbook without holding Python's GIL, so the profile's rows are
    read meanwhile on the other core: a re-import finds them there instead of spending
    0.3 s reading them after the parse.
    """
    try:
        big = Path(path).stat().st_size >= _KNOWN_FILE_BYTES
    except OSError:
        big = False  # read_sheet says what is wrong with the path, in words
    if not big:
        return roster.read_sheet(path, sheet), None
    with ThreadPoolExecutor(1, thread_name_prefix="gridkeeper-profile-read") as pool:
        known = pool.submit(_read_known, store)
        data = roster.read_sheet(path, sheet)  # when it raises, the pool waits for the other read first
        return data, known.result()


def _read_known(store: Store) -> ProfileRows | None:
    with store.read() as conn:
        if db.row_count(conn, "person") > _KNOWN_MAX_PERSONS:
            return None
        mark = db.log_mark(conn)
        return ProfileRows(store, db.households(conn, None), db.persons(conn, None), mark)
