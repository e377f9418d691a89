"""Organisations in the packs (issue 23).

Monthly pack: the work of clubs and volunteer teams per team, per compound and
per volunteer (activities, person-times, volunteer hours, households served,
services done for the four lists). Quarterly pack: committees and Party
organisations per community and for the street (覆盖率, 一肩挑, terms ending
within 6 months), each compound's committee, the property service evaluation
ranked, and satisfaction over time per compound as line charts whose labels
name the events that mattered.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from gridkeeper.errors import QT_TRANSLATE_NOOP
from gridkeeper.organisations import committees, supervision, surveys, teams
from gridkeeper.organisations.terms import EVALUATION_ITEMS, EVALUATION_PARTIES, TERM_WARNING_MONTHS
from gridkeeper.reports.period import Period
from gridkeeper.reports.tables import DATE, INT, NUMBER, PERCENT, TEXT, Chart, Column, Table, Words
from gridkeeper.store.engine import Store

#: Line charts in the quarterly pack: at most this many compounds (those with two surveys or more).
MAX_SATISFACTION_CHARTS = 12


def month_work(store: Store, period: Period, grid_ids: Sequence[str] | None) -> teams.MonthWork:
    return teams.work(store, period.first, period.last, grid_ids)


def governance_total(store: Store, grid_ids: Sequence[str] | None, as_of: date) -> committees.GovernanceFigures:
    """The scope's committees and Party organisations as of a day (the Reports page, the monthly overview)."""
    return committees.governance_figures(committees.governance(store, grid_ids, as_of))[-1]


def governance_overview(o, g: committees.GovernanceFigures) -> None:  # type: ignore[no-untyped-def]
    section = QT_TRANSLATE_NOOP("report", "Committees and Party")
    o.add(section, QT_TRANSLATE_NOOP("report", "Compounds with an owners' committee"), g.with_committee)
    o.add(section, QT_TRANSLATE_NOOP("report", "With a Party organisation (coverage)"), g.with_party_org, g.coverage)
    o.add(section, QT_TRANSLATE_NOOP("report", "Secretary chairs (一肩挑)"), g.one_shoulder)
    o.add(section, QT_TRANSLATE_NOOP("report", "Terms ending within 6 months"), g.terms_ending)


def _columns(w: Words, spec: Sequence[tuple[str, str, int]]) -> list[Column]:
    return [Column(w(title), kind, width) for title, kind, width in spec]


_WORK_COLUMNS = ((QT_TRANSLATE_NOOP("report", "Activities"), INT, 4),
                 (QT_TRANSLATE_NOOP("report", "Person-times"), INT, 4),
                 (QT_TRANSLATE_NOOP("report", "Volunteer hours"), NUMBER, 5),
                 (QT_TRANSLATE_NOOP("report", "Households served"), INT, 5),
                 (QT_TRANSLATE_NOOP("report", "Services for the four lists"), INT, 5))


def _work_cells(f: teams.WorkFigures) -> tuple[object, ...]:
    return (f.activities, f.participants, f.hours, f.households_served, f.services)


def work_overview(o, work: teams.MonthWork) -> None:  # type: ignore[no-untyped-def]
    """Rows for the monthly overview (an Overview from reports/overview.py)."""
    section = QT_TRANSLATE_NOOP("report", "Clubs and teams")
    o.add(section, QT_TRANSLATE_NOOP("report", "Activities"), work.total.activities)
    o.add(section, QT_TRANSLATE_NOOP("report", "Volunteer hours"), round(work.total.hours))
    o.add(section, QT_TRANSLATE_NOOP("report", "Households served"), work.total.households_served)


def work_sheets(work: teams.MonthWork, w: Words) -> list[Table]:
    by_team = Table(w(QT_TRANSLATE_NOOP("report", "Teams at work")), _columns(w, (
        (QT_TRANSLATE_NOOP("report", "Team or club"), TEXT, 10), *_WORK_COLUMNS)),
        [(f.name, *_work_cells(f)) for f in work.teams])
    none = w(QT_TRANSLATE_NOOP("report", "(no compound)"))
    by_compound = Table(w(QT_TRANSLATE_NOOP("report", "Team work by compound")), _columns(w, (
        (QT_TRANSLATE_NOOP("report", "Compound"), TEXT, 8), *_WORK_COLUMNS)),
        [(f.name or none, *_work_cells(f)) for f in work.compounds])
    by_person = Table(w(QT_TRANSLATE_NOOP("report", "Volunteer hours")), _columns(w, (
        (QT_TRANSLATE_NOOP("report", "Volunteer"), TEXT, 5), *_WORK_COLUMNS)),
        [(f.name, *_work_cells(f)) for f in work.volunteers])
    return [by_team, by_compound, by_person]


# -- the quarter ---------------------------------------------------------------------------


@dataclass(frozen=True)
class OrgQuarter:
    as_of: date
    governance: list[committees.Governance]
    figures: list[committees.GovernanceFigures]
    ranking: list[supervision.Evaluation]
    series: list[tuple[str, surveys.Series]]  # (compound name, its series up to as_of)


def quarter_figures(store: Store, period: Period, as_of: date) -> OrgQuarter:
    rows = committees.governance(store, None, as_of)
    series = []
    for g in rows:
        s = surveys.series(store, g.compound_id)
        points = tuple(p for p in s.points if p.day <= as_of)
        if points:
            series.append((g.compound, surveys.Series(s.compound_id, points,
                                                      tuple(e for e in s.events if e.day <= as_of))))
    return OrgQuarter(as_of, rows, committees.governance_figures(rows), supervision.ranking(store, period.label),
                      series)


