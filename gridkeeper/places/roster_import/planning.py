"""Plan, the third step: the checked rows compared with the profile, what to insert and
what to update, as of the change log's mark the profile was read at."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any

from gridkeeper import ids
from gridkeeper.io.roster import WARNING, Issue, RosterRow
from gridkeeper.io.roster_read import gc_paused
from gridkeeper.places.roster_import.checking import CheckedRoster
from gridkeeper.places.roster_import.common import Cancelled, ImportCancelled, Progress, never, quiet
from gridkeeper.places.roster_import.reading import ProfileRows
from gridkeeper.places.roster_import.report import M_UNASSIGNED, Change, ImportReport
from gridkeeper.rules import tags
from gridkeeper.store import households as store_households
from gridkeeper.store import roster as db
from gridkeeper.store import searchkeys
from gridkeeper.store.engine import Store

# Where households go when the roster names no community and the profile has several.
UNASSIGNED_COMMUNITY = "未指定社区"


@dataclass(eq=False)
class ImportPlan:
    """Rows to write, worked out before the write transaction starts, against `store` as it
    was at `mark`; with the counts and changes the report gives."""

    checked: CheckedRoster = field(repr=False)
    store: Store = field(repr=False)
    mark: int = 0  # db.log_mark() where the profile was read: the write checks nothing moved since
    inserts: dict[str, tuple[tuple[str, ...], list[tuple[Any, ...]]]] = field(default_factory=dict, repr=False)
    person_updates: list[dict[str, Any]] = field(default_factory=list, repr=False)
    household_updates: list[dict[str, Any]] = field(default_factory=list, repr=False)
    touched: set[str] = field(default_factory=set, repr=False)  # households whose search keys change
    persons_created: int = 0
    persons_updated: int = 0
    persons_unchanged: int = 0
    households_created: int = 0
    households_updated: int = 0
    changes: list[Change] = field(default_factory=list, repr=False)  # each field an update changes
    # (row, community, compound, building, household) of rows whose building no grid covers.
    unassigned: list[tuple[int, str, str, str, str]] = field(default_factory=list, repr=False)
    revived: list[tuple[str, str]] = field(default_factory=list, repr=False)  # (table, id) of places untombstoned
    # Fields a colleague's laptop changed after the workbook was saved: their value is kept, the
    # roster's goes to the conflicts for review (a stale roster never silently reverts a correction).
    kept: list[Change] = field(default_factory=list, repr=False)
    conflicts: list[tuple[Any, ...]] = field(default_factory=list, repr=False)
    seconds: float = 0.0  # comparing, plans worked out again included

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

    def report(self, *, dry_run: bool = True) -> ImportReport:
        """What applying the plan does: a dry run's report (apply() gives the one of the write)."""
        checked = self.checked
        seconds = {"read": checked.sheet.seconds, "validate": checked.seconds, "compare": self.seconds, "store": 0.0}
        warnings = list(checked.warnings)
        if self.unassigned:
            warnings.extend(Issue(row, "", "building", "place_unassigned", WARNING, M_UNASSIGNED,
                                  (("compound", compound), ("building", building)))
                            for row, _, compound, building, _ in self.unassigned)
            warnings.sort(key=lambda i: i.row)  # stable: a row's own warnings first
        return ImportReport(
            str(checked.sheet.path), checked.sheet.name, checked.header.row, dry_run, rows_read=len(checked.rows),
            persons_created=self.persons_created, persons_updated=self.persons_updated,
            persons_unchanged=self.persons_unchanged, households_created=self.households_created,
            households_updated=self.households_updated, rejected=list(checked.rejected),
            warnings=warnings, rejected_rows=list(checked.rejected_rows), changes=list(self.changes),
            kept=list(self.kept), unassigned=self.unassigned_by_compound(),
            seconds={**seconds, "total": sum(seconds.values())},
        )

    def unassigned_by_compound(self) -> list[tuple[str, str, int]]:
        """(community, compound, distinct households) whose building no grid covers."""
        households: dict[tuple[str, str], set[str]] = {}
        for _, community, compound, _, household in self.unassigned:
            households.setdefault((community, compound), set()).add(household)
        return [(c, co, len(h)) for (c, co), h in sorted(households.items())]


def plan(store: Store, checked: CheckedRoster, *, progress: Progress | None = None,
         cancelled: Cancelled | None = None) -> ImportPlan:
    """Compare the accepted rows with the profile: new, updated, unchanged.

    Rests on one read of the profile (its change-log mark is the plan's): the profile's rows
    read beside the file when read_roster() was given this store, else a read made here.
    """
    (progress or quiet)(40, "comparing with the profile")
    known = checked.sheet.profile
    return _plan(store, checked, known if known is not None and known.store is store else None, cancelled or never)


