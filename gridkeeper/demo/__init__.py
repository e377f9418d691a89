"""A deterministic demo street (`gridkeeper demo --size small|street --seed N`).

`street` is the scale of Chengnan street in the source article: 6 communities,
86 compounds, about 600 buildings, 30,000 households, about 80,000 persons,
about 3,000 persons with care tags and 40 cadres stationed in the grids.
Rows go in through Core bulk inserts on the store's write path, so the capture
triggers log every one of them like any other write.
"""

from __future__ import annotations

import json
import random
import time
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import Any, Callable

from sqlalchemy import text

from gridkeeper import clock, ids
from gridkeeper.demo import care as demo_care
from gridkeeper.demo import mediation as demo_mediation
from gridkeeper.demo import organisations as demo_organisations
from gridkeeper.demo import vocab
from gridkeeper.demo import walks as demo_walks
from gridkeeper.errors import ProfileNotEmpty
from gridkeeper.places.profile import CADRE_KEY
from gridkeeper.rules import idnumber
from gridkeeper.store import capture
from gridkeeper.store.engine import Store
from gridkeeper.store.schema import SYNCED_TABLES

Progress = Callable[[int, str], None]  # percent, what is being done

TODAY = date(2026, 11, 1)  # fixed, so a seed gives the same street on any day


@dataclass(frozen=True)
class Size:
    communities: int
    compounds: int
    buildings: int
    households: int
    grids_per_community: int
    cadres: int
    care_persons: int
    volunteer_teams: int


SIZES: dict[str, Size] = {
    "small": Size(2, 4, 12, 300, 2, 3, 40, 6),
    "street": Size(6, 86, 600, 30_000, 12, 40, 3_000, 324),
}

#: Named residents every demo has, so a newcomer (and the tests) can find them.
KNOWN_HEADS = (("张伟", "M"), ("曾建国", "M"), ("欧阳秀英", "F"), ("单丽华", "F"))


@dataclass
class DemoResult:
    size: str
    seed: int
    communities: int = 0
    compounds: int = 0
    buildings: int = 0
    households: int = 0
    persons: int = 0
    care_persons: int = 0
    mediation_cases: int = 0
    cadres: int = 0
    grids: int = 0
    cadre_name: str = ""
    care_plans: int = 0
    contacts: int = 0
    services: int = 0
    volunteers: int = 0
    walks: int = 0
    findings: int = 0
    list_items: int = 0
    meetings: int = 0
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class _Rows:
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def add(self, table: str, row: dict[str, Any]) -> dict[str, Any]:
        row.setdefault("deleted", 0)
        self.tables.setdefault(table, []).append(row)
        return row


def _birth(rng: random.Random, year_lo: int, year_hi: int) -> date:
    start = date(year_lo, 1, 1).toordinal()
    end = date(min(year_hi, TODAY.year - 1), 12, 31).toordinal()
    return date.fromordinal(rng.randint(start, end))


class _People:
    """Makes persons with unique, valid ID numbers."""

    _DIVISIONS = ("330382",) * 17 + ("330302", "330381", "330324", "522101", "511321", "362330")

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.seen: set[str] = set()

    def id_number(self, birth: date, gender: str) -> str:
        division = self.rng.choice(self._DIVISIONS)
        seq = self.rng.randrange(0, 999)
        for _ in range(1000):
            if (seq % 2 == 1) != (gender == "M"):
                seq = (seq + 1) % 1000
            number = idnumber.make(division, birth, seq)
            if number not in self.seen:
                self.seen.add(number)
                return number
            seq = (seq + 2) % 1000
        raise RuntimeError("ran out of ID sequence numbers")  # 500 per day and place: never

    def phones(self, birth: date) -> str:
        age = TODAY.year - birth.year
        rng = self.rng
        if age < 14:
            return "[]"
        numbers = []
        if age < 75 or rng.random() < 0.5:
            numbers.append(vocab.mobile(rng))
        if age >= 60 and rng.random() < 0.35:
            numbers.append(vocab.landline(rng))
        return json.dumps(numbers)


