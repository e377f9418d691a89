"""Demo care data: volunteer teams, care plans for the tagged residents, and
three months of contact and service history up to the day before `today`.

Uses its own random stream (seed-derived), so the street itself is the same
whether or not care data is added. The history ends yesterday, so the Today
page of a fresh demo looks like a real morning: most daily calls due, a few
persons overdue, a few alerts after two unanswered calls.
"""

from __future__ import annotations

import bisect
import itertools
import random
from datetime import date, datetime, time, timedelta
from typing import Any, Protocol

from gridkeeper import ids
from gridkeeper.demo import vocab

HISTORY_DAYS = 90

#: Tags that make a care plan, and the contact frequency they usually get.
_DAILY_TAGS = {"独居", "失能失智"}
_WEEKLY_TAGS = {"空巢", "高龄", "残疾", "重病"}
_MONTHLY_TAGS = {"低保", "特困"}

_OUTCOMES = (("well", 86), ("needs_help", 4), ("no_answer", 6), ("in_hospital", 1), ("not_home", 3))
_METHODS = (("phone", 70), ("door", 18), ("visit", 10), ("video", 2))
_SERVICES = (("groceries", 25), ("medicine", 20), ("errands", 18), ("chat", 22), ("cleaning", 8),
             ("escort", 5), ("other", 2))
_NOTES = {"needs_help": ("需要帮忙买药", "家里水管漏水", "想申请助餐", "腿脚不便需要陪同就医"),
          "in_hospital": ("住院中，家属陪护", "在市人民医院住院"),
          "not_home": ("去女儿家住几天", "外出买菜")}
_NEEDS = ("帮忙预约体检", "楼道灯坏了", "申请助餐服务", "代缴水电费")


class _RowSink(Protocol):
    tables: dict[str, list[dict[str, Any]]]

    def add(self, table: str, row: dict[str, Any]) -> dict[str, Any]: ...


class _Weighted:
    """rng.choices for one fixed table, without rebuilding the lists on every draw (155,000 draws)."""

    def __init__(self, weighted: tuple[tuple[str, int], ...]) -> None:
        self.items = [w[0] for w in weighted]
        self.cumulative = list(itertools.accumulate(w[1] for w in weighted))
        self.total = self.cumulative[-1]

    def __call__(self, rng: random.Random) -> str:
        return self.items[bisect.bisect_right(self.cumulative, rng.random() * self.total)]


_pick_outcome, _pick_method, _pick_service = _Weighted(_OUTCOMES), _Weighted(_METHODS), _Weighted(_SERVICES)


def _random_id(rng: random.Random) -> str:
    """A version-4 style id drawn from the seeded stream: as unique as uuid4, repeatable per seed."""
    h = f"{rng.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}"


def _frequency(rng: random.Random, tags: set[str]) -> tuple[str, int | None]:
    if tags & _DAILY_TAGS or ("空巢" in tags and "高龄" in tags):
        return "daily", None
    if tags & _WEEKLY_TAGS:
        return ("every_n_days", 3) if rng.random() < 0.2 else ("weekly", None)
    return "monthly", None


