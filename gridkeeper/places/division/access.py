"""Who may import a grid division table in the app: an office's admin, or a laptop in no office
(its own user is its admin). A table rewrites grids, stints and which grid a building is in for
the whole office, so a member's laptop exports it but does not import it. The same rule as the
audit log's and the 网格设置 page's (places/street.may_edit on that branch)."""

from __future__ import annotations

from gridkeeper.store.engine import Store


def may_import(store: Store) -> bool:
    from gridkeeper.sync import office  # places do not import sync at module level

    return office.office_id(store) is None or office.is_admin(store)
