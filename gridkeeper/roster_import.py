"""Import a household roster: read, validate, compare with the profile, store.

Idempotent: persons and households have deterministic ids, so importing the
same file again finds every row unchanged and writes nothing. An updated
roster changes only the fields that differ (logged for sync like any edit).
A field left empty in the roster never erases what the profile knows.
Atomic: one bulk-load transaction; a rejected row is never half stored, and
an error or a cancel anywhere leaves the profile as it was.
"""

from __future__ import annotations

import json
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from gridkeeper import ids, tags
from gridkeeper.errors import QT_TRANSLATE_NOOP, GridKeeperError
from gridkeeper.io import roster
from gridkeeper.io.roster import Header, Issue, RosterRow, Sheet
from gridkeeper.io.roster_read import gc_paused
from gridkeeper.store import roster as db
from gridkeeper.store.engine import Store

Progress = Callable[[int, str], None]
Cancelled = Callable[[], bool]

# Where households go when the roster names no community and the profile has several.
UNASSIGNED_COMMUNITY = "未指定社区"


class ImportCancelled(GridKeeperError):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("errors", "The import was cancelled; nothing was changed."))


@dataclass(frozen=True)
class Change:
    row: int
    person_id: str
    name: str
    field: str
    old: Any
    new: Any


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

    def as_json(self, translate: Callable[[str, str], str] | None = None) -> dict[str, Any]:
        def issue(i: Issue) -> dict[str, Any]:
            return {"row": i.row, "column": i.column, "code": i.code, "message": i.text(translate)}

        return {
            "file": self.path, "sheet": self.sheet, "header_row": self.header_row, "dry_run": self.dry_run,
            "rows_read": self.rows_read, "persons_created": self.persons_created,
            "persons_updated": self.persons_updated, "persons_unchanged": self.persons_unchanged,
            "households_created": self.households_created, "households_updated": self.households_updated,
            "rejected": [issue(i) for i in self.rejected], "warnings": [issue(i) for i in self.warnings],
            "changes": [{"row": c.row, "person": c.name, "field": c.field, "old": c.old, "new": c.new}
                        for c in self.changes],
        }


@dataclass
class _Plan:
    """Rows to write, worked out before the write transaction starts."""

    inserts: dict[str, tuple[tuple[str, ...], list[tuple[Any, ...]]]] = field(default_factory=dict)
    person_updates: list[dict[str, Any]] = field(default_factory=list)
    household_updates: list[dict[str, Any]] = field(default_factory=list)
    touched: set[str] = field(default_factory=set)

    def add(self, table: str, row: dict[str, Any]) -> None:
        """A row to insert (every row of a table names the same columns in the same order)."""
        self.add_values(table, tuple(row), tuple(row.values()))

    def add_values(self, table: str, cols: tuple[str, ...], values: tuple[Any, ...]) -> None:
        entry = self.inserts.get(table)
        if entry is None:
            self.inserts[table] = (cols, [values])
        else:
            entry[1].append(values)


def load(path: Path, sheet: str | None = None) -> tuple[Sheet, Header]:
    """Read the sheet and find its header; RosterError (in words) when it is not a roster."""
    data = roster.read_sheet(path, sheet)
    return data, roster.detect_header(data)


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
_PHONES = db.PERSON_FIELDS.index("phones")
_EMPTY = (None, "")


