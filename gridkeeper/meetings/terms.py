"""The words of meetings, deliberation and weekend duty, and the errors a user can meet.

Stored codes are English identifiers; labels are English source strings in the
translation context "meetings", translated by the UI and the CLI.
"""

from __future__ import annotations

from gridkeeper.errors import QT_TRANSLATE_NOOP, GridKeeperError, Translate

CONTEXT = "meetings"

KINDS: dict[str, str] = {
    "tripartite": QT_TRANSLATE_NOOP("meetings", "Monthly tripartite meeting"),
    "quarterly_review": QT_TRANSLATE_NOOP("meetings", "Quarterly review meeting"),
    "other": QT_TRANSLATE_NOOP("meetings", "Other meeting"),
}
SIDES: dict[str, str] = {
    "party": QT_TRANSLATE_NOOP("meetings", "Party organisation"),
    "hoa": QT_TRANSLATE_NOOP("meetings", "HOA"),
    "property": QT_TRANSLATE_NOOP("meetings", "Property company"),
    "community": QT_TRANSLATE_NOOP("meetings", "Community"),
    "cadre": QT_TRANSLATE_NOOP("meetings", "Grid cadres"),
    "resident": QT_TRANSLATE_NOOP("meetings", "Residents"),
}
#: Where an agenda item came from.
SOURCES: dict[str, str] = {
    "carried": QT_TRANSLATE_NOOP("meetings", "Decision of the last meeting"),
    "escalated": QT_TRANSLATE_NOOP("meetings", "Escalated list item"),
    "overdue": QT_TRANSLATE_NOOP("meetings", "Overdue list item"),
    "mediation": QT_TRANSLATE_NOOP("meetings", "Escalated mediation"),
    "visit": QT_TRANSLATE_NOOP("meetings", "Overdue return visit"),
    "hand": QT_TRANSLATE_NOOP("meetings", "Added by hand"),
}

STAGES: dict[str, str] = {
    "party": QT_TRANSLATE_NOOP("meetings", "Party organisation first"),
    "tripartite": QT_TRANSLATE_NOOP("meetings", "Three parties agree"),
    "residents": QT_TRANSLATE_NOOP("meetings", "Residents deliberate"),
    "decision": QT_TRANSLATE_NOOP("meetings", "Awaiting decision"),
    "adopted": QT_TRANSLATE_NOOP("meetings", "Adopted"),
    "rejected": QT_TRANSLATE_NOOP("meetings", "Rejected"),
    "withdrawn": QT_TRANSLATE_NOOP("meetings", "Withdrawn"),
}
#: The stages in their fixed order: a matter is at one of them until it is decided.
ORDER = ("party", "tripartite", "residents", "decision")
DECISIONS = ("adopted", "rejected", "withdrawn")
METHODS: dict[str, str] = {
    "meeting": QT_TRANSLATE_NOOP("meetings", "Residents' meeting"),
    "door_to_door": QT_TRANSLATE_NOOP("meetings", "Door to door"),
    "online": QT_TRANSLATE_NOOP("meetings", "Online"),
}

MATTER_CATEGORIES: dict[str, str] = {
    "dispute": QT_TRANSLATE_NOOP("meetings", "Dispute"),
    "practical": QT_TRANSLATE_NOOP("meetings", "Practical matter"),
    "suggestion": QT_TRANSLATE_NOOP("meetings", "Suggestion"),
    "complaint": QT_TRANSLATE_NOOP("meetings", "Complaint"),
}
OUTCOMES: dict[str, str] = {
    "open": QT_TRANSLATE_NOOP("meetings", "Being handled"),
    "settled": QT_TRANSLATE_NOOP("meetings", "Settled on the spot"),
    "mediation": QT_TRANSLATE_NOOP("meetings", "Turned into a mediation case"),
    "list_item": QT_TRANSLATE_NOOP("meetings", "Turned into a list item"),
    "escalated": QT_TRANSLATE_NOOP("meetings", "Escalated"),
}
#: Days within which an answer counts as "answered in time" (the article's 7 days).
ANSWER_DAYS = 7


