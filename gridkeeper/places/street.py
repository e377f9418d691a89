"""The street's structure, set up by its own office: communities, compounds, buildings, grids.

A grid (网格) covers buildings of one community, one by one or a whole
compound at once ("全部": compound.grid_id, and every building of it). A
building is in at most one grid: its `grid_id`. Households have no grid of
their own; their scope follows their building, so moving a building to
another grid moves its households with it, and the change log keeps the grid
it was in (moves()). Places are never deleted: they are tombstoned, and only
when nothing live hangs on them (the error says what does).

Ids are deterministic from names (gridkeeper.ids), so a place made here and
the same place named by a roster or a grid division table are one row.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

from gridkeeper import clock, ids
from gridkeeper.errors import QT_TRANSLATE_NOOP, Counted, GridKeeperError
from gridkeeper.rules import area_codes, phone
from gridkeeper.rules.places import building_name
from gridkeeper.store import street as queries
from gridkeeper.store.engine import Store
from gridkeeper.store.street import BuildingRow, CommunityRow, CompoundRow, GridRow

__all__ = [
    "BuildingRow",
    "CommunityRow",
    "CompoundRow",
    "CoverPreview",
    "GridMove",
    "GridRow",
    "StreetError",
    "Structure",
    "Unassigned",
    "add_building",
    "add_buildings",
    "add_community",
    "add_compound",
    "add_grid",
    "building_names",
    "cover",
    "cover_preview",
    "delete",
    "edit_building",
    "edit_community",
    "edit_compound",
    "edit_grid",
    "grid_moves",
    "may_edit",
    "moves",
    "structure",
    "unassigned",
    "uncover",
]


class StreetError(GridKeeperError):
    """A change to the street's structure that cannot be made as asked; the message says why."""


#: How each kind of dependent is counted in the refusal ("3 households").
_COUNTED = {
    "compounds": QT_TRANSLATE_NOOP("errors", "{n} compounds"),
    "grids": QT_TRANSLATE_NOOP("errors", "{n} grids"),
    "cadres": QT_TRANSLATE_NOOP("errors", "{n} cadres"),
    "buildings": QT_TRANSLATE_NOOP("errors", "{n} buildings"),
    "households": QT_TRANSLATE_NOOP("errors", "{n} households"),
    "mediations": QT_TRANSLATE_NOOP("errors", "{n} mediations"),
    "list items": QT_TRANSLATE_NOOP("errors", "{n} list items"),
    "findings": QT_TRANSLATE_NOOP("errors", "{n} night-walk findings"),
    "night walks": QT_TRANSLATE_NOOP("errors", "{n} night walks"),
    "holders": QT_TRANSLATE_NOOP("errors", "{n} cadres holding it today"),
}


@dataclass(frozen=True)
class Structure:
    """The whole street as the 网格设置 page shows it (a street has hundreds of places, not more)."""

    communities: list[CommunityRow]
    compounds: list[CompoundRow]
    buildings: list[BuildingRow]
    grids: list[GridRow]
    _by_id: dict[str, object] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for rows in (self.communities, self.compounds, self.buildings, self.grids):
            self._by_id.update({r.id: r for r in rows})

    def get(self, row_id: str | None) -> object | None:
        return self._by_id.get(row_id or "")

    def compounds_of(self, community_id: str) -> list[CompoundRow]:
        return [c for c in self.compounds if c.community_id == community_id]

    def buildings_of(self, compound_id: str) -> list[BuildingRow]:
        return [b for b in self.buildings if b.compound_id == compound_id]

    def grids_of(self, community_id: str) -> list[GridRow]:
        return [g for g in self.grids if g.community_id == community_id]

    def buildings_in(self, grid_id: str) -> list[BuildingRow]:
        return [b for b in self.buildings if b.grid_id == grid_id]

    def households_in(self, grid_id: str) -> int:
        return sum(b.households for b in self.buildings_in(grid_id))


def structure(store: Store) -> Structure:
    with store.read() as conn:
        return Structure(queries.communities(conn), queries.compounds(conn), queries.buildings(conn),
                         queries.grids(conn))