def _merge(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """The roster's values where it has one; what the profile knows elsewhere."""
    return {k: (new[k] if new[k] not in _EMPTY else old[k]) for k in old}


def _merge_values(old: tuple[Any, ...], new: tuple[Any, ...]) -> tuple[Any, ...]:
    """_merge for rows as tuples of the same fields."""
    return tuple(o if n is None or n == "" else n for o, n in zip(old, new))


class _Planner:
    """Works out the rows to write, a batch of accepted rows at a time, in file order.

    Reads what exists from one read snapshot (`conn`, the profile as it was before the
    import); what earlier batches planned is remembered, so a household or person met
    again is treated exactly as when all rows were planned at once. Places (communities,
    compounds, buildings: a few hundred rows, a later spelling of the same id names it)
    are planned by places() after the last batch.
    """

    def __init__(self, conn: Connection, report: ImportReport) -> None:
        self.conn = conn
        self.report = report
        known_communities = db.communities(conn)
        self.known_tags = db.tags(conn)
        self.default_community = (
            next(iter(known_communities)) if len(known_communities) == 1 else UNASSIGNED_COMMUNITY
        )
        # Places and households by their deterministic ids, each made once per distinct address.
        self.communities: dict[str, str] = {}
        self.compounds: dict[str, tuple[str, str]] = {}
        self.buildings: dict[str, tuple[str, str]] = {}
        self.place_ids: dict[tuple[str, str, str], tuple[str, str]] = {}
        self.household_ids: dict[tuple[str, str, str, str, str], str] = {}
        self.seen_households: set[str] = set()
        self.seen_persons: set[str] = set()
        self.touched: set[str] = set()

    def batch(self, rows: list[RosterRow]) -> _Plan:
        plan = _Plan(touched=self.touched)
        report = self.report
        communities, compounds, buildings = self.communities, self.compounds, self.buildings
        place_ids, household_ids = self.place_ids, self.household_ids
        default_community = self.default_community
        keyed = []
        new_households = []
        for r in rows:
            community = r.community or default_community
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
                new_households.append(household)
            person = ids.person_id(r.id_number) if r.id_number else ids.person_without_id_number(household, r.name)
            keyed.append((r, place_ids[place][1], household, person))
        seen_households, seen_persons = self.seen_households, self.seen_persons
        old_households = db.households(self.conn, [h for h in new_households if h not in seen_households])
        old_persons = db.persons(self.conn, [p for _, _, _, p in keyed if p not in seen_persons])

        for r, building, household, person in keyed:
            if household not in seen_households:  # the household's first row in the file speaks for it
                seen_households.add(household)
                new = {"building_id": building, "unit": r.unit, "room": r.room, "household_no": r.household_no,
                       "residence_status": r.residence_status, "deleted": 0}
                old = old_households.get(household)
                if old is None:
                    plan.add("household", {"id": household, **new, "note": None})
                    plan.touched.add(household)
                    report.households_created += 1
                else:
                    merged = _merge(old, new)
                    if merged != old:
                        plan.household_updates.append({"id": household, **merged})
                        plan.touched.add(household)
                        report.households_updated += 1
            if person in seen_persons:  # same person twice under different keys: first row wins
                continue
            seen_persons.add(person)
            new = _person_values(r, household)
            old = old_persons.get(person)
            if old is None:
                values = (person, *new, "active")
                if values[_PHONES + 1] is None:
                    values = (*values[: _PHONES + 1], "[]", *values[_PHONES + 2:])
                plan.add_values("person", _PERSON_INSERT, values)
                plan.touched.add(household)
                report.persons_created += 1
            elif new == old:  # the same roster again: most rows, decided without merging
                report.persons_unchanged += 1
            else:
                merged = _merge_values(old, new)
                if merged != old:
                    plan.person_updates.append({"id": person, **dict(zip(db.PERSON_FIELDS, merged))})
                    plan.touched.update({household, old[0]} - {None})
                    report.persons_updated += 1
                    for f, was, now in zip(db.PERSON_FIELDS, old, merged):
                        if now != was:
                            report.changes.append(Change(r.row, person, r.name, f, was, now))
                else:
                    report.persons_unchanged += 1
            known_tags = self.known_tags
            for tag in r.tags:
                tag_id = known_tags.get(tag) or ids.tag_id(tag)
                if tag not in known_tags:
                    plan.add("tag", {"id": tag_id, "name": tag, "sensitive": int(tags.is_sensitive(tag)),
                                     "deleted": 0})
                    known_tags[tag] = tag_id
                plan.add("persontag", {"id": ids.person_tag_id(person, tag_id), "person_id": person,
                                       "tag_id": tag_id, "detail": None, "deleted": 0})
        return plan

    def places(self) -> _Plan:
        """The communities, compounds and buildings no batch found in the profile."""
        plan = _Plan(touched=self.touched)
        conn = self.conn
        have_communities = db.existing_ids(conn, "community", self.communities)
        have_compounds = db.existing_ids(conn, "compound", self.compounds)
        have_buildings = db.existing_ids(conn, "building", self.buildings)
        for cid, name in self.communities.items():
            if cid not in have_communities:
                plan.add("community", {"id": cid, "name": name, "division_code": None, "deleted": 0})
        for coid, (community_id, name) in self.compounds.items():
            if coid not in have_compounds:
                plan.add("compound", {"id": coid, "community_id": community_id, "name": name,
                                      "property_company": None, "hoa": None, "deleted": 0})
        for bid, (compound_id, name) in self.buildings.items():
            if bid not in have_buildings:
                plan.add("building", {"id": bid, "compound_id": compound_id, "grid_id": None,
                                      "name": name, "units": None, "floors": None, "deleted": 0})
        return plan


_ORDER = ("community", "compound", "building", "household", "person", "tag", "persontag")
_BATCH = 5000  # accepted rows planned and handed to the writer at a time
_DONE = object()


class _Writer(threading.Thread):
    """The import's one write transaction, on its own thread, fed plans batch by batch.

    SQLite does its stepping without the GIL, so the rows of one batch are inserted and
    logged while the next batch is validated and compared. Everything still happens in
    one bulk-load transaction that commits only after the last batch (and a last look at
    `cancelled`); any error, a cancel or abort() rolls all of it back.
    """

    def __init__(self, store: Store, touched: set[str], cancelled: Cancelled) -> None:
        super().__init__(name="roster-import-writer", daemon=True)
        self.store = store
        self.touched = touched
        self.cancelled = cancelled
        self.queue: queue.Queue[object] = queue.Queue(maxsize=2)
        self.error: BaseException | None = None
        self.busy = 0.0  # seconds spent writing (overlapped with the main thread's work)

    def run(self) -> None:
        store = self.store
        try:
            # The WAL this writes (tens of MB for a street) is copied into the database file by
            # the next ordinary commit, the search index's catch-up, not inside the import's commit.
            with store.checkpoints_held(checkpoint_after=False), \
                    store.bulk_load(self.touched, defer_index=True) as conn:
                loader = db.Loader(conn, store.clock)
                while True:
                    item = self.queue.get()
                    if item is _DONE:
                        break
                    if not isinstance(item, _Plan):  # abort(): the main thread failed or was cancelled
                        raise ImportCancelled()
                    started = time.perf_counter()
                    for table in _ORDER:
                        cols, rows = item.inserts.get(table, ((), []))
                        loader.insert(table, rows, cols=cols, skip_existing=table in ("tag", "persontag"))
                    db.update(conn, "household", db.HOUSEHOLD_FIELDS, item.household_updates)
                    db.update(conn, "person", db.PERSON_FIELDS, item.person_updates)
                    self.busy += time.perf_counter() - started
                started = time.perf_counter()
                loader.finish()
                if self.cancelled():
                    raise ImportCancelled()
                self.busy += time.perf_counter() - started
        except BaseException as exc:  # noqa: BLE001 - handed to the main thread by result()
            self.error = exc

    def send(self, plan: _Plan) -> None:
        """Queue a batch (waits while two are pending); stops early if the writer failed."""
        while self.is_alive():
            try:
                self.queue.put(plan, timeout=0.1)
                return
            except queue.Full:
                continue
        self.result()

    def result(self) -> None:
        """After the last batch: wait for the commit; raise what the writer raised."""
        if self.is_alive():
            self.queue.put(_DONE)
        self.join()
        if self.error is not None:
            raise self.error

    def abort(self) -> None:
        """Roll back and wait (the main thread is raising)."""
        if self.is_alive():
            while self.is_alive():
                try:
                    self.queue.put(None, timeout=0.1)
                    break
                except queue.Full:
                    try:
                        self.queue.get_nowait()  # a batch not written yet: never written now
                    except queue.Empty:
                        pass
        self.join()


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
) -> ImportReport:
    """Import `path` into the profile (or only report what would happen, with dry_run)."""
    # The cyclic collector off for the whole import, not only while reading and validating:
    # the plan's ~70,000 row tuples and ids otherwise trigger full collections that walk
    # every row again (0.3-0.5 s of compare and store on a 50,000-row roster). Nothing
    # here makes reference cycles; the collector runs again when the import returns.
    with gc_paused():
        return _import(store, path, sheet, dry_run, header, progress, cancelled, today)


