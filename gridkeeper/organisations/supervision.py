"""Property companies under supervision (物业监督): contracts, changes of company, inspections,
the quarterly service evaluation.

A compound's company is the one whose contract runs on the day asked about. A
change of company ends the running contract the day before the change (its
exit reason kept) and starts the new one on the day, so the compound's history
keeps both; `compound.property_company` follows, since the four lists name the
owner of a property problem from it. An inspection's failed check with a
finding becomes a problem in the four lists owned by the company serving then.
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from gridkeeper import clock, ids
from gridkeeper.organisations.errors import QT_TRANSLATE_NOOP, refuse
from gridkeeper.organisations.terms import EVALUATION_ITEMS, EVALUATION_PARTIES, INSPECTION_PROBLEM_DAYS, clean, new_id
from gridkeeper.reports import period as reports_period
from gridkeeper.store import lists as list_queries
from gridkeeper.store import organisations as q
from gridkeeper.store.engine import Store

CompanyRow = q.CompanyRow
ContractRow = q.ContractRow


def add_company(store: Store, name: str, contact: str = "", phone: str = "", note: str = "") -> str:
    """A property company the street supervises; names are unique."""
    name = clean(name)
    if not name:
        raise refuse(QT_TRANSLATE_NOOP("errors", "The property company needs a name."))
    company_id = new_id()
    with store.begin() as conn:
        if q.company_by_name(conn, name):
            raise refuse(QT_TRANSLATE_NOOP("errors", "A property company called {name} is already recorded."),
                         name=name)
        q.insert(conn, "propertycompany", {"id": company_id, "name": name, "contact": clean(contact) or None,
                                           "phone": clean(phone) or None, "note": clean(note) or None})
    return company_id


def companies(store: Store) -> list[CompanyRow]:
    with store.read() as conn:
        return q.companies(conn)


def running(contracts: Sequence[ContractRow], day: date) -> ContractRow | None:
    """The contract serving on `day` (the latest started, if records overlap)."""
    live = [k for k in contracts if k.start_date <= day and (k.end_date is None or k.end_date >= day)]
    return live[-1] if live else None


def company_on(store: Store, compound_id: str, day: date | None = None) -> ContractRow | None:
    with store.read() as conn:
        return running(q.contracts(conn, compound_id), day or clock.today())


def history(store: Store, compound_id: str) -> list[ContractRow]:
    """Every company that served the compound, oldest first, with entry, exit and reason."""
    with store.read() as conn:
        return q.contracts(conn, compound_id)


def serve(store: Store, compound_id: str, company_id: str, start: date) -> str:
    """The first contract recorded for a compound (use change_company when one runs)."""
    with store.begin() as conn:
        if running(q.contracts(conn, compound_id), start):
            raise refuse(QT_TRANSLATE_NOOP(
                "errors", "A company already serves this compound on {day}: record a change of company instead."),
                day=start.isoformat())
        return _start(conn, compound_id, company_id, start)


def _start(conn, compound_id: str, company_id: str, start: date) -> str:  # type: ignore[no-untyped-def]
    name = conn.exec_driver_sql("SELECT name FROM propertycompany WHERE id = ? AND deleted = 0",
                                (company_id,)).scalar()
    if name is None or not q.exists(conn, "compound", compound_id):
        raise refuse(QT_TRANSLATE_NOOP("errors", "That compound or company no longer exists."))
    contract_id = new_id()
    q.insert(conn, "propertycontract", {"id": contract_id, "compound_id": compound_id, "company_id": company_id,
                                        "start_date": start, "end_date": None, "exit_reason": None})
    q.update(conn, "compound", compound_id, {"property_company": name})
    return contract_id


def change_company(store: Store, compound_id: str, company_id: str, day: date, reason: str) -> str:
    """The compound changes company on `day`: the running contract ends the day before, with the
    reason; the new one starts on the day. Returns the new contract's id."""
    reason = clean(reason)
    if not reason:
        raise refuse(QT_TRANSLATE_NOOP("errors", "Say why the company changes: it stays in the compound's history."))
    with store.begin() as conn:
        now = running(q.contracts(conn, compound_id), day)
        if now is not None:
            if now.company_id == company_id:
                raise refuse(QT_TRANSLATE_NOOP("errors", "{name} already serves this compound."), name=now.company)
            if day <= now.start_date:
                raise refuse(QT_TRANSLATE_NOOP(
                    "errors", "The change must come after {name} started on {day}."),
                    name=now.company, day=now.start_date.isoformat())
            q.update(conn, "propertycontract", now.id, {"end_date": day - timedelta(days=1), "exit_reason": reason})
        return _start(conn, compound_id, company_id, day)