#: One whole sentence per kind: a kind's English name inside a translated sentence would stay English.
_NEEDS_NAME = {
    "community": QT_TRANSLATE_NOOP("errors", "The community needs a name."),
    "compound": QT_TRANSLATE_NOOP("errors", "The compound needs a name."),
    "building": QT_TRANSLATE_NOOP("errors", "The building needs a name."),
    "grid": QT_TRANSLATE_NOOP("errors", "The grid needs a name."),
}
_COUNT_RANGE = {
    "units": QT_TRANSLATE_NOOP("errors", "The number of units must be between 1 and 199."),
    "floors": QT_TRANSLATE_NOOP("errors", "The number of floors must be between 1 and 199."),
}


def _name(text: str, what: str) -> str:
    name = " ".join(text.split())
    if not name:
        raise StreetError(_NEEDS_NAME[what])
    return name


def _live(conn: object, table: str, row_id: str | None) -> object:
    r = queries.row(conn, table, row_id) if row_id else None  # type: ignore[arg-type]
    if r is None or r.deleted:
        raise StreetError(QT_TRANSLATE_NOOP("errors", "That place is no longer on file (deleted on another laptop?)."))
    return r


def _taken(existing: list[object], name: str, row_id: str | None = None) -> None:
    """Refuse a second live place of the same name beside another (ids are made from names)."""
    for r in existing:
        if ids.norm(r.name) == ids.norm(name) and r.id != row_id:  # type: ignore[attr-defined]
            raise StreetError(QT_TRANSLATE_NOOP("errors", "“{name}” is already there."), name=name)


# --- communities -------------------------------------------------------------------------------------

def add_community(store: Store, name: str, division_code: str = "") -> str:
    name = _name(name, "community")
    code = "".join(division_code.split()) or None
    if code and not code.isdigit():
        raise StreetError(QT_TRANSLATE_NOOP("errors", "A division code has digits only, like 330382001001."))
    row_id = ids.community_id(name)
    with store.begin() as conn:
        _taken(queries.communities(conn), name)
        queries.insert(conn, "community", {"id": row_id, "deleted": 0, "name": name, "division_code": code})
    return row_id


def edit_community(store: Store, community_id: str, name: str, division_code: str = "") -> None:
    name = _name(name, "community")
    code = "".join(division_code.split()) or None
    if code and not code.isdigit():
        raise StreetError(QT_TRANSLATE_NOOP("errors", "A division code has digits only, like 330382001001."))
    with store.begin() as conn:
        _live(conn, "community", community_id)
        _taken(queries.communities(conn), name, community_id)
        queries.update(conn, "community", community_id, {"name": name, "division_code": code})


# --- compounds ---------------------------------------------------------------------------------------

def add_compound(store: Store, community_id: str, name: str, property_company: str = "", hoa: str = "") -> str:
    name = _name(name, "compound")
    with store.begin() as conn:
        community = _live(conn, "community", community_id)
        _taken([c for c in queries.compounds(conn) if c.community_id == community_id], name)
        row_id = ids.compound_id(community.name, name)  # type: ignore[attr-defined]
        queries.insert(conn, "compound", {"id": row_id, "deleted": 0, "community_id": community_id, "name": name,
                                          "property_company": property_company.strip() or None,
                                          "hoa": hoa.strip() or None, "grid_id": None})
    return row_id


def edit_compound(store: Store, compound_id: str, name: str, property_company: str = "", hoa: str = "") -> None:
    name = _name(name, "compound")
    with store.begin() as conn:
        compound = _live(conn, "compound", compound_id)
        _taken([c for c in queries.compounds(conn) if c.community_id == compound.community_id],  # type: ignore
               name, compound_id)
        queries.update(conn, "compound", compound_id, {"name": name, "property_company": property_company.strip()
                                                       or None, "hoa": hoa.strip() or None})


# --- buildings ---------------------------------------------------------------------------------------

def _count(value: int | None, what: str) -> int | None:
    if value is not None and not 0 < value < 200:
        raise StreetError(_COUNT_RANGE[what])
    return value


def add_building(store: Store, compound_id: str, name: str, units: int | None = None,
                 floors: int | None = None) -> str:
    """A building of the compound, named as rosters name it ("3" and "三号楼" become "3幢");
    it lands in the grid that covers its whole compound, if one does."""
    name = building_name(_name(name, "building"))
    with store.begin() as conn:
        compound = _live(conn, "compound", compound_id)
        _taken([b for b in queries.buildings(conn) if b.compound_id == compound_id], name)
        return _insert_building(conn, compound, name, units, floors)


