"""`gridkeeper report monthly`: every total in the workbook equals a count over `gridkeeper dump`."""

from __future__ import annotations

import json
import math
import re
import zipfile
from collections import Counter
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from gridkeeper import demo
from gridkeeper.store import open_store
from tests.conftest import clock_on
from tests.e2e.test_cli import gk

# Written for the demo below (history to 2026-11-01) and a pack of October: the commands run later that
# November, whatever the suite's day.
_clock = clock_on(date(2026, 11, 20))

pytestmark = pytest.mark.e2e

FIRST, LAST = date(2026, 10, 1), date(2026, 10, 31)
REACHED = {"well", "needs_help", "in_hospital"}


@pytest.fixture(scope="module")
def profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("report-profile")
    store = open_store(root)
    demo.generate(store, size="small", seed=5, today=date(2026, 11, 1))  # care and cases: Aug - Oct
    store.close()
    return root


def _overview(path: Path) -> dict[str, tuple[object, object]]:
    wb = openpyxl.load_workbook(path)
    return {row[1]: (row[2], row[3]) for row in wb[wb.sheetnames[0]].iter_rows(min_row=3, values_only=True)}


def _expected(plan: dict, first: date, last: date) -> int:  # type: ignore[type-arg]
    start = max(first, date.fromisoformat(plan["start_date"]))
    end = min(last, date.fromisoformat(plan["end_date"])) if plan["end_date"] else last
    if start > end:
        return 0
    if plan["frequency"] == "monthly":
        return (end.year - start.year) * 12 + end.month - start.month + 1
    step = {"daily": 1, "weekly": 7}.get(plan["frequency"], plan["interval_days"] or 1)
    return math.ceil(((end - start).days + 1) / step)


