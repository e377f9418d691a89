"""Import a household roster: read, validate, compare with the profile, store.

Idempotent: persons and households have deterministic ids, so importing the
same file again finds every row unchanged and writes nothing. An updated
roster changes only the fields that differ (logged for sync like any edit).
A field left empty in the roster never erases what the profile knows.
Atomic: one bulk-load transaction; a rejected row is never half stored, and
an error or a cancel anywhere leaves the profile as it was.
Current: the plan rests on one read of the profile; when anything commits between that
read and the write (a sync, another window), the plan is worked out again, so no value
read before the change is written back over it.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from gridkeeper import ids
from gridkeeper.errors import QT_TRANSLATE_NOOP, GridKeeperError
from gridkeeper.io import roster
from gridkeeper.io.roster import Header, Issue, RosterRow, Sheet
from gridkeeper.io.roster_read import gc_paused
from gridkeeper.rules import idnumber, phone, tags
from gridkeeper.store import households as store_households
from gridkeeper.store import roster as db
from gridkeeper.store import searchkeys
from gridkeeper.store.engine import Store

Progress = Callable[[int, str], None]
Cancelled = Callable[[], bool]

# Where households go when the roster names no community and the profile has several.
UNASSIGNED_COMMUNITY = "未指定社区"


class ImportCancelled(GridKeeperError):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("errors", "The import was cancelled; nothing was changed."))


class ProfileChangedDuringImport(GridKeeperError):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "errors",
            "The profile kept changing while the roster was being imported (a sync, or another window); "
            "nothing was imported. Import the roster again."))


class _ProfileChanged(Exception):
    """Something committed between reading the profile and writing the import: plan again."""


# How many times an import works its plan out again before it gives up (ProfileChangedDuringImport).
_PLAN_ATTEMPTS = 3


_M_CHANGE = QT_TRANSLATE_NOOP("roster", "Row {row}, {who}: {field} {old} → {new}")
_M_EMPTY = QT_TRANSLATE_NOOP("roster", "(empty)")
# A changed field by the name the roster's column has (households' fields too).
_CHANGE_LABELS = {
    "household_id": QT_TRANSLATE_NOOP("roster", "Address"),
    "relation_to_head": roster.FIELD_LABELS["relation"],
    "deleted": QT_TRANSLATE_NOOP("roster", "Removed from the profile"),
    **{f: roster.FIELD_LABELS[f] for f in ("name", "id_number", "gender", "birth_date", "ethnicity", "phones",
                                           "note", "household_no", "residence_status")},
}
_CHANGE_VALUES = {
    "gender": {"M": QT_TRANSLATE_NOOP("roster", "male"), "F": QT_TRANSLATE_NOOP("roster", "female")},
    "deleted": {0: QT_TRANSLATE_NOOP("roster", "no"), 1: QT_TRANSLATE_NOOP("roster", "yes")},
}


@dataclass(frozen=True)
class Change:
    """One field the import changed: of a person (`name` is the person's) or of a household
    (`name` is its address). `old` and `new` are the stored values; a person's household
    (field household_id) is given as the two addresses."""

    row: int
    person_id: str  # the household's id for a household's field
    name: str
    field: str
    old: Any
    new: Any
    household: bool = False

    def text(self, translate: Callable[[str, str], str] | None = None) -> str:
        """"Row 7, 张三: Phone 138****5678 → 139****0000", masked, in the user's language."""
        def words(source: str) -> str:
            return (translate("roster", source) or source) if translate is not None else source

        def shown(value: Any) -> str:
            if value is None or value == "" or value == "[]":
                return words(_M_EMPTY)
            named = _CHANGE_VALUES.get(self.field, {}).get(value)
            if named is not None:
                return words(named)
            value = _masked(self.field, value)
            if self.field == "phones":
                try:
                    return "、".join(json.loads(value))
                except (TypeError, ValueError):
                    return str(value)
            return str(value)

        template = words(_M_CHANGE)
        params = {"row": self.row, "who": self.name, "field": words(_CHANGE_LABELS.get(self.field, self.field)),
                  "old": shown(self.old), "new": shown(self.new)}
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError):  # a broken translation must not hide the change
            return _M_CHANGE.format(**params)


