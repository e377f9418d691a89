"""`gridkeeper org ...`: organisations on the command line, every action with `--json`.

Registered by gridkeeper/cli.py (add_parser, run) like `places`; the helpers that open a
profile and translate come in as arguments, so this module does not import the CLI back.
Exit status: 0 done, 1 survey answers set aside (the rest recorded), 2 bad usage or input.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from gridkeeper.errors import QT_TRANSLATE_NOOP, Translate
from gridkeeper.organisations.errors import refuse
from gridkeeper.organisations.terms import (
    COMMITTEE_ROLES,
    EVALUATION_ITEMS,
    EVALUATION_PARTIES,
    PARTY_ORG_KINDS,
    SURVEY_METHODS,
    TEAM_KINDS,
    TOPICS,
)

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _pairs(values: list[str] | None) -> dict[str, str]:
    out = {}
    for v in values or []:
        key, sep, rest = v.partition("=")
        if not sep:
            raise refuse(QT_TRANSLATE_NOOP("errors", "Write it as KEY=VALUE: {value}"), value=v)
        out[key.strip()] = rest.strip()
    return out


def add_parser(sub: Any) -> None:
    org = sub.add_parser("org", help="owners' committees, Party organisations, property companies, surveys, teams")
    osub = org.add_subparsers(dest="org_command", metavar="ACTION", required=True)
    parsers = []

    def p(name: str, help_text: str) -> argparse.ArgumentParser:
        parser = osub.add_parser(name, help=help_text)
        parsers.append(parser)
        return parser

    lst = p("list", "each compound's committee, Party organisation, company and latest survey, with the figures")
    lst.add_argument("--date", type=_day, help="as of this day (default: today)")
    c = p("committee", "record a newly elected owners' committee")
    c.add_argument("--compound", required=True, help="its name, or community/compound")
    c.add_argument("--elected", type=_day, required=True)
    c.add_argument("--term-ends", type=_day, help="default: five years after the election")
    c.add_argument("--member", action="append", metavar="NAME[=ROLE]",
                   help=f"a member; ROLE one of {', '.join(COMMITTEE_ROLES)} (default member); repeatable")
    c.add_argument("--party-member", action="append", metavar="NAME", help="a member who is a Party member")
    po = p("party", "set the compound's Party organisation and its secretary")
    po.add_argument("--compound", required=True)
    po.add_argument("--kind", choices=tuple(PARTY_ORG_KINDS), default="branch")
    po.add_argument("--name", required=True)
    po.add_argument("--secretary", required=True)
    po.add_argument("--founded", type=_day)
    co = p("company", "add a property company")
    co.add_argument("name")
    co.add_argument("--contact", default="")
    co.add_argument("--phone", default="")
    p("companies", "the property companies: compounds served, open and overdue problems, median closing days")
    sv = p("serve", "the company serving a compound from a day (the first record; then use change)")
    ch = p("change", "a change of property company: the date and the reason are kept in the history")
    for x in (sv, ch):
        x.add_argument("--compound", required=True)
        x.add_argument("--company", required=True)
        x.add_argument("--on", type=_day, required=True)
    ch.add_argument("--reason", required=True)
    hi = p("history", "the companies that served a compound")
    hi.add_argument("--compound", required=True)
    ins = p("inspect", "record an inspection; failed items with a finding become problems owned by the company")
    ins.add_argument("--compound", required=True)
    ins.add_argument("--on", type=_day, required=True)
    ins.add_argument("--by", required=True, help="who inspected")
    ins.add_argument("--pass", dest="passed", action="append", metavar="ITEM", help="an item that passed")
    ins.add_argument("--fail", action="append", metavar="ITEM[=FINDING]", help="an item that failed")
    ev = p("evaluate", "one party's quarterly scores (0-100) of a compound's property service")
    ev.add_argument("--compound", required=True)
    ev.add_argument("--quarter", required=True, metavar="YYYY-Qn")
    ev.add_argument("--party", choices=tuple(EVALUATION_PARTIES), required=True)
    ev.add_argument("--score", action="append", required=True, metavar="ITEM=N",
                    help=f"ITEM one of {', '.join(EVALUATION_ITEMS)}; repeatable")
    rk = p("ranking", "the quarter's service evaluations, ranked")
    rk.add_argument("--quarter", required=True, metavar="YYYY-Qn")
    su = p("survey", "record a satisfaction survey (counts of households)")
    su.add_argument("--compound", required=True)
    su.add_argument("--on", type=_day, required=True)
    su.add_argument("--method", choices=tuple(SURVEY_METHODS), default="paper")
    su.add_argument("--asked", type=int, required=True)
    su.add_argument("--answered", type=int, help="default: the answers counted from --answers")
    su.add_argument("--satisfied", type=int, help="answered satisfied overall")
    su.add_argument("--topic", action="append", metavar="TOPIC=N", help=f"TOPIC one of {', '.join(TOPICS)}")
    su.add_argument("--answers", metavar="FILE.xlsx", help="count the answers from a sheet, one row per household")
    se = p("series", "a compound's satisfaction over time, with the events that mattered")
    se.add_argument("--compound", required=True)
    tm = p("team", "add a club or volunteer team")
    tm.add_argument("name")
    tm.add_argument("--kind", choices=tuple(TEAM_KINDS), default="volunteer_team")
    tm.add_argument("--compound")
    tm.add_argument("--leader", default="")
    ts = p("teams", "the clubs and teams, numbers in names sorted as numbers")
    ts.add_argument("--search", default="")
    ac = p("activity", "record an activity of a team")
    ac.add_argument("--team", required=True)
    ac.add_argument("--on", type=_day, required=True)
    ac.add_argument("--what", required=True)
    ac.add_argument("--participants", type=int, required=True)
    ac.add_argument("--minutes", type=int, required=True, help="how long each took part")
    ac.add_argument("--households", type=int, default=0, help="households served")
    ac.add_argument("--compound")
    ac.add_argument("--volunteer", action="append", metavar="NAME", help="a named volunteer; repeatable")
    wk = p("work", "the teams' work in a month: per team, compound and volunteer")
    wk.add_argument("--month", required=True, metavar="YYYY-MM")
    for x in parsers:
        x.add_argument("--json", action="store_true", help="print the result as one JSON object")


def _compound(store: Any, text: str) -> str:
    from gridkeeper.store import organisations as q

    with store.read() as conn:
        rows = q.compounds(conn, None)
    wanted = text.strip()
    found = [cid for cid, name, community in rows if wanted in (name, f"{community}/{name}")]
    if len(found) != 1:
        raise refuse(QT_TRANSLATE_NOOP(
            "errors", "No single compound is called {name}; write it as community/compound."), name=text)
    return found[0]


_NOT_ONE = {
    "company": QT_TRANSLATE_NOOP("errors", "No single property company is called {name}."),
    "team": QT_TRANSLATE_NOOP("errors", "No single team is called {name}."),
    "volunteer": QT_TRANSLATE_NOOP("errors", "No single volunteer is called {name}."),
}


def _named(rows: list[tuple[str, str]], text: str, what: str) -> str:
    found = [i for i, name in rows if name == text.strip()]
    if len(found) != 1:
        raise refuse(_NOT_ONE[what], name=text)
    return found[0]


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


#: The plain text's sentences (context "cli"), in the profile's language; --json keeps its keys and values.
_LIST_TOTAL = QT_TRANSLATE_NOOP(
    "cli", "{compounds} compounds, {committees} with a committee, {party} with a Party organisation, "
    "{one_shoulder} 一肩挑, {ending} terms ending within 6 months")
_COMPANY = QT_TRANSLATE_NOOP("cli", "{name}: {compounds}; open {open}, overdue {overdue}, median days {median}")
_INSPECTED = QT_TRANSLATE_NOOP("cli", "{id} ({problems} problems)")
_SET_ASIDE = QT_TRANSLATE_NOOP("cli", "row {row}: {answer} set aside")
_EVENTS = {
    "company_changed": QT_TRANSLATE_NOOP("cli", "{day} property company changed to {text}"),
    "deliberation": QT_TRANSLATE_NOOP("cli", "{day} deliberation adopted: {text}"),
}
_WORK = QT_TRANSLATE_NOOP("cli", "{name}: {activities} activities, {hours} h, {households} households")
_TOTAL = QT_TRANSLATE_NOOP("cli", "Total")


def _words(translate: Translate, message: str, **params: Any) -> str:
    """A "cli" sentence in the user's language; the English source if its translation is broken."""
    try:
        return (translate("cli", message) or message).format(**params)
    except (KeyError, IndexError, ValueError):
        return message.format(**params)