def quarter_sheets(q: OrgQuarter, w: Words) -> list[Table]:
    street = w(QT_TRANSLATE_NOOP("report", "whole street"))
    ending = w(QT_TRANSLATE_NOOP("report", "Terms ending within {months} months")).format(months=TERM_WARNING_MONTHS)
    cover = Table(w(QT_TRANSLATE_NOOP("report", "Committees and Party")), [
        *_columns(w, ((QT_TRANSLATE_NOOP("report", "Community"), TEXT, 8),
                      (QT_TRANSLATE_NOOP("report", "Compounds"), INT, 4),
                      (QT_TRANSLATE_NOOP("report", "With an owners' committee"), INT, 5),
                      (QT_TRANSLATE_NOOP("report", "With a Party organisation"), INT, 5),
                      (QT_TRANSLATE_NOOP("report", "Coverage"), PERCENT, 4),
                      (QT_TRANSLATE_NOOP("report", "Secretary chairs (一肩挑)"), INT, 5))),
        Column(ending, INT, 6)],
        [(f.community or street, f.compounds, f.with_committee, f.with_party_org, f.coverage, f.one_shoulder,
          f.terms_ending) for f in q.figures], filtered=False)
    yes = w(QT_TRANSLATE_NOOP("report", "yes"))
    per = Table(w(QT_TRANSLATE_NOOP("report", "Committees by compound")), _columns(w, (
        (QT_TRANSLATE_NOOP("report", "Community"), TEXT, 6), (QT_TRANSLATE_NOOP("report", "Compound"), TEXT, 7),
        (QT_TRANSLATE_NOOP("report", "Elected"), DATE, 6), (QT_TRANSLATE_NOOP("report", "Term ends"), DATE, 6),
        (QT_TRANSLATE_NOOP("report", "Chair"), TEXT, 4), (QT_TRANSLATE_NOOP("report", "Party organisation"), TEXT, 8),
        (QT_TRANSLATE_NOOP("report", "Secretary"), TEXT, 4),
        (QT_TRANSLATE_NOOP("report", "Secretary chairs (一肩挑)"), TEXT, 4),
        (QT_TRANSLATE_NOOP("report", "Term ending soon"), TEXT, 4))),
        [(g.community, g.compound, g.committee.elected_on if g.committee else None,
          g.committee.term_ends if g.committee else None, g.chair, g.party_org.name if g.party_org else "",
          g.party_org.secretary if g.party_org else "", yes if g.one_shoulder else "", yes if g.term_warning else "")
         for g in q.governance])
    parties = list(EVALUATION_PARTIES)
    items = list(EVALUATION_ITEMS)
    ranked = Table(w(QT_TRANSLATE_NOOP("report", "Property service ranking")), [
        *_columns(w, ((QT_TRANSLATE_NOOP("report", "Rank"), INT, 3), (QT_TRANSLATE_NOOP("report", "Compound"), TEXT, 7),
                      (QT_TRANSLATE_NOOP("report", "Property company"), TEXT, 9),
                      (QT_TRANSLATE_NOOP("report", "Overall score"), NUMBER, 4))),
        *(Column(w.other("vocab", EVALUATION_PARTIES[p]), NUMBER, 5) for p in parties),
        *(Column(w.other("vocab", EVALUATION_ITEMS[i]), NUMBER, 5) for i in items)],
        [(e.rank, e.compound, e.company, round(e.overall, 1), *(_round(e.by_party.get(p)) for p in parties),
          *(_round(e.by_item.get(i)) for i in items)) for e in q.ranking])
    return [cover, per, ranked, _satisfaction(q, w)]


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


_EVENT_WORDS = {
    "company_changed": QT_TRANSLATE_NOOP("report", "property company changed to {text}"),
    "deliberation": QT_TRANSLATE_NOOP("report", "deliberation decided: {text}"),
}


def _satisfaction(q: OrgQuarter, w: Words) -> Table:
    """One row per survey, compound by compound; a line chart per compound with two surveys or more. The
    label column carries the events since the survey before, so the chart's axis names them."""
    rows: list[tuple[object, ...]] = []
    charts: list[Chart] = []
    for compound, s in q.series:
        start = len(rows) + 1
        before = date.min
        for p in s.points:
            events = [w(_EVENT_WORDS.get(e.kind, "{text}")).format(text=e.text) for e in s.events
                      if before < e.day <= p.day]
            label = p.day.isoformat() + (f"（{'；'.join(events)}）" if events else "")
            rows.append((compound, label, p.survey.asked, p.survey.answered, p.survey.overall, p.rate,
                         "；".join(events)))
            before = p.day
        if len(s.points) > 1 and len(charts) < MAX_SATISFACTION_CHARTS:
            charts.append(Chart(w(QT_TRANSLATE_NOOP("report", "Satisfaction in {compound}")).format(compound=compound),
                                start, len(rows), (6,), category_column=2, kind="line"))
    return Table(w(QT_TRANSLATE_NOOP("report", "Satisfaction")), _columns(w, (
        (QT_TRANSLATE_NOOP("report", "Compound"), TEXT, 7), (QT_TRANSLATE_NOOP("report", "Survey"), TEXT, 14),
        (QT_TRANSLATE_NOOP("report", "Households asked"), INT, 4),
        (QT_TRANSLATE_NOOP("report", "Households answered"), INT, 4),
        (QT_TRANSLATE_NOOP("report", "Satisfied"), INT, 4), (QT_TRANSLATE_NOOP("report", "Satisfaction"), PERCENT, 4),
        (QT_TRANSLATE_NOOP("report", "Events since the survey before"), TEXT, 16))), rows, charts)
