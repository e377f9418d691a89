"""Editing a household's file: members, their phones, tags and notes (一户一档).

Every write goes through the store (captured for sync). Creating a person
first looks for the same person already on file — by ID number, or by name and
birth date — so a cadre moves the existing person in instead of making a
second file for them. Persons are never deleted: they move out or die.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from gridkeeper import ids
from gridkeeper.errors import QT_TRANSLATE_NOOP, GridKeeperError
from gridkeeper.io.roster_cells import _birth_from_text
from gridkeeper.io.roster_rows import _ID_MESSAGES
from gridkeeper.rules import idnumber, phone, tags
from gridkeeper.store import members as queries
from gridkeeper.store.engine import Store

STATUSES = ("active", "moved_out", "deceased")
GENDERS = ("M", "F")


class MemberError(GridKeeperError):
    """Input a cadre can fix: the message says what and how."""


def id_error(exc: idnumber.IdNumberError, raw: str) -> MemberError:
    params = {"length": len(idnumber.normalize(raw))} if exc.code == "id_length" else {}
    error = MemberError(_ID_MESSAGES.get(exc.code, _ID_MESSAGES["id_format"]), **params)
    error.context = "roster"  # the roster import's wording, already translated
    return error


@dataclass(frozen=True)
class PersonMatch:
    """An existing person who may be the one being created."""

    id: str
    name: str
    birth_date: date | None
    household_id: str | None
    address: str
    status: str
    by: str  # "id_number" or "name_birth"


@dataclass(frozen=True)
class PersonInput:
    """A person as typed in the form, checked and normalised."""

    name: str
    id_number: str | None
    gender: str | None
    birth_date: date | None
    phones: tuple[str, ...]


def check(name: str, id_number: str = "", gender: str | None = None, birth_date: date | None = None,
          phones: str = "", today: date | None = None) -> PersonInput:
    """Validate the form's fields; the ID number supplies gender and birth date when left empty."""
    name = " ".join(name.split())
    if not name:
        raise MemberError(QT_TRANSLATE_NOOP("errors", "The name is missing."))
    number = None
    if id_number.strip():
        try:
            info = idnumber.parse(id_number, today=today)
        except idnumber.IdNumberError as exc:
            raise id_error(exc, id_number) from None
        number = info.number
        if gender and gender != info.gender:
            raise MemberError(QT_TRANSLATE_NOOP("errors", "The gender does not match the ID number."))
        if birth_date and birth_date != info.birth_date:
            raise MemberError(QT_TRANSLATE_NOOP(
                "errors", "The birth date does not match the ID number, which says {date}."),
                date=info.birth_date.isoformat())
        gender, birth_date = info.gender, info.birth_date
    if gender not in (None, *GENDERS):
        raise ValueError(gender)
    valid, invalid = phone.split_cell(phones)
    if invalid:
        raise MemberError(QT_TRANSLATE_NOOP(
            "errors", "Not a phone number: {value}. Mobile numbers have 11 digits; landlines look like 0577-62345678."),
            value="、".join(invalid))
    return PersonInput(name, number, gender, birth_date, tuple(valid))


def parse_date(text: str) -> date | None:
    """A date as people type it: 1950-03-02, 1950.3.2, 1950年3月2日; empty is None."""
    text = text.strip()
    if not text:
        return None
    day = _birth_from_text(text)
    if not isinstance(day, date):
        raise MemberError(QT_TRANSLATE_NOOP("errors", "“{value}” is not a date; type it like 1950-03-02."),
                          value=text)
    return day


def find_matches(store: Store, person: PersonInput) -> list[PersonMatch]:
    """Persons already on file with this ID number, or this name and birth date."""
    with store.read() as conn:
        return [PersonMatch(*r) for r in queries.matches(conn, person.id_number, person.name, person.birth_date)]


