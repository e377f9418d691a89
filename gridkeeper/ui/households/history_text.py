"""One line of a household's timeline, in the user's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from gridkeeper.errors import QT_TRANSLATE_NOOP
from gridkeeper.places.history import Event
from gridkeeper.rules import idnumber, phone
from gridkeeper.ui.care import labels as care_labels

_FIELDS = {
    "status": QT_TRANSLATE_NOOP("history", "status"),
    "household_id": QT_TRANSLATE_NOOP("history", "household"),
    "relation_to_head": QT_TRANSLATE_NOOP("history", "relation to head"),
    "name": QT_TRANSLATE_NOOP("history", "name"),
    "phones": QT_TRANSLATE_NOOP("history", "phone numbers"),
    "note": QT_TRANSLATE_NOOP("history", "note"),
    "residence_status": QT_TRANSLATE_NOOP("history", "residence status"),
    "id_number": QT_TRANSLATE_NOOP("history", "ID number"),
}
_STATUS = {"active": QT_TRANSLATE_NOOP("history", "living here"),
           "moved_out": QT_TRANSLATE_NOOP("history", "moved out"),
           "deceased": QT_TRANSLATE_NOOP("history", "deceased")}
_CONTACT = QT_TRANSLATE_NOOP("history", "Contact ({method}): {outcome}")
_CORRECTED = QT_TRANSLATE_NOOP("history", "Contact corrected ({method}): really {outcome}, because {reason}")
_BY = QT_TRANSLATE_NOOP("history", " — by {by}")
_NEED = QT_TRANSLATE_NOOP("history", " · need: {need}")
_SERVICE = QT_TRANSLATE_NOOP("history", "Service: {service}")
_MINUTES = QT_TRANSLATE_NOOP("history", " ({minutes} min)")
_ADDED = QT_TRANSLATE_NOOP("history", "Filed as a member")
_CHANGED = QT_TRANSLATE_NOOP("history", "Changed {field}: {value}")
_MOVED_HERE = QT_TRANSLATE_NOOP("history", "Moved into this household")
_TAG_ADDED = QT_TRANSLATE_NOOP("history", "Tag added: {tag}")
_TAG_REMOVED = QT_TRANSLATE_NOOP("history", "Tag removed: {tag}")
_HOUSEHOLD = QT_TRANSLATE_NOOP("history", "Household {field}: {value}")
_MOVED = QT_TRANSLATE_NOOP("history", "Household moved from {old} to {new}")
_MOVED_TO = QT_TRANSLATE_NOOP("history", "Household moved to {new}")
_VACANT = QT_TRANSLATE_NOOP("history", "Marked vacant (空户) since {since}")
_LIVED_IN = QT_TRANSLATE_NOOP("history", "Lived in again (no longer vacant)")
_GRID = QT_TRANSLATE_NOOP("history", "Its building was put in {grid}: the household is in that grid's lists now")
_NO_GRID = QT_TRANSLATE_NOOP("history", "Its building was taken out of its grid: the household is in no grid now")
_MERGED = QT_TRANSLATE_NOOP("history", "The file of {address} merged into this one: its members, care plans, list "
                                       "items and mediations moved here")
_REVEAL = QT_TRANSLATE_NOOP("history", "{field} shown by {by} (audited)")
_MEDIATION = QT_TRANSLATE_NOOP("history", "Mediation {number} ({category}): {status}")
_LIST_ITEM = QT_TRANSLATE_NOOP("history", "{kind} “{title}”: {status}")
_DUTY_MATTER = QT_TRANSLATE_NOOP("history", "Weekend duty: {category} “{what}”: {outcome}")
_MEETING = QT_TRANSLATE_NOOP("history", "Took part in: {place} {kind}")


def _t(text: str) -> str:
    return QCoreApplication.translate("history", text)


def _value(field: str, value: object) -> str:
    if field == "status":
        return _t(_STATUS.get(str(value), str(value)))
    if field == "phones":
        try:
            import json

            numbers = json.loads(str(value)) if isinstance(value, str) else value
        except ValueError:
            numbers = []
        return "、".join(phone.mask(str(n)) for n in numbers or []) or "—"
    if field == "id_number":
        return idnumber.mask(str(value or ""))
    return str(value) if value not in (None, "") else "—"


_PLAN_ADDED = QT_TRANSLATE_NOOP("history", "Care plan made: {frequency}")
_PLAN_ENDED = QT_TRANSLATE_NOOP("history", "Care plan ended on {day}")


def describe(event: Event) -> str:
    """The line, and who made the change when that is known (" — by 李娜")."""
    text = _describe(event)
    by = event.values.get("by")
    if by and event.kind not in ("contact", "service", "list_item", "reveal"):  # those say it themselves
        text += _t(_BY).format(by=by)
    return text


def _describe(event: Event) -> str:
    v = event.values
    if event.kind == "contact" and v.get("corrects"):  # an appended correction says what and why
        text = _t(_CORRECTED).format(method=care_labels.method(v["method"]), outcome=care_labels.outcome(v["outcome"]),
                                     reason=v.get("reason") or "—")
        return text + (_t(_BY).format(by=v["by"]) if v.get("by") else "")
    if event.kind == "contact":
        text = _t(_CONTACT).format(method=care_labels.method(v["method"]), outcome=care_labels.outcome(v["outcome"]))
        if v.get("need"):
            text += _t(_NEED).format(need=v["need"])
        if v.get("note"):
            text += f"：{v['note']}"
        return text + (_t(_BY).format(by=v["by"]) if v.get("by") else "")
    if event.kind == "service":
        text = _t(_SERVICE).format(service=care_labels.service(v["type"]))
        if v.get("minutes"):
            text += _t(_MINUTES).format(minutes=v["minutes"])
        if v.get("note"):
            text += f"：{v['note']}"
        return text + (_t(_BY).format(by=v["by"]) if v.get("by") else "")
    if event.kind == "plan_added":
        return _t(_PLAN_ADDED).format(frequency=care_labels.frequency(v["frequency"], v.get("interval")))
    if event.kind == "plan_ended":
        return _t(_PLAN_ENDED).format(day=v["end"])
    if event.kind == "member_added":
        return _t(_ADDED)
    if event.kind == "member_changed":
        if v["field"] == "household_id":
            return _t(_MOVED_HERE)
        return _t(_CHANGED).format(field=_t(_FIELDS.get(v["field"], v["field"])), value=_value(v["field"], v["value"]))
    if event.kind == "tag_added":
        tag = f"{v['tag']}（{v['detail']}）" if v.get("detail") else v["tag"]
        return _t(_TAG_ADDED).format(tag=tag)
    if event.kind == "tag_removed":
        return _t(_TAG_REMOVED).format(tag=v["tag"])
    if event.kind == "household":
        return _t(_HOUSEHOLD).format(field=_t(_FIELDS.get(v["field"], v["field"])), value=_value(v["field"], v["value"]))
    if event.kind == "moved":
        if v.get("from"):
            return _t(_MOVED).format(old=v["from"], new=v["to"] or "—")
        return _t(_MOVED_TO).format(new=v["to"] or "—")
    if event.kind == "vacant":
        return _t(_VACANT).format(since=v.get("since") or "—")
    if event.kind == "lived_in":
        return _t(_LIVED_IN)
    if event.kind == "grid":
        return _t(_GRID).format(grid=v["grid"]) if v.get("grid") else _t(_NO_GRID)
    if event.kind == "merged":
        return _t(_MERGED).format(address=v.get("address") or "—")
    if event.kind == "mediation":
        from gridkeeper.ui.mediation import labels as mediation_labels

        return _t(_MEDIATION).format(number=v["number"], category=mediation_labels.category(v["category"]),
                                     status=mediation_labels.status(v["status"]))
    if event.kind == "list_item":
        from gridkeeper import lists
        from gridkeeper.ui.widgets import vocab

        text = _t(_LIST_ITEM).format(kind=vocab.word(lists.KINDS, v["kind"]), title=v["title"],
                                     status=vocab.word(lists.STATUSES, v["status"]))
        return text + (_t(_BY).format(by=v["by"]) if v.get("by") else "")
    if event.kind in ("duty_matter", "meeting"):
        from gridkeeper.meetings import terms

        def m(words: dict[str, str], code: str) -> str:
            return QCoreApplication.translate(terms.CONTEXT, words.get(code, code))

        if event.kind == "meeting":
            return _t(_MEETING).format(place=v["place"], kind=m(terms.KINDS, v["kind"]))
        text = _t(_DUTY_MATTER).format(category=m(terms.MATTER_CATEGORIES, v["category"]), what=v["what"],
                                       outcome=m(terms.OUTCOMES, v["outcome"]))
        return text + (f" · {v['feedback']}" if v.get("feedback") else "")
    if event.kind == "reveal":
        return _t(_REVEAL).format(field=_t(_FIELDS.get(v["field"], v["field"])), by=v.get("by") or "—")
    return event.kind
