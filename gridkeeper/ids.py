"""Deterministic ids for rows with a natural key.

Two cadres who import the same roster offline must get the same rows, not
duplicates: such rows get uuid5 of a normalised natural key. Rows without one
(a person with no ID number, a log entry) get uuid4 where they are created.
"""

from __future__ import annotations

import re
import unicodedata
import uuid

#: Fixed forever: changing it would fork every dataset's ids.
NAMESPACE = uuid.UUID("6b1f9c3e-3d2a-5a7e-9c41-0c9d3a2f4e10")

_SPACE = re.compile(r"\s+")


def norm(part: str | None) -> str:
    """NFKC (full-width to half-width), no whitespace, lower case."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", part or "")).lower()


def _make(kind: str, *parts: str | None) -> str:
    return str(uuid.uuid5(NAMESPACE, kind + ":" + "|".join(norm(p) for p in parts)))


def community_id(name: str, division_code: str | None = None) -> str:
    return _make("community", division_code or name)


def compound_id(community: str, name: str) -> str:
    return _make("compound", community, name)


def grid_id(community: str, name: str) -> str:
    return _make("grid", community, name)


def building_id(compound: str, name: str) -> str:
    return _make("building", compound, name)


def household_id(community: str, compound: str, building: str, unit: str | None, room: str) -> str:
    """By address: community + compound + building + unit + room (names, not ids)."""
    return _make("household", community, compound, building, unit, room)


def person_id(id_number: str) -> str:
    """By the normalised 18-character ID number."""
    return _make("person", id_number.upper())


def tag_id(name: str) -> str:
    return _make("tag", name)


def person_tag_id(person: str, tag: str) -> str:
    return _make("persontag", person, tag)


def cadre_id(name: str, phone: str | None = None) -> str:
    return _make("cadre", name, phone)


def assignment_id(cadre: str, grid: str) -> str:
    return _make("assignment", cadre, grid)