def test_monthly_totals_reconcile_with_the_dump(profile: Path, tmp_path: Path) -> None:
    out = tmp_path / "月报.xlsx"
    done = gk("report", "monthly", "--month", "2026-10", "-o", str(out), "--language", "en", "--json",
              data_dir=profile, home=tmp_path)
    assert done.returncode == 0, done.stderr.decode()
    assert json.loads(done.stdout)["file"] == str(out)
    dumped = gk("dump", data_dir=profile, home=tmp_path)
    data = json.loads(dumped.stdout)

    persons = {p["id"]: p for p in data["person"]}
    plans = [p for p in data["careplan"] if not p["deleted"] and p["start_date"] <= LAST.isoformat()
             and (p["end_date"] is None or p["end_date"] >= FIRST.isoformat())
             and (p["person_id"] is None or not persons[p["person_id"]]["deleted"])]
    in_month = [c for c in data["contactlog"] if FIRST.isoformat() <= c["contact_date"] <= LAST.isoformat()]
    services = Counter(s["service_type"] for s in data["servicerecord"]
                       if FIRST.isoformat() <= s["served_on"] <= LAST.isoformat())
    reached_days: dict[str, set[str]] = {}
    for c in in_month:
        if c["outcome"] in REACHED:
            reached_days.setdefault(c["person_id"], set()).add(c["contact_date"])
    made = sum(min(len(reached_days.get(p["person_id"], ())), _expected(p, FIRST, LAST)) for p in plans)
    by_person: dict[str, list[dict]] = {}  # type: ignore[type-arg]
    for c in sorted(data["contactlog"], key=lambda c: c["contacted_at"]):
        if c["contact_date"] <= LAST.isoformat():
            by_person.setdefault(c["person_id"], []).append(c)
    alerts = sum(1 for p in plans if [c["outcome"] for c in by_person.get(p["person_id"], [])[-2:]]
                 == ["no_answer", "no_answer"])

    o = _overview(out)
    assert o["Persons under a care plan"][0] == len(plans) > 0
    assert o["Persons under daily contact"][0] == sum(1 for p in plans if p["frequency"] == "daily")
    assert o["Contacts expected"][0] == sum(_expected(p, FIRST, LAST) for p in plans)
    assert o["Contacts made (coverage)"][0] == made
    assert o["Contacts made (coverage)"][1] == pytest.approx(made / o["Contacts expected"][0])
    assert o["Contacts logged, attempts included"][0] == len(in_month)
    assert o["Alerts at the end (two unanswered calls)"][0] == alerts
    assert o["Services delivered"][0] == sum(services.values())
    assert o["groceries"][0] == services["groceries"]

    cases = [c for c in data["mediationcase"] if not c["deleted"]]
    steps = [s for s in data["mediationstatuschange"] if FIRST.isoformat() <= s["changed_at"][:10] <= LAST.isoformat()]
    assert o["Cases received"][0] == sum(1 for c in cases if c["received_on"][:7] == "2026-10") > 0
    assert o["Agreements reached"][0] == sum(1 for s in steps if s["to_status"] == "agreed")
    assert o["Mediations failed"][0] == sum(1 for s in steps if s["to_status"] == "failed")
    assert o["Cases escalated"][0] == sum(1 for s in steps if s["to_status"] == "escalated")
    assert o["Return visits made"][0] == sum(1 for v in data["returnvisit"] if v["visited_on"][:7] == "2026-10")
    assert json.loads(done.stdout)["mediation"]["received"] == o["Cases received"][0]

    # Night walks and the four lists.
    walks_in = {w["id"] for w in data["nightwalk"] if not w["deleted"] and w["walk_date"][:7] == "2026-10"}
    found = [f for f in data["finding"] if not f["deleted"] and f["walk_id"] in walks_in]
    assert o["Night walks held"][0] == len(walks_in) > 0
    assert o["Findings logged"][0] == len(found) and o["Settled on the spot"][0] == sum(f["settled"] for f in found)
    end_status: dict[str, str] = {}
    for h in sorted(data["listitemhistory"], key=lambda h: (h["at"], h["id"])):
        if h["at"] < "2026-11-01" and not h["deleted"]:
            end_status[h["item_id"]] = h["to_status"]
    problems = [i for i in data["listitem"] if not i["deleted"] and i["kind"] == "problem"
                and i["opened_on"] <= LAST.isoformat()]
    assert o["Problems opened"][0] == sum(1 for i in problems if i["opened_on"] >= FIRST.isoformat())
    assert o["Problems open at the end"][0] == sum(
        1 for i in problems if end_status.get(i["id"], "open") in ("open", "claimed", "in_progress"))
    assert o["Problems closed"][0] == sum(
        1 for i in problems if end_status.get(i["id"]) in ("done", "verified", "declined")
        and FIRST.isoformat() <= (i["closed_on"] or "") <= LAST.isoformat())
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Overview", "Night walks", "Walks per grid", "Findings", "List items",
                             "Problems by owner", "Mediations", "Care coverage", "Agenda",
                             "Teams at work", "Team work by compound", "Volunteer hours", "Weekend duty"]
    # Clubs and teams (issue 23): the teams' sheet adds up to the month's activities in the dump.
    held = [a for a in data["teamactivity"] if not a["deleted"] and a["held_on"][:7] == "2026-10"]
    team_rows = list(wb["Teams at work"].iter_rows(min_row=3, values_only=True))
    assert sum(r[1] for r in team_rows) == len(held) > 0 and sum(r[4] for r in team_rows) == sum(
        a["households_served"] for a in held)
    assert math.isclose(sum(r[3] for r in team_rows), sum(a["participants"] * a["duration_minutes"] for a in held) / 60,
                        abs_tol=0.05 * len(team_rows))
    assert o["Households served"][0] == sum(a["households_served"] for a in held)
    # Weekend duty (issue 22): the sheet and the overview reconcile with the dump.
    shifts = {x["id"]: x for x in data["dutyshift"] if not x["deleted"] and x["on_date"][:7] == "2026-10"}
    matters = [x for x in data["dutymatter"] if not x["deleted"] and x["shift_id"] in shifts]
    duty = list(wb["Weekend duty"].iter_rows(min_row=3, values_only=True))
    assert sum(r[1] for r in duty) == len(shifts) == o["Duty evenings"][0] > 0
    assert sum(r[2] for r in duty) == len(matters) == o["Matters taken on duty"][0]
    assert sum(r[3] for r in duty) == sum(x["outcome"] == "settled" for x in matters) == o[
        "Duty matters settled on the spot"][0]
    assert sum(r[4] for r in duty) == sum(x["outcome"] == "escalated" for x in matters) == o[
        "Duty matters escalated"][0]
    assert sum(r[5] for r in duty) == o["Duty matters answered within 7 days"][0] == sum(1 for x in matters if x["feedback_on"] and (
        date.fromisoformat(x["feedback_on"]) - date.fromisoformat(shifts[x["shift_id"]]["on_date"])).days <= 7)
    by_owner = {r[0]: r for r in wb["Problems by owner"].iter_rows(min_row=3, values_only=True)}
    parties = [r for name, r in by_owner.items() if " · " not in name]  # the parties, not each company
    assert sum(r[1] for r in parties) == o["Problems opened"][0]
    assert sum(r[3] for r in parties) == o["Problems open at the end"][0]
    assert wb["Night walks"].max_row - 2 == len(walks_in) and wb["Findings"].max_row - 2 == len(found)
    agenda = [r[0] for r in wb["Agenda"].iter_rows(min_row=3, values_only=True)]
    case_end: dict[str, str] = {}
    for step in sorted(data["mediationstatuschange"], key=lambda s: (s["changed_at"], s["id"])):
        if step["changed_at"] < "2026-11-01":
            case_end[step["case_id"]] = step["to_status"]
    assert agenda.count("Failed mediation") == sum(1 for v in case_end.values() if v == "failed")
    assert agenda.count("Escalated mediation") == sum(1 for v in case_end.values() if v == "escalated")
    assert agenda.count("Return visit overdue") == sum(
        1 for c in data["mediationcase"] if not c["deleted"] and c["received_on"] <= LAST.isoformat()
        and c["next_visit_due"] and c["next_visit_due"] < LAST.isoformat()
        and case_end.get(c["id"], "received") not in ("archived", "failed", "escalated"))
    assert agenda.count("Failed mediation") + agenda.count("Escalated mediation") + agenda.count(
        "Return visit overdue") > 0  # the demo's October has some: the check above is not vacuous
    assert agenda.count("Overdue problem") == sum(
        1 for i in problems if end_status.get(i["id"], "open") in ("open", "claimed", "in_progress")
        and i["due_date"] and i["due_date"] < LAST.isoformat())

    sheet = openpyxl.load_workbook(out)["Care coverage"]
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    header = [c.value for c in sheet[2]]
    assert len(rows) == len(plans) and sum(r[header.index("Contacts made")] for r in rows) == made
    assert all("*" in r[header.index("Phone")] for r in rows if r[header.index("Phone")])  # masked by default


