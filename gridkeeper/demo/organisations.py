"""The demo street's organisations (issue 23), with a history that reads as real:

- most compounds have an owners' committee (five-year terms elected over the last five years, so a
  few end within six months) and a Party branch in most of those, whose secretary often chairs it;
- every compound's property company serves under a contract; in the first compound the residents,
  after a deliberation (adopted through its three stages, with the project it decided), changed company some four months ago, and
  their satisfaction, 31 % a year ago, rose to 94 % after it;
- four surveys a year per compound, one inspection per compound last month (failed items with a
  finding became the company's problems), the last complete quarter's service evaluation by the
  three parties;
- clubs beside the volunteer teams (a calligraphy club, a door-knocking team, the 金色调解室
  mediation volunteers), each with members of its own, and three months of activities with named volunteers and hours.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, text

from gridkeeper import ids
from gridkeeper.demo import vocab
from gridkeeper.organisations.terms import CHECKLIST, EVALUATION_ITEMS, EVALUATION_PARTIES
from gridkeeper.store import capture
from gridkeeper.sync.clock import HybridClock

Rows = dict[str, list[dict[str, Any]]]
_TABLES = ("propertycompany", "propertycontract", "ownerscommittee", "committeemember", "partyorg", "listitem",
           "listitemhistory", "inspection", "inspectioncheck", "serviceevaluation", "survey", "volunteerteam",
           "volunteer", "teamactivity", "activityvolunteer", "deliberation", "deliberationstep", "deliberationlink")
_CLUBS = (("书法协会", "skill_club"), ("敲门日服务队", "knock_day"), ("金色调解室", "mediation"),
          ("广场舞队", "skill_club"), ("义剪队", "skill_club"))
_ACTIVITIES = {
    "volunteer_team": ("独居老人走访", "楼道清理", "垃圾分类宣传", "送餐上门", "防诈骗宣传"),
    "skill_club": ("书法进小区", "义剪服务", "文艺汇演", "手工课"),
    "knock_day": ("敲门日入户走访", "高龄老人问安"),
    "mediation": ("邻里纠纷调解", "法律咨询进小区"),
}
_FINDINGS = {"消防通道畅通": "东侧消防通道停放电动车", "楼道整洁": "3幢楼道堆放杂物", "垃圾及时清运": "北门垃圾桶满溢",
             "电梯按期年检": "2幢电梯年检标志过期"}


def _day(d: date) -> str:
    return d.isoformat()


def add(conn: Connection, clock: HybridClock, tables: Rows, today: date, seed: int) -> dict[str, int]:
    """Insert the organisations of the demo street built in `tables`; counts by table."""
    rng = random.Random(f"organisations-{seed}")
    n = [0]

    def new_id(kind: str) -> str:
        n[0] += 1
        return ids.uuid5(f"demo-organisations-{kind}:{seed}:{n[0]}")  # not the walks demo's ids

    out: Rows = {t: [] for t in _TABLES}
    compounds = tables.get("compound", [])
    grid_of = {b["compound_id"]: b.get("grid_id") for b in tables.get("building", []) if b.get("grid_id")}
    cadre_names = [c["name"] for c in tables.get("cadre", [])] or ["李娜"]

    def person() -> str:
        return vocab.person_name(rng, rng.choice("MF"), rng.randint(1955, 1985))

    # -- property companies and contracts ---------------------------------------------------------
    names = sorted({c["property_company"] for c in compounds if c.get("property_company")} | set(
        vocab.PROPERTY_COMPANIES[:3]))
    company_id = {}
    for name in names:
        company_id[name] = new_id("company")
        out["propertycompany"].append({"id": company_id[name], "deleted": 0, "name": name, "contact": person(),
                                       "phone": vocab.mobile(rng), "note": None})
    changed = compounds[0] if compounds else None
    change_day = today - timedelta(days=120)
    decided = change_day - timedelta(days=35)
    for c in compounds:
        start = date(rng.randint(2012, 2020), rng.randint(1, 12), 1)
        old = c.get("property_company") or names[0]
        contract = {"id": new_id("contract"), "deleted": 0, "compound_id": c["id"], "company_id": company_id[old],
                    "start_date": _day(start), "end_date": None, "exit_reason": None}
        out["propertycontract"].append(contract)
        if c is changed:
            new = next(x for x in names if x != old)
            contract.update(end_date=_day(change_day - timedelta(days=1)),
                            exit_reason="业主大会表决更换：服务质量差，问题长期不解决")
            out["propertycontract"].append({"id": new_id("contract"), "deleted": 0, "compound_id": c["id"],
                                            "company_id": company_id[new], "start_date": _day(change_day),
                                            "end_date": None, "exit_reason": None})
            c["_new_company"] = new
            blocks = sorted(b["name"] for b in tables.get("building", []) if b["compound_id"] == c["id"])[:2]
            _deliberation(out, new_id, c, grid_of.get(c["id"]), decided, cadre_names[0], blocks)

    # -- committees and Party organisations -------------------------------------------------------
    for c in compounds:
        if rng.random() < 0.15 and c is not changed:
            continue  # no committee yet
        elected = today - timedelta(days=rng.randint(200, 5 * 365 - 20))
        committee = {"id": new_id("committee"), "deleted": 0, "compound_id": c["id"], "elected_on": _day(elected),
                     "term_ends": _day(elected.replace(year=elected.year + 5) if not (
                         elected.month == 2 and elected.day == 29) else date(elected.year + 5, 2, 28)),
                     "name": c.get("hoa")}
        out["ownerscommittee"].append(committee)
        chair = person()
        for k, role in enumerate(("chair", "vice_chair", "member", "member", "member")):
            out["committeemember"].append({"id": new_id("member"), "deleted": 0, "committee_id": committee["id"],
                                           "name": chair if k == 0 else person(), "role": role,
                                           "party_member": int(rng.random() < (0.8 if k == 0 else 0.4))})
        if rng.random() < 0.9 or c is changed:
            secretary = chair if rng.random() < 0.6 or c is changed else person()
            out["partyorg"].append({"id": ids.uuid5(f"partyorg:{c['id']}"), "deleted": 0, "compound_id": c["id"],
                                    "kind": "branch" if rng.random() < 0.8 else "group", "name": f"{c['name']}党支部",
                                    "secretary": secretary, "founded_on": _day(elected - timedelta(days=90))})

    # -- surveys: four a year; the changed compound's satisfaction rises after the change -------
    for c in compounds:
        base = rng.uniform(0.62, 0.9)
        for k, back in enumerate((320, 230, 100, 20)):  # the change: 120 days ago
            day = today - timedelta(days=back)
            if c is changed:
                rate = (0.31, 0.38, 0.78, 0.94)[k]
            else:
                rate = min(0.98, max(0.4, base + rng.uniform(-0.06, 0.06)))
            asked = rng.randint(80, 160)
            answered = asked - rng.randint(0, asked // 8)
            overall = round(rate * answered)
            topic = {t: min(answered, max(0, round((rate + rng.uniform(-0.1, 0.05)) * answered)))
                     for t in ("property_service", "environment", "safety", "neighbours", "community_work")}
            if c is changed:
                topic["property_service"] = round(((0.25, 0.3, 0.75, 0.92)[k]) * answered)
            out["survey"].append({"id": new_id("survey"), "deleted": 0, "compound_id": c["id"],
                                  "surveyed_on": _day(day), "method": rng.choice(("door", "paper", "phone")),
                                  "asked": asked, "answered": answered, "overall": overall, **topic, "note": None})

    # -- inspections last month and the last complete quarter's evaluation -----------------------
    first_of_month = today.replace(day=1)
    for c in compounds:
        day = first_of_month - timedelta(days=rng.randint(3, 25))
        serving = c.get("_new_company") or c.get("property_company") or names[0]
        inspection = {"id": new_id("inspection"), "deleted": 0, "compound_id": c["id"],
                      "company_id": company_id[serving], "inspected_on": _day(day),
                      "inspectors": f"{rng.choice(cadre_names)}、{person()}", "note": None}
        out["inspection"].append(inspection)
        for k, item in enumerate(CHECKLIST):
            item_zh = _CHECK_ZH[k]
            failed = rng.random() < (0.05 if c is changed else 0.15)
            finding = _FINDINGS.get(item_zh) if failed else None
            check_id = ids.uuid5(f"inspectioncheck:{inspection['id']}|{k}")
            problem = None
            if finding:
                problem = ids.uuid5(f"problem-of-check:{check_id}")
                _problem(out, new_id, problem, f"{item_zh}：{finding}", c, grid_of.get(c["id"]), serving, day,
                         inspection["inspectors"].split("、")[0])
            out["inspectioncheck"].append({"id": check_id, "deleted": 0, "inspection_id": inspection["id"],
                                           "item": item_zh, "passed": int(not failed), "finding": finding,
                                           "problem_id": problem})
    quarter_end = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1) - timedelta(days=1)
    label = f"{quarter_end.year}-Q{(quarter_end.month - 1) // 3 + 1}"
    for c in compounds:
        serving = c.get("_new_company") if c is changed and change_day <= quarter_end else c.get("property_company")
        good = 90 if c is changed and change_day <= quarter_end else rng.randint(68, 88)
        for party in EVALUATION_PARTIES:
            scores = {i: max(40, min(100, good + rng.randint(-8, 8))) for i in EVALUATION_ITEMS}
            out["serviceevaluation"].append({
                "id": ids.uuid5(f"serviceevaluation:{c['id']}|{label}|{party}"), "deleted": 0,
                "compound_id": c["id"], "company_id": company_id[serving or names[0]], "quarter": label,
                "party": party, "scores": json.dumps(dict(sorted(scores.items())))})

    # -- clubs and teams at work -------------------------------------------------------------------
    communities = [c["id"] for c in tables.get("community", [])]
    for community in communities:
        mine = [c for c in compounds if c["community_id"] == community]
        for k, (name, kind) in enumerate(_CLUBS[: 2 + rng.randint(0, 3)]):
            home = mine[k % len(mine)] if mine and kind != "mediation" else None
            out["volunteerteam"].append({"id": new_id("club"), "deleted": 0, "name": name, "community_id": community,
                                         "leader": person(), "kind": kind,
                                         "compound_id": home["id"] if home else None})
    # Each club has members of its own (4-10 volunteers), from a random stream of their own so that the
    # rest of the demo is what it was before clubs had members.
    club_rng = random.Random(f"organisations-club-members-{seed}")
    for club in out["volunteerteam"]:
        for k in range(club_rng.randint(4, 10)):
            out["volunteer"].append({"id": ids.uuid5(f"demo-organisations-club-member:{seed}:{club['id']}:{k}"), "deleted": 0, "team_id": club["id"],
                                     "name": vocab.person_name(club_rng, club_rng.choice("MF"),
                                                               club_rng.randint(1950, 1995)),
                                     "phone": vocab.mobile(club_rng)})
    members: dict[str, list[str]] = {}
    for v in [*tables.get("volunteer", []), *out["volunteer"]]:
        if v.get("team_id"):
            members.setdefault(v["team_id"], []).append(v["id"])
    by_community: dict[str, list[dict[str, Any]]] = {}
    for c in compounds:
        by_community.setdefault(c["community_id"], []).append(c)
    for team in [*tables.get("volunteerteam", []), *out["volunteerteam"]]:
        kind = team.get("kind") or "volunteer_team"
        places = by_community.get(team.get("community_id") or "", compounds) or compounds
        for back in range(0, 90, rng.randint(7, 20)):
            day = today - timedelta(days=back + rng.randint(0, 5))
            named = rng.sample(members.get(team["id"], []), k=min(len(members.get(team["id"], [])), rng.randint(0, 4)))
            activity = {"id": new_id("activity"), "deleted": 0, "team_id": team["id"], "held_on": _day(day),
                        "what": rng.choice(_ACTIVITIES[kind]),
                        "compound_id": team.get("compound_id") or rng.choice(places)["id"],
                        "participants": len(named) + rng.randint(1, 8), "duration_minutes": rng.choice((60, 90, 120, 180)),
                        "households_served": rng.randint(0, 25), "item_id": None}
            out["teamactivity"].append(activity)
            for v in named:
                out["activityvolunteer"].append({"id": ids.uuid5(f"activityvolunteer:{activity['id']}|{v}"),
                                                 "deleted": 0, "activity_id": activity["id"], "volunteer_id": v})
    for table in _TABLES:
        if out[table]:
            capture.insert_rows(conn, clock, table, out[table])
    if changed is not None:  # the four lists name a property problem's owner from the compound
        conn.execute(text("UPDATE compound SET property_company = :n WHERE id = :c"),
                     {"n": changed["_new_company"], "c": changed["id"]})
    return {t: len(rows) for t, rows in out.items()}


#: The checklist as the demo street's inspectors write it (CHECKLIST's order).
_CHECK_ZH = ("消防通道畅通", "消防设施完好", "楼道整洁", "垃圾及时清运", "门岗有人值守", "电梯按期年检", "绿化养护到位",
             "公示栏及时更新")


def _deliberation(out: Rows, new_id, c: dict[str, Any], grid: str | None, day: date,  # type: ignore[no-untyped-def]
                  by: str, blocks: list[str]) -> None:
    """The deliberation that decided the change: a project from a meeting, done."""
    item = new_id("deliberation")
    stamp = f"{day.isoformat()}T19:30:00"
    out["listitem"].append({
        "id": item, "deleted": 0, "kind": "project", "title": "业主大会表决更换物业服务企业", "detail": None,
        "source": "meeting", "category": None, "finding_id": None, "grid_id": grid, "compound_id": c["id"],
        "household_id": None, "owner_party": "hoa", "owner_name": c.get("hoa"), "claimant": by,
        "due_date": _day(day + timedelta(days=60)), "opened_on": _day(day), "closed_on": _day(day + timedelta(days=35)),
        "status": "done", "decline_reason": None, "resolution": "经党组织先议、三方协商、业主大会表决，更换物业服务企业",
        "feedback": None, "satisfaction": None, "escalation_level": "compound"})
    _adopted(out, new_id, c, item, day, by, blocks)
    for at, before, after in ((stamp, None, "open"), (f"{day.isoformat()}T20:10:00", "open", "claimed"),
                              (f"{(day + timedelta(days=1)).isoformat()}T09:00:00", "claimed", "in_progress"),
                              (f"{(day + timedelta(days=35)).isoformat()}T10:00:00", "in_progress", "done")):
        out["listitemhistory"].append({"id": new_id("history"), "deleted": 0, "item_id": item, "at": at,
                                       "from_status": before, "to_status": after, "by": by, "note": None})


def _adopted(out: Rows, new_id, c: dict[str, Any], project: str, day: date, by: str,  # type: ignore[no-untyped-def]
             blocks: list[str]) -> None:
    """The 议事 itself (issue 22's table), adopted on `day`: the satisfaction chart reads its events from it.
    The households' answers (for, against, abstaining, not reached) split over at most two buildings."""
    tally = (82, 9, 5, 4)
    first = (50, 5, 3, 2) if len(blocks) > 1 else tally
    split = {blocks[0]: list(first), **({blocks[1]: [t - f for t, f in zip(tally, first)]} if len(blocks) > 1 else {})} \
        if blocks else None
    did = new_id("matter")
    days = [day - timedelta(days=d) for d in (30, 25, 15, 5, 0)]
    out["deliberation"].append({
        "id": did, "deleted": 0, "compound_id": c["id"], "title": "更换物业服务企业",
        "detail": "业主反映物业服务质量差、问题长期不解决，提出更换物业。", "opened_on": _day(days[0]), "stage": "adopted",
        "party_on": _day(days[1]), "party_opinion": "党支部研究同意启动更换程序",
        "tripartite_on": _day(days[2]), "tripartite_agreed": "社区、业委会、物业三方协商，形成更换方案提交业主表决",
        "residents_on": _day(days[3]), "residents_method": "meeting", "households_consulted": 100, "votes_for": 82,
        "votes_against": 9, "votes_abstain": 5, "not_reached": 4,
        "by_building": json.dumps(split, ensure_ascii=False, sort_keys=True) if split else None, "decided_on": _day(day),
        "decision_note": "业主大会表决通过，更换物业服务企业"})
    path = ((None, "party"), ("party", "tripartite"), ("tripartite", "residents"), ("residents", "decision"),
            ("decision", "adopted"))
    for (before, after), on in zip(path, days):
        out["deliberationstep"].append({"id": new_id("step"), "deleted": 0, "deliberation_id": did,
                                        "at": f"{_day(on)}T19:00:00", "from_stage": before, "to_stage": after,
                                        "note": "", "by_name": by})
    out["deliberationlink"].append({"id": ids.uuid5(f"deliberation-item:{did}:{project}"), "deleted": 0,
                                    "deliberation_id": did, "item_id": project})


def _problem(out: Rows, new_id, problem: str, title: str, c: dict[str, Any], grid: str | None,  # type: ignore[no-untyped-def]
             company: str, day: date, by: str) -> None:
    out["listitem"].append({
        "id": problem, "deleted": 0, "kind": "problem", "title": title, "detail": None, "source": "inspection",
        "category": None, "finding_id": None, "grid_id": grid, "compound_id": c["id"], "household_id": None,
        "owner_party": "property", "owner_name": company, "claimant": None, "due_date": _day(day + timedelta(days=7)),
        "opened_on": _day(day), "closed_on": None, "status": "open", "decline_reason": None, "resolution": None,
        "feedback": None, "satisfaction": None, "escalation_level": "compound"})
    out["listitemhistory"].append({"id": new_id("history"), "deleted": 0, "item_id": problem,
                                   "at": f"{day.isoformat()}T16:00:00", "from_status": None, "to_status": "open",
                                   "by": by, "note": None})
