"""Triggers that keep `search_key` current on every write (see searchkeys.py).

They run on every write path, including sync's apply (they do not depend on
gk_capture()), so the index can never drift from the rows it indexes.
"""

from __future__ import annotations

_PERSON_KEYS = "json_each(gk_person_keys(NEW.name, NEW.id_number, NEW.phones))"
_HOUSEHOLD_KEYS = (
    "json_each(gk_address_keys("
    "(SELECT c.name FROM building b JOIN compound c ON c.id = b.compound_id WHERE b.id = NEW.building_id), "
    "(SELECT name FROM building WHERE id = NEW.building_id), NEW.unit, NEW.room))"
)

DDL: tuple[str, ...] = (
    "CREATE TABLE search_key (key TEXT NOT NULL, household_id TEXT NOT NULL, source_id TEXT NOT NULL, "
    "PRIMARY KEY (key, household_id, source_id)) WITHOUT ROWID",
    "CREATE INDEX ix_search_key_source ON search_key (source_id)",
    "CREATE TRIGGER gk_search_person_insert AFTER INSERT ON person "
    "WHEN NEW.household_id IS NOT NULL AND NEW.deleted = 0 BEGIN "
    f"INSERT OR IGNORE INTO search_key SELECT value, NEW.household_id, NEW.id FROM {_PERSON_KEYS}; END",
    "CREATE TRIGGER gk_search_person_update AFTER UPDATE OF name, id_number, phones, household_id, deleted "
    "ON person BEGIN "
    "DELETE FROM search_key WHERE source_id = OLD.id; "
    f"INSERT OR IGNORE INTO search_key SELECT value, NEW.household_id, NEW.id FROM {_PERSON_KEYS} "
    "WHERE NEW.household_id IS NOT NULL AND NEW.deleted = 0; END",
    "CREATE TRIGGER gk_search_household_insert AFTER INSERT ON household WHEN NEW.deleted = 0 BEGIN "
    f"INSERT OR IGNORE INTO search_key SELECT value, NEW.id, NEW.id FROM {_HOUSEHOLD_KEYS}; END",
    "CREATE TRIGGER gk_search_household_update AFTER UPDATE OF building_id, unit, room, deleted "
    "ON household BEGIN "
    "DELETE FROM search_key WHERE source_id = OLD.id; "
    f"INSERT OR IGNORE INTO search_key SELECT value, NEW.id, NEW.id FROM {_HOUSEHOLD_KEYS} "
    "WHERE NEW.deleted = 0; END",
    "CREATE TRIGGER gk_search_building_update AFTER UPDATE OF name, compound_id ON building BEGIN "
    "DELETE FROM search_key WHERE source_id IN (SELECT id FROM household WHERE building_id = NEW.id); "
    "INSERT OR IGNORE INTO search_key SELECT j.value, h.id, h.id FROM household h, "
    "json_each(gk_address_keys((SELECT name FROM compound WHERE id = NEW.compound_id), NEW.name, h.unit, h.room)) j "
    "WHERE h.building_id = NEW.id AND h.deleted = 0; END",
    "CREATE TRIGGER gk_search_compound_update AFTER UPDATE OF name ON compound BEGIN "
    "DELETE FROM search_key WHERE source_id IN "
    "(SELECT h.id FROM household h JOIN building b ON b.id = h.building_id WHERE b.compound_id = NEW.id); "
    "INSERT OR IGNORE INTO search_key SELECT j.value, h.id, h.id FROM building b "
    "JOIN household h ON h.building_id = b.id, json_each(gk_address_keys(NEW.name, b.name, h.unit, h.room)) j "
    "WHERE b.compound_id = NEW.id AND h.deleted = 0; END",
)
