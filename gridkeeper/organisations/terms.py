"""Words of the organisations area: kinds, roles, topics, parties, checklist items.

Keys are stored; the English labels are translated in context "vocab" like the other areas' words.
"""

from __future__ import annotations

import uuid

from gridkeeper.errors import QT_TRANSLATE_NOOP

#: 共享社团、志愿团队: what kind of team or club.
TEAM_KINDS: dict[str, str] = {
    "volunteer_team": QT_TRANSLATE_NOOP("vocab", "Volunteer team"),
    "skill_club": QT_TRANSLATE_NOOP("vocab", "Skill club"),
    "knock_day": QT_TRANSLATE_NOOP("vocab", "Door-knocking team"),
    "mediation": QT_TRANSLATE_NOOP("vocab", "Mediation volunteers"),
}
COMMITTEE_ROLES: dict[str, str] = {
    "chair": QT_TRANSLATE_NOOP("vocab", "Chair"),
    "vice_chair": QT_TRANSLATE_NOOP("vocab", "Vice chair"),
    "member": QT_TRANSLATE_NOOP("vocab", "Committee member"),
}
PARTY_ORG_KINDS: dict[str, str] = {
    "branch": QT_TRANSLATE_NOOP("vocab", "Party branch"),
    "group": QT_TRANSLATE_NOOP("vocab", "Party group"),
}
SURVEY_METHODS: dict[str, str] = {
    "door": QT_TRANSLATE_NOOP("vocab", "Door to door"),
    "phone": QT_TRANSLATE_NOOP("vocab", "By phone"),
    "paper": QT_TRANSLATE_NOOP("vocab", "Paper form"),
    "online": QT_TRANSLATE_NOOP("vocab", "Online"),
}
#: Survey topics beside the overall question (the survey table's columns).
TOPICS: dict[str, str] = {
    "property_service": QT_TRANSLATE_NOOP("vocab", "Property service"),
    "environment": QT_TRANSLATE_NOOP("vocab", "Environment"),
    "safety": QT_TRANSLATE_NOOP("vocab", "Safety"),
    "neighbours": QT_TRANSLATE_NOOP("vocab", "Neighbourhood relations"),
    "community_work": QT_TRANSLATE_NOOP("vocab", "The community's work"),
}
#: Who evaluates a property company each quarter (the three parties beside the company itself).
EVALUATION_PARTIES: dict[str, str] = {
    "community": QT_TRANSLATE_NOOP("vocab", "Community"),
    "hoa": QT_TRANSLATE_NOOP("vocab", "Owners' committee"),
    "residents": QT_TRANSLATE_NOOP("vocab", "Residents' representatives"),
}
EVALUATION_ITEMS: dict[str, str] = {
    "cleaning": QT_TRANSLATE_NOOP("vocab", "Cleaning"),
    "security": QT_TRANSLATE_NOOP("vocab", "Security and fire safety"),
    "greening": QT_TRANSLATE_NOOP("vocab", "Greenery"),
    "repairs": QT_TRANSLATE_NOOP("vocab", "Repairs"),
    "fees": QT_TRANSLATE_NOOP("vocab", "Fees and public accounts"),
    "response": QT_TRANSLATE_NOOP("vocab", "Response to residents"),
}
#: The inspection checklist offered by default; an inspector may add items of their own.
CHECKLIST: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("vocab", "Fire lanes clear"),
    QT_TRANSLATE_NOOP("vocab", "Fire equipment in order"),
    QT_TRANSLATE_NOOP("vocab", "Stairwells clean"),
    QT_TRANSLATE_NOOP("vocab", "Bins emptied"),
    QT_TRANSLATE_NOOP("vocab", "Gate staffed"),
    QT_TRANSLATE_NOOP("vocab", "Lifts inspected"),
    QT_TRANSLATE_NOOP("vocab", "Green areas kept"),
    QT_TRANSLATE_NOOP("vocab", "Notice board current"),
)
#: A committee term ending within this many months is warned about, and counted in the figures.
TERM_WARNING_MONTHS = 6
#: 《业主大会和业主委员会指导规则》: a term is at most five years; the default when none is given.
DEFAULT_TERM_YEARS = 5
#: Days a problem found by an inspection gets before it is overdue.
INSPECTION_PROBLEM_DAYS = 7


def clean(text: str | None) -> str:
    """A name or note as typed, with runs of spacing made one space."""
    return " ".join((text or "").split())


def new_id() -> str:
    return str(uuid.uuid4())
