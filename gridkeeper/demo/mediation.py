"""Demo mediation cases: about 200 disputes over the three months before the demo's day
on the street profile (a tenth of that on the small one), at every stage of the record.

Proportions follow what community mediation rooms report: neighbours, leaks,
property management and family disputes make most of the work; most cases end
in an agreement (written for anything with money or repairs, oral for small
matters), a few fail or go up to the street or the courts; most agreements are
kept and visited. Rows go in through Core inserts on the store's write path,
so they are captured for sync like any other write. A separate random stream
(seed + 7) leaves the rest of the demo street exactly as it was.
"""

from __future__ import annotations

import json
import random
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from gridkeeper import ids
from gridkeeper.demo import vocab
from gridkeeper.store import capture
from gridkeeper.store.engine import Store

CASES = {"small": 24, "street": 200}
DAYS = 92  # three months

CATEGORY_WEIGHTS = {
    "neighbour": 24, "leak": 15, "property": 14, "family": 12, "parking": 8, "public_space": 8,
    "damages": 8, "contract": 4, "labour": 3, "other": 4,
}
SOURCE_WEIGHTS = {"application": 58, "own_initiative": 26, "street": 8, "police": 6, "court": 2}
OUTCOME_WEIGHTS = {"agreed": 86, "failed": 7, "escalated": 7}

PLACES = ("金色调解室", "社区调解室", "小区邻里议事厅", "现场", "物业服务中心会议室")

SUMMARIES = {
    "neighbour": ("{a}反映楼上{b}家夜间噪音扰民，多次沟通无果。", "{a}与{b}因楼道堆放杂物发生口角。",
                  "{a}与{b}因空调外机噪音和滴水问题产生矛盾。", "{b}饲养的狗多次吠叫、随地便溺，{a}要求处理。"),
    "leak": ("{b}家卫生间漏水至楼下{a}家，顶棚霉变，双方就维修和赔偿发生争议。",
             "{b}家装修时水管破裂，渗水至{a}家，造成木地板起拱。", "{b}家阳台防水失效，雨天渗水至{a}家墙面。"),
    "property": ("{a}对物业费上涨有异议，拒交物业费，{b}催缴。", "{a}家电动车在地下室被盗，要求{b}赔偿。",
                 "{a}反映电梯长期故障，与{b}就维修责任和费用分摊争执。"),
    "family": ("{a}与{b}因赡养老人费用分担发生争执。", "{a}与配偶{b}感情不和，因家务和子女教育问题经常争吵。",
               "{a}与{b}因父母房产继承分配产生矛盾。"),
    "parking": ("{a}购买的车位被{b}长期占用。", "{a}与{b}就车位转让价款及过户手续发生争议。",
                "{a}反映{b}在消防通道停车，影响通行。"),
    "public_space": ("{b}在楼道安装铁门圈占公共部位，{a}要求拆除。", "{b}在小区绿地开荒种菜，{a}等邻居反对。",
                     "{b}在一楼公共区域私搭雨棚，影响{a}家采光。"),
    "damages": ("{b}家空调外机坠落砸坏{a}的汽车。", "{a}在小区内被{b}家的狗咬伤，要求赔偿医药费。",
                "{b}装修时损坏了{a}家的入户门。"),
    "contract": ("{a}与{b}就房屋租赁押金退还发生争议。", "{a}与装修队负责人{b}就装修质量和尾款发生争议。"),
    "labour": ("{a}在{b}处做保洁，被拖欠三个月工资。", "{a}与{b}就保姆工资和辞退补偿发生争议。"),
    "other": ("{a}与{b}因快递丢失发生争执。", "{a}与{b}因小区微信群言语冲突引发矛盾。"),
}