@dataclass
class ImportReport:
    path: str
    sheet: str
    header_row: int
    dry_run: bool
    rows_read: int = 0
    persons_created: int = 0
    persons_updated: int = 0
    persons_unchanged: int = 0
    households_created: int = 0
    households_updated: int = 0
    rejected: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    rejected_rows: list[int] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)

    def restart_counts(self) -> None:
        """Forget what a plan counted (it is being worked out again); the rows' issues stay."""
        self.persons_created = self.persons_updated = self.persons_unchanged = 0
        self.households_created = self.households_updated = 0
        self.changes.clear()

    def as_json(self, translate: Callable[[str, str], str] | None = None) -> dict[str, Any]:
        def issue(i: Issue) -> dict[str, Any]:
            return {"row": i.row, "column": i.column, "code": i.code, "message": i.text(translate)}

        return {
            "file": self.path, "sheet": self.sheet, "header_row": self.header_row, "dry_run": self.dry_run,
            "rows_read": self.rows_read, "persons_created": self.persons_created,
            "persons_updated": self.persons_updated, "persons_unchanged": self.persons_unchanged,
            "households_created": self.households_created, "households_updated": self.households_updated,
            "rejected": [issue(i) for i in self.rejected], "warnings": [issue(i) for i in self.warnings],
            "changes": [{"row": c.row, "of": "household" if c.household else "person", "person": c.name,
                         "field": c.field, "old": _masked(c.field, c.old), "new": _masked(c.field, c.new)}
                        for c in self.changes],
        }


def _masked(field_name: str, value: Any) -> Any:
    """A changed value as it may be shown: ID numbers and phones masked, as everywhere on screen.

    Phones are the stored JSON list ('["13812345678"]'); they stay one, of masked numbers.
    """
    if not value:
        return value
    if field_name == "id_number":
        return idnumber.mask(str(value))
    if field_name == "phones":
        try:
            numbers = json.loads(value)
        except (TypeError, ValueError):
            return phone.mask(str(value))
        if isinstance(numbers, list):
            return json.dumps([phone.mask(str(n)) for n in numbers], ensure_ascii=False)
        return phone.mask(str(numbers))
    return value


@dataclass
class _Plan:
    """Rows to write, worked out before the write transaction starts."""

    inserts: dict[str, tuple[tuple[str, ...], list[tuple[Any, ...]]]] = field(default_factory=dict)
    person_updates: list[dict[str, Any]] = field(default_factory=list)
    household_updates: list[dict[str, Any]] = field(default_factory=list)
    touched: set[str] = field(default_factory=set)
    mark: int = 0  # db.log_mark() where the profile was read: the write checks nothing moved since

    def add(self, table: str, row: dict[str, Any]) -> None:
        """A row to insert (every row of a table names the same columns in the same order)."""
        self.add_values(table, tuple(row), tuple(row.values()))

    def add_values(self, table: str, cols: tuple[str, ...], values: tuple[Any, ...]) -> None:
        self.rows(table, cols).append(values)

    def rows(self, table: str, cols: tuple[str, ...]) -> list[tuple[Any, ...]]:
        """The list of `table`'s rows to insert, each a tuple of `cols`."""
        entry = self.inserts.get(table)
        if entry is None:
            entry = self.inserts[table] = (cols, [])
        elif entry[0] != cols:
            raise ValueError(f"{table}: rows of columns {cols} beside rows of {entry[0]}")
        return entry[1]


def load(path: Path, sheet: str | None = None) -> tuple[Sheet, Header]:
    """Read the sheet and find its header; RosterError (in words) when it is not a roster
    or holds no rows below its header."""
    data = roster.read_sheet(path, sheet)
    header = roster.detect_header(data)
    roster.require_rows(data, header)
    return data, header


def _plain(number: str) -> bool:
    """Digits and dashes only: nothing JSON would escape."""
    return number.isascii() and number.replace("-", "").isdigit()


def _phones_json(phones: list[str]) -> str | None:
    """json.dumps(phones, ensure_ascii=False), without the encoder for plain numbers (most of them)."""
    if not phones:
        return None
    if len(phones) == 1 and _plain(phones[0]):
        return '["' + phones[0] + '"]'
    if all(map(_plain, phones)):
        return '["' + '", "'.join(phones) + '"]'
    return json.dumps(phones, ensure_ascii=False)


