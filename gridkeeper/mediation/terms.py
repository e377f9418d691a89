"""The words of mediation (People's Mediation Law): statuses and the legal moves between
them, sources, categories, party roles, escalation levels, agreement forms, and the errors
a mediator can meet. Stored codes are English identifiers; labels are English source
strings in the translation context "mediation", translated by the UI.
"""

from __future__ import annotations

from gridkeeper.errors import QT_TRANSLATE_NOOP, GridKeeperError, Translate

CONTEXT = "mediation"  # translation context of every label below

# -- vocabularies: stored code -> English label (translated in CONTEXT) ---------

STATUSES: dict[str, str] = {
    "received": QT_TRANSLATE_NOOP("mediation", "Received"),
    "mediating": QT_TRANSLATE_NOOP("mediation", "Mediating"),
    "agreed": QT_TRANSLATE_NOOP("mediation", "Agreement reached"),
    "failed": QT_TRANSLATE_NOOP("mediation", "Failed"),
    "escalated": QT_TRANSLATE_NOOP("mediation", "Escalated"),
    "performing": QT_TRANSLATE_NOOP("mediation", "Performing"),
    "performed": QT_TRANSLATE_NOOP("mediation", "Performed"),
    "not_performed": QT_TRANSLATE_NOOP("mediation", "Not performed"),
    "visited": QT_TRANSLATE_NOOP("mediation", "Return visit made"),
    "archived": QT_TRANSLATE_NOOP("mediation", "Archived"),
}

#: The legal moves. "visited" is reached only by recording a return visit.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "received": ("mediating", "failed", "escalated"),
    "mediating": ("agreed", "failed", "escalated"),
    "agreed": ("performing", "performed"),
    "performing": ("performed", "not_performed"),
    "performed": ("visited",),
    "not_performed": ("visited", "mediating", "escalated"),
    "visited": ("archived",),
    "failed": ("archived",),
    "escalated": ("archived",),
    "archived": (),
}

#: States in which a return visit may be recorded (during performance it does not move the case).
VISIT_STATES = ("performing", "performed", "not_performed", "visited")
OPEN_STATES = tuple(s for s in STATUSES if s != "archived")

SOURCES: dict[str, str] = {
    "application": QT_TRANSLATE_NOOP("mediation", "Application by a party"),
    "own_initiative": QT_TRANSLATE_NOOP("mediation", "Own initiative"),
    "court": QT_TRANSLATE_NOOP("mediation", "Referred by the court"),
    "police": QT_TRANSLATE_NOOP("mediation", "Referred by the police"),
    "street": QT_TRANSLATE_NOOP("mediation", "Referred by the street office"),
}

CATEGORIES: dict[str, str] = {
    "neighbour": QT_TRANSLATE_NOOP("mediation", "Neighbours"),
    "property": QT_TRANSLATE_NOOP("mediation", "Property management"),
    "leak": QT_TRANSLATE_NOOP("mediation", "Water leaking"),
    "parking": QT_TRANSLATE_NOOP("mediation", "Parking space"),
    "public_space": QT_TRANSLATE_NOOP("mediation", "Public space"),
    "family": QT_TRANSLATE_NOOP("mediation", "Marriage and family"),
    "damages": QT_TRANSLATE_NOOP("mediation", "Damages"),
    "contract": QT_TRANSLATE_NOOP("mediation", "Contract"),
    "labour": QT_TRANSLATE_NOOP("mediation", "Labour"),
    "other": QT_TRANSLATE_NOOP("mediation", "Other"),
}

ROLES: dict[str, str] = {
    "applicant": QT_TRANSLATE_NOOP("mediation", "Applicant"),
    "respondent": QT_TRANSLATE_NOOP("mediation", "Respondent"),
    "other": QT_TRANSLATE_NOOP("mediation", "Other party"),
}

ESCALATION_LEVELS: dict[str, str] = {
    "community": QT_TRANSLATE_NOOP("mediation", "Community"),
    "street": QT_TRANSLATE_NOOP("mediation", "Street office"),
    "judicial": QT_TRANSLATE_NOOP("mediation", "Judicial route"),
}

AGREEMENT_FORMS: dict[str, str] = {
    "written": QT_TRANSLATE_NOOP("mediation", "Written"),
    "oral": QT_TRANSLATE_NOOP("mediation", "Oral"),
}

# -- errors --------------------------------------------------------------------


class MediationError(GridKeeperError):
    """Parameters named in `labels` are vocabulary labels, translated in CONTEXT too."""

    labels: tuple[str, ...] = ()

    def translated(self, translate: Translate) -> str:
        text = translate(self.context, self.message) or self.message
        params = {k: (translate(CONTEXT, v) or v) if k in self.labels else v for k, v in self.params.items()}
        return text.format(**params)


class IllegalTransition(MediationError):
    labels = ("current", "target")

    def __init__(self, number: str, current: str, target: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("errors", "Case {number} is “{current}”: it cannot become “{target}”."),
            number=number, current=STATUSES.get(current, current), target=STATUSES.get(target, target),
        )


class MissingField(MediationError):
    labels = ("field",)

    def __init__(self, what: str) -> None:
        super().__init__(QT_TRANSLATE_NOOP("errors", "Fill in “{field}” first; nothing was saved."), field=what)


class CaseNotFound(MediationError):
    def __init__(self, case_id: str) -> None:
        super().__init__(QT_TRANSLATE_NOOP("errors", "The mediation case {case} is not in this profile."),
                         case=case_id)


# Field names the MissingField error can name (translated in CONTEXT).
F_SUMMARY = QT_TRANSLATE_NOOP("mediation", "Summary")
F_NAME = QT_TRANSLATE_NOOP("mediation", "Name")
F_TERMS = QT_TRANSLATE_NOOP("mediation", "Terms")
F_REMEDIES = QT_TRANSLATE_NOOP("mediation", "Other remedies the parties were told of")
F_REASON = QT_TRANSLATE_NOOP("mediation", "Reason")
F_RESULT = QT_TRANSLATE_NOOP("mediation", "Result")
F_RECORD = QT_TRANSLATE_NOOP("mediation", "Record")