def _household_members(
    rng: random.Random, size: int, head_gender: str | None = None
) -> list[tuple[str, str, date]]:
    """(relation, gender, birth) for a household of `size`, head first."""
    elderly_single = size == 1 and rng.random() < 0.45
    head_birth = _birth(rng, 1928, 1962) if elderly_single else _birth(rng, 1940, 1998)
    drawn = rng.choice("MF") if size == 1 else ("M" if rng.random() < 0.7 else "F")
    head_gender = head_gender or drawn
    members = [("户主", head_gender, head_birth)]
    if size >= 2:
        spouse_birth = _birth(rng, head_birth.year - 4, head_birth.year + 4)
        members.append(("配偶", "F" if head_gender == "M" else "M", spouse_birth))
    children = 0
    while len(members) < size:
        slot = len(members)
        if slot >= 4 and head_birth.year < 1975 and rng.random() < 0.5:
            child_year = head_birth.year + 25
            g = rng.choice("MF")
            members.append(("孙子" if g == "M" else "孙女", g, _birth(rng, child_year + 22, child_year + 34)))
        elif slot >= 3 and head_birth.year > 1970 and rng.random() < 0.4:
            g = rng.choice("MF")
            members.append(("父亲" if g == "M" else "母亲", g, _birth(rng, head_birth.year - 32, head_birth.year - 22)))
        else:
            children += 1
            g = rng.choice("MF")
            members.append(("子" if g == "M" else "女", g, _birth(rng, head_birth.year + 22, head_birth.year + 36)))
    return members


def _size_picker(rng: random.Random) -> Callable[[], int]:
    return lambda: vocab.household_size(rng)