def _person_values(row: RosterRow, household_id: str) -> tuple[Any, ...]:
    """The roster's values in db.PERSON_FIELDS order."""
    return (household_id, row.name, row.id_number, row.gender,
            row.birth_date.isoformat() if row.birth_date else None, row.ethnicity, row.relation,
            _phones_json(row.phones), row.note, 0)


_PERSON_INSERT = ("id", *db.PERSON_FIELDS, "status")
_HOUSEHOLD_INSERT = ("id", *db.HOUSEHOLD_FIELDS, "note")
_EMPTY = (None, "")


def _merge(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """The roster's values where it has one; what the profile knows elsewhere."""
    return {k: (new[k] if new[k] not in _EMPTY else old[k]) for k in old}


def _merge_values(old: tuple[Any, ...], new: tuple[Any, ...]) -> tuple[Any, ...]:
    """_merge for rows as tuples of the same fields."""
    return tuple(o if n is None or n == "" else n for o, n in zip(old, new))


@dataclass
class _Known:
    """Every household and person of the profile by id, read in one pass each, and the
    change log's mark in the same read (db.log_mark)."""

    households: dict[str, dict[str, Any]]
    persons: dict[str, tuple[Any, ...]]
    mark: int


def _plan(store: Store, rows: list[RosterRow], report: ImportReport, cancelled: Cancelled,
          known: _Known | None = None) -> _Plan:
    plan = _Plan()
    with store.read() as conn:  # one read transaction: one snapshot for everything below
        # The earliest snapshot the plan rests on: the whole-profile read's, if there was one.
        plan.mark = known.mark if known is not None else db.log_mark(conn)
        known_communities = db.communities(conn)
        known_compounds = db.compound_communities(conn)
        known_tags = db.tags(conn)
        default_community = (
            next(iter(known_communities)) if len(known_communities) == 1 else UNASSIGNED_COMMUNITY
        )
        # Places and households by their deterministic ids, each made once per distinct address.
        keyed = []
        communities: dict[str, str] = {}
        compounds: dict[str, tuple[str, str]] = {}
        buildings: dict[str, tuple[str, str]] = {}
        place_ids: dict[tuple[str, str, str], tuple[str, str]] = {}
        household_ids: dict[tuple[str, str, str, str, str], str] = {}
        for r in rows:
            # A roster without a 社区 column: a compound the profile knows in exactly one community
            # is that one (not a second copy of it under 未指定社区, outside every grid).
            found = known_compounds.get(r.compound, []) if not r.community else []
            community = r.community or (found[0] if len(found) == 1 else default_community)
            place = (community, r.compound, r.building)
            if place not in place_ids:
                community_id = ids.community_id(community)
                compound_id = ids.compound_id(community, r.compound)
                building_id = ids.building_id(compound_id, r.building)
                communities[community_id] = community
                compounds[compound_id] = (community_id, r.compound)
                buildings[building_id] = (compound_id, r.building)
                place_ids[place] = (compound_id, building_id)
            address = (community, r.compound, r.building, r.unit, r.room)
            household = household_ids.get(address)
            if household is None:
                household = household_ids[address] = ids.household_id(*address)
            person = ids.person_id(r.id_number) if r.id_number else ids.person_without_id_number(household, r.name)
            keyed.append((r, place_ids[place][1], household, person))
        have_communities = db.existing_ids(conn, "community", communities)
        have_compounds = db.existing_ids(conn, "compound", compounds)
        have_buildings = db.existing_ids(conn, "building", buildings)
        if known is not None:  # read while the file was parsed
            old_households, old_persons = known.households, known.persons
        else:
            old_households = db.households(conn, household_ids.values())
            old_persons = db.persons(conn, [p for _, _, _, p in keyed])
    if cancelled():
        raise ImportCancelled()

    for cid, name in communities.items():
        if cid not in have_communities:
            plan.add("community", {"id": cid, "name": name, "division_code": None, "deleted": 0})
    for coid, (community_id, name) in compounds.items():
        if coid not in have_compounds:
            plan.add("compound", {"id": coid, "community_id": community_id, "name": name,
                                  "property_company": None, "hoa": None, "deleted": 0})
    for bid, (compound_id, name) in buildings.items():
        if bid not in have_buildings:
            plan.add("building", {"id": bid, "compound_id": compound_id, "grid_id": None,
                                  "name": name, "units": None, "floors": None, "deleted": 0})

    seen_households: set[str] = set()
    seen_persons: set[str] = set()
    moves: list[tuple[int, str, str, str | None, str]] = []  # (row, person, name, old household, new address)
    # New rows go straight into their tables' lists as tuples (most rows of a first import).
    new_households = plan.rows("household", _HOUSEHOLD_INSERT)
    new_persons = plan.rows("person", _PERSON_INSERT)
    for r, building, household, person in keyed:
        if household not in seen_households:  # the household's first row in the file speaks for it
            seen_households.add(household)
            old = old_households.get(household)
            if old is None:
                new_households.append((household, building, r.unit, r.room, r.household_no, r.residence_status,
                                       0, None))
                plan.touched.add(household)
                report.households_created += 1
            else:
                new = {"building_id": building, "unit": r.unit, "room": r.room, "household_no": r.household_no,
                       "residence_status": r.residence_status, "deleted": 0}
                merged = _merge(old, new)
                if merged != old:
                    plan.household_updates.append({"id": household, **merged})
                    plan.touched.add(household)
                    report.households_updated += 1
                    where = searchkeys.address(r.compound, r.building, r.unit, r.room)
                    report.changes.extend(Change(r.row, household, where, f, old[f], merged[f], household=True)
                                          for f in db.HOUSEHOLD_FIELDS if merged[f] != old[f])
        if person in seen_persons:  # same person twice under different keys: first row wins
            continue
        seen_persons.add(person)
        old = old_persons.get(person)
        if old is None:  # _person_values' order, then the status
            new_persons.append((person, household, r.name, r.id_number, r.gender,
                                r.birth_date.isoformat() if r.birth_date else None, r.ethnicity, r.relation,
                                _phones_json(r.phones) or "[]", r.note, 0, "active"))
            plan.touched.add(household)
            report.persons_created += 1
        elif (new := _person_values(r, household)) == old:  # the same roster again: decided without merging
            report.persons_unchanged += 1
        else:
            merged = _merge_values(old, new)
            if merged != old:
                plan.person_updates.append({"id": person, **dict(zip(db.PERSON_FIELDS, merged))})
                plan.touched.update({household, old[0]} - {None})
                report.persons_updated += 1
                for f, was, now in zip(db.PERSON_FIELDS, old, merged):
                    if f == "household_id" and now != was:  # moved: told as addresses, looked up below
                        moves.append((r.row, person, r.name, was,
                                      searchkeys.address(r.compound, r.building, r.unit, r.room)))
                    elif now != was:
                        report.changes.append(Change(r.row, person, r.name, f, was, now))
            else:
                report.persons_unchanged += 1
        for tag in r.tags:
            tag_id = known_tags.get(tag) or ids.tag_id(tag)
            if tag not in known_tags:
                plan.add("tag", {"id": tag_id, "name": tag, "sensitive": int(tags.is_sensitive(tag)), "deleted": 0})
                known_tags[tag] = tag_id
            plan.add("persontag", {"id": ids.person_tag_id(person, tag_id), "person_id": person, "tag_id": tag_id,
                                   "detail": None, "deleted": 0})
    if moves:
        with store.read() as conn:
            addresses = store_households.addresses(conn, [was for _, _, _, was, _ in moves if was])
        report.changes.extend(Change(row, person, name, "household_id", addresses.get(was, was), now)
                              for row, person, name, was, now in moves)
        report.changes.sort(key=lambda c: c.row)  # stable: each row's fields keep their order
    return plan


_ORDER = ("community", "compound", "building", "household", "person", "tag", "persontag")


def _write(store: Store, plan: _Plan, progress: Progress, cancelled: Cancelled) -> None:
    # The WAL this writes (tens of MB for a street) is copied into the database file by the
    # next ordinary commit, the search index's catch-up, not inside the import's commit.
    with store.checkpoints_held(checkpoint_after=False), store.bulk_load(plan.touched, defer_index=True) as conn:
        # Holding the write lock now: if anything was committed since the profile was read, the
        # plan may carry values older than the profile's (an update merges them in), so none of
        # it is written.
        if db.log_mark(conn) != plan.mark:
            raise _ProfileChanged()
        for i, table in enumerate(_ORDER):
            cols, rows = plan.inserts.get(table, ((), []))
            db.insert(conn, table, rows, cols=cols, clock=store.clock, skip_existing=table in ("tag", "persontag"))
            if cancelled():
                raise ImportCancelled()  # rolls the whole transaction back
            progress(60 + 25 * (i + 1) // len(_ORDER), table)
        db.update(conn, "household", db.HOUSEHOLD_FIELDS, plan.household_updates)
        db.update(conn, "person", db.PERSON_FIELDS, plan.person_updates)
        if cancelled():
            raise ImportCancelled()
        progress(90, "saving")


def import_roster(
    store: Store,
    path: Path,
    sheet: str | None = None,
    *,
    dry_run: bool = False,
    header: Header | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    today: date | None = None,
    checked: tuple[Sheet, list[RosterRow]] | None = None,
    data: Sheet | None = None,
) -> ImportReport:
    """Import `path` into the profile (or only report what would happen, with dry_run).

    `checked`: the sheet as read and its rows as validated with `header`, when the
    caller has them already (the wizard's preview): the import stores exactly
    what the user saw checked, without reading and checking the file again.
    `data`: the sheet as read, when the caller has read it already (the command
    line reads it before it opens the profile); its rows are checked here.
    """
    # The cyclic collector off for the whole import, not only while reading and validating:
    # the plan's ~70,000 row tuples and ids otherwise trigger full collections that walk
    # every row again (0.3-0.5 s of compare and store on a 50,000-row roster). Nothing
    # here makes reference cycles; the collector runs again when the import returns.
    with gc_paused():
        return _import(store, path, sheet, dry_run, header, progress, cancelled, today, checked, data)


def _import(
    store: Store,
    path: Path,
    sheet: str | None,
    dry_run: bool,
    header: Header | None,
    progress: Progress | None,
    cancelled: Cancelled | None,
    today: date | None,
    checked: tuple[Sheet, list[RosterRow]] | None,
    preread: Sheet | None,
) -> ImportReport:
    report_progress = progress or (lambda _p, _m: None)
    is_cancelled = cancelled or (lambda: False)
    started = time.perf_counter()
    if checked is not None and header is None:
        raise ValueError("checked rows need the header they were checked with")
    report_progress(0, "reading")
    known = None
    if checked is not None:
        data = checked[0]
    elif preread is not None:
        data = preread
    else:
        data, known = _read_with_profile(store, path, sheet)
    header = header or roster.detect_header(data)
    roster.require_rows(data, header)
    read_done = time.perf_counter()
    report_progress(20, "checking rows")
    rows = checked[1] if checked is not None else roster.validate(data, header, today=today)
    report = ImportReport(str(path), data.name, header.row, dry_run, rows_read=len(rows))
    accepted = []
    for r in rows:
        for issue in r.issues:
            (report.rejected if issue.severity == "error" else report.warnings).append(issue)
        if r.rejected:
            report.rejected_rows.append(r.row)
        elif r.duplicate_of is None:
            accepted.append(r)
    validated = time.perf_counter()
    if is_cancelled():
        raise ImportCancelled()
    report_progress(40, "comparing with the profile")
    for attempt in range(_PLAN_ATTEMPTS):
        plan = _plan(store, accepted, report, is_cancelled, known)
        planned = time.perf_counter()
        if dry_run:
            break
        try:
            _write(store, plan, report_progress, is_cancelled)
            break
        except _ProfileChanged:
            known = None  # read before the change: look the rows up again
            report.restart_counts()
            if attempt + 1 == _PLAN_ATTEMPTS:
                raise ProfileChangedDuringImport() from None
    report_progress(100, "done")
    done = time.perf_counter()
    report.seconds = {"read": read_done - started, "validate": validated - read_done,
                      "compare": planned - validated, "store": done - planned, "total": done - started}
    return report


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
