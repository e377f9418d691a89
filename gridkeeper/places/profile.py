"""Who is using this laptop: a profile belongs to one cadre on one device.

The cadre's id is device-local (local_meta), never synced; the Cadre row and
the cadre's stints in grids (assignments) are synced like any other.

"My grids" are the grids the laptop's cadre holds on the day asked about
(today, from the one clock, unless the caller knows the day): a stint that
ended yesterday no longer counts, one starting tomorrow not yet.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from gridkeeper import clock, ids
from gridkeeper.rules import cadre_roles
from gridkeeper.store import cadres
from gridkeeper.store.cadres import CadreRow, GridRow, Stint
from gridkeeper.store.engine import Store

__all__ = [
    "CADRE_KEY",
    "CadreRow",
    "GridRow",
    "Stint",
    "choose_cadre",
    "create_cadre",
    "current_cadre",
    "history",
    "list_cadres",
    "my_grid_ids",
    "street_grids",
]

CADRE_KEY = "cadre_id"


def current_cadre(store: Store, today: date | None = None) -> CadreRow | None:
    """This laptop's cadre with the grids they hold on `today` (default: the clock's)."""
    cadre_id = store.meta(CADRE_KEY)
    if not cadre_id:
        return None
    with store.read() as conn:
        return cadres.cadre(conn, cadre_id, today or clock.today())


def choose_cadre(store: Store, cadre_id: str, today: date | None = None) -> CadreRow:
    with store.read() as conn:
        row = cadres.cadre(conn, cadre_id, today or clock.today())
    if row is None:
        raise ValueError(f"no cadre {cadre_id}")
    store.set_meta(CADRE_KEY, cadre_id)
    return row


def create_cadre(
    store: Store,
    name: str,
    phone: str | None = None,
    role: str | None = None,
    grid_ids: Sequence[str] = (),
    today: date | None = None,
) -> CadreRow:
    """A new cadre who is not yet in the data, holding `grid_ids` from `today`; becomes this laptop's user.

    The role is kept in its standard spelling (rules/cadre_roles). A cadre made again (same name and
    phone: the same id) keeps their row and gains the grids not held yet: a grid whose first stint
    ended gets a later stint of its own, so the earlier one stays in the history."""
    from gridkeeper.store.models import Assignment, Cadre, Grid

    name = name.strip()
    if not name:
        raise ValueError("a cadre needs a name")
    day = today or clock.today()
    role = cadre_roles.normalise(role) or None
    cadre_id = ids.cadre_id(name, phone)
    with store.write() as session:
        grids = []
        for grid_id in dict.fromkeys(grid_ids):  # each once, in the order given
            grid = session.get(Grid, grid_id)
            if grid is None or grid.deleted:
                raise ValueError(f"no grid {grid_id}")
            grids.append(grid)
        communities = {g.community_id for g in grids}
        existing = session.get(Cadre, cadre_id)
        if existing is None:
            session.add(Cadre(id=cadre_id, name=name, phone=phone, role=role,
                              community_id=communities.pop() if len(communities) == 1 else None))
        else:
            if existing.deleted:
                existing.deleted = False
            if role and existing.role != role:
                existing.role = role
        for grid in grids:
            _hold(session, Assignment, cadre_id, grid.id, day)
    return choose_cadre(store, cadre_id, day)


def _hold(session, model, cadre_id: str, grid_id: str, day: date) -> None:  # type: ignore[no-untyped-def]
    """A stint of the cadre in the grid from `day`, unless one is under way then."""
    first = session.get(model, ids.assignment_id(cadre_id, grid_id))
    if first is None:
        session.add(model(id=ids.assignment_id(cadre_id, grid_id), cadre_id=cadre_id, grid_id=grid_id,
                          start_date=day, end_date=None))
        return
    if first.deleted:  # a stint withdrawn as a mistake: it becomes this one
        first.deleted, first.start_date, first.end_date = False, day, None
        return
    if (first.start_date is None or first.start_date <= day) and (first.end_date is None or first.end_date >= day):
        return  # held already
    later_id = ids.assignment_id(cadre_id, grid_id, day.isoformat())
    later = session.get(model, later_id)
    if later is None:
        session.add(model(id=later_id, cadre_id=cadre_id, grid_id=grid_id, start_date=day, end_date=None))
    elif later.deleted:
        later.deleted, later.end_date = False, None


def my_grid_ids(store: Store, today: date | None = None) -> list[str] | None:
    """The grids this laptop's cadre holds today, or None when no cadre is chosen (show everything)."""
    me = current_cadre(store, today)
    return None if me is None else [g.id for g in me.grids]


def list_cadres(store: Store, today: date | None = None) -> list[CadreRow]:
    """The street's cadres, each with the grids held on `today`."""
    with store.read() as conn:
        return cadres.all_cadres(conn, today or clock.today())


def street_grids(store: Store) -> list[GridRow]:
    """Every grid of the street, community by community (what a new cadre chooses from)."""
    with store.read() as conn:
        return cadres.all_grids(conn)


def history(store: Store, cadre_id: str) -> list[Stint]:
    """A cadre's stints, past, current and future, oldest first."""
    with store.read() as conn:
        return cadres.stints(conn, cadre_id)