TERMS = {
    "neighbour": "一、{b}承诺晚上十点后不再进行产生噪音的活动；\n二、双方互相谅解，今后有事友好协商。",
    "leak": "一、{b}于{due}前请有资质的施工单位修复防水层，费用自理；\n二、{b}赔偿{a}修复费用人民币{money}元。",
    "property": "一、{b}于{due}前完成维修并公示费用；\n二、{a}补交所欠物业费，物业减免滞纳金。",
    "family": "一、双方按月各承担赡养费用人民币{money}元；\n二、双方互相尊重，共同照顾老人。",
    "parking": "一、{b}于{due}前腾退车位；\n二、{b}支付{a}占用补偿人民币{money}元。",
    "public_space": "一、{b}于{due}前自行拆除搭建物，恢复原状；\n二、{a}不再追究其他责任。",
    "damages": "一、{b}赔偿{a}损失人民币{money}元，于{due}前付清；\n二、双方就此事再无其他争议。",
    "contract": "一、{b}于{due}前退还{a}人民币{money}元；\n二、双方合同关系就此解除。",
    "labour": "一、{b}于{due}前支付{a}工资人民币{money}元；\n二、双方劳务关系就此结束。",
    "other": "一、{b}向{a}赔礼道歉并赔偿人民币{money}元；\n二、双方今后和睦相处。",
}

REMEDIES = ("告知双方可向乐清市人民法院提起诉讼。", "告知申请人可申请仲裁或向人民法院起诉。",
            "告知双方可向法院起诉，并可申请法律援助。")
ESCALATION_REASONS = {
    "community": "涉及多户居民，需社区协调物业和业委会共同处理。",
    "street": "涉及违章搭建，需街道综合执法部门处理。",
    "judicial": "争议金额较大，双方分歧明显，引导通过司法途径解决。",
}
VISIT_RESULTS = ("双方均表示满意，协议已履行，未再发生矛盾。", "回访时双方关系缓和，协议内容已落实。",
                 "申请人表示问题已解决，对调解结果满意。", "协议部分履行，已督促被申请人尽快落实。")
RECORDS = ("双方分别陈述了纠纷经过和诉求，调解员释法明理，建议各退一步。",
           "调解员与双方分别谈话，了解真实想法，提出初步调解方案。",
           "双方就赔偿金额仍有分歧，约定下次调解前各自考虑。", "双方当面协商，基本同意调解方案。",
           "双方分歧较大，调解员告知其他解决途径。")


def _record(rng: random.Random, n: int, sessions: int, outcome: str) -> str:
    """What a session's record says: opening statements first, the outcome at the last one."""
    if n == sessions - 1 and n > 0:
        return RECORDS[3] if outcome == "agreed" else RECORDS[4]
    return rng.choice(RECORDS[:2]) if n == 0 else RECORDS[2]


@dataclass
class _Out:
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def add(self, table: str, row: dict[str, Any]) -> dict[str, Any]:
        row.setdefault("id", str(uuid.UUID(int=self.rng.getrandbits(128), version=4)))
        row.setdefault("deleted", 0)
        self.tables.setdefault(table, []).append(row)
        return row

    rng: random.Random = field(default_factory=random.Random)


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), list(weights.values()))[0]


def _stamp(d: date, rng: random.Random, hours: tuple[int, int] = (9, 20)) -> str:
    return datetime.combine(d, time(rng.randint(*hours), rng.choice((0, 15, 30, 45)))).isoformat(sep=" ")


def generate(store: Store, rows: Any, size: str, seed: int, today: date) -> int:
    """Add the demo's mediation cases to `store`, using the demo street's rows; returns the count."""
    tables = build(rows, size, seed, today, DEMO_PREFIX, DEMO_DEVICE)
    with store.begin() as conn:
        for table in TABLES:
            capture.insert_rows(conn, store.clock, table, tables.get(table, []))
    return len(tables.get("mediationcase", []))


#: The demo's cases are numbered as if from one fixed laptop, so a seed gives the same
#: data on any machine (dumps compare byte for byte). "DEMO" holds an O, which Crockford
#: base 32 lacks: no real laptop's prefix can be it.
DEMO_PREFIX = "DEMO"
DEMO_DEVICE = ids.uuid5("demo-mediation-device")

TABLES = ("mediationcase", "mediationparty", "mediationsession", "mediationstatuschange", "returnvisit")


