"""Plan: a checked division table compared with the profile's places and cadres.

What the table says about the grids it lists is the whole truth about them: their buildings
and whole compounds, and who holds them today. So, for each grid in the table:
- a building (or whole compound) it lists is put in it; one that was in another grid moves
  (building_moved), and its households follow (their scope is the building's grid);
- a building the profile has in it that the table no longer lists leaves it (building_released);
- a cadre the table lists and who does not hold it today starts a stint today; one who holds
  it today and is no longer listed ends the stint today (cadre_released).
Grids the table does not list are left as they are. What is missing is created with the
deterministic ids of gridkeeper.ids, so a roster and the table name the same rows; a row the
office created by hand (another id) is found by its name.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from gridkeeper import clock, ids
from gridkeeper.errors import QT_TRANSLATE_NOOP
from gridkeeper.io.roster_rows import ERROR, WARNING, Issue
from gridkeeper.places.division.checking import CheckedTable
from gridkeeper.rules import cadre_roles
from gridkeeper.store import division as db
from gridkeeper.store.engine import Store

_M_MOVED = QT_TRANSLATE_NOOP("roster", "{building} of {compound} moves from {old} to {new}; its households follow.")
_M_RELEASED_BUILDING = QT_TRANSLATE_NOOP(
    "roster", "{building} of {compound} is no longer in {grid}: the table does not list it (it is in no grid now).")
_M_RELEASED_CADRE = QT_TRANSLATE_NOOP(
    "roster", "{name} is no longer listed for {grid}: their stint there ends, {day} being their last day.")
_M_CODE_TAKEN = QT_TRANSLATE_NOOP(
    "roster", "The grid code {code} is already the code of {grid}, which the table does not list.")
_M_AMBIGUOUS = QT_TRANSLATE_NOOP(
    "roster", "The profile has {count} cadres named {name}: give the phone number to say which one.")

_ID_FIELDS = {"grid_id": "grid", "community_id": "community", "compound_id": "compound", "cadre_id": "cadre"}


@dataclass(frozen=True)
class Change:
    """One row created or one field changed, as the report lists it."""

    table: str
    row_id: str
    what: str  # the row's name as the user knows it: "塘川社区 第1网格", "阳光花园 3幢", "张三"
    field: str  # "*" for a row created
    old: Any = None
    new: Any = None


@dataclass
class DivisionPlan:
    checked: CheckedTable = field(repr=False)
    store: Store = field(repr=False)
    today: date
    mark: int = 0
    inserts: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list), repr=False)
    updates: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list, repr=False)
    changes: list[Change] = field(default_factory=list, repr=False)
    rejected: list[Issue] = field(default_factory=list, repr=False)  # against the profile (cadre_ambiguous)
    warnings: list[Issue] = field(default_factory=list, repr=False)
    moved_buildings: set[str] = field(default_factory=set, repr=False)  # their households are re-keyed for search
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    @property
    def empty(self) -> bool:
        return not self.updates and not any(self.inserts.values())

    def insert(self, table: str, row: dict[str, Any], what: str) -> None:
        self.inserts[table].append(row)
        self.changes.append(Change(table, row["id"], what, "*"))
        self.counts[f"{table}_created"] += 1


def plan(store: Store, checked: CheckedTable, *, today: date | None = None) -> DivisionPlan:
    """What importing `checked` changes in `store`; nothing when a row is rejected (the table is
    imported whole or not at all)."""
    day = today or clock.today()
    with store.read() as conn:
        places = db.read_places(conn)
    p = DivisionPlan(checked, store, day, places.mark)
    if checked.rejected:
        return p
    _Planner(p, places).run()
    return p


class _Planner:
    def __init__(self, plan: DivisionPlan, places: db.Places) -> None:
        self.p = plan
        self.rows = places.rows
        self.places = places
        self.new_ids: set[str] = set()

    # -- finding rows: by deterministic id, else a live row of the same name, else revived --

    def _find(self, table: str, wanted_id: str, match: dict[str, Any]) -> dict[str, Any] | None:
        row = self.rows[table].get(wanted_id)
        if (row is not None and not row["deleted"]) or not match:
            return row
        for other in self.rows[table].values():
            if not other["deleted"] and all(ids.norm(str(other[k] or "")) == ids.norm(str(v or ""))
                                            for k, v in match.items()):
                return other
        return row  # tombstoned: revived by the caller

    def _ensure(self, table: str, wanted_id: str, match: dict[str, Any], new: dict[str, Any],
                what: str) -> dict[str, Any]:
        row = self._find(table, wanted_id, match)
        if row is None:
            row = {c: None for c in db.COLUMNS[table]} | {"id": wanted_id, "deleted": False} | new
            self.rows[table][wanted_id] = row
            self.new_ids.add(wanted_id)
            self.p.insert(table, row, what)
        elif row["deleted"]:
            self._update(table, row, {"deleted": False, **{k: v for k, v in new.items() if v is not None}}, what)
        return row

    def _update(self, table: str, row: dict[str, Any], values: dict[str, Any], what: str) -> None:
        values = {k: v for k, v in values.items() if row.get(k) != v}
        if not values:
            return
        if row["id"] in self.new_ids:  # a row this plan inserts: it is inserted with these values
            row.update(values)
            return
        before = dict(row)
        self.p.updates.append((table, row["id"], values))
        row.update(values)
        for k, v in values.items():
            if k == "deleted" and v is False:  # a tombstoned row the table names again
                self.p.changes.append(Change(table, row["id"], what, "revived"))
            elif k != "deleted":
                shown = _ID_FIELDS.get(k)
                old, new = before.get(k), v
                if shown is not None:  # an id is shown as the row's name
                    old, new = self._name(shown, old), self._name(shown, new)
                self.p.changes.append(Change(table, row["id"], what, k, old, new))
        self.p.counts[f"{table}_updated"] += 1

    def _name(self, table: str, row_id: str | None) -> str:
        if row_id is None:
            return "—"
        row = self.rows[table].get(row_id)
        if row is None:
            return row_id
        if table == "grid":
            community = self.rows["community"].get(row["community_id"])
            return f"{community['name'] if community else ''}{row['name']}"
        return str(row["name"])

    def run(self) -> None:
        table_rows = self.p.checked.rows
        grids: dict[tuple[str, str], dict[str, Any]] = {}
        first_row: dict[str, int] = {}
        communities: dict[str, dict[str, Any]] = {}
        for r in table_rows:
            community = communities.get(r.community)
            if community is None:
                community = communities[r.community] = self._ensure(
                    "community", ids.community_id(r.community), {"name": r.community},
                    {"name": r.community}, r.community)
            key = (r.community, r.grid)
            if key not in grids:
                gid = ids.grid_id(r.community, r.grid)
                found = self._find("grid", gid, {"community_id": community["id"], "name": r.grid})
                if (found is None or found["deleted"]) and r.grid_code:
                    by_code = next((g for g in self.places.live("grid") if g["community_id"] == community["id"]
                                    and g["code"] == r.grid_code), None)
                    found = by_code or found
                if found is None:
                    found = self._ensure("grid", gid, {}, {"community_id": community["id"], "name": r.grid,
                                                            "code": r.grid_code}, f"{r.community}{r.grid}")
                else:
                    self._update("grid", found, {"deleted": False, "name": r.grid,
                                                 **({"code": r.grid_code} if r.grid_code else {})},
                                 f"{r.community}{r.grid}")
                grids[key] = found
                first_row[found["id"]] = r.row
            elif r.grid_code and grids[key]["code"] != r.grid_code:
                self._update("grid", grids[key], {"code": r.grid_code}, f"{r.community}{r.grid}")
        listed = {g["id"] for g in grids.values()}
        for other in self.places.live("grid"):  # a code is one grid's in the whole street (places/street.py)
            if other["id"] in listed or not other["code"]:
                continue
            for (community, name), mine in grids.items():
                if mine["code"] == other["code"]:
                    self.p.rejected.append(Issue(first_row[mine["id"]], "", "grid_code", "grid_code_taken", ERROR,
                                                 _M_CODE_TAKEN, (("code", other["code"]),
                                                                 ("grid", self._name("grid", other["id"])))))
        if self.p.rejected:
            return
        self._places(table_rows, grids, communities, listed, first_row)
        self._cadres(table_rows, grids, listed, first_row)

    def _places(self, table_rows, grids, communities, listed, first_row) -> None:  # type: ignore[no-untyped-def]
        # The compounds the table names, and what it gives each: a whole grid or buildings by grid.
        whole: dict[str, tuple[str, int]] = {}
        parts: dict[str, dict[str, tuple[str, int]]] = defaultdict(dict)
        compounds: dict[str, dict[str, Any]] = {}
        for r in table_rows:
            community = communities[r.community]
            compound = compounds.get(f"{r.community}|{r.compound}")
            if compound is None:
                compound = self._ensure("compound", ids.compound_id(r.community, r.compound),
                                        {"community_id": community["id"], "name": r.compound},
                                        {"community_id": community["id"], "name": r.compound}, r.compound)
                compounds[f"{r.community}|{r.compound}"] = compound
            grid_id = grids[(r.community, r.grid)]["id"]
            if r.buildings.whole:
                whole[compound["id"]] = (grid_id, r.row)
            else:
                for name in r.buildings.names:
                    parts[compound["id"]][name] = (grid_id, r.row)
        buildings_of: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for b in self.places.live("building"):
            buildings_of[b["compound_id"]].append(b)
        targets: dict[str, tuple[str | None, int]] = {}  # building id -> (grid, row)
        for compound_id, (grid_id, row) in whole.items():
            compound = self.rows["compound"][compound_id]
            self._update("compound", compound, {"grid_id": grid_id}, compound["name"])
            for b in buildings_of[compound_id]:
                targets[b["id"]] = (grid_id, row)
        for compound_id, names in parts.items():
            compound = self.rows["compound"][compound_id]
            if compound_id not in whole:  # given by buildings only: no grid covers it whole any more
                self._update("compound", compound, {"grid_id": None}, compound["name"])
            for name, (grid_id, row) in names.items():
                bid = ids.building_id(compound_id, name)
                b = self._find("building", bid, {"compound_id": compound_id, "name": name})
                if b is None:
                    b = self._ensure("building", bid, {}, {"compound_id": compound_id, "name": name,
                                                           "grid_id": grid_id}, f"{compound['name']} {name}")
                    buildings_of[compound_id].append(b)
                elif b["deleted"]:
                    self._update("building", b, {"deleted": False}, f"{compound['name']} {name}")
                targets[b["id"]] = (grid_id, row)
        # Compounds a listed grid covered whole that the table no longer gives it.
        for compound in self.places.live("compound"):
            if compound["grid_id"] in listed and compound["id"] not in whole:
                self._update("compound", compound, {"grid_id": None}, compound["name"])
        for b in self.places.live("building"):
            compound = self.rows["compound"].get(b["compound_id"]) or {"name": ""}
            what = f"{compound['name']} {b['name']}"
            target = targets.get(b["id"])
            if target is None:
                if b["grid_id"] in listed:
                    self.p.warnings.append(_warn(first_row[b["grid_id"]], "building_released", _M_RELEASED_BUILDING,
                                                 building=b["name"], compound=compound["name"],
                                                 grid=self._name("grid", b["grid_id"])))
                    self.p.moved_buildings.add(b["id"])
                    self._update("building", b, {"grid_id": None}, what)
                continue
            grid_id, row = target
            if b["grid_id"] != grid_id:
                if b["grid_id"] is not None:
                    self.p.warnings.append(_warn(row, "building_moved", _M_MOVED, building=b["name"],
                                                 compound=compound["name"], old=self._name("grid", b["grid_id"]),
                                                 new=self._name("grid", grid_id)))
                    self.p.counts["buildings_moved"] += 1
                self.p.moved_buildings.add(b["id"])
                self._update("building", b, {"grid_id": grid_id}, what)

    def _cadres(self, table_rows, grids, listed, first_row) -> None:  # type: ignore[no-untyped-def]
        people: dict[str, dict[str, Any]] = {}  # name -> {"phone", "role", "grids": [grid ids], "row"}
        for r in table_rows:
            grid_id = grids[(r.community, r.grid)]["id"]
            for c in r.cadres:
                entry = people.setdefault(c.name, {"phone": None, "role": c.role, "grids": [], "row": r.row})
                entry["phone"] = entry["phone"] or c.phone
                if grid_id not in entry["grids"]:
                    entry["grids"].append(grid_id)
        wanted: set[tuple[str, str]] = set()
        for name, entry in people.items():
            cadre = self.rows["cadre"].get(ids.cadre_id(name, entry["phone"]))
            if cadre is None or cadre["deleted"]:
                same = [c for c in self.places.live("cadre") if c["name"] == name]
                if entry["phone"]:
                    same = [c for c in same if not c["phone"] or c["phone"] == entry["phone"]] or (
                        same if len(same) == 1 else [])
                if len(same) > 1:
                    self.p.rejected.append(Issue(entry["row"], "", "cadre", "cadre_ambiguous", ERROR, _M_AMBIGUOUS,
                                                 (("count", str(len(same))), ("name", name))))
                    continue
                cadre = same[0] if same else cadre
            communities = {self.rows["grid"][g]["community_id"] for g in entry["grids"]}
            if cadre is None:
                cadre = self._ensure("cadre", ids.cadre_id(name, entry["phone"]), {}, {
                    "name": name, "phone": entry["phone"], "role": entry["role"],
                    "community_id": next(iter(communities)) if len(communities) == 1 else None}, name)
            else:
                same_role = cadre_roles.normalise(cadre["role"]) == cadre_roles.normalise(entry["role"])
                self._update("cadre", cadre, {"deleted": False, "role": cadre["role"] if same_role else entry["role"],
                                              **({"phone": entry["phone"]} if entry["phone"] else {})}, name)
            for g in entry["grids"]:
                wanted.add((cadre["id"], g))
        if self.p.rejected:
            return
        # A stint's end day is the last day the cadre held the grid (places/staff.py): one the table
        # no longer lists ends yesterday, and today the grid is held by whom the table says.
        day = self.p.today
        last_day = day - timedelta(days=1)
        open_: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)  # not over by today
        ended: dict[tuple[str, str], dict[str, Any]] = {}  # ended yesterday: listed again, it goes on
        for a in self.places.live("assignment"):
            if a["grid_id"] not in listed:
                continue
            key = (a["cadre_id"], a["grid_id"])
            if a["end_date"] is None or a["end_date"] >= day:
                open_[key].append(a)
            elif a["end_date"] == last_day:
                ended[key] = a
        for key in sorted(wanted - set(open_)):
            cadre_id, grid_id = key
            what = f"{self._name('cadre', cadre_id)} · {self._name('grid', grid_id)}"
            if key in ended:  # released yesterday (or by this morning's import) and listed again
                self._update("assignment", ended[key], {"end_date": None}, what)
                continue
            first = ids.assignment_id(cadre_id, grid_id)
            aid = first if first not in self.rows["assignment"] else ids.assignment_id(cadre_id, grid_id,
                                                                                        day.isoformat())
            self._ensure("assignment", aid, {}, {"cadre_id": cadre_id, "grid_id": grid_id, "start_date": day,
                                                 "end_date": None}, what)
            self._update("assignment", self.rows["assignment"][aid], {"start_date": day, "end_date": None}, what)
        for key in sorted(set(open_) - wanted):
            cadre_id, grid_id = key
            what = f"{self._name('cadre', cadre_id)} · {self._name('grid', grid_id)}"
            self.p.warnings.append(_warn(first_row[grid_id], "cadre_released", _M_RELEASED_CADRE,
                                         name=self._name("cadre", cadre_id), grid=self._name("grid", grid_id),
                                         day=last_day.isoformat()))
            for a in open_[key]:
                if a["start_date"] is not None and a["start_date"] > last_day:  # never began: a mistake undone
                    self._update("assignment", a, {"deleted": True}, what)
                    self.p.changes.append(Change("assignment", a["id"], what, "deleted", False, True))
                else:
                    self._update("assignment", a, {"end_date": last_day}, what)


def _warn(row: int, code: str, message: str, **params: object) -> Issue:
    return Issue(row, "", "", code, WARNING, message, tuple((k, str(v)) for k, v in params.items()))
