"""What a report covers: the whole profile, one community, or one grid."""

from __future__ import annotations

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
            return Scope("grid", f"{community_name}{name}", [gid])
    return EVERYTHING
