"""Who is using this laptop: a profile belongs to one cadre on one device.

The cadre's id is device-local (local_meta), never synced; the Cadre row
itself is synced like any other.
"""

from __future__ import annotations

from gridkeeper import ids
from gridkeeper.store import cadres
from gridkeeper.store.cadres import CadreRow
from gridkeeper.store.engine import Store

CADRE_KEY = "cadre_id"


def current_cadre(store: Store) -> CadreRow | None:
    cadre_id = store.meta(CADRE_KEY)
    if not cadre_id:
        return None
    with store.read() as conn:
        return cadres.cadre(conn, cadre_id)


def choose_cadre(store: Store, cadre_id: str) -> CadreRow:
    with store.read() as conn:
        row = cadres.cadre(conn, cadre_id)
    if row is None:
        raise ValueError(f"no cadre {cadre_id}")
    store.set_meta(CADRE_KEY, cadre_id)
    return row


def create_cadre(store: Store, name: str, phone: str | None = None, role: str | None = None) -> CadreRow:
    """A new cadre who is not yet in the data; becomes this laptop's user."""
    from gridkeeper.store.models import Cadre

    name = name.strip()
    if not name:
        raise ValueError("a cadre needs a name")
    cadre_id = ids.cadre_id(name, phone)
    with store.write() as session:
        existing = session.get(Cadre, cadre_id)
        if existing is None:
            session.add(Cadre(id=cadre_id, name=name, phone=phone, role=role))
        elif existing.deleted:
            existing.deleted = False
    return choose_cadre(store, cadre_id)


def my_grid_ids(store: Store) -> list[str] | None:
    """The grids of this laptop's cadre, or None when no cadre is chosen (show everything)."""
    me = current_cadre(store)
    return None if me is None else [g.id for g in me.grids]


def list_cadres(store: Store) -> list[CadreRow]:
    with store.read() as conn:
        return cadres.all_cadres(conn)