def build(rows: Any, size: str, seed: int, today: date, prefix: str, device: str) -> dict[str, list[dict[str, Any]]]:
    """The rows of every table, in memory (a pure function of the street and the seed)."""
    rng = random.Random(seed + 7)
    people = [p for p in rows.tables.get("person", []) if p["relation_to_head"] in ("户主", "配偶")]
    if not people:
        return {}
    households = {h["id"]: h for h in rows.tables["household"]}
    buildings = {b["id"]: b for b in rows.tables["building"]}
    cadres = [c["name"] for c in rows.tables.get("cadre", [])] or ["王芳"]
    volunteers = [vocab.person_name(rng, rng.choice("MF"), rng.randint(1950, 1965)) for _ in range(12)]
    by_compound: dict[str, list[dict[str, Any]]] = {}
    for p in people:
        b = buildings[households[p["household_id"]]["building_id"]]
        by_compound.setdefault(b["compound_id"], []).append(p)
    compounds = {c["id"]: c for c in rows.tables["compound"]}
    out = _Out(rng=rng)
    seqs: dict[int, int] = {}
    for received in sorted(today - timedelta(days=rng.randint(1, DAYS)) for _ in range(CASES.get(size, 24))):
        compound_id = rng.choice(sorted(by_compound))
        _case(out, rng, received, today, compound_id, compounds[compound_id], by_compound[compound_id],
              households, buildings, cadres, volunteers, prefix, device, seqs)
    return out.tables


def _address(person: dict[str, Any], households: dict[str, Any], buildings: dict[str, Any],
             compound: dict[str, Any]) -> str:
    h = households[person["household_id"]]
    unit = f"{h['unit']}单元" if h["unit"] else ""
    return f"{compound['name']}{buildings[h['building_id']]['name']}{unit}{h['room']}室"


def _contact(person: dict[str, Any]) -> str:
    numbers = json.loads(person.get("phones") or "[]")
    return numbers[0] if numbers else ""


