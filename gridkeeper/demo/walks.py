"""Demo night walks, findings and the four lists: the three months before the demo's TODAY.

Called once from demo.generate() inside its bulk-load transaction, on the rows
it has just built. Deterministic for a seed: ids are uuid5 of the seed and a
counter, times come from the seeded generator. Most grids are walked every
week; a few weeks are missed (so compliance has something to show). Findings
are settled on the spot or become problems at various stages of the claim
workflow, with their history and the odd escalation; each community has a few
needs, services and projects, some needs linked to what meets them.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection

from gridkeeper import ids
from gridkeeper.demo import vocab
from gridkeeper.lists import DAYS_BY_SEVERITY, PROPERTY_CATEGORIES
from gridkeeper.store import capture
from gridkeeper.sync.clock import HybridClock

WEEKS = 13
SKIP_WEEK = 0.08  # a grid's week without a walk

NOTES: dict[str, tuple[str, ...]] = {
    "fire_lane": ("消防通道停放电动车", "消防通道堆放杂物", "私家车占用消防通道", "消防通道被快递柜挡住"),
    "safety": ("楼道电动车充电", "飞线充电", "高空抛物隐患", "井盖松动", "楼道灭火器过期"),
    "sanitation": ("垃圾桶满溢", "绿化带垃圾未清理", "楼道小广告", "垃圾分类点异味"),
    "facility": ("路灯不亮", "单元门禁损坏", "健身器材松动", "电梯按钮失灵", "监控摄像头不亮"),
    "parking": ("车辆乱停放", "非机动车乱停", "地下车库积水", "占用盲道停车"),
    "noise": ("广场舞音量过大", "夜间装修噪音", "烧烤店夜间喧哗"),
    "public_order": ("陌生人发小广告", "流动摊贩占道", "群租房人员杂乱"),
    "resident_request": ("居民反映楼顶漏水", "老人希望增设扶手", "居民要求修剪树木", "居民反映下水道堵塞"),
    "other": ("流浪猫扰民", "宣传栏破损"),
}
CATEGORY_WEIGHTS = {"fire_lane": 14, "safety": 12, "sanitation": 16, "facility": 16, "parking": 14, "noise": 8,
                    "public_order": 6, "resident_request": 10, "other": 4}
WHERE = ("东侧", "西侧", "南门", "北门", "地下车库", "楼道", "单元门口", "绿化带", "广场")
RESOLUTIONS = ("已清理完毕", "已联系物业维修", "已劝导车主挪车", "已更换设备", "已协调相关部门处理", "已上门解释并整改")
FEEDBACK = ("处理及时，谢谢", "基本解决了", "还需要再观察", "满意", "希望以后多来看看")
NEEDS = (("老人助餐", "老年食堂送餐服务", "社区老年食堂建设"), ("加装电梯", "加装电梯政策咨询", "老旧小区加装电梯项目"),
         ("儿童暑期看护", "暑期托管服务", "四点半课堂项目"), ("停车位不足", "错时共享停车服务", "小区停车位改造项目"),
         ("充电桩不足", "电动车集中充电服务", "集中充电棚建设项目"))
PARTY_MEMBER_PREFIX = "党员"
STAGES = ("open", "claimed", "in_progress", "done", "verified")  # the loop, in steps from open


@dataclass
class Counts:
    walks: int = 0
    findings: int = 0
    items: int = 0


class _Ids:
    def __init__(self, seed: int) -> None:
        self.seed, self.n = seed, 0

    def __call__(self, kind: str) -> str:
        self.n += 1
        return ids.uuid5(f"demo-{kind}:{self.seed}:{self.n}")


def _stamp(day: date, rng: random.Random, hour_lo: int = 8, hour_hi: int = 20) -> str:
    return datetime.combine(day, time(rng.randint(hour_lo, hour_hi), rng.randrange(0, 60, 5))).isoformat()


def add(conn: Connection, clock: HybridClock, tables: dict[str, list[dict[str, Any]]], today: date, seed: int,
        result: Any = None) -> Counts:
    """Insert the walks and lists of the demo street built in `tables` (demo.build's rows); the counts
    also go into `result` (a DemoResult) when given."""
    rng = random.Random(seed * 7919 + 6)
    new_id = _Ids(seed)
    out: dict[str, list[dict[str, Any]]] = {t: [] for t in (
        "nightwalk", "walkgrid", "walkparticipant", "finding", "listitem", "listitemhistory", "escalation",
        "listlink")}
    counts = Counts()
    cadres = {c["id"]: c["name"] for c in tables.get("cadre", [])}
    leader_of = {a["grid_id"]: a["cadre_id"] for a in tables.get("assignment", [])}
    buildings_of: dict[str, list[dict[str, Any]]] = {}
    for b in tables.get("building", []):
        if b.get("grid_id"):
            buildings_of.setdefault(b["grid_id"], []).append(b)
    categories, weights = list(CATEGORY_WEIGHTS), list(CATEGORY_WEIGHTS.values())
    walk_problems: list[tuple[dict[str, Any], date, str, str]] = []  # (item, opened, by, claimant)
    monday = today - timedelta(days=today.weekday())

    def history(item: str, at: str, before: str | None, after: str, by: str, note: str | None = None) -> None:
        out["listitemhistory"].append({"id": new_id("history"), "deleted": 0, "item_id": item, "at": at,
                                       "from_status": before, "to_status": after, "by": by, "note": note})

    def workflow(item: dict[str, Any], opened: date, by: str, claimant: str, steps: int | None = None) -> None:
        """Move an item along the loop as far as its age makes likely (or `steps` far); history for
        every step."""
        age = (today - opened).days
        history(item["id"], _stamp(opened, rng, 20, 22), None, "open", by)
        forced = steps is not None
        steps = steps if steps is not None else min(4, int(age / 6 * rng.uniform(0.4, 1.6)))
        if not forced and age > 3 and rng.random() < 0.04:
            reason = "属于市政管辖，已告知居民"
            history(item["id"], _stamp(opened + timedelta(days=1), rng), "open", "declined", by, reason)
            item.update(status="declined", decline_reason=reason, closed_on=(opened + timedelta(days=1)).isoformat())
            return
        day, status = opened, "open"
        for step, after in enumerate(("claimed", "in_progress", "done", "verified")[:steps]):
            day = min(today, day + timedelta(days=rng.randint(1, 3)))
            note = None
            if after == "claimed":
                item["claimant"] = claimant
            elif after == "done":
                note = rng.choice(RESOLUTIONS)
                item.update(resolution=note, closed_on=day.isoformat())
            elif after == "verified":
                satisfaction = rng.choices(("satisfied", "basic", "not"), (80, 15, 5))[0]
                note = rng.choice(FEEDBACK)
                item.update(satisfaction=satisfaction, feedback=note)
            history(item["id"], _stamp(day, rng), status, after, by if step != 1 else claimant, note)
            status = after
        item["status"] = status
        if status in ("open", "claimed", "in_progress") and age > 10 and rng.random() < 0.15:
            to = "community" if rng.random() < 0.8 else "street"
            out["escalation"].append({"id": new_id("escalation"), "deleted": 0, "item_id": item["id"],
                                      "at": _stamp(opened + timedelta(days=7), rng), "from_level": "compound",
                                      "to_level": to, "by": by, "reason": "小区内协商未果，需联动解决"})
            item["escalation_level"] = to

    def item_row(kind: str, title: str, source: str, opened: date, owner: str, owner_name: str | None,
                 compound: dict[str, Any] | None, grid: str | None, due: date | None,
                 category: str | None = None, finding: str | None = None, item_id: str | None = None
                 ) -> dict[str, Any]:
        row = {"id": item_id or new_id("item"), "deleted": 0, "kind": kind, "title": title, "detail": None,
               "source": source, "category": category, "finding_id": finding, "grid_id": grid,
               "compound_id": compound["id"] if compound else None, "household_id": None, "owner_party": owner,
               "owner_name": owner_name, "claimant": None, "due_date": due.isoformat() if due else None,
               "opened_on": opened.isoformat(), "closed_on": None, "status": "open", "decline_reason": None,
               "resolution": None, "feedback": None, "satisfaction": None, "escalation_level": "compound"}
        out["listitem"].append(row)
        counts.items += 1
        return row

    for grid in tables.get("grid", []):
        own = buildings_of.get(grid["id"], [])
        leader_id = leader_of.get(grid["id"])
        if not own or leader_id is None:
            continue
        leader = cadres[leader_id]
        for week in range(WEEKS, 0, -1):
            week_monday = monday - timedelta(weeks=week - 1)
            if rng.random() < SKIP_WEEK:
                continue
            day = week_monday + timedelta(days=rng.randint(0, 6))
            if day > today:
                continue
            start = time(19, rng.choice((0, 15, 30, 45)))
            end = (datetime.combine(day, start) + timedelta(minutes=rng.choice((75, 90, 105, 120)))).time()
            walk_id = new_id("walk")
            out["nightwalk"].append({"id": walk_id, "deleted": 0, "walk_date": day.isoformat(),
                                     "start_time": start.strftime("%H:%M"), "end_time": end.strftime("%H:%M"),
                                     "leader": leader, "leader_cadre_id": leader_id,
                                     "route": "、".join(b["name"] for b in own[:4]) + "—车库", "notes": None})
            out["walkgrid"].append({"id": ids.uuid5(f"walkgrid:{walk_id}|{grid['id']}"), "deleted": 0,
                                    "walk_id": walk_id, "grid_id": grid["id"]})
            compound = own[rng.randrange(len(own))]["_compound"]
            people = [("cadre", leader, leader_id)]
            if compound.get("property_company") and rng.random() < 0.8:
                people.append(("property", vocab.surname(rng) + rng.choice(("经理", "主管", "保安队长")), None))
            if compound.get("hoa") and rng.random() < 0.6:
                people.append(("hoa", vocab.surname(rng) + rng.choice(("主任", "委员")), None))
            for party, name, cadre_id in people:
                out["walkparticipant"].append({"id": new_id("participant"), "deleted": 0, "walk_id": walk_id,
                                               "party": party, "name": name, "cadre_id": cadre_id})
            counts.walks += 1
            for position in range(rng.choices((0, 1, 2, 3, 4), (25, 30, 25, 14, 6))[0]):
                building = rng.choice([b for b in own if b["_compound"] is compound] or own)
                category = rng.choices(categories, weights)[0]
                severity = rng.choices(("low", "medium", "high"), (35, 50, 15))[0]
                settled = rng.random() < 0.55
                finding_id = new_id("finding")
                note = rng.choice(NOTES[category])
                where = rng.choice(WHERE)
                out["finding"].append({"id": finding_id, "deleted": 0, "walk_id": walk_id, "grid_id": grid["id"],
                                       "compound_id": building["_compound"]["id"], "building_id": building["id"],
                                       "place": where, "category": category, "severity": severity,
                                       "note": note, "settled": int(settled), "position": position})
                counts.findings += 1
                if settled or rng.random() < 0.1:  # a few unsettled ones still wait to be made problems
                    continue
                company = building["_compound"].get("property_company")
                owned = category in PROPERTY_CATEGORIES and bool(company)
                problem = item_row("problem", note, "night_walk", day, "property" if owned else "community",
                                   company if owned else None, building["_compound"], grid["id"],
                                   day + timedelta(days=DAYS_BY_SEVERITY[severity]), category, finding_id,
                                   ids.uuid5(f"problem-of-finding:{finding_id}"))
                problem["detail"] = f"{building['_compound']['name']}{building['name']} {where}"
                claimant = PARTY_MEMBER_PREFIX + vocab.surname(rng) + rng.choice("伟芳军静")
                workflow(problem, day, leader, claimant)
                walk_problems.append((problem, day, leader, claimant))

    def redo(item: dict[str, Any], opened: date, by: str, claimant: str, steps: int) -> None:
        """Take an item's workflow back to its start and move it exactly `steps` along."""
        for table in ("listitemhistory", "escalation"):
            out[table] = [r for r in out[table] if r["item_id"] != item["id"]]
        item.update(status="open", claimant=None, resolution=None, closed_on=None, satisfaction=None,
                    feedback=None, decline_reason=None, escalation_level="compound")
        workflow(item, opened, by, claimant, steps)

    # Whatever day the demo ends on, the lists show a problem at every step of the loop: where chance
    # left a step empty, the youngest problem old enough for it (and whose own step another problem
    # also shows) is moved there.
    for steps, stage in enumerate(STAGES):
        held = Counter(p[0]["status"] for p in walk_problems)
        if held[stage]:
            continue
        for problem, day, leader, claimant in sorted(walk_problems, key=lambda p: p[1], reverse=True):
            if (today - day).days >= 3 * steps and held[problem["status"]] > 1:
                redo(problem, day, leader, claimant, steps)
                break
    # ...and one overdue: the oldest problem past its due date, if chance closed them all in time.
    if not any(p[0]["status"] in STAGES[:3] and p[0]["due_date"] < today.isoformat() for p in walk_problems):
        held = Counter(p[0]["status"] for p in walk_problems)
        for problem, day, leader, claimant in sorted(walk_problems, key=lambda p: p[1]):
            if problem["due_date"] < today.isoformat() and held[problem["status"]] > 1:
                redo(problem, day, leader, claimant, 2)
                break
    # ...and a finding still waiting to be made a problem, next to some settled on the spot.
    waiting = [f for f in out["finding"] if not f["settled"] and f["id"] not in
               {p[0]["finding_id"] for p in walk_problems}]
    settled = [f for f in out["finding"] if f["settled"]]
    if not waiting and len(settled) > 1:
        settled[-1]["settled"] = 0

    # Needs, services and projects: a few per community, some needs met by what was set up.
    by_community: dict[str, list[dict[str, Any]]] = {}
    for c in tables.get("compound", []):
        by_community.setdefault(c["community_id"], []).append(c)
    for community_id, compounds in by_community.items():
        grids = [g["id"] for g in tables.get("grid", []) if g["community_id"] == community_id]
        for need_title, service_title, project_title in rng.sample(NEEDS, 3):
            compound = rng.choice(compounds)
            opened = today - timedelta(days=rng.randint(10, 85))
            grid = grids[0] if grids else None
            need = item_row("need", need_title, rng.choice(("door_knock", "secretary", "resident")), opened,
                            "community", None, compound, grid, opened + timedelta(days=30))
            workflow(need, opened, "社区", "社区工作者")
            service = item_row("service", service_title, "meeting", opened + timedelta(days=3), "community",
                               None, None, grid, None)
            workflow(service, opened + timedelta(days=3), "社区", "志愿服务队")
            out["listlink"].append({"id": ids.uuid5(f"listlink:{need['id']}|{service['id']}"), "deleted": 0,
                                    "need_id": need["id"], "meets_id": service["id"]})
            if rng.random() < 0.5:
                project = item_row("project", project_title, "meeting", opened + timedelta(days=5),
                                   rng.choice(("community", "street")), None, None, grid,
                                   opened + timedelta(days=90))
                workflow(project, opened + timedelta(days=5), "社区", "社区党委")
                out["listlink"].append({"id": ids.uuid5(f"listlink:{need['id']}|{project['id']}"), "deleted": 0,
                                        "need_id": need["id"], "meets_id": project["id"]})

    for table, rows in out.items():
        capture.insert_rows(conn, clock, table, rows)
    if result is not None:
        result.walks, result.findings, result.list_items = counts.walks, counts.findings, counts.items
    return counts
