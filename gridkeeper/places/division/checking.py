"""Check: every row of a division table alone (io/division_table), then the rows against each
other. A table is imported whole or not at all, so one rejected row refuses it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from gridkeeper.errors import QT_TRANSLATE_NOOP
from gridkeeper.io import division_table
from gridkeeper.io.division_table import DivisionSheet, TableRow
from gridkeeper.io.roster_rows import ERROR, WARNING, Issue

_M_TWO_GRIDS = QT_TRANSLATE_NOOP(
    "roster", "{building} of {compound} is claimed by {grids}: a building is in one grid only (rows {rows}).")
_M_WHOLE_TWO_GRIDS = QT_TRANSLATE_NOOP(
    "roster", "{compound} is given whole (全部) to {grid} and in part to {others}: a building is in one grid only "
              "(rows {rows}).")
_M_UNIT_SPLIT = QT_TRANSLATE_NOOP(
    "roster", "{building} of {compound} is split by unit between {grids}: a building is in one grid only, whole "
              "(rows {rows}).")
_M_GRID_TWO_COMMUNITIES = QT_TRANSLATE_NOOP(
    "roster", "The grid code {code} is given to {grids}, in different communities (rows {rows}).")
_M_GRID_CODES = QT_TRANSLATE_NOOP("roster", "{grid} is given two codes, {codes} (rows {rows}).")
_M_CODE_TWO_GRIDS = QT_TRANSLATE_NOOP("roster", "The grid code {code} is given to {grids} (rows {rows}).")
_M_PHONE_CONFLICT = QT_TRANSLATE_NOOP(
    "roster", "{name} is given the phones {phones} (rows {rows}); if they are two people, tell them apart by name.")
_M_TWO_ROLES = QT_TRANSLATE_NOOP(
    "roster", "{name} is listed as {roles}; a cadre has one role in the profile: {role} is kept.")


@dataclass
class CheckedTable:
    sheet: DivisionSheet
    rows: list[TableRow] = field(repr=False)
    rejected: list[Issue] = field(default_factory=list, repr=False)
    warnings: list[Issue] = field(default_factory=list, repr=False)

    @property
    def rejected_rows(self) -> list[int]:
        return sorted({i.row for i in self.rejected})

    @property
    def accepted(self) -> bool:
        return not self.rejected


def _rows(numbers: set[int]) -> str:
    return "、".join(str(n) for n in sorted(numbers))


def check(sheet: DivisionSheet, *, community: str | None = None) -> CheckedTable:
    """The rows of `sheet` checked alone and together. `community`: the profile's only community,
    for a table that names none."""
    rows = division_table.table_rows(sheet, community=community)
    issues: list[Issue] = [i for r in rows for i in r.issues]
    issues += division_table.ignored_columns(sheet)
    ok = [r for r in rows if not r.rejected]
    issues += _buildings(ok) + _grids(ok) + _cadres(ok)
    return CheckedTable(sheet, rows, [i for i in issues if i.severity == ERROR],
                        [i for i in issues if i.severity == WARNING])


def _issue(row: int, reason: str, message: str, severity: str = ERROR, **params: object) -> Issue:
    return Issue(row, "", "", reason, severity, message, tuple((k, str(v)) for k, v in params.items()))


def _buildings(rows: list[TableRow]) -> list[Issue]:
    """A building in at most one grid: the rows that give it (or its whole compound) to two grids
    are all refused."""
    out: list[Issue] = []
    by_compound: dict[tuple[str, str], list[TableRow]] = defaultdict(list)
    for r in rows:
        by_compound[(r.community, r.compound)].append(r)
    for (_community, compound), claims in by_compound.items():
        grids = {r.grid for r in claims}
        wholes = [r for r in claims if r.buildings is not None and r.buildings.whole]
        if wholes and len(grids) > 1:
            whole_grid = wholes[0].grid
            numbers = {r.row for r in claims}
            for r in claims:
                out.append(_issue(r.row, "building_in_two_grids", _M_WHOLE_TWO_GRIDS, compound=compound,
                                  grid=whole_grid, others="、".join(sorted(grids - {whole_grid})) or whole_grid,
                                  rows=_rows(numbers)))
            continue
        owners: dict[str, dict[str, list[TableRow]]] = defaultdict(lambda: defaultdict(list))
        for r in claims:
            for name in (r.buildings.names if r.buildings is not None else ()):
                owners[name][r.grid].append(r)
        for name, by_grid in owners.items():
            if len(by_grid) < 2:
                continue
            involved = [r for grid_rows in by_grid.values() for r in grid_rows]
            numbers = {r.row for r in involved}
            split = any(r.unit for r in involved)
            for r in involved:
                out.append(_issue(r.row, "unit_split" if split else "building_in_two_grids",
                                  _M_UNIT_SPLIT if split else _M_TWO_GRIDS, building=name, compound=compound,
                                  grids="、".join(sorted(by_grid)), rows=_rows(numbers)))
    return out


def _grids(rows: list[TableRow]) -> list[Issue]:
    out: list[Issue] = []
    codes: dict[tuple[str, str], dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    by_code: dict[str, dict[tuple[str, str], set[int]]] = defaultdict(lambda: defaultdict(set))
    for r in rows:
        if r.grid_code:
            codes[(r.community, r.grid)][r.grid_code].add(r.row)
            by_code[r.grid_code][(r.community, r.grid)].add(r.row)
    for (_community, grid), given in codes.items():
        if len(given) > 1:
            numbers = set().union(*given.values())
            for n in sorted(numbers):
                out.append(_issue(n, "grid_code_conflict", _M_GRID_CODES, grid=grid, codes="、".join(sorted(given)),
                                  rows=_rows(numbers)))
    for code, grids in by_code.items():
        if len(grids) < 2:
            continue
        numbers = set().union(*grids.values())
        two_communities = len({c for c, _ in grids}) > 1
        names = "、".join(f"{c}{g}" for c, g in sorted(grids))
        for n in sorted(numbers):
            out.append(_issue(n, "grid_in_two_communities" if two_communities else "grid_code_conflict",
                              _M_GRID_TWO_COMMUNITIES if two_communities else _M_CODE_TWO_GRIDS, code=code,
                              grids=names, rows=_rows(numbers)))
    return out


def _cadres(rows: list[TableRow]) -> list[Issue]:
    out: list[Issue] = []
    phones: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    roles: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for r in rows:
        for c in r.cadres:
            if c.phone:
                phones[c.name][c.phone].add(r.row)
            roles[c.name][c.role].add(r.row)
    for name, given in phones.items():
        if len(given) > 1:
            numbers = set().union(*given.values())
            for n in sorted(numbers):
                out.append(_issue(n, "cadre_phone_conflict", _M_PHONE_CONFLICT, name=name,
                                  phones="、".join(sorted(given)), rows=_rows(numbers)))
    for name, given in roles.items():
        if len(given) > 1:
            kept = min(given, key=lambda role: min(given[role]))
            out.append(_issue(min(given[kept]), "cadre_two_roles", _M_TWO_ROLES, WARNING, name=name,
                              roles="、".join(sorted(given)), role=kept))
    return out