def replan(store: Store, stale: ImportPlan, *, cancelled: Cancelled | None = None) -> ImportPlan:
    """The same rows compared again with the profile as it is now (it changed since `stale`)."""
    fresh = _plan(store, stale.checked, None, cancelled or never)
    fresh.seconds += stale.seconds
    return fresh


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


def _plan(store: Store, checked: CheckedRoster, known: ProfileRows | None, cancelled: Cancelled) -> ImportPlan:
    started = time.perf_counter()
    with gc_paused():  # tens of thousands of tuples, none of them in a cycle
        plan = _compare(store, checked.accepted, ImportPlan(checked, store), known, cancelled)
        _keep_later_changes(store, plan, checked.sheet.saved_ms)
    plan.seconds = time.perf_counter() - started
    return plan


def _compare(store: Store, rows: list[RosterRow], plan: ImportPlan, known: ProfileRows | None,
             cancelled: Cancelled) -> ImportPlan:
    with store.read() as conn:  # one read transaction: one snapshot for everything below
        # The earliest snapshot the plan rests on: the whole-profile read's, if there was one.
        plan.mark = known.mark if known is not None else db.log_mark(conn)
        places = db.place_index(conn)
        known_tags = db.tags(conn)
        default_community = (
            next(iter(places.community_names.values())) if len(places.community_names) == 1
            else UNASSIGNED_COMMUNITY
        )
        # Places by what the profile calls them (a place renamed in the app keeps its id), else by
        # the deterministic ids of their names; each worked out once per distinct place.
        keyed = []
        new_places: dict[str, tuple[str, dict[str, Any]]] = {}  # id -> (table, row)
        place_of: dict[tuple[str, str, str], tuple[str, str | None, str]] = {}  # -> (building, grid, community)
        household_ids: dict[tuple[str, str, str], str] = {}  # (building id, unit, room) -> household
        for r in rows:
            place = (r.community, r.compound, r.building)
            found = place_of.get(place)
            if found is None:
                found = place_of[place] = _place(places, r, default_community, new_places)
            building_id, grid_id, community = found
            address = (building_id, r.unit, r.room)
            household = household_ids.get(address)
            if household is None:
                household = household_ids[address] = ids.household_id(community, r.compound, r.building, r.unit,
                                                                       r.room)
            person = ids.person_id(r.id_number) if r.id_number else ids.person_without_id_number(household, r.name)
            keyed.append((r, building_id, household, person))
            if grid_id is None:
                plan.unassigned.append((r.row, community, r.compound, r.building, household))
        if known is not None:  # read while the file was parsed
            old_households, old_persons = known.households, known.persons
        else:
            old_households = db.households(conn, household_ids.values())
            old_persons = db.persons(conn, [p for _, _, _, p in keyed])
        # A household moved or made by hand has an id not made from its address now: found there.
        existing = {b for b, _, _ in household_ids if b not in new_places}
        missing = [a for a, h in household_ids.items() if a[0] in existing and h not in old_households]
        if missing:
            at = db.households_at(conn, {a[0] for a in missing})
            moved = {household_ids[a]: at[a] for a in missing if a in at}
            if moved:
                keyed = [(r, b, moved.get(h, h), p) for r, b, h, p in keyed]
                plan.unassigned = [(n, c, co, b, moved.get(h, h)) for n, c, co, b, h in plan.unassigned]
                if known is None:
                    old_households.update(db.households(conn, moved.values()))
    if cancelled():
        raise ImportCancelled()

    for table in ("community", "compound", "building"):
        for row_id, (kind, row) in new_places.items():
            if kind != table:
                continue
            if row_id in places.tombstoned:  # named again by a roster: back, as it was
                plan.revived.append((table, row_id))
            else:
                plan.add(table, row)

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
                plan.households_created += 1
            else:
                new = {"building_id": building, "unit": r.unit, "room": r.room, "household_no": r.household_no,
                       "residence_status": r.residence_status, "deleted": 0}
                merged = _merge(old, new)
                if merged != old:
                    plan.household_updates.append({"id": household, **merged})
                    plan.touched.add(household)
                    plan.households_updated += 1
                    where = searchkeys.address(r.compound, r.building, r.unit, r.room)
                    plan.changes.extend(Change(r.row, household, where, f, old[f], merged[f], household=True)
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
            plan.persons_created += 1
        elif (new := _person_values(r, household)) == old:  # the same roster again: decided without merging
            plan.persons_unchanged += 1
        else:
            merged = _merge_values(old, new)
            if merged != old:
                plan.person_updates.append({"id": person, **dict(zip(db.PERSON_FIELDS, merged))})
                plan.touched.update({household, old[0]} - {None})
                plan.persons_updated += 1
                for f, was, now in zip(db.PERSON_FIELDS, old, merged):
                    if f == "household_id" and now != was:  # moved: told as addresses, looked up below
                        moves.append((r.row, person, r.name, was,
                                      searchkeys.address(r.compound, r.building, r.unit, r.room)))
                    elif now != was:
                        plan.changes.append(Change(r.row, person, r.name, f, was, now))
            else:
                plan.persons_unchanged += 1
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
        plan.changes.extend(Change(row, person, name, "household_id", addresses.get(was, was), now)
                            for row, person, name, was, now in moves)
        plan.changes.sort(key=lambda c: c.row)  # stable: each row's fields keep their order
    return plan



def _place(places: db.PlaceIndex, r: RosterRow, default_community: str,
           new_places: dict[str, tuple[str, dict[str, Any]]]) -> tuple[str, str | None, str]:
    """(building id, its grid, the community's name) of a row's place; missing places are added
    to `new_places`. A roster without a 社区 column: the compound of that name in the street's
    only community that has one; else the street's only community; else 未指定社区."""
    norm = ids.norm
    community_id = (places.communities.get(norm(r.community)) or places.communities.get(db.bare_community(r.community))
                    if r.community else None)
    if not r.community:
        holders = places.compound_communities.get(norm(r.compound), [])
        if len(holders) == 1:
            community_id = holders[0]
    if community_id is not None:
        community = places.community_names[community_id]
    else:
        community = r.community or default_community
        community_id = places.communities.get(norm(community)) or ids.community_id(community)
        if community_id not in places.community_names:
            new_places.setdefault(community_id, ("community", {"id": community_id, "name": community,
                                                              "division_code": None, "deleted": 0}))
    compound = places.compounds.get((community_id, norm(r.compound)))
    if compound is None:
        compound_id, whole = ids.compound_id(community, r.compound), None
        new_places.setdefault(compound_id, ("compound", {
            "id": compound_id, "community_id": community_id, "name": r.compound, "property_company": None,
            "hoa": None, "grid_id": None, "deleted": 0}))
    else:
        compound_id, whole = compound
    building = places.buildings.get((compound_id, norm(r.building)))
    if building is not None:
        return building[0], building[1], community
    # A new building of a compound a grid covers whole is in that grid.
    building_id = ids.building_id(compound_id, r.building)
    new_places.setdefault(building_id, ("building", {
        "id": building_id, "compound_id": compound_id, "grid_id": whole, "name": r.building, "units": None,
        "floors": None, "deleted": 0}))
    return building_id, whole, community


def _keep_later_changes(store: Store, plan: ImportPlan, saved_ms: int | None) -> None:
    """Where another laptop changed a field after the workbook was saved, keep its value: the
    update leaves that field as it is, and the roster's value becomes a conflict to review."""
    if saved_ms is None or not (plan.person_updates or plan.household_updates):
        return
    me = store.device_id
    loser_hlc = f"{saved_ms:018d}.00000"
    for table, updates, fields in (("person", plan.person_updates, db.PERSON_FIELDS),
                                   ("household", plan.household_updates, db.HOUSEHOLD_FIELDS)):
        if not updates:
            continue
        with store.read() as conn:
            later = db.changed_elsewhere_since(conn, table, (u["id"] for u in updates), saved_ms, me)
            if not later:
                continue
            current = db.persons(conn, [u["id"] for u in updates]) if table == "person" else db.households(
                conn, [u["id"] for u in updates])
        done = []
        for update in updates:
            now = current.get(update["id"])
            if now is None:
                continue
            was = now if isinstance(now, dict) else dict(zip(fields, now))
            for f in fields:
                mark = later.get((update["id"], f)) or later.get((update["id"], "*"))
                if mark is None or update[f] == was[f]:
                    continue
                change = next((c for c in plan.changes if c.person_id == update["id"] and c.field == f), None)
                if change is not None:
                    plan.changes.remove(change)
                    plan.kept.append(change)
                plan.conflicts.append((table, update["id"], f, mark[0], mark[1],
                                       json.dumps(was[f], ensure_ascii=False), loser_hlc, me,
                                       json.dumps(update[f], ensure_ascii=False)))
                update[f] = was[f]
            if all(update[f] == was[f] for f in fields):
                done.append(update)  # nothing of the roster's is left to write for this row
        for update in done:
            updates.remove(update)
            if table == "household":
                plan.households_updated -= 1
            else:
                plan.persons_updated -= 1
                plan.persons_unchanged += 1