def test_an_empty_month_is_a_valid_workbook_of_zeros(profile: Path, tmp_path: Path) -> None:
    out = tmp_path / "empty.xlsx"
    done = gk("report", "monthly", "--month", "2025-01", "-o", str(out), "--language", "en",
              data_dir=profile, home=tmp_path)
    assert done.returncode == 0, done.stderr.decode()
    o = _overview(out)
    assert o["Persons under a care plan"][0] == 0 and o["Contacts logged, attempts included"][0] == 0
    assert o["Contacts made (coverage)"] == (0, None)


def test_bad_periods_scopes_and_locked_files_are_refused(profile: Path, tmp_path: Path) -> None:
    out = tmp_path / "月报.xlsx"
    bad = gk("report", "monthly", "--month", "2026-13", "-o", str(out), data_dir=profile, home=tmp_path)
    assert bad.returncode == 2 and "2026-13" in bad.stderr.decode() and not out.exists()
    nowhere = gk("report", "monthly", "--month", "2026-10", "--community", "无此社区", "-o", str(out),
                 data_dir=profile, home=tmp_path)
    assert nowhere.returncode == 2 and "无此社区" in nowhere.stderr.decode()
    out.write_bytes(b"last month's pack")
    (tmp_path / "~$月报.xlsx").write_bytes(b"")
    locked = gk("report", "monthly", "--month", "2026-10", "-o", str(out), data_dir=profile, home=tmp_path)
    assert locked.returncode == 2 and "月报.xlsx" in locked.stderr.decode()
    assert out.read_bytes() == b"last month's pack"


def test_quarterly_per_cadre_and_per_grid_add_up_to_the_dump(profile: Path, tmp_path: Path) -> None:
    out = tmp_path / "季度.xlsx"
    done = gk("report", "quarterly", "--quarter", "2026-Q4", "-o", str(out), "--language", "en", "--json",
              data_dir=profile, home=tmp_path)
    assert done.returncode == 0, done.stderr.decode()
    data = json.loads(gk("dump", data_dir=profile, home=tmp_path).stdout)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["About", "By cadre", "Ranking", "By grid", "Meetings", "Deliberations",
                             "Committees and Party", "Committees by compound", "Property service ranking", "Satisfaction"]
    meetings = [m for m in data["meeting"] if not m["deleted"] and "2026-10-01" <= m["held_on"] <= "2026-12-31"]
    assert wb["Meetings"].max_row - 2 == len(meetings) > 0
    cadres = list(wb["By cadre"].iter_rows(min_row=3, values_only=True))
    grids = list(wb["By grid"].iter_rows(min_row=3, values_only=True))
    live_cadres = [c for c in data["cadre"] if not c["deleted"]]
    assert sorted(r[0] for r in cadres) == sorted(c["name"] for c in live_cadres)
    plans = [p for p in data["careplan"] if not p["deleted"] and (p["end_date"] or "9") >= "2026-10-01"]
    # Every plan names a cadre and lies in a grid in the demo: both sheets count each plan once.
    head_c = [c.value for c in wb["By cadre"][2]]
    head_g = [c.value for c in wb["By grid"][2]]
    col_c = {name: head_c.index(name) for name in head_c}
    col_g = {name: head_g.index(name) for name in head_g}
    assert sum(r[col_c["Care persons"]] for r in cadres) == sum(r[col_g["Care persons"]] for r in grids) == len(plans)
    assert sum(r[col_c["Contacts expected"]] for r in cadres) == sum(r[col_g["Contacts expected"]] for r in grids)
    # Walks and findings: every walk of the quarter in the dump covers a grid; each finding counts in one grid.
    walks_q = {w["id"] for w in data["nightwalk"] if not w["deleted"] and "2026-10-01" <= w["walk_date"] <= "2026-12-31"}
    found_q = [f for f in data["finding"] if not f["deleted"] and f["walk_id"] in walks_q]
    assert sum(r[col_g["Findings"]] for r in grids) == len(found_q)
    led = Counter(w["leader_cadre_id"] for w in data["nightwalk"] if w["id"] in walks_q)
    for r in cadres:
        cadre_id = next(c["id"] for c in live_cadres if c["name"] == r[0])
        assert r[col_c["Walks"]] >= led.get(cadre_id, 0)  # led, or joined as a participant
        assert r[col_c["Weeks walked"]] <= r[col_c["Weeks"]]
    ranking = list(wb["Ranking"].iter_rows(min_row=3, values_only=True))
    assert [r[0] for r in ranking] == list(range(1, len(ranking) + 1))
    share = [r[col_c["Weeks walked"] + 1] / r[col_c["Weeks"] + 1] for r in ranking]
    assert share == sorted(share, reverse=True)  # most weeks walked first
    assert json.loads(done.stdout)["ranking"] == [r[1] for r in ranking]


