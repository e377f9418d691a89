"""The search index as migration 0001 created it, frozen (searchindex.py has moved on).

Migration 0001 must create exactly what it always did, whatever the current
index looks like; 0007 replaces these tables and triggers with the compact
index of searchindex.py. Do not edit.
"""

from __future__ import annotations

#: The primary key's order is the order results are listed in: matching key,
#: then address. A search reads its first page straight off the index, with
#: no sort, however many households match.
TABLE_DDL = (
    "CREATE TABLE search_key (key TEXT NOT NULL, sort TEXT NOT NULL, household_id TEXT NOT NULL, "
    "grid_id TEXT, PRIMARY KEY (key, sort, household_id)) WITHOUT ROWID"
)
INDEX_DDL = "CREATE INDEX ix_search_key_household ON search_key (household_id, key)"

#: Key prefix under which each household is listed for its grid ("\x01<grid id>").
GRID_KEY = "\x01"

_FROM = (
    "FROM household h JOIN building b ON b.id = h.building_id JOIN compound c ON c.id = b.compound_id"
)
_SORT = "gk_sort_key(c.name, b.name, h.unit, h.room)"
#: A household is listed while it, its building and its compound are not tombstoned.
_LIVE = "h.deleted = 0 AND b.deleted = 0 AND c.deleted = 0"


def _keys_select(where: str) -> str:
    """(key, sort, household_id, grid_id) rows for live households matching `where` (alias h)."""
    return (
        f"SELECT j.value, {_SORT}, h.id, b.grid_id {_FROM}, "
        "json_each(gk_address_keys(c.name, b.name, h.unit, h.room)) j "
        f"WHERE ({where}) AND {_LIVE} "
        "UNION ALL "
        f"SELECT j.value, {_SORT}, h.id, b.grid_id {_FROM} "
        "JOIN person p ON p.household_id = h.id AND p.deleted = 0, "
        "json_each(gk_person_keys(p.name, p.id_number, p.phones)) j "
        f"WHERE ({where}) AND {_LIVE} "
        "UNION ALL "
        f"SELECT '{GRID_KEY}' || b.grid_id, {_SORT}, h.id, b.grid_id {_FROM} "
        f"WHERE ({where}) AND {_LIVE} AND b.grid_id IS NOT NULL"
    )


def _refresh(where: str) -> str:
    return (
        f"DELETE FROM search_key WHERE household_id IN (SELECT h.id FROM household h WHERE {where}); "
        f"INSERT OR IGNORE INTO search_key {_keys_select(where)};"
    )


def _trigger(name: str, event: str, body: str) -> str:
    return f"CREATE TRIGGER {name} {event} WHEN gk_index() BEGIN {body} END"


TRIGGERS: tuple[str, ...] = (
    _trigger("gk_search_person_insert", "AFTER INSERT ON person", _refresh("h.id = NEW.household_id")),
    _trigger(
        "gk_search_person_update",
        "AFTER UPDATE OF name, id_number, phones, household_id, deleted ON person",
        _refresh("h.id = OLD.household_id") + " " + _refresh("h.id = NEW.household_id"),
    ),
    _trigger("gk_search_household_insert", "AFTER INSERT ON household", _refresh("h.id = NEW.id")),
    _trigger(
        "gk_search_household_update",
        "AFTER UPDATE OF building_id, unit, room, deleted ON household",
        _refresh("h.id = NEW.id"),
    ),
    _trigger(
        "gk_search_building_update",
        "AFTER UPDATE OF name, compound_id, grid_id, deleted ON building",
        _refresh("h.building_id = NEW.id"),
    ),
    _trigger(
        "gk_search_compound_update",
        "AFTER UPDATE OF name, deleted ON compound",
        _refresh("h.building_id IN (SELECT id FROM building WHERE compound_id = NEW.id)"),
    ),
)

DDL: tuple[str, ...] = (TABLE_DDL, INDEX_DDL, *TRIGGERS)