#: What a form field is called in a "Please fill in" message.
FIELDS: dict[str, str] = {
    "title": QT_TRANSLATE_NOOP("meetings", "the title"),
    "compound": QT_TRANSLATE_NOOP("meetings", "the compound"),
    "name": QT_TRANSLATE_NOOP("meetings", "the name"),
    "decision": QT_TRANSLATE_NOOP("meetings", "the decision"),
    "opinion": QT_TRANSLATE_NOOP("meetings", "the opinion"),
    "agreed": QT_TRANSLATE_NOOP("meetings", "what was agreed"),
    "reason": QT_TRANSLATE_NOOP("meetings", "the reason"),
    "secretary": QT_TRANSLATE_NOOP("meetings", "the secretary"),
    "resident": QT_TRANSLATE_NOOP("meetings", "the resident"),
    "what": QT_TRANSLATE_NOOP("meetings", "what the matter is"),
    "how": QT_TRANSLATE_NOOP("meetings", "how it was settled"),
    "to_whom": QT_TRANSLATE_NOOP("meetings", "to whom it was escalated"),
    "feedback": QT_TRANSLATE_NOOP("meetings", "the resident's answer"),
}


class MeetingsError(GridKeeperError):
    context = CONTEXT
    #: Parameters that are English labels of this context, translated with the message.
    vocab_params: tuple[str, ...] = ()

    def translated(self, translate: Translate) -> str:
        text = translate(self.context, self.message) or self.message
        params = self._params(translate)
        for key in self.vocab_params:
            params[key] = translate(CONTEXT, str(params[key])) or params[key]
        return text.format(**params)


class NotFound(MeetingsError):
    def __init__(self, what: str) -> None:
        super().__init__(QT_TRANSLATE_NOOP("meetings", "Not found: {what}"), what=what)


class Missing(MeetingsError):
    vocab_params = ("field",)

    def __init__(self, field: str) -> None:
        super().__init__(QT_TRANSLATE_NOOP("meetings", "Please fill in {field}."), field=FIELDS.get(field, field))


class Unknown(MeetingsError):
    def __init__(self, value: str) -> None:
        super().__init__(QT_TRANSLATE_NOOP("meetings", "Not a known choice: {value}"), value=value)


class StageSkipped(MeetingsError):
    """A deliberation stage recorded out of order."""

    vocab_params = ("at", "wanted")

    def __init__(self, at: str, wanted: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("meetings", "This matter is at the stage \u201c{at}\u201d; \u201c{wanted}\u201d "
                                          "cannot be recorded now: stages are never skipped."),
            at=at, wanted=wanted)


class TallyMismatch(MeetingsError):
    def __init__(self, counted: int, consulted: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("meetings", "The votes add up to {counted} households, but {consulted} were "
                                          "consulted: for, against, abstaining and not reached must add up."),
            counted=counted, consulted=consulted)


class BuildingsMismatch(MeetingsError):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("meetings", "The tallies by building do not add up to the totals."))


class BadBuildingLine(MeetingsError):
    def __init__(self, line: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("meetings", "Cannot read the building line \u201c{line}\u201d: write the building, then "
                                          "for, against, abstaining and not reached, e.g. \u201c3幢 12 3 1 0\u201d."),
            line=line)


class NegativeCount(MeetingsError):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("meetings", "Household counts cannot be negative."))


class NotRejected(MeetingsError):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("meetings", "Only a rejected matter can go back to a stage."))


class NotAdopted(MeetingsError):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("meetings", "Only an adopted matter is implemented."))


class MatterClosed(MeetingsError):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("meetings", "This matter already has an outcome."))


class NoOutcomeYet(MeetingsError):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("meetings", "Record how the matter was handled before the answer."))
