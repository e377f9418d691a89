"""Residents' satisfaction surveys per compound, and a compound's satisfaction over time.

A survey records households asked and answered and, overall and per topic, how
many answered satisfied (满意 or 基本满意): answered never exceeds asked, and no
count exceeds answered. The rate is satisfied / answered. A compound's series
is its surveys in date order with the events that mattered marked: a change of
property company, a deliberation decided.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from gridkeeper import clock
from gridkeeper.organisations.errors import QT_TRANSLATE_NOOP, refuse
from gridkeeper.organisations.terms import SURVEY_METHODS, TOPICS, clean, new_id
from gridkeeper.store import organisations as q
from gridkeeper.store.engine import Store

SurveyRow = q.SurveyRow
#: Answers that count as satisfied; any other non-empty answer counts as answered, not satisfied.
SATISFIED_ANSWERS = ("满意", "非常满意", "基本满意", "satisfied", "very satisfied", "basically satisfied")
NOT_SATISFIED_ANSWERS = ("不满意", "非常不满意", "一般", "not satisfied", "neutral")


@dataclass(frozen=True)
class NewSurvey:
    compound_id: str
    surveyed_on: date
    method: str
    asked: int
    answered: int
    overall: int  # answered satisfied overall
    topics: Mapping[str, int | None] = field(default_factory=dict)  # topic -> satisfied (None: not asked)
    note: str = ""


def check(new: NewSurvey) -> None:
    """Refuse what cannot be: the arithmetic of a survey, in the user's words."""
    if new.method not in SURVEY_METHODS:
        raise ValueError(f"unknown survey method {new.method}")
    if new.surveyed_on > clock.today():
        raise refuse(QT_TRANSLATE_NOOP("errors", "The survey day {day} is in the future."),
                     day=new.surveyed_on.isoformat())
    if new.asked < 1 or new.answered < 1:
        raise refuse(QT_TRANSLATE_NOOP("errors", "A survey needs at least one household asked and one answer."))
    if new.answered > new.asked:
        raise refuse(QT_TRANSLATE_NOOP(
            "errors", "{answered} households answered but only {asked} were asked."),
            answered=new.answered, asked=new.asked)
    counts = {QT_TRANSLATE_NOOP("vocab", "Overall"): new.overall}
    counts.update({TOPICS[t]: v for t, v in new.topics.items() if v is not None})
    for topic in new.topics:
        if topic not in TOPICS:
            raise ValueError(f"unknown topic {topic}")
    for label, n in counts.items():
        if not 0 <= n <= new.answered:
            raise refuse(QT_TRANSLATE_NOOP(
                "errors", "{topic}: {n} satisfied is more than the {answered} who answered."),
                topic=label, n=n, answered=new.answered)


def record(store: Store, new: NewSurvey) -> str:
    check(new)
    survey_id = new_id()
    with store.begin() as conn:
        if not q.exists(conn, "compound", new.compound_id):
            raise refuse(QT_TRANSLATE_NOOP("errors", "That compound no longer exists."))
        q.insert(conn, "survey", {
            "id": survey_id, "compound_id": new.compound_id, "surveyed_on": new.surveyed_on, "method": new.method,
            "asked": new.asked, "answered": new.answered, "overall": new.overall,
            **{t: new.topics.get(t) for t in TOPICS}, "note": clean(new.note) or None})
    return survey_id


def rate(satisfied: int | None, answered: int) -> float | None:
    """Satisfied / answered, as a share (0.94); None when the topic was not asked."""
    return None if satisfied is None or not answered else satisfied / answered


@dataclass(frozen=True)
class Answers:
    """Answers counted from a sheet of one row per household: what record() needs, and what was set aside."""

    answered: int
    overall: int
    topics: dict[str, int | None]
    skipped: tuple[tuple[int, str], ...]  # (row number, the overall answer that was not understood)


def count_answers(rows: Sequence[tuple[int, Mapping[str, str]]]) -> Answers:
    """(row number, {"overall"|topic: answer}) of each household -> counts. A row whose overall answer
    is empty or not understood is set aside with its number, never guessed."""
    def kind(text: str) -> str | None:
        t = clean(text).lower()
        if t in SATISFIED_ANSWERS:
            return "yes"
        if t in NOT_SATISFIED_ANSWERS:
            return "no"
        return None

    answered = overall = 0
    topics: dict[str, int | None] = {t: None for t in TOPICS}
    skipped = []
    for number, answers in rows:
        first = kind(answers.get("overall", ""))
        if first is None:
            skipped.append((number, clean(answers.get("overall", ""))))
            continue
        answered += 1
        overall += first == "yes"
        for t in TOPICS:
            k = kind(answers.get(t, ""))
            if k is not None:
                topics[t] = (topics[t] or 0) + (k == "yes")
    return Answers(answered, overall, topics, tuple(skipped))


# -- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Point:
    day: date
    rate: float  # overall satisfied share
    survey: SurveyRow


@dataclass(frozen=True)
class Event:
    day: date
    kind: str  # company_changed / deliberation
    text: str  # the new company, or the deliberation's title


@dataclass(frozen=True)
class Series:
    compound_id: str
    points: tuple[Point, ...]
    events: tuple[Event, ...]


def surveys(store: Store, compound_id: str | None = None) -> list[SurveyRow]:
    with store.read() as conn:
        return q.surveys(conn, compound_id)


def series(store: Store, compound_id: str) -> Series:
    """The compound's overall satisfaction survey by survey, with the events that mattered."""
    with store.read() as conn:
        rows = q.surveys(conn, compound_id)
        contracts = q.contracts(conn, compound_id)
        decided = q.deliberations_decided(conn, compound_id)
    events = [Event(k.start_date, "company_changed", k.company) for k in contracts[1:]]
    events += [Event(day, "deliberation", title) for day, title in decided]
    points = tuple(Point(s.surveyed_on, s.overall / s.answered, s) for s in rows if s.answered)
    return Series(compound_id, points, tuple(sorted(events, key=lambda e: (e.day, e.kind, e.text))))


def latest(store: Store, grid_ids: Sequence[str] | None = None) -> list[tuple[str, str, SurveyRow | None]]:
    """(compound id, name, its latest survey) for every compound in scope."""
    with store.read() as conn:
        places = q.compounds(conn, grid_ids)
        last: dict[str, SurveyRow] = {}
        for s in q.surveys(conn):
            last[s.compound_id] = s  # oldest first: the last one wins
    return [(cid, name, last.get(cid)) for cid, name, _c in places]
