"""Reading the roster's sheet, and, beside a big file, what the profile holds."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gridkeeper.io import roster
from gridkeeper.io.roster import Header, Sheet
from gridkeeper.store import roster as db
from gridkeeper.store.engine import Store


def load(path: Path, sheet: str | None = None) -> tuple[Sheet, Header]:
    """Read the sheet and find its header; RosterError (in words) when it is not a roster
    or holds no rows below its header."""
    data = roster.read_sheet(path, sheet)
    header = roster.detect_header(data)
    roster.require_rows(data, header)
    return data, header


@dataclass
class _Known:
    """Every household and person of the profile by id, read in one pass each, and the
    change log's mark in the same read (db.log_mark)."""

    households: dict[str, dict[str, Any]]
    persons: dict[str, tuple[Any, ...]]
    mark: int


# A file this big holds thousands of rows: the profile's households and persons are read
# whole, in one pass each, while the file is parsed, instead of looked up by id after.
_KNOWN_FILE_BYTES = 1_000_000
# With more persons than this in the profile, reading all of them would hold too much memory.
_KNOWN_MAX_PERSONS = 300_000


def _read_with_profile(store: Store, path: Path, sheet: str | None) -> tuple[Sheet, _Known | None]:
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


def _read_known(store: Store) -> _Known | None:
    with store.read() as conn:
        if db.row_count(conn, "person") > _KNOWN_MAX_PERSONS:
            return None
        mark = db.log_mark(conn)
        return _Known(db.households(conn, None), db.persons(conn, None), mark)
