"""Who may import a grid division table in the app: whoever may change the street's structure
(places/street.may_edit: an office's admin, or a laptop in no office). A table rewrites grids,
stints and which grid a building is in for the whole office, so a member's laptop exports it but
does not import it."""

from __future__ import annotations

from gridkeeper.places import street
from gridkeeper.store.engine import Store


def may_import(store: Store) -> bool:
    return street.may_edit(store)