# -- inspections ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Check:
    item: str
    passed: bool
    finding: str = ""


def inspect(store: Store, compound_id: str, day: date, inspectors: str, checks: Sequence[Check], by: str,
            note: str = "", now: datetime | None = None) -> tuple[str, list[str]]:
    """Record an inspection; each failed check with a finding becomes a problem owned by the company
    serving that day (due in INSPECTION_PROBLEM_DAYS days). Returns (inspection id, problem ids)."""
    inspectors = clean(inspectors)
    if not inspectors:
        raise refuse(QT_TRANSLATE_NOOP("errors", "Say who inspected."))
    if day > clock.today():
        raise refuse(QT_TRANSLATE_NOOP("errors", "The inspection day {day} is in the future."), day=day.isoformat())
    items = [Check(clean(c.item), c.passed, clean(c.finding)) for c in checks if clean(c.item)]
    if not items:
        raise refuse(QT_TRANSLATE_NOOP("errors", "An inspection needs at least one checklist item."))
    stamp = (now or clock.now()).replace(microsecond=0).isoformat()
    inspection_id, problems = new_id(), []
    with store.begin() as conn:
        contract = running(q.contracts(conn, compound_id), day)
        if contract is None:
            raise refuse(QT_TRANSLATE_NOOP(
                "errors", "No property company is recorded as serving this compound on {day}."), day=day.isoformat())
        q.insert(conn, "inspection", {"id": inspection_id, "compound_id": compound_id,
                                      "company_id": contract.company_id, "inspected_on": day,
                                      "inspectors": inspectors, "note": clean(note) or None})
        grid = list_queries.grid_of_compound(conn, compound_id, None)
        for n, c in enumerate(items):
            check_id = ids.uuid5(f"inspectioncheck:{inspection_id}|{n}")
            problem_id = None
            if not c.passed and c.finding:
                problem_id = ids.uuid5(f"problem-of-check:{check_id}")
                _problem(conn, problem_id, c, compound_id, grid, contract.company, day, by, stamp)
                problems.append(problem_id)
            q.insert(conn, "inspectioncheck", {"id": check_id, "inspection_id": inspection_id, "item": c.item,
                                               "passed": c.passed, "finding": c.finding or None,
                                               "problem_id": problem_id})
    return inspection_id, problems


def _problem(conn, problem_id: str, c: Check, compound_id: str, grid: str | None,  # type: ignore[no-untyped-def]
             company: str, day: date, by: str, stamp: str) -> None:
    """The same row lists.create_item writes, inside this transaction: the check and its problem together."""
    q.insert(conn, "listitem", {
        "id": problem_id, "kind": "problem", "title": f"{c.item}：{c.finding}"[:200], "detail": None,
        "source": "inspection", "category": None, "finding_id": None, "grid_id": grid, "compound_id": compound_id,
        "household_id": None, "owner_party": "property", "owner_name": company,
        "due_date": day + timedelta(days=INSPECTION_PROBLEM_DAYS), "opened_on": date.fromisoformat(stamp[:10]),
        "status": "open", "escalation_level": "compound"})
    q.insert(conn, "listitemhistory", {"id": new_id(), "item_id": problem_id, "at": stamp, "from_status": None,
                                       "to_status": "open", "by": by})


def inspections(store: Store, compound_id: str | None = None, company_id: str | None = None) -> list[q.InspectionRow]:
    with store.read() as conn:
        return q.inspections(conn, compound_id, company_id)


# -- the quarterly evaluation ---------------------------------------------------------------------


def evaluation_id(compound_id: str, quarter: str, party: str) -> str:
    return ids.uuid5(f"serviceevaluation:{compound_id}|{quarter}|{party}")