def _case(out: _Out, rng: random.Random, received: date, today: date, compound_id: str, compound: dict[str, Any],
          residents: list[dict[str, Any]], households: dict[str, Any], buildings: dict[str, Any],
          cadres: list[str], volunteers: list[str], prefix: str, device: str, seqs: dict[int, int]) -> None:
    category = _pick(rng, CATEGORY_WEIGHTS)
    a = rng.choice(residents)
    b = rng.choice([p for p in residents if p["household_id"] != a["household_id"]] or residents)
    seqs[received.year] = seqs.get(received.year, 0) + 1
    seq = seqs[received.year]
    mediators = "、".join(dict.fromkeys((rng.choice(cadres), rng.choice(volunteers))))
    case: dict[str, Any] = out.add("mediationcase", {
        # The committee's plain number (the numbering rule: mediation/numbers.py)
        "number": f"{received.year}-{seq}", "final_seq": seq, "year": received.year, "device_id": device,
        "device_seq": seq, "received_on": received.isoformat(), "source": _pick(rng, SOURCE_WEIGHTS),
        "category": category, "compound_id": compound_id, "summary": "", "mediators": mediators,
        "status": "received", "agreement_form": None, "agreement_on": None, "agreement_facts": None,
        "agreement_terms": None, "performance_method": None, "performance_due": None, "remedies_told": None,
        "escalation_level": None, "escalation_reason": None, "next_visit_due": None,
    })
    respondent_name = b["name"]
    parties = [("applicant", a["name"], _contact(a), _address(a, households, buildings, compound), a)]
    if category == "property":
        respondent_name = compound.get("property_company") or "物业服务企业"
        parties.append(("respondent", respondent_name, "", f"{compound['name']}物业服务中心", None))
    elif category in ("contract", "labour") and rng.random() < 0.6:
        respondent_name = vocab.person_name(rng, rng.choice("MF"), rng.randint(1965, 1995))
        parties.append(("respondent", respondent_name, vocab.mobile(rng), "", None))
    else:
        parties.append(("respondent", b["name"], _contact(b), _address(b, households, buildings, compound), b))
    for role, name, contact, address, person in parties:
        out.add("mediationparty", {
            "case_id": case["id"], "role": role, "name": name, "contact": contact or None,
            "address": address or None, "person_id": person["id"] if person else None,
            "household_id": person["household_id"] if person else None,
            "agent": None if rng.random() < 0.92 else vocab.person_name(rng, rng.choice("MF"), 1985),
        })
    case["summary"] = rng.choice(SUMMARIES[category]).format(a=a["name"], b=respondent_name)
    names = {"a": a["name"], "b": respondent_name}

    def move(to: str, on: date, note: str = "", at: str | None = None) -> None:
        stamp = at or _stamp(on, rng)
        if moved and stamp <= moved[-1]:  # the same day as the step before: just after it
            stamp = (datetime.fromisoformat(moved[-1]) + timedelta(minutes=5)).isoformat(sep=" ")
        out.add("mediationstatuschange", {
            "case_id": case["id"], "changed_at": stamp, "from_status": case["status"] if moved else None,
            "to_status": to, "note": note, "by_name": mediators.split("、")[0]})
        case["status"] = to
        moved.append(stamp)

    moved: list[str] = []  # times of the steps so far
    move("received", received)
    day = received + timedelta(days=rng.randint(0, 5))
    if day >= today:
        return  # just received
    outcome = _pick(rng, OUTCOME_WEIGHTS)
    sessions = rng.choices((1, 2, 3), (55, 32, 13))[0]
    for n in range(sessions):
        if day >= today:
            return
        held = _stamp(day, rng, (9, 20))
        out.add("mediationsession", {
            "case_id": case["id"], "held_at": held, "place": rng.choice(PLACES),
            "attendees": "、".join((a["name"], respondent_name, mediators)), "record": _record(rng, n, sessions, outcome)})
        if n == 0:
            move("mediating", day, at=held)
        day += timedelta(days=rng.randint(2, 9))
    if day >= today:
        return  # still mediating
    if outcome == "failed":
        told = rng.choice(REMEDIES)
        case["remedies_told"] = told
        move("failed", day, told)
        _archive_later(move, rng, day, today, 14)
        return
    if outcome == "escalated":
        level = rng.choices(("community", "street", "judicial"), (3, 4, 3))[0]
        case["escalation_level"], case["escalation_reason"] = level, ESCALATION_REASONS[level]
        move("escalated", day, ESCALATION_REASONS[level])
        _archive_later(move, rng, day, today, 21)
        return
    oral = category in ("neighbour", "family", "other") and rng.random() < 0.5
    due = None if oral else day + timedelta(days=rng.choice((3, 7, 10, 15, 30)))
    money = rng.choice((200, 500, 800, 1000, 1500, 2000, 3000, 5000))
    terms = TERMS[category].format(due=f"{due.month}月{due.day}日" if due else "当日", money=money, **names)
    case.update(agreement_form="oral" if oral else "written", agreement_on=day.isoformat(),
                agreement_facts=case["summary"], agreement_terms=terms,
                performance_method="当场履行" if oral else rng.choice(("现金当面付清", "银行转账", "自行维修")),
                performance_due=due.isoformat() if due else None)
    visit_due = (due + timedelta(days=7)) if due else day + timedelta(days=30)
    case["next_visit_due"] = visit_due.isoformat()
    move("agreed", day, "口头协议" if oral else "书面协议")
    if oral:
        move("performed", day, "当场履行")
    else:
        start = day + timedelta(days=1)
        if start >= today:
            return
        move("performing", start)
        if due is None or due >= today:
            return
        if rng.random() < 0.9:
            move("performed", due)
        else:
            move("not_performed", due, "被申请人未按期履行")
    if visit_due >= today or rng.random() < 0.15:
        return  # the visit is not yet made (some are overdue: they show in the due list)
    out.add("returnvisit", {"case_id": case["id"], "visited_on": visit_due.isoformat(),
                            "result": rng.choice(VISIT_RESULTS), "by_name": mediators.split("、")[0]})
    move("visited", visit_due, "回访")
    case["next_visit_due"] = None
    if (today - visit_due).days > 10 and rng.random() < 0.8:
        move("archived", visit_due + timedelta(days=rng.randint(1, 10)))


def _archive_later(move: Any, rng: random.Random, day: date, today: date, after: int) -> None:
    archived = day + timedelta(days=rng.randint(after // 2, after))
    if archived < today:
        move("archived", archived)