def build(size_name: str, seed: int, today: date | None = None) -> tuple[_Rows, DemoResult]:
    """All demo rows, in memory: a pure function of the seed (and of `today`, where the
    care history ends; by default the real today, so the Today page looks like a morning)."""
    size = SIZES[size_name]
    rng = random.Random(seed)
    rows = _Rows()
    result = DemoResult(size=size_name, seed=seed)
    people = _People(rng)

    communities = []
    for name, code in vocab.COMMUNITIES[: size.communities]:
        row = rows.add("community", {"id": ids.community_id(name), "name": name, "division_code": code})
        communities.append(row)

    compound_names = vocab.compound_names(rng, size.compounds)
    compounds = []
    for i, name in enumerate(compound_names):
        community = communities[i * len(communities) // len(compound_names)]
        compounds.append(
            rows.add(
                "compound",
                {
                    "id": ids.compound_id(community["name"], name),
                    "community_id": community["id"],
                    "name": name,
                    "property_company": rng.choice(vocab.PROPERTY_COMPANIES),
                    "hoa": vocab.hoa_name(name) if rng.random() < 0.8 else None,
                    "_community": community,
                },
            )
        )

    # Buildings: share `size.buildings` among compounds, at least 2 each.
    weights = [rng.uniform(0.5, 1.5) for _ in compounds]
    per = [max(2, round(size.buildings * w / sum(weights))) for w in weights]
    flats: list[tuple[dict[str, Any], str, str]] = []
    buildings = []
    for compound, count in zip(compounds, per):
        new_build = rng.random() < 0.5
        for n in range(1, count + 1):
            name = f"{n}幢"
            b = rows.add(
                "building",
                {
                    "id": ids.building_id(compound["id"], name),
                    "compound_id": compound["id"],
                    "grid_id": None,
                    "name": name,
                    "units": rng.randint(1, 3) if new_build else rng.randint(2, 4),
                    "floors": rng.randint(11, 26) if new_build else rng.randint(5, 7),
                    "_compound": compound,
                },
            )
            buildings.append(b)
            for unit in range(1, b["units"] + 1):
                for floor in range(1, b["floors"] + 1):
                    for room in range(1, (2 if new_build else 3) + 1):
                        flats.append((b, str(unit), f"{floor}{room:02d}"))

    # Grids: consecutive buildings of one community, about equal in flats.
    grids = []
    for community in communities:
        own = [b for b in buildings if b["_compound"]["_community"] is community]
        for g in range(size.grids_per_community):
            name = f"第{g + 1}网格"
            grid = rows.add(
                "grid",
                {
                    "id": ids.grid_id(community["name"], name),
                    "community_id": community["id"],
                    "name": name,
                    "code": f"{community['division_code']}{g + 1:03d}",
                },
            )
            grids.append(grid)
            lo, hi = g * len(own) // size.grids_per_community, (g + 1) * len(own) // size.grids_per_community
            for b in own[lo:hi]:
                b["grid_id"] = grid["id"]

    occupied = sorted(rng.sample(range(len(flats)), min(size.households, len(flats))))
    pick_size = _size_picker(rng)
    persons = []
    for n, index in enumerate(occupied):
        b, unit, room = flats[index]
        compound = b["_compound"]
        community = compound["_community"]
        hid = ids.household_id(community["name"], compound["name"], b["name"], unit, room)
        status = rng.choices(("人户一致", "人在户不在", "户在人不在"), (85, 8, 7))[0]
        rows.add(
            "household",
            {"id": hid, "building_id": b["id"], "unit": unit, "room": room,
             "household_no": f"{community['division_code'][-6:]}{n + 1:06d}",
             "residence_status": status, "note": None},
        )
        known = KNOWN_HEADS[n] if n < len(KNOWN_HEADS) else None
        members = _household_members(rng, pick_size(), known[1] if known else None)
        household_persons = []
        family = ""  # children take the father's surname (the usual case)
        for m, (relation, gender, birth) in enumerate(members):
            name = known[0] if known and m == 0 else vocab.person_name(rng, gender, birth.year)
            if relation in ("户主", "配偶") and gender == "M" and not family:
                family = _surname(name)
            elif relation in _CHILDREN and family:
                name = family + name[len(_surname(name)):]
            elif relation == "父亲":
                name = _surname(members_names[0]) + name[len(_surname(name)):]
            if m == 0:
                members_names = [name]
            number = people.id_number(birth, gender)
            household_persons.append(
                rows.add(
                    "person",
                    {"id": ids.person_id(number), "household_id": hid, "name": name,
                     "id_number": number, "gender": gender, "birth_date": birth.isoformat(),
                     "ethnicity": vocab.ethnicity(rng), "relation_to_head": relation,
                     "phones": people.phones(birth), "status": "active", "note": None},
                )
            )
        persons.append(household_persons)

    result.care_persons = _care_tags(rng, rows, persons, size.care_persons)
    _cadres(rng, rows, grids, size.cadres, result, today or clock.today())
    care = demo_care.add_care(rows, seed, today or clock.today(), size.volunteer_teams)
    result.care_plans, result.contacts = care["care_plans"], care["contacts"]
    result.services, result.volunteers = care["services"], care["volunteers"]
    result.communities, result.compounds = len(communities), len(compounds)
    result.buildings, result.grids = len(buildings), len(grids)
    result.households = len(occupied)
    result.persons = sum(len(p) for p in persons)
    return rows, result


_CHILDREN = ("子", "女", "孙子", "孙女")


def _surname(name: str) -> str:
    return name[:2] if name[:2] in vocab.COMPOUND_SURNAMES else name[:1]


def _age(person: dict[str, Any]) -> int:
    return TODAY.year - int(person["birth_date"][:4])


def _care_tags(rng: random.Random, rows: _Rows, households: list[list[dict[str, Any]]], target: int) -> int:
    tags = {}
    for name, sensitive, _weight in vocab.ALL_TAGS:
        tags[name] = rows.add("tag", {"id": ids.tag_id(name), "name": name, "sensitive": int(sensitive)})

    def tag(person: dict[str, Any], name: str, detail: str | None = None) -> None:
        rows.add(
            "persontag",
            {"id": ids.person_tag_id(person["id"], tags[name]["id"]), "person_id": person["id"],
             "tag_id": tags[name]["id"], "detail": detail},
        )

    # Elders who by their household need care: alone, empty nest, very old.
    candidates: list[tuple[dict[str, Any], list[str]]] = []
    for members in households:
        for p in members:
            natural = []
            if _age(p) >= 80:
                natural.append("高龄")
            if len(members) == 1 and _age(p) >= 60:
                natural.append("独居")
            elif len(members) == 2 and all(_age(m) >= 65 for m in members):
                natural.append("空巢")
            if natural:
                candidates.append((p, natural))
    rng.shuffle(candidates)
    chosen = candidates[: int(target * 0.85)]
    taken = {p["id"] for p, _ in chosen}
    everyone = [p for members in households for p in members if p["id"] not in taken]
    extra = rng.sample(everyone, min(len(everyone), target - len(chosen)))
    for p, natural in chosen:
        for name in natural:
            tag(p, name)
        if rng.random() < 0.12:
            tag(p, "失能失智")
        if rng.random() < 0.06:
            tag(p, "特困")
    for p in extra:
        kind = rng.choices(("残疾", "低保", "重病"), (5, 3, 2))[0]
        detail = None
        if kind == "残疾":
            kind_of, grade = vocab.disability(rng)
            detail = f"{kind_of}{grade}"
        tag(p, kind, detail)
    # A few everyday, non-care tags.
    others = [spec.name for spec in vocab.OTHER_TAGS]
    adults = [p for members in households for p in members if 25 <= _age(p) <= 75]
    for p in rng.sample(adults, min(len(adults), len(adults) // 30)):
        tag(p, rng.choice(others))
    return len(chosen) + len(extra)


def _cadres(rng: random.Random, rows: _Rows, grids: list[dict[str, Any]], count: int, result: DemoResult,
            today: date) -> None:
    cadres = []
    for i in range(count):
        gender = rng.choice("MF")
        name = vocab.person_name(rng, gender, rng.randint(1970, 1998))
        phone = vocab.mobile(rng)
        cadres.append(
            rows.add("cadre", {"id": ids.cadre_id(name, phone), "name": name, "phone": phone,
                               "role": rng.choice(vocab.CADRE_ROLES), "community_id": None})
        )
    # The stints began on 1 January 2026, or a year before a demo that ends earlier: "my grids" are the
    # grids held on the day (profile.my_grid_ids), so they must have begun by the demo's last day.
    since = "2026-01-01" if today >= date(2026, 1, 1) else (today - timedelta(days=365)).isoformat()
    # Every grid gets a cadre; cadres take consecutive grids (so mostly one community each).
    for g, grid in enumerate(grids):
        cadre = cadres[g * count // len(grids)]
        cadre["community_id"] = cadre["community_id"] or grid["community_id"]
        rows.add("assignment", {"id": ids.assignment_id(cadre["id"], grid["id"]), "cadre_id": cadre["id"],
                                "grid_id": grid["id"], "start_date": since, "end_date": None})
    result.cadres = len(cadres)
    result.cadre_name = cadres[0]["name"]
    result._cadre_id = cadres[0]["id"]  # type: ignore[attr-defined]


_ORDER = SYNCED_TABLES  # parents first


def _is_empty(store: Store) -> bool:
    with store.read() as conn:
        return not any(conn.execute(text(f'SELECT 1 FROM "{t}" LIMIT 1')).first() for t in SYNCED_TABLES)


def generate(
    store: Store, size: str = "small", seed: int = 1, progress: Progress | None = None, today: date | None = None
) -> DemoResult:
    """Fill an empty profile; refuses one that already holds data (nothing is overwritten)."""
    started = time.perf_counter()
    report = progress or (lambda _p, _m: None)
    if not _is_empty(store):
        raise ProfileNotEmpty(str(store.root))
    report(0, "generating")
    rows, result = build(size, seed, today)
    # Care, walks, lists and mediations all run up to the same day: the real today by default,
    # so every page of a fresh demo looks like this week (the street itself is fixed by TODAY).
    history_end = today or clock.today()
    report(20, "writing")
    with store.bulk_load() as conn:
        for i, table in enumerate(_ORDER):
            if rows.tables.get(table):
                # One statement per table, logged for sync (the street's 155,000 contacts cost
                # half as much as through the per-row capture triggers).
                capture.insert_rows(conn, store.clock, table, rows.tables[table])
            report(20 + 80 * (i + 1) // len(_ORDER), table)
        demo_walks.add(conn, store.clock, rows.tables, history_end, seed, result)  # three months of night walks and the lists
        demo_organisations.add(conn, store.clock, rows.tables, history_end, seed)  # committees, companies, surveys, teams
    store.set_meta(CADRE_KEY, result._cadre_id)  # type: ignore[attr-defined]
    result.mediation_cases = demo_mediation.generate(store, rows, size, seed, history_end)
    from gridkeeper.demo import meetings as demo_meetings  # issue 22

    result.meetings = demo_meetings.generate(store, rows.tables, seed, history_end)["meeting"]
    result.seconds = time.perf_counter() - started
    return result