def evaluate(store: Store, compound_id: str, quarter: str, party: str, scores: Mapping[str, int]) -> str:
    """One party's scores (0-100 per item) of the compound's company for a quarter ("2026-Q3").
    Entering it again replaces it (one row per compound, quarter and party)."""
    if party not in EVALUATION_PARTIES:
        raise ValueError(f"unknown party {party}")
    period = reports_period.quarter(quarter)  # BadPeriod, in words, for "2026Q7"
    quarter = period.label
    if period.first > clock.today():  # nothing to judge yet: scores for a future quarter would be guesses
        raise refuse(QT_TRANSLATE_NOOP(
            "errors", "The quarter {quarter} has not started yet (it starts on {day}); evaluate it once it has."),
            quarter=quarter, day=period.first.isoformat())
    bad = [k for k, v in scores.items() if k not in EVALUATION_ITEMS or not isinstance(v, int) or not 0 <= v <= 100]
    if bad or not scores:
        raise refuse(QT_TRANSLATE_NOOP("errors", "Each score is a whole number from 0 to 100, one per item."))
    row_id = evaluation_id(compound_id, quarter, party)
    with store.begin() as conn:
        contract = running(q.contracts(conn, compound_id), min(period.last, clock.today()))
        if contract is None:
            raise refuse(QT_TRANSLATE_NOOP(
                "errors", "No property company is recorded as serving this compound on {day}."),
                day=min(period.last, clock.today()).isoformat())
        values = {"compound_id": compound_id, "company_id": contract.company_id, "quarter": quarter,
                  "party": party, "scores": json.dumps(dict(sorted(scores.items()))), "deleted": False}
        if conn.exec_driver_sql("SELECT 1 FROM serviceevaluation WHERE id = ?", (row_id,)).first():
            q.update(conn, "serviceevaluation", row_id, values)
        else:
            q.insert(conn, "serviceevaluation", {"id": row_id, **values})
    return row_id


@dataclass(frozen=True)
class Evaluation:
    """One compound's evaluation for a quarter, ranked."""

    rank: int
    compound_id: str
    compound: str
    company: str
    by_party: dict[str, float]  # party -> mean of its item scores
    by_item: dict[str, float]  # item -> mean over the parties that scored it
    overall: float  # mean of the parties' means


def ranking(store: Store, quarter: str, grid_ids: Sequence[str] | None = None) -> list[Evaluation]:
    """The quarter's evaluations, best overall first (ties by compound name); ranks 1, 2, 2, 4."""
    with store.read() as conn:
        places = {cid: name for cid, name, _c in q.compounds(conn, grid_ids)}
        names = {c.id: c.name for c in q.companies(conn)}
        rows = q.evaluations(conn, quarter)
    grouped: dict[tuple[str, str], dict[str, dict[str, int]]] = {}
    for compound_id, company_id, party, scores in rows:
        if compound_id in places:
            grouped.setdefault((compound_id, company_id), {})[party] = json.loads(scores)
    found = []
    for (compound_id, company_id), parties in grouped.items():
        by_party = {p: statistics.fmean(s.values()) for p, s in parties.items() if s}
        items: dict[str, list[int]] = {}
        for s in parties.values():
            for k, v in s.items():
                items.setdefault(k, []).append(v)
        found.append((compound_id, names.get(company_id, ""), by_party,
                      {k: statistics.fmean(v) for k, v in items.items()}, statistics.fmean(by_party.values())))
    found.sort(key=lambda f: (-round(f[4], 6), places[f[0]]))
    out: list[Evaluation] = []
    for n, (cid, company, by_party, by_item, overall) in enumerate(found):
        rank = out[-1].rank if out and round(out[-1].overall, 6) == round(overall, 6) else n + 1
        out.append(Evaluation(rank, cid, places[cid], company, by_party, by_item, overall))
    return out


@dataclass(frozen=True)
class CompanySummary:
    company_id: str
    name: str
    compounds: tuple[str, ...]  # names of the compounds served today
    open_problems: int
    overdue: int
    median_closing_days: float | None


def summaries(store: Store, today: date | None = None) -> list[CompanySummary]:
    """Each company with the compounds it serves today and its problems (the four lists' count)."""
    today = today or clock.today()
    with store.read() as conn:
        places = {cid: name for cid, name, _c in q.compounds(conn, None)}
        contracts = q.contracts(conn)
        out = []
        for c in q.companies(conn):
            served = sorted({places[k.compound_id] for k in contracts if k.company_id == c.id
                             and k.compound_id in places and running([k], today)})
            problems = q.problem_closing(conn, c.name)
            still = [p for p in problems if p[0] in list_queries.OPEN_STATUSES]
            closed = [(p[2] - p[1]).days for p in problems if p[2] and p[0] in ("done", "verified")]
            out.append(CompanySummary(c.id, c.name, tuple(served), len(still),
                                      sum(1 for p in still if p[3] and p[3] < today),
                                      statistics.median(closed) if closed else None))
    return out
