"""What a report covers: the whole profile, one community, or one grid."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from gridkeeper.errors import QT_TRANSLATE_NOOP, GridKeeperError
from gridkeeper.store import reports as queries
from gridkeeper.store.engine import Store


class UnknownScope(GridKeeperError):
    pass


@dataclass(frozen=True)
class Scope:
    kind: str  # all / community / grid
    name: str  # "" for all
    grid_ids: list[str] | None  # None: every grid (and households without one)


EVERYTHING = Scope("all", "", None)


def resolve(store: Store, community: str | None = None, grid: str | None = None) -> Scope:
    """A community by name; a grid by code, by name when unique, or as "社区/网格"."""
    with store.read() as conn:
        if community:
            found = [cid for cid, name in queries.communities(conn) if name == community.strip()]
            if not found:
                raise UnknownScope(QT_TRANSLATE_NOOP("errors", "No community is called {name}."), name=community)
            return Scope("community", community.strip(), queries.grids_of_community(conn, found[0]))
        if grid:
            wanted = grid.strip()
            rows = queries.grids(conn)
            exact = [r for r in rows if wanted in (r[2], f"{r[3]}/{r[1]}", f"{r[3]}{r[1]}")]
            named = exact or [r for r in rows if r[1] == wanted]
            if not named:
                raise UnknownScope(QT_TRANSLATE_NOOP("errors", "No grid is called {name}."), name=grid)
            if len(named) > 1:
                raise UnknownScope(QT_TRANSLATE_NOOP(
                    "errors", "Several communities have a grid called {name}; write it as community/grid, "
                    "e.g. {example}."), name=grid, example=f"{named[0][3]}/{named[0][1]}")
            gid, name, _code, community_name = named[0]
            return Scope("grid", grid_label(community_name, name), [gid])
    return EVERYTHING


def grid_label(community: str, grid: str) -> str:
    """A grid named with its community ("塘川社区 第1网格"): grid names repeat across communities."""
    return f"{community} {grid}".strip()


def of_grids(grids: Iterable[tuple[str, str, str]]) -> Scope:
    """A scope of some grids, given as (grid id, grid name, community name), e.g. a cadre's own.

    Named community by community: "塘川社区 第1网格、第2网格；水口社区 第3网格"."""
    by_community: dict[str, list[str]] = {}
    ids = []
    for gid, name, community in grids:
        ids.append(gid)
        by_community.setdefault(community, []).append(name)
    name = "；".join(grid_label(c, "、".join(names)) for c, names in by_community.items())
    return Scope("grid", name, ids)


def choices(store: Store) -> tuple[list[Scope], list[Scope]]:
    """Every community, then every grid (named with its community), in the order reports list them."""
    with store.read() as conn:
        communities = queries.communities(conn)
        rows = queries.grids(conn)
    ids_of: dict[str, list[str]] = {}
    for gid, _name, _code, community in rows:
        ids_of.setdefault(community, []).append(gid)
    return ([Scope("community", name, ids_of.get(name, [])) for _cid, name in communities],
            [Scope("grid", grid_label(community, name), [gid]) for gid, name, _code, community in rows])
