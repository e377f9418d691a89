"""The profile's division as a table (the import's own format), and the empty template.

One row per grid and compound: "全部" when the compound's grid_id is the grid (the whole
compound), else its buildings in that grid as ranges ("1-5幢、8幢"); the people who hold the
grid today by role, with their phones (cadres' work numbers: the table is how a street
office hands out who to call). A grid that covers no building has no row (the table has no
way to say it). Importing the export changes nothing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from pathlib import Path

from gridkeeper import clock
from gridkeeper.io import division_table
from gridkeeper.io.division_table import OutRow
from gridkeeper.io.xlsx_safe import Changed
from gridkeeper.rules import building_list, cadre_roles
from gridkeeper.store import division as db
from gridkeeper.store.engine import Store


def _natural(text: str) -> tuple[object, ...]:
    """"第2网格" before "第10网格"."""
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", text))


def table_rows(store: Store, *, today: date | None = None) -> tuple[list[OutRow], list[str]]:
    """The rows and the roles (columns) of the profile's division."""
    day = today or clock.today()
    with store.read() as conn:
        places = db.read_places(conn)
    rows = places.rows
    communities = {c["id"]: c["name"] for c in places.live("community")}
    compounds = {c["id"]: c for c in places.live("compound")}
    cadres = {c["id"]: c for c in places.live("cadre")}
    whole: dict[str, list[str]] = defaultdict(list)  # grid -> compounds it covers whole
    parts: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for c in compounds.values():
        if c["grid_id"]:
            whole[c["grid_id"]].append(c["id"])
    for b in places.live("building"):
        compound = compounds.get(b["compound_id"])
        if b["grid_id"] and compound is not None and compound["grid_id"] != b["grid_id"]:
            parts[b["grid_id"]][compound["id"]].append(b["name"])
    holders: dict[str, dict[str, list[tuple[str, str]]]] = defaultdict(lambda: defaultdict(list))
    roles = list(cadre_roles.ROLES)
    for a in sorted(places.live("assignment"), key=lambda a: (a["start_date"] or date.min, a["id"])):
        current = (a["end_date"] is None or a["end_date"] > day) and (a["start_date"] is None or a["start_date"] <= day)
        cadre = cadres.get(a["cadre_id"])
        if not current or cadre is None:
            continue
        role = cadre_roles.normalise(cadre["role"]) or cadre_roles.GRID_WORKER
        if role not in roles:
            roles.append(role)
        if (cadre["name"], cadre["phone"] or "") not in holders[a["grid_id"]][role]:
            holders[a["grid_id"]][role].append((cadre["name"], cadre["phone"] or ""))
    out: list[OutRow] = []
    grids = [g for g in places.live("grid") if g["community_id"] in communities]
    grids.sort(key=lambda g: (_natural(communities[g["community_id"]]), _natural(g["name"])))
    for g in grids:
        covered = [(compounds[c]["name"], None) for c in whole[g["id"]]]
        covered += [(compounds[c]["name"], names) for c, names in parts[g["id"]].items()]
        for compound, names in sorted(covered, key=lambda x: _natural(x[0])):
            out.append(OutRow(communities[g["community_id"]], g["name"], g["code"] or "", compound,
                              building_list.spell(names), {r: list(p) for r, p in holders[g["id"]].items()}))
    del rows
    return out, roles


def export_table(store: Store, target: Path, *, today: date | None = None) -> tuple[Path, int, Changed]:
    """Write the division to `target` (.xlsx); (the path written, the rows, cells changed to be written)."""
    rows, roles = table_rows(store, today=today)
    written, changed = division_table.write_table(Path(target), rows, roles)
    return written, len(rows), changed


def write_template(store: Store | None, target: Path, translate=None) -> Path:  # type: ignore[no-untyped-def]
    """An empty table with the profile's communities in the 社区 drop-down (when it has some)."""
    communities: list[str] = []
    if store is not None:
        with store.read() as conn:
            communities = [c["name"] for c in db.read_places(conn).live("community")]
    return division_table.write_template(Path(target), sorted(communities, key=_natural), translate=translate)