def _insert_building(conn: object, compound: object, name: str, units: int | None, floors: int | None) -> str:
    row_id = ids.building_id(compound.id, name)  # type: ignore[attr-defined]
    queries.insert(conn, "building", {"id": row_id, "deleted": 0, "compound_id": compound.id,  # type: ignore
                                      "name": name, "units": _count(units, "units"),
                                      "floors": _count(floors, "floors"),
                                      "grid_id": compound.grid_id})  # type: ignore[attr-defined]
    return row_id


#: "1-12" may name this many buildings at most: "1-1200" is a typing mistake, not a compound.
MAX_BUILDINGS = 300
_SEPARATORS = re.compile(r"[、,;/\s]+")
_SUFFIX = r"(?:号楼|号幢|号栋|幢|栋|号|#)?"
_RANGE = re.compile(rf"(\d+){_SUFFIX}[-~至到—–]+(\d+){_SUFFIX}")


def building_names(text: str) -> list[str]:
    """The buildings a line names, each once, in its order: "1-12" is 1幢…12幢, "1、3、5号楼" three,
    "1-3幢, 综合楼" four; names spelled as rosters spell them ("03" and "3号楼" are "3幢")."""
    clean = unicodedata.normalize("NFKC", text).replace("～", "~").replace("，", ",").replace("；", ";")
    names: list[str] = []
    for token in _SEPARATORS.split(clean.strip()):
        if not token:
            continue
        match = _RANGE.fullmatch(token)
        if match:
            first, last = int(match.group(1)), int(match.group(2))
            if first > last:
                raise StreetError(QT_TRANSLATE_NOOP("errors", "“{text}” counts backwards; write it as {last}-{first}."),
                                  text=token, first=first, last=last)
            if last - first + 1 > MAX_BUILDINGS:
                raise StreetError(QT_TRANSLATE_NOOP("errors", "“{text}” names more than {n} buildings."),
                                  text=token, n=MAX_BUILDINGS)
            names.extend(f"{i}幢" for i in range(first, last + 1))
        else:
            names.append(building_name(token))
    unique = list(dict.fromkeys(names))
    if not unique:
        raise StreetError(_NEEDS_NAME["building"])
    if len(unique) > MAX_BUILDINGS:
        raise StreetError(QT_TRANSLATE_NOOP("errors", "“{text}” names more than {n} buildings."),
                          text=text.strip(), n=MAX_BUILDINGS)
    return unique


def add_buildings(store: Store, compound_id: str, text: str, units: int | None = None,
                  floors: int | None = None) -> tuple[list[str], list[str]]:
    """Several buildings at once ("1-12"), in one transaction; returns (ids added, names that were
    there already and were left as they are)."""
    names = building_names(text)
    _count(units, "units"), _count(floors, "floors")
    with store.begin() as conn:
        compound = _live(conn, "compound", compound_id)
        there = {ids.norm(b.name) for b in queries.buildings(conn) if b.compound_id == compound_id}
        added = [_insert_building(conn, compound, n, units, floors) for n in names if ids.norm(n) not in there]
    return added, [n for n in names if ids.norm(n) in there]


def edit_building(store: Store, building_id: str, name: str, units: int | None = None,
                  floors: int | None = None) -> None:
    name = building_name(_name(name, "building"))
    with store.begin() as conn:
        building = _live(conn, "building", building_id)
        _taken([b for b in queries.buildings(conn) if b.compound_id == building.compound_id],  # type: ignore
               name, building_id)
        queries.update(conn, "building", building_id, {"name": name, "units": _count(units, "units"),
                                                       "floors": _count(floors, "floors")})


# --- grids -------------------------------------------------------------------------------------------

def add_grid(store: Store, community_id: str, name: str, code: str = "") -> str:
    name = _name(name, "grid")
    with store.begin() as conn:
        community = _live(conn, "community", community_id)
        _taken([g for g in queries.grids(conn) if g.community_id == community_id], name)
        _code_free(conn, code.strip())
        row_id = ids.grid_id(community.name, name)  # type: ignore[attr-defined]
        queries.insert(conn, "grid", {"id": row_id, "deleted": 0, "community_id": community_id, "name": name,
                                      "code": code.strip() or None})
    return row_id


