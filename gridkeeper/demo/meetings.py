"""Demo meetings, deliberations and weekend duty (issue 22): three months of each.

Every demo compound chosen (up to six) holds a monthly tripartite meeting whose
agenda opens with the last meeting's decisions; decisions become list items.
Three deliberations: one through all three stages and adopted (更换物业公司,
as 中驰湖滨 did), one rejected at the residents' stage, one under way. Duty
evenings every weekend for thirteen weeks back and four ahead, with matters
settled, turned into list items, escalated and answered. Rows go in through
Core inserts on the store's write path (captured for sync); ids are uuid5 of the
seed, and a separate random stream (seed + 22) leaves the rest of the demo as it was.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from typing import Any

from gridkeeper import ids
from gridkeeper.demo import vocab
from gridkeeper.store import capture
from gridkeeper.store.engine import Store

TABLES = ("listitem", "listitemhistory", "meeting", "meetingattendee", "agendaitem", "deliberation",
          "deliberationstep", "deliberationlink", "dutyshift", "dutymatter")
COMPOUNDS = 6
WEEKS_BACK, WEEKS_AHEAD = 13, 4

TOPICS = (("电动车充电桩不足", "物业选址增设充电桩，社区协调电力", "property"),
          ("楼道堆物清理", "物业牵头三日内清理，业委会张贴告示", "property"),
          ("地下车库渗水", "物业报维修基金，业委会征求业主意见", "hoa"),
          ("小区绿化补种", "物业本月内补种，费用由公共收益列支", "property"),
          ("老年食堂选址", "社区对接街道，下月会上报方案", "community"),
          ("高空抛物监控", "业委会征求意见后加装摄像头", "hoa"),
          ("外卖快递车辆进出管理", "物业划定临时停靠点", "property"),
          ("健身器材维修", "社区申请惠民资金更换", "community"))
MATTERS = (("dispute", "楼上楼下噪音纠纷"), ("dispute", "邻里因楼道堆物争执"), ("practical", "单元门禁损坏"),
           ("practical", "路灯不亮"), ("practical", "垃圾清运不及时"), ("suggestion", "增设休闲座椅"),
           ("complaint", "物业保洁不到位"), ("dispute", "车位被占用"), ("practical", "楼道灯坏"))


class _Ids:
    def __init__(self, seed: int) -> None:
        self.seed, self.n = seed, 0

    def __call__(self, kind: str) -> str:
        self.n += 1
        return ids.uuid5(f"demo-meetings:{self.seed}:{kind}:{self.n}")


def _month_starts(today: date, months: int) -> list[date]:
    first = today.replace(day=1)
    out = [first]
    for _ in range(months - 1):
        first = (first - timedelta(days=1)).replace(day=1)
        out.append(first)
    return sorted(out)


def build(tables: dict[str, list[dict[str, Any]]], seed: int, today: date) -> dict[str, list[dict[str, Any]]]:
    """The rows of every table (a pure function of the street, the seed and the day)."""
    rng = random.Random(seed + 22)
    new_id = _Ids(seed)
    out: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    compounds = sorted(tables.get("compound", []), key=lambda c: c["id"])[:COMPOUNDS]
    if not compounds:
        return out
    cadres = [c["name"] for c in tables.get("cadre", [])] or ["王芳"]
    households = {h["id"]: h for h in tables.get("household", [])}
    building_compound = {b["id"]: b["compound_id"] for b in tables.get("building", [])}
    grid_of = {}
    for b in tables.get("building", []):
        if b.get("grid_id"):
            grid_of.setdefault(b["compound_id"], b["grid_id"])
    residents: dict[str, list[dict[str, Any]]] = {}
    for p in tables.get("person", []):
        h = households.get(p.get("household_id") or "")
        if h and p.get("relation_to_head") in ("户主", "配偶"):
            residents.setdefault(building_compound[h["building_id"]], []).append(p)
    buildings: dict[str, list[str]] = {}
    for b in tables.get("building", []):
        buildings.setdefault(b["compound_id"], []).append(b["name"])

    def name() -> str:
        return vocab.person_name(rng, rng.choice("MF"), rng.randint(1960, 1985))

    def item(compound: dict[str, Any], title: str, detail: str, source: str, owner: str, opened: date,
             due: date | None, kind: str = "problem", household: str | None = None) -> str:
        item_id = new_id("item")
        out["listitem"].append({
            "id": item_id, "deleted": 0, "kind": kind, "title": title, "detail": detail, "source": source,
            "category": None, "finding_id": None, "grid_id": grid_of.get(compound["id"]),
            "compound_id": compound["id"], "household_id": household, "owner_party": owner,
            "owner_name": compound.get("property_company") if owner == "property" else None, "claimant": None,
            "due_date": due.isoformat() if due else None, "opened_on": opened.isoformat(), "closed_on": None,
            "status": "open", "decline_reason": None, "resolution": None, "feedback": None, "satisfaction": None,
            "escalation_level": "compound"})
        out["listitemhistory"].append({"id": new_id("history"), "deleted": 0, "item_id": item_id,
                                       "at": f"{opened.isoformat()}T20:30:00", "from_status": None,
                                       "to_status": "open", "by": cadres[0], "note": None})
        return item_id

    people = {}
    for co in compounds:
        people[co["id"]] = {"party": name(), "hoa": name(), "property": name(), "cadre": rng.choice(cadres)}

    # Monthly tripartite meetings; each opens with the last one's decisions.
    for co in compounds:
        who = people[co["id"]]
        last_decided: list[dict[str, Any]] = []
        for month in _month_starts(today, 3):
            held = month + timedelta(days=rng.randint(5, 12))
            if held > today:
                continue
            meeting_id = new_id("meeting")
            out["meeting"].append({"id": meeting_id, "deleted": 0, "kind": "tripartite", "held_on": held.isoformat(),
                                   "place": "党群微家", "compound_id": co["id"], "community_id": None,
                                   "title": f"{co['name']}{held.month}月三方联席会议", "recorded_by": who["cadre"]})
            company = co.get("property_company") or "物业公司"
            for side, person in (("party", who["party"]), ("hoa", who["hoa"]),
                                 ("property", f"{company} {who['property']}"), ("cadre", who["cadre"])):
                out["meetingattendee"].append({"id": new_id("attendee"), "deleted": 0, "meeting_id": meeting_id,
                                               "side": side, "name": person, "person_id": None,
                                               "household_id": None})
            position = 0
            decided = []
            for earlier in last_decided:
                position += 1
                out["agendaitem"].append({
                    "id": new_id("agenda"), "deleted": 0, "meeting_id": meeting_id, "position": position,
                    "source": "carried", "title": f"{earlier['title']}：{earlier['decision']}",
                    "ref_id": earlier["id"], "minutes": rng.choice(("物业汇报进展，已完成大半", "已开工，下次会上再报",
                                                                  "进度滞后，督促物业加快")),
                    "decision": "", "owner_party": None, "owner_name": None, "due_date": None,
                    "list_item_id": earlier["list_item_id"]})
            for title, decision, owner in rng.sample(TOPICS, 2):
                position += 1
                due = held + timedelta(days=rng.choice((14, 21, 30)))
                row = {"id": new_id("agenda"), "deleted": 0, "meeting_id": meeting_id, "position": position,
                       "source": "hand", "title": title, "ref_id": None,
                       "minutes": f"{who['hoa']}介绍情况，三方讨论后形成意见。", "decision": decision,
                       "owner_party": owner, "owner_name": company if owner == "property" else None,
                       "due_date": due.isoformat(),
                       "list_item_id": item(co, title, decision, "meeting", owner, held, due)}
                out["agendaitem"].append(row)
                decided.append(row)
            last_decided = decided

    # Deliberations: adopted through all three stages; rejected by the residents; one under way.
    start = today - timedelta(days=80)
    plans = (("更换物业公司", "adopted"), ("加装电梯", "rejected"), ("新建非机动车充电棚", "tripartite"))
    for i, (title, end) in enumerate(plans):
        co = compounds[i % len(compounds)]
        who = people[co["id"]]
        did = new_id("deliberation")
        days = [start + timedelta(days=d) for d in (0, 7, 21, 45, 50)]
        row: dict[str, Any] = {
            "id": did, "deleted": 0, "compound_id": co["id"], "title": title,
            "detail": f"{co['name']}业主提出{title}，社区党组织牵头议事。", "opened_on": days[0].isoformat(),
            "stage": end, "party_on": days[1].isoformat(), "party_opinion": "党组织研究同意启动议事程序",
            "tripartite_on": days[2].isoformat(),
            "tripartite_agreed": None, "residents_on": None, "residents_method": None, "households_consulted": None,
            "votes_for": None, "votes_against": None, "votes_abstain": None, "not_reached": None,
            "by_building": None, "decided_on": None, "decision_note": None}
        path = [(None, "party", days[0]), ("party", "tripartite", days[1])]
        if end != "tripartite":
            consulted = 60 + rng.randint(0, 60)
            if end == "adopted":
                against, abstain, reached_out = consulted // 20, consulted // 25, consulted // 30
            else:
                against, abstain, reached_out = consulted // 2, consulted // 10, consulted // 20
            votes = consulted - against - abstain - reached_out
            names = sorted(buildings.get(co["id"], ["1幢"]))[:3]
            split = _split(rng, (votes, against, abstain, reached_out), len(names))
            row.update(tripartite_agreed="党组织、业委会、物业三方协商一致，形成方案提交居民合议",
                       residents_on=days[3].isoformat(), residents_method="door_to_door",
                       households_consulted=consulted, votes_for=votes, votes_against=against,
                       votes_abstain=abstain, not_reached=reached_out,
                       by_building=json.dumps({n: list(s) for n, s in zip(names, split)}, ensure_ascii=False,
                                              sort_keys=True),
                       decided_on=days[4].isoformat(),
                       decision_note="居民合议同意，予以采纳" if end == "adopted" else "低层住户多数反对，未获通过")
            path += [("tripartite", "residents", days[2]), ("residents", "decision", days[3]),
                     ("decision", end, days[4])]
        out["deliberation"].append(row)
        for before, after, day in path:
            out["deliberationstep"].append({"id": new_id("step"), "deleted": 0, "deliberation_id": did,
                                            "at": f"{day.isoformat()}T19:30:00", "from_stage": before,
                                            "to_stage": after, "note": "", "by_name": who["party"]})
        if end == "adopted":
            project = item(co, "物业公司公开选聘", "按居民合议结果公开招标选聘物业", "meeting", "hoa", days[4],
                           days[4] + timedelta(days=60), kind="project")
            out["deliberationlink"].append({"id": ids.uuid5(f"deliberation-item:{did}:{project}"), "deleted": 0,
                                            "deliberation_id": did, "item_id": project})

    # Weekend duty: every Saturday and Sunday evening, back thirteen weeks and ahead four.
    monday = today - timedelta(days=today.weekday())
    for co in compounds:
        who = people[co["id"]]
        pool = residents.get(co["id"], [])
        for day in (monday + timedelta(days=d) for d in range(-7 * WEEKS_BACK, 7 * WEEKS_AHEAD)):
            if day.weekday() not in (5, 6):
                continue
            sid = ids.uuid5(f"duty-shift:{co['id']}:{day.isoformat()}")
            out["dutyshift"].append({"id": sid, "deleted": 0, "compound_id": co["id"], "on_date": day.isoformat(),
                                     "place": "党群微家", "secretary": who["party"], "hoa_chair": who["hoa"],
                                     "cadres": who["cadre"]})
            if day > today or not pool:
                continue
            for n in range(rng.choice((0, 1, 1, 2, 3))):
                category, what = rng.choice(MATTERS)
                person = rng.choice(pool)
                outcome = rng.choices(("settled", "list_item", "escalated", "open"), (60, 20, 10, 10))[0]
                if day == today:
                    outcome = "open"
                ref = None
                if outcome == "list_item":
                    ref = item(co, what, person["name"], "secretary", "property", day, day + timedelta(days=7),
                               household=person["household_id"])
                answered = None
                if outcome != "open" and rng.random() < 0.85:
                    answered = day + timedelta(days=rng.choice((1, 2, 3, 5, 6, 9, 12)))
                    answered = answered if answered <= today else None
                out["dutymatter"].append({
                    "id": new_id("matter"), "deleted": 0, "shift_id": sid,
                    "taken_at": f"{day.isoformat()}T19:{10 + 12 * n:02d}:00", "resident": person["name"],
                    "person_id": person["id"], "household_id": person["household_id"], "what": what,
                    "category": category, "outcome": outcome,
                    "outcome_on": day.isoformat() if outcome != "open" else None, "outcome_ref": ref,
                    "outcome_note": {"settled": "当场协调解决", "escalated": "报社区联动处理"}.get(outcome, ""),
                    "feedback": "满意" if answered else None,
                    "feedback_on": answered.isoformat() if answered else None})
    return out


def _split(rng: random.Random, totals: tuple[int, ...], parts: int) -> list[tuple[int, ...]]:
    """Each total shared among `parts` buildings (the by-building tally adds up to the totals)."""
    shares: list[list[int]] = [[0] * len(totals) for _ in range(parts)]
    for k, total in enumerate(totals):
        left = total
        for p in range(parts - 1):
            take = rng.randint(0, left // (parts - p) * 2) if left else 0
            take = min(take, left)
            shares[p][k] = take
            left -= take
        shares[-1][k] = left
    return [tuple(s) for s in shares]


def generate(store: Store, tables: dict[str, list[dict[str, Any]]], seed: int, today: date) -> dict[str, int]:
    """Add the demo's meetings, deliberations and duty to `store`; returns the counts per table."""
    rows = build(tables, seed, today)
    with store.begin() as conn:
        for table in TABLES:
            capture.insert_rows(conn, store.clock, table, rows[table])
    return {t: len(rows[t]) for t in TABLES}