def add_person(store: Store, household_id: str, person: PersonInput, relation: str = "",
               note: str = "") -> str:
    """A new person in the household. Refuses one already on file by ID number (use move_in)."""
    pid = ids.person_id(person.id_number) if person.id_number else ids.person_without_id_number(
        household_id, person.name)
    with store.begin() as conn:
        if queries.exists(conn, pid):
            raise MemberError(QT_TRANSLATE_NOOP(
                "errors", "{name} is already on file; move the existing person into this household instead."),
                name=person.name)
        queries.insert_person(conn, {
            "id": pid, "deleted": 0, "household_id": household_id, "name": person.name,
            "id_number": person.id_number, "gender": person.gender,
            "birth_date": person.birth_date.isoformat() if person.birth_date else None, "ethnicity": None,
            "relation_to_head": relation.strip() or None, "phones": json.dumps(list(person.phones)),
            "status": "active", "note": note.strip() or None,
        })
    return pid


def move_in(store: Store, person_id: str, household_id: str, relation: str = "") -> None:
    """An existing person comes to live in this household (from another one, or back)."""
    with store.begin() as conn:
        queries.update_person(conn, person_id, {"household_id": household_id, "status": "active",
                                                "relation_to_head": relation.strip() or None, "deleted": 0})


def set_status(store: Store, person_id: str, status: str) -> None:
    """Moved out or deceased (or back to active): the person stays on file with their history."""
    if status not in STATUSES:
        raise ValueError(status)
    with store.begin() as conn:
        queries.update_person(conn, person_id, {"status": status})


def update_person(store: Store, person_id: str, person: PersonInput, relation: str, note: str,
                  keep_phones: bool = False) -> None:
    """Save the edit form; only fields that changed are logged by the capture triggers.
    `keep_phones`: the form left the (masked) numbers alone."""
    with store.begin() as conn:
        current_number = queries.id_number(conn, person_id)
        if person.id_number and current_number and person.id_number != current_number:
            # The row's id is made from the ID number; a different number is a different person.
            raise MemberError(QT_TRANSLATE_NOOP(
                "errors", "The ID number of a person on file cannot be changed; add the person anew instead."))
        if current_number and not person.id_number:
            checked = check(person.name, current_number, person.gender, person.birth_date)
            person = PersonInput(checked.name, checked.id_number, checked.gender, checked.birth_date, person.phones)
        values = {
            "name": person.name, "id_number": person.id_number or current_number, "gender": person.gender,
            "birth_date": person.birth_date.isoformat() if person.birth_date else None,
            "relation_to_head": relation.strip() or None, "note": note.strip() or None,
        }
        if not keep_phones:
            values["phones"] = json.dumps(list(person.phones))
        queries.update_person(conn, person_id, values)


def set_tag(store: Store, person_id: str, name: str, detail: str = "", sensitive: bool | None = None) -> None:
    """Give a person a tag (a new tag name is created; sensitive by its name unless said)."""
    name = name.strip()
    if not name:
        raise MemberError(QT_TRANSLATE_NOOP("errors", "The tag needs a name."))
    tag_id = ids.tag_id(name)
    with store.begin() as conn:
        queries.ensure_tag(conn, tag_id, name, tags.is_sensitive(name) if sensitive is None else sensitive)
        queries.upsert_person_tag(conn, ids.person_tag_id(person_id, tag_id), person_id, tag_id,
                                  detail.strip() or None)


def remove_tag(store: Store, person_id: str, name: str) -> None:
    with store.begin() as conn:
        queries.tombstone_person_tag(conn, ids.person_tag_id(person_id, ids.tag_id(name.strip())))


def tag_names(store: Store) -> list[tuple[str, bool]]:
    """(name, sensitive) of every tag in use or defined, the usual care tags first."""
    with store.read() as conn:
        known = dict(queries.tags(conn))
    order = list(tags.CARE_TAGS) + sorted(n for n in known if n not in tags.CARE_TAGS)
    return [(n, known.get(n, tags.is_sensitive(n))) for n in order]


def set_household_note(store: Store, household_id: str, note: str) -> None:
    with store.begin() as conn:
        queries.update_household(conn, household_id, {"note": note.strip() or None})
