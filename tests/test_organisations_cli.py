"""`gridkeeper org ...` in process (the parser, the dispatch, --json), and its figures against `gridkeeper dump`."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from gridkeeper import cli
from gridkeeper.store import dump, open_store
from tests.conftest import clock_on
from tests.walk_fixtures import street

_clock = clock_on(date(2026, 11, 27))


@pytest.fixture
def profile(data_dir: Path) -> Path:
    store = open_store(data_dir)
    street(store)  # 塘川社区 阳光花园
    store.close()
    return data_dir


def gk(capsys: pytest.CaptureFixture[str], root: Path, *args: str, code: int = 0) -> dict:  # type: ignore[type-arg]
    assert cli.main(["--data-dir", str(root), "org", *args, "--json"]) == code
    out = capsys.readouterr().out
    return json.loads(out) if code != 2 else {}


def dumped(root: Path) -> dict:  # type: ignore[type-arg]
    """What `gridkeeper dump` writes (it writes to the file descriptor, which capsys cannot read)."""
    store = open_store(root)
    try:
        return dump.rows(store)
    finally:
        store.close()


def test_org_commands_and_their_figures_reconcile_with_the_dump(profile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = profile
    gk(capsys, root, "company", "宏达物业")
    gk(capsys, root, "company", "南虹物业")
    gk(capsys, root, "serve", "--compound", "阳光花园", "--company", "宏达物业", "--on", "2020-01-01")
    gk(capsys, root, "change", "--compound", "塘川社区/阳光花园", "--company", "南虹物业", "--on", "2026-06-01",
       "--reason", "业主大会表决更换")
    gk(capsys, root, "committee", "--compound", "阳光花园", "--elected", "2022-03-01", "--member", "王建国=chair",
       "--member", "陈芳", "--party-member", "王建国")
    gk(capsys, root, "party", "--compound", "阳光花园", "--name", "阳光花园党支部", "--secretary", "王建国")
    found = gk(capsys, root, "inspect", "--compound", "阳光花园", "--on", "2026-11-20", "--by", "李娜",
               "--pass", "楼道整洁", "--fail", "消防通道畅通=堆放杂物", "--fail", "电梯年检")
    gk(capsys, root, "survey", "--compound", "阳光花园", "--on", "2026-03-01", "--asked", "120", "--answered", "100",
       "--satisfied", "31")
    gk(capsys, root, "survey", "--compound", "阳光花园", "--on", "2026-10-01", "--asked", "120", "--answered", "100",
       "--satisfied", "94", "--topic", "safety=90")
    gk(capsys, root, "team", "第11队", "--compound", "阳光花园")
    gk(capsys, root, "team", "第2队", "--kind", "skill_club")
    gk(capsys, root, "activity", "--team", "第2队", "--on", "2026-11-02", "--what", "书法课", "--participants", "3",
       "--minutes", "120", "--households", "4", "--compound", "阳光花园")
    listed = gk(capsys, root, "list")
    series = gk(capsys, root, "series", "--compound", "阳光花园")
    work = gk(capsys, root, "work", "--month", "2026-11")
    named = gk(capsys, root, "teams")

    dump = dumped(root)

    def live(table: str) -> list[dict]:  # type: ignore[type-arg]
        return [r for r in dump[table] if not r["deleted"]]

    total = listed["figures"][-1]
    committees = {r["compound_id"] for r in live("ownerscommittee")}
    orgs = {r["compound_id"] for r in live("partyorg")}
    assert total["compounds"] == len(live("compound"))
    assert total["with_committee"] == len(committees)
    assert total["with_party_org"] == len(committees & orgs)
    assert total["terms_ending"] == 1 and total["one_shoulder"] == 1  # the 2022 term ends 2027-03-01
    [row] = listed["compounds"]
    assert (row["company"], row["satisfaction"]) == ("南虹物业", 0.94)
    contracts = sorted(live("propertycontract"), key=lambda r: r["start_date"])
    assert [c["exit_reason"] for c in contracts] == ["业主大会表决更换", None]
    problems = [r for r in live("listitem") if r["source"] == "inspection"]
    assert [p["id"] for p in problems] == found["problems"] and problems[0]["owner_name"] == "南虹物业"
    assert [p["satisfied"] for p in series["points"]] == [s["overall"] for s in
                                                           sorted(live("survey"), key=lambda r: r["surveyed_on"])]
    assert [e["kind"] for e in series["events"]] == ["company_changed"]
    acts = live("teamactivity")
    assert work["total"]["hours"] == sum(a["participants"] * a["duration_minutes"] for a in acts) / 60
    assert work["total"]["households_served"] == sum(a["households_served"] for a in acts)
    assert [t["name"] for t in named["teams"]] == ["第2队", "第11队"]
    assert Counter(r["kind"] for r in live("volunteerteam")) == {"volunteer_team": 1, "skill_club": 1}

    # The packs: the quarter's committees and satisfaction, the month's team work, against the dump.
    gk(capsys, root, "evaluate", "--compound", "阳光花园", "--quarter", "2026-Q4", "--party", "hoa",
       "--score", "cleaning=90", "--score", "repairs=80")
    quarter, month = root / "q.xlsx", root / "m.xlsx"
    assert cli.main(["--data-dir", str(root), "report", "quarterly", "--quarter", "2026-Q4", "-o", str(quarter),
                     "--language", "en", "--json"]) == 0
    assert cli.main(["--data-dir", str(root), "report", "monthly", "--month", "2026-11", "-o", str(month),
                     "--language", "en", "--json"]) == 0
    capsys.readouterr()
    wb = openpyxl.load_workbook(quarter)
    street_row = list(wb["Committees and Party"].iter_rows(min_row=3, values_only=True))[-1]
    assert street_row[:4] == ("whole street", len(live("compound")), len(committees), len(committees & orgs))
    assert [r[:4] for r in wb["Property service ranking"].iter_rows(min_row=3, values_only=True)] == [
        (1, "阳光花园", "南虹物业", 85)]
    satisfaction = list(wb["Satisfaction"].iter_rows(min_row=3, values_only=True))
    assert [r[4] for r in satisfaction] == [31, 94] and "南虹物业" in satisfaction[1][1]
    assert len(wb["Satisfaction"]._charts) == 1
    teams_sheet = list(openpyxl.load_workbook(month)["Teams at work"].iter_rows(min_row=3, values_only=True))
    assert teams_sheet == [("第2队", 1, 3, 6, 4, 0)]


def test_bad_input_is_refused_in_words(profile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gk(capsys, profile, "survey", "--compound", "阳光花园", "--on", "2026-11-01", "--asked", "10", "--answered", "11",
       "--satisfied", "3", code=2)
    gk(capsys, profile, "committee", "--compound", "没有这个小区", "--elected", "2022-01-01", code=2)
    gk(capsys, profile, "evaluate", "--compound", "阳光花园", "--quarter", "2026-Q4", "--party", "hoa",
       "--score", "cleaning=很好", code=2)
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert dumped(profile)["survey"] == []  # nothing half-written


def test_plain_text_is_in_the_profiles_language(profile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import re

    from gridkeeper import settings as cfg
    from gridkeeper.meetings import deliberation as d
    from gridkeeper.settings import Settings

    Settings(profile).set(cfg.LANGUAGE, "zh_CN")
    for args in (("company", "宏达物业"), ("company", "南虹物业"),
                 ("serve", "--compound", "阳光花园", "--company", "宏达物业", "--on", "2020-01-01"),
                 ("change", "--compound", "阳光花园", "--company", "南虹物业", "--on", "2026-06-01", "--reason", "表决"),
                 ("survey", "--compound", "阳光花园", "--on", "2026-10-01", "--asked", "10", "--answered", "10",
                  "--satisfied", "9"),
                 ("team", "书法协会", "--kind", "skill_club"),
                 ("activity", "--team", "书法协会", "--on", "2026-11-02", "--what", "书法课", "--participants", "3",
                  "--minutes", "60")):
        gk(capsys, profile, *args)
    store = open_store(profile)
    did = d.open_matter(store, street_compound(store), "更换物业公司", date(2026, 4, 1))
    d.record_party(store, did, date(2026, 4, 5), "同意")
    d.record_tripartite(store, did, date(2026, 4, 10), "三方一致")
    d.record_residents(store, did, date(2026, 4, 20), "door_to_door", d.Tally(10, 8, 1, 1, 0))
    d.decide(store, did, "adopted", date(2026, 5, 2))
    store.close()
    said = []
    for args in (("list",), ("companies",), ("inspect", "--compound", "阳光花园", "--on", "2026-11-20", "--by", "李娜",
                                             "--fail", "电梯年检=标志过期"),
                 ("series", "--compound", "阳光花园"), ("teams",), ("work", "--month", "2026-11")):
        assert cli.main(["--data-dir", str(profile), "org", *args]) == 0
        said.append(capsys.readouterr().out)
    text = re.sub(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "", "".join(said))
    assert "转为问题1个" in text and "议事通过" in text and "技能社团" in text
    assert re.findall(r"[A-Za-z]+", text) == []  # not one English word (ids removed)


def street_compound(store) -> str:  # type: ignore[no-untyped-def]
    from gridkeeper.store import organisations as q

    with store.read() as conn:
        return q.compounds(conn, None)[0][0]