def _code_free(conn: object, code: str, grid_id: str | None = None) -> None:
    if code and any(g.code == code and g.id != grid_id for g in queries.grids(conn)):  # type: ignore[arg-type]
        raise StreetError(QT_TRANSLATE_NOOP("errors", "Another grid already has the code {code}."), code=code)


def edit_grid(store: Store, grid_id: str, name: str, code: str = "") -> None:
    name = _name(name, "grid")
    with store.begin() as conn:
        grid = _live(conn, "grid", grid_id)
        _taken([g for g in queries.grids(conn) if g.community_id == grid.community_id], name, grid_id)  # type: ignore
        _code_free(conn, code.strip(), grid_id)
        queries.update(conn, "grid", grid_id, {"name": name, "code": code.strip() or None})


def cover(store: Store, grid_id: str, building_ids: list[str] = (), compound_ids: list[str] = ()) -> int:  # type: ignore[assignment]
    """Put buildings, and whole compounds, in the grid; returns how many buildings changed grid.

    A building leaves the grid it was in (a building is in at most one grid); a compound
    covered whole stays so for its future buildings. Moving one building of a compound
    covered whole by another grid leaves that compound divided (its grid_id cleared).
    One transaction: all of it or nothing. Only the moved households' grid in the search index
    is rewritten (queries.regrid), not all their keys: the building trigger re-keyed a compound
    of 757 households in 3.1 s."""
    touched: set[str] = set()
    with store.begin_unindexed() as conn:
        grid = _live(conn, "grid", grid_id)
        moved = 0
        for compound_id in compound_ids:
            compound = _live(conn, "compound", compound_id)
            _same_community(compound.community_id, grid)  # type: ignore[attr-defined]
            queries.update(conn, "compound", compound_id, {"grid_id": grid_id})
            moved += queries.set_grid_of_buildings(conn, queries.buildings_of_compound(conn, compound_id), grid_id,
                                                   touched)
        for building_id in building_ids:
            building = _live(conn, "building", building_id)
            compound = _live(conn, "compound", building.compound_id)  # type: ignore[attr-defined]
            _same_community(compound.community_id, grid)  # type: ignore[attr-defined]
            if compound.grid_id not in (None, grid_id):  # type: ignore[attr-defined]
                queries.update(conn, "compound", compound.id, {"grid_id": None})  # type: ignore[attr-defined]
            moved += queries.set_grid_of_buildings(conn, [building_id], grid_id, touched)
        queries.regrid(conn, touched)
    return moved


def _same_community(community_id: str, grid: object) -> None:
    if community_id != grid.community_id:  # type: ignore[attr-defined]
        raise StreetError(QT_TRANSLATE_NOOP(
            "errors", "A grid covers buildings of its own community only; this place is in another community."))


def uncover(store: Store, building_ids: list[str] = (), compound_ids: list[str] = ()) -> int:  # type: ignore[assignment]
    """Take buildings (and whole compounds) out of their grid: their households become 未划网格
    (their grid in the search index rewritten at the end, as in cover())."""
    touched: set[str] = set()
    with store.begin_unindexed() as conn:
        out = 0
        for compound_id in compound_ids:
            _live(conn, "compound", compound_id)
            queries.update(conn, "compound", compound_id, {"grid_id": None})
            out += queries.set_grid_of_buildings(conn, queries.buildings_of_compound(conn, compound_id), None,
                                                 touched)
        for building_id in building_ids:
            building = _live(conn, "building", building_id)
            queries.update(conn, "compound", building.compound_id, {"grid_id": None})  # type: ignore[attr-defined]
            out += queries.set_grid_of_buildings(conn, [building_id], None, touched)
        queries.regrid(conn, touched)
    return out


# --- deleting ----------------------------------------------------------------------------------------

def delete(store: Store, kind: str, row_id: str) -> None:
    """Tombstone a community, compound, building or grid; refused, saying what hangs on it,
    while anything live does (households, buildings, cadres holding a grid today...)."""
    if kind not in queries.DEPENDENTS:
        raise ValueError(kind)
    with store.begin() as conn:
        row = _live(conn, kind, row_id)
        hanging = queries.dependents(conn, kind, row_id)
        if kind == "grid":
            holders = queries.current_holders(conn, row_id, clock.today().isoformat())
            if holders:
                hanging["holders"] = holders
        if hanging:
            raise StreetError(QT_TRANSLATE_NOOP("errors", "“{name}” cannot be deleted while it has {what}."),
                              name=row.name,  # type: ignore[attr-defined]
                              what=Counted((_COUNTED[k], n) for k, n in hanging.items()))
        queries.update(conn, kind, row_id, {"deleted": 1})