def _out(args: argparse.Namespace, payload: dict[str, Any], human: str) -> None:
    if args.json:
        sys.stdout.write(json.dumps(_plain(payload), ensure_ascii=False, sort_keys=True) + "\n")
    else:
        print(human)


def run(args: argparse.Namespace, root: Path, *, open_store: Callable[..., Any], translate: Translate) -> int:
    from gridkeeper import clock

    store = open_store(root)
    try:
        return _run(args, store, clock.today(), translate)
    finally:
        store.close()


def _run(args: argparse.Namespace, store: Any, today: date, translate: Translate) -> int:
    from gridkeeper.organisations import committees, supervision, surveys, teams
    from gridkeeper.organisations.committees import NewMember

    action = args.org_command
    if action == "list":
        day = args.date or today
        rows = committees.governance(store, None, day)
        figures = committees.governance_figures(rows)
        latest = {cid: s for cid, _n, s in surveys.latest(store)}
        contracts = {r.compound_id: supervision.company_on(store, r.compound_id, day) for r in rows}
        items = [{"compound": g.compound, "community": g.community,
                  "committee_elected": g.committee.elected_on if g.committee else None,
                  "term_ends": g.committee.term_ends if g.committee else None, "chair": g.chair,
                  "members": [{"name": m.name, "role": m.role, "party_member": m.party_member} for m in g.members],
                  "party_org": g.party_org.name if g.party_org else None,
                  "secretary": g.party_org.secretary if g.party_org else None, "one_shoulder": g.one_shoulder,
                  "term_warning": g.term_warning, "days_left": g.days_left,
                  "company": contracts[g.compound_id].company if contracts[g.compound_id] else None,
                  "satisfaction": (round(latest[g.compound_id].overall / latest[g.compound_id].answered, 4)
                                   if latest.get(g.compound_id) else None)} for g in rows]
        figs = [{**asdict(f), "coverage": f.coverage} for f in figures]
        human = "\n".join(
            f"{i['community']} {i['compound']}: {i['chair'] or '-'} / {i['secretary'] or '-'}"
            f"{' 一肩挑' if i['one_shoulder'] else ''} {i['term_ends'] or ''}{' !' if i['term_warning'] else ''} "
            f"{i['company'] or ''}" for i in items)
        total = figures[-1]
        human += "\n" + _words(translate, _LIST_TOTAL, compounds=total.compounds, committees=total.with_committee,
                                party=total.with_party_org, one_shoulder=total.one_shoulder, ending=total.terms_ending)
        _out(args, {"as_of": day, "compounds": items, "figures": figs}, human)
    elif action == "committee":
        party = set(args.party_member or [])
        members = []
        for text in args.member or []:
            name, _s, role = text.partition("=")
            if role and role not in COMMITTEE_ROLES:
                raise refuse(QT_TRANSLATE_NOOP("errors", "Unknown role {value}; the roles are {known}."),
                             value=role, known=", ".join(COMMITTEE_ROLES))
            members.append(NewMember(name, role or "member", name in party))
        cid = committees.add_committee(store, _compound(store, args.compound), args.elected, args.term_ends, members)
        _out(args, {"committee_id": cid}, cid)
    elif action == "party":
        oid = committees.set_party_org(store, _compound(store, args.compound), args.kind, args.name, args.secretary,
                                       args.founded)
        _out(args, {"party_org_id": oid}, oid)
    elif action == "company":
        cid = supervision.add_company(store, args.name, args.contact, args.phone)
        _out(args, {"company_id": cid}, cid)
    elif action == "companies":
        rows = supervision.summaries(store, today)
        _out(args, {"companies": [asdict(r) for r in rows]}, "\n".join(_words(
            translate, _COMPANY, name=r.name, compounds="、".join(r.compounds) or "-", open=r.open_problems,
            overdue=r.overdue, median=r.median_closing_days if r.median_closing_days is not None else "-")
            for r in rows))
    elif action in ("serve", "change"):
        compound = _compound(store, args.compound)
        company = _named([(c.id, c.name) for c in supervision.companies(store)], args.company, "company")
        if action == "serve":
            kid = supervision.serve(store, compound, company, args.on)
        else:
            kid = supervision.change_company(store, compound, company, args.on, args.reason)
        _out(args, {"contract_id": kid}, kid)
    elif action == "history":
        rows = supervision.history(store, _compound(store, args.compound))
        _out(args, {"contracts": [asdict(r) for r in rows]}, "\n".join(
            f"{r.start_date} – {r.end_date or ''} {r.company} {r.exit_reason}" for r in rows))
    elif action == "inspect":
        checks = [supervision.Check(i, True) for i in args.passed or []]
        for text in args.fail or []:
            item, _s, finding = text.partition("=")
            checks.append(supervision.Check(item, False, finding))
        iid, problems = supervision.inspect(store, _compound(store, args.compound), args.on, args.by, checks,
                                            by=args.by)
        _out(args, {"inspection_id": iid, "problems": problems}, _words(translate, _INSPECTED, id=iid,
                                                                            problems=len(problems)))
    elif action == "evaluate":
        try:
            scores = {k: int(v) for k, v in _pairs(args.score).items()}
        except ValueError:
            raise refuse(QT_TRANSLATE_NOOP("errors", "Each score is a whole number from 0 to 100, one per item.")) \
                from None
        eid = supervision.evaluate(store, _compound(store, args.compound), args.quarter, args.party, scores)
        _out(args, {"evaluation_id": eid}, eid)
    elif action == "ranking":
        rows = supervision.ranking(store, args.quarter)
        _out(args, {"quarter": args.quarter, "ranking": [asdict(r) for r in rows]}, "\n".join(
            f"{r.rank}. {r.compound} ({r.company}) {r.overall:.1f}" for r in rows))
    elif action == "survey":
        return _survey(args, store, surveys, translate)
    elif action == "series":
        s = surveys.series(store, _compound(store, args.compound))
        _out(args, {"points": [{"day": p.day, "rate": round(p.rate, 4), "asked": p.survey.asked,
                                "answered": p.survey.answered, "satisfied": p.survey.overall} for p in s.points],
                    "events": [asdict(e) for e in s.events]},
             "\n".join([f"{p.day} {p.rate:.0%}" for p in s.points]
                       + [_words(translate, _EVENTS.get(e.kind, "{day} {text}"), day=e.day, text=e.text)
                          for e in s.events]))
    elif action == "team":
        compound = _compound(store, args.compound) if args.compound else None
        tid = teams.add_team(store, args.name, args.kind, compound, args.leader)
        _out(args, {"team_id": tid}, tid)
    elif action == "teams":
        rows = teams.team_list(store, args.search)
        _out(args, {"teams": [asdict(t) for t in rows]}, "\n".join(
            f"{t.name} [{translate('vocab', TEAM_KINDS.get(t.kind, t.kind)) or t.kind}] {t.compound or t.community} "
            f"{t.members}" for t in rows))
    elif action == "activity":
        return _activity(args, store, teams)
    elif action == "work":
        from gridkeeper.reports import period

        month = period.month(args.month)
        w = teams.work(store, month.first, month.last)
        _out(args, {"month": month.label, "teams": [asdict(f) for f in w.teams],
                    "compounds": [asdict(f) for f in w.compounds], "volunteers": [asdict(f) for f in w.volunteers],
                    "total": asdict(w.total)},
             "\n".join(_words(translate, _WORK, name=f.name or _words(translate, _TOTAL), activities=f.activities,
                              hours=f.hours, households=f.households_served) for f in (*w.teams, w.total)))
    return EXIT_OK