def add_care(rows: _RowSink, seed: int, today: date, teams_wanted: int) -> dict[str, int]:
    """Add volunteers, plans and history to `rows` (the demo's in-memory tables)."""
    rng = random.Random(f"care-{seed}")
    t = rows.tables
    persons = {p["id"]: p for p in t.get("person", [])}
    tag_names = {tag["id"]: tag["name"] for tag in t.get("tag", [])}
    care_tags = _DAILY_TAGS | _WEEKLY_TAGS | _MONTHLY_TAGS
    tagged: dict[str, set[str]] = {}
    for pt in t.get("persontag", []):
        name = tag_names.get(pt["tag_id"])
        if name in care_tags:
            tagged.setdefault(pt["person_id"], set()).add(name)
    household_grid = {}
    building_grid = {b["id"]: b["grid_id"] for b in t.get("building", [])}
    for h in t.get("household", []):
        household_grid[h["id"]] = building_grid.get(h["building_id"])
    grid_cadre = {a["grid_id"]: a["cadre_id"] for a in t.get("assignment", [])}
    grid_community = {g["id"]: g["community_id"] for g in t.get("grid", [])}

    # Volunteer teams per community (the source article's street has 324), 3-6 volunteers each.
    communities = [c["id"] for c in t.get("community", [])]
    team_volunteers: dict[str, list[str]] = {c: [] for c in communities}
    volunteers = 0
    for n in range(teams_wanted):
        community = communities[n % len(communities)]
        team_name = f"{rng.choice(vocab.TEAM_THEMES)}志愿服务队{n // len(communities) + 1}"
        team = rows.add("volunteerteam", {"id": ids.uuid5(f"demo-team:{seed}:{n}"), "name": team_name,
                                          "community_id": community, "leader": None})
        for m in range(rng.randint(3, 6)):
            gender = rng.choice("MF")
            name = vocab.person_name(rng, gender, rng.randint(1955, 2003))
            vid = ids.uuid5(f"demo-volunteer:{seed}:{n}:{m}")
            rows.add("volunteer", {"id": vid, "name": name, "phone": vocab.mobile(rng), "team_id": team["id"]})
            team_volunteers[community].append(vid)
            if m == 0:
                team["leader"] = name
            volunteers += 1

    start = today - timedelta(days=HISTORY_DAYS)
    counts = {"volunteer_teams": teams_wanted, "volunteers": volunteers, "care_plans": 0, "contacts": 0,
              "services": 0}
    for person_id in sorted(tagged):
        person = persons[person_id]
        household = person["household_id"]
        grid = household_grid.get(household)
        cadre = grid_cadre.get(grid) if grid else None
        pool = team_volunteers.get(grid_community.get(grid, ""), []) if grid else []
        volunteer = rng.choice(pool) if pool and rng.random() < 0.7 else None
        frequency, interval = _frequency(rng, tagged[person_id])
        plan_id = ids.uuid5(f"demo-plan:{seed}:{person_id}")
        rows.add("careplan", {
            "id": plan_id, "household_id": household, "person_id": person_id, "frequency": frequency,
            "interval_days": interval, "cadre_id": cadre, "volunteer_id": volunteer,
            "start_date": start.isoformat(), "end_date": None, "note": None,
        })
        counts["care_plans"] += 1
        step = {"daily": 1, "every_n_days": interval or 3, "weekly": 7, "monthly": 30}[frequency]
        # Most plans are kept up; some are a few days behind; a few persons stopped answering.
        fate = rng.random()
        stop = today - timedelta(days=1 + (rng.randint(1, 6) if fate < 0.06 else 0))
        alert = fate > 0.985
        day = start + timedelta(days=rng.randint(0, step - 1))
        n = 0
        while day <= stop:
            day_text = day.isoformat()
            final = day + timedelta(days=step) > stop
            outcomes = ["no_answer"] if alert and final else [_pick_outcome(rng)]
            if outcomes[0] in ("no_answer", "not_home") and not (alert and final) and rng.random() < 0.7:
                outcomes.append("well")  # called again later that day
            for k, outcome in enumerate(outcomes):
                at = f"{day_text} {9 + int(rng.random() * 9) + 3 * k:02d}:{int(rng.random() * 60):02d}:00.000"
                by_volunteer = volunteer is not None and rng.random() < 0.4
                note = rng.choice(_NOTES[outcome]) if outcome in _NOTES and rng.random() < 0.6 else None
                contact_id = _random_id(rng)
                n += 1
                rows.add("contactlog", {
                    "id": contact_id, "household_id": household, "person_id": person_id,
                    "contact_date": day_text, "contacted_at": at,
                    "cadre_id": None if by_volunteer else cadre, "volunteer_id": volunteer if by_volunteer else None,
                    "method": _pick_method(rng), "outcome": outcome, "note": note,
                    "need": rng.choice(_NEEDS) if outcome == "needs_help" and rng.random() < 0.5 else None,
                })
                counts["contacts"] += 1
                if outcome == "needs_help" and rng.random() < 0.6 or rng.random() < 0.01:
                    rows.add("servicerecord", {
                        "id": _random_id(rng), "household_id": household,
                        "person_id": person_id, "service_type": _pick_service(rng),
                        "served_on": min(day + timedelta(days=rng.randint(0, 2)), stop).isoformat(),
                        "cadre_id": None if volunteer else cadre, "volunteer_id": volunteer,
                        "duration_minutes": rng.choice((20, 30, 45, 60, 90)), "contact_id": contact_id,
                        "note": None,
                    })
                    counts["services"] += 1
            day += timedelta(days=step)
        if alert:
            # The call before the last one was unanswered too: two in a row.
            at = datetime.combine(stop, time(8, 5))
            rows.add("contactlog", {
                "id": ids.uuid5(f"demo-contact:{seed}:{plan_id}:alert"), "household_id": household,
                "person_id": person_id, "contact_date": stop.isoformat(),
                "contacted_at": at.isoformat(sep=" ", timespec="milliseconds"), "cadre_id": cadre, "volunteer_id": None,
                "method": "phone", "outcome": "no_answer", "note": None, "need": None,
            })
            counts["contacts"] += 1
    return counts