# --- households in no grid ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Unassigned:
    compound_id: str
    compound: str
    building_id: str
    building: str
    households: int


def unassigned(store: Store) -> list[Unassigned]:
    """Buildings with live households that no grid covers (未划网格), by compound."""
    with store.read() as conn:
        return [Unassigned(*r) for r in queries.unassigned(conn)]


@dataclass(frozen=True)
class Move:
    at: datetime
    building_id: str
    grid_id: str | None


def moves(store: Store, building_ids: list[str]) -> list[Move]:
    """Every grid a building was put in, oldest first, from the change log (synced moves too)."""
    with store.read() as conn:
        rows = queries.grid_moves(conn, building_ids)
    return [Move(datetime.fromtimestamp(int(hlc.split(".", 1)[0]) / 1000), b, json.loads(v) if v else None)
            for hlc, b, v in rows]


@dataclass(frozen=True)
class CoverPreview:
    """What a cover (or, with no grid, an uncover) would change: buildings and households that
    change grid, and from which grids (None: from no grid), largest first."""

    buildings: int
    households: int
    sources: list[tuple[str | None, int, int]]  # (grid id the buildings leave, buildings, households)


def cover_preview(whole: Structure, grid_id: str | None, building_ids: list[str] = (),  # type: ignore[assignment]
                  compound_ids: list[str] = ()) -> CoverPreview:  # type: ignore[assignment]
    """The buildings cover() (or uncover() when grid_id is None) would move, counted from `whole`:
    the dialog says how many households move and from which grid before anything is written."""
    chosen = {b.id: b for c in compound_ids for b in whole.buildings_of(c)}
    chosen.update({b: whole.get(b) for b in building_ids if whole.get(b) is not None})  # type: ignore[misc]
    by_source: dict[str | None, list[int]] = {}
    for b in chosen.values():
        if b.grid_id != grid_id:  # type: ignore[attr-defined]
            counts = by_source.setdefault(b.grid_id, [0, 0])  # type: ignore[attr-defined]
            counts[0] += 1
            counts[1] += b.households  # type: ignore[attr-defined]
    sources = sorted(((g, n, h) for g, (n, h) in by_source.items()), key=lambda s: (-s[2], -s[1]))
    return CoverPreview(sum(s[1] for s in sources), sum(s[2] for s in sources), sources)


@dataclass(frozen=True)
class GridMove:
    """A building entering or leaving a grid (`other`: the grid it came from or went to, None: no grid)."""

    at: datetime
    building_id: str
    entered: bool
    other: str | None


def grid_moves(all_moves: list[Move], grid_id: str) -> list[GridMove]:
    """The buildings that entered or left the grid, oldest first, from moves() of the buildings."""
    last: dict[str, str | None] = {}
    out: list[GridMove] = []
    for m in all_moves:
        before = last.get(m.building_id)
        last[m.building_id] = m.grid_id
        if m.grid_id == before:
            continue
        if m.grid_id == grid_id:
            out.append(GridMove(m.at, m.building_id, True, before))
        elif before == grid_id:
            out.append(GridMove(m.at, m.building_id, False, m.grid_id))
    return out


def may_edit(store: Store) -> bool:
    """Who may change the street's structure in the app: an office's admin, or a laptop in no
    office (its own user is its admin) — the same people who may read the audit log."""
    from gridkeeper.sync import office

    return office.office_id(store) is None or office.is_admin(store)


def area_code(store: Store, chosen: str = "") -> str:
    """The area code a landline written without one takes: `chosen` (a command's --area-code),
    else this profile's setting when it holds one, else the street's, from its communities'
    division codes (0577 for Yueqing); "" if unknown."""
    from gridkeeper import settings as cfg  # device-local: read where it is used, not at import

    chosen = (chosen or cfg.Settings(store.root).get(cfg.AREA_CODE)).strip()
    if phone.AREA_CODE.fullmatch(chosen):
        return chosen
    with store.read() as conn:
        for row in queries.communities(conn):
            found = area_codes.from_division(row.division_code)
            if found:
                return found
    return ""