def _survey(args: argparse.Namespace, store: Any, surveys: Any, translate: Translate) -> int:
    compound = _compound(store, args.compound)
    try:
        topics: dict[str, int | None] = {k: int(v) for k, v in _pairs(args.topic).items()}
    except ValueError:
        raise refuse(QT_TRANSLATE_NOOP("errors", "A topic's count is a whole number.")) from None
    skipped: tuple[tuple[int, str], ...] = ()
    if args.answers:
        from gridkeeper.io.survey_answers import read_answers

        counted = surveys.count_answers(read_answers(Path(args.answers)))
        answered, satisfied, topics, skipped = counted.answered, counted.overall, counted.topics, counted.skipped
    else:
        if args.answered is None or args.satisfied is None:
            raise refuse(QT_TRANSLATE_NOOP("errors", "Give --answered and --satisfied, or a sheet of answers."))
        answered, satisfied = args.answered, args.satisfied
    unknown = [t for t in topics if t not in TOPICS]
    if unknown:
        raise refuse(QT_TRANSLATE_NOOP("errors", "Unknown topic {value}; the topics are {known}."),
                     value=unknown[0], known=", ".join(TOPICS))
    sid = surveys.record(store, surveys.NewSurvey(compound, args.on, args.method, args.asked, answered, satisfied,
                                                  topics))
    _out(args, {"survey_id": sid, "answered": answered, "satisfied": satisfied, "topics": topics,
                "skipped": [{"row": r, "answer": a} for r, a in skipped]},
         f"{sid}: {satisfied}/{answered}" + "".join(
             "\n" + _words(translate, _SET_ASIDE, row=r, answer=repr(a)) for r, a in skipped))
    return EXIT_REJECTED if skipped else EXIT_OK


def _activity(args: argparse.Namespace, store: Any, teams: Any) -> int:
    from gridkeeper.store import organisations as q

    team = _named([(t.id, t.name) for t in teams.team_list(store)], args.team, "team")
    with store.read() as conn:
        people = [(vid, name) for vid, (name, _t) in q.volunteer_names(conn).items()]
    volunteers = [_named(people, v, "volunteer") for v in args.volunteer or []]
    compound = _compound(store, args.compound) if args.compound else None
    aid = teams.add_activity(store, teams.NewActivity(team, args.on, args.what, args.participants, args.minutes,
                                                      args.households, compound, volunteers))
    _out(args, {"activity_id": aid}, aid)
    return EXIT_OK