def _import(
    store: Store,
    path: Path,
    sheet: str | None,
    dry_run: bool,
    header: Header | None,
    progress: Progress | None,
    cancelled: Cancelled | None,
    today: date | None,
) -> ImportReport:
    report_progress = progress or (lambda _p, _m: None)
    is_cancelled = cancelled or (lambda: False)
    started = time.perf_counter()
    report_progress(0, "reading")
    data = roster.read_sheet(path, sheet)
    header = header or roster.detect_header(data)
    read_done = time.perf_counter()
    report_progress(20, "checking rows")
    report = ImportReport(str(path), data.name, header.row, dry_run)
    total = max(len(data.rows) - header.row, 1)
    checking = comparing = 0.0  # the main thread's time in each; writing overlaps both
    writer: _Writer | None = None
    with store.read() as conn:  # one snapshot: the profile as it was before the import
        planner = _Planner(conn, report)
        try:
            if not dry_run:
                writer = _Writer(store, planner.touched, is_cancelled)
                writer.start()
            rows = iter(roster.iter_validate(data, header, today=today or date.today()))
            batch: list[RosterRow] = []
            while True:
                t = time.perf_counter()
                for r in rows:
                    report.rows_read += 1
                    if r.issues:
                        for issue in r.issues:
                            (report.rejected if issue.severity == "error" else report.warnings).append(issue)
                        if r.rejected:
                            report.rejected_rows.append(r.row)
                            continue
                    if r.duplicate_of is None:
                        batch.append(r)
                        if len(batch) == _BATCH:
                            break
                t2 = time.perf_counter()
                checking += t2 - t
                last = len(batch) < _BATCH
                if batch:
                    plan = planner.batch(batch)
                    batch = []
                    comparing += time.perf_counter() - t2
                    if is_cancelled():
                        raise ImportCancelled()
                    if writer is not None:
                        writer.send(plan)
                    report_progress(20 + 65 * min(report.rows_read, total) // total, "checking rows")
                if last:
                    break
            t = time.perf_counter()
            places = planner.places()
            comparing += time.perf_counter() - t
            if is_cancelled():
                raise ImportCancelled()
            progress_done = time.perf_counter()
            if writer is not None:
                writer.send(places)
                report_progress(90, "saving")
                if is_cancelled():
                    raise ImportCancelled()
                writer.result()  # the commit, or what failed in the writer
        except BaseException:
            if writer is not None:
                writer.abort()
            raise
    report_progress(100, "done")
    done = time.perf_counter()
    # validate and compare: the main thread's own time in each; store: what it then waits for
    # the writer (whose own time, overlapped with both, is "writing").
    report.seconds = {"read": read_done - started, "validate": checking, "compare": comparing,
                      "store": done - progress_done, "writing": writer.busy if writer else 0.0,
                      "total": done - started}
    return report