def test_unmasked_numbers_are_audited_per_person(profile: Path, tmp_path: Path) -> None:
    import shutil

    root = tmp_path / "copy"
    shutil.copytree(profile, root)
    out = tmp_path / "full.xlsx"
    done = gk("report", "monthly", "--month", "2026-10", "--unmask", "-o", str(out), "--language", "en",
              data_dir=root, home=tmp_path)
    assert done.returncode == 0, done.stderr.decode()
    sheet = openpyxl.load_workbook(out)["Care coverage"]
    header = [c.value for c in sheet[2]]
    phones = [r[header.index("Phone")] for r in sheet.iter_rows(min_row=3, values_only=True)]
    assert any(p and "*" not in p for p in phones)
    data = json.loads(gk("dump", "--with-audit", data_dir=root, home=tmp_path).stdout)
    exported = [a for a in data["auditlog"] if a["action"] == "export"]
    assert len(exported) == len(phones) and all(a["field"] == "phones" for a in exported)
    assert {a["note"] for a in exported} == {"monthly pack 2026-10"}


def test_overview_charts_name_their_bars(profile: Path, tmp_path: Path) -> None:
    """Each bar chart's categories are the figures' names (one per bar), its values their counts."""
    out = tmp_path / "月报.xlsx"
    assert gk("report", "monthly", "--month", "2026-10", "-o", str(out), data_dir=profile,
              home=tmp_path).returncode == 0
    ws = openpyxl.load_workbook(out).worksheets[0]
    with zipfile.ZipFile(out) as z:
        charts = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart")]
    assert charts
    for xml in charts:
        cat = re.search(r"<c:cat>.*?<c:f>[^!]*!\$(\w+)\$(\d+):\$\w+\$(\d+)</c:f>", xml)
        val = re.search(r"<c:val>.*?<c:f>[^!]*!\$(\w+)\$(\d+):\$\w+\$(\d+)</c:f>", xml)
        assert cat and val and cat.groups()[1:] == val.groups()[1:]
        names = [ws[f"{cat[1]}{r}"].value for r in range(int(cat[2]), int(cat[3]) + 1)]
        counts = [ws[f"{val[1]}{r}"].value for r in range(int(val[2]), int(val[3]) + 1)]
        assert len(set(names)) == len(names), names  # not the section title repeated on every bar
        assert all(isinstance(n, int) for n in counts)


def test_agenda_days_overdue_are_whole_days(profile: Path, tmp_path: Path) -> None:
    out = tmp_path / "pack.xlsx"
    assert gk("report", "monthly", "--month", "2026-10", "-o", str(out), "--language", "en", data_dir=profile,
              home=tmp_path).returncode == 0
    ws = openpyxl.load_workbook(out)["Agenda"]
    assert ws["A1"].value.startswith("Monthly consultation pack 2026-10") and "figures as of 2026-10-31" in ws["A1"].value
    column = [c.value for c in ws[2]].index("Days overdue")
    cells = [row[column] for row in ws.iter_rows(min_row=3) if row[column].value is not None]
    assert cells and all(isinstance(c.value, int) and c.number_format == "General" for c in cells)  # 7, not 7.0


def test_a_month_that_has_not_begun_is_refused_in_words(profile: Path, tmp_path: Path) -> None:
    out = tmp_path / "future.xlsx"
    done = gk("report", "monthly", "--month", "2099-01", "-o", str(out), "--language", "en",
              data_dir=profile, home=tmp_path)
    assert done.returncode == 2 and "2099-01 has not begun yet" in done.stderr.decode()
    assert not out.exists()
