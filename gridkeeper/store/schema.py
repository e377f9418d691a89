"""Schema facts the read path needs without importing the SQLModel classes."""

from __future__ import annotations

#: Synced tables, parents first. Must match store.models.SYNCED_MODELS (a test checks).
SYNCED_TABLES: tuple[str, ...] = (
    "community",
    "compound",
    "grid",
    "building",
    "household",
    "person",
    "tag",
    "persontag",
    "cadre",
    "assignment",
    "volunteerteam",
    "volunteer",
    "careplan",
    "contactlog",
    "servicerecord",
    "auditlog",
    "mediationcase",
    "mediationparty",
    "mediationsession",
    "mediationstatuschange",
    "returnvisit",
    "nightwalk",
    "walkgrid",
    "walkparticipant",
    "finding",
    "listitem",
    "listitemhistory",
    "escalation",
    "listlink",
    "propertycompany",
    "propertycontract",
    "ownerscommittee",
    "committeemember",
    "partyorg",
    "inspection",
    "inspectioncheck",
    "serviceevaluation",
    "survey",
    "teamactivity",
    "activityvolunteer",
    "meeting",
    "meetingattendee",
    "agendaitem",
    "deliberation",
    "deliberationstep",
    "deliberationlink",
    "dutyshift",
    "dutymatter",
    "mediationnumberblock",
    "attachment",
)

#: The Alembic head this version of the app writes; newer databases are refused.
HEAD_REVISION = "0017"
#: Every revision this app knows, oldest first.
KNOWN_REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008",
                                     "0009", "0010", "0011", "0012", "0013", "0014", "0017")
